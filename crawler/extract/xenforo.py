"""XenForo 1 (``li.message``) and 2 (``article.message--post``). Pages are ``/page-N``; posts carry "#N"."""

from __future__ import annotations

import re

from . import forum
from .platform import Extracted, Platform
from .text import HtmlElement, css

_PAGE = re.compile(r"/page-(\d+)/?$")


def current_page(doc: HtmlElement, url: str) -> int | None:
    for nav in css(doc, ".PageNav[data-page], .pageNav-main .pageNav-page--current a"):
        value = nav.get("data-page") or (nav.text or "").strip()
        if value and value.isdigit():
            return int(value)
    return forum.path_page(url, _PAGE) or 1


def thread_url(url: str) -> str:
    return forum.without_path_page(forum.without_query(url, "versionfrom"), _PAGE).rstrip("/") + "/"


RULES = forum.ForumRules(
    post='li.message[id^="post-"], article.message--post',
    author=("@data-author", "a.username", ".message-name .username"),
    body=(".messageContent blockquote.messageText", "article.message-body .bbWrapper", ".message-body .bbWrapper",
          ".messageText"),
    date=("a.datePermalink .DateTime", "header.message-attribution time.u-dt", "time.u-dt", ".DateTime"),
    permalink=("a.datePermalink", 'header.message-attribution a[href*="/post-"]'),
    title=(".titleBar h1", "h1.p-title-value", "h1"),
    next_page=("a.pageNav-jump--next", ".PageNav nav > a.text:last-child"),
    key=("id", "data-content"),
    number=("a.postNumber", "ul.message-attribution-opposite li:last-child a"),
    page=current_page,
    thread_url=thread_url,
)


def detect(doc: HtmlElement, html: str, url: str) -> bool:
    return doc.get("id") in ("XenForo", "XF") or "Forum software by XenForo" in html


def read(doc: HtmlElement, page_url: str, url: str) -> Extracted | None:
    return forum.extract(doc, page_url, url, RULES)


PLATFORM = Platform("xenforo", detect=detect, extract=read, feeds=("/forums/-/index.rss",))
