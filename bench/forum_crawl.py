"""Forum crawl speed and refresh cost, against a bare Scrapy spider on the same pages, served by nginx.

    python bench/forum_crawl.py [--threads 2000] [--posts 2000] [--concurrency 16]

Generates a phpBB-style forum (board pages of 50 threads; threads of 1-200 replies, 15 posts a page; SEO-style
URLs ``/forum/topic-tN.html``, ``/forum/topic-tN-15.html`` ...) and a WordPress-style blog of N posts with 12
comments each, serves them with nginx on 127.0.0.1 (installed with apt-get when missing), then measures:

1. a bare Scrapy spider that follows every same-site link and parses each page's posts with CSS selectors, with
   the same concurrency: pages/s;
2. `threadscout crawl` of the same two sources (whole command: crawl, store, index): pages/s and the ratio to
   the bare spider (issue 6's target: >= 0.5);
3. `threadscout crawl --all` again with nothing changed: its requests and seconds as a fraction of the first
   crawl's (target: <= 5%).

Prints one line per measurement; the numbers go to bench/README.md.
"""

from __future__ import annotations

import argparse
import random
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from conftest import write_config  # noqa: E402
from crawl_demo import _para, generate_blog  # noqa: E402

PER_PAGE = 15
PER_BOARD_PAGE = 50


def _post(pid: int, author: str, text: str) -> str:
    return (f'<div id="p{pid}" class="post bg2"><div class="inner"><div class="postbody">'
            f'<h3><a href="#p{pid}">Re: topic</a></h3><p class="author"><a href="#p{pid}">post</a>by '
            f'<strong><a href="/forum/member-{pid % 97}.html">{author}</a></strong> &raquo; '
            f'<time datetime="2026-10-{1 + pid % 27:02d}T10:00:00+00:00">Oct</time></p>'
            f'<div class="content">{text}</div></div></div></div>')


def generate_forum(root: Path, threads: int, seed: int = 7) -> int:
    """The forum's files; returns how many thread pages it has."""
    rng = random.Random(seed)
    forum = root / "forum"
    forum.mkdir(parents=True)
    pages = 0
    rows = []
    for t in range(1, threads + 1):
        replies = rng.randint(1, 200)
        posts = replies + 1
        n_pages = (posts + PER_PAGE - 1) // PER_PAGE
        title = f"Adult literacy question {t}"
        rows.append(f'<li class="row"><dl><dt><a class="topictitle" href="/forum/topic-t{t}.html">{title}</a></dt>'
                    f'<dd class="posts">{replies}</dd><dd class="lastpost">by reader{t % 31}</dd></dl></li>')
        for p in range(n_pages):
            start = p * PER_PAGE
            name = f"topic-t{t}.html" if p == 0 else f"topic-t{t}-{start}.html"
            body = "".join(_post(t * 1000 + i, f"reader{(t + i) % 41}", _para(t + i, 40))
                           for i in range(start, min(posts, start + PER_PAGE)))
            nav = (f'<div class="pagination">Page <strong>{p + 1}</strong> of <strong>{n_pages}</strong>'
                   + (f' <a rel="next" href="/forum/topic-t{t}-{start + PER_PAGE}.html">Next</a>'
                      if p + 1 < n_pages else "") + "</div>")
            (forum / name).write_text(
                f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} - Bench Forum</title></head>'
                f'<body id="phpbb" class="section-viewtopic"><h2 class="topic-title"><a href="/forum/topic-t{t}.html">'
                f"{title}</a></h2>{nav}{body}{nav}</body></html>", encoding="utf-8")
            pages += 1
    boards = [rows[i:i + PER_BOARD_PAGE] for i in range(0, len(rows), PER_BOARD_PAGE)]
    for b, chunk in enumerate(boards):
        nav = "".join(f'<a href="/forum/board-{k}.html">{k + 1}</a> ' for k in range(len(boards)))
        (forum / f"board-{b}.html").write_text(
            '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Tutoring - Bench Forum</title></head>'
            f'<body id="phpbb" class="section-viewforum"><div class="pagination">{nav}</div>'
            f'<ul class="topiclist topics">{"".join(chunk)}</ul></body></html>', encoding="utf-8")
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")
    return pages + len(boards)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_nginx(root: Path, workdir: Path) -> tuple[subprocess.Popen[bytes], str]:
    if shutil.which("nginx") is None:
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "nginx-light"], check=True,
                       env={"DEBIAN_FRONTEND": "noninteractive", "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"})
    port = free_port()
    conf = workdir / "nginx.conf"
    conf.write_text(f"""
worker_processes 2; pid {workdir}/nginx.pid; error_log {workdir}/error.log; daemon off;
events {{ worker_connections 1024; }}
http {{
  access_log {workdir}/access.log; default_type text/html; etag on; keepalive_timeout 30;
  types {{ text/html html; text/plain txt; application/rss+xml xml; }}
  client_body_temp_path {workdir}/tmp; proxy_temp_path {workdir}/tmp; fastcgi_temp_path {workdir}/tmp;
  uwsgi_temp_path {workdir}/tmp; scgi_temp_path {workdir}/tmp;
  server {{ listen 127.0.0.1:{port}; root {root}; location / {{ try_files $uri $uri/index.html =404; }} }}
}}
""")
    (workdir / "tmp").mkdir(exist_ok=True)
    proc = subprocess.Popen([shutil.which("nginx") or "nginx", "-c", str(conf), "-p", str(workdir)])
    for _ in range(100):
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return proc, f"http://127.0.0.1:{port}"
        time.sleep(0.05)
    raise RuntimeError("nginx did not start")


BARE = """
import sys, time
from scrapy import Spider, Request
from scrapy.crawler import CrawlerProcess
from scrapy.linkextractors import LinkExtractor
starts, conc = sys.argv[1:-1], int(sys.argv[-1])
seen = set()
class Bare(Spider):
    name = "bare"
    async def start(self):
        for url in starts:
            yield Request(url)
    def parse(self, response):
        posts = [(p.css("p.author strong a::text, .fn::text").get(), " ".join(p.css(".content ::text, "
                 ".comment-content ::text").getall())) for p in response.css("div.post, li.comment")]
        host = response.url.split("/")[2]
        for link in response.css("a::attr(href)").getall():
            url = response.urljoin(link).split("#")[0]
            if url.split("/")[2] == host and url not in seen:
                seen.add(url)
                yield Request(url)
p = CrawlerProcess({"LOG_LEVEL": "ERROR", "CONCURRENT_REQUESTS": conc, "CONCURRENT_REQUESTS_PER_DOMAIN": conc,
                    "DOWNLOAD_DELAY": 0, "ROBOTSTXT_OBEY": True, "TELNETCONSOLE_ENABLED": False,
                    "REMOTE_CONTROL_ENABLED": False})
crawler = p.create_crawler(Bare)
t = time.monotonic(); p.crawl(crawler); p.start()
print(crawler.stats.get_value("response_received_count"), time.monotonic() - t)
"""


def bare(starts: list[str], concurrency: int) -> tuple[int, float]:
    out = subprocess.run([sys.executable, "-c", BARE, *starts, str(concurrency)], capture_output=True, text=True,
                         check=True, cwd=tempfile.gettempdir())
    pages, seconds = out.stdout.split()
    return int(pages), float(seconds)


def threadscout(config: Path, *args: str) -> tuple[int, float]:
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "threadscout.search", "--config", str(config), "crawl", *args],
                   check=True, capture_output=True, cwd=ROOT)
    seconds = time.monotonic() - started
    with sqlite3.connect(config.parent / "data" / "threadscout.db") as db:
        stats = db.execute("select stats from crawl_runs order by id desc").fetchone()[0]
    import json

    return int(json.loads(stats).get("downloader/response_count", 0)), seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", type=int, default=2000)
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp).chmod(0o755)                 # nginx's workers do not run as the user who made the folder
        root, work = Path(tmp) / "www", Path(tmp) / "nginx"
        root.mkdir()
        work.mkdir()
        forum_pages = generate_forum(root, args.threads)
        generate_blog(root, args.posts, 12)
        blog = root / "blog"
        for path in blog.rglob("*.html"):      # the blog generator writes {{base}} for the test server
            path.write_text(path.read_text(encoding="utf-8").replace("{{base}}", ""), encoding="utf-8")
        nginx, base = start_nginx(root, work)
        try:
            starts = [f"{base}/forum/board-0.html", f"{base}/blog/"]
            bare_pages, bare_s = bare(starts, args.concurrency)
            print(f"bare Scrapy spider: {bare_pages} responses in {bare_s:.1f}s ({bare_pages / bare_s:.1f} pages/s)")
            config = write_config(Path(tmp), [
                {"url": starts[0], "kind": "forum", "depth": 3, "max_pages": 1_000_000},
                {"url": starts[1], "kind": "site", "depth": 1, "max_pages": 1_000_000}],
                crawl={"concurrency_per_site": args.concurrency})
            first, first_s = threadscout(config, "--all")
            print(f"threadscout crawl (whole command, indexing included): {first} responses in {first_s:.1f}s "
                  f"({first / first_s:.1f} pages/s), {first / first_s / (bare_pages / bare_s):.2f} of the bare "
                  f"spider's pages/s (target >= 0.5); forum pages generated: {forum_pages}")
            again, again_s = threadscout(config, "--all")
            print(f"unchanged refresh: {again} responses in {again_s:.1f}s = {again / max(first, 1):.1%} of the "
                  f"requests and {again_s / first_s:.1%} of the time of the first crawl (target <= 5%)")
        finally:
            nginx.terminate()
            nginx.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
