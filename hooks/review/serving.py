"""A static host for the built site on localhost, as a real host serves it:
gzip-compressed text, a directory's ``index.html``, and each language's own
404 page. Used by the browser tests and scripts/lighthouse.py; it knows
nothing about MkDocs.

Where the build left a precompressed ``<file>.gz`` beside a file, that copy is
served; otherwise text is compressed on the fly.
"""

from __future__ import annotations

import gzip
import mimetypes
import posixpath
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .languages import prefix
from .model import DEFAULT_LANGUAGE, LANGUAGES

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".csv", ".txt", ".map"}
TYPES = {".js": "text/javascript", ".json": "application/json", ".svg": "image/svg+xml", ".csv": "text/csv", ".webmanifest": "application/manifest+json"}


def language_of(path: str) -> str:
    """The language a site path belongs to: ``/en/…`` is English, the rest is
    the default language."""
    for lang in LANGUAGES:
        if lang != DEFAULT_LANGUAGE and (path + "/").startswith("/" + prefix(lang)):
            return lang
    return DEFAULT_LANGUAGE


def not_found_page(site_dir: Path, path: str) -> Path:
    """The 404 page a host shows for the missing ``path``: its language's."""
    return site_dir / prefix(language_of(path)) / "404.html"


def _handler(site_dir: Path) -> type[BaseHTTPRequestHandler]:
    root = site_dir.resolve()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
            pass

        def do_GET(self) -> None:  # noqa: N802 - the base class's name
            self._respond(head=False)

        def do_HEAD(self) -> None:  # noqa: N802
            self._respond(head=True)

        def _respond(self, *, head: bool) -> None:
            path = posixpath.normpath(unquote(urlsplit(self.path).path))
            if self.path.split("?")[0].endswith("/") and not path.endswith("/"):
                path += "/"
            target = (root / path.lstrip("/")).resolve()
            if root not in target.parents and target != root:
                self._send(HTTPStatus.NOT_FOUND, not_found_page(root, path), head=head)
                return
            if target.is_dir():
                if not path.endswith("/"):
                    self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                    self.send_header("Location", path + "/")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                target = target / "index.html"
            if target.is_file():
                self._send(HTTPStatus.OK, target, head=head)
            else:
                self._send(HTTPStatus.NOT_FOUND, not_found_page(root, path), head=head)

        def _send(self, status: HTTPStatus, file: Path, *, head: bool) -> None:
            body = file.read_bytes() if file.is_file() else b"Not found"
            kind = TYPES.get(file.suffix) or mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            if kind.startswith("text/") or kind.endswith(("json", "xml", "javascript")):
                kind += "; charset=utf-8"
            self.send_response(status)
            self.send_header("Content-Type", kind)
            if file.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
                ready = file.with_name(file.name + ".gz")
                body = ready.read_bytes() if ready.is_file() else gzip.compress(body, mtime=0)
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            if not head:
                self.wfile.write(body)

    return Handler


@contextmanager
def serve(site_dir: Path, port: int = 0) -> Iterator[str]:
    """Serve ``site_dir`` on 127.0.0.1 (any free port when ``port`` is 0)
    while the block runs; yields the root URL, ending in ``/``."""
    server = ThreadingHTTPServer(("127.0.0.1", port), _handler(site_dir))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
