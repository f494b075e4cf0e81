"""Mastodon (and the fediverse servers that speak its API) through the public REST API, no token: each keyword as a
hashtag (``adult literacy`` -> ``adultliteracy``) on ``/api/v1/timelines/tag/NAME`` newest first, paged older with
``max_id``; each hit's thread from ``/api/v1/statuses/ID/context``. Shapes and limits:
docs/platforms/mastodon-lemmy.md, section Mastodon.

- A hit that is a reply: its context's ``ancestors[0]`` is the root (a full Status, so no call for it), whose own
  context gives every reply; the thread returns ``Thread(root=...)``. Deeper than the 40 ancestors a server shows
  without a login, the walk goes on from the oldest ancestor shown.
- Without a login a context shows at most 60 descendants, 20 deep. A reply whose ``replies_count`` is more than
  the replies seen under it has its own context read too (a few calls a thread); the root's direct replies past
  the 60th cannot be reached anonymously: a ``Note`` says so.
- The mark is the root's ``replies_count`` as the search shows it. It counts DIRECT replies only: a reply to a
  reply does not move it (such threads are re-read by the scheduler's adaptive re-reads).
- ``X-RateLimit-Remaining: 0`` holds the next call until ``X-RateLimit-Reset`` (an ISO 8601 time); a 429 is a
  refusal with that reset as its wait.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Generator, Mapping
from datetime import datetime, timezone
from typing import Any
from urllib.parse import parse_qs, quote, urlencode, urlsplit

from threadscout.crawler.items import ConversationItem, ReplyItem
from threadscout.crawler.platforms import (Answer, Call, Hit, Limit, Note, PlatformError, Search, Target, Thread,
                                           ThreadRead, as_id, depth_first, field_of, html_text, http_parts, name_of,
                                           objects, text_of, utc, web_url)

PER_PAGE = 40           # the tag timeline's maximum `limit`
MAX_PAGES = 25          # 1,000 statuses a keyword a crawl (anonymous paging is limited to 300 calls / 15 min)
ANCESTORS_LIMIT = 40    # what a context shows without a login (contexts_controller)
DESCENDANTS_LIMIT = 60  # ... of the replies below a status
DEPTH_LIMIT = 20        # ... and how deep
MAX_HOPS = 10           # context calls walking up a reply chain deeper than 40
MAX_MORE = 10           # context calls of replies whose own replies were cut off (the 60 / depth 20 limits)
MAX_NODES = 20_000      # statuses of one thread kept (the pipeline keeps its first 5,000 replies)
MAX_TAG = 100
TITLE = 80              # characters of a status's first words that make its conversation's title


def hashtag(keyword: str) -> str:
    """A keyword as a hashtag: lower case, spaces and punctuation dropped (``ESL classes`` -> ``eslclasses``)."""
    return "".join(c for c in keyword.lower() if c.isalnum())[:MAX_TAG]


class Mastodon:
    kind = "mastodon"
    name = "Mastodon"
    expects = "a Mastodon server (or one speaking its API), such as https://mastodon.social/"

    def target(self, url: str) -> Target:
        parts = http_parts(url, self.expects)
        return Target(source=url, api=f"{parts.scheme}://{parts.netloc}")

    def problem(self, answer: Answer) -> str | None:
        try:
            data = answer.json()
        except PlatformError:
            return None
        if not isinstance(data, Mapping):
            return None
        error, description = text_of(data.get("error")), text_of(data.get("error_description"))
        return f"{error}: {description}" if error and description else (error or description or None)

    def no_hits(self, answer: Answer) -> bool:
        """Servers before 4.0 answer a tag no one used with 404 ``{"error": "Record not found"}`` (later ones
        with ``[]``): nothing found, not a failure."""
        if answer.status != 404 or "/api/v1/timelines/tag/" not in answer.url:
            return False
        try:
            data = answer.json()
        except PlatformError:
            return False
        return isinstance(data, Mapping) and text_of(data.get("error")) == "Record not found"

    def limited(self, answer: Answer) -> Limit | None:
        """``X-RateLimit-Remaining: 0`` holds the next call until ``X-RateLimit-Reset``; a 429 is a refusal, its
        wait the reset (Mastodon sends no ``Retry-After``)."""
        wait = _reset_in(answer.header("x-ratelimit-reset"))
        if answer.status == 429:
            return Limit(refused=True, wait=max(1.0, wait) if wait is not None else None)
        remaining = (answer.header("x-ratelimit-remaining") or "").strip()
        if remaining.lstrip("-").isdigit() and int(remaining) <= 0 and wait:
            return Limit(wait=wait)
        return None

    def search(self, target: Target, keyword: str, since: datetime) -> Search:
        tag = hashtag(keyword)
        if not tag:
            return
        base = f"{target.api}/api/v1/timelines/tag/{quote(tag, safe='')}"
        max_id: str | None = None
        for _ in range(MAX_PAGES):
            query = {"limit": PER_PAGE, **({"max_id": max_id} if max_id else {})}
            answer = yield Call(f"{base}?{urlencode(query)}", what="search")
            assert answer is not None
            data = answer.json()
            if not isinstance(data, list):
                raise PlatformError(f"{answer.url} answered no timeline (not a JSON list of statuses)")
            listed = [raw for raw in objects(data) if as_id(raw.get("id")) is not None]
            if data and not listed:
                raise PlatformError(f"{answer.url} answered a list without statuses")
            hits, older = [], False
            for raw in listed:
                created = utc(raw.get("created_at"))          # a boost: the boost's time, its place in the list
                if created is not None and created < since:
                    older = True
                    continue
                hit = _hit(raw, created)
                if hit is not None:
                    hits.append(hit)
            if hits:
                yield hits
            older_page = _next_max_id(answer) or min((str(as_id(r.get("id"))) for r in listed), key=_id_key,
                                                     default=None)
            if older or not listed or older_page is None or older_page == max_id:
                return
            max_id = older_page
        yield Note(f"the #{tag} search stopped after {MAX_PAGES} pages of {PER_PAGE}: older statuses are not read",
                   capped=True)

    def thread(self, target: Target, hit: Hit) -> ThreadRead:
        status = hit.data if isinstance(hit.data, Mapping) and as_id(hit.data.get("id")) == hit.thread else None
        if status is None:                            # the scheduler's re-read: only the id is known
            answer = yield Call(f"{target.api}/api/v1/statuses/{quote(hit.thread, safe='')}")
            assert answer is not None
            status = _status(answer.json(), answer)
        root: Mapping[str, Any] = status
        context: Mapping[str, Any] | None = None
        climbed: list[Mapping[str, Any]] = []         # the hit, what lies between it and the root, its replies
        for _ in range(MAX_HOPS):                     # up to the root: ancestors[0], root first
            context = yield from _context(target, str(as_id(root.get("id"))))
            ancestors = [a for a in objects(context.get("ancestors")) if as_id(a.get("id")) is not None]
            if not ancestors:
                break
            climbed += [root, *ancestors[1:], *objects(context.get("descendants"))]
            root, context = ancestors[0], None
            if root.get("in_reply_to_id") is None or len(ancestors) < ANCESTORS_LIMIT:
                break
        root_id = str(as_id(root.get("id")))
        if context is None:
            context = yield from _context(target, root_id)
        statuses: dict[str, Mapping[str, Any]] = {}
        _add(statuses, context, root_id)
        cut = len(objects(context.get("descendants"))) >= DESCENDANTS_LIMIT
        _add(statuses, {"descendants": climbed}, root_id)   # kept even where the root's context cut them off
        asked = {root_id}
        for _ in range(MAX_MORE if cut or _deepest(statuses, root_id) >= DEPTH_LIMIT else 0):
            # replies whose own replies the limits cut off (a count above what is shown, with no limit reached,
            # is replies only their followers may see: not asked for)
            seen = Counter(as_id(s.get("in_reply_to_id")) for s in statuses.values())
            short = [sid for sid, s in statuses.items() if sid not in asked and _count(s) > seen[sid]]
            if not short or len(statuses) >= MAX_NODES:
                break
            sid = min(short, key=lambda i: _key(statuses[i]))
            asked.add(sid)
            more = yield from _context(target, sid)
            _add(statuses, more, root_id)
            cut = cut or len(objects(more.get("descendants"))) >= DESCENDANTS_LIMIT
        url = _url(root)
        if url is None:
            raise PlatformError(f"{target.api} served status {root_id} without a \"url\" or \"uri\"")
        direct = sum(1 for s in statuses.values() if as_id(s.get("in_reply_to_id")) == root_id)
        if _count(root) > direct:
            yield Note("some threads are partial: without a login a thread shows at most 60 replies a call, 20 "
                       "deep", capped=True)
        replies = [(sid, as_id(s.get("in_reply_to_id")), _key(s),
                    ReplyItem(author=_author(s), published=utc(s.get("created_at")), text=_text(s), url=_url(s)))
                   for sid, s in statuses.items()]
        conversation = ConversationItem(
            url=url, title=_title(root), author=_author(root), published=utc(root.get("created_at")), text=_text(root),
            kind="thread", replies=depth_first(replies))
        return Thread(conversation, mark=_mark(root), root=root_id if root_id != hit.thread else None)


# -- reading answers ---------------------------------------------------------------------------------------------
def _context(target: Target, status_id: str) -> Generator[Call, Answer | None, Mapping[str, Any]]:
    answer = yield Call(f"{target.api}/api/v1/statuses/{quote(status_id, safe='')}/context")
    assert answer is not None
    data = answer.json()
    if not isinstance(data, Mapping) or not isinstance(data.get("descendants"), list):
        raise PlatformError(f"{answer.url} answered no context (no \"descendants\" list)")
    return data


def _status(data: Any, answer: Answer) -> Mapping[str, Any]:
    if not isinstance(data, Mapping) or as_id(data.get("id")) is None:
        raise PlatformError(f"{answer.url} answered no status")
    reblog = data.get("reblog")
    return reblog if isinstance(reblog, Mapping) and as_id(reblog.get("id")) is not None else data


def _add(statuses: dict[str, Mapping[str, Any]], context: Mapping[str, Any], root_id: str) -> None:
    for status in objects(context.get("descendants")):
        sid = as_id(status.get("id"))
        if sid is not None and sid != root_id and len(statuses) < MAX_NODES:
            statuses.setdefault(sid, status)


def _deepest(statuses: Mapping[str, Mapping[str, Any]], root_id: str) -> int:
    """How many replies deep the thread goes, as far as ``statuses`` show it."""
    depth: dict[str, int] = {root_id: 0}

    def depth_of(sid: str) -> int:
        chain = []
        while sid not in depth and sid in statuses and len(chain) <= len(statuses):
            chain.append(sid)
            sid = str(as_id(statuses[sid].get("in_reply_to_id")))
        known = depth.get(sid, 0)
        for n, link in enumerate(reversed(chain), 1):
            depth[link] = known + n
        return depth.get(chain[0], known) if chain else known

    return max((depth_of(sid) for sid in statuses), default=0)


def _hit(raw: Mapping[str, Any], created: datetime | None) -> Hit | None:
    reblog = raw.get("reblog")
    status = reblog if isinstance(reblog, Mapping) else raw      # a boost: the status boosted, never the wrapper
    sid = as_id(status.get("id"))
    if sid is None:
        return None
    created = created or utc(status.get("created_at"))
    if status.get("in_reply_to_id") is not None:
        return Hit(thread=sid, hit=sid, created=created, data=status)     # its context tells the root
    return Hit(thread=sid, hit=sid, created=created, mark=_mark(status), data=status)


def _next_max_id(answer: Answer) -> str | None:
    """``max_id`` of the ``Link`` header's ``rel="next"`` (older statuses); the call itself is made on the
    source's own host."""
    for part in (answer.header("link") or "").split(","):
        if 'rel="next"' not in part and "rel=next" not in part:
            continue
        url = part.split(";")[0].strip().strip("<>")
        found = parse_qs(urlsplit(url).query).get("max_id")
        if found:
            return as_id(found[0])
    return None


def _reset_in(value: str | None) -> float | None:
    """Seconds until ``X-RateLimit-Reset`` (an ISO 8601 time; a number: Unix seconds, or seconds when small)."""
    if not value or not value.strip():
        return None
    text = value.strip()
    now = datetime.now(timezone.utc)
    try:
        number = float(text)
    except ValueError:
        when = utc(text)
        return max(0.0, (when - now).total_seconds()) if when is not None else None
    if number != number or number in (float("inf"), float("-inf")):
        return None
    return max(0.0, number - now.timestamp()) if number > 10**9 else max(0.0, number)


def _count(status: Mapping[str, Any]) -> int:
    value = status.get("replies_count")
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _mark(status: Mapping[str, Any]) -> str | None:
    value = status.get("replies_count")
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else None


def _id_key(status_id: str) -> tuple[int, str]:
    return (len(status_id), status_id)       # vanilla ids: opaque strings that sort by length, then lexically


def _key(status: Mapping[str, Any]) -> tuple[str, tuple[int, str]]:
    created = utc(status.get("created_at"))
    return (created.isoformat() if created else "", _id_key(str(as_id(status.get("id")))))


def _author(status: Mapping[str, Any]) -> str | None:
    return name_of(field_of(status, "account", "acct")) or name_of(field_of(status, "account", "username"))


def _url(status: Mapping[str, Any]) -> str | None:
    return web_url(status.get("url")) or web_url(status.get("uri"))


def _text(status: Mapping[str, Any]) -> str:
    """The content warning (``spoiler_text``) first, then the text."""
    warning, body = text_of(status.get("spoiler_text")), html_text(status.get("content"))
    return f"{warning}\n\n{body}" if warning and body else (warning or body)


def _title(status: Mapping[str, Any]) -> str | None:
    """A status has no title: its content warning, or its first words (up to ``TITLE`` characters), as lists
    and alerts need one."""
    text = " ".join(_text(status).split())
    if len(text) <= TITLE:
        return text or None
    cut = text[:TITLE].rsplit(" ", 1)[0] or text[:TITLE]
    return cut + "…"


PLATFORM = Mastodon()
