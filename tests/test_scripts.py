"""The editors' scripts: check the data without building, add a figure or a
section from a template (safely: validated first, appended as text, nothing
overwritten), and the pre-commit hook that runs the check.

The scripts run in this process (``script_runs.call``), except for one run
of each in a new process, which proves its command line: check_data.py
(--time), new_figure.py and new_section.py (adding a figure, a section)
and the developer tools (--help) here, build_offline.py in test_messages.py."""

from __future__ import annotations

import argparse
import io
import os
import re
import sys
from pathlib import Path

import pytest
import yaml

from conftest import DATA, ROOT, edit, line_number, with_line_numbers
from script_runs import SCRIPTS, call, module, run
from review.messages import use_language
from review.icons import close_icons, icons_dir
from review.scaffold import NewFigure, NewSection, ScaffoldError, add_figure, add_section, append_to_list, yaml_plain, yaml_text
from review.project import load_site


def test_check_data_passes_on_the_real_data(tmp_path: Path, site):
    result = call("check_data.py", cwd=tmp_path)  # from anywhere: the script finds the repository
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
    result = call("check_data.py", "--root", str(data_copy.parent), cwd=data_copy.parent)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == with_line_numbers(
        data_copy,
        "energy.yaml",
        "The data has 2 problems:\n"
        "data/energy.yaml:{      - value: 2.956,39}:16: figures[#electricity-consumption].values[0].value: expected a number, received '2.956,39' (write 2956.39: YAML numbers use '.' for decimals and no thousands separator)\n"
        "data/industry.yaml:{industry.yaml:        qualifier: approximately}:20: figures[#industrial-park-budget-contribution].values[0].qualifier: expected one of: exact, about, more_than, over, nearly, estimated, planned; received 'approximately'\n",
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
      - value: 50
        as_of: "2023-10"
        qualifier: about
        quote: "thực hiện khoảng 50 dự án phi chính phủ"
"""


def test_new_figure_is_appended_as_text_and_valid(data_copy: Path):
    before = (data_copy / "industry.yaml").read_text(encoding="utf-8")
    result = run(
        "new_figure.py", "industry", "--data", str(data_copy),
        "--id", "industrial-cluster-enterprises", "--unit", "enterprise",
        "--label-vi", "Doanh nghiệp trong các cụm công nghiệp", "--label-en", 'Enterprises in the "clusters"',
        "--value", "50", "--as-of", "2023-10", "--qualifier", "about", "--quote", "thực hiện khoảng 50 dự án phi chính phủ",
        cwd=data_copy.parent,
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (0, "")
    after = (data_copy / "industry.yaml").read_text(encoding="utf-8")
    assert after == before.replace('170 ha"\n\nlists:', '170 ha"' + NEW_FIGURE + "\nlists:")
    figure = load_site(data_copy).figures["industrial-cluster-enterprises"]
    assert (figure.label.en, figure.values[0].value, figure.values[0].qualifier) == ('Enterprises in the "clusters"', 50, "about")


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


COMMON = ["--label-vi", "X", "--label-en", "X", "--as-of", "2023-10", "--quote", "thu hút 171 doanh nghiệp đầu tư"]


@pytest.mark.parametrize(
    ("args", "english", "vietnamese"),
    [
        pytest.param(
            ["industry", "--id", "industrial-parks", "--unit", "enterprise", "--value", "171"],
            "--id: the id 'industrial-parks' is already used: choose another\n",
            "--id: mã 'industrial-parks' đã được dùng: hãy chọn mã khác\n",
            id="duplicate-id",
        ),
        pytest.param(
            ["industry", "--id", "x", "--unit", "entreprise", "--value", "171"],
            "--unit: unknown unit 'entreprise' (did you mean 'enterprise'?)\n",
            "--unit: không có đơn vị 'entreprise' (có phải ý bạn là 'enterprise'?)\n",
            id="unknown-unit",
        ),
        pytest.param(
            ["industy", "--id", "x", "--unit", "enterprise", "--value", "171"],
            "section: unknown section 'industy' (did you mean 'industry'?)\n",
            "section: không có phần 'industy' (có phải ý bạn là 'industry'?)\n",
            id="unknown-section",
        ),
        pytest.param(
            ["industry", "--id", "x", "--unit", "enterprise", "--value", "2.956,39"],
            "--value: expected a number the YAML way, received '2.956,39': write 2956.39 (. for decimals, no thousands separator)\n",
            "--value: cần một số viết theo kiểu YAML, nhận được '2.956,39': hãy viết 2956.39 (dấu . cho phần thập phân, không có dấu phân cách hàng nghìn)\n",
            id="source-number-format",
        ),
        pytest.param(
            ["industry", "--id", "x", "--unit", "enterprise", "--value", "171\nicon: material/x"],
            "--value: expected a number such as 2956.39 or 41000, received '171\\nicon: material/x'\n",
            "--value: cần một số, ví dụ 2956.39 hoặc 41000, nhận được '171\\nicon: material/x'\n",
            id="injection-is-not-a-number",
        ),
        pytest.param(
            ["industry", "--id", "x", "--unit", "enterprise", "--value", "171", "--as-of", "2023-13"],
            "--as-of: expected a date such as 2019 (a year), 2018-02 (a month) or 2023-10-13 (a day), received '2023-13'\n",
            "--as-of: cần một thời điểm, ví dụ 2019 (một năm), 2018-02 (một tháng) hoặc 2023-10-13 (một ngày), nhận được '2023-13'\n",
            id="impossible-date",
        ),
    ],
)
def test_new_figure_refuses_a_wrong_answer_and_changes_nothing(data_copy: Path, args: list[str], english: str, vietnamese: str):
    before = {path.name: path.read_bytes() for path in data_copy.iterdir() if path.is_file()}
    for locale, expected in (("C.UTF-8", english), ("vi_VN.UTF-8", vietnamese)):
        result = call("new_figure.py", "--data", str(data_copy), *COMMON, *args, cwd=data_copy.parent, locale=locale)
        assert (result.returncode, result.stdout, result.stderr) == (1, "", expected)
    assert {path.name: path.read_bytes() for path in data_copy.iterdir() if path.is_file()} == before


def test_a_refused_figure_is_shown_as_the_text_that_would_have_been_written(data_copy: Path):
    """The file was never written: the problem is shown in the would-be
    text, not at line numbers of the file on disk."""
    before = (data_copy / "industry.yaml").read_bytes()
    args = ["industry", "--id", "industrial-cluster-count", "--unit", "enterprise", "--value", "1.096", *COMMON]
    result = call("new_figure.py", "--data", str(data_copy), *args, cwd=data_copy.parent)
    index = len(yaml.safe_load(before)["figures"])
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "The change would cause 1 problem:\n"
        f"figures[{index}].values[0].value: expected a whole number (the unit enterprise counts things), received 1.096 "
        "(did you mean 1096? YAML reads 1.096 as a decimal number: write 1096, without the thousands dot)\n"
        "  in the text that would be written to data/industry.yaml:\n"
        "  |     unit: enterprise\n"
        "  |     values:\n"
        "  >       - value: 1.096\n"
        "                   ^\n"
        '  |         as_of: "2023-10"\n'
        '  |         quote: "thu hút 171 doanh nghiệp đầu tư"\n'
        "Nothing was changed.\n"
    )
    assert (data_copy / "industry.yaml").read_bytes() == before


def test_a_value_cannot_change_the_structure_of_the_file(data_copy: Path):
    """Even past the scripts' own checks, a value stays a value."""
    figure = NewFigure(section="industry", id="x", unit="enterprise", label_vi="X", label_en="X", value="171\nicon: material/x", quote="q", as_of="2023-10")
    before = (data_copy / "industry.yaml").read_bytes()
    with pytest.raises(ScaffoldError) as caught:
        add_figure(data_copy, figure)
    assert [problem.described() for problem in caught.value.problems] == [f"figures[{len(yaml.safe_load(before)['figures'])}].values[0].value: expected a number, received '171\\nicon: material/x'"]
    assert (data_copy / "industry.yaml").read_bytes() == before


def test_new_figure_without_a_terminal_names_what_is_missing(data_copy: Path):
    result = call("new_figure.py", "industry", "--data", str(data_copy), cwd=data_copy.parent)
    assert (result.returncode, result.stderr) == (1, "missing --id (Figure id, new: lowercase letters, digits and hyphens, such as solar-capacity)\n")


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


SECTION_ARGS = ["--title-vi", "A", "--title-en", "A", "--summary-vi", "A", "--summary-en", "A", "--body-vi", "A", "--body-en", "A"]


@pytest.mark.parametrize(
    ("args", "english", "vietnamese"),
    [
        pytest.param(["energy"], "id: the id 'energy' is already used: choose another\n", "id: mã 'energy' đã được dùng: hãy chọn mã khác\n", id="existing-section"),
        pytest.param(
            ["../outside"],
            "id: expected an id of lowercase letters, digits and single hyphens, such as environment, received '../outside'\n",
            "id: cần một mã gồm chữ thường, chữ số và dấu gạch nối đơn, ví dụ environment, nhận được '../outside'\n",
            id="path-as-id",
        ),
        pytest.param(
            [NEW_SECTION, "--icon", "material/not-an-icon-xyz"],
            "--icon: expected an icon that Material ships, received 'material/not-an-icon-xyz' (did you mean {close}?)\n",
            "--icon: cần một biểu tượng có trong Material, nhận được 'material/not-an-icon-xyz' (có phải ý bạn là {close_vi}?)\n",
            id="unknown-icon",
        ),
    ],
)
def test_new_section_refuses_a_wrong_answer_and_changes_nothing(data_copy: Path, args: list[str], english: str, vietnamese: str):
    before = {path.name: path.read_bytes() for path in data_copy.iterdir() if path.is_file()}
    folder = icons_dir()
    assert folder is not None, "Material for MkDocs ships its icons with the package"
    close = close_icons("material/not-an-icon-xyz", folder)
    assert close, "the test needs a close icon to suggest"
    for locale, expected in (("C.UTF-8", english), ("vi_VN.UTF-8", vietnamese)):
        result = call("new_section.py", *args, "--data", str(data_copy), *SECTION_ARGS, cwd=data_copy.parent, locale=locale)
        expected = expected.format(close=" or ".join(close), close_vi=" hoặc ".join(close))
        assert (result.returncode, result.stdout, result.stderr) == (1, "", expected)
    assert {path.name: path.read_bytes() for path in data_copy.iterdir() if path.is_file()} == before
    assert not (data_copy.parent / "outside.yaml").exists()


def new_section_positions(site_text: str) -> dict[str, int]:
    """Where new_section.py would list a section in site.yaml: on the line
    after the last section; its index is the number of sections now."""
    sections = yaml.safe_load(site_text)["sections"]
    return {"line": line_number(site_text, f"  - {sections[-1]}") + 1, "index": len(sections)}


@pytest.mark.parametrize(
    ("section_id", "expected"),
    [
        pytest.param("energy", "data/energy.yaml already exists: choose another id (nothing was changed)", id="existing-section"),
        pytest.param(
            "../outside",
            "The change would cause 1 problem:\n"
            "sections[{index}]: expected an id of lowercase letters, digits and single hyphens, such as solar-capacity, received '../outside'\n"
            "  in the text that would be written to data/site.yaml:\n"
            "{context}"
            '  >   - "../outside"\n'
            "        ^\n"
            "{after}"
            "Nothing was changed.",
            id="path-as-id",
        ),
    ],
)
def test_adding_a_section_never_overwrites_nor_escapes(data_copy: Path, section_id: str, expected: str):
    """The core, past the script's own checks."""
    before = {path.name: path.read_bytes() for path in data_copy.iterdir() if path.is_file()}
    site_lines = before["site.yaml"].decode("utf-8").splitlines()
    positions = new_section_positions(before["site.yaml"].decode("utf-8"))
    context, after = (
        "".join(f"  | {line}".rstrip() + "\n" for line in lines) for lines in (site_lines[positions["line"] - 3 : positions["line"] - 1], site_lines[positions["line"] - 1 : positions["line"] + 1])
    )
    section = NewSection(id=section_id, title_vi="A", title_en="A", summary_vi="A", summary_en="A", body_vi=("A",), body_en=("A",))
    with pytest.raises(ScaffoldError) as caught:
        add_section(data_copy, section)
    assert str(caught.value) == expected.format(index=positions["index"], context=context, after=after)
    assert {path.name: path.read_bytes() for path in data_copy.iterdir() if path.is_file()} == before
    assert not (data_copy.parent / "outside.yaml").exists()


def test_new_section_refuses_the_address_of_a_hand_written_page(project_copy: Path):
    """The scaffolding checks what a build checks: a section 'editing'
    would replace the page made from content/editing.*.md."""
    data = project_copy / "data"
    before = {path.name: path.read_bytes() for path in data.iterdir() if path.is_file()}
    args = ["--title-vi", "A", "--title-en", "A", "--summary-vi", "A", "--summary-en", "A", "--body-vi", "A", "--body-en", "A"]
    result = call("new_section.py", "editing", "--data", str(data), *args, cwd=project_copy)
    assert (result.returncode, result.stderr) == (
        1,
        "The change would cause 2 problems:\n"
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


class Terminal(io.StringIO):
    """Typed answers, one per line, on what looks like a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def script_module(monkeypatch: pytest.MonkeyPatch):
    """Import a script to run it in this process (for the questions asked
    in a terminal); the language it chose, and argparse's words, are put
    back afterwards."""
    monkeypatch.setattr(argparse, "_", argparse._)
    monkeypatch.setattr(argparse, "ngettext", argparse.ngettext)
    yield module
    use_language("en")


def typed(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[str]:
    """Answer the script's questions with ``answers``, in a terminal (then
    the input ends, as with Ctrl+D); returns the questions, as asked."""
    monkeypatch.setattr(sys, "stdin", Terminal(""))
    asked: list[str] = []
    remaining = list(answers)

    def answer(prompt: str) -> str:
        asked.append(prompt.removesuffix(": "))
        if not remaining:
            raise EOFError
        return remaining.pop(0)

    monkeypatch.setattr("builtins.input", answer)
    return asked


def test_new_figure_asks_in_the_order_of_help_and_asks_again_after_a_wrong_answer(data_copy: Path, script_module, monkeypatch, capsys):
    new_figure = script_module("new_figure")
    questions = typed(
        monkeypatch,
        "industy", "industry",
        "Bad Id", "cluster-enterprises-test",
        "entreprise", "enterprise",
        "Doanh nghiệp", "Enterprises",
        "2.956,39", "171",
        "",  # no period: a stock
        "@2023-10", "2023-10",
        "",  # the hedge: exact
        "",  # the source: the article
        "thu hút 171 doanh nghiệp đầu tư",
    )  # fmt: skip
    status = new_figure.main(["--data", str(data_copy), "--lang", "en"])
    out, err = capsys.readouterr()
    assert (status, out) == (0, f"Added the figure cluster-enterprises-test to {data_copy.name}/industry.yaml.\n")
    parser, asked = new_figure.parser_for(data_copy)
    in_help_order = [action.dest for action in parser._actions if action.dest in asked]
    by_prompt = {question.prompt: name for name, question in asked.items()}
    by_prompt[asked["period"].prompt + "; leave empty for a stock"] = "period"
    assert list(dict.fromkeys(by_prompt[question] for question in questions)) == in_help_order
    assert not any("@" in question for question in questions)
    assert err == (
        "unknown section 'industy' (did you mean 'industry'?)\nPlease try again.\n"
        "expected an id of lowercase letters, digits and single hyphens, such as solar-capacity, received 'Bad Id'\nPlease try again.\n"
        "unknown unit 'entreprise' (did you mean 'enterprise'?)\nPlease try again.\n"
        "expected a number the YAML way, received '2.956,39': write 2956.39 (. for decimals, no thousands separator)\nPlease try again.\n"
        "expected a date such as 2019 (a year), 2018-02 (a month) or 2023-10-13 (a day), received '@2023-10'\nPlease try again.\n"
    )
    figure = load_site(data_copy).figures["cluster-enterprises-test"]
    assert (figure.unit.id, figure.values[0].value, figure.values[0].as_of.raw, figure.values[0].source) == ("enterprise", 171, "2023-10", "article")


def test_new_figure_asks_again_for_what_the_data_check_refuses(data_copy: Path, script_module, monkeypatch, capsys):
    new_figure = script_module("new_figure")
    questions = typed(monkeypatch, "", "", "171")  # the hedge (exact), the source (the article), then the value again
    args = ["industry", "--id", "cluster-enterprises-test", "--unit", "enterprise", "--value", "1.71", "--label-vi", "X", "--label-en", "X"]
    status = new_figure.main(["--data", str(data_copy), "--lang", "vi", *args, "--as-of", "2023-10", "--quote", "thu hút 171 doanh nghiệp đầu tư"])
    out, err = capsys.readouterr()
    assert status == 0
    assert err.startswith("Thay đổi này sẽ gây ra 1 lỗi:\n")
    assert err.endswith("Chưa có gì bị thay đổi.\nHãy trả lời lại:\n")
    assert questions[2:] == ["Giá trị, viết kiểu YAML: dấu . cho phần thập phân, không có dấu phân cách hàng nghìn (2956.39 cho 2.956,39 của nguồn)"]
    assert out == "Đã thêm số liệu cluster-enterprises-test vào data/industry.yaml.\n"
    assert load_site(data_copy).figures["cluster-enterprises-test"].values[0].value == 171


def test_stopping_in_the_middle_changes_nothing(data_copy: Path, script_module, monkeypatch, capsys):
    new_section = script_module("new_section")
    before = {path.name: path.read_bytes() for path in data_copy.iterdir() if path.is_file()}
    typed(monkeypatch, NEW_SECTION, "Môi trường")  # then the input ends (Ctrl+D)
    assert new_section.main(["--data", str(data_copy), "--lang", "vi"]) == 1
    assert capsys.readouterr().err == "\nĐã dừng: chưa có gì bị thay đổi.\n"
    assert {path.name: path.read_bytes() for path in data_copy.iterdir() if path.is_file()} == before


DEVELOPER_TOOLS = {"benchmark.py", "benchmark_charts.py", "lighthouse.py", "synthetic_data.py"}
"""Scripts for developers, not editors: their help is in English."""
SCRIPT_NAMES = sorted(path.name for path in SCRIPTS.glob("*.py") if path.name != "editor_prompts.py")


@pytest.mark.parametrize("script", SCRIPT_NAMES)
@pytest.mark.parametrize(("locale", "usage"), [("C.UTF-8", "usage: "), ("vi_VN.UTF-8", "cách dùng: ")])
def test_every_script_answers_help_without_doing_its_work(tmp_path: Path, script: str, locale: str, usage: str):
    result = call(script, "--help", cwd=tmp_path, locale=locale)
    assert (result.returncode, result.stderr) == (0, "")
    assert list(tmp_path.iterdir()) == []
    if script in DEVELOPER_TOOLS:  # in English
        assert result.stdout.startswith("usage: " + script)
    else:
        assert result.stdout.startswith(usage + script)
        assert "--lang {vi,en}" in result.stdout


@pytest.mark.parametrize("script", sorted(DEVELOPER_TOOLS))
def test_the_developer_tools_run_from_the_command_line(tmp_path: Path, script: str):
    """A new process for each developer tool (see the module's docstring
    for the others): the file runs, finds its packages and exits with its
    status. In the editor's locale, its help stays English."""
    result = run(script, "--help", cwd=tmp_path, locale="vi_VN.UTF-8")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("usage: " + script)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("script", ["new_figure", "new_section"])
def test_every_option_has_help(script: str, script_module):
    parser = script_module(script).parser_for(DATA)[0]
    assert [action.dest for action in parser._actions if not action.help] == []


def test_the_units_are_listed_with_their_names_in_both_languages(tmp_path: Path, site):
    result = call("new_figure.py", "--help", cwd=tmp_path)
    listed = result.stdout.split("Units (--unit), with their names in Vietnamese and in English:\n", 1)[1].splitlines()
    expected = [(ident, unit.vi, unit.en_other) for ident, unit in site.vocabulary.units.items()]
    assert [tuple(re.split(r"\s{2,}| / ", line.strip())) for line in listed] == expected


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("C.UTF-8", "check_data.py: error: argument --lang: invalid choice: 'fr' (choose from 'vi', 'en')\n"),
        ("vi_VN.UTF-8", "check_data.py: lỗi: tham số --lang: lựa chọn không hợp lệ: 'fr' (hãy chọn một trong 'vi', 'en')\n"),
    ],
)
def test_an_unknown_language_is_refused_in_the_locales_language(tmp_path: Path, locale: str, expected: str):
    result = call("check_data.py", "--lang", "fr", cwd=tmp_path, locale=locale)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.endswith(expected)


@pytest.mark.parametrize(
    ("args", "locale", "head"), [(["--lang", "vi"], "C.UTF-8", "Dữ liệu có 1 lỗi:"), ([], "vi_VN.UTF-8", "Dữ liệu có 1 lỗi:"), (["--lang", "en"], "vi_VN.UTF-8", "The data has 1 problem:")]
)
def test_check_data_speaks_the_editors_language(data_copy: Path, args: list[str], locale: str, head: str):
    edit(data_copy / "energy.yaml", "value: 2956.39", "value: 2.956,39")
    result = call("check_data.py", "--root", str(data_copy.parent), *args, cwd=data_copy.parent, locale=locale)
    assert result.returncode == 1
    assert result.stderr.startswith(head + "\ndata/energy.yaml:")


def test_a_script_run_in_this_process_answers_as_in_a_new_one(tmp_path: Path):
    """What the tests above rely on: ``call`` gives what a new process
    gives, word for word: the locale's language (argparse's own words
    included), the script's name from its path, the exit status of an
    argparse error, the usage line as wrapped without a terminal."""
    args = ("new_section.py", "energy", "--lang", "fr", "--icon", "x")
    in_process, new_process = call(*args, cwd=tmp_path, locale="vi_VN.UTF-8"), run(*args, cwd=tmp_path, locale="vi_VN.UTF-8")
    assert new_process.returncode == 2 and new_process.stderr.startswith("cách dùng: new_section.py [-h]")
    assert (in_process.returncode, in_process.stdout, in_process.stderr) == (new_process.returncode, new_process.stdout, new_process.stderr)


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        pytest.param(
            "C.UTF-8",
            "The change would cause 1 problem:\n"
            "figures[5].id: expected an id no heading of its page uses, received 'charts' (the heading \"Charts\" on /en/energy/)\n"
            "  in the text that would be written to data/energy.yaml:\n"
            '  |         quote: "tổng công suất 81,498 MW"\n'
            "  |\n"
            "  >   - id: charts\n"
            "            ^\n"
            "  |     label:\n"
            '  |       vi: "X"\n'
            "Nothing was changed.\n",
            id="en",
        ),
        pytest.param(
            "vi_VN.UTF-8",
            "Thay đổi này sẽ gây ra 1 lỗi:\n"
            "figures[5].id: cần một mã không trùng với mã của đề mục nào trên trang của nó, nhận được 'charts' (đề mục \"Charts\" trên /en/energy/)\n"
            "  trong đoạn sẽ được ghi vào data/energy.yaml:\n"
            '  |         quote: "tổng công suất 81,498 MW"\n'
            "  |\n"
            "  >   - id: charts\n"
            "            ^\n"
            "  |     label:\n"
            '  |       vi: "X"\n'
            "Chưa có gì bị thay đổi.\n",
            id="vi",
        ),
    ],
)
def test_new_figure_refuses_an_id_a_heading_of_its_page_has(small_project: Path, locale: str, expected: str):
    """The scaffolding script runs the same checks as the build: a figure id
    that the English page's "Charts" heading also has is refused, in the
    editor's language, and nothing is written."""
    data = small_project / "data"
    before = (data / "energy.yaml").read_bytes()
    args = ["energy", "--id", "charts", "--unit", "mw", "--label-vi", "X", "--label-en", "X", "--value", "176.5", "--as-of", "2023"]
    args += ["--quote", "Giai đoạn 2011-2015, tiết kiệm năng lượng 176,5 triệu kWh"]
    result = call("new_figure.py", "--data", str(data), *args, cwd=small_project, locale=locale)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", expected)
    assert (data / "energy.yaml").read_bytes() == before
