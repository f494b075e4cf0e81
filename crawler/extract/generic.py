"""Fallback for pages of unknown software: trafilatura for the opening post, listing detection by page shape."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from .text import LISTING_BODY_CLASSES, HtmlElement, clean_author, css, parse_date, squash

log = logging.getLogger(__name__)

_LISTING_PATH = re.compile(r"/(tag|tags|category|categories|label|search|archive|archives|calendar|page/\d+|author)(/|$)",
                           re.IGNORECASE)


MAX_CHARS = 1_000_000  # trafilatura's time grows quickly with page size: longer pages are cut


@dataclass
class MainText:
    title: str | None = None
    author: str | None = None
    published: datetime | None = None
    text: str = ""


def main_text(html: str, url: str) -> MainText:
    """Title, author, date and text of the main content, by trafilatura (about 20-100 ms a page)."""
    try:
        import trafilatura

        # fast=True skips the justext/readability fallbacks, quadratic on pages with many blocks
        doc = trafilatura.bare_extraction(html[:MAX_CHARS], url=url, with_metadata=True, include_comments=False,
                                          include_tables=True, fast=True)
    except Exception:  # trafilatura fails in many ways on hostile input; the fallback must not
        log.debug("trafilatura failed on %s", url, exc_info=True)
        return MainText()
    if doc is None:
        return MainText()
    data = doc if isinstance(doc, dict) else doc.as_dict()
    text = "\n\n".join(squash(line) for line in (data.get("text") or "").split("\n") if line.strip())
    return MainText(
        title=squash(data.get("title") or "") or None,
        author=clean_author(data.get("author")),
        published=parse_date(data.get("date")),
        text=text,
    )


def looks_like_listing(doc: HtmlElement, url: str) -> bool:
    """Home, tag, category, archive, calendar and search pages, or pages made of several article teasers."""
    body = doc.find(".//body")
    if body is not None and LISTING_BODY_CLASSES & set((body.get("class") or "").lower().split()):
        return True
    path = urlsplit(url).path
    if path in ("", "/") and not urlsplit(url).query:
        return True
    if _LISTING_PATH.search(path):
        return True
    og_type = next((m.get("content", "") for m in css(doc, 'meta[property="og:type"]')), "")
    if og_type.lower() == "article" or css(doc, 'meta[property="article:published_time"]'):
        return False
    articles = [a for a in css(doc, "article") if not any(p.tag == "article" for p in a.iterancestors())]
    return len(articles) >= 3 and not css(doc, "h1")
