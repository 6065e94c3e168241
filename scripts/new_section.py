#!/usr/bin/env python3
"""Add a section to the review, from a template.

    .venv/bin/python scripts/new_section.py environment \\
        --title-vi "Môi trường" --title-en "Environment" \\
        --summary-vi "…" --summary-en "…" \\
        --body-vi "…first paragraph…" --body-en "…first paragraph…" \\
        --icon material/leaf

Writes data/<id>.yaml (never over an existing file) and lists the section
last in data/site.yaml, as text: site.yaml keeps its comments and layout.
The whole of data/ is checked with the new section in place before anything
is written; on a problem, nothing changes. Repeat --body-vi/--body-en for
more paragraphs. Options left out are asked for when the script runs in a
terminal. Then add figures with scripts/new_figure.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from editor_prompts import given_or_asked, run  # noqa: E402 (puts hooks/ on sys.path)
from review.building import DEFAULT_ICON  # noqa: E402
from review.scaffold import NewSection, add_section  # noqa: E402

REQUIRED = {
    "title_vi": "Title in Vietnamese",
    "title_en": "Title in English",
    "summary_vi": "One-sentence summary in Vietnamese",
    "summary_en": "One-sentence summary in English",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Add a section to the review, from a template.")
    parser.add_argument("id", help="the section's id, also its file name and address, such as environment")
    parser.add_argument("--title-vi")
    parser.add_argument("--title-en")
    parser.add_argument("--summary-vi")
    parser.add_argument("--summary-en")
    parser.add_argument("--body-vi", action="append", help="a paragraph in Vietnamese (repeat for more)")
    parser.add_argument("--body-en", action="append", help="a paragraph in English (repeat for more)")
    parser.add_argument("--icon", default=DEFAULT_ICON, help="a Material icon, such as material/leaf")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    def add() -> str:
        values: dict[str, object] = {name: given_or_asked(args, name, prompt) for name, prompt in REQUIRED.items()}
        for lang, language in (("vi", "Vietnamese"), ("en", "English")):
            body = getattr(args, f"body_{lang}") or [given_or_asked(args, f"body_{lang}", f"First paragraph in {language}")]
            values[f"body_{lang}"] = tuple(body)
        section = NewSection(id=args.id, icon=args.icon, **values)  # type: ignore[arg-type]
        path = add_section(args.data, section)
        return f"Added the section {section.id}: {path.name}, listed last in site.yaml. Add figures with scripts/new_figure.py {section.id}."

    return run(add)


if __name__ == "__main__":
    sys.exit(main())
