"""XenForo and Discourse forums crawled end to end, as phpBB is in test_crawl_forums.py: a board listing written
here in each engine's markup, the thread's two pages from tests/sites/platforms/<engine>/. One crawl gives one
conversation with every reply of both pages in order; an unchanged refresh reads the listing only; a listing
row that shows a new reply sends the crawler to the thread's last page only."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

import pytest
from conftest import PLATFORM_PAGES, run_cli, write_config

from threadscout.search.sampleweb import SampleWebServer, SiteHandler


@dataclass
class Engine:
    name: str
    html: str             # the listing's <html> and <head> as the engine writes them
    board: str            # the listing's path
    thread: str           # the thread's first page
    page2: str            # its second page
    row: str              # one listing row, with {replies} and {views}
    feed: str = ""        # where the engine publishes its feed (FIELD-NOTES.md), served here


XENFORO = Engine(
    "xenforo", '<html id="XF" lang="en-US" data-app="public" data-template="forum_view"><head>', "/forums/tutoring.5/", "/threads/esl-conversation-circle.15/",
    "/threads/esl-conversation-circle.15/page-2",
    '<div class="structItem structItem--thread js-inlineModContainer" data-author="hanna.lindqvist">'
    '<div class="structItem-cell structItem-cell--main"><div class="structItem-title">'
    '<a href="/threads/esl-conversation-circle.15/" data-tp-primary="on">Running a conversation circle for ESL '
    'learners</a></div><div class="structItem-minor"><ul class="structItem-parts"><li><a href="/members/hanna.3/" '
    'class="username">hanna.lindqvist</a></li><li class="structItem-startDate"><a href="/threads/esl-conversation-'
    'circle.15/"><time class="u-dt" datetime="2026-10-02T09:00:00+0000">Oct 2, 2026</time></a></li></ul>'
    '<span class="structItem-pageJump"><a href="/threads/esl-conversation-circle.15/page-2">2</a></span></div></div>'
    '<div class="structItem-cell structItem-cell--meta"><dl class="pairs pairs--justified"><dt>Replies</dt>'
    '<dd>{replies}</dd></dl><dl class="pairs pairs--justified structItem-minor"><dt>Views</dt><dd>{views}</dd></dl>'
    '</div><div class="structItem-cell structItem-cell--latest"><a href="/threads/esl-conversation-circle.15/'
    'latest" rel="nofollow"><time class="structItem-latestDate u-dt" datetime="2026-10-{replies:02d}T18:00:00'
    '+0000">Oct {replies}</time></a><div class="structItem-minor"><a href="/members/tess.9/" class="username">'
    'tess_r</a></div></div></div>', feed="/forums/-/index.rss")

DISCOURSE = Engine(
    "discourse", '<html lang="en"><head><meta name="generator" content="Discourse 3.3.0 - https://github.com/'
    'discourse/discourse version 1a2b3c">', "/c/tutoring/5", "/t/phonics-or-whole-words-for-adult-beginners/482",
    "/t/phonics-or-whole-words-for-adult-beginners/482?page=2",
    '<tr class="topic-list-item"><td class="main-link"><meta itemprop="position" content="1">'
    '<span class="link-top-line"><a itemprop="url" href="/t/phonics-or-whole-words-for-adult-beginners/482" '
    'class="title raw-link raw-topic-link">Phonics or whole words for adult beginners?</a></span>'
    '<span class="page-links"><a href="/t/phonics-or-whole-words-for-adult-beginners/482?page=2">2</a></span>'
    '<div class="link-bottom-line"><a href="/c/tutoring/5" class="badge-wrapper bullet">Tutoring</a></div></td>'
    '<td class="replies"><span class="posts" title="posts">{replies}</span></td>'
    '<td class="views"><span class="views" title="views">{views}</span></td>'
    '<td>October {replies}, 2026</td></tr>', feed="/latest.rss")


class EngineHandler(SiteHandler):
    def route(self) -> bool:
        engine: Engine = self.server.engine  # type: ignore[attr-defined]
        if self.path == engine.board:
            row = engine.row.format(replies=self.server.replies, views=self.server.views)  # type: ignore[attr-defined]
            body = (f"<!DOCTYPE html>{engine.html}<meta charset='utf-8'><title>Tutoring - Reading Forum</title>"
                    f"</head><body><h1>Tutoring</h1><div class='structItemContainer'><table class='topic-list'>"
                    f"{row}</table></div></body></html>")
            self.send_body(200, body.encode(), "text/html; charset=utf-8")
        elif self.path == engine.page2 and self.server.shortened:  # type: ignore[attr-defined]
            self.send_body(404, b"<html><body>No such page</body></html>", "text/html")
        elif self.path in (engine.thread, engine.page2):
            page = "page1.html" if self.path == engine.thread else "page2.html"
            self.send_body(200, (PLATFORM_PAGES / engine.name / page).read_bytes(), "text/html; charset=utf-8")
        elif self.path == engine.feed:
            body = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Latest</title>'
                    f'<link>{self.server.base}/</link><item><title>Phonics</title>'  # type: ignore[attr-defined]
                    f'<link>{self.server.base}{engine.thread}</link></item></channel></rss>')  # type: ignore[attr-defined]
            self.send_body(200, body.encode(), "application/rss+xml")
        elif self.path == "/robots.txt":
            self.send_body(200, b"User-agent: *\nDisallow: /members/\n", "text/plain")
        else:
            return False
        return True


def expected_replies(engine: Engine) -> list[str]:
    pages = json.loads((PLATFORM_PAGES / engine.name / "expected.json").read_text(encoding="utf-8"))
    by_file = {p["file"]: p for p in pages}
    return by_file["page1.html"]["reply_authors"] + by_file["page2.html"]["reply_authors"]


def asked(log: list[str]) -> list[str]:
    return [p for p in log if p != "/robots.txt"]


UNKNOWN = replace(XENFORO, html="<html><head>", feed="")   # the same listing without the engine's marks


@pytest.mark.parametrize("engine", [XENFORO, DISCOURSE, UNKNOWN], ids=["xenforo", "discourse", "unmarked-listing"])
def test_a_forum_thread_over_two_pages_and_its_refresh(engine, tmp_path):
    """The unmarked listing has no engine's marks (a forum source's listings are read as forum listings)."""
    server = SampleWebServer(PLATFORM_PAGES, EngineHandler)
    server.engine, server.replies, server.views = engine, 4, 100  # type: ignore[attr-defined]
    server.shortened = False  # type: ignore[attr-defined]
    server.start()
    try:
        config = write_config(tmp_path, [{"url": server.base + engine.board, "kind": "forum", "depth": 1}])
        with server.recording() as first:
            proc = run_cli("crawl", config=config, check=True)
        assert "1 new conversation" in proc.stdout
        assert engine.page2 in first.paths()
        if engine.feed:                           # the engine's well-known feed path, asked once
            assert engine.feed in first.paths()
            sources = json.loads(run_cli("sources", "--json", config=config, check=True).stdout)
            assert server.base + engine.feed in sources[0]["feeds"]
        thread = json.loads(run_cli("show", server.base + engine.thread, "--json", config=config, check=True).stdout)
        assert thread["url"] == server.base + engine.thread and thread["kind"] == "thread"
        assert [r["author"] for r in thread["replies"]] == expected_replies(engine)   # both pages, in order
        assert all(r["text"] for r in thread["replies"])

        server.views = 250                        # views change on every visit: nothing new
        with server.recording() as unchanged:
            run_cli("crawl", "--all", config=config, check=True)
        assert asked(unchanged.paths()) == [engine.board]

        server.replies = 5                        # the row shows a new reply
        with server.recording() as changed:
            run_cli("crawl", "--all", config=config, check=True)
        assert asked(changed.paths()) == [engine.board, engine.page2]     # the last page read, not the first

        server.replies, server.shortened = 6, True  # posts deleted: the thread is one page now, page 2 is gone
        with server.recording() as shortened:
            proc = run_cli("crawl", "--all", config=config, check=True)
        assert asked(shortened.paths()) == [engine.board, engine.page2, engine.thread]   # then from its start
        assert "0 errors" in proc.stdout
        thread = json.loads(run_cli("show", server.base + engine.thread, "--json", config=config, check=True).stdout)
        assert thread["gone"] is None            # the thread is there: only the page was gone
    finally:
        server.stop()
