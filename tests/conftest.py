"""Shared fixtures: fixture sites served on 127.0.0.1 (port 0), configurations in temporary folders, and the
``threadscout`` command run as a real child process."""

from __future__ import annotations

import gzip
import io
import os
import socket
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import unquote

import pytest

from threadscout.search.sampleweb import SampleWebServer, SiteHandler

ROOT = Path(__file__).resolve().parents[1]
DEMO_SITE = ROOT / "config" / "demo-site"
LAB_SITE = Path(__file__).resolve().parent / "sites" / "lab"
MiB = 2**20


def _latin1_page() -> bytes:
    html = ("<!DOCTYPE html><html><head><meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'>"
            "<meta name='generator' content='WordPress 6.5'><title>Lesepaten gesucht</title></head>"
            "<body class='post-template-default single single-post'><article class='post type-post'>"
            "<h1 class='entry-title'>Caf\u00e9 f\u00fcr Lesepaten: \u00dcbung macht den Meister</h1>"
            "<div class='entry-content'><p>Im Caf\u00e9 treffen sich Lesepaten f\u00fcr adult literacy, "
            "jeden Donnerstag \u00e0 18 Uhr.</p></div></article></body></html>")
    return html.encode("iso-8859-1")


def _calendar(day: int) -> bytes:
    links = "".join(f"<a href='/trap/cal?day={d}'>day {d}</a> " for d in (day - 1, day + 1, day + 7, day + 30))
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Events on day {day}</title></head>"
            f"<body class='archive date'><h1>Calendar</h1>{links}</body></html>").encode()


def gzip_bomb(size: int) -> bytes:
    """A gzip body that expands to ``size`` zero bytes, made without holding them in memory."""
    out = io.BytesIO()
    chunk = b"\0" * MiB
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9) as gz:
        for _ in range(size // MiB):
            gz.write(chunk)
    return out.getvalue()


@dataclass
class Hostile:
    bomb: bytes


class LabHandler(SiteHandler):
    """The lab site's special routes: one per failure mode."""

    def route(self) -> bool:
        path, _, query = self.path.partition("?")
        if path == "/robots.txt" and getattr(self.server, "robots_redirect", None):
            self.send_body(302, b"", "text/plain", {"Location": self.server.robots_redirect})  # type: ignore[attr-defined]
        elif path == "/latin1/post.html":
            self.send_body(200, _latin1_page(), "text/html")
        elif path == "/trap/cal":
            day = int(query.partition("=")[2] or 0)
            self.send_body(200, _calendar(day), "text/html; charset=utf-8")
        elif path == "/big/page.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(40 * MiB))
            self.end_headers()
            chunk = b"<p>" + b"adult literacy " * 4000 + b"</p>\n"
            try:
                for _ in range(40 * MiB // len(chunk)):
                    self.wfile.write(chunk)
            except OSError:
                pass  # the crawler hung up, as it should
        elif path == "/bomb/page.html":
            self.send_body(200, self.server.hostile.bomb, "text/html; charset=utf-8",  # type: ignore[attr-defined]
                           {"Content-Encoding": "gzip"})
        elif path == "/feeds/entities.xml":
            body = (b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "adult literacy adult literacy">'
                    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss version="2.0"><channel><title>&b;</title>'
                    b"<item><title>&b;</title><link>http://127.0.0.1/x</link></item></channel></rss>")
            self.send_body(200, body, "application/rss+xml")
        elif path.startswith("/status/"):        # a source that always fails with this status
            wait = query.partition("retry-after=")[2].partition("&")[0]
            retry = {"Retry-After": unquote(wait)} if wait else {}
            self.send_body(int(path.split("/")[2]), b"<html><body>no</body></html>", "text/html; charset=utf-8",
                           retry)
        elif path == "/busy/feed.xml":           # 503 + Retry-After the first time a token asks, then a feed
            seen = self.server.tokens  # type: ignore[attr-defined]
            token = query.partition("=")[2]
            seen[token] = seen.get(token, 0) + 1
            if seen[token] == 1:
                self.send_body(503, b"busy", "text/plain", {"Retry-After": "2"})
            else:
                self.send_body(200, rss([(f"{self.server.base}/latin1/post.html", "Lesepaten")]),
                               "application/rss+xml")
        elif path == "/redirect":                 # 302 to wherever ?to= says
            self.send_body(302, b"", "text/html", {"Location": unquote(query.partition("=")[2])})
        elif path == "/links/feed.xml":           # a feed whose entries point wherever ?to= says
            targets = [t for t in query.split("&") if t.startswith("to=")]
            self.send_body(200, rss([(unquote(t[3:]), f"Entry {i}") for i, t in enumerate(targets)]),
                           "application/rss+xml")
        elif path == "/feeds/malformed.xml":
            self.send_body(200, b"<html><body><h1>Document moved</h1><p>adult literacy</p>", "application/rss+xml")
        else:
            return False
        return True


def rss(entries: list[tuple[str, str]]) -> bytes:
    items = "".join(f"<item><title>{title} about adult literacy</title><link>{escape(link)}</link>"
                    f"<description>Adult literacy and reading tutors.</description></item>" for link, title in entries)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Lab feed</title>{items}</channel></rss>'
            ).encode()


class SilentServer:
    """Accepts connections and never answers: a hanging site. Counts the connections it was offered."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.accepted: list[socket.socket] = []
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted.append(conn)     # held open, never read from or written to

    def close(self) -> None:
        self.sock.close()
        for conn in self.accepted:
            conn.close()


@pytest.fixture
def silent_server() -> Iterator[SilentServer]:
    server = SilentServer()
    yield server
    server.close()


PLATFORM_PAGES = Path(__file__).resolve().parent / "sites" / "platforms"


class ForumHandler(SiteHandler):
    """A phpBB board of one forum and one thread of two pages (tests/sites/platforms/phpbb)."""

    def route(self) -> bool:
        path, _, query = self.path.partition("?")
        if path == "/viewforum.php":
            body = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Tutoring - Literacy Forum</title></head>"
                    "<link rel='alternate' type='application/atom+xml' title='Tutoring' href='./feed.php?f=2'>"
                    "<body id='phpbb' class='section-viewforum'><h2><a href='./viewforum.php?f=2'>Tutoring</a></h2>"
                    "<ul class='topiclist topics'><li class='row'><dl><dt><a class='topictitle' "
                    "href='./viewtopic.php?f=2&amp;t=15'>Training new volunteer reading tutors for 2026</a>"
                    "<div class='pagination'><a href='./viewtopic.php?f=2&amp;t=15'>1</a> "
                    "<a href='./viewtopic.php?f=2&amp;t=15&amp;start=5'>2</a></div></dt>"
                    f"<dd class='posts'>{getattr(self.server, 'posts', 7)}</dd>"
                    f"<dd class='views'>{getattr(self.server, 'views', 100)}</dd>"
                    "<dd class='lastpost'><a href='./viewtopic.php?p=108#p108'>Go to last post</a></dd>"
                    "</dl></li></ul></body></html>").encode()
            self.send_body(200, body, "text/html; charset=utf-8")
        elif path == "/feed.php":
            self.send_body(200, b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                                b"<title>Tutoring</title></feed>", "application/atom+xml")
        elif path == "/viewtopic.php":
            page = "page2.html" if "start=5" in query or "p=108" in query else "page1.html"
            self.send_body(200, (PLATFORM_PAGES / "phpbb" / page).read_bytes(), "text/html; charset=utf-8")
        elif path in ("/viewtopic-15.html", "/viewtopic-15-start-5.html"):     # the same thread, page-style URLs
            page = "seo-page2.html" if "start" in path else "seo-page1.html"
            self.send_body(200, (PLATFORM_PAGES / "phpbb" / page).read_bytes(), "text/html; charset=utf-8")
        elif path == "/robots.txt":
            self.send_body(200, b"User-agent: *\nDisallow: /posting.php\n", "text/plain")
        else:
            return False
        return True


@pytest.fixture(scope="session")
def forum_web() -> Iterator[SampleWebServer]:
    server = SampleWebServer(PLATFORM_PAGES, ForumHandler)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def demo_web() -> Iterator[SampleWebServer]:
    server = SampleWebServer(DEMO_SITE)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def lab_web() -> Iterator[SampleWebServer]:
    server = SampleWebServer(LAB_SITE, LabHandler)
    server.hostile = Hostile(bomb=gzip_bomb(300 * MiB))  # type: ignore[attr-defined]
    server.tokens = {}  # type: ignore[attr-defined]
    server.start()
    yield server
    server.stop()


def write_config(folder: Path, sources: list[dict[str, object]], crawl: dict[str, object] | None = None,
                 mission: str = 'keywords = ["adult literacy", "reading tutor", "ESL classes"]',
                 contact: str | None = "https://example.org/tests") -> Path:
    """A configuration for a test crawl: no delay, no AutoThrottle (the sites are on this machine)."""
    settings = {"delay": "0s", "autothrottle": False, "concurrency_per_site": 4,
                **({"user_agent_contact": contact} if contact is not None else {}), **(crawl or {})}
    lines = [f'[mission]\nname = "Test mission"\n{mission}\n', '[storage]\npath = "data"\n', "[crawl]"]
    lines += [f"{k} = {_toml(v)}" for k, v in settings.items()]
    for source in sources:
        lines.append("\n[[source]]")
        lines += [f"{k} = {_toml(v)}" for k, v in source.items()]
    path = folder / "threadscout.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def cli_command(*args: str | os.PathLike[str], config: Path | None = None) -> list[str]:
    cmd = [sys.executable, "-m", "threadscout.search"]
    if config is not None:
        cmd += ["--config", str(config)]
    return cmd + [str(a) for a in args]


def cli_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "120", **extra}
    env.pop("THREADSCOUT_CONFIG", None)
    return env


def run_cli(*args: str | os.PathLike[str], config: Path | None = None, check: bool = False
            ) -> subprocess.CompletedProcess[str]:
    """``threadscout ARGS`` in a child process, as a user or a script would run it."""
    cmd = cli_command(*args, config=config)
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=cli_env(), cwd=ROOT)
    if check and proc.returncode != 0:
        raise AssertionError(f"{cmd} exited {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}")
    return proc


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip()


# -- hostile servers (issue 16, items 6-9: tests/test_hostile_servers.py, bench/limits.py) ----------------------
import functools  # noqa: E402


def big_feed(n: int, base: str) -> bytes:
    """An RSS feed of ``n`` small items, dated one minute apart, the oldest first (a feed's order is no guide)."""
    from email.utils import formatdate

    items = "".join(f"<item><title>Item {i} about adult literacy</title><link>{base}/hostile/item/{i}</link>"
                    f"<pubDate>{formatdate(1_780_000_000 + 60 * i, usegmt=True)}</pubDate></item>"
                    for i in range(n))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Big feed</title>{items}</channel></rss>'
            ).encode()


@functools.lru_cache(maxsize=4)
def link_heavy_page(n: int) -> bytes:
    """A page of ``n`` same-site links (350,000 make 9.4 MB, under the 10 MB cap), each to another such page."""
    links = "".join(f"<a href=/h/{i}>x</a>" for i in range(n))
    return f"<!DOCTYPE html><html><head><title>Links</title></head><body><p>{links}</p></body></html>".encode()


def blog_post(i: int) -> bytes:
    words = " ".join(["Adult literacy tutors meet every week to read together and talk about books."] * 4)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Post {i}</title></head><body>"
            f"<article><h1>Post {i}: reading tutors</h1><p>{words}</p></article></body></html>").encode()


class HostileHandler(LabHandler):
    """Servers that try to hurt the crawler: endless bodies, endless headers, huge feeds and pages."""

    def route(self) -> bool:
        path, _, query = self.path.partition("?")
        args = dict(p.partition("=")[::2] for p in query.split("&") if p)
        if path == "/hostile/chunked":            # a chunked body that never ends (until the client hangs up)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"<p>" + b"adult literacy " * 4000 + b"</p>\n"
            try:
                for _ in range(2000):             # 120 MB at most
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            except OSError:
                pass
            self.close_connection = True
        elif path == "/hostile/headers":          # ?n= headers before the body
            n = int(args.get("n", "200000"))
            body = b"<html><body>adult literacy</body></html>"
            self.send_response(200)
            for i in range(n):
                self.send_header(f"X-Filler-{i}", "x")
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            try:
                self.end_headers()
                self.wfile.write(body)
            except OSError:
                pass
            self.close_connection = True
        elif path == "/hostile/feed.xml":         # ?n= items
            self.send_body(200, big_feed(int(args.get("n", "3000")), self.server.base), "application/rss+xml")
        elif path == "/hostile/links" or path.startswith("/h/"):   # ?n= same-site links
            self.send_body(200, link_heavy_page(int(args.get("n", "350000"))), "text/html; charset=utf-8")
        elif path == "/hostile/blog/":            # a small healthy blog: its home lists ?n= posts
            n = int(args.get("n", "20"))
            links = "".join(f"<li><a href='/hostile/blog/post-{i}.html'>Post {i}</a></li>" for i in range(n))
            self.send_body(200, f"<!DOCTYPE html><html><head><title>Blog</title></head><body><ul>{links}</ul>"
                                f"</body></html>".encode(), "text/html; charset=utf-8")
        elif path.startswith("/hostile/blog/post-"):
            self.send_body(200, blog_post(int(path.rsplit("-", 1)[1].split(".")[0])), "text/html; charset=utf-8")
        else:
            return super().route()
        return True


@pytest.fixture(scope="session")
def hostile_web() -> Iterator[SampleWebServer]:
    server = SampleWebServer(LAB_SITE, HostileHandler)
    server.hostile = Hostile(bomb=b"")  # type: ignore[attr-defined]
    server.tokens = {}  # type: ignore[attr-defined]
    server.start()
    yield server
    server.stop()
