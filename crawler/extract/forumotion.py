"""Forumotion boards: phpBB's look (``div.post#pN``) with their own body, post numbers and sponsored pseudo-posts."""

from __future__ import annotations

from . import forum, phpbb
from .platform import Extracted, Platform
from .text import HtmlElement

RULES = forum.ForumRules(
    post='div.post[id^="p"]',
    author=("p.author strong", "p.author a"),
    body=("div.post-entry", "div.content"),
    date=("p.author",),
    permalink=('p.author a[href*="#"]', 'h3 a[href*="#"]'),
    title=('meta[property="og:title"]@content', "div.post h3 a", "h1"),
    number=("ul.post-info",),
    skip=lambda block: block.get("id") == "p0",       # "sponsored content" styled as a post
    page=phpbb.current_page,
    thread_url=phpbb.thread_url,
)


def detect(doc: HtmlElement, html: str, url: str) -> bool:
    return "_board[" in html and ("Forumotion" in html or "illiweb.com" in html)


def read(doc: HtmlElement, page_url: str, url: str) -> Extracted | None:
    return forum.extract(doc, page_url, url, RULES)


PLATFORM = Platform("forumotion", detect=detect, extract=read)
