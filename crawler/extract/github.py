"""GitHub issues and discussions (the React markup): the issue body opens, each comment is a reply."""

from __future__ import annotations

from urllib.parse import urlsplit

from threadscout.crawler.items import ReplyItem

from . import forum
from .platform import Extracted, Platform
from .text import HtmlElement, css, element_text


def opening(doc: HtmlElement, base: str) -> ReplyItem | None:
    for body in css(doc, '[data-testid="issue-body"]')[:1]:
        text = css(body, '[data-testid="markdown-body"]')
        return ReplyItem(author=forum.first_text(body, ('[data-testid="issue-body-header-author"]',)) or None,
                         published=forum.first_date(body, ("relative-time",)),
                         text=element_text(text[0]) if text else "")
    return None


_AUTHOR = ('[data-testid="comment-header"] a[data-testid="avatar-link"]@href', "a.author")


def _author(block: HtmlElement) -> str | None:
    """The avatar link's last path segment (``/jmorrell`` -> ``jmorrell``): the comment names its author nowhere
    else that CSS can reach."""
    value = forum.first_text(block, _AUTHOR)
    return value.rstrip("/").rsplit("/", 1)[-1] if value else None


RULES = forum.ForumRules(
    post='[data-testid^="comment-viewer-outer-box-"], .js-timeline-item .timeline-comment:not(.comment-body)',
    author=_AUTHOR,
    author_of=_author,
    body=('[data-testid="markdown-body"]', ".comment-body"),
    date=("relative-time",),
    permalink=('[data-testid="comment-header"] a[href*="#issuecomment-"]', 'a[href*="#issuecomment-"]'),
    title=('[data-testid="issue-title"]', "bdi.markdown-title", "h1"),
    opening_in_blocks=False,
    opening=opening,
)


def detect(doc: HtmlElement, html: str, url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host == "github.com" or bool(css(doc, '[data-testid="issue-body"]'))


def read(doc: HtmlElement, page_url: str, url: str) -> Extracted | None:
    return forum.extract(doc, page_url, url, RULES)


PLATFORM = Platform("github", detect=detect, extract=read)
