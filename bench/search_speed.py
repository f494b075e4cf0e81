"""Search at size: a generated corpus in the store, indexed by `threadscout reindex`, and queried; the same corpus
and queries over SQLite FTS5 (the reference) and a naive Whoosh index (the baseline) in the same run.

    python bench/search_speed.py [--conversations 100000] [--work DIR] [--skip-naive] [--queries 20]

The corpus: conversations of about 1,200 words with their replies (a title, an opening post of 150-450 words,
0-20 replies of 50-160 words; a fifth have none), words drawn from a Zipf vocabulary (English stop words at the
top ranks, then 40,000 made-up words), last activity spread over two years. It is written once into ``--work``
(a threadscout store, inserted in bulk) and reused by later runs of the same size.

Prints: indexing docs/s, index size and peak memory of each of the three; p50 / p95 in-process per query type
(rare word, common word, two-word AND, OR, phrase, field filter, date range, is:unanswered); the whole
`threadscout search` command's wall time (median of 5); 100 changed conversations indexed and committed, and
the segment count after 20 such syncs.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent / "threadscout"
NOW = datetime.now(timezone.utc).replace(microsecond=0)
STOP = ("the of and to a in is it you that he was for on are with as i his they be at one have this from or had "
        "by not but what all were we when your can said there use an each which she do how their if will up "
        "other about out many then them these so").split()


# -- the corpus ---------------------------------------------------------------------------------------------------
def vocabulary(rng: random.Random, size: int = 40_000) -> list[str]:
    onsets = "b c d f g h j k l m n p r s t v w z br cr dr fl gr pl st tr sh ch th".split()
    vowels = "a e i o u ai ea io ou".split()
    codas = ["", "", "n", "r", "s", "t", "l", "m", "nd", "st", "ng"]
    words: set[str] = set()
    while len(words) < size:
        n = rng.choice((1, 2, 2, 3, 3, 4))
        words.add("".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(n)) + rng.choice(codas))
    return STOP + sorted(words, key=lambda w: rng.random())


def word_pool(vocab: list[str], rng: random.Random, n: int = 3_000_000) -> list[str]:
    cum = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(vocab))))
    return rng.choices(vocab, cum_weights=cum, k=n)


def _when(value: datetime) -> str:
    """As SQLAlchemy stores a datetime in SQLite (always with microseconds)."""
    return value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")


def generate(db: Path, n: int, seed: int = 7) -> list[str]:
    """Writes ``n`` conversations into a new threadscout store at ``db``; returns the vocabulary by rank."""
    from threadscout.indexer.db import Store

    rng = random.Random(seed)
    vocab = vocabulary(rng)
    pool = word_pool(vocab, rng)
    Store(f"sqlite:///{db}").close()          # the store's tables, as threadscout makes them

    def words(count: int) -> str:
        start = rng.randrange(len(pool) - count)
        return " ".join(pool[start:start + count])

    sites = [f"forum{i}.example" for i in range(40)] + [f"blog{i}.example" for i in range(160)]
    names = [f"{a} {b}" for a in vocab[200:260] for b in vocab[300:340]]
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    conv_rows, reply_rows = [], []
    for cid in range(1, n + 1):
        site = sites[cid % len(sites)]
        forum = site.startswith("forum")
        last = NOW - timedelta(days=rng.uniform(0, 730))
        n_replies = 0 if rng.random() < 0.2 else rng.randint(1, 20)
        published = last - timedelta(days=rng.uniform(0, 30)) if n_replies else last
        title = words(rng.randint(5, 10)).capitalize()
        if rng.random() < 0.3:
            title += "?"
        url = f"http://{site}/{'t' if forum else 'p'}/{cid}"
        conv_rows.append((cid, url, site, "thread" if forum else "post", "page", title, rng.choice(names),
                          _when(published), _when(last), words(rng.randint(150, 450)), n_replies, _when(NOW),
                          _when(NOW)))
        step = (last - published) / max(1, n_replies)
        for pos in range(n_replies):
            reply_rows.append((cid, f"{url}#r{pos}", f"{url}#r{pos}", rng.choice(names),
                               _when(published + step * (pos + 1)), words(rng.randint(50, 160)), pos, _when(NOW)))
        if len(conv_rows) >= 5000 or cid == n:
            con.executemany("INSERT INTO conversations (id, url, site, kind, origin, title, author, published, "
                            "last_activity, text, n_replies, first_seen, updated_at) "
                            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", conv_rows)
            con.executemany("INSERT INTO replies (conversation_id, key, url, author, published, text, position, "
                            "first_seen) VALUES (?,?,?,?,?,?,?,?)", reply_rows)
            con.commit()
            conv_rows, reply_rows = [], []
    con.close()
    return vocab


# -- the queries --------------------------------------------------------------------------------------------------
def queries(vocab: list[str], per_type: int, seed: int = 11) -> dict[str, list[str]]:
    rng = random.Random(seed)
    ranks = lambda lo, hi: vocab[rng.randrange(lo, hi)]  # noqa: E731
    start = (NOW - timedelta(days=120)).date()
    return {
        "rare word": [ranks(5000, 15000) for _ in range(per_type)],
        "common word": [ranks(len(STOP), len(STOP) + 60) for _ in range(per_type)],
        "two-word AND": [f"{ranks(100, 1000)} {ranks(100, 1000)}" for _ in range(per_type)],
        "OR": [f"{ranks(300, 3000)} OR {ranks(300, 3000)}" for _ in range(per_type)],
        "phrase": [f'"{ranks(len(STOP), 300)} {ranks(len(STOP), 300)}"' for _ in range(per_type)],
        "field filter": [f"title:{ranks(100, 1000)}" for _ in range(per_type)],
        "date range": [f"{ranks(100, 1000)} after:{start + timedelta(days=d)} before:{start + timedelta(days=d + 60)}"
                       for d in (rng.randrange(0, 60) for _ in range(per_type))],
        "is:unanswered": [f"{ranks(100, 1000)} is:unanswered" for _ in range(per_type)],
    }


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] * 1000


# -- measuring ----------------------------------------------------------------------------------------------------
class PeakMemory:
    """The largest total resident memory of a process and its descendants, sampled every 0.5 s."""

    def __init__(self, pid: int | None = None) -> None:
        self.pid = pid or os.getpid()
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _tree(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat") as f:
                        ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
                children.setdefault(ppid, []).append(int(entry))
        found, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            found.append(pid)
            todo += children.get(pid, [])
        return found

    def _rss(self) -> int:
        total = 0
        for pid in self._tree():
            try:
                with open(f"/proc/{pid}/statm") as f:
                    total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            except (OSError, IndexError, ValueError):
                pass
        return total

    def _run(self) -> None:
        while not self._stop.wait(0.5):
            self.peak = max(self.peak, self._rss())

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def mib(value: float) -> str:
    return f"{value / 2**20:,.0f} MiB"


def report(label: str, value: str) -> None:
    print(f"{label:<58} {value}", flush=True)


# -- threadscout --------------------------------------------------------------------------------------------------
def write_config(work: Path) -> Path:
    config = work / "threadscout.toml"
    config.write_text(f'[mission]\nname = "Bench"\nkeywords = ["literacy"]\n\n[storage]\npath = "{work}"\n\n'
                      '[[source]]\nurl = "http://forum0.example/"\n', encoding="utf-8")
    return config


def threadscout_reindex(work: Path, config: Path, n: int) -> None:
    shutil.rmtree(work / "index", ignore_errors=True)
    start = time.perf_counter()
    proc = subprocess.Popen([str(BIN), "--config", str(config), "reindex"], stdout=subprocess.PIPE)
    with PeakMemory(proc.pid) as memory:
        out, _ = proc.communicate()
    took = time.perf_counter() - start
    assert proc.returncode == 0, out
    from threadscout.indexer.index import SearchIndex

    idx = SearchIndex(work / "index")
    report("threadscout reindex", f"{n / took:,.0f} docs/s ({took:,.1f} s), peak {mib(memory.peak)}")
    report("threadscout index size, segments", f"{mib(size_of(idx.live_dir()))}, {idx.segment_count()}")


def threadscout_queries(config: Path, qs: dict[str, list[str]]) -> None:
    from threadscout.config.settings import load_settings
    from threadscout.search.query import search

    cfg = load_settings(config)
    search(cfg, "warm up")
    for kind, items in qs.items():
        times, hits = [], []
        for q in items:
            start = time.perf_counter()
            hits.append(len(search(cfg, q, limit=20)))
            times.append(time.perf_counter() - start)
        report(f"threadscout  {kind}", f"p50 {pct(times, .5):5.0f} ms  p95 {pct(times, .95):5.0f} ms  "
                                       f"(hits: median {statistics.median(hits):.0f})")


def command_time(config: Path, query: str, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(BIN), "--config", str(config), "search", query], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def changed_syncs(work: Path, config: Path, rounds: int = 30) -> None:
    """Rounds of 100 changed conversations indexed as `crawl` does (``sync``): the time until they are
    committed (searchable, recorded in the store), and until the sync returns (a merge of small segments, when
    there are more than MAX_SEGMENTS, comes after the commit)."""
    from threadscout.config.settings import load_settings
    from threadscout.indexer.db import Store
    from threadscout.indexer.index import SearchIndex
    from threadscout.indexer.sync import sync

    cfg = load_settings(config)
    store, idx = Store(cfg.database_url), SearchIndex(cfg.index_dir)
    committed: list[float] = []
    write = idx.write

    def timed_write(docs, *, after_commit=None):      # the moment the documents' commit is done
        def done() -> None:
            committed.append(time.perf_counter())
            if after_commit:
                after_commit()
        return write(docs, after_commit=done)

    idx.write = timed_write
    con = sqlite3.connect(work / "threadscout.db")
    rng = random.Random(3)
    n = con.execute("SELECT max(id) FROM conversations").fetchone()[0]
    to_commit, to_return, segments = [], [], []
    for _ in range(rounds):
        ids = rng.sample(range(1, n + 1), 100)
        con.executemany("UPDATE conversations SET text = text || ' changed', updated_at = ? WHERE id = ?",
                        [(_when(datetime.now(timezone.utc)), i) for i in ids])
        con.commit()
        start = time.perf_counter()
        written = sync(store, idx)
        to_return.append(time.perf_counter() - start)
        to_commit.append(committed[-1] - start)
        segments.append(idx.segment_count())
        assert written == 100, written
    con.close()
    report("100 changed conversations indexed and committed",
           f"p50 {statistics.median(to_commit):.2f} s, max {max(to_commit):.2f} s ({rounds} rounds)")
    report("  the same syncs until they return (merges included)",
           f"p50 {statistics.median(to_return):.2f} s, p95 {pct(to_return, .95) / 1000:.2f} s, "
           f"max {max(to_return):.2f} s; segments at most {max(segments)}, {segments[-1]} at the end")
    store.close()


# -- the naive Whoosh baseline ------------------------------------------------------------------------------------
def naive_whoosh(work: Path, n: int, qs: dict[str, list[str]], reuse: bool = False) -> None:
    from whoosh import index
    from whoosh.analysis import StemmingAnalyzer
    from whoosh.fields import DATETIME, ID, NUMERIC, TEXT, Schema
    from whoosh.qparser import MultifieldParser
    from whoosh.query import And, DateRange, Term

    folder = work / "naive"
    schema = Schema(url=ID(stored=True, unique=True), title=TEXT(StemmingAnalyzer(), stored=True),
                    body=TEXT(StemmingAnalyzer(), stored=True), last_activity=DATETIME(stored=True),
                    n_replies=NUMERIC(stored=True), unanswered=ID())
    if reuse and index.exists_in(str(folder)):
        report("naive Whoosh index", f"reused, {mib(size_of(folder))}")
    else:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        ix = index.create_in(str(folder), schema)
        start = time.perf_counter()
        with PeakMemory() as memory:
            writer = ix.writer()
            for row in _documents(work / "threadscout.db"):
                writer.add_document(url=row["url"], title=row["title"], body=row["body"],
                                    last_activity=row["last_activity"], n_replies=row["n_replies"],
                                    unanswered="yes" if row["n_replies"] == 0 else "no")
            writer.commit()
        took = time.perf_counter() - start
        report("naive Whoosh index (one writer, StemmingAnalyzer, stored text)",
               f"{n / took:,.0f} docs/s ({took:,.1f} s), {mib(size_of(folder))}, peak {mib(memory.peak)}")
    parser = MultifieldParser(["title", "body"], schema)

    def parse(q: str):
        words, extra, start, end = [], [], None, None
        for part in q.split(" "):
            if part.startswith("after:"):
                start = datetime.fromisoformat(part[6:])
            elif part.startswith("before:"):
                end = datetime.fromisoformat(part[7:])
            elif part == "is:unanswered":
                extra.append(Term("unanswered", "yes"))
            else:
                words.append(part)
        if start or end:
            extra.append(DateRange("last_activity", start, end))
        parsed = parser.parse(" ".join(words))
        return And([parsed, *extra]) if extra else parsed

    ix = index.open_dir(str(folder))
    for kind, items in qs.items():
        times = []
        for q in items:
            begin = time.perf_counter()
            with ix.searcher() as searcher:
                [hit["title"] for hit in searcher.search(parse(q), limit=20)]
            times.append(time.perf_counter() - begin)
        report(f"naive Whoosh  {kind}", f"p50 {pct(times, .5):5.0f} ms  p95 {pct(times, .95):5.0f} ms")


# -- SQLite FTS5, the reference -----------------------------------------------------------------------------------
def fts5(work: Path, n: int, qs: dict[str, list[str]]) -> None:
    path = work / "fts5.sqlite"
    path.unlink(missing_ok=True)
    con = sqlite3.connect(path)
    con.execute("CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize='porter unicode61 remove_diacritics 2')")
    con.execute("CREATE TABLE meta (id INTEGER PRIMARY KEY, url TEXT, last_activity TEXT, n_replies INTEGER)")
    con.execute("CREATE INDEX meta_last ON meta (last_activity)")
    start = time.perf_counter()
    batch_fts, batch_meta = [], []
    for i, row in enumerate(_documents(work / "threadscout.db"), 1):
        batch_fts.append((i, row["title"], row["body"]))
        batch_meta.append((i, row["url"], row["last_activity"].isoformat(sep=" "), row["n_replies"]))
        if len(batch_fts) == 2000:
            con.executemany("INSERT INTO fts (rowid, title, body) VALUES (?,?,?)", batch_fts)
            con.executemany("INSERT INTO meta VALUES (?,?,?,?)", batch_meta)
            batch_fts, batch_meta = [], []
    con.executemany("INSERT INTO fts (rowid, title, body) VALUES (?,?,?)", batch_fts)
    con.executemany("INSERT INTO meta VALUES (?,?,?,?)", batch_meta)
    con.commit()
    con.execute("INSERT INTO fts(fts) VALUES('optimize')")
    con.commit()
    took = time.perf_counter() - start
    report("SQLite FTS5 (porter, unicode61)", f"{n / took:,.0f} docs/s ({took:,.1f} s), {mib(path.stat().st_size)}")

    def run(q: str) -> list[str]:
        words, where, args = [], [], []
        for part in q.split(" "):
            if part.startswith("after:"):
                where.append("m.last_activity >= ?")
                args.append(part[6:])
            elif part.startswith("before:"):
                where.append("m.last_activity < ?")
                args.append(part[7:])
            elif part == "is:unanswered":
                where.append("m.n_replies = 0")
            elif part.startswith("title:"):
                words.append(f"title : {part[6:]}")
            else:
                words.append(part)
        sql = ("SELECT m.url FROM fts JOIN meta m ON m.id = fts.rowid WHERE fts MATCH ? "
               + "".join(f" AND {w}" for w in where) + " ORDER BY bm25(fts, 3.0, 1.0) LIMIT 20")
        return [r[0] for r in con.execute(sql, [" ".join(words), *args])]

    for kind, items in qs.items():
        times = []
        for q in items:
            begin = time.perf_counter()
            run(q)
            times.append(time.perf_counter() - begin)
        report(f"FTS5  {kind}", f"p50 {pct(times, .5):5.0f} ms  p95 {pct(times, .95):5.0f} ms")
    con.close()


def _documents(db: Path):
    con = sqlite3.connect(db)
    replies = con.execute("SELECT conversation_id, text FROM replies ORDER BY conversation_id, position")
    pending = next(replies, None)
    for cid, url, title, text, last, n_replies in con.execute(
            "SELECT id, url, title, text, last_activity, n_replies FROM conversations ORDER BY id"):
        parts = [text]
        while pending is not None and pending[0] <= cid:
            if pending[0] == cid:
                parts.append(pending[1])
            pending = next(replies, None)
        yield {"url": url, "title": title, "body": "\n\n".join(parts), "last_activity": datetime.fromisoformat(last),
               "n_replies": n_replies}
    con.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--conversations", type=int, default=100_000)
    parser.add_argument("--work", type=Path, default=None, help="where the corpus is kept between runs "
                        "(default: /tmp/threadscout-bench-N)")
    parser.add_argument("--queries", type=int, default=20, help="queries of each type")
    parser.add_argument("--skip-naive", action="store_true", help="leave out the naive Whoosh baseline (slow)")
    parser.add_argument("--only", choices=("corpus", "threadscout", "naive"), help="stop after this part, or "
                        "(naive) run only the naive baseline")
    parser.add_argument("--reuse-naive", action="store_true", help="query the naive index of an earlier run "
                        "instead of building it again (16 minutes at 100,000)")
    args = parser.parse_args()
    n = args.conversations
    work = args.work or Path(f"/tmp/threadscout-bench-{n}")
    work.mkdir(parents=True, exist_ok=True)
    vocab_file = work / "vocabulary.json"
    if not vocab_file.exists():
        (work / "threadscout.db").unlink(missing_ok=True)
        start = time.perf_counter()
        vocab = generate(work / "threadscout.db", n)
        vocab_file.write_text(json.dumps(vocab), encoding="utf-8")
        report("corpus generated", f"{n:,} conversations in {time.perf_counter() - start:,.0f} s, "
                                   f"{mib((work / 'threadscout.db').stat().st_size)}")
    vocab = json.loads(vocab_file.read_text(encoding="utf-8"))
    con = sqlite3.connect(work / "threadscout.db")
    words = con.execute("SELECT (SELECT sum(length(text) - length(replace(text, ' ', '')) + 1) FROM replies) + "
                        "(SELECT sum(length(text) - length(replace(text, ' ', '')) + 1) FROM conversations)"
                        ).fetchone()[0]
    con.close()
    report("corpus", f"{n:,} conversations, {words / n:,.0f} words each with replies")
    if args.only == "corpus":
        return 0
    qs = queries(vocab, args.queries)
    if args.only == "naive":
        naive_whoosh(work, n, qs, reuse=args.reuse_naive)
        return 0
    config = write_config(work)
    threadscout_reindex(work, config, n)
    threadscout_queries(config, qs)
    report("`threadscout search` whole command (median of 5)",
           f"{command_time(config, qs['two-word AND'][0]) * 1000:.0f} ms")
    report("`threadscout --version` (median of 5)", f"{_version_time() * 1000:.0f} ms")
    changed_syncs(work, config)
    if args.only == "threadscout":
        return 0
    fts5(work, n, qs)
    if not args.skip_naive:
        naive_whoosh(work, n, qs, reuse=args.reuse_naive)
    return 0


def _version_time(runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(BIN), "--version"], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


if __name__ == "__main__":
    sys.exit(main())
