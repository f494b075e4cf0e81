"""Discourse, as it serves crawlers (``body.crawler``: plain HTML, 20 posts a page, ``?page=N``).

Posts carry their number in the thread (``span[itemprop=position]``, 1 = the opening post) but no link of their
own: a post's permalink is the thread's URL plus that number (``/t/slug/ID/N``).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from . import forum
from .platform import Extracted, Platform
from .text import HtmlElement, css, inline_text

PER_PAGE = 20     # posts per crawler page (TopicView chunk_size)

_POST_IN_PATH = re.compile(r"(/t/[^/]+/\d+)/\d+/?$")  # /t/slug/ID/POSTNO -> /t/slug/ID


def current_page(doc: HtmlElement, url: str) -> int | None:
    """``?page=N``; else (``/t/slug/ID/POSTNO`` shows that post's page) the first post's number says it."""
    page = forum.query_int(url, "page")
    if page:
        return page
    for position in css(doc, "span[itemprop=position]")[:1]:
        text = inline_text(position)
        if text.isdigit() and int(text) > 0:
            return (int(text) - 1) // PER_PAGE + 1
    return 1


def thread_url(url: str) -> str:
    parts = urlsplit(forum.without_query(url, "page", "u"))
    path = _POST_IN_PATH.sub(r"\1", parts.path)
    return urlunsplit(parts._replace(path=path.rstrip("/") or "/"))


def permalink(block: HtmlElement, base: str) -> str | None:
    number = forum.post_number(block, RULES.number)
    if number is None:
        return None
    return forum.canonical_url(f"{thread_url(base)}/{number}")


RULES = forum.ForumRules(
    post='div.topic-body.crawler-post[id^="post_"], div[itemtype$="DiscussionForumPosting"][id^="post_"]',
    author=("span.creator [itemprop=name]", "b[itemprop=author]", "span.creator a", "[itemprop=author]"),
    body=("div.post[itemprop=text]", "div.post[itemprop=articleBody]", "[itemprop=articleBody]", "div.post"),
    date=("time.post-time", "time[itemprop=datePublished]", "meta[itemprop=datePublished]"),
    title=("#topic-title h1", "h1"),
    next_page=("[role=navigation] a[rel=next]",),
    number=("span[itemprop=position]",),
    page=current_page,
    thread_url=thread_url,
    permalink_of=permalink,
)


def detect(doc: HtmlElement, html: str, url: str) -> bool:
    return forum.has_generator(doc, "discourse") or bool(css(doc, "body.crawler div.topic-body.crawler-post"))


def read(doc: HtmlElement, page_url: str, url: str) -> Extracted | None:
    return forum.extract(doc, page_url, url, RULES)


PLATFORM = Platform("discourse", detect=detect, extract=read, feeds=("/latest.rss", "/posts.rss"))
