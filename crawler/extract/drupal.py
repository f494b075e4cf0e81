"""Drupal comment threads (the comment module, Drupal 7 markup): the node is the post, ``div.comment`` the
replies; nested replies follow their parent in ``div.indented``."""

from __future__ import annotations

from urllib.parse import urljoin

from . import forum
from .platform import Extracted, Platform
from .text import HtmlElement, css


def permalink(block: HtmlElement, base: str) -> str | None:
    anchors = block.xpath('preceding-sibling::a[starts-with(@id, "comment-")][1]/@id')
    if anchors:
        return forum.canonical_url(urljoin(base, "#" + str(anchors[0])), keep_fragment=True)
    return forum.first_link(block, ("a.permalink", 'h3 a[href*="comment"]'), base)


RULES = forum.ForumRules(
    post="#comments div.comment, section.comments article.comment",
    author=("span.username", ".username", ".submitted a"),
    body=(".field-comment-body", ".field-name-comment-body", ".content"),
    date=("time", ".meta li.date", ".submitted"),
    title=("h1",),
    opening_in_blocks=False,
    kind="post",
    permalink_of=permalink,
)


def detect(doc: HtmlElement, html: str, url: str) -> bool:
    return forum.has_generator(doc, "drupal") or "Drupal.settings" in html or "drupal-settings-json" in html


def read(doc: HtmlElement, page_url: str, url: str) -> Extracted | None:
    return forum.extract(doc, page_url, url, RULES)


PLATFORM = Platform("drupal", detect=detect, extract=read, kind="post")
