"""`threadscout serve`: the staff web page, started on port 0 and fetched over HTTP with a real client (urllib with
cookies), on a store crawled from a living blog."""

from __future__ import annotations

import functools
import html
import http.client
import http.cookiejar
import re
import sqlite3
import subprocess
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import feedparser
import pytest

from conftest import ROOT, cli_command, cli_env, run_cli, write_config
from receivers import LivingBlog, WebServer as Server

NOW = datetime.now(timezone.utc)
HOSTILE = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>"


class Browser:
    """A real HTTP client with a cookie jar, from a loopback address of its own (``address``); it does not follow
    redirects, so that tests see them."""

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    class _From(urllib.request.HTTPHandler):
        def __init__(self, address: str) -> None:
            super().__init__()
            self.address = address

        def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(functools.partial(http.client.HTTPConnection, source_address=(self.address, 0)),
                                req)

    def __init__(self, base: str, address: str = "127.0.0.1") -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), self._NoRedirect,
                                                  self._From(address))

    def get(self, path: str) -> tuple[int, dict[str, str], str]:
        return self._open(urllib.request.Request(self.base + path))

    def post(self, path: str, fields: dict[str, str]) -> tuple[int, dict[str, str], str]:
        data = urllib.parse.urlencode(fields).encode()
        return self._open(urllib.request.Request(self.base + path, data=data, method="POST"))

    def _open(self, req: urllib.request.Request) -> tuple[int, dict[str, str], str]:
        try:
            with self.opener.open(req, timeout=30) as r:
                return r.status, dict(r.headers.items()), r.read().decode("utf-8")
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers.items()), e.read().decode("utf-8")

    def token(self, path: str) -> str:
        status, _, page = self.get(path)
        assert status == 200, page
        found = re.search(r'name="csrf_token" value="([^"]+)"', page)
        assert found, "no CSRF token in the page's forms"
        return found.group(1)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, LivingBlog]]:
    folder = tmp_path_factory.mktemp("web")
    blog = LivingBlog(folder / "site")
    blog.add_post(1, "Adult literacy tutors wanted", "Who tutors adult learners in reading?", NOW - timedelta(hours=6))
    blog.add_comment(1, "Bea", "I tutor adult literacy on Mondays.", NOW - timedelta(hours=5))
    # escaped in the comment's HTML: the stored reply's text holds the markup itself, as words
    blog.add_comment(1, "Mallory", html.escape(HOSTILE) + " adult literacy", NOW - timedelta(hours=4))
    blog.add_post(2, "Adult literacy fair", "Stands about adult literacy, no replies yet.", NOW - timedelta(hours=3))
    config = write_config(folder, [{"url": blog.feed}])
    run_cli("crawl", config=config, check=True)
    yield config, blog
    blog.stop()


@pytest.fixture(scope="module")
def server(site: tuple[Path, LivingBlog]) -> Iterator[Server]:
    running = Server(site[0])
    yield running
    running.stop()


def test_search_where_and_thread_pages(server, site):
    _, blog = site
    browser = Browser(server.url)
    assert server.first_line.startswith("Serving threadscout on http://127.0.0.1:")
    status, headers, page = browser.get("/?q=literacy")
    assert status == 200 and "script-src 'self'" in headers["Content-Security-Policy"]
    assert "Adult literacy tutors wanted" in page and "Adult literacy fair" in page
    assert "<mark>literacy</mark>" in page.lower() or "<mark>Literacy</mark>" in page
    status, _, page = browser.get("/?q=literacy&unanswered=1")           # a filter as a control
    assert "Adult literacy fair" in page and "Adult literacy tutors wanted" not in page
    assert "is:unanswered" in page                                         # the query is shown, and in the URL

    status, _, page = browser.get("/thread?" + urllib.parse.urlencode({"url": blog.post_url(1), "q": "tutor"}))
    assert status == 200
    assert page.index("on Mondays") < page.index("Mallory")                 # replies in page order
    assert "<mark>tutor</mark>" in page                                      # the query's words marked
    assert "<script>document.title" not in page and "<img src=x" not in page   # crawled markup never as markup
    assert "&lt;script&gt;document.title" in page and "&lt;img src=x" in page  # but shown, as text
    assert f'href="{blog.post_url(1)}"' in page                              # the original page

    status, _, page = browser.get("/where?q=literacy&days=30")
    assert status == 200 and "127.0.0.1" in page and "<svg" in page and "2 conversations" in page
    assert browser.get("/thread?url=http%3A%2F%2Fnowhere.example%2F")[0] == 404


def test_taking_part_from_the_page(server, site):
    config, blog = site
    browser = Browser(server.url)
    refused = browser.post("/mark", {"url": blog.post_url(2), "state": "claimed"})     # no CSRF token
    assert refused[0] == 400
    token = browser.token("/?q=literacy")
    status, headers, _ = browser.post("/mark", {"csrf_token": token, "url": blog.post_url(2), "state": "claimed",
                                               "by": "Ana", "next": "/?q=literacy"})
    assert status == 302 and headers["Location"] == "/?q=literacy"        # back, and told (not in the URL)
    assert "is claimed by Ana" in browser.get(headers["Location"])[2]
    _, _, page = browser.get("/?q=literacy&state=claimed")
    assert "Adult literacy fair" in page and "claimed by Ana" in page and "Adult literacy tutors" not in page
    _, _, page = browser.get("/?q=literacy&state=new")
    assert "Adult literacy fair" not in page
    assert "Adult literacy fair" in run_cli("search", "state:claimed", config=config, check=True).stdout
    for elsewhere in ("//evil.example/x", "/\\evil.example/x", "https://evil.example/"):   # never an open redirect
        _, headers, _ = browser.post("/mark", {"csrf_token": token, "url": blog.post_url(2), "state": "new",
                                              "next": elsewhere})
        assert "evil" not in headers["Location"]


def test_community_links_from_the_page(server, site):
    _, blog = site
    browser = Browser(server.url)
    token = browser.token("/sources")
    browser.post("/links/add", {"csrf_token": token, "url": blog.post_url(1), "next": "/links"})
    status, _, body = browser.get("/links.rss")
    feed = feedparser.parse(body)
    assert status == 200 and not feed.bozo and [e.link for e in feed.entries] == [blog.post_url(1)]
    _, _, fragment = browser.get("/links.html")
    assert f'href="{blog.post_url(1)}"' in fragment
    assert f'url="{blog.post_url(1)}"' in browser.get("/links.opml")[2]
    _, _, page = browser.get("/links")
    assert "Adult literacy tutors wanted" in page
    browser.post("/links/remove", {"csrf_token": token, "url": blog.post_url(1), "next": "/links"})
    status, _, body = browser.get("/links.rss")
    feed = feedparser.parse(body)
    assert status == 200 and not feed.bozo and feed.entries == []


def test_requests_naming_another_host_are_refused(server):
    """On loopback there is no password: a page elsewhere whose name points here (DNS rebinding) gets nothing."""
    request = urllib.request.Request(server.url + "/alerts", headers={"Host": "rebind.attacker.example:8080"})
    try:
        urllib.request.urlopen(request, timeout=30)
        raise AssertionError("a request for another host was answered")
    except urllib.error.HTTPError as e:
        assert e.code == 400


def test_odd_parameters_never_break_a_page(server):
    browser = Browser(server.url)
    for path in ("/?q=literacy&days=%C2%B2", "/?q=literacy&page=abc", "/?q=literacy&page=999999999",
                 "/where?days=-4", "/?q=%22unclosed"):
        status, _, page = browser.get(path)
        assert status in (200, 400) and "Traceback" not in page, (path, status)


def test_sources_and_alerts_pages(server):
    browser = Browser(server.url)
    status, _, page = browser.get("/sources")
    assert status == 200 and "/feed/" in page
    status, _, page = browser.get("/alerts")
    assert status == 200 and "No scheduler is running" in page


def test_the_sources_page_says_a_crawl_was_cut_short(server, site):
    db = site[0].parent / "data" / "threadscout.db"
    began = (NOW - timedelta(minutes=5)).strftime("%Y-%m-%d %H:%M:%S.%f")
    with sqlite3.connect(db) as con:       # as a crawl whose process is gone left it (issue 16)
        con.execute("UPDATE sources SET crawl_began_at = ?, crawl_owner = '999999999 nohost -'", (began,))
    try:
        status, _, page = Browser(server.url).get("/sources")
        assert status == 200 and "cut short: the crawl begun" in page
    finally:
        with sqlite3.connect(db) as con:
            con.execute("UPDATE sources SET crawl_began_at = NULL, crawl_owner = NULL")


def test_beyond_loopback_a_password_is_required(site):
    config, _ = site
    server = Server(config, "--host", "0.0.0.0")
    try:
        browser = Browser(server.url)
        status, _, page = browser.get("/")
        assert status == 403 and "no password is set" in page
        setting = subprocess.run(cli_command("serve", "--set-password", config=config), input="a long secret\n" * 2,
                                 capture_output=True, text=True, env=cli_env(), cwd=ROOT, timeout=60)
        assert setting.returncode == 0, setting.stderr
        status, headers, _ = browser.get("/")
        assert status == 302 and "/login" in headers["Location"]
        token = browser.token("/login")
        assert browser.post("/login", {"csrf_token": token, "password": "wrong one"})[0] == 401
        status, headers, _ = browser.post("/login", {"csrf_token": token, "password": "a long secret",
                                                    "next": "/\t/evil.example/phish"})
        assert status == 302 and "evil" not in headers["Location"]
        status, _, page = browser.get("/?q=literacy")
        assert status == 200 and "Adult literacy" in page
        again = subprocess.run(cli_command("serve", "--set-password", config=config), input="another secret\n" * 2,
                               capture_output=True, text=True, env=cli_env(), cwd=ROOT, timeout=60)
        assert again.returncode == 0
        assert browser.get("/")[0] == 302              # a new password signs every session out
    finally:
        server.stop()
