"""The benchmark and its synthetic data: a small run, not timed (speed is
measured by scripts/benchmark.py itself, see BENCHMARKS.md)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import ROOT, copy_project
from review.project import load_project

sys.path.insert(0, str(ROOT / "scripts"))

import benchmark  # noqa: E402
import synthetic_data  # noqa: E402


def test_synthetic_data_repeats_every_section_validly(small_project: Path, tmp_path: Path):
    before = load_project(small_project).site
    copy = tmp_path / "x3"
    synthetic_data.copy_project(small_project, copy)
    assert synthetic_data.scale(copy, 3) == 3 * len(before.sections)
    after = load_project(copy).site
    assert [s.id for s in after.sections] == [f"{s.id}{suffix}" for suffix in ("", "-x2", "-x3") for s in before.sections]
    assert len(after.figures) == 3 * len(before.figures)
    charts = [c for s in after.sections for c in s.charts]
    assert len(charts) == 3 * sum(len(s.charts) for s in before.sections)
    assert all(figure.endswith("-x3") for chart in after.section("energy-x3").charts for figure in chart.figures)


def test_a_small_benchmark_run_reports_every_measure(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    """The script's main in this process (what it measures runs in new
    processes all the same: each build, the floor and the edit), on the
    small fixture project with one chart of its two: six drawings, which a
    cold build draws in its own process, where twelve would start a pool of
    workers first (tests/test_chart_production.py checks the pool)."""
    project = copy_project(tmp_path / "project", fixture=True)
    energy = project / "data" / "energy.yaml"
    text = energy.read_text(encoding="utf-8")
    second_chart = text[text.index("  - id: electricity-saved-by-period\n") : text.index("\nrelations:\n")]
    energy.write_text(text.replace(second_chart, ""), encoding="utf-8")
    assert [chart.id for chart in load_project(project).site.section("energy").charts] == ["power-capacity-by-source"]
    assert benchmark.main(["--project", str(project), "--scales", "1", "--runs", "1", "--cold-runs", "1"]) == 0
    rows = [line.split(" | ") for line in capsys.readouterr().out.splitlines() if line.startswith("| 1× ")]
    assert [row[3] for row in rows] == ["floor (1 runs)", "warm (1 runs)", "cold (1 runs)", "edit (1 runs)"]
    assert {row[1] for row in rows} == {"1"}  # sections: the fixture's one
    assert all(float(row[4]) > 0 and float(row[6]) > 0 for row in rows)
