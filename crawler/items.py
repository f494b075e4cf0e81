"""The one item type that spiders and feed readers hand to the pipelines.

A ``ConversationItem`` is one thread (a blog post, a forum topic, a feed entry) with the replies seen on the
page or feed it came from.  Every datetime is timezone-aware (UTC when the source gave no zone); every string
is plain text (no markup), whitespace-normalised by the extractor and cleaned of control characters by the
pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

Kind = Literal["post", "thread", "item"]
Origin = Literal["page", "feed", "comments"]


@dataclass
class ReplyItem:
    author: str | None = None
    published: datetime | None = None
    text: str = ""
    # permalink of the reply, fragment kept (".../post/#comment-412"); None when the page gives none
    url: str | None = None
    # its place in the whole thread (forums: across pages); None: its place in the list it came in
    position: int | None = None


@dataclass
class ConversationItem:
    url: str                        # canonical URL (see crawler.urls.canonical_url)
    title: str | None = None
    author: str | None = None
    published: datetime | None = None
    text: str = ""                  # the opening post, plain text
    kind: Kind = "post"
    replies: list[ReplyItem] = field(default_factory=list)
    # where the item came from: a page outranks a feed entry, which outranks a comment feed
    origin: Origin = "page"
    source_url: str | None = None   # the configured source this item was reached from
    # the response this item came from, with its validators: recorded for conditional GET once the item is saved
    fetched: tuple[str, str | None, str | None] | None = None   # (url, ETag, Last-Modified)
    # links to other sites in the post and its replies (commenters' home pages included): discovery's evidence
    links: list[str] = field(default_factory=list)
    # a page of a thread a listing led to: (URL as listed, the row's mark once the thread was read to its end
    # else "", this page's URL, its page number)
    listing: tuple[str, str, str, int] | None = None
    # the comment feed the replies came from (a comment feed's item): where the conversation is re-read
    comments_feed: str | None = None
    # a platform source's thread: (the source's kind, the thread's id on the platform), where it is re-read
    platform_thread: tuple[str, str] | None = None
