"""Feeds: the bytes Scrapy fetched, through feedparser, into conversation items.

No network here: the spider fetches (so robots.txt, throttling and limits apply) and hands over the body.
"""

from __future__ import annotations

from html import unescape

import io
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

import feedparser
from dateutil import parser as dateutil_parser
import lxml.html

from threadscout.crawler.extract.text import element_text
from threadscout.crawler.items import ConversationItem, ReplyItem
from threadscout.crawler.urls import canonical_url, is_fetchable

_ENTITY_DECL = re.compile(rb"<!\s*ENTITY", re.IGNORECASE)
_FEED_START = re.compile(rb"^\s*(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b",
                         re.DOTALL)
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
               "text/xml", "application/feed+json")


class FeedRefused(ValueError):
    """A feed that is not parsed at all: it declares entities, or it is not a feed."""


@dataclass
class ParsedFeed:
    title: str | None
    version: str
    items: list[ConversationItem] = field(default_factory=list)
    comment_feeds: dict[str, str] = field(default_factory=dict)   # conversation URL -> its comment feed
    pages: list[str] = field(default_factory=list)                # conversation URLs worth fetching
    warning: str | None = None                                    # bozo, when entries were still recovered

    def newest_first(self) -> list[ConversationItem]:
        """The items by date, the newest first; undated ones last, in feed order."""
        oldest = datetime.min.replace(tzinfo=timezone.utc)
        return sorted(self.items, key=lambda item: item.published or oldest, reverse=True)

    def keep_newest(self, limit: int) -> int:
        """Keep the ``limit`` newest items, as FreshRSS keeps a feed's newest articles; returns how many were
        left out."""
        if len(self.items) <= limit:
            return 0
        dropped = len(self.items) - limit
        self.keep(self.newest_first()[:limit])
        return dropped

    def keep(self, items: list[ConversationItem]) -> None:
        """Only these items, and the pages and comment feeds of their conversations."""
        urls = {item.url for item in items}
        self.items = items
        self.pages = [page for page in self.pages if page in urls]
        self.comment_feeds = {url: feed for url, feed in self.comment_feeds.items() if url in urls}


def looks_like_feed(body: bytes, content_type: str = "") -> bool:
    ctype = content_type.split(";")[0].strip().lower()
    if ctype in _FEED_TYPES and ctype not in ("application/xml", "text/xml"):
        return True
    return bool(_FEED_START.match(body[:4096]))


def html_to_text(html: str | None) -> str:
    """Feed HTML (already sanitised by feedparser) to plain text with paragraph breaks."""
    if not html or not html.strip():
        return ""
    if "<" not in html:        # no tags, but entities all the same ("Tom &amp; Jerry", "&lt;script&gt;")
        return " ".join(unescape(html).split())
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return " ".join(html.split())
    return element_text(root)


def _date(entry: Any, *names: str) -> datetime | None:
    """The entry's date with the author's time zone when the feed gives one (feedparser's own is UTC)."""
    for name in names:
        raw = dict.get(entry, name)
        if isinstance(raw, str) and raw.strip():
            try:
                zoned = dateutil_parser.parse(raw)
            except (ValueError, OverflowError):
                zoned = None
            if zoned is not None and zoned.tzinfo is not None:
                return zoned
        parsed = dict.get(entry, f"{name}_parsed")  # plain lookup: no deprecated key mapping
        if parsed:
            try:
                return datetime(*parsed[:6], tzinfo=timezone.utc)
            except (TypeError, ValueError):
                continue
    return None


def _author(entry: Any) -> str | None:
    name = entry.get("author_detail", {}).get("name") or entry.get("author")
    if not name:
        return None
    name = " ".join(str(name).split())
    # RSS <author> is often "mail@example.org (Name)"
    m = re.match(r"^\S+@\S+\s+\((.+)\)$", name)
    return m.group(1) if m else name


def _body(entry: Any) -> str:
    contents = entry.get("content") or []
    html = max((c.get("value", "") for c in contents), key=len, default="") or entry.get("summary", "")
    return html_to_text(html)


def _comment_feed(entry: Any) -> str | None:
    for link in entry.get("links", []):
        if link.get("rel") == "replies" and "atom" in (link.get("type") or "atom"):
            return link.get("href")
    return entry.get("wfw_commentrss") or None


def parse_feed(body: bytes, url: str, content_type: str = "", *, comments_of: str | None = None,
               source_url: str | None = None) -> ParsedFeed:
    """Entries become conversations (``origin="feed"``); for a comment feed (``comments_of`` set), the entries
    become the replies of that one conversation (``origin="comments"``)."""
    if _ENTITY_DECL.search(body) or _ENTITY_DECL.search(body.replace(b"\0", b"")):  # UTF-16/32 too
        raise FeedRefused("the feed declares XML entities, which could expand without bound; refused")
    parsed = feedparser.parse(io.BytesIO(body), response_headers={"content-type": content_type or "application/xml",
                                                                  "content-location": url})
    version = parsed.get("version") or ""
    if parsed.get("bozo") and not version:
        raise FeedRefused(f"not a readable feed ({parsed.get('bozo_exception')})")
    if not version and not parsed.entries:
        raise FeedRefused("not a feed")
    feed = ParsedFeed(title=parsed.feed.get("title"), version=version)
    if parsed.get("bozo"):
        feed.warning = str(parsed.get("bozo_exception"))
    if comments_of:
        replies = [ReplyItem(author=_author(e), published=_date(e, "published", "updated"), text=_body(e),
                             url=canonical_url(e["link"], keep_fragment=True) if is_fetchable(e.get("link", ""))
                             else None)
                   for e in parsed.entries]
        feed.items.append(ConversationItem(url=comments_of, origin="comments", kind="post", replies=replies,
                                           source_url=source_url))
        return feed
    for entry in parsed.entries:
        link = entry.get("link") or ""
        if not is_fetchable(link):
            continue
        conv_url = canonical_url(link)
        feed.items.append(ConversationItem(
            url=conv_url, title=" ".join((entry.get("title") or "").split()) or None, author=_author(entry),
            published=_date(entry, "published", "updated", "created"), text=_body(entry), kind="item",
            origin="feed", source_url=source_url))
        feed.pages.append(conv_url)
        replies_feed = _comment_feed(entry)
        if replies_feed and is_fetchable(replies_feed):
            feed.comment_feeds[conv_url] = replies_feed
    return feed
