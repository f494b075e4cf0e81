"""A fake of the Stack Exchange API 2.3, as docs/platforms/stackexchange-reddit.md records it ("Stack Exchange API
2.3"): every answer is the common wrapper ("Common wrapper object": ``items``, ``has_more``, ``quota_max``,
``quota_remaining``, ``backoff`` when told to, ``error_id``/``error_name``/``error_message`` with HTTP 400 on
errors, section "Errors"), gzip-compressed with ``Content-Encoding: gzip`` ("Compression"); ``page`` from 1 and
``pagesize`` up to 100 ("Paging"); ids ``;``-joined (``%3B`` too) up to 100 ("Vectors"). ``/search/advanced``
sorts questions by ``last_activity_date`` desc; ``/questions/ID``, ``/questions/ID/answers`` and
``/posts/IDS/comments`` give the "question", "answer" and "comment" fields of that note (titles and display
names entity-encoded, bodies HTML with ``filter=withbody``; answers and comments carry no ``link``).

The world: a topic is a question (its ``community`` the site); a reply to the root is an answer unless its id is
in the server's ``question_comments``; a reply to an answer (or below it) is a comment on that answer."""

from __future__ import annotations

import gzip
import html
import json
import re
import time
from typing import Any
from urllib.parse import unquote

from .server import FakeServer, Reply
from .world import Post, Topic, World

QUOTA_MAX = 300


class StackExchangeServer(FakeServer):
    def __init__(self, world: World) -> None:
        super().__init__(world, route)
        self.question_comments: set[int] = set()
        self.quota_left = QUOTA_MAX
        self.times: list[tuple[float, str]] = []      # (monotonic time, path) of every routed request
        self.backoff: dict[str, int] = {}              # path prefix -> a backoff (seconds) its next answer carries
        self.backed_off: list[float] = []              # when each backoff was answered

    def comment_on_question(self, topic: Topic, author: str, text: str, **kw: Any) -> Post:
        post = self.world.reply(topic, author, text, **kw)
        self.question_comments.add(post.id)
        return post


def wrapper(server: StackExchangeServer, path: str, items: list[dict[str, Any]], has_more: bool = False,
            **extra: Any) -> dict[str, Any]:
    with server.lock:
        server.quota_left = max(0, server.quota_left - 1)
        for prefix in list(server.backoff):
            if path.startswith(prefix):
                extra["backoff"] = server.backoff.pop(prefix)
                server.backed_off.append(time.monotonic())
                break
    return {"items": items, "has_more": has_more, "quota_max": QUOTA_MAX, "quota_remaining": server.quota_left,
            **extra}


def gzipped(data: Any, status: int = 200) -> Reply:
    return Reply(status, gzip.compress(json.dumps(data).encode()), headers={"Content-Encoding": "gzip"})


def error(error_id: int, name: str, message: str) -> Reply:
    """An error answer as documented: HTTP 400, plain (errors that happen early may come back uncompressed)."""
    return Reply(400, json.dumps({"error_id": error_id, "error_name": name, "error_message": message}).encode())


def throttled() -> Reply:
    return error(502, "throttle_violation", "too many requests from this IP, more requests available in 2710 seconds")


def _secs(post: Post) -> int:
    return int(post.created.timestamp())


def _owner(name: str) -> dict[str, Any]:
    return {"display_name": html.escape(name), "user_id": abs(hash(name)) % 100000, "user_type": "registered",
            "reputation": 11}


def link(topic: Topic) -> str:
    return f"https://{topic.community}.stackexchange.com/questions/{topic.id}/{re.sub(r'[^a-z]+', '-', topic.title.lower()).strip('-')}"


def answers_of(server: StackExchangeServer, topic: Topic) -> list[Post]:
    assert topic.root is not None
    return [r for r in topic.replies if r.parent == topic.root.id and r.id not in server.question_comments
            and not r.deleted]


def post_of(server: StackExchangeServer, topic: Topic, comment: Post) -> int:
    """The question or answer a comment is on (a reply below an answer's comment is on that answer)."""
    assert topic.root is not None
    answers = {a.id for a in answers_of(server, topic)}
    parent = comment.parent
    by_id = {r.id: r for r in topic.replies}
    while parent is not None and parent not in answers and parent != topic.root.id:
        parent = by_id[parent].parent if parent in by_id else None
    return parent if parent is not None else topic.root.id


def comments_of(server: StackExchangeServer, topic: Topic) -> list[Post]:
    answers = {a.id for a in answers_of(server, topic)}
    return [r for r in topic.replies if r.id not in answers and not r.deleted]


def question(server: StackExchangeServer, topic: Topic) -> dict[str, Any]:
    assert topic.root is not None
    return {"question_id": topic.id, "title": html.escape(topic.title), "link": link(topic),
            "owner": _owner(topic.root.author), "creation_date": _secs(topic.root),
            "last_activity_date": int(topic.last_activity.timestamp()),
            "answer_count": len(answers_of(server, topic)), "is_answered": bool(answers_of(server, topic)),
            "score": 1, "tags": ["reading"], "body": topic.root.text}


def _page(query: dict[str, list[str]]) -> tuple[int, int]:
    return int(query.get("page", ["1"])[0]), min(int(query.get("pagesize", ["30"])[0]), 100)


def _ids(raw: str) -> list[int]:
    ids = [int(i) for i in unquote(raw).split(";") if i]
    if len(ids) > 100:
        raise ValueError("more than 100 ids")
    return ids


def route(server: FakeServer, path: str, query: dict[str, list[str]]) -> Reply:
    assert isinstance(server, StackExchangeServer)
    with server.lock:
        server.times.append((time.monotonic(), path))
    world: World = server.world
    site = query.get("site", [""])[0]
    if not path.startswith("/2.3/"):
        raise KeyError(path)
    if not site:
        return error(400, "bad_parameter", "site is required")
    topics = [t for t in world.topics if t.community == site]
    if not topics and site != "empty":
        return error(400, "bad_parameter", f"No site found for name `{site}`")
    page, per = _page(query)
    if path == "/2.3/search/advanced":
        words = query.get("q", [""])[0].lower()
        found = {t.id: t for t, _ in world.matching(words) if t.community == site}
        ordered = sorted(found.values(), key=lambda t: (t.last_activity, t.id), reverse=True)
        items = [question(server, t) for t in ordered[(page - 1) * per:page * per]]
        return gzipped(wrapper(server, path, items, has_more=len(ordered) > page * per))
    by_id = {t.id: t for t in topics}
    match = re.fullmatch(r"/2\.3/questions/([^/]+)", path)
    if match:
        items = [question(server, by_id[i]) for i in _ids(match.group(1)) if i in by_id]
        return gzipped(wrapper(server, path, items))
    match = re.fullmatch(r"/2\.3/questions/([^/]+)/answers", path)
    if match:
        found = [(t, a) for i in _ids(match.group(1)) if i in by_id for t in [by_id[i]] for a in answers_of(server, t)]
        found.sort(key=lambda ta: (ta[1].created, ta[1].id))
        items = [{"answer_id": a.id, "question_id": t.id, "owner": _owner(a.author), "creation_date": _secs(a),
                  "last_activity_date": _secs(a), "score": 0, "is_accepted": False, "body": a.text}
                 for t, a in found[(page - 1) * per:page * per]]
        return gzipped(wrapper(server, path, items, has_more=len(found) > page * per))
    match = re.fullmatch(r"/2\.3/posts/([^/]+)/comments", path)
    if match:
        wanted = set(_ids(match.group(1)))
        found_c = []
        for t in topics:
            for c in comments_of(server, t):
                on = post_of(server, t, c)
                if on in wanted:
                    found_c.append((on, c))
        found_c.sort(key=lambda pc: (pc[1].created, pc[1].id))
        items = [{"comment_id": c.id, "post_id": on, "owner": _owner(c.author), "creation_date": _secs(c),
                  "score": 0, "edited": False, "body": c.text} for on, c in found_c[(page - 1) * per:page * per]]
        return gzipped(wrapper(server, path, items, has_more=len(found_c) > page * per))
    raise KeyError(path)


def serve(world: World) -> StackExchangeServer:
    return StackExchangeServer(world)
