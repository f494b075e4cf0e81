"""Hacker News through Algolia's public API (https://hn.algolia.com/api): ``/api/v1/search_by_date`` newest first,
each story's whole tree from ``/api/v1/items/ID``. Shapes and limits: docs/platforms/discourse-hackernews.md."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from threadscout.crawler.items import ConversationItem, ReplyItem
from threadscout.crawler.platforms import (Answer, Call, Hit, Limit, PlatformError, Search, Target, Thread, ThreadRead,
                                           as_id, depth_first, html_text, http_parts, name_of, objects, text_of, utc,
                                           web_url)

HN = "https://news.ycombinator.com/item?id="
PER_PAGE = 100
MAX_PAGES = 10          # Algolia serves the first 1,000 hits of a query: past them the window is moved down
MAX_HOPS = 50           # a comment hit whose story is not resolved yet: parents walked up to its story
MAX_NODES = 100_000     # nodes of one tree read (the pipeline keeps its first 5,000 replies)


class HackerNews:
    kind = "hackernews"
    name = "Hacker News"
    expects = "the Algolia Hacker News API, such as https://hn.algolia.com/"

    def target(self, url: str) -> Target:
        parts = http_parts(url, self.expects)
        return Target(source=url, api=f"{parts.scheme}://{parts.netloc}")

    def problem(self, answer: Answer) -> str | None:
        try:
            data = answer.json()
        except PlatformError:
            return None
        return text_of(data.get("message")) or None if isinstance(data, Mapping) else None

    def limited(self, answer: Answer) -> Limit | None:
        """Algolia documents 10,000 calls an hour per address and no limit header: a 429 or 503 is the limit."""
        return Limit(refused=True) if answer.status in (429, 503) else None

    def search(self, target: Target, keyword: str, since: datetime) -> Search:
        after = int(since.timestamp())
        below: int | None = None         # the window's upper bound once 1,000 hits were paged
        page = 0
        while True:
            window = f"created_at_i>{after}" + (f",created_at_i<{below}" if below is not None else "")
            query = urlencode({"query": keyword, "tags": "(story,comment)", "numericFilters": window,
                               "page": page, "hitsPerPage": PER_PAGE})
            answer = yield Call(f"{target.api}/api/v1/search_by_date?{query}", what="search")
            assert answer is not None
            data = answer.json()
            if not isinstance(data, Mapping) or not isinstance(data.get("hits"), list):
                raise PlatformError(f"{answer.url} answered no search hits (no \"hits\" list)")
            hits = [hit for raw in objects(data["hits"]) if (hit := _hit(raw)) is not None]
            if hits:
                yield hits
            pages = data.get("nbPages")
            last = not data["hits"] or not isinstance(pages, int) or page >= pages - 1
            if not last and page + 1 < MAX_PAGES:
                page += 1
                continue
            oldest = min((int(h.created.timestamp()) for h in hits if h.created), default=None)
            if not last and oldest is not None and (below is None or oldest < below):
                below, page = oldest + 1, 0      # past Algolia's 1,000: the same search below the oldest seen
                continue
            return

    def thread(self, target: Target, hit: Hit) -> ThreadRead:
        item: Any = None
        wanted: str | None = hit.thread
        for _ in range(MAX_HOPS):
            answer = yield Call(f"{target.api}/api/v1/items/{wanted}")
            assert answer is not None
            item = answer.json()
            if not isinstance(item, Mapping) or as_id(item.get("id")) is None:
                raise PlatformError(f"{answer.url} answered no item")
            if item.get("type") != "comment":
                break
            wanted = as_id(item.get("story_id")) or as_id(item.get("parent_id"))
            if wanted is None:
                break
        root_id = as_id(item.get("id"))
        replies: list[tuple[str, str | None, Any, ReplyItem]] = []
        stack = [(child, root_id) for child in objects(item.get("children"))]
        while stack and len(replies) < MAX_NODES:
            node, parent = stack.pop()
            node_id = as_id(node.get("id"))
            if node_id is None:
                continue
            live = name_of(node.get("author")) is not None
            if live:             # a deleted or dead comment is only {id, children}: its replies are kept
                replies.append((node_id, parent, (node.get("created_at_i") or 0, node_id),
                                ReplyItem(author=name_of(node.get("author")), published=utc(node.get("created_at")),
                                          text=html_text(node.get("text")), url=HN + node_id)))
            stack.extend((child, node_id if live else parent) for child in objects(node.get("children")))
        title = text_of(item.get("title")) or None
        link = web_url(item.get("url"))
        text = html_text(item.get("text")) or (link or "")
        conversation = ConversationItem(
            url=HN + str(root_id), title=title, author=name_of(item.get("author")), published=utc(item.get("created_at")),
            text=text, kind="thread", replies=depth_first(replies), links=[link] if link else [])
        return Thread(conversation, mark=str(len(replies)))


def _hit(raw: Mapping[str, Any]) -> Hit | None:
    own = as_id(raw.get("objectID"))
    if own is None:
        return None
    tags = raw.get("_tags") if isinstance(raw.get("_tags"), list) else []
    created = utc(raw.get("created_at")) or utc(raw.get("created_at_i"))
    if "comment" in tags or raw.get("comment_text") is not None:
        story = as_id(raw.get("story_id"))
        return Hit(thread=story or own, hit=own, created=created)   # no story yet: the tree tells it
    comments = raw.get("num_comments")
    return Hit(thread=own, hit=own, created=created, mark=str(comments) if isinstance(comments, int) else None)


PLATFORM = HackerNews()
