"""The README for editors: its example error is what the checks print, and
its "update a figure in five steps" runs, step by step, on a copy of the
project in a git repository of its own."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import DATA, ROOT, copy_project, edit
from review.problems import DataError
from review.project import load_site
from review.scaffold import append_to_list

README = (ROOT / "README.md").read_text(encoding="utf-8")
GIT_IDENTITY = {"GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org", "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org"}


def without_position(line: str) -> str:
    return re.sub(r"^(data/[^:]+):[0-9]+:[0-9]+:", r"\1:…:", line)


def test_the_example_error_is_what_the_checks_print(tmp_path: Path):
    """Word for word; the line and column are compared by the text that
    stands there, so that an editor's ordinary edit above it keeps CI green."""
    (example,) = re.findall(r"^data/\S+: .*$", README.split("When something is wrong", 1)[1].split("```", 2)[1], flags=re.M)
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    edit(data / "energy.yaml", "value: 2956.39", "value: 2.956,39")
    with pytest.raises(DataError) as caught:
        load_site(data)
    (problem,) = caught.value.problems
    assert without_position(example) == without_position(str(problem))
    line = (data / "energy.yaml").read_text(encoding="utf-8").splitlines()[problem.line - 1]
    assert line.index("2.956,39") + 1 == problem.column


def five_steps() -> list[tuple[str, str]]:
    """The (language, text) of each code block of the five steps, in order."""
    section = README.split("### Update a figure in five steps", 1)[1].split("\n#", 1)[0]
    blocks = re.findall(r"^ *```(\w+)\n(.*?)^ *```", section, flags=re.M | re.S)
    return [(lang, "\n".join(line[3:] if line.startswith("   ") else line for line in text.splitlines())) for lang, text in blocks]


def test_the_readme_says_which_python(tmp_path: Path):
    assert "Python 3.11 or newer" in README


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project as an editor's clone: committed, with the
    environment's .venv and pre-commit installed. Made once; each test
    works on a copy of it (:func:`project`)."""
    root = copy_project(tmp_path_factory.mktemp("clone") / "project")
    for name in ("scripts", ".pre-commit-config.yaml"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, root / name)
    (root / ".venv").symlink_to(ROOT / ".venv")
    (root / ".gitignore").write_text(".venv\n__pycache__/\n", encoding="utf-8")
    for command in (["git", "init", "-q", "-b", "main"], ["git", "add", "-A"], ["git", "commit", "-q", "-m", "The project"], [".venv/bin/pre-commit", "install"]):
        subprocess.run(command, cwd=root, check=True, capture_output=True, env=environment(root))
    return root


@pytest.fixture
def project(clone: Path, tmp_path: Path) -> Path:
    """An editor's clone of its own (its .git and installed hook copied too)."""
    return Path(shutil.copytree(clone, tmp_path / "project", symlinks=True))


def environment(root: Path) -> dict[str, str]:
    keep = {name: value for name, value in os.environ.items() if name not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    return {**keep, **GIT_IDENTITY, "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1", "PRE_COMMIT_HOME": str(root.parent / "pre-commit-home")}


def shell(command: str, root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["sh", "-c", command], cwd=root, capture_output=True, text=True, timeout=300, env=environment(root))


NEEDS_PRE_COMMIT = pytest.mark.skipif(not (ROOT / ".venv" / "bin" / "pre-commit").exists(), reason="needs the README's .venv with the dev requirements")


@NEEDS_PRE_COMMIT
def test_update_a_figure_in_five_steps(project: Path):
    steps = five_steps()
    assert [lang for lang, _text in steps] == ["sh", "yaml", "sh", "yaml", "sh", "sh"]
    check, source, find, value, changes, commit = (text for _lang, text in steps)

    # 1. The data is valid.
    first = shell(check, project)
    assert (first.returncode, first.stderr) == (0, "")
    assert first.stdout.startswith("data/ is valid: ")

    # 2. The new source, at the end of the sources.
    site_yaml = project / "data" / "site.yaml"
    site_yaml.write_text(append_to_list(site_yaml.read_text(encoding="utf-8"), "sources", source + "\n", blank_line=False), encoding="utf-8")
    source_id = re.search(r"- id: (\S+)", source)
    assert source_id is not None and source_id.group(1) in load_site(project / "data").sources

    # 3. The figure's file and line; the new value at the end of its values.
    found = shell(find, project)
    assert found.returncode == 0
    (match,) = re.findall(r"^data/([a-z-]+\.yaml):([0-9]+):  - id: ([a-z0-9-]+)$", found.stdout, flags=re.M)
    name, line, ident = match
    figure = load_site(project / "data").figures[ident]
    path = project / "data" / name
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[int(line) - 1] == f"  - id: {ident}\n"
    last_quote = next(i for i in range(int(line), len(lines)) if lines[i].strip() == f'quote: "{figure.values[-1].quote}"')
    lines.insert(last_quote + 1, value + "\n")
    path.write_text("".join(lines), encoding="utf-8")
    updated = load_site(project / "data").figures[ident]
    assert (len(updated.values), updated.values[-1].time.raw, updated.values[-1].source) == (len(figure.values) + 1, "2024", source_id.group(1))

    # 4. Valid, and what it changes.
    report = shell(changes, project)
    assert (report.returncode, report.stderr) == (0, "")
    assert f"Figure {ident}: {figure.label['en']}\n  2024:\n    vi: (none) → " in report.stdout
    assert f"  on the page of the section {figure.section}: /{figure.section}/ · /en/{figure.section}/" in report.stdout

    # 5. Committed, through the pre-commit check.
    committed = shell(commit, project)
    assert committed.returncode == 0, committed.stdout + committed.stderr
    assert "check the review's data" in committed.stdout + committed.stderr
    log = shell("git log --oneline", project)
    assert len(log.stdout.splitlines()) == 2


@NEEDS_PRE_COMMIT
def test_a_bad_value_stops_the_commit(project: Path):
    edit(project / "data" / "energy.yaml", "value: 2956.39", "value: 2.956,39")
    committed = shell(five_steps()[-1][1], project)
    assert committed.returncode == 1
    assert re.search(r"data/energy.yaml:[0-9]+:16: figures\[[0-9]+\]\.values\[0\]\.value: expected a number, received '2.956,39'", committed.stdout + committed.stderr)
    assert len(shell("git log --oneline", project).stdout.splitlines()) == 1
