"""What the charts cost a build, measured in one run.

    .venv/bin/python scripts/benchmark_charts.py

It copies the project into a temporary folder (the real ``.cache/`` is not
touched) and prints:

* a whole ``mkdocs build --strict`` with an empty chart cache (cold) against
  the same build again (warm), and how many charts each one drew;
* drawing every chart file on one core against drawing on every core
  (in-process, without MkDocs), and reading them all back from the cache;
* the size of the chart files of the built site.

Numbers vary with the machine; the ratios are what to watch.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("mkdocs.yml", "content", "data", "hooks")
CHARTS_LINE = re.compile(r"Charts \(([^)]*)\): (?:(\d+) drawn in (\d+) process(?:es)?|none drawn), (\d+) from the cache")


def copy_project(target: Path) -> None:
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)


def build(project: Path) -> tuple[float, int, int]:
    """Seconds of a strict build, charts drawn, charts taken from the cache."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"the build failed:\n{result.stderr}")
    drawn = cached = 0
    for match in CHARTS_LINE.finditer(result.stderr):
        drawn += int(match.group(2) or 0)
        cached += int(match.group(4))
    return seconds, drawn, cached


def draw_in_process(project: Path) -> dict[str, float]:
    sys.path.insert(0, str(project / "hooks"))
    from review.charts.cache import ChartCache
    from review.charts.production import produce
    from review.model import LANGUAGES
    from review.project import load_site

    site = load_site(project / "data")
    timings = {}
    for label, workers in (("one core", 1), (f"{os.cpu_count()} cores", None)):
        cache = ChartCache(Path(tempfile.mkdtemp(dir=project)))
        production = produce(site, LANGUAGES, cache, workers=workers)
        timings[label] = production.seconds
        timings["files"] = production.drawn
    warm = produce(site, LANGUAGES, cache)
    assert warm.drawn == 0
    timings["warm"] = warm.seconds
    return timings


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="benchmark-charts-") as folder:
        project = Path(folder)
        copy_project(project)
        cold, cold_drawn, cold_cached = build(project)
        warm, warm_drawn, warm_cached = build(project)
        print("Whole build (mkdocs build --strict, both languages)")
        print(f"  cold (empty chart cache): {cold:6.2f} s   charts drawn {cold_drawn:3d}, from the cache {cold_cached:3d}")
        print(f"  warm (nothing changed):   {warm:6.2f} s   charts drawn {warm_drawn:3d}, from the cache {warm_cached:3d}")
        print(f"  cold / warm: {cold / warm:.1f}x")
        svgs = sorted((project / "site").rglob("charts/*.svg"))
        pngs = sorted((project / "site").rglob("charts/*.png"))
        sizes = [path.stat().st_size for path in svgs]
        print(f"Chart files: {len(svgs)} SVG, {len(pngs)} PNG, {len(list((project / 'site').rglob('charts/*.csv')))} CSV")
        print(f"  SVG size: smallest {min(sizes) / 1024:.1f} KiB, median {statistics.median(sizes) / 1024:.1f} KiB, largest {max(sizes) / 1024:.1f} KiB (limit 40 KiB)")
        print(f"  PNG size: largest {max(p.stat().st_size for p in pngs) / 1024:.1f} KiB")
        timings = draw_in_process(project)
        one, many = (key for key in timings if key.endswith(("core", "cores")))
        print(f"Drawing all {int(timings['files'])} chart files (in process)")
        print(f"  on {one}:  {timings[one]:6.2f} s")
        print(f"  on {many}: {timings[many]:6.2f} s   ({timings[one] / timings[many]:.1f}x faster; includes starting the workers)")
        print(f"  from the cache: {timings['warm']:6.3f} s   ({timings[one] / timings['warm']:.0f}x faster than drawing on one core)")


if __name__ == "__main__":
    main()
