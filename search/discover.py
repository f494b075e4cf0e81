"""`threadscout discover`: places not yet watched where the mission's conversations seem to happen.

Evidence is what the store already holds: links from relevant conversations (those matching the mission's
keywords) to other sites, in a post or from its commenters. Sites already watched are left out. The best
candidates are then looked at lightly (one page each) for their feeds and software; nothing more is crawled.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select

from threadscout.config.settings import Settings
from threadscout.crawler.addresses import AddressPolicy
from threadscout.crawler.urls import place_of, site_of
from threadscout.indexer.db import Store
from threadscout.indexer.index import IndexMissingError
from threadscout.indexer.models import Conversation, Link
from threadscout.search.query import open_index

RELEVANT = 1_000     # relevant conversations looked at
PROBED = 10          # candidates looked at on the web


@dataclass
class Candidate:
    site: str
    url: str                                     # the page relevant conversations link to most
    score: float
    conversations: list[str] = field(default_factory=list)    # relevant conversations that link there
    linked: dict[str, int] = field(default_factory=dict)      # linked URL -> how many conversations link it
    kind: str = "site"
    feeds: list[str] = field(default_factory=list)
    platform: str | None = None
    looked: str | None = None                   # what the light look found ("HTTP 200", an error ...)

    def as_dict(self) -> dict[str, Any]:
        return {"url": self.url, "site": self.site, "kind": self.kind, "feeds": self.feeds, "score": round(self.score, 3),
                "platform": self.platform,
                "evidence": {"conversations": len(self.conversations), "examples": self.conversations[:3],
                             "linked_pages": sorted(self.linked, key=lambda u: -self.linked[u])[:3],
                             "looked": self.looked}}


def candidates(cfg: Settings, store: Store, watched: list[str], limit: int) -> list[Candidate]:
    query = " OR ".join(f'"{k}"' for k in cfg.mission.keywords)
    try:
        hits = open_index(cfg).search(query, limit=RELEVANT)
    except IndexMissingError:
        hits = []
    relevant = {h.url for h in hits}
    found: dict[str, Candidate] = {}
    per_site_convs: dict[str, set[str]] = defaultdict(set)
    with store.session() as s:
        rows = s.execute(select(Conversation.url, Link.url).join(Link, Link.conversation_id == Conversation.id)
                         .where(Conversation.url.in_(relevant))).all() if relevant else []
    # site furniture ("Powered by ...", a footer's partner link) stands on most pages of a site: not evidence
    per_linking: dict[str, set[str]] = defaultdict(set)
    per_link: dict[tuple[str, str], int] = defaultdict(int)
    for conv_url, link_url in rows:
        per_linking[site_of(conv_url)].add(conv_url)
        per_link[(site_of(conv_url), link_url)] += 1
    watched_places = {place_of(url) for url in watched}
    for conv_url, link_url in rows:
        site = place_of(link_url)
        linking = site_of(conv_url)
        count, total = per_link[(linking, link_url)], len(per_linking[linking])
        if total >= 3 and count >= 0.8 * total:
            continue
        if not site or site in watched_places or place_of(conv_url) == site:
            continue                      # a watched place, or a link within the conversation's own site
        cand = found.setdefault(site, Candidate(site=site, url=link_url, score=0.0))
        cand.linked[link_url] = cand.linked.get(link_url, 0) + 1
        per_site_convs[site].add(conv_url)
    for site, cand in found.items():
        cand.conversations = sorted(per_site_convs[site])
        linking_sites = {site_of(u) for u in cand.conversations}
        cand.score = len(cand.conversations) + 0.5 * len(linking_sites)
        cand.url = max(cand.linked, key=lambda u: (cand.linked[u], -len(u)))
    return sorted(found.values(), key=lambda c: (-c.score, c.site))[:limit]


def look(cfg: Settings, found: list[Candidate]) -> None:
    """Fetch the top candidates' most linked pages once, for their feeds and software."""
    from threadscout.crawler.probe import probe

    top = found[:PROBED]
    if not top:
        return
    # a candidate may be on a private address only when the conversations pointing there are too
    policy = AddressPolicy()
    targets = [(c.url, all(policy.is_private_host(urlsplit(u).hostname or "") for u in c.conversations))
               for c in top]
    seen = probe(cfg, targets)
    for cand in top:
        result = seen.get(cand.url)
        if result is None:
            continue
        cand.feeds, cand.platform, cand.kind = result.feeds, result.platform, result.kind
        cand.looked = result.error or (f"HTTP {result.status}" if result.status else None)
