"""Politeness Scrapy does not apply by itself: robots.txt ``Crawl-delay``, ``Retry-After`` on 429/503, giving up
on a site that keeps timing out, and no new request once the user asked the crawl to stop.

A site's floor delay (the larger of its Crawl-delay and a Retry-After it sent) is kept per download slot and
re-applied before each request and after each response, so AutoThrottle never lowers the delay below it.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from time import monotonic
from typing import Any

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware as ScrapyRobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred
from twisted.python.failure import Failure

from threadscout.crawler.extensions import CrawlContext, crawl_context
from threadscout.indexer.models import duration_words

logger = logging.getLogger(__name__)

MAX_CRAWL_DELAY = 120.0        # seconds; a larger Crawl-delay is applied as this (and logged)
MAX_RETRY_AFTER = 300.0        # seconds; a site that asks us to wait longer is left for the next crawl
TIMEOUTS_BEFORE_GIVING_UP = 3  # consecutive timeouts from one site
TICK = 0.25                    # seconds between two looks at the reactor's clock ...
STALL = 1.0                    # ... and how late one may be before a timeout is taken for our stall, not the site's
OUR_STALL = "ts_our_stall"     # request meta: it timed out while the crawl itself held the reactor


def fail_queued(slot: Any, why: str) -> None:
    """Fail the requests waiting in a download slot's queue at once (they reach their errbacks as ignored)."""
    while slot.queue:
        _, waiting = slot.queue.popleft()
        waiting.errback(Failure(IgnoreRequest(why)))


_DELTA_SECONDS = re.compile(r"[0-9]+")
_FOREVER = 1e15       # seconds (31 million years): what a longer or unreadable-as-number wait is read as


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """``Retry-After`` as seconds: delta-seconds or an HTTP date; None when absent or unreadable. As the server
    said it (up to ``1e15``, so that it is always a finite number); the store clamps the wait it keeps to
    ``MAX_SERVER_WAIT`` (indexer/models.py)."""
    if not value:
        return None
    value = value.strip()
    if _DELTA_SECONDS.fullmatch(value):
        return float(value) if len(value) < 16 else _FOREVER
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return min(_FOREVER, max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds()))


class PolitenessMiddleware:
    def __init__(self, crawler: Crawler, context: CrawlContext) -> None:
        self.crawler, self.context = crawler, context
        self.floors: dict[str, float] = {}          # download slot (host) -> minimum delay between requests
        self.timeouts: dict[str, int] = {}          # host -> timeouts in a row
        self.given_up: dict[str, str] = {}          # host -> why
        self.holds: dict[str, tuple[float, float]] = {}   # slot -> (its delay before, until) for a platform's wait
        self.user_agent = crawler.settings.get("USER_AGENT") or ""
        self.ticked = monotonic()                   # the reactor's last tick (see _tick)
        self.stalls: list[float] = []               # when each stall of the reactor ended
        self.watch: Any = None
        crawler.signals.connect(self.robots_parsed, signal=signals.robots_parsed)
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PolitenessMiddleware:
        context = crawl_context(crawler)
        if context is None:
            raise NotConfigured("no threadscout store extension")
        return cls(crawler, context)

    # -- our own stalls ---------------------------------------------------------------------------------------
    # A page that takes seconds to parse on the reactor's thread (or a slow disk, a swapping machine) holds every
    # download: their timeouts are ours, not their sites'. The reactor's clock is looked at every TICK; a
    # timeout of a request that was under way while it was more than STALL late is retried, not counted.
    def spider_opened(self, spider: Spider | None = None) -> None:
        from twisted.internet import task

        self.ticked = monotonic()
        self.watch = task.LoopingCall(self._tick)
        self.watch.start(TICK, now=False)

    def spider_closed(self, spider: Spider | None = None) -> None:
        if self.watch is not None and self.watch.running:
            self.watch.stop()

    def _tick(self) -> None:
        now = monotonic()
        self.crawler.stats.max_value("threadscout/reactor_longest_lag_ms",  # type: ignore[union-attr]
                                     int(max(0.0, now - self.ticked - TICK) * 1000))
        if now - self.ticked > TICK + STALL:
            self.stalls = [*self.stalls[-99:], now]
            self.crawler.stats.inc_value("threadscout/reactor_stalls")  # type: ignore[union-attr]
        self.ticked = now

    def stalled_since(self, began: float) -> bool:
        """Was the reactor stalled (or is it now) since ``began``?"""
        now = monotonic()
        return now - self.ticked > TICK + STALL or any(end >= began for end in self.stalls)

    # -- robots.txt Crawl-delay ------------------------------------------------------------------------------
    def robots_parsed(self, robotparser: Any, request: Request) -> None:
        delay = robotparser.crawl_delay(self.user_agent)
        if delay is None:
            return
        delay = float(delay)
        if delay > MAX_CRAWL_DELAY:
            logger.warning("robots.txt of %s asks for a Crawl-delay of %.0fs; waiting %.0fs between requests",
                           urlparse_cached(request).hostname, delay, MAX_CRAWL_DELAY)
            delay = MAX_CRAWL_DELAY
        key = self._slot_key(request)
        self.floors[key] = max(self.floors.get(key, 0.0), delay)
        self._apply_floor(key)
        self.crawler.stats.inc_value("threadscout/crawl_delay_applied")  # type: ignore[union-attr]

    # -- downloader middleware hooks -------------------------------------------------------------------------
    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        if self.context.stopping:
            raise IgnoreRequest("the crawl was stopped")
        host = urlparse_cached(request).hostname or ""
        if host in self.given_up:
            raise IgnoreRequest(f"gave up on {host} for this crawl: {self.given_up[host]}")
        self._apply_floor(self._slot_key(request))
        request.meta.setdefault("ts_sent", monotonic())
        return None

    def process_response(self, request: Request, response: Response, spider: Spider | None = None
                         ) -> Request | Response:
        host = urlparse_cached(request).hostname or ""
        self.timeouts.pop(host, None)
        key = self._slot_key(request)
        self._restore(request, key)
        self._end_hold(key)
        if request.meta.get("platform"):
            response = self._platform_limits(request, response, key, host)
        if response.status in (429, 503):
            wait = retry_after_seconds(response.headers.get(b"Retry-After", b"").decode("latin-1"))
            if wait is not None:
                return self._retry_after(request, response, key, host, wait)
        self._apply_floor(key)
        return response

    def process_exception(self, request: Request, exception: Exception, spider: Spider | None = None
                          ) -> Request | None:
        self._restore(request, self._slot_key(request))
        name = type(exception).__name__
        if "Timeout" not in name:
            return None
        if self.stalled_since(request.meta.get("ts_sent", monotonic())):
            self.crawler.stats.inc_value("threadscout/timeouts_of_our_stall")  # type: ignore[union-attr]
            retry = get_retry_request(request, spider=self.crawler.spider,  # type: ignore[arg-type]
                                      reason="our_stall")
            if retry is not None:
                retry.meta.pop("ts_sent", None)
                logger.info("%s timed out while the crawl itself was stalled; asking again", request.url)
                return retry
            request.meta[OUR_STALL] = True        # never the site's fault (the spider does not record it)
            return None
        host = urlparse_cached(request).hostname or ""
        self.timeouts[host] = self.timeouts.get(host, 0) + 1
        if self.timeouts[host] >= TIMEOUTS_BEFORE_GIVING_UP and host not in self.given_up:
            self.given_up[host] = f"{self.timeouts[host]} timeouts in a row"
            logger.warning("giving up on %s for this crawl: %s", host, self.given_up[host])
            self.crawler.stats.inc_value("threadscout/sites_given_up")  # type: ignore[union-attr]
            self._drop_waiting(self._slot_key(request), self.given_up[host])
        return None

    # -- platform sources' rate limits ---------------------------------------------------------------------
    def _platform_limits(self, request: Request, response: Response, key: str, host: str) -> Response:
        """What a platform's answer says of its rate limit (``Platform.limited``): a refusal is a 429 here,
        whatever its status, with the platform's wait as its ``Retry-After``; a wait alone holds the next call.
        A 429 that says no wait is not asked again in this crawl (Scrapy would ask at once)."""
        from threadscout.crawler.platforms.limits import limit_of

        limit = limit_of(request, response)
        has_wait = bool(response.headers.get(b"Retry-After"))
        if limit is not None and limit.refused:
            if response.status != 429:
                response = response.replace(status=429)
            if not has_wait and limit.wait is not None:
                response.headers[b"Retry-After"] = str(max(1, round(limit.wait)))
                has_wait = True
        elif limit is not None and limit.wait:
            self.hold(request, limit.wait)
        if response.status in (429, 503) and not has_wait:
            request.meta["dont_retry"] = True
        return response

    def hold(self, request: Request, seconds: float) -> None:
        """The next request to this request's site waits ``seconds`` (a platform asked for it); a wait longer
        than ``MAX_RETRY_AFTER`` leaves the site for the next crawl."""
        host = urlparse_cached(request).hostname or ""
        if seconds > MAX_RETRY_AFTER:
            self.given_up[host] = f"it asked us to wait {duration_words(seconds)}"
            logger.warning("%s asks us to wait %s; leaving it for the next crawl", host, duration_words(seconds))
            return
        key = self._slot_key(request)
        slot = self._slot(key)
        if slot is None:
            return
        before, until = self.holds.get(key, (slot.delay, 0.0))
        self.holds[key] = (before, max(until, monotonic() + seconds))
        slot.delay = max(slot.delay, seconds)
        slot.jitter = 0.0
        slot.lastseen = monotonic()
        self.crawler.stats.inc_value("threadscout/platform_waits")  # type: ignore[union-attr]
        logger.info("%s asks for %.0fs before the next call; waiting", host, seconds)

    def _end_hold(self, key: str) -> None:
        held = self.holds.get(key)
        if held is None or monotonic() < held[1]:
            return
        del self.holds[key]
        slot = self._slot(key)
        if slot is not None:
            slot.delay = max(held[0], self.floors.get(key, 0.0))

    # -- helpers ---------------------------------------------------------------------------------------------
    def _retry_after(self, request: Request, response: Response, key: str, host: str, wait: float
                     ) -> Request | Response:
        if wait > MAX_RETRY_AFTER:
            self.given_up[host] = f"HTTP {response.status} asking us to wait {duration_words(wait)}"
            logger.warning("%s asks us to wait %s; leaving it for the next crawl", host, duration_words(wait))
            request.meta["dont_retry"] = True       # nor may Scrapy's RetryMiddleware ask again at once
            return response
        retry = get_retry_request(request, spider=self.crawler.spider,  # type: ignore[arg-type]
                                  reason=f"retry_after_{response.status}")
        if retry is None:
            return response
        slot = self._slot(key)
        if slot is not None:
            # the next request to this site waits at least `wait`; the floor is restored after it
            retry.meta["ts_restore_delay"] = slot.delay
            slot.delay = max(slot.delay, wait)
            slot.jitter = 0.0                   # a minimum, not an average
            slot.lastseen = monotonic()
        self.crawler.stats.inc_value("threadscout/retry_after_honoured")  # type: ignore[union-attr]
        logger.info("%s answered %s with Retry-After %.0fs; asking again then", request.url, response.status, wait)
        return retry

    def _restore(self, request: Request, key: str) -> None:
        """After the request that waited for a Retry-After: the site's usual delay again, from now on (the
        downloader had already timed its next request with the long one: that timer is restarted)."""
        restore = request.meta.pop("ts_restore_delay", None)
        slot = self._slot(key)
        if restore is None or slot is None:
            return
        slot.delay = max(restore, self.floors.get(key, 0.0))
        engine = self.crawler.engine
        if slot.latercall is not None and engine is not None and hasattr(engine.downloader, "_process_queue"):
            slot.latercall.cancel()
            slot.latercall = None
            engine.downloader._process_queue(slot)  # noqa: SLF001 - Scrapy has no public way to re-time a slot

    def _drop_waiting(self, key: str, why: str) -> None:
        """Requests already queued for a site we gave up on fail now instead of waiting for their timeout."""
        slot = self._slot(key)
        if slot is not None:
            fail_queued(slot, f"gave up on {key} for this crawl: {why}")

    def _slot_key(self, request: Request) -> str:
        engine = self.crawler.engine
        if engine is None:
            return urlparse_cached(request).hostname or ""
        return engine.downloader.get_slot_key(request)

    def _slot(self, key: str) -> Any:
        engine = self.crawler.engine
        return None if engine is None else engine.downloader.slots.get(key)

    def _apply_floor(self, key: str) -> None:
        slot = self._slot(key)
        if slot is None:
            return
        floor = self.floors.get(key, 0.0)
        if floor:
            slot.jitter = 0.0                  # Crawl-delay is a minimum, not an average
            if slot.delay < floor:
                slot.delay = floor


class RobotsTxtMiddleware(ScrapyRobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, fixed for requests that wait together for one site's robots.txt.

    Scrapy hands every waiting request the same Deferred; with the asyncio reactor the first await consumes its
    result, and the others get None, which Scrapy reads as "no robots.txt: everything allowed". Two sources on
    one site crawled at once thus escaped robots.txt. The parser is stored before the Deferred fires, so it is
    taken from there.
    """

    async def robot_parser(self, request: Request) -> Any:
        parser = await super().robot_parser(request)
        if parser is None:
            stored = self._parsers.get(urlparse_cached(request).netloc)
            if stored is not None and not isinstance(stored, Deferred):
                return stored
        return parser
