"""The store's side of `threadscout run`: the one scheduler of a database, the sources its intervals asked for,
and the refresh of active conversations on their own schedule.

**One scheduler per database.** A starting scheduler records itself (process, host, start) and keeps a heartbeat;
another one is alive while its heartbeat is recent and, on the same host, its process exists. Claims are
ordered: each writes its row first, then yields to any earlier claim still alive, so that two started at once
never both run, on SQLite or PostgreSQL alike.

**Active conversations.** A conversation with a reply in the last ``ACTIVE`` days is re-read on an interval of
its own (its comment feed, or its last page): it starts at half the crawl interval, halves when a refresh finds
new replies and doubles when it finds none, between an eighth and four times the crawl interval (as Media
Cloud's rss-fetcher adapts feed intervals). Quiet for ``ACTIVE`` days, it leaves the schedule: its source's
listing still brings it back when it moves.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update

from threadscout.indexer.db import Store
from threadscout.indexer.models import Conversation, SchedulerRun, Source, utcnow

HEARTBEAT = timedelta(seconds=5)
STALE = timedelta(seconds=30)      # a scheduler silent this long is gone (killed, its machine down)
ACTIVE = timedelta(days=7)
MIN_REFRESH = timedelta(seconds=1)


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass(frozen=True)
class RunningScheduler:
    id: int
    pid: int
    host: str
    started_at: datetime
    heartbeat_at: datetime
    once: bool

    def as_dict(self) -> dict[str, object]:
        return {"pid": self.pid, "host": self.host, "since": self.started_at.isoformat(),
                "heartbeat": self.heartbeat_at.isoformat(), "once": self.once}


@dataclass(frozen=True)
class Refresh:
    """An active conversation due for a refresh: where to re-read it, and what it held before."""

    id: int
    url: str
    target: str           # its comment feed, or its last page
    is_feed: bool
    n_replies: int
    every: timedelta


class Schedule:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.host = socket.gethostname()

    # -- the one scheduler --------------------------------------------------------------------------------------
    def _alive(self, row: SchedulerRun, now: datetime) -> bool:
        if row.stopped_at is not None or row.heartbeat_at < now - STALE:
            return False
        return row.host != self.host or pid_alive(row.pid)

    def claim(self, *, once: bool = False) -> tuple[int | None, RunningScheduler | None]:
        """Become this database's scheduler: (our id, None), or (None, the one running already)."""
        now = utcnow()
        with self.store.session() as s:
            mine = SchedulerRun(pid=os.getpid(), host=self.host, started_at=now, heartbeat_at=now, once=int(once))
            s.add(mine)
            s.flush()
            my_id = mine.id
        with self.store.session() as s:
            earlier = [row for row in s.scalars(select(SchedulerRun).where(SchedulerRun.id < my_id,
                                                                           SchedulerRun.stopped_at.is_(None))
                                                .order_by(SchedulerRun.id))]
            other = next((row for row in earlier if self._alive(row, now)), None)
            for row in earlier:
                if row is not other and not self._alive(row, now):
                    row.stopped_at = row.heartbeat_at          # died without saying so
            if other is not None:
                s.execute(update(SchedulerRun).where(SchedulerRun.id == my_id).values(stopped_at=now))
                return None, _running(other)
        return my_id, None

    def beat(self, run_id: int) -> None:
        with self.store.session() as s:
            s.execute(update(SchedulerRun).where(SchedulerRun.id == run_id).values(heartbeat_at=utcnow()))

    def release(self, run_id: int) -> None:
        with self.store.session() as s:
            s.execute(update(SchedulerRun).where(SchedulerRun.id == run_id).values(stopped_at=utcnow()))

    def running(self) -> RunningScheduler | None:
        """The scheduler running now (`threadscout run`, or a `run --once` in progress), if any."""
        now = utcnow()
        with self.store.session() as s:
            rows = s.scalars(select(SchedulerRun).where(SchedulerRun.stopped_at.is_(None))
                             .order_by(SchedulerRun.id))
            alive = next((row for row in rows if self._alive(row, now)), None)
            return _running(alive) if alive is not None else None

    def last_run(self) -> RunningScheduler | None:
        with self.store.session() as s:
            row = s.scalar(select(SchedulerRun).order_by(SchedulerRun.id.desc()).limit(1))
            return _running(row) if row is not None else None

    # -- sources whose interval came round --------------------------------------------------------------------
    def request(self, url: str) -> None:
        """A source's interval came round: crawl it in the next cycle (kept until a crawl of it finishes)."""
        with self.store.session() as s:
            row = s.scalar(select(Source).where(Source.url == url))
            if row is None:
                row = Source(url=url)
                s.add(row)
            row.requested_at = row.requested_at or utcnow()

    def requested(self) -> list[str]:
        with self.store.session() as s:
            return list(s.scalars(select(Source.url).where(Source.requested_at.is_not(None))
                                  .order_by(Source.requested_at, Source.id)))

    def begin(self, urls: Sequence[str], started: datetime) -> None:
        """A crawl of these sources begins (``unfinished`` until ``crawled`` says it ended)."""
        with self.store.session() as s:
            for start in range(0, len(urls), 500):
                s.execute(update(Source).where(Source.url.in_(urls[start:start + 500]))
                          .values(crawl_began_at=started))

    def crawled(self, urls: Sequence[str], started: datetime) -> None:
        """A crawl of these sources, started at ``started``, finished: their requests until then are done."""
        with self.store.session() as s:
            for start in range(0, len(urls), 500):
                s.execute(update(Source).where(Source.url.in_(urls[start:start + 500]),
                                               Source.requested_at <= started).values(requested_at=None))
                s.execute(update(Source).where(Source.url.in_(urls[start:start + 500]))
                          .values(crawl_began_at=None))

    def unfinished(self) -> set[str]:
        """Sources whose last crawl began and never finished (stopped, or the scheduler killed)."""
        with self.store.session() as s:
            return set(s.scalars(select(Source.url).where(Source.crawl_began_at.is_not(None))))

    # -- active conversations -----------------------------------------------------------------------------------
    def plan_refreshes(self, every: timedelta, now: datetime | None = None) -> None:
        """Conversations with a reply in the last ``ACTIVE`` days enter the schedule (due in half ``every``);
        those quiet for longer leave it."""
        now = now or utcnow()
        first = _bounded(every / 2, every)
        with self.store.session() as s:
            s.execute(update(Conversation).where(
                Conversation.refresh_at.is_(None), Conversation.n_replies > 0, Conversation.gone_at.is_(None),
                Conversation.last_activity >= now - ACTIVE)
                .values(refresh_every=int(first.total_seconds()), refresh_at=now + first))
            s.execute(update(Conversation).where(
                Conversation.refresh_at.is_not(None),
                or_(Conversation.last_activity < now - ACTIVE, Conversation.last_activity.is_(None),
                    Conversation.gone_at.is_not(None)))
                .values(refresh_at=None, refresh_every=None))

    def due_refreshes(self, now: datetime | None = None, limit: int = 100) -> list[Refresh]:
        """The active conversations due for a refresh, the most overdue first."""
        now = now or utcnow()
        c = Conversation.__table__.c
        with self.store.engine.connect() as con:
            rows = con.execute(select(c.id, c.url, c.comments_feed, c.last_page, c.n_replies, c.refresh_every)
                               .where(c.refresh_at.is_not(None), c.refresh_at <= now)
                               .order_by(c.refresh_at).limit(limit)).all()
        return [Refresh(id=r.id, url=r.url, target=r.comments_feed or r.last_page or r.url,
                        is_feed=bool(r.comments_feed), n_replies=r.n_replies,
                        every=timedelta(seconds=r.refresh_every or 60)) for r in rows]

    def refreshed(self, refreshes: Sequence[Refresh], every: timedelta, now: datetime | None = None) -> int:
        """After a crawl re-read these: halve the interval of those that gained replies, double the others'.
        Returns how many gained replies."""
        now = now or utcnow()
        moved = 0
        with self.store.session() as s:
            replies = dict(s.execute(select(Conversation.id, Conversation.n_replies)
                                     .where(Conversation.id.in_([r.id for r in refreshes]))).all())
            for r in refreshes:
                gained = replies.get(r.id, r.n_replies) > r.n_replies
                moved += gained
                interval = _bounded(r.every / 2 if gained else r.every * 2, every)
                s.execute(update(Conversation).where(Conversation.id == r.id, Conversation.refresh_at.is_not(None))
                          .values(refresh_every=int(interval.total_seconds()), refresh_at=now + interval))
        return moved


def _bounded(interval: timedelta, every: timedelta) -> timedelta:
    low, high = max(MIN_REFRESH, every / 8), max(MIN_REFRESH, every * 4)
    return max(low, min(high, interval))


def _running(row: SchedulerRun) -> RunningScheduler:
    return RunningScheduler(row.id, row.pid, row.host, row.started_at, row.heartbeat_at, bool(row.once))
