"""`threadscout run`: APScheduler wiring. Each watched source has an interval job; crawls run in child processes.

- **Jobs.** Every watched source has a job in APScheduler's SQLAlchemy job store, in the same database, firing
  every ``every`` (the source's, else ``[crawl] every``) with jitter. Missed runs after downtime are coalesced
  into one (``coalesce``, no misfire limit). A job only records that its source is asked for
  (``Source.requested_at``); the crawl loop takes everything asked for, and the active conversations due for a
  refresh, into one crawl. So a source is never crawled twice at once, and a request outlives a kill: it is
  cleared only when a crawl of it finished.
- **One child process per crawl.** Twisted's reactor cannot be restarted within a process, so each crawl runs
  in a spawned child (``_crawl_child``), which saves and indexes as `threadscout crawl` does. The child has its
  own process group (Ctrl-C reaches the scheduler, which asks the child to stop once) and stops by itself when
  the scheduler is gone (killed with -9, say). Sharing one reactor between scheduler and crawls would save the
  child's start (about 2 s) but would tie every crawl's failure to the scheduler.
- **Alerts** are evaluated and sent in a job of their own after each crawl and every ``ALERTS_EVERY``, so that a
  slow channel never holds up a crawl, and failed deliveries are retried while nothing is crawled.
- **Stopping.** SIGTERM or Ctrl-C: no new crawl starts, the running one is asked to stop (it keeps and indexes
  what it found), running jobs finish, and the scheduler says it stopped. A second signal quits at once.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from multiprocessing.connection import Connection
from typing import Any, ClassVar

from threadscout.config.errors import ConfigError
from threadscout.config.settings import Settings, load_settings
from threadscout.config.settings import Source as ConfigSource
from threadscout.crawler.run import StopRequest
from threadscout.indexer.db import Store
from threadscout.indexer.models import utcnow
from threadscout.indexer.schedule import Refresh, Schedule
from threadscout.search import jobs
from threadscout.search.alerts import run_alerts

log = logging.getLogger(__name__)

ALERTS_EVERY = 30.0          # seconds between two evaluations of the saved searches when nothing is crawled
RESYNC_EVERY = 15.0          # seconds between two readings of the sources (the file, `sources add`)
CHILD_STOP_WAIT = 120.0      # seconds a stopped crawl may take to index what it found
JITTER_SHARE = 0.1           # of the interval, at most JITTER_MAX
JITTER_MAX = 300.0
JOB_PREFIX = "source:"
JOB_TABLE = "scheduler_jobs"      # APScheduler's job store, in the database


def job_id(url: str) -> str:
    return JOB_PREFIX + hashlib.sha1(url.encode()).hexdigest()[:20]


def source_due(url: str) -> None:
    """The job of one source (stored by APScheduler, so a plain importable function): its interval came round."""
    daemon = Daemon.current
    if daemon is not None:
        daemon.request(url)


class Daemon:
    """The long-running scheduler of one database."""

    current: ClassVar[Daemon | None] = None

    def __init__(self, cfg: Settings, *, say: Callable[[str], None] = print) -> None:
        self.cfg = cfg
        self.say = say
        self.store = Store(cfg.database_url)
        self.schedule = Schedule(self.store)
        self.wake = threading.Event()
        self.child: multiprocessing.process.BaseProcess | None = None
        self.stop: StopRequest | None = None
        self.config_mtime = _mtime(cfg)
        self.scheduler: Any = None
        self.cycles = 0

    # -- running -------------------------------------------------------------------------------------------------
    def run(self) -> int:
        """Run until SIGTERM / SIGINT; returns the exit code (128 + the signal)."""
        from apscheduler.executors.pool import ThreadPoolExecutor
        from apscheduler.jobstores.memory import MemoryJobStore
        from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
        from apscheduler.schedulers.background import BackgroundScheduler

        with StopRequest() as stop, jobs.claimed(self.schedule) as _, _run_log(self.cfg):
            self.stop = stop
            stop.on_stop(self._stopping)
            Daemon.current = self
            self.scheduler = BackgroundScheduler(
                jobstores={"default": SQLAlchemyJobStore(engine=self.store.engine, tablename=JOB_TABLE),
                           "memory": MemoryJobStore()},
                executors={"default": ThreadPoolExecutor(4)},
                job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
                timezone=timezone.utc)
            try:
                self.scheduler.start(paused=True)
                watched = self.sync_jobs()
                self.scheduler.add_job(self.alerts, "interval", seconds=ALERTS_EVERY, id="alerts",
                                       jobstore="memory", next_run_time=utcnow())
                self.scheduler.add_job(self.resync, "interval", seconds=RESYNC_EVERY, id="resync",
                                       jobstore="memory")
                self.scheduler.resume()
                self.say(f"Scheduler running (process {os.getpid()}): {watched}; "
                         f"saved searches evaluated after each crawl. Ctrl-C or SIGTERM stops it.")
                while not stop.requested:
                    self.wake.wait(1.0)
                    self.wake.clear()
                    if not stop.requested:
                        self.cycle()
            finally:
                self.scheduler.shutdown(wait=True)
                Daemon.current = None
                self.store.close()
        self.say(f"Scheduler stopped ({signal.Signals(stop.signum or signal.SIGTERM).name}); "
                 "everything found was kept.")
        return stop.exit_code

    def _stopping(self) -> None:
        """From the signal handler: wake the loop, and ask a running crawl to stop (once)."""
        child = self.child
        if child is not None and child.is_alive() and child.pid:
            try:
                os.kill(child.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        self.wake.set()

    def request(self, url: str) -> None:
        self.schedule.request(url)
        self.wake.set()

    # -- the jobs ------------------------------------------------------------------------------------------------
    def sync_jobs(self) -> str:
        """One interval job per watched source (kept across restarts); jobs of sources no longer watched go."""
        from apscheduler.triggers.interval import IntervalTrigger

        watched = jobs.watched_sources(self.cfg, self.store)
        health = {h.url: h for h in jobs.source_health(self.cfg, self.store)}
        wanted = {job_id(s.url): s for s in watched}
        existing = {job.id: job for job in self.scheduler.get_jobs(jobstore="default")}
        now = utcnow()
        for jid, source in wanted.items():
            every = source.every or self.cfg.crawl.every
            job = existing.get(jid)
            if job is not None and job.trigger.interval == every:
                continue
            h = health.get(source.url)
            first = max(now, h.next_due) if h is not None and h.next_due is not None else now
            jitter = min(every.total_seconds() * JITTER_SHARE, JITTER_MAX)
            self.scheduler.add_job(source_due, IntervalTrigger(seconds=every.total_seconds(), jitter=jitter,
                                                               start_date=first, timezone=timezone.utc),
                                   args=[source.url], id=jid, name=source.url, jobstore="default",
                                   replace_existing=True, next_run_time=first)
        for jid in existing.keys() - wanted.keys():
            self.scheduler.remove_job(jid, jobstore="default")
        everys = sorted({(s.every or self.cfg.crawl.every) for s in watched})
        return (f"{len(watched)} source{'' if len(watched) == 1 else 's'} every "
                + ", ".join(_duration(e) for e in everys)) if watched else "no sources yet"

    def resync(self) -> None:
        """Read the configuration again when its file changed, and the sources added or removed meanwhile."""
        mtime = _mtime(self.cfg)
        if mtime != self.config_mtime:
            try:
                self.cfg = load_settings(self.cfg.file)
                self.say(f"Configuration {self.cfg.file} read again.")
            except ConfigError as exc:
                self.say(f"threadscout: {exc} (the previous configuration stays in use)")
            self.config_mtime = mtime
        self.sync_jobs()

    def alerts(self) -> None:
        summary = run_alerts(self.cfg, store=self.store)
        log.info("%s", summary.line())
        if summary.sent or summary.failed or summary.given_up or summary.errors:
            self.say(_stamp(summary.line()))
        for error in summary.errors:
            self.say(_stamp(f"threadscout: saved search {error}"))

    # -- one cycle: a crawl in a child process -------------------------------------------------------------------
    def cycle(self) -> None:
        sources, refreshes = jobs.due_work(self.cfg, self.store, self.schedule, requested_only=True)
        if not sources and not refreshes:
            return
        started = utcnow()
        self.schedule.begin([s.url for s in sources], started)
        summary = jobs.CycleSummary(refreshed=len(refreshes))
        summary.crawl = self._crawl_in_child(sources, refreshes)
        stopped = self.stop is not None and self.stop.requested
        if summary.crawl is not None:     # else the child died: its sources stay asked for
            summary.crawl.sources = len(sources)
            jobs.finish_cycle(self.cfg, self.store, self.schedule, summary, [s.url for s in sources], refreshes,
                              started, stopped=stopped, alerts=False)   # alerts: in their own job, below
        self.cycles += 1
        for line in summary.lines():
            log.info("%s", line)
            self.say(_stamp(line))
        if summary.crawl is not None:
            for health in summary.crawl.failing:
                self.say(_stamp(f"  {health.url}: failing since {health.failing_since:%Y-%m-%d %H:%M} "
                                f"({health.last_error})"))
        if not stopped:
            self.scheduler.modify_job("alerts", jobstore="memory", next_run_time=utcnow())

    def _crawl_in_child(self, sources: list[ConfigSource], refreshes: list[Refresh]) -> jobs.CrawlSummary | None:
        ctx = multiprocessing.get_context("spawn")
        receive, send = ctx.Pipe(duplex=False)
        self.child = ctx.Process(target=_crawl_child, name="threadscout-crawl",
                                 args=(str(self.cfg.file), [*sources, *jobs.refresh_sources(refreshes)],
                                       os.getpid(), send))
        self.child.start()
        send.close()
        summary = None
        asked_at: float | None = None
        try:
            while self.child.is_alive() or receive.poll():
                if receive.poll(0.5):
                    try:
                        summary = receive.recv()
                    except EOFError:
                        break
                if self.stop is not None and self.stop.requested and asked_at is None:
                    asked_at = time.monotonic()
                if asked_at is not None and time.monotonic() - asked_at > CHILD_STOP_WAIT:
                    log.warning("the crawl did not stop in %.0fs: killed (what it saved is kept)", CHILD_STOP_WAIT)
                    self.child.kill()
                    break
            self.child.join(5)
        finally:
            receive.close()
            self.child = None
        return summary


def _crawl_child(config_file: str, sources: list[ConfigSource], parent: int, send: Connection) -> None:
    """A crawl in a process of its own (see the module's docstring)."""
    os.setpgrp()       # Ctrl-C on the terminal reaches the scheduler only; it asks this process to stop

    def watch_parent() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:     # the scheduler is gone: stop as if asked, keeping what was found
                os.kill(os.getpid(), signal.SIGTERM)
                return

    threading.Thread(target=watch_parent, name="threadscout-parent-watch", daemon=True).start()
    summary = jobs.crawl(load_settings(config_file), sources=sources)
    send.send(summary)
    send.close()
    # a normal end: multiprocessing's finalizers release what the crawl's writer process used (Twisted's
    # threads are daemons and do not hold it: crawler.run)


@contextmanager
def _run_log(cfg: Settings) -> Iterator[None]:
    """The scheduler's log (every cycle and evaluation, warnings of the jobs): data folder, logs/run.log."""
    folder = cfg.data_dir / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(folder / "run.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s [%(name)s] %(levelname)s: %(message)s"))
    root, quiet = logging.getLogger(), logging.getLogger("apscheduler")
    root.addHandler(handler)
    previous = root.level, quiet.level
    root.setLevel(logging.INFO)
    quiet.setLevel(logging.WARNING)     # not a line per job run (a thousand sources: a thousand a minute)
    try:
        yield
    finally:
        root.removeHandler(handler)
        root.setLevel(previous[0])
        quiet.setLevel(previous[1])
        handler.close()


def _mtime(cfg: Settings) -> float | None:
    try:
        return os.stat(cfg.file).st_mtime
    except OSError:
        return None


def _stamp(text: str) -> str:
    return f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M:%S} {text}"


def _duration(every: timedelta) -> str:
    seconds = int(every.total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"
