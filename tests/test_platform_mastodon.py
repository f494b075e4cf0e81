"""Mastodon as a platform source, end to end through the CLI against a loopback fake of its public REST API
(tests/fakes/mastodon.py, shapes in docs/platforms/mastodon-lemmy.md, section Mastodon)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import run_cli, write_config
from fakes import mastodon
from fakes.mastodon import MastodonServer, status_id, too_many
from fakes.server import FakeServer, Reply, as_json
from fakes.world import NOW, Post, Topic, World, thread_order

TAG = ('<a href="https://social.example/tags/adultliteracy" class="mention hashtag" rel="tag">'
       '#<span>adultliteracy</span></a>')


@pytest.fixture
def world() -> World:
    return World()


@pytest.fixture
def fake(world: World) -> Iterator[MastodonServer]:
    with mastodon.serve(world) as server:
        t = world.topic("-", "ana", f"<p>Volunteers wanted for {TAG} evenings &amp; weekends</p>",
                        created=NOW - timedelta(hours=5))
        first = world.reply(t, "ben@other.example", "<p>I can help on Tuesdays</p>")
        server.warnings[first.id] = "scheduling"
        second = world.reply(t, "ana", "<p>Thanks &lt;script&gt;alert(1)&lt;/script&gt;</p>", parent=first.id)
        world.reply(t, "ana", "<p>And Thursdays too</p>", parent=second.id)    # a self-reply: served first
        world.reply(t, "cara", "<p>A second answer</p>")
        o = world.topic("-", "dee", "<p>A typing game I made</p>", created=NOW - timedelta(hours=3))
        hit = world.reply(o, "eli@far.example", "<p>Useful for adult literacy classes</p>")
        server.no_url.add(hit.id)                                   # its software gives no `url`: the `uri`
        world.reply(o, "dee", "<p>Thank you!</p>", parent=hit.id)
        boosted = world.topic("-", "fay@remote.example", "<p>Our adult literacy fair is on Saturday</p>",
                              created=NOW - timedelta(hours=2))
        world.reply(boosted, "gus", "<p>See you there</p>")
        server.hidden.add(boosted.id)                               # listed only through its boost
        server.boosts.append(("hal", boosted.id, NOW - timedelta(hours=1)))
        world.topic("-", "ivy", "<p>Nothing about it here</p>")
        yield server


def config(tmp_path: Path, fake: FakeServer, *more: dict[str, object]) -> Path:
    return write_config(tmp_path, [{"url": fake.base + "/", "kind": "mastodon", "backfill": "3650d"}, *more])


def show(cfg: Path, url: str) -> dict:
    return json.loads(run_cli("show", url, "--json", config=cfg, check=True).stdout)


def url_of(post: Post) -> str:
    user, _, host = post.author.partition("@")
    return f"https://{host or mastodon.DOMAIN}/@{user}/{status_id(post)}"


def context(post: Post) -> str:
    return f"/api/v1/statuses/{status_id(post)}/context"


def thread_calls(fake: FakeServer) -> list[str]:
    return sorted(e.path for e in fake.requests("/api/v1/statuses/"))


def test_threads_are_read_whole_in_thread_order_a_reply_brings_its_root_a_boost_its_original(
        tmp_path: Path, fake: MastodonServer, world: World) -> None:
    cfg = config(tmp_path, fake)
    run_cli("crawl", config=cfg, check=True)
    t, o, boosted, unrelated = world.topics
    assert t.root and o.root and boosted.root and unrelated.root
    assert {e.path for e in fake.requests("/api/v1/timelines/")} == {
        f"/api/v1/timelines/tag/{tag}" for tag in ("adultliteracy", "readingtutor", "eslclasses")}
    # the mission's phrase finds the status that only carries its hashtag (#adultliteracy) too
    found = json.loads(run_cli("search", '"adult literacy"', "--json", config=cfg, check=True).stdout)
    assert {c["url"] for c in found} == {url_of(t.root), url_of(o.root), url_of(boosted.root)}
    shown = show(cfg, url_of(t.root))
    assert (shown["author"], shown["kind"], shown["site"]) == ("ana", "thread", "social.example")
    assert shown["title"] == "Volunteers wanted for #adultliteracy evenings & weekends"   # its words: no title
    assert shown["text"] == "Volunteers wanted for #adultliteracy evenings & weekends"
    # thread order although the server lists the self-reply first; a remote account keeps its domain
    assert [r["author"] for r in shown["replies"]] == [p.author for p in thread_order(t)] == [
        "ben@other.example", "ana", "ana", "cara"]
    assert [r["url"] for r in shown["replies"]] == [url_of(p) for p in thread_order(t)]
    assert shown["replies"][0]["url"].startswith("https://other.example/@ben/")
    assert shown["replies"][0]["text"].split() == "scheduling I can help on Tuesdays".split()   # the warning first
    assert shown["replies"][1]["text"] == "Thanks <script>alert(1)</script>"                 # text, as written
    # the reply that matched brought its root, read with the root's own author and every reply
    shown = show(cfg, url_of(o.root))
    assert (shown["author"], [r["author"] for r in shown["replies"]]) == ("dee", ["eli@far.example", "dee"])
    hit = o.replies[0]
    assert shown["replies"][0]["url"] == f"https://far.example/users/eli/statuses/{status_id(hit)}"
    # the boost was read as the status it boosts: its author, its page, its replies (never the booster's wrapper)
    shown = show(cfg, url_of(boosted.root))
    assert (shown["author"], [r["author"] for r in shown["replies"]]) == ("fay@remote.example", ["gus"])
    assert run_cli("show", url_of(unrelated.root), config=cfg).returncode != 0          # not a hit: not stored
    # each thread's context once; the statuses themselves came with the search
    assert thread_calls(fake) == sorted([context(t.root), context(hit), context(o.root), context(boosted.root)])
    assert all(e.user_agent.startswith("threadscout/") and "example.org/tests" in e.user_agent
               for e in fake.requests())
    sources = json.loads(run_cli("sources", "--json", config=cfg, check=True).stdout)
    assert sources[0]["failures"] == 0 and not sources[0]["capped"]


def test_an_unchanged_refresh_asks_no_thread_and_a_new_reply_rereads_only_its_thread(
        tmp_path: Path, fake: MastodonServer, world: World) -> None:
    cfg = config(tmp_path, fake)
    run_cli("crawl", config=cfg, check=True)
    assert len(thread_calls(fake)) == 4
    fake.clear_log()
    run_cli("crawl", "--all", config=cfg, check=True)
    assert thread_calls(fake) == []
    assert fake.requests("/api/v1/timelines/tag/adultliteracy")          # it searched again
    t: Topic = world.topics[0]
    assert t.root is not None
    # a tagged reply to an old thread is a hit of its own, and brings it; a plain reply to a thread the search
    # window still shows moves its replies_count
    new = world.reply(t, "newcomer@new.example", f"<p>We run {TAG} evenings too.</p>",
                      created=NOW + timedelta(hours=1))
    boosted = world.topics[2]
    assert boosted.root is not None
    world.reply(boosted, "jay", "<p>Count me in</p>")
    fake.clear_log()
    run_cli("crawl", "--all", config=cfg, check=True)
    assert thread_calls(fake) == sorted([context(new), context(t.root), context(boosted.root)])
    shown = show(cfg, url_of(t.root))
    assert shown["replies"][-1]["author"] == "newcomer@new.example" and shown["n_replies"] == 5
    assert [r["author"] for r in show(cfg, url_of(boosted.root))["replies"]] == ["gus", "jay"]


def test_rate_limit_headers_hold_the_next_call_and_a_short_429_is_waited_out(
        tmp_path: Path, fake: MastodonServer, world: World) -> None:
    fake.exhaust["/api/v1/timelines/tag/adultliteracy"] = 2.0     # X-RateLimit-Remaining: 0, reset in 2 s
    fake.answer_next("/api/v1/timelines/tag/eslclasses", too_many(1.0))
    cfg = config(tmp_path, fake)
    run_cli("crawl", config=cfg, check=True)
    assert len(json.loads(run_cli("search", "literacy OR adultliteracy", "--json", config=cfg, check=True).stdout)) == 3
    sources = json.loads(run_cli("sources", "--json", config=cfg, check=True).stdout)
    assert sources[0]["failures"] == 0 and not sources[0]["capped"]
    assert len(fake.requests("/api/v1/timelines/tag/eslclasses")) >= 2          # the 429 was asked again
    # the calls sent after the answer that said no call was left waited for its reset (those already on their
    # way came in at once)
    [(t0, _)] = fake.exhausted
    after = [t - t0 for t, _ in fake.times if t > t0]
    assert after and not [d for d in after if 0.3 < d < 1.85] and max(after) >= 1.85


def test_a_429_with_a_far_reset_cuts_the_source_short_and_the_next_crawl_goes_on(
        tmp_path: Path, fake: MastodonServer, world: World) -> None:
    fake.answer_next("/api/v1/statuses/", too_many(3600), times=50)
    cfg = config(tmp_path, fake)
    proc = run_cli("crawl", config=cfg)
    assert "Traceback" not in proc.stderr
    sources = json.loads(run_cli("sources", "--json", config=cfg, check=True).stdout)
    assert "429" in (sources[0]["capped"] or "")
    t = world.topics[0]
    assert t.root is not None
    assert run_cli("show", url_of(t.root), config=cfg).returncode != 0            # not read: not made up
    fake.overrides.clear()
    fake.clear_log()
    run_cli("crawl", "--all", config=cfg, check=True)
    assert len(thread_calls(fake)) == 4
    assert len(json.loads(run_cli("search", "literacy OR adultliteracy", "--json", config=cfg, check=True).stdout)) == 3
    sources = json.loads(run_cli("sources", "--json", config=cfg, check=True).stdout)
    assert not sources[0]["capped"]


def test_answers_not_mastodon_fail_their_source_with_one_line_a_malformed_one_its_thread_only(
        tmp_path: Path, fake: MastodonServer, world: World) -> None:
    from threadscout.crawler.platforms import NotThisPlatform
    from threadscout.crawler.platforms.mastodon import PLATFORM

    with pytest.raises(NotThisPlatform, match="Mastodon"):
        PLATFORM.target("ftp://mastodon.example/")
    t, o = world.topics[0], world.topics[1]
    assert t.root and o.root
    fake.answer_next(context(o.root), Reply(200, b'{"ancestors": [], "descendants": [', "application/json"), times=5)
    bad = mastodon.route(fake, context(t.root), {}).body.replace(b"I can help", b"I \xff\xfe can help")
    fake.answer_next(context(t.root), Reply(200, bad, "application/json"), times=5)
    # a server before 4.0 answers a tag no one used with 404 "Record not found": nothing found, not a failure
    old = mastodon.serve(World())
    old.answer_next("/api/v1/timelines/tag/", as_json({"error": "Record not found"}, 404), times=10)
    blog = FakeServer(World(), lambda s, p, q: Reply(200, b"<html><body>a blog</body></html>", "text/html"))
    other_api = FakeServer(World(), lambda s, p, q: as_json({"posts": []}))
    with blog, other_api, old:
        cfg = config(tmp_path, fake, {"url": blog.base + "/", "kind": "mastodon"},
                     {"url": other_api.base + "/", "kind": "mastodon"}, {"url": old.base + "/", "kind": "mastodon"})
        proc = run_cli("crawl", config=cfg)
    assert "Traceback" not in proc.stderr
    sources = {s["url"]: s for s in json.loads(run_cli("sources", "--json", config=cfg, check=True).stdout)}
    for base, says in ((blog.base, "JSON"), (other_api.base, "not a JSON list")):
        failed = sources[base + "/"]
        assert failed["error_kind"] == "hard" and "Mastodon" in failed["last_error"] and says in failed["last_error"]
        assert "\n" not in failed["last_error"]
    assert sources[fake.base + "/"]["failures"] == 0          # the search worked: the source is fine
    assert sources[old.base + "/"]["failures"] == 0 and not sources[old.base + "/"]["last_error"]
    assert len(old.requests("/api/v1/timelines/tag/")) == 3    # each keyword asked once, nothing more
    shown = show(cfg, url_of(t.root))
    assert "I \ufffd\ufffd can help on Tuesdays" in shown["replies"][0]["text"]
    assert run_cli("show", url_of(o.root), config=cfg).returncode != 0           # not read: not made up


def test_long_chains_and_wide_threads_past_the_anonymous_limits(tmp_path: Path, world: World) -> None:
    with mastodon.serve(world) as fake:
        chain = world.topic("-", "root", "<p>How did you learn?</p>", created=NOW - timedelta(days=2))
        posts = []
        parent = None
        for n in range(45):                   # 45 deep: past the 40 ancestors and the depth of 20 shown
            post = world.reply(chain, "ann" if n % 2 else "bob", f"<p>step {n}</p>", parent=parent)
            posts.append(post)
            parent = post.id
        world.reply(chain, "bob", "<p>It was adult literacy classes, in the end.</p>", parent=parent)
        deep = world.topic("-", "asker", "<p>Adult literacy stories, one line each</p>",
                           created=NOW - timedelta(days=1, hours=1))
        lines, parent = [], None
        for n in range(30):                   # 30 deep below a root hit: past the depth of 20 shown
            lines.append(world.reply(deep, "cy", f"<p>line {n}</p>", parent=parent))
            parent = lines[-1].id
        wide = world.topic("-", "host", "<p>Adult literacy: your best tip?</p>", created=NOW - timedelta(days=1))
        for n in range(65):                   # past the 60 descendants shown
            world.reply(wide, f"u{n}", f"<p>tip {n}</p>", created=wide.created + timedelta(minutes=n + 1))
        late = world.topic("-", "quiet", "<p>Any tips for new volunteers?</p>", created=NOW - timedelta(hours=20))
        for n in range(64):
            world.reply(late, f"v{n}", f"<p>tip {n}</p>", created=late.created + timedelta(minutes=n + 1))
        world.reply(late, "v64", "<p>Adult literacy tip: patience</p>", created=late.created + timedelta(hours=2))
        cfg = config(tmp_path, fake)
        run_cli("crawl", config=cfg, check=True)
        assert chain.root is not None and wide.root is not None and late.root is not None
        # the reply that matched, past the 60 its root's context shows, is in its thread all the same
        assert show(cfg, url_of(late.root))["replies"][-1]["author"] == "v64"
        shown = show(cfg, url_of(chain.root))
        assert [r["text"] for r in shown["replies"]] == [f"step {n}" for n in range(45)] + [
            "It was adult literacy classes, in the end."]
        # up from the hit in two steps (40 ancestors a call), then the root's context: what the climb saw is
        # kept where the root's context stops at 20 deep, so nothing more is asked
        calls = thread_calls(fake)
        others = (context(wide.root), context(deep.root), context(lines[19]), context(late.root),
                  context(late.replies[-1]))
        assert sorted(p for p in calls if p not in others) \
            == sorted([context(chain.replies[-1]), context(posts[5]), context(chain.root)])
        # below a root hit, 20 deep a call: the status at the cut asked for its own replies
        assert deep.root is not None and context(deep.root) in calls and context(lines[19]) in calls
        assert [r["text"] for r in show(cfg, url_of(deep.root))["replies"]] == [f"line {n}" for n in range(30)]
        shown = show(cfg, url_of(wide.root))
        assert [r["author"] for r in shown["replies"]] == [f"u{n}" for n in range(60)]
        sources = json.loads(run_cli("sources", "--json", config=cfg, check=True).stdout)
        assert "some threads are partial" in (sources[0]["capped"] or "")


def test_run_rereads_an_active_thread_by_its_id_on_its_own_schedule(tmp_path: Path, fake: MastodonServer,
                                                                    world: World) -> None:
    cfg = config(tmp_path, fake)
    run_cli("run", "--once", config=cfg, check=True)
    o = world.topics[1]
    assert o.root is not None
    world.reply(o, "late", "<p>A reply to a reply: the count the search shows does not move</p>",
                parent=o.replies[0].id)
    with sqlite3.connect(tmp_path / "data" / "threadscout.db") as db:
        db.execute("UPDATE conversations SET refresh_at = '2000-01-01 00:00:00.000000' WHERE url = ?",
                   (url_of(o.root),))
    fake.clear_log()
    run_cli("run", "--once", config=cfg, check=True)
    assert fake.requests("/api/v1/timelines/") == []
    assert thread_calls(fake) == sorted([f"/api/v1/statuses/{status_id(o.root)}", context(o.root)])
    assert [r["author"] for r in show(cfg, url_of(o.root))["replies"]] == ["eli@far.example", "dee", "late"]
