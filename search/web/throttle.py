"""Wrong passwords on the sign-in page, slowed down and then refused, per client and for everyone.

Per client (an IPv4 address, or an IPv6 /64, since one machine easily has a whole /64): the first
``FREE - 1`` wrong passwords in a row cost nothing (people mistype); from the ``FREE``-th on, each one makes
that client wait before its next try: ``FIRST_WAIT``, then twice as long each time, up to ``LONGEST_WAIT``.
A right password forgets the client's count; so does a day without a try.

For everyone: a bucket of ``BURST`` wrong passwords, refilled at ``PER_MINUTE`` a minute. When it is empty, every
client waits for the next one, so that many addresses guessing together still get a few guesses a minute. (It
also means an attack from many addresses keeps staff from signing in while it lasts; sessions already signed
in go on working.)

A try is counted as wrong before the password is checked, and taken back when it was right, so that parallel
requests cannot slip extra guesses in. Kept in this process's memory: a restart forgets it, which costs an
attacker a restart of the server each time; nothing here needs to survive one.
"""

from __future__ import annotations

import ipaddress
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

FREE = 3                  # the wrong password in a row from which a client waits
FIRST_WAIT = 15.0         # seconds, then doubled each time
LONGEST_WAIT = 3600.0
FORGET_AFTER = 86400.0    # a client quiet this long starts again from nothing
BURST = 10                # wrong passwords from everyone before the global pace applies
PER_MINUTE = 3.0
MAX_CLIENTS = 10_000      # clients remembered at most (the oldest are forgotten first)


@dataclass(frozen=True)
class Refusal:
    """No try now: ``seconds`` to wait; ``everyone`` when the whole page is paused, not only this client."""

    seconds: float
    everyone: bool
    failures: int          # wrong passwords in a row from this client (for the log)

    @property
    def retry_after(self) -> int:
        return max(1, math.ceil(self.seconds))

    def words(self) -> str:
        wait = in_words(self.seconds)
        if self.everyone:
            return ("Too many wrong passwords were tried on this page: signing in is paused for everyone. "
                    f"Try again in {wait}.")
        return f"Too many wrong passwords from your address: try again in {wait}."


def in_words(seconds: float) -> str:
    if seconds <= 90:
        n = max(1, math.ceil(seconds))
        return f"{n} second{'' if n == 1 else 's'}"
    n = math.ceil(seconds / 60)
    return f"{n} minutes"


def client_key(address: str | None) -> str:
    """Who is counted: the IPv4 address, or the /64 of an IPv6 one."""
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return address or "unknown"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


@dataclass
class _Client:
    failures: int = 0
    last_try: float = 0.0
    until: float = 0.0        # no try before this


class LoginThrottle:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._lock = threading.Lock()
        self._clients: OrderedDict[str, _Client] = OrderedDict()
        self._tokens = float(BURST)
        self._filled_at = clock()

    def _refill(self, now: float) -> None:
        self._tokens = min(float(BURST), self._tokens + (now - self._filled_at) * PER_MINUTE / 60)
        self._filled_at = now

    def admit(self, client: str) -> Refusal | None:
        """May ``client`` try a password now? If so, the try is counted as wrong until ``right`` says otherwise."""
        with self._lock:
            now = self.clock()
            self._refill(now)
            known = self._clients.get(client)
            if known is not None and now - known.last_try > FORGET_AFTER and now >= known.until:
                del self._clients[client]
                known = None
            if known is not None and now < known.until:
                return Refusal(known.until - now, False, known.failures)
            if self._tokens < 1:
                return Refusal((1 - self._tokens) * 60 / PER_MINUTE, True, known.failures if known else 0)
            self._tokens -= 1
            if known is None:
                known = self._clients[client] = _Client()
                while len(self._clients) > MAX_CLIENTS:
                    self._clients.popitem(last=False)
            self._clients.move_to_end(client)
            known.failures += 1
            known.last_try = now
            if known.failures >= FREE:
                known.until = now + min(LONGEST_WAIT, FIRST_WAIT * 2 ** min(32, known.failures - FREE))
            return None

    def wrong(self, client: str) -> Refusal | None:
        """After a wrong password (already counted by ``admit``): the wait it began, if any."""
        with self._lock:
            now = self.clock()
            known = self._clients.get(client)
            failures = known.failures if known else 0
            if known is not None and now < known.until:
                return Refusal(known.until - now, False, failures)
            self._refill(now)
            if self._tokens < 1:
                return Refusal((1 - self._tokens) * 60 / PER_MINUTE, True, failures)
            return None

    def failures(self, client: str) -> int:
        with self._lock:
            known = self._clients.get(client)
            return known.failures if known else 0

    def right(self, client: str) -> None:
        """The password was right: the client starts again from nothing, and the global try is given back."""
        with self._lock:
            self._clients.pop(client, None)
            self._tokens = min(float(BURST), self._tokens + 1)
