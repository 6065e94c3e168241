"""Nothing lost: bad data stops the build before MkDocs touches the output
folder, with one clean message and no traceback, and a failure later on
(in either language) leaves it too, so the previous site/ stays exactly as
it was. scripts/check_data.py refuses what the build refuses, word for word.
On the small fixture project (tests/fixtures/project/)."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from conftest import ROOT, Build, build_site, edit, with_line_numbers
from script_runs import call

# The line of the bad value, by its text (see with_line_numbers in conftest.py).
BAD_VALUE = "data/energy.yaml:{      - value: 2.956,39}:16: figures[#electricity-consumption].values[0].value: expected a number, received '2.956,39' (write 2956.39: YAML numbers use '.' for decimals and no thousands separator)"


def tree(folder: Path) -> dict[str, tuple[str, int] | None]:
    """Every file's content hash and modification time; folders as None."""
    out: dict[str, tuple[str, int] | None] = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        out[name] = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns) if path.is_file() else None
    return out


def previous_site(built: Build, tmp_path: Path) -> Path:
    """A copy of the small project's clean, strict build (shared by the run,
    so built once): the site a failed build must leave as it was."""
    assert built.warnings == []
    site = tmp_path / "site"
    shutil.copytree(built.site_dir, site)
    assert "index.html" in tree(site) and "en/index.html" in tree(site)
    return site


def break_data(project: Path) -> str:
    edit(project / "data" / "energy.yaml", "value: 2956.39", "value: 2.956,39")
    return "The data has 1 problem:\n" + with_line_numbers(project / "data", "energy.yaml", BAD_VALUE)


def break_content(project: Path) -> str:
    (project / "content" / "notes.vi.md").write_text("# Ghi chép\n", encoding="utf-8")
    return "The data has 1 problem:\ncontent/notes.vi.md: expected the page in every language, missing notes.en.md"


def break_schema(project: Path) -> str:
    path = project / "data" / "schema" / "site.schema.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"x-description-vi": "Trang chủ.",', ""), encoding="utf-8")
    return "The data has 1 problem:\ndata/schema/site.schema.json: properties.home: expected x-description-vi beside description, received only description (describe the field in both languages)"


def break_anchor(project: Path) -> str:
    """A section retitled as one of its figures: the figure's anchor and the
    heading's id would be the same on the English page."""
    edit(project / "data" / "energy.yaml", '  en: "Energy infrastructure"', '  en: "Solar capacity"')
    expected = "data/energy.yaml:{  - id: solar-capacity}:9: figures[#solar-capacity].id: expected an id no heading of its page uses, received 'solar-capacity' (the heading \"Solar capacity\" on /en/energy/)"
    return "The data has 1 problem:\n" + with_line_numbers(project / "data", "energy.yaml", expected)


def break_page_name(project: Path) -> str:
    for lang in ("vi", "en"):
        (project / "content" / f"energy.{lang}.md").write_text("# x\n", encoding="utf-8")
    return (
        "The data has 2 problems:\n"
        "content/energy.en.md: expected a page of its own, received one that would replace the generated page energy.md (rename it)\n"
        "content/energy.vi.md: expected a page of its own, received one that would replace the generated page energy.md (rename it)"
    )


def break_slugify(project: Path) -> str:
    """mkdocs.yml asks toc for heading ids other than those the id check
    predicts (review.slugs)."""
    edit(project / "mkdocs.yml", "      permalink: true\n", "      permalink: true\n      slugify: !!python/name:markdown.extensions.toc.slugify\n")
    return "mkdocs.yml: markdown_extensions: toc: slugify: expected none (the hooks set review.slugs.slugify, which the id check predicts), received markdown.extensions.toc.slugify"


@pytest.mark.parametrize("breakage", [break_data, break_content, break_schema, break_page_name, break_anchor, break_slugify], ids=["data", "content", "schema", "page-name", "anchor", "heading-ids"])
def test_a_failed_build_leaves_the_previous_site_as_it_was(small_project: Path, small_built: Build, tmp_path: Path, caplog: pytest.LogCaptureFixture, breakage):
    site = previous_site(small_built, tmp_path)
    before = tree(site)
    message = breakage(small_project)
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort, match="Aborted with a BuildError!"):
        build_site(small_project, site)
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == [message]
    assert tree(site) == before


def test_mkdocs_build_refuses_bad_data_in_one_clean_message(small_project: Path):
    message = break_data(small_project)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"],
        cwd=small_project,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"},
    )
    assert result.returncode == 1
    assert result.stderr == f"ERROR   -  {message}\n"
    assert result.stdout == "\nAborted with a BuildError!\n"
    assert not (small_project / "site").exists()


@pytest.mark.parametrize("breakage", [break_data, break_content, break_schema, break_page_name, break_anchor], ids=["data", "content", "schema", "page-name", "anchor"])
def test_check_data_refuses_what_the_build_refuses(small_project: Path, breakage):
    """scripts/check_data.py (and so the pre-commit hook) and mkdocs build
    call the same load_project: the same problems, word for word. The script
    runs in this process (its command line is proved in a new one in
    tests/test_scripts.py)."""
    message = breakage(small_project)
    result = call("check_data.py", "--root", str(small_project), cwd=ROOT)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", message + "\n")


def test_a_failed_english_build_leaves_the_previous_site_as_it_was(small_project: Path, small_built: Build, tmp_path: Path):
    """The languages are built aside and moved into place together: a broken
    link in an English page (a warning, refused under strict) fails the
    build after the Vietnamese site was written, and site/ is still the
    previous one, byte for byte, with nothing left beside it."""
    site = previous_site(small_built, tmp_path)
    before = tree(site)
    with (small_project / "content" / "guide.en.md").open("a", encoding="utf-8") as page:
        page.write("\n[A page that does not exist](nowhere.md)\n")
    with pytest.raises(Abort, match="Aborted with 1 warnings in strict mode!"):
        build_site(small_project, site)
    assert tree(site) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["project", "site"]
