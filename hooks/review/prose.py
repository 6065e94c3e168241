"""Figures in the site's own sentences: ``{figure-id}`` and ``{figure-id@period}``.

The text the site writes itself (section summaries, the home and About
pages, notes, list intros and details, milestones) never types a figure's
number: it names the figure, and the number is written from the data in
each language, with its hedge and unit (``ước đạt 2.956,39 triệu kWh``,
``an estimated 2,956.39 million kWh``). ``{figure-id}`` is the latest value;
``{figure-id@2023}`` the value of one period, for a sentence that says when.

Pure: the model in, text out; problems for the checks.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from . import formatting
from .model import LANGUAGES, Figure, Value, Vocabulary
from .problems import Problem
from .yamlfile import Key, YamlDocument

PLACEHOLDER = re.compile(r"\{(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)(?:@(?P<period>[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?|-[0-9]{4})?))?\}")
"""``{electricity-consumption}`` or ``{electricity-consumption@2023}``."""


@dataclass(frozen=True)
class Reference:
    figure: str
    period: str | None

    def __str__(self) -> str:
        return "{" + self.figure + (f"@{self.period}" if self.period else "") + "}"


def references(text: str) -> list[Reference]:
    """The figures a text names, in order."""
    return [Reference(m.group("id"), m.group("period")) for m in PLACEHOLDER.finditer(text)]


def value_of(figure: Figure, period: str | None) -> Value | None:
    """The latest value, or the value whose period or date is ``period``."""
    if period is None:
        return figure.latest
    for value in figure.values:
        if value.time.raw == period:
            return value
    return None


def fill(text: str, figures: dict[str, Figure], vocabulary: Vocabulary, lang: str) -> str:
    """``text`` with each figure it names written in ``lang``. The checks
    have made sure that every name resolves."""

    def write(match: re.Match[str]) -> str:
        figure = figures[match.group("id")]
        value = value_of(figure, match.group("period"))
        assert value is not None  # checked by reference_problems
        return formatting.format_value(value, figure.unit, vocabulary, lang)

    return PLACEHOLDER.sub(write, text)


def reference_problems(document: YamlDocument, key: Key, text: dict[str, str], periods: dict[str, list[str]]) -> list[Problem]:
    """Problems of the figures a bilingual text names: an unknown figure, a
    period the figure has no value for, and a figure named in one language
    but not the other (both languages must state the same numbers).

    ``periods``: every figure's id → the periods (or dates) of its values."""
    problems: list[Problem] = []
    for lang in LANGUAGES:
        for reference in references(text.get(lang, "")):
            if reference.figure not in periods:
                close = _close(reference.figure, list(periods))
                problems.append(
                    document.problem(
                        (*key, lang),
                        f"expected the id of a known figure in {reference}, received {reference.figure!r}",
                        f"did you mean {{{close}}}?" if close else "write {figure-id}, the id of a figure of any section",
                    )
                )
            elif reference.period is not None and reference.period not in periods[reference.figure]:
                known = ", ".join(dict.fromkeys(periods[reference.figure]))
                problems.append(document.problem((*key, lang), f"expected a period of {reference.figure} in {reference}, received {reference.period!r}", f"the periods are {known}"))
    if all(lang in text for lang in LANGUAGES):
        counts = {lang: Counter(str(r) for r in references(text[lang])) for lang in LANGUAGES}
        first, second = LANGUAGES
        for name in sorted((counts[first] - counts[second]) + (counts[second] - counts[first])):
            has, lacks = (first, second) if counts[first][name] > counts[second][name] else (second, first)
            problems.append(document.problem((*key, lacks), f"expected {name} here as in {has}, received a text without it", "both languages name the same figures"))
    return problems


def _close(name: str, known: list[str]) -> str | None:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return close[0] if close else None


def prose_problems(site: YamlDocument, sections: dict[str, YamlDocument]) -> list[Problem]:
    """Every ``{figure-id}`` of the site's own text resolves, in both
    languages alike; and the article's paragraphs (``body``) name none,
    since they are the article's words."""
    periods: dict[str, list[str]] = {}
    for document in sections.values():
        for figure in document.data.get("figures", []):
            periods.setdefault(figure["id"], [str(v.get("period", v.get("as_of"))) for v in figure["values"]])
    problems: list[Problem] = []
    for document in sections.values():
        for key, text in _section_texts(document.data):
            problems.extend(reference_problems(document, key, text, periods))
        for lang in LANGUAGES:
            for index, paragraph in enumerate(document.data.get("body", {}).get(lang, [])):
                match = PLACEHOLDER.search(paragraph)
                if match:
                    problems.append(
                        document.problem(
                            ("body", lang, index),
                            f"expected the article's own words, received {match.group(0)}",
                            "body quotes the article: write the number as it does; {figure-id} belongs in summary, notes, lists and milestones",
                        )
                    )
    data = site.data
    for key, paragraphs in ((("home", "intro"), data["home"]["intro"]), (("about", "body"), data["about"]["body"])):
        joined = {lang: " ".join(paragraphs.get(lang, [])) for lang in LANGUAGES}
        problems.extend(reference_problems(site, key, joined, periods))
    return problems


def _section_texts(data: dict[str, Any]) -> list[tuple[Key, dict[str, str]]]:
    texts: list[tuple[Key, dict[str, str]]] = [(("summary",), data["summary"])] if "summary" in data else []
    texts += [(("notes", i, "text"), note["text"]) for i, note in enumerate(data.get("notes", []))]
    for l_index, item_list in enumerate(data.get("lists", [])):
        if "intro" in item_list:
            texts.append((("lists", l_index, "intro"), item_list["intro"]))
        for i_index, item in enumerate(item_list["items"]):
            for field in ("name", "detail"):
                if field in item:
                    texts.append((("lists", l_index, "items", i_index, field), item[field]))
    texts += [(("milestones", i, "text"), milestone["text"]) for i, milestone in enumerate(data.get("milestones", []))]
    return texts
