"""The editors' scripts: check the data without building, add a figure or a
section from a template (safely: validated first, appended as text, nothing
overwritten), and the pre-commit hook that runs the check."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, edit, line_number, with_line_numbers
from review.scaffold import ScaffoldError, append_to_list, yaml_plain, yaml_text
from review.project import load_site

SCRIPTS = ROOT / "scripts"


def run(script: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPTS / script), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )


def test_check_data_passes_on_the_real_data(tmp_path: Path, site):
    result = run("check_data.py", cwd=tmp_path)  # from anywhere: the script finds the repository
    # Counted from the model, so that an editor's new figure keeps CI green.
    sections = len(site.sections)
    figures = len(site.figures)
    values = sum(len(figure.values) for figure in site.figures.values())
    relations = sum(len(section.relations) for section in site.sections)
    expected = f"data/ is valid: {sections} sections, {figures} figures, {values} values, {relations} relations checked\n"
    assert (result.returncode, result.stdout, result.stderr) == (0, expected, "")


def test_check_data_fails_with_the_problems_on_stderr(data_copy: Path):
    edit(data_copy / "energy.yaml", "value: 2956.39", "value: 2.956,39")
    edit(data_copy / "industry.yaml", "qualifier: about", "qualifier: approximately")
    result = run("check_data.py", "--root", str(data_copy.parent), cwd=data_copy.parent)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == with_line_numbers(
        data_copy,
        "energy.yaml",
        "The data has 2 problems:\n"
        "data/energy.yaml:{      - value: 2.956,39}:16: figures[2].values[0].value: expected a number, received '2.956,39' (write 2956.39: YAML numbers use '.' for decimals and no thousands separator)\n"
        "data/industry.yaml:{industry.yaml:        qualifier: approximately}:20: figures[5].values[0].qualifier: expected one of: exact, about, more_than, over, nearly, estimated, planned; received 'approximately'\n",
    )


def test_check_data_can_time_itself(tmp_path: Path):
    result = run("check_data.py", "--time", cwd=tmp_path)
    assert result.returncode == 0
    assert re.fullmatch(r"checked in [0-9]+ ms \(Python start-up not included\)\n", result.stderr)


def test_the_pre_commit_hook_runs_the_check():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (hook,) = config["repos"][0]["hooks"]
    assert config["repos"][0]["repo"] == "local"
    assert hook["entry"] == ".venv/bin/python scripts/check_data.py"
    assert hook["pass_filenames"] is False
    assert re.search(hook["files"], "data/energy.yaml") and re.search(hook["files"], "content/editing.vi.md")
    assert not re.search(hook["files"], "hooks/review/pages.py")
    git_hook = (SCRIPTS / "pre-commit").read_text(encoding="utf-8")
    assert git_hook.startswith("#!/bin/sh\n") and "exec .venv/bin/python scripts/check_data.py" in git_hook
    assert os.access(SCRIPTS / "pre-commit", os.X_OK)


NEW_FIGURE = """

  - id: industrial-cluster-enterprises
    label:
      vi: "Doanh nghiệp trong các cụm công nghiệp"
      en: "Enterprises in the \\"clusters\\""
    unit: enterprise
    values:
      - value: 171
        as_of: "2023-10"
        qualifier: about
        quote: "thu hút 171 doanh nghiệp đầu tư"
"""


def test_new_figure_is_appended_as_text_and_valid(data_copy: Path):
    before = (data_copy / "industry.yaml").read_text(encoding="utf-8")
    result = run(
        "new_figure.py", "industry", "--data", str(data_copy),
        "--id", "industrial-cluster-enterprises", "--unit", "enterprise",
        "--label-vi", "Doanh nghiệp trong các cụm công nghiệp", "--label-en", 'Enterprises in the "clusters"',
        "--value", "171", "--as-of", "2023-10", "--qualifier", "about", "--quote", "thu hút 171 doanh nghiệp đầu tư",
        cwd=data_copy.parent,
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (0, "")
    after = (data_copy / "industry.yaml").read_text(encoding="utf-8")
    assert after == before.replace('170 ha"\n\nlists:', '170 ha"' + NEW_FIGURE + "\nlists:")
    figure = load_site(data_copy).figures["industrial-cluster-enterprises"]
    assert (figure.label.en, figure.values[0].value, figure.values[0].qualifier) == ('Enterprises in the "clusters"', 171, "about")


def new_figure_positions(section_text: str) -> dict[str, int]:
    """Where new_figure.py would put a figure in a section: after the last
    figure, so that its ``- id:`` line takes the number that ``lists:``
    has now, and its ``- value:`` line comes six lines below (label, vi,
    en, unit, values); its index is the number of figures there are now.
    Also the line of the figure industrial-parks, which a case repeats."""
    id_line = line_number(section_text, "lists:")
    return {
        "id_line": id_line,
        "value_line": id_line + 6,
        "index": len(yaml.safe_load(section_text)["figures"]),
        "industrial_parks_line": line_number(section_text, "  - id: industrial-parks"),
    }


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        pytest.param(
            ["--id", "industrial-parks", "--unit", "enterprise", "--value", "1.096"],
            "The data has 2 problems:\n"
            "data/industry.yaml:{id_line}:9: figures[{index}].id: duplicate figure id 'industrial-parks', first used in data/industry.yaml line {industrial_parks_line} (ids must be unique across the site)\n"
            "data/industry.yaml:{value_line}:16: figures[{index}].values[0].value: expected a whole number (the unit enterprise counts things), received 1.096 (did you mean 1096? YAML reads 1.096 as a decimal number: write 1096, without the thousands dot)\n"
            "Nothing was changed.\n",
            id="duplicate-id-and-thousands-dot",
        ),
        pytest.param(
            ["--id", "x", "--unit", "enterprise", "--value", "171\nicon: material/x"],
            "The data has 1 problem:\ndata/industry.yaml:{value_line}:16: figures[{index}].values[0].value: expected a number, received '171\\nicon: material/x'\nNothing was changed.\n",
            id="injection-stays-a-value",
        ),
    ],
)
def test_new_figure_refuses_bad_input_and_changes_nothing(data_copy: Path, args: list[str], expected: str):
    before = (data_copy / "industry.yaml").read_bytes()
    common = ["--label-vi", "X", "--label-en", "X", "--as-of", "2023-10", "--quote", "thu hút 171 doanh nghiệp đầu tư"]
    result = run("new_figure.py", "industry", "--data", str(data_copy), *args, *common, cwd=data_copy.parent)
    expected = expected.format(**new_figure_positions(before.decode("utf-8")))
    assert (result.returncode, result.stdout, result.stderr) == (1, "", expected)
    assert (data_copy / "industry.yaml").read_bytes() == before


def test_new_figure_without_a_terminal_names_what_is_missing(data_copy: Path):
    result = run("new_figure.py", "industry", "--data", str(data_copy), cwd=data_copy.parent)
    assert (result.returncode, result.stderr) == (1, "missing --id (Figure id (lowercase, digits and hyphens, such as solar-capacity))\n")


NEW_SECTION = "scaffold-test-section"
"""An id no real section will take (the guide's own example, environment,
is one an editor may well add)."""


def test_new_section_writes_a_file_and_lists_it(data_copy: Path):
    assert not (data_copy / f"{NEW_SECTION}.yaml").exists()
    site_before = (data_copy / "site.yaml").read_text(encoding="utf-8")
    last = yaml.safe_load(site_before)["sections"][-1]
    result = run(
        "new_section.py", NEW_SECTION, "--data", str(data_copy),
        "--title-vi", "Môi trường", "--title-en", "Environment",
        "--summary-vi", "Tóm tắt.", "--summary-en", "Summary.",
        "--body-vi", "Đoạn một.", "--body-vi", "Đoạn hai.", "--body-en", "Paragraph one.", "--body-en", "Paragraph two.",
        "--icon", "material/leaf",
        cwd=data_copy.parent,
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (0, "")
    assert (data_copy / "site.yaml").read_text(encoding="utf-8") == site_before.replace(f"  - {last}\n", f"  - {last}\n  - {NEW_SECTION}\n")
    text = (data_copy / f"{NEW_SECTION}.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=schema/section.schema.json"
    section = load_site(data_copy).section(NEW_SECTION)
    assert (section.title.vi, section.body.en, section.icon) == ("Môi trường", ("Paragraph one.", "Paragraph two."), "material/leaf")


def new_section_positions(site_text: str) -> dict[str, int]:
    """Where new_section.py would list a section in site.yaml: on the line
    after the last section; its index is the number of sections now."""
    sections = yaml.safe_load(site_text)["sections"]
    return {"line": line_number(site_text, f"  - {sections[-1]}") + 1, "index": len(sections)}


@pytest.mark.parametrize(
    ("section_id", "expected"),
    [
        pytest.param("energy", "data/energy.yaml already exists: choose another id (nothing was changed)\n", id="existing-section"),
        pytest.param(
            "../outside",
            "The data has 1 problem:\ndata/site.yaml:{line}:5: sections[{index}]: expected an id of lowercase letters, digits and single hyphens, such as solar-capacity, received '../outside'\nNothing was changed.\n",
            id="path-as-id",
        ),
    ],
)
def test_new_section_never_overwrites_nor_escapes(data_copy: Path, section_id: str, expected: str):
    before = {path.name: path.read_bytes() for path in data_copy.iterdir() if path.is_file()}
    args = ["--title-vi", "A", "--title-en", "A", "--summary-vi", "A", "--summary-en", "A", "--body-vi", "A", "--body-en", "A"]
    result = run("new_section.py", section_id, "--data", str(data_copy), *args, cwd=data_copy.parent)
    expected = expected.format(**new_section_positions(before["site.yaml"].decode("utf-8")))
    assert (result.returncode, result.stderr) == (1, expected)
    assert {path.name: path.read_bytes() for path in data_copy.iterdir() if path.is_file()} == before
    assert not (data_copy.parent / "outside.yaml").exists()


def test_new_section_refuses_the_address_of_a_hand_written_page(project_copy: Path):
    """The scaffolding checks what a build checks: a section 'editing'
    would replace the page made from content/editing.*.md."""
    data = project_copy / "data"
    before = {path.name: path.read_bytes() for path in data.iterdir() if path.is_file()}
    args = ["--title-vi", "A", "--title-en", "A", "--summary-vi", "A", "--summary-en", "A", "--body-vi", "A", "--body-en", "A"]
    result = run("new_section.py", "editing", "--data", str(data), *args, cwd=project_copy)
    assert (result.returncode, result.stderr) == (
        1,
        "The data has 2 problems:\n"
        "content/editing.en.md: expected a page of its own, received one that would replace the generated page editing.md (rename it)\n"
        "content/editing.vi.md: expected a page of its own, received one that would replace the generated page editing.md (rename it)\n"
        "Nothing was changed.\n",
    )
    assert {path.name: path.read_bytes() for path in data.iterdir() if path.is_file()} == before


@pytest.mark.parametrize(
    ("text", "key", "blank_line", "expected"),
    [
        pytest.param("a: 1\nitems:\n  - x\n\n# about b\nb: 2\n", "items", True, "a: 1\nitems:\n  - x\n\n  - new\n\n# about b\nb: 2\n", id="comment-of-the-next-key-stays"),
        pytest.param("items:\n  - x  # the first\n  # the end\n", "items", False, "items:\n  - x  # the first\n  - new\n  # the end\n", id="comments-in-the-list-stay"),
        pytest.param("items:\n- x\nb: 2\n", "items", False, "items:\n- x\n- new\nb: 2\n", id="unindented-list"),
        pytest.param("items:\n    - x\n", "items", False, "items:\n    - x\n    - new\n", id="deeper-indentation"),
        pytest.param("a: 1", "items", True, "a: 1\n\nitems:\n  - new\n", id="no-such-list-yet"),
    ],
)
def test_append_to_list(text: str, key: str, blank_line: bool, expected: str):
    assert append_to_list(text, key, "  - new\n", blank_line=blank_line) == expected


def test_append_to_a_one_line_list_is_refused():
    with pytest.raises(ScaffoldError, match=r"^items is written on one line \(items: \[…\]\): write it as a list, one item per line, then try again$"):
        append_to_list("items: [x]\n", "items", "  - new\n")


@pytest.mark.parametrize(
    ("value", "plain", "text"),
    [
        pytest.param("solar-capacity", "solar-capacity", '"solar-capacity"', id="id"),
        pytest.param("2956.39", "2956.39", '"2956.39"', id="number"),
        pytest.param("no", '"no"', '"no"', id="yaml-1.1-boolean"),
        pytest.param("a: b", '"a: b"', '"a: b"', id="colon"),
        pytest.param('Nói "không"\n', '"Nói \\"không\\"\\n"', '"Nói \\"không\\"\\n"', id="quotes-and-newline"),
    ],
)
def test_yaml_filters_keep_values_values(value: str, plain: str, text: str):
    assert (yaml_plain(value), yaml_text(value)) == (plain, text)
    assert yaml.safe_load(f"k: {yaml_text(value)}") == {"k": value}
