"""A light look at candidate places for `threadscout discover`: one page each (robots.txt obeyed, limits and
the private-address policy applied), read for the feeds it names and the software it runs. Nothing else is
fetched: crawling a place starts when the user adds it as a source.

Twisted's reactor cannot be restarted: call ``probe`` once per process.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from threadscout.config.settings import Settings

@dataclass
class Probed:
    url: str
    status: int | None = None
    platform: str | None = None
    feeds: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def kind(self) -> str:
        from threadscout.crawler.extract.registry import THREAD_PLATFORMS

        if self.platform in THREAD_PLATFORMS:
            return "forum"
        return "site"


def probe(cfg: Settings, targets: list[tuple[str, bool]]) -> dict[str, Probed]:
    """``targets``: (URL, may it be on a private address). Returns what was seen at each URL."""
    from scrapy import Request, Spider
    from scrapy.crawler import CrawlerProcess
    from scrapy.http import Response, TextResponse
    from twisted.python.failure import Failure

    from threadscout.crawler.addresses import PRIVATE_OK
    from threadscout.crawler.settings import scrapy_settings

    results: dict[str, Probed] = {url: Probed(url) for url, _ in targets}

    class ProbeSpider(Spider):
        name = "threadscout-probe"

        async def start(self) -> AsyncIterator[Request]:
            for url, private_ok in targets:
                yield Request(url, callback=self.parse, errback=self.failed, dont_filter=True,
                              meta={PRIVATE_OK: private_ok, "target": url})

        def parse(self, response: Response) -> None:
            seen = results[response.meta["target"]]
            seen.status = response.status
            if isinstance(response, TextResponse):
                from threadscout.crawler.extract import extract_page

                page = extract_page(response.text, response.url)
                seen.platform, seen.feeds = page.platform, page.feeds

        def failed(self, failure: Failure) -> None:
            request: Any = failure.request  # type: ignore[attr-defined]
            seen = results[request.meta["target"]]
            response = getattr(failure.value, "response", None)
            seen.status = getattr(response, "status", None)
            seen.error = f"{failure.type.__name__}: {failure.getErrorMessage()}"[:200]

    values = scrapy_settings(cfg, log_file=cfg.data_dir / "logs" / "discover.log", sources=[])
    values["EXTENSIONS"] = {"threadscout.crawler.extensions.CrawlContext": None}
    values["ITEM_PIPELINES"] = {}
    (cfg.data_dir / "logs").mkdir(parents=True, exist_ok=True)
    process = CrawlerProcess(values)
    process.crawl(process.create_crawler(ProbeSpider))
    process.start(install_signal_handlers=True)
    return results
