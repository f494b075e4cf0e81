"""Small helpers shared by the extractors: parsing, CSS queries, element text, dates and author names."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timezone
from functools import lru_cache

import lxml.etree
import lxml.html
from cssselect import GenericTranslator
from dateutil import parser as dateutil_parser

HtmlElement = lxml.html.HtmlElement

MAX_HTML_CHARS = 2_000_000  # larger documents are cut: extraction must stay fast on hostile input

_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title", "meta", "link", "iframe",
                        "svg", "button", "select", "textarea", "input", "form"})
_BLOCK_TAGS = frozenset({"p", "div", "section", "article", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd",
                         "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "aside", "figure",
                         "figcaption", "main", "nav", "address", "hr"})
_WORD = re.compile(r"\w")
# body classes that WordPress and many other engines put on pages listing posts rather than showing one
LISTING_BODY_CLASSES = frozenset({"home", "blog", "archive", "category", "tag", "date", "search", "search-results",
                                  "paged", "author", "error404", "calendar"})


def parse_html(html: str | bytes) -> HtmlElement | None:
    """Parse a document leniently; None when nothing usable is there."""
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    if not isinstance(html, str) or not html.strip():
        return None
    data = html[:MAX_HTML_CHARS].replace("\x00", "").encode("utf-8", errors="replace")
    parser = lxml.html.HTMLParser(encoding="utf-8", recover=True, remove_comments=True, huge_tree=False)
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (lxml.etree.ParserError, ValueError, TypeError):
        return None
    return root if isinstance(root, HtmlElement) else None


@lru_cache(maxsize=512)
def _compiled(selector: str) -> lxml.etree.XPath:
    return lxml.etree.XPath(GenericTranslator().css_to_xpath(selector, prefix="descendant-or-self::"))


def css(el: HtmlElement, selector: str) -> list[HtmlElement]:
    """CSS selection with a compiled-selector cache (lxml's ``cssselect`` re-translates on every call)."""
    found = _compiled(selector)(el)      # CSS selects elements only (never text or attributes)
    return found if isinstance(found, list) else []


def base_url(doc: HtmlElement, url: str) -> str:
    """The URL relative links resolve against: ``<base href>`` when the page has one."""
    from urllib.parse import urljoin

    base = next((b.get("href") for b in css(doc, "base[href]")), None)
    try:
        return urljoin(url, base.strip()) if base else url
    except ValueError:
        return url


def css_first(el: HtmlElement, selector: str) -> HtmlElement | None:
    found = css(el, selector)
    return found[0] if found else None


def classes(el: HtmlElement) -> set[str]:
    return set((el.get("class") or "").split())


def squash(text: str) -> str:
    """Collapse runs of whitespace into one space."""
    return " ".join(text.split())


def element_text(el: HtmlElement | None, skip: Callable[[HtmlElement], bool] | None = None) -> str:
    """Plain text of an element: paragraphs separated by a blank line, ``<br>`` kept as a line break.

    ``skip`` drops whole subtrees (nested comments, author lines, reply buttons). Paragraphs without a
    single word character (bullets, separators) are dropped.
    """
    if el is None:
        return ""
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _SKIP_TAGS or (skip is not None and node is not el and skip(node)):
            if node.tail:
                parts.append(node.tail)
            return
        block = tag in _BLOCK_TAGS
        if block:
            parts.append("\n\n")
        elif tag == "br":
            parts.append("\n")
        if node.text and tag:
            parts.append(node.text)
        for child in node:
            walk(child)
        if block:
            parts.append("\n\n")
        if node is not el and node.tail:
            parts.append(node.tail)

    walk(el)
    paragraphs = []
    for para in re.split(r"\n\s*\n", "".join(parts)):
        lines = [squash(line) for line in para.split("\n")]
        text = "\n".join(line for line in lines if line)
        if _WORD.search(text):
            paragraphs.append(text)
    return "\n\n".join(paragraphs)


def inline_text(el: HtmlElement | None) -> str:
    """Text of an element on one line."""
    return squash(element_text(el)) if el is not None else ""


# --- dates -------------------------------------------------------------------------------------------------

_MONTHS = {
    # German, French, Spanish, Dutch, Italian names (and the short forms that differ from English) -> English
    "januar": "January", "jänner": "January", "februar": "February", "märz": "March", "maerz": "March",
    "mai": "May", "juni": "June", "juli": "July", "oktober": "October", "dezember": "December",
    "janvier": "January", "février": "February", "fevrier": "February", "mars": "March", "avril": "April",
    "juin": "June", "juillet": "July", "août": "August", "aout": "August", "septembre": "September",
    "octobre": "October", "novembre": "November", "décembre": "December", "decembre": "December",
    "enero": "January", "febrero": "February", "marzo": "March", "abril": "April", "mayo": "May",
    "junio": "June", "julio": "July", "agosto": "August", "septiembre": "September", "octubre": "October",
    "noviembre": "November", "diciembre": "December",
    "januari": "January", "februari": "February", "maart": "March", "mei": "May", "augustus": "August",
    "gennaio": "January", "febbraio": "February", "aprile": "April", "maggio": "May", "giugno": "June",
    "luglio": "July", "settembre": "September", "ottobre": "October", "dicembre": "December",
    "mär": "Mar", "okt": "Oct", "dez": "Dec",
}
_MONTH_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True)) + r")\b\.?",
                       re.IGNORECASE)
_NOISE_RE = re.compile(r"\b(at|um|à|a las|om|alle|posted|uhr)\b|[@|/·•,]", re.IGNORECASE)
_ORDINAL_RE = re.compile(r"(\d)(st|nd|rd|th)\b", re.IGNORECASE)
_DAYFIRST_RE = re.compile(r"^\s*\d{1,2}\.\s*\w")
_NO_YEAR = datetime(1, 1, 1)  # dateutil fills missing parts from this: a date without a year is refused


def parse_date(value: str | None) -> datetime | None:
    """A timezone-aware datetime from ISO 8601 or a common written form; naive values are taken as UTC."""
    if not value:
        return None
    value = squash(str(value))[:100]
    if not value or not re.search(r"\d", value):
        return None
    try:
        result = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        result = None
    if result is None:
        text = _MONTH_RE.sub(lambda m: _MONTHS[m.group(1).lower()], value)
        text = _ORDINAL_RE.sub(r"\1", text)
        text = re.sub(r"\b(\d{1,2}\.\d{1,2}),\s*(\d{4})\b", r"\1.\2", text)  # "17.07, 2011"
        text = re.sub(r"\s[-–—]+(\s|$)", " ", text)
        dayfirst = bool(_DAYFIRST_RE.match(text)) or bool(re.match(r"^\s*\d{1,2}\.\d{1,2}\.\d{2,4}", text))
        text = _NOISE_RE.sub(" ", text)
        try:
            result = dateutil_parser.parse(text, dayfirst=dayfirst, fuzzy=True, default=_NO_YEAR)
        except (ValueError, OverflowError, TypeError, LookupError):
            return None
    if result.year < 1990 or result.year > 2100:
        return None
    return result if result.tzinfo is not None else result.replace(tzinfo=timezone.utc)


def from_epoch_ms(value: str | int | None) -> datetime | None:
    """A UTC datetime from milliseconds since the epoch (Blogger's ``showComment`` values)."""
    try:
        return datetime.fromtimestamp(int(value) / 1000, tz=timezone.utc)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError, OSError):
        return None


# --- author names ------------------------------------------------------------------------------------------

_AUTHOR_PREFIX = re.compile(r"^(comment\s+by|kommentar\s+von|posted\s+by|written\s+by|eingestellt\s+von|publié\s+par|by|von|par)\s+", re.I)
_AUTHOR_SUFFIX = re.compile(
    r"\s*(\b(says|said|sagt|schreibt|dit|dice|zegt|wrote|schrieb|replied|antwortete)\b\s*(\.\.\.|…|:)?"
    r"|\b(reply|antworten|répondre|responder)\b)\s*$",
    re.I,
)
_AUTHOR_DASH = re.compile(r"\s+[—–-]\s+.*$|\s+[|•·@]\s+.*$|\s*\((not verified|nicht überprüft|non vérifié)\)$",
                          re.IGNORECASE)


def clean_author(value: str | None) -> str | None:
    """Strip byline noise: "Comment by", "says:", "said...", a trailing " — date", "Reply"."""
    if not value:
        return None
    text = value.strip().split("\n")[0]
    text = squash(text)
    for _ in range(3):
        before = text
        text = _AUTHOR_PREFIX.sub("", text)
        text = _AUTHOR_DASH.sub("", text)
        text = _AUTHOR_SUFFIX.sub("", text)
        text = text.strip(" \t:,;-–—|·•")
        if text == before:
            break
    return text[:200] or None
