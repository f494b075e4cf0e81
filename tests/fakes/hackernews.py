"""A fake of Algolia's Hacker News API (hn.algolia.com/api/v1), as docs/platforms/discourse-hackernews.md records
it: ``/api/v1/search_by_date`` (hits with ``objectID`` as a string, ``_tags``, ``num_comments`` on stories,
``story_id`` on comments; ``page``, ``nbPages``, ``nbHits``, ``hitsPerPage``; newest first; ``numericFilters`` on
``created_at_i``) and ``/api/v1/items/ID`` (the whole tree in ``children``, ordered by points, not by date; a
dead item is only ``{"id", "children"}``). Topic ids are story ids; reply ids are comment ids."""

from __future__ import annotations

import re
from typing import Any

from .server import FakeServer, Reply, as_json
from .world import Post, Topic, World

_FILTER = re.compile(r"created_at_i([<>]=?)(\d+)")


def _iso(post: Post) -> str:
    return post.created.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _hit(topic: Topic, post: Post) -> dict[str, Any]:
    assert topic.root is not None
    story = post is topic.root
    return {
        "objectID": str(post.id), "created_at": _iso(post), "created_at_i": int(post.created.timestamp()),
        "author": post.author, "title": topic.title if story else None, "url": None,
        "points": 3 if story else None, "story_text": post.text if story else None,
        "comment_text": None if story else post.text,
        "num_comments": len(topic.live_replies()) if story else None,
        "story_id": None if story else topic.id, "story_title": None if story else topic.title,
        "story_url": None, "parent_id": None if story else post.parent,
        "_tags": (["story", f"author_{post.author}", f"story_{topic.id}"] if story
                  else ["comment", f"author_{post.author}", f"story_{topic.id}"]),
        "_highlightResult": {},
    }


def _node(topic: Topic, post: Post) -> dict[str, Any]:
    assert topic.root is not None
    kids = [_node(topic, child) for child in reversed(topic.children(post.id))]   # "points desc": not by date
    if post.deleted:
        return {"id": post.id, "children": kids}
    node: dict[str, Any] = {"id": post.id, "created_at": _iso(post), "created_at_i": int(post.created.timestamp()),
                            "type": "story" if post is topic.root else "comment", "author": post.author,
                            "text": post.text, "points": 3 if post is topic.root else None, "children": kids}
    if post is topic.root:
        node.update(title=topic.title, url=None, options=[])
    else:
        node.update(parent_id=post.parent, story_id=topic.id)
    return node


def route(server: FakeServer, path: str, query: dict[str, list[str]]) -> Reply:
    world: World = server.world
    if path == "/api/v1/search_by_date":
        words = query.get("query", [""])[0]
        page = int(query.get("page", ["0"])[0])
        per = min(int(query.get("hitsPerPage", ["20"])[0]), 1000)
        found = world.matching(words)
        for op, value in _FILTER.findall(query.get("numericFilters", [""])[0]):
            v = int(value)
            keep = {">": lambda t: t > v, ">=": lambda t: t >= v, "<": lambda t: t < v, "<=": lambda t: t <= v}[op]
            found = [(t, p) for t, p in found if keep(int(p.created.timestamp()))]
        found = found[:1000]                         # Algolia's pagination limit
        pages = (len(found) + per - 1) // per
        hits = [_hit(t, p) for t, p in found[page * per:(page + 1) * per]]
        return as_json({"hits": hits, "nbHits": len(found), "page": page, "nbPages": pages, "hitsPerPage": per,
                        "processingTimeMS": 1, "query": words, "params": ""})
    match = re.fullmatch(r"/api/v1/items/(\d+)", path)
    if match:
        found_post = world.find(int(match.group(1)))
        if found_post is None:
            return as_json({"status": 404, "error": "Not Found"}, 404)
        topic, post = found_post
        return as_json(_node(topic, post))
    raise KeyError(path)


def serve(world: World) -> FakeServer:
    return FakeServer(world, route)
