"""Every platform source kind. Adding a platform: one module with its ``PLATFORM``, one line here (and its kind
in ``config.settings.PLATFORM_KINDS``, which the configuration checks sources against)."""

from __future__ import annotations

from . import Platform, discourse, hackernews, lemmy, mastodon, reddit, stackexchange

PLATFORMS: dict[str, Platform] = {p.kind: p for p in (
    hackernews.PLATFORM,
    stackexchange.PLATFORM,
    reddit.PLATFORM,
    discourse.PLATFORM,
    lemmy.PLATFORM,
    mastodon.PLATFORM,
)}
