"""Stack Exchange as a platform source, end to end through the CLI against a loopback fake of the API 2.3
(tests/fakes/stackexchange.py, shapes in docs/platforms/stackexchange-reddit.md)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import run_cli, write_config
from fakes import stackexchange
from fakes.server import Reply
from fakes.stackexchange import StackExchangeServer, link
from fakes.world import NOW, Topic, World
from receivers import WebServer
from test_web import Browser


@pytest.fixture
def world() -> World:
    return World()


@pytest.fixture
def fake(world: World) -> Iterator[StackExchangeServer]:
    with stackexchange.serve(world) as server:
        q = world.topic("Is \"reading tutor\" a job title?", "Mara K",
                        "<p>Our centre for adult literacy calls volunteers <em>tutors</em> &amp; more</p>",
                        created=NOW - timedelta(hours=6))
        server.comment_on_question(q, "Ned", "<p>Which country?</p>")
        first = world.reply(q, "Tomás R.", "<p>Yes, in most programmes.</p>")
        world.reply(q, "Mara K", "Thanks &lt;script&gt;alert(1)&lt;/script&gt;", parent=first.id)
        world.reply(q, "Ines", "<p>A second answer</p>")
        server.comment_on_question(q, "Ned", "<p>A late comment on the question</p>")
        other = world.topic("How do I say it?", "abc", "<p>A phrasing question</p>", created=NOW - timedelta(hours=3))
        world.reply(other, "lit", "<p>Adult literacy classes say it so.</p>")
        world.topic("Unrelated", "x", "<p>nothing here</p>")
        world.topic("Elsewhere: adult literacy", "y", "<p>another site</p>", community="other")
        yield server


def config(tmp_path: Path, fake: StackExchangeServer, *more: dict[str, object]) -> Path:
    return write_config(tmp_path, [{"url": fake.base + "/2.3/?site=literacy", "kind": "stackexchange",
                                    "backfill": "3650d"}, *more])


def show(cfg: Path, url: str) -> dict:
    return json.loads(run_cli("show", url, "--json", config=cfg, check=True).stdout)


def thread_calls(fake: StackExchangeServer) -> list[str]:
    return [e.path for e in fake.requests("/2.3/") if not e.path.startswith("/2.3/search/")]


def test_questions_are_read_whole_in_thread_order_and_the_quota_is_shown(tmp_path: Path, fake: StackExchangeServer,
                                                                       world: World) -> None:
    cfg = config(tmp_path, fake)
    run_cli("crawl", config=cfg, check=True)
    q, other = world.topics[0], world.topics[1]
    found = json.loads(run_cli("search", "literacy", "--json", config=cfg, check=True).stdout)
    assert {c["url"] for c in found} == {link(q), link(other)}      # the other site's question is not searched
    shown = show(cfg, link(q))
    assert (shown["title"], shown["author"], shown["kind"]) == ('Is "reading tutor" a job title?', "Mara K", "thread")
    assert shown["text"] == "Our centre for adult literacy calls volunteers tutors & more"
    # question comments first, then each answer followed by its comments
    assert [r["author"] for r in shown["replies"]] == ["Ned", "Ned", "Tomás R.", "Mara K", "Ines"]
    answers = stackexchange.answers_of(fake, q)
    comments = [c for c in q.replies if c not in answers]
    assert [r["url"] for r in shown["replies"]] == [
        f"{link(q)}#comment{comments[0].id}", f"{link(q)}#comment{comments[2].id}",
        f"https://literacy.stackexchange.com/a/{answers[0].id}", f"{link(q)}#comment{comments[1].id}",
        f"https://literacy.stackexchange.com/a/{answers[1].id}"]
    assert shown["replies"][3]["text"] == "Thanks <script>alert(1)</script>"      # text, shown as written
    # the question whose answer matched: found and read with its own title and author
    shown = show(cfg, link(other))
    assert (shown["title"], shown["author"], [r["author"] for r in shown["replies"]]) == (
        "How do I say it?", "abc", ["lit"])
    sources = json.loads(run_cli("sources", "--json", config=cfg, check=True).stdout)
    assert sources[0]["failures"] == 0
    # the quota as the last answer read said it (answers read at once may come in out of order)
    note = re.fullmatch(r"quota (\d+) of 300 left", sources[0]["platform_note"] or "")
    assert note and fake.quota_left <= int(note.group(1)) < 300 - 3
    server = WebServer(cfg)                       # the web page's sources page says it too
    try:
        status, _, page = Browser(server.url).get("/sources")
        assert status == 200 and sources[0]["platform_note"] in page
    finally:
        server.stop()
    assert all(e.user_agent.startswith("threadscout/") for e in fake.requests())


def test_an_unchanged_refresh_asks_no_thread_and_a_new_answer_rereads_only_its_question(
        tmp_path: Path, fake: StackExchangeServer, world: World) -> None:
    cfg = config(tmp_path, fake)
    run_cli("crawl", config=cfg, check=True)
    assert len([p for p in thread_calls(fake) if p.endswith("/answers")]) == 2
    fake.clear_log()
    run_cli("crawl", "--all", config=cfg, check=True)
    assert thread_calls(fake) == []
    assert fake.requests("/2.3/search/advanced")
    q: Topic = world.topics[0]
    world.reply(q, "newcomer", "<p>We run adult literacy evenings too.</p>", created=NOW + timedelta(hours=1))
    fake.clear_log()
    run_cli("crawl", "--all", config=cfg, check=True)
    calls = thread_calls(fake)
    assert calls[:2] == [f"/2.3/questions/{q.id}", f"/2.3/questions/{q.id}/answers"]
    assert all(str(q.id) in c for c in calls) and len(calls) == 3
    shown = show(cfg, link(q))
    assert shown["replies"][-1]["author"] == "newcomer" and shown["n_replies"] == 6


def test_many_answers_are_paged_comments_asked_100_posts_a_call_and_backoff_obeyed(
        tmp_path: Path, fake: StackExchangeServer, world: World) -> None:
    big = world.topic("Adult literacy: your best tip?", "host", "<p>One tip each</p>",
                      created=NOW - timedelta(days=2))
    answers = [world.reply(big, f"a{i}", f"<p>tip {i}</p>", created=big.created + timedelta(minutes=i))
               for i in range(120)]
    world.reply(big, "c-last", "<p>on the last answer</p>", parent=answers[-1].id,
                created=big.created + timedelta(hours=5))
    fake.backoff["/2.3/search/advanced"] = 1
    cfg = config(tmp_path, fake)
    run_cli("crawl", config=cfg, check=True)
    answer_pages = [e for e in fake.requests(f"/2.3/questions/{big.id}/answers")]
    assert [e.query["page"] for e in answer_pages] == [["1"], ["2"]]
    comment_calls = [e.path for e in fake.requests("/2.3/posts/")
                     if str(answers[50].id) in e.path or str(answers[-1].id) in e.path]
    ids = [call.split("/")[3].split(";") for call in comment_calls]
    assert [len(i) for i in ids] == [100, 21] and ids[0][0] == str(big.id)
    shown = show(cfg, link(big))
    assert [r["author"] for r in shown["replies"]] == [f"a{i}" for i in range(120)] + ["c-last"]
    # the answer that carried backoff=1 held the next calls for a second (those already sent came in at once)
    [t0] = fake.backed_off
    after = [t - t0 for t, _ in fake.times if t > t0]
    assert after and not [d for d in after if 0.2 < d < 0.95] and max(after) >= 0.95


def test_a_throttle_violation_cuts_the_source_short_and_the_next_crawl_goes_on(
        tmp_path: Path, fake: StackExchangeServer, world: World) -> None:
    fake.answer_next("/2.3/questions/", stackexchange.throttled(), times=50)
    cfg = config(tmp_path, fake)
    proc = run_cli("crawl", config=cfg)
    assert "Traceback" not in proc.stderr
    sources = json.loads(run_cli("sources", "--json", config=cfg, check=True).stdout)
    assert "throttle_violation" in (sources[0]["capped"] or "")
    assert run_cli("show", link(world.topics[0]), config=cfg).returncode != 0       # not read: not made up
    fake.overrides.clear()
    fake.clear_log()
    run_cli("crawl", "--all", config=cfg, check=True)
    assert sorted(p for p in thread_calls(fake) if p.count("/") == 3) == sorted(
        f"/2.3/questions/{t.id}" for t in world.topics[:2])
    assert len(json.loads(run_cli("search", "literacy", "--json", config=cfg, check=True).stdout)) == 2


def test_urls_that_cannot_be_stack_exchange_fail_their_source_with_one_line(tmp_path: Path,
                                                                           fake: StackExchangeServer) -> None:
    fake.answer_next("/blog/2.3/search/", Reply(200, b"<html><body>a blog</body></html>", "text/html"), times=10)
    cfg = config(tmp_path, fake, {"url": fake.base + "/2.3/", "kind": "stackexchange"},
                 {"url": fake.base + "/blog/?site=literacy", "kind": "stackexchange"},
                 {"url": fake.base + "/2.3/?site=nosuchsite", "kind": "stackexchange"})
    proc = run_cli("crawl", config=cfg)
    assert "Traceback" not in proc.stderr
    sources = {s["url"]: s for s in json.loads(run_cli("sources", "--json", config=cfg, check=True).stdout)}
    no_site = sources[fake.base + "/2.3/"]
    assert no_site["error_kind"] == "hard" and "site=" in no_site["last_error"]
    assert "\n" not in no_site["last_error"]
    blog = sources[fake.base + "/blog/?site=literacy"]
    assert blog["error_kind"] == "hard" and "Stack Exchange" in blog["last_error"] and "JSON" in blog["last_error"]
    unknown = sources[fake.base + "/2.3/?site=nosuchsite"]
    assert "No site found" in unknown["last_error"] and unknown["error_kind"] == "hard"
    assert sources[fake.base + "/2.3/?site=literacy"]["failures"] == 0
