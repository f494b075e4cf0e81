"""Hacker News items: the story (and its text for Ask HN) opens; every comment, at every depth, is a reply.
Both the current markup (``tr.athing.comtr``) and the table markup of the early 2010s."""

from __future__ import annotations

from urllib.parse import urlsplit

from threadscout.crawler.items import ReplyItem

from . import forum
from .platform import Extracted, Platform
from .text import HtmlElement, css, element_text


def opening(doc: HtmlElement, base: str) -> ReplyItem | None:
    for story in css(doc, "table.fatitem, table")[:1]:
        author = forum.first_text(story, ("a.hnuser", 'td.subtext a[href^="user?id="]'))
        texts = css(story, "div.toptext") or story.xpath(".//tr[td[@class='subtext']]/following-sibling::tr"
                                                         "[2]/td[2]")
        return ReplyItem(author=author or None, published=forum.first_date(story, ("span.age",)),
                         text=element_text(texts[0]) if texts else "")
    return None


def thread_url(url: str) -> str:
    return forum.without_query(url, "p")


RULES = forum.ForumRules(
    post='x://tr[contains(concat(" ", normalize-space(@class), " "), " comtr ")]'
         ' | //td[@class="default"][.//span[@class="comhead"]]'
         '[not(ancestor::tr[contains(concat(" ", normalize-space(@class), " "), " comtr ")])]',
    author=("a.hnuser", 'span.comhead a[href^="user?id="]'),
    body=("div.commtext", "span.comment"),
    date=("span.age",),
    permalink=('span.age a[href^="item?id="]', 'span.comhead a[href^="item?id="]'),
    title=("span.titleline > a", "td.title a"),
    next_page=("a.morelink[rel=next]",),
    opening_in_blocks=False,
    opening=opening,
    thread_url=thread_url,
)


def detect(doc: HtmlElement, html: str, url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host == "news.ycombinator.com" or ("ycombinator" in html and bool(css(doc, "span.comhead, tr.comtr")))


def read(doc: HtmlElement, page_url: str, url: str) -> Extracted | None:
    return forum.extract(doc, page_url, url, RULES)


PLATFORM = Platform("hackernews", detect=detect, extract=read)
