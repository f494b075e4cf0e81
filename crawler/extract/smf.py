"""Simple Machines Forum 2.1. Pages are message offsets (``index.php?topic=ID.START``, ``.0`` = page 1).

Replies carry their number ("#3", the opening post none); the edit note, signature and poster column sit
outside the message body (``div.inner[data-msgid]``). Canonical links differ per page.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from . import forum
from .platform import Extracted, Platform
from .text import HtmlElement, css, inline_text

_TOPIC = re.compile(r"(?:^|[?&;])topic=(\d+)(?:\.(\w+))?")         # topic=15.30, topic=15.msg104, topic=15.0;all
_QUERYLESS = re.compile(r"/topic,(\d+)\.\w+\.html$")               # "queryless URLs": index.php/topic,15.30.html


def current_page(doc: HtmlElement, url: str) -> int | None:
    """The page index's current page; else page 1 when the URL starts at message 0."""
    for el in css(doc, ".pagelinks span.current_page, .pagelinks strong")[:1]:
        text = inline_text(el).strip("[]")
        if text.isdigit():
            return int(text)
    match = _TOPIC.search(urlsplit(url).query) or _QUERYLESS.search(urlsplit(url).path)
    start = match.group(2) if match and match.lastindex == 2 else None
    return 1 if start in (None, "0") else None


def thread_url(url: str) -> str:
    parts = urlsplit(url)
    match = _TOPIC.search(parts.query)
    if match:
        return urlunsplit(parts._replace(query=f"topic={match.group(1)}.0", fragment=""))
    path = _QUERYLESS.sub(lambda m: f"/topic,{m.group(1)}.0.html", parts.path)
    return urlunsplit(parts._replace(path=path, fragment=""))


RULES = forum.ForumRules(
    post='div.windowbg[id^="msg"], div.approvebg[id^="msg"]',
    author=('div.poster h4 a[href*="action=profile"]', "div.poster h4 a", "div.poster h4"),
    body=("div.inner[data-msgid]", 'div.post div.inner[id^="msg_"]', "div.post"),
    date=(".postinfo > a.smalltext:not(.modified)", ".keyinfo .smalltext"),
    permalink=(".postinfo > a.smalltext[href]", '.keyinfo a[href*="msg"]'),
    title=("#top_subject", "h2.display_title", "h1"),
    next_page=('x://div[contains(@class,"pagelinks")]//a[span[contains(@class,"next_page")]]',),
    number=("span.page_number",),
    first_number=0,
    page=current_page,
    thread_url=thread_url,
)


def detect(doc: HtmlElement, html: str, url: str) -> bool:
    return "smf_scripturl" in html or ("Simple Machines" in html and bool(css(doc, RULES.post)))


def read(doc: HtmlElement, page_url: str, url: str) -> Extracted | None:
    return forum.extract(doc, page_url, url, RULES)


PLATFORM = Platform("smf", detect=detect, extract=read)
