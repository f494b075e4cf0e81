"""Saved searches and their alerts, end to end: a living blog on 127.0.0.1 crawled by `threadscout run --once`,
alerts received by a real SMTP server (aiosmtpd) and a real HTTP webhook (Apprise json://)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from conftest import run_cli, write_config
from receivers import LivingBlog, Mailbox, Webhook
from threadscout.config.settings import load_settings
from threadscout.indexer.alertlog import MAX_ATTEMPTS
from threadscout.search.alerts import run_alerts

NOW = datetime.now(timezone.utc)


@pytest.fixture
def blog(tmp_path: Path) -> Iterator[LivingBlog]:
    site = LivingBlog(tmp_path / "site")
    yield site
    site.stop()


@pytest.fixture
def hook() -> Iterator[Webhook]:
    receiver = Webhook()
    yield receiver
    receiver.stop()


@pytest.fixture
def mailbox() -> Iterator[Mailbox]:
    box = Mailbox()
    yield box
    box.stop()


def config_with_searches(folder: Path, blog: LivingBlog, *searches: str) -> Path:
    config = write_config(folder, [{"url": blog.feed}])
    with config.open("a", encoding="utf-8") as f:
        f.write("\n" + "\n".join(searches))
    return config


def saved(name: str, query: str, *notify: str, **extra: str) -> str:
    lines = [f'[[saved_search]]\nname = "{name}"\nquery = "{query}"\nnotify = {json.dumps(list(notify))}']
    lines += [f'{k} = "{v}"' for k, v in extra.items()]
    return "\n".join(lines) + "\n"


def run_once(config: Path) -> str:
    return run_cli("run", "--once", config=config, check=True).stdout


def crawl_all(config: Path) -> None:
    run_cli("crawl", "--all", config=config, check=True)


def test_each_new_conversation_is_sent_once_to_each_channel(tmp_path, blog, hook, mailbox):
    blog.add_post(1, "Reading tutor <script>alert(1)</script> wanted", "Our adult literacy class needs a reading "
                  "tutor on Tuesdays.", NOW - timedelta(hours=3))
    blog.add_comment(1, "Bea", "I could tutor adult learners.", NOW - timedelta(hours=2))
    blog.add_post(2, "Bake sale", "Cakes and buns this Saturday.", NOW - timedelta(hours=1))
    config = config_with_searches(tmp_path, blog, saved("tutors", "tutor", hook.url, mailbox.url()))

    out = run_once(config)
    assert "1 new" in out and "2 messages sent" in out, out
    assert hook.titles() == ["[threadscout] New conversation: Reading tutor <script>alert(1)</script> wanted"]
    body = hook.received[0]["message"]
    assert blog.post_url(1) in body and "1 reply" in body and "127.0.0.1" in body and "tutor" in body
    assert len(mailbox.messages) == 1
    mail = mailbox.messages[0]
    assert "Reading tutor" in mail["Subject"] and mail["To"] == "staff@example.org"
    plain, page = mail.get_body(("plain",)), mail.get_body(("html",))
    assert plain is not None and page is not None              # a plain-text and an HTML part
    assert blog.post_url(1) in plain.get_content()
    html = page.get_content()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>" not in html   # crawled text escaped
    assert f'href="{blog.post_url(1)}"' in html

    for _ in range(2):               # again and again: nothing new, nothing sent
        crawl_all(config)
        out = run_once(config)
        assert "0 messages sent" in out or "Nothing is due" in out, out
    assert len(hook.received) == 1 and len(mailbox.messages) == 1


def test_new_replies_bring_one_follow_up(tmp_path, blog, hook):
    blog.add_post(1, "Adult literacy volunteers", "Who tutors adults in reading?", NOW - timedelta(hours=5))
    config = config_with_searches(tmp_path, blog, saved("literacy", "literacy", hook.url))
    run_once(config)
    assert len(hook.received) == 1

    blog.add_comment(1, "Cy", "I do, on Mondays.", NOW - timedelta(minutes=30))
    blog.add_comment(1, "Di", "Me too.", NOW - timedelta(minutes=20))
    crawl_all(config)
    run_once(config)
    assert hook.titles()[1] == "[threadscout] 2 new replies: Adult literacy volunteers"
    assert "2 new replies since" in hook.received[1]["message"]

    crawl_all(config)                # nothing newer than the follow-up: no second one
    run_once(config)
    assert len(hook.received) == 2

    blog.add_comment(1, "Ed", "Count me in.", NOW - timedelta(minutes=5))
    crawl_all(config)
    run_once(config)
    assert hook.titles()[2] == "[threadscout] 1 new reply: Adult literacy volunteers"
    assert len(hook.received) == 3


def test_a_failing_channel_is_retried_on_later_cycles_then_given_up(tmp_path, blog, hook):
    blog.add_post(1, "Reading tutor training", "Training for every reading tutor.", NOW - timedelta(hours=1))
    config = config_with_searches(tmp_path, blog, saved("tutors", "tutor", hook.url))
    hook.failing = True
    out = run_once(config)              # the crawl is not held up by the failed delivery
    assert "Crawled 1 source" in out and "1 failed (tried again later)" in out, out
    assert hook.attempts == 1 and hook.received == []
    status = json.loads(run_cli("status", "--json", config=config, check=True).stdout)
    search = status["saved_searches"][0]
    assert search["pending"] == 1 and search["messages"] == 0 and "500" in (search["last_error"] or "")

    cfg = load_settings(config)
    assert run_alerts(cfg).sent == 0 and hook.attempts == 1       # not before its retry time
    hook.failing = False
    later = run_alerts(cfg, now=datetime.now(timezone.utc) + timedelta(minutes=1))
    assert later.sent == 1 and hook.titles() == ["[threadscout] New conversation: Reading tutor training"]
    assert run_alerts(cfg, now=datetime.now(timezone.utc) + timedelta(hours=1)).sent == 0   # never twice

    blog.add_post(2, "Another reading tutor", "A tutor for the evening class.", NOW - timedelta(minutes=10))
    blog.add_comment(2, "Ida", "Which evening?", NOW - timedelta(minutes=5))
    crawl_all(config)
    hook.failing = True
    moment = datetime.now(timezone.utc)
    for attempt in range(MAX_ATTEMPTS):
        moment += timedelta(hours=1)
        run_alerts(cfg, now=moment)
    attempts = hook.attempts
    for later in (timedelta(days=1), timedelta(days=2)):                  # given up: not tried again ...
        assert run_alerts(cfg, now=moment + later).given_up == 0
    assert hook.attempts == attempts
    status = json.loads(run_cli("status", "--json", config=config, check=True).stdout)
    assert status["saved_searches"][0]["failed"] == 1
    blog.add_comment(2, "Jo", "Thursday.", datetime.now(timezone.utc))   # ... until it moves again
    crawl_all(config)
    hook.failing = False
    assert run_alerts(cfg, now=moment + timedelta(days=3)).sent == 1


def test_a_new_search_sends_only_what_was_active_within_its_backfill(tmp_path, blog, hook):
    blog.add_post(1, "Adult literacy fair", "Stands about adult literacy.", NOW - timedelta(days=2))
    blog.add_post(2, "Adult literacy in 2020", "An old adult literacy report.", NOW - timedelta(days=40))
    blog.add_post(3, "Adult literacy awards", "Last month's adult literacy awards.", NOW - timedelta(days=20))
    other = Webhook()
    try:
        config = config_with_searches(tmp_path, blog, saved("week", "literacy", hook.url),
                                      saved("month", "literacy", other.url, backfill="30d"))
        out = run_once(config)
        assert "3 matching" not in out and "6 matching" in out, out          # two searches, three each
        assert hook.titles() == ["[threadscout] New conversation: Adult literacy fair"]
        assert sorted(other.titles()) == ["[threadscout] New conversation: Adult literacy awards",
                                          "[threadscout] New conversation: Adult literacy fair"]
        # an old one that moves again is new to the search: sent once
        blog.add_comment(2, "Fay", "Still true today.", NOW - timedelta(minutes=3))
        crawl_all(config)
        run_once(config)
        assert hook.titles()[1:] == ["[threadscout] New conversation: Adult literacy in 2020"]
        # found later, an archive older than the search (and its backfill) is no news either; a new post is
        blog.add_post(4, "Adult literacy archive", "An adult literacy post from long ago.", NOW - timedelta(days=90))
        blog.add_post(5, "Adult literacy today", "Adult literacy, new.", datetime.now(timezone.utc))
        crawl_all(config)
        run_once(config)
        assert hook.titles()[2:] == ["[threadscout] New conversation: Adult literacy today"]
    finally:
        other.stop()


def test_backfill_zero_sends_only_what_comes_after(tmp_path, blog, hook):
    blog.add_post(1, "Reading tutor today", "A reading tutor, today.", NOW - timedelta(hours=1))
    config = config_with_searches(tmp_path, blog, saved("later", "tutor", hook.url, backfill="0"))
    run_once(config)
    assert hook.received == []
    time.sleep(1.1)            # a feed's dates are in whole seconds: this one after the search began
    blog.add_post(2, "Reading tutor tomorrow", "Another reading tutor.", datetime.now(timezone.utc))
    crawl_all(config)
    run_once(config)
    assert hook.titles() == ["[threadscout] New conversation: Reading tutor tomorrow"]


def test_a_digest_lists_everything_once_per_period(tmp_path, blog, hook):
    blog.add_post(1, "Reading tutor evening", "A reading tutor evening.", NOW - timedelta(hours=4))
    blog.add_post(2, "Reading tutor weekend", "A reading tutor weekend.", NOW - timedelta(hours=3))
    config = config_with_searches(tmp_path, blog, saved("weekly", "tutor", hook.url, digest="daily"))
    run_once(config)
    assert hook.received == []                 # the first digest comes a day after the search began
    cfg = load_settings(config)
    tomorrow = datetime.now(timezone.utc) + timedelta(days=1, minutes=1)
    assert run_alerts(cfg, now=tomorrow).sent == 1
    assert hook.titles() == ["[threadscout] Daily digest for weekly: 2 conversations"]
    text = hook.received[0]["message"]
    assert blog.post_url(1) in text and blog.post_url(2) in text
    assert run_alerts(cfg, now=tomorrow + timedelta(hours=1)).sent == 0      # nothing new, and not yet due


def test_alerts_add_list_test_remove(tmp_path, blog, hook):
    blog.add_post(1, "Reading tutor wanted", "A reading tutor for adults.", NOW - timedelta(hours=1))
    config = config_with_searches(tmp_path, blog, saved("from-file", "literacy", hook.url))

    added = run_cli("alerts", "add", "tutors", "tutor OR tutoring", "--notify", hook.url, config=config)
    assert added.returncode == 0 and "added" in added.stdout, added.stderr
    listed = {s["name"]: s for s in json.loads(run_cli("alerts", "--json", config=config, check=True).stdout)}
    assert listed["tutors"]["origin"] == "added" and listed["from-file"]["origin"] == "config"
    assert listed["tutors"]["query"] == "tutor OR tutoring" and len(listed["tutors"]["notify"]) == 1

    clash = run_cli("alerts", "add", "from-file", "x", "--notify", hook.url, config=config)
    assert clash.returncode == 2 and "already" in clash.stderr
    again = run_cli("alerts", "add", "tutors", "x", "--notify", hook.url, config=config)
    assert again.returncode == 2 and "already" in again.stderr
    bad_url = run_cli("alerts", "add", "x", "tutor", "--notify", "not a url", config=config)
    assert bad_url.returncode == 2 and "notification URL" in bad_url.stderr
    bad_query = run_cli("alerts", "add", "x", 'tutor "unclosed', "--notify", hook.url, config=config)
    assert bad_query.returncode == 2 and "Traceback" not in bad_query.stderr

    run_once(config)                           # the added search is evaluated like the file's
    assert "[threadscout] New conversation: Reading tutor wanted" in hook.titles()

    tested = run_cli("alerts", "test", "tutors", config=config)
    assert tested.returncode == 0 and "sent" in tested.stdout, tested.stderr
    assert hook.titles()[-1] == "[test] [threadscout] New conversation: Reading tutor wanted"
    dead = run_cli("alerts", "add", "dead", "tutor", "--notify", "json://127.0.0.1:9/nothing", config=config)
    assert dead.returncode == 0
    failed = run_cli("alerts", "test", "dead", config=config)
    assert failed.returncode == 1 and "FAILED" in failed.stdout

    assert run_cli("alerts", "remove", "from-file", config=config).returncode == 2   # in the file: edit it there
    removed = run_cli("alerts", "remove", "tutors", config=config)
    assert removed.returncode == 0
    names = [s["name"] for s in json.loads(run_cli("alerts", "list", "--json", config=config, check=True).stdout)]
    assert names == ["from-file", "dead"]
    assert config.read_text(encoding="utf-8").count("[[saved_search]]") == 1        # never rewritten


def test_saved_search_settings_are_checked(tmp_path, blog):
    for extra, problem in (('digest = "hourly-ish"', "digest"), ('backfill = "soon"', "backfill"),
                           ('notify = ["nowhere"]', "notification URL")):
        config = write_config(tmp_path, [{"url": blog.feed}])
        with config.open("a", encoding="utf-8") as f:
            f.write(f'\n[[saved_search]]\nname = "x"\nquery = "tutor"\n{extra}\n')
        result = run_cli("alerts", config=config)
        assert result.returncode == 2 and problem in result.stderr and "Traceback" not in result.stderr


def test_a_search_begins_with_the_first_crawl(tmp_path, blog, hook):
    """`run` evaluates its searches as it starts, before anything is crawled: the backfill still holds."""
    blog.add_post(1, "Reading tutor archive", "An old reading tutor post.", NOW - timedelta(days=30))
    config = config_with_searches(tmp_path, blog, saved("tutors", "tutor", hook.url))
    cfg = load_settings(config)
    assert run_alerts(cfg).matched == 0
    crawl_all(config)
    assert run_alerts(cfg).seen == 1 and hook.received == []
