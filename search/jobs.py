"""The work behind the commands: crawl, index, reindex. Each returns a summary; none prints.

Scrapy is imported inside ``crawl`` only, so that searching never pays for it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from threadscout.config.errors import AlreadyRunningError, ConfigError, NotFoundError, UsageError
from threadscout.config.settings import SOURCE_KINDS, Settings, contact_problem, url_problem
from threadscout.config.settings import Source as ConfigSource
from threadscout.crawler.urls import canonical_url
from threadscout.crawler.run import StopRequest, run_crawl
from threadscout.indexer import sync
from threadscout.indexer.beside import Beside
from threadscout.indexer.db import Store
from threadscout.indexer.index import IndexBusyError, SearchIndex
from threadscout.search.query import open_index
from threadscout.indexer.models import MAX_SERVER_WAIT, Source, utcnow
from threadscout.indexer.schedule import HEARTBEAT, Refresh, Schedule
from threadscout.indexer.schedule import cut_short as was_cut_short
from threadscout.search.alerts import AlertSummary, run_alerts
from threadscout.search.progress import counts_text, plural


@dataclass(frozen=True)
class SourceHealth:
    """One source as `threadscout sources` shows it."""

    url: str
    kind: str | None
    origin: str                    # "config" (the file), "added" (`sources add`) or "none" (no longer watched)
    every: timedelta
    last_crawl: datetime | None
    last_success: datetime | None
    next_due: datetime | None      # None: due now (never tried)
    failures: int
    failing_since: datetime | None
    last_error: str | None
    error_kind: str | None
    feeds: tuple[str, ...] = ()
    cut_short: datetime | None = None   # a crawl of it began then and never finished (stopped, killed)
    crawling_since: datetime | None = None   # a crawl of it began then and its process still runs
    asked_to_wait_until: datetime | None = None   # the site's Retry-After (clamped to a week)
    asked_wait: float | None = None               # seconds, as the site asked
    capped: str | None = None                     # what a limit left out in its last crawl, in words
    platform_note: str | None = None              # what a platform says of our standing (quota left)

    @property
    def wait_clamped(self) -> bool:
        return self.asked_wait is not None and self.asked_wait > MAX_SERVER_WAIT.total_seconds()

    @property
    def watched(self) -> bool:
        return self.origin != "none"

    def as_dict(self) -> dict[str, Any]:
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {"url": self.url, "kind": self.kind, "watched": self.watched, "origin": self.origin,
                "every": int(self.every.total_seconds()), "last_crawl": iso(self.last_crawl),
                "last_success": iso(self.last_success), "next_due": iso(self.next_due), "failures": self.failures,
                "failing_since": iso(self.failing_since), "last_error": self.last_error,
                "error_kind": self.error_kind, "feeds": list(self.feeds), "cut_short": iso(self.cut_short),
                "crawling_since": iso(self.crawling_since),
                "asked_to_wait_until": iso(self.asked_to_wait_until), "asked_wait_seconds": self.asked_wait,
                "wait_clamped": self.wait_clamped, "capped": self.capped, "platform_note": self.platform_note}


@dataclass
class CrawlSummary:
    sources: int
    pages: int = 0
    new: int = 0
    updated: int = 0
    errors: int = 0
    not_modified: int = 0
    robots_forbidden: int = 0
    indexed: int = 0
    seconds: float = 0.0
    finish_reason: str = ""
    failing: list[SourceHealth] = field(default_factory=list)   # every configured source failing now
    warnings: list[str] = field(default_factory=list)
    stopped_by: int | None = None     # the signal that stopped the crawl
    capped: list[SourceHealth] = field(default_factory=list)    # sources a limit capped in this crawl
    memory_limit: int | None = None   # bytes: the crawl was stopped by [crawl] max_memory
    exit_code: int = 0

    @property
    def nothing_fetched(self) -> bool:
        return self.sources > 0 and self.pages == 0 and self.stopped_by is None

    def line(self) -> str:
        text = counts_text({"pages": self.pages, "new": self.new, "updated": self.updated, "errors": self.errors})
        extra = []
        if self.not_modified:
            extra.append(f"{self.not_modified} unchanged (304)")
        if self.robots_forbidden:
            extra.append(f"{self.robots_forbidden} forbidden by robots.txt")
        if self.capped:
            extra.append(f"{plural(len(self.capped), 'source')} capped")
        verb = "Stopped after crawling" if self.stopped_by else "Crawled"
        return (f"{verb} {plural(self.sources, 'source')}: " + ", ".join([text, *extra])
                + f" in {self.seconds:.1f}s")


def open_store(cfg: Settings) -> Store:
    return Store(cfg.database_url)


def watched_sources(cfg: Settings, store: Store) -> list[ConfigSource]:
    """The configuration's sources, then those added with `threadscout sources add`."""
    configured = {s.url for s in cfg.sources}
    added = [ConfigSource(url=row.url, kind=row.kind if row.kind in SOURCE_KINDS else None)  # type: ignore[arg-type]
             for row in store.sources() if row.added and row.url not in configured]
    return [*cfg.sources, *added]


def source_health(cfg: Settings, store: Store) -> list[SourceHealth]:
    """Every watched source (configured, then added), then every stored one no longer watched, with its health."""
    rows = {row.url: row for row in store.sources()}
    configured = {s.url for s in cfg.sources}
    health = []
    for source in watched_sources(cfg, store):
        every = source.every or cfg.crawl.every
        origin = "config" if source.url in configured else "added"
        health.append(_health(source.url, source.kind, origin, every, rows.pop(source.url, None)))
    for url, row in rows.items():
        health.append(_health(url, row.kind, "none", cfg.crawl.every, row))
    return health


def add_source(cfg: Settings, url: str, kind: str | None) -> str:
    """Start watching ``url``; returns what happened, in words. The configuration file is never rewritten."""
    problem = url_problem(url)
    if problem:
        raise UsageError(problem)
    if kind == "query" and "{q}" not in url:
        raise UsageError("a query source needs {q} in its URL, where the keyword goes")
    same = _same_source(url, [s.url for s in cfg.sources])
    if same:
        return f"{url} is already watched: it is in {cfg.file} as {same}"
    store = open_store(cfg)
    try:
        same = _same_source(url, [row.url for row in store.sources() if row.added])
        if same or not store.add_source(url, kind):
            return f"{url} is already watched" + (f" (as {same})" if same and same != url else "")
    finally:
        store.close()
    return f"Watching {url} from now on: the next `threadscout crawl` reads it."


def _same_source(url: str, known: list[str]) -> str | None:
    """The known source that ``url`` names, written another way (case, default port, trailing slash ...)."""
    def key(u: str) -> str:
        try:
            return canonical_url(u).rstrip("/")
        except ValueError:
            return u
    wanted = key(url)
    return next((k for k in known if key(k) == wanted), None)


def remove_source(cfg: Settings, url: str) -> str:
    """Stop watching a source added with `sources add`; what it found is kept."""
    if _same_source(url, [s.url for s in cfg.sources]):
        raise UsageError(f"{url} is listed in {cfg.file}: remove it there (threadscout never rewrites that file)")
    store = open_store(cfg)
    try:
        url = _same_source(url, [row.url for row in store.sources() if row.added]) or url
        if not store.stop_source(url):
            raise UsageError(f"{url} is not a watched source (see `threadscout sources`)")
    finally:
        store.close()
    return f"No longer watching {url}; the conversations found there are kept."


def _health(url: str, kind: str | None, origin: str, every: timedelta, row: Source | None) -> SourceHealth:
    if row is None:
        return SourceHealth(url, kind, origin, every, None, None, None, 0, None, None, None)
    cut_short = row.crawl_began_at if was_cut_short(row) else None
    under_way = row.crawl_began_at if cut_short is None else None
    due = row.next_due(every) if origin != "none" else None
    if due is not None and cut_short is not None and _may_ask(row, utcnow()):   # due now: the next crawl reads
        due = min(due, cut_short)                                                 # what it did not reach
    return SourceHealth(url=url, kind=row.kind or kind, origin=origin, every=every,
                        last_crawl=row.last_crawled_at, last_success=row.last_ok_at, next_due=due,
                        failures=row.failures or 0, failing_since=row.failing_since, last_error=row.last_error,
                        error_kind=row.last_error_kind, feeds=tuple(row.feeds or ()), cut_short=cut_short,
                        crawling_since=under_way,
                        asked_to_wait_until=row.not_before, asked_wait=row.asked_wait, capped=row.capped,
                        platform_note=row.platform_note)


def crawl(cfg: Settings, *, all_sources: bool = False, on_counts: Callable[[dict[str, int]], None] | None = None,
          on_indexed: Callable[[int], None] | None = None, log_level: str = "INFO", echo_log: bool = False,
          stop: StopRequest | None = None, sources: list[ConfigSource] | None = None) -> CrawlSummary:
    """Crawl the due sources (or all, or these ``sources``) into the store, then bring the index up to date.

    SIGINT / SIGTERM stop it early: what was stored is indexed and the summary says so (``stopped_by``).
    Runs Scrapy's reactor in this process: call it once per process (the scheduler uses a child process).

    Without ``sources`` (`threadscout crawl`), the sources it crawls are marked begun (``Schedule.begin``) until
    it finishes: one stopped or killed meanwhile is due for the next crawl, read again in full (no conditional
    GET), and `sources` says it was cut short. With ``sources`` (`run`), the caller does that.
    """
    if stop is None:
        with StopRequest() as own:
            return crawl(cfg, all_sources=all_sources, on_counts=on_counts, on_indexed=on_indexed,
                         log_level=log_level, echo_log=echo_log, stop=own, sources=sources)
    started = time.monotonic()
    store = open_store(cfg)
    try:
        if sources is None:
            watched = watched_sources(cfg, store)
            if not watched:
                raise ConfigError(str(cfg.file), "source", "no sources: add at least one [[source]] with a url "
                                                           "(or run `threadscout sources add URL`)")
            sources = _by_hand(store, watched, cfg, all_sources)
            begun = [s.url for s in sources]
        else:
            begun = []
        schedule, began = Schedule(store), utcnow()
        if begun:
            schedule.begin(begun, began)
        summary = CrawlSummary(sources=len(sources))
        problem = contact_problem(cfg.crawl)
        if problem:
            summary.warnings.append(problem)
        if sources:
            log_dir = cfg.data_dir / "logs"
            log_dir.mkdir(parents=True, exist_ok=True)
            # saving and indexing in a process beside the crawl's (indexer/beside.py)
            beside = Beside(cfg.database_url, cfg.index_dir, log_dir / "crawl.log", cfg.mission.language).start()
            try:
                result = run_crawl(cfg, sources, stop=stop, log_file=log_dir / "crawl.log", log_level=log_level,
                                   echo_log=echo_log, on_counts=on_counts, writer=beside)
            finally:      # the rest indexed there, then anything it left here (the store is the truth)
                summary.indexed = beside.finish(on_indexed, timeout=None if not stop.requested else 60)
            c = result.counts
            summary.pages, summary.new, summary.updated, summary.errors = (c["pages"], c["new"], c["updated"],
                                                                          c["errors"])
            summary.not_modified = int(result.stats.get("threadscout/not_modified", 0))
            summary.robots_forbidden = int(result.stats.get("threadscout/robots_forbidden", 0))
            summary.finish_reason = result.finish_reason
        health = source_health(cfg, store)
        summary.failing = [h for h in health if h.watched and h.failures]
        crawled = {s.url for s in sources}
        summary.capped = [h for h in health if h.capped and h.url in crawled]
        if summary.finish_reason == "memusage_exceeded":
            summary.memory_limit = cfg.crawl.max_memory
        try:
            summary.indexed += index(cfg, store=store, progress=on_indexed)  # a stopped crawl too: keep it all
        except IndexBusyError as exc:     # another crawl or `run` is writing it: nothing is lost, only later
            summary.warnings.append(f"{exc}: what was found is saved and the next crawl (or `run`) indexes it")
        if stop.requested:
            summary.stopped_by = stop.signum
            summary.exit_code = stop.exit_code
        elif begun and not summary.memory_limit:     # stopped by its memory limit: cut short too
            schedule.crawled(begun, began)
        summary.seconds = time.monotonic() - started
        return summary
    finally:
        store.close()


def _by_hand(store: Store, watched: list[ConfigSource], cfg: Settings, all_sources: bool) -> list[ConfigSource]:
    """What `threadscout crawl` reads: every watched source (``--all``) or those due, and those whose last crawl
    was cut short (``schedule.cut_short``), these in full, without conditional GET."""
    now = utcnow()
    rows = store.sources()
    unfinished = {row.url for row in rows if was_cut_short(row)}
    due = {s.url for s in store.due_sources(watched, cfg.crawl.every, now)} | {
        row.url for row in rows if row.url in unfinished and _may_ask(row, now)}
    return [replace(s, fresh=True) if s.url in unfinished else s for s in watched if all_sources or s.url in due]


def _resumable(row: Source, now: datetime) -> bool:
    """A source whose last crawl was cut short is due at once, unless its site asked us to wait (Retry-After)."""
    return was_cut_short(row) and _may_ask(row, now)


def _may_ask(row: Source, now: datetime) -> bool:
    """Its site did not ask us to wait (Retry-After) past ``now``."""
    return not (row.not_before and row.not_before > now)


def index(cfg: Settings, *, store: Store | None = None, progress: Callable[[int], None] | None = None) -> int:
    """Bring the index up to date with the store; returns how many conversations were written."""
    own = store is None
    store = store or open_store(cfg)
    try:
        return sync.sync(store, open_index(cfg), progress)
    finally:
        if own:
            store.close()


def reindex(cfg: Settings, *, progress: Callable[[int], None] | None = None) -> int:
    """Rebuild the index from the store, which is the source of truth."""
    store = open_store(cfg)
    try:
        return sync.rebuild(store, open_index(cfg), progress)
    finally:
        store.close()


MARK_WAIT = 5.0     # seconds `mark` waits for the index's writer before leaving it to the next sync


# -- taking part --------------------------------------------------------------------------------------------------
def mark(cfg: Settings, url: str, state: str, by: str | None = None, note: str | None = None) -> str:
    """Set a conversation's state (new, claimed, answered, skipped) with who and a note; says what was done."""
    from threadscout.indexer.reading import STATES
    from threadscout.search.query import url_variants

    if state not in STATES:
        raise UsageError(f"{state!r} is not a state: use one of {', '.join(STATES)}")
    store = open_store(cfg)
    try:
        conv = None
        for candidate in url_variants(url):
            conv = store.mark(candidate, state, by.strip() if by else None, note)
            if conv is not None:
                break
        if conv is None:
            raise NotFoundError(f"no conversation at {url} in the store; try `threadscout search` to find its URL")
        quick = SearchIndex(cfg.index_dir, language=cfg.mission.language, lock_timeout=MARK_WAIT)
        indexed = sync.index_one(store, quick, conv.url)
        later = "" if indexed else " (search finds it as such after the next crawl or `run`: the index is busy)"
    finally:
        store.close()
    who = f" by {by.strip()}" if by and state != "new" else ""
    return f"{conv.url} is {state}{who}{later}."


# -- `threadscout run`: one cycle ---------------------------------------------------------------------------------
@dataclass
class CycleSummary:
    """One cycle of `threadscout run`: the crawl of the sources due (and of the active conversations due for a
    refresh), then the saved searches' alerts."""

    crawl: CrawlSummary | None = None
    refreshed: int = 0            # active conversations re-read on their own schedule
    moved: int = 0                # of which had new replies
    alerts: AlertSummary | None = None

    def lines(self) -> list[str]:
        lines = []
        if self.crawl is not None:
            line = self.crawl.line()
            if self.refreshed and not self.crawl.sources:
                line = line.replace(f"Crawled {plural(0, 'source')}:",
                                    f"Re-read {plural(self.refreshed, 'active conversation')}:", 1)
                line += f"; {self.moved} with new replies"
            elif self.refreshed:
                line += (f"; {plural(self.refreshed, 'active conversation')} re-read, "
                         f"{self.moved} with new replies")
            lines.append(line)
        if self.alerts is not None and self.alerts.searches:
            lines.append(self.alerts.line())
        return lines


def due_work(cfg: Settings, store: Store, schedule: Schedule, *, requested_only: bool = False
             ) -> tuple[list[ConfigSource], list[Refresh]]:
    """What a cycle crawls: the watched sources asked for by their interval (and, unless ``requested_only``, any
    other source due by its last crawl or whose last crawl was cut short), and the active conversations due for
    a refresh."""
    watched = watched_sources(cfg, store)
    rows = {row.url: row for row in store.sources()}
    requested = {url for url, row in rows.items() if row.requested_at is not None}
    unfinished = {url for url, row in rows.items() if row.crawl_began_at is not None}   # see Schedule.begin
    now = utcnow()
    due = set() if requested_only else ({s.url for s in store.due_sources(watched, cfg.crawl.every)}
                                        | {url for url, row in rows.items() if _resumable(row, now)})

    def backed_off(s: ConfigSource) -> bool:
        """A source failing again and again, or asked by its site to wait (Retry-After), waits out its back-off
        even when its interval came round (its request is kept until then)."""
        row = rows.get(s.url)
        if row is None or ((row.failures or 0) < 2 and not (row.not_before and row.not_before > now)):
            return False
        return not row.is_due(s.every or cfg.crawl.every, now)

    sources = [replace(s, fresh=s.url in unfinished) for s in watched
               if (s.url in requested and not backed_off(s)) or s.url in due]
    watched_urls = {s.url for s in sources}
    refreshes = [r for r in schedule.due_refreshes() if r.target not in watched_urls]
    return sources, refreshes


def refresh_sources(refreshes: list[Refresh]) -> list[ConfigSource]:
    return [ConfigSource(url=r.source, kind=r.platform, refresh_of=r.url, thread=r.thread)  # type: ignore[arg-type]
            if r.platform and r.source else
            ConfigSource(url=r.target, kind="feed" if r.is_feed else "site", refresh_of=r.url) for r in refreshes]


def run_once(cfg: Settings, *, on_counts: Callable[[dict[str, int]], None] | None = None,
             on_indexed: Callable[[int], None] | None = None, stop: StopRequest | None = None) -> CycleSummary:
    """`threadscout run --once`: crawl every due source and active conversation, index, evaluate the saved
    searches and send their alerts, in this process. Refuses while another scheduler runs on the database."""
    if stop is None:
        with StopRequest() as own:
            return run_once(cfg, on_counts=on_counts, on_indexed=on_indexed, stop=own)
    store = open_store(cfg)
    schedule = Schedule(store)
    try:
        with claimed(schedule, once=True):
            if not watched_sources(cfg, store):
                raise ConfigError(str(cfg.file), "source", "no sources: add at least one [[source]] with a url "
                                                           "(or run `threadscout sources add URL`)")
            schedule.plan_refreshes(cfg.crawl.every)
            sources, refreshes = due_work(cfg, store, schedule)
            started = utcnow()
            schedule.begin([s.url for s in sources], started)
            summary = CycleSummary(refreshed=len(refreshes))
            summary.crawl = crawl(cfg, sources=[*sources, *refresh_sources(refreshes)], stop=stop,
                                  on_counts=on_counts, on_indexed=on_indexed)
            summary.crawl.sources = len(sources)
            finish_cycle(cfg, store, schedule, summary, [s.url for s in sources], refreshes, started,
                         stopped=stop.requested)
            return summary
    finally:
        store.close()


def finish_cycle(cfg: Settings, store: Store, schedule: Schedule, summary: CycleSummary, urls: list[str],
                 refreshes: list[Refresh], started: datetime, *, stopped: bool, alerts: bool = True) -> None:
    """After a cycle's crawl: its sources' requests are done (unless it was stopped: a next run does them
    again), the refreshed conversations' intervals adapt, and the saved searches are evaluated."""
    if stopped or (summary.crawl is not None and summary.crawl.memory_limit):   # done again next time
        return
    schedule.crawled(urls, started)
    summary.moved = schedule.refreshed(refreshes, cfg.crawl.every)
    schedule.plan_refreshes(cfg.crawl.every)
    if alerts:
        summary.alerts = run_alerts(cfg, store=store)


@contextmanager
def claimed(schedule: Schedule, *, once: bool = False) -> Iterator[threading.Event]:
    """Be the one scheduler of the database while the block runs, with a heartbeat; raises
    ``AlreadyRunningError`` when another one runs. Yields an event set if the claim is lost (taken over by
    another scheduler after this one was silent too long): the holder should stop."""
    run_id, other = schedule.claim(once=once)
    if run_id is None:
        assert other is not None
        what = "`threadscout run --once`" if other.once else "a scheduler (`threadscout run`)"
        raise AlreadyRunningError(f"{what} is already running on this database: process {other.pid} on "
                                  f"{other.host}, since {other.started_at:%Y-%m-%d %H:%M:%S} UTC; "
                                  "stop it first, or let it do the work")
    stopping, lost = threading.Event(), threading.Event()

    def beat() -> None:
        while not stopping.wait(HEARTBEAT.total_seconds()):
            try:
                if not schedule.beat(run_id):
                    logging.getLogger(__name__).error("another scheduler took this database over")
                    lost.set()
                    return
            except Exception:  # noqa: BLE001 - a busy database: the next beat will do
                logging.getLogger(__name__).warning("scheduler heartbeat not recorded", exc_info=True)

    beating = threading.Thread(target=beat, name="threadscout-heartbeat", daemon=True)
    beating.start()
    try:
        yield lost
    finally:
        stopping.set()
        beating.join(5)
        schedule.release(run_id)
