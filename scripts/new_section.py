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
more paragraphs. Options left out are asked for, in the order of --help,
when the script runs in a terminal; a wrong answer is asked again. Then add
figures with scripts/new_figure.py. Messages are in Vietnamese when the
computer's locale is Vietnamese, or with --lang vi.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from editor_prompts import Question, add_language_option, choose_language, given_or_asked, interactive, run  # noqa: E402 (puts hooks/ on sys.path)
from review import answers  # noqa: E402
from review.building import DEFAULT_ICON  # noqa: E402
from review.messages import _  # noqa: E402
from review.scaffold import NewSection, add_section  # noqa: E402


def data_folder(argv: list[str] | None) -> Path:
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--data", type=Path, default=ROOT / "data")
    return early.parse_known_args(argv)[0].data


def questions(data_dir: Path) -> dict[str, Question]:
    """The options that may be asked for, in the order of --help."""
    taken = {*answers.sections(data_dir), *answers.NOT_SECTIONS}
    return {
        "id": Question(
            "id", _("Section id, new: also its file name and address; lowercase letters, digits and hyphens, such as environment"), lambda a: answers.new_id(a, taken, "environment"), option="id"
        ),
        "title_vi": Question("title_vi", _("Title in Vietnamese"), answers.text),
        "title_en": Question("title_en", _("Title in English"), answers.text),
        "summary_vi": Question("summary_vi", _("One-sentence summary in Vietnamese"), answers.text),
        "summary_en": Question("summary_en", _("One-sentence summary in English"), answers.text),
        "body_vi": Question("body_vi", _("A paragraph in Vietnamese (repeat the option for more)"), answers.text),
        "body_en": Question("body_en", _("A paragraph in English (repeat the option for more)"), answers.text),
        "icon": Question("icon", _("A Material icon for the home page's card, such as material/leaf (default: {icon})").format(icon=DEFAULT_ICON), answers.icon, default=DEFAULT_ICON),
    }


def parser_for(data_dir: Path) -> tuple[argparse.ArgumentParser, dict[str, Question]]:
    asked = questions(data_dir)
    parser = argparse.ArgumentParser(description=_("Add a section to the review, from a template. Options left out are asked for in a terminal."))
    parser.add_argument("id", nargs="?", help=asked["id"].prompt)
    for name in ("title_vi", "title_en", "summary_vi", "summary_en"):
        parser.add_argument(asked[name].flag, help=asked[name].prompt)
    parser.add_argument("--body-vi", action="append", help=asked["body_vi"].prompt)
    parser.add_argument("--body-en", action="append", help=asked["body_en"].prompt)
    parser.add_argument("--icon", help=asked["icon"].prompt)
    add_language_option(parser)
    parser.add_argument("--data", type=Path, default=ROOT / "data", help=argparse.SUPPRESS)
    return parser, asked


def main(argv: list[str] | None = None) -> int:
    choose_language(argv)
    parser, asked = parser_for(data_folder(argv))
    args = parser.parse_args(argv)

    def add() -> str:
        values: dict[str, object] = {name: given_or_asked(args, asked[name]) for name in ("id", "title_vi", "title_en", "summary_vi", "summary_en")}
        for name in ("body_vi", "body_en"):
            given = getattr(args, name)
            values[name] = tuple(given) if given else (given_or_asked(args, asked[name]),)
        values["icon"] = given_or_asked(args, asked["icon"]) if args.icon is not None or interactive() else DEFAULT_ICON
        section = NewSection(**values)  # type: ignore[arg-type]
        path = add_section(args.data, section)
        return _("Added the section {id}: {file}, listed last in site.yaml. Add figures with scripts/new_figure.py {id}.").format(id=section.id, file=path.name)

    return run(add)


if __name__ == "__main__":
    sys.exit(main())
