"""Store -> index: incremental after each crawl, or a full rebuild. The store is the source of truth."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Generator
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from threadscout.indexer.db import IndexRow, Store
from threadscout.indexer.index import IndexBusyError, IndexDoc, IndexMissingError, IndexOutdatedError, SearchIndex
from threadscout.indexer.models import Conversation
from threadscout.indexer.reading import has_moved
from threadscout.indexer.querylang import site_terms

_QUESTION_URLS = re.compile(r"\S+://\S+")

Progress = Callable[[int], None]


def asks(title: str | None, text: str | None) -> bool:
    """The opening post asks something: a question mark in its title or its first lines."""
    return "?" in (title or "") or "?" in _QUESTION_URLS.sub("", (text or "")[:400])


def as_row(conv: Conversation) -> IndexRow:
    return IndexRow(id=conv.id, url=conv.url, site=conv.site, kind=conv.kind, title=conv.title, author=conv.author,
                    text=conv.text or "", published=conv.published, last_activity=conv.last_activity,
                    n_replies=conv.n_replies, updated_at=conv.updated_at, state=conv.state,
                    state_replies=conv.state_replies, replies=[(r.author, r.text or "") for r in conv.replies])


def to_doc(conv: IndexRow | Conversation) -> IndexDoc:
    if not isinstance(conv, IndexRow):
        conv = as_row(conv)
    parts = urlsplit(conv.url)
    try:
        port = parts.port
    except ValueError:
        port = None
    others = {author for author, _ in conv.replies if author and author != conv.author}
    participants = conv.participants
    return IndexDoc(url=conv.url, site=conv.site, kind=conv.kind, title=conv.title or "", text=conv.text or "",
                    replies="\n\n".join(words for _, words in conv.replies if words),
                    authors=" ; ".join(participants), published=conv.published,
                    last_activity=conv.last_activity, n_replies=conv.n_replies,
                    sites=" ".join(site_terms(conv.site, port)), n_participants=len(participants),
                    unanswered=not others and not any(author is None and words for author, words in conv.replies),
                    question=asks(conv.title, conv.text), state=conv.state or "new",
                    moved=has_moved(conv.state, conv.state_replies, conv.n_replies))


def _write(store: Store, idx: SearchIndex, batch: list[Conversation]) -> int:
    stamps: dict[int, datetime] = {c.id: c.updated_at for c in batch}
    # recorded under the index's lock, so that a rebuild swapping generations meanwhile cannot lose it
    return idx.write((to_doc(c) for c in batch), after_commit=lambda: store.mark_indexed(stamps))


def sync(store: Store, idx: SearchIndex, progress: Progress | None = None, batch: int = 200,
         settled_before: datetime | None = None, limit: int | None = None) -> int:
    """Index every conversation the index is behind on (with ``settled_before``, those that last changed before
    then; with ``limit``, about that many at most); returns how many were written.

    A missing, damaged or outdated (other schema version) index is rebuilt from the store instead, beside the
    live one, which keeps answering searches until the new one is swapped in. Builds left unfinished by a
    process that is gone are removed first."""
    idx.clean_up()
    if idx.state() != "ok":
        return rebuild(store, idx, progress, batch)
    total = 0
    for rows in store.needing_index(batch, settled_before):
        try:
            total += _write(store, idx, rows)
        except (IndexMissingError, IndexOutdatedError):
            return total + rebuild(store, idx, progress, batch)
        if progress:
            progress(len(rows))
        if limit is not None and total >= limit:
            break
    return total


def index_one(store: Store, idx: SearchIndex, url: str) -> bool:
    """Index the conversation at ``url`` now (after `mark`); False when the index is busy, missing or outdated:
    the next sync (or rebuild) takes it, since the store says it is behind."""
    if idx.state() != "ok":
        return False
    convs = store.conversations(urls=[url])
    if not convs:
        return False
    try:
        _write(store, idx, convs)
    except (IndexBusyError, IndexMissingError, IndexOutdatedError):
        return False
    return True


PARALLEL_FROM = 2_000      # conversations: a smaller store is rebuilt in this process, a larger one on every core
MAX_PROCESSES = 4


@dataclass(frozen=True)
class RebuildPart:
    """The conversations with ``after < id <= up_to``, read by the process that indexes them; returns the
    ``updated_at`` of each as read, and the highest id."""

    database_url: str
    after: int = 0
    up_to: int | None = None
    batch: int = 500

    def __call__(self) -> Generator[IndexDoc, None, tuple[dict[int, datetime], int]]:
        stamps: dict[int, datetime] = {}
        last_id = self.after
        store = Store(self.database_url)
        try:
            for rows in store.index_rows(self.after, self.up_to, self.batch):
                for row in rows:
                    stamps[row.id] = row.updated_at
                    last_id = max(last_id, row.id)
                    yield to_doc(row)
        finally:
            store.close()
        return stamps, last_id


def processes(conversations: int) -> int:
    """How many processes a rebuild of this many conversations uses: one per core (up to MAX_PROCESSES) for a
    large store, this one only for a small one (starting processes would cost more than it saves)."""
    if conversations < PARALLEL_FROM:
        return 1
    return max(1, min(MAX_PROCESSES, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                      else os.cpu_count() or 1))


def rebuild(store: Store, idx: SearchIndex, progress: Progress | None = None, batch: int = 500,
            workers: int | None = None) -> int:
    """Write the whole index again from the store into a new generation, and swap it in when complete.

    At the swap, each conversation read is marked indexed with the ``updated_at`` it had when read (one changed
    since is indexed again), and those created while the rebuild ran are marked not indexed; they are then
    indexed at once. ``workers``: how many processes write it (default: see ``processes``)."""
    ranges = store.id_ranges(workers or processes(store.count()))
    parts = [RebuildPart(store.url, after, up_to, batch) for after, up_to in ranges]
    if len(parts) <= 1:
        parts = [RebuildPart(store.url, batch=batch)]    # everything, including what a crawl adds meanwhile

    def after_swap(summaries: list[tuple[dict[int, datetime], int]]) -> None:
        stamps: dict[int, datetime] = {}
        for part_stamps, _ in summaries:
            stamps.update(part_stamps)
        store.mark_indexed(stamps)
        store.forget_index_after(max((last for _, last in summaries), default=0))

    written = idx.rebuild_parts(parts, after_swap=after_swap, progress=progress, progress_every=batch)
    for rows in store.needing_index(batch):       # what changed while the rebuild ran
        written += _write(store, idx, rows)
    return written
