"""Time and memory limits on hostile input, checked here rather than in the tests (tests are never timed).

    python bench/limits.py

- extraction of each hostile input (tests/test_extract.py HOSTILE_INPUTS): target < 2 s each;
- extraction of each real page in ../shared/fixtures/real (when present): target < 1 s each;
- peak memory (VmHWM) of a `threadscout crawl` child that is sent a 40 MiB page and a gzip body expanding to
  300 MiB, with the default 10 MB cap: target < 250 MiB.

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

from conftest import LAB_SITE, MiB, Hostile, LabHandler, gzip_bomb, write_config  # noqa: E402
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


def main() -> int:
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
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
