"""Discourse forums through their public JSON API: ``/search.json?q=KEYWORD order:latest`` newest first, each
topic from ``/t/ID.json`` (its first 20 posts and the ids of all of them) and the rest of its posts from
``/t/ID/posts.json?post_ids[]=...``, 20 a call. Shapes and limits: docs/platforms/discourse-hackernews.md.

A forum installed in a sub-folder (``https://example.org/forum/``) is called under that folder. The full-page
search gives one post per topic (the newest that matched, with ``order:latest``) and at most 10 pages of 50: past
them the same search is asked again ``before:`` the oldest day seen. A hit's mark is its topic's ``posts_count``,
as the search's ``topics`` show it and as ``/t/ID.json`` does. A forum that needs a login answers 403 with
``error_type`` ``not_logged_in``: the source fails with one line saying so."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlencode, urlsplit

from threadscout.crawler.items import ConversationItem, ReplyItem
from threadscout.crawler.platforms import (Answer, Call, Hit, Limit, NotThisPlatform, Note, PlatformError, Search,
                                           Target, Thread, ThreadRead, as_id, depth_first, field_of, html_text,
                                           http_parts, name_of, objects, text_of, utc)

MAX_PAGES = 10          # search_controller.rb: page > 10 is refused (InvalidParameters)
MAX_SEARCH_CALLS = 50   # pages over every before: window of one keyword's search
BATCH = 20              # post ids per /t/ID/posts.json call (the topic's chunk_size; no server cap confirmed)
MAX_POSTS = 5_002       # posts of one topic read: the pipeline keeps the first 5,000 replies and says so past them
PER_PAGE = 50           # posts of a full-page search (Search.per_filter)
SEARCH_WAIT = 60.0      # after the search limiter's 429, which names no wait (15 searches a minute per address)
SMALL_ACTION = 3        # post_type of "closed this topic", "pinned" and the like: no one's words
LOGIN = ("not_logged_in",)
# the first segment of a forum page's path, not a forum's root (a topic, a category, a user, a tag, a list)
PAGES = {"t", "c", "u", "tag", "tags", "search", "latest", "top", "new", "categories", "posts", "session", "login"}


class Discourse:
    kind = "discourse"
    name = "Discourse"
    expects = "a Discourse forum's address, such as https://forum.example.org/ (or https://example.org/forum/)"

    def target(self, url: str) -> Target:
        parts = http_parts(url, self.expects)
        segments = [s for s in parts.path.split("/") if s]
        page = next((s for s in segments if s.lower() in PAGES), None)
        if page is not None or any(s.lower().endswith(".json") for s in segments):
            root = "/".join(segments[:segments.index(page)] if page is not None else segments[:-1])
            raise NotThisPlatform(f"{url} is a page of a forum, not its root: give the forum's address, such as "
                                  f"{parts.scheme}://{parts.netloc}/{root + '/' if root else ''}")
        path = "/".join(segments)
        return Target(source=url, api=f"{parts.scheme}://{parts.netloc}" + (f"/{path}" if path else ""))

    def problem(self, answer: Answer) -> str | None:
        """Discourse's error JSON (``{"errors": [...], "error_type": ...}``), the search limiter's
        ``{"message": ...}``, or an overloaded search's ``grouped_search_result.error``, in one line."""
        try:
            data = answer.json()
        except PlatformError:
            return None
        if not isinstance(data, Mapping):
            return None
        errors = "; ".join(e.strip() for e in data.get("errors") or [] if isinstance(e, str) and e.strip()) \
            if isinstance(data.get("errors"), list) else ""
        message = errors or text_of(data.get("message")) or text_of(field_of(data, "grouped_search_result", "error"))
        kind = text_of(data.get("error_type"))
        if kind in LOGIN:
            return f"this forum is only open to its members (a login is needed): {message or kind}"
        return message or kind or None

    def limited(self, answer: Answer) -> Limit | None:
        """A 429 (``error_type`` ``rate_limit``; ``extras.wait_seconds`` when no ``Retry-After`` came, as older
        versions send it) is a refusal with that wait; so is a search the forum answered 200 but did not run
        (``grouped_search_result.error``: the site is overloaded), with no wait: the source is cut short."""
        search = urlsplit(answer.url).path.endswith("/search.json")
        if answer.status != 429 and not (search and answer.status == 200):
            return None                          # a topic's posts are not read twice to learn nothing
        data: Any = None
        try:
            data = answer.json()
        except PlatformError:
            pass
        if answer.status == 429 or field_of(data, "error_type") == "rate_limit":
            wait = field_of(data, "extras", "wait_seconds")
            ok = isinstance(wait, (int, float)) and not isinstance(wait, bool) and wait > 0
            if not ok and search and answer.header("retry-after") is None:
                return Limit(refused=True, wait=SEARCH_WAIT)     # the search limiter says no wait: a minute
            return Limit(refused=True, wait=float(wait) if ok else None)
        if text_of(field_of(data, "grouped_search_result", "error")):
            return Limit(refused=True)
        return None

    def search(self, target: Target, keyword: str, since: datetime) -> Search:
        before: datetime | None = None          # the window's upper day once 10 pages were paged
        calls = 0
        while True:
            newest = oldest = None
            for page in range(1, MAX_PAGES + 1):
                words = f"{keyword} order:latest" + (f" before:{before:%Y-%m-%d}" if before is not None else "")
                answer = yield Call(f"{target.api}/search.json?{urlencode({'q': words, 'page': page})}",
                                    what="search")
                assert answer is not None
                calls += 1
                data = answer.json()
                if not isinstance(data, Mapping) or not isinstance(data.get("posts"), list) \
                        or not isinstance(data.get("grouped_search_result"), Mapping):
                    raise PlatformError(f"{answer.url} answered no search results "
                                        "(no \"posts\" list or \"grouped_search_result\")")
                failed = text_of(data["grouped_search_result"].get("error"))
                if failed:
                    raise PlatformError(f"{answer.url} did not search: {' '.join(failed.split())[:200]}")
                topics = {as_id(t.get("id")): t for t in objects(data.get("topics"))}
                hits, older = [], False
                for raw in objects(data["posts"]):
                    hit = _hit(raw, topics)
                    if hit is None:
                        continue
                    if hit.created is not None:
                        newest = hit.created if newest is None else max(newest, hit.created)
                        oldest = hit.created if oldest is None else min(oldest, hit.created)
                        if hit.created < since:
                            older = True
                            continue
                    hits.append(hit)
                if hits:
                    yield hits
                more = bool(data["grouped_search_result"].get("more_full_page_results")) and bool(data["posts"])
                if older or not more:
                    return
                if calls >= MAX_SEARCH_CALLS:
                    yield Note(f"the search for {keyword!r} stopped after {calls} pages: older topics are not "
                               "read", capped=True)
                    return
            # 10 pages and more to come: the same search below the oldest day seen (before: is day-granular
            # and read in the forum's time zone: a day's margin, so no post between two windows is missed)
            if newest is None or oldest is None or newest.date() < oldest.date() + timedelta(days=2):
                yield Note(f"the search for {keyword!r} found more than {MAX_PAGES * PER_PAGE} posts within two "
                           "days: older topics are not read", capped=True)
                return                           # 500 hits within two days: no window to step down to
            before = oldest + timedelta(days=2)

    def thread(self, target: Target, hit: Hit) -> ThreadRead:
        answer = yield Call(f"{target.api}/t/{hit.thread}.json")
        assert answer is not None
        data = answer.json()
        stream_of = field_of(data, "post_stream")
        if not isinstance(data, Mapping) or not isinstance(field_of(stream_of, "posts"), list):
            raise PlatformError(f"{answer.url} answered no topic (no \"post_stream\" with \"posts\")")
        topic = as_id(data.get("id")) or hit.thread
        posts: dict[str, Mapping[str, Any]] = {}
        for post in objects(stream_of["posts"]):
            if (pid := as_id(post.get("id"))) is not None:
                posts[pid] = post
        stream = [pid for raw in stream_of.get("stream") or [] if (pid := as_id(raw)) is not None] \
            if isinstance(stream_of.get("stream"), list) else []
        stream = list(dict.fromkeys(stream))[:MAX_POSTS]
        missing = [pid for pid in stream if pid not in posts]
        for start in range(0, len(missing), BATCH):
            batch = missing[start:start + BATCH]
            answer = yield Call(f"{target.api}/t/{topic}/posts.json?{urlencode([('post_ids[]', p) for p in batch])}")
            assert answer is not None
            more = answer.json()
            if not isinstance(field_of(more, "post_stream", "posts"), list):
                raise PlatformError(f"{answer.url} answered no posts (no \"post_stream\" with \"posts\")")
            for post in objects(more["post_stream"]["posts"]):   # what the viewer may not see is left out
                if (pid := as_id(post.get("id"))) is not None and post.get("topic_id") in (None, data.get("id")):
                    posts.setdefault(pid, post)
        order = {pid: n for n, pid in enumerate(stream)}
        ordered = sorted(posts.values(), key=lambda p: (order.get(str(as_id(p.get("id"))), len(order)),
                                                        _number(p) or 0))
        slug = text_of(data.get("slug")) or "topic"
        url = f"{target.api}/t/{slug}/{topic}"
        first = next((p for p in ordered if _number(p) == 1), None)
        replies: list[tuple[str, str | None, Any, ReplyItem]] = []
        for post in ordered:
            number = _number(post)
            if post is first or number is None or post.get("deleted_at") or post.get("post_type") == SMALL_ACTION:
                continue
            parent_number = _int(post.get("reply_to_post_number"))      # None or 1: the first post
            reply = ReplyItem(author=name_of(post.get("username")), published=utc(post.get("created_at")),
                              text=html_text(post.get("cooked")), url=f"{url}/{number}")
            replies.append((str(number), str(parent_number) if parent_number not in (None, 1) else None, number, reply))
        conversation = ConversationItem(
            url=url, title=text_of(data.get("title")) or None,
            author=name_of(first.get("username")) if first else None,
            published=utc(first.get("created_at")) if first else utc(data.get("created_at")),
            text=html_text(first.get("cooked")) if first else "", kind="thread", replies=depth_first(replies))
        return Thread(conversation, mark=_mark(data), root=topic if topic != hit.thread else None)


def _int(value: Any) -> int | None:
    """A post number: an int, or a string of digits (the API docs type reply_to_post_number as a string)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdecimal():
        return int(value.strip())
    return None


def _number(post: Mapping[str, Any]) -> int | None:
    return _int(post.get("post_number"))


def _mark(topic: Mapping[str, Any] | None) -> str | None:
    count = field_of(topic, "posts_count")
    return str(count) if isinstance(count, int) and not isinstance(count, bool) else None


def _hit(raw: Mapping[str, Any], topics: Mapping[str | None, Mapping[str, Any]]) -> Hit | None:
    own, topic = as_id(raw.get("id")), as_id(raw.get("topic_id"))
    if own is None or topic is None:
        return None
    return Hit(thread=topic, hit=own, created=utc(raw.get("created_at")), mark=_mark(topics.get(topic)))


PLATFORM = Discourse()
