"""`threadscout run` as a real long-running process: sources refreshed on their interval, other commands working
beside it, stopped by SIGTERM with the store intact, killed with -9 and restarted without losing anything."""

from __future__ import annotations

import json
import re
import signal
import sqlite3
import subprocess
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, cli_command, cli_env, run_cli, write_config
from receivers import LivingBlog, Webhook

NOW = datetime.now(timezone.utc)


class Daemon:
    """`threadscout run` in a child process, its output in a file."""

    def __init__(self, config: Path, log: Path) -> None:
        self.log = log
        self.out = log.open("w", encoding="utf-8")
        self.proc = subprocess.Popen(cli_command("run", config=config), stdout=self.out, stderr=subprocess.STDOUT,
                                     env=cli_env(), cwd=ROOT)

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 20.0) -> tuple[int, float]:
        started = time.monotonic()
        self.proc.send_signal(sig)
        code = self.proc.wait(timeout)
        self.out.close()
        return code, time.monotonic() - started

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        self.out.close()


@pytest.fixture
def daemons() -> Iterator[list[Daemon]]:
    started: list[Daemon] = []
    yield started
    for daemon in started:
        daemon.close()


def wait_for(check: Callable[[], bool], what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError(f"waited {timeout:.0f}s for {what}")


def stored(folder: Path, sql: str = "SELECT count(*) FROM conversations") -> int:
    db = folder / "data" / "threadscout.db"
    if not db.exists():
        return 0
    with sqlite3.connect(db, timeout=30) as con:
        try:
            return int(con.execute(sql).fetchone()[0])
        except sqlite3.OperationalError:     # the tables are being made
            return 0


def crawl_process(folder: Path) -> int:
    """The process of the last crawl the scheduler started (named in its log)."""
    found = re.findall(r"crawl process (\d+) started", (folder / "data" / "logs" / "run.log").read_text())
    assert found, "no crawl process in the scheduler's log"
    return int(found[-1])


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"        # a zombie waits for its parent: it has stopped


def with_search(config: Path, hook: Webhook) -> None:
    with config.open("a", encoding="utf-8") as f:
        f.write(f'\n[[saved_search]]\nname = "literacy"\nquery = "literacy"\nnotify = ["{hook.url}"]\n')


def test_run_keeps_sources_fresh_beside_other_commands_and_stops_cleanly(tmp_path, daemons):
    blog = LivingBlog(tmp_path / "site")
    hook = Webhook()
    try:
        blog.add_post(1, "Adult literacy circle", "An adult literacy reading circle.", NOW - timedelta(hours=2))
        config = write_config(tmp_path, [{"url": blog.feed, "every": "2s"}])
        with_search(config, hook)
        with blog.server.recording() as requests:
            daemon = Daemon(config, tmp_path / "run.log")
            daemons.append(daemon)
            wait_for(lambda: requests.paths().count("/feed/") >= 3, "three fetches of the feed")
            times = [t for (path, _), t in zip(requests, requests.times) if path == "/feed/"]
            assert all(b - a >= 1.0 for a, b in zip(times, times[1:])), times      # its interval, not a loop

            blog.add_post(2, "Adult literacy evening classes", "Adult literacy classes in the evening.",
                          datetime.now(timezone.utc))
            wait_for(lambda: len(hook.received) >= 2, "the alert for the new post")

            found = run_cli("search", "literacy", "--json", config=config)          # searching works beside it
            assert found.returncode == 0, found.stderr
            assert {r["url"] for r in json.loads(found.stdout)} == {blog.post_url(1), blog.post_url(2)}
            manual = run_cli("crawl", "--all", config=config)                        # so does a manual crawl
            assert manual.returncode == 0 and "Traceback" not in manual.stderr, manual.stderr
            assert "Lock" not in manual.stderr

            second = run_cli("run", config=config)                                   # one scheduler per database
            assert second.returncode == 1 and f"process {daemon.proc.pid}" in second.stderr, second.stderr
            once = run_cli("run", "--once", config=config)
            assert once.returncode == 1 and "already running" in once.stderr
            status = json.loads(run_cli("status", "--json", config=config, check=True).stdout)
            assert status["scheduler"]["running"] and status["scheduler"]["pid"] == daemon.proc.pid
            assert status["sources"][0]["next_run"] is not None
            assert status["saved_searches"][0]["messages"] == 2

            code, seconds = daemon.stop(signal.SIGTERM)
        assert code == 143 and seconds < 20, (code, seconds, daemon.output())
        assert "Scheduler stopped" in daemon.output()
        assert sorted(hook.titles()) == ["[threadscout] New conversation: Adult literacy circle",
                                         "[threadscout] New conversation: Adult literacy evening classes"]
        with sqlite3.connect(tmp_path / "data" / "threadscout.db") as con:
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        status = json.loads(run_cli("status", "--json", config=config, check=True).stdout)
        assert not status["scheduler"]["running"]
        assert run_cli("run", "--once", config=config).returncode == 0      # the database is free again
    finally:
        blog.stop()
        hook.stop()


def test_a_killed_run_loses_nothing_and_a_restart_finishes_the_work(tmp_path, daemons):
    posts = 24
    blog = LivingBlog(tmp_path / "site", delay=0.25)
    try:
        for n in range(1, posts + 1):
            blog.add_post(n, f"Adult literacy story {n}", f"Story {n} about adult literacy.",
                          NOW - timedelta(hours=n), write=False)
            blog.add_comment(n, f"Reader {n}", f"Thanks for story {n}.", NOW - timedelta(minutes=n), write=False)
        blog.write()
        # an interval of an hour: only the request the killed run left can bring the source back this soon
        config = write_config(tmp_path, [{"url": blog.feed, "every": "1h"}], crawl={"concurrency_per_site": 1})
        first = Daemon(config, tmp_path / "run1.log")
        daemons.append(first)
        wait_for(lambda: stored(tmp_path, "SELECT count(*) FROM replies") >= 3, "the first replies stored")
        first.proc.kill()                    # kill -9 in the middle of the crawl
        first.proc.wait(10)
        assert stored(tmp_path, "SELECT count(*) FROM replies") < posts, "the crawl finished before the kill"
        crawler = crawl_process(tmp_path)    # the orphaned crawl notices, and stops keeping what it found
        wait_for(lambda: not alive(crawler), f"the orphaned crawl process {crawler} to stop", timeout=30)

        second = Daemon(config, tmp_path / "run2.log")
        daemons.append(second)
        wait_for(lambda: stored(tmp_path, "SELECT count(*) FROM replies") == posts, "every reply", timeout=120)
        wait_for(lambda: stored(tmp_path, "SELECT count(*) FROM conversations WHERE indexed_at = updated_at")
                 == posts, "everything indexed")
        code, _ = second.stop()
        assert code == 143, second.output()
        found = json.loads(run_cli("search", "literacy", "--json", "--limit", "100", config=config,
                                   check=True).stdout)
        assert len(found) == posts and all(r["n_replies"] == 1 for r in found)
    finally:
        blog.stop()


def test_missed_runs_are_done_once_and_failing_sources_back_off(tmp_path, lab_web, daemons):
    blog = LivingBlog(tmp_path / "site")
    try:
        blog.add_post(1, "Adult literacy notes", "Notes on adult literacy.", NOW - timedelta(hours=1))
        failing = f"{lab_web.base}/status/503"
        config = write_config(tmp_path, [{"url": blog.feed, "every": "1s"}, {"url": failing, "every": "1s"}])
        daemon = Daemon(config, tmp_path / "run1.log")
        daemons.append(daemon)
        with lab_web.recording() as lab, blog.server.recording() as healthy:
            wait_for(lambda: stored(tmp_path) >= 1, "the first crawl")
            time.sleep(20)
            daemon.stop()

        def gaps(log: Any, path: str) -> list[float]:
            times = [t for (p, _), t in zip(log, log.times) if p == path]
            return [b - a for a, b in zip(times, times[1:])]

        # the failing source is tried again at once, then after 1 s, 2 s, 4 s ...: its waits grow past 4 s, while
        # the healthy one is crawled on every cycle (a crawl process takes about 2 s here)
        failing_gaps, healthy_gaps = gaps(lab, "/robots.txt"), gaps(healthy, "/feed/")
        assert max(failing_gaps) >= 3.5 and len(healthy_gaps) > len(failing_gaps), (failing_gaps, healthy_gaps)

        time.sleep(5)                                 # five intervals missed while stopped ...
        with blog.server.recording() as requests:
            again = Daemon(config, tmp_path / "run2.log")
            daemons.append(again)
            wait_for(lambda: "/feed/" in requests.paths(), "the first fetch after the restart")
            first_fetch = time.monotonic()
            time.sleep(5)
            fetches = [t for (p, _), t in zip(requests, requests.times) if p == "/feed/"]
            # ... are done once (five runs would be five crawls in a row), then the interval goes on
            assert len(fetches) <= 3 and all(b - a >= 1.0 for a, b in zip(fetches, fetches[1:])), \
                [t - first_fetch for t in fetches]
            again.stop()
    finally:
        blog.stop()


def test_active_conversations_are_re_read_on_their_own_schedule(tmp_path, daemons):
    blog = LivingBlog(tmp_path / "site")
    hook = Webhook()
    try:
        blog.add_post(1, "Adult literacy at the library", "Adult literacy help.", NOW - timedelta(hours=3))
        blog.add_comment(1, "Gil", "Great idea.", NOW - timedelta(hours=1))
        # the source's listing is read once an hour; active conversations start at half of [crawl] every
        config = write_config(tmp_path, [{"url": blog.feed, "every": "1h"}], crawl={"every": "4s"})
        with_search(config, hook)
        with blog.server.recording() as requests:
            daemon = Daemon(config, tmp_path / "run.log")
            daemons.append(daemon)
            wait_for(lambda: len(hook.received) == 1, "the first alert")
            blog.add_comment(1, "Hal", "I will come.", datetime.now(timezone.utc))
            wait_for(lambda: len(hook.received) == 2, "the follow-up found by the refresh", timeout=60)
            daemon.stop()
        assert hook.titles()[1] == "[threadscout] 1 new reply: Adult literacy at the library"
        assert requests.paths().count("/feed/") == 1                   # the listing was not read again
        assert requests.paths().count("/posts/1/feed/") >= 2          # its comment feed was
        assert "Re-read 1 active conversation" in daemon.output()
    finally:
        blog.stop()
        hook.stop()
