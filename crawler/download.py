"""The crawl's HTTP download handler: Scrapy's, with the limits it lacks.

- **Header lines**: Twisted reads every header line a server sends before the body, without a bound (a server
  can send 200,000, or never stop); an answer with more than ``MAX_HEADER_LINES`` is refused while it is read.
- **Endless bodies**: Scrapy cancels a body without a Content-Length once it outgrows the size limit, and then
  says only ``DownloadCancelledError``; here the bytes received are counted, so the failure says the answer was
  over max_response_size.

Both failures are ``health.Refused`` (hard, never retried). Scrapy's handler sets its connection factory on its
pool to parse answers leniently (``_LenientHTTP11ClientFactory``); this one sets a subclass of it, whose parser
counts the header lines. Those classes are Scrapy's private ones: tests/test_hostile_servers.py fails if a
Scrapy upgrade moves them.
"""

from __future__ import annotations

from typing import Any

from scrapy import Request, signals
from scrapy.core.downloader.handlers.http11 import (HTTP11DownloadHandler, _LenientHTTP11ClientFactory,
                                                    _LenientHTTP11ClientProtocol, _LenientHTTPClientParser)
from scrapy.crawler import Crawler
from scrapy.exceptions import DownloadCancelledError, DownloadFailedError
from scrapy.http import Response
from twisted.web._newclient import HEADER

from threadscout.crawler.health import TOO_LARGE, Refused, first_reason

MAX_HEADER_LINES = 500     # real sites send 10-60; 500 lines of Twisted's 16 KiB at most: 8 MiB
RECEIVED = "ts_bytes_received"


class _CappedParser(_LenientHTTPClientParser):
    def lineReceived(self, line: bytes) -> None:
        if self.state == HEADER:
            self._ts_lines = getattr(self, "_ts_lines", 0) + 1
            if self._ts_lines > MAX_HEADER_LINES:
                raise Refused(f"the answer has more than {MAX_HEADER_LINES} header lines: refused")
        super().lineReceived(line)


class _CappedProtocol(_LenientHTTP11ClientProtocol):
    def request(self, request: Any) -> Any:
        d = super().request(request)
        if self._parser is not None:     # as Scrapy's own protocol does (it defines no state of its own)
            self._parser.__class__ = _CappedParser
        return d


class _CappedFactory(_LenientHTTP11ClientFactory):
    def buildProtocol(self, addr: Any) -> Any:
        return _CappedProtocol(self._quiescentCallback)


class GuardedDownloadHandler(HTTP11DownloadHandler):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self._pool._factory = _CappedFactory
        crawler.signals.connect(self._received, signal=signals.bytes_received)

    @staticmethod
    def _received(data: bytes, request: Request, **_: Any) -> None:
        request.meta[RECEIVED] = request.meta.get(RECEIVED, 0) + len(data)

    async def download_request(self, request: Request) -> Response:
        try:
            return await super().download_request(request)
        except DownloadCancelledError:
            maxsize = request.meta.get("download_maxsize", self._default_maxsize)
            if maxsize and request.meta.get(RECEIVED, 0) > maxsize:
                raise Refused(TOO_LARGE) from None
            raise
        except DownloadFailedError as exc:          # retried by Scrapy; what we refused is not
            refused = first_reason(exc)
            if isinstance(refused, Refused):
                raise refused from None
            raise
