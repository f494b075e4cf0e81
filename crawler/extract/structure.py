"""The structural fallback for engines no platform module knows: repeated reply blocks found by their shape.

Candidates are groups of elements that share a tag and a class token (or an id like ``comment-123``). A group
is taken when most of its members each hold an author-like element (a name, not a date or a URL), a date-like
element and some text of their own, and their author elements look alike. The best group is the largest.
Nested members (threaded replies) are read without their children. When little text stands before the first
block, the page is a forum thread and the first block its opening post.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import datetime

from threadscout.crawler.items import ReplyItem

from .text import HtmlElement, clean_author, element_text, parse_date, squash

_MONTHS = (r"(jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec|janv|févr|mars|avr|juin|juil|août|"
           r"sept|déc)[a-zéû]*\.?")
_DATE = re.compile(r"(\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}|\b\d{1,2}\.?\s+" + _MONTHS
                   + r",?\s+\d{4}|\b" + _MONTHS + r"\s+\d{1,2},?\s+('?\d{2,4})|\b\d+\s+(minutes?|hours?|days?|weeks?|"
                   r"months?|years?|yr)\.?\s+ago\b|\bvor\s+\d+\s+\w+)", re.IGNORECASE)
_AUTHOR_TOKEN = re.compile(r"(author|user|poster|byline|nick|member|commenter|^fn$|name$|^vcard$)", re.IGNORECASE)
_NOT_AUTHOR = re.compile(r"(avatar|photo|pic|img|image|link|url|says|register|date|time|info|title|stat|meta)",
                         re.IGNORECASE)
_PROFILE = re.compile(r"(/(user|users|u|member|members|profile|profiles|people|author|benutzer|mitglied)[/.?=_-]|"
                      r"[?&](u|user|userid|uid)=)", re.IGNORECASE)
_DATE_TOKEN = re.compile(r"(date|time|timestamp|posted|published|ago|datum|zeit)", re.IGNORECASE)
_AD = re.compile(r"^(pingback|trackback|ads?|advert\w*|sponsor\w*|promo\w*)$", re.IGNORECASE)
_ID = re.compile(r"^([a-z_-]*?)[-_]?\d+$", re.IGNORECASE)
_SKIP = frozenset({"script", "style", "noscript", "form", "textarea", "select", "button", "input", "svg", "iframe"})
_NO_GROUP = _SKIP | frozenset({"html", "body", "head", "a", "span", "p", "img", "time", "abbr", "strong", "b", "i",
                               "em", "br", "font", "small", "h1", "h2", "h3", "h4", "h5", "h6", "cite", "dt", "dd",
                               "tr", "td", "th"})
MAX_OWN = 2_000         # elements read in one block
MAX_READ = 200_000      # elements read on one page in all: a huge page stops being searched here
OPENING_TEXT = 250      # characters: less text than this before the first block means a thread, not an article
MAX_ELEMENTS = 60_000


def _tokens(el: HtmlElement) -> list[str]:
    return (el.get("class") or "").split()


def _name_ok(text: str) -> bool:
    text = squash(text)
    return 2 <= len(text) <= 60 and len(text.split()) <= 6 and not _DATE.search(text) and not re.match(
        r"^(https?://|www\.)", text, re.IGNORECASE)


def _is_author(el: HtmlElement) -> bool:
    tokens = _tokens(el) + [t for t in (el.get("itemprop"), el.get("rel")) if t]
    return any(_AUTHOR_TOKEN.search(t) and not _NOT_AUTHOR.search(t) for t in tokens)


def _own(block: HtmlElement, members: set[HtmlElement]) -> list[HtmlElement]:
    """The block's descendants in document order, without nested members (threaded replies) and their content."""
    out: list[HtmlElement] = []
    stack = list(reversed(block))
    while stack and len(out) < MAX_OWN:
        el = stack.pop()
        if not isinstance(el.tag, str) or el.tag in _SKIP or el in members:
            continue
        out.append(el)
        stack.extend(reversed(el))
    return out


def _teaser(block: HtmlElement) -> bool:
    """A block that leads with a heading linking elsewhere: a search result, a product, a related story."""
    return bool(block.xpath('.//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6]//a[@href]'
                            ' | .//a[@href][.//*[self::h1 or self::h2 or self::h3 or self::h4]]'))


def _author(elements: list[HtmlElement]) -> tuple[HtmlElement | None, str | None]:
    inside = set(elements)
    for el in elements:
        if not (_is_author(el) or el.tag == "cite"):
            continue
        if _name_ok(el.text_content()):
            for inner in el.iterdescendants():
                if isinstance(inner.tag, str) and inner in inside and _is_author(inner) and \
                        _name_ok(inner.text_content()):
                    return inner, clean_author(inner.text_content())
            return el, clean_author(el.text_content())
        for inner in el.iterdescendants("a", "strong", "b", "cite"):
            if _name_ok(inner.text_content()):
                return inner, clean_author(inner.text_content())
    for el in elements:
        if el.tag == "a" and _PROFILE.search(el.get("href") or "") and _name_ok(el.text_content()):
            return el, clean_author(el.text_content())
    return None, None


def _date(elements: list[HtmlElement]) -> tuple[HtmlElement | None, datetime | None]:
    for el in elements:
        if el.tag == "time" or el.get("datetime") or el.get("data-time") or el.get("data-timestamp"):
            return el, parse_date(el.get("datetime")) or parse_date(el.text_content())
    leaves = [el for el in elements if len(el) == 0]          # "12.10.2026", not "Tomas Berg 12.10.2026"
    for strict, candidates in ((True, leaves), (True, elements), (False, leaves), (False, elements)):
        for el in candidates:
            text = squash(el.text_content())
            if len(text) > 80 or (strict and not any(_DATE_TOKEN.search(t) for t in _tokens(el))):
                continue
            if _DATE.search(text) or _DATE.search(el.get("title") or ""):
                return el, parse_date(el.get("title")) or parse_date(text)
    return None, None


def _groups(doc: HtmlElement) -> dict[tuple[str, str], list[HtmlElement]]:
    groups: dict[tuple[str, str], list[HtmlElement]] = defaultdict(list)
    for n, el in enumerate(doc.iter()):
        if n > MAX_ELEMENTS:
            break
        if not isinstance(el.tag, str) or el.tag in _NO_GROUP:
            continue
        for token in _tokens(el):
            groups[(el.tag, "." + token)].append(el)
        match = _ID.match(el.get("id") or "")
        if match and match.group(1):
            groups[(el.tag, "#" + match.group(1))].append(el)
    return groups


def _advert(el: HtmlElement) -> bool:
    node: HtmlElement | None = el
    for _ in range(4):
        if node is None:
            return False
        if any(_AD.match(t) for t in _tokens(node)):
            return True
        node = node.getparent()
    return False


def _read(members: list[HtmlElement]) -> list[tuple[HtmlElement, ReplyItem, str]]:
    inside = set(members)
    out = []
    for block in members:
        if _advert(block) or _teaser(block):
            continue
        elements = _own(block, inside)
        author_el, author = _author(elements)
        date_el, published = _date(elements)
        if author_el is None or date_el is None:
            continue
        skip = {author_el, date_el}

        def noise(node: HtmlElement) -> bool:
            return node in skip or node in inside

        text = element_text(block, skip=noise)
        if len(text) < 3:
            continue
        shape = author_el.tag + "".join(sorted("." + t for t in _tokens(author_el) if not re.search(r"\d", t)))
        out.append((block, ReplyItem(author=author, published=published, text=text), shape))
    return out


def find_replies(doc: HtmlElement) -> tuple[list[ReplyItem], bool] | None:
    """(posts in page order, whether the first is the thread's opening post), or None when nothing repeats."""
    best: list[tuple[HtmlElement, ReplyItem, str]] = []
    best_ratio = 0.0
    budget = MAX_READ
    for members in sorted(_groups(doc).values(), key=len, reverse=True):
        if len(members) < 2 or len(members) > 5_000:
            continue
        for member in members:                 # what reading this group costs, counted until the budget is spent
            for _ in member.iter():
                budget -= 1
                if budget <= 0:
                    break
            if budget <= 0:
                break
        if budget <= 0:
            break
        read = _read(members)
        if len(read) < 2 or len(read) < 0.8 * len(members):
            continue
        shapes: dict[str, int] = defaultdict(int)
        for _, _, shape in read:
            shapes[shape] += 1
        if max(shapes.values()) < 0.6 * len(read):
            continue
        ratio = len(read) / len(members)
        if (len(read), ratio) > (len(best), best_ratio):
            best, best_ratio = read, ratio
    if not best:
        return None
    return [reply for _, reply, _ in best], _text_before(doc, best[0][0]) < OPENING_TEXT


def _text_before(doc: HtmlElement, first: HtmlElement) -> int:
    """The longest run of text of its own that an element before ``first`` holds (outside page furniture)."""
    longest = 0
    for el in doc.iter():
        if el is first:
            break
        if not isinstance(el.tag, str) or el.tag in _SKIP or el.tag == "head":
            continue
        if any(a.tag in ("nav", "header", "footer", "aside", "head") for a in el.iterancestors()):
            continue
        longest = max(longest, len(squash(el.text or "")))
    return longest
