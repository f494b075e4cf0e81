"""Reading conversations for display, without SQLAlchemy when the store is a SQLite file.

`threadscout search` shows twenty conversations; loading SQLAlchemy and mapping the tables costs more than the
search itself (about 0.2 s of a command that should take 0.3 s). For a SQLite store the rows are read with the
standard library's ``sqlite3``, read-only, into plain objects with the attributes of ``models.Conversation``
that listings use; any other database goes through ``Store``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import quote


def with_offset(value: datetime | None, minutes: int | None) -> datetime | None:
    """A stored UTC datetime shown in the zone it was published in."""
    if value is None or minutes is None:
        return value
    return value.astimezone(timezone(timedelta(minutes=minutes)))


def participants_of(author: str | None, reply_authors: Iterable[str | None]) -> list[str]:
    """Everyone who wrote in a conversation, the opening author first, each once."""
    return list(dict.fromkeys(n for n in (author, *reply_authors) if n))


@dataclass
class StoredReply:
    author: str | None
    published: datetime | None
    published_offset: int | None
    text: str
    url: str | None


@dataclass
class StoredConversation:
    url: str
    title: str | None
    site: str
    kind: str
    author: str | None
    published: datetime | None
    published_offset: int | None
    last_activity: datetime | None
    n_replies: int
    text: str
    gone_at: datetime | None
    state: str | None = None
    state_by: str | None = None
    state_note: str | None = None
    state_at: datetime | None = None
    state_replies: int | None = None
    replies: list[StoredReply] = field(default_factory=list)

    @property
    def participants(self) -> list[str]:
        return participants_of(self.author, (r.author for r in self.replies))


STATES = ("new", "claimed", "answered", "skipped")     # taking part (`threadscout mark`)


def has_moved(state: str | None, state_replies: int | None, n_replies: int) -> bool:
    """An answered (or skipped) conversation that has replies since: it moved, someone may want to look again."""
    return state in ("answered", "skipped") and state_replies is not None and n_replies > state_replies


def sqlite_path(database_url: str) -> Path | None:
    """The file of a plain ``sqlite:///PATH`` URL (no driver, no options), else None."""
    prefix = "sqlite:///"
    if not database_url.startswith(prefix) or "?" in database_url:
        return None
    path = database_url[len(prefix):]
    return Path(path) if path and path != ":memory:" else None


def _when(value: Any) -> datetime | None:
    """SQLAlchemy keeps datetimes in SQLite as naive UTC text."""
    if value is None:
        return None
    return datetime.fromisoformat(str(value)).replace(tzinfo=timezone.utc)


_CONVERSATION = ("SELECT id, url, title, site, kind, author, published, published_offset, last_activity, n_replies, "
                 "text, gone_at, state, state_by, state_note, state_at, state_replies FROM conversations "
                 "WHERE url IN ({})")
_REPLIES = ("SELECT conversation_id, author, published, published_offset, text, url FROM replies "
            "WHERE conversation_id IN ({}) ORDER BY conversation_id, position IS NULL, position, published, id")


def conversations(database_url: str, urls: Sequence[str]) -> list[Any]:
    """The conversations at these URLs with their replies in page order (those not stored are left out)."""
    path = sqlite_path(database_url)
    if path is not None and path.is_file() and urls:
        try:
            return _read(path, urls)
        except sqlite3.Error:
            pass     # a database from an older threadscout (a column missing): the store brings it up to date
    if not urls:
        return []
    from threadscout.indexer.db import Store

    store = Store(database_url)
    try:
        return store.conversations(urls=list(urls))
    finally:
        store.close()


def _read(path: Path, urls: Sequence[str]) -> list[StoredConversation]:
    con = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True, timeout=30)
    try:
        found: dict[int, StoredConversation] = {}
        for start in range(0, len(urls), 500):
            chunk = list(urls[start:start + 500])
            for row in con.execute(_CONVERSATION.format(",".join("?" * len(chunk))), chunk):
                (cid, url, title, site, kind, author, published, offset, last, n_replies, text, gone, state, by,
                 note, state_at, state_replies) = row
                found[cid] = StoredConversation(url=url, title=title, site=site, kind=kind, author=author,
                                                published=_when(published), published_offset=offset,
                                                last_activity=_when(last), n_replies=n_replies or 0,
                                                text=text or "", gone_at=_when(gone), state=state, state_by=by,
                                                state_note=note, state_at=_when(state_at),
                                                state_replies=state_replies)
        ids = list(found)
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            for cid, author, published, offset, text, url in con.execute(
                    _REPLIES.format(",".join("?" * len(chunk))), chunk):
                found[cid].replies.append(StoredReply(author=author, published=_when(published),
                                                      published_offset=offset, text=text or "", url=url))
        return list(found.values())
    finally:
        con.close()
