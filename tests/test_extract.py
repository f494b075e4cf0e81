"""Unit tests for crawler.extract on small hand-written pages that imitate WordPress and Blogger markup."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from threadscout.crawler.extract import extract_page  # noqa: E402
from threadscout.crawler.extract.text import clean_author, element_text, parse_date, parse_html  # noqa: E402

POST_URL = "https://blog.example.org/2024/05/a-post/"

WORDPRESS_POST = """<!DOCTYPE html>
<html><head>
<meta name="generator" content="WordPress 6.5">
<title>A post about gardens | Example Blog</title>
<link rel="canonical" href="https://blog.example.org/2024/05/a-post/">
<link rel="alternate" type="application/rss+xml" href="/feed/">
<link rel="alternate" type="application/rss+xml" href="/2024/05/a-post/feed/">
<meta property="article:published_time" content="2024-05-01T08:00:00+02:00">
</head>
<body class="post-template-default single single-post postid-7">
<article class="post">
  <h1 class="entry-title">A post about gardens</h1>
  <div class="entry-content"><p>First paragraph.</p><p>Second   paragraph.</p><script>var x = 1;</script></div>
</article>
<div id="comments">
<ol class="comment-list">
  <li id="comment-11" class="comment even thread-even depth-1 parent">
    <article id="div-comment-11" class="comment-body">
      <footer class="comment-meta">
        <div class="comment-author vcard"><b class="fn"><a href="https://alice.example">Alice</a></b>
          <span class="says">says:</span></div>
        <div class="comment-metadata"><a href="https://blog.example.org/2024/05/a-post/#comment-11">
          <time datetime="2024-05-02T10:15:00+02:00">May 2, 2024 at 10:15 am</time></a></div>
      </footer>
      <div class="comment-content"><p>Lovely roses.</p></div>
      <div class="reply"><a class="comment-reply-link" href="#comment-11">Reply</a></div>
    </article>
    <ol class="children">
      <li id="comment-12" class="comment byuser bypostauthor odd alt depth-2">
        <article id="div-comment-12" class="comment-body">
          <footer class="comment-meta">
            <div class="comment-author vcard"><b class="fn">Bob</b> <span class="says">says:</span></div>
            <div class="comment-metadata"><a href="#comment-12"><time>May 3, 2024 at 3:12 pm</time></a></div>
          </footer>
          <div class="comment-content"><p>Thank you!</p></div>
          <div class="reply"><a class="comment-reply-link" href="#comment-12">Reply</a></div>
        </article>
      </li>
    </ol>
  </li>
  <li id="comment-13" class="pingback even thread-odd depth-1">
    <div id="div-comment-13" class="comment-body">Pingback: <a href="https://other.example/">Other blog</a></div>
  </li>
  <li id="comment-14" class="comment odd alt thread-even depth-1">
    <article id="div-comment-14" class="comment-body">
      <div class="comment-author vcard"><cite class="fn">Carol</cite> <span class="says">sagt:</span></div>
      <div class="comment-content"><p>Where is this?</p></div>
    </article>
  </li>
</ol>
</div>
</body></html>
"""

KUBRICK_POST = """<html><head><meta name="generator" content="WordPress 2.8"></head><body>
<div class="post"><h2>Old times</h2><div class="entry"><p>Post text.</p></div></div>
<ol class="commentlist">
  <li id="comment-5"><p>Nice one.</p>
    <p><cite>Comment by <a href="http://dan.example">Dan</a> &#8212; 17.07.2011 @ <a href="#comment-5">13:04</a></cite></p></li>
  <li id="comment-6"><p>Agreed.</p><p><cite>Comment by Erin &#8212; 18.07.2011 @ 09:00</cite></p></li>
</ol></body></html>
"""

WORDPRESS_HOME = """<html><head><meta name="generator" content="WordPress 6.5"><title>Example Blog</title></head>
<body class="home blog">
<article class="post"><h2 class="entry-title">One</h2><div class="entry-content"><p>One.</p></div></article>
<article class="post"><h2 class="entry-title">Two</h2><div class="entry-content"><p>Two.</p></div></article>
</body></html>
"""

BLOGGER_THREADED = """<html><head><meta content='blogger' name='generator'>
<title>Example: Winter notes</title></head><body class="item-view">
<div class="post hentry"><h3 class="post-title entry-title">Winter notes</h3>
<div class="post-body entry-content">It snowed.<br>A lot.</div></div>
<div class="comments" id="comments"><div class="comment-thread"><ol>
<li class="comment" id="c1001"><div class="comment-block"><div class="comment-header">
  <cite class="user"><a href="https://www.blogger.com/profile/1">Unknown</a></cite>
  <span class="datetime secondary-text"><a href="https://example.blogspot.com/2019/01/winter.html?showComment=1546300800000#c1001">1. Januar 2019 um 01:00</a></span></div>
  <p class="comment-content">Brr.</p>
  <span class="comment-actions secondary-text"><a class="comment-reply">Antworten</a></span></div>
  <div class="comment-replies"><div class="comment-thread inline-thread"><ol><div>
    <li class="comment" id="c1002"><div class="comment-block"><div class="comment-header">
      <cite class="user">Frank</cite>
      <span class="datetime secondary-text"><a href="https://example.blogspot.com/2019/01/winter.html?showComment=1546304400000#c1002">x</a></span></div>
      <p class="comment-content">Stay warm.</p></div></li>
  </div></ol></div></div>
</li>
<li class="comment" id="c1003"><div class="comment-block"><div class="comment-header"><cite class="user">Gina</cite></div>
  <p class="comment-content">Pretty.</p></div></li>
</ol></div></div></body></html>
"""

BLOGGER_CLASSIC = """<html><head><meta content='blogger' name='generator'></head><body>
<div class="post"><h3 class="post-title">Classic</h3><div class="post-body">Body text.</div></div>
<div id="comments"><dl id="comments-block">
<dt class="comment-author" id="c77"><a name="c77"></a>Hank said...</dt>
<dd class="comment-body"><p>First!</p></dd>
<dd class="comment-footer"><span class="comment-timestamp">
  <a href="https://classic.example.com/2011/06/classic.html?showComment=1308000000000#c77">June 13, 2011 9:20 PM</a></span></dd>
<dt class="comment-author" id="c78">Anonymous said...</dt>
<dd class="comment-body"><p>Second.</p></dd>
</dl></div></body></html>
"""

BLOGGER_INDEX = """<html><head><meta content='blogger' name='generator'></head><body>
<div class="date-outer"><div class="post"><div class="post-body">One</div></div></div>
<div class="date-outer"><div class="post"><div class="post-body">Two</div></div></div>
</body></html>
"""

JSON_LD_PAGE = """<html><head><title>Thread</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "WebSite", broken</script>
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebPage", "name": "ignored"},
  {"@type": "DiscussionForumPosting", "headline": "Which hose?", "author": {"@type": "Person", "name": "Ivy"},
   "datePublished": "2024-03-01T12:00:00Z", "text": "Need a hose.",
   "comment": [
     {"@type": "Comment", "author": {"name": "Jack"}, "datePublished": "2024-03-01T13:00:00+01:00",
      "text": "Get a long one.", "url": "https://forum.example.net/t/hose#post-2",
      "comment": [{"@type": "Comment", "author": "Kim", "text": "Agreed."}]},
     {"@type": "Comment", "author": [{"@type": "Person", "name": "Lee"}], "text": "<p>Rubber.</p>"}
   ]}
]}
</script></head><body><h1>Which hose?</h1><p>Need a hose.</p></body></html>
"""


def test_wordpress_threaded_comments_nested_reply_and_pingback_excluded() -> None:
    page = extract_page(WORDPRESS_POST, "https://blog.example.org/2024/05/a-post/?utm_source=x")
    assert page.platform == "wordpress"
    assert page.url == POST_URL
    assert page.feeds == ["https://blog.example.org/feed/", "https://blog.example.org/2024/05/a-post/feed/"]
    conv = page.conversation
    assert conv is not None and conv.url == POST_URL and conv.origin == "page" and conv.kind == "post"
    assert conv.title == "A post about gardens"
    assert conv.text == "First paragraph.\n\nSecond paragraph."
    assert conv.published == datetime(2024, 5, 1, 6, 0, tzinfo=timezone.utc)
    assert [r.author for r in conv.replies] == ["Alice", "Bob", "Carol"]
    assert [r.text for r in conv.replies] == ["Lovely roses.", "Thank you!", "Where is this?"]
    assert [r.url for r in conv.replies] == [POST_URL + "#comment-11", POST_URL + "#comment-12",
                                             POST_URL + "#comment-14"]
    first = conv.replies[0].published
    assert first is not None and first.utcoffset() == timedelta(hours=2)
    assert conv.replies[1].published == datetime(2024, 5, 3, 15, 12, tzinfo=timezone.utc)


def test_wordpress_kubrick_cite_after_text() -> None:
    conv = extract_page(KUBRICK_POST, "https://old.example.com/2011/07/old-times.html").conversation
    assert conv is not None
    assert [r.author for r in conv.replies] == ["Dan", "Erin"]
    assert [r.text for r in conv.replies] == ["Nice one.", "Agreed."]
    assert conv.replies[0].published == datetime(2011, 7, 17, 13, 4, tzinfo=timezone.utc)
    assert conv.title == "Old times"


def test_wordpress_home_page_is_not_a_conversation() -> None:
    page = extract_page(WORDPRESS_HOME, "https://blog.example.org/")
    assert page.conversation is None
    assert page.platform == "wordpress"


def test_blogger_threaded_with_replies() -> None:
    page = extract_page(BLOGGER_THREADED, "https://example.blogspot.com/2019/01/winter.html")
    assert page.platform == "blogger"
    conv = page.conversation
    assert conv is not None
    assert conv.title == "Winter notes"
    assert conv.text == "It snowed.\nA lot."
    assert [r.author for r in conv.replies] == ["Unknown", "Frank", "Gina"]
    assert [r.text for r in conv.replies] == ["Brr.", "Stay warm.", "Pretty."]
    assert conv.replies[0].url == "https://example.blogspot.com/2019/01/winter.html?showComment=1546300800000#c1001"
    assert conv.replies[0].published == datetime(2019, 1, 1, tzinfo=timezone.utc)
    assert conv.replies[2].url == "https://example.blogspot.com/2019/01/winter.html#c1003"


def test_blogger_classic_said() -> None:
    conv = extract_page(BLOGGER_CLASSIC, "https://classic.example.com/2011/06/classic.html").conversation
    assert conv is not None
    assert [r.author for r in conv.replies] == ["Hank", "Anonymous"]
    assert [r.text for r in conv.replies] == ["First!", "Second."]
    assert conv.replies[0].url == "https://classic.example.com/2011/06/classic.html?showComment=1308000000000#c77"
    assert conv.replies[1].url == "https://classic.example.com/2011/06/classic.html#c78"
    assert conv.replies[0].published is not None and conv.replies[0].published.tzinfo is not None


def test_blogger_index_is_not_a_conversation() -> None:
    assert extract_page(BLOGGER_INDEX, "https://example.blogspot.com/").conversation is None


def test_json_ld_survives_a_malformed_block() -> None:
    page = extract_page(JSON_LD_PAGE, "https://forum.example.net/t/hose")
    assert page.platform == "schemaorg"
    conv = page.conversation
    assert conv is not None and conv.kind == "thread"
    assert (conv.title, conv.author) == ("Which hose?", "Ivy")
    assert conv.published == datetime(2024, 3, 1, 12, tzinfo=timezone.utc)
    assert [r.author for r in conv.replies] == ["Jack", "Kim", "Lee"]
    assert [r.text for r in conv.replies] == ["Get a long one.", "Agreed.", "Rubber."]
    assert conv.replies[0].url == "https://forum.example.net/t/hose#post-2"
    assert conv.replies[0].published is not None and conv.replies[0].published.utcoffset() == timedelta(hours=1)


@pytest.mark.parametrize("raw, expected", [
    ("Alice says:", "Alice"),
    ("Bob said...", "Bob"),
    ("Comment by Carol — 17.07, 2011 @ 13:04", "Carol"),
    ("  Dan\n  Autor ", "Dan"),
    ("Erin Reply", "Erin"),
    ("Frank sagt:", "Frank"),
    ("Gina, ", "Gina"),
    ("", None),
])
def test_clean_author(raw: str, expected: str | None) -> None:
    assert clean_author(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("2024-05-02T10:15:00+02:00", datetime(2024, 5, 2, 10, 15, tzinfo=timezone(timedelta(hours=2)))),
    ("2024-05-02T10:15:00Z", datetime(2024, 5, 2, 10, 15, tzinfo=timezone.utc)),
    ("2024-05-02 10:15", datetime(2024, 5, 2, 10, 15, tzinfo=timezone.utc)),
    ("June 19, 2019 at 3:12 pm", datetime(2019, 6, 19, 15, 12, tzinfo=timezone.utc)),
    ("19. Juni 2019 um 6:16 Uhr", datetime(2019, 6, 19, 6, 16, tzinfo=timezone.utc)),
    ("2 weeks ago", None),
    ("Jun 20th at 2:41 am", None),
    ("", None),
])
def test_parse_date_keeps_zone(raw: str, expected: datetime | None) -> None:
    result = parse_date(raw)
    assert result == expected
    if result is not None:
        assert result.tzinfo is not None and result.utcoffset() == expected.utcoffset()  # type: ignore[union-attr]


def test_element_text_paragraphs_and_scripts() -> None:
    doc = parse_html("<div id='x'><p>a  b</p><script>bad()</script><p>c<br>d</p><style>p{}</style> • </div>")
    assert doc is not None
    assert element_text(doc.get_element_by_id("x")) == "a b\n\nc\nd"


HOSTILE_INPUTS = ["", "   ", "\x00\x01\x02", "not html at all", "<<<>>><html",
                  "<?xml version='1.0' encoding='utf-8'?><rss></rss>", b"\xff\xfe\x00bytes", "<div>" * 20000]


@pytest.mark.parametrize("bad", HOSTILE_INPUTS)
def test_hostile_input_never_raises(bad: str) -> None:
    """(How long these take is measured by bench/limits.py, not here.)"""
    page = extract_page(bad, "https://example.org/x")  # type: ignore[arg-type]
    assert page.url == "https://example.org/x"
    assert page.conversation is None


def test_foreign_canonical_is_ignored() -> None:
    html = WORDPRESS_POST.replace('href="https://blog.example.org/2024/05/a-post/"', 'href="https://evil.example/"', 1)
    assert extract_page(html, "https://blog.example.org/2024/05/a-post/").url == POST_URL


UNKNOWN_FORUM = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Evening ESL class times | Riverside Board</title>
</head><body><div class="crumbs"><a href="/">Board</a> &gt; <a href="/learning">Learning</a></div>
<h2 class="topic">Evening ESL class times</h2>
<div class="entry" id="entry-901"><div class="who"><span class="poster-name">Mara Lind</span>
<span class="stamp">12.10.2026 19:02</span></div><div class="msg">Does anyone know when the evening ESL classes
start again at the library?</div></div>
<div class="entry" id="entry-902"><div class="who"><span class="poster-name">Tomas Berg</span>
<span class="stamp">12.10.2026 19:40</span></div><div class="msg">They start on Monday at six, room two.</div></div>
<div class="entry" id="entry-903"><div class="who"><span class="poster-name">Ines Duarte</span>
<span class="stamp">13.10.2026 08:15</span></div><div class="msg">Thanks! I will bring my neighbour too.</div></div>
<div class="entry" id="entry-904"><div class="who"><span class="poster-name">Mara Lind</span>
<span class="stamp">13.10.2026 09:00</span></div><div class="msg">Great, see you there.</div></div>
</body></html>"""

BLOG_HOME = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Riverside Reads</title></head>
<body class="home"><h1>Riverside Reads</h1>""" + "".join(
    f"""<div class="teaser"><h2><a href="/posts/{i}">Post {i} about reading tutors</a></h2><span class="author-name">Ana
Ruiz</span> <span class="date">1{i} Oct 2026</span><p>An excerpt of post {i} about adult literacy.</p></div>"""
    for i in range(5)) + "</body></html>"


def test_an_unknown_forum_is_read_by_the_shape_of_its_posts() -> None:
    page = extract_page(UNKNOWN_FORUM, "https://board.example.org/t/evening-esl")
    conv = page.conversation
    assert page.platform == "structure" and conv is not None and conv.kind == "thread"
    assert conv.author == "Mara Lind" and "evening ESL classes" in conv.text
    assert [r.author for r in conv.replies] == ["Tomas Berg", "Ines Duarte", "Mara Lind"]
    assert conv.replies[0].text == "They start on Monday at six, room two."
    assert conv.replies[0].published is not None and conv.replies[0].published.day == 12


def test_a_listing_of_teasers_is_not_taken_for_a_thread() -> None:
    page = extract_page(BLOG_HOME, "https://reads.example.org/")
    assert page.conversation is None


@pytest.mark.parametrize("url, canonical", [
    ("http://f.example/viewtopic.php?f=2&t=15&sid=0123456789abcdef0123456789abcdef",
     "http://f.example/viewtopic.php?f=2&t=15"),
    ("http://f.example/showthread.php?s=0123456789ABCDEF0123456789abcdef&t=5", "http://f.example/showthread.php?t=5"),
    ("http://f.example/index.php?PHPSESSID=abc&topic=5.0", "http://f.example/index.php?topic=5.0"),
    ("http://f.example/t/a;jsessionid=ABC123?x=1", "http://f.example/t/a?x=1"),
    ("http://f.example/search?s=literacy", "http://f.example/search?s=literacy"),      # a search word, not a session
    ("http://f.example/p?sid=12", "http://f.example/p?sid=12"),
])
def test_session_ids_in_links_are_not_part_of_a_url(url: str, canonical: str) -> None:
    from threadscout.crawler.urls import canonical_url

    assert canonical_url(url) == canonical


@pytest.mark.parametrize("pagination, page, first, after", [
    # phpBB 3.0: "Page 2 of 3", the pages as plain links, no rel=
    ('<div class="pagination">Page <strong>2</strong> of <strong>3</strong> &bull; <span><a href="t-7.html">1</a>, '
     '<strong>2</strong>, <a href="t-7-15.html">3</a></span></div>', 2, "/t-7.html", "/t-7-15.html"),
    # German and French, the current page as an active item
    ('<nav class="pageNav">Seite 2 von 2 <ul><li><a href="/thema/7/">1</a></li><li class="active">2</li></ul></nav>',
     2, "/thema/7/", None),
    ('<div class="pagination">Page 3 sur 4 <a href="/s/7-p2.html">2</a> <a href="/s/7-p4.html">4</a></div>'
     '<link rel="first" href="/s/7.html">', 3, "/s/7.html", "/s/7-p4.html"),
    # page 1: its own first page, nothing to name
    ('<div class="pagination">Page 1 of 2 <a href="/t/7?page=2">2</a></div>', 1, None, "/t/7?page=2"),
])
def test_a_threads_pages_are_told_by_their_pagination_markup(pagination, page, first, after) -> None:
    from threadscout.crawler.extract import forum
    from threadscout.crawler.extract.text import parse_html

    here = "https://board.example/current-page.html"
    doc = parse_html(f"<html><body><h1>A thread</h1>{pagination}<div class='post'>hello</div></body></html>")
    assert forum.markup_page(doc) == page
    assert forum.first_page(doc, here, here, page) == (first and "https://board.example" + first)
    assert forum.page_link(doc, here, here, page + 1) == (after and "https://board.example" + after)
