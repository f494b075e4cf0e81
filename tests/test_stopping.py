"""Stops when asked: the first SIGINT or SIGTERM stops a crawl within seconds, keeping and indexing what was
found, with the partial summary and exit 130 / 143; a second one quits at once. A hanging site costs one
timeout per URL, and the crawl gives up on it after a few."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import ROOT, cli_command, cli_env, run_cli, write_config

STOP_WITHIN = 20.0   # seconds; the hanging site's timeout is 120 s, so waiting this long means it did stop


def start_crawl(config: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(cli_command("crawl", config=config), cwd=ROOT, env=cli_env(), text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def wait_for(condition, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the crawl never got that far"
        time.sleep(0.1)


def stored(config: Path) -> int:
    db = config.parent / "data" / "threadscout.db"
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db) as conn:
            return conn.execute("select count(*) from conversations").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


@pytest.mark.parametrize("signum, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_stops_a_crawl_of_a_hanging_site_and_keeps_what_was_found(silent_server, demo_web, tmp_path,
                                                                          signum, code):
    config = write_config(tmp_path, [{"url": f"{demo_web.base}/news/feed/"},
                                     {"url": f"{silent_server.base}/feed/"}],
                          crawl={"download_timeout": "120s"})
    crawl = start_crawl(config)
    try:
        wait_for(lambda: stored(config) >= 3 and silent_server.accepted)   # the news is in; the other hangs
        crawl.send_signal(signum)
        out, err = crawl.communicate(timeout=STOP_WITHIN)
    finally:
        crawl.kill()
    assert crawl.returncode == code, err
    assert "Stopped after crawling 2 sources" in out and "3 new conversations" in out
    assert "Traceback" not in err
    found = json.loads(run_cli("search", "literacy", "--json", config=config, check=True).stdout)
    assert found, "what was stored before the signal is indexed"
    with sqlite3.connect(config.parent / "data" / "threadscout.db") as db:
        reason, finished = db.execute("select finish_reason, finished_at from crawl_runs").fetchone()
        hanging = db.execute("select failures from sources where url like ?", (f"{silent_server.base}%",)).fetchone()
    assert reason == "shutdown" and finished is not None
    assert hanging == (0,) or hanging is None or hanging[0] in (0, None)   # stopping is not the site's failure


def test_a_second_signal_quits_at_once(silent_server, demo_web, tmp_path):
    config = write_config(tmp_path, [{"url": f"{demo_web.base}/blog/feed/"}, {"url": f"{silent_server.base}/feed/"}],
                          crawl={"download_timeout": "120s"})
    crawl = start_crawl(config)
    try:
        wait_for(lambda: stored(config) >= 1 and bool(silent_server.accepted))
        crawl.send_signal(signal.SIGINT)
        assert crawl.stderr is not None
        first = crawl.stderr.readline()              # the first signal was taken: stopping, keeping, indexing
        crawl.send_signal(signal.SIGINT)             # ... and the second does not wait for that
        out, err = crawl.communicate(timeout=STOP_WITHIN)
    finally:
        crawl.kill()
    assert "stopping (SIGINT)" in first
    assert crawl.returncode == 130 and "Traceback" not in err
    assert "stopped at once (SIGINT twice)" in err and "Stopped after crawling" not in out


def test_a_hanging_site_is_not_retried_and_is_given_up(silent_server, lab_web, tmp_path):
    """A feed on a healthy site lists six posts on a site that never answers: one try per URL, and after a few
    timeouts in a row the rest are not even asked for."""
    links = "&".join(f"to={quote(f'{silent_server.base}/post-{i}.html')}" for i in range(6))
    config = write_config(tmp_path, [{"url": f"{lab_web.base}/links/feed.xml?{links}"}],
                          crawl={"download_timeout": "1s", "concurrency_per_site": 1, "delay": "1s"})
    proc = run_cli("crawl", config=config)
    assert proc.returncode == 0, proc.stderr
    # robots.txt and two or three posts, each tried once, then the crawl gives up on the site (without giving
    # up: 7 connections; with three tries of each URL: 21)
    assert 3 <= len(silent_server.accepted) <= 4, len(silent_server.accepted)
    log = (tmp_path / "data" / "logs" / "crawl.log").read_text(encoding="utf-8")
    assert "giving up on 127.0.0.1" in log and "timeouts in a row" in log
    with sqlite3.connect(tmp_path / "data" / "threadscout.db") as db:
        stats = json.loads(db.execute("select stats from crawl_runs").fetchone()[0])
    assert stats.get("retry/count", 0) == 0 and stats["threadscout/sites_given_up"] == 1
    listed = json.loads(run_cli("sources", "--json", config=config, check=True).stdout)   # said, not healthy-looking
    assert "gave up on 127.0.0.1 for this crawl" in listed[0]["capped"] and "timeouts in a row" in listed[0]["capped"]
