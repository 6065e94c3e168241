"""Faithfulness checks of the data, run on every build after the files
have been checked together: numbers in translations
(:mod:`review.translated_numbers`), hedges against qualifiers
(:mod:`review.hedges`), the article's words against its source text
(:mod:`review.declared_edits`), and charts of open lists that would add
the list up.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .datafiles import DataFiles
from .declared_edits import edit_problems
from .hedges import hedge_problems, hedge_words
from .messages import _
from .model import Vocabulary
from .problems import Problem
from .translated_numbers import translation_problems
from .yamlfile import YamlDocument


def faithfulness_problems(files: DataFiles, vocabulary: Vocabulary, texts: Mapping[str, str]) -> list[Problem]:
    """Every faithfulness problem of the data files. ``texts``: the source
    texts the repository holds, by source id."""
    words = hedge_words({qualifier: text.vi for qualifier, text in vocabulary.qualifiers.items()})
    unit_of = {figure["id"]: figure["unit"] for document in files.sections.values() for figure in document.data.get("figures", [])}
    problems: list[Problem] = []
    for document in (files.site, files.vocabulary, *files.sections.values()):
        problems += translation_problems(document)
    for document in files.sections.values():
        problems += hedge_problems(document, words)
        problems += open_list_problems(document, vocabulary, unit_of)
        problems += edit_problems(document, texts, {note["id"] for note in document.data.get("notes", [])})
    return problems


def open_list_problems(document: YamlDocument, vocabulary: Vocabulary, unit_of: dict[str, str]) -> list[Problem]:
    """A part-of-whole chart of an open list needs its whole from the data:
    the sum of its parts would be a total the source never gave."""
    problems = []
    data: Any = document.data
    for index, chart in enumerate(data.get("charts", [])):
        if not chart.get("open_ended") or chart.get("kind") != "part-of-whole" or "whole" in chart:
            continue
        first = unit_of.get(chart["figures"][0], "")
        unit = vocabulary.units.get(first)
        if unit is not None and unit.kind == "percent":
            continue
        problems.append(
            document.problem(
                ("charts", index, "open_ended"),
                _("expected a whole for the parts of an open list, received none: their sum is not a total the source gives"),
                _("add whole: <the id of the figure that is the whole>, or use kind: bar"),
            )
        )
    return problems
