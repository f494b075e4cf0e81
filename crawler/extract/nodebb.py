"""NodeBB (Persona and Harmony themes). ``data-index`` 0 is the opening post; pages are ``?page=N``."""

from __future__ import annotations

from . import forum
from .platform import Extracted, Platform
from .text import HtmlElement, css


def post_index(doc: HtmlElement, url: str) -> int | None:
    return forum.query_int(url, "page") or 1


RULES = forum.ForumRules(
    post='[component="post"][data-index]',
    author=("@data-username", '[itemprop="author"] [itemprop="name"]', "a[itemprop=author]"),
    body=('[component="post/content"]',),
    date=("@data-timestamp", "a.permalink .timeago", ".post-header a.timeago", ".timeago"),
    permalink=("a.permalink", "a.post-index"),
    title=('[component="topic/title"]', "h1"),
    next_page=('[component="pagination"] li.next:not(.disabled) a',),
    key=("data-pid",),
    number=("@data-index",),
    first_number=0,
    page=post_index,
    thread_url=lambda url: forum.without_query(url, "page"),
)


def detect(doc: HtmlElement, html: str, url: str) -> bool:
    return bool(css(doc, 'script[src*="nodebb.min.js"], body[class*="page-topic"], [component="topic"]'))


def read(doc: HtmlElement, page_url: str, url: str) -> Extracted | None:
    return forum.extract(doc, page_url, url, RULES)


PLATFORM = Platform("nodebb", detect=detect, extract=read)
