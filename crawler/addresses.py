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
from scrapy.utils.defer import maybe_deferred_to_future
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
        if any(ip in net for net in self.public_networks):
            return True
        if isinstance(ip, ipaddress.IPv6Address):
            if ip.is_site_local:
                return False
            embedded = _embedded_ipv4(ip)
            if embedded is not None:        # an IPv4 address reached through IPv6: judge that one
                return self.is_public(embedded)
        return ip.is_global and not ip.is_multicast

    def is_private_host(self, host: str) -> bool:
        """``localhost``, or a literal address that is not public (a host name proves nothing by itself)."""
        host = host.lower().strip("[]")
        return host == "localhost" or (_ip(host) is not None and not self.is_public(host))

    def trust(self, host: str) -> None:
        self.trusted.add(host.lower())

    def allows(self, host: str, address: str) -> bool:
        return self.is_public(address) or host.lower() in self.trusted


_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")
_IPV4_TRANSLATED = ipaddress.ip_network("::ffff:0:0:0/96")


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address inside an IPv4-mapped, IPv4-compatible, NAT64, 6to4 or Teredo IPv6 address."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in _NAT64 or ip in _IPV4_COMPATIBLE or ip in _IPV4_TRANSLATED:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip in _NAT64_LOCAL:
        return ipaddress.IPv4Address(0)      # local-use NAT64: never public
    return None


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


class PrivateAddressRefused(IgnoreRequest):
    """A request not sent because it would reach a private address on a public page's say-so."""


def _is_robots_request(request: Request) -> bool:
    """Scrapy's own robots.txt request (not a redirect of it, which is judged like any other)."""
    return (bool(request.meta.get("dont_obey_robotstxt")) and "redirect_urls" not in request.meta
            and urlparse_cached(request).path == "/robots.txt")


class AddressMiddleware:
    """Decides, per request, whether it may reach a private address, before anything is sent.

    - a request that may (meta ``ts_private_ok``: a configured source, or a link or redirect from a page served
      from a private address) trusts its host, so that the resolver lets it through;
    - one that may not is refused here when its host is a private literal address, or a trusted host name
      (trusted because of some other request) that resolves to a private address; other host names are
      checked by ``GuardedResolver`` when connecting.

    A redirect is judged by the address of the response that redirected (``RedirectAddressMiddleware``).
    """

    def __init__(self, policy: AddressPolicy) -> None:
        self.policy = policy

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AddressMiddleware:
        return cls(crawler.settings.get("THREADSCOUT_ADDRESS_POLICY") or AddressPolicy.from_environment())

    async def process_request(self, request: Request, spider: Spider | None = None) -> None:
        host = (urlparse_cached(request).hostname or "").lower()
        if request.meta.get(PRIVATE_OK):
            self.policy.trust(host)
            return None
        if _is_robots_request(request) and host in self.policy.trusted:
            return None   # robots.txt, asked for on behalf of a request that passed this check just before
        literal = _ip(host)
        if literal is not None:
            if not self.policy.is_public(literal):
                self._refuse(host, str(literal))
            return None
        if host in self.policy.trusted:
            from twisted.internet import reactor

            try:
                address = await maybe_deferred_to_future(reactor.resolve(host))  # type: ignore[attr-defined]
            except Exception:  # noqa: BLE001 - the download fails the same way and says so
                return None
            if not self.policy.is_public(address):
                self._refuse(host, address)
        return None

    def _refuse(self, host: str, address: str) -> None:
        self.policy.refused[host] = address
        raise PrivateAddressRefused(f"not fetched: {host} is at {address}, a private address, named by a public page")


class RedirectAddressMiddleware:
    """A redirect may lead to a private address only when the response that redirected came from one: the flag
    is set on the request before Scrapy's RedirectMiddleware (600, whose response hook runs after this one's)
    copies it into the redirected request."""

    def __init__(self, policy: AddressPolicy) -> None:
        self.policy = policy

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedirectAddressMiddleware:
        return cls(crawler.settings.get("THREADSCOUT_ADDRESS_POLICY") or AddressPolicy.from_environment())

    def process_response(self, request: Request, response: Any, spider: Spider | None = None) -> Any:
        if 300 <= response.status < 400 and b"Location" in response.headers:
            address = getattr(response, "ip_address", None)
            request.meta[PRIVATE_OK] = address is not None and not self.policy.is_public(address)
        return response


def refusal(policy: AddressPolicy | None, request: Request, failure: Any) -> str | None:
    """Why a failed request was refused by the address policy, if it was: refused here before sending, or by
    the resolver (its host name resolved to a private address and the request could not reach one)."""
    if failure.check(PrivateAddressRefused):
        return str(failure.value)
    if policy is None or request.meta.get(PRIVATE_OK):
        return None
    host = (urlparse_cached(request).hostname or "").lower()
    if host in policy.refused and "resolve" in type(failure.value).__name__.lower() + str(failure.value).lower():
        return f"not fetched: {host} resolves to {policy.refused[host]}, a private address, named by a public page"
    return None
