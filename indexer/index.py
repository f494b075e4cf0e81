"""The Whoosh index: opening, writing batches, searching. No Whoosh object leaves this module.

Whoosh allows one writer per index. Writers wait for the lock (``lock_timeout``) instead of failing at once;
each batch is de-duplicated by URL before it is written (Whoosh keeps both copies otherwise) and committed
once. Readers never wait: searching works while a crawl writes.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from whoosh import highlight, index
from whoosh.qparser import AndGroup, MultifieldParser, OrGroup
from whoosh.scoring import BM25F
from whoosh.writing import LockError

from threadscout.config.errors import QueryError, ThreadscoutError
from threadscout.indexer.schema import SCHEMA_VERSION, ConversationSchema

SEARCH_FIELDS = ["title", "text", "replies", "authors"]


@dataclass(frozen=True)
class IndexDoc:
    url: str
    site: str
    kind: str
    title: str
    text: str
    replies: str
    authors: str
    published: datetime | None
    last_activity: datetime | None
    n_replies: int


@dataclass(frozen=True)
class IndexHit:
    url: str
    score: float
    snippet: str


class IndexBusyError(ThreadscoutError):
    """Another process holds the index's write lock for longer than the timeout."""


def _naive_utc(value: datetime | None) -> datetime | None:
    return None if value is None else value.astimezone(timezone.utc).replace(tzinfo=None)


class SearchIndex:
    def __init__(self, path: Path, *, lock_timeout: float = 60.0) -> None:
        self.path = Path(path)
        self.lock_timeout = lock_timeout

    def _open(self, *, create: bool) -> index.Index | None:
        """The index, if it exists with this schema version; else a new empty one (``create``) or None."""
        version_file = self.path / "SCHEMA_VERSION"
        if index.exists_in(str(self.path)):
            current = version_file.read_text().strip() if version_file.is_file() else ""
            if current == str(SCHEMA_VERSION):
                return index.open_dir(str(self.path))
            if not create:
                return None
            self.clear()  # another schema: the caller's sync writes everything again from the store
        if not create:
            return None
        self.path.mkdir(parents=True, exist_ok=True)
        ix = index.create_in(str(self.path), ConversationSchema())
        version_file.write_text(str(SCHEMA_VERSION))
        return ix

    def exists(self) -> bool:
        return self._open(create=False) is not None

    def clear(self) -> None:
        """Remove the index files; the next write starts a new index."""
        if self.path.exists():
            shutil.rmtree(self.path)

    def write(self, docs: Iterable[IndexDoc]) -> int:
        """Replace the documents of these URLs in one commit; returns how many were written."""
        batch = {d.url: d for d in docs}  # the last state of each URL wins
        if not batch:
            return 0
        ix = self._open(create=True)
        assert ix is not None
        try:
            writer = ix.writer(timeout=self.lock_timeout, delay=0.25)
        except LockError:
            raise IndexBusyError(f"the search index at {self.path} is locked by another process; "
                                 "try again when it has finished") from None
        try:
            with writer.searcher() as searcher:
                for url in batch:
                    writer.delete_by_term("url", url, searcher=searcher)
            for d in batch.values():
                writer.add_document(url=d.url, site=d.site, kind=d.kind, title=d.title, text=d.text,
                                    replies=d.replies, authors=d.authors, published=_naive_utc(d.published),
                                    last_activity=_naive_utc(d.last_activity), n_replies=d.n_replies)
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        return len(batch)

    def doc_count(self) -> int:
        ix = self._open(create=False)
        return 0 if ix is None else ix.doc_count()

    def search(self, query: str, *, limit: int = 20,
               texts: Callable[[list[str]], dict[str, str]] | None = None,
               any_word: bool = False) -> list[IndexHit]:
        """Best matches first. ``texts`` gives, for a list of URLs, the text to make snippets from."""
        if not query.strip():
            raise QueryError("the query is empty: give words to look for, e.g. threadscout search \"adult literacy\"")
        ix = self._open(create=False)
        if ix is None:
            return []
        parser = MultifieldParser(SEARCH_FIELDS, ix.schema, group=OrGroup if any_word else AndGroup)
        try:
            parsed = parser.parse(query)
        except Exception as exc:  # whoosh raises assorted errors for odd syntax
            raise QueryError(f"cannot understand the query {query!r} ({exc}); "
                             "try putting phrases in double quotes") from None
        with ix.searcher(weighting=BM25F()) as searcher:
            results = searcher.search(parsed, limit=limit, terms=True)
            urls = [hit["url"] for hit in results]
            bodies = texts(urls) if texts else {}
            analyzer = ix.schema["text"].analyzer
            fragmenter = highlight.ContextFragmenter(maxchars=200, surround=60)
            hits = []
            for hit in results:
                body = bodies.get(hit["url"], "")
                words = {t.decode("utf-8", "replace") if isinstance(t, bytes) else t
                         for field, t in (hit.matched_terms() or ()) if field in SEARCH_FIELDS}
                snippet = highlight.highlight(body, frozenset(words), analyzer, fragmenter, _BracketFormatter(),
                                              top=2) if body and words else ""
                if not snippet:
                    snippet = " ".join(body.split())[:160]
                hits.append(IndexHit(url=hit["url"], score=float(hit.score or 0.0), snippet=snippet))
            return hits


class _BracketFormatter(highlight.Formatter):
    """Plain-text snippets: matched words in [brackets], fragments joined by an ellipsis."""

    between = " … "

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        return "[" + highlight.get_text(text, token, replace) + "]"


__all__ = ["IndexDoc", "IndexHit", "SearchIndex", "IndexBusyError"]
