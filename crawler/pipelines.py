"""Item pipelines: validate -> normalise -> store."""

from __future__ import annotations

from dataclasses import replace
from datetime import timezone
import logging
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured
from twisted.internet import task

from threadscout.crawler.clean import strip_controls
from threadscout.crawler.extensions import crawl_context
from threadscout.crawler.items import ConversationItem, ReplyItem
from threadscout.crawler.urls import is_fetchable, site_of
from threadscout.indexer.db import Tally

logger = logging.getLogger(__name__)
MAX_TITLE = 1_000
MAX_NAME = 200
MAX_TEXT = 200_000
MAX_REPLIES = 5_000
MAX_LINKS = 200


class ValidatePipeline:
    def process_item(self, item: Any) -> Any:
        if not isinstance(item, ConversationItem):
            raise DropItem(f"not a conversation: {type(item).__name__}")
        if not is_fetchable(item.url):
            raise DropItem(f"not an http(s) URL: {item.url!r}")
        return item


def _clean(value: str | None, limit: int) -> str | None:
    if value is None:
        return None
    value = strip_controls(value).strip()
    return value[:limit] or None


def _aware(value: Any) -> Any:
    return value.replace(tzinfo=timezone.utc) if value is not None and value.tzinfo is None else value


class NormalisePipeline:
    """Strip control characters and escape sequences, bound every length, make every date timezone-aware."""

    def process_item(self, item: ConversationItem) -> ConversationItem:
        replies = [ReplyItem(author=_clean(r.author, MAX_NAME), published=_aware(r.published),
                             text=_clean(r.text, MAX_TEXT) or "", url=r.url, position=r.position)
                   for r in item.replies[:MAX_REPLIES]]
        links = [u for u in item.links[:MAX_LINKS] if is_fetchable(u) and len(u) <= 2048]
        return replace(item, title=_clean(item.title, MAX_TITLE), author=_clean(item.author, MAX_NAME),
                       text=_clean(item.text, MAX_TEXT) or "", published=_aware(item.published), replies=replies,
                       links=links, listing=item.listing)


class StorePipeline:
    """Hand what the crawl finds to the store in small batches: every half second and every 100 conversations,
    and when the spider closes (or the crawl is cut short). ``threadscout crawl`` saves them in a child process
    beside the crawl (``THREADSCOUT_WRITER``: indexer.beside.Beside), so that saving does not slow the crawl;
    without one (``scrapy crawl``), or when that process is gone, they are saved here, one transaction a batch.
    A crash loses at most the last half second, and a page whose conversation was not saved has no validators
    recorded: it is fetched in full again. Counts which conversations were new and which changed."""

    EVERY = 0.5
    BATCH = 100

    def __init__(self, crawler: Crawler, store: Any, writer: Any = None) -> None:
        self.crawler = crawler
        self.store = store
        self.writer = writer
        self.pending: list[tuple[ConversationItem | None, str, Any]] = []   # None: a fetch only
        self.tally = Tally()                      # what was saved here
        self.saved_beside = {"new": 0, "updated": 0, "replies_new": 0}
        self.timer: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        context = crawl_context(crawler)
        if context is None:
            raise NotConfigured("no threadscout store extension")
        pipeline = cls(crawler, context.store, crawler.settings.get("THREADSCOUT_WRITER"))
        context.before_finish.append(pipeline.close_spider)
        context.fetch_sink = pipeline.fetched     # a feed's validators are saved after the items it brought
        return pipeline

    def open_spider(self) -> None:
        self.timer = task.LoopingCall(self.flush)
        self.timer.start(self.EVERY, now=False)

    def close_spider(self) -> None:
        if self.timer is not None and self.timer.running:
            self.timer.stop()
        self.flush()
        if self.writer is not None:
            for batch in self.writer.wait_saved(timeout=600):
                self._save_here(batch)
            self._count()

    def process_item(self, item: ConversationItem) -> ConversationItem:
        self.pending.append((item, site_of(item.url), item.fetched))
        if len(self.pending) >= self.BATCH:
            self.flush()
        return item

    def fetched(self, fetch: tuple[str, str | None, str | None]) -> None:
        """A processed page or feed's validators, recorded in the same batches as what it brought: a crash
        before its items are saved must not leave it answering 304 next time."""
        self.pending.append((None, "", fetch))

    def flush(self) -> None:
        batch, self.pending = self.pending, []
        if self.writer is not None and not self.writer.alive:
            logger.warning("the process saving beside the crawl is gone: saving here")
            for unsaved in self.writer.wait_saved(timeout=0):
                self._save_here(unsaved)
            self.saved_beside = self.writer.counts()   # what it had saved still counts
            self.writer = None
        if batch:
            if self.writer is not None:
                self.writer.save(batch)
            else:
                self._save_here(batch)
        self._count()

    def _save_here(self, batch: list[tuple[ConversationItem | None, str, Any]]) -> None:
        self.tally.add(self.store.save_many(batch))

    def _count(self) -> None:
        stats = self.crawler.stats
        assert stats is not None
        here = self.tally.counts()
        beside = self.writer.counts() if self.writer is not None else self.saved_beside
        stats.set_value("threadscout/conversations_new", here["new"] + beside["new"])
        stats.set_value("threadscout/conversations_updated", here["updated"] + beside["updated"])
        stats.set_value("threadscout/replies_new", here["replies_new"] + beside["replies_new"])
