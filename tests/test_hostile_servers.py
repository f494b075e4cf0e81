"""Hostile servers (issue 16, items 6-9): a feed of thousands of items, a page of hundreds of thousands of links
beside a healthy blog, Retry-After asking for forever, redirects to javascript:, endless bodies and endless
headers; and the crawl's memory limit."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import quote

from conftest import HostileHandler, LAB_SITE, Hostile, run_cli, write_config
from threadscout.search.sampleweb import SampleWebServer

WEEK = timedelta(days=7)


def rows(config: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(config.parent / "data" / "threadscout.db") as db:
        return db.execute(sql).fetchall()


def sources_json(config: Path) -> dict[str, dict]:
    return {s["url"]: s for s in json.loads(run_cli("sources", "--json", config=config, check=True).stdout)}


# -- item 8: Retry-After is bounded ---------------------------------------------------------------------------
def test_a_retry_after_of_forever_is_clamped_to_a_week_and_recorded(lab_web, tmp_path):
    for value in ("99999999999999", "Fri, 31 Dec 9999 23:59:59 GMT"):   # one crawl each: one site gives up
        url = f"{lab_web.base}/status/503?retry-after={quote(value)}"
        folder = tmp_path / value[:3]
        folder.mkdir()
        config = write_config(folder, [{"url": url}])
        proc = run_cli("crawl", config=config)
        assert "Traceback" not in proc.stderr and "OverflowError" not in proc.stderr + proc.stdout
        log = (folder / "data" / "logs" / "crawl.log").read_text(encoding="utf-8")
        assert "OverflowError" not in log and "Traceback" not in log
        assert url in proc.stderr                                  # the summary names it as failing
        h = sources_json(config)[url]
        assert h["failures"] == 1 and h["last_error"] == "HTTP 503" and h["error_kind"] == "temporary", h
        wait = datetime.fromisoformat(h["next_due"]) - datetime.fromisoformat(h["last_crawl"])
        assert WEEK - timedelta(minutes=1) <= wait <= WEEK       # clamped, not year 9999
        assert h["asked_to_wait_until"] == h["next_due"]
        table = run_cli("sources", config=config, check=True).stdout
        assert "asked to wait until" in table and "clamped to 7 days)" in table
        assert "Nothing is due" in run_cli("crawl", config=config).stdout   # and the wait is honoured


# -- item 9: fetch errors said plainly --------------------------------------------------------------------------
def test_a_redirect_to_javascript_is_a_hard_failure_said_plainly(lab_web, tmp_path):
    url = f"{lab_web.base}/redirect?to={quote('javascript:alert(1)')}"
    config = write_config(tmp_path, [{"url": url}])
    proc = run_cli("crawl", config=config)
    h = sources_json(config)[url]
    assert h["error_kind"] == "hard", h
    assert h["last_error"] == "redirects to a javascript: address, which is not a web page: not followed"
    assert "Missing scheme" not in proc.stderr and "ValueError" not in proc.stderr


def test_an_endless_body_is_over_the_size_limit(hostile_web, tmp_path):
    url = f"{hostile_web.base}/hostile/chunked"
    config = write_config(tmp_path, [{"url": url}], crawl={"max_response_size": "1MB"})
    proc = run_cli("crawl", config=config)
    h = sources_json(config)[url]
    assert h["last_error"] == "the answer is larger than max_response_size (after decompression): not downloaded"
    assert h["error_kind"] == "hard"
    assert "DownloadCancelledError" not in proc.stderr


def test_a_response_with_too_many_headers_is_refused(hostile_web, tmp_path):
    many, few = f"{hostile_web.base}/hostile/headers?n=200000", f"{hostile_web.base}/hostile/headers?n=50"
    config = write_config(tmp_path, [{"url": many, "kind": "site", "depth": 0},
                                     {"url": few, "kind": "site", "depth": 0}])
    with hostile_web.recording() as log:
        run_cli("crawl", config=config)
    health = sources_json(config)
    assert health[many]["last_error"] == "the answer has more than 500 header lines: refused"
    assert health[many]["error_kind"] == "hard"
    assert log.paths().count("/hostile/headers?n=200000") == 1       # not asked again at once
    assert health[few]["failures"] == 0 and health[few]["last_error"] is None


# -- item 6: a cap on items per feed and on conversations per source ------------------------------------------
def crawl_feed(tmp_path: Path, url: str, crawl: dict[str, object]) -> tuple[Path, str, set[str]]:
    """A crawl of a generated feed: its configuration, its output, the conversations stored."""
    config = write_config(tmp_path, [{"url": url, "max_pages": 2}], crawl=crawl)
    proc = run_cli("crawl", config=config)
    assert proc.returncode == 0, proc.stderr
    return config, proc.stdout, {u for (u,) in rows(config, "select url from conversations")}


def test_a_feed_of_thousands_of_items_keeps_its_newest(hostile_web, tmp_path):
    url = f"{hostile_web.base}/hostile/feed.xml?n=3000"
    config, out, stored = crawl_feed(tmp_path, url, {"max_items_per_feed": 100})
    assert stored == {f"{hostile_web.base}/hostile/item/{i}" for i in range(2900, 3000)}   # the newest 100
    note = "a feed had 3000 items: kept the newest 100 (max_items_per_feed)"
    assert "1 source capped" in out and f"capped: {url}: {note}" in out
    assert sources_json(config)[url]["capped"] == note
    assert f"capped in its last crawl: {note}" in run_cli("sources", config=config, check=True).stdout


def test_a_source_brings_at_most_its_conversation_budget(hostile_web, tmp_path):
    url = f"{hostile_web.base}/hostile/feed.xml?n=300"
    config, out, stored = crawl_feed(tmp_path, url, {"max_conversations": 40})
    assert stored == {f"{hostile_web.base}/hostile/item/{i}" for i in range(260, 300)}
    assert sources_json(config)[url]["capped"] == "stopped at 40 conversations (max_conversations)"
    assert "1 source capped" in out


def test_the_crawl_stops_at_its_memory_limit_and_says_so(hostile_web, tmp_path):
    url = f"{hostile_web.base}/hostile/feed.xml?n=10"
    config = write_config(tmp_path, [{"url": url}], crawl={"max_memory": "64MiB"})   # less than a crawl starts with
    proc = run_cli("crawl", config=config)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "stopped by its memory limit ([crawl] max_memory = 64 MiB); what it found until then is kept" in proc.stderr
    assert rows(config, "select finish_reason from crawl_runs") == [("memusage_exceeded",)]
    assert sources_json(config)[url]["cut_short"] is not None      # the next crawl reads it again in full


# -- item 7: a link-heavy page does not starve other sites ------------------------------------------------------
def test_a_link_heavy_page_does_not_starve_a_healthy_blog(hostile_web, tmp_path):
    heavy = SampleWebServer(LAB_SITE, HostileHandler, host="127.0.0.2")     # another site: its own download slot
    heavy.hostile, heavy.tokens = Hostile(bomb=b""), {}  # type: ignore[attr-defined]
    heavy.start()
    try:
        blog = f"{hostile_web.base}/hostile/blog/?n=20"
        links = f"{heavy.base}/hostile/links?n=350000"
        config = write_config(tmp_path, [{"url": links, "kind": "site", "depth": 1, "max_pages": 1},
                                         {"url": blog, "kind": "site", "depth": 1}],
                              crawl={"download_timeout": "2s"})
        proc = run_cli("crawl", config=config)
    finally:
        heavy.stop()
    assert proc.returncode == 0, proc.stderr
    posts = {u for (u,) in rows(config, "select url from conversations where url like '%/hostile/blog/post-%'")}
    assert len(posts) == 20, proc.stdout + proc.stderr
    health = sources_json(config)[blog]
    assert health["failures"] == 0 and health["last_error"] is None
    log = (tmp_path / "data" / "logs" / "crawl.log").read_text(encoding="utf-8")
    assert "giving up on 127.0.0.1" not in log


def test_the_new_limits_are_validated(tmp_path):
    for crawl, key in (({"max_items_per_feed": 0}, "crawl.max_items_per_feed"),
                       ({"max_conversations": "many"}, "crawl.max_conversations"),
                       ({"max_memory": "10MB"}, "crawl.max_memory"), ({"max_memory": "lots"}, "crawl.max_memory")):
        proc = run_cli("sources", config=write_config(tmp_path, [{"url": "http://127.0.0.1:9/"}], crawl=crawl))
        assert proc.returncode == 2 and key in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1
