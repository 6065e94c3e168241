"""The output folder, replaced whole: a build writes into a staging folder
next to it, which takes its place only once every language has built. A
failure at any point leaves the previous site exactly as it was."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def staging_dir(site_dir: Path) -> Path:
    """Where a build of ``site_dir`` writes first: a hidden sibling, on the
    same file system, so that moving it into place is a rename."""
    return site_dir.parent / f".{site_dir.name}.building"


def prepare(staging: Path) -> None:
    """An empty staging folder (a crashed build may have left one)."""
    discard(staging)
    staging.mkdir(parents=True)


def discard(staging: Path) -> None:
    if staging.exists():
        shutil.rmtree(staging)


def move_into_place(staging: Path, site_dir: Path) -> None:
    """Replace ``site_dir`` by ``staging``: two renames, then the old site
    is deleted."""
    old = site_dir.parent / f".{site_dir.name}.old"
    discard(old)
    if site_dir.exists():
        os.replace(site_dir, old)
    os.replace(staging, site_dir)
    discard(old)
