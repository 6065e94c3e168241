"""Numbers in translations: every number of an English text is a number of
its Vietnamese twin, and the other way round.

Each text is read in its own language's format: ``2.956,39`` and
``41.000`` in Vietnamese, ``2,956.39`` and ``41,000`` in English. A
separator followed by other than three digits is a decimal mark in either
language (the English may quote the source's ``“7,5MV”``). Month names
in a date count as their number (``13 October 2023`` gives 13, 10, 2023,
like ``13/10/2023``; "it may" gives nothing), ranges as their two ends, percentages as their number.

A number written out in words (``six``, ``sáu``, ``five-year``) answers a
number in digits in the other text, but is not itself required there: "one"
and "một" are also articles, and "năm" is also "year", so words never
raise a problem of their own.

``{figure-id}`` references are left out: the site writes them in each
language from the same figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .formatting import format_number
from .messages import _
from .problems import Problem
from .yamlfile import Key, YamlDocument

_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_POWER_OF_UNIT = re.compile(r"\b((?:k|c|d)?m)[23](?![0-9])")
"""``m3``, ``km2``: an exponent written as a digit (the other text may write ``m³``)."""
_NUMBER = re.compile(r"(?<![0-9])[0-9]+(?:[.,][0-9]+)*")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

THOUSANDS = {"vi": ".", "en": ","}
"""The separator that groups thousands in each language; the other one is
the decimal mark."""

MONTHS = {
    name: number
    for number, name in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"),
        start=1,
    )
}
WORDS = {
    "en": {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "hundred": 100},
    "vi": {"hai": 2, "ba": 3, "bốn": 4, "tư": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10, "trăm": 100},
}
"""Numbers written out, which answer digits in the twin text. Without "one",
"một" (articles) and "năm" (also "year")."""


@dataclass(frozen=True)
class Number:
    value: Decimal
    written: str
    """As the text writes it: ``2.956,39``."""


def read_number(written: str, lang: str) -> Decimal:
    """``2.956,39`` (vi) or ``2,956.39`` (en) → ``2956.39``."""
    thousands = THOUSANDS[lang]
    decimal_mark = "," if thousands == "." else "."
    groups = re.split(r"[.,]", written)
    separators = re.findall(r"[.,]", written)
    if separators and all(sep == thousands for sep in separators) and all(len(group) == 3 for group in groups[1:]):
        return Decimal("".join(groups))
    if len(separators) >= 2 and all(sep == thousands for sep in separators[:-1]) and separators[-1] == decimal_mark:
        return Decimal("".join(groups[:-1]) + "." + groups[-1])
    if len(separators) == 1:
        return Decimal(groups[0] + "." + groups[1])
    return Decimal("".join(groups))


def numbers(text: str, lang: str) -> list[Number]:
    """The numbers ``text`` writes in digits or as month names, in order."""
    text = _POWER_OF_UNIT.sub(r"\1", _PLACEHOLDER.sub(" ", text))
    found = [(match.start(), Number(read_number(match.group(0), lang), match.group(0))) for match in _NUMBER.finditer(text)]
    if lang == "en":
        found += [(match.start(), Number(Decimal(MONTHS[match.group(0).casefold()]), match.group(0))) for match in _WORD.finditer(text) if _is_date_month(text, match)]
    return [number for _position, number in sorted(found, key=lambda pair: pair[0])]


_DAY_BEFORE = re.compile(r"(?<![0-9])[0-9]{1,2}\s+$")
_YEAR_AFTER = re.compile(r"^\s+[0-9]{4}(?![0-9])")


def _is_date_month(text: str, match: re.Match[str]) -> bool:
    """A month name in a date (``13 May 2023``, ``May 2023``), not the verb
    in "it may also mean"."""
    if match.group(0).casefold() not in MONTHS:
        return False
    return bool(_DAY_BEFORE.search(text[: match.start()]) or _YEAR_AFTER.match(text[match.end() :]))


def spelled(text: str, lang: str) -> set[Decimal]:
    """The numbers ``text`` writes out in words."""
    words = WORDS[lang]
    return {Decimal(words[word.casefold()]) for word in _WORD.findall(_PLACEHOLDER.sub(" ", text)) if word.casefold() in words}


@dataclass(frozen=True)
class Mismatch:
    only_vi: tuple[Number, ...]
    """Numbers of the Vietnamese that the English does not give."""
    only_en: tuple[Number, ...]

    def message(self) -> str:
        if self.only_vi and self.only_en:
            return _("expected {expected} as the Vietnamese text gives it, received {received}").format(expected=_listed(self.only_vi), received=_listed(self.only_en))
        if self.only_en:
            return _("expected only numbers of the Vietnamese text, received {received}, which the Vietnamese does not give").format(received=_listed(self.only_en))
        return _("expected every number of the Vietnamese text, received an English text without {missing}").format(missing=_listed(self.only_vi))

    def hint(self) -> str:
        """Where the English writes a number the Vietnamese way (``41.000``
        for ``41,000``), how to write it."""
        for en in self.only_en:
            for vi in self.only_vi:
                if en.written == vi.written:
                    return _("in English {written} reads as {read}: write {meant}").format(written=en.written, read=format_number(en.value.normalize(), "en"), meant=format_number(vi.value, "en"))
        return ""


def _listed(found: tuple[Number, ...]) -> str:
    written = list(dict.fromkeys(number.written for number in found))
    return written[0] if len(written) == 1 else _("{first} and {last}").format(first=", ".join(written[:-1]), last=written[-1])


def compare(vi: str, en: str) -> Mismatch | None:
    """How the numbers of a text and its translation differ; ``None`` when
    every number of each is a number of the other."""
    vi_numbers, en_numbers = numbers(vi, "vi"), numbers(en, "en")
    vi_values = {n.value for n in vi_numbers} | spelled(vi, "vi")
    en_values = {n.value for n in en_numbers} | spelled(en, "en")
    only_vi = tuple(n for n in vi_numbers if n.value not in en_values)
    only_en = tuple(n for n in en_numbers if n.value not in vi_values)
    if not only_vi and not only_en:
        return None
    return Mismatch(only_vi, only_en)


def twins(data: Any, key: Key = ()) -> Iterator[tuple[Key, str, str]]:
    """Every text of a data file that comes in both languages, with where
    its English stands: ``{vi: …, en: …}`` texts, and paragraphs
    ``{vi: [..], en: [..]}`` paired one by one."""
    if isinstance(data, dict):
        vi, en = data.get("vi"), data.get("en")
        if isinstance(vi, str) and isinstance(en, str):
            yield (*key, "en"), vi, en
            return
        if isinstance(vi, list) and isinstance(en, list):
            for index, (vi_text, en_text) in enumerate(zip(vi, en, strict=False)):  # lengths: _paragraph_counts
                if isinstance(vi_text, str) and isinstance(en_text, str):
                    yield (*key, "en", index), vi_text, en_text
            return
        for name, child in data.items():
            yield from twins(child, (*key, name))
    elif isinstance(data, list):
        for index, child in enumerate(data):
            yield from twins(child, (*key, index))


def translation_problems(document: YamlDocument) -> list[Problem]:
    """A problem at each English text whose numbers are not those of its
    Vietnamese twin, and at each paragraph list whose two languages differ
    in length (their paragraphs could not be paired)."""
    problems = [document.problem(key, mismatch.message(), mismatch.hint()) for key, vi, en in twins(document.data) if (mismatch := compare(vi, en)) is not None]
    problems += list(_paragraph_counts(document.data, (), document))
    return problems


def _paragraph_counts(data: Any, key: Key, document: YamlDocument) -> Iterator[Problem]:
    if isinstance(data, dict):
        vi, en = data.get("vi"), data.get("en")
        if isinstance(vi, list) and isinstance(en, list):
            if len(vi) != len(en):
                yield document.problem(
                    (*key, "en"),
                    _("expected as many English paragraphs as Vietnamese ones ({expected}), received {received}").format(expected=len(vi), received=len(en)),
                    _("translate each Vietnamese paragraph as one English paragraph"),
                )
            return
        for name, child in data.items():
            yield from _paragraph_counts(child, (*key, name), document)
    elif isinstance(data, list):
        for index, child in enumerate(data):
            yield from _paragraph_counts(child, (*key, index), document)
