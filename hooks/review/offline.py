"""An offline copy of the site: what a browser opens from the file system
(a USB stick, an e-mail attachment), checked and packed in a zip archive
that is the same, byte for byte, for the same site.

The copy is a build with ``use_directory_urls: false``: every link names a
file (``energy.html``), since a browser shows a folder's listing, not its
``index.html``, under ``file://``. Files that only a web server uses
(precompressed copies, ``_headers``, ``robots.txt``, ``sitemap.xml``, the
404 pages) are
left out.
"""

from __future__ import annotations

import datetime
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from .messages import _

SERVER_ONLY_SUFFIXES = (".gz", ".br")
SERVER_ONLY_NAMES = frozenset({"_headers", "_redirects", "robots.txt", "sitemap.xml", "404.html"})
"""A 404 page is what a server answers for a missing path; its links start
at the server's root."""
LINK_ATTRIBUTES = frozenset({"href", "src"})


def server_only(relative: PurePosixPath) -> bool:
    return relative.suffix in SERVER_ONLY_SUFFIXES or relative.name in SERVER_ONLY_NAMES


def remove_server_files(root: Path) -> list[str]:
    """Delete the files only a web server uses; return their paths."""
    removed = []
    for path in sorted(root.rglob("*")):
        relative = PurePosixPath(path.relative_to(root).as_posix())
        if path.is_file() and server_only(relative):
            path.unlink()
            removed.append(relative.as_posix())
    return removed


def inline_search_indexes(root: Path) -> list[str]:
    """Beside each ``search/search_index.json``, ``search_index.js``
    (``var __index = …``): from a ``file://`` page, Material's script loads
    the index that way, since a browser does not fetch files there (the same
    as Material's ``offline`` plugin). The search worker itself runs in a
    frame there (``content/assets/javascripts/file-worker.js``, which the
    pages of a build with file links load). Returns the paths."""
    written = []
    for index in sorted(root.rglob("search/search_index.json")):
        target = index.with_name("search_index.js")
        target.write_text("var __index = " + index.read_text(encoding="utf-8"), encoding="utf-8")
        written.append(target.relative_to(root).as_posix())
    return written


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in LINK_ATTRIBUTES and value is not None:
                self.links.append(value)


@dataclass(frozen=True)
class BrokenLink:
    page: str
    link: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.link!r} {self.reason}"


def broken_links(root: Path) -> list[BrokenLink]:
    """Links of the HTML pages under ``root`` that a browser cannot follow
    from the file system: a link to a folder, or to a file that is not
    there. Links to other hosts and in-page anchors are not checked."""
    broken = []
    for page in sorted(root.rglob("*.html")):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        shown = page.relative_to(root).as_posix()
        for link in parser.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            if parts.path.startswith("/"):
                broken.append(BrokenLink(shown, link, _("starts at the root of the disk")))
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if parts.path.endswith("/") or target.is_dir():
                broken.append(BrokenLink(shown, link, _("names a folder, which a browser lists instead of opening its index.html")))
            elif not target.is_file():
                broken.append(BrokenLink(shown, link, _("names a file that is not there")))
    return broken


def write_zip(root: Path, target: Path, folder: str, epoch: int) -> int:
    """Pack ``root`` into ``target`` under ``folder/``, deterministically:
    entries in sorted order, each dated ``epoch`` (UTC), with the same
    permissions and compression. Returns the number of files."""
    stamp = datetime.datetime.fromtimestamp(epoch, datetime.UTC).timetuple()[:6]
    paths = sorted(path for path in root.rglob("*") if path.is_file())
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w") as archive:
        for path in paths:
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(root).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            archive.writestr(info, path.read_bytes(), compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return len(paths)
