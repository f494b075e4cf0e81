"""Platform sources in the crawl: the spider's side of ``crawler.platforms`` (a mixin of ``ConversationSpider``).

For each platform source, every mission keyword is searched, newest first, back to where the last complete
search of it stopped (its cursor; the first crawl: the source's ``backfill``), with an hour's overlap for posts
the platform indexes late. Each hit's thread is read whole, once per crawl however many keywords found it,
unless the count the search shows for it (its mark) is the one recorded when it was last read: an unchanged
platform costs its searches and nothing else.

What is recorded, and when (in the pipeline's batches, after the conversations they speak of, so that a crash
never records a thread as read that was not saved): a thread's mark, the hits that were replies (their thread's
count is not in the search), and a keyword's cursor once its search was paged to its end and every thread it
found was read. A search cut short (a rate limit, ``max_threads``, a stop) keeps its old cursor: the next crawl
goes over the same window again, and skips the threads already read by their marks.

The keys are those of the store's fetch records, with a fragment no request ever carries
(``https://api.example#threadscout:thread:ID``), so that they reuse the crash-safe path conditional GET uses.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from twisted.python.failure import Failure

from threadscout.config.settings import PLATFORM_KINDS, Source
from threadscout.crawler import signals as our_signals
from threadscout.crawler.addresses import PRIVATE_OK, refusal
from threadscout.crawler.health import classify, kind_of_status
from threadscout.crawler.items import ConversationItem
from threadscout.crawler.platforms import (Answer, Call, Hit, Note, NotThisPlatform, Platform, PlatformError, Target,
                                           Thread, utc)
from threadscout.crawler.pipelines import MAX_REPLIES
from threadscout.crawler.platforms.limits import answer_of
from threadscout.crawler.platforms.registry import PLATFORMS
from threadscout.crawler.politeness import retry_after_seconds
from threadscout.crawler.urls import canonical_url, site_of
from threadscout.indexer.models import utcnow

logger = logging.getLogger(__name__)
OVERLAP = timedelta(hours=1)      # searched again below the last cursor: posts a platform indexes late
SEEN = "seen"


def thread_key(target: Target, platform: Platform, thread: str) -> str:
    return f"{target.api}/#threadscout:{platform.kind}:thread:{thread}"


def hit_key(target: Target, platform: Platform, hit: str) -> str:
    return f"{target.api}/#threadscout:{platform.kind}:hit:{hit}"


def cursor_key(source: str, keyword: str) -> str:
    base = source.split("#")[0]
    return f"{base}#threadscout:since:{keyword}"


@dataclass(eq=False)
class SearchJob:
    keyword: str
    since: datetime
    newest: datetime | None = None
    open: bool = True           # still paging
    whole: bool = True          # nothing it found was left unread
    reported: bool = False      # its first answer came in (the source's result)
    waiting: set[str] = field(default_factory=set)   # threads it found that are still being read


@dataclass(eq=False)
class ThreadJob:
    hit: Hit


@dataclass(eq=False)
class SourceRun:
    source: Source
    platform: Platform
    target: Target
    max_threads: int
    marks: dict[str, str]
    started_at: datetime
    reading: dict[str, set[SearchJob]] = field(default_factory=dict)   # thread -> the searches waiting for it
    done: set[str] = field(default_factory=set)                         # threads read (or failed) this crawl
    hits: dict[str, set[str]] = field(default_factory=dict)             # thread -> its reply hits (no mark)
    threads: int = 0
    stopped: str = ""           # why no further call is made for it in this crawl
    note: str | None = None


class PlatformCrawl:
    """The platform-source half of the spider. Uses the spider's ``_count``, ``_cap``, ``_admit``,
    ``_source_result``, ``starts_left``, ``context`` and ``crawler``."""

    platform_runs: dict[str, SourceRun]

    def platform_starts(self, source: Source) -> Iterator[Any]:
        ctx = self.context  # type: ignore[attr-defined]
        platform = PLATFORMS.get(str(source.kind))
        try:
            if platform is None:
                raise NotThisPlatform(f"kind = {source.kind!r} is not supported by this version of threadscout")
            target = platform.target(source.url)
        except NotThisPlatform as exc:
            if source.refresh_of is None:
                self.starts_left[source.url] = 1  # type: ignore[attr-defined]
                self._source_result(source.url, status=None, error=str(exc),  # type: ignore[attr-defined]
                                    error_kind="hard", kind=source.kind)
            return
        marks = ctx.store.fetch_marks(f"{target.api}/#threadscout:{platform.kind}:")
        marks.update(ctx.store.fetch_marks(cursor_key(source.url, "")))
        run = SourceRun(source=source, platform=platform, target=target, marks=marks, started_at=utcnow(),
                        max_threads=source.max_threads or 500)
        self.platform_runs[source.url if source.refresh_of is None else f"{source.url}#{source.refresh_of}"] = run
        if source.refresh_of is not None:        # the scheduler's re-read of one active conversation
            hit = Hit(thread=str(source.thread), hit=str(source.thread), created=None)
            run.threads += 1
            run.reading[hit.thread] = set()
            yield from self._drive(run, ThreadJob(hit), platform.thread(target, hit), None)
            return
        keywords = ctx.cfg.mission.keywords
        self.starts_left[source.url] = len(keywords)  # type: ignore[attr-defined]
        backfill = source.backfill or timedelta(days=30)
        for keyword in keywords:
            since = None
            if not source.fresh:
                since = utc(marks.get(cursor_key(source.url, keyword)))
            since = since - OVERLAP if since is not None else run.started_at - backfill
            job = SearchJob(keyword=keyword, since=since)
            yield from self._drive(run, job, platform.search(target, keyword, since), None)

    # -- the generators, driven ------------------------------------------------------------------------------
    def _drive(self, run: SourceRun, job: SearchJob | ThreadJob, gen: Any, answer: Answer | None) -> Iterator[Any]:
        """Run ``gen`` on ``answer`` up to its next call (a request) or its end."""
        while True:
            try:
                out = gen.send(answer)
            except StopIteration as stop:
                yield from self._finished(run, job, stop.value)
                return
            except PlatformError as exc:
                yield from self._failed(run, job, str(exc), "hard" if isinstance(job, SearchJob) and not job.reported
                                        else "soft", expected=True)
                return
            except Exception as exc:  # noqa: BLE001 - a platform module's bug or an answer it did not foresee
                logger.exception("%s: reading %s failed", run.source.url, answer.url if answer else "a search")
                yield from self._failed(run, job, f"could not read the answer ({type(exc).__name__})", "soft")
                return
            if answer is not None and isinstance(job, SearchJob):
                self._search_answered(run, job, answer.status)
            answer = None
            if isinstance(out, Call):
                request = self._call(run, job, gen, out)
                if request is None:
                    gen.close()
                    yield from self._failed(run, job, run.stopped or "the crawl was stopped", "temporary")
                else:
                    yield request
                return
            if isinstance(out, list) and isinstance(job, SearchJob):
                yield from self._hits(run, job, out)
            elif isinstance(out, Note) and out.capped:
                self._cap(run.source.url, _one_line(out.text))  # type: ignore[attr-defined]
            elif isinstance(out, Note):
                self._note(run, out.text)

    def _search_answered(self, run: SourceRun, job: SearchJob, status: int) -> None:
        """A search's first answer is the source's result for this crawl (its error, if any, is said by
        ``_failed``)."""
        if not job.reported:
            job.reported = True
            self._source_result(run.source.url, status=status, kind=run.source.kind)  # type: ignore[attr-defined]

    def _call(self, run: SourceRun, job: SearchJob | ThreadJob, gen: Any, call: Call) -> Request | None:
        if run.stopped or self.context.stopping:  # type: ignore[attr-defined]
            return None
        self._count(f"platform_{call.what}_calls")  # type: ignore[attr-defined]
        same_host = site_of(call.url) == site_of(run.target.api) and call.url.startswith(run.target.api)
        headers = {"Accept": "application/json, application/atom+xml;q=0.9, */*;q=0.5", **dict(call.headers)}
        meta = {"source": run.source.url, "ts_depth": 0, "platform": run.platform.kind, "conditional": False,
                "handle_httpstatus_all": True, "autothrottle_dont_adjust_delay": True,
                # a configured source may be on a private address (an intranet, the tests' 127.0.0.1); a call
                # elsewhere (none is made today) would not be
                PRIVATE_OK: same_host,
                "dont_obey_robotstxt": not getattr(run.platform, "obeys_robots", False)}
        return Request(call.url, headers=headers, callback=self._platform_answer, errback=self._platform_failure,
                       cb_kwargs={"run": run, "job": job, "gen": gen}, meta=meta, dont_filter=True,
                       priority=5 if isinstance(job, ThreadJob) else 10)

    def _platform_answer(self, response: Response, run: SourceRun, job: SearchJob | ThreadJob, gen: Any
                         ) -> Iterator[Any]:
        self.crawler.stats.inc_value("threadscout/responses")  # type: ignore[attr-defined]
        answer = answer_of(response)
        headers = answer.headers
        if response.status >= 400 and isinstance(job, SearchJob) and getattr(run.platform, "no_hits",
                                                                            lambda _: False)(answer):
            gen.close()                          # "nothing found", said as an error: the search ends here
            self._search_answered(run, job, 200)
            yield from self._finished(run, job, None)
            return
        if response.status >= 400:
            gen.close()
            problem = _one_line(run.platform.problem(answer))
            words = f"HTTP {response.status}" + (f" ({problem})" if problem else "")
            if response.status in (429, 503):
                wait = retry_after_seconds(headers.get("retry-after"))
                run.stopped = f"{site_of(run.target.api)} answered {words}: the rest waits for the next crawl"
                self._cap(run.source.url, run.stopped)  # type: ignore[attr-defined]
                yield from self._failed(run, job, words, "temporary", retry_after=wait)
            else:
                yield from self._failed(run, job, words, kind_of_status(response.status))
            return
        yield from self._drive(run, job, gen, answer)

    def _platform_failure(self, failure: Failure) -> Iterator[Any]:
        request = failure.request  # type: ignore[attr-defined]
        run, job, gen = (request.cb_kwargs[k] for k in ("run", "job", "gen"))
        gen.close()
        stopping = self.context.stopping  # type: ignore[attr-defined]
        refused = refusal(self.policy, request, failure)  # type: ignore[attr-defined]
        if refused:
            problem, kind = refused, "hard"
        elif stopping:
            problem, kind = "the crawl was stopped", "temporary"
        else:
            problem, kind = classify(failure.value)
            if failure.check(IgnoreRequest) and str(failure.value).startswith("gave up on "):
                run.stopped = str(failure.value)
                self._cap(run.source.url, run.stopped)  # type: ignore[attr-defined]
        if not stopping:
            self._count("errors")  # type: ignore[attr-defined]
            self.crawler.signals.send_catch_log(our_signals.page_failed)  # type: ignore[attr-defined]
            logger.warning("failed %s: %s", request.url, problem)
        yield from self._failed(run, job, problem, kind)

    # -- outcomes --------------------------------------------------------------------------------------------
    def _hits(self, run: SourceRun, job: SearchJob, hits: list[Hit]) -> Iterator[Any]:
        for hit in hits:
            if hit.created is not None and (job.newest is None or hit.created > job.newest):
                job.newest = hit.created
            if hit.mark is None:
                run.hits.setdefault(hit.thread, set()).add(hit.hit)
            if hit.thread in run.reading:           # found by another keyword (or page) already: read once
                run.reading[hit.thread].add(job)
                job.waiting.add(hit.thread)
                continue
            if hit.thread in run.done:
                continue
            if self._unchanged(run, hit):
                self._count("platform_threads_unchanged")  # type: ignore[attr-defined]
                continue
            if run.threads >= run.max_threads:
                job.whole = False
                self._count("platform_threads_over_budget")  # type: ignore[attr-defined]
                self._cap(run.source.url, f"stopped at {run.max_threads} threads (max_threads): "  # type: ignore[attr-defined]
                          "the rest are read by the next crawls")
                continue
            run.threads += 1
            run.reading[hit.thread] = {job}
            job.waiting.add(hit.thread)
            yield from self._drive(run, ThreadJob(hit), run.platform.thread(run.target, hit), None)

    def _unchanged(self, run: SourceRun, hit: Hit) -> bool:
        if run.source.fresh:
            return False
        if hit.mark is not None:
            return run.marks.get(thread_key(run.target, run.platform, hit.thread)) == hit.mark
        return run.marks.get(hit_key(run.target, run.platform, hit.hit)) == SEEN

    def _finished(self, run: SourceRun, job: SearchJob | ThreadJob, value: Any) -> Iterator[Any]:
        if isinstance(job, SearchJob):
            job.open = False
            self._settle(run, job)
            return
        thread_id = job.hit.thread
        if isinstance(value, Thread):
            conversation = value.conversation
            root = value.root or thread_id
            conversation.source_url = run.source.url
            conversation.platform_thread = (run.platform.kind, root)
            conversation.url = canonical_url(conversation.url)
            if len(conversation.replies) > MAX_REPLIES:
                self._cap(run.source.url, f"a thread of {len(conversation.replies):,} replies: "  # type: ignore[attr-defined]
                          f"its first {MAX_REPLIES:,} kept")
            if value.mark is not None:
                conversation.fetched = (thread_key(run.target, run.platform, root), value.mark, None)
            if self._admit(run.source.url, [conversation]):  # type: ignore[attr-defined]
                self._count("platform_threads_read")  # type: ignore[attr-defined]
                yield conversation
                for hit in sorted(run.hits.get(thread_id, ())):   # after it, in the same batch
                    self._record(hit_key(run.target, run.platform, hit), SEEN)
                if root != thread_id:            # its root, found by a reply: not read again in this crawl
                    run.done.add(root)
                    if value.mark is not None:
                        self._record(thread_key(run.target, run.platform, thread_id), value.mark)
            else:
                self._release(run, thread_id, whole=False)
                return
        self._release(run, thread_id, whole=True)

    def _failed(self, run: SourceRun, job: SearchJob | ThreadJob, problem: str, kind: str, *,
                expected: bool = False, retry_after: float | None = None) -> Iterator[Any]:
        if isinstance(job, SearchJob):
            job.open, job.whole = False, False
            if not job.reported:
                job.reported = True
                if expected:
                    problem = f"this does not look like {run.platform.expects}: {problem}"
                self._source_result(run.source.url, status=None, error=problem,  # type: ignore[attr-defined]
                                    error_kind=kind, kind=run.source.kind, retry_after=retry_after)
            else:
                logger.warning("%s: the search for %r stopped: %s", run.source.url, job.keyword, problem)
            self._settle(run, job)
        else:
            logger.warning("%s: thread %s not read: %s", run.source.url, job.hit.thread, problem)
            if run.source.refresh_of is not None:
                self._count("platform_refresh_failed")  # type: ignore[attr-defined]
            self._release(run, job.hit.thread, whole=False)
        return iter(())

    def _release(self, run: SourceRun, thread: str, *, whole: bool) -> None:
        run.done.add(thread)
        for job in run.reading.pop(thread, set()):
            job.waiting.discard(thread)
            job.whole &= whole
            self._settle(run, job)

    def _settle(self, run: SourceRun, job: SearchJob) -> None:
        """A search paged to its end, every thread it found read: the next crawl starts where it stopped."""
        if job.open or job.waiting or not job.whole:
            return
        job.whole = False                         # settled once
        if job.newest is not None:                # the platform's own clock: the newest hit it showed
            self._record(cursor_key(run.source.url, job.keyword), job.newest.isoformat())

    def _record(self, key: str, value: str) -> None:
        self.crawler.signals.send_catch_log(our_signals.fetch_processed,  # type: ignore[attr-defined]
                                            url=key, etag=value, last_modified=None)

    def _note(self, run: SourceRun, text: str) -> None:
        if text != run.note:
            run.note = text
            self.crawler.signals.send_catch_log(our_signals.source_note,  # type: ignore[attr-defined]
                                                source=run.source.url, note=text)
def _one_line(text: str | None) -> str:
    return " ".join(text.split())[:200] if text else ""


def is_platform(kind: str | None) -> bool:
    return kind in PLATFORM_KINDS


def conversation_of(item: Any) -> ConversationItem | None:
    return item if isinstance(item, ConversationItem) else None
