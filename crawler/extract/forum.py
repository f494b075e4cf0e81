"""One forum engine for every forum platform: a table of selectors per engine, hooks for the odd ones.

A thread page is a list of post blocks. The first one is the opening post when the page is the thread's first
(or when its post number says #1); the others are replies. Each reply gets a position in the whole thread
(``position_base`` of the page plus its place on it), so that pages read in any order, or only the last one
on a refresh, keep the thread's order. The thread's URL is its first page's, whatever the page's canonical
link says (phpBB, XenForo, vBulletin ... give every page its own).

Selectors are CSS, or XPath when they start with ``x:`` (relative to the post block), or ``@name`` for an
attribute of the post block itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import lxml.etree

from threadscout.crawler.items import ConversationItem, ReplyItem
from threadscout.crawler.urls import canonical_url, is_fetchable, same_site

from .platform import Extracted
from .text import HtmlElement, base_url, clean_author, css, element_text, inline_text, parse_date

PAGE_STRIDE = 100_000      # positions of page N start at (N - 1) * PAGE_STRIDE when posts carry no number
MAX_POSTS = 5_000          # per page; hostile pages stop here
_NUMBER = re.compile(r"\d[\d.,\u00a0 ]*")
_PAGE_OF = re.compile(r"\b(?:page|seite|p[aá]gina|strona|sida|side)\s+(\d{1,5})\s+(?:of|sur|von|de|di|van|z|av|af|/)"
                      r"\s+\d{1,5}\b", re.IGNORECASE)
MAX_LINKS = 5_000          # links of a page looked at for its pagination


@dataclass(frozen=True)
class ForumRules:
    post: str                                  # the post blocks, in the document
    author: tuple[str, ...]                    # in a block: the first that gives a name wins
    body: tuple[str, ...]
    date: tuple[str, ...] = ()
    permalink: tuple[str, ...] = ()
    title: tuple[str, ...] = ("h1",)           # in the document
    next_page: tuple[str, ...] = ()            # in the document; <link rel=next> is tried after these
    key: tuple[str, ...] = ("id",)             # attributes that identify a post: repeats are dropped
    number: tuple[str, ...] = ()               # in a block: its number in the thread ("#661")
    first_number: int = 1                      # the opening post's number (NodeBB counts from 0)
    skip: Callable[[HtmlElement], bool] | None = None                # placeholders that are no posts
    page: Callable[[HtmlElement, str], int | None] | None = None     # the page's number in the thread
    thread_url: Callable[[str], str] | None = None                   # a page's URL -> the first page's
    opening_in_blocks: bool = True             # False: the opening post is elsewhere (Reddit, HN, Q&A)
    opening: Callable[[HtmlElement, str], ReplyItem | None] | None = None  # that opening post
    kind: str = "thread"                       # "post": a blog engine's comment thread, read the same way
    author_of: Callable[[HtmlElement], str | None] | None = None     # when no selector can say it
    permalink_of: Callable[[HtmlElement, str], str | None] | None = None


def select(el: HtmlElement, selector: str) -> list[HtmlElement]:
    if selector.startswith("x:"):
        try:
            found = el.xpath(selector[2:])
        except lxml.etree.XPathError:
            return []
        return [e for e in found if isinstance(e, lxml.etree.ElementBase)]
    return css(el, selector)


def first_text(el: HtmlElement, selectors: tuple[str, ...]) -> str:
    """The first non-empty text: ``@name`` is the element's own attribute, ``css@name`` a found one's."""
    for selector in selectors:
        if selector.startswith("@"):
            value = (el.get(selector[1:]) or "").strip()
        elif "@" in selector and not selector.startswith("x:"):
            css_part, _, attr = selector.rpartition("@")
            found = select(el, css_part)
            value = (found[0].get(attr) or "").strip() if found else ""
        else:
            found = select(el, selector)
            value = inline_text(found[0]) if found else ""
        if value:
            return value
    return ""


def date_of(el: HtmlElement) -> datetime | None:
    """A date from an element's machine-readable attributes, else its title or text."""
    for attr in ("datetime", "data-datetime", "content"):
        value = parse_date(el.get(attr))
        if value:
            return value
    for attr, scale in (("data-time", 1), ("data-timestamp", 1000), ("data-utime", 1)):
        raw = el.get(attr)
        if raw and raw.strip().isdigit():
            number = int(raw.strip())
            if scale == 1000 or number > 10**11:
                number //= 1000
            try:
                return datetime.fromtimestamp(number, tz=timezone.utc)
            except (OverflowError, OSError, ValueError):
                pass
    title = el.get("title") or ""
    return parse_date(title) or parse_date(title.split(" ")[0]) or parse_date(inline_text(el))


def first_date(el: HtmlElement, selectors: tuple[str, ...]) -> datetime | None:
    for selector in selectors:
        if selector.startswith("@"):
            value = parse_date(el.get(selector[1:]))
            if value:
                return value
            continue
        for found in select(el, selector)[:3]:
            value = date_of(found)
            if value:
                return value
    return None


def first_link(el: HtmlElement, selectors: tuple[str, ...], base: str) -> str | None:
    for selector in selectors:
        for found in select(el, selector)[:1]:
            href = (found.get("href") or "").strip()
            if not href:
                continue
            if href.startswith("#") and len(href) > 1 and is_fetchable(base):   # most permalinks: "#p123"
                return canonical_url(base.partition("#")[0]) + href
            try:
                url = urljoin(base, href)
            except ValueError:
                continue
            if is_fetchable(url):
                return canonical_url(url, keep_fragment=True)
    return None


def post_number(el: HtmlElement, selectors: tuple[str, ...]) -> int | None:
    text = first_text(el, selectors)
    match = _NUMBER.search(text)
    if not match:
        return None
    digits = re.sub(r"\D", "", match.group(0))
    return int(digits) if digits and len(digits) < 10 else None


def body_text(el: HtmlElement, selectors: tuple[str, ...]) -> str:
    for selector in selectors:
        found = select(el, selector)
        if found:
            text = element_text(found[0])
            if text:
                return text
    return ""


def reply_from(block: HtmlElement, rules: ForumRules, base: str, position: int | None) -> ReplyItem:
    author = rules.author_of(block) if rules.author_of else clean_author(first_text(block, rules.author))
    url = rules.permalink_of(block, base) if rules.permalink_of else first_link(block, rules.permalink, base)
    return ReplyItem(author=author, published=first_date(block, rules.date), text=body_text(block, rules.body),
                     url=url, position=position)


def blocks_of(doc: HtmlElement, rules: ForumRules) -> list[HtmlElement]:
    seen: set[str] = set()
    blocks = []
    for block in select(doc, rules.post):
        if rules.skip is not None and rules.skip(block):
            continue
        key = next((block.get(attr) for attr in rules.key if block.get(attr)), None)
        if key is not None:
            if key in seen:
                continue       # the same post twice (an opening post repeated on every page, say)
            seen.add(key)
        blocks.append(block)
        if len(blocks) >= MAX_POSTS:
            break
    return blocks


def _other_page(el: HtmlElement, base: str, here: str) -> str | None:
    """The canonical URL of the thread page ``el`` links to, when it is another page (not ``here``, already
    canonical) of this site; None for an anchor, a script, another site, a broken link."""
    href = (el.get("href") or "").strip()
    if not href or href.startswith(("#", "javascript:")):
        return None
    try:
        url = urljoin(base, href)
    except ValueError:
        return None
    if is_fetchable(url) and canonical_url(url) != here and same_site(url, here):
        return canonical_url(url)
    return None


def next_page(doc: HtmlElement, selectors: tuple[str, ...], base: str, page_url: str) -> str | None:
    for selector in (*selectors, "link[rel~=next][href]"):
        for found in select(doc, selector)[:1]:
            url = _other_page(found, base, page_url)
            if url is not None:
                return url
    return None


_PAGINATION_LINKS = lxml.etree.XPath(
    "//*[contains(translate(@class, 'PAG', 'pag'), 'pag') or contains(translate(@id, 'PAG', 'pag'), 'pag')]"
    "//a[@href]")


def _pagination_links(doc: HtmlElement) -> list[HtmlElement]:
    """The links inside pagination blocks: elements whose class or id names pages ("pagination", "pageNav",
    "pagelinks", "pager", "ipsPagination" ...), in document order, each once."""
    try:
        found = _PAGINATION_LINKS(doc)
    except lxml.etree.XPathError:
        return []
    return list(dict.fromkeys(found))[:MAX_LINKS]   # type: ignore[arg-type]


def markup_page(doc: HtmlElement) -> int | None:
    """The page number a pagination block shows as current: its active item, or "Page N of M"."""
    for el in css(doc, "[class*=pag] .active, [class*=pag] [aria-current=page], [class*=pag] .current")[:5]:
        text = inline_text(el)
        if text.isdecimal() and len(text) < 6:
            return int(text)
    for el in css(doc, "[class*=pag]")[:10]:
        match = _PAGE_OF.search(inline_text(el))
        if match:
            return int(match.group(1))
    return None


def first_page(doc: HtmlElement, base: str, page_url: str, page: int) -> str | None:
    """The thread's first page as a later page's own markup names it, whatever the URL scheme: ``rel=first``,
    the pagination block's link to page 1, or (on page 2) ``rel=prev``. None on a first page, or when the markup
    names none on this site."""
    if page <= 1:
        return None
    here = canonical_url(page_url)
    for el in css(doc, "link[rel~=first][href], a[rel~=first][href]"):
        if (url := _other_page(el, base, here)) is not None:
            return url
    shown = page_link(doc, base, page_url, 1)
    if shown is not None or page != 2:
        return shown
    for el in css(doc, "link[rel~=prev][href], a[rel~=prev][href]"):
        if (url := _other_page(el, base, here)) is not None:
            return url
    return None


def page_link(doc: HtmlElement, base: str, page_url: str, number: int) -> str | None:
    """The pagination block's link to page ``number`` (a link reading that number inside it), on this site."""
    here, wanted = canonical_url(page_url), str(number)
    for a in _pagination_links(doc):
        if inline_text(a) == wanted and (url := _other_page(a, base, here)) is not None:
            return url
    return None


def extract(doc: HtmlElement, page_url: str, url: str, rules: ForumRules) -> Extracted | None:
    """Read one page of a thread with ``rules``; None when the page shows no post blocks (a listing)."""
    base = base_url(doc, url)
    blocks = blocks_of(doc, rules)
    opening: ReplyItem | None = None
    page = (rules.page(doc, url) if rules.page else None) or markup_page(doc) or 1
    # the first page as this page's markup names it (URL rules alone would split a thread whose pages are
    # named otherwise: viewtopic-17-start-4.html), made the thread's URL by the engine's rule
    first = first_page(doc, base, page_url, page) or page_url
    thread = rules.thread_url(first) if rules.thread_url else first
    if not rules.opening_in_blocks:
        opening = rules.opening(doc, base) if rules.opening else None
        if not blocks and opening is None:
            return None
    elif not blocks:
        return None
    numbers = [post_number(b, rules.number) if rules.number else None for b in blocks]
    if rules.opening_in_blocks:
        first_number = numbers[0]
        has_opening = first_number == rules.first_number if first_number is not None else page == 1
    else:
        has_opening = opening is not None
    if numbers and numbers[0] is not None:
        positions: list[int | None] = [n - rules.first_number if n is not None else None for n in numbers]
    else:
        base_position = (page - 1) * PAGE_STRIDE
        positions = [base_position + i for i in range(len(blocks))]
    if not rules.opening_in_blocks:   # the blocks are all replies: positions count from 1
        positions = [p + 1 if p is not None else None for p in positions]
    posts = [reply_from(b, rules, base, p) for b, p in zip(blocks, positions)]
    if rules.opening_in_blocks and has_opening:
        opening, posts = posts[0], posts[1:]
    conv = ConversationItem(url=thread, kind=rules.kind, replies=posts, origin="page",  # type: ignore[arg-type]
                            title=first_text(doc, rules.title) or None)
    if opening is not None:
        conv.author, conv.published, conv.text = opening.author, opening.published, opening.text
    shown = page if not has_opening else 1
    return Extracted(conversation=conv, thread_url=thread, page=shown,
                     next_page=next_page(doc, rules.next_page, base, page_url)
                     or page_link(doc, base, page_url, shown + 1))


# -- helpers for the engines' hooks ----------------------------------------------------------------------------

def query_int(url: str, *names: str) -> int | None:
    for key, value in parse_qsl(urlsplit(url).query):
        if key in names and value.strip().isdigit():
            return int(value)
    return None


def without_query(url: str, *names: str) -> str:
    parts = urlsplit(url)
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in names]
    return urlunsplit(parts._replace(query=urlencode(kept)))


def path_page(url: str, pattern: re.Pattern[str]) -> int | None:
    match = pattern.search(urlsplit(url).path)
    return int(match.group(1)) if match else None


def without_path_page(url: str, pattern: re.Pattern[str]) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=pattern.sub("", parts.path) or "/"))


def has_generator(doc: HtmlElement, *names: str) -> bool:
    """``<meta name="generator">`` (any case: Drupal writes "Generator") naming one of ``names``."""
    for meta in doc.iter("meta"):
        if (meta.get("name") or "").lower() == "generator":
            content = (meta.get("content") or "").lower()
            if any(name in content for name in names):
                return True
    return False
