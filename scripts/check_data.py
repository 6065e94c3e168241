#!/usr/bin/env python3
"""Check the review's data without building the site.

Runs every check the build runs before it renders anything: each YAML file
against its JSON Schema, the files together (references, ids, units,
relations, quotes…), the field reference's schema descriptions and the
pairing of the hand-written pages in content/. Prints each problem on one
line to stderr and exits with 1; exits with 0 when all is well.

    .venv/bin/python scripts/check_data.py           # data/ of this repository
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

from review.languages import pair_handwritten  # noqa: E402
from review.problems import DataError, Problem  # noqa: E402
from review.reference import load_reference  # noqa: E402
from review.validation import load_site  # noqa: E402


def check(data_dir: Path, content_dir: Path | None, display_root: str) -> tuple[str, list[Problem]]:
    """A one-line summary of valid data, and the problems."""
    try:
        site = load_site(data_dir, display_root)
        load_reference(data_dir / "schema", display_root)
    except DataError as error:
        return "", error.problems
    problems: list[Problem] = []
    if content_dir is not None and content_dir.is_dir():
        names = [p.relative_to(content_dir).as_posix() for p in content_dir.rglob("*.md")]
        problems = pair_handwritten(content_dir, names)[1]
    figures = sum(len(section.figures) for section in site.sections)
    values = sum(len(figure.values) for section in site.sections for figure in section.figures)
    relations = sum(len(section.relations) for section in site.sections)
    return f"{display_root}/ is valid: {len(site.sections)} sections, {figures} figures, {values} values, {relations} relations checked", problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the review's data without building the site.")
    parser.add_argument("--data", type=Path, default=None, help="the data folder (default: data/ of this repository)")
    parser.add_argument("--time", action="store_true", help="print how long the check took, start to end of this script")
    args = parser.parse_args(argv)
    data_dir = args.data if args.data is not None else ROOT / "data"
    display_root = "data" if args.data is None else str(args.data).rstrip("/")
    content_dir = ROOT / "content" if args.data is None else None
    summary, problems = check(data_dir, content_dir, display_root)
    if problems:
        print(DataError(problems).summary(), file=sys.stderr)
    else:
        print(summary)
    if args.time:
        print(f"checked in {(time.perf_counter() - START) * 1000:.0f} ms (Python start-up not included)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
