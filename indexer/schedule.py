"""The store's side of `threadscout run`: the one scheduler of a database, the sources its intervals asked for,
and the refresh of active conversations on their own schedule.

**One scheduler per database.** The scheduler holds the one row of ``scheduler_lock`` (process, host, start,
heartbeat): a second one cannot insert it (its primary key), on SQLite and PostgreSQL alike. A claim lapses when
its process is gone (same host) or its heartbeat is 30 s old (another host); it is then taken over by a
compare-and-set on its run id, so that of two taking it over at once one wins. A scheduler whose claim was taken
over learns it at its next heartbeat and stops.

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

from sqlalchemy import and_, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from threadscout.indexer.db import Store
from threadscout.indexer.owner import owner_alive, pid_alive, this_process
from threadscout.indexer.models import Conversation, SchedulerLock, SchedulerRun, Source, utcnow

HEARTBEAT = timedelta(seconds=5)
STALE = timedelta(seconds=30)      # a scheduler on another host silent this long is gone
STALE_HERE = timedelta(hours=1)    # on this host: while its process exists (a pid reused after a reboot lapses)
ACTIVE = timedelta(days=7)
MIN_REFRESH = timedelta(seconds=1)

# The claims (their run ids) this very process made. A claim naming this process's id and host but not listed
# here was made by another process that had the same id (a container restarted, an exec): it is stale.
_CLAIMED_HERE: set[int] = set()



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
    target: str           # its comment feed, or its last page (a platform's thread: its source and id)
    is_feed: bool
    n_replies: int
    every: timedelta
    platform: str | None = None     # a platform source's thread: its kind, its source's URL and its id there
    source: str | None = None
    thread: str | None = None


class Schedule:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.host = socket.gethostname()

    # -- the one scheduler --------------------------------------------------------------------------------------
    def _alive(self, row: SchedulerLock, now: datetime) -> bool:
        """A claim holds while its heartbeat is recent; on this host, while its process exists (a machine that
        slept keeps its scheduler), up to ``STALE_HERE``. A claim naming this process (its id, this host) that this
        process did not make is stale: another process had the same id before (a restarted container gets the same
        id and host name)."""
        if row.host == self.host:
            if row.pid == os.getpid() and row.run_id not in _CLAIMED_HERE:
                return False
            return pid_alive(row.pid) and row.heartbeat_at >= now - STALE_HERE
        return row.heartbeat_at >= now - STALE

    def claim(self, *, once: bool = False) -> tuple[int | None, RunningScheduler | None]:
        """Become this database's scheduler: (our run's id, None), or (None, the one running already)."""
        now = utcnow()
        with self.store.session() as s:
            run = SchedulerRun(pid=os.getpid(), host=self.host, started_at=now, heartbeat_at=now, once=int(once))
            s.add(run)
            s.flush()
            run_id = run.id
        _CLAIMED_HERE.add(run_id)
        mine = {"run_id": run_id, "pid": os.getpid(), "host": self.host, "started_at": now, "heartbeat_at": now,
                "once": int(once)}
        try:
            with self.store.session() as s:
                s.execute(insert(SchedulerLock).values(id=1, **mine))
            return run_id, None
        except IntegrityError:
            pass                                   # a claim exists: is it alive?
        with self.store.session() as s:
            held = s.get(SchedulerLock, 1)
            if held is not None and self._alive(held, now):
                other = _running(held)
            else:                                  # lapsed (killed, its machine gone): take it over, unless
                taken = s.execute(update(SchedulerLock).where(  # another one did just now
                    SchedulerLock.id == 1, SchedulerLock.run_id == (held.run_id if held else -1)).values(**mine))
                if taken.rowcount == 1:
                    if held is not None:
                        s.execute(update(SchedulerRun).where(SchedulerRun.id == held.run_id,
                                                             SchedulerRun.stopped_at.is_(None))
                                  .values(stopped_at=held.heartbeat_at))
                    return run_id, None
                s.expire_all()
                latest = s.get(SchedulerLock, 1)
                other = _running(latest) if latest is not None else None
            s.execute(update(SchedulerRun).where(SchedulerRun.id == run_id).values(stopped_at=now))
        return None, other

    def beat(self, run_id: int) -> bool:
        """A sign of life; False when the claim is no longer ours (taken over after it lapsed)."""
        with self.store.session() as s:
            now = utcnow()
            kept = s.execute(update(SchedulerLock).where(SchedulerLock.id == 1, SchedulerLock.run_id == run_id)
                             .values(heartbeat_at=now)).rowcount
            s.execute(update(SchedulerRun).where(SchedulerRun.id == run_id).values(heartbeat_at=now))
            return kept == 1

    def release(self, run_id: int) -> None:
        with self.store.session() as s:
            s.execute(delete(SchedulerLock).where(SchedulerLock.id == 1, SchedulerLock.run_id == run_id))
            s.execute(update(SchedulerRun).where(SchedulerRun.id == run_id).values(stopped_at=utcnow()))

    def running(self) -> RunningScheduler | None:
        """The scheduler running now (`threadscout run`, or a `run --once` in progress), if any."""
        with self.store.session() as s:
            held = s.get(SchedulerLock, 1)
            return _running(held) if held is not None and self._alive(held, utcnow()) else None

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
        """A crawl of these sources begins, in this process (unfinished until ``crawled`` says it ended; while
        this process lives it is under way, after it, cut short: ``cut_short``). The rows of sources never
        crawled are made, so that a first crawl killed is known as such too."""
        with self.store.session() as s:
            for start in range(0, len(urls), 500):
                chunk = urls[start:start + 500]
                known = set(s.scalars(select(Source.url).where(Source.url.in_(chunk))))
                s.add_all(Source(url=url) for url in dict.fromkeys(chunk) if url not in known)
                s.flush()
                s.execute(update(Source).where(Source.url.in_(chunk))
                          .values(crawl_began_at=started, crawl_owner=this_process()))

    def crawled(self, urls: Sequence[str], started: datetime) -> None:
        """A crawl of these sources, started at ``started``, finished: their requests until then are done."""
        with self.store.session() as s:
            for start in range(0, len(urls), 500):
                s.execute(update(Source).where(Source.url.in_(urls[start:start + 500]),
                                               Source.requested_at <= started).values(requested_at=None))
                s.execute(update(Source).where(Source.url.in_(urls[start:start + 500]),   # not a later one's mark
                                               Source.crawl_began_at <= started)
                          .values(crawl_began_at=None, crawl_owner=None))

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

    def next_refresh(self) -> datetime | None:
        """When the next active conversation is due for a refresh (a read, no write)."""
        with self.store.engine.connect() as con:
            return con.execute(select(func.min(Conversation.refresh_at))).scalar()

    def due_refreshes(self, now: datetime | None = None, limit: int = 100) -> list[Refresh]:
        """The active conversations due for a refresh, the most overdue first; not those of a source that is
        failing, asked us to wait (Retry-After) or is no longer watched."""
        now = now or utcnow()
        c, src = Conversation.__table__.c, Source.__table__.c
        source_ok = or_(src.id.is_(None), and_(src.stopped_at.is_(None),
                                               or_(src.not_before.is_(None), src.not_before <= now),
                                               func.coalesce(src.failures, 0) < 2))
        with self.store.engine.connect() as con:
            rows = con.execute(select(c.id, c.url, c.comments_feed, c.last_page, c.n_replies, c.refresh_every,
                                      c.platform, c.platform_thread, src.url.label("source_url"))
                               .select_from(Conversation.__table__.outerjoin(Source.__table__,
                                                                             c.source_id == src.id))
                               .where(c.refresh_at.is_not(None), c.refresh_at <= now, source_ok)
                               .order_by(c.refresh_at).limit(limit)).all()
        return [Refresh(id=r.id, url=r.url, target=(f"{r.source_url}#thread:{r.platform_thread}"
                                                    if r.platform and r.source_url
                                                    else r.comments_feed or r.last_page or r.url),
                        is_feed=bool(r.comments_feed), n_replies=r.n_replies,
                        every=timedelta(seconds=r.refresh_every or 60),
                        platform=r.platform if r.source_url else None, source=r.source_url,
                        thread=r.platform_thread) for r in rows]

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


def _running(row: SchedulerRun | SchedulerLock) -> RunningScheduler:
    run_id = row.run_id if isinstance(row, SchedulerLock) else row.id
    return RunningScheduler(run_id, row.pid, row.host, row.started_at, row.heartbeat_at, bool(row.once))


def cut_short(row: Source) -> bool:
    """Whether the crawl that began on this source (``Schedule.begin``) and did not finish was cut short: its
    process is gone (or cannot be told, on another host). One whose process still runs is under way."""
    return row.crawl_began_at is not None and owner_alive(row.crawl_owner or "") is not True
