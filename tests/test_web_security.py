"""The staff web page against a hostile user (issue 16, items 14-15): wrong passwords are slowed down and then
refused, per client and for everyone, and logged; signing out ends the session on the server (a copied cookie
is refused); pages are never cached; ``?message=`` shows only the page's own messages.

`threadscout serve` runs as a child process where the real clock is enough; where waiting is the point, the
same application runs in this process on a real waitress server (port 0) with a clock the test moves, so that
no test sleeps. Each client has its own loopback address (127.0.0.0/8), since the page counts per address.
"""

from __future__ import annotations

import copy
import functools
import http.client
import http.cookiejar
import logging
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import write_config
from receivers import WebServer

from threadscout.config.settings import load_settings
from threadscout.search import web

PASSWORD = "a long secret"
PHISH = "Your account is locked: call +1 555 0100 now"


class Client:
    """A real HTTP client with a cookie jar, from its own loopback address; it does not follow redirects."""

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

    def copy_to(self, other: Client) -> Client:
        for cookie in self.jar:
            other.jar.set_cookie(copy.copy(cookie))
        return other

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
        assert status == 200, (status, page)
        found = re.search(r'name="csrf_token" value="([^"]+)"', page)
        assert found, "no CSRF token in the page's forms"
        return found.group(1)

    def sign_in(self, password: str = PASSWORD) -> tuple[int, dict[str, str], str]:
        return self.post("/login", {"csrf_token": self.token("/login"), "password": password, "next": "/"})


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("websec")
    path = write_config(folder, [{"url": "http://127.0.0.1:9/feed/"}])      # never crawled here
    web.set_password(load_settings(path), PASSWORD)
    return path


@pytest.fixture(scope="module")
def guarded(config: Path) -> Iterator[WebServer]:
    """`threadscout serve` beyond loopback (so it asks for the password)."""
    server = WebServer(config, "--host", "0.0.0.0")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def loopback(config: Path) -> Iterator[WebServer]:
    server = WebServer(config)
    yield server
    server.stop()


@contextmanager
def page_with_clock(config: Path, clock: Clock) -> Iterator[str]:
    """The page as served beyond loopback, on a real waitress server in this process, paced by ``clock``."""
    from waitress.server import create_server

    app = web.create_app(load_settings(config), host="0.0.0.0", clock=clock)
    server = create_server(app, host="127.0.0.1", port=0, threads=2)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:       # closed from the server's own thread (its loop then ends), never under its feet
        server.trigger.pull_trigger(server.close)
        thread.join(10)
        server.task_dispatcher.shutdown()


# -- item 15: sessions, caches and messages -----------------------------------------------------------------------

def test_a_copied_session_cookie_is_refused_after_sign_out(guarded):
    ana = Client(guarded.url, "127.0.0.6")
    status, headers, _ = ana.sign_in()
    assert status == 302 and headers["Location"] == "/"
    copied = ana.copy_to(Client(guarded.url, "127.0.0.7"))
    assert copied.get("/")[0] == 200                                   # the copy works while the session lives
    posting = ana.copy_to(Client(guarded.url, "127.0.0.7"))
    form_token = posting.token("/sources")
    token = ana.token("/")
    status, headers, _ = ana.post("/logout", {"csrf_token": token})
    assert status == 302 and headers["Location"].startswith("/login")
    signed_out = headers["Location"]
    status, headers, _ = copied.get("/sources")
    assert status == 302 and headers["Location"].startswith("/login?")
    assert "That session has ended" in copied.get(headers["Location"])[2]
    for path in ("/", "/alerts"):
        status, headers, _ = copied.get(path)
        assert status == 302 and headers["Location"].startswith("/login?"), path
    status, headers, _ = posting.post("/sources/add", {"csrf_token": form_token, "url": "http://127.0.0.1:9/other/"})
    assert status == 302 and headers["Location"].startswith("/login?")      # a form with a valid token too
    assert ana.get("/")[0] == 302
    assert signed_out == "/login?message=signed-out" and "You are signed out." in ana.get(signed_out)[2]
    assert ana.sign_in()[0] == 302 and "127.0.0.1:9/other/" not in ana.get("/sources")[2]


def test_pages_are_never_stored_by_caches(guarded, loopback):
    ana = Client(guarded.url, "127.0.0.8")
    for path in ("/login", "/"):
        assert ana.get(path)[1]["Cache-Control"] == "no-store", path
    assert ana.sign_in()[1]["Cache-Control"] == "no-store"
    for path in ("/", "/?q=literacy", "/sources", "/alerts", "/where", "/links"):
        status, headers, _ = ana.get(path)
        assert status == 200 and headers["Cache-Control"] == "no-store", path
    assert Client(loopback.url).get("/sources")[1]["Cache-Control"] == "no-store"


def test_only_the_pages_own_messages_are_shown(loopback):
    staff = Client(loopback.url)
    for path in ("/", "/sources", "/alerts", "/where", "/login"):
        status, _, page = staff.get(path + "?" + urllib.parse.urlencode({"message": PHISH}))
        assert status == 200 and "call +1 555" not in page, path
    assert "You are signed out." in staff.get("/login?message=signed-out")[2]
    # what a form did is still said, once, on the page it goes back to (and never through the URL)
    token = staff.token("/sources")
    status, headers, _ = staff.post("/sources/add", {"csrf_token": token, "url": "http://127.0.0.1:9/told/"})
    assert status == 302 and headers["Location"] == "/sources"
    assert "Watching http://127.0.0.1:9/told/ from now on" in staff.get("/sources")[2]
    assert "Watching http://127.0.0.1:9/told/ from now on" not in staff.get("/sources")[2]
