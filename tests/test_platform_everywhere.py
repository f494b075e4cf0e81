"""A platform's conversations are conversations like any other: `search` whatever keyword found them, `where`,
`is:unanswered`, `is:ours` by account name, `mark`, alerts with one follow-up per new reply, and the web page,
which shows a script in a reply as text. Through the CLI, against the Hacker News fake (tests/fakes/hackernews.py);
the other platforms produce the same items through the same pipeline."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

import pytest
from conftest import run_cli, write_config
from fakes import hackernews
from fakes.server import FakeServer
from fakes.world import NOW, World
from receivers import Webhook, WebServer
from test_web import Browser

HN = "https://news.ycombinator.com/item?id="
MISSION = 'keywords = ["adult literacy", "reading tutor"]\norg_names = ["Riverside Literacy"]'
HOSTILE = "&lt;script&gt;document.title='pwned'&lt;/script&gt;"


@pytest.fixture
def world() -> World:
    w = World()
    both = w.topic("Adult literacy: is a reading tutor paid?", "tmk", "<p>Both keywords here</p>",
                   created=NOW - timedelta(hours=5))
    w.reply(both, "riversideliteracy", f"<p>We pay ours. {HOSTILE}</p>")
    w.topic("Ask HN: adult literacy apps?", "solo", "<p>Nobody answered this yet</p>", created=NOW - timedelta(hours=4))
    return w


@pytest.fixture
def fake(world: World) -> Iterator[FakeServer]:
    with hackernews.serve(world) as server:
        yield server


@pytest.fixture
def hook() -> Iterator[Webhook]:
    receiver = Webhook()
    yield receiver
    receiver.stop()


def config(tmp_path: Path, fake: FakeServer, *searches: str) -> Path:
    cfg = write_config(tmp_path, [{"url": fake.base + "/", "kind": "hackernews", "backfill": "3650d"}],
                       mission=MISSION)
    with cfg.open("a", encoding="utf-8") as f:
        f.write("\n" + "\n".join(searches))
    return cfg


def urls(cfg: Path, *query: str) -> set[str]:
    return {c["url"] for c in json.loads(run_cli("search", *query, "--json", config=cfg, check=True).stdout)}


def test_platform_conversations_are_searched_listed_and_marked_like_any_other(tmp_path: Path, fake: FakeServer,
                                                                           world: World) -> None:
    cfg = config(tmp_path, fake)
    run_cli("crawl", config=cfg, check=True)
    both, solo = (HN + str(t.id) for t in world.topics)
    assert urls(cfg, "tutor") == {both}                       # whatever keyword found it
    assert urls(cfg, "literacy") == {both, solo}              # found by two keywords: one conversation
    assert urls(cfg, "is:unanswered") == {solo}
    assert urls(cfg, "is:ours") == {both}                     # "Riverside Literacy" is the account riversideliteracy
    where = json.loads(run_cli("where", "--json", config=cfg, check=True).stdout)
    assert [(s["site"], s["conversations"]) for s in where] == [("news.ycombinator.com", 2)]
    run_cli("mark", solo, "claimed", "--by", "Ana", config=cfg, check=True)
    assert urls(cfg, "is:claimed") == {solo}


def test_alerts_send_a_platform_thread_once_and_one_follow_up_for_its_new_reply(tmp_path: Path, fake: FakeServer,
                                                                               world: World, hook: Webhook) -> None:
    cfg = config(tmp_path, fake, f'[[saved_search]]\nname = "tutors"\nquery = "tutor"\nnotify = ["{hook.url}"]\n')
    run_cli("run", "--once", config=cfg, check=True)
    assert hook.titles() == ["[threadscout] New conversation: Adult literacy: is a reading tutor paid?"]
    assert HN + str(world.topics[0].id) in hook.received[0]["message"]
    world.reply(world.topics[0], "newcomer", "<p>Not where I live.</p>", created=NOW)
    run_cli("crawl", "--all", config=cfg, check=True)
    run_cli("run", "--once", config=cfg, check=True)
    assert hook.titles()[1:] == ["[threadscout] 1 new reply: Adult literacy: is a reading tutor paid?"]
    run_cli("crawl", "--all", config=cfg, check=True)
    run_cli("run", "--once", config=cfg, check=True)
    assert len(hook.received) == 2


def test_the_web_page_shows_a_platform_thread_and_its_script_as_text(tmp_path: Path, fake: FakeServer,
                                                                    world: World) -> None:
    cfg = config(tmp_path, fake)
    run_cli("crawl", config=cfg, check=True)
    server = WebServer(cfg)
    try:
        browser = Browser(server.url)
        url = HN + str(world.topics[0].id)
        status, _, page = browser.get("/thread?" + urlencode({"url": url}))
        assert status == 200 and "riversideliteracy" in page and "We pay ours." in page
        assert "<script>document.title" not in page
        assert "&lt;script&gt;document.title" in page
        assert f'href="{url}"' in page
        status, _, page = browser.get("/where?q=literacy&days=30")
        assert status == 200 and "news.ycombinator.com" in page
    finally:
        server.stop()


def test_sources_add_with_a_platform_kind_is_searched_by_the_next_crawl(tmp_path: Path, fake: FakeServer,
                                                                         world: World) -> None:
    cfg = write_config(tmp_path, [], mission=MISSION)
    added = run_cli("sources", "add", fake.base + "/", "--kind", "hackernews", config=cfg)
    assert added.returncode == 0, added.stderr
    run_cli("crawl", config=cfg, check=True)
    assert urls(cfg, "literacy") == {HN + str(t.id) for t in world.topics}
    [source] = json.loads(run_cli("sources", "--json", config=cfg, check=True).stdout)
    assert (source["kind"], source["failures"]) == ("hackernews", 0)
