"""Saving and indexing beside a crawl (indexer/beside.py): a real child process, a real SQLite file and Whoosh
index. What is handed over is saved in order and indexed; what the child could not save is given back."""

from __future__ import annotations

import multiprocessing
import os
import signal
from datetime import datetime, timedelta, timezone

from threadscout.crawler.items import ConversationItem, ReplyItem
from threadscout.indexer.beside import Beside
from threadscout.indexer.db import Store
from threadscout.indexer.index import SearchIndex

TZ = timezone(timedelta(hours=2))


def page(n: int, replies: range) -> tuple[ConversationItem, str, None]:
    """Page ``n`` of one forum thread, with its replies at their positions in the thread."""
    item = ConversationItem(
        url="http://forum.test/t/1", title="Reading tutors for adults", author="Ana", kind="thread",
        published=datetime(2026, 10, 1, 9, tzinfo=TZ), text="Who trains volunteer reading tutors?",
        replies=[ReplyItem(author=f"member{i}", published=datetime(2026, 10, 2, 9, tzinfo=TZ) + timedelta(hours=i),
                           text=f"Answer number {i} about tutoring", url=f"http://forum.test/t/1#p{i}", position=i)
                 for i in replies])
    return item, "forum.test", None


def test_batches_handed_over_are_saved_in_order_and_indexed(tmp_path):
    url, index_dir = f"sqlite:///{tmp_path / 'db.sqlite'}", tmp_path / "index"
    Store(url).close()                          # the crawl's process creates the store first
    beside = Beside(url, index_dir).start()
    try:
        beside.save([page(1, range(0, 15))])
        beside.save([page(2, range(15, 30)), page(3, range(30, 31))])
        assert beside.wait_saved(timeout=60) == []
        assert beside.counts() == {"new": 1, "updated": 0, "replies_new": 31}
    finally:
        indexed = beside.finish(timeout=60)
    assert not beside.alive and indexed >= 1
    store = Store(url)
    try:
        conv = store.conversation("http://forum.test/t/1")
        assert conv is not None and conv.n_replies == 31
        assert [r.author for r in conv.replies] == [f"member{i}" for i in range(31)]   # page order, across pages
    finally:
        store.close()
    assert [hit.url for hit in SearchIndex(index_dir).search("tutoring")] == ["http://forum.test/t/1"]


def test_what_the_child_did_not_save_is_given_back(tmp_path):
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    Store(url).close()
    beside = Beside(url, tmp_path / "index").start()
    assert beside.process.pid is not None
    os.kill(beside.process.pid, signal.SIGKILL)       # the child dies before it is handed anything
    beside.process.join(10)
    batch = [page(1, range(0, 5))]
    beside.save(batch)
    assert beside.wait_saved(timeout=5) == [batch]   # the crawl then saves it itself (crawler/pipelines.py)
    beside.finish(timeout=5)


def _write_many(url: str, start: int) -> int:
    store = Store(url)
    try:
        for n in range(start, start + 100):
            item = ConversationItem(url=f"http://blog.test/{n}", title=f"Post {n}", author="Ana", text="Literacy",
                                    replies=[ReplyItem(author="Ben", published=None, text=f"Reply {n}")])
            store.save_many([(item, "blog.test", (f"http://blog.test/{n}", None, None))])
            store.record_fetch(f"http://blog.test/list-{n}", 200, None, None)
        return start
    finally:
        store.close()


def test_two_processes_write_to_one_store_at_once(tmp_path):
    """The crawl's process and the child both write during a crawl: they wait for each other, never fail with
    "database is locked"."""
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    Store(url).close()
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        assert sorted(pool.starmap(_write_many, [(url, 0), (url, 1000)])) == [0, 1000]
    store = Store(url)
    try:
        assert store.count() == 200
    finally:
        store.close()
