"""Downloader middlewares: conditional GET from what the store remembers of each URL; no redirect to anything
but http(s)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin, urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from w3lib.url import safe_url_string

from threadscout.crawler.clean import one_line
from threadscout.crawler.extensions import crawl_context
from threadscout.crawler.health import Refused


class ConditionalGetMiddleware:
    """Send If-None-Match / If-Modified-Since for URLs fetched before.

    The validators are recorded by the spider once a response has been processed (not here), so a crash between
    download and storage never leaves a validator for content that was not saved.
    """

    def __init__(self, store: Any) -> None:
        self.store = store

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ConditionalGetMiddleware:
        context = crawl_context(crawler)
        if context is None:
            raise NotConfigured("no threadscout store extension")
        return cls(context.store)

    def process_request(self, request: Request) -> None:
        if request.method != "GET" or request.meta.get("conditional") is False:
            return None
        etag, last_modified = self.store.validators(request.url)
        if etag and b"If-None-Match" not in request.headers:
            request.headers[b"If-None-Match"] = etag
        if last_modified and b"If-Modified-Since" not in request.headers:
            request.headers[b"If-Modified-Since"] = last_modified
        return None


_REDIRECTS = (301, 302, 303, 307, 308)      # the statuses Scrapy's RedirectMiddleware follows


class RedirectSchemeMiddleware:
    """A redirect to anything but an http(s) address (``javascript:``, ``mailto:``, ``file:``) is refused here,
    in words, as a hard failure: Scrapy's RedirectMiddleware (600, whose response hook runs after this one's)
    would fail on it with ``ValueError: Missing scheme``, which reads as a temporary fault of the site."""

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status not in _REDIRECTS or b"Location" not in response.headers or (
                request.meta.get("dont_redirect") or request.meta.get("handle_httpstatus_all")
                or response.status in request.meta.get("handle_httpstatus_list", ())):
            return response
        location = response.headers.get(b"Location") or b""
        try:
            target = urljoin(request.url, safe_url_string(location))
        except ValueError:
            raise Refused("redirects to an address that cannot be read: not followed") from None
        scheme = target.partition(":")[0].lower() if "://" not in target else urlsplit(target).scheme.lower()
        if scheme not in ("http", "https"):
            shown = one_line(scheme)[:20] or "?"
            raise Refused(f"redirects to a {shown}: address, which is not a web page: not followed")
        return response
