"""Forums crawled end to end: a board, its thread over two pages, one conversation with every reply in order."""

from __future__ import annotations

import json

from conftest import run_cli, write_config


def test_a_thread_over_two_pages_is_one_conversation_with_every_reply_in_order(forum_web, tmp_path):
    config = write_config(tmp_path, [{"url": f"{forum_web.base}/viewforum.php?f=2", "kind": "forum", "depth": 1}])
    with forum_web.recording() as log:
        proc = run_cli("crawl", config=config, check=True)
    assert "1 new conversation" in proc.stdout
    assert "/viewtopic.php?f=2&t=15&start=5" in log.paths()      # the second page was read
    thread = f"{forum_web.base}/viewtopic.php?t=15"
    conv = json.loads(run_cli("show", thread, "--json", config=config, check=True).stdout)
    assert conv["url"] == thread and conv["kind"] == "thread"
    assert conv["title"] == "Training new volunteer reading tutors" and conv["author"] == "marta_k"
    assert [r["author"] for r in conv["replies"]] == ["Dee Harlow", "oakley.reads", "marta_k", "sam_esl_teacher",
                                                      "Grace Okafor", "marta_k", "oakley.reads"]
    assert conv["n_replies"] == 7 and all(r["text"] for r in conv["replies"])
    found = json.loads(run_cli("search", "reading", "tutors", "--json", config=config, check=True).stdout)
    assert [r["url"] for r in found] == [thread]     # one thread, however linked (its pages, its last post)
    again = run_cli("crawl", "--all", config=config, check=True)
    assert "0 new conversations" in again.stdout
    assert json.loads(run_cli("show", thread, "--json", config=config, check=True).stdout)["n_replies"] == 7


def test_a_thread_under_page_style_urls_entered_at_its_second_page_is_one_conversation(forum_web, tmp_path):
    """viewtopic-15.html and viewtopic-15-start-5.html (SEO extensions, static mirrors): the second page's own
    markup ("Page 2 of 2", its link to page 1) names the first, which is read too; one thread, every reply."""
    config = write_config(tmp_path, [{"url": f"{forum_web.base}/viewtopic-15-start-5.html", "kind": "forum",
                                      "depth": 0}])
    with forum_web.recording() as log:
        proc = run_cli("crawl", config=config, check=True)
    assert "1 new conversation" in proc.stdout
    assert "/viewtopic-15.html" in log.paths()                   # the first page, from the second's markup
    thread = f"{forum_web.base}/viewtopic-15.html"
    conv = json.loads(run_cli("show", thread, "--json", config=config, check=True).stdout)
    assert (conv["title"], conv["author"]) == ("Training new volunteer reading tutors", "marta_k")
    assert [r["author"] for r in conv["replies"]] == ["Dee Harlow", "oakley.reads", "marta_k", "sam_esl_teacher",
                                                      "Grace Okafor", "marta_k", "oakley.reads"]
    found = json.loads(run_cli("search", "reading", "tutors", "--json", config=config, check=True).stdout)
    assert [r["url"] for r in found] == [thread]


def test_a_refresh_reads_the_listing_and_only_the_threads_it_shows_changed(tmp_path):
    from conftest import PLATFORM_PAGES, ForumHandler
    from threadscout.search.sampleweb import SampleWebServer

    server = SampleWebServer(PLATFORM_PAGES, ForumHandler)
    server.start()
    try:
        config = write_config(tmp_path, [{"url": f"{server.base}/viewforum.php?f=2", "kind": "forum", "depth": 1}])
        run_cli("crawl", config=config, check=True)
        with server.recording() as unchanged:
            run_cli("crawl", "--all", config=config, check=True)
        assert [p for p in unchanged.paths() if p not in ("/robots.txt", "/feed.php?f=2")] == ["/viewforum.php?f=2"]   # the listing only
        server.views = 101                                 # a visit (ours, say) counts a view: nothing new
        with server.recording() as viewed:
            run_cli("crawl", "--all", config=config, check=True)
        assert [p for p in viewed.paths() if p not in ("/robots.txt", "/feed.php?f=2")] == ["/viewforum.php?f=2"]
        server.posts = 8                                   # the board shows a new reply in the thread
        with server.recording() as changed:
            run_cli("crawl", "--all", config=config, check=True)
        asked = [p for p in changed.paths() if p not in ("/robots.txt", "/feed.php?f=2")]
        # the board, then the thread's last page read (reached first by its "last post" link or its page 2 link)
        assert asked[0] == "/viewforum.php?f=2" and len(asked) == 2
        assert asked[1] in ("/viewtopic.php?p=108", "/viewtopic.php?f=2&t=15&start=5")
        with server.recording() as again:
            run_cli("crawl", "--all", config=config, check=True)
        assert [p for p in again.paths() if p not in ("/robots.txt", "/feed.php?f=2")] == ["/viewforum.php?f=2"]
    finally:
        server.stop()
