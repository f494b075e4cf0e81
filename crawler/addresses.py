"""No fetching of private addresses on a public page's say-so.

A feed entry or a link that points to a loopback, private, link-local, multicast or otherwise non-public address
(169.254.169.254, 10.x, 127.x, ::1 ...) is not fetched when the page that names it came from a public address.
Sources the user configured on such addresses, and links between such addresses, are allowed: that is how a
crawler is pointed at an intranet, and how the tests serve their sites on 127.0.0.1.

The check is made on the resolved address at connection time, so DNS tricks do not help: every resolution in the
crawl passes through ``GuardedResolver`` (Scrapy's ``TWISTED_DNS_RESOLVER``), which refuses a non-public answer
for any host not trusted by ``AddressPolicy``. Hosts are trusted by ``AddressMiddleware`` when a request that may
reach private addresses (a configured source, or a link from a page served from a private address; meta
``ts_private_ok``) is about to be sent.
"""

from __future__ import annotations

import ipaddress
import logging
import os
from collections.abc import Iterable
from typing import Any

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.resolver import CachingThreadedResolver
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet import error

logger = logging.getLogger(__name__)

PRIVATE_OK = "ts_private_ok"
# networks to treat as public although they are not (the tests use it to play a public site on 127.0.0.2)
PUBLIC_NETWORKS_ENV = "THREADSCOUT_PUBLIC_NETWORKS"
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class AddressPolicy:
    """Which hosts may resolve to non-public addresses in this crawl. One object per process, shared by the
    resolver and the middleware (Scrapy copies settings deeply; copying the policy returns it)."""

    def __init__(self, public_networks: Iterable[str] = ()) -> None:
        self.trusted: set[str] = set()
        self.refused: dict[str, str] = {}          # host -> the non-public address it resolved to
        self.public_networks = [ipaddress.ip_network(n, strict=False) for n in public_networks]

    @classmethod
    def from_environment(cls) -> AddressPolicy:
        networks = [n.strip() for n in os.environ.get(PUBLIC_NETWORKS_ENV, "").split(",") if n.strip()]
        return cls(networks)

    def __deepcopy__(self, memo: dict[int, Any]) -> AddressPolicy:
        return self

    def __copy__(self) -> AddressPolicy:
        return self

    def is_public(self, address: str | Address | None) -> bool:
        ip = _ip(address)
        if ip is None:
            return False
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        if any(ip in net for net in self.public_networks):
            return True
        return ip.is_global and not ip.is_multicast

    def trust(self, host: str) -> None:
        self.trusted.add(host.lower())

    def allows(self, host: str, address: str) -> bool:
        return self.is_public(address) or host.lower() in self.trusted


def _ip(address: str | Address | None) -> Address | None:
    if address is None or isinstance(address, (ipaddress.IPv4Address, ipaddress.IPv6Address)):
        return address
    try:
        return ipaddress.ip_address(address.strip("[]"))
    except ValueError:
        return None


class GuardedResolver(CachingThreadedResolver):
    """Scrapy's caching resolver, refusing non-public answers for hosts the policy does not trust."""

    def __init__(self, reactor: Any, cache_size: int, timeout: float, policy: AddressPolicy) -> None:
        super().__init__(reactor, cache_size, timeout)
        self.policy = policy

    @classmethod
    def from_crawler(cls, crawler: Crawler, reactor: Any) -> GuardedResolver:
        settings = crawler.settings
        cache_size = settings.getint("DNSCACHE_SIZE") if settings.getbool("DNSCACHE_ENABLED") else 0
        policy = settings.get("THREADSCOUT_ADDRESS_POLICY") or AddressPolicy.from_environment()
        return cls(reactor, cache_size, settings.getfloat("DNS_TIMEOUT"), policy)

    def getHostByName(self, name: str, timeout: Any = ()) -> Any:  # noqa: N802 - Twisted's name
        d = super().getHostByName(name, timeout)
        d.addCallback(self._check, name)
        return d

    def _check(self, address: str, name: str) -> str:
        if not self.policy.allows(name, address):
            self.policy.refused[name.lower()] = address
            raise error.DNSLookupError(f"{name} resolves to {address}, a private address, and was named by a "
                                       "public page: not fetched")
        return address


class AddressMiddleware:
    """Trusts the hosts of requests that may reach private addresses; refuses private literals otherwise."""

    def __init__(self, policy: AddressPolicy) -> None:
        self.policy = policy

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AddressMiddleware:
        return cls(crawler.settings.get("THREADSCOUT_ADDRESS_POLICY") or AddressPolicy.from_environment())

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        host = (urlparse_cached(request).hostname or "").lower()
        if request.meta.get(PRIVATE_OK):
            self.policy.trust(host)
            return None
        literal = _ip(host)
        if literal is not None and not self.policy.allows(host, str(literal)):
            self.policy.refused[host] = str(literal)
            raise IgnoreRequest(f"not fetched: {host} is a private address, named by a public page")
        return None


def refusal(policy: AddressPolicy | None, request: Request) -> str | None:
    """Why a failed request was refused by the policy, if it was."""
    if policy is None:
        return None
    host = (urlparse_cached(request).hostname or "").lower()
    if host in policy.refused:
        return f"not fetched: {host} resolves to {policy.refused[host]}, a private address, named by a public page"
    return None
