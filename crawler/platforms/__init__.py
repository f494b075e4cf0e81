"""Platform sources: the platforms that answer a keyword search and serve each thread as data (Mastodon, Lemmy,
Discourse, Hacker News, Stack Exchange, Reddit).

A platform is one module with one object (``PLATFORM``) behind the small interface below, and one line in
``registry.py``. It knows nothing of Scrapy: it names the calls it needs (``Call``) and reads their answers
(``Answer``) in generators, which ``crawler.platforms.crawl`` drives with real requests, so that every call
goes through the crawl's politeness, limits and address checks like any page.

- ``target(url)``: what a configured source URL names (the API's root, a community); ``NotThisPlatform`` with
  one line saying what was expected when the URL cannot be that platform.
- ``search(target, keyword, since)``: yields ``Call``s and receives their ``Answer``s; yields lists of ``Hit``s,
  newest first, back to ``since`` (a datetime), paging with the platform's own cursor. It may yield a ``Note``
  (shown in ``sources``, Stack Exchange's quota left) too; lists and notes receive None.
- ``limited(answer)``: what an answer says of the rate limit (``Limit``), read by the politeness middleware
  before the answer reaches the generator, so that waits are kept by the download slot like ``Retry-After``.
- ``no_hits(answer)`` (optional): an error answer to a search that means "nothing found" (an older Mastodon's
  404 for a tag never used), so that it ends the search instead of failing the source.
- ``thread(target, hit)``: yields the ``Call``s that read the hit's whole thread and returns a ``Thread``: the
  conversation with every reply in thread order, and the count (``mark``) that a later search shows unchanged
  while the thread has not moved.

A platform raises ``PlatformError`` for an answer it cannot read (not JSON, a field missing): the search or the
thread it was reading fails with that one line, never the crawl.
"""

from __future__ import annotations

import json
from collections.abc import Generator, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Protocol
from urllib.parse import SplitResult, urlsplit

from threadscout.crawler.items import ConversationItem, ReplyItem
from threadscout.crawler.urls import is_fetchable

MAX_JSON = 20 * 10**6       # characters: a larger answer is refused (the response size limit comes first)


class PlatformError(Exception):
    """An answer the platform module cannot read; the message is one line for people."""


class NotThisPlatform(PlatformError):
    """The source's URL cannot be this platform (``kind = "lemmy"`` on a blog, say)."""


@dataclass(frozen=True)
class Call:
    """One request a platform needs: a GET of ``url``."""

    url: str
    headers: tuple[tuple[str, str], ...] = ()
    what: str = "thread"          # "search" or "thread": counted apart in the crawl's stats


@dataclass
class Answer:
    """The platform's answer to a ``Call`` (any status: the platform reads errors it documents)."""

    url: str
    status: int
    headers: Mapping[str, str]    # lower-case names
    body: bytes

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    def json(self) -> Any:
        """The body as JSON. Invalid UTF-8 is replaced, never fatal; anything not JSON is a ``PlatformError``."""
        text = self.body.decode("utf-8", errors="replace")
        if len(text) > MAX_JSON:
            raise PlatformError(f"{self.url} answered more than {MAX_JSON:,} characters")
        try:
            return json.loads(text)
        except (ValueError, RecursionError):
            raise PlatformError(f"{self.url} did not answer JSON (HTTP {self.status})") from None


@dataclass(frozen=True)
class Target:
    """What a platform source's URL names."""

    source: str                   # the URL as configured
    api: str                      # the root the API calls are made from ("https://mastodon.social")
    scope: str | None = None      # a community, a subreddit, a Stack Exchange site; None: the whole server


@dataclass(frozen=True)
class Hit:
    """One search result: a post or reply that matched a keyword."""

    thread: str                   # the id of its thread's root, or of the hit itself when only the thread can tell
    hit: str                      # its own id
    created: datetime | None
    mark: str | None = None       # its thread's count as the search shows it; None: not shown (a reply's hit)
    data: Any = field(default=None, compare=False)   # what the platform wants to keep for the thread's read


@dataclass(frozen=True)
class Note:
    """What the platform says of the source's standing (Stack Exchange's quota left): shown in ``sources``.
    ``capped``: what a limit left out instead (a search that stops at the platform's last page before ``since``,
    a thread the server cut short), shown as the source's ``capped``; the search still counts as complete."""

    text: str
    capped: bool = False


@dataclass(frozen=True)
class Limit:
    """What an answer says of the platform's rate limit (``Platform.limited``): ``refused``, the call was refused
    for it (whatever its status: Lemmy answers HTTP 400); ``wait``, seconds before the next call (a 429's reset
    time, Stack Exchange's ``backoff``, Mastodon's reset once no call is left)."""

    refused: bool = False
    wait: float | None = None


@dataclass
class Thread:
    conversation: ConversationItem
    mark: str | None              # the thread's count as a search hit on its root would show it
    root: str | None = None       # the root's id, when the hit's thread id was not it (a reply's hit)


Search = Generator["Call | list[Hit] | Note", "Answer | None", None]
ThreadRead = Generator["Call | Note", "Answer | None", "Thread | None"]


class Platform(Protocol):
    kind: str                     # the source kind that selects it
    name: str                     # as people call it
    expects: str                  # what a source URL of this kind looks like, in words

    def target(self, url: str) -> Target: ...

    def search(self, target: Target, keyword: str, since: datetime) -> Search: ...

    def thread(self, target: Target, hit: Hit) -> ThreadRead: ...

    def problem(self, answer: Answer) -> str | None:
        """What an answer with an error status says, in one line (its error message), or None."""
        ...

    def limited(self, answer: Answer) -> Limit | None:
        """What the answer says of the platform's rate limit, or None when nothing."""
        ...


# -- helpers the platform modules share -------------------------------------------------------------------------
def http_parts(url: str, expects: str) -> SplitResult:
    """A source URL's parts, or ``NotThisPlatform`` saying what was expected when it is not http(s) with a host."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise NotThisPlatform(f"{url} is not {expects}")
    return parts


def utc(value: Any) -> datetime | None:
    """A timezone-aware datetime from an ISO 8601 string (``Z`` or an offset; naive is UTC) or Unix seconds."""
    if value is None or isinstance(value, bool):
        return None
    try:
        if isinstance(value, (int, float)):
            return datetime.fromtimestamp(value, tz=timezone.utc)
        if isinstance(value, str) and value:
            parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
            return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=timezone.utc)
    except (ValueError, OverflowError, OSError):
        return None
    return None


def html_text(html: Any) -> str:
    """Plain text of a platform's HTML body: paragraphs kept, entities decoded, markup dropped and never run; a
    ``<script>`` written as text (``&lt;script&gt;``) stays text."""
    from threadscout.crawler.extract.text import element_text, parse_html

    if not isinstance(html, str) or not html.strip():
        return ""
    doc = parse_html(f"<html><body><div>{html}</div></body></html>")
    if doc is None:
        return ""
    body = doc.find("body")
    return element_text(body if body is not None else doc)


def text_of(value: Any) -> str:
    """A plain-text field (Markdown, a title) as a string: whitespace kept, anything not a string dropped."""
    return value.strip() if isinstance(value, str) else ""


def name_of(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def as_id(value: Any) -> str | None:
    """An id as the platforms give it (an int, or a string of digits or letters), as a string; None if absent."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and value.strip() and len(value) <= 200 and value.isprintable():
        return value.strip()
    return None


def field_of(data: Any, *path: str) -> Any:
    """``data[a][b]...`` or None when any step is missing or not an object."""
    for key in path:
        if not isinstance(data, Mapping):
            return None
        data = data.get(key)
    return data


def objects(value: Any) -> list[Mapping[str, Any]]:
    """The objects of a JSON array (anything else in it, or a missing array, is skipped)."""
    return [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []


def web_url(value: Any) -> str | None:
    """A public http(s) URL from an answer, or None (a ``javascript:`` link is never kept)."""
    return value.strip() if isinstance(value, str) and is_fetchable(value.strip()) else None


def depth_first(replies: Iterable[tuple[str, str | None, Any, ReplyItem]]) -> list[ReplyItem]:
    """Replies in thread order: each after its parent, siblings by date then id. Takes (id, parent id, sort key,
    reply); a reply whose parent is unknown (deleted, not served) follows the root's own replies as its own
    branch, so none is lost."""
    children: dict[str | None, list[tuple[Any, str, ReplyItem]]] = {}
    ids = set()
    entries = list(replies)
    for rid, _, _, _ in entries:
        ids.add(rid)
    for rid, parent, key, reply in entries:
        children.setdefault(parent if parent in ids else None, []).append((key, rid, reply))
    ordered: list[ReplyItem] = []
    stack = [(None, iter(sorted(children.get(None, []), key=lambda e: (e[0], e[1]))))]
    seen: set[str] = set()
    while stack:
        _, it = stack[-1]
        nxt = next(it, None)
        if nxt is None:
            stack.pop()
            continue
        _, rid, reply = nxt
        if rid in seen:
            continue
        seen.add(rid)
        ordered.append(reply)
        kids = children.get(rid)
        if kids:
            stack.append((rid, iter(sorted(kids, key=lambda e: (e[0], e[1])))))
    for key, rid, reply in sorted((e for kids in children.values() for e in kids), key=lambda e: (e[0], e[1])):
        if rid not in seen:          # a cycle of parents: kept, after the rest
            seen.add(rid)
            ordered.append(reply)
    for n, reply in enumerate(ordered):
        reply.position = n
    return ordered
