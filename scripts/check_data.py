#!/usr/bin/env python3
"""Check the review's data without building the site.

Runs every check the build runs before it renders anything: each YAML file
against its JSON Schema, the files together (references, ids, units,
relations, quotes…), the field reference's schema descriptions and the
pairing of the hand-written pages in content/. Prints each problem on one
line to stderr and exits with 1; exits with 0 when all is well.

    .venv/bin/python scripts/check_data.py           # data/ and content/ of this repository
    .venv/bin/python scripts/check_data.py --time    # and say how long it took

It is fast enough to run on every save, and as a pre-commit hook (see
.pre-commit-config.yaml and the editors' guide).
"""

from __future__ import annotations

import time

START = time.perf_counter()

import argparse  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from review.problems import DataError  # noqa: E402
from review.project import DATA_DIR, Project, load_project  # noqa: E402


def summary(project: Project) -> str:
    """A one-line summary of valid data."""
    site = project.site
    figures = sum(len(section.figures) for section in site.sections)
    values = sum(len(figure.values) for section in site.sections for figure in section.figures)
    relations = sum(len(section.relations) for section in site.sections)
    return f"{DATA_DIR}/ is valid: {len(site.sections)} sections, {figures} figures, {values} values, {relations} relations checked"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the review's data without building the site.")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder, with data/ and content/ (default: this repository)")
    parser.add_argument("--time", action="store_true", help="print how long the check took, start to end of this script")
    args = parser.parse_args(argv)
    status = 0
    try:
        print(summary(load_project(args.root)))
    except DataError as error:
        print(error.summary(), file=sys.stderr)
        status = 1
    if args.time:
        print(f"checked in {(time.perf_counter() - START) * 1000:.0f} ms (Python start-up not included)", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
