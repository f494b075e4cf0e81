"""Every platform, in the order pages are tried against them. Adding an engine: one module, one line here.

More specific detections come first (Blogger's generator tag before WordPress's asset paths, Forumotion before
the phpBB look it imitates). Pages no platform claims go to schema.org, then to the generic fallback.
"""

from __future__ import annotations

from . import (blogger, discourse, drupal, forumotion, github, hackernews, invision, mybb, nodebb, phpbb, reddit, smf,
               spip, stackexchange, vbulletin, wordpress, xenforo)
from .platform import Platform

PLATFORMS: tuple[Platform, ...] = (
    blogger.PLATFORM,
    wordpress.PLATFORM,
    drupal.PLATFORM,
    spip.PLATFORM,
    forumotion.PLATFORM,
    phpbb.PLATFORM,
    vbulletin.PLATFORM,
    xenforo.PLATFORM,
    nodebb.PLATFORM,
    discourse.PLATFORM,
    smf.PLATFORM,
    mybb.PLATFORM,
    invision.PLATFORM,
    reddit.PLATFORM,
    hackernews.PLATFORM,
    stackexchange.PLATFORM,
    github.PLATFORM,
)
# the platforms of threads (forums, Q&A and link sites), as opposed to blog engines' posts with comments
THREAD_PLATFORMS: frozenset[str] = frozenset(p.name for p in PLATFORMS if p.kind == "thread")
# platform -> the paths where it publishes its feeds, for the spider's probe
FEED_PATHS = {p.name: p.feeds for p in PLATFORMS if p.feeds}
