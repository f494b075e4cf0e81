"""phpBB 3 (prosilver and older styles). Pages are offsets (``start=``); canonical links differ per page."""

from __future__ import annotations

import re

from . import forum
from .platform import Extracted, Platform
from .text import HtmlElement, css, inline_text

_SEO_PAGE = re.compile(r"(-t\d+)-\d+(\.html)$")      # SEO mods: "...-t190-15.html" is page 2 of "...-t190.html"


def current_page(doc: HtmlElement, url: str) -> int | None:
    """The page number the pagination bar shows as current (3.1+ ``li.active``, 3.0 ``<strong>``)."""
    for selector in (".pagination li.active span", ".pagination strong"):
        for el in css(doc, selector)[:1]:
            text = inline_text(el)
            if text.isdigit():
                return int(text)
    shown = forum.markup_page(doc)
    if shown is not None:
        return shown
    start = forum.query_int(url, "start")
    return 1 if not start else None


def thread_url(url: str) -> str:
    url = forum.without_query(url, "start", "sid", "view", "hilit", "f")   # t= names the topic alone
    return _SEO_PAGE.sub(r"\1\2", url)


RULES = forum.ForumRules(
    post='div.post[id^="p"]',
    author=("p.author a.username", "p.author a.username-coloured", "p.author strong",
            "dl.postprofile dt a.username", "dl.postprofile dt a"),
    body=("div.postbody div.content", "div.content"),
    date=("p.author time", "p.author"),
    permalink=('p.author a[href*="#p"]', 'h3 a[href*="#p"]'),
    title=("h2.topic-title a", "h2.topic-title", "#page-body h2 a", "h2 a", "h2"),
    next_page=("a[rel=next]", "li.arrow.next a", ".pagination a.right-box"),
    skip=lambda block: block.get("id") == "p0",
    page=current_page,
    thread_url=thread_url,
)


def detect(doc: HtmlElement, html: str, url: str) -> bool:
    body = doc.find("body")
    if body is not None and body.get("id") == "phpbb":
        return True
    return ("phpBB" in html and bool(css(doc, 'div.post[id^="p"] div.postbody'))) or forum.has_generator(doc, "phpbb")


def read(doc: HtmlElement, page_url: str, url: str) -> Extracted | None:
    found = forum.extract(doc, page_url, url, RULES)
    if found is not None and found.conversation is not None and forum.query_int(found.thread_url or "", "t") is None \
            and "-t" not in (found.thread_url or ""):
        # reached by a post's link (viewtopic.php?p=119): the topic's own link names the thread
        topic = forum.first_link(doc, ('h2.topic-title a[href*="t="]', 'h2 a[href*="t="]'), forum.base_url(doc, url))
        if topic is not None:
            thread = thread_url(topic.split("#")[0])
            found.thread_url = found.conversation.url = thread
    return found


PLATFORM = Platform("phpbb", detect=detect, extract=read, feeds=("feed.php", "app.php/feed"))
