"""HTML page -> conversation: pure functions, no network.

Order of trust: the platform that recognises the page (``registry.PLATFORMS``: blog engines, forum engines,
Q&A and link sites), then schema.org data (when it yields the conversation), then a generic fallback
(trafilatura for the opening post). When schema.org comments and the platform markup disagree, the source with
more replies wins: exact reply counts matter most.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from urllib.parse import urljoin

import lxml.etree

from threadscout.crawler.items import ConversationItem
from threadscout.crawler.urls import canonical_url, is_fetchable, same_site

from . import generic, schemaorg, structure
from .platform import Extracted
from .registry import PLATFORMS
from .text import HtmlElement, base_url, clean_author, css, inline_text, parse_date, parse_html, squash

__all__ = ["Page", "extract_page"]

log = logging.getLogger(__name__)

_HTML_MARKER = re.compile(r"<(html|head|body|div|p|article|main|section|title|meta)\b", re.IGNORECASE)
_WORD_RUN = re.compile(r"\w+")
MIN_GENERIC_WORDS = 25   # a page of unknown software with fewer words and no replies is no conversation
_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml"})


@dataclass
class Page:
    url: str                                  # canonical URL of the page
    conversation: ConversationItem | None     # None when the page is not a conversation
    feeds: list[str]                          # absolute URLs of the feeds the page links to
    platform: str                             # a registry platform's name, "schemaorg" or "generic"
    next_page: str | None = None              # the thread's next page
    page: int = 1                             # which page of its thread this is
    topics: list[str] | None = None           # on a forum listing: the threads it links to


def _safe_canonical(url: str) -> str:
    try:
        return canonical_url(url)
    except ValueError:
        return url


def _page_url(doc: HtmlElement, url: str, base: str) -> str:
    """rel=canonical when it points to the same site, else the canonical form of the fetched URL."""
    for link in css(doc, "link[rel][href]"):
        if "canonical" in (link.get("rel") or "").lower().split():
            try:
                target = urljoin(base, link.get("href", "").strip())
                if is_fetchable(target) and same_site(target, url):
                    return canonical_url(target)
            except ValueError:
                pass
            break
    return _safe_canonical(url)


def _feeds(doc: HtmlElement, base: str) -> list[str]:
    feeds: list[str] = []
    for link in css(doc, "link[rel][href]"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().split(";")[0].strip()
        if "alternate" in rel and kind in _FEED_TYPES:
            try:
                href = urljoin(base, link.get("href", "").strip())
            except ValueError:
                continue
            if is_fetchable(href) and href not in feeds:
                feeds.append(href)
    return feeds


def _meta(doc: HtmlElement, *names: str) -> str | None:
    for name in names:
        for el in css(doc, f'meta[property="{name}"], meta[name="{name}"]'):
            value = squash(el.get("content") or "")
            if value:
                return value
    return None


def _fill_in(conv: ConversationItem, doc: HtmlElement, html: str, schema: schemaorg.SchemaData | None,
             platform_body: bool) -> None:
    """Complete the post's title, author, date and text from schema.org, meta tags, then trafilatura."""
    if schema is not None:
        conv.title = conv.title or schema.title
        conv.author = conv.author or schema.author
        conv.published = conv.published or schema.published
        if not conv.text and not platform_body:
            conv.text = schema.text
    conv.title = conv.title or _meta(doc, "og:title", "twitter:title")
    conv.author = conv.author or clean_author(_meta(doc, "article:author", "author"))
    conv.published = conv.published or parse_date(_meta(doc, "article:published_time", "datePublished"))
    if not conv.text:
        main = generic.main_text(html, conv.url)
        conv.text = main.text
        conv.title = conv.title or main.title
        conv.author = conv.author or main.author
        conv.published = conv.published or main.published
    if not conv.title:
        title = doc.find(".//title")
        conv.title = inline_text(title) or None
    if conv.author and conv.author.startswith(("http://", "https://")):
        conv.author = None


MAX_LINKS = 200
_FURNITURE = frozenset({"nav", "header", "footer", "aside", "form", "script", "noscript", "template"})


_CONTENT_ANCHORS = lxml.etree.XPath(
    "//body//a[@href][not(ancestor::*[" + " or ".join(f"self::{t}" for t in sorted(_FURNITURE)) + "])]")
_ABSOLUTE = re.compile(r"\s*(//|[A-Za-z][A-Za-z0-9+.-]*:)")


def _outbound_links(doc: HtmlElement, base: str, page_url: str) -> list[str]:
    """Links to other sites in the page's content (not its navigation, header, footer or sidebars): where the
    post and its commenters point. Each once, in page order."""
    links: list[str] = []
    relative_is_local = same_site(base, page_url)
    for anchor in _CONTENT_ANCHORS(doc):
        href = (anchor.get("href") or "").strip()
        if relative_is_local and not _ABSOLUTE.match(href):
            continue                  # a relative link: this site (most links on a page, skipped cheaply)
        try:
            target = urljoin(base, href)
        except ValueError:
            continue
        if not is_fetchable(target) or same_site(target, page_url):
            continue
        target = _safe_canonical(target)
        if target not in links:
            links.append(target)
            if len(links) >= MAX_LINKS:
                break
    return links


def _title(doc: HtmlElement, heading: str | None) -> str | None:
    """The page's heading when its <title> is that heading plus the site's name (or a word or two that say
    nothing); else the <title> itself, which is what the site calls the page (an SEO title, or a heading that
    carries labels and page numbers)."""
    element = doc.find(".//title")
    page_title = squash(element.text_content() or "") if element is not None else ""
    if not page_title:
        return heading
    if heading and (heading.casefold() in page_title.casefold() or len(page_title.split()) < 3):
        return heading          # the heading plus the site's name, or a <title> that says nothing ("Thread")
    return page_title


def _by_structure(doc: HtmlElement, page_url: str, conv: ConversationItem | None, platform: str,
                  thread_ok: bool) -> tuple[ConversationItem | None, str]:
    """Replies found by their repeated shape, where no platform rule (or only nameless ones) found them."""
    found = structure.find_replies(doc)
    if found is None:
        return conv, platform
    posts, opening = found
    if conv is not None and conv.replies:          # a blog engine found these replies without their names
        if len(posts) != len(conv.replies):
            return conv, platform
        conv.replies = posts
        return conv, platform
    if not thread_ok:
        return conv, platform
    if conv is None:
        return conv, platform
    if opening and len(posts) > 1:
        first, posts = posts[0], posts[1:]
        conv.kind = "thread"
        conv.author, conv.published, conv.text = first.author, first.published, first.text
    conv.replies = posts
    return conv, "structure"


def _extract(html: str, url: str) -> Page:
    doc = parse_html(html) if isinstance(html, str) and _HTML_MARKER.search(html[:100_000]) else None
    if doc is None:
        return Page(url=_safe_canonical(url), conversation=None, feeds=[], platform="generic")
    base = base_url(doc, url)
    page_url = _page_url(doc, url, base)
    feeds = _feeds(doc, base)
    schema = schemaorg.extract(doc, html, page_url)

    platform = "generic"
    conv: ConversationItem | None = None
    found: Extracted | None = None
    kind_of_platform = "post"
    for candidate in PLATFORMS:
        if candidate.detect(doc, html, url):
            platform, kind_of_platform = candidate.name, candidate.kind
            found = candidate.extract(doc, page_url, url) or Extracted(listing=True)
            break
    if found is not None:
        conv = found.conversation
        if conv is None:
            return Page(url=page_url, conversation=None, feeds=feeds, platform=platform, topics=found.topics)
        page_url = found.thread_url or page_url
        if kind_of_platform == "post" and schema is not None and len(schema.replies) > len(conv.replies):
            conv.replies = schema.replies
            platform = "schemaorg"
    elif schema is not None and (schema.has_main_entity or schema.replies):
        platform = "schemaorg"
        conv = ConversationItem(url=page_url, kind="thread" if schema.kind == "thread" else "post",
                                replies=schema.replies, origin="page")
    elif not generic.looks_like_listing(doc, page_url):
        conv = ConversationItem(url=page_url, kind="post", origin="page")
    if conv is not None and (found is None or kind_of_platform == "post") and not any(r.author for r in conv.replies):
        conv, platform = _by_structure(doc, page_url, conv, platform, thread_ok=found is None)
    if conv is None:
        return Page(url=page_url, conversation=None, feeds=feeds, platform=platform)
    if found is not None and found.page > 1:
        conv.title = conv.title or _meta(doc, "og:title")   # a later page: the opening post is not here
    else:
        _fill_in(conv, doc, html, schema, platform_body=bool(conv.text))
    if platform == "generic" and len(_WORD_RUN.findall(conv.text)) < MIN_GENERIC_WORDS and not conv.replies:
        conv = None  # too little to read: navigation, an empty shell, or a page made only of scripts
    if conv is not None:
        conv.title = _title(doc, conv.title)
        conv.links = _outbound_links(doc, base, page_url)
    if found is not None:
        return Page(url=page_url, conversation=conv, feeds=feeds, platform=platform, next_page=found.next_page,
                    page=found.page)
    return Page(url=page_url, conversation=conv, feeds=feeds, platform=platform)


def extract_page(html: str, url: str) -> Page:
    """Extract the conversation a page shows. Never raises on bad input: such pages give ``conversation=None``."""
    try:
        if isinstance(html, (bytes, bytearray)):
            html = bytes(html).decode("utf-8", errors="replace")
        return _extract(html, url)
    except Exception:  # hostile markup must not stop a crawl; log it and treat the page as no conversation
        log.warning("extraction failed for %s", url, exc_info=True)
        return Page(url=_safe_canonical(url) if isinstance(url, str) else "", conversation=None, feeds=[],
                    platform="generic")
