"""The chart cache and the drawing of what it lacks: a warm build draws
nothing, a changed figure redraws exactly its charts (wherever they are
declared), a corrupt or missing entry is drawn again, never served, and the
parallel workers can import the code on their own."""

from __future__ import annotations

import dataclasses
import os
import sys
import time
from pathlib import Path

import pytest

from conftest import edit, warm_chart_cache
from review.charts.cache import MAGIC, ChartCache
from review.charts.production import HOOKS_DIR, OUTPUTS, PLAN, ChartDrawingError, _tasks, all_jobs, worker_count, cache_key, jobs_for, produce
from review.charts.render import render
from review.charts.spec import chart_spec
from review.model import Site
from review.project import load_site


def only_charts(site: Site, *chart_ids: str) -> Site:
    """``site`` with only the charts ``chart_ids``: small enough to draw fast."""
    sections = tuple(dataclasses.replace(section, charts=tuple(c for c in section.charts if c.id in chart_ids)) for section in site.sections)
    return dataclasses.replace(site, sections=sections)


def drawings(production, lang="vi"):
    return {uri: content for uri, content in production.files[lang].items() if not uri.endswith(".csv")}


@pytest.fixture
def small(site) -> Site:
    return only_charts(site, "industrial-land-area")


def test_a_warm_build_draws_nothing_and_returns_the_same_bytes(small, tmp_path):
    cache = ChartCache(tmp_path / "cache")
    cold = produce(small, ("vi",), cache, workers=1)
    warm = produce(small, ("vi",), cache, workers=1)
    assert (cold.drawn, cold.cached) == (len(OUTPUTS), 0)
    assert (warm.drawn, warm.cached) == (0, len(OUTPUTS))
    assert warm.files == cold.files
    assert set(drawings(warm)) == {"charts/industrial-land-area.svg", "charts/industrial-land-area.dark.svg", "charts/industrial-land-area.png"}


def test_cached_bytes_are_what_rendering_gives(small, tmp_path):
    production = produce(small, ("en",), ChartCache(tmp_path), workers=1)
    spec = chart_spec(small, small.section("industry").charts[0], "en")
    assert production.files["en"]["charts/industrial-land-area.svg"] == render(spec, "light", "svg")
    assert production.files["en"]["charts/industrial-land-area.dark.svg"] == render(spec, "dark", "svg")
    assert production.files["en"]["charts/industrial-land-area.png"] == render(spec, "light", "png")


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda path: path.write_bytes(path.read_bytes()[:-200]), id="truncated"),
        pytest.param(lambda path: path.write_bytes(path.read_bytes()[:-1] + bytes([path.read_bytes()[-1] ^ 1])), id="one-bit-flipped"),
        pytest.param(lambda path: path.write_bytes(b""), id="empty"),
        pytest.param(lambda path: path.write_bytes(path.read_bytes().split(b"\n", 1)[1]), id="no-header"),
        pytest.param(lambda path: path.unlink(), id="missing"),
    ],
)
def test_a_damaged_entry_is_drawn_again_never_served(small, tmp_path, damage):
    cache = warm_chart_cache(small, ("vi",), tmp_path)
    first = produce(small, ("vi",), cache, workers=1)
    assert first.drawn == 0
    # A drawing's entry (the light SVG's), not the chart's plan: which entry
    # sorts first depends on the keys, which change with the drawing code.
    victim = cache.path(jobs_for(small, ("vi",))[0].key)
    damage(victim)
    second = produce(small, ("vi",), cache, workers=1)
    assert (second.drawn, second.cached) == (1, len(OUTPUTS) - 1)
    assert second.files == first.files
    third = produce(small, ("vi",), cache, workers=1)
    assert third.drawn == 0  # and the entry is whole again


@pytest.mark.parametrize("lost", OUTPUTS, ids=lambda output: output.uri("x").removeprefix("charts/x"))
def test_a_file_whose_entry_is_lost_is_drawn_alone_with_the_same_bytes(small, tmp_path, lost):
    """The light SVG and the PNG are saved from one drawing; either one
    missing is drawn by itself, as it was drawn with the other."""
    cache = warm_chart_cache(small, ("vi",), tmp_path)
    first = produce(small, ("vi",), cache, workers=1)
    cache.path(next(job.key for job in jobs_for(small, ("vi",)) if job.output == lost)).unlink()
    second = produce(small, ("vi",), cache, workers=1)
    assert (second.drawn, second.cached) == (1, len(OUTPUTS) - 1)
    assert second.files == first.files


def test_the_files_of_one_chart_and_theme_are_one_drawing(small):
    jobs = all_jobs(small, ("vi", "en"))
    tasks = _tasks(jobs)
    assert [(task.spec.lang, task.theme, task.formats) for task in tasks] == [
        ("vi", PLAN, (PLAN,)),
        ("vi", "light", ("svg", "png")),
        ("vi", "dark", ("svg",)),
        ("en", PLAN, (PLAN,)),
        ("en", "light", ("svg", "png")),
        ("en", "dark", ("svg",)),
    ]
    assert sorted(index for task in tasks for index in task.indices) == list(range(len(jobs)))
    assert all(jobs[index].spec is task.spec for task in tasks for index in task.indices)


def test_a_drawing_that_gives_too_few_files_is_an_error(small, tmp_path, monkeypatch):
    from review.charts import production

    monkeypatch.setattr(production, "_draw_in_worker", lambda spec, theme, formats: [b"<svg/>"])
    with pytest.raises(ChartDrawingError, match=r"^could not draw the charts: industrial-land-area gave 1 files for 2$"):
        produce(small, ("vi",), ChartCache(tmp_path), workers=1)
    assert not any(tmp_path.rglob("*")), "nothing stored"


def test_an_entry_checks_its_own_checksum(tmp_path):
    cache = ChartCache(tmp_path)
    cache.put("ab" * 32, b"<svg/>")
    assert cache.get("ab" * 32) == b"<svg/>"
    path = cache.path("ab" * 32)
    assert path.read_bytes().startswith(MAGIC)
    path.write_bytes(path.read_bytes().replace(b"<svg/>", b"<svg!>"))
    assert cache.get("ab" * 32) is None
    assert cache.get("cd" * 32) is None


def test_a_changed_figure_redraws_exactly_the_charts_that_use_it(rules_data, tmp_path):
    """On the made-up data of tests/fixtures/rules/, whose industry page
    draws a figure of the energy section."""
    charts = ("electricity-saved-series", "industrial-land-area", "online-services-parts")
    before = only_charts(load_site(rules_data), *charts)
    cache = warm_chart_cache(before, ("vi", "en"), tmp_path / "cache")
    assert produce(before, ("vi", "en"), cache, workers=1).drawn == 0
    # The value must stand in its quote (review.provenance), so the quote
    # changes with it, as an editor giving a newer figure would do; its
    # source is one whose text the repository does not hold.
    edit(rules_data / "energy.yaml", "      - value: 75.6\n", "      - value: 80.1\n")
    edit(rules_data / "energy.yaml", '"năm 2023 điện tiết kiệm ước đạt 75,6 triệu kWh"', '"năm 2023 điện tiết kiệm ước đạt 80,1 triệu kWh"\n        source: city-report')
    after = only_charts(load_site(rules_data), *charts)
    production = produce(after, ("vi", "en"), cache, workers=1)
    assert production.drawn == len(OUTPUTS) * 2  # one chart, in two languages
    keys_before = {job.key for job in jobs_for(before, ("vi", "en"))}
    assert {job.spec.id for job in jobs_for(after, ("vi", "en")) if job.key not in keys_before} == {"electricity-saved-series"}
    assert ">ước đạt 80,1</text>" in production.files["vi"]["charts/electricity-saved-series.svg"].decode()
    assert ">an estimated 80.1</text>" in production.files["en"]["charts/electricity-saved-series.svg"].decode()


def test_the_key_changes_with_language_theme_and_format_but_not_by_itself(site):
    chart = site.section("energy").charts[0]
    keys = {(lang, output): cache_key(chart_spec(site, chart, lang), output) for lang in ("vi", "en") for output in OUTPUTS}
    assert len(set(keys.values())) == len(keys)
    assert keys[("vi", OUTPUTS[0])] == cache_key(chart_spec(site, chart, "vi"), OUTPUTS[0])


def test_the_key_depends_on_the_drawing_code(site, monkeypatch):
    from review.charts import production

    spec = chart_spec(site, site.section("energy").charts[0], "vi")
    before = cache_key(spec, OUTPUTS[0])
    production.code_fingerprint.cache_clear()
    monkeypatch.setattr(production, "_version", lambda library: "0.0-test")
    try:
        assert cache_key(spec, OUTPUTS[0]) != before
    finally:
        production.code_fingerprint.cache_clear()


def test_parallel_workers_import_the_code_without_the_hooks_folder_on_the_path(small, tmp_path, monkeypatch):
    """MkDocs puts hooks/ on sys.path only while it imports the hook; spawned
    workers must find the review package by themselves."""
    monkeypatch.setattr(sys, "path", [p for p in sys.path if Path(p).resolve() != HOOKS_DIR])
    production = produce(small, ("vi", "en"), ChartCache(tmp_path), workers=2)
    assert (production.drawn, production.workers) == (2 * len(OUTPUTS), 2)
    spec = chart_spec(small, small.section("industry").charts[0], "en")
    assert production.files["en"]["charts/industrial-land-area.svg"] == render(spec, "light", "svg")


@pytest.mark.parametrize(
    ("requested", "jobs", "loaded", "expected"),
    [
        pytest.param(None, 6, False, 1, id="a-few-drawings-here"),
        pytest.param(None, 12, False, min(12, os.cpu_count() or 1), id="a-dozen-drawings-on-every-core"),
        pytest.param(None, 12, True, 1, id="a-changed-figure-here-with-the-drawing-code-loaded"),
        pytest.param(None, 48, False, min(48, os.cpu_count() or 1), id="a-cold-build-on-every-core"),
        pytest.param(None, 48, True, min(48, os.cpu_count() or 1), id="a-cold-build-on-every-core-even-if-loaded"),
        pytest.param(2, 6, False, 2, id="as-asked"),
        pytest.param(8, 3, False, 3, id="never-more-workers-than-drawings"),
    ],
)
def testworker_count(requested, jobs, loaded, expected):
    assert worker_count(requested, jobs, loaded=loaded) == expected


def test_the_drawing_code_counts_as_loaded_once_imported():
    """This module imports review.charts.render (for ``render``)."""
    assert worker_count(None, 12) == 1


def test_prune_deletes_only_entries_unused_for_long_and_not_kept(tmp_path: Path):
    cache = ChartCache(tmp_path)
    for key in ("aaaa1111", "bbbb2222", "cccc3333"):
        cache.put(key, key.encode())
    long_ago = time.time() - 2 * 24 * 3600
    for key in ("aaaa1111", "bbbb2222"):
        os.utime(cache.path(key), (long_ago, long_ago))
    assert cache.prune({"aaaa1111"}) == 1
    assert [cache.get(key) for key in ("aaaa1111", "bbbb2222", "cccc3333")] == [b"aaaa1111", None, b"cccc3333"]


def test_reading_an_entry_marks_it_used(tmp_path: Path):
    cache = ChartCache(tmp_path)
    cache.put("aaaa1111", b"x")
    long_ago = time.time() - 2 * 24 * 3600
    os.utime(cache.path("aaaa1111"), (long_ago, long_ago))
    assert cache.get("aaaa1111") == b"x"
    assert cache.prune(set()) == 0


def test_only_what_is_drawn_enters_the_key(site):
    """The alt text, the table and the cache are not drawn: editing their
    code or the spec's table-only fields redraws nothing."""
    from review.charts import production

    assert sorted(path.name for path in production.CODE_FILES) == ["formatting.py", "kinds.py", "render.py", "style.py", "textfit.py"]
    spec = chart_spec(site, site.section("energy").charts[0], "vi")
    key = cache_key(spec, OUTPUTS[0])
    assert cache_key(dataclasses.replace(spec, citation="x", note_computed="y"), OUTPUTS[0]) == key
    assert cache_key(dataclasses.replace(spec, title=spec.title + " x"), OUTPUTS[0]) != key
