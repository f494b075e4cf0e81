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


def kind_of_status(status: int) -> ErrorKind:
    if status == 429 or status >= 500 or status == 408:
        return "temporary"
    if status == 404:
        return "soft"
    return "hard"


def kind_of_exception(name: str, message: str = "") -> ErrorKind:
    """From an exception's class name (and message): the network failures are temporary."""
    text = f"{name} {message}".lower()
    if "robots.txt" in text or "private address" in text or "not allowed" in text:
        return "hard"
    return "temporary"
