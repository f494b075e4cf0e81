"""Store -> index: incremental after each crawl, or a full rebuild. The store is the source of truth."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from threadscout.indexer.db import Store
from threadscout.indexer.index import IndexDoc, SearchIndex
from threadscout.indexer.models import Conversation

Progress = Callable[[int], None]


def to_doc(conv: Conversation) -> IndexDoc:
    return IndexDoc(url=conv.url, site=conv.site, kind=conv.kind, title=conv.title or "", text=conv.text or "",
                    replies="\n\n".join(r.text for r in conv.replies if r.text),
                    authors=" ; ".join(conv.participants), published=conv.published,
                    last_activity=conv.last_activity, n_replies=conv.n_replies)


def _write(store: Store, idx: SearchIndex, batch: list[Conversation]) -> int:
    written = idx.write(to_doc(c) for c in batch)
    stamps: dict[int, datetime] = {c.id: c.updated_at for c in batch}
    store.mark_indexed(stamps)  # after the commit: a crash in between only means indexing again
    return written


def sync(store: Store, idx: SearchIndex, progress: Progress | None = None, batch: int = 200) -> int:
    """Index every conversation the index is behind on; returns how many were written."""
    if not idx.exists():
        store.forget_index()  # a missing or outdated index: everything goes in again
    total = 0
    for rows in store.needing_index(batch):
        total += _write(store, idx, rows)
        if progress:
            progress(len(rows))
    return total


def rebuild(store: Store, idx: SearchIndex, progress: Progress | None = None, batch: int = 200) -> int:
    """Throw the index away and write it again from the store."""
    idx.clear()
    store.forget_index()
    return sync(store, idx, progress, batch)
