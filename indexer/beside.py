"""Saving and indexing beside a crawl: a child process writes what the crawl finds while it crawls.

The crawl's process is busy fetching and extracting (Scrapy and lxml hold one core); saving into the store and
indexing are the other large costs, so they run in a child process on the other core instead of in the crawl's
process and after the crawl. The crawl hands over batches of conversations (``save``); the child saves each
batch in one transaction, in the order received, and between batches indexes the conversations that have
settled (not changed for ``SETTLE`` seconds: a thread still being read page by page waits for its last page).
Once told the crawl is over (``finish``), it indexes everything left and exits.

Nothing is lost when either side fails: the crawl keeps each batch until the child has saved it and saves them
itself when the child is gone (``unsaved``); the child saves every batch it received even when the crawl's
process died, and the store stays the source of truth for the index (the crawl runs a last sync itself).
The child ignores SIGINT and SIGTERM: the crawl's process decides how to stop, then asks it to finish.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import signal
import time
from collections import deque
from collections.abc import Callable, Sequence
from datetime import timedelta
from multiprocessing.sharedctypes import Synchronized
from multiprocessing.synchronize import Event
from pathlib import Path
from typing import Any

SETTLE = 3.0      # seconds without change before a conversation is indexed during the crawl
PAUSE = 1.0       # between two rounds of indexing
ROUND = 200       # conversations indexed at most in one round, so that saving never waits long
SMALL = 2_000     # a store this small is indexed from scratch during the crawl (a first crawl); larger, after
_log = logging.getLogger(__name__)


class _ParentGone(Exception):
    pass


def _work(database_url: str, index_path: str, batches: Any, done: Event, values: dict[str, Synchronized],
          parent: int, log_file: str | None, language: str = "en") -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if log_file:
        logging.basicConfig(filename=log_file, level=logging.INFO,
                            format="%(asctime)s [writer] %(levelname)s: %(message)s")
    from threadscout.indexer.db import Store, Tally
    from threadscout.indexer.index import IndexBusyError, SearchIndex
    from threadscout.indexer.models import utcnow
    from threadscout.indexer.sync import sync

    def add(name: str, n: int) -> None:
        with values[name].get_lock():
            values[name].value += n

    def indexed(n: int) -> None:
        if os.getppid() != parent:
            raise _ParentGone      # only saving matters then: the next crawl indexes the rest
        add("indexed", n)

    store = Store(database_url)
    idx = SearchIndex(Path(index_path), language=language)
    tally = Tally()
    last_index = time.monotonic()
    try:
        while True:
            try:
                batch = batches.get(timeout=0.2)
            except queue.Empty:
                batch = None
            if batch is not None:
                tally.add(store.save_many(batch))
                for name, n in tally.counts().items():      # before "saved": a reader of both sees them
                    values[name].value = n
                add("saved", 1)
            elif done.is_set() or os.getppid() != parent:
                break       # nothing more will come
            if (time.monotonic() - last_index >= PAUSE and os.getppid() == parent
                    and (idx.state() == "ok" or store.count() <= SMALL)):
                # an index to rebuild from a large store waits for the end: saving must not wait that long
                try:
                    sync(store, idx, indexed, settled_before=utcnow() - timedelta(seconds=SETTLE), limit=ROUND)
                except Exception:       # a busy or damaged index: the crawl's own sync says what is wrong
                    _log.exception("indexing during the crawl failed")
                last_index = time.monotonic()
        try:
            sync(store, idx, indexed)
        except IndexBusyError:      # another process writes the index: what was saved waits for the next sync
            _log.warning("the index is busy in another process; the crawl's own sync tries again")
    except _ParentGone:
        return
    except Exception:
        _log.exception("saving or indexing beside the crawl failed")
        raise
    finally:
        store.close()


class Beside:
    """The child process that saves and indexes beside a crawl. ``start()`` it, hand it batches with ``save``,
    ``wait_saved`` at the crawl's end, then ``finish``."""

    def __init__(self, database_url: str, index_path: Path, log_file: Path | None = None,
                 language: str = "en") -> None:
        ctx = multiprocessing.get_context("spawn")   # never fork a process that runs Twisted's reactor
        self.batches = ctx.Queue()
        self.done = ctx.Event()
        self.values = {name: ctx.Value("q", 0) for name in ("saved", "indexed", "new", "updated", "replies_new")}
        self.submitted = 0
        self.pending: deque[Sequence[Any]] = deque()       # handed over, not yet known to be saved
        self.process = ctx.Process(target=_work, name="threadscout-writer", daemon=True,
                                   args=(database_url, str(index_path), self.batches, self.done, self.values,
                                         os.getpid(), str(log_file) if log_file else None, language))

    def __deepcopy__(self, memo: dict[int, Any]) -> Beside:
        return self       # a handle on one process (Scrapy deep-copies its settings, where the crawl finds it)

    def start(self) -> Beside:
        self.process.start()
        return self

    @property
    def alive(self) -> bool:
        return self.process.is_alive()

    def _confirmed(self) -> None:
        saved = self.values["saved"].value
        while len(self.pending) > self.submitted - saved:
            self.pending.popleft()

    def save(self, batch: Sequence[Any]) -> None:
        self.batches.put(batch)
        self.submitted += 1
        self.pending.append(batch)
        self._confirmed()

    def counts(self) -> dict[str, int]:
        """Conversations new and updated, replies new: as saved so far."""
        return {name: int(self.values[name].value) for name in ("new", "updated", "replies_new")}

    def wait_saved(self, timeout: float) -> list[Sequence[Any]]:
        """Wait until every batch handed over is saved; returns those that were not (the child is gone, or
        the time ran out), for the caller to save itself."""
        deadline = time.monotonic() + timeout
        while self.values["saved"].value < self.submitted and self.alive and time.monotonic() < deadline:
            time.sleep(0.02)
        self._confirmed()
        return list(self.pending) if self.values["saved"].value < self.submitted else []

    def finish(self, progress: Callable[[int], None] | None = None, timeout: float | None = None) -> int:
        """Tell the child the crawl is over and wait while it indexes the rest; ``progress`` hears of each
        conversation indexed. Returns how many it indexed (one that changed during the crawl may count twice)."""
        self.done.set()
        reported = 0
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.alive and (deadline is None or time.monotonic() < deadline):
            self.process.join(0.2)
            indexed = self.values["indexed"].value
            if progress and indexed > reported:
                progress(indexed - reported)
                reported = indexed
        if self.alive:
            self.process.kill()       # it ignores SIGTERM (see _work); the store is the truth, nothing is lost
        self.batches.cancel_join_thread()   # whatever was not sent was saved by the crawl (wait_saved)
        return int(self.values["indexed"].value)
