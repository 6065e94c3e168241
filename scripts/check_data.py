#!/usr/bin/env python3
"""Check the review's data without building the site.

Runs every check the build runs before it renders anything: each YAML file
against its JSON Schema, the files together (references, ids, units,
relations, quotes…), the field reference's schema descriptions and the
pairing of the hand-written pages in content/. Prints each problem on one
line to stderr and exits with 1; exits with 0 when all is well.

    .venv/bin/python scripts/check_data.py           # data/ and content/ of this repository
    .venv/bin/python scripts/check_data.py --time    # and say how long it took
    .venv/bin/python scripts/check_data.py --changes # and what the change does
                                                     # since the last commit

Messages are in Vietnamese when the computer's locale is Vietnamese, or
with --lang vi. It is fast enough to run on every save, and as a pre-commit hook (see
.pre-commit-config.yaml and the editors' guide).
"""

from __future__ import annotations

import time

START = time.perf_counter()

import argparse  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from review import changes  # noqa: E402
from review import argparse_words  # noqa: E402,F401 (argparse's words, in the catalog)
from review.messages import _, add_language_option, choose_language, current_language  # noqa: E402
from review.problems import DataError  # noqa: E402
from review.project import DATA_DIR, Project, load_project, load_site  # noqa: E402


def summary(project: Project) -> str:
    """A one-line summary of valid data."""
    site = project.site
    figures = sum(len(section.figures) for section in site.sections)
    values = sum(len(figure.values) for section in site.sections for figure in section.figures)
    relations = sum(len(section.relations) for section in site.sections)
    return _("{folder}/ is valid: {sections} sections, {figures} figures, {values} values, {relations} relations checked").format(
        folder=DATA_DIR, sections=len(site.sections), figures=figures, values=values, relations=relations
    )


def changes_report(root: Path, project: Project) -> str:
    """What the data of ``root`` changes, compared with the last commit."""
    with tempfile.TemporaryDirectory(prefix="review-last-commit-") as temp:
        old_dir = Path(temp) / DATA_DIR
        changes.committed_data(root, old_dir)
        files = changes.changed_files(old_dir, root / DATA_DIR)
        try:
            old = load_site(old_dir)
        except DataError as error:
            listed = _("Files changed: {files}").format(files=", ".join(f"{DATA_DIR}/{name}" for name in files))
            return "\n".join([_("The last commit's data has problems, so only the files are compared:"), listed, *(str(p) for p in error.problems)])
        return changes.report(changes.compare(old, project.site), files, old, project.site, current_language())


def main(argv: list[str] | None = None) -> int:
    choose_language(argv)
    parser = argparse.ArgumentParser(description=_("Check the review's data without building the site."))
    parser.add_argument("--root", type=Path, default=ROOT, help=_("the project folder, with data/ and content/ (default: this repository)"))
    parser.add_argument("--changes", action="store_true", help=_("then report what the change does, compared with the last commit: values old → new, pages, charts, relations and notes"))
    parser.add_argument("--time", action="store_true", help=_("print how long the check took, start to end of this script"))
    add_language_option(parser)
    args = parser.parse_args(argv)
    status = 0
    try:
        project = load_project(args.root)
        print(summary(project))
        if args.changes:
            print(changes_report(args.root, project))
    except DataError as error:
        print(error.summary(), file=sys.stderr)
        status = 1
    except changes.ChangesError as error:
        print(error, file=sys.stderr)
        status = 2
    if args.time:
        print(_("checked in {ms} ms (Python start-up not included)").format(ms=f"{(time.perf_counter() - START) * 1000:.0f}"), file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
