"""Downloader middleware: conditional GET from what the store remembers of each URL."""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from threadscout.crawler.extensions import crawl_context


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
