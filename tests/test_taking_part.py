"""Taking part: `threadscout mark` sets a conversation's state, which search finds, show tells, and a reindex keeps;
an answered conversation that gets new replies shows that it moved."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from conftest import run_cli, write_config
from receivers import LivingBlog

NOW = datetime.now(timezone.utc)


def found(config, query: str) -> dict[str, dict]:
    return {r["url"]: r for r in json.loads(run_cli("search", query, "--json", config=config, check=True).stdout)}


def test_states_are_kept_searchable_and_survive_a_reindex(tmp_path):
    blog = LivingBlog(tmp_path / "site")
    try:
        blog.add_post(1, "Adult literacy tutors wanted", "Who tutors adult learners?", NOW - timedelta(hours=5))
        blog.add_comment(1, "Bea", "Ask the library.", NOW - timedelta(hours=4))
        blog.add_post(2, "Adult literacy fair", "Stands and talks.", NOW - timedelta(hours=3))
        config = write_config(tmp_path, [{"url": blog.feed}])
        run_cli("crawl", config=config, check=True)
        first, second = blog.post_url(1), blog.post_url(2)
        assert set(found(config, "literacy is:new")) == {first, second}

        out = run_cli("mark", first + "?utm_source=mail", "claimed", "--by", "Ana", "--note", "I know a tutor",
                      config=config, check=True).stdout           # the URL as a browser gives it
        assert "claimed by Ana" in out
        claimed = found(config, "literacy is:claimed")
        assert list(claimed) == [first] and claimed[first]["state"] == "claimed"
        assert claimed[first]["state_by"] == "Ana" and claimed[first]["state_note"] == "I know a tutor"
        assert set(found(config, "literacy is:new")) == {second}
        shown = json.loads(run_cli("show", first, "--json", config=config, check=True).stdout)
        assert shown["state"] == "claimed" and shown["state_note"] == "I know a tutor"
        assert "[claimed by Ana]" in run_cli("show", first, config=config, check=True).stdout

        run_cli("reindex", config=config, check=True)                # the store keeps states: so does the index
        assert list(found(config, "state:claimed")) == [first]

        run_cli("mark", first, "answered", "--by", "Ana", config=config, check=True)
        run_cli("mark", second, "skipped", config=config, check=True)
        assert list(found(config, "literacy state:answered")) == [first]
        assert found(config, "literacy is:moved") == {}

        blog.add_comment(1, "Cy", "Thank you, Ana!", datetime.now(timezone.utc))   # it moves after the answer
        run_cli("crawl", "--all", config=config, check=True)
        moved = found(config, "literacy is:moved")
        assert list(moved) == [first] and moved[first]["moved"] and moved[first]["state"] == "answered"
        assert "moved since" in run_cli("search", "literacy", config=config, check=True).stdout

        run_cli("mark", first, "new", config=config, check=True)
        assert set(found(config, "literacy is:new")) == {first}
        assert found(config, "literacy is:moved") == {}
    finally:
        blog.stop()


def test_mark_explains_what_it_cannot_do(tmp_path, demo_web):
    config = write_config(tmp_path, [{"url": f"{demo_web.base}/blog/", "depth": 0}])
    missing = run_cli("mark", f"{demo_web.base}/nowhere/", "claimed", config=config)
    assert missing.returncode == 1 and "no conversation" in missing.stderr and "Traceback" not in missing.stderr
    wrong = run_cli("mark", f"{demo_web.base}/blog/", "done", config=config)
    assert wrong.returncode == 2 and "done" in wrong.stderr
    bad_query = run_cli("search", "state:finished", config=config)
    assert bad_query.returncode == 2 and "state:claimed" in bad_query.stderr


def test_community_links_list_exactly_the_featured_places(tmp_path):
    import feedparser
    from xml.etree import ElementTree as ET

    blog = LivingBlog(tmp_path / "site")
    try:
        blog.add_post(1, "Adult literacy <b>tutors</b> & friends", "Tutors wanted.", NOW - timedelta(hours=5))
        blog.add_comment(1, "Bea", "Yes!", NOW - timedelta(hours=4))
        blog.add_post(2, "Adult literacy fair", "Stands.", NOW - timedelta(hours=3))
        config = write_config(tmp_path, [{"url": blog.feed}])
        run_cli("crawl", config=config, check=True)
        assert "No community links" in run_cli("links", config=config, check=True).stdout

        run_cli("links", "add", blog.post_url(1), "--note", "Tutors <needed>", config=config, check=True)
        run_cli("links", "add", blog.post_url(2), "--site", "--title", "The living blog", config=config,
                check=True)
        again = run_cli("links", "add", blog.post_url(1), config=config, check=True)
        assert "already" in again.stdout
        home = blog.server.base + "/"

        rss = feedparser.parse(run_cli("links", "--format", "rss", config=config, check=True).stdout)
        assert not rss.bozo, rss.bozo_exception
        assert sorted(e.link for e in rss.entries) == sorted([blog.post_url(1), home])
        titles = {e.link: e.title for e in rss.entries}
        assert titles[blog.post_url(1)] == "Adult literacy <b>tutors</b> & friends"   # text, not markup
        assert titles[home] == "The living blog"

        opml = ET.fromstring(run_cli("links", "--format", "opml", config=config, check=True).stdout)
        outlines = opml.find("body")
        assert outlines is not None
        tops = {o.get("htmlUrl"): o for o in outlines}
        assert set(tops) == {blog.post_url(1), home}
        assert [o.get("xmlUrl") for o in tops[home]] == [blog.feed]              # a reader follows its feed
        assert tops[blog.post_url(1)].get("type") == "link"

        fragment = run_cli("links", "--format", "html", config=config, check=True).stdout
        assert f'href="{blog.post_url(1)}"' in fragment and "&lt;b&gt;tutors&lt;/b&gt; &amp; friends" in fragment
        assert "Tutors &lt;needed&gt;" in fragment and "<b>" not in fragment and "<needed>" not in fragment
        written = tmp_path / "links.html"
        run_cli("links", "--format", "html", "--output", written, config=config, check=True)
        assert written.read_text(encoding="utf-8") == fragment

        run_cli("links", "remove", blog.post_url(1), config=config, check=True)
        rss = feedparser.parse(run_cli("links", "--format", "rss", config=config, check=True).stdout)
        assert [e.link for e in rss.entries] == [home]
        assert run_cli("links", "remove", blog.post_url(1), config=config).returncode == 1
        run_cli("links", "remove", blog.post_url(2), "--site", config=config, check=True)   # as it was added
        assert feedparser.parse(run_cli("links", "--format", "rss", config=config, check=True).stdout).entries == []
    finally:
        blog.stop()


def test_a_state_set_while_a_sync_writes_the_old_one_is_indexed_by_the_next(tmp_path):
    """A sync reads a conversation, someone marks it, the sync writes what it read: the mark is not lost."""
    from threadscout.config.settings import load_settings
    from threadscout.indexer import sync
    from threadscout.indexer.db import Store
    from threadscout.search.query import open_index, search

    blog = LivingBlog(tmp_path / "site")
    try:
        blog.add_post(1, "Adult literacy circle", "A reading circle.", NOW - timedelta(hours=2))
        config = write_config(tmp_path, [{"url": blog.feed}])
        run_cli("crawl", config=config, check=True)
        cfg = load_settings(config)
        store, idx = Store(cfg.database_url), open_index(cfg)
        try:
            [read] = store.conversations(urls=[blog.post_url(1)])             # the sync's read ...
            store.mark(blog.post_url(1), "claimed", "Ana")                  # ... a mark meanwhile ...
            stamps = {read.id: read.updated_at}                             # ... the sync's write of the old one
            idx.write([sync.to_doc(read)], after_commit=lambda: store.mark_indexed(stamps))
            assert [r.url for r in search(cfg, "state:claimed")] == []
            assert sync.sync(store, idx) == 1                              # the next sync sees it is behind
            assert [r.url for r in search(cfg, "state:claimed")] == [blog.post_url(1)]
        finally:
            store.close()
    finally:
        blog.stop()
