"""Private addresses are never fetched on a public page's say-so, checked on the resolved address; sources the
user configured on private addresses, and links between private addresses, are fetched."""

from __future__ import annotations

import json
import sqlite3
from urllib.parse import quote

import pytest

from conftest import LAB_SITE, LabHandler, cli_command, cli_env, ROOT, write_config
from threadscout.crawler.addresses import PUBLIC_NETWORKS_ENV, AddressPolicy
from threadscout.search.sampleweb import SampleWebServer


@pytest.mark.parametrize("address, public", [
    ("93.184.216.34", True), ("127.0.0.1", False), ("10.1.2.3", False), ("192.168.0.10", False),
    ("169.254.169.254", False), ("224.0.0.1", False), ("::1", False), ("fe80::1", False),
    ("::ffff:127.0.0.1", False), ("2606:2800:220:1:248:1893:25c8:1946", True), ("0.0.0.0", False), (None, False),
    ("64:ff9b::7f00:1", False), ("2002:7f00:1::", False), ("::127.0.0.1", False), ("fec0::1", False),
    ("2001:0:4136:e378:8000:63bf:80ff:fffe", False), ("64:ff9b::5db8:d822", True), ("2130706433", False),
    ("::ffff:0:127.0.0.1", False),
])
def test_what_counts_as_public(address, public):
    assert AddressPolicy().is_public(address) is public


@pytest.fixture
def public_site():
    """A site that plays a public one: served on 127.0.0.2, which the crawl is told to treat as public."""
    server = SampleWebServer(LAB_SITE, LabHandler, host="127.0.0.2")
    server.tokens = {}  # type: ignore[attr-defined]
    server.start()
    yield server
    server.stop()


def test_a_public_feed_cannot_send_the_crawler_to_private_addresses(public_site, lab_web, tmp_path):
    port = lab_web.base.rsplit(":", 1)[1]
    targets = [f"http://127.0.0.1:{port}/latin1/post.html",        # a private literal address
               f"http://localhost:{port}/trap/cal?day=1",          # a name that resolves to one
               f"{public_site.base}/latin1/post.html"]             # a public page: fine
    feed = f"{public_site.base}/links/feed.xml?" + "&".join(f"to={quote(t)}" for t in targets)
    config = write_config(tmp_path, [{"url": feed}])
    env = cli_env(**{PUBLIC_NETWORKS_ENV: "127.0.0.2/32"})
    import subprocess

    with lab_web.recording() as private_log, public_site.recording() as public_log:
        proc = subprocess.run(cli_command("crawl", config=config), cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert private_log.paths() == [], "nothing may reach the private site"
    assert "/latin1/post.html" in public_log.paths()
    log = (tmp_path / "data" / "logs" / "crawl.log").read_text(encoding="utf-8")
    assert "127.0.0.1 is a private address" in log or "private address" in log
    assert "localhost resolves to 127.0.0.1, a private address" in log
    with sqlite3.connect(tmp_path / "data" / "threadscout.db") as db:
        stats = json.loads(db.execute("select stats from crawl_runs").fetchone()[0])
    assert stats["threadscout/refused_private"] == 2


def test_configured_private_sources_and_links_between_private_addresses_are_fetched(lab_web, tmp_path):
    port = lab_web.base.rsplit(":", 1)[1]
    feed = f"{lab_web.base}/links/feed.xml?to=" + quote(f"http://localhost:{port}/latin1/post.html")
    config = write_config(tmp_path, [{"url": feed}])
    import subprocess

    with lab_web.recording() as log:
        proc = subprocess.run(cli_command("crawl", config=config), cwd=ROOT, env=cli_env(), capture_output=True,
                              text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "/latin1/post.html" in log.paths()
    assert "0 errors" in proc.stdout


def crawl(config, env):
    import subprocess

    return subprocess.run(cli_command("crawl", config=config), cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)


def test_a_public_redirect_cannot_lead_to_a_private_address(public_site, lab_web, tmp_path):
    port = lab_web.base.rsplit(":", 1)[1]
    config = write_config(tmp_path, [
        {"url": f"{public_site.base}/redirect?to=" + quote(f"http://127.0.0.1:{port}/latin1/post.html")}])
    with lab_web.recording() as private_log:
        proc = crawl(config, cli_env(**{PUBLIC_NETWORKS_ENV: "127.0.0.2/32"}))
    assert proc.returncode in (0, 1), proc.stderr
    assert private_log.paths() == []


def test_trusting_a_private_source_does_not_open_it_to_public_pages(public_site, lab_web, tmp_path):
    """A configured source on localhost makes localhost trusted for its own requests, not for a public feed's."""
    port = lab_web.base.rsplit(":", 1)[1]
    secrets = [f"http://localhost:{port}/trap/cal?day=77", f"http://127.0.0.1:{port}/trap/cal?day=78"]
    feed = f"{public_site.base}/links/feed.xml?" + "&".join(f"to={quote(t)}" for t in secrets)
    config = write_config(tmp_path, [{"url": f"http://localhost:{port}/latin1/post.html"}, {"url": feed}])
    with lab_web.recording() as private_log:
        proc = crawl(config, cli_env(**{PUBLIC_NETWORKS_ENV: "127.0.0.2/32"}))
    assert proc.returncode == 0, proc.stderr
    assert "/latin1/post.html" in private_log.paths()                   # the configured source itself
    assert not [p for p in private_log.paths() if p.startswith("/trap/")]


def test_a_public_robots_txt_cannot_redirect_the_crawler_to_a_private_host(public_site, lab_web, tmp_path):
    port = lab_web.base.rsplit(":", 1)[1]
    public_site.robots_redirect = f"http://127.0.0.1:{port}/trap/cal?day=99"
    try:
        config = write_config(tmp_path, [{"url": f"{lab_web.base}/latin1/post.html"},        # 127.0.0.1 trusted
                                         {"url": f"{public_site.base}/latin1/post.html"}])
        with lab_web.recording() as private_log:
            proc = crawl(config, cli_env(**{PUBLIC_NETWORKS_ENV: "127.0.0.2/32"}))
    finally:
        public_site.robots_redirect = None
    assert proc.returncode == 0, proc.stderr
    assert "/latin1/post.html" in private_log.paths()
    assert not [p for p in private_log.paths() if p.startswith("/trap/")]


def test_a_private_sources_own_failure_is_not_called_a_refusal(public_site, lab_web, tmp_path):
    port = lab_web.base.rsplit(":", 1)[1]
    feed = f"{public_site.base}/links/feed.xml?to=" + quote(f"http://127.0.0.1:{port}/latin1/post.html")
    failing = f"{lab_web.base}/status/500"
    config = write_config(tmp_path, [{"url": feed}, {"url": failing}])
    crawl(config, cli_env(**{PUBLIC_NETWORKS_ENV: "127.0.0.2/32"}))
    with sqlite3.connect(tmp_path / "data" / "threadscout.db") as db:
        error, kind = db.execute("select last_error, last_error_kind from sources where url = ?", (failing,)).fetchone()
    assert (error, kind) == ("HTTP 500", "temporary")
