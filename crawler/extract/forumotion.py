"""Forumotion boards: phpBB's look (``div.post#pN``) with their own body, post numbers and sponsored pseudo-posts."""

from __future__ import annotations

import re

from . import forum, phpbb
from .platform import Extracted, Platform
from .text import HtmlElement

_PAGE = re.compile(r"^(/t\d+)p\d+(-)")      # "/t15p5-slug" is a later page of "/t15-slug"


def thread_url(url: str) -> str:
    parts = forum.urlsplit(phpbb.thread_url(url))
    return forum.urlunsplit(parts._replace(path=_PAGE.sub(r"\1\2", parts.path)))

RULES = forum.ForumRules(
    post='div.post[id^="p"]',
    author=("p.author strong", "p.author a"),
    body=("div.post-entry", "div.content"),
    date=("p.author",),
    permalink=('p.author a[href*="#"]', 'h3 a[href*="#"]'),
    title=('meta[property="og:title"]@content', "div.post h3 a", "h1"),
    number=("ul.post-info",),
    skip=lambda block: block.get("id") == "p0",       # "sponsored content" styled as a post
    next_page=("a[rel=next]", "x://div[contains(@class,'pagination')]//a[img[@alt='Next']]"),
    page=phpbb.current_page,
    thread_url=thread_url,
)


def detect(doc: HtmlElement, html: str, url: str) -> bool:
    return "_board[" in html and ("Forumotion" in html or "illiweb.com" in html)


def read(doc: HtmlElement, page_url: str, url: str) -> Extracted | None:
    return forum.extract(doc, page_url, url, RULES)


PLATFORM = Platform("forumotion", detect=detect, extract=read)
