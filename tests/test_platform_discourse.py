"""Discourse as a platform source, end to end through the CLI against a loopback fake of a forum's JSON API
(tests/fakes/discourse.py, shapes in docs/platforms/discourse-hackernews.md)."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import run_cli, write_config
from fakes import discourse
from fakes.discourse import DiscourseServer, post_id, url
from fakes.server import Reply, as_json
from fakes.world import NOW, Topic, World, thread_order


@pytest.fixture
def world() -> World:
    w = World()
    t = w.topic("Where do adults learn to read?", "ana_r", "<p>Looking for adult literacy groups &amp; tutors</p>",
                created=NOW - timedelta(hours=5))
    first = w.reply(t, "rb", "<p>Try your library.</p>")
    second = w.reply(t, "quillpen", "<p>Ours runs drop-ins &lt;script&gt;alert(1)&lt;/script&gt;</p>", parent=first.id)
    w.reply(t, "zed", "<p>A second answer to the topic</p>")
    w.reply(t, "late", "<p>Below the drop-ins</p>", parent=second.id)
    other = w.topic("A typing game", "abc", "<p>Made for fun</p>", created=NOW - timedelta(hours=3))
    w.reply(other, "lit", "<p>This could help adult literacy classes.</p>")
    w.topic("Unrelated", "x", "<p>nothing here</p>")
    w.topic("Literate machines", "bot", "<p>A search's stemming found this; it says nothing of the mission</p>",
            created=NOW - timedelta(hours=1))
    return w


@pytest.fixture
def fake(world: World) -> Iterator[DiscourseServer]:
    with discourse.serve(world) as server:
        server.to_first.add(world.topics[0].replies[2].id)       # "zed": reply_to_post_number 1, not null
        server.loose.add(world.topics[3].id)
        yield server


def config(tmp_path: Path, fake: DiscourseServer, *more: dict[str, object]) -> Path:
    return write_config(tmp_path, [{"url": fake.base + "/", "kind": "discourse", "backfill": "3650d"}, *more])


def show(cfg: Path, address: str) -> dict:
    return json.loads(run_cli("show", address, "--json", config=cfg, check=True).stdout)


def sources_of(cfg: Path) -> dict[str, dict]:
    return {s["url"]: s for s in json.loads(run_cli("sources", "--json", config=cfg, check=True).stdout)}


def thread_calls(fake: DiscourseServer) -> list[str]:
    return [e.path for e in fake.requests(fake.prefix + "/t/")]


def found(cfg: Path) -> set[str]:
    return {c["url"] for c in json.loads(run_cli("search", "literacy", "--json", config=cfg, check=True).stdout)}


def test_topics_are_read_whole_in_thread_order_and_a_reply_hit_brings_its_topic(
        tmp_path: Path, fake: DiscourseServer, world: World) -> None:
    t, other, unrelated, loose = world.topics
    big = world.topic("Adult literacy: your best tip?", "host", "<p>One tip each</p>", created=NOW - timedelta(days=2))
    rng, posts = random.Random(7), [big.id]
    for i in range(300):                 # 301 posts: /t/ID.json gives 20, 281 more come 20 a call
        posts.append(world.reply(big, f"m{i}", f"<p>tip {i}</p>", parent=rng.choice(posts),
                                 created=big.created + timedelta(minutes=i + 1)).id)
    cfg = config(tmp_path, fake)
    run_cli("crawl", config=cfg, check=True)
    base = fake.base
    assert found(cfg) == {url(base, t), url(base, other), url(base, big)}
    shown = show(cfg, url(base, t))
    assert (shown["title"], shown["author"], shown["kind"]) == ("Where do adults learn to read?", "ana_r", "thread")
    assert shown["text"] == "Looking for adult literacy groups & tutors"
    # depth-first by reply_to_post_number (null and 1 both mean the first post), siblings by post number
    assert [r["author"] for r in shown["replies"]] == [p.author for p in thread_order(t)] == ["rb", "quillpen", "late",
                                                                                               "zed"]
    assert [r["url"] for r in shown["replies"]] == [url(base, t, p) for p in thread_order(t)]
    assert shown["replies"][0]["url"] == f"{base}/t/where-do-adults-learn-to-read/{t.id}/2"
    assert shown["replies"][1]["text"] == "Ours runs drop-ins <script>alert(1)</script>"   # text, shown as written
    # the reply's hit brought its topic, with the topic's own title and first post
    shown = show(cfg, url(base, other))
    assert (shown["title"], shown["author"], shown["text"], [r["author"] for r in shown["replies"]]) == (
        "A typing game", "abc", "Made for fun", ["lit"])
    # a topic the forum's search does not find is neither asked nor kept; one it found without the keyword (its
    # stemming) is kept as the platform gave it, and the mission's search does not list it
    assert f"/t/{unrelated.id}.json" not in thread_calls(fake)
    assert run_cli("show", url(base, unrelated), config=cfg).returncode != 0
    assert f"/t/{loose.id}.json" in thread_calls(fake) and url(base, loose) not in found(cfg)
    # the 300-reply topic: read whole, in thread order, 20 posts a call and none asked twice
    assert thread_calls(fake).count(f"/t/{big.id}.json") == 1
    batches = [e.query["post_ids[]"] for e in fake.requests(f"/t/{big.id}/posts.json")]
    assert len(batches) == 15 and all(1 <= len(b) <= 20 for b in batches)
    asked = [int(i) for b in batches for i in b]
    assert sorted(asked) == sorted(post_id(p) for p in big.replies[19:]) and len(set(asked)) == 281
    shown = show(cfg, url(base, big))
    assert shown["n_replies"] == 300
    assert [r["url"] for r in shown["replies"]] == [url(base, big, p) for p in thread_order(big)]
    assert [r["text"] for r in shown["replies"]] == [p.text[3:-4] for p in thread_order(big)]
    assert all(e.user_agent.startswith("threadscout/") and "example.org/tests" in e.user_agent
               for e in fake.requests())
    assert sources_of(cfg)[base + "/"]["failures"] == 0


def test_an_unchanged_refresh_asks_no_topic_and_a_new_reply_rereads_only_its_topic(
        tmp_path: Path, fake: DiscourseServer, world: World) -> None:
    fake.per_page = 2                    # two pages of "adult literacy" hits on the first crawl
    cfg = config(tmp_path, fake)
    run_cli("crawl", config=cfg, check=True)
    pages = [e.query["page"][0] for e in fake.requests("/search.json") if e.query["q"][0].startswith("adult lit")]
    assert sorted(pages) == ["1", "2"]
    assert sorted(thread_calls(fake)) == sorted(f"/t/{t.id}.json" for t in (*world.topics[:2], world.topics[3]))
    fake.clear_log()
    run_cli("crawl", "--all", config=cfg, check=True)
    assert thread_calls(fake) == []
    searches = fake.requests("/search.json")
    assert searches and all(e.query["page"] == ["1"] for e in searches)     # stopped at the last crawl's newest
    t: Topic = world.topics[0]
    world.reply(t, "newcomer", "<p>We run adult literacy evenings too.</p>", created=NOW + timedelta(hours=1))
    fake.clear_log()
    run_cli("crawl", "--all", config=cfg, check=True)
    assert thread_calls(fake) == [f"/t/{t.id}.json"]
    shown = show(cfg, url(fake.base, t))
    assert shown["replies"][-1]["author"] == "newcomer" and shown["n_replies"] == 5
    assert shown["replies"][-1]["url"] == url(fake.base, t, t.replies[-1])


def test_rate_limits_with_a_wait_are_waited_out(tmp_path: Path, fake: DiscourseServer, world: World) -> None:
    # a topic's 429 as older versions send it: no Retry-After, the wait in extras.wait_seconds
    fake.answer_next("/t/", as_json({"errors": ["You've performed this action too many times."],
                                     "error_type": "rate_limit", "extras": {"wait_seconds": 1}}, 429))
    fake.answer_next("/search.json", as_json({"errors": ["slow down"], "error_type": "rate_limit"}, 429,
                                             {"Retry-After": "1"}))
    cfg = config(tmp_path, fake)
    run_cli("crawl", config=cfg, check=True)
    assert found(cfg) == {url(fake.base, world.topics[0]), url(fake.base, world.topics[1])}
    source = sources_of(cfg)[fake.base + "/"]
    assert source["failures"] == 0 and not source["capped"]
    assert len(thread_calls(fake)) == 4                   # three topics, one of them asked again


def test_a_refused_call_cuts_the_source_short_and_the_next_crawl_goes_on(tmp_path: Path, fake: DiscourseServer,
                                                                         world: World) -> None:
    fake.answer_next("/t/", as_json({"errors": ["You've performed this action too many times."],
                                     "error_type": "rate_limit"}, 429), times=50)
    cfg = config(tmp_path, fake)
    proc = run_cli("crawl", config=cfg)
    assert "Traceback" not in proc.stderr
    capped = sources_of(cfg)[fake.base + "/"]["capped"] or ""
    assert "429" in capped and "too many times" in capped
    assert run_cli("show", url(fake.base, world.topics[0]), config=cfg).returncode != 0    # not read: not made up
    fake.overrides.clear()
    fake.clear_log()
    run_cli("crawl", "--all", config=cfg, check=True)
    assert sorted(thread_calls(fake)) == sorted(f"/t/{t.id}.json" for t in (*world.topics[:2], world.topics[3]))
    assert found(cfg) == {url(fake.base, world.topics[0]), url(fake.base, world.topics[1])}


def test_an_overloaded_search_cuts_the_source_short_and_the_search_limiter_is_waited_out(tmp_path: Path, fake: DiscourseServer
                                                                         ) -> None:
    overloaded = json.loads(discourse.search(fake, {"q": ["nothing"]}).body)
    overloaded["grouped_search_result"]["error"] = "The site is under extreme load, search is disabled."
    fake.answer_next("/search.json", as_json(overloaded), times=50)
    cfg = config(tmp_path, fake)
    run_cli("crawl", config=cfg)
    capped = sources_of(cfg)[fake.base + "/"]["capped"] or ""
    assert "extreme load" in capped and "next crawl" in capped
    assert thread_calls(fake) == []
    # the search controller's own limiter: a 429 with a message and no Retry-After is waited out a minute (15
    # searches a minute per address), as a Retry-After of 60 would be (the crawl's handling of that is tested
    # with Hacker News); a topic's 429 that names no wait at all is a refusal with none
    from threadscout.crawler.platforms import Answer, Limit
    from threadscout.crawler.platforms.discourse import PLATFORM
    body = json.dumps({"failed": "FAILED", "message": "You're searching too often."}).encode()
    assert PLATFORM.limited(Answer(fake.base + "/search.json?q=x", 429, {}, body)) == Limit(refused=True, wait=60.0)
    assert PLATFORM.limited(Answer(fake.base + "/search.json?q=x", 429, {"retry-after": "7"}, body)) == Limit(
        refused=True, wait=None)                          # its own Retry-After is kept by the crawl
    assert PLATFORM.limited(Answer(fake.base + "/t/5.json", 429, {}, b"{}")) == Limit(refused=True, wait=None)
    assert PLATFORM.problem(Answer(fake.base + "/search.json?q=x", 429, {}, body)) == "You're searching too often."


def test_a_forum_in_a_sub_folder_a_login_only_forum_and_urls_that_are_no_forum(tmp_path: Path, fake: DiscourseServer,
                                                                              world: World) -> None:
    fake.answer_next("/blog/search.json", Reply(200, b"<html><body>a blog</body></html>", "text/html"), times=10)
    with discourse.serve(world) as sub, discourse.serve(world) as private:
        sub.prefix = "/forum"
        private.login_required = True
        cfg = config(tmp_path, fake, {"url": sub.base + "/forum/", "kind": "discourse", "backfill": "3650d"},
                     {"url": private.base + "/", "kind": "discourse"},
                     {"url": fake.base + "/t/where-do-adults-learn-to-read/12", "kind": "discourse"},
                     {"url": fake.base + "/blog/", "kind": "discourse"})
        proc = run_cli("crawl", config=cfg)
        assert "Traceback" not in proc.stderr
        sources = sources_of(cfg)
        # the sub-folder forum: every call under /forum, every address too
        assert sources[sub.base + "/forum/"]["failures"] == 0
        assert sub.requests() and all(e.path.startswith("/forum/") for e in sub.requests())
        t = world.topics[0]
        shown = show(cfg, url(sub.base + "/forum", t))
        assert [r["url"] for r in shown["replies"]] == [url(sub.base + "/forum", t, p) for p in thread_order(t)]
        login = sources[private.base + "/"]
        assert login["error_kind"] == "hard" and "\n" not in login["last_error"]
        assert "403" in login["last_error"] and "login" in login["last_error"]
        assert [e.path for e in private.requests("/t/")] == []
    topic_page = sources[fake.base + "/t/where-do-adults-learn-to-read/12"]
    assert topic_page["error_kind"] == "hard" and "\n" not in topic_page["last_error"]
    assert f"give the forum's address, such as {fake.base}/" in topic_page["last_error"]
    blog = sources[fake.base + "/blog/"]
    assert blog["error_kind"] == "hard" and "Discourse" in blog["last_error"] and "JSON" in blog["last_error"]
    assert sources[fake.base + "/"]["failures"] == 0


def test_malformed_and_mis_encoded_answers_fail_one_topic_not_the_crawl(tmp_path: Path, fake: DiscourseServer,
                                                                        world: World) -> None:
    t, other = world.topics[0], world.topics[1]
    fake.answer_next(f"/t/{other.id}.json", Reply(200, b'{"id": 5, "post_stream": {"posts": [', "application/json"),
                     times=5)
    bad = json.dumps(discourse.topic_json(fake, t)).encode().replace(b"Try your library.",
                                                                     b"Try your \xff\xfe library.")
    fake.answer_next(f"/t/{t.id}.json", Reply(200, bad, "application/json"), times=5)
    cfg = config(tmp_path, fake)
    proc = run_cli("crawl", config=cfg)
    assert "Traceback" not in proc.stderr
    assert show(cfg, url(fake.base, t))["replies"][0]["text"] == "Try your \ufffd\ufffd library."
    assert run_cli("show", url(fake.base, other), config=cfg).returncode != 0      # not read: not made up
    assert sources_of(cfg)[fake.base + "/"]["failures"] == 0                         # the search worked
