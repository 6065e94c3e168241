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
Options left out are asked for, one by one and in the order of --help, when
the script runs in a terminal; a wrong answer is asked again.
Messages are in Vietnamese when the computer's locale is Vietnamese, or
with --lang vi.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from editor_prompts import Question, add_language_option, ask, choose_language, given_or_asked, interactive, run  # noqa: E402 (puts hooks/ on sys.path)
from review import answers  # noqa: E402
from review.messages import _  # noqa: E402
from review.scaffold import NewFigure, ScaffoldError, add_figure  # noqa: E402

FIELDS_BY_PROBLEM = {
    "id": "id",
    "unit": "unit",
    "vi": "label_vi",
    "en": "label_en",
    "label": "label_vi",
    "value": "value",
    "period": "period",
    "as_of": "as_of",
    "qualifier": "qualifier",
    "source": "source",
    "quote": "quote",
}
"""Which answer to ask again, by the last part of a problem's field path."""


def data_folder(argv: list[str] | None) -> Path:
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--data", type=Path, default=ROOT / "data")
    return early.parse_known_args(argv)[0].data


def units_help(units: list[answers.Unit]) -> str:
    if not units:
        return _("The units are listed in data/vocabulary.yaml (units).")
    width = max(len(unit.id) for unit in units)
    lines = [_("Units (--unit), with their names in Vietnamese and in English:")]
    lines += [f"  {unit.id:<{width}}  {unit.vi} / {unit.en}" for unit in units]
    return "\n".join(lines)


def questions(data_dir: Path) -> dict[str, Question]:
    """The options that may be asked for, in the order of --help."""
    units = [unit.id for unit in answers.units(data_dir)]
    sections = answers.sections(data_dir)
    taken = answers.figure_ids(data_dir)
    sources_known = answers.sources(data_dir)
    return {
        "section": Question(
            "section", _("Section id, the file data/<section>.yaml: {sections}").format(sections=", ".join(sections)), lambda a: answers.one_of(a, sections, _("section")), option="section"
        ),
        "id": Question("id", _("Figure id, new: lowercase letters, digits and hyphens, such as solar-capacity"), lambda a: answers.new_id(a, taken, "solar-capacity")),
        "unit": Question("unit", _("Unit id, from the list in --help, such as mw, percent, worker"), lambda a: answers.one_of(a, units, _("unit"))),
        "label_vi": Question("label_vi", _("Label in Vietnamese"), answers.text),
        "label_en": Question("label_en", _("Label in English"), answers.text),
        "value": Question("value", _("Value, the YAML way: . for decimals and no thousands separator (2956.39 for the source's 2.956,39)"), answers.number),
        "period": Question(
            "period",
            _("Period the value covers, for a flow: 2023 (a year), 2011-2015 (several years), 2018-02 (a month) or 2023-10-13 (a day)"),
            lambda a: answers.period(a, allow_range=True),
        ),
        "as_of": Question("as_of", _("Date the value holds at, for a stock: 2019 (a year), 2018-02 (a month) or 2023-10-13 (a day)"), lambda a: answers.period(a, allow_range=False)),
        "qualifier": Question(
            "qualifier",
            _("The source's hedge: exact, about, more_than, over, nearly, estimated or planned (default: exact)"),
            lambda a: answers.one_of(a, list(answers.QUALIFIERS), _("hedge")),
            default="exact",
        ),
        "source": Question(
            "source",
            _("The id of the value's source, declared under sources: in data/site.yaml: {sources} (default: the first, the article)").format(sources=", ".join(sources_known)),
            lambda a: answers.one_of(a, sources_known, _("source")),
            default="",
        ),
        "quote": Question("quote", _("The source's exact words that state the value"), answers.text),
    }


def parser_for(data_dir: Path) -> tuple[argparse.ArgumentParser, dict[str, Question]]:
    asked = questions(data_dir)
    parser = argparse.ArgumentParser(
        description=_("Add a figure to a section of the review, from a template. Options left out are asked for in a terminal."),
        epilog=units_help(answers.units(data_dir)),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("section", nargs="?", help=asked["section"].prompt)
    for name in ("id", "unit", "label_vi", "label_en", "value"):
        parser.add_argument(asked[name].flag, help=asked[name].prompt)
    time = parser.add_mutually_exclusive_group()
    time.add_argument("--period", help=asked["period"].prompt)
    time.add_argument("--as-of", help=asked["as_of"].prompt)
    parser.add_argument("--qualifier", choices=answers.QUALIFIERS, help=asked["qualifier"].prompt)
    parser.add_argument("--source", help=asked["source"].prompt)
    parser.add_argument("--quote", help=asked["quote"].prompt)
    add_language_option(parser)
    parser.add_argument("--data", type=Path, default=ROOT / "data", help=argparse.SUPPRESS)
    return parser, asked


def time_of(args: argparse.Namespace, asked: dict[str, Question]) -> tuple[str | None, str | None]:
    """The period or as-of date, given or asked: a period first, and when it
    is left empty, an as-of date."""
    if args.period is not None:
        return given_or_asked(args, asked["period"]), None
    if args.as_of is not None:
        return None, given_or_asked(args, asked["as_of"])
    if not interactive():
        raise ScaffoldError(
            _("missing {period} ({period_help}) or {as_of} ({as_of_help})").format(period="--period", period_help=asked["period"].prompt, as_of="--as-of", as_of_help=asked["as_of"].prompt)
        )
    optional = Question("period", asked["period"].prompt + _("; leave empty for a stock"), asked["period"].check, default="")
    period = given_or_asked(args, optional)
    return (period, None) if period else (None, given_or_asked(args, asked["as_of"]))


def main(argv: list[str] | None = None) -> int:
    choose_language(argv)
    parser, asked = parser_for(data_folder(argv))
    args = parser.parse_args(argv)

    def add() -> str:
        values = {name: given_or_asked(args, asked[name]) for name in ("section", "id", "unit", "label_vi", "label_en", "value")}
        period, as_of = time_of(args, asked)
        qualifier = args.qualifier
        if qualifier is None and interactive():
            qualifier = given_or_asked(args, asked["qualifier"])
        source = given_or_asked(args, asked["source"]) if args.source is not None or interactive() else ""
        values["quote"] = given_or_asked(args, asked["quote"])
        while True:
            figure = NewFigure(period=period, as_of=as_of, qualifier=None if qualifier == "exact" else qualifier, source=source or None, **values)
            try:
                path = add_figure(args.data, figure)
            except ScaffoldError as error:
                again = list(dict.fromkeys(FIELDS_BY_PROBLEM[part] for p in error.problems if (part := p.path.rsplit(".", 1)[-1]) in FIELDS_BY_PROBLEM))
                if not interactive() or not again:
                    raise
                print(error, file=sys.stderr)
                print(_("Please answer again:"), file=sys.stderr)
                for name in again:
                    if name in ("period", "as_of"):
                        period, as_of = time_of(argparse.Namespace(period=None, as_of=None), asked)
                    elif name == "qualifier":
                        qualifier = ask(asked["qualifier"])
                    elif name == "source":
                        source = ask(asked["source"])
                    else:
                        values[name] = ask(asked[name])
                continue
            shown = path.relative_to(args.data.parent) if args.data.parent in path.parents else path
            return _("Added the figure {id} to {file}.").format(id=figure.id, file=shown)

    return run(add)


if __name__ == "__main__":
    sys.exit(main())
