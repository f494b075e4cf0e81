"""Community links: the places staff feature, written for the organisation's own website.

Three forms of the same list: an HTML fragment to paste into a page, an RSS feed a website (or a reader) can
follow, and an OPML file listing the sites' feeds and the conversations. Everything crawled is escaped (the
standard library's XML writer for RSS and OPML, ``html.escape`` for the fragment).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from datetime import datetime, timezone
from email.utils import format_datetime
from typing import Any
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

from threadscout.config.errors import NotFoundError, UsageError
from threadscout.config.settings import Settings, url_problem
from threadscout.crawler.clean import one_line as _one_line
from threadscout.crawler.urls import canonical_url, site_of
from threadscout.indexer.db import Store
from threadscout.indexer.featured import Links, Place
from threadscout.search.progress import plural
from threadscout.search.query import url_variants

FORMATS = ("html", "rss", "opml")
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def one_line(text: str | None) -> str:
    """Safe text on one line, without the characters XML 1.0 cannot hold (U+FFFE ...)."""
    return _NOT_XML.sub("", _one_line(text))


def add(cfg: Settings, url: str, *, title: str | None = None, note: str | None = None, site: bool = False) -> str:
    problem = url_problem(url.strip())
    if problem:
        raise UsageError(problem)
    store = Store(cfg.database_url)
    try:
        links = Links(store)
        stored = None if site else next((c for c in url_variants(url) if store.conversation(c) is not None), None)
        if stored is not None:
            row = links.add(stored, title=title, note=note)
        else:                      # asked for the site, or no conversation is stored there: the site
            row = links.add(home_of(url), title=title, note=note, site=site_of(url))
        if row is None:
            return f"{url} is featured already (see `threadscout links`)."
        what = "the conversation" if row.kind == "conversation" else "the site"
        return f"Featured {what} {row.url} in the community links."
    finally:
        store.close()


def remove(cfg: Settings, url: str, *, site: bool = False) -> str:
    """Stop featuring the conversation at ``url``, or with ``site`` the site it is on (``url`` may be any page of
    it, as given to `links add --site`)."""
    if site:
        problem = url_problem(url.strip())
        if problem:
            raise UsageError(problem)
    store = Store(cfg.database_url)
    try:
        links = Links(store)
        candidates = [home_of(url)] if site else [*url_variants(url), url.strip()]
        if not any(links.remove(candidate) for candidate in candidates):
            raise NotFoundError(f"{url} is not among the community links (see `threadscout links`)")
    finally:
        store.close()
    return f"{url} is no longer featured."


def home_of(url: str) -> str:
    """A site's home page as the links name it: its scheme and host, no credentials, no default port."""
    parts = urlsplit(url.strip())
    port = f":{parts.port}" if parts.port else ""
    host = (parts.hostname or "").lower()
    host = f"[{host}]" if ":" in host else host      # an IPv6 literal keeps its brackets
    return canonical_url(f"{parts.scheme.lower()}://{host}{port}/")


def places(cfg: Settings) -> list[Place]:
    store = Store(cfg.database_url)
    try:
        return Links(store).places(site_of)
    finally:
        store.close()


def render(cfg: Settings, found: Sequence[Place], form: str, now: datetime | None = None) -> str:
    if form == "html":
        return as_html(cfg, found)
    if form == "rss":
        return as_rss(cfg, found, now or datetime.now(timezone.utc))
    if form == "opml":
        return as_opml(cfg, found, now or datetime.now(timezone.utc))
    raise UsageError(f"{form!r} is not a format: use {', '.join(FORMATS)}")


def _facts(place: Place) -> str:
    if place.kind == "site":
        facts = f"{plural(place.conversations, 'conversation')}, {plural(place.n_replies, 'reply', 'replies')}"
    else:
        facts = f"{one_line(place.site)} · {plural(place.n_replies, 'reply', 'replies')}"
    if place.last_activity:
        facts += f" · last activity {place.last_activity.astimezone(timezone.utc):%Y-%m-%d}"
    return facts


def as_html(cfg: Settings, found: Sequence[Place]) -> str:
    """A fragment (no page around it) to paste into the organisation's website."""
    items = []
    for place in found:
        note = f'<br><span class="note">{html.escape(one_line(place.note))}</span>' if place.note else ""
        items.append(f'  <li class="{place.kind}"><a href="{html.escape(place.url)}">'
                     f"{html.escape(one_line(place.title))}</a> "
                     f'<span class="facts">{html.escape(_facts(place))}</span>{note}</li>')
    title = html.escape(f"Where the conversations about {one_line(cfg.mission.name)} are")
    return (f'<section class="threadscout-links">\n<h2>{title}</h2>\n<ul>\n' + "\n".join(items)
            + "\n</ul>\n</section>\n")


def as_rss(cfg: Settings, found: Sequence[Place], now: datetime) -> str:
    """An RSS 2.0 feed of the featured places, newest featured first."""
    rss = ET.Element("rss", version="2.0")
    channel = ET.SubElement(rss, "channel")
    ET.SubElement(channel, "title").text = f"Where the conversations about {one_line(cfg.mission.name)} are"
    ET.SubElement(channel, "link").text = found[0].url if found else "https://pypi.org/project/threadscout/"
    ET.SubElement(channel, "description").text = ("Blogs, forums and threads where people talk about "
                                                  f"{one_line(cfg.mission.name)}: come and take part.")
    ET.SubElement(channel, "lastBuildDate").text = format_datetime(now, usegmt=True)
    ET.SubElement(channel, "generator").text = "threadscout"
    for place in sorted(found, key=lambda p: p.added_at, reverse=True):
        item = ET.SubElement(channel, "item")
        ET.SubElement(item, "title").text = one_line(place.title)
        ET.SubElement(item, "link").text = place.url
        ET.SubElement(item, "guid", isPermaLink="true").text = place.url
        ET.SubElement(item, "description").text = one_line(place.note) or _facts(place)
        ET.SubElement(item, "pubDate").text = format_datetime(place.added_at.astimezone(timezone.utc), usegmt=True)
        ET.SubElement(item, "category").text = place.kind
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(rss, encoding="unicode") + "\n"


def as_opml(cfg: Settings, found: Sequence[Place], now: datetime) -> str:
    """An OPML 2.0 outline: each featured site with its feeds (a reader subscribes to them), each featured
    conversation as a link."""
    opml = ET.Element("opml", version="2.0")
    head = ET.SubElement(opml, "head")
    ET.SubElement(head, "title").text = f"Where the conversations about {one_line(cfg.mission.name)} are"
    ET.SubElement(head, "dateCreated").text = format_datetime(now, usegmt=True)
    body = ET.SubElement(opml, "body")
    for place in found:
        attrs: dict[str, Any] = {"text": one_line(place.title), "title": one_line(place.title),
                                 "htmlUrl": place.url}
        if place.kind == "site" and place.feeds:
            site = ET.SubElement(body, "outline", **attrs)
            for feed in place.feeds:
                ET.SubElement(site, "outline", type="rss", text=feed, xmlUrl=feed, htmlUrl=place.url)
        else:
            ET.SubElement(body, "outline", type="link", url=place.url, **attrs)
    if not found:        # OPML 2.0: a body holds at least one outline
        ET.SubElement(body, "outline", text="Nothing is featured yet")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(opml, encoding="unicode") + "\n"
