"""A fake of Reddit's public RSS/Atom feeds, as docs/platforms/stackexchange-reddit.md records them (section
"Reddit RSS/Atom"; most of it marked S or ? there: third-party client code, no Reddit page):

- ``/r/NAME/search.rss?q=&restrict_sr=1&sort=new&limit=&after=`` and ``/search.rss?q=&sort=new`` ("Endpoints"):
  posts whose title or text holds the words, newest first, ``limit`` (default 25, at most 100) a page,
  ``after=FULLNAME`` the entry the page starts after. With ``comment_hits`` set, matching comments are listed
  too (as ``t1_`` entries): the note says the search lists posts only, so that is the module's tolerance, tested.
- ``/r/NAME/comments/ID/.rss`` and ``/comments/ID/.rss`` ("A thread's feed"): the post first, then its comments
  FLAT, without parents, depth-first as the site nests them, ``limit`` (default 25, at most 100) comments.
- Atom, ``Content-Type: application/atom+xml`` ("Feeds are Atom despite .rss"); entries as in "Atom entry
  fields": ``id`` the fullname (``t3_`` post, ``t1_`` comment), ``title`` (a comment's: "/u/NAME on TITLE"),
  ``author/name`` ``/u/NAME`` and ``author/uri``, ``link/@href`` the permalink (a comment's ends in its own id),
  ``updated``/``published`` ISO 8601 with an offset, ``category``, ``content type="html"`` escaped once more
  in the XML: a post's is its ``div.md`` then the "submitted by /u/NAME to r/NAME [link] [comments]" line
  (seen in public client code), a comment's its ``div.md``.
- ``/robots.txt``: allows the feeds unless told otherwise (``robots``); blocks are HTML pages ("Reddit traps").
- ``X-Ratelimit-Remaining`` / ``X-Ratelimit-Reset`` (seconds) on an answer when told to (``ratelimit``); their
  presence on anonymous feed answers is ?.

Ids are the world's numbers in base 36, as Reddit's are."""

from __future__ import annotations

import re
import time
from xml.sax.saxutils import escape, quoteattr

from .server import FakeServer, Reply
from .world import Post, Topic, World, thread_order

WEB = "https://www.reddit.com"
ATOM = "application/atom+xml; charset=UTF-8"
ALLOW = "User-agent: *\nAllow: /\n"


class RedditServer(FakeServer):
    def __init__(self, world: World) -> None:
        super().__init__(world, route)
        self.robots = ALLOW
        self.comment_hits = False
        self.ratelimit: dict[str, tuple[float, float]] = {}   # path prefix -> (remaining, reset) its next answer says
        self.limited_at: list[float] = []                      # when each such answer was made
        self.times: list[tuple[float, str]] = []               # (monotonic time, path) of every routed request


def b36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
        if not number:
            return out


def slug(topic: Topic) -> str:
    return re.sub(r"[^a-z0-9]+", "_", topic.title.lower()).strip("_")[:50]


def permalink(topic: Topic, post: Post | None = None) -> str:
    base = f"{WEB}/r/{topic.community}/comments/{b36(topic.id)}/{slug(topic)}/"
    return base if post is None or post is topic.root else f"{base}{b36(post.id)}/"


def _date(post: Post) -> str:
    return post.created.isoformat()


def entry(topic: Topic, post: Post) -> str:
    assert topic.root is not None
    is_post = post is topic.root
    link = permalink(topic, post)
    md = f'<div class="md">{post.text}</div>'
    if is_post:
        content = (f"<!-- SC_OFF -->{md}<!-- SC_ON --> &#32; submitted by &#32; "
                   f'<a href="{WEB}/user/{post.author}"> /u/{post.author} </a> &#32; to &#32; '
                   f'<a href="{WEB}/r/{topic.community}/"> r/{topic.community} </a> <br/> '
                   f'<span><a href="{link}">[link]</a></span> &#32; <span><a href="{link}">[comments]</a></span>')
        title, fullname = topic.title, f"t3_{b36(topic.id)}"
    else:
        content, title, fullname = md, f"/u/{post.author} on {topic.title}", f"t1_{b36(post.id)}"
    return (f"<entry><author><name>/u/{escape(post.author)}</name><uri>{WEB}/user/{escape(post.author)}</uri>"
            f'</author><category term="{topic.community}" label="r/{topic.community}"/>'
            f'<content type="html">{escape(content)}</content><id>{fullname}</id>'
            f"<link href={quoteattr(link)}/><updated>{_date(post)}</updated><published>{_date(post)}</published>"
            f"<title>{escape(title)}</title></entry>")


def feed(server: RedditServer, path: str, title: str, entries: list[str]) -> Reply:
    body = (f'<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" '
            f'xmlns:media="http://search.yahoo.com/mrss/"><id>{escape(path)}</id>'
            f'<link rel="self" href={quoteattr(WEB + path)} type="application/atom+xml"/>'
            f"<title>{escape(title)}</title><updated>{time.strftime('%Y-%m-%dT%H:%M:%S+00:00', time.gmtime())}</updated>"
            + "".join(entries) + "</feed>")
    headers: dict[str, str] = {}
    with server.lock:
        for prefix in list(server.ratelimit):
            if path.startswith(prefix):
                remaining, reset = server.ratelimit.pop(prefix)
                headers = {"X-Ratelimit-Used": "100", "X-Ratelimit-Remaining": f"{remaining:.1f}",
                           "X-Ratelimit-Reset": f"{reset:.0f}"}
                server.limited_at.append(time.monotonic())
                break
    return Reply(200, body.encode("utf-8"), ATOM, headers)


def page(status: int, title: str, text: str) -> Reply:
    """Reddit's HTML answers (a block, a missing subreddit)."""
    return Reply(status, (f"<!doctype html><html><head><title>{title}</title></head>"
                          f"<body><h1>{title}</h1><p>{text}</p></body></html>").encode(), "text/html; charset=utf-8")


def blocked() -> Reply:
    return page(403, "Blocked", "You've been blocked by network security.")


def _limit(query: dict[str, list[str]]) -> int:
    try:
        return max(1, min(int(query.get("limit", ["25"])[0]), 100))
    except ValueError:
        return 25


def route(server: FakeServer, path: str, query: dict[str, list[str]]) -> Reply:
    assert isinstance(server, RedditServer)
    with server.lock:
        server.times.append((time.monotonic(), path))
    world = server.world
    if path == "/robots.txt":
        return Reply(200, server.robots.encode(), "text/plain")
    match = re.fullmatch(r"(?:/r/([A-Za-z0-9_]+))?/search\.rss", path)
    if match:
        sub = match.group(1)
        only = sub is not None and query.get("restrict_sr", [""])[0] in ("1", "on", "true")
        if sub is not None and not any(t.community == sub for t in world.topics):
            return page(404, "reddit.com: page not found", "there doesn't seem to be anything here")
        words = query.get("q", [""])[0]
        found = [(t, p) for t, p in world.matching(words)
                 if (not only or t.community == sub) and (p is t.root or server.comment_hits)]
        names = [f"t3_{b36(t.id)}" if p is t.root else f"t1_{b36(p.id)}" for t, p in found]
        start = 0
        after = query.get("after", [""])[0]
        if after:
            start = names.index(after) + 1 if after in names else len(names)
        per = _limit(query)
        return feed(server, path, f"{sub or 'reddit'}: search results - {words}",
                    [entry(t, p) for t, p in found[start:start + per]])
    match = re.fullmatch(r"(?:/r/([A-Za-z0-9_]+))?/comments/([a-z0-9]+)(?:/[^/]*)?/\.rss", path)
    if match:
        sub, wanted = match.groups()
        for topic in world.topics:
            if b36(topic.id) == wanted and (sub is None or sub == topic.community):
                assert topic.root is not None
                comments = thread_order(topic)[:_limit(query)]
                return feed(server, path, f"{topic.title} : {topic.community}",
                            [entry(topic, topic.root), *(entry(topic, c) for c in comments)])
        return page(404, "reddit.com: page not found", "there doesn't seem to be anything here")
    raise KeyError(path)


def serve(world: World) -> RedditServer:
    return RedditServer(world)
