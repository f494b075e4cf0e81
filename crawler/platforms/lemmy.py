"""Lemmy through its public HTTP API v3 (Lemmy 0.19): ``/api/v3/search`` newest first, posts and comments apart
(a comment hit brings its post), each post from ``/api/v3/post?id=N`` and all its comments from
``/api/v3/comment/list`` paged 50 at a time. Shapes and limits: docs/platforms/mastodon-lemmy.md (section Lemmy).

A source is a whole instance (``https://lemmy.world/``) or one community on it (``https://lemmy.world/c/NAME``:
``community_name=NAME`` on every search). No login: only what the instance serves to anyone. Lemmy 0.19 answers
a rate-limited call with HTTP 400 ``{"error": "rate_limit_error"}`` and no header: that cuts the source short,
and the next crawl goes on from where its searches stood."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any
from urllib.parse import quote, unquote, urlencode, urlsplit

from threadscout.crawler.items import ConversationItem, ReplyItem
from threadscout.crawler.platforms import (Answer, Call, Hit, Limit, NotThisPlatform, Note, PlatformError, Search,
                                           Target, Thread, ThreadRead, as_id, depth_first, field_of, http_parts,
                                           name_of, objects, text_of, utc, web_url)

PER_PAGE = 50           # the API's FETCH_LIMIT_MAX
MAX_SEARCH_PAGES = 20   # per keyword and type: 1,000 hits (the API serves 100 pages; its default search limit
                        # is 60 calls in 10 minutes, and it has no date filter to start a search lower)
MAX_COMMENT_PAGES = 100  # the API's PAGE_LIMIT_MAX: 5,000 comments, the pipeline's own cap
LIMITED = "rate_limit_error"


class Lemmy:
    kind = "lemmy"
    name = "Lemmy"
    expects = "a Lemmy instance (API v3), such as https://lemmy.world/ or https://lemmy.world/c/NAME"

    def target(self, url: str) -> Target:
        parts = http_parts(url, self.expects)
        if parts.query:
            raise NotThisPlatform(f"{url} is not {self.expects}")
        segments = [unquote(s) for s in parts.path.split("/") if s]
        api = f"{parts.scheme}://{parts.netloc}/api/v3"
        if not segments or segments == ["api", "v3"]:
            return Target(source=url, api=api)
        if len(segments) == 2 and segments[0] == "c" and _community_name(segments[1]):
            return Target(source=url, api=api, scope=segments[1])
        raise NotThisPlatform(f"{url} is not {self.expects} (a path other than /c/NAME)")

    def problem(self, answer: Answer) -> str | None:
        try:
            data = answer.json()
        except PlatformError:
            if answer.status == 404:      # Lemmy's own 404s are JSON: nothing of its API is here
                return f"no Lemmy API v3 here: not {self.expects}"
            return None
        if not isinstance(data, Mapping):
            return None
        error, message = text_of(data.get("error")), text_of(data.get("message"))
        return f"{error}: {message}" if error and message else (error or message or None)

    def limited(self, answer: Answer) -> Limit | None:
        """Lemmy 0.19 says a rate limit only in its body (HTTP 400, ``rate_limit_error``); a proxy's 429 or 503
        too (their ``Retry-After`` is read by the middleware)."""
        if answer.status in (429, 503):
            return Limit(refused=True)
        if answer.status >= 400 and LIMITED.encode() in answer.body[:1000]:
            try:
                data = answer.json()
            except PlatformError:
                return None
            if isinstance(data, Mapping) and data.get("error") == LIMITED:
                return Limit(refused=True)
        return None

    def search(self, target: Target, keyword: str, since: datetime) -> Search:
        for kind in ("Posts", "Comments"):
            for page in range(1, MAX_SEARCH_PAGES + 1):
                params: dict[str, Any] = {"q": keyword, "type_": kind, "sort": "New", "listing_type": "All",
                                          "limit": PER_PAGE, "page": page}
                if target.scope:
                    params["community_name"] = target.scope
                answer = yield Call(f"{target.api}/search?{urlencode(params, quote_via=quote)}", what="search")
                assert answer is not None
                data = answer.json()
                key = "posts" if kind == "Posts" else "comments"
                if not isinstance(data, Mapping) or not isinstance(data.get(key), list):
                    raise PlatformError(f"{answer.url} answered no search results (no \"{key}\" list)")
                items = objects(data[key])
                hits, older = [], False
                for view in items:
                    hit, created, pinned = _post_hit(view) if kind == "Posts" else _comment_hit(view)
                    if created is not None and created < since:
                        older = older or not pinned      # featured posts come first whatever their date
                        continue
                    if hit is not None:
                        hits.append(hit)
                if hits:
                    yield hits
                if older or len(data[key]) < PER_PAGE:
                    break
                if page == MAX_SEARCH_PAGES:
                    yield Note(f"the {kind.lower()} search for {keyword!r} stopped at {page * PER_PAGE:,} hits: "
                               "older ones were not searched", capped=True)

    def thread(self, target: Target, hit: Hit) -> ThreadRead:
        answer = yield Call(f"{target.api}/post?{urlencode({'id': hit.thread})}")
        assert answer is not None
        data = answer.json()
        view = field_of(data, "post_view")
        post = field_of(view, "post")
        if not isinstance(post, Mapping) or as_id(post.get("id")) is None:
            raise PlatformError(f"{answer.url} answered no post (no \"post_view\")")
        url = web_url(post.get("ap_id"))
        if url is None:
            raise PlatformError(f"{answer.url} answered a post without \"ap_id\"")
        if post.get("deleted") is True or post.get("removed") is True:
            return None                                    # gone: nothing to read
        post_id = str(as_id(post.get("id")))
        comments: dict[str, Mapping[str, Any]] = {}
        for page in range(1, MAX_COMMENT_PAGES + 1):
            query = urlencode({"post_id": post_id, "sort": "Old", "type_": "All", "limit": PER_PAGE, "page": page})
            answer = yield Call(f"{target.api}/comment/list?{query}")
            assert answer is not None
            data = answer.json()
            if not isinstance(data, Mapping) or not isinstance(data.get("comments"), list):
                raise PlatformError(f"{answer.url} answered no comments (no \"comments\" list)")
            for item in objects(data["comments"]):
                cid = as_id(field_of(item, "comment", "id"))
                if cid is not None:
                    comments.setdefault(cid, item)
            if len(data["comments"]) < PER_PAGE:
                break
        live = {cid for cid, item in comments.items() if _live(item)}
        replies: list[tuple[str, str | None, Any, ReplyItem]] = []
        for cid in live:
            item = comments[cid]
            comment = item["comment"]
            published = utc(comment.get("published"))
            replies.append((cid, _parent(comment, cid, live),
                            (published.timestamp() if published else 0.0, int(cid) if cid.isdecimal() else 0),
                            ReplyItem(author=_author(item.get("creator")), published=published,
                                      text=text_of(comment.get("content")), url=web_url(comment.get("ap_id")))))
        link = web_url(post.get("url"))
        conversation = ConversationItem(
            url=url, title=text_of(post.get("name")) or None, author=_author(field_of(view, "creator")),
            published=utc(post.get("published")), text=text_of(post.get("body")) or (link or ""), kind="thread",
            replies=depth_first(replies), links=[link] if link else [])
        return Thread(conversation, mark=_mark(view))


# -- reading answers ---------------------------------------------------------------------------------------------
def _community_name(name: str) -> bool:
    local, _, host = name.partition("@")
    return bool(local) and all(c.isalnum() or c == "_" for c in local) and all(
        c.isalnum() or c in ".-:" for c in host)


def _mark(view: Any) -> str | None:
    count = field_of(view, "counts", "comments")
    return str(count) if isinstance(count, int) and not isinstance(count, bool) else None


def _post_hit(view: Mapping[str, Any]) -> tuple[Hit | None, datetime | None, bool]:
    post = field_of(view, "post")
    created = utc(field_of(post, "published"))
    pinned = field_of(post, "featured_local") is True or field_of(post, "featured_community") is True
    pid = as_id(field_of(post, "id"))
    if pid is None:
        return None, created, pinned
    return Hit(thread=pid, hit=pid, created=created, mark=_mark(view)), created, pinned


def _comment_hit(view: Mapping[str, Any]) -> tuple[Hit | None, datetime | None, bool]:
    created = utc(field_of(view, "comment", "published"))
    cid, pid = as_id(field_of(view, "comment", "id")), as_id(field_of(view, "post", "id"))
    if cid is None or pid is None:
        return None, created, False
    return Hit(thread=pid, hit=f"comment/{cid}", created=created), created, False   # the post's count: its read


def _live(item: Mapping[str, Any]) -> bool:
    comment = item.get("comment")
    return isinstance(comment, Mapping) and comment.get("deleted") is not True and comment.get("removed") is not True


def _parent(comment: Mapping[str, Any], cid: str, live: set[str]) -> str | None:
    """The nearest live ancestor named by the comment's ``path`` (``0.12.34``: 0 is the post), None: the post. A
    reply under a deleted comment goes under the comment above it, so none is lost."""
    path = comment.get("path")
    segments = path.split(".") if isinstance(path, str) else []
    if segments and segments[-1] == cid:
        segments = segments[:-1]
    for ancestor in reversed(segments):
        if ancestor in live and ancestor != cid:
            return ancestor
    return None


def _author(creator: Any) -> str | None:
    """The account as Lemmy shows it: ``name`` on its own instance, ``name@host`` (from ``actor_id``) when it is
    another instance's."""
    name = name_of(field_of(creator, "name"))
    if name is None or field_of(creator, "local") is not False:
        return name
    actor = field_of(creator, "actor_id")
    host = urlsplit(actor).hostname if isinstance(actor, str) else None
    return f"{name}@{host}" if host else name


PLATFORM = Lemmy()
