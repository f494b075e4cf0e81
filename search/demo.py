"""``threadscout demo``: the bundled sample web, served on 127.0.0.1, crawled by the real spiders, searched."""

from __future__ import annotations

import html
import json
import re
import tempfile
from importlib.resources import as_file, files
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import click

from threadscout.config.errors import UsageError
from threadscout.config.settings import load_settings
from threadscout.search import jobs, output
from threadscout.search.progress import CrawlProgress
from threadscout.search.query import search, show
from threadscout.search.sampleweb import SampleWebServer, SiteHandler

DEMO_QUERIES = ['"adult literacy"', '"reading tutor" OR tutors', "ESL classes"]


def run_demo(*, keep_dir: str | None = None, progress_enabled: bool = False) -> None:
    with tempfile.TemporaryDirectory(prefix="threadscout-demo-") as tmp, \
            as_file(files("threadscout.config") / "demo-site") as site_root:
        workdir = Path(keep_dir) if keep_dir else Path(tmp)
        _refuse_if_in_use(workdir)
        workdir.mkdir(parents=True, exist_ok=True)
        server = SampleWebServer(Path(site_root), DemoHandler)
        base = server.start()
        try:
            template = (files("threadscout.config") / "demo.toml").read_text(encoding="utf-8")
            config_file = workdir / "threadscout.toml"
            config_file.write_text(template.replace("{{base}}", base), encoding="utf-8")
            cfg = load_settings(config_file)
            click.echo(f"Serving the sample web at {base} and crawling {len(cfg.sources)} sources "
                       f"into {cfg.data_dir} ...")
            with CrawlProgress(enabled=progress_enabled) as progress:
                summary = jobs.crawl(cfg, all_sources=True, on_counts=progress.crawl_counts,
                                     on_indexed=progress.add_indexed)
            click.echo(summary.line())
            if summary.stopped_by is not None:
                from threadscout.crawler.run import exit_now

                server.stop()
                exit_now(summary.exit_code)
            if summary.errors:
                click.echo("  (on purpose: the sample news feed links to articles that do not exist; failed pages "
                           "are counted and logged, and the crawl goes on)")
        finally:
            server.stop()
        for query in DEMO_QUERIES:
            click.echo(f"\n$ threadscout search '{query}'")
            output.print_results(search(cfg, query, limit=5), query)
        top = search(cfg, DEMO_QUERIES[0], limit=1)
        if top:
            click.echo(f"\n$ threadscout show {top[0].url}")
            output.print_conversation(show(cfg, top[0].url))
        click.echo("\nTo watch your own mission: copy the demo configuration (`threadscout demo --keep DIR` "
                   "leaves it in DIR/threadscout.toml), put in your keywords and sources, then run "
                   "`threadscout --config threadscout.toml crawl`.")


class DemoHandler(SiteHandler):
    """The sample web, and its small Discourse forum's search (``/community/search.json``), answered from the
    forum's topic files (``community/t/ID.json``) in Discourse's format: the newest matching post of each topic,
    newest first, one page."""

    def route(self) -> bool:
        parts = urlsplit(self.path)
        if not parts.path.endswith("/search.json"):
            return False
        folder = (self.server.root / parts.path.lstrip("/")).parent / "t"
        if self.server.root.resolve() not in folder.resolve().parents or not folder.is_dir():
            return False
        query = parse_qs(parts.query)
        words = [w for w in query.get("q", [""])[0].lower().split() if ":" not in w]
        posts, topics = [], []
        if words and query.get("page", ["1"])[0] == "1":
            for path in sorted(folder.glob("*.json")):
                topic = json.loads(path.read_text(encoding="utf-8"))
                said = [p for p in topic["post_stream"]["posts"]
                        if all(w in _plain(p["cooked"] + (" " + topic["title"] if p["post_number"] == 1 else ""))
                               for w in words)]
                if said:
                    newest = max(said, key=lambda p: p["created_at"])
                    posts.append({k: newest[k] for k in ("id", "name", "username", "avatar_template", "created_at",
                                                         "like_count", "post_number", "topic_id")
                                  if k in newest} | {"blurb": _plain(newest["cooked"])[:200]})
                    topics.append({k: topic[k] for k in ("id", "title", "fancy_title", "slug", "posts_count",
                                                         "reply_count", "created_at", "last_posted_at",
                                                         "category_id", "tags", "archetype", "closed")})
        posts.sort(key=lambda p: p["created_at"], reverse=True)
        body = {"posts": posts, "topics": topics, "users": [], "categories": [], "tags": [], "groups": [],
                "grouped_search_result": {"more_posts": None, "more_users": None, "more_categories": None,
                                          "term": " ".join(words), "search_log_id": 1,
                                          "more_full_page_results": None, "can_create_topic": False,
                                          "error": None, "post_ids": [p["id"] for p in posts]}}
        self.send_body(200, json.dumps(body).encode(), "application/json; charset=utf-8")
        return True


def _plain(cooked: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", cooked)).lower()


def _refuse_if_in_use(folder: Path) -> None:
    """The demo writes its configuration and data into ``folder``: never over anything already there."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"demo --keep {folder}: that is a file; give a new or empty folder")
    if folder.is_dir():
        present = sorted(p.name + ("/" if p.is_dir() else "") for p in folder.iterdir())
        if present:
            shown = ", ".join(present[:3]) + (", ..." if len(present) > 3 else "")
            raise UsageError(f"demo --keep {folder}: the folder is not empty (it holds {shown}); the demo writes "
                             "its own threadscout.toml and data/ there, so give a new or empty folder")
