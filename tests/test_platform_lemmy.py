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
