"""Crawl and index speed: the bundled sample web, then a generated WordPress-style blog of N posts.

    python bench/crawl_demo.py [--posts 300] [--comments 12]

Each crawl runs `threadscout crawl` in a child process against a server on 127.0.0.1 (no delay, no
AutoThrottle), then `threadscout reindex` is timed on the result. Prints one line per measurement.
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from conftest import DEMO_SITE, write_config  # noqa: E402
from threadscout.search.sampleweb import SampleWebServer  # noqa: E402

WORDS = ("adult literacy volunteers reading tutor evening classes library learners community english "
         "practice conversation neighbourhood families books workshop bus schedule funding").split()


def _para(seed: int, n: int = 60) -> str:
    return " ".join(WORDS[(seed * 7 + i * 3) % len(WORDS)] for i in range(n)).capitalize() + "."


def generate_blog(root: Path, posts: int, comments: int) -> None:
    """A blog home listing every post with its comment count (as WordPress themes show it), each post a
    WordPress page with threaded comments."""
    blog = root / "blog"
    links = []
    for p in range(posts):
        slug = f"post-{p}"
        links.append(f'<li class="post"><a href="{{{{base}}}}/blog/{slug}/">Post {p}</a> <span class="comments-link">'
                     f'<a href="{{{{base}}}}/blog/{slug}/#comments">{comments} Comments</a></span></li>')
        items = "".join(
            f'<li id="comment-{p * 1000 + c}" class="comment depth-1"><article class="comment-body">'
            f'<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Reader {c}</b> '
            f'<span class="says">says:</span></div><div class="comment-metadata"><a href="#comment-{p * 1000 + c}">'
            f'<time datetime="2026-10-{1 + c % 27:02d}T10:{c % 60:02d}:00+02:00">October</time></a></div></footer>'
            f'<div class="comment-content"><p>{_para(p + c, 40)}</p></div></article></li>'
            for c in range(comments))
        page = (f'<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="generator" content="WordPress 6.5">'
                f'<title>Post {p}</title><link rel="canonical" href="{{{{base}}}}/blog/{slug}/"></head>'
                f'<body class="post-template-default single single-post"><article class="post type-post">'
                f'<h1 class="entry-title">Post {p} about adult literacy</h1>'
                f'<span class="author vcard"><a class="url fn n">Author {p % 9}</a></span>'
                f'<time class="entry-date published" datetime="2026-10-01T09:00:00+02:00">Oct 1</time>'
                f'<div class="entry-content">{"".join(f"<p>{_para(p + k)}</p>" for k in range(8))}</div></article>'
                f'<div id="comments" class="comments-area"><ol class="comment-list">{items}</ol></div>'
                f'<p><a href="{{{{base}}}}/blog/">Home</a></p></body></html>')
        (blog / slug).mkdir(parents=True)
        (blog / slug / "index.html").write_text(page, encoding="utf-8")
    (blog / "index.html").write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Bench blog</title></head>'
        f'<body class="home blog"><ul>{"".join(links)}</ul></body></html>', encoding="utf-8")
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")


def timed(*args: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "threadscout.search", *args], check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - started


def crawl_and_index(site_root: Path, sources: list[str], label: str, **crawl: object) -> None:
    server = SampleWebServer(site_root)
    base = server.start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            config = write_config(Path(tmp), [{"url": base + s, **({"kind": "site", "depth": 1, "max_pages": 100000}
                                                                     if s.endswith("/blog/") else {})}
                                              for s in sources], crawl=crawl)
            wall = timed("--config", str(config), "crawl", "--all")
            with sqlite3.connect(Path(tmp) / "data" / "threadscout.db") as db:
                pages, new, spider_s = db.execute(
                    "select pages, new, (julianday(finished_at) - julianday(started_at)) * 86400 "
                    "from crawl_runs order by id desc").fetchone()
                replies = db.execute("select count(*) from replies").fetchone()[0]
            reindex = timed("--config", str(config), "reindex")
            print(f"{label}: {pages} responses crawled in {spider_s:.2f}s ({pages / spider_s:.0f} pages/s), "
                  f"{new} conversations, {replies} replies; whole `crawl` command {wall:.2f}s; "
                  f"`reindex` {reindex:.2f}s ({new / reindex:.0f} conversations/s, process start included)")
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", type=int, default=300)
    parser.add_argument("--comments", type=int, default=12)
    args = parser.parse_args()
    crawl_and_index(DEMO_SITE, ["/blog/feed/", "/blog/", "/reading-corner/", "/news/feed/"], "demo sample web",
                    concurrency_per_site=4)
    with tempfile.TemporaryDirectory() as tmp:
        generate_blog(Path(tmp), args.posts, args.comments)
        crawl_and_index(Path(tmp), ["/blog/"], f"generated blog ({args.posts} posts x {args.comments} comments)",
                        concurrency_per_site=8)


if __name__ == "__main__":
    main()
