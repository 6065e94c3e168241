"""What the review hook (hooks/review_hooks.py) changes in ``mkdocs serve``'s
server, MkDocs 1.6's ``LiveReloadServer``: a missing page is answered with
its language's 404 page, and a failed rebuild keeps the last good site
served. Part of the MkDocs adapter, with the hook; the hook checks the
server's attributes these functions rely on before it calls them.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer

from review.serving import not_found_page


def not_found_per_language(server: LiveReloadServer) -> None:
    """MkDocs' server answers every missing page with ``site/404.html``; a
    missing English page gets ``site/en/404.html``, as a host does (the
    choice is review.serving.not_found_page). The server tells its error
    page only the status, so the requested path is kept per request thread."""
    site_dir = Path(server.root)  # the served folder (config.site_dir may name a staging folder)
    requested = threading.local()
    serve_request = server.serve_request

    def remember(environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        requested.path = "/" + environ.get("PATH_INFO", "/").removeprefix(server.mount_path.rstrip("/")).lstrip("/")
        return serve_request(environ, start_response)

    default = server.error_handler

    def error_page(code: int) -> bytes | None:
        page = not_found_page(site_dir, getattr(requested, "path", "/"))
        if code == 404 and page.is_file():
            return page.read_bytes()
        return default(code)

    server.set_app(remember)
    server.error_handler = error_page


def keep_last_good_site(builder: Callable[[], None], site_whole: Callable[[], bool], log: logging.LoggerAdapter[logging.Logger] | logging.Logger) -> Callable[[], None]:
    """MkDocs 1.6's server holds every request after a failed rebuild
    ("The server will appear stuck until build errors are resolved"). When
    the failed build left the output folder as it was, whole
    (``site_whole()``), the rebuild is reported as done, so that the last
    good site stays served."""

    def rebuild() -> None:
        try:
            builder()
        except Abort:
            if not site_whole():
                raise
            log.info("Still serving the last good site: fix the problem and save, and the site rebuilds")

    return rebuild
