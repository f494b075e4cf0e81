"""The store: engine and sessions, creation, and the upserts that keep one row per conversation and reply.

Saves are short transactions (a crawl saves what it found every half second), so a crash loses at most that,
and readers (search, show) keep working while a crawl writes: SQLite runs in WAL mode with a busy timeout.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Literal, Protocol, TypeVar

from sqlalchemy import create_engine, event, func, insert, inspect, make_url, or_, select, text, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, selectinload, sessionmaker

from threadscout.config.errors import StoreError
from threadscout.indexer.reading import participants_of, with_offset  # noqa: F401 - with_offset: where it was
from threadscout.indexer.models import (Base, Conversation, CrawlRun, Document, Link, Reply, Source, StoredSetting,
                                       needing_index, server_wait, utcnow)

Outcome = Literal["new", "updated", "unchanged"]
Fetched = tuple[str, str | None, str | None]   # a page's URL, ETag and Last-Modified
_ORIGIN_RANK = {"comments": 0, "feed": 1, "page": 2}


@dataclass
class IndexRow:
    """A conversation as the search index needs it (``Store.index_rows``); replies are (author, text)."""

    id: int
    url: str
    site: str
    kind: str
    title: str | None
    author: str | None
    text: str
    published: datetime | None
    last_activity: datetime | None
    n_replies: int
    updated_at: datetime
    state: str | None
    state_replies: int | None
    replies: list[tuple[str | None, str]]

    @property
    def participants(self) -> list[str]:
        return participants_of(self.author, (author for author, _ in self.replies))


class SourceLike(Protocol):
    url: str
    every: timedelta | None


S = TypeVar("S", bound=SourceLike)


class ReplyLike(Protocol):
    author: str | None
    published: datetime | None
    text: str
    url: str | None
    position: int | None


class ConversationLike(Protocol):
    """What the store needs from a crawled conversation (crawler.items.ConversationItem fits)."""

    url: str
    title: str | None
    author: str | None
    published: datetime | None
    text: str
    kind: str
    origin: str
    source_url: str | None
    links: Sequence[str]                         # to other sites, for discovery
    listing: tuple[str, str, str, int] | None    # refresh by listing (see crawler.items)

    @property
    def replies(self) -> Sequence[ReplyLike]: ...


def offset_minutes(value: datetime | None) -> int | None:
    if value is None or value.utcoffset() is None:
        return None
    return int(value.utcoffset().total_seconds() // 60)  # type: ignore[union-attr]


def reply_key(reply: ReplyLike) -> str:
    """A reply's identity: its permalink (fragment kept), else its author, date and text."""
    if reply.url:
        return reply.url
    stamp = reply.published.astimezone(timezone.utc).isoformat() if reply.published else ""
    digest = hashlib.sha1("\x1f".join([reply.author or "", stamp, " ".join(reply.text.split())]).encode())
    return "sha1:" + digest.hexdigest()


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine; on SQLite in WAL mode with a busy timeout: readers never wait, and writers in two processes
    (a crawl and the process saving beside it) wait for each other. Python's sqlite3 begins a transaction at
    its first write, so a transaction's reads never hold a lock that a write would have to upgrade."""
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def add_missing_columns(engine: Engine) -> list[str]:
    """Bring a database made by an older threadscout up to date: add the (nullable) columns it lacks, and the
    indexes of those columns.

    Nothing is dropped or rewritten; returns the columns and indexes added as ``table.name``.
    """
    added = []
    with engine.begin() as conn:
        inspector = inspect(conn)      # on the same connection: another one would wait for this one's lock
        for table in Base.metadata.sorted_tables:
            present = {c["name"] for c in inspector.get_columns(table.name)}
            for column in table.columns:
                if column.name in present:
                    continue
                kind = column.type.compile(dialect=engine.dialect)
                conn.execute(text(f'ALTER TABLE {table.name} ADD COLUMN {column.name} {kind}'))
                added.append(f"{table.name}.{column.name}")
            known = {ix["name"] for ix in inspector.get_indexes(table.name)}
            for ix in table.indexes:         # the indexes of columns added since (create_all skips old tables)
                if ix.name not in known:
                    ix.create(conn)
                    added.append(f"{table.name}.{ix.name}")
    return added


@dataclass
class SaveResult:
    outcome: Outcome
    conversation_id: int
    new_replies: int


class Tally:
    """What a crawl's saves did: the conversations that were new, those that changed (a new one counts as new
    only), and the replies that were new."""

    def __init__(self) -> None:
        self.new: set[int] = set()
        self.updated: set[int] = set()
        self.replies_new = 0

    def add(self, results: Sequence[SaveResult]) -> None:
        for result in results:
            if result.outcome == "new":
                self.new.add(result.conversation_id)
            elif result.outcome == "updated":
                self.updated.add(result.conversation_id)
            self.replies_new += result.new_replies

    def counts(self) -> dict[str, int]:
        return {"new": len(self.new), "updated": len(self.updated - self.new), "replies_new": self.replies_new}


class Store:
    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self.engine = make_engine(url)
            self.sessions = sessionmaker(self.engine, expire_on_commit=False)
            Base.metadata.create_all(self.engine)
            add_missing_columns(self.engine)
        except (OSError, ImportError, SQLAlchemyError) as exc:
            safe_url = make_url(url).render_as_string(hide_password=True)
            raise StoreError(f"cannot open the database {safe_url}: {exc.__class__.__name__}: "
                             f"{str(exc).splitlines()[0]} (check [storage] in the configuration)") from None

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self.sessions.begin() as session:
            yield session

    # -- sources and fetches ---------------------------------------------------------------------------------
    def source(self, url: str, kind: str | None = None) -> Source:
        """The row for a configured source, created on first use; a configured kind is recorded."""
        with self.session() as s:
            row = s.scalar(select(Source).where(Source.url == url))
            if row is None:
                row = Source(url=url, kind=kind)
                s.add(row)
            elif kind and row.kind != kind:
                row.kind = kind
            s.flush()
            return row

    def add_source(self, url: str, kind: str | None) -> bool:
        """Watch ``url`` (kept in the database); False when it was watched already."""
        with self.session() as s:
            row = s.scalar(select(Source).where(Source.url == url))
            if row is not None and row.added:
                return False
            if row is None:
                row = Source(url=url)
                s.add(row)
            row.added_at, row.stopped_at = utcnow(), None
            if kind:
                row.kind = kind
            return True

    def remember_feeds(self, url: str, feeds: list[str]) -> None:
        """The feeds a source's pages name (kept in the order found, each once)."""
        with self.session() as s:
            row = s.scalar(select(Source).where(Source.url == url))
            if row is not None:
                row.feeds = list(dict.fromkeys([*(row.feeds or []), *feeds]))[:20]

    def feeds_probed(self, url: str) -> None:
        """The well-known feed paths of a source's engine were asked for (once is enough)."""
        with self.session() as s:
            row = s.scalar(select(Source).where(Source.url == url))
            if row is not None:
                row.feeds_probed_at = utcnow()

    def stop_source(self, url: str) -> bool:
        """Stop watching a source added with ``add_source``; its row, health and conversations are kept."""
        with self.session() as s:
            row = s.scalar(select(Source).where(Source.url == url))
            if row is None or not row.added:
                return False
            row.stopped_at = utcnow()
            return True

    def sources(self) -> list[Source]:
        with self.session() as s:
            return list(s.scalars(select(Source).order_by(Source.id)))

    def record_source_result(self, url: str, *, status: int | None, error: str | None = None,
                             error_kind: str | None = None, kind: str | None = None, etag: str | None = None,
                             last_modified: str | None = None, retry_after: float | None = None) -> None:
        """One attempt at a source: a success resets its failures; a failure counts one more in a row. A site
        that answered Retry-After is not asked again before that time (``MAX_SERVER_WAIT`` at most)."""
        with self.session() as s:
            row = s.scalar(select(Source).where(Source.url == url))
            if row is None:
                row = Source(url=url)
                s.add(row)
            now = utcnow()
            row.last_status, row.last_crawled_at = status, now
            row.capped = None          # said again (record_capped) when a limit left something out this time
            if kind and not row.kind:
                row.kind = kind
            if error is None:
                row.last_ok_at, row.last_error, row.last_error_kind = now, None, None
                row.failures, row.failing_since = 0, None
                if etag or last_modified:
                    row.etag, row.last_modified = etag, last_modified
            else:
                row.last_error, row.last_error_kind = error, error_kind or "temporary"
                if not row.failures:
                    row.failing_since = now
                row.failures = (row.failures or 0) + 1
            # a server's wait is kept clamped (a week at most: `Retry-After: 99999999999999` or a date in year
            # 9999 would mute the source for ever), with what it asked for, which `sources` shows
            row.not_before = now + server_wait(retry_after) if retry_after else None
            row.asked_wait = retry_after or None

    def record_capped(self, url: str, capped: str) -> None:
        """A limit (max_items_per_feed, max_conversations) left out some of what the source offered."""
        with self.session() as s:
            row = s.scalar(select(Source).where(Source.url == url))
            if row is not None:
                row.capped = capped

    def due_sources(self, sources: Sequence[S], default_every: timedelta, now: datetime | None = None) -> list[S]:
        """The configured sources that are due now: never tried, or their wait (``Source.next_due``) is over."""
        now = now or utcnow()
        rows = {row.url: row for row in self.sources()}
        return [s for s in sources
                if s.url not in rows or rows[s.url].is_due(s.every or default_every, now)]

    def validators(self, url: str) -> tuple[str | None, str | None]:
        """ETag and Last-Modified last seen at a URL, for a conditional GET."""
        with self.engine.connect() as c:   # asked before every request: no ORM session
            row = c.execute(select(Document.etag, Document.last_modified).where(Document.url == url)).first()
            return (row[0], row[1]) if row else (None, None)

    def fetch_marks(self, prefix: str) -> dict[str, str]:
        """The recorded fetches whose key starts with ``prefix``, with their ETag: what platform sources keep of
        each thread (its count when last read) and each search (where it stopped), see crawler.platforms.crawl."""
        with self.engine.connect() as c:
            rows = c.execute(select(Document.url, Document.etag)
                             .where(Document.url.startswith(prefix, autoescape=True)))
            return {url: etag for url, etag in rows if etag is not None}

    def record_note(self, url: str, note: str) -> None:
        """What a platform says of our standing at a source (Stack Exchange's quota left)."""
        with self.session() as s:
            row = s.scalar(select(Source).where(Source.url == url))
            if row is not None:
                row.platform_note = note[:500]

    def record_fetch(self, url: str, status: int, etag: str | None, last_modified: str | None) -> None:
        with self.session() as s:
            _record_fetch(s, url, status, etag, last_modified)

    # -- conversations ---------------------------------------------------------------------------------------
    def save(self, item: ConversationLike, site: str) -> SaveResult:
        """Insert or merge one conversation and its replies, keyed on the canonical URL."""
        return self.save_many([(item, site, None)])[0]

    def save_many(self, entries: Sequence[tuple[ConversationLike | None, str, Fetched | None]]
                  ) -> list[SaveResult]:
        """Save a batch of conversations in one transaction (a crawl saves what it found every half second),
        each with the fetch of the page it came from (its validators for the next conditional GET); an entry
        without a conversation records a fetch only (a feed, after the items it brought)."""
        with self.session() as s:
            results = []
            for item, site, fetched in entries:
                if item is not None:
                    results.append(_save(s, item, site))
                if fetched:
                    _record_fetch(s, fetched[0], 200, fetched[1], fetched[2])
            return results

    def listing_marks(self) -> dict[str, tuple[str, str | None]]:
        """For refresh by listing: URL as listed -> (row mark when last read to its end, last page's URL)."""
        with self.session() as s:
            rows = s.execute(select(Conversation.listed_as, Conversation.listing_mark, Conversation.last_page)
                             .where(Conversation.listed_as.is_not(None), Conversation.gone_at.is_(None)))
            return {listed: (mark, last) for listed, mark, last in rows}

    def mark_gone(self, url: str) -> bool:
        """A conversation whose page answered 404 / 410: kept, marked gone (once); True when one was marked."""
        with self.session() as s:
            conv = s.scalar(select(Conversation).where(or_(Conversation.url == url, Conversation.last_page == url))
                            .limit(1))
            if conv is None or conv.gone_at is not None:
                return False
            conv.gone_at = utcnow()
            return True

    def conversation(self, url: str) -> Conversation | None:
        """One conversation with its replies in page order, by its URL as given or as canonicalised."""
        with self.session() as s:
            return s.scalar(select(Conversation).where(Conversation.url == url)
                            .options(selectinload(Conversation.replies)))

    def conversations(self, ids: Sequence[int] | None = None, urls: Sequence[str] | None = None
                      ) -> list[Conversation]:
        with self.session() as s:
            q = select(Conversation).options(selectinload(Conversation.replies))
            if ids is not None:
                q = q.where(Conversation.id.in_(ids))
            if urls is not None:
                q = q.where(Conversation.url.in_(urls))
            return list(s.scalars(q))

    def mark(self, url: str, state: str, by: str | None = None, note: str | None = None) -> Conversation | None:
        """Set a conversation's state (taking part) with who and a note; the index takes it at the next sync.
        None when no conversation has that URL."""
        with self.session() as s:
            conv = s.scalar(select(Conversation).where(Conversation.url == url))
            if conv is None:
                return None
            conv.state = None if state == "new" else state
            conv.state_by = (by or "")[:255] or None if state != "new" else None
            if note is not None:
                conv.state_note = note[:4000] or None
            conv.state_at, conv.state_replies = utcnow(), conv.n_replies
            # a new version for the index (`is:claimed`): a sync that read the old one records that version,
            # not this one, and indexes it again
            conv.updated_at = utcnow()
            return conv

    def setting(self, name: str) -> str | None:
        with self.session() as s:
            row = s.get(StoredSetting, name)
            return row.value if row is not None else None

    def set_setting(self, name: str, value: str) -> None:
        with self.session() as s:
            row = s.get(StoredSetting, name)
            if row is None:
                s.add(StoredSetting(name=name, value=value))
            else:
                row.value = value

    def count(self) -> int:
        with self.session() as s:
            return s.scalar(select(func.count()).select_from(Conversation)) or 0

    def needing_index(self, batch: int = 200, settled_before: datetime | None = None
                      ) -> Iterator[list[Conversation]]:
        """Batches of conversations the index is behind on, with their replies loaded; with ``settled_before``,
        only those that last changed before then (a thread still being read page by page waits)."""
        last_id = 0
        query = needing_index()
        if settled_before is not None:
            query = query.where(Conversation.updated_at < settled_before)
        while True:
            with self.session() as s:
                rows = list(s.scalars(query.where(Conversation.id > last_id).limit(batch)
                                      .options(selectinload(Conversation.replies))))
            if not rows:
                return
            yield rows
            last_id = rows[-1].id

    def id_ranges(self, parts: int) -> list[tuple[int, int]]:
        """The conversations' ids cut into ``parts`` ranges ``(after, up_to]`` of about as many conversations."""
        with self.engine.connect() as con:
            count, low, high = con.execute(select(func.count(), func.min(Conversation.id),
                                                  func.max(Conversation.id))).one()
            if not count:
                return []
            cuts = [low - 1]
            for k in range(1, parts):
                cut = con.execute(select(Conversation.id).order_by(Conversation.id)
                                  .offset(count * k // parts).limit(1)).scalar()
                if cut is not None and cut > cuts[-1]:
                    cuts.append(cut - 1)
            cuts.append(high)
        return list(zip(cuts, cuts[1:]))

    def index_rows(self, after: int = 0, up_to: int | None = None, batch: int = 500) -> Iterator[list[IndexRow]]:
        """Every conversation with ``after < id <= up_to`` as the index needs it, in batches, read without the
        ORM (a rebuild reads the whole store: 100,000 conversations with a million replies)."""
        c, r = Conversation.__table__.c, Reply.__table__.c
        fields = (c.id, c.url, c.site, c.kind, c.title, c.author, c.text, c.published, c.last_activity, c.n_replies,
                  c.updated_at, c.state, c.state_replies)
        while True:
            query = select(*fields).where(c.id > after).order_by(c.id).limit(batch)
            if up_to is not None:
                query = query.where(c.id <= up_to)
            with self.engine.connect() as con:
                convs = con.execute(query).all()
                if not convs:
                    return
                replies: dict[int, list[tuple[str | None, str]]] = {}
                for conv_id, author, words in con.execute(
                        select(r.conversation_id, r.author, r.text)
                        .where(r.conversation_id > after, r.conversation_id <= convs[-1].id)
                        .order_by(r.conversation_id, r.position.is_(None), r.position, r.published, r.id)):
                    replies.setdefault(conv_id, []).append((author, words or ""))
            yield [IndexRow(*row, replies=replies.get(row.id, [])) for row in convs]
            after = convs[-1].id

    def mark_indexed(self, stamps: dict[int, datetime], chunk: int = 2000) -> None:
        """Record that the index holds these conversations as they were at ``updated_at``."""
        items = list(stamps.items())
        for start in range(0, len(items), chunk):
            with self.session() as s:
                s.execute(update(Conversation), [{"id": conv_id, "indexed_at": stamp}
                                                 for conv_id, stamp in items[start:start + chunk]])

    def forget_index_after(self, last_id: int) -> None:
        """Conversations created after ``last_id`` are not in a new index generation: index them again."""
        with self.session() as s:
            s.execute(update(Conversation).where(Conversation.id > last_id).values(indexed_at=None))

    # -- crawl runs ------------------------------------------------------------------------------------------
    def start_run(self) -> int:
        with self.session() as s:
            run = CrawlRun()
            s.add(run)
            s.flush()
            return run.id

    def finish_run(self, run_id: int, *, pages: int, new: int, updated: int, errors: int,
                   finish_reason: str | None, stats: dict[str, object]) -> None:
        with self.session() as s:
            run = s.get(CrawlRun, run_id)
            if run is None:
                return
            run.finished_at = utcnow()
            run.pages, run.new, run.updated, run.errors = pages, new, updated, errors
            run.finish_reason, run.stats = finish_reason, stats

    def last_run(self) -> CrawlRun | None:
        with self.session() as s:
            return s.scalar(select(CrawlRun).order_by(CrawlRun.id.desc()).limit(1))



def _record_fetch(s: Session, url: str, status: int, etag: str | None, last_modified: str | None) -> None:
    doc = s.get(Document, url)
    if doc is None:
        doc = Document(url=url)
        s.add(doc)
    doc.status, doc.fetched_at = status, utcnow()
    if status != 304:
        doc.etag, doc.last_modified = etag, last_modified


def _save(s: Session, item: ConversationLike, site: str) -> SaveResult:
    """One conversation: its row merged, only the replies this item carries looked up (a long thread's pages
    do not each load all its replies), its reply count and last activity counted by the database."""
    conv = s.scalar(select(Conversation).where(Conversation.url == item.url))
    created = conv is None
    if conv is None:
        conv = Conversation(url=item.url, site=site, kind=item.kind, origin=item.origin, text="", n_replies=0)
        s.add(conv)
    changed = _merge_conversation(conv, item, created)
    if conv.gone_at is not None and item.origin == "page":
        conv.gone_at = None           # back again
        changed = True
    feed = getattr(item, "comments_feed", None)
    if feed and conv.comments_feed != feed:
        conv.comments_feed = feed
    thread = getattr(item, "platform_thread", None)
    if thread and (conv.platform, conv.platform_thread) != tuple(thread):
        conv.platform, conv.platform_thread = thread
    if item.source_url and conv.source_id is None:
        conv.source_id = s.scalar(select(Source.id).where(Source.url == item.source_url))
    s.flush()
    new_replies, replies_changed = _merge_replies(conv, item, s, created)
    if item.listing:
        listed_as, mark, page_url, page_number = item.listing
        if mark:                                     # read to its end: the row's mark and this last page
            conv.listed_as, conv.listing_mark = listed_as, mark
            conv.last_page, conv.last_page_number = page_url, page_number
        elif conv.last_page is None or page_number >= (conv.last_page_number or 0):
            # the furthest page read so far (an earlier page read later in the same crawl does not move it
            # back; a mark already recorded stays until the thread is read to its end again)
            conv.listed_as, conv.last_page, conv.last_page_number = listed_as, page_url, page_number
    if item.links:
        _add_links(s, conv.id, item.links)
    if created or changed or replies_changed:
        s.flush()
        count, latest = s.execute(select(func.count(Reply.id), func.max(Reply.published))
                                  .where(Reply.conversation_id == conv.id)).one()
        conv.n_replies = count
        dates = [d for d in (conv.published, latest) if d]
        conv.last_activity = max(dates) if dates else None
        conv.updated_at = utcnow()
    outcome: Outcome = "new" if created else "updated" if (changed or replies_changed) else "unchanged"
    return SaveResult(outcome, conv.id, new_replies)


def _add_links(s: Session, conversation_id: int, links: Sequence[str]) -> None:
    known = set(s.scalars(select(Link.url).where(Link.conversation_id == conversation_id)))
    for url in dict.fromkeys(links):
        if url not in known:
            s.add(Link(conversation_id=conversation_id, url=url[:2048]))


def _assign(obj: object, name: str, value: object) -> bool:
    if getattr(obj, name) == value:
        return False
    setattr(obj, name, value)
    return True


def _merge_conversation(conv: Conversation, item: ConversationLike, created: bool) -> bool:
    """Take the item's fields: all of them from an origin at least as trusted, else only the missing ones."""
    trusted = created or _ORIGIN_RANK.get(item.origin, 0) >= _ORIGIN_RANK.get(conv.origin, 0)
    changed = False
    for name, value in (("title", item.title), ("author", item.author), ("text", item.text or "")):
        if value and (trusted or not getattr(conv, name)):
            changed |= _assign(conv, name, value)
    if item.published and (trusted or conv.published is None):
        changed |= _assign(conv, "published", item.published)
        changed |= _assign(conv, "published_offset", offset_minutes(item.published))
    if trusted and item.origin != "comments":
        changed |= _assign(conv, "kind", item.kind)
        changed |= _assign(conv, "origin", item.origin)
    return changed


def _merge_replies(conv: Conversation, item: ConversationLike, s: Session, created: bool) -> tuple[int, bool]:
    """Merge the item's replies into the conversation's: new ones are inserted in one statement, known ones
    (only those this item carries are looked up) take the item's fields."""
    keys = [reply_key(reply) for reply in item.replies]
    by_key: dict[str, Reply] = {}
    for start in range(0, 0 if created else len(keys), 500):
        by_key.update((r.key, r) for r in s.scalars(select(Reply).where(Reply.conversation_id == conv.id,
                                                                         Reply.key.in_(keys[start:start + 500]))))
    from_page = item.origin == "page"
    added: dict[str, dict[str, object]] = {}
    changed = False
    for index, (key, reply) in enumerate(zip(keys, item.replies)):
        position = reply.position if reply.position is not None else index   # forums: across pages
        row = by_key.get(key)
        if row is None:
            if key not in added:
                added[key] = {"conversation_id": conv.id, "key": key, "url": reply.url, "author": reply.author,
                              "published": reply.published, "published_offset": offset_minutes(reply.published),
                              "text": reply.text or "", "position": position if from_page else None}
            continue
        if from_page:
            changed |= _assign(row, "position", position)
        for name, value in (("author", reply.author), ("text", reply.text)):
            if value and (from_page or not getattr(row, name)):
                changed |= _assign(row, name, value)
        if reply.published and (from_page or row.published is None):
            changed |= _assign(row, "published", reply.published)
            changed |= _assign(row, "published_offset", offset_minutes(reply.published))
    if added:
        s.execute(insert(Reply), list(added.values()))
    return len(added), changed or bool(added)
