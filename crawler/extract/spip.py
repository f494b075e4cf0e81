"""SPIP articles with their forum: ``li.forum-fil``, replies nested inside their parent's item."""

from __future__ import annotations

from . import forum
from .platform import Extracted, Platform
from .text import HtmlElement

_OWN = 'x:./div[contains(@class,"comment-message")]//'

RULES = forum.ForumRules(
    post="li.forum-fil",
    author=(_OWN + '*[contains(@class,"comment-author")]', ".comment-author"),
    body=(_OWN + '*[contains(@class,"comment-texte")]', ".comment-texte"),
    date=(_OWN + 'abbr[contains(@class,"date")]', "abbr.date"),
    permalink=(_OWN + 'a[contains(@class,"permalien")]',),
    title=('meta[property="og:title"]@content', ".cartouche h1", "h1", "h2"),
    opening_in_blocks=False,
    kind="post",
)


def detect(doc: HtmlElement, html: str, url: str) -> bool:
    return forum.has_generator(doc, "spip") or "spip.php?page=" in html


def read(doc: HtmlElement, page_url: str, url: str) -> Extracted | None:
    return forum.extract(doc, page_url, url, RULES)


PLATFORM = Platform("spip", detect=detect, extract=read, kind="post")
