"""Precompressed copies of the site's text files, and the ``_headers`` file
that tells a host how long to cache what.

Beside each text file of at least :data:`MIN_SIZE` bytes go ``<file>.gz``
(gzip, level 9, no name and no date in the header) and ``<file>.br``
(Brotli, quality 11), when they are smaller than the file. Hosts that serve
them as they are (nginx ``gzip_static``/``brotli_static``, Caddy
``precompressed``, Apache with rewrite rules) save the work of compressing on
every request; others ignore them. The same input gives the same bytes, so
Brotli's slow best quality is paid once per content (:class:`Store`).
"""

from __future__ import annotations

import gzip
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import brotli  # type: ignore[import-untyped]

from .charts.cache import ChartCache

TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".svg", ".xml", ".csv", ".txt"})
"""Source maps (``.map``) are left out: only a browser's developer tools
fetch them, and they are a third of the text."""
MIN_SIZE = 1024
"""Smaller files gain nothing worth a second request path."""
ENCODINGS = ("gz", "br")

FINGERPRINTED = re.compile(r"\.[0-9a-f]{8,}\.min\.(?:js|css)$")
"""Material's bundles: ``bundle.<hash>.min.js``, ``main.<hash>.min.css``. A
new version gets a new name, so they can be cached for a year."""
LONG_CACHE = "public, max-age=31536000, immutable"
SHORT_CACHE = "public, max-age=0, must-revalidate"
"""HTML: always revalidated, so a new build shows at once."""


def compress(content: bytes, encoding: str) -> bytes:
    if encoding == "gz":
        return gzip.compress(content, compresslevel=9, mtime=0)
    if encoding == "br":
        return brotli.compress(content, quality=11)
    raise ValueError(f"unknown encoding {encoding!r}")


class Store:
    """Compressed bytes by the hash of their input, in a cache folder (the
    chart cache's format: each entry checks its own content)."""

    def __init__(self, root: Path) -> None:
        self.cache = ChartCache(root)
        self.version = f"brotli={metadata.version('brotli')}"

    def get(self, content: bytes, encoding: str) -> bytes:
        key = hashlib.sha256(f"{encoding}\0{self.version}\0".encode() + content).hexdigest()
        found = self.cache.get(key)
        if found is None:
            found = compress(content, encoding)
            self.cache.put(key, found)
        return found


def candidates(site_dir: Path) -> list[Path]:
    """The files worth compressing, in a stable order."""
    return sorted(path for path in site_dir.rglob("*") if path.is_file() and path.suffix in TEXT_SUFFIXES and path.stat().st_size >= MIN_SIZE)


@dataclass(frozen=True)
class Summary:
    files: int
    size: int
    sizes: dict[str, int]
    """Total size of each encoding's copies (or of the file, where a copy
    would not be smaller)."""


def precompress(site_dir: Path, store: Store) -> Summary:
    """Write ``.gz`` and ``.br`` beside every candidate of ``site_dir``."""
    paths = candidates(site_dir)
    size = 0
    sizes = dict.fromkeys(ENCODINGS, 0)
    for path in paths:
        content = path.read_bytes()
        size += len(content)
        for encoding in ENCODINGS:
            compressed = store.get(content, encoding)
            target = path.with_name(f"{path.name}.{encoding}")
            if len(compressed) < len(content):
                target.write_bytes(compressed)
                sizes[encoding] += len(compressed)
            else:
                target.unlink(missing_ok=True)
                sizes[encoding] += len(content)
    return Summary(len(paths), size, sizes)


def headers(site_dir: Path, base_path: str) -> str:
    """The ``_headers`` file (Netlify and Cloudflare Pages) for the files of
    ``site_dir``, served under ``base_path`` (``/`` or ``/can-tho-20/``).

    Every rule names one path, so no two rules match one request (both
    hosts would join their Cache-Control values): a year for fingerprinted
    assets, revalidation for HTML pages. Other files keep the host's
    default."""
    if not base_path.startswith("/") or not base_path.endswith("/"):
        raise ValueError(f"expected a path that starts and ends with '/', received {base_path!r}")
    rules: list[tuple[str, str]] = []
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(site_dir).as_posix()
        if FINGERPRINTED.search(relative):
            rules.append((base_path + relative, LONG_CACHE))
        elif relative.endswith(".html"):
            rules.append((base_path + relative, SHORT_CACHE))
            if relative == "index.html" or relative.endswith("/index.html"):
                rules.append((base_path + relative.removesuffix("index.html"), SHORT_CACHE))
    return "".join(f"{url}\n  Cache-Control: {value}\n" for url, value in _unique(rules))


def _unique(rules: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for url, value in rules:
        seen.setdefault(url, value)
    return sorted(seen.items())
