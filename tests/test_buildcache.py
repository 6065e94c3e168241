"""What a build remembers: between builds, the checked project and its pages,
under the key of every input (review.buildcache); within a build, what is
computed from the site more than once (review.memo)."""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path

import pytest

from conftest import edit
from review import buildcache, pages
from review.buildcache import inputs_key, open_derived
from review.charts.spec import chart_spec
from review.memo import remembered
from review.model import Text
from review.problems import DataError
from review.project import Project, load_project


class Loads:
    """load_project for one project, counting its calls."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.calls = 0

    def __call__(self) -> Project:
        self.calls += 1
        return load_project(self.root)


def test_an_unchanged_project_is_loaded_once_and_comes_back_equal(small_project: Path, tmp_path: Path):
    store = tmp_path / "derived"
    load = Loads(small_project)
    derived = open_derived(store, small_project, small_project / "content")
    first = derived.project(load)
    derived.save()
    second = open_derived(store, small_project, small_project / "content").project(load)
    assert load.calls == 1
    assert second == first
    assert second.site is not first.site  # a fresh copy, with nothing remembered from the last build


@pytest.mark.parametrize(
    ("path", "old", "new"),
    [
        pytest.param("data/energy.yaml", "power-capacity-by-source", "power-capacity-by-kind", id="a-data-file"),
        pytest.param("content/guide.vi.md", "#", "# ", id="a-hand-written-page"),
    ],
)
def test_a_changed_input_is_loaded_and_checked_again(small_project: Path, tmp_path: Path, path: str, old: str, new: str):
    store = tmp_path / "derived"
    load = Loads(small_project)
    before = inputs_key(small_project, small_project / "content")
    derived = open_derived(store, small_project, small_project / "content")
    derived.project(load)
    derived.save()
    text = (small_project / path).read_text(encoding="utf-8")
    (small_project / path).write_text(text.replace(old, new, 1), encoding="utf-8")
    assert inputs_key(small_project, small_project / "content") != before
    open_derived(store, small_project, small_project / "content").project(load)
    assert load.calls == 2


def test_a_new_markdown_file_changes_the_key(small_project: Path):
    before = inputs_key(small_project, small_project / "content")
    (small_project / "content" / "energy.vi.md").write_text("# Năng lượng\n", encoding="utf-8")
    assert inputs_key(small_project, small_project / "content") != before


@pytest.mark.parametrize("library", ["pyyaml", "jsonschema", "babel", "jinja2", "markupsafe", "markdown", "matplotlib"])
def test_another_version_of_a_library_that_reads_or_renders_changes_the_key(small_project: Path, monkeypatch: pytest.MonkeyPatch, library: str):
    """Each library whose behaviour decides what is checked or rendered
    (Markdown: the heading ids the checks predict) is in the key."""
    before = inputs_key(small_project, small_project / "content")
    real = buildcache._version
    monkeypatch.setattr(buildcache, "_version", lambda name: "0.0-other" if name == library else real(name))
    assert inputs_key(small_project, small_project / "content") != before


def test_a_project_with_a_problem_is_not_remembered(small_project: Path, tmp_path: Path):
    store = tmp_path / "derived"
    edit(small_project / "data" / "energy.yaml", "kind: bar", "kind: pie")
    load = Loads(small_project)
    for _ in range(2):
        with pytest.raises(DataError):
            open_derived(store, small_project, small_project / "content").project(load)
    assert load.calls == 2
    assert not [path for path in store.rglob("*") if path.is_file()]


def test_a_build_that_does_not_finish_stores_nothing(small_project: Path, tmp_path: Path):
    """What a build made is stored by save(), which the hook calls once the
    site is in place: a build that fails after loading keeps nothing."""
    store = tmp_path / "derived"
    load = Loads(small_project)
    derived = open_derived(store, small_project, small_project / "content")
    project = derived.project(load)
    derived.rendered("vi", {}, lambda: pages.render_pages(project.site, "vi", project.reference))
    assert not [path for path in store.rglob("*") if path.is_file()]
    open_derived(store, small_project, small_project / "content").project(load)
    assert load.calls == 2


def test_pages_are_rendered_again_only_for_other_chart_heights(small_project: Path, tmp_path: Path):
    store = tmp_path / "derived"
    derived = open_derived(store, small_project, small_project / "content")
    project = derived.project(Loads(small_project))
    renders: list[str] = []

    def render(heights: dict[str, float]) -> dict[str, str]:
        renders.append("vi")
        return pages.render_pages(project.site, "vi", project.reference, heights)

    chart = project.site.sections[0].charts[0].id
    made = derived.rendered("vi", {chart: 300.0}, lambda: render({chart: 300.0}))
    derived.save()
    again = open_derived(store, small_project, small_project / "content")
    again.project(Loads(small_project))
    assert again.rendered("vi", {chart: 300.0}, lambda: render({chart: 300.0})) == made
    assert len(renders) == 1
    taller = again.rendered("vi", {chart: 400.0}, lambda: render({chart: 400.0}))
    assert len(renders) == 2
    assert taller != made  # the <img> height differs


def test_a_chart_spec_is_computed_once_per_site_chart_and_language(site):
    site = dataclasses.replace(site)  # a site of this test's own, with nothing remembered
    chart = next(chart for section in site.sections for chart in section.charts)
    assert chart_spec(site, chart, "vi") is chart_spec(site, chart, "vi")
    assert chart_spec(site, chart, "en") is not chart_spec(site, chart, "vi")
    changed = dataclasses.replace(chart, title=Text(vi="Khác", en="Other"))
    assert chart_spec(site, changed, "vi").title == "Khác"  # same id, another chart: computed again
    assert chart_spec(site, chart, "vi").title != "Khác"


def test_remembered_computes_again_for_other_inputs(site):
    site = dataclasses.replace(site)
    calls: list[object] = []
    first, second = object(), object()

    def compute(inputs: tuple[object, ...]) -> None:
        calls.append(inputs)

    for inputs in ((first,), (first,), (second,), (first, second)):
        remembered(site, "test", "key", inputs, functools.partial(compute, inputs))
    assert calls == [(first,), (second,), (first, second)]
