#!/usr/bin/env python3
"""Add a figure to a section, from a template.

    .venv/bin/python scripts/new_figure.py industry \\
        --id industrial-cluster-enterprises --unit enterprise \\
        --label-vi "Doanh nghiệp trong các cụm công nghiệp" \\
        --label-en "Enterprises in the industrial clusters" \\
        --value 58 --as-of 2023-10 --quote "…the source's exact words…" \\
        [--source city-report-2024]

The figure is appended to the figures of data/<section>.yaml as text: the
file keeps its comments and layout. The whole of data/ is checked with the
figure in place before anything is written; on a problem, nothing changes.
Options left out are asked for, one by one, when the script runs in a
terminal.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from editor_prompts import ask, given_or_asked, run  # noqa: E402 (puts hooks/ on sys.path)
from review.scaffold import NewFigure, ScaffoldError, add_figure  # noqa: E402

REQUIRED = {
    "id": "Figure id (lowercase, digits and hyphens, such as solar-capacity)",
    "unit": "Unit id from data/vocabulary.yaml (such as mw, percent, worker)",
    "label_vi": "Label in Vietnamese",
    "label_en": "Label in English",
    "value": "Value, the YAML way (2956.39 for 2.956,39)",
    "quote": "The source's exact words that state the value",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Add a figure to a section of the review, from a template.")
    parser.add_argument("section", help="the section's id: the file data/<section>.yaml")
    parser.add_argument("--id")
    parser.add_argument("--unit")
    parser.add_argument("--label-vi")
    parser.add_argument("--label-en")
    parser.add_argument("--value")
    time = parser.add_mutually_exclusive_group()
    time.add_argument("--period", help="the time a flow covers: 2023, 2011-2015, 2018-02 or 2023-10-13")
    time.add_argument("--as-of", help="the date a stock refers to: 2019, 2018-02 or 2023-10-13")
    parser.add_argument("--qualifier", choices=["exact", "about", "more_than", "over", "nearly", "estimated", "planned"], help="the source's hedge (default: exact)")
    parser.add_argument("--quote")
    parser.add_argument("--source", help="the id of the value's source, declared under sources: in data/site.yaml (default: the first, the article)")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    def add() -> str:
        values = {name: given_or_asked(args, name, prompt) for name, prompt in REQUIRED.items()}
        period, as_of = args.period, args.as_of
        if period is None and as_of is None:
            if not sys.stdin.isatty():
                raise ScaffoldError("missing --period (for a flow, such as 2023) or --as-of (for a stock, such as 2023-10)")
            answer = ask("Period of a flow (2023, 2011-2015), or as-of date of a stock prefixed with @ (@2023-10)")
            period, as_of = (None, answer[1:]) if answer.startswith("@") else (answer, None)
        figure = NewFigure(section=args.section, period=period, as_of=as_of, qualifier=args.qualifier, source=args.source, **values)
        path = add_figure(args.data, figure)
        return f"Added the figure {figure.id} to {path.relative_to(args.data.parent) if args.data.parent in path.parents else path}."

    return run(add)


if __name__ == "__main__":
    sys.exit(main())
