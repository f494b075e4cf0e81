"""The staff web page against a hostile user (issue 16, items 14-15): wrong passwords are slowed down and then
refused, per client and for everyone, and logged; signing out ends the session on the server (a copied cookie
is refused); pages are never cached; ``?message=`` shows only the page's own messages.

`threadscout serve` runs as a child process where the real clock is enough; where waiting is the point, the
same application runs in this process on a real HTTP server (port 0) with a clock the test moves, so that
no test sleeps. Each client has its own loopback address (127.0.0.0/8), since the page counts per address.
"""

from __future__ import annotations

import copy
import logging
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
from test_web import Browser

from threadscout.config.settings import load_settings
from threadscout.search import web
from threadscout.search.web.throttle import client_key

PASSWORD = "a long secret"
PHISH = "Your account is locked: call +1 555 0100 now"


class Client(Browser):
    """test_web's browser, which can hand its cookies to another and sign in."""

    def copy_to(self, other: Client) -> Client:
        for cookie in self.jar:
            other.jar.set_cookie(copy.copy(cookie))
        return other

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
    """The page as served beyond loopback, paced by ``clock``: the same application, on a real threaded HTTP
    server in this process (werkzeug's, which stops cleanly from another thread; `serve` uses waitress)."""
    from werkzeug.serving import make_server

    app = web.create_app(load_settings(config), host="0.0.0.0", clock=clock)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


# -- item 14: wrong passwords -------------------------------------------------------------------------------------

def test_wrong_passwords_are_slowed_then_refused_and_a_right_one_works_after_the_wait(config):
    clock = Clock()
    with page_with_clock(config, clock) as base:
        ana = Client(base, "127.0.0.1")
        for _ in range(2):                                            # mistyping costs nothing
            status, _, page = ana.sign_in("wrong one")
            assert status == 401 and "That is not the password" in page and "try again" not in page
        status, _, page = ana.sign_in("wrong one")                     # the third: a wait begins
        assert status == 401 and "try again in 15 seconds" in page
        status, headers, page = ana.sign_in()                          # even the right one is refused now
        assert status == 429 and headers["Retry-After"] == "15"
        assert "Too many wrong passwords from your address: try again in 15 seconds." in page
        assert ana.get("/")[0] == 302

        bea = Client(base, "127.0.0.2")                                # another client is not held up
        assert bea.sign_in()[0] == 302 and bea.get("/")[0] == 200

        clock.now += 10
        status, headers, page = ana.sign_in()
        assert status == 429 and headers["Retry-After"] == "5" and "try again in 5 seconds" in page
        clock.now += 5                                                 # the wait is over: the right one works
        status, headers, _ = ana.sign_in()
        assert status == 302 and ana.get("/")[0] == 200
        status, _, page = Client(base, "127.0.0.1").sign_in("wrong one")   # and the count started again
        assert status == 401 and "try again" not in page


def test_each_wrong_password_after_a_wait_makes_the_next_wait_longer(config):
    clock = Clock()
    with page_with_clock(config, clock) as base:
        eve = Client(base, "127.0.0.3")
        for _ in range(3):
            eve.sign_in("guess")
        waits = []
        for _ in range(4):
            status, headers, _ = eve.sign_in("guess")
            assert status == 429
            waits.append(int(headers["Retry-After"]))
            clock.now += waits[-1]
            assert eve.sign_in("guess")[0] == 401                      # one more guess, and a longer wait
        assert waits == [15, 30, 60, 120]
        status, _, page = eve.sign_in("guess")
        assert status == 429 and "try again in 4 minutes" in page


def test_many_clients_together_get_a_few_tries_a_minute(config, caplog):
    clock = Clock()
    caplog.set_level(logging.WARNING, logger="threadscout.search.web")
    with page_with_clock(config, clock) as base:
        for n in range(5):                                             # each below its own limit: 10 in all
            guesser = Client(base, f"127.0.1.{n + 1}")
            assert [guesser.sign_in("guess")[0] for _ in range(2)] == [401, 401]
        status, headers, page = Client(base, "127.0.1.9").sign_in("guess")
        assert status == 429 and "signing in is paused for everyone" in page and headers["Retry-After"] == "20"
        staff = Client(base, "127.0.2.1")
        assert staff.sign_in()[0] == 429                               # a new client too, while it lasts
        clock.now += 20                                                # three a minute again
        assert staff.sign_in()[0] == 302 and staff.get("/")[0] == 200
        assert Client(base, "127.0.1.9").sign_in("guess")[0] == 401
        assert Client(base, "127.0.1.9").sign_in("guess")[0] == 429
    said = [r.getMessage() for r in caplog.records]
    assert sum(line.startswith("wrong password from 127.0.1.") for line in said) == 11
    assert any(line.startswith("signing in paused for everyone") for line in said)


def test_the_serve_log_has_each_wrong_password_and_each_refusal(guarded, config):
    """Through `threadscout serve` (the real clock): the third wrong password in a row begins a wait."""
    mallory = Client(guarded.url, "127.0.0.5")
    assert [mallory.sign_in("guess")[0] for _ in range(3)] == [401, 401, 401]
    status, headers, page = mallory.sign_in()
    assert status == 429 and 0 < int(headers["Retry-After"]) <= 15 and "try again in" in page
    log = (config.parent / "data" / "logs" / "serve.log").read_text(encoding="utf-8")
    assert log.count("wrong password from 127.0.0.5") == 3
    assert "signing in refused to 127.0.0.5 for 15 s after 3 wrong passwords in a row" in log
    assert "sign-in refused to 127.0.0.5: waiting after wrong passwords" in log      # the 429 itself


def test_a_client_is_an_ipv4_address_or_an_ipv6_64():
    assert client_key("2001:db8:1:2::1") == client_key("2001:db8:1:2:ffff::9") == "2001:db8:1:2::/64"
    assert client_key("2001:db8:1:3::1") != client_key("2001:db8:1:2::1")
    assert client_key("::ffff:192.0.2.7") == client_key("192.0.2.7") == "192.0.2.7"
    assert client_key(None) == "unknown"


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
