"""URL canonicalisation: one conversation, one URL, however it was reached."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING_PREFIXES = ("utm_",)
_TRACKING_KEYS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_ga", "igshid"})
_DEFAULT_PORTS = {"http": 80, "https": 443}
FETCHABLE_SCHEMES = frozenset({"http", "https"})


def is_fetchable(url: str) -> bool:
    """True for absolute http(s) URLs with a host: the only URLs the crawler ever requests."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        return False
    return parts.scheme.lower() in FETCHABLE_SCHEMES and bool(parts.hostname)


def _is_tracking(key: str) -> bool:
    k = key.lower()
    return k.startswith(_TRACKING_PREFIXES) or k in _TRACKING_KEYS


# session ids that forums put in links for visitors without a cookie (phpBB sid, vBulletin s, PHP's own): a new
# one on every visit, so a URL carrying one names nothing that lasts
_SESSION_KEYS = frozenset({"phpsessid", "jsessionid", "sessionid", "session_id", "oscsid", "zenid"})
_SESSION_VALUE = re.compile(r"[0-9a-f]{32}", re.IGNORECASE)
_JSESSIONID = re.compile(r";jsessionid=[^/?#]*", re.IGNORECASE)


def _is_session(key: str, value: str) -> bool:
    k = key.lower()
    return k in _SESSION_KEYS or (k in ("sid", "s") and bool(_SESSION_VALUE.fullmatch(value)))


@lru_cache(maxsize=8192)   # pure, and asked again for the same page's URL many times while extracting it
def canonical_url(url: str, *, keep_fragment: bool = False) -> str:
    """Lower-case scheme and host; drop credentials, default ports, tracking parameters and (unless asked) the fragment.

    The order of the remaining query parameters is kept: some sites route on it.
    """
    url = url.strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    port = parts.port
    netloc = host if port is None or _DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    path = _JSESSIONID.sub("", parts.path) or "/"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not _is_tracking(k) and not _is_session(k, v)])
    fragment = parts.fragment if keep_fragment else ""
    return urlunsplit((scheme, netloc, path, query, fragment))


def site_of(url: str) -> str:
    """The site a URL belongs to, as shown to people: the host without a leading ``www.``."""
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def place_of(url: str) -> str:
    """``site_of`` with the port when it is not the scheme's default: two servers on one host are two places."""
    site = site_of(url)
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        return site
    return f"{site}:{port}" if port and port != _DEFAULT_PORTS.get(parts.scheme.lower()) else site


def same_site(a: str, b: str) -> bool:
    return site_of(a) == site_of(b)
