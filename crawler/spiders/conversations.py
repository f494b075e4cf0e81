"""The spider: starts at each source, reads feeds and pages, follows what leads to conversations.

It selects, follows and yields: storage is the pipelines' job, and what it learns about sources and fetches it
reports by signal to the store extension (``crawler.extensions``), which gives it the configuration and the
sources to start from. Every request carries the source it came from, so each site source keeps its own depth
limit and page budget.
"""

from __future__ import annotations

import functools
import hashlib
import queue
import re
import threading
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote_plus, urljoin

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import CloseSpider, IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred
from twisted.python.failure import Failure

from threadscout.crawler import signals as our_signals
from threadscout.crawler.addresses import PRIVATE_OK, AddressPolicy, refusal
from threadscout.crawler.extensions import CrawlContext, crawl_context
from threadscout.crawler.extract.registry import FEED_PATHS, THREAD_PLATFORMS
from threadscout.crawler.feeds import FeedRefused, looks_like_feed, parse_feed
from threadscout.crawler.health import classify, kind_of_status
from threadscout.crawler.platforms.crawl import PlatformCrawl, is_platform
from threadscout.crawler.politeness import OUR_STALL, retry_after_seconds
from threadscout.crawler.signals import page_failed
from threadscout.crawler.urls import canonical_url, is_fetchable, same_site

_SKIP_EXTENSIONS = re.compile(
    r"\.(?:jpe?g|png|gif|webp|svg|ico|bmp|tiff?|pdf|zip|gz|tgz|bz2|xz|7z|rar|exe|dmg|msi|iso|apk|mp[34]|m4a|ogg|"
    r"wav|flac|avi|mov|mkv|webm|wmv|docx?|xlsx?|pptx?|odt|css|js|json|woff2?|ttf|eot)$", re.IGNORECASE)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_FEEDS = 2          # feeds followed from one listing page (a blog's posts and comments feeds, say)


@dataclass
class Budget:
    depth: int
    max_pages: int
    used: int = 0
    allow: tuple[re.Pattern[str], ...] = ()
    deny: tuple[re.Pattern[str], ...] = ()

    def permits(self, url: str) -> bool:
        """The source's allow / deny patterns (searched anywhere in the URL)."""
        if any(p.search(url) for p in self.deny):
            return False
        return not self.allow or any(p.search(url) for p in self.allow)


class ConversationSpider(PlatformCrawl, Spider):
    name = "threadscout"
    handle_httpstatus_list = [304]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.budgets: dict[str, Budget] = {}
        self.forums: set[str] = set()      # sources configured as forums: their listings are forum listings
        self.probed: set[str] = set()      # sources whose engine's feed paths were asked for already
        self.requested: set[str] = set()
        self.outcomes: Counter[str] = Counter()
        self.context: CrawlContext | None = None
        self.starts_left: dict[str, int] = {}                 # source -> start responses still to come
        self.listing_marks: dict[str, tuple[str, str | None]] = {}   # listed URL -> (row mark, last page read)
        self.start_outcomes: dict[str, list[dict[str, Any]]] = {}
        self.policy: AddressPolicy | None = None
        self.admitted: dict[str, set[str]] = {}     # source -> the conversations it brought in this crawl
        self.capped: dict[str, str] = {}            # source -> what a limit left out, in words
        self.parser: ParsingThread | None = None    # where heavy pages and feeds are parsed (see _parsed)
        self.platform_runs = {}                     # platform sources (crawler.platforms.crawl)

    # -- starting ---------------------------------------------------------------------------------------------
    async def start(self) -> AsyncIterator[Request]:
        self.context = ctx = crawl_context(self.crawler)
        if ctx is not None:
            self.listing_marks = ctx.store.listing_marks()
            self.probed = {row.url for row in ctx.store.sources() if row.feeds_probed_at is not None}
        self.policy = self.crawler.settings.get("THREADSCOUT_ADDRESS_POLICY")
        if ctx is None:
            raise CloseSpider("no threadscout configuration: set THREADSCOUT_CONFIG to your threadscout.toml")
        crawl = ctx.cfg.crawl
        self.max_feed_size = crawl.max_feed_size
        self.max_items, self.max_conversations = crawl.max_items_per_feed, crawl.max_conversations
        for source in ctx.sources:
            if is_platform(source.kind):        # searched through the platform's API, not crawled
                for out in self.platform_starts(source):
                    yield out
                continue
            if source.refresh_of is not None:   # a conversation re-read on its own: its comment feed, or its
                # last page and the pages after it; nothing else
                self.budgets[source.url] = Budget(depth=0, max_pages=source.max_pages or crawl.max_pages)
                self.requested.add(canonical_url(source.url))
                if source.kind == "feed":
                    yield self._request(source.url, self.parse_feed, source.url, depth=0, priority=5,
                                        meta={"comments_of": source.refresh_of, PRIVATE_OK: True,
                                              "download_maxsize": crawl.max_feed_size})
                else:
                    yield self._request(source.url, self.parse_page, source.url, depth=0, priority=5,
                                        meta={PRIVATE_OK: True, "follow_links": False})
                continue
            if source.kind == "forum":
                self.forums.add(source.url)
            depth = crawl.depth if source.depth is None else source.depth
            self.budgets[source.url] = Budget(depth=depth, max_pages=source.max_pages or crawl.max_pages,
                                              allow=tuple(re.compile(p) for p in source.allow),
                                              deny=tuple(re.compile(p) for p in source.deny))
            urls = [source.url] if source.kind != "query" else [
                source.url.replace("{q}", quote_plus(k)) for k in ctx.cfg.mission.keywords]
            self.starts_left[source.url] = len(urls)
            for url in urls:
                self.requested.add(canonical_url(url))
                # a configured source may be on a private address (an intranet, the tests' 127.0.0.1)
                yield self._request(url, self.parse_source, source.url, depth=0, priority=10,
                                    meta={"kind": source.kind, "is_start": True, PRIVATE_OK: True,
                                          **({"conditional": False} if source.fresh else {})})

    def _request(self, url: str, callback: Any, source: str, *, depth: int, priority: int = 0,
                 meta: dict[str, Any] | None = None) -> Request:
        return Request(url, callback=callback, errback=self.failed, priority=priority, dont_filter=True,
                       meta={"source": source, "ts_depth": depth, **(meta or {})})

    def _follow(self, url: str, callback: Any, response: Response, *, depth: int,
                meta: dict[str, Any] | None = None, budgeted: bool = True) -> Request | None:
        """A request for ``url`` unless it was requested already, is not http(s), the budget is spent, or the
        crawl is stopping."""
        if not is_fetchable(url) or (self.context is not None and self.context.stopping):
            return None
        key = canonical_url(url)
        if key in self.requested:
            return None
        budget = self.budgets.get(response.meta["source"])
        if budget is not None and not budget.permits(url):
            self.crawler.stats.inc_value("threadscout/denied_by_pattern")  # type: ignore[union-attr]
            return None
        if budgeted and budget is not None:
            if budget.used >= budget.max_pages:
                self.crawler.stats.inc_value("threadscout/budget_stopped")  # type: ignore[union-attr]
                return None
            budget.used += 1
        self.requested.add(key)
        # links from a page served from a private address may lead to private addresses; from a public one (or one
        # whose address is not known), never
        address = getattr(response, "ip_address", None)
        private_ok = self.policy is not None and address is not None and not self.policy.is_public(address)
        return self._request(url, callback, response.meta["source"], depth=depth,
                             meta={**(meta or {}), PRIVATE_OK: private_ok})

    # -- callbacks --------------------------------------------------------------------------------------------
    async def parse_source(self, response: Response) -> AsyncIterator[Any]:
        """The first response of a source: decide whether it is a feed or a page."""
        source = response.meta["source"]
        kind = response.meta.get("kind")
        if response.status == 304:
            self._count("not_modified")
            self._source_result(source, status=304)
            return
        ctype = response.headers.get(b"Content-Type", b"").decode("latin-1")
        if kind is None:
            kind = "feed" if looks_like_feed(response.body, ctype) else "site"
        if kind in ("feed", "query"):
            async for out in self.parse_feed(response, detected=kind):
                yield out
        else:
            self._source_result(source, status=response.status, kind=kind)
            async for out in self.parse_page(response):
                yield out

    async def parse_feed(self, response: Response, detected: str = "feed") -> AsyncIterator[Any]:
        source = response.meta["source"]
        is_start = response.meta.get("is_start", False)
        if response.status == 304:
            self._count("not_modified")
            return
        self._count("feeds")
        ctype = response.headers.get(b"Content-Type", b"").decode("latin-1")
        try:
            if len(response.body) > self.max_feed_size:
                raise FeedRefused(f"the feed is larger than max_feed_size ({self.max_feed_size} bytes)")
            feed = await self._parsed(len(response.body) > HEAVY, parse_feed, response.body, response.url, ctype,
                                      comments_of=response.meta.get("comments_of"), source_url=source)
        except FeedRefused as exc:
            self._count("errors")
            self.logger.warning("feed refused at %s: %s", response.url, exc)
            if is_start:
                self._source_result(source, status=response.status, error=f"feed refused: {exc}",
                                    error_kind="hard" if "entities" in str(exc) else "soft", kind=detected)
            return
        if feed.warning:
            self.logger.info("feed %s is not well-formed, entries recovered: %s", response.url, feed.warning)
        if is_start:
            self._source_result(source, status=response.status, kind=detected, etag=_header(response, b"ETag"),
                                last_modified=_header(response, b"Last-Modified"))
        comments_of = response.meta.get("comments_of")
        if not comments_of:
            total = len(feed.items)
            if feed.keep_newest(self.max_items):
                self._cap(source, f"a feed had {total} items: kept the newest {self.max_items} (max_items_per_feed)")
        feed.keep(self._admit(source, feed.newest_first()))
        for item in feed.items if comments_of else ():
            item.fetched = self._validators(response)  # a comment feed is remembered once its item is saved
            item.comments_feed = item.fetched[0]      # where `threadscout run` re-reads the conversation
        for item in feed.items:
            yield item
        if comments_of:
            return
        for conv_url, comments in feed.comment_feeds.items():
            req = self._follow(comments, self.parse_feed, response, depth=1,
                               meta={"comments_of": conv_url, "download_maxsize": self.max_feed_size})
            if req:
                yield req
        for page in feed.pages:
            req = self._follow(page, self.parse_page, response, depth=1,
                               meta={"follow_links": False})
            if req:
                yield req
        self._remember(response)

    async def parse_page(self, response: Response) -> AsyncIterator[Any]:
        if response.status == 304:
            self._count("not_modified")
            return
        ctype = response.headers.get(b"Content-Type", b"text/html").decode("latin-1").lower()
        if not isinstance(response, TextResponse) or not any(t in ctype for t in _HTML_TYPES):
            self._count("skipped_not_html")
            return
        self._count("pages")
        source = response.meta["source"]
        budget = self.budgets.get(source)
        want_links = (response.meta.get("follow_links") is not False and budget is not None
                      and response.meta["ts_depth"] + 1 <= budget.depth)
        # a heavy page is read in a thread: a page of 350,000 links must not stall the other sites' downloads
        text = response.text
        read = await self._parsed(len(text) > HEAVY or text.count("<a", 0, 2_000_000) > HEAVY_LINKS, read_page,
                                  text, response.url, source, forum=source in self.forums, want_links=want_links)
        page = read.page
        if read.cut_short:
            self._count("links_cut_short")
            self.logger.info("%s: only its first %d links were read (%s)", response.url, len(read.links),
                             read.cut_short)
        if page.conversation is not None:
            page.conversation.source_url = source
            if page.next_page is None:
                # remembered for conditional GET only when it is a thread's last (or only) page: an earlier page
                # must be read again, or the pages after it, where new replies arrive, would never be reached
                page.conversation.fetched = self._validators(response)
            if response.meta.get("listing_mark"):
                # the page to start from next time (the furthest read, even when the page budget ran out), and,
                # once read to its end, the listing row's mark
                page.conversation.listing = (response.meta["listed_as"],
                                             response.meta["listing_mark"] if page.next_page is None else "",
                                             canonical_url(response.url), page.page)
            if self._admit(source, [page.conversation]):
                yield page.conversation
        if response.meta.get("is_start") and page.platform in FEED_PATHS:
            for req in self._probe_feeds(response, FEED_PATHS[page.platform], page.feeds):
                yield req
        if (page.conversation is not None and page.page > 1 and not response.meta.get("listed_as")
                and page.conversation.url != canonical_url(response.url)):
            # entered at a later page (a link to page 3, a start URL): the first page and those after it are read
            # too; a refresh sent here by a listing row knows the thread and reads on from here only
            follow = {k: response.meta[k] for k in ("follow_links",) if k in response.meta}
            req = self._follow(page.conversation.url, self.parse_page, response, depth=response.meta["ts_depth"],
                               meta=follow)
            if req:
                self._count("thread_pages_followed")
                yield req
        if page.next_page is not None:          # the thread goes on: its next page is no extra hop of depth
            follow = {k: response.meta[k] for k in ("follow_links", "listed_as", "listing_mark") if k in response.meta}
            req = self._follow(page.next_page, self.parse_page, response, depth=response.meta["ts_depth"],
                               meta=follow)
            if req:
                self._count("thread_pages_followed")
                yield req
        if (page.conversation is None and page.feeds and response.meta.get("follow_links") is not False
                and page.platform not in THREAD_PLATFORMS):   # a forum's feeds list posts, not threads
            # a listing (a blog's home, a board) that names its feeds: they bring each post's comment feed too
            self.crawler.signals.send_catch_log(our_signals.feeds_found,  # type: ignore[union-attr]
                                                source=source, feeds=page.feeds[:MAX_FEEDS])
            for feed in page.feeds[:MAX_FEEDS]:
                req = self._follow(feed, self.parse_feed, response, depth=response.meta["ts_depth"] + 1,
                                   meta={"download_maxsize": self.max_feed_size})
                if req:
                    self._count("feeds_discovered")
                    yield req
        # listing pages are never remembered: they must be read again to find what is new below them
        for req in self._links(response, read.links):
            yield req

    async def _parsed(self, heavy: bool, work: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``work(*args, **kwargs)``: here when it is light (most pages: handing it to a thread costs more than it
        takes), in the crawl's parsing thread when ``heavy``, while the reactor goes on downloading."""
        if not heavy:
            return work(*args, **kwargs)
        if self.parser is None:
            self.parser = ParsingThread()
        return await maybe_deferred_to_future(self.parser.run(functools.partial(work, *args, **kwargs)))

    def _probe_feeds(self, response: Response, paths: tuple[str, ...], named: list[str]) -> Iterator[Request]:
        """Once per source: ask for the well-known feed paths of the engine its first page shows (robots.txt and
        every limit apply); the feeds found are remembered for the source (``threadscout sources --json``)."""
        source = response.meta["source"]
        if source in self.probed:
            return
        self.probed.add(source)
        self.crawler.signals.send_catch_log(our_signals.feeds_probed, source=source)  # type: ignore[union-attr]
        known = {canonical_url(u) for u in named}
        for path in paths:
            url = urljoin(source, path)
            if canonical_url(url) in known:
                continue
            req = self._follow(url, self.parse_probe, response, depth=response.meta["ts_depth"] + 1,
                               meta={"download_maxsize": self.max_feed_size, "handle_httpstatus_all": True},
                               budgeted=False)
            if req:
                self._count("feeds_probed")
                yield req

    def parse_probe(self, response: Response) -> Iterator[Any]:
        """A well-known feed path answered (a 404 is no failure here): a feed there is remembered."""
        ctype = response.headers.get(b"Content-Type", b"").decode("latin-1")
        if response.status != 200 or not looks_like_feed(response.body, ctype):
            return
        self.crawler.signals.send_catch_log(our_signals.feeds_found,  # type: ignore[union-attr]
                                            source=response.meta["source"], feeds=[response.url])
        self._count("feeds_found_by_probe")

    def _links(self, response: Response, links: list[PageLink]) -> Iterator[Request]:
        """Requests for the same-site links ``read_page`` found on a site source's page, within its depth.

        On a listing (a board, a blog's home), a link whose row shows the same activity as when its conversation
        was last read completely (reply counts, last-post dates: see ``listing_row``) is not followed; when the row
        changed, the conversation's last page is asked for rather than its first."""
        depth = response.meta["ts_depth"] + 1
        rows: dict[int, str] = {}      # listing row -> "skip", "followed", or the last page to start from
        for link in links:
            url = link.url
            meta: dict[str, Any] = {}
            if link.mark is not None and link.row is not None:
                decision = rows.get(link.row)
                if decision is None:         # the row's links together: unchanged when any of them is
                    known = next((self.listing_marks[u] for u in link.row_links if u in self.listing_marks), None)
                    decision = rows[link.row] = ("skip" if known is not None and known[0] == link.mark
                                                 else known[1] if known is not None and known[1] else "")
                if decision == "skip":
                    self._count("unchanged_by_listing")      # the listing shows nothing new there
                    continue
                meta = {"listed_as": canonical_url(url), "listing_mark": link.mark}
                if decision and canonical_url(decision) not in self.requested:
                    meta["resume_of"] = url                # the row's own link, should that page be gone
                    url, rows[link.row] = decision, "followed"  # new activity: from the last page read
                elif decision == "followed":
                    continue                               # the row's thread is being read already
            req = self._follow(url, self.parse_page, response, depth=depth, meta=meta)
            if req:
                yield req

    def failed(self, failure: Failure) -> list[Request]:
        """Per-request failures are counted and logged, never fatal to the crawl. A thread's last page read
        before that is gone now (posts deleted, the thread shortened): its first page is asked for instead."""
        request = failure.request  # type: ignore[attr-defined]
        stopping = self.context is not None and self.context.stopping
        refused = refusal(self.policy, request, failure)
        robots = bool(failure.check(IgnoreRequest)) and "robots.txt" in str(failure.value)
        if robots:
            self._count("robots_forbidden")
            status, problem, kind = None, "forbidden by robots.txt", "hard"
        elif refused:
            self._count("refused_private")
            self._count("errors")
            status, problem, kind = None, refused, "hard"
        elif stopping:
            self._count("cancelled")
            return []
        elif request.meta.get(OUR_STALL):       # it timed out while the crawl held the reactor: not the site
            self._count("lost_to_our_stall")
            self.logger.warning("gave up on %s: it timed out while the crawl itself was stalled", request.url)
            if not request.meta.get("is_start"):
                return []
            # the source's first answer: said as what it is, so that the source is tried again soon
            status, problem, kind = None, "timed out while this computer was too busy (not the site's fault)", \
                "temporary"
        elif failure.check(HttpError):
            status = failure.value.response.status
            self._count("responses")
            if status in (404, 410) and request.meta.get("resume_of"):
                again = self._follow(request.meta["resume_of"], self.parse_page, failure.value.response,
                                     depth=request.meta["ts_depth"],
                                     meta={k: request.meta[k] for k in ("listed_as", "listing_mark")})
                if again is not None:
                    self.logger.info("%s is gone: reading its thread from %s", request.url, again.url)
                    return [again]
            problem, kind = f"HTTP {status}", kind_of_status(status)
            self._count("errors")
            if status in (404, 410):            # a conversation we know may have been deleted: keep it, say so
                self.crawler.signals.send_catch_log(our_signals.page_gone,  # type: ignore[union-attr]
                                                    url=canonical_url(request.url), status=status)
        else:
            status = None
            problem, kind = classify(failure.value)
            self._count("errors")
            if failure.check(IgnoreRequest) and str(failure.value).startswith("gave up on "):
                self._cap(request.meta["source"], str(failure.value))   # what it left unread: said in sources
        if not robots:                          # a page robots.txt keeps us from is no failed page
            self.crawler.signals.send_catch_log(page_failed)  # type: ignore[union-attr]
            self.logger.warning("failed %s: %s", request.url, problem)
        if request.meta.get("is_start"):
            wait = None
            if status in (429, 503):
                wait = retry_after_seconds(_header(failure.value.response, b"Retry-After"))
            self._source_result(request.meta["source"], status=status, error=problem, error_kind=kind,
                                retry_after=wait)
        return []

    # -- helpers ----------------------------------------------------------------------------------------------
    def _admit(self, source: str, items: list[Any]) -> list[Any]:
        """The items within the source's conversation budget for this crawl (``max_conversations``): a
        conversation it brought already (a thread's next page, its comment feed) always is."""
        seen = self.admitted.setdefault(source, set())
        admitted = []
        for item in items:
            if item.url not in seen:
                if len(seen) >= self.max_conversations:
                    self._count("over_conversation_budget")
                    self._cap(source, f"stopped at {self.max_conversations} conversations (max_conversations)")
                    continue
                seen.add(item.url)
            admitted.append(item)
        return admitted

    def _cap(self, source: str, why: str) -> None:
        if source not in self.capped:
            self.logger.warning("source %s capped: %s", source, why)
        elif why not in self.capped[source]:
            why = f"{self.capped[source]}; {why}"
        self.capped[source] = why

    def _count(self, what: str) -> None:
        self.outcomes[what] += 1
        self.crawler.stats.inc_value(f"threadscout/{what}")  # type: ignore[union-attr]
        if what in ("feeds", "pages", "not_modified", "skipped_not_html"):
            self.crawler.stats.inc_value("threadscout/responses")  # type: ignore[union-attr]

    @staticmethod
    def _validators(response: Response) -> tuple[str, str | None, str | None]:
        url = response.request.url if response.request else response.url
        return url, _header(response, b"ETag"), _header(response, b"Last-Modified")

    def _remember(self, response: Response) -> None:
        """Keep the validators of a processed feed for the next conditional GET."""
        if response.status == 200:
            url, etag, last_modified = self._validators(response)
            self.crawler.signals.send_catch_log(our_signals.fetch_processed,  # type: ignore[union-attr]
                                                url=url, etag=etag, last_modified=last_modified)

    def _source_result(self, source: str, **outcome: Any) -> None:
        """One result per source and crawl: a query source asks once per keyword (see ``report_sources``)."""
        self.start_outcomes.setdefault(source, []).append(outcome)
        self.starts_left[source] = self.starts_left.get(source, 1) - 1
        if self.starts_left[source] <= 0:
            self._report(source)

    def report_sources(self) -> None:
        """Report the sources some of whose start answers came in before the crawl ended (a stop, say), and the
        sources a limit capped."""
        for source in list(self.start_outcomes):
            self._report(source)
        for source, why in list(self.capped.items()):   # after its result, which clears the last crawl's
            if source in self.starts_left:              # a configured or added source (no refresh)
                self.crawler.signals.send_catch_log(our_signals.source_capped,  # type: ignore[union-attr]
                                                    source=source, capped=why)
            del self.capped[source]

    def _report(self, source: str) -> None:
        outcomes = self.start_outcomes.pop(source, [])
        if not outcomes:
            return
        worked = [o for o in outcomes if o.get("error") is None]
        if worked:
            result = worked[0]           # a source works when any of its answers did
        else:                            # else the failure that asks us to wait longest speaks for it
            result = max(outcomes, key=lambda o: o.get("retry_after") or 0)
        self.crawler.signals.send_catch_log(our_signals.source_result, source=source,  # type: ignore[union-attr]
                                            **result)

    def closed(self, reason: str) -> None:
        self.report_sources()
        if self.parser is not None:
            self.parser.close()


MAX_PAGE_LINKS = 5000     # links read on one page (a site source's page budget follows far fewer) ...
LINK_SECONDS = 2.0        # ... and for this long at most
HEAVY = 512 * 1024        # characters (bytes of a feed) from which a page or feed is parsed in the parsing thread
HEAVY_LINKS = 2000        # links from which a page is, too


class ParsingThread:
    """One daemon thread that runs heavy parsing while the reactor goes on (Twisted's own thread pool also does
    the crawl's DNS lookups; a ThreadPoolExecutor's threads would hold the process's exit until a parse ends)."""

    def __init__(self) -> None:
        self.jobs: queue.SimpleQueue[tuple[Callable[[], Any], Deferred[Any]] | None] = queue.SimpleQueue()
        threading.Thread(target=self._work, name="threadscout-parse", daemon=True).start()

    def run(self, job: Callable[[], Any]) -> Deferred[Any]:
        done: Deferred[Any] = Deferred()
        self.jobs.put((job, done))
        return done

    def close(self) -> None:
        self.jobs.put(None)

    def _work(self) -> None:
        from twisted.internet import reactor

        while (task := self.jobs.get()) is not None:
            job, done = task
            try:
                result = job()
            except Exception as exc:  # noqa: BLE001 - handed to the callback that waits for it
                reactor.callFromThread(done.errback, Failure(exc))  # type: ignore[attr-defined]
            else:
                reactor.callFromThread(done.callback, result)  # type: ignore[attr-defined]


@dataclass
class PageLink:
    """A same-site link of a page, and the listing row it stands in (``row``: its number on the page), with
    the row's activity fingerprint (``mark``) and the canonical URLs of the row's links."""

    url: str
    row: int | None = None
    mark: str | None = None
    row_links: tuple[str, ...] = ()


@dataclass
class ReadPage:
    page: Any                  # crawler.extract.Page
    links: list[PageLink]
    cut_short: str = ""        # why not every link was read


def read_page(text: str, url: str, source: str, *, forum: bool, want_links: bool) -> ReadPage:
    """A page's conversation and, when ``want_links``, the links worth following from it (at most
    ``MAX_PAGE_LINKS``, found within ``LINK_SECONDS``). Pure: runs in the crawl's parsing thread."""
    from threadscout.crawler.extract import extract_page
    from threadscout.crawler.extract.text import parse_html

    page = extract_page(_first_links(text), url)
    if not want_links or (page.conversation is not None and page.platform in THREAD_PLATFORMS):
        return ReadPage(page, [])     # a forum thread: its pages are followed; its other links (profiles ...) not
    # refresh by listing: a forum's rows show reply counts and last posts (a forum engine's page, or any page of a
    # source configured as a forum); a blog's, when they show comment counts ("12 Comments")
    row_of: Callable[[Any], tuple[Any, str | None]] | None = None
    # a page read as a post by its text alone, with no replies, may be a blog's listing in a theme that names
    # nothing (rows of titles and "12 comments"): its rows decide below
    maybe_listing = (page.conversation is not None and page.platform == "generic" and not page.conversation.replies)
    if page.conversation is None or maybe_listing:
        row_of = listing_row if page.platform in THREAD_PLATFORMS or forum else comments_row
    doc = parse_html(text)
    if doc is None:
        return ReadPage(page, [])
    links: list[PageLink] = []
    # keyed by the row element itself: an id() alone could be reused by another row once lxml dropped the first
    rows: dict[Any, tuple[int, tuple[str, ...]]] = {}
    deadline = time.monotonic() + LINK_SECONDS
    for n, anchor in enumerate(doc.iter("a")):
        if len(links) >= MAX_PAGE_LINKS:
            return ReadPage(page, links, f"more than {MAX_PAGE_LINKS} links")
        if n % 200 == 0 and time.monotonic() > deadline:
            return ReadPage(page, links, f"links still unread after {LINK_SECONDS:.0f}s")
        href = anchor.get("href")
        if href is None:
            continue
        if "nofollow" in (anchor.get("rel") or "").lower().split():
            continue  # reply and comment-form links, tracking links: never a new conversation
        try:
            link_url = urljoin(url, href.strip())
        except ValueError:
            continue  # a malformed link ("http://[::1") is skipped, not fatal; _follow checks the rest
        if not same_site(link_url, source) or _SKIP_EXTENSIONS.search(link_url.split("?")[0]):
            continue
        link = PageLink(url=link_url.split("#")[0])
        if row_of is not None:
            row, mark = row_of(anchor)
            if mark is not None:
                if row not in rows:
                    rows[row] = (len(rows), _row_links(row, url))
                link.row, link.row_links = rows[row]
                link.mark = mark
        links.append(link)
    if maybe_listing:
        marked = {link.row for link in links if link.mark}
        counted = [row for row, (n, _) in rows.items() if n in marked]
        said = sum(len(" ".join((row.text_content() or "").split())) for row in counted)
        if len(counted) >= MIN_LISTING_ROWS and said * 2 >= len(" ".join(page.conversation.text.split())):
            page.conversation = None          # its text is rows of posts with their counts: a listing, not a post
        else:
            for link in links:
                link.row = link.mark = None
                link.row_links = ()
    return ReadPage(page, links)


def _first_links(text: str) -> str:
    """The page up to its ``MAX_PAGE_LINKS * 2``-th link: extraction's comment and row heuristics take time with
    the number of links, and a page of more is a link farm or a listing, not one conversation."""
    at = -1
    for _ in range(MAX_PAGE_LINKS * 2):
        at = text.find("<a", at + 1)
        if at < 0:
            return text
    return text[:at]


def _row_links(row: Any, base: str) -> tuple[str, ...]:
    """The canonical URLs of a listing row's links (not its #anchors and javascript: links)."""
    found = []
    for a in row.iter("a"):
        href = a.get("href", "").strip()
        if href and not href.startswith(("#", "javascript:")):
            try:
                found.append(canonical_url(urljoin(base, href)))
            except ValueError:
                continue
    return tuple(found)


_ROW_TAGS = frozenset({"li", "tr", "article"})
_ROW_CLASS = re.compile(r"(^|[-_])(row|item|topic|thread|discussion)$", re.IGNORECASE)
# class names of view counts and other numbers that are no activity ("read", not inside "thread")
_NOT_ACTIVITY = re.compile(r"view|hit|(^|[\s_-])reads?([\s_-]|$)|vote|like|rating|size", re.IGNORECASE)
_VIEWS_LABEL = re.compile(r"(?<![^\W\d_])(views?|hits|reads|vues|aufrufe|zugriffe|visite|visualizaciones)(?![^\W\d_])",
                          re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
_DATE_ATTRS = ("datetime", "data-time", "data-timestamp", "title")
MAX_ROW_LINKS = 25
MIN_LISTING_ROWS = 3     # rows with a comment count that make a page read as a post a listing instead
_DIGITS = re.compile(r"\d[\d,.\u00a0\u202f]*")
_COMMENTS_HINT = re.compile(r"comment|respond|(^|[-_ #])repl(y|ies)", re.IGNORECASE)
# a count next to the word for comments or replies (English and the languages of the missions we know)
_COUNT_WORD = (r"(?:comments?|repl(?:y|ies)|responses?|answers?|commentaires?|réponses?|kommentare?|antworten|"
               r"comentarios?|respuestas?|comment[io]|rispost[ae]|reacties?|comentários?|respostas?)")
_COUNT_SAID = re.compile(rf"(?<![\w.,])(\d[\d,.]{{0,9}})\s*{_COUNT_WORD}\b|\b{_COUNT_WORD}\s*[:(]\s*(\d[\d,.]{{0,9}})",
                         re.IGNORECASE)
_NONE_SAID = re.compile(rf"\b(?:no|keine?|aucune?|sin|nessun|geen|sem)\s+{_COUNT_WORD}\b|\bleave an? (?:comment|reply)\b",
                        re.IGNORECASE)


def _row_of(anchor: Any) -> Any | None:
    """The listing row (a list item, a table row, an article, a "row" or "topic" block) a link stands in: the
    outermost such element within a few levels that is still one row's size, so that a link in a small list
    inside the row (its pages, its started date) stands for the whole row."""
    row, el = None, anchor
    for _ in range(8):
        el = el.getparent()
        if el is None:
            break
        if el.tag in _ROW_TAGS or any(_ROW_CLASS.search(t) for t in (el.get("class") or "").split()):
            if row is not None and (sum(1 for _ in el.iter("a")) > MAX_ROW_LINKS or _holds_rows(el, row)):
                break        # a list of rows, not one
            row = el
    return row


def _holds_rows(el: Any, row: Any) -> bool:
    """``el`` holds another element like ``row`` beside it (a grid row of articles, a list of topics)."""
    same = (row.tag, row.get("class"))
    return any(other is not row and (other.tag, other.get("class")) == same and other.get("class")
               for other in el.iter(row.tag))


def _mark(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode("utf-8", "replace")).hexdigest()[:20]


def _labelled_views(el: Any) -> bool:
    """A small block that labels its number as views ("Views 1K": XenForo's dl, Invision's stats item)."""
    if el.tag not in ("dl", "li", "div", "span", "td", "p") or len(el) > 4:
        return False
    text = el.text_content() or ""
    return len(text) <= 40 and len(_DIGITS.findall(text)) == 1 and bool(_VIEWS_LABEL.search(text))


def listing_row(anchor: Any) -> tuple[Any, str | None]:
    """The listing row a link stands in, and a fingerprint of the activity it shows: its numbers and dates
    (reply counts, last posts) without the words of its links and without view counts, which every visit
    changes; the same for every link of the row.
    No fingerprint when the row shows no number at all: then nothing can be told from it."""
    row = _row_of(anchor)
    if row is None:
        return anchor, None
    parts: list[str] = []

    def walk(el: Any) -> None:
        # a link's words (a title, "last post", a name) say nothing of activity and differ from link to link;
        # its numbers (page numbers, counts) are kept, and so are dates in attributes; view counts are not
        wordy_link = el.tag == "a" and _LETTER.search(el.text_content() or "")
        # a views cell is small: a class naming views on a whole row ("topic_read": read by us) says nothing
        quiet = (_NOT_ACTIVITY.search(el.get("class") or "") and len(el.text_content() or "") <= 60) \
            or _labelled_views(el)
        if not (wordy_link or quiet):
            if el.text:
                parts.append(el.text)
            for child in el:
                if isinstance(child.tag, str):
                    walk(child)
                elif child.tail:
                    parts.append(child.tail)
        if wordy_link:       # a "last post" link's date: its own attributes or its <time>'s
            parts.extend(value for inner in el.iter() if isinstance(inner.tag, str) for attr in _DATE_ATTRS
                         if (value := inner.get(attr)) and _DIGIT.search(value))
        elif not quiet:
            parts.extend(value for attr in _DATE_ATTRS if (value := el.get(attr)) and _DIGIT.search(value))
        if el is not row and el.tail:
            parts.append(el.tail)

    walk(row)
    text = " ".join(parts)
    return (row, _mark(text)) if _DIGIT.search(text) else (row, None)


def comments_row(anchor: Any) -> tuple[Any, str | None]:
    """For a blog's listing: the row a post's link stands in, and a fingerprint of its comment count ("12
    Comments", "Leave a comment": the words of a link or label that names comments, or that points at the
    post's #comments). A row without one has no fingerprint: a post's date says nothing of new comments."""
    row = _row_of(anchor)
    if row is None:
        return anchor, None
    found = []
    for el in row.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style"):
            continue
        href = el.get("href") or ""
        hint = " ".join(v for v in (el.get("class"), el.get("id"), href[href.find("#"):] if "#" in href else "")
                        if v)
        if _COMMENTS_HINT.search(hint):
            text = (el.text_content() or "")[:300]
            count = _DIGITS.search(text)       # "12 Comments on <title>"; else "Leave a comment", "Comments Off"
            found.append(count.group(0) if count else " ".join(text.lower().split()[:3]))
        elif el.tag != "a" or not found:
            # plain text in the row, no class or link to tell it: "12 comments", "Comments (12)", "3 réponses"
            own = " ".join(t for t in (el.text, *(c.tail for c in el if isinstance(c.tag, str))) if t)
            if len(own) > 60:
                continue
            said = _COUNT_SAID.search(own)
            if said:
                found.append(re.sub(r"\D", "", said.group(1) or said.group(2)))
            elif _NONE_SAID.search(own):
                found.append("0")
    return (row, _mark("comments: " + " | ".join(found))) if found else (row, None)


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
