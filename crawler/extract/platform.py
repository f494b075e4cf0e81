"""The one small interface every platform module exposes, and what its extraction gives back.

A platform module (one per engine family: ``wordpress``, ``phpbb``, ``xenforo`` ...) defines ``PLATFORM``, a
``Platform`` with a name, how to recognise a page (``detect``) and how to read it (``extract``). The registry
(``registry.py``) lists them in the order they are tried; adding an engine is one module and one line there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from threadscout.crawler.items import ConversationItem

from .text import HtmlElement


@dataclass
class Extracted:
    """What a platform read from one page."""

    conversation: ConversationItem | None = None   # None: not a conversation (a listing, an empty page ...)
    listing: bool = False                          # a board, forum or topic list: follow, never store
    thread_url: str | None = None                  # the thread's first page: the conversation's URL
    page: int = 1                                  # which page of the thread this is (1: the opening post's)
    next_page: str | None = None                   # the thread's next page, when there is one
    topics: list[str] = field(default_factory=list)  # on a listing: the threads (and sub-boards) it links to


@dataclass(frozen=True)
class Platform:
    name: str
    # (document, raw HTML, URL) -> is this page made by this platform?
    detect: Callable[[HtmlElement, str, str], bool]
    # (document, canonical page URL, fetched URL) -> what the page holds; None when it holds nothing of use
    extract: Callable[[HtmlElement, str, str], Extracted | None]
    # a fixture page written by the project shows one of its threads (tests/sites/platforms/<name>/...)
    kind: str = "thread"     # "post" for blog engines, "thread" for forums and Q&A
    # where the engine publishes its feeds (../shared/FIELD-NOTES.md): probed once per source when its first page
    # shows the engine; "/x" from the site's root, "x" beside the source's URL (a forum in /forum/)
    feeds: tuple[str, ...] = ()
