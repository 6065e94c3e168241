"""One answer to an editors' script, checked on its own.

The scripts (``scripts/new_figure.py``, ``scripts/new_section.py``) check
each answer as soon as it is given, so that a wrong one can be asked again
at once; the whole of ``data/`` is checked afterwards, with the addition in
place (:mod:`review.scaffold`). Each check returns the answer as it is to
be used, or raises :class:`WrongAnswer` with a sentence in the editor's
language.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .icons import icon_problem
from .messages import _
from .problems import DataError
from .periods import parse_period
from .yamlfile import read_yaml

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_NUMBER = re.compile(r"^-?[0-9]+(?:\.[0-9]+)?$")
QUALIFIERS = ("exact", "about", "more_than", "over", "nearly", "estimated", "planned")
NOT_SECTIONS = ("site", "vocabulary")
"""Files of data/ that are not sections."""


class WrongAnswer(ValueError):
    """The answer cannot be used; ``str()`` says why, in the editor's language."""


def did_you_mean(word: str, known: list[str]) -> str:
    """`` (did you mean 'x'?)``, or ``''`` when nothing is close."""
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    return " (" + _("did you mean {name}?").format(name=repr(close[0])) + ")" if close else ""


def text(answer: str) -> str:
    answer = answer.strip()
    if not answer:
        raise WrongAnswer(_("expected some text, received nothing"))
    return answer


def new_id(answer: str, taken: set[str], example: str) -> str:
    """An id of lowercase letters, digits and single hyphens, not yet used."""
    answer = answer.strip()
    if not _ID.match(answer):
        raise WrongAnswer(_("expected an id of lowercase letters, digits and single hyphens, such as {example}, received {answer}").format(example=example, answer=repr(answer)))
    if answer in taken:
        raise WrongAnswer(_("the id {answer} is already used: choose another").format(answer=repr(answer)))
    return answer


def one_of(answer: str, known: list[str], what: str) -> str:
    """One of ``known``; ``what`` names the kind of thing (already translated)."""
    answer = answer.strip()
    if answer not in known:
        raise WrongAnswer(_("unknown {what} {answer}").format(what=what, answer=repr(answer)) + did_you_mean(answer, known))
    return answer


def number(answer: str) -> str:
    """A number the YAML way: ``2956.39``, ``41000``."""
    answer = answer.strip()
    if _NUMBER.match(answer):
        return answer
    if re.fullmatch(r"-?[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?|-?[0-9]+,[0-9]+", answer):
        fixed = answer.replace(".", "").replace(",", ".")
        raise WrongAnswer(_("expected a number the YAML way, received {answer}: write {fixed} (. for decimals, no thousands separator)").format(answer=repr(answer), fixed=fixed))
    raise WrongAnswer(_("expected a number such as 2956.39 or 41000, received {answer}").format(answer=repr(answer)))


def period(answer: str, *, allow_range: bool) -> str:
    """A year, a month, a day, or (``allow_range``) a range of years."""
    answer = answer.strip()
    if parse_period(answer, allow_range=allow_range) is None:
        if allow_range:
            raise WrongAnswer(_("expected a period such as 2023 (a year), 2011-2015 (several years), 2018-02 (a month) or 2023-10-13 (a day), received {answer}").format(answer=repr(answer)))
        raise WrongAnswer(_("expected a date such as 2019 (a year), 2018-02 (a month) or 2023-10-13 (a day), received {answer}").format(answer=repr(answer)))
    return answer


def icon(answer: str) -> str:
    answer = answer.strip()
    problem = icon_problem(answer)
    if problem is not None:
        message, hint = problem
        raise WrongAnswer(f"{message} ({hint})")
    return answer


@dataclass(frozen=True)
class Unit:
    id: str
    vi: str
    en: str


def _name(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("other", value.get("one", "")))
    return str(value)


def units(data_dir: Path) -> list[Unit]:
    """The units of ``data/vocabulary.yaml``, with their names in both
    languages; empty when the file cannot be read (the check says why)."""
    try:
        document = read_yaml(data_dir / "vocabulary.yaml", "data/vocabulary.yaml")
    except DataError:
        return []
    found = document.data.get("units") if isinstance(document.data, dict) else None
    if not isinstance(found, dict):
        return []
    return [Unit(ident, _name(entry.get("vi", "")), _name(entry.get("en", ""))) for ident, entry in found.items() if isinstance(entry, dict)]


def sections(data_dir: Path) -> list[str]:
    """The ids of the sections that have a file in ``data_dir``."""
    return sorted(path.stem for path in data_dir.glob("*.yaml") if path.stem not in NOT_SECTIONS and not path.name.startswith("."))


def figure_ids(data_dir: Path) -> set[str]:
    """The ids of every figure in ``data_dir`` (those the files let us read)."""
    found: set[str] = set()
    for ident in sections(data_dir):
        try:
            document = read_yaml(data_dir / f"{ident}.yaml", f"data/{ident}.yaml")
        except DataError:
            continue
        figures = document.data.get("figures") if isinstance(document.data, dict) else None
        for figure in figures if isinstance(figures, list) else []:
            if isinstance(figure, dict) and isinstance(figure.get("id"), str):
                found.add(figure["id"])
    return found


def sources(data_dir: Path) -> list[str]:
    """The ids of the sources declared in ``data/site.yaml``, in order."""
    try:
        document = read_yaml(data_dir / "site.yaml", "data/site.yaml")
    except DataError:
        return []
    found = document.data.get("sources") if isinstance(document.data, dict) else None
    return [item["id"] for item in found if isinstance(item, dict) and isinstance(item.get("id"), str)] if isinstance(found, list) else []
