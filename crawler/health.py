"""Why a fetch failed, sorted into the few kinds a person can act on (after Media Cloud's rss-fetcher):

    temporary   the site is down, slow, overloaded or asked us to wait: it will likely work again by itself
                (timeouts, refused or dropped connections, DNS failures, HTTP 429 and 5xx)
    soft        the site answered, but not with what we expected; it may come back (HTTP 404, not a feed)
    hard        the site refuses us or the address can never work (HTTP 401/403/410 and other 4xx,
                forbidden by robots.txt, an address we must not fetch, a feed we will not parse)
"""

from __future__ import annotations

from typing import Literal

ErrorKind = Literal["temporary", "soft", "hard"]
KINDS: tuple[str, ...] = ("temporary", "soft", "hard")

TOO_LARGE = "the answer is larger than max_response_size (after decompression): not downloaded"


class Refused(Exception):
    """A fetch the crawler itself refuses (a redirect to ``javascript:``, an answer over a limit), with its words
    for people and its kind. Raised by our downloader components; never retried."""

    def __init__(self, problem: str, kind: ErrorKind = "hard") -> None:
        super().__init__(problem)
        self.problem, self.kind = problem, kind


def classify(exc: BaseException) -> tuple[str, ErrorKind]:
    """Words for people and the kind of a failed fetch's exception: the one place fetch failures are sorted
    (HTTP statuses: ``kind_of_status``). A Twisted ``ResponseFailed`` (as Scrapy's ``DownloadFailedError`` or
    bare) speaks through the first reason it carries."""
    inner = first_reason(exc)
    if isinstance(inner, Refused):
        return inner.problem, inner.kind
    name, message = type(exc).__name__, str(exc)
    if name == "DownloadCancelledError" and not message.strip():
        # Scrapy cancels a body without a Content-Length that outgrows the limit without saying why (the
        # crawl's own download handler says so itself: crawler/download.py); nothing else cancels a download
        return TOO_LARGE, "hard"
    return describe(name, message), kind_of_exception(name, message)


def first_reason(exc: BaseException) -> BaseException:
    for candidate in (exc, exc.__cause__):
        reasons = getattr(candidate, "reasons", None)     # twisted.web._newclient.ResponseFailed
        if reasons:
            value = getattr(reasons[0], "value", None)
            if isinstance(value, BaseException):
                return value
    return exc


def kind_of_status(status: int) -> ErrorKind:
    if status == 429 or status >= 500 or status == 408:
        return "temporary"
    if status == 404:
        return "soft"
    return "hard"


def kind_of_exception(name: str, message: str = "") -> ErrorKind:
    """From an exception's class name (and message): the network failures are temporary."""
    text = f"{name} {message}".lower()
    if any(w in text for w in ("robots.txt", "private address", "not allowed", "max size", "maxsize")):
        return "hard"
    return "temporary"


# exception class name -> words for people (what the message says is kept where it adds something)
_PLAIN = {
    "DownloadConnectionRefusedError": "connection refused: nothing answers at that address and port",
    "ConnectionRefusedError": "connection refused: nothing answers at that address and port",
    "CannotResolveHostError": "host name not found: check its spelling, or the site may be gone",
    "DNSLookupError": "host name not found: check its spelling, or the site may be gone",
    "DownloadTimeoutError": "no answer in time (timed out)",
    "TimeoutError": "no answer in time (timed out)",
    "ResponseNeverReceived": "the connection was dropped before the site answered",
    "ConnectionLost": "the connection was dropped while the site answered",
    "ConnectionDone": "the connection was closed before the site answered",
    "ResponseDataLossError": "the site's answer was cut short",
    "DownloadFailedError": "the download failed",
}


def describe(name: str, message: str) -> str:
    """One line for people about an exception named ``name`` (class name) with ``message``."""
    text = " ".join(message.split())
    if "larger than download max size" in text or "exceeded DOWNLOAD_MAXSIZE" in text:
        return TOO_LARGE
    if name == "IgnoreRequest":
        return text or "not fetched"
    if "SSL" in name or "TLS" in name or "certificate" in text.lower():
        return f"secure connection (TLS) failed: {text[:160]}"
    plain = _PLAIN.get(name)
    if plain is None:
        return f"{name}: {text[:200]}" if text else name
    if name == "DownloadTimeoutError":
        took = text.rsplit("took longer than", 1)
        return f"no answer within {took[1].strip().rstrip('.')}" if len(took) == 2 else plain
    return plain
