"""Shared fixtures: the project's paths, the real data's model and one
whole-site build that many tests read."""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from review.model import Site
from review.validation import load_site

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SOURCE = ROOT.parent / "shared" / "source" / "can-tho-20-nam.vi.txt"


@pytest.fixture(scope="session")
def site() -> Site:
    return load_site(DATA)


@dataclass
class Build:
    site_dir: Path
    warnings: list[str]

    def page(self, lang: str, path: str) -> str:
        """The HTML of ``path`` (``''`` for home, ``'energy/'``) in ``lang``."""
        prefix = "" if lang == "vi" else f"{lang}/"
        return (self.site_dir / prefix / path / "index.html").read_text(encoding="utf-8")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record.getMessage())


def build_site(project: Path, site_dir: Path) -> list[str]:
    """Build ``project`` strictly into ``site_dir``; return the warnings."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
        build(config)
    finally:
        logger.removeHandler(handler)
    return handler.records


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    site_dir = tmp_path_factory.mktemp("site")
    warnings = build_site(ROOT, site_dir)
    return Build(site_dir, warnings)


def copy_project(target: Path) -> Path:
    """A copy of what MkDocs reads: mkdocs.yml, hooks/, content/ and data/."""
    target.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for name in ("hooks", "content", "data"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    return target


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A writable copy of the project, for tests that build or serve it."""
    return copy_project(tmp_path / "project")


def edit(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of ``old`` in ``path``."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of data/, for tests that break it."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target
