#!/usr/bin/env python3
"""What a build of the site costs, against plain MkDocs, in one run.

    .venv/bin/python scripts/benchmark.py                    # 1×, 10× and 50× the data, 5 runs each
    .venv/bin/python scripts/benchmark.py --scales 1 --runs 7

For each scale (the project's data, or a copy with every section repeated,
made by scripts/synthetic_data.py), in a temporary folder, it measures:

* floor: the same pages and chart files (and what publishing adds: the
  downloads page and data files, the schema index, the site card), exported
  as static Markdown, built by MkDocs and Material in both languages (the
  same two builds in one process, site/ and site/en/) with the hooks off;
* warm: ``mkdocs build --strict`` with the chart cache full (after one
  build that is not measured);
* cold: the same with the chart cache empty;
* edit: one figure changed (its label, and the title of a chart drawn from
  it; a new change each run, so that the chart is drawn each time) and the
  site rebuilt as ``mkdocs serve`` rebuilds it: in the process that built
  it before, with the hook and the drawing code already loaded.

Each measurement is a fresh process; it prints the median of the runs in
seconds, the ratio to the floor, the median peak memory of the process
(its chart workers included), and the time per page. Numbers vary with the
machine and its load: the ratios are what to watch. Targets: warm ≤ 1.15×
floor, edit ≤ 1.25× floor, time per page at 50× within 1.2× of 1×, peak
memory at 50× under 1 GB.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = Path(__file__).resolve().parent
sys.path.insert(0, str(SCRIPTS))
sys.path.insert(0, str(ROOT / "hooks"))

import synthetic_data  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}


@dataclass
class Measure:
    name: str
    seconds: list[float] = field(default_factory=list)
    """Wall-clock seconds."""
    cpu: list[float] = field(default_factory=list)
    """CPU seconds (user and system, worker processes included): on a
    shared machine, what the build itself costs."""
    peak_mb: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu)


def run(command: list[str], *, cwd: Path, env: dict[str, str]) -> tuple[float, float, float, str]:
    """Seconds, CPU seconds and peak memory (MB) of ``command``, and its output."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert process.stdout is not None
    output = process.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{output}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output


def mkdocs_build(project: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]


# ---------------------------------------------------------------------------
# The floor: the same site as static Markdown, built without the hooks.


def export_static(project: Path, target: Path, cache_dir: Path) -> None:
    """Write the site's pages and chart files for each language as plain
    MkDocs projects: ``target/docs-<lang>/`` and ``target/mkdocs.<lang>.yml``."""
    import yaml

    from review import pages, publishing
    from review.charts.cache import ChartCache
    from review.charts.production import produce
    from review.model import LANGUAGES
    from review.project import load_project

    loaded = load_project(project)
    site = loaded.site
    charts = produce(site, LANGUAGES, ChartCache(cache_dir))
    settings = publishing.default_settings()  # no site URL, as in the benchmark's builds
    config_text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    for block in ("hooks", "watch"):
        config_text = re.sub(rf"(?m)^{block}:\n(?:  - .*\n)+", "", config_text)
    shutil.copytree(project / "hooks" / "overrides", target / "overrides")
    config_text = config_text.replace("custom_dir: hooks/overrides", "custom_dir: overrides")
    for lang in LANGUAGES:
        docs = target / f"docs-{lang}"
        shutil.copytree(project / "content" / "assets", docs / "assets")
        for path, markdown in pages.render_pages(site, lang, loaded.reference, charts.heights[lang]).items():
            (docs / path).parent.mkdir(parents=True, exist_ok=True)
            (docs / path).write_text(markdown, encoding="utf-8")
        # What publishing adds: the downloads page and data files, the
        # schema index, the site card, robots.txt.
        for path, content in publishing.files(settings, site, loaded.reference, lang, cache_dir).items():
            (docs / path).parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                (docs / path).write_bytes(content)
            else:
                (docs / path).write_text(content, encoding="utf-8")
        for page, source in loaded.handwritten[lang].items():
            shutil.copy(project / "content" / source, docs / page)
        (docs / "schema").mkdir(exist_ok=True)
        for schema in (project / "data" / "schema").glob("*.json"):
            shutil.copy(schema, docs / "schema" / schema.name)
        for uri, content in charts.files[lang].items():
            (docs / uri).parent.mkdir(parents=True, exist_ok=True)
            (docs / uri).write_bytes(content)
        text = config_text.replace("docs_dir: content", f"docs_dir: docs-{lang}")
        text = text.replace("site_dir: site", f"site_dir: {'site' if lang == LANGUAGES[0] else 'site/' + lang}")
        text = re.sub(r"(?m)^  language: \w+", f"  language: {lang}", text)
        text = re.sub(r"(?m)^site_name: .*", "site_name: " + yaml.safe_dump(site.short_title[lang], allow_unicode=True).splitlines()[0], text)
        nav = pages.navigation(site, lang, [publishing.DOWNLOADS, *sorted(loaded.handwritten[lang]), pages.REFERENCE])
        text += "\n" + yaml.safe_dump({"nav": nav}, allow_unicode=True, sort_keys=False)
        (target / f"mkdocs.{lang}.yml").write_text(text, encoding="utf-8")


def floor_build(folder: Path) -> None:
    """Both languages of an exported site, in one process, as the hook does."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from review.model import LANGUAGES

    os.chdir(folder)
    for lang in LANGUAGES:
        build(load_config(str(folder / f"mkdocs.{lang}.yml"), strict=True))


# ---------------------------------------------------------------------------
# The edit rebuild, as mkdocs serve does it.


def edit_figure(project: Path, mark: str = "Δ") -> None:
    """Change the label of the first figure of the first section with a
    chart, and the title of its first chart, in both languages, by writing
    ``mark`` before them (a new mark each run: else the chart is in the
    cache from the run before, and nothing is drawn)."""
    data = project / "data"
    import yaml

    for name in yaml.safe_load((data / "site.yaml").read_text(encoding="utf-8"))["sections"]:
        path = data / f"{name}.yaml"
        text = path.read_text(encoding="utf-8")
        start = text.find("\ncharts:")
        if start < 0:
            continue
        for pattern in (r"(label:\n\s+vi: \"?)", r"(label:\n\s+vi: .*\n\s+en: \"?)"):
            text = re.sub(pattern, rf"\g<1>{mark} ", text, count=1)
        head, tail = text[:start], text[start:]
        for pattern in (r"(title:\n\s+vi: \"?)", r"(title:\n\s+vi: .*\n\s+en: \"?)"):
            tail = re.sub(pattern, rf"\g<1>{mark} ", tail, count=1)
        path.write_text(head + tail, encoding="utf-8")
        return
    sys.exit("no section with a chart to edit")


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def edit_rebuild(project: Path, mark: str) -> None:
    """Build as mkdocs serve does, change one figure (with ``mark``), and
    rebuild; print the seconds of the rebuild."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.chdir(project)
    site_dir = tempfile.mkdtemp(prefix="benchmark-serve-")
    serve_url = "http://127.0.0.1:8000/"

    def get_config():  # as mkdocs serve makes one for each build
        config = load_config("mkdocs.yml", site_dir=site_dir, strict=True)
        config.site_url = serve_url
        return config

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    build(config, serve_url=serve_url)
    # An editor saves a while after serve started: by then the drawing code,
    # imported ahead in a thread (see on_startup in the hook), is loaded.
    importlib.import_module("review.charts.render")
    data = project / "data"
    saved = {path: path.read_bytes() for path in data.glob("*.yaml")}
    edit_figure(project, mark)
    try:
        start, cpu = time.perf_counter(), _cpu()
        build(get_config(), serve_url=serve_url)
        print(f"rebuild {time.perf_counter() - start:.4f} cpu {_cpu() - cpu:.4f}")
    finally:
        for path, content in saved.items():
            path.write_bytes(content)
        shutil.rmtree(site_dir, ignore_errors=True)


# ---------------------------------------------------------------------------


def measure_scale(source: Path, factor: int, runs: int, cold_runs: int, workdir: Path, report: Callable[[str], None]) -> dict[str, object]:
    project = workdir / f"x{factor}"
    synthetic_data.copy_project(source, project)
    sections = synthetic_data.scale(project, factor)
    cache = workdir / f"cache-x{factor}"
    env = {**ENV, "REVIEW_CHART_CACHE": str(cache)}
    measures = {name: Measure(name) for name in ("floor", "warm", "cold", "edit")}

    def one(name: str, command: list[str], cwd: Path, *, before: Callable[[], None] | None = None) -> None:
        if before:
            before()
        seconds, cpu, peak, output = run(command, cwd=cwd, env=env)
        if name == "edit":
            found = re.search(r"rebuild ([0-9.]+) cpu ([0-9.]+)", output)
            assert found is not None, output
            seconds, cpu = float(found.group(1)), float(found.group(2))
        measures[name].seconds.append(seconds)
        measures[name].cpu.append(cpu)
        measures[name].peak_mb.append(peak)
        report(f"  {factor}× {name}: {seconds:.2f} s, {cpu:.2f} s CPU, {peak:.0f} MB")

    for _ in range(cold_runs):
        one("cold", mkdocs_build(project), project, before=lambda: shutil.rmtree(cache, ignore_errors=True))
    floor = workdir / f"floor-x{factor}"
    floor.mkdir()
    export_static(project, floor, cache)
    if not cold_runs:
        # One build not measured: what the export does not fill (the site
        # card, the precompressed copies) is then in the cache too, as after
        # any build (a cold build has done it).
        run(mkdocs_build(project), cwd=project, env=env)
    # Interleaved, so that a change in the machine's load touches each alike.
    for number in range(runs):
        one("floor", [sys.executable, str(Path(__file__).resolve()), "--floor-build", str(floor)], floor)
        one("warm", mkdocs_build(project), project)
        mark = f"Δ{number + 1}"  # a new edit each run: its chart is drawn every time
        one("edit", [sys.executable, str(Path(__file__).resolve()), "--edit-rebuild", str(project), "--edit-mark", mark], project)
    pages = sum(1 for _ in (project / "site").rglob("*.html"))
    return {"factor": factor, "sections": sections, "pages": pages, "measures": measures}


def table(results: list[dict[str, object]]) -> str:
    lines = [
        "| scale | sections | pages (both languages) | measure | median s | × floor | median CPU s | × floor (CPU) | CPU per page | peak MB |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for result in results:
        measures = result["measures"]
        assert isinstance(measures, dict)
        floor, floor_cpu = measures["floor"].median, measures["floor"].median_cpu
        for name in ("floor", "warm", "cold", "edit"):
            m = measures[name]
            if not m.seconds:
                continue
            pages = result["pages"]
            assert isinstance(pages, int)
            lines.append(
                f"| {result['factor']}× | {result['sections']} | {pages} | {name} ({len(m.seconds)} runs) | {m.median:.2f} | {m.median / floor:.2f}"
                f" | {m.median_cpu:.2f} | {m.median_cpu / floor_cpu:.2f} | {m.median_cpu / pages * 1000:.1f} ms | {statistics.median(m.peak_mb):.0f} |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure the build against plain MkDocs, at several scales of data.")
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 50], help="how many times the data is repeated (default: 1 10 50)")
    parser.add_argument("--runs", type=int, default=5, help="runs of floor, warm and edit per scale (default: 5)")
    parser.add_argument("--cold-runs", type=int, default=None, help="runs of the cold build per scale (default: as --runs)")
    parser.add_argument("--project", type=Path, default=ROOT, help="the project to measure (default: this repository)")
    parser.add_argument("--floor-build", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--edit-rebuild", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--edit-mark", default="Δ", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.floor_build:
        floor_build(args.floor_build)
        return 0
    if args.edit_rebuild:
        edit_rebuild(args.edit_rebuild, args.edit_mark)
        return 0
    if args.runs < 1 or any(s < 1 for s in args.scales):
        parser.error("runs and scales must be at least 1")
    cold_runs = args.runs if args.cold_runs is None else args.cold_runs
    with tempfile.TemporaryDirectory(prefix="review-benchmark-") as temp:
        results = [measure_scale(args.project, factor, args.runs, cold_runs, Path(temp), lambda line: print(line, file=sys.stderr, flush=True)) for factor in args.scales]
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, command: scripts/benchmark.py {' '.join(argv if argv is not None else sys.argv[1:])}")
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
