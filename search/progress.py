"""A live line of counts on a terminal while long work runs; silent when output is not a terminal.

The crawl's line and its closing summary are made by ``counts_text`` from the same counts (the crawl's stats),
so that what people watch and what they are told at the end always agree.
"""

from __future__ import annotations

from typing import Any


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 source``, ``2 sources``; ``many`` for irregular plurals."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def counts_text(c: dict[str, int]) -> str:
    return (f"{plural(c.get('pages', 0), 'page')}, {plural(c.get('new', 0), 'new conversation')}, "
            f"{c.get('updated', 0)} updated, {plural(c.get('errors', 0), 'error')}")


class CrawlProgress:
    """``crawling: 20 pages, 9 new conversations, 0 updated, 1 error`` then ``indexing: 9 conversations``."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled
        self.counts: dict[str, int] = {}
        self.indexed = 0
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> CrawlProgress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                      transient=True, console=Console(stderr=True))
            self._progress.start()
            self._task = self._progress.add_task(self.text())
        return self

    def text(self) -> str:
        if self.indexed:
            return f"indexing: {plural(self.indexed, 'conversation')}"
        return "crawling: " + counts_text(self.counts)

    def crawl_counts(self, counts: dict[str, int]) -> None:
        self.counts = dict(counts)
        self._refresh()

    def add_indexed(self, n: int) -> None:
        self.indexed += n
        self._refresh()

    def _refresh(self) -> None:
        if self._progress is not None:   # drawn at once: the last line drawn is the last count, as in the summary
            self._progress.update(self._task, description=self.text(), refresh=True)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()
