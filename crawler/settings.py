"""Scrapy settings. Module-level values are the polite defaults (scrapy.cfg points here); ``scrapy_settings``
turns a threadscout configuration into the settings one crawl runs with.

Scrapy's own defaults are not polite (no robots.txt, 8 requests per site, no delay, 1 GiB responses): every one of
those is set here explicitly.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from threadscout.config.errors import ConfigError
from threadscout.crawler.addresses import AddressPolicy
from threadscout.config.settings import CONFIG_ENV, PROJECT_URL, Settings, Source, load_settings

BOT_NAME = "threadscout"
SPIDER_MODULES = ["threadscout.crawler.spiders"]
NEWSPIDER_MODULE = "threadscout.crawler.spiders"

ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
DOWNLOAD_DELAY_JITTER = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 10 * 10**6
DOWNLOAD_WARNSIZE = 0
REDIRECT_MAX_TIMES = 5
METAREFRESH_ENABLED = False
RETRY_TIMES = 2
# a timeout is not retried (a hanging site would cost 3 x DOWNLOAD_TIMEOUT per URL); the politeness middleware
# gives up on a site after a few timeouts in a row
RETRY_EXCEPTIONS = [    # nor is a host name that was not found (or refused: crawler/addresses.py)
    "scrapy.exceptions.DownloadConnectionRefusedError",
    "scrapy.exceptions.DownloadFailedError",
    "scrapy.exceptions.ResponseDataLossError",
    "twisted.internet.error.ConnectionDone",
    "twisted.internet.error.ConnectError",
    "twisted.internet.error.ConnectionLost",
    OSError,
    "scrapy.core.downloader.handlers.http11.TunnelError",
]
# no limit from Scrapy: each source has its own depth (link hops, not counting a thread's next pages, which
# Scrapy would count) and its page budget, which bounds everything, crawler traps included
DEPTH_LIMIT = 0
# the crawl stops (keeping what it saved) when its process needs more memory than [crawl] max_memory
MEMUSAGE_ENABLED = True
MEMUSAGE_LIMIT_MB = 1024
MEMUSAGE_CHECK_INTERVAL_SECONDS = 5.0
COOKIES_ENABLED = False
# no proxies from the environment: a proxy resolves host names itself, out of reach of the private-address check
HTTPPROXY_ENABLED = False
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False   # Scrapy 2.19 otherwise listens on a local HTTP port during every crawl
SCHEDULER_PRIORITY_QUEUE = "scrapy.pqueues.DownloaderAwarePriorityQueue"
# only http and https are ever fetched
DOWNLOAD_HANDLERS: dict[str, str | None] = {"file": None, "ftp": None, "s3": None, "data": None,
                                            # Scrapy's, with a bound on header lines (crawler/download.py)
                                            "http": "threadscout.crawler.download.GuardedDownloadHandler",
                                            "https": "threadscout.crawler.download.GuardedDownloadHandler"}
ITEM_PIPELINES = {
    "threadscout.crawler.pipelines.ValidatePipeline": 100,
    "threadscout.crawler.pipelines.NormalisePipeline": 200,
    "threadscout.crawler.pipelines.StorePipeline": 300,
}
# every resolution passes the address policy (crawler/addresses.py); one policy object per process
TWISTED_DNS_RESOLVER = "threadscout.crawler.addresses.GuardedResolver"
THREADSCOUT_ADDRESS_POLICY = AddressPolicy.from_environment()
DOWNLOADER_MIDDLEWARES = {
    # before robots.txt (100): the host is trusted before its robots.txt is asked for
    "threadscout.crawler.addresses.AddressMiddleware": 50,
    "threadscout.crawler.addresses.RedirectAddressMiddleware": 650,   # sees redirects before RedirectMiddleware
    "threadscout.crawler.middlewares.RedirectSchemeMiddleware": 640,  # so does this one
    # Scrapy's, fixed for requests that wait together for one site's robots.txt (see crawler/politeness.py)
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "threadscout.crawler.politeness.RobotsTxtMiddleware": 100,
    # sees 429/503 before RetryMiddleware (550) would retry them at once
    "threadscout.crawler.politeness.PolitenessMiddleware": 580,
    "threadscout.crawler.middlewares.ConditionalGetMiddleware": 560,
}
EXTENSIONS = {"threadscout.crawler.extensions.CrawlContext": 100}
LOG_LEVEL = "INFO"
LOG_INSTALL_ROOT_HANDLER = True


def user_agent(contact: str | None) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        ours = version("threadscout")
    except PackageNotFoundError:
        ours = "0"
    return f"threadscout/{ours} (+{contact or PROJECT_URL})"


def scrapy_settings(cfg: Settings, *, log_file: Path | None = None, log_level: str = "INFO",
                    sources: list[Source] | None = None) -> dict[str, Any]:
    """The settings one crawl runs with; ``sources``: the sources to start from (default: those that are due)."""
    crawl = cfg.crawl
    delay = crawl.delay.total_seconds()
    values = {k: v for k, v in globals().items() if k.isupper()}
    values.update(
        USER_AGENT=user_agent(crawl.user_agent_contact),
        CONCURRENT_REQUESTS_PER_DOMAIN=crawl.concurrency_per_site,
        DOWNLOAD_DELAY=delay,
        AUTOTHROTTLE_ENABLED=crawl.autothrottle,
        AUTOTHROTTLE_START_DELAY=max(delay, 0.5),
        DOWNLOAD_TIMEOUT=crawl.download_timeout.total_seconds(),
        DOWNLOAD_MAXSIZE=crawl.max_response_size,
        REDIRECT_MAX_TIMES=crawl.max_redirects,
        MEMUSAGE_LIMIT_MB=max(1, crawl.max_memory // 2**20),
        LOG_LEVEL=log_level,
        LOG_FILE=str(log_file) if log_file else None,
        LOG_FILE_APPEND=True,
        LOG_ENABLED=True,
        THREADSCOUT_SETTINGS=cfg,
        THREADSCOUT_ADDRESS_POLICY=AddressPolicy.from_environment(),
        THREADSCOUT_SOURCES=sources,
    )
    return values


# `scrapy crawl threadscout` with THREADSCOUT_CONFIG set: the crawl runs with that file's settings too
if os.environ.get(CONFIG_ENV):
    try:
        _cfg = load_settings(os.environ[CONFIG_ENV])
    except ConfigError:
        pass       # the store extension reports it when the crawl starts
    else:
        globals().update({k: v for k, v in scrapy_settings(_cfg).items() if k != "THREADSCOUT_SOURCES"})
