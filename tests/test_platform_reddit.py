"""Reddit as a platform source, end to end through the CLI against a loopback fake of its public RSS/Atom feeds
(tests/fakes/reddit.py, shapes in docs/platforms/stackexchange-reddit.md, section "Reddit RSS/Atom")."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import run_cli, write_config
from fakes import reddit
from fakes.reddit import RedditServer, b36, permalink
from fakes.server import Reply
from fakes.world import NOW, World, thread_order


@pytest.fixture
def world() -> World:
    w = World()
    t = w.topic("Looking for an adult literacy tutor", "riverreader",
                "<p>Any programmes near Riverside &amp; around?</p>", created=NOW - timedelta(hours=5))
    first = w.reply(t, "pagefriend", "<p>Try the library on Main St.</p>")
    w.reply(t, "quillpen", "<p>Ours runs drop-ins &lt;script&gt;alert(1)&lt;/script&gt;</p>")
    # answers the first comment after the second one was written: the feed nests it, dates would not
    w.reply(t, "riverreader", "<p>Thanks, I will!</p>", parent=first.id)
    other = w.topic("Typing games for grown-ups", "abc", "<p>Made for fun</p>", created=NOW - timedelta(hours=3))
    w.reply(other, "lit", "<p>This could help adult literacy classes.</p>")
    w.topic("Unrelated", "x", "<p>nothing here</p>")
    w.topic("Elsewhere: adult literacy", "y", "<p>another subreddit</p>", community="other")
    return w


@pytest.fixture
def fake(world: World) -> Iterator[RedditServer]:
    with reddit.serve(world) as server:
        yield server


def config(tmp_path: Path, fake: RedditServer, *more: dict[str, object]) -> Path:
    return write_config(tmp_path, [{"url": fake.base + "/r/literacy/", "kind": "reddit", "backfill": "3650d"},
                                   *more])


def show(cfg: Path, url: str) -> dict:
    return json.loads(run_cli("show", url, "--json", config=cfg, check=True).stdout)


def sources(cfg: Path) -> dict[str, dict]:
    return {s["url"]: s for s in json.loads(run_cli("sources", "--json", config=cfg, check=True).stdout)}


def thread_calls(fake: RedditServer) -> list[str]:
    return [e.path for e in fake.requests() if "/comments/" in e.path]


def test_threads_are_read_whole_in_the_feeds_order_and_a_comment_hit_brings_its_post(
        tmp_path: Path, fake: RedditServer, world: World) -> None:
    fake.comment_hits = True            # the search lists a matching comment too: its post is read
    cfg = config(tmp_path, fake)
    run_cli("crawl", config=cfg, check=True)
    t, other = world.topics[0], world.topics[1]
    found = json.loads(run_cli("search", "literacy", "--json", config=cfg, check=True).stdout)
    assert {c["url"] for c in found} == {permalink(t), permalink(other)}    # not the other subreddit's
    shown = show(cfg, permalink(t))
    assert (shown["title"], shown["author"], shown["kind"]) == ("Looking for an adult literacy tutor",
                                                                "riverreader", "thread")
    assert shown["text"] == "Any programmes near Riverside & around?"        # no "submitted by ... [comments]"
    # the feed's order (nested as the site shows it), not the dates'; authors without "/u/"
    assert [r["author"] for r in shown["replies"]] == [p.author for p in thread_order(t)] == [
        "pagefriend", "riverreader", "quillpen"]
    assert [r["url"] for r in shown["replies"]] == [permalink(t, p) for p in thread_order(t)]
    assert shown["replies"][2]["text"] == "Ours runs drop-ins <script>alert(1)</script>"   # text, as written
    assert shown["replies"][0]["text"] == "Try the library on Main St."
    shown = show(cfg, permalink(other))
    assert (shown["title"], shown["author"], [r["author"] for r in shown["replies"]]) == (
        "Typing games for grown-ups", "abc", ["lit"])
    assert sorted(thread_calls(fake)) == sorted(f"/r/literacy/comments/{b36(x.id)}/.rss" for x in (t, other))
    searches = fake.requests("/r/literacy/search.rss")
    assert searches and all(e.query["restrict_sr"] == ["1"] and e.query["sort"] == ["new"] for e in searches)
    assert all(e.user_agent.startswith("threadscout/") for e in fake.requests())
    assert sources(cfg)[fake.base + "/r/literacy/"]["failures"] == 0


def test_search_pages_with_after_back_to_since(tmp_path: Path, fake: RedditServer, world: World) -> None:
    many = [world.topic(f"Adult literacy night {i}", f"u{i}", "<p>Come along</p>",
                        created=NOW - timedelta(days=2, minutes=i)) for i in range(130)]
    old = world.topic("Adult literacy long ago", "old", "<p>Years back</p>", created=NOW - timedelta(days=60))
    cfg = write_config(tmp_path, [{"url": fake.base + "/r/literacy/", "kind": "reddit", "backfill": "30d"}],
                       mission='keywords = ["adult literacy"]')
    run_cli("crawl", config=cfg, check=True)
    pages = fake.requests("/r/literacy/search.rss")
    assert [e.query.get("after") for e in pages] == [None, [f"t3_{b36(many[98].id)}"]]   # 100 entries, then 32
    read = sorted(f"/r/literacy/comments/{b36(t.id)}/.rss" for t in [world.topics[0], *many])    # not `old`
    assert sorted(thread_calls(fake)) == read and old not in many
    assert sources(cfg)[fake.base + "/r/literacy/"]["failures"] == 0


def test_an_unchanged_refresh_asks_no_thread_and_an_active_thread_is_reread_on_its_own(
        tmp_path: Path, fake: RedditServer, world: World) -> None:
    cfg = config(tmp_path, fake)
    run_cli("run", "--once", config=cfg, check=True)       # the first cycle: searched and read
    assert thread_calls(fake) == [f"/r/literacy/comments/{b36(world.topics[0].id)}/.rss"]   # the post that matched
    fake.clear_log()
    run_cli("crawl", "--all", config=cfg, check=True)
    assert thread_calls(fake) == [] and fake.requests("/r/literacy/search.rss")
    t = world.topics[0]
    world.reply(t, "newcomer", "<p>We run adult literacy evenings too.</p>", created=NOW + timedelta(hours=1))
    fake.clear_log()
    run_cli("crawl", "--all", config=cfg, check=True)       # the feed shows no comment count: nothing to see
    assert thread_calls(fake) == []
    with sqlite3.connect(tmp_path / "data" / "threadscout.db") as db:   # its re-read falls due now
        db.execute("UPDATE conversations SET refresh_at = '2000-01-01 00:00:00.000000' WHERE url = ?",
                   (permalink(t),))
    fake.clear_log()
    run_cli("run", "--once", config=cfg, check=True)       # the source is not due: only the re-read
    assert fake.requests("/r/literacy/search.rss") == []
    assert thread_calls(fake) == [f"/r/literacy/comments/{b36(t.id)}/.rss"]
    shown = show(cfg, permalink(t))
    assert shown["replies"][-1]["author"] == "newcomer" and shown["n_replies"] == 4


def test_rate_limit_headers_and_a_429_are_obeyed(tmp_path: Path, fake: RedditServer, world: World) -> None:
    fake.ratelimit["/r/literacy/search.rss"] = (0, 1)      # no call left for a second
    t = world.topics[0]
    fake.answer_next(f"/r/literacy/comments/{b36(t.id)}/",
                     Reply(429, b"<html><title>Too Many Requests</title></html>", "text/html", {"Retry-After": "1"}))
    cfg = write_config(tmp_path, [{"url": fake.base + "/r/literacy/", "kind": "reddit", "backfill": "3650d"}],
                       mission='keywords = ["adult literacy"]')         # one search: every call comes after it
    fake.comment_hits = True
    run_cli("crawl", config=cfg, check=True)
    [t0] = fake.limited_at
    after = [when - t0 for when, _ in fake.times if when > t0]
    assert after and min(after) >= 0.95                     # the next call waited for the reset
    assert len(json.loads(run_cli("search", "literacy", "--json", config=cfg, check=True).stdout)) == 2
    assert thread_calls(fake).count(f"/r/literacy/comments/{b36(t.id)}/.rss") == 2   # asked again after it
    source = sources(cfg)[fake.base + "/r/literacy/"]
    assert source["failures"] == 0 and not source["capped"]


def test_a_429_that_lasts_cuts_the_source_short_and_the_next_crawl_goes_on(
        tmp_path: Path, fake: RedditServer, world: World) -> None:
    fake.comment_hits = True
    fake.answer_next("/r/literacy/comments/", Reply(429, b"<html><title>Too Many Requests</title></html>",
                                                    "text/html"), times=50)
    cfg = config(tmp_path, fake)
    proc = run_cli("crawl", config=cfg)
    assert "Traceback" not in proc.stderr
    assert "429" in (sources(cfg)[fake.base + "/r/literacy/"]["capped"] or "")
    assert run_cli("show", permalink(world.topics[0]), config=cfg).returncode != 0     # not read: not made up
    fake.overrides.clear()
    fake.clear_log()
    run_cli("crawl", "--all", config=cfg, check=True)
    assert sorted(thread_calls(fake)) == sorted(f"/r/literacy/comments/{b36(t.id)}/.rss" for t in world.topics[:2])
    assert len(json.loads(run_cli("search", "literacy", "--json", config=cfg, check=True).stdout)) == 2


def test_addresses_answers_and_robots_txt_that_are_not_for_us_fail_their_source_in_one_line(
        tmp_path: Path, fake: RedditServer, world: World) -> None:
    fake.answer_next("/r/blockedpage/", Reply(200, b"<!doctype html><html><head><title>Blocked</title></head>"
                                                   b"<body><p>You've been\nblocked.</p></body></html>",
                                              "text/html"), times=10)
    fake.answer_next("/r/forbidden/", reddit.blocked(), times=10)
    fake.answer_next("/r/garbage/", Reply(200, b"\x00\xff{not a feed", "application/atom+xml"), times=10)
    elsewhere = world.topics[3]
    fake.comment_hits = True            # the second topic is found (by its comment), then its feed breaks
    # a thread feed cut off mid-way, and one with a broken byte: that thread fails, or keeps the rest of its text
    fake.answer_next(f"/r/literacy/comments/{b36(world.topics[1].id)}/",
                     Reply(200, b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>t3_',
                           reddit.ATOM), times=5)
    first = world.topics[0]
    path = f"/r/literacy/comments/{b36(first.id)}/.rss"
    body = reddit.route(fake, path, {"limit": ["100"]}).body.replace(b"Try the library", b"Try the \xff library")
    fake.answer_next(path, Reply(200, body, reddit.ATOM), times=5)
    more: list[dict[str, object]] = [
        {"url": fake.base + "/user/bob/", "kind": "reddit"}, {"url": fake.base + "/r/blockedpage/", "kind": "reddit"},
        {"url": fake.base + "/r/forbidden/", "kind": "reddit"}, {"url": fake.base + "/r/garbage/", "kind": "reddit"},
        {"url": fake.base + "/r/nosuchsub/", "kind": "reddit"},
        {"url": fake.base + "/", "kind": "reddit", "backfill": "3650d"}]
    with reddit.serve(World()) as strict:       # another Reddit whose robots.txt disallows the subreddit's feeds
        strict.robots = "User-agent: *\nDisallow: /r/literacy/\n"
        cfg = config(tmp_path, fake, *more, {"url": strict.base + "/r/literacy/", "kind": "reddit"})
        proc = run_cli("crawl", config=cfg)
        assert strict.requests("/robots.txt") and strict.requests("/r/") == []      # robots.txt read, no feed
    assert "Traceback" not in proc.stderr
    found = sources(cfg)
    robots = found[strict.base + "/r/literacy/"]
    assert "robots.txt" in robots["last_error"] and robots["error_kind"] == "hard" and "\n" not in robots["last_error"]
    for url, words in [("/user/bob/", "is not a subreddit"),
                       ("/r/blockedpage/", "did not answer a feed (HTTP 200: Blocked)"),
                       ("/r/forbidden/", "HTTP 403 (Blocked)"), ("/r/garbage/", "did not answer a feed"),
                       ("/r/nosuchsub/", "HTTP 404 (reddit.com: page not found)")]:
        source = found[fake.base + url]
        assert words in source["last_error"] and "\n" not in source["last_error"], (url, source["last_error"])
        assert "Traceback" not in source["last_error"]
    assert all(found[fake.base + u]["error_kind"] == "hard" for u in ("/user/bob/", "/r/blockedpage/",
                                                                       "/r/forbidden/", "/r/garbage/"))
    assert found[fake.base + "/r/literacy/"]["failures"] == 0
    # all of Reddit: /search.rss without restrict_sr finds the other subreddit's post, read from its own feed
    assert found[fake.base + "/"]["failures"] == 0
    assert show(cfg, permalink(elsewhere))["text"] == "another subreddit"
    assert fake.requests(f"/r/other/comments/{b36(elsewhere.id)}/.rss")
    assert all("restrict_sr" not in e.query for e in fake.requests("/search.rss"))
    assert run_cli("show", permalink(world.topics[1]), config=cfg).returncode != 0     # broken: not made up
    shown = show(cfg, permalink(first))
    assert shown["n_replies"] == 3 and shown["replies"][0]["text"] == "Try the \ufffd library on Main St."
