"""vBulletin 3, 4 and 5. Posts carry their number in the thread ("#661"); pages are ``page=N`` or ``/pageN``."""

from __future__ import annotations

import re

from . import forum
from .platform import Extracted, Platform
from .text import HtmlElement, css

_PATH_PAGE = re.compile(r"/page(\d+)/?$")
_SEO_PAGE = re.compile(r"-(\d+)\.html$")


def current_page(doc: HtmlElement, url: str) -> int | None:
    return forum.query_int(url, "page") or forum.path_page(url, _PATH_PAGE) or None


def thread_url(url: str) -> str:
    return forum.without_path_page(forum.without_query(url, "page", "s"), _PATH_PAGE)


RULES = forum.ForumRules(
    post='li.postcontainer[id^="post_"], #posts table[id^="post"], ul.conversation-list > li[data-node-id]',
    author=(".username_container .username", 'div[id^="postmenu_"] a', "[itemprop=author] .author",
            ".username"),
    body=('div[id^="post_message_"] blockquote.postcontent', 'div[id^="post_message_"]', "div.js-post__content-text",
          ".postcontent"),
    date=("span.postdate span.date", "time[itemprop=dateCreated]", "span.date"),
    permalink=("a.postcounter", "a.b-post__count", 'a[id^="postcount"]'),
    title=(".threadtitle a", "h1 .threadtitle", "h2.title", "h1"),
    next_page=("span.prev_next a[rel=next]", ".pagenav a[rel=next]", "a.js-pagenav-next-button"),
    number=("a.postcounter", "a.b-post__count", 'a[id^="postcount"]'),
    page=current_page,
    thread_url=thread_url,
)


def detect(doc: HtmlElement, html: str, url: str) -> bool:
    return (doc.get("id") == "vbulletin_html" or forum.has_generator(doc, "vbulletin")
            or bool(css(doc, 'script[src*="vbulletin"]')))


def read(doc: HtmlElement, page_url: str, url: str) -> Extracted | None:
    return forum.extract(doc, page_url, url, RULES)


PLATFORM = Platform("vbulletin", detect=detect, extract=read, feeds=("external.php?type=RSS2",))
