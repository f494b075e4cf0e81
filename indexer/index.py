"""The Whoosh index: opening, writing batches, searching. No Whoosh object leaves this module.

Whoosh allows one writer per index. Writers wait for the lock (``lock_timeout``) instead of failing at once;
each batch is de-duplicated by URL before it is written (Whoosh keeps both copies otherwise) and committed
once. Readers never wait: searching works while a crawl writes.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from whoosh import highlight, index
from whoosh.qparser import AndGroup, MultifieldParser, OrGroup
from whoosh.scoring import BM25F
from whoosh.writing import LockError

from threadscout.config.errors import IndexUnusableError, QueryError, ThreadscoutError
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


class IndexMissingError(IndexUnusableError):
    """No index has been built yet (or it was removed)."""


class IndexOutdatedError(ThreadscoutError):
    """The live index was written with another schema version: it must be rebuilt before it is written to."""


REBUILD_HINT = "rebuild it with `threadscout reindex` (the database keeps everything it is built from)"
MAX_SEGMENTS = 8       # more than this after a commit: the small segments are merged (see _merge_small)
KEEP_LARGEST = 2       # segments left alone by that merge


def _naive_utc(value: datetime | None) -> datetime | None:
    return None if value is None else value.astimezone(timezone.utc).replace(tzinfo=None)


def _merge_small(writer: Any, segments: list[Any]) -> list[Any]:
    """Whoosh merge policy: when a commit leaves more than MAX_SEGMENTS segments, merge all but the largest few
    into one. Runs in the writer's commit (after a crawl), never in a search; its cost is bounded by the size
    of the segments it merges, not of the index."""
    if len(segments) < MAX_SEGMENTS:      # the segment this commit writes comes on top of these
        return segments
    from whoosh.reading import SegmentReader

    ordered = sorted(segments, key=lambda seg: seg.doc_count_all(), reverse=True)
    for seg in ordered[KEEP_LARGEST:]:
        reader = SegmentReader(writer.storage, writer.schema, seg)
        writer.add_reader(reader)
        reader.close()
    return ordered[:KEEP_LARGEST]


class SearchIndex:
    """The index folder holds generations (``gen-1``, ``gen-2`` ...), each a complete Whoosh index, and a file
    ``CURRENT`` naming the live one. A rebuild writes a new generation beside the live one and swaps ``CURRENT``
    atomically (``os.replace``), so searches keep answering from the old generation until the new one is
    complete. An index written by threadscout 0.1 (Whoosh files directly in the folder) is read as it is until
    the first rebuild replaces it."""

    def __init__(self, path: Path, *, lock_timeout: float = 60.0) -> None:
        self.path = Path(path)
        self.lock_timeout = lock_timeout

    # -- generations ----------------------------------------------------------------------------------------
    def live_dir(self) -> Path | None:
        current = self.path / "CURRENT"
        if current.is_file():
            name = current.read_text(encoding="utf-8").strip()
            return self.path / name if name.startswith("gen-") and name[4:].isdigit() else None
        if index.exists_in(str(self.path)):
            return self.path           # threadscout 0.1's layout
        return None

    def _generations(self) -> list[Path]:
        if not self.path.is_dir():
            return []
        return sorted((p for p in self.path.iterdir() if p.is_dir() and p.name.startswith("gen-")
                       and p.name[4:].isdigit()), key=lambda p: int(p.name[4:]))

    @staticmethod
    def _version(folder: Path) -> str:
        version_file = folder / "SCHEMA_VERSION"
        return version_file.read_text(encoding="utf-8").strip() if version_file.is_file() else ""

    def state(self) -> str:
        """``missing``, ``outdated`` (another schema version), ``damaged`` or ``ok``."""
        live = self.live_dir()
        if live is None or not live.is_dir():
            return "missing"
        if self._version(live) != str(SCHEMA_VERSION):
            return "outdated"
        try:
            ix = index.open_dir(str(live))
            with ix.reader() as reader:
                reader.doc_count_all()
        except Exception:  # noqa: BLE001 - whatever Whoosh raises on broken files means the same to us
            return "damaged"
        return "ok"

    def exists(self) -> bool:
        return self.state() == "ok"

    def _open_live(self) -> tuple[Path, index.Index]:
        live = self.live_dir()
        if live is None or not live.is_dir():
            raise IndexMissingError(f"there is no search index at {self.path} yet; {REBUILD_HINT}")
        try:
            return live, index.open_dir(str(live))
        except Exception as exc:  # noqa: BLE001
            raise IndexUnusableError(f"the search index at {live} is damaged ({_brief(exc)}); {REBUILD_HINT}"
                                     ) from None

    # -- writing --------------------------------------------------------------------------------------------
    def write(self, docs: Iterable[IndexDoc]) -> int:
        """Replace the documents of these URLs in the live index in one commit; returns how many were written.

        With no index yet, an empty one is made first. Raises ``IndexOutdatedError`` when the live index has
        another schema version (the caller rebuilds instead), ``IndexBusyError`` when another writer holds the
        lock too long."""
        batch = {d.url: d for d in docs}  # the last state of each URL wins
        if not batch:
            return 0
        if self.live_dir() is None:
            self.rebuild(())
        deadline = time.monotonic() + self.lock_timeout
        while True:
            live, ix = self._open_live()
            if self._version(live) != str(SCHEMA_VERSION):
                raise IndexOutdatedError(f"the search index at {live} has another schema version")
            try:
                writer = ix.writer(timeout=max(0.0, deadline - time.monotonic()), delay=0.25)
            except LockError:
                raise IndexBusyError(f"the search index at {self.path} is locked by another process; "
                                     "try again when it has finished") from None
            if self.live_dir() == live:
                break
            writer.cancel()          # a rebuild swapped generations while we waited: write to the new one
        try:
            with writer.searcher() as searcher:
                for url in batch:
                    writer.delete_by_term("url", url, searcher=searcher)
            for d in batch.values():
                writer.add_document(**_fields(d))
        except BaseException:
            writer.cancel()
            raise
        writer.commit(mergetype=_merge_small)
        return len(batch)

    def rebuild(self, docs: Iterable[IndexDoc]) -> int:
        """Write every document into a new generation beside the live one, then swap it in atomically."""
        self.path.mkdir(parents=True, exist_ok=True)
        generations = self._generations()
        number = int(generations[-1].name[4:]) + 1 if generations else 1
        folder = self.path / f"gen-{number}"
        folder.mkdir()
        written = 0
        try:
            ix = index.create_in(str(folder), ConversationSchema())
            writer = ix.writer(limitmb=128)
            try:
                seen: set[str] = set()
                for d in docs:
                    if d.url in seen:
                        continue
                    seen.add(d.url)
                    writer.add_document(**_fields(d))
                    written += 1
            except BaseException:
                writer.cancel()
                raise
            writer.commit()          # one writer, one commit: the new generation is one segment
            (folder / "SCHEMA_VERSION").write_text(str(SCHEMA_VERSION), encoding="utf-8")
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        self._swap(folder)
        return written

    def _swap(self, folder: Path) -> None:
        old = self.live_dir()
        lock = None
        if old is not None and old.is_dir():
            try:   # wait for an incremental write to the old generation to finish (it re-checks CURRENT after)
                lock = index.open_dir(str(old)).lock("WRITELOCK")
                deadline = time.monotonic() + self.lock_timeout
                while not lock.acquire(blocking=False):
                    if time.monotonic() > deadline:
                        raise IndexBusyError(f"the search index at {self.path} is locked by another process; "
                                             "try again when it has finished")
                    time.sleep(0.1)
            except IndexBusyError:
                raise
            except Exception:  # noqa: BLE001 - a damaged old generation has nobody writing to it
                lock = None
        try:
            tmp = self.path / "CURRENT.tmp"
            tmp.write_text(folder.name, encoding="utf-8")
            os.replace(tmp, self.path / "CURRENT")
        finally:
            if lock is not None:
                lock.release()
        self._remove_old(keep=folder)

    def _remove_old(self, keep: Path) -> None:
        """Old generations go (a search still reading one keeps its open files); 0.1's loose files too."""
        for gen in self._generations():
            if gen != keep:
                shutil.rmtree(gen, ignore_errors=True)
        for path in self.path.iterdir():
            if path.is_file() and (path.name.startswith(("MAIN_", "_MAIN_")) or path.name == "SCHEMA_VERSION"):
                path.unlink(missing_ok=True)

    def segment_count(self) -> int:
        _, ix = self._open_live()
        return len(ix._segments())  # noqa: SLF001 - Whoosh offers no public count

    def doc_count(self) -> int:
        try:
            _, ix = self._open_live()
        except IndexMissingError:
            return 0
        return ix.doc_count()

    # -- searching ------------------------------------------------------------------------------------------
    def search(self, query: str, *, limit: int = 20,
               texts: Callable[[list[str]], dict[str, str]] | None = None,
               any_word: bool = False) -> list[IndexHit]:
        """Best matches first. ``texts`` gives, for a list of URLs, the text to make snippets from.

        Raises ``IndexMissingError`` when there is no index, ``IndexUnusableError`` when it is damaged."""
        if not query.strip():
            raise QueryError("the query is empty: give words to look for, e.g. threadscout search \"adult literacy\"")
        live, ix = self._open_live()
        parser = MultifieldParser(SEARCH_FIELDS, ix.schema, group=OrGroup if any_word else AndGroup)
        try:
            parsed = parser.parse(query)
        except Exception as exc:  # whoosh raises assorted errors for odd syntax
            raise QueryError(f"cannot understand the query {query!r} ({exc}); "
                             "try putting phrases in double quotes") from None
        try:
            return self._run(ix, parsed, limit, texts)
        except (QueryError, ThreadscoutError):
            raise
        except Exception as exc:  # noqa: BLE001 - broken segment files raise struct.error, EOFError, OSError ...
            raise IndexUnusableError(f"the search index at {live} is damaged ({_brief(exc)}); {REBUILD_HINT}"
                                     ) from None

    def _run(self, ix: index.Index, parsed: Any, limit: int,
             texts: Callable[[list[str]], dict[str, str]] | None) -> list[IndexHit]:
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


def _fields(d: IndexDoc) -> dict[str, Any]:
    return dict(url=d.url, site=d.site, kind=d.kind, title=d.title, text=d.text, replies=d.replies,
                authors=d.authors, published=_naive_utc(d.published), last_activity=_naive_utc(d.last_activity),
                n_replies=d.n_replies)


def _brief(exc: BaseException) -> str:
    text = " ".join(str(exc).split())[:120]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class _BracketFormatter(highlight.Formatter):
    """Plain-text snippets: matched words in [brackets], fragments joined by an ellipsis."""

    between = " … "

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        return "[" + highlight.get_text(text, token, replace) + "]"


__all__ = ["IndexDoc", "IndexHit", "SearchIndex", "IndexBusyError", "IndexMissingError", "IndexOutdatedError",
           "IndexUnusableError"]
