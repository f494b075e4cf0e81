"""Lemmy as a platform source, end to end through the CLI against a loopback fake of a Lemmy 0.19 instance's API v3
(tests/fakes/lemmy.py, shapes in docs/platforms/mastodon-lemmy.md, section Lemmy)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import run_cli, write_config
from fakes import lemmy
from fakes.lemmy import LemmyServer, comment_url, post_url
from fakes.server import Reply
from fakes.world import NOW, Topic, World

THREAD_CALLS = ("/api/v3/post", "/api/v3/comment/list")


@pytest.fixture
def world() -> World:
    w = World()
    a = w.topic("Adult literacy tutors in Riverside?", "mira", "Looking for **evening** classes & tutors",
                created=NOW - timedelta(hours=6))
    first = w.reply(a, "jo@other.example", "The library runs one on Thursdays.")
    w.reply(a, "mira", "Thanks <script>alert(1)</script>", parent=first.id)
    w.reply(a, "zed", "A second answer to the post")
    gone = w.reply(a, "gone", "deleted words", parent=first.id)
    gone.deleted = True
    w.reply(a, "kid", "a reply under a deleted comment", parent=gone.id)
    b = w.topic("A typing game", "abc@far.example", "Made for fun", created=NOW - timedelta(hours=3),
                community="games")
    w.reply(b, "lit", "This could help adult literacy classes.")
    w.reply(b, "abc@far.example", "Thanks!")
    w.topic("Unrelated", "x", "nothing here")
    f = w.topic("Adult literacy book club", "reader@books.example", "Monthly, online",
                created=NOW - timedelta(hours=2), community="books@books.example")
    w.reply(f, "ann", "See you there")
    g = w.topic("Adult literacy: your best tip?", "host", "One tip each", created=NOW - timedelta(days=2))
    tips = []
    for i in range(60):
        parent = tips[0].id if i % 10 == 9 else None             # t9, t19, ... t59 answer the first
        tips.append(w.reply(g, f"t{i}", f"tip {i}", parent=parent, created=g.created + timedelta(minutes=i + 1)))
    pinned = w.topic("Welcome: adult literacy community rules", "mod", "Be kind", created=NOW - timedelta(days=60))
    pinned.pinned = True
    return w


@pytest.fixture
def fake(world: World) -> Iterator[LemmyServer]:
    with lemmy.serve(world) as server:
        yield server


def config(tmp_path: Path, fake: LemmyServer, *more: dict[str, object], path: str = "/") -> Path:
    return write_config(tmp_path, [{"url": fake.base + path, "kind": "lemmy", "backfill": "30d"}, *more])


def show(cfg: Path, url: str) -> dict:
    return json.loads(run_cli("show", url, "--json", config=cfg, check=True).stdout)


def thread_calls(fake: LemmyServer) -> list[str]:
    return [e.path for e in fake.requests() if e.path in THREAD_CALLS]


def test_posts_and_comment_hits_are_read_whole_in_thread_order(tmp_path: Path, fake: LemmyServer,
                                                                world: World) -> None:
    cfg = config(tmp_path, fake)
    run_cli("crawl", config=cfg, check=True)
    a, b, f, g = world.topics[0], world.topics[1], world.topics[3], world.topics[4]
    found = json.loads(run_cli("search", "literacy OR fun OR rules", "--json", config=cfg, check=True).stdout)
    # the unrelated post is not stored; the pinned one is older than the backfill (and did not stop the search)
    assert {c["url"] for c in found} == {post_url(t) for t in (a, b, f, g)}
    shown = show(cfg, post_url(a))
    assert (shown["title"], shown["author"], shown["kind"]) == ("Adult literacy tutors in Riverside?", "mira", "thread")
    assert shown["url"] == f"https://lemmy.example/post/{a.id}"
    assert shown["text"] == "Looking for **evening** classes & tutors"             # Markdown, as written
    # depth-first by path; the deleted comment left out, its reply kept under the comment above it
    assert [r["author"] for r in shown["replies"]] == ["jo@other.example", "mira", "kid", "zed"]
    assert [r["url"] for r in shown["replies"]] == [comment_url(a.replies[i]) for i in (0, 1, 4, 2)]
    assert shown["replies"][0]["url"] == f"https://other.example/comment/{a.replies[0].id}"
    assert shown["replies"][1]["text"] == "Thanks <script>alert(1)</script>"      # text, shown as written
    assert "deleted words" not in json.dumps(shown)
    # the comment hit brought its post whole, with the post's own title, author and ap_id
    shown = show(cfg, post_url(b))
    assert (shown["url"], shown["title"], shown["author"], shown["text"]) == (
        f"https://far.example/post/{b.id}", "A typing game", "abc@far.example", "Made for fun")
    assert [r["author"] for r in shown["replies"]] == ["lit", "abc@far.example"]
    # a post of a remote community: its comments too (type_=All)
    assert [r["author"] for r in show(cfg, post_url(f))["replies"]] == ["ann"]
    # 60 comments: two pages of 50, oldest first, no max_depth; all of them in thread order
    pages = [e.query for e in fake.requests("/api/v3/comment/list") if e.query["post_id"] == [str(g.id)]]
    assert sorted(q["page"][0] for q in pages) == ["1", "2"]
    assert all(q["sort"] == ["Old"] and q["limit"] == ["50"] and q["type_"] == ["All"] and "max_depth" not in q
               for q in pages)
    # t9 ... t59 answer t0 (t59 on the second page): each after its parent, before the parent's next sibling
    answers = [f"t{i}" for i in range(9, 60, 10)]
    order = ["t0", *answers, *(f"t{i}" for i in range(1, 60) if f"t{i}" not in answers)]
    assert [r["author"] for r in show(cfg, post_url(g))["replies"]] == order
    searches = fake.requests("/api/v3/search")
    assert {(e.query["type_"][0], e.query["q"][0]) for e in searches} == {
        (kind, kw) for kind in ("Posts", "Comments") for kw in ("adult literacy", "reading tutor", "ESL classes")}
    assert all(e.query["sort"] == ["New"] and e.query["listing_type"] == ["All"] and "community_name" not in e.query
               for e in searches)
    assert all(e.user_agent.startswith("threadscout/") for e in fake.requests())
    assert json.loads(run_cli("sources", "--json", config=cfg, check=True).stdout)[0]["failures"] == 0


def test_an_unchanged_refresh_asks_no_thread_and_a_new_comment_rereads_only_its_post(
        tmp_path: Path, fake: LemmyServer, world: World) -> None:
    cfg = config(tmp_path, fake)
    run_cli("crawl", config=cfg, check=True)
    assert thread_calls(fake).count("/api/v3/post") == 4
    fake.clear_log()
    run_cli("crawl", "--all", config=cfg, check=True)
    assert thread_calls(fake) == []
    assert fake.requests("/api/v3/search")                           # it searched again
    a: Topic = world.topics[0]
    # a post older than the search window is found again by a new comment that matches (its hit brings it)
    world.reply(a, "newcomer", "We run adult literacy evenings too", parent=a.replies[2].id,
                created=NOW + timedelta(hours=1))
    fake.clear_log()
    run_cli("crawl", "--all", config=cfg, check=True)
    calls = [(e.path, e.query.get("id") or e.query.get("post_id")) for e in fake.requests() if e.path in THREAD_CALLS]
    assert calls == [("/api/v3/post", [str(a.id)]), ("/api/v3/comment/list", [str(a.id)])]
    shown = show(cfg, post_url(a))
    assert [r["author"] for r in shown["replies"]] == ["jo@other.example", "mira", "kid", "zed", "newcomer"]
    assert shown["n_replies"] == 5


def test_rate_limit_error_cuts_the_source_short_and_the_next_crawl_goes_on(
        tmp_path: Path, fake: LemmyServer, world: World) -> None:
    fake.answer_next("/api/v3/comment/list", lemmy.rate_limited(), times=50)
    cfg = config(tmp_path, fake)
    proc = run_cli("crawl", config=cfg)
    assert "Traceback" not in proc.stderr
    # HTTP 400 with {"error": "rate_limit_error"}: a refusal, not an error of the source; none asked again
    asked = [e.query["post_id"][0] for e in fake.requests("/api/v3/comment/list")]
    assert asked and len(asked) == len(set(asked))
    sources = json.loads(run_cli("sources", "--json", config=cfg, check=True).stdout)
    assert "rate_limit_error" in (sources[0]["capped"] or "")
    assert sources[0]["error_kind"] != "hard"
    assert run_cli("show", post_url(world.topics[0]), config=cfg).returncode != 0     # not read: not made up
    fake.overrides.clear()
    fake.clear_log()
    run_cli("crawl", "--all", config=cfg, check=True)
    assert sorted(e.query["id"][0] for e in fake.requests("/api/v3/post")) == sorted(
        str(world.topics[i].id) for i in (0, 1, 3, 4))
    assert len(json.loads(run_cli("search", "literacy", "--json", config=cfg, check=True).stdout)) == 4
    assert len(show(cfg, post_url(world.topics[4]))["replies"]) == 60
    sources = json.loads(run_cli("sources", "--json", config=cfg, check=True).stdout)
    assert not sources[0]["capped"] and sources[0]["failures"] == 0


def test_a_community_source_searches_that_community_only_and_bad_urls_fail_in_one_line(
        tmp_path: Path, fake: LemmyServer, world: World) -> None:
    other = World()
    x = other.topic("Adult literacy X", "xx@broken.example", "first", created=NOW - timedelta(hours=2))
    other.reply(x, "r1", "a reply")
    y = other.topic("Adult literacy Y", "yy@broken.example", "second", created=NOW - timedelta(hours=1))
    other.reply(y, "r2", "a reply")
    for n in range(50):             # y on the second page of its search, below a featured post that is old
        other.topic(f"Adult literacy filler {n}", "f@broken.example", "", created=NOW - timedelta(minutes=50 - n))
    rules = other.topic("Adult literacy: read the rules", "mod@broken.example", "", created=NOW - timedelta(days=90))
    rules.pinned = True
    with lemmy.serve(other) as broken, lemmy.serve(World()) as blog:
        broken.answer_for("/api/v3/post", x.id, Reply(200, b'{"post_view": {"post": {"id": 5', "application/json"))
        good = json.dumps({"post_view": lemmy.post_view(y), "moderators": [], "cross_posts": []}).encode()
        broken.answer_for("/api/v3/post", y.id, Reply(200, good.replace(b"second", b"sec\xff\xfeond"),
                                                      "application/json"))
        blog.answer_next("/api/v3/", Reply(200, b"<html><body>a blog</body></html>", "text/html"), times=50)
        cfg = config(tmp_path, fake, {"url": fake.base + "/post/12", "kind": "lemmy"},
                     {"url": fake.base + "/c/no%20such", "kind": "lemmy"},
                     {"url": fake.base + "/c/nosuch", "kind": "lemmy"},
                     {"url": blog.base + "/", "kind": "lemmy"},
                     {"url": broken.base + "/", "kind": "lemmy", "backfill": "30d"}, path="/c/literacy")
        proc = run_cli("crawl", config=cfg)
    assert "Traceback" not in proc.stderr
    sources = {s["url"]: s for s in json.loads(run_cli("sources", "--json", config=cfg, check=True).stdout)}
    for url in (fake.base + "/post/12", fake.base + "/c/no%20such", blog.base + "/", fake.base + "/c/nosuch"):
        assert sources[url]["error_kind"] == "hard" and "\n" not in sources[url]["last_error"], url
    assert "Lemmy" in sources[fake.base + "/post/12"]["last_error"]
    assert "Lemmy" in sources[blog.base + "/"]["last_error"] and "JSON" in sources[blog.base + "/"]["last_error"]
    assert "couldnt_find_community" in sources[fake.base + "/c/nosuch"]["last_error"]
    # the community source: its community's posts and comments only (b is in "games", f in a remote community)
    assert sources[fake.base + "/c/literacy"]["failures"] == 0
    searches = [e for e in fake.requests("/api/v3/search") if e.query.get("community_name") == ["literacy"]]
    assert {e.query["type_"][0] for e in searches} == {"Posts", "Comments"}
    found = json.loads(run_cli("search", "literacy OR fun OR club", "--json", "-n", "500", config=cfg,
                               check=True).stdout)
    a, g = world.topics[0], world.topics[4]
    urls = {c["url"] for c in found}
    assert {u for u in urls if "broken.example" not in u} == {post_url(a), post_url(g)}
    assert post_url(y) in urls and len(urls) == 2 + 51           # y, the 50 others; not x
    # malformed JSON fails its one thread; invalid UTF-8 is replaced; the source is fine
    assert run_cli("show", post_url(x), config=cfg).returncode != 0
    assert show(cfg, post_url(y))["text"] == "sec\ufffd\ufffdond"
    assert sources[broken.base + "/"]["failures"] == 0
    posts = [e.query["page"][0] for e in broken.requests("/api/v3/search")
             if e.query["type_"] == ["Posts"] and e.query["q"] == ["adult literacy"]]
    assert sorted(posts) == ["1", "2"]
    assert run_cli("show", post_url(rules), config=cfg).returncode != 0           # older than the backfill
