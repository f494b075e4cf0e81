"""A fake of a Mastodon server's public REST API, as docs/platforms/mastodon-lemmy.md (section Mastodon) records it
from the Mastodon documentation (``methods/timelines.md`` #tag, ``methods/statuses.md`` #context,
``entities/Status.md``, ``entities/Account.md``, ``api/guidelines.md`` #pagination, ``api/rate-limits.md``) and the
server source (tag_controller, threading_concern, contexts_controller, rate_limit_headers, rack_attack):

- ``/api/v1/timelines/tag/NAME``: a JSON array of Status, newest first by id, ``limit`` (default 20, max 40),
  ``max_id`` / ``since_id`` / ``min_id``; a ``Link`` header with ``rel="next"`` (``max_id`` = the page's last id)
  and ``rel="prev"`` (``min_id`` = its first), absent on an empty page; an unknown tag answers ``[]``.
- ``/api/v1/statuses/ID``: a Status; ``/api/v1/statuses/ID/context``: ``{"ancestors", "descendants"}``, ancestors
  root first (the nearest 40), descendants depth-first by path (ids ascending), at most 60 and 20 deep (the limits
  without a login), then self-replies (``in_reply_to_account_id`` = the author's own) moved to the front; 404
  ``{"error": "Record not found"}`` for an unknown id.
- every answer carries ``X-RateLimit-Limit`` / ``-Remaining`` / ``-Reset`` (ISO 8601 with microseconds); a 429 is
  ``{"error": "Too many requests"}`` with Remaining 0 and a Reset, no ``Retry-After`` (``too_many``).
- ids are snowflake-like strings (the post's time in milliseconds << 22, plus its world id); ``replies_count``
  counts direct replies only.

The world: every post is a public status on the server ``DOMAIN`` (an author ``name@host`` is a remote account:
its status ``url`` is on that host); topic titles are not shown (Mastodon has none). A post carries the hashtag
``T`` when its text has ``#T``, when the words of its text, run together, make ``T`` (as if the writer had tagged
the phrase: ``adult literacy`` -> ``#adultliteracy``), and a root its topic's ``community``. ``boosts`` adds
reblog wrappers to the tag timeline (whether a real tag timeline lists them is not confirmed: a boost carries
no tags of its own); ``warnings`` gives posts a content warning; ``no_url`` posts a null ``url``; ``hidden`` posts are unlisted (in no tag timeline but
through a boost)."""

from __future__ import annotations

import html
import re
import time
import zlib
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import unquote

from .server import FakeServer, Reply, as_json
from .world import Post, Topic, World

DOMAIN = "social.example"
LIMIT = 300
_WORD = re.compile(r"[^\W_]+")
_TAG = re.compile(r"#([^\W_]+)")
_MARKUP = re.compile(r"<[^>]*>")


class MastodonServer(FakeServer):
    def __init__(self, world: World) -> None:
        super().__init__(world, route)
        self.descendants_limit = 60
        self.ancestors_limit = 40
        self.depth_limit = 20
        self.boosts: list[tuple[str, int, datetime]] = []      # (booster, the post boosted, when)
        self.warnings: dict[int, str] = {}                     # post id -> its content warning
        self.no_url: set[int] = set()                          # posts whose `url` is null (remote software)
        self.hidden: set[int] = set()                          # "unlisted" posts: in no tag timeline themselves
        self.exhaust: dict[str, float] = {}     # path prefix -> its next answer says Remaining 0, reset in N s
        self.exhausted: list[tuple[float, float]] = []          # (monotonic time answered, reset in) of those
        self.times: list[tuple[float, str]] = []                # (monotonic time, path) of every routed request
        self.calls = 0
        self._index: tuple[int, dict[int, tuple[Topic, Post]]] = (-1, {})
        self._carries: dict[tuple[int, str], bool] = {}

    def posts(self) -> dict[int, tuple[Topic, Post]]:
        """Every post by world id (rebuilt when the world grew)."""
        with self.world.lock:
            version = self.world._next + len(self.world.topics)
            if self._index[0] != version:
                self._index = (version, {p.id: (t, p) for t in self.world.topics
                                         for p in [t.root, *t.replies] if p is not None})
            return self._index[1]

    def carries(self, topic: Topic, post: Post, tag: str) -> bool:
        key = (post.id, tag)
        if key not in self._carries:
            self._carries[key] = carries(topic, post, tag)
        return self._carries[key]


def iso(when: datetime) -> str:
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"


def status_id(post: Post) -> str:
    return str((int(post.created.timestamp() * 1000) << 22) | post.id)


def too_many(reset_in: float) -> Reply:
    """Rack::Attack's answer to a throttled request."""
    return as_json({"error": "Too many requests"}, 429, _limit_headers(0, reset_in))


def _limit_headers(remaining: int, reset_in: float) -> dict[str, str]:
    reset = datetime.now(timezone.utc) + timedelta(seconds=reset_in)
    return {"X-RateLimit-Limit": str(LIMIT), "X-RateLimit-Remaining": str(remaining),
            "X-RateLimit-Reset": reset.strftime("%Y-%m-%dT%H:%M:%S.%fZ")}


def _plain(text: str) -> str:
    return html.unescape(_MARKUP.sub(" ", text))


def tags_of(topic: Topic, post: Post) -> set[str]:
    plain = _plain(post.text).lower()
    tags = set(_TAG.findall(plain))
    if post is topic.root:
        tags.add(re.sub(r"[^\w]", "", topic.community.lower()))
    return tags


def carries(topic: Topic, post: Post, tag: str) -> bool:
    if tag in tags_of(topic, post):
        return True
    words = _WORD.findall(_plain(post.text).lower())
    for start in range(len(words)):
        run = ""
        for word in words[start:]:
            run += word
            if run == tag:
                return True
            if len(run) >= len(tag) or not tag.startswith(run):
                break
    return False


def account(name: str) -> dict[str, Any]:
    user, _, host = name.partition("@")
    host = host or DOMAIN
    return {"id": str(zlib.crc32(name.encode()) % 10**6), "username": user, "acct": name,
            "display_name": user.capitalize(), "url": f"https://{host}/@{user}", "locked": False, "bot": False}


def status(server: MastodonServer, topic: Topic, post: Post) -> dict[str, Any]:
    assert topic.root is not None
    sid = status_id(post)
    user, _, host = post.author.partition("@")
    host = host or DOMAIN
    parent = None if post.parent is None else server.posts().get(post.parent)
    children = [c for c in topic.replies if c.parent == post.id and not c.deleted]
    return {
        "id": sid, "created_at": iso(post.created),
        "in_reply_to_id": status_id(parent[1]) if parent else None,
        "in_reply_to_account_id": account(parent[1].author)["id"] if parent else None,
        "sensitive": post.id in server.warnings, "spoiler_text": server.warnings.get(post.id, ""),
        "visibility": "unlisted" if post.id in server.hidden else "public", "language": "en",
        "uri": f"https://{host}/users/{user}/statuses/{sid}",
        "url": None if post.id in server.no_url else f"https://{host}/@{user}/{sid}",
        "replies_count": len(children), "reblogs_count": 0, "favourites_count": 1, "edited_at": None,
        "content": post.text, "reblog": None, "account": account(post.author),
        "media_attachments": [], "mentions": [], "emojis": [], "card": None, "poll": None,
        "tags": [{"name": t, "url": f"https://{DOMAIN}/tags/{t}"} for t in sorted(tags_of(topic, post))],
    }


def _boost(server: MastodonServer, booster: str, topic: Topic, post: Post, when: datetime) -> dict[str, Any]:
    sid = str((int(when.timestamp() * 1000) << 22) | (post.id + 2_000_000))
    user = booster.partition("@")[0]
    return {"id": sid, "created_at": iso(when), "in_reply_to_id": None, "in_reply_to_account_id": None,
            "sensitive": False, "spoiler_text": "", "visibility": "public", "language": None,
            "uri": f"https://{DOMAIN}/users/{user}/statuses/{sid}/activity", "url": None, "replies_count": 0,
            "reblogs_count": 0, "favourites_count": 0, "edited_at": None, "content": "",
            "reblog": status(server, topic, post), "account": account(booster), "media_attachments": [],
            "mentions": [], "emojis": [], "card": None, "poll": None, "tags": []}


def _find(server: MastodonServer, sid: str) -> tuple[Topic, Post] | None:
    if not sid.isdigit():
        return None
    found = server.posts().get(int(sid) & (2**22 - 1))
    if found is None or found[1].deleted or status_id(found[1]) != sid:
        return None
    return found


def _timeline(server: MastodonServer, tag: str) -> list[tuple[int, Any]]:
    """(id, a thunk rendering the status) of every status listed under ``tag``, newest first."""
    entries: list[tuple[int, Any]] = []
    with server.world.lock:
        posts = server.posts()
        for topic, post in posts.values():
            if not post.deleted and post.id not in server.hidden and server.carries(topic, post, tag):
                entries.append((int(status_id(post)), (None, topic, post, None)))
        for booster, post_id, when in server.boosts:
            if post_id in posts and server.carries(*posts[post_id], tag):
                topic, post = posts[post_id]
                sid = (int(when.timestamp() * 1000) << 22) | (post.id + 2_000_000)
                entries.append((sid, (booster, topic, post, when)))
    entries.sort(key=lambda e: e[0], reverse=True)
    return entries


def _render(server: MastodonServer, entry: tuple[str | None, Topic, Post, datetime | None]) -> dict[str, Any]:
    booster, topic, post, when = entry
    if booster is None or when is None:
        return status(server, topic, post)
    return _boost(server, booster, topic, post, when)


def _descendants(server: MastodonServer, topic: Topic, post: Post) -> list[dict[str, Any]]:
    out: list[Post] = []

    def walk(parent: int, depth: int) -> None:
        for child in sorted(topic.children(parent), key=lambda p: int(status_id(p))):
            if len(out) >= server.descendants_limit or depth > server.depth_limit:
                return
            if not child.deleted:
                out.append(child)
            walk(child.id, depth + 1)

    walk(post.id, 1)
    by_id = {p.id: p for p in [topic.root, *topic.replies] if p is not None}
    ordered = list(out)
    own = [p for p in ordered if p.parent in by_id and by_id[p.parent].author == p.author]   # promote_by!
    ordered = own + [p for p in ordered if p not in own]
    return [status(server, topic, p) for p in ordered]


def _ancestors(server: MastodonServer, topic: Topic, post: Post) -> list[dict[str, Any]]:
    by_id = {p.id: p for p in [topic.root, *topic.replies] if p is not None}
    chain: list[Post] = []
    parent = post.parent
    while parent is not None and parent in by_id and len(chain) < server.ancestors_limit:
        above = by_id[parent]
        if above.deleted:
            break                             # the walk up stops at a status that is gone
        chain.append(above)
        parent = above.parent
    return [status(server, topic, p) for p in reversed(chain)]


def route(server: FakeServer, path: str, query: dict[str, list[str]]) -> Reply:
    assert isinstance(server, MastodonServer)
    with server.lock:
        server.times.append((time.monotonic(), path))
        server.calls += 1
        headers = _limit_headers(max(1, LIMIT - server.calls % LIMIT), 300 - time.time() % 300)
        for prefix in list(server.exhaust):
            if path.startswith(prefix):
                reset_in = server.exhaust.pop(prefix)
                headers = _limit_headers(0, reset_in)
                server.exhausted.append((time.monotonic(), reset_in))
                break
    match = re.fullmatch(r"/api/v1/timelines/tag/([^/]+)", path)
    if match:
        tag = unquote(match.group(1)).lower()
        limit = max(1, min(int(query.get("limit", ["20"])[0]), 40))
        entries = _timeline(server, tag)
        if "max_id" in query:
            entries = [e for e in entries if e[0] < int(query["max_id"][0])]
        if "since_id" in query:
            entries = [e for e in entries if e[0] > int(query["since_id"][0])]
        if "min_id" in query:
            entries = [e for e in entries if e[0] > int(query["min_id"][0])][-limit:]
        with server.world.lock:
            page = [_render(server, entry) for _, entry in entries[:limit]]
        if page:
            here = f"{server.base}/api/v1/timelines/tag/{match.group(1)}"
            headers["Link"] = (f'<{here}?limit={limit}&max_id={page[-1]["id"]}>; rel="next", '
                               f'<{here}?limit={limit}&min_id={page[0]["id"]}>; rel="prev"')
        return as_json(page, headers=headers)
    match = re.fullmatch(r"/api/v1/statuses/([^/]+)(/context)?", path)
    if match:
        found = _find(server, match.group(1))
        if found is None:
            return as_json({"error": "Record not found"}, 404, headers)
        topic, post = found
        with server.world.lock:
            if match.group(2):
                return as_json({"ancestors": _ancestors(server, topic, post),
                                "descendants": _descendants(server, topic, post)}, headers=headers)
            return as_json(status(server, topic, post), headers=headers)
    raise KeyError(path)


def serve(world: World) -> MastodonServer:
    return MastodonServer(world)
