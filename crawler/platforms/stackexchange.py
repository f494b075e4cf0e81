"""Stack Exchange through its public API 2.3 (https://api.stackexchange.com/docs): ``/search/advanced`` by
activity, newest first; each question's answers from ``/questions/ID/answers`` and every comment from
``/posts/IDS/comments`` (ids ``;``-joined, 100 a call). Shapes and limits: docs/platforms/stackexchange-reddit.md.

No key: the quota is the address's (300 calls a day), shown in ``sources`` after each answer. ``backoff`` holds
the next call; ``throttle_violation`` (HTTP 400, ``error_id`` 502) or a 429 cuts the source short."""

from __future__ import annotations

import html
import zlib
from collections.abc import Mapping
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from threadscout.crawler.items import ConversationItem, ReplyItem
from threadscout.crawler.platforms import (MAX_JSON, Answer, Call, Hit, Limit, NotThisPlatform, Note, PlatformError,
                                           Search, Target, Thread, ThreadRead, as_id, depth_first, field_of, html_text,
                                           http_parts, objects, utc, web_url)

PER_PAGE = 100
MAX_PAGES = 25          # reported: anonymous calls go no further (docs/platforms/stackexchange-reddit.md, "?")
VECTOR = 100            # ids in one vector call (/docs/vectors)
THROTTLED = (502,)      # error_id throttle_violation


class StackExchange:
    kind = "stackexchange"
    name = "Stack Exchange"
    expects = "the Stack Exchange API with a site, such as https://api.stackexchange.com/2.3/?site=ell"

    def target(self, url: str) -> Target:
        parts = http_parts(url, self.expects)
        site = (parse_qs(parts.query).get("site") or [""])[0].strip()
        if not site:
            raise NotThisPlatform(f"{url} names no Stack Exchange site: add ?site=NAME (such as ?site=ell)")
        segments = [s for s in parts.path.split("/") if s]
        path = "/".join(segments[:segments.index("2.3") + 1]) if "2.3" in segments else "/".join([*segments, "2.3"])
        return Target(source=url, api=f"{parts.scheme}://{parts.netloc}/{path}", scope=site)

    def problem(self, answer: Answer) -> str | None:
        try:
            data = _data(answer)
        except PlatformError:
            return None
        if not isinstance(data, Mapping):
            return None
        message = _plain(data.get("error_message"))
        name = _plain(data.get("error_name"))
        return f"{name}: {message}" if name and message else (message or name or None)

    def limited(self, answer: Answer) -> Limit | None:
        """``backoff`` (seconds) holds the next call; a ``throttle_violation`` or a 429 is a refusal."""
        data: Any = None
        try:
            data = _data(answer)
        except PlatformError:
            pass
        backoff = data.get("backoff") if isinstance(data, Mapping) else None
        wait = float(backoff) if isinstance(backoff, (int, float)) and not isinstance(backoff, bool) and backoff > 0 \
            else None
        error = data.get("error_id") if isinstance(data, Mapping) else None
        if answer.status == 429 or error in THROTTLED:
            return Limit(refused=True, wait=wait)
        return Limit(wait=wait) if wait is not None else None

    def search(self, target: Target, keyword: str, since: datetime) -> Search:
        after = int(since.timestamp())
        for page in range(1, MAX_PAGES + 1):
            query = urlencode({"q": keyword, "site": target.scope, "sort": "activity", "order": "desc",
                               "filter": "withbody", "pagesize": PER_PAGE, "page": page})
            answer = yield Call(f"{target.api}/search/advanced?{query}", what="search")
            assert answer is not None
            data = _wrapper(answer, "search results")
            note = _quota(data)
            if note is not None:
                yield note
            hits, older = [], False
            for raw in objects(data["items"]):
                active = raw.get("last_activity_date")
                if isinstance(active, (int, float)) and active < after:
                    older = True
                    continue
                hit = _hit(raw)
                if hit is not None:
                    hits.append(hit)
            if hits:
                yield hits
            if older or data.get("has_more") is not True or not data["items"]:
                return

    def thread(self, target: Target, hit: Hit) -> ThreadRead:
        site = {"site": target.scope, "filter": "withbody"}
        answer = yield Call(f"{target.api}/questions/{hit.thread}?{urlencode(site)}")
        assert answer is not None
        data = _wrapper(answer, "question")
        note = _quota(data)
        if note is not None:
            yield note
        questions = objects(data["items"])
        if not questions:
            return None                               # deleted, or moved to another site: nothing to read
        question = questions[0]
        qid = as_id(question.get("question_id"))
        link = web_url(question.get("link"))
        if qid is None or link is None:
            raise PlatformError(f"{answer.url} answered a question without \"question_id\" or \"link\"")
        host = urlsplit(link)
        answers: list[Mapping[str, Any]] = []
        for page in range(1, MAX_PAGES + 1):
            query = urlencode({**site, "pagesize": PER_PAGE, "page": page, "sort": "creation", "order": "asc"})
            answer = yield Call(f"{target.api}/questions/{qid}/answers?{query}")
            assert answer is not None
            data = _wrapper(answer, "answers")
            note = _quota(data)
            if note is not None:
                yield note
            answers.extend(a for a in objects(data["items"]) if as_id(a.get("answer_id")) is not None)
            if data.get("has_more") is not True or not data["items"]:
                break
        posts = [qid, *(as_id(a.get("answer_id")) for a in answers)]
        comments: list[Mapping[str, Any]] = []
        for start in range(0, len(posts), VECTOR):
            ids = ";".join(str(p) for p in posts[start:start + VECTOR])
            for page in range(1, MAX_PAGES + 1):
                query = urlencode({**site, "pagesize": PER_PAGE, "page": page, "sort": "creation", "order": "asc"})
                answer = yield Call(f"{target.api}/posts/{ids}/comments?{query}")
                assert answer is not None
                data = _wrapper(answer, "comments")
                note = _quota(data)
                if note is not None:
                    yield note
                comments.extend(c for c in objects(data["items"]) if as_id(c.get("comment_id")) is not None)
                if data.get("has_more") is not True or not data["items"]:
                    break
        replies: list[tuple[str, str | None, Any, ReplyItem]] = []
        answer_ids = set()
        for a in answers:
            aid = str(as_id(a.get("answer_id")))
            answer_ids.add(aid)
            replies.append((f"a{aid}", None, (1, _date(a), int(aid) if aid.isdecimal() else 0, aid),
                            ReplyItem(author=_author(a), published=utc(a.get("creation_date")),
                                      text=html_text(a.get("body")),
                                      url=f"{host.scheme}://{host.netloc}/a/{aid}")))
        for c in comments:
            cid = str(as_id(c.get("comment_id")))
            post = as_id(c.get("post_id"))
            parent = f"a{post}" if post in answer_ids else None      # on the question (or an unknown post)
            replies.append((f"c{cid}", parent, (0, _date(c), int(cid) if cid.isdecimal() else 0, cid),
                            ReplyItem(author=_author(c), published=utc(c.get("creation_date")),
                                      text=html_text(c.get("body")), url=f"{link}#comment{cid}")))
        conversation = ConversationItem(
            url=link, title=_plain(question.get("title")) or None, author=_author(question),
            published=utc(question.get("creation_date")), text=html_text(question.get("body")), kind="thread",
            replies=depth_first(replies))
        return Thread(conversation, mark=_mark(question))


# -- reading answers ---------------------------------------------------------------------------------------------
def _data(answer: Answer) -> Any:
    """The answer's JSON; a gzip body the transport did not decode (no ``Content-Encoding``: the API says to
    assume gzip then) is decoded here, within the size limit."""
    body = answer.body
    if body[:2] == b"\x1f\x8b":
        try:
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            body = inflater.decompress(body, MAX_JSON + 1)
        except zlib.error:
            raise PlatformError(f"{answer.url} answered a broken gzip body") from None
        if len(body) > MAX_JSON:
            raise PlatformError(f"{answer.url} answered more than {MAX_JSON:,} characters")
        answer = Answer(url=answer.url, status=answer.status, headers=answer.headers, body=body)
    return answer.json()


def _wrapper(answer: Answer, what: str) -> Mapping[str, Any]:
    data = _data(answer)
    if not isinstance(data, Mapping) or not isinstance(data.get("items"), list):
        raise PlatformError(f"{answer.url} answered no {what} (no \"items\" list)")
    return data


def _quota(data: Mapping[str, Any]) -> Note | None:
    left, most = data.get("quota_remaining"), data.get("quota_max")
    if isinstance(left, int) and isinstance(most, int) and not isinstance(left, bool):
        return Note(f"quota {left} of {most} left")
    return None


def _plain(value: Any) -> str:
    """A string the API's safe filter entity-encoded (titles, display names), decoded once."""
    return html.unescape(value).strip() if isinstance(value, str) else ""


def _author(post: Mapping[str, Any]) -> str | None:
    return _plain(field_of(post, "owner", "display_name")) or None


def _date(post: Mapping[str, Any]) -> int:
    value = post.get("creation_date")
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0


def _mark(question: Mapping[str, Any]) -> str | None:
    count, active = question.get("answer_count"), question.get("last_activity_date")
    if isinstance(count, int) and isinstance(active, int) and not isinstance(count, bool):
        return f"{count}:{active}"
    return None


def _hit(raw: Mapping[str, Any]) -> Hit | None:
    qid = as_id(raw.get("question_id"))
    if qid is None:
        return None
    return Hit(thread=qid, hit=qid, created=utc(raw.get("last_activity_date")), mark=_mark(raw))


PLATFORM = StackExchange()
