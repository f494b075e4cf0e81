"""Indexing beside a crawl: a child process indexes what the crawl saves while it crawls.

The crawl's process is busy fetching and extracting (Scrapy and lxml hold one core); indexing is the other
large cost, so it runs in its own process on the other core instead of after the crawl. The child indexes the
conversations that have settled (not changed for ``SETTLE`` seconds: a thread still being read page by page
waits for its last page), then, once told the crawl is over, everything left. The store stays the source of
truth: whatever the child did not index (it died, it was stopped) is indexed by the next sync, which the crawl
runs in its own process after the child has finished.

The child ignores SIGINT and SIGTERM (the crawl's process decides how to stop, and then asks it to finish), and
quits by itself when that process is gone.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import time
from collections.abc import Callable
from datetime import timedelta
from multiprocessing.sharedctypes import Synchronized
from multiprocessing.synchronize import Event
from pathlib import Path

SETTLE = 3.0      # seconds without change before a conversation is indexed during the crawl
PAUSE = 1.0       # between two rounds of indexing
_log = logging.getLogger(__name__)


class _ParentGone(Exception):
    pass


def _work(database_url: str, index_path: str, done: Event, written: Synchronized, parent: int,
          log_file: str | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if log_file:
        logging.basicConfig(filename=log_file, level=logging.INFO,
                            format="%(asctime)s [indexer] %(levelname)s: %(message)s")
    from threadscout.indexer.db import Store
    from threadscout.indexer.index import SearchIndex
    from threadscout.indexer.models import utcnow
    from threadscout.indexer.sync import sync

    def count(n: int) -> None:
        if os.getppid() != parent:
            raise _ParentGone
        with written.get_lock():
            written.value += n

    store = Store(database_url)
    idx = SearchIndex(Path(index_path))
    try:
        while not done.wait(PAUSE):
            if os.getppid() != parent:
                return
            sync(store, idx, count, settled_before=utcnow() - timedelta(seconds=SETTLE))
        sync(store, idx, count)
    except _ParentGone:
        return
    except Exception:            # the crawl's own sync will do it, and say what is wrong
        _log.exception("indexing beside the crawl failed")
    finally:
        store.close()


class IndexBeside:
    """Start with ``start()``; ``finish(progress)`` once the crawl is over waits for the child to index the rest
    and returns how many conversations it wrote (a conversation that changed during the crawl may count twice)."""

    def __init__(self, database_url: str, index_path: Path, log_file: Path | None = None) -> None:
        ctx = multiprocessing.get_context("spawn")   # never fork a process that runs Twisted's reactor
        self.done = ctx.Event()
        self.written = ctx.Value("q", 0)
        self.process = ctx.Process(target=_work, name="threadscout-indexer", daemon=True,
                                   args=(database_url, str(index_path), self.done, self.written, os.getpid(),
                                         str(log_file) if log_file else None))

    def start(self) -> IndexBeside:
        self.process.start()
        return self

    def finish(self, progress: Callable[[int], None] | None = None, timeout: float | None = None) -> int:
        """Tell the child the crawl is over and wait for it; ``progress`` hears of each conversation written."""
        self.done.set()
        reported = 0
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.process.is_alive() and (deadline is None or time.monotonic() < deadline):
            self.process.join(0.2)
            if progress and self.written.value > reported:
                progress(self.written.value - reported)
                reported = self.written.value
        if self.process.is_alive():
            self.process.terminate()
        return int(self.written.value)
