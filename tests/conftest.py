"""Shared fixtures and helpers, one per job: the project's paths, the real
data's model (once per process), builds made once per test run and read by
every test and xdist worker that needs them (the real site, and the small
fixture project of tests/fixtures/project/), copies of the real project, of
the small one and of the made-up data for the checker's rules
(tests/fixtures/rules/), a warm private chart cache, an edit of a file, and
the line numbers of data, found by the text that stands there.

Every copy of the project draws its charts into one shared cache, the
project's own ``.cache/charts/`` (through ``REVIEW_CHART_CACHE``, which the
builds and served sites of the copies inherit): a chart is drawn once per
test run at most, not once per copy."""

from __future__ import annotations

import functools
import json
import logging
import os
import re
import shutil
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml
from hypothesis import settings
from filelock import FileLock

from review.charts.cache import ChartCache

if TYPE_CHECKING:
    from review.model import Site
    from review.project import Project

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SOURCE = DATA / "sources" / "can-tho-20-nam.vi.txt"  # declared in data/site.yaml (sources[0].text_file)
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "project"
"""A small project: one section, two charts, one hand-written page."""
RULES = Path(__file__).resolve().parent / "fixtures" / "rules" / "data"
"""Made-up data for the tests of the checker's rules: three small sections."""

os.environ.setdefault("REVIEW_CHART_CACHE", str(ROOT / ".cache" / "charts"))

# pytest keeps each test module's rewritten asserts as bytecode in
# __pycache__ (ignored by git), unless bytecode writing is off, as some
# environments set (PYTHONDONTWRITEBYTECODE): then every process of a run
# (the controller and each xdist worker) rewrites all of them again, about
# 1.4 s of CPU each. The tests write it; the processes they start read it.
sys.dont_write_bytecode = False

# Random data (tests/test_roundtrip.py) is drawn from a seed fixed by each
# test's code, so that a run's result depends on the code and the data alone,
# never on luck: CI cannot turn red by chance. `pytest --hypothesis-profile=explore`
# draws new examples to look for new failures (and keeps those it finds in .hypothesis/).
settings.register_profile("fixed", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile("fixed")


def warm_chart_cache(site: Site, langs: tuple[str, ...], root: Path) -> ChartCache:
    """A private chart cache in ``root`` that holds every drawing of
    ``site``'s charts in ``langs``: copied from the shared cache
    (``REVIEW_CHART_CACHE``), where what is missing is drawn first. For
    tests that change or damage a cache that must start warm."""
    from review.charts.production import jobs_for, produce

    shared = ChartCache(Path(os.environ["REVIEW_CHART_CACHE"]))
    produce(site, langs, shared, workers=1)
    cache = ChartCache(root)
    for job in jobs_for(site, langs):
        content = shared.get(job.key)
        assert content is not None, job.key
        cache.put(job.key, content)
    return cache


@functools.cache
def real_project() -> Project:
    """The real project, checked as a build checks it (the schema check
    remembering valid files in .cache/checked/, by their bytes), once per
    process. (Imported here: the xdist controller, which runs no test,
    loads this file too.)"""
    from review.project import load_project

    return load_project(ROOT)


def real_site() -> Site:
    """The real data's model, loaded once per process: for test modules
    that parametrize over it at import time, and for the ``site`` fixture."""
    return real_project().site


@pytest.fixture(scope="session")
def site() -> Site:
    return real_site()


@dataclass
class Build:
    site_dir: Path
    warnings: list[str]
    touched: list[str] = field(default_factory=list)
    """What the build added, changed or removed in the project's content/
    and data/ (see :func:`shared_build`)."""
    log: list[tuple[int, str]] = field(default_factory=list)
    """Every record MkDocs and the hooks logged, INFO and above: (level,
    message)."""

    def page(self, lang: str, path: str) -> str:
        """The HTML of ``path`` (``''`` for home, ``'energy/'``) in ``lang``."""
        prefix = "" if lang == "vi" else f"{lang}/"
        return (self.site_dir / prefix / path / "index.html").read_text(encoding="utf-8")


class _Collect(logging.Handler):
    def __init__(self, level: int = logging.WARNING) -> None:
        super().__init__(level=level)
        self.records: list[tuple[int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.levelno, record.getMessage()))


def build_site(project: Path, site_dir: Path) -> list[str]:
    """Build ``project`` strictly into ``site_dir``; return the warnings."""
    return [message for level, message in build_logged(project, site_dir, logging.WARNING) if level >= logging.WARNING]


def build_logged(project: Path, site_dir: Path, level: int = logging.INFO) -> list[tuple[int, str]]:
    """Build ``project`` strictly into ``site_dir``; return what MkDocs and
    the hooks logged at ``level`` and above: (level, message)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    handler = _Collect(level)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    saved = logger.level
    logger.setLevel(min(level, saved or logging.WARNING))
    try:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
        build(config)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved)
    return handler.records


@contextmanager
def environment(values: Mapping[str, str | None]) -> Iterator[None]:
    """Set (or, with ``None``, unset) environment variables for a block."""
    with pytest.MonkeyPatch.context() as patch:
        for name, value in values.items():
            if value is None:
                patch.delenv(name, raising=False)
            else:
                patch.setenv(name, value)
        yield


def shared_build(tmp_path_factory: pytest.TempPathFactory, name: str, *, fixture: bool = False, env: Mapping[str, str | None] | None = None) -> Build:
    """The project (with ``fixture``, a copy of the small fixture project)
    built strictly once per test run, with the environment ``env``,
    whichever xdist worker asks first; the others wait for it and read the
    same folder (pytest-xdist's documented pattern: a file lock in the run's
    temporary folder, which all workers share). Read only: a test that
    changes a site copies it first. The build's ``touched`` lists what it
    wrote into the project's content/ and data/ (nothing, it should)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    # Under xdist, each worker's base folder sits in the run's own folder.
    shared = tmp_path_factory.getbasetemp().parent if worker else tmp_path_factory.getbasetemp()
    site_dir = shared / f"shared-{name}"
    record = shared / f"shared-{name}.json"
    with FileLock(shared / f"shared-{name}.lock"):
        if not record.is_file():
            project = copy_project(shared / f"shared-{name}-project", fixture=True) if fixture else ROOT
            before = sources_snapshot(project)
            with environment(env or {}):
                log = build_logged(project, site_dir)
            after = sources_snapshot(project)
            touched = sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))
            warnings = [message for level, message in log if level >= logging.WARNING]
            record.write_text(json.dumps({"warnings": warnings, "touched": touched, "log": log}), encoding="utf-8")
    built = json.loads(record.read_text(encoding="utf-8"))
    return Build(site_dir, built["warnings"], built["touched"], [(level, message) for level, message in built["log"]])


def sources_snapshot(project: Path) -> dict[str, tuple[int, int]]:
    """Each path of ``project``'s content/ and data/, with its modification
    time and size: what a build must leave as it was."""
    return {p.relative_to(project).as_posix(): (p.stat().st_mtime_ns, p.stat().st_size) for name in ("content", "data") for p in (project / name).rglob("*")}


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built once per test run. Read only."""
    return shared_build(tmp_path_factory, "site")


@pytest.fixture(scope="session")
def small_built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The small fixture project, built once per test run, without a site
    URL. Read only."""
    return shared_build(tmp_path_factory, "small", fixture=True, env={"SITE_URL": None})


def copy_project(target: Path, *, fixture: bool = False) -> Path:
    """A copy of what MkDocs reads: mkdocs.yml, hooks/, content/ and data/;
    with ``fixture``, the small project's data/ and pages instead of the
    real ones (with the real schema, vocabulary and assets)."""
    target.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "hooks", target / "hooks", ignore=ignore)
    if not fixture:
        shutil.copytree(ROOT / "content", target / "content", ignore=ignore)
        shutil.copytree(DATA, target / "data", ignore=ignore)
        return target
    shutil.copytree(FIXTURE / "content", target / "content")
    shutil.copytree(ROOT / "content" / "assets", target / "content" / "assets")
    copy_fixture_data(target / "data")
    return target


def copy_fixture_data(target: Path, source: Path = FIXTURE / "data") -> Path:
    """A data/ folder of made-up data (by default the small project's) in
    ``target``, with the real schema and vocabulary."""
    shutil.copytree(source, target)
    shutil.copytree(DATA / "schema", target / "schema")
    shutil.copy(DATA / "vocabulary.yaml", target / "vocabulary.yaml")
    return target


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A writable copy of the project, for tests that build or serve it."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def small_project(tmp_path: Path) -> Path:
    """A writable copy of the small fixture project, for tests that build
    or serve a project and break it."""
    return copy_project(tmp_path / "project", fixture=True)


@pytest.fixture
def rules_data(tmp_path: Path) -> Path:
    """A writable data/ of the made-up data for the checker's rules
    (tests/fixtures/rules/), with the real schema and vocabulary."""
    return copy_fixture_data(tmp_path / "data", RULES)


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


# ``figures[#solar-capacity]``: the index of the item with that id, so that
# a figure added above it does not change the expected message.
_LIST_INDEX = re.compile(r"\b(figures|lists|notes|charts|sources)\[#([a-z0-9]+(?:-[a-z0-9]+)*)\]")

# ``{snippet}`` or ``{energy.yaml:snippet}`` in an expected message.
_LINE_PLACEHOLDER = re.compile(r"\{(?:([a-z]+\.yaml):)?(.*?)\}", re.DOTALL)


def line_number(text: str, lines: str, *, file: str = "the file") -> int:
    """The number of the line on which ``lines`` ends: one or more whole
    lines, found exactly once in ``text`` (the contents of ``file``)."""
    found = list(re.finditer(rf"(?m)^{re.escape(lines)}$", text))
    assert len(found) == 1, f"{lines!r} must be whole lines found once in {file}"
    return text[: found[0].end()].count("\n") + 1


def with_line_numbers(data: Path, name: str, expected: str) -> str:
    """``expected`` with each ``{snippet}`` replaced by the number of the
    line on which ``snippet`` ends in ``data/name``, and each
    ``{other.yaml:snippet}`` by that in ``data/other.yaml``; ``{{`` and
    ``}}`` stand for literal braces; ``figures[#id]`` (or lists, notes,
    charts, sources) becomes the index of the item with that id in the file the
    message names.

    Expected messages about the real data name their lines by the text that
    stands there, not by number, so that they stay exact, line and column,
    when an editor adds or removes lines above: the column is written out,
    as it follows the text of the line itself."""

    def literal(text: str) -> str:
        return text.replace("\x00", "{").replace("\x01", "}")

    def replace(match: re.Match[str]) -> str:
        file = match.group(1) or name
        return str(line_number((data / file).read_text(encoding="utf-8"), literal(match.group(2)), file=file))

    def index(match: re.Match[str]) -> str:
        named = re.findall(r"data/([a-z0-9-]+\.yaml):", match.string[: match.start()])
        file = named[-1] if named else name
        items = yaml.safe_load((data / file).read_text(encoding="utf-8")).get(match.group(1), [])
        found = [i for i, item in enumerate(items) if isinstance(item, dict) and item.get("id") == match.group(2)]
        assert len(found) == 1, f"{match.group(2)!r} must be the id of one item of {match.group(1)} in {file}"
        return f"{match.group(1)}[{found[0]}]"

    # ``{{`` and ``}}`` are literal braces, in a message ({figure-id}) or a snippet.
    escaped = expected.replace("{{", "\x00").replace("}}", "\x01")
    return _LIST_INDEX.sub(index, literal(_LINE_PLACEHOLDER.sub(replace, escaped)))
