"""Time and memory limits on hostile input, checked here rather than in the tests (tests are never timed).

    python bench/limits.py

- extraction of each hostile input (tests/test_extract.py HOSTILE_INPUTS): target < 2 s each;
- extraction of each real page in ../shared/fixtures/real (when present): target < 1 s each;
- peak memory (VmHWM) of a `threadscout crawl` child that is sent a 40 MiB page and a gzip body expanding to
  300 MiB, with the default 10 MB cap: target < 250 MiB;
- how long a crawl takes to exit after SIGINT while a site holds its connections open without answering
  (download timeout 120 s): target < 5 s, the median of 3.

Hostile servers (issue 16; each with a default configuration unless said):
- a feed of 100,000 link-only items (5.2 MB): the crawl's time and peak memory; target < 60 s, < 250 MiB, 1,000
  conversations stored (max_items_per_feed);
- a page of 350,000 links (9.4 MB) and 3 more such pages it links to, crawled beside a healthy 20-post blog
  (download timeout 2 s): the crawl's
  time, the reactor's longest stall (threadscout/reactor_longest_lag_ms); target: stall < 1 s, 20 posts kept;
- an answer with 200,000 headers, and an endless chunked body: time to refuse and peak memory; target < 5 s,
  < 250 MiB.

    python bench/limits.py --only hostile     # the cases whose name contains "hostile"

Prints one line per measurement and exits 1 when a target is missed.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from conftest import (ROOT as _ROOT, LAB_SITE, MiB, Hostile, LabHandler, SilentServer, cli_command,  # noqa: E402
                      cli_env, gzip_bomb, write_config)
from test_extract import HOSTILE_INPUTS  # noqa: E402
from test_real_pages import ROWS, _run  # noqa: E402

from threadscout.crawler.extract import extract_page  # noqa: E402
from threadscout.search.sampleweb import SampleWebServer  # noqa: E402

MEASURE = ("import runpy, sys\n"
           "sys.argv = ['threadscout'] + sys.argv[1:]\n"
           "try:\n    runpy.run_module('threadscout.search', run_name='__main__')\n"
           "finally:\n"
           "    hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]\n"
           "    print('maxrss_kib', hwm, file=sys.stderr)\n")


def slowest(calls: list[tuple[str, object]]) -> tuple[float, str]:
    worst = (0.0, "")
    for name, call in calls:
        start = time.perf_counter()
        call()  # type: ignore[operator]
        worst = max(worst, (time.perf_counter() - start, name))
    return worst


def crawl_peak_kib() -> int:
    server = SampleWebServer(LAB_SITE, LabHandler)
    server.hostile = Hostile(bomb=gzip_bomb(300 * MiB))  # type: ignore[attr-defined]
    server.start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            config = write_config(Path(tmp), [{"url": f"{server.base}/big/page.html", "depth": 0},
                                              {"url": f"{server.base}/bomb/page.html", "depth": 0}])
            proc = subprocess.run([sys.executable, "-c", MEASURE, "--config", str(config), "crawl"],
                                  capture_output=True, text=True, timeout=300, cwd=ROOT)
            return int(proc.stderr.rsplit("maxrss_kib", 1)[1].split()[0])
    finally:
        server.stop()


def stop_seconds() -> float:
    """Seconds from SIGINT to the crawl's exit, with a site that never answers."""
    import signal

    silent = SilentServer()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            config = write_config(Path(tmp), [{"url": f"{silent.base}/feed/"}], crawl={"download_timeout": "120s"})
            crawl = subprocess.Popen(cli_command("crawl", config=config), cwd=_ROOT, env=cli_env(),
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 60
            while not silent.accepted and time.monotonic() < deadline:
                time.sleep(0.05)
            time.sleep(0.5)
            sent = time.monotonic()
            crawl.send_signal(signal.SIGINT)
            crawl.wait(timeout=200)
            return time.monotonic() - sent
    finally:
        silent.close()


def crawl_measured(folder: Path, sources: list[dict[str, object]], crawl: dict[str, object] | None = None
                   ) -> tuple[float, int, Path]:
    """A `threadscout crawl` child: (seconds, peak memory in KiB, its configuration)."""
    config = write_config(folder, sources, crawl=crawl)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", MEASURE, "--config", str(config), "crawl"],
                          capture_output=True, text=True, timeout=600, cwd=ROOT)
    return time.perf_counter() - start, int(proc.stderr.rsplit("maxrss_kib", 1)[1].split()[0]), config


def _db(config: Path, sql: str) -> list[tuple]:
    import sqlite3

    with sqlite3.connect(config.parent / "data" / "threadscout.db") as db:
        return db.execute(sql).fetchall()


def hostile_servers() -> bool:
    import json

    from conftest import HostileHandler

    class LinkOnly(HostileHandler):          # the probe's feed: 100,000 items of a link and nothing else
        def route(self) -> bool:
            if self.path.startswith("/bench/feed.xml"):
                items = "".join(f"<item><link>{self.server.base}/x/{i}</link></item>" for i in range(100_000))
                self.send_body(200, f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}'
                                    "</channel></rss>".encode(), "application/rss+xml")
                return True
            return super().route()

    ok = True
    server = SampleWebServer(LAB_SITE, LinkOnly)
    heavy = SampleWebServer(LAB_SITE, HostileHandler, host="127.0.0.2")
    for s in (server, heavy):
        s.hostile, s.tokens = Hostile(bomb=b""), {}  # type: ignore[attr-defined]
        s.start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            seconds, peak, config = crawl_measured(Path(tmp), [{"url": f"{server.base}/bench/feed.xml"}],
                                                   crawl={"max_feed_size": "10MB"})
            stored = _db(config, "select count(*) from conversations")[0][0]
            print(f"hostile: a feed of 100,000 link-only items (5.2 MB; max_feed_size 10MB): {seconds:.1f}s, "
                  f"peak memory {peak / 1024:.0f} MiB, "
                  f"{stored} stored; target < 60s, < 250 MiB, 1000 stored")
            ok &= seconds < 60 and peak < 250 * 1024 and stored == 1000
        with tempfile.TemporaryDirectory() as tmp:
            seconds, peak, config = crawl_measured(
                Path(tmp), [{"url": f"{heavy.base}/hostile/links?n=350000", "kind": "site", "depth": 1,
                             "max_pages": 3},
                            {"url": f"{server.base}/hostile/blog/?n=20", "kind": "site", "depth": 1}],
                crawl={"download_timeout": "2s"})
            stats = json.loads(_db(config, "select stats from crawl_runs order by id desc limit 1")[0][0])
            lag = stats.get("threadscout/reactor_longest_lag_ms", 0) / 1000
            posts = _db(config, "select count(*) from conversations where url like '%/hostile/blog/post-%'")[0][0]
            print(f"hostile: a page of 350,000 links (and 3 more it links to) beside a 20-post blog: "
                  f"{seconds:.1f}s, the reactor's longest stall {lag:.2f}s, peak memory {peak / 1024:.0f} MiB, "
                  f"{posts}/20 posts; target stall < 1s, 20 posts")
            ok &= lag < 1 and posts == 20
        for name, path in (("200,000 headers", "/hostile/headers?n=200000"),
                           ("an endless chunked body", "/hostile/chunked")):
            with tempfile.TemporaryDirectory() as tmp:
                seconds, peak, config = crawl_measured(Path(tmp), [{"url": server.base + path, "depth": 0}])
                error = _db(config, "select last_error from sources")[0][0]
                print(f"hostile: {name}: refused in {seconds:.1f}s ({error}), peak memory {peak / 1024:.0f} MiB; "
                      "target < 5s, < 250 MiB")
                ok &= seconds < 5 and peak < 250 * 1024 and bool(error)
    finally:
        server.stop()
        heavy.stop()
    return ok


def main() -> int:
    if "--only" in sys.argv:            # the only group of cases that can run alone: --only hostile
        if sys.argv[-1] != "hostile":
            print("bench/limits.py: --only knows one group: hostile", file=sys.stderr)
            return 2
        return 0 if hostile_servers() else 1
    ok = True
    seconds, name = slowest([(repr(bad)[:40], lambda bad=bad: extract_page(bad, "https://example.org/x"))
                             for bad in HOSTILE_INPUTS])
    print(f"hostile inputs: slowest extraction {seconds:.3f}s ({name}); target < 2s")
    ok &= seconds < 2
    if ROWS:
        seconds, name = slowest([(row["file"], lambda row=row: _run(row)) for row in ROWS])
        print(f"real pages ({len(ROWS)}): slowest extraction {seconds:.3f}s ({name}); target < 1s")
        ok &= seconds < 1
    else:
        print("real pages: ../shared/fixtures/real not present, not measured")
    peak = crawl_peak_kib()
    print(f"crawl of a 40 MiB page and a 300 MiB gzip bomb: peak memory {peak / 1024:.0f} MiB; target < 250 MiB")
    ok &= peak < 250 * 1024
    stops = sorted(stop_seconds() for _ in range(3))
    print(f"SIGINT during a crawl of a hanging site: exit after {stops[1]:.2f}s (median of 3: "
          f"{', '.join(f'{s:.2f}' for s in stops)}); target < 5s")
    ok &= stops[1] < 5
    ok &= hostile_servers()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
