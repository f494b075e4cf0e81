"""The work behind the commands: crawl, index, reindex. Each returns a summary; none prints.

Scrapy is imported inside ``crawl`` only, so that searching never pays for it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from threadscout.config.errors import ConfigError, CrawlError
from threadscout.config.settings import Settings, Source
from threadscout.indexer.db import Store
from threadscout.indexer.index import SearchIndex
from threadscout.indexer import sync

Progress = Callable[[str, int], None]   # (what happened, how many)


@dataclass
class CrawlSummary:
    sources: int
    pages: int = 0
    new: int = 0
    updated: int = 0
    errors: int = 0
    not_modified: int = 0
    robots_forbidden: int = 0
    indexed: int = 0
    seconds: float = 0.0
    finish_reason: str = ""
    source_errors: list[tuple[str, str]] = field(default_factory=list)

    @property
    def nothing_fetched(self) -> bool:
        return self.sources > 0 and self.pages == 0

    def line(self) -> str:
        parts = [f"{self.pages} pages", f"{self.new} new conversations", f"{self.updated} updated",
                 f"{self.errors} errors"]
        if self.not_modified:
            parts.append(f"{self.not_modified} unchanged (304)")
        if self.robots_forbidden:
            parts.append(f"{self.robots_forbidden} forbidden by robots.txt")
        return f"Crawled {self.sources} sources: " + ", ".join(parts) + f" in {self.seconds:.1f}s"


def open_store(cfg: Settings) -> Store:
    return Store(cfg.database_url)


def open_index(cfg: Settings) -> SearchIndex:
    return SearchIndex(cfg.index_dir)


def due_sources(cfg: Settings, store: Store, now: datetime | None = None) -> list[Source]:
    """Sources never crawled, or last crawled at least their ``every`` ago."""
    now = now or datetime.now(timezone.utc)
    last = {row.url: row.last_crawled_at for row in store.sources()}
    due = []
    for source in cfg.sources:
        every = source.every or cfg.crawl.every
        seen = last.get(source.url)
        if seen is None or now - seen >= every:
            due.append(source)
    return due


def crawl(cfg: Settings, *, all_sources: bool = False, progress: Progress | None = None,
          log_level: str = "INFO") -> CrawlSummary:
    """Crawl the due sources (or all) into the store, then bring the index up to date.

    Runs Scrapy's reactor in this process: call it once per process (the scheduler uses a child process).
    """
    if not cfg.sources:
        raise ConfigError(str(cfg.file), "source", "no sources: add at least one [[source]] with a url")
    from scrapy import signals
    from scrapy.crawler import CrawlerProcess

    from threadscout.crawler.settings import scrapy_settings
    from threadscout.crawler.spiders.conversations import ConversationSpider, page_failed

    started = time.monotonic()
    store = open_store(cfg)
    sources = list(cfg.sources) if all_sources else due_sources(cfg, store)
    summary = CrawlSummary(sources=len(sources))
    if sources:
        log_dir = cfg.data_dir / "logs"
        log_dir.mkdir(parents=True, exist_ok=True)
        values = scrapy_settings(cfg, log_file=log_dir / "crawl.log", log_level=log_level)
        values["THREADSCOUT_DATABASE_URL"] = cfg.database_url
        process = CrawlerProcess(values)
        crawler = process.create_crawler(ConversationSpider)
        if progress is not None:
            _connect_progress(crawler, signals, page_failed, progress)
        process.crawl(crawler, sources=sources, keywords=list(cfg.mission.keywords), depth=cfg.crawl.depth,
                      max_pages=cfg.crawl.max_pages, max_feed_size=cfg.crawl.max_feed_size)
        process.start()
        run = store.last_run()          # the spider records its stats there when it closes
        if run is None:
            raise CrawlError("the crawl stopped before it started; see the crawl log in the data folder")
        stats: dict[str, Any] = run.stats or {}
        summary.pages, summary.new, summary.updated, summary.errors = run.pages, run.new, run.updated, run.errors
        summary.not_modified = int(stats.get("threadscout/not_modified", 0))
        summary.robots_forbidden = int(stats.get("threadscout/robots_forbidden", 0))
        summary.finish_reason = run.finish_reason or ""
        urls = {s.url for s in sources}
        summary.source_errors = [(row.url, row.last_error) for row in store.sources()
                                 if row.url in urls and row.last_error]
    summary.indexed = index(cfg, store=store,
                            progress=(lambda n: progress("indexed", n)) if progress else None)
    summary.seconds = time.monotonic() - started
    store.close()
    return summary


def _connect_progress(crawler: Any, signals: Any, page_failed: object, progress: Progress) -> None:
    def on_response(response: Any, request: Any, spider: Any) -> None:
        progress("page", 1)

    def on_item(item: Any, response: Any, spider: Any) -> None:
        progress("conversation", 1)

    def on_error(**_: Any) -> None:
        progress("error", 1)

    crawler.signals.connect(on_response, signal=signals.response_received, weak=False)
    crawler.signals.connect(on_item, signal=signals.item_scraped, weak=False)
    crawler.signals.connect(on_error, signal=page_failed, weak=False)


def index(cfg: Settings, *, store: Store | None = None, progress: Callable[[int], None] | None = None) -> int:
    """Bring the index up to date with the store; returns how many conversations were written."""
    own = store is None
    store = store or open_store(cfg)
    try:
        return sync.sync(store, open_index(cfg), progress)
    finally:
        if own:
            store.close()


def reindex(cfg: Settings, *, progress: Callable[[int], None] | None = None) -> int:
    """Rebuild the index from the store, which is the source of truth."""
    store = open_store(cfg)
    try:
        return sync.rebuild(store, open_index(cfg), progress)
    finally:
        store.close()
