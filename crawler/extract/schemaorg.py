"""schema.org data in a page: JSON-LD (parsed block by block) and microdata (through extruct)."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

from threadscout.crawler.items import ReplyItem
from threadscout.crawler.urls import canonical_url, same_site

from .text import HtmlElement, clean_author, css, element_text, parse_date, squash

log = logging.getLogger(__name__)

POST_TYPES = frozenset({"BlogPosting", "Article", "NewsArticle", "DiscussionForumPosting", "SocialMediaPosting",
                        "Question", "TechArticle", "ReportageNews", "LiveBlogPosting", "Report", "ScholarlyArticle"})
THREAD_TYPES = frozenset({"DiscussionForumPosting", "SocialMediaPosting", "Question"})
REPLY_TYPES = frozenset({"Comment", "Answer"})
_REPLY_KEYS = ("comment", "comments", "acceptedAnswer", "suggestedAnswer", "hasPart")
_MAX_NODES = 20_000
MICRODATA_MAX_CHARS = 1_000_000  # extruct parses the page again: longer pages are cut


@dataclass
class SchemaData:
    """What the page's schema.org data says about its conversation."""

    title: str | None = None
    author: str | None = None
    published: datetime | None = None
    text: str = ""
    kind: str = "post"
    has_main_entity: bool = False    # a post-like item (BlogPosting, Article, DiscussionForumPosting, ...)
    replies: list[ReplyItem] = field(default_factory=list)


def _types(node: dict[str, Any]) -> set[str]:
    value = node.get("@type") or node.get("type") or []
    values = value if isinstance(value, list) else [value]
    return {str(v).rsplit("/", 1)[-1] for v in values if isinstance(v, str)}


def _first(value: Any) -> Any:
    while isinstance(value, list):
        if not value:
            return None
        value = value[0]
    return value


def _name(value: Any) -> str | None:
    value = _first(value)
    if isinstance(value, dict):
        value = value.get("name") or value.get("alternateName")
        value = _first(value)
    if not isinstance(value, str) or value.strip().startswith(("/", "http://", "https://")):
        return None  # a profile URL, not a name
    return clean_author(squash(value))


def _string(value: Any) -> str:
    value = _first(value)
    if isinstance(value, dict):
        value = value.get("@value") or value.get("text") or ""
    return value.strip() if isinstance(value, str) else ""


def _plain(value: str) -> str:
    """JSON-LD text sometimes carries HTML: reduce it to plain text."""
    if "<" in value and ">" in value:
        from .text import parse_html

        doc = parse_html(value)
        body = doc.find("body") if doc is not None else None
        return element_text(body if body is not None else doc)
    return "\n\n".join(squash(p) for p in value.split("\n\n") if p.strip())


def _date(node: dict[str, Any]) -> datetime | None:
    for key in ("datePublished", "dateCreated", "uploadDate", "dateModified"):
        found = parse_date(_string(node.get(key)))
        if found:
            return found
    return None


def json_ld_nodes(doc: HtmlElement) -> list[dict[str, Any]]:
    """Every top-level JSON-LD item, each ``<script>`` parsed on its own so one bad block loses only itself."""
    nodes: list[dict[str, Any]] = []
    for script in css(doc, 'script[type="application/ld+json"]'):
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            log.debug("malformed JSON-LD block skipped")
            continue
        stack = data if isinstance(data, list) else [data]
        for item in stack:
            if isinstance(item, dict) and isinstance(item.get("@graph"), list):
                nodes.extend(n for n in item["@graph"] if isinstance(n, dict))
            elif isinstance(item, dict):
                nodes.append(item)
    return nodes


def microdata_nodes(html: str) -> list[dict[str, Any]]:
    """Top-level microdata items (extruct, microdata syntax only: the others are slow)."""
    if "itemscope" not in html:
        return []
    try:
        import extruct

        data = extruct.extract(html[:MICRODATA_MAX_CHARS], syntaxes=["microdata"], uniform=True)
    except Exception:  # extruct raises many kinds of errors on odd markup; microdata is optional
        log.debug("microdata extraction failed", exc_info=True)
        return []
    return [n for n in data.get("microdata", []) if isinstance(n, dict)]


def _walk(node: Any, seen: set[int], budget: list[int]) -> Iterator[dict[str, Any]]:
    """Every dict under ``node``, in document order, each once."""
    if budget[0] <= 0:
        return
    if isinstance(node, list):
        for item in node:
            yield from _walk(item, seen, budget)
    elif isinstance(node, dict) and id(node) not in seen:
        seen.add(id(node))
        budget[0] -= 1
        yield node
        for value in node.values():
            if isinstance(value, (dict, list)):
                yield from _walk(value, seen, budget)


def _replies_of(node: dict[str, Any], page_url: str, out: list[ReplyItem], seen: set[int]) -> None:
    """Replies under a post or a comment (nested comment arrays flattened in document order)."""
    for key in _REPLY_KEYS:
        value = node.get(key)
        for child in value if isinstance(value, list) else [value]:
            if not isinstance(child, dict) or id(child) in seen or not (_types(child) & REPLY_TYPES):
                continue
            seen.add(id(child))
            out.append(_reply(child, page_url))
            _replies_of(child, page_url, out, seen)


def _reply(node: dict[str, Any], page_url: str) -> ReplyItem:
    url = _string(node.get("url")) or _string(node.get("@id")) or None
    if url:
        url = urljoin(page_url, url)
        url = canonical_url(url, keep_fragment=True) if same_site(url, page_url) else None
    text = _plain(_string(node.get("text")) or _string(node.get("description")))
    return ReplyItem(author=_name(node.get("author") or node.get("creator")), published=_date(node), text=text,
                     url=url)


def extract(doc: HtmlElement, html: str, page_url: str) -> SchemaData | None:
    """The post and its replies as schema.org describes them; None when the page has no such data."""
    roots: list[dict[str, Any]] = json_ld_nodes(doc) + microdata_nodes(html)
    if not roots:
        return None
    seen: set[int] = set()
    nodes = list(_walk(roots, seen, [_MAX_NODES]))
    main: dict[str, Any] | None = None
    for node in nodes:
        types = _types(node)
        if "QAPage" in types and isinstance(_first(node.get("mainEntity")), dict):
            main = _first(node["mainEntity"])
            break
        if types & POST_TYPES and main is None:
            main = node
    data = SchemaData()
    taken: set[int] = set()
    if main is not None:
        data.has_main_entity = True
        data.kind = "thread" if _types(main) & THREAD_TYPES else "post"
        data.title = squash(_string(main.get("headline")) or _string(main.get("name"))) or None
        data.author = _name(main.get("author") or main.get("creator"))
        data.published = _date(main)
        data.text = _plain(_string(main.get("articleBody")) or _string(main.get("text")))
        _replies_of(main, page_url, data.replies, taken)
    # Comments that are items of their own (microdata on each comment block, JSON-LD comment lists)
    for node in nodes:
        if id(node) not in taken and _types(node) & REPLY_TYPES and id(node) is not id(main):
            taken.add(id(node))
            data.replies.append(_reply(node, page_url))
            _replies_of(node, page_url, data.replies, taken)
    if not data.has_main_entity and not data.replies:
        return None
    return data
