"""`threadscout where`: the sites where the matching conversations happen, ranked by their activity.

A site's weight is the activity of its matching conversations in the window: each conversation counts
log2(1 + its replies in the window), plus half a point for each person taking part there. A page that only
mentions a keyword (an event calendar, a tag page) has no replies and counts a tenth, so a site full of them does
not outrank a site where people talk.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from threadscout.config.settings import Settings
from threadscout.indexer.db import Store
from threadscout.indexer import reading
from threadscout.indexer.index import IndexMissingError
from threadscout.search.query import asked, index_missing, open_index

NO_REPLIES = 0.1
PER_PARTICIPANT = 0.5
BUCKETS = 12          # the window cut into this many spans for ``activity`` (a site's chart)


@dataclass
class Thread:
    url: str
    title: str | None
    replies: int          # in the window


@dataclass
class Place:
    site: str
    conversations: int = 0
    replies: int = 0                      # in the window
    participants: int = 0                 # distinct people taking part in the window
    score: float = 0.0
    most_active: Thread | None = None
    last_activity: str | None = None
    activity: list[int] = field(default_factory=lambda: [0] * BUCKETS)   # posts and replies per span, oldest first
    names: set[str] = field(default_factory=set, repr=False)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        del data["names"]
        return data


def where(cfg: Settings, query: str = "", *, days: int = 30, everything: bool = False,
          now: datetime | None = None) -> list[Place]:
    """Sites ranked by the activity of the conversations matching ``query`` (the mission's keywords when empty)
    over the last ``days`` days."""
    now = now or datetime.now(timezone.utc)
    since = now - timedelta(days=days)
    query = asked(cfg, query)
    store = Store(cfg.database_url)
    try:
        try:
            urls = open_index(cfg).matching(f"({query}) after:{days}d", org_names=cfg.mission.org_names,
                                                       exclude=() if everything else cfg.mission.exclude)
        except IndexMissingError:
            index_missing(store)
            return []
        places: dict[str, Place] = defaultdict(lambda: Place(site=""))
        for start in range(0, len(urls), 500):
            # read without the ORM (SQLite), as search does: a broad query's window holds thousands
            for conv in reading.conversations(cfg.database_url, urls[start:start + 500]):
                place = places[conv.site]
                place.site = conv.site
                recent = [r for r in conv.replies if r.published is None or r.published >= since]
                for when in [conv.published, *(r.published for r in recent)]:
                    if when is not None and since <= when <= now:
                        span = min(BUCKETS - 1, int((when - since) / (now - since) * BUCKETS))
                        place.activity[span] += 1
                place.conversations += 1
                place.replies += len(recent)
                place.names.update(n for n in [conv.author if conv.published and conv.published >= since else None,
                                               *(r.author for r in recent)] if n)
                place.score += math.log2(1 + len(recent)) if recent else NO_REPLIES
                if place.most_active is None or len(recent) > place.most_active.replies:
                    place.most_active = Thread(conv.url, conv.title, len(recent))
                stamp = conv.last_activity.isoformat() if conv.last_activity else None
                if stamp and (place.last_activity is None or stamp > place.last_activity):
                    place.last_activity = stamp
        for place in places.values():
            place.participants = len(place.names)
            place.score = round(place.score + PER_PARTICIPANT * place.participants, 3)
        return sorted(places.values(), key=lambda p: (-p.score, -p.replies, p.site))
    finally:
        store.close()
