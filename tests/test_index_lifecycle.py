"""The index stays usable: rebuilt beside the live one and swapped in atomically, damage and absence reported
in one line with the way out, small segments merged after writes, the 0.1 layout read and replaced."""

from __future__ import annotations

import json
import sqlite3

import pytest

from conftest import run_cli, write_config
from test_index import item, search_urls
from threadscout.config.errors import IndexUnusableError
from threadscout.indexer.db import Store
from threadscout.indexer.index import MAX_SEGMENTS, IndexDoc, SearchIndex
from threadscout.indexer.sync import rebuild, sync, to_doc


@pytest.fixture
def store(tmp_path):
    s = Store(f"sqlite:///{tmp_path / 'data' / 'threadscout.db'}")
    yield s
    s.close()


def fill(store: Store, n: int, text: str = "Adult literacy tutors") -> None:
    for i in range(n):
        store.save(item(f"http://blog.test/{i}/", f"{text} number {i}"), "blog.test")


def test_searches_keep_working_while_a_rebuild_runs(store, tmp_path):
    idx = SearchIndex(tmp_path / "data" / "index", retire_after=0)
    fill(store, 30)
    sync(store, idx)
    before = idx.live_dir()
    seen_during: list[list[str]] = []
    reader = SearchIndex(tmp_path / "data" / "index")    # another process would see the same files

    def docs():
        for n, rows in enumerate(store.index_rows(batch=10)):
            for conv in rows:
                yield to_doc(conv)
            if n == 1:    # halfway through writing the new generation
                seen_during.append(search_urls(reader, "literacy"))

    assert idx.rebuild(docs()) == 30
    assert seen_during and len(seen_during[0]) == 20 == len(set(seen_during[0]))   # the old index, whole
    assert idx.live_dir() != before and not before.exists()          # swapped; old removed (no grace here)
    assert len(search_urls(idx, "literacy")) == 20 and idx.doc_count() == 30


def test_a_failed_rebuild_leaves_the_live_index_alone(store, tmp_path):
    idx = SearchIndex(tmp_path / "data" / "index")
    fill(store, 5)
    sync(store, idx)
    live = idx.live_dir()

    def broken():
        yield to_doc(store.conversations()[0])
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        idx.rebuild(broken())
    assert idx.live_dir() == live and idx.doc_count() == 5
    assert [p.name for p in (tmp_path / "data" / "index").iterdir() if p.name.startswith("gen-")] == [live.name]


def test_small_commits_do_not_pile_up_segments(store, tmp_path):
    """Whoosh's own policy leaves every commit of more than a few dozen documents as a segment of its own."""
    idx = SearchIndex(tmp_path / "data" / "index")
    fill(store, 1)
    sync(store, idx)
    rounds, per_round = 2 * MAX_SEGMENTS, 60
    for r in range(rounds):     # one crawl after another, each finding a few dozen conversations
        for i in range(per_round):
            store.save(item(f"http://blog.test/r{r}-{i}/", f"Reading tutor meetup {r} {i}"), "blog.test")
        assert sync(store, idx) == per_round
        assert idx.segment_count() <= MAX_SEGMENTS
    assert idx.doc_count() == 1 + rounds * per_round
    assert len(idx.search("meetup", limit=10_000)) == rounds * per_round


def damage(idx: SearchIndex) -> None:
    live = idx.live_dir()
    assert live is not None
    for segment in [*live.glob("*.seg"), *live.glob("*.trm"), *live.glob("*.pst")]:   # compound or plain files
        segment.write_bytes(segment.read_bytes()[:40])     # truncated, as after a full disk


def test_a_damaged_index_is_reported_with_the_way_out(store, tmp_path):
    idx = SearchIndex(tmp_path / "data" / "index")
    fill(store, 3)
    sync(store, idx)
    damage(idx)
    with pytest.raises(IndexUnusableError, match="damaged.*threadscout reindex"):
        idx.search("literacy")
    assert idx.state() == "damaged"
    assert sync(store, idx) == 3                 # the next crawl's sync rebuilds it from the store
    assert len(search_urls(idx, "literacy")) == 3


@pytest.fixture
def crawled_config(demo_web, tmp_path):
    config = write_config(tmp_path, [{"url": f"{demo_web.base}/blog/feed/"}])
    run_cli("crawl", config=config, check=True)
    return config


def test_cli_damaged_and_missing_index_say_reindex_in_one_line(crawled_config):
    index_dir = crawled_config.parent / "data" / "index"
    damage(SearchIndex(index_dir))
    proc = run_cli("search", "literacy", config=crawled_config)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "threadscout reindex" in proc.stderr
    assert "damaged" in proc.stderr
    import shutil

    shutil.rmtree(index_dir)
    proc = run_cli("search", "literacy", config=crawled_config)
    assert proc.returncode == 1 and "missing" in proc.stderr and "threadscout reindex" in proc.stderr
    assert "No conversations match" not in proc.stdout
    run_cli("reindex", config=crawled_config, check=True)
    assert json.loads(run_cli("search", "literacy", "--json", config=crawled_config, check=True).stdout)


def test_search_before_any_crawl_is_not_an_error(tmp_path):
    config = write_config(tmp_path, [{"url": "http://127.0.0.1:9/feed/"}])
    proc = run_cli("search", "literacy", config=config)
    assert proc.returncode == 0 and "No conversations match" in proc.stdout


def test_the_layout_of_threadscout_0_1_is_read_then_replaced(store, tmp_path):
    """0.1 wrote the Whoosh files straight into data/index; they stay searchable until a rebuild replaces them."""
    from whoosh import index as whoosh_index    # the test writes the old layout under the wrapper

    from threadscout.indexer.schema import SCHEMA_VERSION, ConversationSchema

    folder = tmp_path / "data" / "index"
    folder.mkdir(parents=True)
    ix = whoosh_index.create_in(str(folder), ConversationSchema())
    writer = ix.writer()
    writer.add_document(url="http://old.test/1/", site="old.test", kind="post", title="Old adult literacy post")
    writer.commit()
    (folder / "SCHEMA_VERSION").write_text(str(SCHEMA_VERSION))
    idx = SearchIndex(folder, retire_after=0)
    assert idx.state() == "ok" and search_urls(idx, "literacy") == ["http://old.test/1/"]
    fill(store, 2)
    assert rebuild(store, idx) == 2
    assert sorted(p.name for p in folder.iterdir()) == ["CURRENT", "INDEXING.lock", idx.live_dir().name]
    assert len(search_urls(idx, "literacy")) == 2


def test_a_rebuild_marks_what_it_read_and_a_later_change_is_indexed_again(store, tmp_path):
    idx = SearchIndex(tmp_path / "data" / "index")
    fill(store, 2)
    rebuild(store, idx)
    assert sync(store, idx) == 0
    store.save(item("http://blog.test/0/", "Adult literacy tutors moved to Thursday"), "blog.test")
    assert sync(store, idx) == 1 and search_urls(idx, "thursday") == ["http://blog.test/0/"]
    with sqlite3.connect(tmp_path / "data" / "threadscout.db") as db:
        assert db.execute("select count(*) from conversations where indexed_at is null or "
                          "indexed_at != updated_at").fetchone() == (0,)
    assert isinstance(to_doc(store.conversations()[0]), IndexDoc)


def test_a_swapped_out_generation_is_kept_a_while_for_searches_still_reading_it(store, tmp_path):
    idx = SearchIndex(tmp_path / "data" / "index", retire_after=3600)
    fill(store, 3)
    rebuild(store, idx)
    first = idx.live_dir()
    rebuild(store, idx)
    assert first.is_dir() and (first / "RETIRED").is_file()          # still there for an open search
    later = SearchIndex(tmp_path / "data" / "index", retire_after=0)
    rebuild(store, later)
    assert not first.exists() and len(later._generations()) == 1   # removed once its time was up


def test_conversations_stored_while_a_rebuild_runs_are_not_lost(store, tmp_path):
    idx = SearchIndex(tmp_path / "data" / "index")
    fill(store, 20)
    sync(store, idx)
    crawl_index = SearchIndex(tmp_path / "data" / "index")        # a crawl's sync in another process

    def docs():
        for n, rows in enumerate(store.index_rows(batch=5)):
            for conv in rows:
                yield to_doc(conv)
            if n == 1:
                store.save(item("http://blog.test/new/", "Brand new thread about a reading tutor"), "blog.test")
                store.save(item("http://blog.test/0/", "Adult literacy tutors now meet in the park"), "blog.test")
                assert sync(store, crawl_index) == 2                # written to the generation being replaced

    from threadscout.indexer import sync as sync_module

    stamps = {c.id: c.updated_at for c in store.conversations()}
    written = idx.rebuild(docs(), after_swap=lambda: (store.mark_indexed(stamps),
                                                        store.forget_index_after(max(stamps))))
    assert written >= 20
    assert sync_module.sync(store, idx) == 2                        # both are indexed again, not lost
    assert search_urls(idx, "park") == ["http://blog.test/0/"]
    assert search_urls(idx, '"reading tutor"') == ["http://blog.test/new/"]


def test_rebuild_from_the_store_indexes_what_changed_meanwhile(store, tmp_path):
    idx = SearchIndex(tmp_path / "data" / "index")
    fill(store, 20)
    batches = []

    def progress(n: int) -> None:       # called between batches read from the store: a crawl saves meanwhile
        batches.append(n)
        if len(batches) == 2:
            store.save(item("http://blog.test/late/", "A late thread on the park reading club"), "blog.test")
            store.save(item("http://blog.test/0/", "Adult literacy tutors now meet on the pier"), "blog.test")

    assert rebuild(store, idx, progress, batch=5) >= 21
    assert search_urls(idx, "park") == ["http://blog.test/late/"]
    assert search_urls(idx, "pier") == ["http://blog.test/0/"]
    assert sync(store, idx) == 0


def test_two_rebuilds_at_once_both_succeed(store, tmp_path):
    idx = SearchIndex(tmp_path / "data" / "index", retire_after=0)
    other = SearchIndex(tmp_path / "data" / "index", retire_after=0)
    fill(store, 10)

    def docs():
        for n, conv in enumerate(store.conversations()):
            yield to_doc(conv)
            if n == 3:
                assert rebuild(store, other) == 10                # a second reindex, run meanwhile

    assert idx.rebuild(docs()) == 10
    assert idx.state() == "ok" and len(search_urls(idx, "literacy")) == 10
    assert len(idx._generations()) == 1 and not list((tmp_path / "data" / "index").glob("gen-*/BUILDING"))


def test_rebuild_on_several_processes_writes_one_segment_each_and_loses_nothing(store, tmp_path):
    idx = SearchIndex(tmp_path / "data" / "index")
    fill(store, 30)
    seen = []
    assert rebuild(store, idx, seen.append, workers=3) == 30
    assert sum(seen) == 30                                    # progress counted every conversation
    assert idx.segment_count() == 3 and idx.doc_count() == 30
    assert [search_urls(idx, f"number {i}") for i in (10, 15, 29)] == [[f"http://blog.test/{i}/"] for i in (10, 15, 29)]
    assert sync(store, idx) == 0                              # every conversation marked indexed at the swap
    store.save(item("http://blog.test/3/", "Tutors meet on the pier"), "blog.test")
    assert sync(store, idx) == 1 and search_urls(idx, "pier") == ["http://blog.test/3/"]
    assert idx.doc_count() == 30                              # the old copy replaced, in whichever segment


def test_the_merge_policy_keeps_segments_few_and_merges_like_with_like():
    """500 syncs of 100 conversations on an index rebuilt as 2 segments of 50,000: the big ones are never
    merged, segments stay at most MAX_SEGMENTS until what came since reaches FROZEN size, and a merge never takes
    more than MERGE_FACTOR segments of one size level."""
    from threadscout.indexer.index import FROZEN, MERGE_FACTOR, merge_plan

    sizes, merged, most = [50_000, 50_000], 0, 0
    for _ in range(500):
        sizes.append(100)
        while plan := merge_plan(sizes):
            assert len(plan) == MERGE_FACTOR and all(sizes[i] < FROZEN for i in plan)
            assert max(sizes[i] for i in plan) <= MERGE_FACTOR * min(sizes[i] for i in plan)
            merged += sum(sizes[i] for i in plan)
            sizes = [s for i, s in enumerate(sizes) if i not in plan] + [sum(sizes[i] for i in plan)]
        most = max(most, len([s for s in sizes if s < FROZEN]) + 2)
    assert most <= MAX_SEGMENTS
    assert sizes.count(50_000) == 2 and sum(sizes) == 150_000
    assert merged / 500 < 100 * 6          # each document merged a few times (log4), not once per sync
