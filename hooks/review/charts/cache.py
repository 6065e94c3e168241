"""A folder of drawn charts, each stored under the hash of everything that
went into it, so that a rebuild with unchanged data draws nothing.

Every entry carries a SHA-256 of its content and is checked on each read: a
truncated, corrupt or foreign file counts as missing, so the chart is drawn
again and never served broken. Entries are written to a temporary file and
renamed into place, so a build interrupted half-way (or two builds at once)
cannot leave half a file.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

MAGIC = b"review-chart-cache 1 sha256="
"""The first bytes of every entry, then the content's hex digest and ``\\n``."""


class ChartCache:
    """Chart files by key, in ``root`` (``.cache/charts/`` of the project)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, key: str) -> Path:
        if len(key) < 8 or not key.isalnum():
            raise ValueError(f"expected a hexadecimal key, received {key!r}")
        return self.root / key[:2] / key

    def get(self, key: str) -> bytes | None:
        """The content stored under ``key``, or ``None`` when it is missing or
        does not match its own checksum."""
        try:
            raw = self.path(key).read_bytes()
        except OSError:
            return None
        header, newline, content = raw.partition(b"\n")
        if not newline or not header.startswith(MAGIC):
            log.debug("chart cache entry %s has no valid header; drawing it again", key)
            return None
        if hashlib.sha256(content).hexdigest().encode() != header[len(MAGIC) :]:
            log.debug("chart cache entry %s does not match its checksum; drawing it again", key)
            return None
        return content

    def put(self, key: str, content: bytes) -> None:
        """Store ``content`` under ``key``, atomically."""
        target = self.path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        header = MAGIC + hashlib.sha256(content).hexdigest().encode() + b"\n"
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(header + content)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
