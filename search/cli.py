"""The ``threadscout`` command: thin wrappers over ``search.jobs`` and ``search.query``.

Exit codes: 0 ok, 1 the work failed, 2 bad usage or bad configuration (one line, no traceback).
"""

from __future__ import annotations

import sys
from typing import Any

import click

from threadscout.config.errors import ThreadscoutError
from threadscout.config.settings import Settings, load_settings
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
@click.option("--verbose", "-v", is_flag=True, help="Also log crawl details to the terminal.")
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

    A source is due when it was never crawled or was last crawled at least its `every` ago (default 6h).
    Pages that fail are counted and logged (data folder, logs/crawl.log) and the crawl goes on. Exits 0 when
    the crawl ran, 1 when nothing at all could be fetched.
    """
    from threadscout.search import jobs

    cfg = obj.settings()
    with CrawlProgress(enabled=output.is_terminal() and not obj.verbose) as progress:
        summary = jobs.crawl(cfg, all_sources=all_sources, progress=progress.update,
                             log_level="DEBUG" if obj.verbose else "INFO")
    if summary.sources == 0:
        click.echo("Nothing is due: every source was crawled recently (use --all to crawl them anyway).")
        return
    click.echo(summary.line())
    for url, problem in summary.source_errors:
        click.echo(f"  source {url}: {output.one_line(problem)}", err=True)
    if summary.errors:
        click.echo(f"  details of failed pages: {cfg.data_dir / 'logs' / 'crawl.log'}", err=True)
    if summary.nothing_fetched:
        click.echo("threadscout: nothing could be fetched; check the source URLs and your connection", err=True)
        sys.exit(1)


@cli.command(name="search")
@click.argument("query", nargs=-1, required=True)
@output.output_options
@pass_context
def search_command(obj: Context, query: tuple[str, ...], as_json: bool, limit: int) -> None:
    """List the conversations that match QUERY, best first.

    \b
    Words are all required; "quoted words" match a phrase; OR, NOT and
    parentheses work, e.g.:  threadscout search '"reading tutor" OR tutoring'
    """
    from threadscout.search.query import search

    text = " ".join(query)
    results = search(obj.settings(), text, limit=limit)
    if as_json:
        output.print_json([r.as_dict() for r in results])
    else:
        output.print_results(results, text)


@cli.command()
@click.argument("url")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object for scripts.")
@pass_context
def show(obj: Context, url: str, as_json: bool) -> None:
    """Print one conversation (by its URL) with its replies in page order."""
    from threadscout.search.query import show as show_conversation

    view = show_conversation(obj.settings(), url)
    if as_json:
        output.print_json(view.as_dict())
    else:
        output.print_conversation(view)


@cli.command()
@pass_context
def reindex(obj: Context) -> None:
    """Rebuild the search index from the database (the database is the source of truth)."""
    from threadscout.search import jobs

    with CrawlProgress(enabled=output.is_terminal(), label="indexing") as progress:
        n = jobs.reindex(obj.settings(), progress=lambda k: progress.update("indexed", k))
    click.echo(f"Indexed {n} conversations.")


@cli.command()
@click.option("--keep", type=click.Path(file_okay=False), metavar="DIR",
              help="Keep the demo's data folder here instead of a temporary one.")
def demo(keep: str | None) -> None:
    """Serve the bundled sample web on 127.0.0.1, crawl it with the real spiders, and search it.

    Needs no configuration and no network beyond this machine.
    """
    from threadscout.search.demo import run_demo

    run_demo(keep_dir=keep, progress_enabled=output.is_terminal())


def main() -> None:
    cli(prog_name="threadscout")


if __name__ == "__main__":
    main()
