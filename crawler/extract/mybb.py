"""MyBB 1.8. Pages are ``showthread.php?tid=ID&page=N`` or, with search-engine friendly URLs,
``thread-ID-page-N.html``; posts carry their number in the thread ("#1" is the opening post).

Deleted and ignored posts leave placeholders of the same ``div.post`` class (``deleted_post_N``,
``ignored_post_N``): only ``post_N`` blocks are posts. The edit note sits inside the date's span and is dropped
before reading, or the date would not parse.
"""

from __future__ import annotations

import re

from . import forum
from .platform import Extracted, Platform
from .text import HtmlElement, classes, css, inline_text

_SEO_PAGE = re.compile(r"(/thread-\d+)-(?:page-\d+|post-\d+|lastpost|newpost)(\.html)$")
_SEO_PAGE_NUMBER = re.compile(r"/thread-\d+-page-(\d+)\.html$")


def current_page(doc: HtmlElement, url: str) -> int | None:
    for el in css(doc, ".pagination .pagination_current")[:1]:
        text = inline_text(el)
        if text.isdigit():
            return int(text)
    return forum.query_int(url, "page") or forum.path_page(url, _SEO_PAGE_NUMBER) or 1


def thread_url(url: str) -> str:
    return _SEO_PAGE.sub(r"\1\2", forum.without_query(url, "page", "pid", "action", "highlight", "mode"))


RULES = forum.ForumRules(
    post='#posts div.post[id^="post_"]',
    author=(".author_information .largetext a", ".author_information .largetext", ".post_author strong"),
    body=('div.post_body[id^="pid_"]', "div.post_body"),
    date=('x:.//span[contains(concat(" ", @class, " "), " post_date ")]/span[@title]', "span.post_date"),
    permalink=('.post_head a[href*="#pid"]',),
    title=("td.thead > div:not(.float_right) > strong", ".navigation .active", "h1"),
    next_page=("a.pagination_next",),
    number=('.post_head a[href*="#pid"]',),
    skip=lambda block: bool(classes(block) & {"deleted_post", "deleted_post_collapsed", "ignored_post"}),
    page=current_page,
    thread_url=thread_url,
)


def detect(doc: HtmlElement, html: str, url: str) -> bool:
    if "Powered By" in html and forum.select(doc, 'x://a[contains(@href, "mybb.com")][normalize-space(.)="MyBB"]'):
        return True
    return "var my_post_key" in html and bool(css(doc, 'script[src*="jscripts/general.js"]'))


def read(doc: HtmlElement, page_url: str, url: str) -> Extracted | None:
    for note in css(doc, "#posts span.post_date span.post_edit"):
        note.drop_tree()
    return forum.extract(doc, page_url, url, RULES)


PLATFORM = Platform("mybb", detect=detect, extract=read)
