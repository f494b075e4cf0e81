"""The HTTP side of the fakes: a threaded server on 127.0.0.1, port 0, that logs every request and can be told
to answer the next requests to a path otherwise (a 429 with Retry-After, a huge body, malformed JSON)."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from .world import World


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


def as_json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Reply:
    return Reply(status, json.dumps(data).encode(), headers=headers or {})


@dataclass
class Logged:
    path: str
    query: dict[str, list[str]]
    user_agent: str


class FakeServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, world: World, route: Callable[[FakeServer, str, dict[str, list[str]]], Reply]) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.world, self.route = world, route
        self.log: list[Logged] = []
        self.overrides: list[tuple[str, Reply, list[int]]] = []   # path prefix, reply, [times left]
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def __enter__(self) -> FakeServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()

    def answer_next(self, prefix: str, reply: Reply, times: int = 1) -> None:
        """The next ``times`` requests whose path starts with ``prefix`` get ``reply``."""
        with self.lock:
            self.overrides.append((prefix, reply, [times]))

    def requests(self, prefix: str = "") -> list[Logged]:
        with self.lock:
            return [entry for entry in self.log if entry.path.startswith(prefix)]

    def clear_log(self) -> None:
        with self.lock:
            self.log.clear()

    def _override(self, path: str) -> Reply | None:
        with self.lock:
            for entry in self.overrides:
                prefix, reply, left = entry
                if path.startswith(prefix) and left[0] > 0:
                    left[0] -= 1
                    return reply
        return None


class _Handler(BaseHTTPRequestHandler):
    server: FakeServer

    def do_GET(self) -> None:  # noqa: N802 - the http.server name
        parts = urlsplit(self.path)
        query = parse_qs(parts.query, keep_blank_values=True)
        with self.server.lock:
            self.server.log.append(Logged(parts.path, query, self.headers.get("User-Agent", "")))
        reply = self.server._override(parts.path)
        if reply is None:
            try:
                reply = self.server.route(self.server, parts.path, query)
            except KeyError:
                reply = as_json({"error": "not found"}, 404)
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(reply.body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the http.server signature
        return
