"""The Whoosh index: opening, writing batches, searching. No Whoosh object leaves this module.

Whoosh allows one writer per index. Writers wait for the lock (``lock_timeout``) instead of failing at once;
each batch is de-duplicated by URL before it is written (Whoosh keeps both copies otherwise) and committed
once. Readers never wait: searching works while a crawl writes.
"""

from __future__ import annotations

import logging
import math
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

from whoosh import index
from whoosh.scoring import BM25F
from whoosh.util.filelock import FileLock
from whoosh.writing import LockError

from threadscout.config.errors import IndexUnusableError, ThreadscoutError
from threadscout.indexer import building, querylang
from threadscout.indexer.owner import owner_alive, this_process
from threadscout.indexer.analysis import TextAnalyzer, text_analyzer
from threadscout.indexer.snippets import make_snippet
from threadscout.indexer.schema import SCHEMA_VERSION, conversation_schema, language_of

T = TypeVar("T")
log = logging.getLogger(__name__)


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
    sites: str = ""            # site_terms, space-separated
    n_participants: int = 0
    unanswered: bool = False
    question: bool = False
    state: str = "new"         # taking part: new | claimed | answered | skipped
    moved: bool = False        # answered or skipped, and replies since


@dataclass(frozen=True)
class IndexHit:
    url: str
    score: float
    snippet: str
    highlights: tuple[tuple[int, int], ...] = ()    # the matched words in ``snippet``: [start, end) offsets
    parts: dict[str, float] | None = None           # the score's parts (relevance, activity, recency)


SORTS = ("relevance", "recent", "active")
CANDIDATES = 200          # best matches by words that activity and recency may reorder
ACTIVITY = 0.3            # weight of log2(replies) and log2(other participants): tuned on tests/relevance


def blend(relevance: float, n_replies: int, n_participants: int, last_activity: datetime | None,
          half_life_days: float, now: datetime) -> dict[str, float]:
    """The score's parts. Relevance is BM25F over title, opening text and replies (title weighed most);
    activity grows with the log of replies and participants; recency halves every ``half_life_days`` and never
    takes more than 40% away. The score is their product."""
    activity = 1.0 + ACTIVITY * (math.log2(1 + n_replies) + math.log2(1 + max(0, n_participants - 1)))
    if last_activity is None:
        recency = 0.6
    else:
        when = last_activity if last_activity.tzinfo else last_activity.replace(tzinfo=timezone.utc)
        age = max(0.0, (now - when).total_seconds() / 86400)
        recency = 0.6 + 0.4 * 0.5 ** (age / max(half_life_days, 0.01))
    return {"relevance": round(relevance, 4), "activity": round(activity, 4), "recency": round(recency, 4),
            "score": round(relevance * activity * recency, 4)}


class IndexBusyError(ThreadscoutError):
    """Another process holds the index's write lock for longer than the timeout."""


class IndexMissingError(IndexUnusableError):
    """No index has been built yet (or it was removed)."""


class IndexOutdatedError(ThreadscoutError):
    """The live index was written with another schema version: it must be rebuilt before it is written to."""


RETIRE_AFTER = 600.0   # seconds a swapped-out generation is kept for searches that still read it
ABANDONED_AFTER = 86_400.0   # seconds after which a build of unknown owner (another host) is removed
REBUILD_HINT = "rebuild it with `threadscout reindex` (the database keeps everything it is built from)"
MERGE_FACTOR = 4       # segments of one size level are merged when there are this many (see merge_plan)
MERGE_BASE = 100       # documents: the first level holds segments of up to MERGE_FACTOR x this
FROZEN = 8_000         # documents: a segment this large is merged again only by a rebuild
MAX_SEGMENTS = 16      # what the policy keeps below FROZEN: 3 per level, plus a rebuild's (one per core)


def _naive_utc(value: datetime | None) -> datetime | None:
    return None if value is None else value.astimezone(timezone.utc).replace(tzinfo=None)


def _segment_size(segment: Any) -> int:
    return segment.doc_count_all()


def merge_plan(sizes: Sequence[int]) -> list[int]:
    """Which segments (indexes into ``sizes``, their document counts) to merge now: MERGE_FACTOR of the same
    size level (levels grow by MERGE_FACTOR from MERGE_BASE documents), the smallest level first; none when no
    level is full. A document is merged about log4(segment size / batch) times in its life, each merge costs
    what it merges, never the index's size, and segments of FROZEN documents or more (a rebuild's) are left
    alone."""
    levels: dict[int, list[int]] = {}
    for i, size in enumerate(sizes):
        if size < FROZEN:
            level = int(math.log(max(size, MERGE_BASE) / MERGE_BASE, MERGE_FACTOR) + 1e-9)
            levels.setdefault(level, []).append(i)
    full = [level for level, members in levels.items() if len(members) >= MERGE_FACTOR]
    if not full:
        return []
    return sorted(levels[min(full)], key=lambda i: sizes[i])[:MERGE_FACTOR]


def _merge_small(writer: Any, segments: list[Any]) -> list[Any]:
    """Whoosh merge policy: merge what ``merge_plan`` says into the segment being written. Used by a commit of
    its own after the documents' commit (``SearchIndex.write``), never in a search."""
    from whoosh.reading import SegmentReader

    chosen = set(merge_plan([_segment_size(seg) for seg in segments]))
    for i in sorted(chosen):
        reader = SegmentReader(writer.storage, writer.schema, segments[i])
        writer.add_reader(reader)
        reader.close()
    return [seg for i, seg in enumerate(segments) if i not in chosen]


class SearchIndex:
    """The index folder holds generations (``gen-1``, ``gen-2`` ...), each a complete Whoosh index, and a file
    ``CURRENT`` naming the live one.

    A rebuild writes a new generation beside the live one (marked ``BUILDING`` meanwhile, and ``OWNER``: the
    process writing it, see ``indexer.owner``) and swaps ``CURRENT``
    atomically (``os.replace``): searches keep answering from the old generation until the new one is complete.
    The generation swapped out is marked ``RETIRED`` and removed once ``retire_after`` seconds have passed, so
    that a search that opened it just before the swap can finish. Incremental writes and swaps take the
    folder's ``INDEXING.lock`` together with what the caller records (``after_commit`` / ``after_swap``: the
    store's ``indexed_at``), so that no write lands in a generation being swapped out unrecorded. An index
    written by threadscout 0.1 (Whoosh files directly in the folder) is read as it is until the first rebuild.
    """

    def __init__(self, path: Path, *, language: str = "en", lock_timeout: float = 60.0,
                 retire_after: float = RETIRE_AFTER) -> None:
        self.path = Path(path)
        self.language = language             # mission.language: an index stemmed for another is outdated
        self.lock_timeout = lock_timeout
        self.retire_after = retire_after

    # -- generations ----------------------------------------------------------------------------------------
    def live_dir(self) -> Path | None:
        current = self.path / "CURRENT"
        try:
            name = current.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return self.path if index.exists_in(str(self.path)) else None   # threadscout 0.1's layout
        except OSError:
            return None
        return self.path / name if _is_generation(name) else None

    def _generations(self) -> list[Path]:
        if not self.path.is_dir():
            return []
        return sorted((p for p in self.path.iterdir() if p.is_dir() and _is_generation(p.name)),
                      key=lambda p: int(p.name[4:]))

    @staticmethod
    def _version(folder: Path) -> str:
        version_file = folder / "SCHEMA_VERSION"
        return version_file.read_text(encoding="utf-8").strip() if version_file.is_file() else ""

    def state(self) -> str:
        """``missing``, ``outdated`` (another schema version or language), ``damaged`` or ``ok``."""
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
        return "ok" if language_of(ix.schema) == self.language else "outdated"

    def _open_live(self) -> tuple[Path, index.Index]:
        live = self.live_dir()
        if live is None or not live.is_dir():
            raise IndexMissingError(f"there is no search index at {self.path} yet; {REBUILD_HINT}")
        try:
            return live, index.open_dir(str(live))
        except Exception as exc:  # noqa: BLE001
            raise IndexUnusableError(f"the search index at {live} is damaged ({_brief(exc)}); {REBUILD_HINT}"
                                     ) from None

    @contextmanager
    def _indexing_lock(self) -> Iterator[None]:
        self.path.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.path / "INDEXING.lock"))
        deadline = time.monotonic() + self.lock_timeout
        while not lock.acquire(blocking=False):
            if time.monotonic() > deadline:
                raise IndexBusyError(f"the search index at {self.path} is busy in another process (a crawl or a "
                                     "reindex); try again when it has finished")
            time.sleep(0.05)
        try:
            yield
        finally:
            lock.release()

    # -- writing --------------------------------------------------------------------------------------------
    def write(self, docs: Iterable[IndexDoc], *, after_commit: Callable[[], None] | None = None) -> int:
        """Replace the documents of these URLs in the live index in one commit; returns how many were written.
        ``after_commit`` runs before another process may swap generations (record what was indexed there).

        With no index yet, an empty one is made first. Raises ``IndexOutdatedError`` when the live index has
        another schema version (the caller rebuilds instead), ``IndexBusyError`` when another process holds the
        index too long."""
        batch = {d.url: d for d in docs}  # the last state of each URL wins
        if not batch:
            return 0
        if self.live_dir() is None:
            self.rebuild(())
        with self._indexing_lock():
            live, ix = self._open_live()
            if self._version(live) != str(SCHEMA_VERSION):
                raise IndexOutdatedError(f"the search index at {live} has another schema version")
            if language_of(ix.schema) != self.language:
                raise IndexOutdatedError(f"the search index at {live} was stemmed for another language")
            try:
                writer = ix.writer(timeout=self.lock_timeout, delay=0.25, compound=building.COMPOUND)
            except LockError:
                raise IndexBusyError(f"the search index at {self.path} is locked by another process; "
                                     "try again when it has finished") from None
            try:
                with writer.searcher() as searcher:
                    for url in batch:
                        writer.delete_by_term("url", url, searcher=searcher)
                for d in batch.values():
                    writer.add_document(**_fields(d))
            except BaseException:
                writer.cancel()
                raise
            writer.commit(merge=False)      # the documents first: searchable and recorded at once
            if after_commit is not None:
                after_commit()
            segments = ix._segments()   # noqa: SLF001 - Whoosh has no public list; read from the TOC just written
            if merge_plan([_segment_size(seg) for seg in segments]):
                self._merge(ix)     # then, when a size level is full, a merge in a commit of its own
        self.clean_up()
        return len(batch)

    def _merge(self, ix: index.Index) -> None:
        """Merge small segments (``merge_plan``). The documents are committed already: a merge that cannot run
        now (the index busy, a disk full) is logged and left for the next sync."""
        try:
            writer = ix.writer(timeout=self.lock_timeout, delay=0.25, compound=building.COMPOUND)
        except LockError:
            log.warning("segments of %s not merged: the index is busy; the next sync will", self.path)
            return
        try:
            writer.commit(mergetype=_merge_small)
        except Exception as exc:  # noqa: BLE001 - the merge is an optimisation; its failure loses nothing
            with suppress(Exception):
                writer.cancel()
            log.warning("segments of %s not merged (%s); the next sync will try again", self.path, _brief(exc))

    def rebuild(self, docs: Iterable[IndexDoc], *, after_swap: Callable[[], None] | None = None) -> int:
        """Write every document into a new generation beside the live one, then swap it in atomically.
        ``after_swap`` runs before any other write may reach the new generation."""
        def part() -> Iterator[IndexDoc]:
            seen: set[str] = set()
            for d in docs:
                if d.url not in seen:
                    seen.add(d.url)
                    yield d

        return self.rebuild_parts([part], after_swap=(lambda _: after_swap()) if after_swap else None)

    def rebuild_parts(self, parts: Sequence[building.Part], *,
                      after_swap: Callable[[list[Any]], None] | None = None,
                      progress: Callable[[int], None] | None = None, progress_every: int = 50) -> int:
        """A rebuild from ``parts``: picklable callables, each yielding the documents of its share of the store
        (their URLs distinct) and returning a summary; with several, each is written in a process of its own, as
        a segment of the new generation. ``after_swap`` is given the parts' summaries."""
        self.clean_up()                      # what a killed build left, before the disk is asked for more
        folder = self._new_generation()
        try:
            index.create_in(str(folder), conversation_schema(self.language))
            written, summaries = building.write_all(folder, parts, _add, progress, progress_every)
            (folder / "SCHEMA_VERSION").write_text(str(SCHEMA_VERSION), encoding="utf-8")
            with self._indexing_lock():
                old = self.live_dir()
                _replace(self.path / "CURRENT.tmp", self.path / "CURRENT", folder.name)
                (folder / "BUILDING").unlink(missing_ok=True)
                if old is not None and old != self.path and old != folder and old.is_dir():
                    (old / "RETIRED").write_text(str(time.time()), encoding="utf-8")
                if after_swap is not None:
                    after_swap(summaries)
        except BaseException:
            if self.live_dir() != folder:
                shutil.rmtree(folder, ignore_errors=True)
            raise
        self.clean_up()
        return written

    def _new_generation(self) -> Path:
        """A generation folder of our own: numbers are taken with an exclusive mkdir, so two rebuilds at once
        never share one."""
        self.path.mkdir(parents=True, exist_ok=True)
        generations = self._generations()
        number = int(generations[-1].name[4:]) + 1 if generations else 1
        while True:
            folder = self.path / f"gen-{number}"
            try:
                folder.mkdir()
            except FileExistsError:
                number += 1
                continue
            (folder / "OWNER").write_text(this_process(), encoding="utf-8")     # before BUILDING: see clean_up
            (folder / "BUILDING").write_text(str(time.time()), encoding="utf-8")
            return folder

    def clean_up(self) -> None:
        """Remove generations retired long enough ago (a search may still have had one open), builds whose
        process is gone (killed, crashed: its ``OWNER`` on this host no longer runs; of another host's, those
        older than ``ABANDONED_AFTER``), and 0.1's loose files once a generation has been live long enough.
        Never the live one, never a build its process is still writing."""
        now = time.time()
        live = self.live_dir()
        for gen in self._generations():
            if gen == live:
                continue
            if _abandoned(gen, now) or _retired(gen, now, self.retire_after):
                shutil.rmtree(gen, ignore_errors=True)
                if gen.exists():
                    log.warning("could not remove the unfinished index build %s", gen)
                else:
                    log.info("removed %s (an index build left unfinished or a generation retired)", gen.name)
        current = self.path / "CURRENT"
        if live is not None and live != self.path and current.is_file() and \
                now - current.stat().st_mtime >= self.retire_after:
            for path in self.path.iterdir():
                if path.is_file() and (path.name.startswith(("MAIN_", "_MAIN_")) or path.name == "SCHEMA_VERSION"):
                    with suppress(OSError):
                        path.unlink()

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
               org_names: Sequence[str] = (), exclude: Sequence[str] = (), sort: str = "relevance",
               half_life_days: float = 30.0, offset: int = 0) -> list[IndexHit]:
        """Best matches first, in the query language of ``querylang``. ``texts`` gives, for a list of URLs, the
        text to make snippets from; ``org_names`` are who ``is:ours`` looks for; ``exclude`` phrases are left
        out of every result.

        Raises ``IndexMissingError`` when there is no index, ``IndexUnusableError`` when it is damaged. A search
        that raced a swap of generations is asked again of the new one."""
        asked = self._parser(query, org_names, exclude)
        return self._on_live(lambda ix: self._run(ix, asked(ix), limit, texts, sort, half_life_days, offset))

    def matching(self, query: str, *, limit: int | None = 10_000, org_names: Sequence[str] = (),
                 exclude: Sequence[str] = ()) -> list[str]:
        """The URLs of the conversations that match ``query``, best first, without snippets (for ``where``);
        with no ``limit``, every one of them, in no particular order (for alerts)."""
        asked = self._parser(query, org_names, exclude)

        def urls(ix: index.Index) -> list[str]:
            with ix.searcher(weighting=BM25F()) as searcher:
                _pin_columns(searcher)
                return [hit["url"] for hit in searcher.search(asked(ix), limit=limit, scored=limit is not None)]

        return self._on_live(urls)

    def _parser(self, query: str, org_names: Sequence[str], exclude: Sequence[str]) -> Callable[[index.Index], Any]:
        """The query parsed for the mission's language now (a malformed query is told as such, whatever the
        index's state), and again for an index still stemmed for another language (until it is rebuilt)."""
        parsed = querylang.parse(conversation_schema(self.language), query, org_names=org_names, exclude=exclude)

        def asked(ix: index.Index) -> Any:
            if language_of(ix.schema) == self.language:
                return parsed
            return querylang.parse(ix.schema, query, org_names=org_names, exclude=exclude)

        return asked

    def _on_live(self, run: Callable[[index.Index], T]) -> T:
        """``run`` on the live generation. Raises ``IndexMissingError`` when there is no index,
        ``IndexUnusableError`` when it is damaged; a search that raced a swap of generations is asked again of
        the new one."""
        for attempt in (1, 2):
            live, commit = self.live_dir(), None
            try:
                _, ix = self._open_live()
                commit = ix.latest_generation()
                return run(ix)
            except Exception as exc:  # noqa: BLE001 - broken files raise struct.error, EOFError, OSError ...
                if attempt == 1 and (self.live_dir() != live or _commit_of(live) != commit):
                    continue          # a rebuild swapped generations, or a merge removed segments: ask again
                if isinstance(exc, ThreadscoutError):
                    raise
                raise IndexUnusableError(f"the search index at {live} is damaged ({_brief(exc)}); {REBUILD_HINT}"
                                         ) from None
        raise AssertionError("unreachable")

    def _run(self, ix: index.Index, parsed: Any, limit: int, texts: Callable[[list[str]], dict[str, str]] | None,
             sort: str, half_life_days: float, offset: int) -> list[IndexHit]:
        now = datetime.now(timezone.utc)
        with ix.searcher(weighting=BM25F()) as searcher:
            _pin_columns(searcher)
            wanted = offset + limit
            by_words = sort == "relevance"
            if by_words:
                found = searcher.search(parsed, limit=max(wanted, CANDIDATES))
            else:
                key = "last_activity" if sort == "recent" else ["n_replies", "last_activity"]
                found = searcher.search(parsed, limit=wanted, sortedby=key, reverse=True)
            scored = [(hit, blend(float(hit.score or 0.0) if by_words else 0.0,  # sorted by a field: no word score
                                  hit.get("n_replies") or 0, hit.get("n_participants") or 0,
                                  hit.get("last_activity"), half_life_days, now)) for hit in found]
            if by_words:     # the best CANDIDATES by words, reordered; any further ones follow in word order,
                # so that pages (--page) never overlap, however far they go
                scored[:CANDIDATES] = sorted(scored[:CANDIDATES], key=lambda pair: -pair[1]["score"])
            scored = scored[offset:wanted]
            urls = [hit["url"] for hit, _ in scored]
            bodies = texts(urls) if texts else {}
            analyzer = ix.schema["text"].analyzer
            if not isinstance(analyzer, TextAnalyzer):         # an index from before schema 4, until rebuilt
                analyzer = text_analyzer(language_of(ix.schema))
            words = querylang.sought(parsed)
            hits = []
            for hit, parts in scored:
                body = bodies.get(hit["url"], "")
                snippet, marks = make_snippet(body, words, analyzer.located)
                hits.append(IndexHit(url=hit["url"], score=parts["score"], snippet=snippet,
                                     highlights=tuple(marks), parts=parts))
            return hits


def _commit_of(folder: Path | None) -> int | None:
    try:
        return index.open_dir(str(folder)).latest_generation() if folder else None
    except Exception:  # noqa: BLE001 - whatever a half-written folder raises: not the same commit
        return None


def _pin_columns(searcher: Any) -> None:
    """Open now the per-document files a search reads (stored fields, field lengths, the sortable columns).
    Whoosh opens them when first read, and a merge committed meanwhile by a crawl deletes the files of the
    segments it merged: the search would then find no lengths (scores skewed) or no stored fields."""
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN, STORED_COLUMN, _lenfield

    schema = searcher.schema
    for sub, _ in searcher.leaf_searchers():
        perdoc = getattr(sub.reader(), "_perdoc", None)
        if perdoc is None or not hasattr(perdoc, "_cached_reader"):
            continue
        with suppress(Exception):
            perdoc._cached_reader("_stored", STORED_COLUMN)                       # noqa: SLF001
            for name in schema.scorable_names():
                perdoc._cached_reader(_lenfield(name), LENGTHS_COLUMN)            # noqa: SLF001
            for name in ("last_activity", "n_replies"):
                if perdoc.has_column(name):
                    perdoc.column_reader(name, schema[name].column_type)


def _is_generation(name: str) -> bool:
    return name.startswith("gen-") and name[4:].isdigit()


def _abandoned(gen: Path, now: float) -> bool:
    """A build (``BUILDING``) whose process is gone; one whose owner cannot be told (another host, a build of an
    older threadscout) once it is ``ABANDONED_AFTER`` old."""
    since = _marker_time(gen / "BUILDING")
    if since is None:
        return False
    try:
        alive = owner_alive((gen / "OWNER").read_text(encoding="utf-8"))
    except OSError:
        alive = None
    return alive is False or (alive is None and now - since >= ABANDONED_AFTER)


def _retired(gen: Path, now: float, retire_after: float) -> bool:
    since = _marker_time(gen / "RETIRED")
    return since is not None and now - since >= retire_after


def _marker_time(path: Path) -> float | None:
    try:
        return float(path.read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        return None


def _replace(tmp: Path, target: Path, text: str) -> None:
    """Write ``target`` atomically; on Windows a reader holding it open can make os.replace fail for a moment."""
    tmp.write_text(text, encoding="utf-8")
    for attempt in range(50):
        try:
            os.replace(tmp, target)
            return
        except PermissionError:
            if attempt == 49:
                raise
            time.sleep(0.1)


def _add(writer: Any, d: IndexDoc) -> None:
    writer.add_document(**_fields(d))


def _fields(d: IndexDoc) -> dict[str, Any]:
    return dict(url=d.url, site=d.site, kind=d.kind, title=d.title, text=d.text, replies=d.replies,
                authors=d.authors, published=_naive_utc(d.published), last_activity=_naive_utc(d.last_activity),
                n_replies=d.n_replies, n_participants=d.n_participants, sites=d.sites, unanswered="yes" if d.unanswered else "no",
                question="yes" if d.question else "no", state=d.state, moved="yes" if d.moved else "no")


def _brief(exc: BaseException) -> str:
    text = " ".join(str(exc).split())[:120]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


__all__ = ["IndexDoc", "IndexHit", "SearchIndex", "IndexBusyError", "IndexMissingError", "IndexOutdatedError",
           "IndexUnusableError"]
