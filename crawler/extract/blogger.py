"""Blogger pages: the threaded comment widget, the older comment blocks and the classic ``dl#comments-block``."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urljoin, urlsplit

from threadscout.crawler.items import ConversationItem, ReplyItem

from threadscout.crawler.urls import canonical_url, same_site

from .platform import Extracted, Platform

from .text import (HtmlElement, classes, clean_author, css, css_first, element_text, from_epoch_ms, inline_text,
                   parse_date)

_ITEM_URL = re.compile(r"/\d{4}/\d{2}/[^/]+\.html$")
_COMMENT_ID = re.compile(r"^c(\d+)$")


def has_generator(doc: HtmlElement) -> bool:
    """The ``<meta name="generator" content="blogger">`` tag Blogger templates carry."""
    return any((m.get("content") or "").strip().lower() == "blogger" for m in css(doc, 'meta[name="generator"]'))


def detect(doc: HtmlElement, html: str) -> bool:
    """Blogger markers: the generator tag, blogger.com / blogspot references next to a ``.post-body``."""
    if has_generator(doc):
        return True
    return ("blogger.com" in html or "blogspot" in html) and bool(css(doc, ".post-body"))


def _permalink(el: HtmlElement, page_url: str) -> tuple[str | None, str | None]:
    """The comment's own permalink anchor (``?showComment=<ms>#c<id>``) and its ``showComment`` value."""
    for a in css(el, 'a[href*="showComment"]'):
        href = urljoin(page_url, a.get("href", ""))
        ms = parse_qs(urlsplit(href).query).get("showComment", [None])[0]
        if same_site(href, page_url):
            return canonical_url(href, keep_fragment=True), ms
        return None, ms
    return None, None


def _comment_id(el: HtmlElement) -> str | None:
    for candidate in [el, *css(el, ".comment-block[id]")][:2]:
        match = _COMMENT_ID.match(candidate.get("id", ""))
        if match:
            return match.group(1)
    return None


def _threaded(doc: HtmlElement, page_url: str) -> list[ReplyItem]:
    """``li.comment`` in the threaded widget (replies inside ``.comment-replies`` included, document order);
    the older template without ``li`` wrappers uses ``div.comment-block`` alone."""
    roots = css(doc, "li.comment") or css(doc, "div.comment-block")
    root_set = set(roots)
    replies = []
    for root in roots:
        def own(node: HtmlElement) -> bool:
            for ancestor in node.iterancestors():
                if ancestor in root_set:
                    return ancestor is root
            return node is root

        header = next((e for e in css(root, ".comment-header") if own(e)), root)
        author = next((clean_author(inline_text(e)) for e in css(header, "cite.user, .user, cite") if own(e)), None)
        body = next((e for e in css(root, ".comment-content, .comment-body") if own(e)), None)
        link, ms = _permalink(header, page_url)
        date_el = css_first(header, ".datetime")
        published = from_epoch_ms(ms) or (parse_date(inline_text(date_el)) if date_el is not None else None)
        number = _comment_id(root)
        if link is None and number:
            link = f"{page_url}#c{number}"
        replies.append(ReplyItem(author=author, published=published,
                                 text=element_text(body, lambda e: "comment-actions" in classes(e)), url=link))
    return replies


def _classic(doc: HtmlElement, page_url: str) -> list[ReplyItem]:
    """The classic template: ``dl#comments-block`` with ``dt`` (NAME said...), ``dd.comment-body``, a footer."""
    replies = []
    for dt in css(doc, "dl#comments-block > dt"):
        body = footer = None
        for sibling in dt.itersiblings():
            if sibling.tag == "dt":
                break
            if "comment-footer" in classes(sibling):
                footer = sibling
            elif sibling.tag == "dd" and body is None:
                body = sibling
        link, ms = _permalink(footer, page_url) if footer is not None else (None, None)
        stamp = css_first(footer, ".comment-timestamp") if footer is not None else None
        published = from_epoch_ms(ms) or (parse_date(inline_text(stamp)) if stamp is not None else None)
        match = _COMMENT_ID.match(dt.get("id", ""))
        if link is None and match:
            link = f"{page_url}#c{match.group(1)}"
        replies.append(ReplyItem(author=clean_author(element_text(dt)), published=published,
                                 text=element_text(body), url=link))
    return replies


def extract(doc: HtmlElement, page_url: str) -> ConversationItem | None:
    """The post and its comments; None for index, label and archive pages."""
    posts = css(doc, ".post-body")
    body = doc.find("body")
    item_view = body is not None and "item-view" in classes(body)
    has_comments = bool(css(doc, "#comments, .comments, #comment-editor, #comment-form"))
    if len(posts) != 1 and not item_view:
        return None
    if not (item_view or has_comments or _ITEM_URL.search(urlsplit(page_url).path)):
        return None
    replies = _threaded(doc, page_url) or _classic(doc, page_url)
    post = posts[0] if posts else None
    scope = post.getparent() if post is not None and post.getparent() is not None else doc
    outer = next((a for a in post.iterancestors() if "post" in classes(a)), scope) if post is not None else doc
    title = css_first(outer, ".post-title, h3.entry-title, h1.entry-title")
    author = css_first(outer, ".post-author .fn, .post-author [itemprop=name], .post-author")
    stamp = css_first(outer, "abbr.published, .published, time[datetime], .timestamp-link abbr")
    published = None
    if stamp is not None:
        published = parse_date(stamp.get("title") or stamp.get("datetime")) or parse_date(inline_text(stamp))
    return ConversationItem(
        url=page_url,
        title=inline_text(title) or None,
        author=clean_author(inline_text(author)) if author is not None else None,
        published=published,
        text=element_text(post),
        kind="post",
        replies=replies,
        origin="page",
    )


def _detect(doc: HtmlElement, html: str, url: str) -> bool:
    """The generator tag decides; Blogger-like markup only when the page is not WordPress's."""
    from . import wordpress

    return has_generator(doc) or (detect(doc, html) and not wordpress.detect(doc, html))


def _read(doc: HtmlElement, page_url: str, url: str) -> Extracted:
    conv = extract(doc, page_url)
    return Extracted(conversation=conv, listing=conv is None, thread_url=page_url)


PLATFORM = Platform("blogger", detect=_detect, extract=_read, kind="post",
                    feeds=("/feeds/posts/default", "/feeds/comments/default"))
