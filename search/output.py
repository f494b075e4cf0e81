"""Renderers shared by every listing command: a table for people, JSON for scripts.

Everything that came from the web passes through ``crawler.clean`` before it is printed: no escape sequence
or control character from a crawled page ever reaches the terminal.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from threadscout.config.errors import UsageError
from threadscout.crawler.clean import one_line, strip_controls
from threadscout.search.progress import plural

if TYPE_CHECKING:      # not at run time: --help and --version load no database library
    from threadscout.search.query import ConversationView


@dataclass(frozen=True)
class Listing:
    """How a listing command prints what it found: a table, JSON or CSV; to the terminal or a file; which page."""

    as_json: bool = False
    as_csv: bool = False
    output: Path | None = None
    limit: int | None = 20
    page: int = 1

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.limit if self.limit else 0

    @property
    def wanted(self) -> int | None:
        """How many of the best to ask for: this page and those before it (None: all)."""
        return self.offset + self.limit if self.limit else None

    def window(self, items: Sequence[Any]) -> list[Any]:
        return list(items[self.offset:self.wanted])

    def emit(self, rows: list[dict[str, Any]], table: Callable[[], None]) -> None:
        """``rows`` as JSON or CSV (to ``output`` when given), else ``table()`` for people."""
        if self.as_json:
            text = json_text(rows) + "\n"
        elif self.as_csv:
            text = _csv(safe(rows))
        else:
            table()
            return
        if self.output is None:
            click.echo(text, nl=False)
            return
        try:
            self.output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot write {self.output}: {exc.strerror or exc}") from None
        click.echo(f"Wrote {len(rows)} row{'' if len(rows) == 1 else 's'} to {self.output}", err=True)


def _csv(rows: list[dict[str, Any]]) -> str:
    """One row per object; lists joined with "; ", nested objects as JSON."""
    buffer = io.StringIO()
    columns = list(dict.fromkeys(key for row in rows for key in row))
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "; ".join(str(x) for x in v) if isinstance(v, list) and all(
            not isinstance(x, (list, dict)) for x in v) else json.dumps(v, ensure_ascii=False)
            if isinstance(v, (list, dict)) else v for k, v in row.items()})
    return buffer.getvalue()


def output_options(func: Callable[..., Any] | None = None, *, limit: int | None = 20) -> Any:
    """The same output options on every listing command, handed to it as one ``listing`` (a ``Listing``):
    --json, --csv, --output FILE, --limit and --page. ``@output_options`` shows at most 20 by default,
    ``@output_options(limit=None)`` everything unless --limit is given."""

    def decorate(f: Callable[..., Any]) -> Callable[..., Any]:
        @click.option("--json", "as_json", is_flag=True, help="Print one JSON array for scripts instead of a table.")
        @click.option("--csv", "as_csv", is_flag=True, help="Print CSV (a header, then one row each) instead.")
        @click.option("--output", "-o", "output_file", type=click.Path(dir_okay=False, path_type=Path),
                      help="Write the JSON or CSV to this file instead of the terminal.")
        @click.option("--limit", "-n", default=limit, show_default=limit is not None,
                      type=click.IntRange(1, 1_000_000),
                      help="Show at most this many." + ("" if limit is not None else " [default: all]"))
        @click.option("--page", type=click.IntRange(1, 1_000_000), default=1, show_default=True,
                      help="Which page of --limit results to show.")
        @functools.wraps(f)
        def wrapper(*args: Any, as_json: bool, as_csv: bool, output_file: Path | None, limit: int | None,
                    page: int, **kwargs: Any) -> Any:
            if as_json and as_csv:
                raise UsageError("--json and --csv: choose one")
            if output_file is not None and not (as_json or as_csv):
                raise UsageError("--output writes JSON or CSV: add --json or --csv")
            if page > 1 and limit is None:
                raise UsageError("--page needs --limit (how many a page holds)")
            return f(*args, listing=Listing(as_json, as_csv, output_file, limit, page), **kwargs)

        return wrapper

    return decorate(func) if func is not None else decorate


def safe(value: Any) -> Any:
    """Strip control characters from every string inside ``value``."""
    if isinstance(value, str):
        return strip_controls(value)
    if isinstance(value, dict):
        return {k: safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [safe(v) for v in value]
    return value


def json_text(value: Any) -> str:
    return json.dumps(safe(value), ensure_ascii=False, indent=2)


def print_json(value: Any) -> None:
    click.echo(json_text(value))


def _date(iso: str | None) -> str:
    return iso[:10] if iso else "-"


def ago(iso: str | None, now: datetime | None = None) -> str:
    """How long ago, as people say it: "2 hours ago", "yesterday", "3 days ago", "5 weeks ago"; a date after
    a year."""
    if not iso:
        return "-"
    try:
        then = datetime.fromisoformat(iso)
    except ValueError:
        return _date(iso)
    if then.tzinfo is None:
        then = then.replace(tzinfo=timezone.utc)
    seconds = ((now or datetime.now(timezone.utc)) - then).total_seconds()
    if seconds < 0:
        return _date(iso)
    hours, days = seconds / 3600, seconds / 86400
    if hours < 1:
        return "just now"
    if hours < 24:
        return f"{int(hours)} hour{'s' if int(hours) != 1 else ''} ago"
    if days < 2:
        return "yesterday"
    if days < 14:
        return f"{int(days)} days ago"
    if days < 60:
        return f"{int(days // 7)} weeks ago"
    if days < 365:
        return f"{int(days // 30)} months ago"
    return _date(iso)


def _console() -> Any:
    """On a terminal, text wraps at its width (URLs never: they are printed with soft_wrap); in a pipe or a
    file nothing is wrapped at all, so every line and every URL stays whole."""
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            """The reader went away (`threadscout show URL | head -3`): stop writing; that is not a failure."""
            self.quiet = True
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise SystemExit(0)

    return _Console(highlight=False, soft_wrap=not sys.stdout.isatty())


def _when(value: datetime | None) -> str:
    return value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC") if value else "never"


def failing_line(h: Any) -> str:
    """``failing since 2026-11-27 10:02 UTC (3 times): URL: HTTP 503 (temporary)``"""
    times = "once" if h.failures == 1 else f"{h.failures} times in a row"
    return (f"failing since {_when(h.failing_since)} ({times}): {one_line(h.url)}: "
            f"{one_line(h.last_error)} ({h.error_kind or 'temporary'})")


def wait_line(h: Any) -> str:
    """A source's site asked us to wait (Retry-After): until when, and whether that was clamped."""
    from threadscout.indexer.models import MAX_SERVER_WAIT, duration_words

    line = f"the site asked to wait until {_when(h.asked_to_wait_until)}"
    if h.wait_clamped:
        line += (f" (it asked for {duration_words(h.asked_wait)}: clamped to "
                 f"{duration_words(MAX_SERVER_WAIT.total_seconds())})")
    return line


def print_sources(health: Sequence[Any]) -> None:
    """Each source on its own line (URLs whole), its health indented below."""
    from rich.text import Text

    console = _console()
    if not health:
        console.print(Text("No sources: add [[source]] tables to the configuration."))
        return
    now = datetime.now(timezone.utc)
    for h in health:
        head = Text(one_line(h.url), style="cyan")
        origin = {"config": "", "added": ", added with `sources add`", "none": ", no longer watched"}[h.origin]
        head.append(f"  ({h.kind or 'kind not known yet'}{origin})", style="bold")
        console.print(head, soft_wrap=True)
        due = "-" if not h.watched else "now" if h.next_due is None or h.next_due <= now else _when(h.next_due)
        line = (f"    last crawl {_when(h.last_crawl)} · last success {_when(h.last_success)} · next due {due} · "
                f"{h.failures} failure{'' if h.failures == 1 else 's'}")
        if h.failures:
            line += f" since {_when(h.failing_since)}"
        console.print(Text(line))
        if h.cut_short:
            console.print(Text(f"    cut short: the crawl begun {_when(h.cut_short)} did not finish (stopped or "
                               "killed); the next crawl reads it again in full", style="yellow"), soft_wrap=True)
        elif h.crawling_since:
            console.print(Text(f"    being crawled: a crawl begun {_when(h.crawling_since)} is still running"),
                          soft_wrap=True)
        if h.last_error:
            console.print(Text(f"    last error: {one_line(h.last_error)} ({h.error_kind or 'temporary'})",
                               style="red"), soft_wrap=True)
        if h.capped:
            console.print(Text(f"    capped in its last crawl: {one_line(h.capped)}"), soft_wrap=True)
        if h.platform_note:
            console.print(Text(f"    the platform says: {one_line(h.platform_note)}"), soft_wrap=True)
        if h.asked_to_wait_until is not None and h.asked_to_wait_until > now:
            console.print(Text(f"    {wait_line(h)}"), soft_wrap=True)


def print_results(results: Sequence[ConversationView], query: str) -> None:
    """One block per conversation, best first: title, where and who, a snippet, and the full URL."""
    from rich.text import Text

    console = _console()
    if not results:
        console.print(Text(f"No conversations match {one_line(query)!r}. Try fewer or other words, or run "
                           "`threadscout crawl` first."))
        return
    found = "1 conversation" if len(results) == 1 else f"{len(results)} conversations"
    console.print(Text(f"{found} matching {one_line(query)!r}, best first", style="bold"))
    for i, r in enumerate(results, 1):
        block = Text(f"\n{i:>2}. ")
        block.append(one_line(r.title) or "(untitled)", style="bold")
        replies = "1 reply" if r.n_replies == 1 else f"{r.n_replies} replies"
        block.append(f"\n    {one_line(r.site)} · {r.kind} · {one_line(r.author) or 'unknown author'} · "
                     f"{_date(r.published)} · {replies}")
        if r.last_activity:
            block.append(f" · last activity {ago(r.last_activity)}")
        if r.state != "new" or r.moved:
            block.append(f"  [{state_text(r)}]", style="magenta")
        if r.snippet:
            snippet = Text(one_line(r.snippet), style="dim")
            for start, end in r.highlights or ():
                snippet.stylize("bold yellow", start, end)   # colour only on a terminal (rich decides)
            block.append("\n    ")
            block.append_text(snippet)
        console.print(block)
        console.print(Text("    " + one_line(r.url), style="cyan"), soft_wrap=True)
        if r.explain:
            e = r.explain
            console.print(Text(f"    score {e['score']:.3f} = relevance {e['relevance']:.3f} x activity "
                               f"{e['activity']:.3f} x recency {e['recency']:.3f}", style="dim"))


def print_places(places: Sequence[Any], query: str, days: int) -> None:
    """One block per site, most active first: its numbers in the window and its most active thread."""
    from rich.text import Text

    console = _console()
    asked = f"{one_line(query)!r}" if query.strip() else "the mission's keywords"
    if not places:
        console.print(Text(f"No conversations matching {asked} in the last {days} days. Try more days "
                           "(--days 90), other words, or run `threadscout crawl` first."))
        return
    console.print(Text(f"Where conversations matching {asked} happened in the last {days} days, most active "
                       "first", style="bold"))
    for i, p in enumerate(places, 1):
        block = Text(f"\n{i:>2}. ")
        block.append(one_line(p.site), style="bold")
        block.append(f"  {plural(p.conversations, 'conversation')}, {plural(p.replies, 'reply', 'replies')}, "
                     f"{plural(p.participants, 'person', 'people')} taking part · last activity "
                     f"{_date(p.last_activity)}")
        console.print(block)
        if p.most_active is not None:
            top = p.most_active
            console.print(Text(f"    most active: {one_line(top.title) or '(untitled)'} "
                               f"({plural(top.replies, 'reply', 'replies')})"), soft_wrap=True)
            console.print(Text("    " + one_line(top.url), style="cyan"), soft_wrap=True)


def _marked(text: str, marks: Sequence[Sequence[int]] | None, shift: int) -> Any:
    """Text with the matches in ``marks`` (offsets in ``text[shift:]``) in colour (on a terminal only)."""
    from rich.text import Text

    block = Text(text.rstrip())
    for start, end in marks or ():
        block.stylize("bold yellow", start + shift, end + shift)
    return block


def print_conversation(view: ConversationView) -> None:
    from rich.text import Text

    console = _console()
    console.print(Text(one_line(view.title) or "(untitled)", style="bold"))
    console.print(Text(one_line(view.url), style="cyan"), soft_wrap=True)
    replies = "1 reply" if view.n_replies == 1 else f"{view.n_replies} replies"
    console.print(Text(f"{one_line(view.site)} · {view.kind} · by {one_line(view.author) or 'unknown'} · "
                       f"{_date(view.published)} · {replies}"))
    if view.gone:
        console.print(Text(f"(the page answered 'not found' on {_date(view.gone)}: this copy is kept)", style="red"))
    if view.state != "new" or view.state_note:
        note = f": {one_line(view.state_note)}" if view.state_note else ""
        console.print(Text(f"[{state_text(view)}]{note}", style="magenta"))
    if view.text:
        console.print(_marked("\n" + strip_controls(view.text), view.highlights, 1))
    for i, reply in enumerate(view.replies or [], 1):
        line = Text(f"\n[{i}] {one_line(reply.author) or 'anonymous'} · {_date(reply.published)}", style="bold")
        if reply.url:
            line.append(f"  {one_line(reply.url)}", style="cyan")
        console.print(line, soft_wrap=True)
        console.print(_marked(strip_controls(reply.text), reply.highlights, 0))


def state_text(view: ConversationView) -> str:
    """``claimed by Ana``, ``answered, moved since`` ..."""
    text = view.state + (f" by {one_line(view.state_by)}" if view.state_by else "")
    return text + (", moved since (new replies)" if view.moved else "")


def is_terminal() -> bool:
    return sys.stderr.isatty()


def print_candidates(found: Sequence[Any]) -> None:
    """Each candidate: its site and kind, the page to look at (whole), why it is suggested, its feeds."""
    from rich.text import Text

    console = _console()
    if not found:
        console.print(Text("No new places found yet: crawl more, or add sources whose conversations link out."))
        return
    for i, c in enumerate(found, 1):
        head = Text(f"{i:>2}. ")
        head.append(f"{one_line(c.site)}", style="bold")
        head.append(f"  ({c.kind}{', ' + c.platform if c.platform and c.platform not in ('generic',) else ''})")
        console.print(head)
        console.print(Text("    " + one_line(c.url), style="cyan"), soft_wrap=True)
        n = len(c.conversations)
        console.print(Text(f"    linked from {n} relevant conversation{'' if n == 1 else 's'}, e.g. "
                           f"{one_line(c.conversations[0]) if c.conversations else '-'}"), soft_wrap=True)
        for feed in c.feeds[:3]:
            console.print(Text(f"    feed: {one_line(feed)}"), soft_wrap=True)
        if c.looked and not c.looked.startswith("HTTP 2"):
            console.print(Text(f"    looked at: {one_line(c.looked)}", style="red"), soft_wrap=True)
        console.print(Text(f"    watch it: threadscout sources add {one_line(c.url)}", style="dim"), soft_wrap=True)


def print_searches(searches: Sequence[Any]) -> None:
    """`alerts list`: each saved search, its channels, and what it sent."""
    from rich.text import Text

    console = _console()
    if not searches:
        console.print(Text("No saved searches: add [[saved_search]] to the configuration, or run "
                           "`threadscout alerts add NAME QUERY --notify URL`."))
        return
    for s in searches:
        head = Text(one_line(s.name), style="bold cyan")
        head.append(f"  {one_line(s.query)}")
        head.append("  (added with `alerts add`)" if s.origin == "added" else "", style="bold")
        console.print(head, soft_wrap=True)
        how = f"{s.digest} digest" if s.digest else "a message per conversation"
        console.print(Text(f"    {how} to: " + ", ".join(s.notify or ["(no channel)"])), soft_wrap=True)
        line = (f"    {s.messages} message{'' if s.messages == 1 else 's'} sent, last {_when(s.last_sent)} · "
                f"{s.pending} waiting · {s.failed} failed")
        if s.started_at is None:
            line += " · not evaluated yet (the next `threadscout run` does)"
        console.print(Text(line))
        if s.last_error:
            console.print(Text(f"    last error: {one_line(s.last_error)[:300]}", style="red"), soft_wrap=True)


def print_status(status: Any) -> None:
    """`threadscout status`: the scheduler, then the sources, then the saved searches."""
    from rich.text import Text

    console = _console()
    if status.running is not None:
        r = status.running
        what = "`run --once`" if r.once else "Scheduler"
        console.print(Text(f"{what} running since {_when(r.started_at)} (process {r.pid} on {r.host}).",
                           style="bold green"))
    else:
        last = f"; the last one stopped {_when(status.last.heartbeat_at)}" if status.last else ""
        console.print(Text(f"No scheduler is running (start one with `threadscout run`){last}.", style="bold"))
    console.print(Text(f"{status.conversations} conversations stored."))
    console.print(Text("\nSources", style="bold"))
    now = datetime.now(timezone.utc)
    for h in status.sources:
        if not h.watched:
            continue
        nxt = status.next_runs.get(h.url)
        due = _when(nxt) if nxt else ("now" if h.next_due is None or h.next_due <= now else _when(h.next_due))
        state = "ok" if not h.failures else f"failing since {_when(h.failing_since)} ({h.failures}x)"
        console.print(Text(f"  {one_line(h.url)}", style="cyan"), soft_wrap=True)
        console.print(Text(f"    {state} · last success {_when(h.last_success)} · next run {due}"))
        for said in (f"capped in its last crawl: {h.capped}" if h.capped else None,
                     "cut short: its last crawl did not finish; the next reads it again" if h.cut_short else None,
                     h.platform_note):
            if said:
                console.print(Text(f"    {one_line(said)}"), soft_wrap=True)
    console.print(Text("\nSaved searches", style="bold"))
    if not status.searches:
        console.print(Text("  none"))
    for s in status.searches:
        console.print(Text(f"  {one_line(s.name)}: {s.messages} sent (last {_when(s.last_sent)}), "
                           f"{s.pending} waiting, {s.failed} failed"), soft_wrap=True)


def print_links(places: Sequence[Any]) -> None:
    """`threadscout links`: each featured place, with what the store knows of it."""
    from rich.text import Text

    console = _console()
    if not places:
        console.print(Text("No community links yet: feature a conversation or a site with "
                           "`threadscout links add URL`."))
        return
    for p in places:
        head = Text(one_line(p.title), style="bold")
        head.append(f"  ({'site' if p.kind == 'site' else 'conversation'})")
        console.print(head)
        console.print(Text("    " + one_line(p.url), style="cyan"), soft_wrap=True)
        facts = (f"{p.conversations} conversations, {p.n_replies} replies" if p.kind == "site"
                 else f"{p.n_replies} replies")
        if p.last_activity:
            facts += f" · last activity {_when(p.last_activity)}"
        console.print(Text("    " + facts + (f" · {one_line(p.note)}" if p.note else "")))
