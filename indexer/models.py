"""The store's tables (SQLAlchemy 2 typed models) and the named queries written once.

The database is the source of truth: the Whoosh index is derived from ``Conversation`` and ``Reply`` rows and
can always be rebuilt from them.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import JSON, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint, or_, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.sql import Select
from sqlalchemy.types import TypeDecorator

from threadscout.indexer.reading import participants_of


def utcnow() -> datetime:
    return datetime.now(timezone.utc)



class AwareDateTime(TypeDecorator[datetime]):
    """Timezone-aware datetimes on every backend: stored as UTC, returned aware.

    The original offset of a published date is kept separately (``*_offset`` columns hold minutes east of UTC),
    because SQLite keeps no zone and people want to see the time the author saw.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        return None if value is None else value.replace(tzinfo=timezone.utc)


class Base(DeclarativeBase):
    pass


class Source(Base):
    """A place crawling starts from, with its health: when it was last tried, when it last worked, and how it
    has been failing since (``failures`` in a row, the last error and its kind)."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(2048), unique=True)
    kind: Mapped[str | None] = mapped_column(String(16))          # configured or detected
    etag: Mapped[str | None] = mapped_column(String(512))
    last_modified: Mapped[str | None] = mapped_column(String(128))
    last_status: Mapped[int | None] = mapped_column(Integer)     # HTTP status of the last fetch
    last_error: Mapped[str | None] = mapped_column(Text)         # None when the last fetch went well
    last_error_kind: Mapped[str | None] = mapped_column(String(16))  # temporary | soft | hard
    last_crawled_at: Mapped[datetime | None] = mapped_column(AwareDateTime)  # the last attempt
    last_ok_at: Mapped[datetime | None] = mapped_column(AwareDateTime)       # the last success
    failures: Mapped[int | None] = mapped_column(Integer, default=0)         # consecutive failed attempts
    failing_since: Mapped[datetime | None] = mapped_column(AwareDateTime)    # first failure of this run of them
    not_before: Mapped[datetime | None] = mapped_column(AwareDateTime)       # the site's Retry-After, if any
    asked_wait: Mapped[float | None] = mapped_column(Float)   # that Retry-After as the site said it (seconds)
    capped: Mapped[str | None] = mapped_column(Text)          # what a limit left out in its last crawl, in words
    platform_note: Mapped[str | None] = mapped_column(Text)   # what a platform says of our standing (quota left)
    feeds: Mapped[list[str] | None] = mapped_column(JSON)               # feeds its pages name, as found
    feeds_probed_at: Mapped[datetime | None] = mapped_column(AwareDateTime)  # its engine's feed paths asked
    added_at: Mapped[datetime | None] = mapped_column(AwareDateTime)    # `sources add`: watched without config
    stopped_at: Mapped[datetime | None] = mapped_column(AwareDateTime)  # `sources remove`: no longer watched
    # `threadscout run`: its interval came round; cleared when a crawl of it finished (one killed meanwhile is
    # done again when the scheduler starts)
    requested_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    # `threadscout run`: a crawl of it began and has not finished (it was stopped or killed): the next one reads
    # it again in full, without conditional GET, so that what the cut-short crawl left is reached
    crawl_began_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    crawl_owner: Mapped[str | None] = mapped_column(String(200))   # the process of that crawl (indexer.owner)

    @property
    def added(self) -> bool:
        """Watched because someone ran `threadscout sources add` (and not `sources remove` since)."""
        return self.added_at is not None and self.stopped_at is None

    def next_due(self, every: timedelta) -> datetime | None:
        """When this source should be crawled again: ``every`` after the last attempt when it worked; after a
        failure, at once the first time, then with exponential back-off capped at ``every``. None: never tried."""
        if self.last_crawled_at is None:
            return None
        due = self.last_crawled_at + retry_wait(self.failures or 0, every)
        return max(due, self.not_before) if self.not_before else due

    def is_due(self, every: timedelta, now: datetime) -> bool:
        due = self.next_due(every)
        return due is None or due <= now


MAX_SERVER_WAIT = timedelta(days=7)     # the longest wait a server may impose (Retry-After); longer is clamped


def server_wait(seconds: float) -> timedelta:
    """A wait a server asked for, clamped to ``MAX_SERVER_WAIT`` (and never negative)."""
    return timedelta(seconds=max(0.0, min(seconds, MAX_SERVER_WAIT.total_seconds())))


def duration_words(seconds: float) -> str:
    """``90`` -> "90s", ``7200`` -> "2 hours", ``1e14`` -> "3.2 million years": a wait for people."""
    for size, unit in ((365.25 * 86400, "year"), (86400, "day"), (3600, "hour"), (60, "minute")):
        if seconds >= 2 * size or (unit == "minute" and seconds >= 120):
            n = seconds / size
            if n >= 10**6:
                return f"{n / 10**6:.1f} million {unit}s"
            return f"{n:.0f} {unit}s"
    return f"{seconds:.0f}s"


RETRY_BASE = timedelta(minutes=5)
BACK_OFF_LIMIT = 8                      # a source failing for long is tried at least every 8 intervals ...
BACK_OFF_MAX = timedelta(days=7)        # ... and at least weekly


def retry_wait(failures: int, every: timedelta) -> timedelta:
    """How long to wait after the last attempt: ``every`` when it worked; 0 after one failure (due on the next
    crawl), then 5 min, 10 min, 20 min ... (from ``every`` when that is shorter), doubling after each failure in
    a row up to 8 times ``every`` (and a week): a source that keeps failing is asked less and less often."""
    if failures <= 0:
        return every
    if failures == 1:
        return timedelta()
    limit = min(every * BACK_OFF_LIMIT, max(every, BACK_OFF_MAX))
    return min(limit, min(RETRY_BASE, every) * 2 ** min(failures - 2, 30))


class Document(Base):
    """What was last fetched at a URL: validators for conditional GET and the outcome."""

    __tablename__ = "documents"

    url: Mapped[str] = mapped_column(String(2048), primary_key=True)
    etag: Mapped[str | None] = mapped_column(String(512))
    last_modified: Mapped[str | None] = mapped_column(String(128))
    status: Mapped[int | None] = mapped_column(Integer)
    fetched_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)


class Conversation(Base):
    __tablename__ = "conversations"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(2048), unique=True)  # canonical
    site: Mapped[str] = mapped_column(String(255), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="post")  # post | thread | item
    origin: Mapped[str] = mapped_column(String(16), default="page")  # best origin seen: page > feed > comments
    title: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(512))
    published: Mapped[datetime | None] = mapped_column(AwareDateTime)
    published_offset: Mapped[int | None] = mapped_column(Integer)
    last_activity: Mapped[datetime | None] = mapped_column(AwareDateTime, index=True)
    text: Mapped[str] = mapped_column(Text, default="")
    n_replies: Mapped[int] = mapped_column(Integer, default=0)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id", ondelete="SET NULL"))
    first_seen: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow, index=True)
    # the updated_at that the search index holds; differs from updated_at while the index is behind
    indexed_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    gone_at: Mapped[datetime | None] = mapped_column(AwareDateTime)   # answered 404/410 since: kept, marked
    # refresh by listing: the URL a listing links it by, that row's mark when it was last read to its end, and
    # the last page then (where reading starts again when the row changes)
    listed_as: Mapped[str | None] = mapped_column(String(2048), index=True)
    listing_mark: Mapped[str | None] = mapped_column(String(40))
    last_page: Mapped[str | None] = mapped_column(String(2048))
    last_page_number: Mapped[int | None] = mapped_column(Integer)
    # refresh of an active conversation on its own schedule (`threadscout run`): the interval, which halves when
    # a refresh finds new replies and doubles when it finds none, and when it is due
    comments_feed: Mapped[str | None] = mapped_column(String(2048))   # where its replies come from, if a feed
    platform: Mapped[str | None] = mapped_column(String(16))          # a platform source's thread: its kind ...
    platform_thread: Mapped[str | None] = mapped_column(String(200))  # ... and its id there (re-read by the API)
    refresh_every: Mapped[int | None] = mapped_column(Integer)       # seconds
    refresh_at: Mapped[datetime | None] = mapped_column(AwareDateTime, index=True)
    # taking part (`threadscout mark`, the web page): None or "new", "claimed" (by someone), "answered", "skipped",
    # with a note, when it was set and the replies it had then (more since an answer: it moved)
    state: Mapped[str | None] = mapped_column(String(16))
    state_by: Mapped[str | None] = mapped_column(String(255))
    state_note: Mapped[str | None] = mapped_column(Text)
    state_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    state_replies: Mapped[int | None] = mapped_column(Integer)

    replies: Mapped[list[Reply]] = relationship(back_populates="conversation", cascade="all, delete-orphan",
                                                order_by=lambda: (Reply.position.is_(None), Reply.position,
                                                                  Reply.published, Reply.id))
    source: Mapped[Source | None] = relationship()

    @property
    def participants(self) -> list[str]:
        """Everyone who wrote in the conversation, the opening author first, each once."""
        return participants_of(self.author, (r.author for r in self.replies))


class Reply(Base):
    __tablename__ = "replies"
    __table_args__ = (UniqueConstraint("conversation_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(2048))  # permalink with fragment, or a hash of author, date and text
    url: Mapped[str | None] = mapped_column(String(2048))
    author: Mapped[str | None] = mapped_column(String(512))
    published: Mapped[datetime | None] = mapped_column(AwareDateTime)
    published_offset: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int | None] = mapped_column(Integer)  # order on the page; None when only seen in a feed
    first_seen: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)

    conversation: Mapped[Conversation] = relationship(back_populates="replies")


class Link(Base):
    """A link from a conversation to another site: evidence for `threadscout discover`."""

    __tablename__ = "links"
    __table_args__ = (UniqueConstraint("conversation_id", "url"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(String(2048))


class CrawlRun(Base):
    __tablename__ = "crawl_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    pages: Mapped[int] = mapped_column(Integer, default=0)
    new: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    finish_reason: Mapped[str | None] = mapped_column(String(64))
    stats: Mapped[dict[str, object] | None] = mapped_column(JSON)


class SavedSearchRow(Base):
    """A saved search's state (when it was first and last evaluated), and its definition when it was added with
    `threadscout alerts add` (``added``): the configuration file is never rewritten."""

    __tablename__ = "saved_searches"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    query: Mapped[str | None] = mapped_column(Text)
    notify: Mapped[list[str] | None] = mapped_column(JSON)
    digest_seconds: Mapped[int | None] = mapped_column(Integer)
    backfill_seconds: Mapped[int | None] = mapped_column(Integer)
    added_at: Mapped[datetime | None] = mapped_column(AwareDateTime)     # defined here (`alerts add`)
    removed_at: Mapped[datetime | None] = mapped_column(AwareDateTime)   # `alerts remove`
    evaluated_query: Mapped[str | None] = mapped_column(Text)            # the query it began with
    started_at: Mapped[datetime | None] = mapped_column(AwareDateTime)   # its first evaluation
    evaluated_at: Mapped[datetime | None] = mapped_column(AwareDateTime)  # its last evaluation

    @property
    def added(self) -> bool:
        return self.added_at is not None and self.removed_at is None


class Delivery(Base):
    """The delivery log: one row per saved search, conversation and channel. ``status`` is ``pending`` (to be
    sent, ``next_try_at`` after a failure), ``sent``, ``failed`` (given up after retries), ``seen`` (found
    before the search began and older than its backfill: recorded, never sent) or ``dropped`` (its channel was
    removed from the search). ``channel`` is the channel's URL with its secrets masked (a changed password is the
    same channel). ``activity_at`` and ``n_replies``
    are what the last message sent told (or the pending one will); new replies after that make one follow-up."""

    __tablename__ = "deliveries"
    __table_args__ = (UniqueConstraint("search", "conversation_id", "channel"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    search: Mapped[str] = mapped_column(String(255), index=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(2048))
    status: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(16), default="new")        # new | follow-up (the pending one)
    activity_at: Mapped[datetime | None] = mapped_column(AwareDateTime)  # last activity told (or to tell)
    n_replies: Mapped[int] = mapped_column(Integer, default=0)
    sent_activity_at: Mapped[datetime | None] = mapped_column(AwareDateTime)  # told by the last message sent
    sent_replies: Mapped[int | None] = mapped_column(Integer)
    sent_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    messages: Mapped[int] = mapped_column(Integer, default=0)            # messages sent for it so far
    attempts: Mapped[int] = mapped_column(Integer, default=0)            # failed attempts in a row
    next_try_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)


class Featured(Base):
    """A place staff feature as a community link (`threadscout links`): a conversation, or a whole site."""

    __tablename__ = "featured"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(2048), unique=True)   # the conversation's URL, or the site's
    kind: Mapped[str] = mapped_column(String(16))                  # conversation | site
    site: Mapped[str] = mapped_column(String(255))                 # its host (with its port)
    title: Mapped[str | None] = mapped_column(Text)                # as staff named it (else the page's title)
    note: Mapped[str | None] = mapped_column(Text)
    added_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)


class StoredSetting(Base):
    """A setting kept in the database rather than the configuration file (which is never rewritten): the web
    page's password hash."""

    __tablename__ = "stored_settings"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class WebSession(Base):
    """A signed-in session of the web page: its cookie names it by an id whose hash is kept here, so that
    signing out (or a new password) ends it on the server and a copy of the cookie is refused
    (``indexer.web_sessions``)."""

    __tablename__ = "web_sessions"

    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)   # sha256 of the cookie's id, in hex
    begun_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(AwareDateTime, index=True)


class SchedulerLock(Base):
    """At most one row (id 1): the scheduler that runs on this database now, and its last sign of life. A second
    one cannot insert it (the primary key), and takes it over only from a claim that lapsed, by a compare-and-set
    on ``run_id`` (``indexer.schedule``)."""

    __tablename__ = "scheduler_lock"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    run_id: Mapped[int] = mapped_column(Integer)
    pid: Mapped[int] = mapped_column(Integer)
    host: Mapped[str] = mapped_column(String(255))
    started_at: Mapped[datetime] = mapped_column(AwareDateTime)
    heartbeat_at: Mapped[datetime] = mapped_column(AwareDateTime)
    once: Mapped[int] = mapped_column(Integer, default=0)


class SchedulerRun(Base):
    """Each `threadscout run` of this database (the history `status` tells): process, start, end."""

    __tablename__ = "scheduler_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    pid: Mapped[int] = mapped_column(Integer)
    host: Mapped[str] = mapped_column(String(255))
    started_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)
    heartbeat_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)
    stopped_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    once: Mapped[int] = mapped_column(Integer, default=0)             # 1: `run --once`


Index("ix_replies_conversation_position", Reply.conversation_id, Reply.position)


def needing_index() -> Select[tuple[Conversation]]:
    """Conversations whose latest state the search index does not hold yet."""
    return select(Conversation).where(
        or_(Conversation.indexed_at.is_(None), Conversation.indexed_at != Conversation.updated_at)
    ).order_by(Conversation.id)
