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
import time
from collections.abc import Iterable
from pathlib import Path

log = logging.getLogger(__name__)

PRUNE_AFTER = 24 * 3600.0
"""An entry unused for a day by every build goes (a drawing of data or code
that has since changed)."""

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
        self._mark_used(key)
        return content

    def _mark_used(self, key: str) -> None:
        """An entry's modification time is when a build last used it."""
        try:
            os.utime(self.path(key))
        except OSError:
            pass

    def prune(self, keep: Iterable[str], *, unused_for: float = PRUNE_AFTER) -> int:
        """Delete the entries that are not in ``keep`` and that no build has
        used for ``unused_for`` seconds (another copy of the project may share
        the folder); return how many."""
        kept = set(keep)
        limit = time.time() - unused_for
        removed = 0
        for entry in self.root.glob("??/*"):
            try:
                stale = entry.name not in kept and entry.stat().st_mtime < limit
                if stale:
                    entry.unlink()
                    removed += 1
            except OSError:
                continue
        return removed

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
