"""``check_data.py --changes``: what a change to data/ does, compared with
the last commit, on constructed changes in a git repository of its own."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import DATA, edit
from script_runs import call
from review.changes import ChangesError, committed_data, compare, report
from review.messages import language
from review.project import load_site

GIT = ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"]


def git(project: Path, *args: str) -> None:
    subprocess.run([*GIT, "-C", str(project), *args], check=True, capture_output=True)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with its data committed."""
    root = tmp_path / "project"
    shutil.copytree(DATA, root / "data")
    git(root, "init", "-q")
    git(root, "add", "data")
    git(root, "commit", "-q", "-m", "data")
    return root


def check_changes(root: Path, locale: str = "C.UTF-8") -> subprocess.CompletedProcess[str]:
    """``check_data.py --changes --root root``, in this process (its command
    line is tested in test_scripts.py and test_readme.py)."""
    return call("check_data.py", "--changes", "--root", str(root), cwd=root.parent, locale=locale)


NEW_SOURCE = """\
  - id: city-report-2024
    title: "Báo cáo chuyển đổi số năm 2024"
    citation:
      vi: "Báo cáo chuyển đổi số thành phố Cần Thơ năm 2024"
      en: "Cần Thơ digital transformation report, 2024"
"""


def make_change(data: Path) -> None:
    """online-services-full: 1096 → 1100, and the total that sums it:
    1362 → 1366, both from a new source (the article's words stay its own)."""
    edit(data / "site.yaml", "\nhome:\n", NEW_SOURCE + "\nhome:\n")
    for old, new, quote in (("1096", "1100", "1.100 DVCTT toàn trình"), ("1362", "1366", "tổng số 1.366 DVCTT")):
        text = (data / "digital.yaml").read_text(encoding="utf-8")
        start = text.index(f"      - value: {old}\n")
        end = text.index("\n", text.index("quote:", start)) + 1
        (data / "digital.yaml").write_text(
            text[:start] + f'      - value: {new}\n        as_of: "2023-10"\n        source: city-report-2024\n        quote: "{quote}"\n' + text[end:],
            encoding="utf-8",
        )


def test_nothing_changed(project: Path):
    result = check_changes(project)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[1:] == ["No change to data/ since the last commit."]


def test_a_changed_value_is_reported_old_to_new_with_where_it_appears(project: Path):
    make_change(project / "data")
    site = load_site(project / "data")
    full, total = site.figures["online-services-full"], site.figures["online-services-total"]
    result = check_changes(project)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.split("\n", 1)[1] == (
        "Changes to data/ since the last commit:\n"
        "Files changed: data/digital.yaml, data/site.yaml\n"
        "\n"
        f"Figure online-services-total: {total.label['en']}\n"
        f"  {total.values[0].time.raw}:\n"
        "    vi: 1.362 DVCTT → 1.366 DVCTT\n"
        "    en: 1,362 online public services → 1,366 online public services\n"
        "  on the page of the section digital: /digital/ · /en/digital/\n"
        "  on the home page, as a key figure: / · /en/\n"
        "  in the chart online-services-by-level: /digital/ · /en/digital/\n"
        "  in the relation sum of online-services-total (digital): online-services-partial ∘ online-services-full; it holds\n"
        "\n"
        f"Figure online-services-full: {full.label['en']}\n"
        f"  {full.values[0].time.raw}:\n"
        "    vi: 1.096 DVCTT → 1.100 DVCTT\n"
        "    en: 1,096 online public services → 1,100 online public services\n"
        "  on the page of the section digital: /digital/ · /en/digital/\n"
        "  in the chart online-services-by-level: /digital/ · /en/digital/\n"
        "  in the relation sum of online-services-total (digital): online-services-partial ∘ online-services-full; it holds\n"
    )


def test_the_report_is_in_the_editors_language(project: Path):
    make_change(project / "data")
    full = load_site(project / "data").figures["online-services-full"]
    result = check_changes(project, locale="vi_VN.UTF-8")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("data/ hợp lệ: ")
    assert lines[1:3] == ["Các thay đổi trong data/ kể từ lần commit gần nhất:", "Các tệp đã thay đổi: data/digital.yaml, data/site.yaml"]
    assert f"Số liệu online-services-full: {full.label['vi']}" in lines
    assert "  trên trang của phần digital: /digital/ · /en/digital/" in lines


def test_added_and_removed_figures_and_the_notes_of_a_changed_value(site):
    """On the model: a figure removed, one added, and a value that carries notes changed."""
    figure, value = next((f, v) for f in site.figures.values() for v in f.values if v.notes)
    gone = next(f for f in site.figures.values() if f.id != figure.id)
    changed_value = replace(value, value=value.value + 1)
    changed = replace(figure, values=tuple(changed_value if v is value else v for v in figure.values))
    added = replace(gone, id=f"{gone.id}-new")

    def edited(section):
        figures = [changed if f.id == figure.id else f for f in section.figures if f.id != gone.id]
        return replace(section, figures=tuple(figures + ([added] if section.id == gone.section else [])))

    new = replace(site, sections=tuple(edited(section) for section in site.sections))
    changes = compare(site, new)
    assert sorted((c.id, c.old is None, c.new is None) for c in changes) == sorted([(figure.id, False, False), (added.id, True, False), (gone.id, False, True)])
    text = report(changes, [f"{figure.section}.yaml"], site, new, "en").splitlines()
    assert f"New figure {added.id}: {added.label['en']}" in text
    assert f"Removed figure {gone.id}: {gone.label['en']}" in text
    section = site.section(figure.section)
    for note in value.notes:
        note_text = next(n.text["en"] for n in section.notes if n.id == note)
        assert f"  note {note}: {note_text}" in text


def test_without_git_history_there_is_nothing_to_compare(tmp_path: Path):
    root = tmp_path / "project"
    shutil.copytree(DATA, root / "data")
    result = check_changes(root)
    assert (result.returncode, result.stderr) == (2, f"{root} is not in a git repository: there is no last commit to compare with\n")
    git(root, "init", "-q")
    result = check_changes(root, locale="vi_VN.UTF-8")
    assert (result.returncode, result.stderr) == (2, "kho chưa có lần commit nào: chưa có gì để so sánh\n")


def test_bad_data_is_reported_before_any_comparison(project: Path):
    edit(project / "data" / "energy.yaml", "value: 2956.39", "value: 2.956,39")
    result = check_changes(project)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("The data has 1 problem:\ndata/energy.yaml:")


def test_a_broken_last_commit_still_lists_the_changed_files(project: Path):
    edit(project / "data" / "energy.yaml", "value: 2956.39", "value: 2.956,39")
    git(project, "commit", "-q", "-am", "broken")
    edit(project / "data" / "energy.yaml", "value: 2.956,39", "value: 2956.39")
    result = check_changes(project)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[1:3] == ["The last commit's data has problems, so only the files are compared:", "Files changed: data/energy.yaml"]
    assert lines[3].startswith("data/energy.yaml:") and "expected a number, received '2.956,39'" in lines[3]


def test_committed_data_refuses_a_folder_outside_git(tmp_path: Path):
    with pytest.raises(ChangesError, match="is not in a git repository"), language("en"):
        committed_data(tmp_path, tmp_path / "old")
