"""`threadscout status`: the scheduler, each source's health and next run, each saved search's alerts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import inspect, text

from threadscout.config.settings import Settings
from threadscout.indexer.db import Store
from threadscout.indexer.schedule import RunningScheduler, Schedule
from threadscout.search import alerts, jobs


@dataclass(frozen=True)
class Status:
    running: RunningScheduler | None          # the scheduler running now
    last: RunningScheduler | None             # else the last one that ran
    sources: list[jobs.SourceHealth]
    next_runs: dict[str, datetime]            # source URL -> the scheduler's next run of it
    searches: list[alerts.SearchStatus]
    conversations: int

    def as_dict(self) -> dict[str, Any]:
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        scheduler: dict[str, Any] = {"running": self.running is not None}
        if self.running is not None:
            scheduler.update(self.running.as_dict())
        elif self.last is not None:
            scheduler["last_stopped"] = iso(self.last.heartbeat_at)
        return {"scheduler": scheduler,
                "sources": [{**h.as_dict(), "next_run": iso(self.next_runs.get(h.url))} for h in self.sources],
                "saved_searches": [s.as_dict() for s in self.searches],
                "conversations": self.conversations}


def status(cfg: Settings) -> Status:
    store = Store(cfg.database_url)
    try:
        schedule = Schedule(store)
        running = schedule.running()
        health = jobs.source_health(cfg, store)
        return Status(running=running, last=None if running else schedule.last_run(), sources=health,
                      next_runs=next_runs(store, [h.url for h in health if h.watched]),
                      searches=alerts.describe(cfg, store), conversations=store.count())
    finally:
        store.close()


def next_runs(store: Store, urls: list[str]) -> dict[str, datetime]:
    """When the scheduler runs each source next, read from its job store's table (APScheduler not loaded)."""
    from threadscout.search.scheduler import JOB_TABLE

    if not inspect(store.engine).has_table(JOB_TABLE):
        return {}
    with store.engine.connect() as con:
        rows = con.execute(text(f"SELECT id, next_run_time FROM {JOB_TABLE}")).all()
    by_id = {job_id: datetime.fromtimestamp(t, timezone.utc) for job_id, t in rows if t is not None}
    from threadscout.search.scheduler import job_id as id_of

    return {url: by_id[id_of(url)] for url in urls if id_of(url) in by_id}
