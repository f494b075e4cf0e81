"""The store's side of saved searches and alerts: the searches added from the CLI, and the delivery log.

The log holds one row per saved search, conversation and channel (``models.Delivery``). It is what makes alerts
never come twice: a conversation is queued once per channel, and queued again (a follow-up) only when it has more
replies than the last message sent told. What is queued is sent by ``search.alerts``; a failed attempt is tried
again later (``retry_wait``), then given up and recorded as failed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, select, true, update

from threadscout.indexer.db import Store
from threadscout.indexer.models import Conversation, Delivery, SavedSearchRow, utcnow

MAX_ATTEMPTS = 5                           # failed attempts in a row before a delivery is given up
RETRY_FIRST = timedelta(seconds=30)        # then 1 min, 2 min, 4 min
IN_CLAUSE = 500


def retry_wait(attempts: int) -> timedelta:
    """How long after its ``attempts``-th failed attempt a delivery is tried again."""
    return RETRY_FIRST * 2 ** max(0, attempts - 1)


@dataclass(frozen=True)
class Match:
    """A conversation a saved search matched, as the log needs it."""

    id: int
    url: str
    last_activity: datetime | None
    first_seen: datetime
    n_replies: int

    @property
    def active_at(self) -> datetime:
        """When it was last active: its last reply or its publication, else when it was found."""
        return self.last_activity or self.first_seen


@dataclass
class Queued:
    """The conversations one evaluation queued (on any of the search's channels)."""

    new: set[int] = field(default_factory=set)          # for a first message
    follow_ups: set[int] = field(default_factory=set)   # again, for their new replies
    seen: set[int] = field(default_factory=set)         # recorded without a message: older than the backfill


@dataclass(frozen=True)
class Pending:
    """A message to send: one delivery row with what it tells."""

    id: int
    conversation_id: int
    kind: str                       # new | follow-up
    n_replies: int
    sent_replies: int | None        # what the last message sent told (for "3 new replies since ...")
    sent_at: datetime | None
    attempts: int


@dataclass(frozen=True)
class SearchLog:
    """What `alerts list` and `status` tell of one saved search's deliveries."""

    messages: int = 0
    pending: int = 0
    failed: int = 0
    seen: int = 0
    last_sent: datetime | None = None
    last_error: str | None = None
    started_at: datetime | None = None
    evaluated_at: datetime | None = None


class AlertLog:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- saved searches kept in the database -------------------------------------------------------------------
    def added(self) -> list[SavedSearchRow]:
        """The searches added with `alerts add` (and not removed since), oldest first."""
        with self.store.session() as s:
            return [row for row in s.scalars(select(SavedSearchRow).order_by(SavedSearchRow.id)) if row.added]

    def add(self, name: str, query: str, notify: Sequence[str], digest: timedelta | None,
            backfill: timedelta) -> bool:
        """Keep a saved search in the database; False when one of that name is there already. Its state (what
        was sent) is kept from an earlier search of the same name (``begin`` starts it anew if its query
        changed)."""
        with self.store.session() as s:
            row = s.scalar(select(SavedSearchRow).where(SavedSearchRow.name == name))
            if row is not None and row.added:
                return False
            if row is None:
                row = SavedSearchRow(name=name)
                s.add(row)
            row.query, row.notify = query, list(notify)
            row.digest_seconds = int(digest.total_seconds()) if digest else None
            row.backfill_seconds = int(backfill.total_seconds())
            row.added_at, row.removed_at = utcnow(), None
            return True

    def remove(self, name: str) -> bool:
        with self.store.session() as s:
            row = s.scalar(select(SavedSearchRow).where(SavedSearchRow.name == name))
            if row is None or not row.added:
                return False
            row.removed_at = utcnow()
            return True

    def begin(self, name: str, query: str, now: datetime) -> datetime:
        """A search is being evaluated: returns when it began (its first evaluation; a changed query begins it
        anew)."""
        with self.store.session() as s:
            row = s.scalar(select(SavedSearchRow).where(SavedSearchRow.name == name))
            if row is None:
                row = SavedSearchRow(name=name)
                s.add(row)
            if row.evaluated_query != query:
                row.evaluated_query, row.started_at = query, None
            row.started_at = row.started_at or now
            row.evaluated_at = now
            return row.started_at

    def started(self, name: str) -> datetime | None:
        with self.store.session() as s:
            return s.scalar(select(SavedSearchRow.started_at).where(SavedSearchRow.name == name))

    # -- matches and the log -----------------------------------------------------------------------------------
    def matches(self, urls: Sequence[str]) -> list[Match]:
        """The stored conversations at these URLs (gone ones left out)."""
        c = Conversation.__table__.c
        found = []
        with self.store.engine.connect() as con:
            for start in range(0, len(urls), IN_CLAUSE):
                found += [Match(*row) for row in con.execute(
                    select(c.id, c.url, c.last_activity, c.first_seen, c.n_replies)
                    .where(c.url.in_(urls[start:start + IN_CLAUSE]), c.gone_at.is_(None)))]
        return found

    def record(self, search: str, channels: Sequence[str], matches: Sequence[Match], *, backfill: timedelta,
               started: datetime, now: datetime) -> Queued:
        """Queue what is new to each channel (``channels`` are keys: ``search.alerts.channel_key``): a
        conversation never told, or one with more replies than the last message told (or than the one given up
        on). A conversation never told is sent when it was active since ``backfill`` before the search began
        (``started``: its first evaluation); older ones are recorded as seen (and sent when they move again), so
        that a new search, or a new source with years of archives, does not flood."""
        queued = Queued()
        since = started - backfill
        with self.store.session() as s:
            s.execute(update(Delivery).where(Delivery.search == search, Delivery.status == "pending",
                                             Delivery.channel.not_in(channels) if channels else true())
                      .values(status="dropped"))       # channels no longer listed: nothing more is sent there
            for channel in channels:
                known: dict[int, Delivery] = {}
                ids = [m.id for m in matches]
                for start in range(0, len(ids), IN_CLAUSE):
                    known.update((d.conversation_id, d) for d in s.scalars(
                        select(Delivery).where(Delivery.search == search, Delivery.channel == channel,
                                               Delivery.conversation_id.in_(ids[start:start + IN_CLAUSE]))))
                for m in matches:
                    row = known.get(m.id)
                    if row is None:
                        active = m.active_at >= since
                        s.add(Delivery(search=search, conversation_id=m.id, channel=channel,
                                       status="pending" if active else "seen", kind="new",
                                       activity_at=m.last_activity, n_replies=m.n_replies,
                                       sent_activity_at=None if active else m.last_activity,
                                       sent_replies=None if active else m.n_replies, created_at=now))
                        if active:
                            queued.new.add(m.id)
                        else:
                            queued.seen.add(m.id)
                    elif row.status == "pending":
                        row.activity_at, row.n_replies = m.last_activity, m.n_replies   # tell the latest
                    elif m.n_replies > (row.n_replies if row.status in ("failed", "dropped")
                                        else (row.sent_replies or 0)):
                        row.status, row.kind = "pending", "follow-up" if row.messages else "new"
                        row.activity_at, row.n_replies = m.last_activity, m.n_replies
                        row.attempts, row.next_try_at, row.last_error = 0, None, None
                        if row.messages:
                            queued.follow_ups.add(m.id)
                        else:
                            queued.new.add(m.id)
        return queued

    def pending(self, search: str, channel: str, now: datetime, *, limit: int = 1000) -> list[Pending]:
        """What is waiting to be sent on a channel, and may be tried now; the oldest first."""
        with self.store.session() as s:
            rows = s.scalars(select(Delivery).where(
                Delivery.search == search, Delivery.channel == channel, Delivery.status == "pending",
                (Delivery.next_try_at.is_(None)) | (Delivery.next_try_at <= now)).order_by(Delivery.id).limit(limit))
            return [Pending(r.id, r.conversation_id, r.kind, r.n_replies, r.sent_replies, r.sent_at, r.attempts)
                    for r in rows]

    def sent(self, ids: Sequence[int], now: datetime) -> None:
        with self.store.session() as s:
            for row in s.scalars(select(Delivery).where(Delivery.id.in_(ids))):
                row.status, row.sent_at, row.messages = "sent", now, row.messages + 1
                row.sent_activity_at, row.sent_replies = row.activity_at, row.n_replies
                row.attempts, row.next_try_at, row.last_error = 0, None, None

    def failed(self, ids: Sequence[int], error: str, now: datetime) -> int:
        """A failed attempt: tried again after ``retry_wait``, given up after ``MAX_ATTEMPTS`` in a row.
        Returns how many were given up."""
        given_up = 0
        with self.store.session() as s:
            for row in s.scalars(select(Delivery).where(Delivery.id.in_(ids))):
                row.attempts += 1
                row.last_error = error[:2000]
                if row.attempts >= MAX_ATTEMPTS:
                    row.status, row.next_try_at = "failed", None
                    given_up += 1
                else:
                    row.next_try_at = now + retry_wait(row.attempts)
        return given_up

    def last_digest(self, search: str, channel: str) -> datetime | None:
        with self.store.engine.connect() as con:
            return con.execute(select(func.max(Delivery.sent_at)).where(
                Delivery.search == search, Delivery.channel == channel)).scalar()

    def summary(self, search: str) -> SearchLog:
        with self.store.engine.connect() as con:
            counts: Counter[str] = Counter()
            messages = 0
            for status, n, sent in con.execute(select(Delivery.status, func.count(), func.sum(Delivery.messages))
                                               .where(Delivery.search == search).group_by(Delivery.status)):
                counts[status] = n
                messages += int(sent or 0)
            last_sent = con.execute(select(func.max(Delivery.sent_at)).where(Delivery.search == search)).scalar()
            last_error = con.execute(select(Delivery.last_error).where(
                Delivery.search == search, Delivery.last_error.is_not(None)).order_by(Delivery.id.desc()).limit(1)
            ).scalar()
            state = con.execute(select(SavedSearchRow.started_at, SavedSearchRow.evaluated_at)
                                .where(SavedSearchRow.name == search)).first()
        return SearchLog(messages=messages, pending=counts["pending"], failed=counts["failed"], seen=counts["seen"],
                         last_sent=last_sent, last_error=last_error, started_at=state[0] if state else None,
                         evaluated_at=state[1] if state else None)
