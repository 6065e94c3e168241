"""Hedges match: a quote that hedges its number ("hơn 40", "ước đạt 75,6")
needs the matching ``qualifier`` on the value, and a qualifier needs its
hedge in the quote.

The hedge words are the vocabulary's qualifiers (``hơn {value}`` gives
"hơn"), with the variants below. Words are compared without diacritics, so
the source's misspelt "khỏang" is "khoảng". A hedge that qualifies a number
stands right before it ("trên 120 đoàn"); an estimate or a plan may stand
anywhere earlier in the same clause ("dự kiến đến năm 2025 đạt 50%").

Where a hedge word is not a hedge ("trên 10 lĩnh vực" read as "in 10
fields"), the value says so with ``not_a_hedge``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .formatting import format_number
from .messages import _
from .problems import Problem
from .yamlfile import YamlDocument

VARIANTS: dict[str, str] = {"xấp xỉ": "about", "ước tính": "estimated", "chưa đến": "", "chưa tới": "", "dưới": "", "tối đa": ""}
"""Hedge words beyond the vocabulary's, with their qualifier; ``""``: a
hedge the site has no qualifier for yet."""

CLAUSE_WIDE = frozenset({"estimated", "planned"})
"""Qualifiers whose hedge may stand anywhere earlier in the clause."""

ADJACENT_WORDS = 2
"""How many words before the number a hedge such as "hơn" may take."""

_CLAUSE_END = re.compile(r"[.;:,()“”\"]")


def fold(text: str) -> str:
    """Lower case without diacritics: ``Khỏang`` → ``khoang``, ``đạt`` → ``dat``."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def hedge_words(qualifier_templates: dict[str, str]) -> dict[str, str]:
    """Every hedge word and its qualifier: the vocabulary's Vietnamese
    templates (``{"more_than": "hơn {value}"}``), then :data:`VARIANTS`."""
    words: dict[str, str] = {}
    for qualifier, template in qualifier_templates.items():
        word = template.replace("{value}", "").strip()
        if word:
            words[word] = qualifier
    for word, qualifier in VARIANTS.items():
        words.setdefault(word, qualifier)
    return words


@dataclass(frozen=True)
class Hedge:
    word: str
    """As the quote writes it: ``khỏang``."""
    qualifier: str
    """The qualifier it calls for; ``""`` if the site has none."""


def find_hedges(quote: str, written: str, words: dict[str, str]) -> list[Hedge] | None:
    """The hedges of the number ``written`` (``2.956,39``) in ``quote``;
    ``None`` when the quote does not give the number."""
    match = re.search(rf"(?<![0-9])(?<![0-9][.,]){re.escape(written)}(?![0-9])(?![.,][0-9])", quote)
    if match is None:
        return None
    clause = _CLAUSE_END.split(quote[: match.start()])[-1]
    tokens = clause.split()
    folded_tokens = [fold(token) for token in tokens]
    found: list[Hedge] = []
    for word, qualifier in words.items():
        wanted = fold(word).split()
        size = len(wanted)
        for start in range(len(folded_tokens) - size + 1):
            if folded_tokens[start : start + size] != wanted:
                continue
            after = len(tokens) - (start + size)
            if qualifier in CLAUSE_WIDE or after < ADJACENT_WORDS:
                found.append(Hedge(" ".join(tokens[start : start + size]), qualifier))
    return found


def hedge_problem(quote: str, value: Decimal | int, qualifier: str, words: dict[str, str], not_a_hedge: str | None = None) -> tuple[str, str, str] | None:
    """What is wrong between a value's qualifier and its quote, as
    (field, message, hint); ``None`` when they match."""
    written = format_number(value, "vi")
    hedges = find_hedges(quote, written, words)
    if hedges is None:
        return None  # the quote does not give the number: provenance reports it
    if not_a_hedge is not None:
        kept = [hedge for hedge in hedges if fold(hedge.word) != fold(not_a_hedge)]
        if len(kept) == len(hedges):
            return (
                "not_a_hedge",
                _("expected a hedge word that stands before {number} in the quote, received {received}").format(number=written, received=repr(not_a_hedge)),
                _("remove not_a_hedge"),
            )
        hedges = kept
    expected = {hedge.qualifier for hedge in hedges}
    if qualifier in expected:
        return None
    if hedges:
        hedge = hedges[0]
        if not hedge.qualifier:
            return (
                "quote",
                _("expected a qualifier for the quote's “{word}” before {number}, received none: the site has no qualifier for it").format(word=hedge.word, number=written),
                _("ask a developer to add one to the vocabulary"),
            )
        if qualifier == "exact":
            return (
                "quote",
                _("expected qualifier: {qualifier} for the quote's “{word}” before {number}, received none").format(qualifier=hedge.qualifier, word=hedge.word, number=written),
                _("add qualifier: {qualifier}, or, where “{word}” is not a hedge here, not_a_hedge: {word} with a note").format(qualifier=hedge.qualifier, word=hedge.word),
            )
        message = _("expected qualifier: {qualifier} for the quote's “{word}” before {number}, received {received}")
        return "qualifier", message.format(qualifier=hedge.qualifier, word=hedge.word, number=written, received=qualifier), ""
    if qualifier == "exact":
        return None
    word = next((word for word, meaning in words.items() if meaning == qualifier), qualifier)
    return (
        "qualifier",
        _("expected the quote to hedge {number} with “{word}”, received a quote without a hedge: {quote}").format(number=written, word=word, quote=repr(quote)),
        _("quote the source's hedge with the number, or remove the qualifier"),
    )


def hedge_problems(document: YamlDocument, words: dict[str, str]) -> Iterator[Problem]:
    """A problem for each value of a section file whose qualifier and quote
    do not match."""
    data: Any = document.data
    for f_index, figure in enumerate(data.get("figures", []) if isinstance(data, dict) else []):
        for v_index, value in enumerate(figure.get("values", [])):
            number = value.get("value")
            if isinstance(number, bool) or not isinstance(number, (int, Decimal)) or not isinstance(value.get("quote"), str):
                continue
            if "not_a_hedge" in value and not value.get("notes"):
                yield document.problem(
                    ("figures", f_index, "values", v_index, "not_a_hedge"),
                    _("expected a note that explains why “{word}” is not a hedge here, received none").format(word=value["not_a_hedge"]),
                    _("add notes: [<id of a note of this section>] to the value"),
                )
            found = hedge_problem(value["quote"], number, value.get("qualifier", "exact"), words, value.get("not_a_hedge"))
            if found is not None:
                field, message, hint = found
                yield document.problem(("figures", f_index, "values", v_index, field), message, hint)
