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


def test_a_board_whose_links_carry_a_new_session_id_each_visit_is_refreshed_by_its_listing(tmp_path):
    """phpBB gives a visitor without its cookie a new ``sid=`` in every link (a new crawl is such a visitor):
    the links name the same threads all the same. prosilver 3.3's row markup (dl.row-item, "7 Replies")."""
    import secrets

    from conftest import PLATFORM_PAGES, ForumHandler
    from threadscout.search.sampleweb import SampleWebServer

    class SessionBoard(ForumHandler):
        def route(self) -> bool:
            if self.path.partition("?")[0] != "/viewforum.php":
                return super().route()
            sid = secrets.token_hex(16)
            posts = getattr(self.server, "posts", 7)
            row = ('<li class="row bg2"><dl class="row-item topic_read"><dt title="No unread posts"><div '
                   f'class="list-inner"><a href="./viewtopic.php?f=2&amp;t=15&amp;sid={sid}" class="topictitle">'
                   'Training new volunteer reading tutors</a><br><div class="topic-poster responsive-hide left-box">'
                   f'by <a href="./memberlist.php?mode=viewprofile&amp;u=54&amp;sid={sid}" class="username">marta_k'
                   '</a> &raquo; <time datetime="2024-03-04T09:00:00+00:00">Mon Mar 04, 2024 9:00 am</time></div>'
                   '<div class="pagination"><ul><li><a class="button" href="./viewtopic.php?f=2&amp;t=15&amp;sid='
                   f'{sid}">1</a></li><li><a class="button" href="./viewtopic.php?f=2&amp;t=15&amp;start=5&amp;'
                   f'sid={sid}">2</a></li></ul></div></div></dt><dd class="posts">{posts} <dfn>Replies</dfn></dd>'
                   f'<dd class="views">{secrets.randbelow(900) + 100} <dfn>Views</dfn></dd><dd class="lastpost">'
                   '<span><dfn>Last post </dfn>by <a href="./memberlist.php?mode=viewprofile&amp;u=77&amp;sid='
                   f'{sid}" class="username">oakley.reads</a> <a href="./viewtopic.php?p=108&amp;sid={sid}#p108" '
                   'title="Go to last post"><i class="icon fa-external-link-square"></i></a><br><time '
                   'datetime="2024-03-07T12:45:00+00:00">Thu Mar 07, 2024 12:45 pm</time></span></dd></dl></li>')
            body = ("<!DOCTYPE html><html dir='ltr' lang='en-gb'><head><meta charset='utf-8'><title>Tutoring</title>"
                    "</head><body id='phpbb' class='nojs notouch section-viewforum ltr'><h2 class='forum-title'>"
                    f"<a href='./viewforum.php?f=2&amp;sid={sid}'>Tutoring</a></h2><div class='forumbg'><div "
                    "class='inner'><ul class='topiclist'><li class='header'><dl class='row-item'><dt><div "
                    "class='list-inner'>Topics</div></dt><dd class='posts'>Replies</dd><dd class='views'>Views</dd>"
                    "<dd class='lastpost'><span>Last post</span></dd></dl></li></ul><ul class='topiclist topics'>"
                    f"{row}</ul></div></div></body></html>").encode()
            self.send_body(200, body, "text/html; charset=utf-8")
            return True

    server = SampleWebServer(PLATFORM_PAGES, SessionBoard)
    server.start()
    try:
        config = write_config(tmp_path, [{"url": f"{server.base}/viewforum.php?f=2", "kind": "forum", "depth": 1}])
        run_cli("crawl", config=config, check=True)
        thread = f"{server.base}/viewtopic.php?t=15"
        assert json.loads(run_cli("show", thread, "--json", config=config, check=True).stdout)["n_replies"] == 7
        with server.recording() as unchanged:
            run_cli("crawl", "--all", config=config, check=True)
        asked = [p.partition("?")[0] for p in unchanged.paths() if not p.startswith(("/robots.txt", "/feed.php"))]
        assert asked == ["/viewforum.php"], unchanged.paths()  # the listing only, whatever its links' sid
        server.posts = 8                                      # type: ignore[attr-defined]
        with server.recording() as changed:
            run_cli("crawl", "--all", config=config, check=True)
        asked = [p for p in changed.paths() if not p.startswith(("/robots.txt", "/feed.php"))]
        assert len(asked) == 2 and ("start=5" in asked[1] or "p=108" in asked[1])   # the thread's last page only
    finally:
        server.stop()

