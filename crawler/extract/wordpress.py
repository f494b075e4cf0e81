"""WordPress pages: classic and current themes, WordPress.com, Kubrick-era comment lists."""

from __future__ import annotations

import re
from dataclasses import dataclass

from threadscout.crawler.items import ConversationItem, ReplyItem

from .platform import Extracted, Platform

from .text import (LISTING_BODY_CLASSES, HtmlElement, classes, clean_author, css, element_text, inline_text,
                   parse_date)

_ID_RE = re.compile(r"^(?:li-|div-)?comment-(\d+)$")
MAX_COMMENTS = 5_000
_ROOT_TAGS = frozenset({"li", "div", "article", "section", "dt", "dd", "tr", "td", "table"})
_PING_CLASSES = frozenset({"pingback", "trackback"})
_SINGLE_CLASSES = frozenset({"single", "single-post", "singular", "page", "attachment"})

_AUTHOR_SELECTORS = (".fn", "[itemprop=author] [itemprop=name]", ".comment-author-name", ".epoch-author-link",
                     ".comment-author strong", ".comment-author b", ".comment-author a", ".comment-author",
                     "[class*=comment-author]", ".author", ".commenter", ".comment-meta cite", "cite")
_CONTENT_SELECTORS = (".comment-content", ".comment-text", ".contenttext", ".epoch-comment-content",
                      "[itemprop=text]", ".comment-entry", ".comment_text", ".comment-body")
_DATE_TEXT_SELECTORS = (".comment-metadata a", ".commentmetadata a", ".comment-meta a", ".comment-date",
                        ".comment-time", ".date")
# Parts of a comment block that are not its text: the byline, metadata, buttons, like counters, children
_NOISE_CLASSES = frozenset({"comment-author", "comment-meta", "commentmetadata", "comment-metadata", "reply",
                            "comment-reply-link", "says", "avatar", "comment-likes", "comment-actions", "fn",
                            "author", "time", "vcard", "comment-footer", "comment-reply", "children",
                            "comment-like", "comment-date", "epoch-comment-meta", "sharedaddy", "comment-awaiting-moderation"})
_NOISE_TAGS = frozenset({"footer", "cite", "img", "time"})

_POST_BODY = (".entry-content", ".post-content", ".post-entry", ".entry-body", "[itemprop=articleBody]",
              ".article-content", ".storycontent", ".post-body", ".entry", "article .content")
_POST_TITLE = ("h1.entry-title", "h1.post-title", ".entry-title", ".post-title", "article h1", ".post h2", "h1")
_POST_AUTHOR = (".entry-meta .author .fn", ".entry-meta .author", ".byline .author", ".byline a", "a[rel=author]",
                ".author.vcard .fn", ".entry-author-name", ".post-author")
_POST_DATE = ("time.entry-date", "time.published", ".entry-date", ".published", ".post-date")


def detect(doc: HtmlElement, html: str) -> bool:
    """WordPress: the generator tag, or its asset paths together with WordPress page or comment markup."""
    if any((m.get("content") or "").startswith("WordPress") for m in css(doc, 'meta[name="generator"]')):
        return True
    if "/wp-content/" not in html and "/wp-includes/" not in html:
        return False
    body = doc.find("body")
    body_classes = classes(body) if body is not None else set()
    if body_classes & {"wordpress", "wpcomblog", "single-post", "singular"} or any(
            c.startswith(("postid-", "page-id-", "page-template")) for c in body_classes):
        return True
    return bool(css(doc, "#commentform, #respond, ol.commentlist, .comment-respond, .entry-content, "
                         "[id^=div-comment-], [id^=li-comment-]"))


@dataclass
class _Comment:
    number: str
    root: HtmlElement
    ping: bool


def comment_blocks(doc: HtmlElement) -> list[_Comment]:
    """One block per distinct comment id, the outermost element carrying it, in document order."""
    found: dict[str, _Comment] = {}
    xpath = "//*[starts-with(@id,'comment-') or starts-with(@id,'li-comment-') or starts-with(@id,'div-comment-')]"
    for el in doc.xpath(xpath):
        match = _ID_RE.match(el.get("id", ""))
        if not match or el.tag not in _ROOT_TAGS:
            continue
        number = match.group(1)
        ping = bool(classes(el) & _PING_CLASSES)
        if number in found:
            found[number].ping = found[number].ping or ping
        elif len(found) < MAX_COMMENTS:
            found[number] = _Comment(number, el, ping)
    return list(found.values())


def _owner(node: HtmlElement, roots: set[HtmlElement]) -> HtmlElement | None:
    while node is not None:
        if node in roots:
            return node
        node = node.getparent()
    return None


def _own(root: HtmlElement, selector: str, roots: set[HtmlElement]) -> list[HtmlElement]:
    """Matches of ``selector`` that belong to this comment, not to a reply nested in it."""
    return [el for el in css(root, selector) if _owner(el, roots) is root]


def _reply(block: _Comment, roots: set[HtmlElement], page_url: str) -> ReplyItem:
    root = block.root
    author = None
    for selector in _AUTHOR_SELECTORS:
        for el in _own(root, selector, roots):
            author = clean_author(element_text(el)) if el is not root else None
            if author:
                break
        if author:
            break
    published = None
    for el in _own(root, "time, [itemprop=datePublished], [datetime]", roots):
        published = parse_date(el.get("datetime") or el.get("content")) or parse_date(inline_text(el))
        if published:
            break
    if published is None:
        for selector in _DATE_TEXT_SELECTORS:
            own = _own(root, selector, roots)
            published = parse_date(inline_text(own[0])) if own else None
            if published:
                break
    if published is None and author:
        # bylines such as "Comment by NAME — 17.07, 2011 @ 13:04" or "NAME 19. Juni 2018 um 15:28 Uhr"
        for el in _own(root, "cite, .comment-author", roots):
            line = inline_text(el)
            if author in line:
                published = parse_date(line.split(author, 1)[1])
                if published:
                    break
    container = root
    for selector in _CONTENT_SELECTORS:
        own = [el for el in _own(root, selector, roots) if el is not root]
        if own:
            container = own[0]
            break

    def skip(el: HtmlElement) -> bool:
        return (el in roots or el.tag in _NOISE_TAGS or bool(classes(el) & _NOISE_CLASSES)
                or (el.tag == "a" and "reply" in (el.get("class") or "")) or "report" in (el.get("class") or ""))

    return ReplyItem(author=author, published=published, text=element_text(container, skip),
                     url=f"{page_url}#comment-{block.number}")


def _first_outside(doc: HtmlElement, selectors: tuple[str, ...], roots: set[HtmlElement]) -> HtmlElement | None:
    for selector in selectors:
        for el in css(doc, selector):
            if _owner(el, roots) is None:
                return el
    return None


def post_bodies(doc: HtmlElement) -> list[HtmlElement]:
    """Post bodies on the page, nested ones (a body inside a body) not counted twice."""
    bodies = css(doc, ".entry-content, .post-content, .storycontent, [itemprop=articleBody]")
    return [b for b in bodies if not any(a in bodies for a in b.iterancestors())]


def extract(doc: HtmlElement, page_url: str) -> ConversationItem | None:
    """The post and its comments; None for listings (home, archive, category, tag, date, search pages)."""
    body = doc.find("body")
    body_classes = classes(body) if body is not None else set()
    blocks = comment_blocks(doc)
    comments = [b for b in blocks if not b.ping]
    is_single = bool(body_classes & _SINGLE_CLASSES)
    if not is_single and (body_classes & LISTING_BODY_CLASSES or (not blocks and len(post_bodies(doc)) > 1)):
        return None
    roots = {b.root for b in blocks}
    content = _first_outside(doc, _POST_BODY, roots)
    title = _first_outside(doc, _POST_TITLE, roots)
    author = _first_outside(doc, _POST_AUTHOR, roots)
    date_el = _first_outside(doc, _POST_DATE, roots)
    published = None
    if date_el is not None:
        published = parse_date(date_el.get("datetime") or date_el.get("content")) or parse_date(inline_text(date_el))
    return ConversationItem(
        url=page_url,
        title=inline_text(title) or None,
        author=clean_author(inline_text(author)) if author is not None else None,
        published=published,
        text=element_text(content, lambda el: el in roots or "sharedaddy" in classes(el)),
        kind="post",
        replies=[_reply(b, roots, page_url) for b in comments],
        origin="page",
    )


def _read(doc: HtmlElement, page_url: str, url: str) -> Extracted:
    conv = extract(doc, page_url)
    return Extracted(conversation=conv, listing=conv is None, thread_url=page_url)


PLATFORM = Platform("wordpress", detect=lambda doc, html, url: detect(doc, html), extract=_read, kind="post",
                    feeds=("feed/", "comments/feed/"))
