"""A small static web server on 127.0.0.1 for the demo and the tests.

It serves a folder as a site: ``{{base}}`` in any file becomes the server's own address, directory URLs are
served from ``index.html`` or ``index.xml``, and each response carries an ETag and Last-Modified so that
conditional GETs get 304. ``with server.recording() as log:`` collects the requests (path and headers) made while
the block runs, so that each test reads only the requests it caused.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

_TYPES = {".html": "text/html; charset=utf-8", ".txt": "text/plain; charset=utf-8", ".css": "text/css",
          ".json": "application/json; charset=utf-8"}
LAST_MODIFIED = formatdate(1_780_000_000, usegmt=True)


def _xml_type(body: bytes) -> str:
    head = body[:500]
    if b"<feed" in head:
        return "application/atom+xml; charset=utf-8"
    return "application/rss+xml; charset=utf-8"


class SiteHandler(BaseHTTPRequestHandler):
    server: SampleWebServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.server.log_request_seen(self.path, dict(self.headers.items()))
        if not self.route():
            self.serve_file()

    def route(self) -> bool:
        """Subclasses answer special paths here and return True."""
        return False

    def send_body(self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None
                  ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def serve_file(self) -> None:
        found = self.server.lookup(self.path.split("?")[0].split("#")[0])
        if found is None:
            self.send_body(404, b"<html><body><h1>Not found</h1></body></html>", "text/html; charset=utf-8")
            return
        body, content_type = found
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag or (
                not self.headers.get("If-None-Match") and self.headers.get("If-Modified-Since") == LAST_MODIFIED):
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_body(200, body, content_type, {"ETag": etag, "Last-Modified": LAST_MODIFIED})


class SampleWebServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, root: Path, handler: type[SiteHandler] = SiteHandler, host: str = "127.0.0.1") -> None:
        super().__init__((host, 0), handler)
        self.root = Path(root)
        self._recorders: list[RequestLog] = []
        self._recorders_lock = threading.Lock()
        self._thread: threading.Thread | None = None

    @property
    def base(self) -> str:
        return f"http://{self.server_address[0]}:{self.server_address[1]}"

    def lookup(self, path: str) -> tuple[bytes, str] | None:
        target = (self.root / path.lstrip("/")).resolve()
        if self.root.resolve() not in (target, *target.parents):
            return None
        if target.is_dir():
            for name in ("index.html", "index.xml"):
                if (target / name).is_file():
                    target = target / name
                    break
            else:
                return None
        if not target.is_file():
            return None
        body = target.read_bytes().replace(b"{{base}}", self.base.encode())
        content_type = _xml_type(body) if target.suffix == ".xml" else _TYPES.get(target.suffix,
                                                                                   "application/octet-stream")
        return body, content_type

    def start(self) -> str:
        self._thread = threading.Thread(target=self.serve_forever, name="sampleweb", daemon=True)
        self._thread.start()
        return self.base

    def stop(self) -> None:
        self.shutdown()
        self.server_close()

    def log_request_seen(self, path: str, headers: dict[str, str]) -> None:
        with self._recorders_lock:
            now = time.monotonic()
            for log in self._recorders:
                log.append((path, headers))
                log.times.append(now)

    @contextmanager
    def recording(self) -> Iterator[RequestLog]:
        """The requests this server receives while the block runs (earlier and later ones are not kept)."""
        log = RequestLog()
        with self._recorders_lock:
            self._recorders.append(log)
        try:
            yield log
        finally:
            with self._recorders_lock:
                self._recorders.remove(log)


class RequestLog(list[tuple[str, dict[str, str]]]):
    """(path, headers) of each request, in arrival order; ``times`` holds when each arrived (monotonic)."""

    def __init__(self) -> None:
        super().__init__()
        self.times: list[float] = []

    def paths(self) -> list[str]:
        return [p for p, _ in self]
