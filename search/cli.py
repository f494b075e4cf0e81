"""The ``threadscout`` command: thin wrappers over ``search.jobs`` and ``search.query``.

Exit codes: 0 ok, 1 the work failed, 2 bad usage or bad configuration (one line, no traceback), 130 / 143 stopped
by SIGINT / SIGTERM after keeping what was done.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from threadscout.config.errors import ThreadscoutError, UsageError
from threadscout.config.settings import SOURCE_KINDS, Settings, load_settings
from threadscout.search import output
from threadscout.search.progress import CrawlProgress


class _Group(click.Group):
    """Turn the project's errors into one line on stderr and their exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ThreadscoutError as exc:
            click.echo(f"threadscout: {exc}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("threadscout: interrupted; what was saved so far is kept", err=True)
            sys.exit(130)
        except BrokenPipeError:
            # the reader went away (`threadscout show URL | head -3`): that is not a failure
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(0)


def utf8(value: str, what: str, *, url: bool = False) -> str:
    """``value`` as given on the command line, refused in one line (exit 2) when it holds bytes that are not UTF-8:
    Python hands them over as lone surrogates, which can be neither stored nor printed."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raw = value.encode("utf-8", "surrogateescape")
        byte = raw[len(value[:exc.start].encode("utf-8", "surrogateescape"))]
        shown = raw.decode("utf-8", "backslashreplace")
        shown = shown if len(shown) <= 80 else shown[:70] + "..."
        fix = f"write that byte as %{byte:02X}" if url else "give it as UTF-8 text"
        raise UsageError(f"{what} '{shown}' holds the byte 0x{byte:02X}, which is not UTF-8: {fix}") from None
    return value


class Text(click.ParamType):
    """A string argument that must be UTF-8 text (see ``utf8``)."""

    name = "text"

    def __init__(self, *, url: bool = False) -> None:
        self.url = url

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value
        what = "the value" if param is None else (param.opts[0] if isinstance(param, click.Option)
                                                  else param.human_readable_name)
        return utf8(value, what, url=self.url)


URL = Text(url=True)
TEXT = Text()


class Context:
    def __init__(self, config: str | None, verbose: bool) -> None:
        self.config, self.verbose = config, verbose
        self._settings: Settings | None = None

    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = load_settings(self.config)
        return self._settings


pass_context = click.make_pass_decorator(Context)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "-c", metavar="FILE", envvar="THREADSCOUT_CONFIG",
              help="The configuration file (default: $THREADSCOUT_CONFIG, then ./threadscout.toml).")
@click.option("--verbose", "-v", is_flag=True,
              help="Show the crawl's log (every request and what became of it) on the terminal as it runs.")
@click.version_option(package_name="threadscout", message="%(prog)s %(version)s")
@click.pass_context
def cli(ctx: click.Context, config: str | None, verbose: bool) -> None:
    """threadscout: find where the conversations about your mission are happening.

    It crawls the blogs, forums and feeds listed in your configuration, keeps every conversation it finds
    (posts with their comments, threads with their replies) in a local database, and lets you search them.

    \b
    Start here:
      threadscout demo                       see it work on a small bundled sample web
      threadscout --config my.toml crawl     crawl your sources
      threadscout search "adult literacy"    find conversations
      threadscout show URL                   read one conversation with its replies
    """
    ctx.obj = Context(config, verbose)


@cli.command()
@click.option("--all", "all_sources", is_flag=True, help="Crawl every source, not only those that are due.")
@pass_context
def crawl(obj: Context, all_sources: bool) -> None:
    """Crawl the sources that are due, store what was found, and update the search index.

    A source is due when it was never crawled or was last crawled at least its `every` ago (default 6h). A
    source whose last crawl failed is due again on the next crawl, then waits longer after each failure in a
    row (5 min, 10 min, 20 min ... doubling up to 8 times its `every`); every summary names the sources that are
    failing and since when (`threadscout sources` shows them all). Pages that fail are counted and logged
    (data folder, logs/crawl.log) and the crawl goes on.

    Ctrl-C (or SIGTERM) stops the crawl within seconds, keeping and indexing what was found; a second one
    quits at once. Exits 0 when the crawl ran, 1 when nothing at all could be fetched or the crawl needed more
    memory than [crawl] max_memory (what it found until then is kept), 130 / 143 when stopped.
    """
    from threadscout.search import jobs

    cfg = obj.settings()
    with CrawlProgress(enabled=output.is_terminal() and not obj.verbose) as progress:
        summary = jobs.crawl(cfg, all_sources=all_sources, on_counts=progress.crawl_counts,
                             on_indexed=progress.add_indexed, log_level="DEBUG" if obj.verbose else "INFO",
                             echo_log=obj.verbose)
    for warning in summary.warnings:
        click.echo(f"threadscout: warning: {warning}", err=True)
    if summary.sources == 0 and summary.stopped_by is None:
        click.echo("Nothing is due: every source was crawled recently (use --all to crawl them anyway).")
    else:
        click.echo(summary.line())
    for health in summary.capped:
        click.echo(f"  capped: {output.one_line(health.url)}: {output.one_line(health.capped)}")
    for health in summary.failing:
        click.echo("  " + output.failing_line(health), err=True)
    if summary.errors:
        click.echo(f"  details of failed pages: {cfg.data_dir / 'logs' / 'crawl.log'}", err=True)
    if summary.stopped_by is not None:
        from threadscout.crawler.run import exit_now

        exit_now(summary.exit_code)
    if summary.memory_limit is not None:
        click.echo(f"threadscout: the crawl was stopped by its memory limit ([crawl] max_memory = "
                   f"{summary.memory_limit // 2**20} MiB); what it found until then is kept. Raise the limit, or "
                   "lower max_response_size", err=True)
        sys.exit(1)
    if summary.nothing_fetched:
        click.echo("threadscout: nothing could be fetched; check the source URLs and your connection", err=True)
        sys.exit(1)


@cli.group(invoke_without_command=True)
@output.output_options(limit=None)
@click.pass_context
def sources(ctx: click.Context, listing: output.Listing) -> None:
    """List every source with its health: kind, last crawl, last success, next due, failures, last error.

    Sources from the configuration come first, then those added with `sources add`; sources the database
    still remembers but nobody watches any more follow, marked as such. Failures are sorted into kinds:
    temporary (the site is down or slow; it usually comes back), soft (the site answered with something
    unexpected, such as a 404) and hard (the site refuses us or the address cannot work: check the URL).

    \b
    threadscout sources add URL [--kind K]   start watching a place (kept in the database)
    threadscout sources remove URL           stop watching it (what it found is kept)
    """
    if ctx.invoked_subcommand is not None:
        return
    from threadscout.search import jobs

    cfg = ctx.find_object(Context).settings()  # type: ignore[union-attr]
    store = jobs.open_store(cfg)
    try:
        health = listing.window(jobs.source_health(cfg, store))
    finally:
        store.close()
    listing.emit([h.as_dict() for h in health], lambda: output.print_sources(health))


@sources.command(name="add")
@click.argument("url", type=URL)
@click.option("--kind", type=click.Choice(list(SOURCE_KINDS)),
              help="What the place is (detected from its first answer when left out); a platform "
                   "(mastodon, lemmy, discourse, hackernews, stackexchange, reddit) is searched through its "
                   "public API for the mission's keywords.")
@pass_context
def sources_add(obj: Context, url: str, kind: str | None) -> None:
    """Start watching URL: the next crawl reads it, like a source of the configuration.

    It is kept in the database; the configuration file is never rewritten.
    """
    from threadscout.search import jobs

    click.echo(jobs.add_source(obj.settings(), url.strip(), kind))


@sources.command(name="remove")
@click.argument("url", type=URL)
@pass_context
def sources_remove(obj: Context, url: str) -> None:
    """Stop watching URL (added with `sources add`); the conversations found there are kept.

    A source listed in the configuration file is removed by editing that file.
    """
    from threadscout.search import jobs

    click.echo(jobs.remove_source(obj.settings(), url.strip()))


@cli.command()
@output.output_options
@click.option("--no-look", is_flag=True, help="Do not look at the candidates on the web (no request is made).")
@pass_context
def discover(obj: Context, listing: output.Listing, no_look: bool) -> None:
    """Suggest places not yet watched where conversations about your mission seem to happen, best first.

    The evidence is in what was crawled: relevant conversations (matching the mission's keywords) that link to
    another site, in a post or from a commenter's name. Sites you already watch are left out. The best
    candidates are looked at once (one page each, robots.txt obeyed) for their feeds and software; nothing
    more is crawled until you add one with `threadscout sources add URL`.
    """
    from threadscout.search import discover as discovery, jobs

    cfg = obj.settings()
    store = jobs.open_store(cfg)
    try:
        watched = [s.url for s in jobs.watched_sources(cfg, store)]
        found = listing.window(discovery.candidates(cfg, store, watched, listing.wanted or 1_000_000))
    finally:
        store.close()
    if not no_look:
        discovery.look(cfg, found)
    listing.emit([c.as_dict() for c in found], lambda: output.print_candidates(found))


@cli.command(name="search", context_settings={"ignore_unknown_options": True})
@click.argument("query", nargs=-1, type=click.UNPROCESSED)
@click.option("--all", "everything", is_flag=True,
              help="Do not leave out the mission's exclude phrases.")
@click.option("--sort", type=click.Choice(["relevance", "recent", "active"]), default="relevance", show_default=True,
              help="relevance: the words, weighed with activity and recency; recent: last activity first; "
                   "active: most replies first.")
@click.option("--explain", is_flag=True, help="Show the parts of each score (relevance x activity x recency).")
@output.output_options
@pass_context
def search_command(obj: Context, query: tuple[str, ...], everything: bool, sort: str, explain: bool,
                   listing: output.Listing) -> None:
    """List the conversations that match QUERY, best first (no QUERY: the mission's keywords).

    \b
    Words are all required; "quoted words" match a phrase, "words"~2 with
    up to 2 words between; OR, NOT, -word and parentheses work; tutor*
    matches any ending. Fields:
      title:WORD      site:HOST (subdomains too)   author:NAME (anyone taking part)
      kind:post|thread|item   after:DATE  before:DATE (2026-10-01, 2026-10, 7d, 2w)
      replies:>N      is:unanswered  is:question  is:ours (org_names take part)
    e.g.  threadscout search '"reading tutor" OR tutoring' -bus site:example.org after:30d
    The mission's exclude phrases are left out unless --all.
    """
    from threadscout.search.query import search

    text = utf8(" ".join(query), "QUERY")
    results = listing.window(search(obj.settings(), text, limit=listing.wanted or 1_000_000,
                                    everything=everything, sort=sort, explain=explain))
    listing.emit([r.as_dict() for r in results], lambda: output.print_results(results, text))


@cli.command(name="where", context_settings={"ignore_unknown_options": True})
@click.argument("query", nargs=-1, type=click.UNPROCESSED)
@click.option("--days", type=click.IntRange(1, 36_500), default=30, show_default=True,
              help="Count the activity of this many last days.")
@click.option("--all", "everything", is_flag=True, help="Do not leave out the mission's exclude phrases.")
@output.output_options
@pass_context
def where_command(obj: Context, query: tuple[str, ...], days: int, everything: bool,
                  listing: output.Listing) -> None:
    """Where are the conversations? Sites ranked by the activity of the conversations matching QUERY (no
    QUERY: the mission's keywords) in the last --days days.

    For each site: matching conversations, their replies and the people taking part in the window, and its most
    active thread. Pages that only mention a keyword (calendars, tag pages) count little: sites where people
    reply come first. QUERY is written as for `threadscout search`.
    """
    from threadscout.search.where import where

    text = utf8(" ".join(query), "QUERY")
    places = listing.window(where(obj.settings(), text, days=days, everything=everything))
    listing.emit([p.as_dict() for p in places], lambda: output.print_places(places, text, days))


@cli.command()
@click.argument("url", type=URL)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object for scripts.")
@click.option("--query", "-q", "query", type=TEXT, metavar="QUERY",
              help="Mark where QUERY's words are (as `threadscout search` reads it); in JSON as highlights.")
@pass_context
def show(obj: Context, url: str, as_json: bool, query: str | None) -> None:
    """Print one conversation (by its URL) with its replies in page order.

    The URL may be given as it appears in your browser: with or without its trailing slash, with tracking
    parameters (utm_...) or a #fragment.
    """
    from threadscout.search.query import show as show_conversation

    if not url.strip():
        raise click.BadParameter("give the URL of a conversation (see `threadscout search`)", param_hint="URL")

    view = show_conversation(obj.settings(), url, query)
    if as_json:
        output.print_json(view.as_dict())
    else:
        output.print_conversation(view)


@cli.command()
@click.option("--once", is_flag=True,
              help="Do one cycle (every due source, then alerts) and exit: for cron or a systemd timer.")
@pass_context
def run(obj: Context, once: bool) -> None:
    """Keep the sources fresh and send the saved searches' alerts, until stopped.

    Each source is crawled on its own interval (`every` on the source, default [crawl] every), with a little
    jitter; a failing source is tried again at once, then after 5 min, 10 min, 20 min ... up to 8 times its
    interval.
    Conversations with recent replies are re-read on their own schedule (their comment feed or last page),
    more often while they move, less often when they are quiet. After each crawl the saved searches are
    evaluated and their alerts sent: each new matching conversation once per channel, and one follow-up when
    it has new replies. What the scheduler does is kept in the database: a restart (even after a kill) goes on
    where it stopped, and runs missed while it was down are done once.

    One scheduler runs per database: a second `run` says which process runs and exits 1. `crawl`, `search`
    and the other commands work beside it. Ctrl-C or SIGTERM stops it within seconds, keeping what was found
    (exit 130 / 143).
    """
    from threadscout.search import jobs

    cfg = obj.settings()
    if not once:
        from threadscout.search.scheduler import Daemon

        code = Daemon(cfg, say=lambda line: click.echo(output.one_line(line))).run()
        from threadscout.crawler.run import exit_now

        exit_now(code)
    with CrawlProgress(enabled=output.is_terminal() and not obj.verbose) as progress:
        summary = jobs.run_once(cfg, on_counts=progress.crawl_counts, on_indexed=progress.add_indexed)
    crawl = summary.crawl
    assert crawl is not None
    for warning in crawl.warnings:
        click.echo(f"threadscout: warning: {warning}", err=True)
    if crawl.sources == 0 and not summary.refreshed and crawl.stopped_by is None:
        click.echo("Nothing is due: every source was crawled recently.")
        if summary.alerts is not None and summary.alerts.searches:
            click.echo(summary.alerts.line())
    else:
        for line in summary.lines():
            click.echo(line)
    for health in crawl.failing:
        click.echo("  " + output.failing_line(health), err=True)
    for error in summary.alerts.errors if summary.alerts else ():
        click.echo(f"threadscout: saved search {error}", err=True)
    if crawl.stopped_by is not None:
        from threadscout.crawler.run import exit_now

        exit_now(crawl.exit_code)


@cli.group(invoke_without_command=True)
@output.output_options(limit=None)
@click.pass_context
def alerts(ctx: click.Context, listing: output.Listing) -> None:
    """List the saved searches: their query, channels, and the alerts sent, waiting and failed.

    A saved search sends each new conversation matching its query once to each of its channels (Apprise
    URLs: mailto://, mailtos://, slack://, discord://, matrix://, tgram://, json:// ...), and one follow-up
    when a conversation it told of has new replies; with a digest, one message a day or a week lists them.
    Its first evaluation sends only conversations active within its backfill (default 7 days).
    Searches come from [[saved_search]] in the configuration, or from `alerts add` (kept in the database; the
    configuration wins when both use a name).

    \b
    threadscout alerts list               the same as `threadscout alerts`
    threadscout alerts add NAME QUERY --notify URL [--digest daily|weekly] [--backfill 7d]
    threadscout alerts remove NAME
    threadscout alerts test NAME          send a sample to its channels now
    """
    if ctx.invoked_subcommand is None:
        _list_alerts(ctx.find_object(Context), listing)  # type: ignore[arg-type]


@alerts.command(name="list")
@output.output_options(limit=None)
@pass_context
def alerts_list(obj: Context, listing: output.Listing) -> None:
    """List the saved searches: their query, channels, and the alerts sent, waiting and failed."""
    _list_alerts(obj, listing)


def _list_alerts(obj: Context, listing: output.Listing) -> None:
    from threadscout.search import alerts as saved
    from threadscout.search import jobs

    cfg = obj.settings()
    store = jobs.open_store(cfg)
    try:
        searches = listing.window(saved.describe(cfg, store))
    finally:
        store.close()
    listing.emit([s.as_dict() for s in searches], lambda: output.print_searches(searches))


@alerts.command(name="add")
@click.argument("name", type=TEXT)
@click.argument("query", type=TEXT)
@click.option("--notify", "notify", multiple=True, metavar="URL", required=True, type=URL,
              help="Where to send its alerts: an Apprise URL (give --notify again for more channels).")
@click.option("--digest", metavar="PERIOD", help='One message per period listing them all: "daily", "weekly" '
                                                  'or a duration such as 12h (default: one per conversation).')
@click.option("--backfill", metavar="DURATION", help="When it begins, send only the conversations active within "
                                                      "this long (default 7d; 0: only what comes after).")
@pass_context
def alerts_add(obj: Context, name: str, query: str, notify: tuple[str, ...], digest: str | None,
               backfill: str | None) -> None:
    """Save QUERY as the search NAME and send its new matches to each --notify URL.

    It is kept in the database (the configuration file is never rewritten); `threadscout run` evaluates it
    after each crawl. QUERY is written as for `threadscout search`.
    """
    from threadscout.search import alerts as saved

    click.echo(saved.add(obj.settings(), name, query, notify, digest, backfill))


@alerts.command(name="remove")
@click.argument("name")
@pass_context
def alerts_remove(obj: Context, name: str) -> None:
    """Stop the saved search NAME (added with `alerts add`); what it sent stays in the log."""
    from threadscout.search import alerts as saved

    click.echo(saved.remove(obj.settings(), name))


@alerts.command(name="test")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON array for scripts.")
@pass_context
def alerts_test(obj: Context, name: str, as_json: bool) -> None:
    """Send a sample alert of the saved search NAME to each of its channels now (its best match, or a sample
    when nothing matches yet). Exits 1 when a channel did not take it."""
    from threadscout.search import alerts as saved

    results = saved.test(obj.settings(), name)
    if as_json:
        output.print_json([r.as_dict() for r in results])
    else:
        for r in results:
            click.echo(f"{'sent' if r.delivered else 'FAILED'}: {r.channel}" + (f": {r.error}" if r.error else ""))
    if not all(r.delivered for r in results):
        sys.exit(1)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object for scripts.")
@pass_context
def status(obj: Context, as_json: bool) -> None:
    """Whether a scheduler (`threadscout run`) is running and since when; each source's health and next run;
    each saved search's last alert, messages sent, waiting and failed."""
    from threadscout.search.status import status as read_status

    report = read_status(obj.settings())
    if as_json:
        output.print_json(report.as_dict())
    else:
        output.print_status(report)


@cli.command()
@click.argument("url", type=URL)
@click.argument("state", type=click.Choice(["new", "claimed", "answered", "skipped"]))
@click.option("--by", type=TEXT, metavar="NAME", help="Who claimed or answered it (shown to the others).")
@click.option("--note", type=TEXT, metavar="TEXT",
              help="A note for the others (what was said, what to do); \"\" clears it.")
@pass_context
def mark(obj: Context, url: str, state: str, by: str | None, note: str | None) -> None:
    """Set where taking part in the conversation at URL stands: new, claimed (someone will answer), answered or
    skipped, with who and a note.

    The state is kept in the database (a reindex keeps it) and can be searched: `is:claimed`,
    `state:answered`, `is:new`; `is:moved` finds answered or skipped conversations with replies since.
    `search` and `show` show it.
    """
    from threadscout.search import jobs

    click.echo(jobs.mark(obj.settings(), url, state, by, note))


@cli.group(invoke_without_command=True)
@click.option("--format", "form", type=click.Choice(["html", "rss", "opml"]),
              help="Write them as an HTML fragment to paste into a page, an RSS feed, or an OPML list of feeds.")
@click.option("--output", "-o", "output_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (for static publishing) instead of the terminal.")
@click.pass_context
def links(ctx: click.Context, form: str | None, output_file: Path | None) -> None:
    """The community links: the conversations and sites you feature, to point your own community (your
    website, your newsletter) to where the conversations about your mission are.

    Without --format, lists them. With --format html, rss or opml, writes them for your website: the HTML
    fragment can be pasted into a page, the RSS feed followed by a website's feed widget, the OPML file opened
    by a feed reader (it lists the featured sites' feeds).

    \b
    threadscout links add URL [--title T] [--note N] [--site]   feature a conversation (or its site)
    threadscout links remove URL
    """
    if ctx.invoked_subcommand is not None:
        return
    from threadscout.search import links as community

    cfg = ctx.find_object(Context).settings()  # type: ignore[union-attr]
    found = community.places(cfg)
    if form is None:
        if output_file is not None:
            raise click.UsageError("--output writes a format: add --format html, rss or opml")
        output.print_links(found)
        return
    text = community.render(cfg, found, form)
    if output_file is None:
        click.echo(text, nl=False)
    else:
        output_file.write_text(text, encoding="utf-8")
        click.echo(f"Wrote {len(found)} community link{'' if len(found) == 1 else 's'} to {output_file}.",
                   err=True)


@links.command(name="add")
@click.argument("url", type=URL)
@click.option("--title", type=TEXT, metavar="TEXT",
              help="The name to show (default: the conversation's title, or the site).")
@click.option("--note", type=TEXT, metavar="TEXT", help="A line to show with it (why it is worth a visit).")
@click.option("--site", "whole_site", is_flag=True, help="Feature the whole site URL is on, not the conversation.")
@pass_context
def links_add(obj: Context, url: str, title: str | None, note: str | None, whole_site: bool) -> None:
    """Feature the conversation at URL (or, with --site or when URL is no stored conversation, its site) in the
    community links."""
    from threadscout.search import links as community

    click.echo(community.add(obj.settings(), url, title=title, note=note, site=whole_site))


@links.command(name="remove")
@click.argument("url", type=URL)
@click.option("--site", "whole_site", is_flag=True, help="Stop featuring the site URL is on (as `add --site`).")
@pass_context
def links_remove(obj: Context, url: str, whole_site: bool) -> None:
    """Stop featuring URL (a conversation, or a site by its home page as `links` lists it) in the community
    links."""
    from threadscout.search import links as community

    click.echo(community.remove(obj.settings(), url, site=whole_site))


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to serve on; anything but this computer's (127.0.0.1) asks for a password.")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535),
              help="The port (0: any free one; the URL printed says which).")
@click.option("--set-password", "set_password", is_flag=True,
              help="Ask for the staff password (kept as a hash in the database) and exit.")
@pass_context
def serve(obj: Context, host: str, port: int, set_password: bool) -> None:
    """Serve the staff web page: search, where, each thread with who takes part, sources, alerts and the
    community links, for people who do not live in a terminal.

    It prints the URL it serves and opens nothing else. It answers while `run` or `crawl` write. On any address
    but 127.0.0.1 every page asks for the password set with --set-password (and shows nothing until one is
    set). Ctrl-C stops it.
    """
    from threadscout.search import web

    cfg = obj.settings()
    if set_password:
        password = click.prompt("Staff password for the web page", hide_input=True, confirmation_prompt=True)
        if len(password) < 8:
            raise click.BadParameter("use at least 8 characters", param_hint="password")
        web.set_password(cfg, password)
        click.echo("Password set: the web page asks for it when served beyond this computer.")
        return
    web.serve(cfg, host, port, say=lambda line: click.echo(line))


@cli.command()
@pass_context
def reindex(obj: Context) -> None:
    """Rebuild the search index from the database (the database is the source of truth).

    The new index is built beside the old one and swapped in when it is complete: searching keeps working
    while it runs. Use it when `search` says the index is damaged or missing.
    """
    from threadscout.search import jobs

    with CrawlProgress(enabled=output.is_terminal()) as progress:
        n = jobs.reindex(obj.settings(), progress=progress.add_indexed)
    click.echo(f"Indexed {n} conversation{'' if n == 1 else 's'}.")


@cli.command()
@click.option("--keep", type=click.Path(file_okay=False), metavar="DIR",
              help="Keep the demo's configuration and data in DIR (a new or empty folder) to try the other "
                   "commands on them afterwards.")
def demo(keep: str | None) -> None:
    """Serve the bundled sample web on 127.0.0.1, crawl it with the real spiders, and search it.

    Needs no configuration and no network beyond this machine. Without --keep everything happens in a
    temporary folder that is removed afterwards; nothing of yours is touched.
    """
    from threadscout.search.demo import run_demo

    run_demo(keep_dir=keep, progress_enabled=output.is_terminal())


def main() -> None:
    cli(prog_name="threadscout")


if __name__ == "__main__":
    main()
