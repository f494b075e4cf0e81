"""A live line of counts on a terminal while long work runs; silent when output is not a terminal."""

from __future__ import annotations

from typing import Any


class CrawlProgress:
    """A live line of counts on a terminal; silent when output is not a terminal."""

    def __init__(self, *, enabled: bool, label: str = "crawling") -> None:
        self.enabled, self.label = enabled, label
        self.counts = {"page": 0, "conversation": 0, "error": 0, "indexed": 0}
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> CrawlProgress:
        if self.enabled:
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                      transient=True)
            self._progress.start()
            self._task = self._progress.add_task(self._text())
        return self

    def _text(self) -> str:
        c = self.counts
        return (f"{self.label}: {c['page']} pages fetched, {c['conversation']} conversations saved, "
                f"{c['error']} failed, {c['indexed']} indexed")

    def update(self, what: str, n: int) -> None:
        self.counts[what] = self.counts.get(what, 0) + n
        if self._progress is not None:
            self._progress.update(self._task, description=self._text())

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()
