"""Stack Exchange question pages: the question opens; answers and every visible comment are the replies, in the
order of the page (comments on the question come first)."""

from __future__ import annotations

from threadscout.crawler.items import ReplyItem

from . import forum
from .platform import Extracted, Platform
from .text import HtmlElement, css, element_text

_QUESTION = "#question, div.question"


def opening(doc: HtmlElement, base: str) -> ReplyItem | None:
    for question in css(doc, _QUESTION)[:1]:
        author = forum.first_text(question, ("x:.//div[contains(@class,'owner')]//*[@itemprop='author']"
                                             "//*[@itemprop='name']",
                                             "x:.//div[contains(@class,'owner')]//div[contains(@class,"
                                             "'user-details')]//a", "[itemprop=author] [itemprop=name]"))
        body = css(question, "div.js-post-body, div.s-prose, div.post-text")
        return ReplyItem(author=author or None, published=forum.first_date(question, ("time[itemprop=dateCreated]",)),
                         text=element_text(body[0]) if body else "")
    return None


def permalink(block: HtmlElement, base: str) -> str | None:
    """Answers have a share link; comments only their id."""
    if (block.get("id") or "").startswith("comment-"):
        return forum.canonical_url(forum.urljoin(base, "#" + block.get("id", "")), keep_fragment=True)
    return forum.first_link(block, ("a.js-share-link",), base)


RULES = forum.ForumRules(
    post='x://div[contains(concat(" ", normalize-space(@class), " "), " answer ")][starts-with(@id, "answer-")]'
         ' | //li[contains(concat(" ", normalize-space(@class), " "), " comment ")][starts-with(@id, "comment-")]',
    author=("[itemprop=author] [itemprop=name]", "a.comment-user", ".user-details a"),
    body=("div.js-post-body", "div.s-prose", "span.comment-copy"),
    date=("time[itemprop=dateCreated]",
          'x:(.//div[contains(@class,"post-signature")])[last()]//*[contains(@class,"relativetime")]',
          ".comment-date span[title]", ".relativetime"),
    permalink_of=permalink,
    title=("#question-header h1", "h1"),
    next_page=(".pager-answers a[rel=next]",),
    opening_in_blocks=False,
    opening=opening,
    thread_url=lambda url: forum.without_query(url, "page", "tab", "answertab", "noredirect"),
)


def detect(doc: HtmlElement, html: str, url: str) -> bool:
    return (doc.get("itemtype") or "").endswith("QAPage") or bool(css(doc, "body.question-page"))


def read(doc: HtmlElement, page_url: str, url: str) -> Extracted | None:
    return forum.extract(doc, page_url, url, RULES)


PLATFORM = Platform("stackexchange", detect=detect, extract=read, feeds=("/feeds",))
