"""Reddit through its public RSS/Atom feeds only (no key, no login, no JSON API: ``.json`` has needed a login since
about 2026-05-29). Shapes and limits: docs/platforms/stackexchange-reddit.md, section "Reddit RSS/Atom".

- search: ``/r/NAME/search.rss?q=KEYWORD&restrict_sr=1&sort=new&limit=100`` (all of Reddit: ``/search.rss?q=...``),
  newest first, paged with ``after=t3_ID`` (the last entry's fullname) while entries are newer than ``since``.
  The search lists posts (``t3_``); a comment entry (``t1_``) is read as a hit on its post, whose id its
  permalink names (``/comments/POST/slug/COMMENT/``).
- thread: ``/r/NAME/comments/ID/.rss?limit=100``: the first entry is the post, the others its comments. The feed
  gives no parent, so the replies keep the feed's order (Reddit's default comment sort), not a reconstructed
  tree; deep or collapsed comments ("load more") are not in the feed, and a feed of ``THREAD_LIMIT`` comments
  says in ``sources`` that the thread may be partial.
- mark: none. The search feed shows no comment count, so a hit's thread is read once (its hit recorded as
  seen) and then again only when the scheduler's re-read says it is active (``run``); an unchanged refresh
  costs the searches alone, and a new comment is not seen before that re-read.
- authors: the feed names them ``/u/NAME``; kept as the account name ``NAME``.
- robots.txt is obeyed for these calls (``obeys_robots``): a feed it disallows is not asked for, and the source
  says so.
- limits: a 429 (with ``Retry-After``, kept by the middleware) refuses; ``X-Ratelimit-Remaining`` 0 holds the
  next call for ``X-Ratelimit-Reset`` seconds.
"""

from __future__ import annotations

import html
import io
import re
from datetime import datetime
from typing import Any
from urllib.parse import urlencode, urlsplit

import feedparser

from threadscout.crawler.items import ConversationItem, ReplyItem
from threadscout.crawler.platforms import (MAX_JSON, Answer, Call, Hit, Limit, NotThisPlatform, Note, PlatformError,
                                           Search, Target, Thread, ThreadRead, depth_first, html_text, http_parts,
                                           name_of, text_of, utc, web_url)

PER_PAGE = 100          # `limit` of a listing (Reddit's maximum: ?)
MAX_PAGES = 10          # Reddit's listings stop near 1,000 entries
THREAD_LIMIT = 100      # comments asked of a thread feed (`limit`: ?); no paging of comments over RSS
MAX_ENTRIES = 5_000     # entries read from one feed
_SUBREDDIT = re.compile(r"[A-Za-z0-9_+]{2,100}")
_POST = re.compile(r"/comments/([A-Za-z0-9]{1,20})(?:/|$)")
_SUB_OF = re.compile(r"/r/([A-Za-z0-9_]{2,100})/")
_ENTITY_DECL = re.compile(rb"<!\s*ENTITY", re.IGNORECASE)
_TRAILER = re.compile(r"submitted by\s+/?u/\S+(?:\s+to\s+/?r/\S+)?\s*\[link\]\s*\[comments\]\s*$")
_HARMLESS = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


class Reddit:
    kind = "reddit"
    name = "Reddit"
    expects = "Reddit's feeds for a subreddit, such as https://www.reddit.com/r/literacy/ (or https://www.reddit.com/)"
    obeys_robots = True         # the driver obeys robots.txt for these calls

    def target(self, url: str) -> Target:
        parts = http_parts(url, self.expects)
        segments = [s for s in parts.path.split("/") if s]
        api = f"{parts.scheme}://{parts.netloc}"
        if not segments:
            return Target(source=url, api=api)
        if segments[0] == "r" and len(segments) >= 2 and _SUBREDDIT.fullmatch(segments[1]):
            return Target(source=url, api=api, scope=segments[1])
        raise NotThisPlatform(f"{url} is not a subreddit: a Reddit source is https://www.reddit.com/r/NAME/ "
                              "(or https://www.reddit.com/ for all of Reddit)")

    def problem(self, answer: Answer) -> str | None:
        """Reddit's error pages are HTML ("Blocked", "Too Many Requests"): their title."""
        return _page_title(answer)

    def limited(self, answer: Answer) -> Limit | None:
        """A 429 refuses (its ``Retry-After`` is kept by the middleware; else ``X-Ratelimit-Reset``); an answer
        with ``X-Ratelimit-Remaining`` 0 holds the next call ``X-Ratelimit-Reset`` seconds."""
        reset = _number(answer.header("x-ratelimit-reset"))
        if answer.status == 429:
            return Limit(refused=True, wait=reset)
        remaining = _number(answer.header("x-ratelimit-remaining"))
        if remaining is not None and remaining < 1 and reset:
            return Limit(wait=reset)
        return None

    def search(self, target: Target, keyword: str, since: datetime) -> Search:
        path = f"/r/{target.scope}/search.rss" if target.scope else "/search.rss"
        after: str | None = None
        for _ in range(MAX_PAGES):
            params: dict[str, Any] = {"q": keyword}
            if target.scope:
                params["restrict_sr"] = 1
            params.update(sort="new", limit=PER_PAGE)
            if after:
                params["after"] = after
            answer = yield Call(f"{target.api}{path}?{urlencode(params)}", what="search")
            assert answer is not None
            entries = _entries(answer)
            hits, older = [], False
            for entry in entries:
                hit = _hit(entry)
                if hit is None:
                    continue
                if hit.created is not None and hit.created < since:
                    older = True
                    continue
                hits.append(hit)
            if hits:
                yield hits
            last = _fullname(entries[-1]) if entries else None
            if older or last is None or last == after:
                return
            after = last
        yield Note(f"the search for {keyword!r} stopped after {MAX_PAGES} pages of {PER_PAGE}: older posts are not "
                   "read", capped=True)

    def thread(self, target: Target, hit: Hit) -> ThreadRead:
        sub = hit.data if isinstance(hit.data, str) else target.scope
        path = f"/r/{sub}/comments/{hit.thread}/.rss" if sub and "+" not in sub else f"/comments/{hit.thread}/.rss"
        answer = yield Call(f"{target.api}{path}?{urlencode({'limit': THREAD_LIMIT})}")
        assert answer is not None
        entries = _entries(answer)
        if not entries:
            return None                     # removed, or private: nothing to read
        post = entries[0]
        root = _fullname(post)
        link = web_url(post.get("link"))
        if root is None or not root.startswith("t3_") or link is None:
            raise PlatformError(f"{answer.url} answered a feed whose first entry is not a post")
        replies: list[tuple[str, str | None, Any, ReplyItem]] = []
        for n, entry in enumerate(entries[1:]):
            own = _fullname(entry)
            if own is None or not own.startswith("t1_"):
                continue
            replies.append((own, None, n, ReplyItem(author=_author(entry), published=_date(entry),
                                                    text=_text(_content(entry)), url=web_url(entry.get("link")))))
        if len(replies) >= THREAD_LIMIT:
            yield Note(f"the feed of thread {root[3:]} listed {len(replies)} comments, as many as a thread feed "
                       "gives: longer threads are partial")
        body = _content(post)
        outside = _outside_link(body)
        conversation = ConversationItem(
            url=link, title=text_of(post.get("title")) or None, author=_author(post), published=_date(post),
            text=_text(body) or (outside or ""), kind="thread", replies=depth_first(replies),
            links=[outside] if outside else [])
        return Thread(conversation, mark=None, root=root[3:] if root[3:] != hit.thread else None)


# -- reading answers ---------------------------------------------------------------------------------------------
def _entries(answer: Answer) -> list[Any]:
    """The entries of an Atom answer; anything feedparser cannot read as a feed (a web page, garbage) is a
    ``PlatformError``."""
    body = answer.body
    if len(body) > MAX_JSON:
        raise PlatformError(f"{answer.url} answered more than {MAX_JSON:,} bytes")
    if _ENTITY_DECL.search(body) or _ENTITY_DECL.search(body.replace(b"\0", b"")):
        raise PlatformError(f"{answer.url} answered a feed that declares XML entities; refused")
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:     # Reddit's feeds are UTF-8: a broken byte is replaced, not a guess at the rest
        body = body.decode("utf-8", errors="replace").encode("utf-8")
    # no content-location: feedparser would resolve the entries' ids ("t3_ID") against it as relative URLs
    parsed = feedparser.parse(io.BytesIO(body), response_headers={"content-type": "application/atom+xml; charset=utf-8"})
    if not parsed.get("version"):
        title = _page_title(answer)
        raise PlatformError(f"{answer.url} did not answer a feed (HTTP {answer.status}"
                            + (f": {title})" if title else ")"))
    problem = parsed.get("bozo_exception")
    whole = body.rstrip().endswith(b"</feed>") and parsed.entries     # a stray control character: kept
    if parsed.get("bozo") and not isinstance(problem, _HARMLESS) and not whole:
        raise PlatformError(f"{answer.url} answered a broken feed ({' '.join(str(problem).split())[:200]})")
    return list(parsed.entries[:MAX_ENTRIES])


def _page_title(answer: Answer) -> str | None:
    text = answer.body[:65536].decode("utf-8", errors="replace")
    found = _TITLE.search(text)
    title = " ".join(html.unescape(found.group(1)).split())[:200] if found else ""
    return title or None


def _number(value: str | None) -> float | None:
    try:
        number = float(value) if value is not None else None
    except ValueError:
        return None
    return number if number is not None and 0 <= number < 10**9 else None


def _fullname(entry: Any) -> str | None:
    """The entry's Reddit fullname (``t3_ID`` a post, ``t1_ID`` a comment)."""
    value = name_of(entry.get("id"))
    return value if value and re.fullmatch(r"t[13]_[A-Za-z0-9]{1,20}", value) else None


def _author(entry: Any) -> str | None:
    name = name_of(entry.get("author_detail", {}).get("name")) or name_of(entry.get("author"))
    if name is None:
        return None
    for prefix in ("/u/", "u/"):
        if name.startswith(prefix):
            name = name[len(prefix):]
            break
    return name.strip() or None


def _date(entry: Any) -> datetime | None:
    return utc(entry.get("published")) or utc(entry.get("updated"))


def _content(entry: Any) -> str:
    contents = entry.get("content") or []
    value = next((c.get("value") for c in contents if isinstance(c.get("value"), str)), None)
    return value if value is not None else (entry.get("summary") or "")


def _text(body: str) -> str:
    """The post's or comment's own text: its ``div.md`` (a post's content adds a table with its thumbnail and a
    "submitted by /u/NAME [link] [comments]" line, which is dropped); without one, the whole body."""
    from threadscout.crawler.extract.text import css_first, element_text, parse_html

    if "md" in body:
        doc = parse_html(f"<html><body><div>{body}</div></body></html>")
        block = css_first(doc, "div.md") if doc is not None else None
        if block is not None:
            return element_text(block)
    text = html_text(body)
    return "" if _TRAILER.search(text) else text       # a link post: a thumbnail and the trailer, no text


def _outside_link(body: str) -> str | None:
    """A link post's link: the ``[link]`` anchor of the trailer, when it leaves Reddit."""
    found = re.search(r'<a href="([^"]+)">\s*\[link\]\s*</a>', body)
    url = web_url(html.unescape(found.group(1))) if found else None
    return url if url and "/comments/" not in url else None


def _hit(entry: Any) -> Hit | None:
    own = _fullname(entry)
    link = web_url(entry.get("link")) or ""
    created = _date(entry)
    sub = _SUB_OF.search(urlsplit(link).path)
    data = sub.group(1) if sub else None
    if own is not None and own.startswith("t3_"):
        return Hit(thread=own[3:], hit=own[3:], created=created, data=data)
    post = _POST.search(urlsplit(link).path)
    if own is None or post is None:
        return None
    return Hit(thread=post.group(1), hit=own[3:], created=created, data=data)   # a comment: its post's thread


PLATFORM = Reddit()
