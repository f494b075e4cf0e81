"""`threadscout discover`: a relevant post that links to a forum makes discover suggest that forum, with its
feed; places already watched are left out; nothing beyond the one page looked at is fetched."""

from __future__ import annotations

import json

import pytest

from conftest import run_cli, write_config
from threadscout.search.sampleweb import SampleWebServer

POST = """<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="generator" content="WordPress 6.5">
<title>Where our tutors talk – Riverside Reads</title></head>
<body class="post-template-default single single-post"><nav><a href="{forum}/nav-only">a menu link</a></nav>
<article class="post type-post"><h1 class="entry-title">Where our tutors talk</h1>
<div class="entry-content"><p>Our adult literacy volunteers swap tips on the
<a href="{forum}/viewforum.php?f=2">reading tutor board</a> every week. Adult literacy needs many hands.</p>
</div></article></body></html>"""


@pytest.fixture
def crawled_post(forum_web, tmp_path):
    """A relevant blog post linking to the forum (on localhost: another site of this machine), crawled."""
    forum = forum_web.base.replace("127.0.0.1", "localhost")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(POST.format(forum=forum), encoding="utf-8")
    server = SampleWebServer(site)
    server.start()
    try:
        config = write_config(tmp_path, [{"url": f"{server.base}/", "kind": "site", "depth": 0}])
        run_cli("crawl", config=config, check=True)
        yield config, forum, server.base
    finally:
        server.stop()


def test_a_post_linking_to_a_forum_makes_discover_suggest_it(crawled_post, forum_web):
    config, forum, blog = crawled_post
    with forum_web.recording() as log:
        found = json.loads(run_cli("discover", "--json", config=config, check=True).stdout)
    assert found, "the forum the post links to"
    first = found[0]
    assert {"url", "site", "kind", "feeds", "evidence", "score"} <= first.keys()
    assert first["site"] == forum.split("//")[1] and first["kind"] == "forum"   # localhost:PORT
    assert first["url"] == f"{forum}/viewforum.php?f=2"
    assert first["feeds"] == [f"{forum}/feed.php?f=2"]
    assert first["evidence"]["conversations"] == 1 and first["evidence"]["examples"] == [f"{blog}/"]
    assert not any("nav-only" in c["url"] for c in found)           # a menu is no evidence
    assert [p for p in log.paths() if p != "/robots.txt"] == ["/viewforum.php?f=2"]   # one page, no crawl
    table = run_cli("discover", "--no-look", config=config, check=True).stdout
    assert forum.split("//")[1] in table and "threadscout sources add" in table


def test_discover_leaves_out_what_is_watched(crawled_post):
    config, forum, _ = crawled_post
    run_cli("sources", "add", f"{forum}/viewforum.php?f=2", "--kind", "forum", config=config, check=True)
    assert json.loads(run_cli("discover", "--json", "--no-look", config=config, check=True).stdout) == []
