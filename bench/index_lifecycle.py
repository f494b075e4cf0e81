"""The index's life cycle at size: a rebuild beside the live index while searches run, and segments after many
small syncs.

    python bench/index_lifecycle.py [--conversations 5000]

Prints: the rebuild's time; how many searches ran during it and how many came back empty (target: none); the
search time (p50/p95) during the rebuild; the segment count after 30 syncs of 50 new conversations (target:
<= MAX_SEGMENTS) and the search time then.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_index import item  # noqa: E402

from threadscout.indexer.db import Store  # noqa: E402
from threadscout.indexer.index import MAX_SEGMENTS, SearchIndex  # noqa: E402
from threadscout.indexer.sync import rebuild, sync  # noqa: E402

WORDS = ("adult literacy volunteers reading tutor evening classes library learners community english practice "
         "conversation neighbourhood families books workshop bus schedule funding").split()


def text(seed: int, n: int = 400) -> str:
    return " ".join(WORDS[(seed * 7 + i * 3) % len(WORDS)] for i in range(n))


def timed_searches(idx: SearchIndex, stop: threading.Event, times: list[float], empty: list[int]) -> None:
    while not stop.is_set():
        start = time.perf_counter()
        hits = idx.search("reading tutor", limit=20)
        times.append(time.perf_counter() - start)
        if not hits:
            empty.append(1)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--conversations", type=int, default=5000)
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'db.sqlite'}")
        for i in range(args.conversations):
            store.save(item(f"http://blog.test/{i}/", text(i)), "blog.test")
        idx = SearchIndex(Path(tmp) / "index")
        rebuild(store, idx)
        stop, times, empty = threading.Event(), [], []
        searcher = threading.Thread(target=timed_searches, args=(SearchIndex(Path(tmp) / "index"), stop, times,
                                                                 empty))
        searcher.start()
        start = time.perf_counter()
        rebuild(store, idx)
        seconds = time.perf_counter() - start
        stop.set()
        searcher.join()
        print(f"rebuild of {args.conversations} conversations: {seconds:.1f}s; {len(times)} searches meanwhile, "
              f"{len(empty)} empty (target 0); search p50 {pct(times, 0.5):.1f} ms, p95 {pct(times, 0.95):.1f} ms")
        ok &= not empty and len(times) > 0
        for r in range(30):
            for i in range(50):
                store.save(item(f"http://blog.test/r{r}-{i}/", text(r * 50 + i)), "blog.test")
            sync(store, idx)
        segments = idx.segment_count()
        after = []
        for _ in range(50):
            start = time.perf_counter()
            idx.search("reading tutor", limit=20)
            after.append(time.perf_counter() - start)
        print(f"after 30 syncs of 50: {segments} segments (target <= {MAX_SEGMENTS}); search p50 "
              f"{statistics.median(after) * 1000:.1f} ms, p95 {pct(after, 0.95):.1f} ms")
        ok &= segments <= MAX_SEGMENTS
        store.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
