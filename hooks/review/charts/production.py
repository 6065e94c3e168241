"""Which chart files a build needs, and how it gets them: from the cache when
nothing they depend on has changed, else drawn, in parallel on every core.

A chart file's key is the SHA-256 of everything that can change its bytes:
what the drawing shows of the chart's spec (its numbers, words and
language, from the data), the theme, the format, the source code of the
modules that draw (not of those that describe, tabulate or cache, so an
edit of the alt text redraws nothing) and of :mod:`review.formatting`, and
the versions of Matplotlib, NumPy, Babel and Pillow. Entries that no build
has used for a while are pruned (:meth:`ChartCache.prune`).

Next to its drawings, the cache holds each chart's planned height (what
:func:`.render.plan` gives, keyed like a drawing with ``plan`` for its
theme and format): the page's ``<img>`` needs it, and measuring the texts
with Matplotlib costs more than the rest of the page. A warm build thus
measures no text and does not import Matplotlib at all.
Change a figure and exactly the charts that use it are drawn again, on the
next build (``mkdocs serve`` included); change nothing and nothing is drawn.

Workers are started with the ``spawn`` method (``mkdocs serve`` runs builds
in threads, which do not mix with ``fork``). A spawned worker does not
inherit the folder ``hooks/`` on ``sys.path`` (MkDocs adds it only while it
imports the hook), so each worker adds it first.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import multiprocessing
import os
import site as site_packages
import sys
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any, cast

from ..model import Chart, Site
from . import style
from .style import Format
from .cache import ChartCache
from .spec import ChartSpec, chart_spec
from .tables import chart_csv

log = logging.getLogger(__name__)

HOOKS_DIR = Path(__file__).resolve().parents[2]
"""The folder that holds the ``review`` package (``hooks/``)."""
CODE_FILES = [Path(__file__).parent / name for name in ("render.py", "kinds.py", "style.py", "textfit.py")] + [Path(__file__).parents[1] / "formatting.py"]
"""The code that draws: any change to it may change a drawing."""
NOT_DRAWN = ("citation", "note_computed")
"""Fields of a ChartSpec that only the table and the description show."""
LIBRARIES = ("matplotlib", "numpy", "babel", "pillow")
POOL_THRESHOLD = 12
"""Fewer drawings than this are drawn in the build's own process."""
LOADED_POOL_THRESHOLD = 32
"""The same, when this process has the drawing code loaded already (under
``mkdocs serve``, which imports it ahead): a worker then costs about a
CPU second to start (importing Matplotlib), the time of some seven
drawings, so that one changed figure's charts are drawn here."""


@dataclass(frozen=True)
class Output:
    """One file of one chart: its theme and format, and where it goes."""

    theme: str
    fmt: Format
    suffix: str

    def uri(self, chart_id: str) -> str:
        return f"charts/{chart_id}{self.suffix}.{self.fmt}"


LIGHT_SVG = Output("light", "svg", "")
"""The SVG on the page and for download."""
DARK_SVG = Output("dark", "svg", ".dark")
"""The SVG shown in the dark scheme."""
PNG = Output("light", "png", "")
"""The PNG for download, and the picture a shared chart page shows."""
OUTPUTS = (LIGHT_SVG, DARK_SVG, PNG)
"""Every file drawn per chart and language."""


def csv_uri(chart_id: str) -> str:
    return f"charts/{chart_id}.csv"


PLAN = "plan"
"""The theme and format of a chart's planned size in the cache."""


@dataclass(frozen=True)
class Job:
    spec: ChartSpec
    output: Output | None
    """The file to draw; None for the chart's planned height."""
    key: str

    @property
    def uri(self) -> str:
        if self.output is None:
            raise ValueError(f"a chart's plan has no file: {self.spec.id}")
        return self.output.uri(self.spec.id)


@dataclass
class Production:
    """The chart files of each language, and what it cost to get them."""

    files: dict[str, dict[str, bytes]] = field(default_factory=dict)
    """Language → docs-relative path → content."""
    drawn: int = 0
    cached: int = 0
    workers: int = 0
    seconds: float = 0.0
    keys: set[str] = field(default_factory=set)
    """The cache keys of every drawing and plan of these languages."""
    heights: dict[str, dict[str, float]] = field(default_factory=dict)
    """Language → chart id → the drawing's height in points, as planned by
    :func:`.render.plan` (for the page's ``<img>``)."""


class ChartDrawingError(RuntimeError):
    """A chart could not be drawn: a bug, not a data problem."""


def charts_of(site: Site) -> list[Chart]:
    return [chart for section in site.sections for chart in section.charts]


def jobs_for(site: Site, langs: Iterable[str]) -> list[Job]:
    """Every drawing the languages ``langs`` need, with its cache key."""
    return [job for job in all_jobs(site, langs) if job.output is not None]


def all_jobs(site: Site, langs: Iterable[str]) -> list[Job]:
    """Every drawing and plan the languages ``langs`` need, with its cache
    key: per chart and language, its plan, then its files."""
    jobs = []
    for lang in langs:
        for chart in charts_of(site):
            spec = chart_spec(site, chart, lang)
            drawn = _drawn(spec)
            jobs.append(Job(spec, None, _key(drawn, None)))
            for output in OUTPUTS:
                jobs.append(Job(spec, output, _key(drawn, output)))
    return jobs


def produce(site: Site, langs: Sequence[str], cache: ChartCache, *, workers: int | None = None) -> Production:
    """The chart files of ``langs``: drawings from ``cache`` where present
    and intact, the rest drawn (in parallel with ``workers`` processes, by
    default one per core, see :func:`worker_count`) and stored; the CSVs,
    which cost nothing, made afresh."""
    start = time.perf_counter()
    production = Production(files={lang: {} for lang in langs}, heights={lang: {} for lang in langs})
    jobs = all_jobs(site, langs)
    production.keys = {job.key for job in jobs}
    missing: list[Job] = []
    for job in jobs:
        content = cache.get(job.key)
        if content is None or (job.output is None and _height(content) is None):
            missing.append(job)
        else:
            _keep(production, job, content)
            production.cached += job.output is not None
    if missing:
        drawings = sum(job.output is not None for job in missing)
        production.workers = worker_count(workers, drawings)
        for job, content in zip(missing, draw(missing, production.workers), strict=True):
            cache.put(job.key, content)
            _keep(production, job, content)
        production.drawn = drawings
    for lang in langs:
        for chart in charts_of(site):
            production.files[lang][csv_uri(chart.id)] = chart_csv(site, chart, lang)
    production.seconds = time.perf_counter() - start
    return production


def _keep(production: Production, job: Job, content: bytes) -> None:
    if job.output is None:
        height = _height(content)
        if height is None:
            raise ChartDrawingError(f"could not plan the chart {job.spec.id}: {content!r}")
        production.heights[job.spec.lang][job.spec.id] = height
    else:
        production.files[job.spec.lang][job.uri] = content


def _height(content: bytes) -> float | None:
    """The height stored by :func:`_plan`, or None if the entry is not one."""
    try:
        value = json.loads(content)
    except ValueError:
        return None
    height = value.get("height") if isinstance(value, dict) else None
    return float(height) if isinstance(height, (int, float)) and not isinstance(height, bool) else None


def _plan(spec: ChartSpec) -> bytes:
    """The chart's planned height in points, as a cache entry."""
    from .render import plan  # Matplotlib only when something is planned

    return json.dumps({"height": plan(spec).height}).encode("utf-8")


def worker_count(requested: int | None, jobs: int, *, loaded: bool | None = None) -> int:
    """``requested``, or one process per core; but a few drawings (one
    changed figure under ``mkdocs serve``) are quicker drawn here than
    after starting workers, which costs about a second. ``loaded``: whether
    this process has imported the drawing code (by default, whether it has)."""
    if loaded is None:
        loaded = f"{__package__}.render" in sys.modules
    if requested is None:
        threshold = LOADED_POOL_THRESHOLD if loaded else POOL_THRESHOLD
        requested = 1 if jobs < threshold else (os.cpu_count() or 1)
    return max(1, min(requested, jobs))


def draw(jobs: Sequence[Job], workers: int) -> list[bytes]:
    """Draw (or plan) ``jobs``, in this process when ``workers`` is 1, else
    in a pool of ``workers`` spawned processes. The files of one chart in
    one theme (the light SVG and the PNG) are saved from one drawing (see
    :func:`.render.render_formats`). Results come in the order of ``jobs``."""
    tasks = _tasks(jobs)
    arguments = ([task.spec for task in tasks], [task.theme for task in tasks], [task.formats for task in tasks])
    try:
        if workers <= 1:
            drawn = [_draw_in_worker(*args) for args in zip(*arguments, strict=True)]
        else:
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=site_packages.addsitedir, initargs=(str(HOOKS_DIR),)) as pool:
                chunk = max(1, len(tasks) // (workers * 4))
                drawn = list(pool.map(_draw_in_worker, *arguments, chunksize=chunk))
    except Exception as error:
        raise ChartDrawingError(f"could not draw the charts: {type(error).__name__}: {error}") from error
    results: dict[int, bytes] = {}
    for task, contents in zip(tasks, drawn, strict=True):
        if len(contents) != len(task.indices):
            raise ChartDrawingError(f"could not draw the charts: {task.spec.id} gave {len(contents)} files for {len(task.indices)}")
        results.update(zip(task.indices, contents, strict=True))
    return [results[index] for index in range(len(jobs))]


@dataclass(frozen=True)
class _Task:
    """What one drawing makes: the files of ``formats`` of one chart in one
    theme (or, with the theme :data:`PLAN`, its planned height), for the
    jobs at ``indices``."""

    spec: ChartSpec
    theme: str
    formats: tuple[str, ...]
    indices: tuple[int, ...]


def _tasks(jobs: Sequence[Job]) -> list[_Task]:
    """``jobs`` as drawings: the jobs of the same spec and theme together,
    in the order of their first job; each plan alone."""
    groups: dict[tuple[int, str, int], list[int]] = {}
    for index, job in enumerate(jobs):
        key = (id(job.spec), job.output.theme, -1) if job.output else (id(job.spec), PLAN, index)
        groups.setdefault(key, []).append(index)
    return [_Task(jobs[indices[0]].spec, theme, tuple(_format(jobs[index]) for index in indices), tuple(indices)) for (_, theme, _), indices in groups.items()]


def _format(job: Job) -> str:
    return job.output.fmt if job.output else PLAN


def _draw_in_worker(spec: ChartSpec, theme: str, formats: tuple[str, ...]) -> list[bytes]:
    if theme == PLAN:
        return [_plan(spec)]
    from .render import render_formats  # Matplotlib only when something is drawn

    return render_formats(spec, theme, [cast(Format, fmt) for fmt in formats])


# ---------------------------------------------------------------------------
# Keys


def cache_key(spec: ChartSpec, output: Output | None) -> str:
    """The SHA-256 of everything that can change this file's bytes (with
    ``output`` None: the chart's planned height)."""
    return _key(_drawn(spec), output)


def _key(drawn: Any, output: Output | None) -> str:
    """:func:`cache_key`, from what the drawing shows of the spec (made once
    for the several files of a spec)."""
    payload = {
        "spec": drawn,
        "theme": dataclasses.asdict(style.THEMES[output.theme]) if output else PLAN,
        "format": output.fmt if output else PLAN,
        "code": code_fingerprint(),
    }
    encoded = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()


def _drawn(spec: ChartSpec) -> Any:
    """What the drawing shows of ``spec``, as plain JSON values."""
    return _plain({name: value for name, value in dataclasses.asdict(spec).items() if name not in NOT_DRAWN})


@cache
def code_fingerprint() -> str:
    """A hash of the drawing code and the libraries it runs on. Cached for
    the process: MkDocs loads hook code once, so edited code needs a restart
    of ``mkdocs serve`` anyway."""
    digest = hashlib.sha256()
    for path in CODE_FILES:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for library in LIBRARIES:
        digest.update(f"{library}=={_version(library)}\0".encode())
    return digest.hexdigest()


def _version(library: str) -> str:
    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return "absent"


def _plain(value: Any) -> Any:
    """Decimals as their exact text, for a JSON key."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value
