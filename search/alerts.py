"""Saved searches and their alerts: evaluate each search, log what is new per channel, send it through Apprise.

A saved search comes from the configuration (``[[saved_search]]``) or from `threadscout alerts add` (kept in the
database; the configuration wins on a name clash). Each evaluation runs the search's query on the index, records
in the delivery log (``indexer.alertlog``) what each channel has not been told yet, and sends it: one message per
conversation ("New conversation", or "3 new replies" for one told before), or, for a search with a ``digest``,
one message per period listing them all. A failed delivery stays queued and is tried again on later cycles
(30 s, 1 min, 2 min, 4 min), then recorded as failed; it never stops the crawl that came before.

Apprise is imported where a message is sent, so that searching never loads it.
"""

from __future__ import annotations

import html
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from threadscout.config.errors import UsageError
from threadscout.config.settings import SavedSearch, Settings, notify_problem, parse_digest, parse_duration
from threadscout.crawler.clean import one_line, strip_controls
from threadscout.indexer.alertlog import AlertLog, Match, Pending
from threadscout.indexer.db import Store
from threadscout.indexer.snippets import snippet_maker
from threadscout.search.progress import plural
from threadscout.search.query import ConversationView, _view, open_index

log = logging.getLogger(__name__)

DIGEST_LISTED = 50          # conversations listed in one digest; the rest are counted
APP = "threadscout"


@dataclass(frozen=True)
class Alert:
    """A saved search as it is evaluated: from the configuration or added with `alerts add`."""

    name: str
    query: str
    notify: tuple[str, ...]
    digest: timedelta | None
    backfill: timedelta
    origin: str                 # "config" | "added"


@dataclass
class AlertSummary:
    """One evaluation of every saved search: what was queued and what was sent."""

    searches: int = 0
    matched: int = 0
    new: int = 0
    follow_ups: int = 0
    seen: int = 0
    sent: int = 0              # messages sent
    failed: int = 0            # attempts that failed (tried again later)
    given_up: int = 0          # deliveries given up after their last attempt
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def line(self) -> str:
        parts = [f"{self.matched} matching", f"{self.new} new", f"{self.follow_ups} with new replies",
                 f"{plural(self.sent, 'message')} sent"]
        if self.failed:
            parts.append(f"{self.failed} failed (tried again later)")
        if self.given_up:
            parts.append(f"{self.given_up} given up")
        return (f"Alerts for {plural(self.searches, 'saved search', 'saved searches')}: " + ", ".join(parts)
                + f" in {self.seconds:.2f}s")


def saved_searches(cfg: Settings, store: Store) -> list[Alert]:
    """The configuration's saved searches, then those added with `alerts add` whose names are not taken."""
    alerts = [Alert(s.name, s.query, s.notify, s.digest, s.backfill, "config") for s in cfg.saved_searches]
    names = {a.name for a in alerts}
    for row in AlertLog(store).added():
        if row.name not in names:
            alerts.append(Alert(row.name, row.query or "", tuple(row.notify or ()),
                                timedelta(seconds=row.digest_seconds) if row.digest_seconds else None,
                                timedelta(seconds=row.backfill_seconds if row.backfill_seconds is not None
                                          else SavedSearch.backfill.total_seconds()), "added"))
    return alerts


def add(cfg: Settings, name: str, query: str, notify: Sequence[str], digest: str | None = None,
        backfill: str | None = None) -> str:
    """Keep a new saved search in the database (the configuration file is never rewritten)."""
    name, query = name.strip(), query.strip()
    if not name or not query:
        raise UsageError("a saved search needs a NAME and a QUERY")
    if any(s.name == name for s in cfg.saved_searches):
        raise UsageError(f"{name!r} is a saved search of {cfg.file} already: change it there, or choose another name")
    if not notify:
        raise UsageError("say where to send its alerts with --notify URL (e.g. mailto://you@example.org)")
    for url in notify:
        problem = notify_problem(url) or channel_problem(url)
        if problem:
            raise UsageError(problem)
    check_query(cfg, query)
    try:
        period = parse_digest(digest) if digest else None
        since = parse_duration(backfill) if backfill not in (None, "0", "0s") else (
            timedelta() if backfill else SavedSearch.backfill)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    store = Store(cfg.database_url)
    try:
        if not AlertLog(store).add(name, query, notify, period, since):
            raise UsageError(f"there is a saved search named {name!r} already (see `threadscout alerts list`)")
    finally:
        store.close()
    how = f"a {_period(period)} digest" if period else "a message for each new conversation"
    return (f"Saved search {name!r} added: {how} to {plural(len(notify), 'channel')} from the next `threadscout run`; "
            f"conversations active in the last {_period(since)} are the first ones sent.")


def remove(cfg: Settings, name: str) -> str:
    if any(s.name == name for s in cfg.saved_searches):
        raise UsageError(f"{name!r} is a saved search of {cfg.file}: remove it there (threadscout never rewrites "
                         "that file)")
    store = Store(cfg.database_url)
    try:
        if not AlertLog(store).remove(name):
            raise UsageError(f"there is no saved search named {name!r} (see `threadscout alerts list`)")
    finally:
        store.close()
    return f"Saved search {name!r} removed; no more alerts will be sent for it."


def check_query(cfg: Settings, query: str) -> None:
    """Raise ``QueryError`` (one line saying what is wrong) for a query that cannot be read."""
    from threadscout.indexer.querylang import check_typed, parse
    from threadscout.indexer.schema import conversation_schema

    check_typed(query)
    parse(conversation_schema(cfg.mission.language), query, org_names=cfg.mission.org_names)


def channel_problem(url: str) -> str | None:
    """Why Apprise cannot send to ``url``, or None."""
    import apprise

    if apprise.Apprise.instantiate(url) is None:
        return (f"{masked(url)!r} is not a notification URL Apprise knows (see "
                "https://github.com/caronc/apprise/wiki for mailto://, slack://, json:// ...)")
    return None


def masked(url: str) -> str:
    """A channel's URL with its passwords and tokens hidden, to be shown."""
    try:
        import apprise

        plugin = apprise.Apprise.instantiate(url)
        if plugin is not None:
            return str(plugin.url(privacy=True))
    except Exception:  # noqa: BLE001 - showing a URL must never fail
        pass
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{'…' if rest else ''}"


def channel_key(url: str) -> str:
    """What the delivery log knows a channel by: its URL with the secrets masked, so that a changed password
    or token is the same channel (nothing is sent again)."""
    return masked(url)


# -- evaluating and delivering ------------------------------------------------------------------------------------
def run_alerts(cfg: Settings, *, store: Store | None = None, now: datetime | None = None, evaluate: bool = True,
               stop: Callable[[], bool] | None = None) -> AlertSummary:
    """Evaluate every saved search (unless not ``evaluate``: then only what waits is sent: retries, digests)
    and send what is due: the step after each crawl of `threadscout run`. ``stop`` is asked between messages."""
    started = time.monotonic()
    now = now or datetime.now(timezone.utc)
    own = store is None
    store = store or Store(cfg.database_url)
    summary = AlertSummary()
    stopping = stop or (lambda: False)
    try:
        alerts = saved_searches(cfg, store)
        summary.searches = len(alerts)
        for alert in alerts:
            if stopping():
                break
            try:          # one broken search or channel must not stop the others
                if evaluate:
                    _evaluate(cfg, store, alert, now, summary)
                for channel in alert.notify:
                    _deliver(cfg, store, alert, channel, now, summary, stopping)
            except Exception as exc:  # noqa: BLE001
                log.warning("saved search %r: %s", alert.name, exc, exc_info=True)
                summary.errors.append(f"{alert.name}: {one_line(str(exc))}")
    finally:
        if own:
            store.close()
    summary.seconds = time.monotonic() - started
    return summary


def _evaluate(cfg: Settings, store: Store, alert: Alert, now: datetime, summary: AlertSummary) -> None:
    from threadscout.indexer.index import IndexMissingError

    alog = AlertLog(store)
    try:
        urls = open_index(cfg).matching(alert.query, limit=None, org_names=cfg.mission.org_names,
                                        exclude=cfg.mission.exclude)
    except IndexMissingError:
        return                   # nothing crawled yet: the search begins with the first crawl's findings
    if not urls and not store.count():
        return
    began = alog.begin(alert.name, alert.query, now)
    matches: list[Match] = alog.matches(urls)
    summary.matched += len(matches)
    queued = alog.record(alert.name, [channel_key(url) for url in alert.notify], matches, backfill=alert.backfill,
                         started=began, now=now)
    summary.new += len(queued.new)
    summary.follow_ups += len(queued.follow_ups)
    summary.seen += len(queued.seen)


def _deliver(cfg: Settings, store: Store, alert: Alert, channel: str, now: datetime, summary: AlertSummary,
             stopping: Callable[[], bool]) -> None:
    alog = AlertLog(store)
    key = channel_key(channel)
    pending = alog.pending(alert.name, key, now)
    if not pending:
        return
    if alert.digest is not None:
        # one digest per period: the first a period after the search's first evaluation
        last = alog.last_digest(alert.name, key) or alog.started(alert.name) or now
        if now < last + alert.digest:
            return
        views = _views(cfg, store, alert, [p.conversation_id for p in pending])
        shown = [p for p in pending if p.conversation_id in views]
        title, text, page = digest_message(alert, [(p, views[p.conversation_id]) for p in shown], alert.digest)
        _send_and_log(alog, channel, [p.id for p in pending], title, text, page, now, summary)
        return
    views = _views(cfg, store, alert, [p.conversation_id for p in pending])
    for i, p in enumerate(pending):
        if stopping():
            return
        view = views.get(p.conversation_id)
        if view is None:
            alog.sent([p.id], now)      # removed from the store since: nothing to tell
            continue
        title, text, page = message(alert, p, view)
        if not _send_and_log(alog, channel, [p.id], title, text, page, now, summary):
            # the channel is down: the rest waits with it (tried again together), instead of each message
            # waiting for the channel's timeout now
            rest = [q.id for q in pending[i + 1:]]
            if rest:
                summary.given_up += alog.failed(rest, "not tried: the channel failed just before", now)
            return


def _send_and_log(alog: AlertLog, channel: str, ids: list[int], title: str, text: str, page: str, now: datetime,
                  summary: AlertSummary) -> bool:
    ok, error = send(channel, title, text, page)
    if ok:
        alog.sent(ids, now)
        summary.sent += 1
    else:
        summary.failed += 1
        summary.given_up += alog.failed(ids, error, now)
        log.warning("alert not delivered to %s: %s", masked(channel), error)
    return ok


def _views(cfg: Settings, store: Store, alert: Alert, ids: Sequence[int]) -> dict[int, ConversationView]:
    """The conversations to tell of, with a snippet around the query's words."""
    snippet = snippet_maker(alert.query, cfg.mission.org_names, cfg.mission.language)
    views = {}
    ids = list(ids)
    for conv in (c for start in range(0, len(ids), 500) for c in store.conversations(ids=ids[start:start + 500])):
        body = "\n\n".join([conv.text or "", *(r.text for r in conv.replies)])
        views[conv.id] = _view(conv, snippet=snippet(body)[0])
    return views


def send(channel: str, title: str, text: str, page: str) -> tuple[bool, str]:
    """Send one message to one Apprise URL: e-mail gets a plain-text and an HTML part, other channels the text.
    Returns (delivered, why not)."""
    import apprise

    notifier = apprise.Apprise(asset=apprise.AppriseAsset(app_id=APP, app_desc=APP,
                                                          app_url="https://pypi.org/project/threadscout/"))
    with apprise.LogCapture(level=logging.WARNING) as captured:
        if not notifier.add(channel):
            return False, f"{masked(channel)} is not a notification URL Apprise knows"
        is_mail = channel.split("://", 1)[0].lower() in ("mailto", "mailtos")
        try:
            ok = notifier.notify(title=title, body=page if is_mail else text,
                                 body_format=apprise.NotifyFormat.HTML if is_mail else apprise.NotifyFormat.TEXT)
        except Exception as exc:  # noqa: BLE001 - a channel's failure is recorded, never raised
            return False, f"{exc.__class__.__name__}: {exc}"
        why = " ".join(captured.getvalue().split())
    return bool(ok), "" if ok else (why[-500:] or "the channel refused the message")


# -- messages ---------------------------------------------------------------------------------------------------
def _date(value: str | None) -> str:
    if not value:
        return "date unknown"
    when = datetime.fromisoformat(value).astimezone(timezone.utc)
    return when.strftime("%Y-%m-%d %H:%M UTC")


def _facts(view: ConversationView) -> str:
    return (f"{one_line(view.site)} · {view.kind} · {plural(view.n_replies, 'reply', 'replies')} · "
            f"last activity {_date(view.last_activity)}")


def _news(p: Pending) -> str | None:
    if p.kind != "follow-up":
        return None
    more = p.n_replies - (p.sent_replies or 0)
    since = p.sent_at.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC") if p.sent_at else "the last alert"
    return f"{plural(more, 'new reply', 'new replies')} since {since}"


def _first_up(text: str) -> str:
    return text[:1].upper() + text[1:]


def message(alert: Alert, p: Pending, view: ConversationView) -> tuple[str, str, str]:
    """One conversation's alert: title, plain text, HTML."""
    name = one_line(view.title) or view.url
    news = _news(p)
    title = f"{_first_up(news.split(' since ')[0])}: {name}" if news else f"New conversation: {name}"
    lines = [name, _facts(view)]
    if news:
        lines.append(_first_up(news))
    lines += ["", one_line(view.snippet), "", view.url, "", _footer(alert)]
    page = (f"<p><a href=\"{html.escape(view.url)}\"><strong>{html.escape(name)}</strong></a><br>"
            f"{html.escape(_facts(view))}</p>"
            + (f"<p><strong>{html.escape(_first_up(news))}</strong></p>" if news else "")
            + f"<blockquote>{html.escape(one_line(view.snippet))}</blockquote>"
            f"<p><a href=\"{html.escape(view.url)}\">{html.escape(view.url)}</a></p>"
            f"<p><small>{html.escape(_footer(alert))}</small></p>")
    return f"[{APP}] {title[:200]}", "\n".join(lines), page


def digest_message(alert: Alert, items: Sequence[tuple[Pending, ConversationView]], period: timedelta
                   ) -> tuple[str, str, str]:
    """One message listing every conversation queued for a digest."""
    shown = items[:DIGEST_LISTED]
    title = f"[{APP}] {_first_up(_period(period))} digest for {one_line(alert.name)}: " \
            f"{plural(len(items), 'conversation')}"
    lines, parts = [], []
    for p, view in shown:
        name = one_line(view.title) or view.url
        news = _news(p)
        lines += [f"* {name}", f"  {_facts(view)}" + (f" · {news}" if news else ""),
                  f"  {one_line(view.snippet)}", f"  {view.url}", ""]
        parts.append(f"<li><a href=\"{html.escape(view.url)}\"><strong>{html.escape(name)}</strong></a><br>"
                     f"{html.escape(_facts(view))}" + (f" · <strong>{html.escape(news)}</strong>" if news else "")
                     + f"<br><small>{html.escape(one_line(view.snippet))}</small></li>")
    more = len(items) - len(shown)
    if more:
        lines.append(f"... and {plural(more, 'more conversation')} (threadscout search '{alert.query}')")
        parts.append(f"<li>... and {html.escape(plural(more, 'more conversation'))}</li>")
    lines.append(_footer(alert))
    page = f"<ul>{''.join(parts)}</ul><p><small>{html.escape(_footer(alert))}</small></p>"
    return title, "\n".join(lines), page


def _footer(alert: Alert) -> str:
    return f"Saved search {strip_controls(alert.name)!r}: {strip_controls(alert.query)} (threadscout)"


def _period(period: timedelta) -> str:
    if period == timedelta(days=1):
        return "daily"
    if period == timedelta(days=7):
        return "weekly"
    seconds = int(period.total_seconds())
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size and seconds % size == 0:
            return plural(seconds // size, unit)
    return plural(seconds, "second")


# -- testing a search, and describing them -----------------------------------------------------------------------
@dataclass(frozen=True)
class ChannelResult:
    channel: str           # masked
    delivered: bool
    error: str

    def as_dict(self) -> dict[str, Any]:
        return {"channel": self.channel, "delivered": self.delivered, "error": self.error or None}


def test(cfg: Settings, name: str) -> list[ChannelResult]:
    """Send a sample of a saved search's alert to each of its channels now (its best match, or a sample)."""
    store = Store(cfg.database_url)
    try:
        alert = next((a for a in saved_searches(cfg, store) if a.name == name), None)
        if alert is None:
            raise UsageError(f"there is no saved search named {name!r} (see `threadscout alerts list`)")
        if not alert.notify:
            raise UsageError(f"saved search {name!r} has no channels: give it notify = [...]")
        from threadscout.indexer.index import IndexMissingError

        try:
            urls = open_index(cfg).matching(alert.query, limit=1, org_names=cfg.mission.org_names,
                                            exclude=cfg.mission.exclude)
        except IndexMissingError:
            urls = []
        matches = AlertLog(store).matches(urls)
        views = _views(cfg, store, alert, [m.id for m in matches])
    finally:
        store.close()
    view = next(iter(views.values()), None) or ConversationView(
        url="https://example.org/", title="A sample conversation", site="example.org", kind="post", author=None,
        published=None, last_activity=datetime.now(timezone.utc).isoformat(), n_replies=0, participants=[],
        snippet="Nothing matches this search yet; this is what its alerts will look like.")
    title, text, page = message(alert, Pending(0, 0, "new", view.n_replies, None, None, 0), view)
    results = []
    for channel in alert.notify:
        ok, error = send(channel, "[test] " + title, text, page)
        results.append(ChannelResult(masked(channel), ok, one_line(error)))
    return results


@dataclass(frozen=True)
class SearchStatus:
    """A saved search as `alerts list` and `status` show it."""

    name: str
    query: str
    origin: str
    notify: tuple[str, ...]          # masked
    digest: str | None
    backfill_seconds: int
    messages: int
    pending: int
    failed: int
    seen: int
    last_sent: datetime | None
    last_error: str | None
    started_at: datetime | None
    evaluated_at: datetime | None

    def as_dict(self) -> dict[str, Any]:
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {"name": self.name, "query": self.query, "origin": self.origin, "notify": list(self.notify),
                "digest": self.digest, "backfill": self.backfill_seconds, "messages": self.messages,
                "pending": self.pending, "failed": self.failed, "seen": self.seen, "last_sent": iso(self.last_sent),
                "last_error": self.last_error, "started": iso(self.started_at),
                "evaluated": iso(self.evaluated_at)}


def describe(cfg: Settings, store: Store) -> list[SearchStatus]:
    alog = AlertLog(store)
    found = []
    for alert in saved_searches(cfg, store):
        s = alog.summary(alert.name)
        found.append(SearchStatus(alert.name, alert.query, alert.origin, tuple(masked(u) for u in alert.notify),
                                  _period(alert.digest) if alert.digest else None,
                                  int(alert.backfill.total_seconds()), s.messages, s.pending, s.failed, s.seen,
                                  s.last_sent, s.last_error, s.started_at, s.evaluated_at))
    return found
