"""Running one crawl in this process, and stopping it when asked.

The first SIGINT or SIGTERM stops the crawl within a few seconds: no new request is made, requests waiting in
the downloader are dropped and open connections are aborted, so the spider closes at once with what it has
(what was found is saved every half second, and at the close). If Scrapy has not closed after
``STOP_GRACE`` seconds, the reactor is stopped anyway and the crawl-run row is written here. A second signal
exits the process at once.

Twisted's reactor cannot be restarted: call ``run_crawl`` once per process.
"""

from __future__ import annotations

import functools
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from threadscout.config.settings import Settings, Source

STOP_GRACE = 3.0        # seconds between the first signal and stopping the reactor regardless
SWEEP_EVERY = 0.2       # seconds between two sweeps of open connections while stopping

CountsCallback = Callable[[dict[str, int]], None]


class StopRequest:
    """Catches SIGINT and SIGTERM while long work runs: the first asks the work to stop, the second exits."""

    def __init__(self) -> None:
        self.signum: int | None = None
        self._callbacks: list[Callable[[], None]] = []
        self._previous: dict[int, Any] = {}

    @property
    def requested(self) -> bool:
        return self.signum is not None

    @property
    def exit_code(self) -> int:
        return 128 + (self.signum or 0)

    def __enter__(self) -> StopRequest:
        if threading.current_thread() is threading.main_thread():   # Python only allows handlers there
            for sig in (signal.SIGINT, signal.SIGTERM):
                self._previous[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)

    def on_stop(self, callback: Callable[[], None]) -> None:
        self._callbacks.append(callback)

    def request(self, signum: int, reason: str) -> None:
        """Stop as the first signal would, from any thread, saying ``reason`` in the log rather than on the
        terminal (a crawl whose scheduler is gone has no one to tell)."""
        if self.signum is not None:
            return
        self.signum = signum
        logging.getLogger(__name__).warning("%s", reason)
        for callback in self._callbacks:
            callback()

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.signum is not None:
            os.write(2, f"threadscout: stopped at once ({signal.Signals(signum).name} twice)\n".encode())
            os._exit(128 + signum)
        self.signum = signum
        os.write(2, f"threadscout: stopping ({signal.Signals(signum).name}); what was found so far is kept. "
                    "Send it again to quit at once.\n".encode())
        for callback in self._callbacks:
            callback()


@dataclass
class CrawlResult:
    counts: dict[str, int]
    stats: dict[str, Any] = field(default_factory=dict)
    finish_reason: str = ""


def run_crawl(cfg: Settings, sources: list[Source], *, stop: StopRequest, log_file: Path | None,
              log_level: str = "INFO", echo_log: bool = False, on_counts: CountsCallback | None = None,
              writer: Any = None) -> CrawlResult:
    """Crawl ``sources`` into the store. ``on_counts`` gets the running counts (pages, new, updated, errors);
    ``writer`` (indexer.beside.Beside) saves what is found in a process of its own."""
    from scrapy import signals
    from scrapy.crawler import CrawlerProcess

    from threadscout.crawler.extensions import counts, crawl_context
    from threadscout.crawler.settings import scrapy_settings
    from threadscout.crawler.signals import page_failed
    from threadscout.crawler.spiders.conversations import ConversationSpider

    values = scrapy_settings(cfg, log_file=log_file, log_level=log_level, sources=sources)
    values["THREADSCOUT_WRITER"] = writer
    process = CrawlerProcess(values)
    if echo_log:
        _echo_log_to_stderr(log_level)
    crawler = process.create_crawler(ConversationSpider)
    if on_counts is not None:
        def report(**_: Any) -> None:
            on_counts(counts(crawler.stats.get_stats()))  # type: ignore[union-attr]

        for sig in (signals.response_received, signals.item_scraped, page_failed, signals.spider_closed):
            crawler.signals.connect(report, signal=sig, weak=False)
    process.crawl(crawler)             # installs the reactor
    _threads_never_hold_the_exit()
    stopper = _Stopper(process, crawler)
    stop.on_stop(stopper.request)
    if stop.requested:
        return CrawlResult(counts={"pages": 0, "new": 0, "updated": 0, "errors": 0}, finish_reason="shutdown")
    process.start(install_signal_handlers=False)
    context = crawl_context(crawler)
    if context is not None and context.run_id is not None:   # Scrapy did not close in time: record it here
        spider = crawler.spider
        if spider is not None and hasattr(spider, "report_sources"):
            spider.report_sources()
        context.finish("shutdown")
    stats = crawler.stats.get_stats() if crawler.stats else {}
    return CrawlResult(counts=counts(stats), stats=stats,
                       finish_reason=str(stats.get("finish_reason") or ("shutdown" if stop.requested else "")))


class _Stopper:
    """Stops one crawl from a signal handler: everything happens in the reactor's thread."""

    def __init__(self, process: Any, crawler: Any) -> None:
        self.process, self.crawler = process, crawler

    def request(self) -> None:
        from twisted.internet import reactor

        reactor.callFromThread(self._begin)  # type: ignore[attr-defined]

    def _begin(self) -> None:
        from twisted.internet import reactor

        from threadscout.crawler.extensions import crawl_context

        context = crawl_context(self.crawler)
        if context is not None:
            context.stopping = True
        logging.getLogger(__name__).info("stop requested: cancelling requests in flight")
        self._sweep()
        self.process.stop()
        reactor.callLater(STOP_GRACE, self._force)  # type: ignore[attr-defined]

    def _sweep(self) -> None:
        """Drop the requests waiting in the downloader and abort open connections; again until closed."""
        from twisted.internet import reactor, tcp

        from threadscout.crawler.politeness import fail_queued

        engine = self.crawler.engine
        if engine is None or not reactor.running:  # type: ignore[attr-defined]
            return
        for slot in list(engine.downloader.slots.values()):
            fail_queued(slot, "the crawl was stopped")
        for selectable in [*reactor.getReaders(), *reactor.getWriters()]:  # type: ignore[attr-defined]
            if isinstance(selectable, tcp.Client):
                selectable.abortConnection()
        reactor.callLater(SWEEP_EVERY, self._sweep)  # type: ignore[attr-defined]

    def _force(self) -> None:
        """Something did not let go (a DNS lookup blocked in a thread, say): leave the reactor at once, without
        its shutdown triggers, which would wait for it. ``run_crawl`` records the crawl-run row itself, and the
        caller should leave the process with ``exit_now`` rather than wait for threads stuck in the network."""
        from twisted.internet import reactor

        if reactor.running:  # type: ignore[attr-defined]
            logging.getLogger(__name__).warning("the crawl did not close in %.0fs; stopping anyway", STOP_GRACE)
            reactor.crash()  # type: ignore[attr-defined]


def _threads_never_hold_the_exit() -> None:
    """Twisted joins its thread pool when the reactor stops; a thread blocked in a DNS lookup would then hold
    the end of every crawl (and a stopped one) until the lookup gives up. Its threads are made daemons and the
    pool is not joined: the process only ever runs one crawl."""
    from twisted.internet import reactor

    pool = reactor.getThreadPool()  # type: ignore[attr-defined]
    pool.threadFactory = functools.partial(threading.Thread, daemon=True)
    trigger = getattr(reactor, "threadpoolShutdownID", None)
    if trigger is not None:
        reactor.removeSystemEventTrigger(trigger)  # type: ignore[attr-defined]
        reactor.threadpoolShutdownID = None  # type: ignore[attr-defined]


def exit_now(code: int) -> None:
    """Leave the process after a stopped crawl, without waiting for worker threads that may still be blocked
    in the network (Python joins them at exit). Everything worth keeping is committed by then."""
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


def _echo_log_to_stderr(level: str) -> None:
    """``crawl -v``: the crawl's log on the terminal too, not only in the log file."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter("%(asctime)s [%(name)s] %(levelname)s: %(message)s", "%H:%M:%S"))
    logging.getLogger().addHandler(handler)
