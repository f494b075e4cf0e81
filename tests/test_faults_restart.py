"""Issue 16, crash and restart: a killed `crawl` is resumed, a killed `reindex` leaves no worker and no build
behind, a stale scheduler lock naming our own process id does not block, and a crawl orphaned by a killed `run`
stops quietly."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from conftest import ROOT, cli_command, cli_env, run_cli, write_config
from receivers import LivingBlog
from test_scheduler import Daemon, alive, crawl_process, daemons, stored, wait_for  # noqa: F401 - daemons: a fixture

NOW = datetime.now(timezone.utc)
POSTS = 12


@pytest.fixture
def slow_blog(tmp_path: Path) -> Iterator[LivingBlog]:
    """A blog of POSTS posts with a comment each (a comment feed per post), every answer 0.25 s late."""
    blog = LivingBlog(tmp_path / "site", delay=0.25)
    for n in range(1, POSTS + 1):
        blog.add_post(n, f"Adult literacy story {n}", f"Story {n} about adult literacy.",
                      NOW - timedelta(hours=n), write=False)
        blog.add_comment(n, f"Reader {n}", f"Thanks for story {n}.", NOW - timedelta(minutes=n), write=False)
    blog.write()
    yield blog
    blog.stop()


def lengthen(blog: LivingBlog, times: int = 5) -> int:
    """The blog ``times`` as long (a crawl long enough to still run when it is killed); returns its posts."""
    for n in range(POSTS + 1, times * POSTS + 1):
        blog.add_post(n, f"Adult literacy story {n}", f"Story {n} about adult literacy.", NOW - timedelta(hours=n),
                      write=False)
        blog.add_comment(n, f"Reader {n}", f"Thanks for story {n}.", NOW - timedelta(minutes=n), write=False)
    blog.write()
    return times * POSTS


def replies(folder: Path) -> int:
    return stored(folder, "SELECT count(*) FROM replies")


def kill_hard(proc: subprocess.Popen[bytes]) -> None:
    proc.kill()
    proc.wait(10)


def children(pid: int) -> set[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


# -- 1. a killed `crawl` is due again, read in full, and `sources` says it was cut short -----------------------
def test_a_killed_crawl_is_cut_short_in_sources_and_the_next_crawl_finishes_it(tmp_path, slow_blog):
    posts = lengthen(slow_blog)
    # an interval of an hour: only the cut-short crawl can make the source due again this soon
    config = write_config(tmp_path, [{"url": slow_blog.feed, "every": "1h"}], crawl={"concurrency_per_site": 1})
    crawl = subprocess.Popen(cli_command("crawl", config=config), stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, env=cli_env(), cwd=ROOT)
    try:
        wait_for(lambda: replies(tmp_path) >= 2, "the first replies stored")
        running = json.loads(run_cli("sources", "--json", config=config, check=True).stdout)[0]
        if crawl.poll() is None:            # while it runs, it is under way, not cut short
            assert running["crawling_since"] is not None and running["cut_short"] is None, running
        assert "Nothing is due" in run_cli("crawl", config=config, check=True).stdout    # not read twice at once
    finally:
        kill_hard(crawl)                    # kill -9 in the middle of the crawl
    assert 0 < replies(tmp_path) < posts, "the crawl finished before the kill"

    listed = json.loads(run_cli("sources", "--json", config=config, check=True).stdout)
    assert listed[0]["cut_short"] is not None
    assert datetime.fromisoformat(listed[0]["next_due"]) <= datetime.now(timezone.utc)
    text = run_cli("sources", config=config, check=True).stdout
    assert "cut short" in text and "next due now" in text

    again = run_cli("crawl", config=config, check=True)     # no --all
    assert "Nothing is due" not in again.stdout
    assert replies(tmp_path) == posts
    listed = json.loads(run_cli("sources", "--json", config=config, check=True).stdout)
    assert listed[0]["cut_short"] is None and listed[0]["crawling_since"] is None
    assert "Nothing is due" in run_cli("crawl", config=config, check=True).stdout   # finished: not due now


# -- 2 and 3. a killed `reindex`: its workers die, its build is removed by the next index operation -----------
CONVERSATIONS = 3_000      # enough for a rebuild in several processes (indexer.sync.PARALLEL_FROM)
several_cores = pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="a rebuild uses one process here")


def _corpus(db: Path, n: int) -> None:
    """``n`` conversations of a few hundred words each, inserted in bulk into a threadscout store."""
    from threadscout.indexer.db import Store

    Store(f"sqlite:///{db}").close()
    rng = random.Random(16)
    vocab = ["literacy", "tutor", "reading", "adult", "class", "volunteer", "library", "book", "learn", "word",
             *(f"w{i}" for i in range(20_000))]
    when = NOW.strftime("%Y-%m-%d %H:%M:%S.%f")
    rows = [(i, f"http://blog{i % 50}.example/p/{i}", f"blog{i % 50}.example", "post", "page",
             f"Adult literacy post {i}", "Ana", when, when, " ".join(rng.choices(vocab, k=300)), 0, when, when)
            for i in range(1, n + 1)]
    with sqlite3.connect(db) as con:
        con.executemany("INSERT INTO conversations (id, url, site, kind, origin, title, author, published, "
                        "last_activity, text, n_replies, first_seen, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        rows)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("corpus") / "threadscout.db"
    _corpus(db, CONVERSATIONS)
    return db


def store_of(tmp_path: Path, corpus: Path, sources: list[dict[str, object]] | None = None) -> Path:
    config = write_config(tmp_path, sources if sources is not None else [{"url": "http://127.0.0.1:9/feed/"}])
    (tmp_path / "data").mkdir(exist_ok=True)
    shutil.copy(corpus, tmp_path / "data" / "threadscout.db")
    return config


def generations(tmp_path: Path) -> set[str]:
    index = tmp_path / "data" / "index"
    return {p.name for p in index.iterdir() if p.name.startswith("gen-")} if index.is_dir() else set()


def killed_reindex(tmp_path: Path, config: Path) -> tuple[set[int], set[str]]:
    """Start `reindex`, kill it with -9 once its writing processes are at work; returns their ids and the
    generations left."""
    proc = subprocess.Popen(cli_command("reindex", config=config), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=cli_env(), cwd=ROOT)
    workers: set[int] = set()
    try:
        def writing() -> bool:
            workers.update(children(proc.pid))
            building = [g for g in generations(tmp_path)
                        if (tmp_path / "data" / "index" / g / "BUILDING").exists()]
            return len(workers) >= 2 and bool(building) and proc.poll() is None
        wait_for(writing, "the reindex's writing processes", timeout=60)
    finally:
        kill_hard(proc)
    return workers, generations(tmp_path)


@several_cores
def test_workers_of_a_killed_reindex_stop_with_it(tmp_path, corpus):
    config = store_of(tmp_path, corpus)
    workers, _ = killed_reindex(tmp_path, config)
    try:
        wait_for(lambda: not any(alive(pid) for pid in workers), f"the reindex's processes {workers} to stop",
                 timeout=15)
    finally:
        for pid in workers:              # on failure, leave nothing running
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


@several_cores
def test_the_build_of_a_killed_reindex_is_removed_by_the_next_one(tmp_path, corpus):
    config = store_of(tmp_path, corpus)
    workers, left = killed_reindex(tmp_path, config)
    for pid in workers:                  # (their own end is item 2's test)
        if alive(pid):
            os.kill(pid, signal.SIGKILL)
    assert left, "no build was left"
    index = tmp_path / "data" / "index"
    for name in left:                    # (the next build may take its number again)
        (index / name / "left-by-the-killed-reindex").write_text("")
    run_cli("reindex", config=config, check=True)
    live = (index / "CURRENT").read_text().strip()
    assert generations(tmp_path) == {live}
    assert not list(index.glob("*/left-by-the-killed-reindex"))
    found = json.loads(run_cli("search", "literacy", "--json", config=config, check=True).stdout)
    assert found


def _build(index: Path, name: str, owner: str) -> Path:
    gen = index / name
    gen.mkdir(parents=True)
    (gen / "OWNER").write_text(owner)
    (gen / "BUILDING").write_text(str(datetime.now(timezone.utc).timestamp()))
    (gen / "_MAIN_1.toc").write_bytes(b"\0" * 1024)
    return gen


def test_a_crawl_removes_builds_whose_process_is_gone_and_keeps_those_of_a_live_one(tmp_path, lab_web):
    config = write_config(tmp_path, [{"url": f"{lab_web.base}/latin1/post.html", "depth": 0}])
    run_cli("crawl", config=config, check=True)
    index = tmp_path / "data" / "index"
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    here = socket.gethostname()
    dead = _build(index, "gen-90", f"{int(gone.stdout)} {here} -")
    start = Path(f"/proc/{os.getpid()}/stat").read_text().rsplit(")", 1)[1].split()[19]
    reused = _build(index, "gen-91", f"{os.getpid()} {here} {int(start) + 1}")   # our id, another process
    living = _build(index, "gen-92", f"{os.getpid()} {here} {start}")            # this very process
    other_host = _build(index, "gen-93", f"{gone.stdout.strip()} elsewhere.example -")
    run_cli("crawl", "--all", config=config, check=True)        # its sync after the crawl
    assert not dead.exists() and not reused.exists()
    assert living.exists() and other_host.exists()
    found = json.loads(run_cli("search", "Lesepaten", "--json", config=config, check=True).stdout)
    assert found


# -- 4. a stale lock naming this process's own id ---------------------------------------------------------------
CLAIM_AS_ME = """\
import os, socket, sqlite3, sys
from datetime import datetime, timezone
db, args = sys.argv[1], sys.argv[2:]
now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")
with sqlite3.connect(db) as con:    # as a scheduler of this id and host left it (a restarted container)
    run = con.execute("INSERT INTO scheduler_runs (pid, host, started_at, heartbeat_at, once) VALUES (?,?,?,?,0)",
                      (os.getpid(), socket.gethostname(), now, now)).lastrowid
    con.execute("INSERT INTO scheduler_lock (id, run_id, pid, host, started_at, heartbeat_at, once) "
                "VALUES (1,?,?,?,?,?,0)", (run, os.getpid(), socket.gethostname(), now, now))
os.execv(sys.executable, [sys.executable, "-m", "threadscout.search", *args])   # the same process id
"""


def test_a_lock_naming_our_own_process_id_is_stale(tmp_path, lab_web):
    config = write_config(tmp_path, [{"url": f"{lab_web.base}/latin1/post.html", "depth": 0}])
    run_cli("crawl", config=config, check=True)                 # the store, and nothing due
    db = tmp_path / "data" / "threadscout.db"
    proc = subprocess.run([sys.executable, "-c", CLAIM_AS_ME, str(db), "--config", str(config), "run", "--once"],
                          capture_output=True, text=True, timeout=120, env=cli_env(), cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "already running" not in proc.stdout + proc.stderr
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM scheduler_lock").fetchone()[0] == 0     # released at the end


# -- 5. a crawl orphaned by a killed `run` stops quietly --------------------------------------------------------
def test_a_crawl_orphaned_by_a_killed_run_stops_without_a_traceback(tmp_path, slow_blog, daemons):
    lengthen(slow_blog)                    # long enough that the crawl is still running when run is killed
    config = write_config(tmp_path, [{"url": slow_blog.feed, "every": "1h"}], crawl={"concurrency_per_site": 1})
    run = Daemon(config, tmp_path / "run.log")     # its stderr, which the crawl's process inherits, in the file
    daemons.append(run)
    wait_for(lambda: replies(tmp_path) >= 2, "the first replies stored")
    kill_hard(run.proc)
    crawler = crawl_process(tmp_path)
    wait_for(lambda: not alive(crawler), f"the orphaned crawl process {crawler} to stop", timeout=30)
    said = run.output()
    assert "Traceback" not in said and "BrokenPipeError" not in said, said
    log = (tmp_path / "data" / "logs" / "crawl.log").read_text(encoding="utf-8")
    assert log.count("is gone: the crawl stops, keeping what it found") == 1, log[-3000:]
    assert "Traceback" not in log, log[-3000:]
