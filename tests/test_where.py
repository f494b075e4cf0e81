"""`threadscout where`: sites ranked by the activity of matching conversations in a window; a site of pages that
only mention the keyword does not outrank sites where people reply. Real SQLite file and Whoosh index."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from conftest import run_cli, write_config

from threadscout.config.settings import load_settings
from threadscout.crawler.items import ConversationItem, ReplyItem
from threadscout.indexer.db import Store
from threadscout.indexer.index import SearchIndex
from threadscout.indexer.sync import sync

NOW = datetime.now(timezone.utc)


def conv(url: str, title: str, days_ago: float, repliers: list[str], kind: str = "thread") -> ConversationItem:
    when = NOW - timedelta(days=days_ago)
    return ConversationItem(url=url, title=title, text=f"{title}: adult literacy for our neighbours.",
                            author="opener", kind=kind, published=when - timedelta(hours=len(repliers)),
                            replies=[ReplyItem(author=name, text=f"Reply {i} from {name}",
                                               published=when - timedelta(minutes=i), position=i,
                                               url=f"{url}#r{i}") for i, name in enumerate(repliers)])


ITEMS = [
    # an event calendar: many pages that mention the keyword, nobody replies
    *[conv(f"http://events.test/day/{d}", f"Adult literacy fair, day {d}", 3 + d, [], kind="post")
      for d in range(8)],
    # a forum where people talk
    conv("http://forum.test/t/1", "Starting an adult literacy circle", 2, ["ana", "ben", "cleo", "dev"]),
    conv("http://forum.test/t/2", "Adult literacy volunteers needed", 6, ["ana", "eli"]),
    # a blog with one post and a comment
    conv("http://blog.test/p/", "Why adult literacy matters", 4, ["fay"], kind="post"),
    # a forum whose conversation is old
    conv("http://old.test/t/9", "Adult literacy in the nineties", 90, [f"p{i}" for i in range(10)]),
]


@pytest.fixture(scope="module")
def config(tmp_path_factory):
    folder = tmp_path_factory.mktemp("where")
    path = write_config(folder, [{"url": "http://forum.test/"}])
    cfg = load_settings(path)
    store = Store(cfg.database_url)
    try:
        for item in ITEMS:
            store.save(item, site=item.url.split("/")[2])
        sync(store, SearchIndex(cfg.index_dir))
    finally:
        store.close()
    return path


def places(config, *args: str) -> list[dict]:
    return json.loads(run_cli("where", *args, "--json", config=config, check=True).stdout)


def test_sites_where_people_reply_come_first(config):
    found = places(config, "literacy")
    assert [p["site"] for p in found] == ["forum.test", "blog.test", "events.test"]   # old.test: not this month
    forum = found[0]
    assert forum["conversations"] == 2 and forum["replies"] == 6
    assert forum["participants"] == 6                  # opener, ana, ben, cleo, dev, eli
    assert forum["most_active"]["url"] == "http://forum.test/t/1" and forum["most_active"]["replies"] == 4
    assert found[2]["conversations"] == 8 and found[2]["replies"] == 0


def test_the_window_and_the_default_query(config):
    assert "old.test" in [p["site"] for p in places(config, "literacy", "--days", "120")]
    assert [p["site"] for p in places(config, "circle")] == ["forum.test"]
    # no query: the mission's keywords ("adult literacy" is one of them in the tests' configuration)
    assert [p["site"] for p in places(config)][:3] == ["forum.test", "blog.test", "events.test"]


def test_the_table_for_people(config):
    out = run_cli("where", "literacy", config=config, check=True).stdout
    assert out.index("forum.test") < out.index("blog.test") < out.index("events.test")
    assert "2 conversations, 6 replies, 6 people taking part" in out
    assert "most active: Starting an adult literacy circle (4 replies)" in out


def test_words_left_out(config):
    found = places(config, "literacy", "-circle")
    forum = next(p for p in found if p["site"] == "forum.test")
    assert forum["conversations"] == 1 and forum["most_active"]["url"] == "http://forum.test/t/2"


def test_a_malformed_query_is_explained(config):
    proc = run_cli("where", "literacy", "OR", config=config)
    assert proc.returncode == 2 and "OR needs a word after it" in proc.stderr
