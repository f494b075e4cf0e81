"""Output that works in a pipe and agrees with itself: no hard wrapping off a terminal, URLs whole, `| head`
is not an error, the live progress and the summary count the same things, `crawl -v` shows the crawl's log,
`show` takes URLs as browsers give them."""

from __future__ import annotations

import os
import pty
import re
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest

from conftest import ROOT, cli_command, cli_env, run_cli, write_config
from threadscout.crawler.items import ConversationItem, ReplyItem
from threadscout.indexer.db import Store

LONG_URL = "http://forum.example.org/t/" + "a-very-long-thread-title-about-adult-literacy-" * 3 + "12345/"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\r")


@pytest.fixture
def long_conversation(tmp_path) -> Path:
    """A stored conversation with long URLs, a long paragraph and enough replies to fill a pipe many times."""
    config = write_config(tmp_path, [{"url": "http://127.0.0.1:9/feed/"}])
    store = Store(f"sqlite:///{tmp_path / 'data' / 'threadscout.db'}")
    paragraph = "Volunteer reading tutors meet every Tuesday at the library " * 8
    replies = [ReplyItem(author=f"Reader {i}", published=datetime(2026, 10, 1, tzinfo=timezone.utc),
                         text=paragraph, url=f"{LONG_URL}#post-{1000 + i}") for i in range(400)]
    store.save(ConversationItem(url=LONG_URL, title="Tutors wanted", author="Ana", text=paragraph.strip(),
                                kind="thread", replies=replies), "forum.example.org")
    store.close()
    return config


def test_no_hard_wrap_and_whole_urls_in_a_pipe(long_conversation):
    env = cli_env()
    env.pop("COLUMNS")                                    # as in cron or a plain pipe
    proc = subprocess.run(cli_command("show", LONG_URL, config=long_conversation), cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert LONG_URL in lines                               # the conversation's URL alone on its line, whole
    assert any(line.endswith(f"{LONG_URL}#post-1000") for line in lines)
    paragraph = "Volunteer reading tutors meet every Tuesday at the library " * 8
    assert paragraph.strip() in lines                       # not folded at 80 columns


def test_show_piped_into_head_is_not_an_error(long_conversation):
    command = " ".join(f"'{part}'" for part in cli_command("show", LONG_URL, config=long_conversation))
    proc = subprocess.run(["bash", "-o", "pipefail", "-c", f"{command} | head -3"], cwd=ROOT, env=cli_env(),
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout.splitlines()) == 3 and "Traceback" not in proc.stderr and "Error" not in proc.stderr


def run_in_terminal(args: list[str]) -> str:
    """Run the command with stdout and stderr on a pseudo-terminal, as a person would see it."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen(args, cwd=ROOT, env=cli_env(TERM="xterm"), stdin=subprocess.DEVNULL, stdout=follower,
                            stderr=follower)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=120)
    os.close(leader)
    return ANSI.sub("\n", b"".join(chunks).decode("utf-8", "replace"))


def test_the_progress_line_and_the_summary_agree(demo_web, lab_web, tmp_path):
    config = write_config(tmp_path, [{"url": f"{demo_web.base}/blog/", "kind": "site", "depth": 2},
                                     {"url": f"{lab_web.base}/status/404"}])
    screen = run_in_terminal(cli_command("crawl", config=config))
    live = re.findall(r"crawling: (\d+ pages?, \d+ new conversations?, \d+ updated, \d+ errors?)", screen)
    summary = re.search(r"Crawled 2 sources: (\d+ pages?, \d+ new conversations?, \d+ updated, \d+ errors?)", screen)
    assert live and summary, screen[-2000:]
    assert live[-1] == summary.group(1)
    assert ", 1 error" in summary.group(1)                  # the singular, where it is one


def test_crawl_verbose_shows_the_crawl_log(demo_web, tmp_path):
    config = write_config(tmp_path, [{"url": f"{demo_web.base}/news/feed/"}])
    proc = run_cli("-v", "crawl", config=config, check=True)
    assert "Spider opened" in proc.stderr and "Crawled (200)" in proc.stderr
    quiet = run_cli("crawl", "--all", config=config, check=True)
    assert "Spider opened" not in quiet.stderr


def test_show_takes_urls_as_browsers_give_them(demo_web, tmp_path):
    config = write_config(tmp_path, [{"url": f"{demo_web.base}/blog/feed/"}])
    run_cli("crawl", config=config, check=True)
    post = f"{demo_web.base}/blog/2026/10/volunteer-tutors/"
    for given in (post, post.rstrip("/"), post + "?utm_source=newsletter&utm_medium=email", post + "#comments",
                  post.replace("http://127.0.0.1", "HTTP://127.0.0.1")):
        proc = run_cli("show", given, config=config)
        assert proc.returncode == 0, (given, proc.stderr)
        assert "Volunteer reading tutors wanted" in proc.stdout
    empty = run_cli("show", "", config=config)
    assert empty.returncode == 2 and "URL" in empty.stderr and "Traceback" not in empty.stderr
