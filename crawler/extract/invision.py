"""Invision Community 4 (and 5). Pages are ``/topic/ID-slug/page/N/`` (or ``?page=N``); a post is
``article#elComment_N`` with its author in the side pane and its text in ``[data-role=commentContent]``.

The "Edited ... by ..." line sits inside the post's text and stays in it.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from . import forum
from .platform import Extracted, Platform
from .text import HtmlElement, css, inline_text

_PAGE = re.compile(r"/page/(\d+)/?$")
_PAGE_ANYWHERE = re.compile(r"(/topic/\d+[^/?#&]*)/page/\d+/?")      # also in "index.php?/topic/15-x/page/2/"


def current_page(doc: HtmlElement, url: str) -> int | None:
    for el in css(doc, "ul.ipsPagination li.ipsPagination_active a, ul.ipsPagination li.ipsPagination__active a,"
                       " ul.ipsPagination [aria-current=page]")[:1]:
        value = el.get("data-page") or inline_text(el)
        if value.isdigit():
            return int(value)
    return forum.query_int(url, "page") or forum.path_page(url, _PAGE) or 1


def thread_url(url: str) -> str:
    if "/" not in urlsplit(url).query:      # "index.php?/topic/..." carries its path in the query: leave it be
        url = forum.without_query(url, "page", "do", "comment", "findComment", "tab", "sortby")
    return _PAGE_ANYWHERE.sub(r"\1/", url)


RULES = forum.ForumRules(
    post='article[id^="elComment_"]',
    author=("aside h3.cAuthorPane_author a", "aside .cAuthorPane_author", "a.ipsUsername", ".cAuthorPane_author"),
    body=(".cPost_contentWrap [data-role=commentContent]", "[data-role=commentContent]"),
    date=(".ipsComment_meta time", "time[datetime]"),
    permalink=('.ipsComment_meta a[href*="comment="]', 'a[data-role="shareComment"]'),
    title=("h1.ipsType_pageTitle", "h1"),
    next_page=("ul.ipsPagination li.ipsPagination_next:not(.ipsPagination_inactive) a",
               "ul.ipsPagination li.ipsPagination__next:not([class*=inactive]):not([class*=disabled]) a"),
    page=current_page,
    thread_url=thread_url,
)


def detect(doc: HtmlElement, html: str, url: str) -> bool:
    return bool(css(doc, 'body.ipsApp, #elCopyright a[href*="invision"], article[id^="elComment_"]'))


def read(doc: HtmlElement, page_url: str, url: str) -> Extracted | None:
    return forum.extract(doc, page_url, url, RULES)


PLATFORM = Platform("invision", detect=detect, extract=read)
