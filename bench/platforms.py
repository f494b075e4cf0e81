"""Platform sources: a first crawl and an unchanged refresh against the loopback fakes, side by side with a bare
reader of the same APIs.

    python bench/platforms.py [--threads 2000] [--only hackernews,discourse]

Spreads ``--threads`` threads (0-300 replies each, most of them short: 300 * U^3) over the platforms' fakes
(tests/fakes/), every thread matching the one mission keyword, then measures:

1. a bare reader (urllib, one call after another, no store, no index) of every search page and every thread the
   crawl reads: threads/s, as the reference for this machine in this run;
2. `threadscout crawl` of one source per platform (whole command: crawl, store, index): threads/s, requests per
   thread (from the fakes' request logs) and the peak memory of the crawl's process (target < 300 MiB);
3. `threadscout crawl --all` again with nothing changed: its requests as a share of the first crawl's (target
   <= 5%);
4. `threadscout show --json` of the longest thread (300 replies): seconds to a complete answer.

Prints one line per measurement; the numbers go to bench/README.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import timedelta
from importlib import import_module
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from conftest import write_config  # noqa: E402
from fakes.server import FakeServer  # noqa: E402
from fakes.world import NOW, World  # noqa: E402

# platform -> (its fake's module, the source URL for a fake at BASE)
FAKES: dict[str, tuple[str, str]] = {
    "hackernews": ("fakes.hackernews", "{base}/"),
    "stackexchange": ("fakes.stackexchange", "{base}/2.3/?site=literacy"),
    "reddit": ("fakes.reddit", "{base}/r/literacy/"),
    "discourse": ("fakes.discourse", "{base}/"),
    "lemmy": ("fakes.lemmy", "{base}/"),
    "mastodon": ("fakes.mastodon", "{base}/"),
}
KEYWORD = "adult literacy"
MEASURE = ("import runpy, sys\n"
           "sys.argv = ['threadscout'] + sys.argv[1:]\n"
           "try:\n    runpy.run_module('threadscout.search', run_name='__main__')\n"
           "finally:\n"
           "    hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]\n"
           "    print('maxrss_kib', hwm, file=sys.stderr)\n")


def build(world: World, threads: int, rng: random.Random, longest: bool) -> None:
    for n in range(threads):
        created = NOW - timedelta(hours=threads - n)
        topic = world.topic(f"Topic {n}: {KEYWORD} volunteers wanted", f"user{n % 97}",
                            f"<p>Who runs {KEYWORD} evenings near us? Post {n}.</p>", created=created)
        replies = 300 if longest and n == threads - 1 else int(300 * rng.random() ** 3)
        parents = [topic.id]
        for r in range(replies):
            parent = parents[rng.randrange(len(parents))] if parents and rng.random() < 0.5 else topic.id
            post = world.reply(topic, f"member{(n + r) % 211}", f"<p>Reply {r} on topic {n}: we meet on Tuesdays.</p>",
                               parent=parent, created=created + timedelta(minutes=r + 1))
            parents.append(post.id)


def bare_reader(servers: dict[str, FakeServer]) -> float:
    """Every call the first crawl made, again, with urllib, one after another: seconds."""
    calls = [(s.base, e) for s in servers.values() for e in s.requests()]
    start = time.perf_counter()
    for base, entry in calls:
        query = "&".join(f"{k}={urllib.request.quote(v)}" for k, vs in entry.query.items() for v in vs)
        with urllib.request.urlopen(f"{base}{entry.path}?{query}") as answer:
            body = answer.read()
            if answer.headers.get("Content-Encoding") == "gzip":
                body = gzip.decompress(body)
            json.loads(body or b"null") if "json" in answer.headers.get("Content-Type", "") else None
    return time.perf_counter() - start


def crawl(config: Path, *args: str) -> tuple[float, int, str]:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", MEASURE, "--config", str(config), "crawl", *args],
                          capture_output=True, text=True, timeout=3600, cwd=ROOT)
    if proc.returncode != 0:
        print(proc.stdout, proc.stderr[-3000:], file=sys.stderr)
    return time.perf_counter() - start, int(proc.stderr.rsplit("maxrss_kib", 1)[1].split()[0]), proc.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threads", type=int, default=2000)
    parser.add_argument("--only", default=",".join(FAKES))
    args = parser.parse_args()
    kinds = [k for k in args.only.split(",") if k in FAKES]
    rng = random.Random(17)
    servers: dict[str, FakeServer] = {}
    worlds: dict[str, World] = {}
    for i, kind in enumerate(kinds):
        worlds[kind] = World()
        share = args.threads // len(kinds) + (1 if i < args.threads % len(kinds) else 0)
        build(worlds[kind], share, rng, longest=i == 0)
        servers[kind] = import_module(FAKES[kind][0]).serve(worlds[kind])  # type: ignore[attr-defined]
        servers[kind].__enter__()
    total_replies = sum(len(t.replies) for w in worlds.values() for t in w.topics)
    print(f"{args.threads} threads, {total_replies} replies over {', '.join(kinds)}")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            sources = [{"url": FAKES[k][1].format(base=servers[k].base), "kind": k, "backfill": "3650d",
                        "max_threads": 100_000} for k in kinds]
            config = write_config(Path(tmp), sources, crawl={"max_conversations": 100_000, "concurrency_per_site": 8},
                                  mission=f'keywords = ["{KEYWORD}"]')
            seconds, peak, out = crawl(config)
            first = {k: len(s.requests()) for k, s in servers.items()}
            thread_calls = {k: sum(1 for e in s.requests() if "search" not in e.path and e.path != "/robots.txt")
                            for k, s in servers.items()}
            bare = bare_reader(servers)
            threads = sum(len(w.topics) for w in worlds.values())      # every topic holds the keyword
            print(f"bare reader (reference): {threads / bare:.0f} threads/s ({bare:.1f}s)")
            print(f"first crawl: {threads / seconds:.0f} threads/s ({seconds:.1f}s, {threads} threads), "
                  f"{sum(first.values()) / max(threads, 1):.2f} requests per thread, peak {peak / 1024:.0f} MiB "
                  f"(target < 300 MiB); {out.strip()}")
            for k, s in servers.items():
                print(f"  {k}: {first[k]} requests, {thread_calls[k]} thread calls")
                s.clear_log()
            seconds2, _, _ = crawl(config, "--all")
            again = sum(len(s.requests()) for s in servers.values())
            print(f"unchanged refresh: {again} requests = {100 * again / sum(first.values()):.1f}% of the first "
                  f"crawl's (target <= 5%), {seconds2:.1f}s")
            longest = max((t for w in worlds.values() for t in w.topics), key=lambda t: len(t.replies))
            kind = next(k for k, w in worlds.items() if longest in w.topics)
            shown = subprocess.run([sys.executable, "-m", "threadscout.search", "--config", str(config), "search",
                                    f'"Topic {longest.title.split(":")[0].split()[1]}"', "--json", "--limit", "1"],
                                   capture_output=True, text=True, cwd=ROOT)
            url = json.loads(shown.stdout)[0]["url"]
            start = time.perf_counter()
            shown = subprocess.run([sys.executable, "-m", "threadscout.search", "--config", str(config), "show", url,
                                    "--json"], capture_output=True, text=True, cwd=ROOT, check=True)
            took = time.perf_counter() - start
            print(f"show of a {len(longest.replies)}-reply {kind} thread: {took:.2f}s, "
                  f"{len(json.loads(shown.stdout)['replies'])} replies shown")
    finally:
        for s in servers.values():
            s.__exit__(None, None, None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
