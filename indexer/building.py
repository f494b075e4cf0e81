"""Writing a whole new index generation fast: on every core, with cheaper posting runs.

Whoosh writes a segment by collecting every posting of its documents in a pool, sorting it (in runs on disk when
it outgrows memory) and encoding it. A rebuild here starts one process per part of the store (``parts``: picklable
callables that read their share of the conversations and yield ``IndexDoc``); each writes its own segment into
the new generation, as Whoosh's ``MultiSegmentWriter`` does, but reading the store itself instead of being sent
pickled documents. The parent, which holds the generation's write lock, lists the segments in one commit. The
pool writes its runs as a few large ``marshal`` chunks instead of one pickle per posting.

The processes die with their parent (killed with -9, say): each watches a pipe whose other end only the parent
holds, and the parent's process id, every ``WATCH_EVERY`` seconds (``_watch_parent``).
"""

from __future__ import annotations

import itertools
import marshal
import multiprocessing
import os
import queue
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from whoosh import index
from whoosh.writing import PostingPool, SegmentWriter

# Whoosh's compound segment (one file) is opened as a memory map that its BufferFile then copies whole into a
# BytesIO: every search copied the postings (300 MB at 100,000 conversations). Plain files are read as needed.
COMPOUND = False
Part = Callable[[], Iterator[Any]]     # yields IndexDoc; what the generator returns comes back as its summary
POOL_MB = 192                          # postings kept in memory before a run is written, shared by the processes
_BYTES_PER_POSTING = 250               # what a posting tuple takes in memory, about
_CHUNK = 2_000                         # postings per marshal chunk in a run (one per run is in memory when merging)
WATCH_EVERY = 0.2                      # seconds between two looks of a writing process at its parent


class RunPool(PostingPool):
    """Whoosh's posting pool with runs written as ``marshal`` chunks, and its size counted in postings."""

    def __init__(self, tempstore: Any, segment: Any, limitmb: int = POOL_MB // 2) -> None:
        super().__init__(tempstore, segment, limitmb=limitmb)
        self.max_postings = max(10_000, limitmb * 2**20 // _BYTES_PER_POSTING)

    def add(self, item: Any) -> None:
        self.current.append(item)
        if len(self.current) >= self.max_postings:
            self.save()

    def _write_run(self, f: Any, items: Any) -> None:
        items = iter(items)
        try:
            while chunk := list(itertools.islice(items, _CHUNK)):
                data = marshal.dumps(chunk)
                f.write(len(data).to_bytes(8, "little"))
                f.write(data)
        finally:
            f.close()

    def _read_run(self, path: str) -> Iterator[Any]:
        f = self._open_run(path)
        try:
            while size := f.read(8):     # marshal.load from a file reads in small pieces: read the chunk first
                yield from marshal.loads(f.read(int.from_bytes(size, "little")))
        finally:
            f.close()
            self._remove_run(path)


class _Lengths:
    """The lengths of the segment's documents' fields, looked up once per document and field (Whoosh's codec
    asks the column again for every posting: 16% of writing a segment)."""

    def __init__(self, reader: Any, doccount: int) -> None:
        self.reader, self.doccount = reader, doccount
        self.fields: dict[str, list[Any]] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> Any:
        lengths = self.fields.get(fieldname)
        if lengths is None:
            ask = self.reader.doc_field_length
            lengths = self.fields[fieldname] = [ask(d, fieldname, default) for d in range(self.doccount)]
        return lengths[docnum] if docnum < self.doccount else self.reader.doc_field_length(docnum, fieldname,
                                                                                           default)


class _SegmentWriter(SegmentWriter):
    def _flush_segment(self) -> None:
        """Whoosh's, with the documents' field lengths looked up once (``_Lengths``)."""
        self.perdocwriter.close()
        reader = self.per_document_reader() if self.codec.length_stats else None
        lengths = _Lengths(reader, self.docnum) if reader is not None else None
        self.fieldwriter.add_postings(self.schema, lengths, self.pool.iter_postings())
        self.fieldwriter.close()
        if reader is not None:
            reader.close()


def segment_writer(ix: Any, pool_mb: int = POOL_MB // 2, **kwargs: Any) -> SegmentWriter:
    """A segment writer with our pool, writing plain files (see ``COMPOUND``)."""
    writer = _SegmentWriter(ix, compound=COMPOUND, **kwargs)
    writer.pool = RunPool(writer._tempstorage, writer.newsegment, pool_mb)  # noqa: SLF001 - no pool option
    return writer


def write_all(folder: Path, parts: Sequence[Part], add: Callable[[Any, Any], None],
              progress: Callable[[int], None] | None = None, every: int = 50) -> tuple[int, list[Any]]:
    """Write every part's documents into the empty index at ``folder``, one segment per part, each in its own
    process when there are several; ``add(writer, doc)`` adds one. Returns how many documents were written and
    the parts' summaries."""
    ix = index.open_dir(str(folder))
    if len(parts) == 1:
        writer = segment_writer(ix)
        try:
            written, summary = _add_all(writer, parts[0], add, progress, every)
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        return written, [summary]
    parent = ix.writer(compound=COMPOUND)
    context = multiprocessing.get_context("spawn")     # the caller may run threads (progress, a writer)
    results, counter = context.Queue(), context.Value("q", 0)
    pool_mb = max(16, POOL_MB // len(parts))          # the same memory, however many processes
    lifeline, held = context.Pipe(duplex=False)       # the parent holds ``held`` only: its end is their EOF
    workers = [context.Process(target=_work, args=(str(folder), part, add, results, counter, pool_mb,
                                                   (lifeline, os.getpid())), daemon=True)
               for part in parts]
    try:
        for worker in workers:
            worker.start()
        outcomes, reported = [], 0
        while len(outcomes) < len(workers):
            try:
                outcomes.append(results.get(timeout=0.2))
                if outcomes[-1][0]:
                    raise RuntimeError(f"writing the index failed: {outcomes[-1][0]}")
            except queue.Empty:
                if not any(w.is_alive() for w in workers) and results.empty():
                    raise RuntimeError("a process writing the index ended without a word") from None
            if progress and counter.value > reported:
                progress(counter.value - reported)
                reported = counter.value
        if progress and counter.value > reported:
            progress(counter.value - reported)
        segments = [segment for _, segment, _, _ in outcomes if segment is not None]
        parent._close_segment()              # noqa: SLF001 - as Whoosh's MultiSegmentWriter commits
        parent._commit_toc(segments)         # noqa: SLF001
        parent._finish()                     # noqa: SLF001 - releases the lock
        return sum(n for _, _, n, _ in outcomes), [summary for *_, summary in outcomes]
    except BaseException:
        for worker in workers:           # the others' work is lost anyway: stop them before the folder goes
            if worker.is_alive():
                worker.kill()
        if not parent.is_closed:
            parent.cancel()
        raise
    finally:
        for worker in workers:
            worker.join(timeout=5)
            if worker.is_alive():
                worker.kill()
        lifeline.close()
        held.close()


def _add_all(writer: SegmentWriter, part: Part, add: Callable[[Any, Any], None],
             progress: Callable[[int], None] | None, every: int = 50) -> tuple[int, Any]:
    docs, written = part(), 0
    while True:
        try:
            doc = next(docs)
        except StopIteration as stop:
            if progress and written % every:
                progress(written % every)
            return written, stop.value
        add(writer, doc)
        written += 1
        if progress and written % every == 0:
            progress(every)


def _watch_parent(lifeline: Any, parent: int) -> None:
    """Leave at once when the parent is gone: its end of ``lifeline`` closed (EOF), or this process handed to
    another parent. Nothing this process wrote is worth keeping without the parent's commit."""
    def watch() -> None:
        try:
            while not lifeline.poll(WATCH_EVERY):
                if os.getppid() != parent:
                    break
        except (OSError, EOFError):
            pass
        os._exit(1)

    threading.Thread(target=watch, name="threadscout-parent-watch", daemon=True).start()


def _work(folder: str, part: Part, add: Callable[[Any, Any], None], results: Any, counter: Any,
          pool_mb: int = POOL_MB // 2, parent: tuple[Any, int] | None = None) -> None:
    """One process's part: its own segment in the generation at ``folder``, reported with its summary."""
    if parent is not None:
        _watch_parent(*parent)
    try:
        ix = index.open_dir(folder)
        writer = segment_writer(ix, pool_mb, _lk=False)

        def count(n: int) -> None:
            with counter.get_lock():
                counter.value += n

        written, summary = _add_all(writer, part, add, count)
        segment = writer._finalize_segment() if written else None   # noqa: SLF001 - as MultiSegmentWriter does
        if segment is None:
            writer._close_segment()                                 # noqa: SLF001
        results.put((None, segment, written, summary))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which raises
        results.put((f"{type(exc).__name__}: {exc}", None, 0, None))
    time.sleep(0.05)     # let the queue's feeder thread hand the result over before the process ends
