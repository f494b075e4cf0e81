"""The store extension: gives a crawl its threadscout configuration and store, and records what the spider
reports (source health, processed fetches, the crawl-run row with Scrapy's stats).

Built in ``from_crawler`` like Scrapy's own components and switched off with ``NotConfigured`` when there is no
configuration, so that ``THREADSCOUT_CONFIG=threadscout.toml scrapy crawl threadscout`` works as Scrapy users
expect, and ``threadscout crawl`` hands over the configuration it already read.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from threadscout.config.errors import ConfigError
from threadscout.config.settings import CONFIG_ENV, Settings, Source, load_settings
from threadscout.crawler import signals as our_signals
from threadscout.indexer.db import Store

def error_count(stats: dict[str, Any]) -> int:
    """Failed requests, plus callbacks that raised (Scrapy counts those apart and carries on)."""
    return int(stats.get("threadscout/errors", 0)) + int(stats.get("spider_exceptions/count", 0))


def counts(stats: dict[str, Any]) -> dict[str, int]:
    """pages, new, updated, errors: the same numbers for the live progress and the summary."""
    return {"pages": int(stats.get("threadscout/responses", 0)),
            "new": int(stats.get("threadscout/conversations_new", 0)),
            "updated": int(stats.get("threadscout/conversations_updated", 0)),
            "errors": error_count(stats)}


class CrawlContext:
    """What one crawl works with: the configuration, the store, the sources it starts from."""

    def __init__(self, crawler: Crawler, cfg: Settings, store: Store, sources: list[Source]) -> None:
        self.crawler, self.cfg, self.store, self.sources = crawler, cfg, store, sources
        self.run_id: int | None = None
        self.stopping = False      # set when the user asked the crawl to stop: failures then are not the site's
        self.before_finish: list[Callable[[], None]] = []   # what must be written before the run is closed
        self.fetch_sink: Callable[[tuple[str, str | None, str | None]], None] | None = None
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(self.source_result, signal=our_signals.source_result)
        crawler.signals.connect(self.fetch_processed, signal=our_signals.fetch_processed)
        crawler.signals.connect(self.page_gone, signal=our_signals.page_gone)
        crawler.signals.connect(self.feeds_found, signal=our_signals.feeds_found)
        crawler.signals.connect(self.feeds_probed, signal=our_signals.feeds_probed)
        crawler.signals.connect(self.source_capped, signal=our_signals.source_capped)
        crawler.signals.connect(self.source_note, signal=our_signals.source_note)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlContext:
        cfg = crawler.settings.get("THREADSCOUT_SETTINGS")
        if cfg is None:
            path = crawler.settings.get("THREADSCOUT_CONFIG") or os.environ.get(CONFIG_ENV)
            if not path:
                raise NotConfigured(f"no threadscout configuration: set {CONFIG_ENV} to your threadscout.toml")
            try:
                cfg = load_settings(path)
            except ConfigError as exc:
                raise NotConfigured(str(exc)) from None
        store = Store(cfg.database_url)
        sources = crawler.settings.get("THREADSCOUT_SOURCES")
        if sources is None:
            sources = store.due_sources(cfg.sources, cfg.crawl.every)
        return cls(crawler, cfg, store, list(sources))

    def spider_opened(self, spider: Any) -> None:
        for source in self.sources:
            if source.refresh_of is None:
                self.store.source(source.url, source.kind)
        self.run_id = self.store.start_run()

    def spider_closed(self, spider: Any, reason: str) -> None:
        """Judge the crawl by its stats, not its exit status: record them in the crawl-run row."""
        self.finish(reason)

    def finish(self, reason: str) -> None:
        for write in self.before_finish:
            write()
        stats = self.crawler.stats
        if self.run_id is None or stats is None:
            return
        values = stats.get_stats()
        c = counts(values)
        self.store.finish_run(self.run_id, pages=c["pages"], new=c["new"], updated=c["updated"], errors=c["errors"],
                              finish_reason=reason,
                              stats={k: v if isinstance(v, (int, float, str)) else str(v) for k, v in values.items()})
        self.run_id = None

    def source_result(self, source: str, status: int | None, error: str | None = None, error_kind: str | None = None,
                      kind: str | None = None, etag: str | None = None, last_modified: str | None = None,
                      retry_after: float | None = None) -> None:
        if error is not None and self.stopping:
            return   # cut short by the user, not a failure of the site
        self.store.record_source_result(source, status=status, error=error, error_kind=error_kind, kind=kind,
                                        etag=etag, last_modified=last_modified, retry_after=retry_after)

    def source_capped(self, source: str, capped: str) -> None:
        self.store.record_capped(source, capped)

    def source_note(self, source: str, note: str) -> None:
        self.store.record_note(source, note)

    def feeds_found(self, source: str, feeds: list[str]) -> None:
        self.store.remember_feeds(source, feeds)

    def feeds_probed(self, source: str) -> None:
        self.store.feeds_probed(source)

    def page_gone(self, url: str, status: int) -> None:
        if self.store.mark_gone(url):
            self.crawler.stats.inc_value("threadscout/conversations_gone")  # type: ignore[union-attr]

    def fetch_processed(self, url: str, etag: str | None, last_modified: str | None) -> None:
        if self.fetch_sink is not None:     # after the items it brought, in the same batches (crawler.pipelines)
            self.fetch_sink((url, etag, last_modified))
        else:
            self.store.record_fetch(url, 200, etag, last_modified)


def crawl_context(crawler: Crawler) -> CrawlContext | None:
    """The crawl's context, when the extension is on."""
    extensions = getattr(crawler, "extensions", None)
    for ext in getattr(extensions, "middlewares", ()):
        if isinstance(ext, CrawlContext):
            return ext
    return None
