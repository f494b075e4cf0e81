"""End-to-end crawls of the bundled sample web: feeds, comment feeds, WordPress and Blogger pages, into a real
SQLite store and Whoosh index, read back through the CLI."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from conftest import run_cli, write_config

WP_POST = "/blog/2026/10/volunteer-tutors/"
BLOGGER_POST = "/reading-corner/2026/09/adult-learners-and-bus-routes/"


@pytest.fixture(scope="module")
def crawled(demo_web, tmp_path_factory) -> tuple[Path, str]:
    """The sample blog crawled from its feed and as a site, the Blogger blog as a site, once for the module."""
    folder = tmp_path_factory.mktemp("blogs")
    base = demo_web.base
    config = write_config(folder, [
        {"url": f"{base}/blog/feed/"},
        {"url": f"{base}/blog/", "kind": "site", "depth": 2},
        {"url": f"{base}/reading-corner/"},
    ])
    with demo_web.recording() as log:
        proc = run_cli("crawl", config=config, check=True)
    assert "new conversations" in proc.stdout
    return config, base, log


def show(config: Path, url: str) -> dict:
    return json.loads(run_cli("show", url, "--json", config=config, check=True).stdout)


def rows(config: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(config.parent / "data" / "threadscout.db") as db:
        return db.execute(sql).fetchall()


def test_wordpress_post_with_its_comments_in_page_order(crawled):
    config, base, _ = crawled
    conv = show(config, base + WP_POST)
    assert conv["title"] == "Volunteer reading tutors wanted for our winter session"
    assert conv["author"] == "Margit Olsen"
    assert conv["published"] == "2026-10-03T09:15:00+02:00"   # the author's time zone is kept
    assert [r["author"] for r in conv["replies"]] == ["Dana Whitfield", "Margit Olsen", "José Martínez",
                                                      "Priya Raman"]  # the pingback is not a reply
    assert conv["n_replies"] == 4
    first = conv["replies"][0]
    assert first["url"] == base + WP_POST + "#comment-412"
    assert first["published"].startswith("2026-10-03T11:02:00")
    assert not any("says" in (r["author"] or "") or r["text"].startswith("Reply") for r in conv["replies"])
    assert all(r["text"] for r in conv["replies"])
    assert conv["participants"][0] == "Margit Olsen" and "Priya Raman" in conv["participants"]


def test_feed_and_page_give_one_conversation(crawled):
    """The feed links posts with utm_ parameters; the site crawl reaches the same posts: one row each."""
    config, base, _ = crawled
    urls = [u for (u,) in rows(config, "select url from conversations where url like '%/blog/%'")]
    assert sorted(urls) == sorted({base + p for p in [
        WP_POST, "/blog/2026/10/esl-classes-library/", "/blog/2026/10/family-literacy-night/",
        "/blog/2026/10/garden-winter/"]})
    assert not any("utm_" in u for u in urls)


def test_comment_feed_and_page_give_one_reply_each(crawled):
    config, base, _ = crawled
    counts = rows(config, "select c.url, count(r.id) from conversations c left join replies r "
                          "on r.conversation_id = c.id group by c.url")
    by_url = {u.removeprefix(base): n for u, n in counts}
    assert by_url[WP_POST] == 4
    assert by_url["/blog/2026/10/esl-classes-library/"] == 3
    assert by_url["/blog/2026/10/family-literacy-night/"] == 2
    assert by_url["/blog/2026/10/garden-winter/"] == 0
    assert by_url[BLOGGER_POST] == 3


def test_comment_feeds_were_read(crawled):
    paths = crawled[2].paths()
    assert f"{WP_POST}feed/" in paths
    assert "/reading-corner/feeds/7001/comments/default/" in paths


def test_blogger_post_with_threaded_comments(crawled):
    config, base, _ = crawled
    conv = show(config, base + BLOGGER_POST)
    assert conv["title"] == "Adult learners and bus routes"
    assert conv["author"] == "Ruth Delgado"
    assert conv["published"] == "2026-09-14T18:20:00-07:00"
    assert [r["author"] for r in conv["replies"]] == ["Margit Olsen", "Ruth Delgado", "Unknown"]
    assert all(r["url"] and "#c555000" in r["url"] for r in conv["replies"])


def test_listing_pages_are_followed_but_not_stored(crawled):
    config, base, log = crawled
    assert "/blog/tag/literacy/" in log.paths()
    stored = {u for (u,) in rows(config, "select url from conversations")}
    assert base + "/blog/" not in stored and base + "/blog/tag/literacy/" not in stored
    assert base + "/reading-corner/" not in stored


def test_robots_txt_is_obeyed_and_the_crawler_names_itself(crawled):
    log = crawled[2]
    assert "/robots.txt" in log.paths()
    assert not any(p.startswith("/private/") for p in log.paths())
    agents = {headers.get("User-Agent", "") for _, headers in log}
    assert agents and all(a.startswith("threadscout/") and "+https://example.org/tests" in a for a in agents)


def test_search_lists_matches_best_first_with_the_contract_fields(crawled):
    config, base, _ = crawled
    results = json.loads(run_cli("search", '"reading tutor"', "--json", config=config, check=True).stdout)
    assert results, "the sample web talks about reading tutors"
    for r in results:
        assert {"url", "title", "site", "kind", "author", "published", "last_activity", "n_replies",
                "participants", "snippet", "score"} <= r.keys()
        assert r["kind"] in ("post", "thread", "item") and isinstance(r["n_replies"], int)
    scores = [r["score"] for r in results]
    assert scores == sorted(scores, reverse=True)
    assert base + WP_POST in [r["url"] for r in results]
    garden = json.loads(run_cli("search", "compost", "--json", config=config, check=True).stdout)
    assert [r["url"] for r in garden] == [base + "/blog/2026/10/garden-winter/"]


def test_search_table_for_people(crawled):
    config, base, _ = crawled
    out = run_cli("search", "ESL", "classes", config=config, check=True).stdout
    assert "Free ESL classes return to the Eastgate Library" in out
    assert "3 replies" in out and base + "/blog/2026/10/esl-classes-library/" in out


def test_search_folds_accents(crawled):
    config, _, _ = crawled
    plain = json.loads(run_cli("search", "Jose", "Martinez", "--json", config=config, check=True).stdout)
    assert any(r["url"].endswith(WP_POST) for r in plain)


def test_second_crawl_gets_304s_and_rewrites_nothing(crawled, demo_web):
    config, base, _ = crawled
    before = rows(config, "select url, updated_at, indexed_at from conversations order by url")
    replies_before = rows(config, "select count(*) from replies")
    with demo_web.recording() as log:
        proc = run_cli("crawl", "--all", config=config, check=True)
    assert "0 new conversations, 0 updated" in proc.stdout
    conditional = [h for p, h in log if p == "/blog/feed/"]
    assert conditional and "If-None-Match" in conditional[0]
    assert rows(config, "select url, updated_at, indexed_at from conversations order by url") == before
    assert rows(config, "select count(*) from replies") == replies_before
    runs = rows(config, "select pages, new, updated, finish_reason from crawl_runs order by id")
    assert len(runs) == 2 and runs[-1][1:] == (0, 0, "finished")


def test_crawl_without_all_skips_sources_not_due(crawled):
    config, _, _ = crawled
    proc = run_cli("crawl", config=config, check=True)
    assert "Nothing is due" in proc.stdout


def test_query_source_asks_once_per_keyword(demo_web, tmp_path):
    """A query source is a feed URL with {q}: one request per mission keyword, entries stored once."""
    config = write_config(tmp_path, [{"url": f"{demo_web.base}/news/feed/?q={{q}}", "kind": "query"}])
    with demo_web.recording() as log:
        run_cli("crawl", config=config, check=True)
    asked = sorted(p for p in log.paths() if p.startswith("/news/feed/"))
    assert asked == ["/news/feed/?q=ESL+classes", "/news/feed/?q=adult+literacy", "/news/feed/?q=reading+tutor"]
    assert rows(config, "select count(*) from conversations") == [(3,)]
    assert rows(config, "select kind, last_error from sources") == [("query", None)]


@pytest.fixture
def own_demo_site(tmp_path):
    """A copy of the sample web that a test may change, served on its own."""
    import shutil

    from conftest import DEMO_SITE
    from threadscout.search.sampleweb import SampleWebServer

    site = tmp_path / "site"
    shutil.copytree(DEMO_SITE, site)
    server = SampleWebServer(site)
    server.start()
    yield site, server
    server.stop()


def test_a_new_comment_is_found_on_the_next_crawl(own_demo_site, tmp_path):
    """Listing pages are read again on every crawl (never answered from validators). The blog's home shows each
    post's comment count: a refresh asks again only for the post whose count changed."""
    site, server = own_demo_site
    config = write_config(tmp_path, [{"url": f"{server.base}/blog/", "kind": "site", "depth": 1}])
    run_cli("crawl", config=config, check=True)
    assert len(show(config, server.base + WP_POST)["replies"]) == 4
    with server.recording() as unchanged:
        run_cli("crawl", "--all", config=config, check=True)
    posts = {"/blog/2026/10/garden-winter/", "/blog/2026/10/family-literacy-night/", "/blog/2026/10/esl-classes-library/", WP_POST}
    assert not posts & set(unchanged.paths())                 # every count as before: no post asked again
    page = site / WP_POST.strip("/") / "index.html"
    html = page.read_text(encoding="utf-8")
    new = ('<li id="comment-499" class="comment odd depth-1"><article id="div-comment-499" class="comment-body">'
           '<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Newcomer</b></div>'
           '</footer><div class="comment-content"><p>I just signed up as a reading tutor.</p></div></article></li>'
           '</ol>')
    head, _, tail = html.rpartition("</ol>")          # the end of the comment list
    page.write_text(head + new + tail, encoding="utf-8")
    home = site / "blog" / "index.html"
    listing = home.read_text(encoding="utf-8")
    assert "5 Comments<span class=\"screen-reader-text\"> on Volunteer reading tutors" in listing
    home.write_text(listing.replace("5 Comments<span class=\"screen-reader-text\"> on Volunteer reading tutors",
                                    "6 Comments<span class=\"screen-reader-text\"> on Volunteer reading tutors"),
                    encoding="utf-8")
    with server.recording() as changed:
        proc = run_cli("crawl", "--all", config=config, check=True)
    assert "1 updated" in proc.stdout
    assert [r["author"] for r in show(config, server.base + WP_POST)["replies"]][-1] == "Newcomer"
    assert posts & set(changed.paths()) == {WP_POST}          # the other posts were not asked again


def test_a_listing_with_plain_text_comment_counts_refreshes_only_the_post_whose_count_moved(own_demo_site, tmp_path):
    """A theme that writes "5 comments" as plain text in the row (no class, no #comments link): the count is read
    from the words all the same."""
    site, server = own_demo_site
    posts = {WP_POST: ("Volunteer reading tutors wanted", "5 comments"),
             "/blog/2026/10/family-literacy-night/": ("A family literacy night", "2 comments"),
             "/blog/2026/10/esl-classes-library/": ("Free ESL classes return", "Comments (3)"),
             "/blog/2026/10/garden-winter/": ("The garden in winter", "No comments")}

    def write(counts: dict[str, str]) -> None:
        rows = "".join(f'<li><a href="{path}">{title}</a> <span>{counts.get(path, said)}</span></li>'
                       for path, (title, said) in posts.items())
        (site / "plain").mkdir(exist_ok=True)
        (site / "plain" / "index.html").write_text(f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>A "
                                                   f"plain blog</title></head><body><h1>Posts</h1><ul>{rows}</ul>"
                                                   "</body></html>", encoding="utf-8")

    write({})
    config = write_config(tmp_path, [{"url": f"{server.base}/plain/", "kind": "site", "depth": 1}])
    run_cli("crawl", config=config, check=True)
    assert len(show(config, server.base + WP_POST)["replies"]) == 4
    assert run_cli("show", f"{server.base}/plain/", config=config).returncode != 0    # a listing, not a post
    with server.recording() as unchanged:
        run_cli("crawl", "--all", config=config, check=True)
    assert not set(posts) & set(unchanged.paths())           # every count as before: no post asked again
    plain = [headers for path, headers in unchanged if path == "/plain/"]
    assert plain and "If-None-Match" not in plain[0]           # the listing read again in full, its rows compared
    write({WP_POST: "6 comments"})
    with server.recording() as changed:
        run_cli("crawl", "--all", config=config, check=True)
    assert set(posts) & set(changed.paths()) == {WP_POST}    # only the post whose count moved


def test_a_deleted_post_is_kept_and_marked_gone(own_demo_site, tmp_path):
    import shutil

    site, server = own_demo_site
    config = write_config(tmp_path, [{"url": f"{server.base}/blog/", "kind": "site", "depth": 1}])
    run_cli("crawl", config=config, check=True)
    url = server.base + WP_POST
    assert show(config, url)["gone"] is None
    shutil.rmtree(site / WP_POST.strip("/"))          # the post is deleted; the blog's home still links it,
    home = site / "blog" / "index.html"                # with another comment count: the refresh asks for it
    home.write_text(home.read_text(encoding="utf-8").replace('volunteer-tutors/#comments">5 Comments',
                                                             'volunteer-tutors/#comments">6 Comments'),
                    encoding="utf-8")
    run_cli("crawl", "--all", config=config)
    conv = show(config, url)
    assert conv["gone"] is not None and len(conv["replies"]) == 4      # kept, with every reply
    assert "not found" in run_cli("show", url, config=config, check=True).stdout


def test_the_feeds_a_site_names_are_followed_and_remembered(demo_web, tmp_path):
    config = write_config(tmp_path, [{"url": f"{demo_web.base}/reading-corner/", "kind": "site", "depth": 1}])
    with demo_web.recording() as log:
        run_cli("crawl", config=config, check=True)
    assert "/reading-corner/feeds/posts/default/" in log.paths()
    health = json.loads(run_cli("sources", "--json", config=config, check=True).stdout)[0]
    assert health["feeds"] and health["feeds"][0].endswith("/reading-corner/feeds/posts/default/")
