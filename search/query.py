"""Answering people: a query string in, plain result dataclasses out. No Whoosh object leaves ``indexer``."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from threadscout.config.errors import IndexUnusableError, NotFoundError
from threadscout.config.settings import Settings
from threadscout.crawler.urls import canonical_url, is_fetchable
from threadscout.indexer import reading
from threadscout.indexer.index import REBUILD_HINT, IndexMissingError, SearchIndex
from threadscout.indexer.querylang import check_typed
from threadscout.indexer.reading import has_moved, with_offset
from threadscout.indexer.snippets import highlighter

if TYPE_CHECKING:      # SQLAlchemy is loaded only where the store is written or counted: search starts faster
    from threadscout.indexer.db import Store
    from threadscout.indexer.models import Conversation


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


@dataclass(frozen=True)
class ReplyView:
    author: str | None
    published: str | None
    text: str
    url: str | None
    highlights: list[list[int]] | None = None     # with show --query: the matches in ``text``


@dataclass(frozen=True)
class ConversationView:
    url: str
    title: str | None
    site: str
    kind: str
    author: str | None
    published: str | None
    last_activity: str | None
    n_replies: int
    participants: list[str]
    snippet: str = ""
    score: float = 0.0
    highlights: list[list[int]] | None = None    # search results: the matched words in ``snippet``, [start, end)
    explain: dict[str, float] | None = None     # with --explain: the parts of ``score``
    text: str | None = None
    replies: list[ReplyView] | None = None
    gone: str | None = None        # when the page answered 404 / 410 (the conversation is kept)
    state: str = "new"             # taking part: new | claimed | answered | skipped (`threadscout mark`)
    state_by: str | None = None
    state_note: str | None = None
    moved: bool = False            # answered or skipped, and replies came since

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for reply in data.get("replies") or []:
            if reply["highlights"] is None:
                del reply["highlights"]
        if self.replies is None:
            del data["replies"], data["text"]
        if self.highlights is None:
            del data["highlights"]
        if self.explain is None:
            del data["explain"]
        return data


def _view(conv: Conversation | reading.StoredConversation, *, snippet: str = "", score: float = 0.0, full: bool = False,
          highlights: list[list[int]] | None = None) -> ConversationView:
    return ConversationView(
        url=conv.url, title=conv.title, site=conv.site, kind=conv.kind, author=conv.author,
        published=_iso(with_offset(conv.published, conv.published_offset)), last_activity=_iso(conv.last_activity),
        n_replies=conv.n_replies, participants=conv.participants, snippet=snippet, score=round(score, 4),
        highlights=highlights,
        text=conv.text if full else None, gone=_iso(conv.gone_at), state=conv.state or "new",
        state_by=conv.state_by, state_note=conv.state_note,
        moved=has_moved(conv.state, conv.state_replies, conv.n_replies),
        replies=[ReplyView(author=r.author, published=_iso(with_offset(r.published, r.published_offset)),
                           text=r.text, url=r.url) for r in conv.replies] if full else None,
    )


def open_index(cfg: Settings) -> SearchIndex:
    """The search index, stemmed for the mission's language."""
    return SearchIndex(cfg.index_dir, language=cfg.mission.language)


def index_missing(store: Store) -> None:
    """No index: fine when nothing was crawled yet; an error saying how to rebuild it when the store holds
    conversations."""
    stored = store.count()
    if stored:
        raise IndexUnusableError(f"the search index is missing, but the database holds {stored} "
                                 f"conversation{'' if stored == 1 else 's'}; {REBUILD_HINT}") from None


def mission_query(cfg: Settings) -> str:
    """The mission's keywords as one query: any of them."""
    return " OR ".join('"' + k.replace('"', "") + '"' for k in cfg.mission.keywords)


def asked(cfg: Settings, query: str) -> str:
    """The query someone typed, refused in one line when longer than people type (``QueryError``); none: the
    mission's keywords."""
    if not query.strip():
        return mission_query(cfg)
    check_typed(query)
    return query


def search(cfg: Settings, query: str, *, limit: int = 20, everything: bool = False, sort: str = "relevance",
           explain: bool = False, offset: int = 0) -> list[ConversationView]:
    """Conversations matching ``query`` (the mission's keywords when empty), best first; the mission's
    ``exclude`` phrases are left out unless ``everything``."""
    query = asked(cfg, query)
    found: dict[str, Any] = {}

    def texts(urls: list[str]) -> dict[str, str]:
        found.update({c.url: c for c in reading.conversations(cfg.database_url, urls)})
        return {u: "\n\n".join([c.text or "", *(r.text for r in c.replies)]) for u, c in found.items()}

    try:
        hits = open_index(cfg).search(
            query, limit=limit, texts=texts, org_names=cfg.mission.org_names,
            exclude=() if everything else cfg.mission.exclude, sort=sort,
            half_life_days=cfg.search.half_life.total_seconds() / 86400, offset=offset)
    except IndexMissingError:
        from threadscout.indexer.db import Store

        store = Store(cfg.database_url)
        try:
            index_missing(store)
        finally:
            store.close()
        return []         # nothing crawled yet: the listing says how to start
    return [replace(_view(found[h.url], snippet=h.snippet, score=h.score,
                          highlights=[list(m) for m in h.highlights]), explain=h.parts if explain else None)
            for h in hits if h.url in found]


def show(cfg: Settings, url: str, query: str | None = None) -> ConversationView:
    """One conversation with its replies in page order; with ``query``, where its words are in the opening text
    (``highlights``) and in each reply."""
    from threadscout.indexer.db import Store

    if query:
        check_typed(query)
    store = Store(cfg.database_url)
    try:
        conv = None
        for candidate in url_variants(url):
            conv = store.conversation(candidate)
            if conv is not None:
                break
        if conv is None:
            raise NotFoundError(f"no conversation at {url} in the store; try `threadscout search` to find its URL")
        view = _view(conv, full=True)
        if not query:
            return view
        marks = highlighter(query, cfg.mission.org_names, cfg.mission.language)
        return replace(view, highlights=[list(m) for m in marks(view.text or "")],
                       replies=[replace(r, highlights=[list(m) for m in marks(r.text)]) for r in view.replies or []])
    finally:
        store.close()


def url_variants(url: str) -> list[str]:
    """The URL as given, canonicalised as crawled URLs are (tracking parameters, fragment and default port
    dropped), and with or without its trailing slash."""
    given = url.strip()
    variants = [given]
    if is_fetchable(given):
        canonical = canonical_url(given)
        parts = urlsplit(canonical)
        path = parts.path
        other = path[:-1] if path.endswith("/") and path != "/" else path + "/"
        variants += [canonical, urlunsplit(parts._replace(path=other))]
    return list(dict.fromkeys(variants))
