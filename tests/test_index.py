"""The store and the Whoosh index: upserts keyed on the canonical URL, incremental sync, rebuild, accents,
and searching while a writer holds the index."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from threadscout.config.errors import QueryError
from threadscout.crawler.items import ConversationItem, ReplyItem
from threadscout.indexer.db import Store
from threadscout.indexer.index import IndexDoc, IndexMissingError, SearchIndex
from threadscout.indexer.sync import rebuild, sync

TZ = timezone(timedelta(hours=2))


def item(url: str, text: str, *replies: ReplyItem, origin: str = "page", title: str = "A post") -> ConversationItem:
    return ConversationItem(url=url, title=title, author="Ana", published=datetime(2026, 10, 1, 9, tzinfo=TZ),
                            text=text, replies=list(replies), origin=origin)  # type: ignore[arg-type]


def reply(n: int, text: str, author: str = "Ben") -> ReplyItem:
    return ReplyItem(author=author, published=datetime(2026, 10, 2, n, tzinfo=TZ), text=text,
                     url=f"http://blog.test/p/#comment-{n}")


@pytest.fixture
def store(tmp_path):
    s = Store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    yield s
    s.close()


def search_urls(idx: SearchIndex, query: str) -> list[str]:
    return [h.url for h in idx.search(query)]


def test_upserts_never_duplicate_and_changes_update(store):
    first = store.save(item("http://blog.test/p/", "Volunteer tutors", reply(1, "I can help")), "blog.test")
    assert first.outcome == "new" and first.new_replies == 1
    again = store.save(item("http://blog.test/p/", "Volunteer tutors", reply(1, "I can help")), "blog.test")
    assert again.outcome == "unchanged" and again.conversation_id == first.conversation_id
    changed = store.save(item("http://blog.test/p/", "Volunteer tutors wanted", reply(1, "I can help"),
                              reply(2, "Me too", "Cy")), "blog.test")
    assert changed.outcome == "updated" and changed.new_replies == 1
    conv = store.conversation("http://blog.test/p/")
    assert conv is not None and conv.text == "Volunteer tutors wanted" and conv.n_replies == 2
    assert conv.participants == ["Ana", "Ben", "Cy"] and store.count() == 1


def test_a_comment_feed_fills_in_but_never_overrides_the_page(store):
    store.save(item("http://blog.test/p/", "Full text from the page", reply(1, "Page text")), "blog.test")
    feed_reply = replace(reply(1, "Feed text"), published=None)
    result = store.save(ConversationItem(url="http://blog.test/p/", origin="comments",
                                         replies=[feed_reply, reply(3, "Only in the feed")]), "blog.test")
    assert result.new_replies == 1
    conv = store.conversation("http://blog.test/p/")
    assert conv is not None and conv.text == "Full text from the page" and conv.title == "A post"
    assert [r.text for r in conv.replies] == ["Page text", "Only in the feed"]   # page order, then by date


def test_index_is_incremental_and_rebuildable(store, tmp_path):
    idx = SearchIndex(tmp_path / "index")
    store.save(item("http://blog.test/a/", "Adult literacy tutors meet on Mondays"), "blog.test")
    store.save(item("http://blog.test/b/", "Our garden needs compost", reply(1, "ESL classes nearby?")),
               "blog.test")
    assert sync(store, idx) == 2
    assert sync(store, idx) == 0                       # nothing new: nothing written
    assert search_urls(idx, "literacy") == ["http://blog.test/a/"]
    assert search_urls(idx, '"ESL classes"') == ["http://blog.test/b/"]   # replies are searchable
    store.save(item("http://blog.test/a/", "Adult literacy tutors now meet on Tuesdays"), "blog.test")
    assert sync(store, idx) == 1 and idx.doc_count() == 2
    import shutil
    shutil.rmtree(tmp_path / "index")                  # the index is lost; the store is the truth
    with pytest.raises(IndexMissingError, match="reindex"):
        idx.search("literacy")
    assert rebuild(store, idx) == 2
    assert search_urls(idx, "tuesdays") == ["http://blog.test/a/"]


def test_accents_are_folded_and_words_stemmed(tmp_path):
    idx = SearchIndex(tmp_path / "index")
    doc = IndexDoc(url="http://x.test/1", site="x.test", kind="post", title="Résumés für Lesepaten",
                   text="Wir üben Bewerbungen", replies="", authors="Zoë", published=None, last_activity=None,
                   n_replies=0)
    idx.write([doc])
    assert search_urls(idx, "resume") == ["http://x.test/1"]
    assert search_urls(idx, "fur") == ["http://x.test/1"]
    assert search_urls(idx, "zoe") == ["http://x.test/1"]


def test_a_batch_with_the_same_url_twice_keeps_one_document(tmp_path):
    idx = SearchIndex(tmp_path / "index")
    docs = [IndexDoc(url="http://x.test/1", site="x.test", kind="post", title=t, text="", replies="", authors="",
                     published=None, last_activity=None, n_replies=0) for t in ("first draft", "final words")]
    assert idx.write(docs) == 1
    assert idx.doc_count() == 1 and search_urls(idx, "final") == ["http://x.test/1"]
    assert search_urls(idx, "draft") == []


def test_search_works_while_a_writer_holds_the_lock(store, tmp_path):
    idx = SearchIndex(tmp_path / "index")
    store.save(item("http://blog.test/a/", "Adult literacy"), "blog.test")
    sync(store, idx)
    from whoosh import index as whoosh_index   # the test reaches under the wrapper to hold the lock

    writer = whoosh_index.open_dir(str(idx.live_dir())).writer()
    try:
        assert search_urls(idx, "literacy") == ["http://blog.test/a/"]
    finally:
        writer.cancel()


def test_empty_query_is_a_clear_error(tmp_path):
    with pytest.raises(QueryError, match="empty"):
        SearchIndex(tmp_path / "index").search("   ")


def test_an_index_of_another_schema_version_is_rebuilt_beside_it(store, tmp_path):
    idx = SearchIndex(tmp_path / "index")
    store.save(item("http://blog.test/a/", "Adult literacy"), "blog.test")
    assert sync(store, idx) == 1
    old = idx.live_dir()
    assert old is not None
    (old / "SCHEMA_VERSION").write_text("0")   # as if written by an older threadscout
    assert idx.state() == "outdated"
    assert search_urls(idx, "literacy") == ["http://blog.test/a/"]   # still searchable until replaced
    assert sync(store, idx) == 1 and search_urls(idx, "literacy") == ["http://blog.test/a/"]
    assert idx.live_dir() != old and (old / "RETIRED").is_file() and idx.state() == "ok"


def test_replies_of_a_thread_read_page_by_page_keep_the_threads_order(store):
    """A later page saved first, then the first page: replies in thread order, none overwritten."""
    def post(n: int, position: int) -> ReplyItem:
        return ReplyItem(author=f"User {n}", published=datetime(2026, 10, 2, 9, n, tzinfo=TZ), text=f"Post {n}",
                         url=f"http://forum.test/t/15#p{n}", position=position)

    page2 = ConversationItem(url="http://forum.test/t/15", kind="thread", origin="page",
                             replies=[post(n, 100_000 + i) for i, n in enumerate((6, 7, 8))])
    page1 = ConversationItem(url="http://forum.test/t/15", kind="thread", origin="page", title="Tutors",
                             author="Ana", text="Opening post", replies=[post(n, n - 1) for n in (2, 3, 4, 5)])
    store.save(page2, "forum.test")
    store.save(page1, "forum.test")
    store.save(page2, "forum.test")       # a refresh of page 2 changes nothing
    conv = store.conversation("http://forum.test/t/15")
    assert conv is not None and conv.n_replies == 7
    assert [r.author for r in conv.replies] == [f"User {n}" for n in (2, 3, 4, 5, 6, 7, 8)]
    assert conv.title == "Tutors" and conv.author == "Ana"


def test_pages_of_results_never_overlap_past_the_reordered_best(tmp_path):
    """Activity and recency reorder the best 200 matches by words; pages beyond them follow in word order, so
    every match is on exactly one page however far --page goes."""
    now = datetime.now(timezone.utc)
    idx = SearchIndex(tmp_path / "index")
    idx.rebuild(IndexDoc(url=f"http://x.test/{i}", site="x.test", kind="thread", title="tutors " * (1 + i % 7),
                         text="adult literacy", replies="", authors="", published=None,
                         last_activity=now - timedelta(days=i % 50), n_replies=(i * 37) % 23,
                         n_participants=1 + (i * 11) % 9) for i in range(260))
    pages = [[h.url for h in idx.search("tutors", limit=20, offset=20 * k)] for k in range(14)]
    seen = [url for page in pages for url in page]
    assert len(seen) == len(set(seen)) == 260
    assert pages[:10] == [[h.url for h in idx.search("tutors", limit=200)][20 * k:20 * (k + 1)] for k in range(10)]


def test_date_ranges_leave_out_replaced_copies_and_conversations_without_a_date(tmp_path):
    """after:/before: read the last_activity column: a conversation written again (its old copy deleted in an
    older segment) comes back once, and one with no date never matches a date range."""
    now = datetime.now(timezone.utc)

    def doc(url: str, title: str, days: float | None) -> IndexDoc:
        return IndexDoc(url=url, site="x.test", kind="post", title=title, text="", replies="", authors="",
                        published=None, last_activity=None if days is None else now - timedelta(days=days),
                        n_replies=0)

    idx = SearchIndex(tmp_path / "index")
    idx.rebuild([doc("http://x.test/a", "tutors a", 1), doc("http://x.test/b", "tutors b", None),
                 doc("http://x.test/c", "tutors c", 400)])
    idx.write([doc("http://x.test/c", "tutors c again", 2)])        # the old copy deleted in the first segment
    assert idx.segment_count() == 2
    assert sorted(h.url for h in idx.search("after:30d")) == ["http://x.test/a", "http://x.test/c"]
    assert sorted(h.url for h in idx.search("tutors after:2000")) == ["http://x.test/a", "http://x.test/c"]
    assert [h.url for h in idx.search("tutors before:100d")] == []
