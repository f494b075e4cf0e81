"""Time and memory limits on hostile input, checked here rather than in the tests (tests are never timed).

    python bench/limits.py

- extraction of each hostile input (tests/test_extract.py HOSTILE_INPUTS): target < 2 s each;
- extraction of each real page in ../shared/fixtures/real (when present): target < 1 s each;
- peak memory (VmHWM) of a `threadscout crawl` child that is sent a 40 MiB page and a gzip body expanding to
  300 MiB, with the default 10 MB cap: target < 250 MiB;
- how long a crawl takes to exit after SIGINT while a site holds its connections open without answering
  (download timeout 120 s): target < 5 s, the median of 3;
- queries (issue 16, items 10-11): a typed 138,000-character word refused, target < 0.05 s; the slowest hostile
  query at the caps (1,000 characters, words of 200), target < 0.1 s; hostile queries past the caps (saved
  searches, `where`) four times longer, target < 8 times the time (linear: 4, quadratic: 16); the web page answering a
  normal search while 8 requests of 60 KB queries are sent at once, target < 1 s.

    python bench/limits.py --only queries      # the query cases only

Prints one line per measurement and exits 1 when a target is missed.
"""

from __future__ import annotations

import gc
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


HOSTILE_QUERIES = {          # at the caps: MAX_QUERY characters, words of MAX_WORD
    "long words": lambda n: " ".join(["a" * 200] * (n // 201)),
    "field-like": lambda n: "a:" * (n // 2), "dashes": lambda n: "a-" * (n // 2),
    "ranges": lambda n: "[a to " * (n // 6), "brackets": lambda n: " ".join(["[" * 199] * (n // 200)),
    "single quotes": lambda n: "'a " * (n // 3), "words": lambda n: " ".join(f"w{i}" for i in range(n // 6)),
    "ors": lambda n: " OR ".join(f"w{i}" for i in range(n // 8)),
    "minus words": lambda n: " ".join(f"-w{i}" for i in range(n // 7)),
    "phrases": lambda n: '"a b" ' * (n // 6), "groups": lambda n: " ".join(f"(w{i} OR v{i})" for i in range(n // 16)),
}


def query_seconds(query: str, typed: bool = True, best_of: int = 3) -> float:
    """Seconds to read ``query`` as `search` does (``typed``: refused past the caps), the best of ``best_of``."""
    from threadscout.config.errors import QueryError
    from threadscout.indexer.querylang import check_typed, parse
    from threadscout.indexer.schema import conversation_schema

    schema, best = conversation_schema("en"), float("inf")
    for _ in range(best_of):
        gc.collect()
        start = time.perf_counter()
        try:
            if typed:
                check_typed(query)
            parse(schema, query)
        except QueryError:
            pass
        best = min(best, time.perf_counter() - start)
    return best


def page_seconds_under_long_queries() -> float:
    """Seconds the web page takes to answer a normal search while 8 requests of 60 KB queries arrive at once."""
    import threading
    import urllib.error
    import urllib.request

    from receivers import WebServer

    with tempfile.TemporaryDirectory() as tmp:
        server = WebServer(write_config(Path(tmp), []))
        try:
            def hostile() -> None:
                try:
                    urllib.request.urlopen(server.url + "/?q=" + "a" * 60_000, timeout=300).read()
                except urllib.error.HTTPError:
                    pass
            threads = [threading.Thread(target=hostile) for _ in range(8)]
            for thread in threads:
                thread.start()
            start = time.perf_counter()
            urllib.request.urlopen(server.url + "/?q=literacy", timeout=300).read()
            seconds = time.perf_counter() - start
            for thread in threads:
                thread.join()
            return seconds
        finally:
            server.stop()


def queries() -> bool:
    refused = query_seconds("a" * 138_000)
    print(f"query of one 138,000-character word: refused in {refused:.4f}s; target < 0.05s")
    worst = max((query_seconds(make(1_000)), name) for name, make in HOSTILE_QUERIES.items())
    print(f"hostile queries at the caps (1,000 characters): slowest {worst[0]:.4f}s ({worst[1]}); target < 0.1s")
    growth = max((query_seconds(make(16_000), typed=False, best_of=5)
                  / max(query_seconds(make(4_000), typed=False, best_of=5), 1e-6), name)
                 for name, make in HOSTILE_QUERIES.items())
    print(f"hostile queries past the caps, 4,000 -> 16,000 characters: at most {growth[0]:.1f}x the time "
          f"({growth[1]}); target < 8x (linear: 4x, quadratic: 16x)")
    page = page_seconds_under_long_queries()
    print(f"web page: a search answered in {page:.2f}s while 8 queries of 60 KB arrive; target < 1s")
    return refused < 0.05 and worst[0] < 0.1 and growth[0] < 8 and page < 1


def main() -> int:
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv[:-1] else None
    if only == "queries":
        return 0 if queries() else 1
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
    ok &= queries()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
