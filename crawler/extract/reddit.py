"""Reddit threads, old markup (``div.thing.comment``, nested) and the React markup of 2018 on (``div.Comment``,
flat). The post opens; every comment is a reply, deleted and removed placeholders included (they hold a place
in the thread). "Load more comments" stubs are not comments."""

from __future__ import annotations

import re

from threadscout.crawler.items import ReplyItem

from . import forum
from .platform import Extracted, Platform
from .text import HtmlElement, css, element_text

_USER = re.compile(r"/user/([^/?#]+)")


def old_opening(doc: HtmlElement, base: str) -> ReplyItem | None:
    for link in css(doc, "div.thing.link")[:1]:
        body = link.xpath('./div[contains(@class,"entry")]//div[contains(@class,"usertext-body")]')
        return ReplyItem(author=link.get("data-author"), published=forum.first_date(link, ("time",)),
                         text=element_text(body[0]) if body else "")
    return None


OLD = forum.ForumRules(
    post="div.thing.comment",
    author=("@data-author",),
    body=('x:./div[contains(@class,"entry")]//div[contains(@class,"usertext-body")]/div[contains(@class,"md")]',),
    date=('x:./div[contains(@class,"entry")]/p[contains(@class,"tagline")]/time',),
    permalink=('a.bylink[data-event-action="permalink"]',),
    title=("a.title",),
    key=("data-fullname", "id"),
    opening_in_blocks=False,
    opening=old_opening,
)


def new_author(block: HtmlElement) -> str | None:
    """New Reddit shows a comment's author only in the link (or, when deleted, the ``to``) of its avatar."""
    for value in block.xpath('.//a[@data-testid="comment_author_icon"]/@href | .//*[starts-with(@to, "/user/")]/@to'
                             ' | .//a[@data-testid="comment_author_link"]/@href'):
        match = _USER.search(str(value))
        if match:
            return match.group(1)
    return None


def new_opening(doc: HtmlElement, base: str) -> ReplyItem | None:
    for post in css(doc, '[data-testid="post-container"]')[:1]:
        body = css(post, '[data-click-id="text"], .RichTextJSON-root')
        author = next((m.group(1) for v in post.xpath('.//a[starts-with(@href, "/user/")]/@href')
                       if (m := _USER.search(str(v)))), None)
        return ReplyItem(author=author, text=element_text(body[0]) if body else "")
    return None


NEW = forum.ForumRules(
    post="div.Comment",
    author=(),
    author_of=new_author,
    body=('div[data-testid="comment"]', ".RichTextJSON-root"),
    date=('a[data-testid="comment_timestamp"]',),
    permalink=('a[data-testid="comment_timestamp"]',),
    title=('[data-testid="post-container"] h1', "h1"),
    key=("id",),
    opening_in_blocks=False,
    opening=new_opening,
)


def detect(doc: HtmlElement, html: str, url: str) -> bool:
    return bool(css(doc, "body.comments-page, #SHORTCUT_FOCUSABLE_DIV, [data-testid=post-container]")) and (
        "reddit" in html)


def read(doc: HtmlElement, page_url: str, url: str) -> Extracted | None:
    rules = NEW if css(doc, "div.Comment, [data-testid=post-container]") else OLD
    return forum.extract(doc, page_url, url, rules)


PLATFORM = Platform("reddit", detect=detect, extract=read)
