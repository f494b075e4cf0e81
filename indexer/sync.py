"""Store -> index: incremental after each crawl, or a full rebuild. The store is the source of truth."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime
from urllib.parse import urlsplit

from threadscout.indexer.db import Store
from threadscout.indexer.index import IndexDoc, IndexMissingError, IndexOutdatedError, SearchIndex
from threadscout.indexer.models import Conversation
from threadscout.indexer.querylang import site_terms

_QUESTION_URLS = re.compile(r"\S+://\S+")

Progress = Callable[[int], None]


def asks(title: str | None, text: str | None) -> bool:
    """The opening post asks something: a question mark in its title or its first lines."""
    return "?" in (title or "") or "?" in _QUESTION_URLS.sub("", (text or "")[:400])


def to_doc(conv: Conversation) -> IndexDoc:
    parts = urlsplit(conv.url)
    try:
        port = parts.port
    except ValueError:
        port = None
    others = {r.author for r in conv.replies if r.author and r.author != conv.author}
    return IndexDoc(url=conv.url, site=conv.site, kind=conv.kind, title=conv.title or "", text=conv.text or "",
                    replies="\n\n".join(r.text for r in conv.replies if r.text),
                    authors=" ; ".join(conv.participants), published=conv.published,
                    last_activity=conv.last_activity, n_replies=conv.n_replies,
                    sites=" ".join(site_terms(conv.site, port)), n_participants=len(conv.participants),
                    unanswered=not others and not any(r.author is None and r.text for r in conv.replies),
                    question=asks(conv.title, conv.text))


def _write(store: Store, idx: SearchIndex, batch: list[Conversation]) -> int:
    stamps: dict[int, datetime] = {c.id: c.updated_at for c in batch}
    # recorded under the index's lock, so that a rebuild swapping generations meanwhile cannot lose it
    return idx.write((to_doc(c) for c in batch), after_commit=lambda: store.mark_indexed(stamps))


def sync(store: Store, idx: SearchIndex, progress: Progress | None = None, batch: int = 200,
         settled_before: datetime | None = None, limit: int | None = None) -> int:
    """Index every conversation the index is behind on (with ``settled_before``, those that last changed before
    then; with ``limit``, about that many at most); returns how many were written.

    A missing, damaged or outdated (other schema version) index is rebuilt from the store instead, beside the
    live one, which keeps answering searches until the new one is swapped in."""
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


def rebuild(store: Store, idx: SearchIndex, progress: Progress | None = None, batch: int = 200) -> int:
    """Write the whole index again from the store into a new generation, and swap it in when complete.

    At the swap, each conversation read is marked indexed with the ``updated_at`` it had when read (one changed
    since is indexed again), and those created while the rebuild ran are marked not indexed; they are then
    indexed at once."""
    stamps: dict[int, datetime] = {}
    last_id = 0

    def docs() -> Iterator[IndexDoc]:
        nonlocal last_id
        for rows in store.all_conversations(batch):
            for conv in rows:
                stamps[conv.id] = conv.updated_at
                last_id = max(last_id, conv.id)
                yield to_doc(conv)
            if progress:
                progress(len(rows))

    def after_swap() -> None:
        store.mark_indexed(stamps)
        store.forget_index_after(last_id)

    written = idx.rebuild(docs(), after_swap=after_swap)
    for rows in store.needing_index(batch):       # what changed while the rebuild ran
        written += _write(store, idx, rows)
    return written
