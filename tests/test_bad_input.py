"""Bad input (issue 16, items 10-13): queries too long or nested too deep, configuration values past what the
program can hold, and command-line arguments that are not UTF-8 or are IPv6 literals. Each is refused in one line
with exit 2 (or works), never a traceback; on the web page, a 400 that says why."""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from conftest import ROOT, cli_command, cli_env, run_cli, write_config
from receivers import WebServer

from threadscout.config.settings import load_settings
from threadscout.crawler.items import ConversationItem, ReplyItem
from threadscout.indexer.db import Store
from threadscout.indexer.index import SearchIndex
from threadscout.indexer.querylang import parse
from threadscout.indexer.schema import conversation_schema
from threadscout.indexer.sync import sync

NOW = datetime.now(timezone.utc)
LONG_WORD = "a" * 20_000                       # 2.1 s in the parser before issue 16
MINUSES = "-" * 1500 + "a"                     # recursed in the translation: a traceback
PARENTHESES = "(" * 5000 + "a" + ")" * 5000
NESTED = "(" * 25 + "tutor" + ")" * 25         # under the length caps, too deep
NOTS = "NOT -" * 15 + "tutor"


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A configuration whose store holds one indexed conversation (no crawl needed to read queries)."""
    folder = tmp_path_factory.mktemp("bad-input")
    config = write_config(folder, [{"url": "http://blog.test/feed/"}])
    cfg = load_settings(config)
    store = Store(cfg.database_url)
    try:
        store.save(ConversationItem(url="http://blog.test/tutors/", title="Reading tutors wanted", author="Ann",
                                    text="Adult literacy tutors meet on Mondays.", kind="post",
                                    published=NOW - timedelta(days=1),
                                    replies=[ReplyItem(author="Ben", text="Count me in.", url=None, position=0,
                                                       published=NOW - timedelta(hours=2))]),
                   site="blog.test")
        sync(store, SearchIndex(cfg.index_dir))
    finally:
        store.close()
    return config


def refused(proc: subprocess.CompletedProcess[str], says: str) -> None:
    assert proc.returncode == 2, (proc.returncode, proc.stderr[-2000:])
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1, proc.stderr[-2000:]
    assert says in proc.stderr, proc.stderr


# -- item 10: a long query or word ---------------------------------------------------------------------------
def test_a_long_word_or_query_is_refused_at_once_by_every_command(stored):
    refused(run_cli("search", LONG_WORD, config=stored), "a word of the query is too long (20,000 characters")
    refused(run_cli("where", LONG_WORD, config=stored), "a word of the query is too long")
    refused(run_cli("show", "http://blog.test/tutors/", "--query", LONG_WORD, config=stored), "too long")
    refused(run_cli("alerts", "add", "long", LONG_WORD, "--notify", "json://127.0.0.1:9/x", config=stored),
            "too long")
    refused(run_cli("search", " ".join(["tutor"] * 300), config=stored),
            "the query is too long (1,799 characters; at most 1,000)")
    assert "Reading tutors wanted" in run_cli("search", "tutors " * 100, config=stored, check=True).stdout


def _calls(run: object) -> int:
    """Python function calls made by ``run()``: a measure of work that does not depend on the machine's speed."""
    count = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal count
        count += event == "call"

    sys.setprofile(profile)
    try:
        run()  # type: ignore[operator]
    finally:
        sys.setprofile(None)
    return count


def test_reading_a_query_is_linear_in_its_words():
    """Whoosh hashed ``word`` in four fields the same for every word, so removing duplicates compared each word
    with every other: twice the words took four times the work (the store's saved searches and `where` read
    queries past the typed caps)."""
    schema = conversation_schema("en")
    words = [f"w{i}" for i in range(1600)]
    half = _calls(lambda: parse(schema, " ".join(words[:800])))
    whole = _calls(lambda: parse(schema, " ".join(words)))
    assert whole < 2.5 * half, (half, whole)
    ored = _calls(lambda: parse(schema, " ".join(f"({a} OR {b})" for a, b in zip(words[::2], words[1::2]))))
    assert ored < 2.5 * whole, (whole, ored)


# -- item 11: nesting --------------------------------------------------------------------------------------
@pytest.mark.parametrize("query, says", [
    (MINUSES, "a word of the query is too long (1,501 characters"),
    (PARENTHESES, "a word of the query is too long (10,001 characters"),
    (NESTED, "nests parentheses and NOTs more than 20 deep"),
    ("-" * 30 + "tutor", "nests parentheses and NOTs more than 20 deep"),
    (NOTS, "nests parentheses and NOTs more than 20 deep"),
    (" ".join(["("] * 30 + ["tutor"] + [")"] * 30), "nests parentheses and NOTs more than 20 deep"),
])
def test_deep_nesting_is_refused_in_one_line(stored, query, says):
    refused(run_cli("search", query, config=stored), says)


def test_nesting_within_the_bound_still_works(stored):
    out = run_cli("search", "(" * 10 + "tutors" + ")" * 10, "-bus", config=stored, check=True).stdout
    assert "Reading tutors wanted" in out
    out = run_cli("search", "--", "--tutors", "NOT", "(" * 5 + "-" * 2 + "bus" + ")" * 5, "NOT", "-Mondays",
                  config=stored, check=True).stdout
    assert "Reading tutors wanted" in out           # NOT NOT cancels out


def test_a_minus_before_a_group_leaves_the_group_out(stored):
    assert "Reading tutors wanted" not in run_cli("search", "tutors -(Mondays OR bus)", config=stored,
                                                  check=True).stdout
    assert "Reading tutors wanted" in run_cli("search", "tutors -(Fridays OR bus)", config=stored,
                                              check=True).stdout
    assert "Reading tutors wanted" in run_cli("search", "tutors - Mondays", config=stored, check=True).stdout


# -- items 10 and 11 on the web page ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def page(stored: Path) -> Iterator[str]:
    server = WebServer(stored)
    yield server.url
    server.stop()


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=60) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8")


@pytest.mark.parametrize("query, says", [
    (LONG_WORD, "a word of the query is too long"),
    ("x " * 40_000, "the query is too long ("),
    (MINUSES, "a word of the query is too long"),
    (NESTED, "nests parentheses and NOTs more than 20 deep"),
])
def test_the_page_says_a_query_cannot_be_read(page, query, says):
    q = urllib.parse.quote(query)
    for path in (f"/?q={q}", f"/where?q={q}", f"/thread?url=http%3A%2F%2Fblog.test%2Ftutors%2F&q={q}"):
        status, body = fetch(page + path)
        assert status == 400 and says in body and "Traceback" not in body, (path, status, body[:300])
    status, body = fetch(page + "/?q=tutors")
    assert status == 200 and "Reading tutors wanted" in body


# -- item 12: configuration values past what the program can hold -------------------------------------------
def _config(folder: Path, text: str) -> Path:
    path = folder / "threadscout.toml"
    path.write_text('[mission]\nname = "Test"\nkeywords = ["adult literacy"]\n' + text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text, key, says", [
    ('[crawl]\nevery = "1000000000d"\n', "crawl.every", "at most 36,500 days"),
    ('[crawl]\nevery = "99999999999999999999s"\n', "crawl.every", "at most 36,500 days"),
    ('[crawl]\ndownload_timeout = "' + "9" * 5000 + 's"\n', "crawl.download_timeout", "too long"),
    ('[search]\nhalf_life = "99999999999999999999s"\n', "search.half_life", "at most 36,500 days"),
    ('[[source]]\nurl = "http://blog.test/"\nevery = "1000000000d"\n', "source[1].every", "too long"),
    ('[crawl]\nmax_response_size = "' + "9" * 400 + '"\n', "crawl.max_response_size", "too large"),
    ('[crawl]\nmax_feed_size = 99999999999999999999999\n', "crawl.max_feed_size", "too large"),
    ('[[source]]\nurl = "http://blog.test/"\nallow = ' + "[" * 50_000 + "]" * 50_000 + "\n", "source.allow",
     "nests arrays or tables too deeply"),
    ('[storage]\npath = "da\\u0000ta"\n', "storage.path", "control character"),
    ('[storage]\nurl = "sqlite:////tmp/x\\u0000y.db"\n', "storage.url", "control character"),
    ('[storage]\npath = "' + "d" * 10_000 + '"\n', "storage.path", "too long to be a folder"),
    ('[storage]\npath = "' + "d/" * 3000 + '"\n', "storage.path", "too long to be a folder"),
])
def test_config_values_past_what_can_be_held_are_one_line(tmp_path, text, key, says):
    proc = run_cli("sources", config=_config(tmp_path, text))
    refused(proc, says)
    assert f": {key}: " in proc.stderr


# -- item 13: URL arguments ---------------------------------------------------------------------------------
def test_ipv6_literals_keep_their_brackets(tmp_path):
    config = write_config(tmp_path, [])
    out = run_cli("links", "add", "http://[::]/", config=config, check=True).stdout
    assert "Featured the site http://[::]/" in out
    run_cli("links", "add", "http://[2606:4700:4700::1111]:8443/t/1", config=config, check=True)
    run_cli("links", "add", "--site", "https://[2001:DB8::7]/forum/", config=config, check=True)
    listed = run_cli("links", config=config, check=True).stdout
    assert "http://[::]/" in listed and "http://[2606:4700:4700::1111]:8443/" in listed
    assert "https://[2001:db8::7]/" in listed
    assert 'url="http://[2606:4700:4700::1111]:8443/"' in run_cli("links", "--format", "opml", config=config,
                                                                  check=True).stdout
    run_cli("links", "remove", "--site", "https://[2001:db8::7]/any/page", config=config, check=True)
    assert "2001:db8::7" not in run_cli("links", config=config, check=True).stdout
    refused(run_cli("links", "remove", "--site", "http://[::1]:99999/", config=config), "Port out of range")


BAD = b"http://blog.test/caf\xe9/"          # Latin-1, not UTF-8: Python hands it over as a lone surrogate


@pytest.mark.parametrize("args", [
    ["sources", "add", BAD], ["sources", "remove", BAD], ["show", BAD], ["mark", BAD, "claimed"],
    ["links", "add", BAD], ["links", "remove", BAD], ["links", "add", "--site", BAD],
    ["search", b"caf\xe9"], ["mark", "http://blog.test/tutors/", "claimed", "--by", b"Jos\xe9"],
])
def test_arguments_that_are_not_utf8_are_refused_in_one_line(stored, args):
    command = [os.fsencode(part) for part in cli_command(config=stored)]
    proc = subprocess.run(command + [a if isinstance(a, bytes) else a.encode() for a in args], capture_output=True,
                          timeout=120, env=cli_env(), cwd=ROOT)
    stderr = proc.stderr.decode("utf-8")
    assert proc.returncode == 2 and "Traceback" not in stderr and len(stderr.strip().splitlines()) == 1, stderr
    assert "0xE9, which is not UTF-8" in stderr
