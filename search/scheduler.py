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
- **Alerts** are evaluated and sent in a job of their own after each crawl, so that a slow channel never holds
  up a crawl; every ``ALERTS_EVERY`` the same job sends what waits (retries, digests) while nothing is crawled.
- **The configuration** is read again when its file changes (and the sources added or removed with `sources`
  are looked up) every ``RESYNC_EVERY``; a file with a mistake is reported and the previous one kept.
- **Stopping.** SIGTERM or Ctrl-C: no new crawl starts, the running one is asked to stop (it keeps and indexes
  what it found), running jobs finish, and the scheduler says it stopped. A second signal quits at once.
"""

from __future__ import annotations

import contextlib
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
from threadscout.crawler.clean import one_line
from threadscout.crawler.run import StopRequest
from threadscout.indexer.db import Store
from threadscout.indexer.models import utcnow
from threadscout.indexer.schedule import Refresh, Schedule
from threadscout.search import jobs
from threadscout.search.alerts import run_alerts
from threadscout.search.output import failing_line

log = logging.getLogger(__name__)

ALERTS_EVERY = 30.0          # seconds between two sendings of what waits (retries, digests)
WAIT = 5.0                   # seconds the loop waits for a source's job before looking for work anyway
CHILD_RETRY_FIRST = 5.0      # seconds before a crawl is tried again after its process failed; doubling ...
CHILD_RETRY_MAX = 300.0      # ... up to this
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
        self.stop: StopRequest | None = None
        self.config_mtime = _mtime(cfg)
        self.scheduler: Any = None
        self.failed_cycles = 0          # crawls in a row whose process failed
        self.retry_at = 0.0             # monotonic: no crawl before (after a failed one)
        self.indexed_since_alerts = True

    # -- running -------------------------------------------------------------------------------------------------
    def run(self) -> int:
        """Run until SIGTERM / SIGINT; returns the exit code (128 + the signal; 1 when it cannot go on)."""
        from apscheduler.executors.pool import ThreadPoolExecutor
        from apscheduler.jobstores.memory import MemoryJobStore
        from apscheduler.schedulers.background import BackgroundScheduler

        with StopRequest() as stop, jobs.claimed(self.schedule) as lost, _run_log(self.cfg):
            self.stop = stop
            stop.on_stop(self.wake.set)
            Daemon.current = self
            self.scheduler = BackgroundScheduler(
                jobstores={"default": _patient_job_store(self.store.engine), "memory": MemoryJobStore()},
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
                self.schedule.plan_refreshes(self.cfg.crawl.every)
                self.say(f"Scheduler running (process {os.getpid()}): {watched}; "
                         f"saved searches evaluated after each crawl. Ctrl-C or SIGTERM stops it.")
                problem = self.loop(lost)
            finally:
                self.scheduler.shutdown(wait=True)
                Daemon.current = None
                self.store.close()
        if problem:
            self.say(f"threadscout: {problem}")
            return 1
        self.say(f"Scheduler stopped ({signal.Signals(stop.signum or signal.SIGTERM).name}); "
                 "everything found was kept.")
        return stop.exit_code

    def loop(self, lost: threading.Event) -> str | None:
        """Crawl what is asked for until stopped; returns why it cannot go on, if that is why it ended."""
        assert self.stop is not None
        while not self.stop.requested:
            self.wake.wait(WAIT)
            self.wake.clear()
            if lost.is_set():
                return "another scheduler took this database over (this one was silent too long); stopping"
            timer = getattr(self.scheduler, "_thread", None)
            if timer is not None and not timer.is_alive():
                return ("the scheduler's timer stopped (see data/logs/run.log); stopping so that it can be "
                        "started again (a service manager restarts it)")
            if not self.stop.requested and time.monotonic() >= self.retry_at and self._work_waiting():
                self.cycle()
        return None

    def _work_waiting(self) -> bool:
        """A cheap look (reads only) before a cycle: a source asked for, or a conversation due for a refresh."""
        return bool(self.schedule.requested()) or bool(self.schedule.due_refreshes(limit=1))

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
            jitter = min(every.total_seconds() * JITTER_SHARE, JITTER_MAX)
            # APScheduler 3 adds 0 to ``jitter`` seconds to each run: half of it off the interval keeps the
            # interval ``every`` on average
            interval = every - timedelta(seconds=jitter / 2)
            job = existing.get(jid)
            if job is not None and abs(job.trigger.interval - interval) < timedelta(milliseconds=1):
                continue
            h = health.get(source.url)
            first = max(now, h.next_due) if h is not None and h.next_due is not None else now
            self.scheduler.add_job(source_due, IntervalTrigger(seconds=interval.total_seconds(), jitter=jitter,
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
        """Evaluate the saved searches when something was crawled since; send what waits (retries, digests)."""
        evaluate, self.indexed_since_alerts = self.indexed_since_alerts, False
        summary = run_alerts(self.cfg, store=self.store, evaluate=evaluate,
                             stop=lambda: self.stop is not None and self.stop.requested)
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
        summary.crawl, problem = self._crawl_in_child(sources, refreshes)
        stopped = self.stop is not None and self.stop.requested
        if summary.crawl is None:     # the crawl's process failed: its sources stay asked for, tried again later
            self.failed_cycles += 1
            wait = min(CHILD_RETRY_MAX, CHILD_RETRY_FIRST * 2 ** (self.failed_cycles - 1))
            self.retry_at = time.monotonic() + wait
            if not stopped:
                self.say(_stamp(f"threadscout: the crawl failed ({problem}); trying again in {wait:.0f}s "
                                "(details in data/logs/run.log)"))
            return
        self.failed_cycles = 0
        summary.crawl.sources = len(sources)
        jobs.finish_cycle(self.cfg, self.store, self.schedule, summary, [s.url for s in sources], refreshes,
                          started, stopped=stopped, alerts=False)   # alerts: in their own job, below
        self.indexed_since_alerts = True
        for line in summary.lines():
            log.info("%s", line)
            self.say(_stamp(line))
        for warning in summary.crawl.warnings:
            self.say(_stamp(f"threadscout: warning: {warning}"))
        crawled = {s.url for s in sources}
        for health in summary.crawl.failing:        # those of this crawl (not every failing one, every cycle)
            if health.url in crawled:
                self.say(_stamp("  " + failing_line(health)))
        if not stopped:
            self.scheduler.modify_job("alerts", jobstore="memory", next_run_time=utcnow())

    def _crawl_in_child(self, sources: list[ConfigSource], refreshes: list[Refresh]
                        ) -> tuple[jobs.CrawlSummary | None, str]:
        """Run the crawl in a child process; returns its summary, or None and why it failed. When the scheduler
        is asked to stop, the child is asked once (SIGTERM), and killed if it has not stopped in
        ``CHILD_STOP_WAIT`` seconds (what it saved is kept)."""
        ctx = multiprocessing.get_context("spawn")
        receive, send = ctx.Pipe(duplex=False)
        child = ctx.Process(target=_crawl_child, name="threadscout-crawl",
                            args=(self.cfg, [*sources, *jobs.refresh_sources(refreshes)], os.getpid(), send))
        child.start()
        log.info("crawl process %s started: %d sources, %d active conversations", child.pid, len(sources),
                 len(refreshes))
        send.close()
        result: Any = None
        asked_at: float | None = None
        try:
            while child.is_alive() or receive.poll():
                if receive.poll(0.5):
                    try:
                        result = receive.recv()
                    except EOFError:
                        break
                if self.stop is not None and self.stop.requested and asked_at is None and child.pid:
                    asked_at = time.monotonic()
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(child.pid, signal.SIGTERM)
                if asked_at is not None and time.monotonic() - asked_at > CHILD_STOP_WAIT:
                    log.warning("the crawl did not stop in %.0fs: killed (what it saved is kept)", CHILD_STOP_WAIT)
                    self.say(_stamp(f"threadscout: the crawl did not stop in {CHILD_STOP_WAIT:.0f}s: killed "
                                    "(what it saved is kept)"))
                    child.kill()
                    break
            child.join(5)
        finally:
            receive.close()
        if isinstance(result, jobs.CrawlSummary):
            return result, ""
        problem = str(result) if result else f"its process ended with exit code {child.exitcode}"
        log.error("crawl process %s failed: %s", child.pid, problem)
        return None, problem


def _crawl_child(cfg: Settings, sources: list[ConfigSource], parent: int, send: Connection) -> None:
    """A crawl in a process of its own (see the module's docstring): sends back its summary, or why it failed.
    When the scheduler is gone (killed), the crawl stops as if asked, keeps what it found, and says so in one line
    of the crawl's log (data/logs/crawl.log): there is no one left to send the summary to."""
    os.setpgrp()       # Ctrl-C on the terminal reaches the scheduler only; it asks this process to stop
    done, orphaned = threading.Event(), threading.Event()

    with StopRequest() as stop:
        def watch_parent() -> None:
            while not done.wait(0.5):
                if os.getppid() != parent:     # the scheduler is gone: stop as if asked, keeping what was found
                    orphaned.set()
                    stop.request(signal.SIGTERM, f"the scheduler (process {parent}) is gone: the crawl stops, "
                                                 "keeping what it found")
                    return

        threading.Thread(target=watch_parent, name="threadscout-parent-watch", daemon=True).start()
        try:
            outcome: object = jobs.crawl(cfg, sources=sources, stop=stop)
        except Exception as exc:  # noqa: BLE001 - told to the scheduler, which says it and tries again later
            if orphaned.is_set():              # no one to tell but the log: one line
                logging.getLogger(__name__).warning("the crawl failed: %s", one_line(str(exc))[:500])
            else:
                logging.getLogger(__name__).exception("the crawl failed")
            outcome = f"{exc.__class__.__name__}: {one_line(str(exc))[:500]}"
        finally:
            done.set()                         # the watch ends
    with contextlib.suppress(OSError):         # BrokenPipeError: the scheduler is gone, said above
        send.send(outcome)
    with contextlib.suppress(OSError):
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


def _patient_job_store(engine: Any) -> Any:
    """APScheduler's SQLAlchemy job store, made patient: its scheduler thread does not survive an exception from
    the store (``get_due_jobs`` excepted), and a busy SQLite file (a crawl writing) or a dropped PostgreSQL
    connection would end it. These calls are tried three times; then the next wake-up is in 5 s, and a job's
    update is logged (the job runs again and writes anew)."""
    from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
    from sqlalchemy.exc import SQLAlchemyError

    def patient(name: str, fallback: Callable[..., Any]) -> Callable[..., Any]:
        method = getattr(SQLAlchemyJobStore, name)

        def call(self: Any, *args: Any) -> Any:
            for attempt in range(3):
                try:
                    return method(self, *args)
                except SQLAlchemyError as exc:
                    log.warning("the job store: %s failed (%s)%s", name, one_line(str(exc))[:200],
                                "; trying again" if attempt < 2 else "")
                    time.sleep(1.0 + attempt)
            return fallback(*args)

        return call

    in_a_while = lambda *_: datetime.now(timezone.utc) + timedelta(seconds=5)  # noqa: E731
    store_class = type("PatientJobStore", (SQLAlchemyJobStore,), {
        "get_next_run_time": patient("get_next_run_time", in_a_while),
        "update_job": patient("update_job", lambda *_: None),
    })
    return store_class(engine=engine, tablename=JOB_TABLE)


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
