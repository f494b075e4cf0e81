"""The staff web page's latency at size: search, where and thread pages over HTTP.

    python bench/web_speed.py [--conversations 10000] [--requests 40]

Generates ``--conversations`` conversations with bench/search_speed.py's generator (200 sites, 150-450 words
each, up to 20 replies), indexes them with `threadscout reindex`, serves them with `threadscout serve --port 0`,
and fetches, with a real HTTP client, ``--requests`` search pages (one or two words, some with filters), where
pages and thread pages, one at a time. Prints p50 / p95 / max per page (target: p95 under 200 ms).
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from search_speed import BIN, generate, pct, write_config  # noqa: E402


def fetch(url: str) -> tuple[float, int, str]:
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as r:
        body = r.read().decode("utf-8")
        status = r.status
    return time.perf_counter() - start, status, body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--conversations", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=40, help="requests of each page")
    args = parser.parse_args()
    work = Path(f"/tmp/threadscout-bench-web-{args.conversations}")
    db = work / "threadscout.db"
    if not db.exists():
        work.mkdir(parents=True, exist_ok=True)
        print(f"generating {args.conversations} conversations in {work}", flush=True)
        vocab = generate(db, args.conversations)
        (work / "vocab.txt").write_text("\n".join(vocab), encoding="utf-8")
    vocab = (work / "vocab.txt").read_text(encoding="utf-8").split("\n")
    config = write_config(work)
    if not (work / "index").exists():
        shutil.rmtree(work / "index", ignore_errors=True)
        subprocess.run([str(BIN), "--config", str(config), "reindex"], check=True, stdout=subprocess.DEVNULL)
    server = subprocess.Popen([str(BIN), "--config", str(config), "serve", "--port", "0"], stdout=subprocess.PIPE,
                              text=True)
    assert server.stdout is not None
    port = re.search(r":(\d+)/", server.stdout.readline()).group(1)  # type: ignore[union-attr]
    base = f"http://127.0.0.1:{port}"
    rng = random.Random(3)
    words = lambda lo, hi: vocab[rng.randrange(lo, hi)]  # noqa: E731
    try:
        fetch(base + "/")                                   # the first request loads the modules
        searches = []
        for i in range(args.requests):
            q = words(100, 3000) if i % 2 else f"{words(100, 1000)} {words(100, 1000)}"
            extra = {0: {}, 1: {"days": "365"}, 2: {"unanswered": "1"}, 3: {"kind": "thread"}}[i % 4]
            searches.append(base + "/?" + urllib.parse.urlencode({"q": q, **extra}))
        timings: dict[str, list[float]] = {"search": [], "where": [], "thread": []}
        threads = []
        for url in searches:
            ms, status, body = fetch(url)
            assert status == 200
            timings["search"].append(ms)
            threads += re.findall(r'href="(/thread\?[^"]+)"', body)[:1]
        for _ in range(args.requests):
            ms, status, _ = fetch(base + "/where?" + urllib.parse.urlencode({"q": words(100, 1000), "days": "90"}))
            assert status == 200
            timings["where"].append(ms)
        for path in (threads * 3)[:args.requests]:
            ms, status, _ = fetch(base + path.replace("&amp;", "&"))
            assert status == 200
            timings["thread"].append(ms)
        print(f"{args.conversations} conversations, {args.requests} requests a page, one at a time")
        for page, values in timings.items():
            print(f"{page:>7}: p50 {pct(values, 0.5):6.0f} ms   p95 {pct(values, 0.95):6.0f} ms   "
                  f"max {max(values) * 1000:6.0f} ms   ({len(values)} requests)")
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
