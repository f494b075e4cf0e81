"""Hostile and broken input: oversized pages, gzip bombs, crawler traps, charsets, broken and dangerous feeds,
and schemes other than http(s)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from conftest import run_cli, write_config


def db_rows(config: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(config.parent / "data" / "threadscout.db") as db:
        return db.execute(sql).fetchall()


def test_oversized_page_and_gzip_bomb_are_refused(lab_web, tmp_path):
    """A 40 MiB page and a gzip body that expands to 300 MiB, with the default 10 MB cap."""
    config = write_config(tmp_path, [
        {"url": f"{lab_web.base}/big/page.html", "depth": 0},
        {"url": f"{lab_web.base}/bomb/page.html", "depth": 0},
        {"url": f"{lab_web.base}/latin1/post.html", "depth": 0},
    ])
    proc = run_cli("crawl", config=config)         # (its peak memory is measured by bench/limits.py)
    assert proc.returncode == 0, proc.stderr          # the crawl ran: other pages were fetched
    assert "2 errors" in proc.stdout
    errors = dict(db_rows(config, "select url, last_error from sources"))
    assert errors[f"{lab_web.base}/big/page.html"] and errors[f"{lab_web.base}/bomb/page.html"]
    assert errors[f"{lab_web.base}/latin1/post.html"] is None
    log = (tmp_path / "data" / "logs" / "crawl.log").read_text(encoding="utf-8")
    assert "big/page.html" in log and "bomb/page.html" in log


def test_page_in_iso_8859_1_is_decoded_by_its_declared_charset(lab_web, tmp_path):
    config = write_config(tmp_path, [{"url": f"{lab_web.base}/latin1/post.html", "depth": 0}])
    run_cli("crawl", config=config, check=True)
    conv = json.loads(run_cli("show", f"{lab_web.base}/latin1/post.html", "--json", config=config,
                              check=True).stdout)
    assert conv["title"] == "Café für Lesepaten: Übung macht den Meister"
    assert "jeden Donnerstag à 18 Uhr" in conv["text"]


def test_crawler_trap_is_stopped_by_the_page_budget(lab_web, tmp_path):
    config = write_config(tmp_path, [{"url": f"{lab_web.base}/trap/cal?day=0", "kind": "site", "depth": 1000,
                                      "max_pages": 12}])
    with lab_web.recording() as log:
        proc = run_cli("crawl", config=config)
    assert proc.returncode == 0, proc.stderr
    trap = [p for p in log.paths() if p.startswith("/trap/")]
    assert 10 <= len(trap) <= 13        # the start page and its budget of 12, no more
    assert db_rows(config, "select count(*) from conversations") == [(0,)]   # calendar pages are listings


def test_depth_limit_of_a_site_source(lab_web, tmp_path):
    config = write_config(tmp_path, [{"url": f"{lab_web.base}/trap/cal?day=0", "kind": "site", "depth": 1}])
    with lab_web.recording() as log:
        run_cli("crawl", config=config, check=True)
    trap = sorted(p for p in log.paths() if p.startswith("/trap/"))
    assert len(trap) == 5               # the start page and the four days it links to


def test_robots_txt_and_other_schemes(lab_web, tmp_path):
    config = write_config(tmp_path, [{"url": f"{lab_web.base}/", "kind": "site", "depth": 2}])
    with lab_web.recording() as log:
        proc = run_cli("crawl", config=config, check=True)
    assert "forbidden by robots.txt" in proc.stdout
    assert not any(p.startswith("/private/") for p in log.paths())
    log = (tmp_path / "data" / "logs" / "crawl.log").read_text(encoding="utf-8")
    assert "etc/passwd" not in log and "ftp://" not in log          # never even requested
    assert db_rows(config, "select count(*) from conversations where url like '%/private/%'") == [(0,)]
    # malformed links on the home page are skipped, not fatal: the post linked after them is stored
    assert db_rows(config, "select count(*) from conversations where url like '%/latin1/post.html'") == [(1,)]
    assert "0 errors" in proc.stdout


def test_malformed_feed_is_a_source_error_and_the_crawl_goes_on(lab_web, demo_web, tmp_path):
    config = write_config(tmp_path, [
        {"url": f"{lab_web.base}/feeds/malformed.xml", "kind": "feed"},
        {"url": f"{lab_web.base}/feeds/entities.xml"},
        {"url": f"{demo_web.base}/news/feed/"},
    ])
    proc = run_cli("crawl", config=config)
    assert proc.returncode == 0, proc.stderr
    errors = dict(db_rows(config, "select url, last_error from sources"))
    assert "feed refused" in errors[f"{lab_web.base}/feeds/malformed.xml"]
    assert "entities" in errors[f"{lab_web.base}/feeds/entities.xml"]
    assert errors[f"{demo_web.base}/news/feed/"] is None
    assert db_rows(config, "select count(*) from conversations where url like '%/news/%'") == [(3,)]
    assert "feed refused" in proc.stderr      # the user is told which source failed


def test_nothing_fetched_exits_1(tmp_path):
    import socket

    with socket.socket() as s:                # a port that nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = write_config(tmp_path, [{"url": f"http://127.0.0.1:{port}/feed/"}],
                          crawl={"download_timeout": "5s"})
    proc = run_cli("crawl", config=config)
    assert proc.returncode == 1
    assert "nothing could be fetched" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_entity_declarations_are_refused_in_any_encoding():
    import pytest

    from threadscout.crawler.feeds import FeedRefused, parse_feed

    feed = ('<?xml version="1.0" encoding="utf-16"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">]>'
            '<rss version="2.0"><channel><title>&a;</title></channel></rss>')
    for body in (feed.encode("utf-16"), feed.encode("utf-16-be"), feed.replace("utf-16", "utf-8").encode()):
        with pytest.raises(FeedRefused, match="entities"):
            parse_feed(body, "http://feeds.test/feed")


def test_feed_dates_keep_the_authors_time_zone():
    from threadscout.crawler.feeds import parse_feed

    body = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>x</title>'
            b"<link>http://blog.test/p/</link><pubDate>Sat, 03 Oct 2026 09:15:00 +0200</pubDate></item>"
            b"<item><title>y</title><link>http://blog.test/q/</link><pubDate>Sat, 03 Oct 2026 09:15:00 GMT</pubDate>"
            b"</item></channel></rss>")
    items = parse_feed(body, "http://blog.test/feed/").items
    assert items[0].published is not None and items[0].published.isoformat() == "2026-10-03T09:15:00+02:00"
    assert items[1].published is not None and items[1].published.utcoffset().total_seconds() == 0
