"""`threadscout run` over many sources: are they refreshed on time, and what does the scheduler cost?

    python bench/scheduler.py [--sources 1000] [--every 60] [--minutes 10] [--hosts 100]

Serves ``--sources`` small RSS feeds on loopback (``--hosts`` addresses 127.0.1.x, one server each, ETag and
304 like a real feed), writes a configuration with every feed as a source refreshed every ``--every`` seconds
and one saved search sending to a webhook in this process, and runs `threadscout run` for ``--minutes``.
Meanwhile 2% of the feeds get a new item about the mission every 30 s (new conversations to store, index and
alert). Then it prints:

- refresh intervals: for each feed, the time between two fetches of it; lateness = interval - every (p50, p95,
  max), and fetches per feed;
- the daemon's CPU (the scheduler and every crawl process it ran) and memory (peak RSS of the scheduler alone,
  and of the scheduler with its crawl processes);
- cycles (crawls) and sources per cycle; saved-search evaluations, their time, and alerts received.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from conftest import write_config  # noqa: E402
from receivers import Webhook  # noqa: E402

CLK = os.sysconf("SC_CLK_TCK")


class Feeds:
    """The feeds' contents (items per feed), and when each feed was fetched (200 or 304)."""

    def __init__(self, count: int) -> None:
        self.items: dict[int, list[tuple[int, float]]] = {n: [(0, time.time() - 86400 * 30)] for n in range(count)}
        self.fetches: dict[int, list[float]] = {n: [] for n in range(count)}
        self.lock = threading.Lock()
        self.next_item = 1

    def body(self, n: int, host: str) -> bytes:
        items = "".join(
            f"<item><title>Adult literacy note {k} of feed {n}</title><link>http://{host}/f/{n}/{k}</link>"
            f"<guid>http://{host}/f/{n}/{k}</guid><pubDate>{formatdate(when, usegmt=True)}</pubDate>"
            f"<description>Volunteers for adult literacy and reading tutors, note {k}.</description></item>"
            for k, when in self.items[n])
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {n}</title>{items}</channel></rss>'
                ).encode()

    def add_item(self, n: int) -> None:
        with self.lock:
            self.items[n].append((self.next_item, time.time()))
            self.next_item += 1


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: Any

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:  # noqa: N802
        feeds: Feeds = self.server.feeds
        match = re.fullmatch(r"/f/(\d+)/feed\.xml", self.path)
        if self.path == "/robots.txt":
            self._send(200, b"User-agent: *\nAllow: /\n", "text/plain")
            return
        if not match:         # an item's page: a short article
            self._send(200, b"<html><body><article><h1>Note</h1><p>Adult literacy.</p></article></body></html>",
                       "text/html; charset=utf-8")
            return
        n = int(match.group(1))
        with feeds.lock:
            feeds.fetches[n].append(time.monotonic())
            body = feeds.body(n, self.headers.get("Host", ""))
        etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self._send(200, body, "application/rss+xml", {"ETag": etag})

    def _send(self, status: int, body: bytes, ctype: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)


def serve(feeds: Feeds, hosts: int) -> list[ThreadingHTTPServer]:
    servers = []
    for h in range(hosts):
        server = ThreadingHTTPServer((f"127.0.1.{h + 1}", 0), Handler)
        server.daemon_threads = True
        server.feeds = feeds  # type: ignore[attr-defined]
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    return servers


def tree(pid: int) -> list[int]:
    """The process and its descendants."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo += children.get(p, [])
    return found


def rss_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def cpu_seconds(pid: int) -> float:
    """The process's CPU time and that of its children it has waited for."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    utime, stime, cutime, cstime = (int(fields[i]) for i in (11, 12, 13, 14))
    return (utime + stime + cutime + cstime) / CLK


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * (len(values) - 1) + 0.5))] if values else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sources", type=int, default=1000)
    parser.add_argument("--every", type=int, default=60, help="seconds between two refreshes of a source")
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--hosts", type=int, default=100)
    parser.add_argument("--keep", help="keep the data in this folder")
    args = parser.parse_args()

    folder = Path(args.keep or tempfile.mkdtemp(prefix="threadscout-bench-run-"))
    folder.mkdir(parents=True, exist_ok=True)
    feeds = Feeds(args.sources)
    servers = serve(feeds, args.hosts)
    hook = Webhook()
    sources = [{"url": f"http://{servers[n % args.hosts].server_address[0]}:"
                       f"{servers[n % args.hosts].server_address[1]}/f/{n}/feed.xml", "every": f"{args.every}s"}
               for n in range(args.sources)]
    config = write_config(folder, sources, crawl={"every": f"{args.every}s", "concurrency_per_site": 4})
    with config.open("a", encoding="utf-8") as f:
        f.write(f'\n[[saved_search]]\nname = "notes"\nquery = "literacy"\nnotify = ["{hook.url}"]\n'
                f'backfill = "1h"\n')
    log = (folder / "run.log").open("w", encoding="utf-8")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    started = time.monotonic()
    daemon = subprocess.Popen([sys.executable, "-m", "threadscout.search", "--config", str(config), "run"],
                              stdout=log, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
    print(f"{args.sources} feeds on {args.hosts} loopback hosts, every {args.every}s, for {args.minutes:g} min; "
          f"data in {folder}", flush=True)
    rng = random.Random(5)
    peak_daemon = peak_tree = 0.0
    samples_daemon: list[float] = []
    next_change = started + 30
    deadline = started + args.minutes * 60
    while time.monotonic() < deadline and daemon.poll() is None:
        pids = tree(daemon.pid)
        own = rss_mib(daemon.pid)
        whole = sum(rss_mib(p) for p in pids)
        samples_daemon.append(own)
        peak_daemon, peak_tree = max(peak_daemon, own), max(peak_tree, whole)
        if time.monotonic() >= next_change:
            for n in rng.sample(range(args.sources), max(1, args.sources // 50)):
                feeds.add_item(n)
            next_change += 30
        time.sleep(1.0)
    cpu_before_stop = cpu_seconds(daemon.pid)     # children waited for so far; the running one not yet
    wall = time.monotonic() - started
    daemon.send_signal(signal.SIGTERM)
    daemon.wait(180)
    log.close()
    output = (folder / "run.log").read_text(encoding="utf-8")

    warmup = started + 2 * args.every          # the first crawl of everything, and its settling
    gaps, late, counts = [], [], []
    with feeds.lock:
        for times in feeds.fetches.values():
            counts.append(len(times))
            for a, b in zip(times, times[1:]):
                if a >= warmup:
                    gaps.append(b - a)
                    late.append(b - a - args.every)
    cycles = [int(m.group(1)) for m in re.finditer(r"Crawled (\d+) sources?", output)]
    run_log = (folder / "data" / "logs" / "run.log").read_text(encoding="utf-8")
    evaluations = [float(m.group(1)) for m in re.finditer(r"Alerts for .*? in ([\d.]+)s", run_log)]
    result = {
        "sources": args.sources, "every_s": args.every, "minutes": args.minutes,
        "fetches_per_source_p50": pct(counts, 0.5), "fetches_min": min(counts) if counts else 0,
        "interval_p50_s": round(pct(gaps, 0.5), 2), "interval_p95_s": round(pct(gaps, 0.95), 2),
        "lateness_p50_s": round(pct(late, 0.5), 2), "lateness_p95_s": round(pct(late, 0.95), 2),
        "lateness_max_s": round(max(late), 2) if late else None,
        "cpu_percent_of_one_core": round(100 * cpu_before_stop / wall, 1),
        "daemon_rss_peak_mib": round(peak_daemon, 1), "daemon_rss_median_mib": round(pct(samples_daemon, 0.5), 1),
        "daemon_and_crawls_rss_peak_mib": round(peak_tree, 1),
        "cycles": len(cycles), "sources_per_cycle_mean": round(statistics.mean(cycles), 1) if cycles else 0,
        "alert_evaluations_logged": len(evaluations),
        "alert_evaluation_p50_s": round(pct(evaluations, 0.5), 2) if evaluations else None,
        "alerts_received": len(hook.received), "items_added": feeds.next_item - 1,
        "exit_code": daemon.returncode,
    }
    print(json.dumps(result, indent=2))
    hook.stop()
    for server in servers:
        server.shutdown()


if __name__ == "__main__":
    main()
