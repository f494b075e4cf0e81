"""The store's side of community links: the conversations and sites staff feature, with what the store knows of
each (title, replies, last activity, the feeds a site publishes)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select

from threadscout.indexer.db import Store
from threadscout.indexer.models import Conversation, Featured, Source


@dataclass(frozen=True)
class Place:
    """A featured place as the links show it."""

    url: str
    kind: str                       # conversation | site
    site: str
    title: str
    note: str | None
    added_at: datetime
    n_replies: int = 0              # a conversation's replies; a site's, summed
    conversations: int = 0          # a site's stored conversations
    last_activity: datetime | None = None
    feeds: tuple[str, ...] = field(default_factory=tuple)   # a site's feeds, as found by the crawl


class Links:
    def __init__(self, store: Store) -> None:
        self.store = store

    def add(self, url: str, *, title: str | None = None, note: str | None = None, site: str | None = None
            ) -> Featured | None:
        """Feature the stored conversation at ``url``, or with ``site`` (the place as conversations name it), the
        site whose home page is ``url``; None when it is featured already (or no conversation has that URL)."""
        with self.store.session() as s:
            if site is None:
                conv = s.scalar(select(Conversation).where(Conversation.url == url))
                if conv is None:
                    return None
                row = Featured(url=conv.url, kind="conversation", site=conv.site, title=title, note=note)
            else:
                row = Featured(url=url, kind="site", site=site, title=title, note=note)
            if s.scalar(select(Featured.id).where(Featured.url == row.url)) is not None:
                return None
            s.add(row)
            s.flush()
            return row

    def remove(self, url: str) -> bool:
        """Stop featuring the place at exactly ``url`` (a site by its home URL, as `links` lists it)."""
        with self.store.session() as s:
            row = s.scalar(select(Featured).where(Featured.url == url))
            if row is None:
                return False
            s.delete(row)
            return True

    def places(self, site_of: Callable[[str], str]) -> list[Place]:
        """Every featured place, in the order they were featured, with what the store knows of it; ``site_of``
        names the site of a feed's URL as conversations name theirs (``crawler.urls.site_of``)."""
        c = Conversation.__table__.c
        with self.store.session() as s:
            rows = list(s.scalars(select(Featured).order_by(Featured.id)))
            feeds_by_site: dict[str, list[str]] = {}
            for source in s.scalars(select(Source)):
                for feed in [source.url] * (source.kind == "feed") + list(source.feeds or []):
                    feeds_by_site.setdefault(site_of(feed), []).append(feed)
            found = []
            for row in rows:
                if row.kind == "conversation":
                    conv = s.execute(select(c.title, c.n_replies, c.last_activity).where(c.url == row.url)).first()
                    found.append(Place(row.url, row.kind, row.site, row.title or (conv.title if conv else None)
                                       or row.url, row.note, row.added_at, n_replies=conv.n_replies if conv else 0,
                                       conversations=1, last_activity=conv.last_activity if conv else None))
                else:
                    n, replies, last = s.execute(select(func.count(), func.sum(c.n_replies), func.max(c.last_activity))
                                                 .where(c.site == row.site)).one()
                    found.append(Place(row.url, row.kind, row.site, row.title or row.site, row.note, row.added_at,
                                       n_replies=int(replies or 0), conversations=int(n or 0), last_activity=last,
                                       feeds=tuple(dict.fromkeys(feeds_by_site.get(row.site, [])))))
            return found
