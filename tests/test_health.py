"""No failure hidden: per-source health, back-off, `threadscout sources`, failing sources named by every crawl
summary; Retry-After and Crawl-delay honoured; an 0.1 database brought up to date; `scrapy crawl threadscout`."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from conftest import ROOT, run_cli, write_config
from threadscout.indexer.models import retry_wait
from threadscout.search.sampleweb import SampleWebServer


def rows(config: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(config.parent / "data" / "threadscout.db") as db:
        return db.execute(sql).fetchall()


def sources_json(config: Path) -> dict[str, dict]:
    return {s["url"]: s for s in json.loads(run_cli("sources", "--json", config=config, check=True).stdout)}


def test_back_off_waits_grow_and_stop_at_eight_intervals():
    every = timedelta(hours=6)
    waits = [retry_wait(n, every) for n in range(0, 14)]
    assert waits[0] == every                       # healthy: the usual interval
    assert waits[1] == timedelta()                 # one failure: due again on the next crawl
    assert waits[2:6] == [timedelta(minutes=m) for m in (5, 10, 20, 40)]
    assert all(a <= b for a, b in zip(waits[1:], waits[2:]))          # they only grow
    assert waits[-1] == 8 * every                  # a source that keeps failing: at most 8 intervals apart
    short = timedelta(seconds=2)                   # an interval shorter than 5 min: doubling starts from it
    assert [retry_wait(n, short) for n in range(2, 7)] == [timedelta(seconds=s) for s in (2, 4, 8, 16, 16)]
    assert retry_wait(40, timedelta(days=7)) == timedelta(days=7)   # and never waits more than a week past it


def test_a_failing_source_is_not_hidden(lab_web, demo_web, tmp_path):
    down = f"{lab_web.base}/status/503"
    config = write_config(tmp_path, [{"url": down}, {"url": f"{demo_web.base}/news/feed/"}])
    first = run_cli("crawl", config=config)
    assert first.returncode == 0, first.stderr
    assert "failing since" in first.stderr and down in first.stderr and "HTTP 503 (temporary)" in first.stderr
    health = sources_json(config)
    assert health[down]["failures"] == 1 and health[down]["error_kind"] == "temporary"
    assert health[down]["last_error"] == "HTTP 503" and health[down]["last_success"] is None
    assert health[down]["next_due"] == health[down]["last_crawl"]          # due again at once
    assert health[f"{demo_web.base}/news/feed/"]["failures"] == 0

    second = run_cli("crawl", config=config)                            # not "Nothing is due"
    assert "Crawled 1 source:" in second.stdout, second.stdout
    assert "(2 times in a row)" in second.stderr
    health = sources_json(config)
    assert health[down]["failures"] == 2
    wait = (datetime.fromisoformat(health[down]["next_due"]) - datetime.fromisoformat(health[down]["last_crawl"]))
    assert wait == timedelta(minutes=5)                                  # backing off now

    third = run_cli("crawl", config=config)
    assert "Nothing is due" in third.stdout
    assert "failing since" in third.stderr and down in third.stderr      # still named, every time


def test_kinds_of_failure(lab_web, tmp_path):
    config = write_config(tmp_path, [{"url": f"{lab_web.base}/status/404"}, {"url": f"{lab_web.base}/status/403"},
                                     {"url": f"{lab_web.base}/private/secret.html"}])
    run_cli("crawl", config=config)
    health = sources_json(config)
    assert health[f"{lab_web.base}/status/404"]["error_kind"] == "soft"
    assert health[f"{lab_web.base}/status/403"]["error_kind"] == "hard"
    robots = health[f"{lab_web.base}/private/secret.html"]
    assert robots["error_kind"] == "hard" and "robots.txt" in robots["last_error"]


def test_a_source_that_recovers_is_healthy_again(tmp_path, demo_web):
    import shutil

    from conftest import DEMO_SITE

    site = tmp_path / "site"
    shutil.copytree(DEMO_SITE, site)
    feed = site / "news" / "feed" / "index.xml"
    saved = feed.read_bytes()
    feed.unlink()                                  # the feed is gone for a while: 404
    server = SampleWebServer(site)
    server.start()
    try:
        config = write_config(tmp_path, [{"url": f"{server.base}/news/feed/"}])
        run_cli("crawl", config=config)
        assert sources_json(config)[f"{server.base}/news/feed/"]["error_kind"] == "soft"
        feed.write_bytes(saved)
        proc = run_cli("crawl", config=config, check=True)
        assert "failing since" not in proc.stderr
        health = sources_json(config)[f"{server.base}/news/feed/"]
        assert health["failures"] == 0 and health["last_error"] is None and health["last_success"]
    finally:
        server.stop()


def test_sources_lists_configured_and_stored_sources(lab_web, demo_web, tmp_path):
    config = write_config(tmp_path, [{"url": f"{demo_web.base}/news/feed/"}, {"url": f"{lab_web.base}/status/500"}])
    run_cli("crawl", config=config)
    write_config(tmp_path, [{"url": f"{demo_web.base}/news/feed/"}])      # one source taken out of the config
    listed = json.loads(run_cli("sources", "--json", config=config, check=True).stdout)
    assert [s["url"] for s in listed] == [f"{demo_web.base}/news/feed/", f"{lab_web.base}/status/500"]
    assert [s["watched"] for s in listed] == [True, False] and listed[0]["origin"] == "config"
    for s in listed:
        assert {"url", "kind", "last_crawl", "last_success", "next_due", "failures", "last_error"} <= s.keys()
    assert listed[0]["kind"] == "feed" and listed[1]["failures"] == 1
    table = run_cli("sources", config=config, check=True).stdout
    assert f"{demo_web.base}/news/feed/" in table and "no longer watched" in table
    assert "HTTP 500 (temporary)" in table and "next due" in table


def test_retry_after_is_honoured(lab_web, tmp_path):
    url = f"{lab_web.base}/busy/feed.xml?t={tmp_path.name}"
    config = write_config(tmp_path, [{"url": url}])
    with lab_web.recording() as log:
        proc = run_cli("crawl", config=config, check=True)
    asked = [t for (p, _), t in zip(log, log.times) if p.startswith("/busy/feed.xml")]
    assert len(asked) == 2, log.paths()
    assert asked[1] - asked[0] >= 1.9                  # the server said Retry-After: 2
    assert "failing" not in proc.stderr and sources_json(config)[url]["failures"] == 0
    assert rows(config, "select count(*) from conversations") == [(1,)]


def test_robots_crawl_delay_is_honoured(tmp_path):
    site = tmp_path / "site"
    (site / "posts").mkdir(parents=True)
    (site / "robots.txt").write_text("User-agent: *\nCrawl-delay: 2\n", encoding="utf-8")
    links = "".join(f'<li><a href="/posts/{i}.html">post {i}</a></li>' for i in range(3))
    (site / "index.html").write_text(f"<html><body class='home blog'><ul>{links}</ul></body></html>",
                                     encoding="utf-8")
    for i in range(3):
        (site / "posts" / f"{i}.html").write_text(f"<html><body><p>Post {i}</p></body></html>", encoding="utf-8")
    server = SampleWebServer(site)
    server.start()
    try:
        config = write_config(tmp_path, [{"url": f"{server.base}/", "kind": "site", "depth": 1}])
        with server.recording() as log:
            run_cli("crawl", config=config, check=True)
    finally:
        server.stop()
    times = [t for (p, _), t in zip(log, log.times) if p != "/robots.txt"]
    assert len(times) == 4, log.paths()
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert min(gaps) >= 1.9, gaps                       # Crawl-delay: 2, although the configured delay is 0


def test_a_database_of_threadscout_0_1_is_brought_up_to_date(demo_web, tmp_path):
    """0.1's sources table lacked the health columns: they are added, nothing is lost."""
    data = tmp_path / "data"
    data.mkdir()
    with sqlite3.connect(data / "threadscout.db") as db:
        db.executescript("""
            CREATE TABLE sources (id INTEGER PRIMARY KEY, url VARCHAR(2048) UNIQUE, kind VARCHAR(16),
                etag VARCHAR(512), last_modified VARCHAR(128), last_status INTEGER, last_error TEXT,
                last_crawled_at DATETIME, last_ok_at DATETIME);
            INSERT INTO sources (url, kind, last_status, last_crawled_at, last_ok_at)
                VALUES ('http://old.example/feed/', 'feed', 200, '2026-11-01 10:00:00', '2026-11-01 10:00:00');
        """)
    config = write_config(tmp_path, [{"url": f"{demo_web.base}/news/feed/"}])
    run_cli("crawl", config=config, check=True)
    health = sources_json(config)
    assert health["http://old.example/feed/"]["last_success"].startswith("2026-11-01T10:00")
    assert health["http://old.example/feed/"]["failures"] == 0
    assert health[f"{demo_web.base}/news/feed/"]["last_success"]


def test_scrapy_crawl_threadscout_works_as_scrapy_users_expect(demo_web, tmp_path):
    config = write_config(tmp_path, [{"url": f"{demo_web.base}/news/feed/"}])
    scrapy = [sys.executable, "-m", "scrapy.cmdline", "crawl", "threadscout"]
    env = {**os.environ, "THREADSCOUT_CONFIG": str(config)}
    proc = subprocess.run(scrapy, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert rows(config, "select count(*) from conversations") == [(3,)]
    assert rows(config, "select finish_reason from crawl_runs") == [("finished",)]
    env.pop("THREADSCOUT_CONFIG")
    bare = subprocess.run(scrapy, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert "AttributeError" not in bare.stderr and "Traceback" not in bare.stderr, bare.stderr[-3000:]
    assert "THREADSCOUT_CONFIG" in bare.stderr


@pytest.mark.parametrize("contact, warning", [
    (None, "user_agent_contact is not set"),
    ("call us", "neither a URL nor an e-mail address"),
    ("outreach@riverside.example", None),
    ("https://riverside.example/contact", None),
])
def test_a_missing_or_unusable_contact_is_warned_about_once(demo_web, tmp_path, contact, warning):
    config = write_config(tmp_path, [{"url": f"{demo_web.base}/news/feed/"}], contact=contact)
    proc = run_cli("crawl", config=config, check=True)
    if warning is None:
        assert "warning" not in proc.stderr
    else:
        assert proc.stderr.count("warning") == 1 and warning in proc.stderr


@pytest.mark.parametrize("name, message, words, kind", [
    ("DownloadConnectionRefusedError", "Connection was refused by other side: 111", "connection refused", "temporary"),
    ("CannotResolveHostError", "DNS lookup failed: no results for hostname lookup: nope.example.",
     "host name not found", "temporary"),
    ("DownloadTimeoutError", "Getting http://x.test/ took longer than 30.0 seconds.", "no answer within 30.0 seconds",
     "temporary"),
    ("IgnoreRequest", "Ignored response <200 http://x.test/> because its body (305779 B compressed, 10027008 B "
     "decompressed so far) exceeded DOWNLOAD_MAXSIZE (10000000 B) during decompression.", "max_response_size", "hard"),
    ("SomethingNew", "odd failure", "SomethingNew: odd failure", "temporary"),
])
def test_failures_are_told_in_plain_words(name, message, words, kind):
    from threadscout.crawler.health import describe, kind_of_exception

    assert words in describe(name, message) and kind_of_exception(name, message) == kind


def test_sources_lists_them_all_by_default(tmp_path):
    config = write_config(tmp_path, [{"url": f"http://127.0.0.1:9/feed-{i}/"} for i in range(25)])
    assert len(json.loads(run_cli("sources", "--json", config=config, check=True).stdout)) == 25
    assert len(json.loads(run_cli("sources", "--json", "--limit", "3", config=config, check=True).stdout)) == 3


def test_a_query_source_fails_once_per_crawl_not_once_per_keyword(lab_web, tmp_path):
    url = f"{lab_web.base}/status/503?q={{q}}"
    config = write_config(tmp_path, [{"url": url, "kind": "query"}])     # three keywords: three requests
    run_cli("crawl", config=config)
    assert sources_json(config)[url]["failures"] == 1
    second = run_cli("crawl", config=config)                             # due again on the next crawl
    assert "Crawled 1 source" in second.stdout and sources_json(config)[url]["failures"] == 2


def test_a_long_retry_after_is_remembered_for_the_next_crawl(lab_web, tmp_path):
    url = f"{lab_web.base}/status/429?retry-after=3600"
    config = write_config(tmp_path, [{"url": url}])
    run_cli("crawl", config=config)
    health = sources_json(config)[url]
    wait = datetime.fromisoformat(health["next_due"]) - datetime.fromisoformat(health["last_crawl"])
    assert timedelta(minutes=59) < wait <= timedelta(hours=1) and health["error_kind"] == "temporary"
    assert "Nothing is due" in run_cli("crawl", config=config).stdout


def test_a_query_source_keeps_the_longest_retry_after_of_its_keywords(lab_web, tmp_path):
    url = f"{lab_web.base}/status/429?retry-after=3600&q={{q}}"
    config = write_config(tmp_path, [{"url": url, "kind": "query"}])
    run_cli("crawl", config=config)
    health = sources_json(config)[url]
    wait = datetime.fromisoformat(health["next_due"]) - datetime.fromisoformat(health["last_crawl"])
    assert health["failures"] == 1 and wait > timedelta(minutes=59)


def test_sources_add_and_remove_watch_a_place_without_touching_the_config(demo_web, tmp_path):
    config = write_config(tmp_path, [{"url": f"{demo_web.base}/news/feed/"}])
    before = config.read_text(encoding="utf-8")
    blog = f"{demo_web.base}/blog/feed/"
    added = run_cli("sources", "add", blog, "--kind", "feed", config=config, check=True)
    assert "Watching" in added.stdout
    assert "already watched" in run_cli("sources", "add", blog, config=config, check=True).stdout
    listed = sources_json(config)
    assert listed[blog]["origin"] == "added" and listed[blog]["watched"]
    run_cli("crawl", config=config, check=True)
    assert rows(config, "select count(*) from conversations where url like '%/blog/%'") == [(4,)]
    removed = run_cli("sources", "remove", blog, config=config, check=True)
    assert "No longer watching" in removed.stdout
    assert not sources_json(config)[blog]["watched"]
    assert rows(config, "select count(*) from conversations where url like '%/blog/%'") == [(4,)]   # kept
    assert "Crawled 1 source" in run_cli("crawl", "--all", config=config, check=True).stdout
    refused = run_cli("sources", "remove", f"{demo_web.base}/news/feed/", config=config)
    assert refused.returncode == 2 and "remove it there" in refused.stderr
    bad = run_cli("sources", "add", "https://exa mple.org/", config=config)
    assert bad.returncode == 2 and "space" in bad.stderr and "Traceback" not in bad.stderr
    assert config.read_text(encoding="utf-8") == before          # the configuration is never rewritten


def test_allow_and_deny_patterns_decide_which_links_are_followed(demo_web, tmp_path):
    config = write_config(tmp_path, [{"url": f"{demo_web.base}/blog/", "kind": "site", "depth": 2,
                                      "allow": "/blog/2026/", "deny": "garden"}])
    with demo_web.recording() as log:
        run_cli("crawl", config=config, check=True)
    followed = [p for p in log.paths() if p not in ("/robots.txt", "/blog/")]
    assert followed and all(p.startswith("/blog/2026/") for p in followed), followed
    assert not any("garden" in p for p in followed) and "/blog/tag/literacy/" not in followed
    assert rows(config, "select count(*) from conversations") == [(3,)]
