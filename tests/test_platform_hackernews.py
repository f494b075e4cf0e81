"""Hacker News as a platform source, end to end through the CLI against a loopback fake of Algolia's API
(tests/fakes/hackernews.py, shapes in docs/platforms/discourse-hackernews.md)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import run_cli, write_config
from fakes import hackernews
from fakes.server import FakeServer, Reply, as_json
from fakes.world import NOW, Topic, World, thread_order

HN = "https://news.ycombinator.com/item?id="


@pytest.fixture
def world() -> World:
    w = World()
    t = w.topic("Ask HN: where do adults learn to read?", "tmk",
                "<p>Looking for adult literacy groups &amp; tutors</p>", created=NOW - timedelta(hours=5))
    first = w.reply(t, "rb", "<p>Try your library.</p>")
    w.reply(t, "quillpen", "<p>Ours runs drop-ins &lt;script&gt;alert(1)&lt;/script&gt;</p>", parent=first.id)
    w.reply(t, "zed", "<p>A second answer to the story</p>")
    other = w.topic("Show HN: a typing game", "abc", "<p>Made for fun</p>", created=NOW - timedelta(hours=3))
    w.reply(other, "lit", "<p>This could help adult literacy classes.</p>")
    w.topic("Unrelated", "x", "<p>nothing here</p>")
    return w


@pytest.fixture
def fake(world: World) -> Iterator[FakeServer]:
    with hackernews.serve(world) as server:
        yield server


def config(tmp_path: Path, fake: FakeServer, **extra: object) -> Path:
    return write_config(tmp_path, [{"url": fake.base + "/", "kind": "hackernews", "backfill": "3650d", **extra}])


def show(cfg: Path, url: str) -> dict:
    proc = run_cli("show", url, "--json", config=cfg, check=True)
    return json.loads(proc.stdout)


def thread_calls(fake: FakeServer) -> list[str]:
    return [entry.path for entry in fake.requests("/api/v1/items/")]


def test_a_story_and_a_comment_hit_are_read_whole_in_thread_order(tmp_path: Path, fake: FakeServer,
                                                                    world: World) -> None:
    cfg = config(tmp_path, fake)
    run_cli("crawl", config=cfg, check=True)
    found = json.loads(run_cli("search", "literacy", "--json", config=cfg, check=True).stdout)
    story, other = world.topics[0], world.topics[1]
    assert {c["url"] for c in found} == {HN + str(story.id), HN + str(other.id)}
    # the comment's hit brought its story, with the story's own title and author
    shown = show(cfg, HN + str(other.id))
    assert (shown["title"], shown["author"], shown["kind"]) == ("Show HN: a typing game", "abc", "thread")
    shown = show(cfg, HN + str(story.id))
    assert [r["author"] for r in shown["replies"]] == [p.author for p in thread_order(story)] == ["rb", "quillpen", "zed"]
    assert [r["url"] for r in shown["replies"]] == [HN + str(p.id) for p in thread_order(story)]
    assert shown["text"] == "Looking for adult literacy groups & tutors"
    assert "<script>alert(1)</script>" in shown["replies"][1]["text"]       # text, shown as written
    assert all(entry.user_agent.startswith("threadscout/") and "example.org/tests" in entry.user_agent
               for entry in fake.requests())


def test_an_unchanged_refresh_asks_no_thread_and_a_new_reply_rereads_only_its_thread(
        tmp_path: Path, fake: FakeServer, world: World) -> None:
    cfg = config(tmp_path, fake)
    run_cli("crawl", config=cfg, check=True)
    assert len(thread_calls(fake)) == 2
    fake.clear_log()
    run_cli("crawl", "--all", config=cfg, check=True)
    assert thread_calls(fake) == []
    assert fake.requests("/api/v1/search_by_date")                   # it searched again
    story: Topic = world.topics[0]
    world.reply(story, "newcomer", "<p>We run adult literacy evenings too.</p>", created=NOW + timedelta(hours=1))
    fake.clear_log()
    run_cli("crawl", "--all", config=cfg, check=True)
    assert thread_calls(fake) == [f"/api/v1/items/{story.id}"]
    shown = show(cfg, HN + str(story.id))
    assert shown["replies"][-1]["author"] == "newcomer" and shown["n_replies"] == 4


def test_a_429_with_retry_after_is_waited_out(tmp_path: Path, fake: FakeServer) -> None:
    fake.answer_next("/api/v1/search_by_date", as_json({"message": "slow down"}, 429, {"Retry-After": "1"}))
    cfg = config(tmp_path, fake)
    run_cli("crawl", config=cfg, check=True)
    assert len(json.loads(run_cli("search", "literacy", "--json", config=cfg, check=True).stdout)) == 2
    sources = json.loads(run_cli("sources", "--json", config=cfg, check=True).stdout)
    assert sources[0]["failures"] == 0 and not sources[0]["capped"]


def test_a_rate_limit_that_lasts_cuts_the_source_short_and_the_next_crawl_goes_on(
        tmp_path: Path, fake: FakeServer, world: World) -> None:
    fake.answer_next("/api/v1/items/", as_json({"message": "too many"}, 429), times=50)
    cfg = config(tmp_path, fake)
    run_cli("crawl", config=cfg)
    sources = json.loads(run_cli("sources", "--json", config=cfg, check=True).stdout)
    assert "429" in (sources[0]["capped"] or "")
    status = run_cli("status", config=cfg, check=True).stdout
    assert "capped in its last crawl" in status and "429" in status          # said by `status` too
    fake.overrides.clear()
    fake.clear_log()
    run_cli("crawl", "--all", config=cfg, check=True)
    assert sorted(thread_calls(fake)) == sorted(f"/api/v1/items/{t.id}" for t in world.topics[:2])
    found = json.loads(run_cli("search", "literacy", "--json", config=cfg, check=True).stdout)
    assert len(found) == 2


def test_a_blog_configured_as_hackernews_fails_that_source_with_one_line(tmp_path: Path, fake: FakeServer) -> None:
    fake.answer_next("/api/v1/search_by_date", Reply(200, b"<html><body>a blog</body></html>", "text/html"),
                     times=10)
    cfg = config(tmp_path, fake)
    proc = run_cli("crawl", config=cfg)
    assert "Traceback" not in proc.stderr
    sources = json.loads(run_cli("sources", "--json", config=cfg, check=True).stdout)
    assert sources[0]["error_kind"] == "hard"
    assert "Hacker News" in sources[0]["last_error"] and "JSON" in sources[0]["last_error"]


def test_platform_settings_are_checked(tmp_path: Path) -> None:
    cfg = write_config(tmp_path, [{"url": "https://blog.example.org/", "kind": "site", "backfill": "7d"}])
    proc = run_cli("sources", config=cfg)
    assert proc.returncode == 2 and "backfill" in proc.stderr and "platform sources only" in proc.stderr


def test_run_rereads_an_active_thread_through_the_api_on_its_own_schedule(tmp_path: Path, fake: FakeServer,
                                                                          world: World) -> None:
    import sqlite3

    cfg = config(tmp_path, fake)
    run_cli("run", "--once", config=cfg, check=True)       # the first cycle: searched and read
    story = world.topics[0]
    world.reply(story, "late", "<p>An answer the search window no longer shows</p>")
    with sqlite3.connect(tmp_path / "data" / "threadscout.db") as db:   # its re-read falls due now
        db.execute("UPDATE conversations SET refresh_at = '2000-01-01 00:00:00.000000' WHERE url = ?",
                   (HN + str(story.id),))
    fake.clear_log()
    run_cli("run", "--once", config=cfg, check=True)       # the source is not due: only the re-read
    assert fake.requests("/api/v1/search_by_date") == []
    assert thread_calls(fake) == [f"/api/v1/items/{story.id}"]
    assert show(cfg, HN + str(story.id))["replies"][-1]["author"] == "late"


def test_malformed_and_mis_encoded_answers_fail_one_thread_not_the_crawl(tmp_path: Path, fake: FakeServer,
                                                                         world: World) -> None:
    story, other = world.topics[0], world.topics[1]
    fake.answer_next(f"/api/v1/items/{other.id}", Reply(200, b'{"id": 5, "children": [', "application/json"),
                     times=5)
    bad = json.dumps(hackernews._node(story, story.root)).encode().replace(b"Try your library.",
                                                                            b"Try your \xff\xfe library.")
    fake.answer_next(f"/api/v1/items/{story.id}", Reply(200, bad, "application/json"), times=5)
    cfg = config(tmp_path, fake)
    proc = run_cli("crawl", config=cfg)
    assert "Traceback" not in proc.stderr
    shown = show(cfg, HN + str(story.id))
    assert shown["replies"][0]["text"] == "Try your \ufffd\ufffd library."
    assert run_cli("show", HN + str(other.id), config=cfg).returncode != 0      # not read: not made up
    sources = json.loads(run_cli("sources", "--json", config=cfg, check=True).stdout)
    assert sources[0]["failures"] == 0                  # the search worked: the source is fine


def test_every_platform_kind_of_the_configuration_is_one_module_of_the_registry() -> None:
    from threadscout.config.settings import PLATFORM_KINDS
    from threadscout.crawler.platforms.registry import PLATFORMS

    assert set(PLATFORMS) == set(PLATFORM_KINDS)          # every kind the configuration accepts is read
    for kind, platform in PLATFORMS.items():
        assert platform.kind == kind and platform.expects and platform.name
