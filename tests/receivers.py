"""What alerts are sent to, and a site that changes while a test runs: all real, all on 127.0.0.1, port 0.

- ``Webhook``: an HTTP server receiving Apprise ``json://`` posts; ``failing`` makes it answer 500.
- ``Mailbox``: a real SMTP server (aiosmtpd) keeping each message it receives.
- ``LivingBlog``: a blog written into a folder and served by ``SampleWebServer``: a posts feed whose items name
  their comment feeds (``wfw:commentRss``), each post's page and comments; tests add posts and comments.
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import threading
import time
from datetime import datetime, timezone
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from threadscout.search.sampleweb import SampleWebServer, SiteHandler

from conftest import ROOT, cli_command, cli_env


class _HookHandler(BaseHTTPRequestHandler):
    server: Webhook

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass

    def do_POST(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        with self.server.lock:
            self.server.attempts += 1
            failing = self.server.failing
            if not failing:
                self.server.received.append(json.loads(body or b"{}"))
        self.send_response(500 if failing else 200)
        self.send_header("Content-Length", "0")
        self.end_headers()


class Webhook(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _HookHandler)
        self.received: list[dict[str, Any]] = []
        self.attempts = 0
        self.failing = False
        self.lock = threading.Lock()
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"json://127.0.0.1:{self.server_address[1]}/hook"

    def titles(self) -> list[str]:
        with self.lock:
            return [m.get("title", "") for m in self.received]

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


def free_port() -> int:
    """A port free on 127.0.0.1 now (aiosmtpd's controller needs one named)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _Keeper:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd's name
        self.messages.append(message_from_bytes(envelope.original_content, policy=policy.default))  # type: ignore[arg-type]
        return "250 Message accepted for delivery"


class Mailbox:
    """A real SMTP server on 127.0.0.1."""

    def __init__(self) -> None:
        from aiosmtpd.controller import Controller

        self.keeper = _Keeper()
        self.port = free_port()
        self.controller = Controller(self.keeper, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    @property
    def messages(self) -> list[EmailMessage]:
        return self.keeper.messages

    def url(self, to: str = "staff@example.org") -> str:
        return f"mailto://127.0.0.1:{self.port}?from=alerts@example.org&to={to}&mode=insecure"

    def stop(self) -> None:
        self.controller.stop()


def _rfc822(when: datetime) -> str:
    return format_datetime(when.astimezone(timezone.utc), usegmt=True)


class LivingBlog:
    """A blog whose posts and comments the test writes; ``server.base`` is its address."""

    def __init__(self, folder: Path, delay: float = 0.0) -> None:
        self.folder = folder
        self.posts: dict[int, dict[str, Any]] = {}
        self.server = SampleWebServer(folder, SlowHandler)
        self.server.delay = delay  # type: ignore[attr-defined]
        self.server.start()
        self._write()

    @property
    def feed(self) -> str:
        return f"{self.server.base}/feed/"

    def post_url(self, n: int) -> str:
        return f"{self.server.base}/posts/{n}/"

    def add_post(self, n: int, title: str, text: str, when: datetime, *, write: bool = True) -> None:
        self.posts[n] = {"title": title, "text": text, "when": when, "comments": []}
        if write:
            self._write()

    def add_comment(self, n: int, author: str, text: str, when: datetime, *, write: bool = True) -> None:
        self.posts[n]["comments"].append((author, text, when))
        if write:
            self._write()

    def write(self) -> None:
        self._write()

    def _write(self) -> None:
        items = []
        for n, post in sorted(self.posts.items()):
            link = f"{{{{base}}}}/posts/{n}/"
            items.append(f"<item><title>{escape(post['title'])}</title><link>{link}</link><guid>{link}</guid>"
                         f"<pubDate>{_rfc822(post['when'])}</pubDate><dc:creator>Ana</dc:creator>"
                         f"<description>{escape(post['text'])}</description>"
                         f"<wfw:commentRss>{link}feed/</wfw:commentRss>"
                         f"<slash:comments>{len(post['comments'])}</slash:comments></item>")
            comments = "".join(
                f"<item><title>By: {escape(author)}</title><link>{link}#comment-{k}</link>"
                f"<guid>{link}#comment-{k}</guid><dc:creator>{escape(author)}</dc:creator>"
                f"<pubDate>{_rfc822(when)}</pubDate><description>{escape(text)}</description></item>"
                for k, (author, text, when) in enumerate(post["comments"], 1))
            self._put(f"posts/{n}/feed/index.xml", _rss(f"Comments on: {escape(post['title'])}", comments))
            self._put(f"posts/{n}/index.html",
                      f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{escape(post['title'])}</title>"
                      f"</head><body><article><h1>{escape(post['title'])}</h1><p>{escape(post['text'])}</p>"
                      f"</article></body></html>")
        self._put("feed/index.xml", _rss("The living blog", "".join(items)))

    def _put(self, path: str, text: str) -> None:
        target = self.folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)

    def stop(self) -> None:
        self.server.stop()


def _rss(title: str, items: str) -> str:
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" '
            'xmlns:slash="http://purl.org/rss/1.0/modules/slash/">'
            f"<channel><title>{title}</title><link>{{{{base}}}}/</link>{items}</channel></rss>")


class SlowHandler(SiteHandler):
    """Every answer waits ``server.delay`` seconds: a crawl long enough to be interrupted."""

    def route(self) -> bool:
        time.sleep(getattr(self.server, "delay", 0.0))
        return False


class WebServer:
    """`threadscout serve --port 0` in a child process; ``url`` is where it answers."""

    def __init__(self, config: Path, *args: str) -> None:
        self.proc = subprocess.Popen(cli_command("serve", "--port", "0", *args, config=config), stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True, env=cli_env(), cwd=ROOT)
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        found = re.search(r"http://\S+?:(\d+)/", line)
        assert found, line
        self.url = f"http://127.0.0.1:{found.group(1)}"
        self.first_line = line

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)
