"""A fake of a Lemmy 0.19 instance's HTTP API v3, as docs/platforms/mastodon-lemmy.md (section Lemmy) records it
from LemmyNet/lemmy-js-client 0.19.9 (``Search.ts``, ``SearchResponse.ts``, ``GetPost*.ts``, ``GetComments.ts``,
``PostView.ts``, ``CommentView.ts``, ``Post.ts``, ``Comment.ts``, ``Person.ts``, ``*Aggregates.ts``) and the
server 0.19.20 (``crates/apub/src/api/search.rs``, ``list_comments.rs``, ``crates/db_views``, ``utils.rs``):

- ``/api/v3/search``: ``q`` matched case-insensitively with its spaces as wildcards (``%q%``, words in order) on
  a post's ``name`` and ``body`` (``type_=Posts``) or a comment's ``content`` (``type_=Comments``); deleted items
  left out; featured posts FIRST whatever the sort, then ``sort=New`` newest first; ``community_name`` narrows to
  a community (unknown: 400 ``couldnt_find_community``); ``page`` 1..100 and ``limit`` 1..50 (default 10), else
  400; the answer always carries all four arrays and ``type_``; no cursor, no total.
- ``/api/v3/post?id=N``: ``post_view`` (``post``, ``creator``, ``community``, ``counts.comments`` = every live
  comment at all depths), ``community_view``, ``moderators``, ``cross_posts``; unknown: 400 ``couldnt_find_post``.
- ``/api/v3/comment/list?post_id=N``: ``sort`` (``Old``: oldest first; default ``Hot``, here by id desc), paged
  by ``page``/``limit`` UNLESS ``max_depth`` is given (then 300 from offset 0, the server's kludge);
  ``type_`` other than ``All`` (the site default ``Local``) drops comments of posts in remote communities;
  deleted comments are listed with ``content`` "" and ``deleted`` true; ``path`` = ``0.<ancestors>.<id>``.
- errors: ``{"error": "snake_case_code"}`` with HTTP 400 (404 only for a path it does not serve);
  ``rate_limited()`` is 0.19's rate-limit answer, HTTP 400 ``{"error": "rate_limit_error"}``, no header.
- optional fields (``body``, ``url``, ``display_name``) are omitted when empty, never null; ids are integers;
  datetimes RFC 3339 UTC with microseconds and ``Z``.

The world: a topic is a post (its ``community`` the community; one with ``@`` is a remote community); its replies
are comments (``parent`` the root: a top-level comment). An author ``name@host`` is a remote account: its
``actor_id`` and its posts' and comments' ``ap_id`` are on that host; the others are local to ``HOST``."""

from __future__ import annotations

import re
from typing import Any

from .server import FakeServer, Reply, as_json
from .world import Post, Topic, World

HOST = "lemmy.example"        # the instance's public name (its ap_ids), whatever address the fake listens on


class LemmyServer(FakeServer):
    def __init__(self, world: World) -> None:
        super().__init__(world, route)
        self.by_id: dict[tuple[str, int], Reply] = {}    # (path, id or post_id) -> the answer it gets instead

    def answer_for(self, path: str, ident: int, reply: Reply) -> None:
        """Every request of ``path`` for that ``id`` (``/post``) or ``post_id`` (``/comment/list``) gets ``reply``."""
        with self.lock:
            self.by_id[(path, ident)] = reply


def error(code: str, status: int = 400) -> Reply:
    return as_json({"error": code}, status)


def rate_limited() -> Reply:
    return error("rate_limit_error")


def _iso(post: Post) -> str:
    return post.created.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _host(author: str) -> str:
    return author.partition("@")[2] or HOST


def post_url(topic: Topic) -> str:
    assert topic.root is not None
    return f"https://{_host(topic.root.author)}/post/{topic.id}"


def comment_url(comment: Post) -> str:
    return f"https://{_host(comment.author)}/comment/{comment.id}"


def person(author: str) -> dict[str, Any]:
    name, _, host = author.partition("@")
    return {"id": abs(hash(author)) % 100000, "name": name, "banned": False, "published": "2025-02-01T08:00:00.000000Z",
            "actor_id": f"https://{host or HOST}/u/{name}", "local": not host, "deleted": False,
            "bot_account": False, "instance_id": 4 if host else 1}


def community(topic: Topic) -> dict[str, Any]:
    name, _, host = topic.community.partition("@")
    return {"id": abs(hash(topic.community)) % 1000, "name": name, "title": name.title(), "removed": False,
            "published": "2024-05-05T10:00:00.000000Z", "deleted": False, "nsfw": False,
            "actor_id": f"https://{host or HOST}/c/{name}", "local": not host, "hidden": False,
            "posting_restricted_to_mods": False, "instance_id": 4 if host else 1, "visibility": "Public"}


def post(topic: Topic) -> dict[str, Any]:
    assert topic.root is not None
    data: dict[str, Any] = {
        "id": topic.id, "name": topic.title, "creator_id": person(topic.root.author)["id"],
        "community_id": community(topic)["id"], "removed": False, "locked": False, "deleted": topic.root.deleted,
        "nsfw": False, "published": _iso(topic.root), "ap_id": post_url(topic), "local": "@" not in topic.root.author,
        "language_id": 37, "featured_community": topic.pinned, "featured_local": topic.pinned}
    if topic.root.text:
        data["body"] = topic.root.text
    return data


def post_view(topic: Topic) -> dict[str, Any]:
    assert topic.root is not None
    live = topic.live_replies()
    newest = max((r for r in live), key=lambda r: r.created, default=topic.root)
    return {"post": post(topic), "creator": person(topic.root.author), "community": community(topic),
            "counts": {"post_id": topic.id, "comments": len(live), "score": 5, "upvotes": 5, "downvotes": 0,
                       "published": _iso(topic.root), "newest_comment_time": _iso(newest)},
            "creator_banned_from_community": False, "banned_from_community": False, "creator_is_moderator": False,
            "creator_is_admin": False, "subscribed": "NotSubscribed", "saved": False, "read": False,
            "hidden": False, "creator_blocked": False, "unread_comments": len(live)}


def path_of(topic: Topic, comment: Post) -> str:
    by_id = {r.id: r for r in topic.replies}
    chain = [comment.id]
    parent = comment.parent
    while parent in by_id:
        chain.append(parent)
        parent = by_id[parent].parent
    return "0." + ".".join(str(i) for i in reversed(chain))


def paths_of(topic: Topic) -> dict[int, str]:
    return {r.id: path_of(topic, r) for r in topic.replies}


def comment_view(topic: Topic, comment: Post, paths: dict[int, str] | None = None) -> dict[str, Any]:
    paths = paths if paths is not None else paths_of(topic)
    children = sum(1 for p in paths.values() if f".{comment.id}." in p)
    return {"comment": {"id": comment.id, "creator_id": person(comment.author)["id"], "post_id": topic.id,
                        "content": "" if comment.deleted else comment.text, "removed": False,
                        "deleted": comment.deleted, "published": _iso(comment), "ap_id": comment_url(comment),
                        "local": "@" not in comment.author, "path": paths[comment.id], "distinguished": False,
                        "language_id": 37},
            "creator": person(comment.author), "post": post(topic), "community": community(topic),
            "counts": {"comment_id": comment.id, "score": 1, "upvotes": 1, "downvotes": 0,
                       "published": _iso(comment), "child_count": children},
            "creator_banned_from_community": False, "banned_from_community": False, "creator_is_moderator": False,
            "creator_is_admin": False, "subscribed": "NotSubscribed", "saved": False, "creator_blocked": False}


def _matches(words: str, text: str) -> bool:
    pattern = ".*".join(re.escape(w) for w in words.lower().split())
    return bool(pattern) and re.search(pattern, text.lower(), re.DOTALL) is not None


def _int(query: dict[str, list[str]], name: str, default: int) -> int | None:
    raw = query.get(name, [str(default)])[0]
    return int(raw) if raw.isdigit() else None


def route(server: FakeServer, path: str, query: dict[str, list[str]]) -> Reply:
    world: World = server.world
    assert isinstance(server, LemmyServer)
    ident = _int(query, "id", 0) if path == "/api/v3/post" else _int(query, "post_id", 0)
    with server.lock:
        special = server.by_id.get((path, ident or 0))
    if special is not None:
        return special
    with world.lock:
        topics = [t for t in world.topics if t.root is not None and not t.root.deleted]
    if path == "/api/v3/search":
        words = query.get("q", [""])[0]
        kind = query.get("type_", ["All"])[0]
        page, limit = _int(query, "page", 1), _int(query, "limit", 10)
        if not words or page is None or limit is None or not 1 <= page <= 100 or not 1 <= limit <= 50:
            return error("invalid_query")              # a 400 with some code (which one: not checked)
        wanted = query.get("community_name", [None])[0]
        if wanted is not None:
            topics = [t for t in topics if t.community == wanted]
            if not topics and wanted not in {t.community for t in world.topics}:
                return error("couldnt_find_community")
        posts: list[dict[str, Any]] = []
        comments: list[dict[str, Any]] = []
        start = (page - 1) * limit
        if kind == "Posts":
            found = [t for t in topics if _matches(words, f"{t.title}\n{t.root.text if t.root else ''}")]
            found.sort(key=lambda t: (t.pinned, t.created, t.id), reverse=True)    # featured first
            posts = [post_view(t) for t in found[start:start + limit]]
        elif kind == "Comments":
            hits = [(t, r) for t in topics for r in t.live_replies() if _matches(words, r.text)]
            hits.sort(key=lambda tr: (tr[1].created, tr[1].id), reverse=True)
            comments = [comment_view(t, r) for t, r in hits[start:start + limit]]
        else:
            return error("not_supported_by_this_fake")
        return as_json({"type_": kind, "comments": comments, "posts": posts, "communities": [], "users": []})
    if path == "/api/v3/post":
        wanted_id = _int(query, "id", 0)
        for topic in topics:
            if topic.id == wanted_id:
                return as_json({"post_view": post_view(topic), "community_view": {"community": community(topic)},
                                "moderators": [], "cross_posts": []})
        return error("couldnt_find_post")
    if path == "/api/v3/comment/list":
        wanted_id = _int(query, "post_id", 0)
        page, limit = _int(query, "page", 1), _int(query, "limit", 10)
        if page is None or limit is None or not 1 <= page <= 100 or not 1 <= limit <= 50:
            return error("couldnt_get_comments")
        matched = [t for t in world.topics if t.id == wanted_id]
        if not matched:
            return error("couldnt_find_post")
        topic = matched[0]
        if "@" in topic.community and query.get("type_", ["Local"])[0] != "All":
            return as_json({"comments": []})                # the site default Local: remote communities dropped
        replies = list(topic.replies)
        if query.get("sort", ["Hot"])[0] == "Old":
            replies.sort(key=lambda r: (r.created, r.id))
        else:
            replies.sort(key=lambda r: r.id, reverse=True)
        if "max_depth" in query:
            window = replies[:300]                          # the kludge: page and limit ignored
        else:
            window = replies[(page - 1) * limit:page * limit]
        paths = paths_of(topic)
        return as_json({"comments": [comment_view(topic, r, paths) for r in window]})
    raise KeyError(path)


def serve(world: World) -> LemmyServer:
    return LemmyServer(world)
