"""A fake of a Discourse forum's JSON API, as docs/platforms/discourse-hackernews.md (section Discourse) records it
from discourse/discourse_api_docs (openapi.json and its example responses) and the discourse/discourse source:

- ``/search.json?q=TERM order:latest before:YYYY-MM-DD&page=N``: ``posts`` (``id``, ``username``, ``created_at``,
  ``cooked`` empty, ``blurb``, ``post_number``, ``topic_id``), ``topics`` (``id``, ``title``, ``slug``,
  ``posts_count``, ...), ``users``, ``categories``, ``tags``, ``groups``, ``grouped_search_result``
  (``more_full_page_results`` true or null, ``error``, ``post_ids``, ...). One post per topic, the newest that
  matched (lib/search.rb ``aggregate_post_sql``: ``max(post_number)`` with ``order:latest``), topics by it newest
  first; 50 a page (``Search.per_filter``; the site setting ``search_page_size`` in newer versions: ``per_page``);
  ``page`` > 10 is an InvalidParameters 400 (search_controller.rb);
  ``before:``/``after:`` compare ``posts.created_at`` with the day (lib/search.rb ``advanced_filter``).
- ``/t/ID.json``: ``id``, ``title``, ``fancy_title``, ``slug``, ``posts_count``, ``chunk_size`` 20,
  ``post_stream.posts`` (the first 20) and ``post_stream.stream`` (every id), post objects with ``username``,
  ``created_at``, ``cooked``, ``post_number``, ``post_type``, ``reply_to_post_number``, ``topic_id``.
- ``/t/ID/posts.json?post_ids[]=A&post_ids[]=B``: ``{"post_stream": {"posts": [...]}, "id": ID}``; the fake
  refuses more than 20 ids (the note keeps batches at 20; no server cap was confirmed).
- errors: ``{"errors": [...], "error_type": ...}`` (application_controller.rb ``rescue_discourse_actions``):
  ``not_found`` 404, ``not_logged_in`` 403 for every JSON call when ``login_required`` (``Discourse::NotLoggedIn``
  on a JSON request), ``invalid_parameters`` 400.

The world: a topic's first post is post 1 (``Post.id`` is the topic id; posts get ids of their own, 500000 above
the world's), replies are numbered in the order they were written; ``reply_to_post_number`` is the parent's
number, null for a reply to the first post (or 1, for the ids in ``to_first``). A forum in a sub-folder: set
``prefix`` ("/forum"): calls outside it get 404."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any

from .server import FakeServer, Reply, as_json
from .world import Post, Topic, World

PER_PAGE = 50
MAX_PAGE = 10
CHUNK = 20
POST_IDS = 500_000     # added to the world's ids: a post's id is never its topic's


class DiscourseServer(FakeServer):
    def __init__(self, world: World) -> None:
        super().__init__(world, route)
        self.prefix = ""                       # a sub-folder install: "/forum"
        self.login_required = False
        self.to_first: set[int] = set()        # replies whose reply_to_post_number is 1 rather than null
        self.loose: set[int] = set()           # topics the search finds though they hold no keyword (stemming)
        self.per_page = PER_PAGE               # the site setting search_page_size (newer versions)


def slug(topic: Topic) -> str:
    return re.sub(r"[^a-z0-9]+", "-", topic.title.lower()).strip("-") or "topic"


def numbered(topic: Topic) -> list[tuple[int, Post]]:
    """(post_number, post) of every post of the topic, deleted ones too (their numbers stay taken)."""
    assert topic.root is not None
    return [(1, topic.root), *((n + 2, p) for n, p in enumerate(topic.replies))]


def post_number(topic: Topic, post: Post) -> int:
    return next(n for n, p in numbered(topic) if p is post)


def post_id(post: Post) -> int:
    return POST_IDS + post.id


def url(base: str, topic: Topic, post: Post | None = None) -> str:
    """The public address the module must give: /t/SLUG/ID, a reply's /t/SLUG/ID/POST_NUMBER."""
    return f"{base}/t/{slug(topic)}/{topic.id}" + (f"/{post_number(topic, post)}" if post is not None else "")


def _iso(when: datetime) -> str:
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _live(topic: Topic) -> list[tuple[int, Post]]:
    return [(n, p) for n, p in numbered(topic) if not p.deleted]


def _post(server: DiscourseServer, topic: Topic, number: int, post: Post) -> dict[str, Any]:
    assert topic.root is not None
    numbers = {p.id: n for n, p in numbered(topic)}
    parent = None
    if post is not topic.root and post.parent is not None:
        parent = numbers.get(post.parent)
        if parent == 1 and post.id not in server.to_first:
            parent = None
    return {"id": post_id(post), "name": post.author.title(), "username": post.author,
            "avatar_template": f"/user_avatar/forum/{post.author}/{{size}}/1_2.png", "created_at": _iso(post.created),
            "updated_at": _iso(post.created), "cooked": post.text, "post_number": number, "post_type": 1,
            "reply_to_post_number": parent, "reply_count": len(topic.children(post.id)), "topic_id": topic.id,
            "topic_slug": slug(topic), "user_id": abs(hash(post.author)) % 10_000, "hidden": False,
            "deleted_at": None, "user_deleted": False, "wiki": False, "display_username": post.author.title()}


def topic_summary(topic: Topic) -> dict[str, Any]:
    live = _live(topic)
    return {"id": topic.id, "title": topic.title, "fancy_title": topic.title.replace("&", "&amp;"),
            "slug": slug(topic), "posts_count": len(live), "reply_count": len(live) - 1,
            "highest_post_number": max(n for n, _ in live), "created_at": _iso(topic.created),
            "last_posted_at": _iso(topic.last_activity), "bumped_at": _iso(topic.last_activity), "closed": False,
            "archived": False, "visible": True, "pinned": topic.pinned, "archetype": "regular", "category_id": 7}


def error(status: int, kind: str, message: str) -> Reply:
    return as_json({"errors": [message], "error_type": kind}, status)


def _day(word: str) -> datetime | None:
    try:
        return datetime.strptime(word, "%Y-%m-%d").replace(tzinfo=timezone.utc)
    except ValueError:
        return None


def search(server: DiscourseServer, query: dict[str, list[str]]) -> Reply:
    world = server.world
    raw_page = query.get("page", ["1"])[0]
    if not raw_page.isdigit():
        return error(400, "invalid_parameters", "page parameter must be a number")
    page = max(int(raw_page), 1)
    if page > MAX_PAGE:
        return error(400, "invalid_parameters", "page parameter must not be greater than 10")
    words, before, after = [], None, None
    for word in query.get("q", [""])[0].split():
        low = word.lower()
        if low.startswith("order:"):
            continue
        if low.startswith("before:"):
            before = _day(low[7:])
        elif low.startswith("after:"):
            after = _day(low[6:])
        else:
            words.append(word)
    term = " ".join(words)
    found = world.matching(term) if term else []
    with world.lock:
        for topic in world.topics:
            if topic.id in server.loose and topic.root is not None:
                found.append((topic, topic.root))
    found = [(t, p) for t, p in found
             if (before is None or p.created < before) and (after is None or p.created > after)]
    best: dict[int, tuple[int, Topic, Post]] = {}            # per topic, its highest matching post number
    for topic, post in found:
        number = post_number(topic, post)
        if topic.id not in best or number > best[topic.id][0]:
            best[topic.id] = (number, topic, post)
    ordered = sorted(best.values(), key=lambda e: (e[2].created, e[2].id), reverse=True)
    per = server.per_page
    shown = ordered[(page - 1) * per:page * per]
    posts = [{"id": post_id(p), "name": p.author.title(), "username": p.author,
              "avatar_template": f"/user_avatar/forum/{p.author}/{{size}}/1_2.png", "created_at": _iso(p.created),
              "cooked": "", "like_count": 0, "blurb": re.sub(r"<[^>]+>", "", p.text)[:300], "post_number": n,
              "topic_id": t.id} for n, t, p in shown]
    topics = [topic_summary(t) for _, t, _ in shown]
    more = True if len(ordered) > page * per else None
    return as_json({"posts": posts, "topics": topics, "users": [], "categories": [], "tags": [], "groups": [],
                    "grouped_search_result": {
                        "more_posts": None, "more_users": None, "more_categories": None, "term": term,
                        "search_log_id": 1, "more_full_page_results": more, "can_create_topic": False,
                        "error": None, "post_ids": [p["id"] for p in posts], "user_ids": [], "category_ids": [],
                        "tag_ids": [], "group_ids": []}})


def topic_json(server: DiscourseServer, topic: Topic) -> dict[str, Any]:
    live = _live(topic)
    return {**topic_summary(topic), "chunk_size": CHUNK, "participant_count": len({p.author for _, p in live}),
            "post_stream": {"posts": [_post(server, topic, n, p) for n, p in live[:CHUNK]],
                            "stream": [post_id(p) for _, p in live]}}


def route(server: FakeServer, path: str, query: dict[str, list[str]]) -> Reply:
    assert isinstance(server, DiscourseServer)
    if not path.startswith(server.prefix + "/"):
        return error(404, "not_found", "The requested URL or resource could not be found.")
    path = path[len(server.prefix):]
    if server.login_required:
        return error(403, "not_logged_in", "You need to be logged in to do that.")
    world = server.world
    if path == "/search.json":
        return search(server, query)
    by_id = {t.id: t for t in world.topics}
    match = re.fullmatch(r"/t/(\d+)\.json", path)
    if match:
        topic = by_id.get(int(match.group(1)))
        if topic is None:
            return error(404, "not_found", "The requested URL or resource could not be found.")
        return as_json(topic_json(server, topic))
    match = re.fullmatch(r"/t/(\d+)/posts\.json", path)
    if match:
        topic = by_id.get(int(match.group(1)))
        if topic is None:
            return error(404, "not_found", "The requested URL or resource could not be found.")
        try:
            wanted = {int(i) for i in query.get("post_ids[]", [])}
        except ValueError:
            return error(400, "invalid_parameters", "post_ids must be numbers")
        if not wanted or len(wanted) > CHUNK:
            return error(400, "invalid_parameters", f"between 1 and {CHUNK} post_ids, please")
        posts = [_post(server, topic, n, p) for n, p in _live(topic) if post_id(p) in wanted]
        return as_json({"post_stream": {"posts": posts}, "id": topic.id})
    return error(404, "not_found", "The requested URL or resource could not be found.")


def serve(world: World) -> DiscourseServer:
    return DiscourseServer(world)

