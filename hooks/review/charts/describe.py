"""Words for readers who do not see the chart: a short alt text and a longer
description, in the chart's language. Sentences come from the vocabulary's
labels (``chart_*``); numbers from :mod:`review.formatting`.

Both include the chart's caveats (its subtitle) and write abbreviations out
(:mod:`review.abbreviations`). The comparison they make is one the data
supports (:mod:`.comparability`); where none is safe, they state the values
and say why they do not compare them. A number the site computes (a ratio,
a difference, a share of a whole) says that it is computed.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .. import formatting
from ..abbreviations import write_out
from ..model import Site
from .comparability import comparable, exact, reasons_not_to_compare
from .spec import ChartSpec, Mark

RATIO_DECIMALS = 1
HALF = Decimal(50)


def fill(site: Site, key: str, lang: str, values: dict[str, str]) -> str:
    """The label ``key`` in ``lang`` with its ``{placeholders}`` filled."""
    text = site.vocabulary.labels[key][lang]
    for name, value in values.items():
        text = text.replace("{" + name + "}", value)
    return text


def say(site: Site, key: str, lang: str, **values: str) -> str:
    """A sentence: the label filled, starting with a capital (a name at the
    start is written mid-sentence, in lower case)."""
    text = fill(site, key, lang, values)
    return text[:1].upper() + text[1:]


def alt_text(site: Site, spec: ChartSpec) -> str:
    """What the chart is, its caveats, and what it shows, in a few sentences:
    the comparison it is made for, or its values where none is safe."""
    kind = say(site, "chart_kind_" + spec.kind.replace("-", "_"), spec.lang)
    message = comparison(site, spec)
    if spec.kind == "part-of-whole" or not message or reasons(spec):
        message = values_sentence(site, spec)
    parts = [f"{kind}: {spec.title}.", spec.subtitle, message]
    return _finish(site, spec, parts)


def description(site: Site, spec: ChartSpec) -> str:
    """The caveats, every value (with its time), the comparison or why there
    is none, and the source."""
    parts = [spec.subtitle, values_sentence(site, spec)]
    if spec.whole is not None:
        parts.append(say(site, "chart_whole", spec.lang, value=spec.whole.quantity))
    parts.append(comparison(site, spec))
    parts.append(say(site, "source_line", spec.lang, source=spec.citation) + ".")
    return _finish(site, spec, parts)


def _finish(site: Site, spec: ChartSpec, parts: list[str]) -> str:
    text = " ".join(part.strip() for part in parts if part.strip())
    return write_out(text, site.vocabulary.abbreviations, spec.lang)


def reasons(spec: ChartSpec) -> list[str]:
    """Why this chart's values cannot be compared (empty: they can)."""
    return list(reasons_not_to_compare(spec.marks, percent=spec.percent, open_ended=spec.open_ended, shares_of_one_whole=spec.kind == "part-of-whole"))


def mid_sentence(name: str) -> str:
    """A label as it reads inside a sentence: ``Chưa lấp đầy`` →
    ``chưa lấp đầy``, ``Solar power`` → ``solar power``; a name whose first
    two words are capitalised (``Cần Thơ power plant``, ``Ô Môn 1``,
    ``Block B``) or whose first word is an abbreviation (``LGSP``) stays."""
    words = name.split()
    if not words or not words[0][:1].isupper():
        return name
    first = words[0]
    if len(first) > 1 and not first[1:].islower() and any(c.isalpha() for c in first[1:]):
        return name  # LGSP, IPv6
    if len(words) > 1 and _capitalised(words[1]):
        return name  # a proper name
    return first[:1].lower() + name[1:]


def _capitalised(word: str) -> bool:
    """``Thơ``, ``Môn``, ``B``: a capital followed by lower case (an
    abbreviation such as ``NGO`` says nothing about the words around it)."""
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and letters[0].isupper() and (len(letters) == 1 or all(c.islower() for c in letters[1:]))


def item(site: Site, spec: ChartSpec, mark: Mark, *, with_time: bool = False) -> str:
    """``toàn trình: 1.096 DVCTT (80,5%, tính từ số liệu của nguồn)``; a
    count whose name says what it counts keeps no unit:
    ``dự án phi chính phủ: khoảng 50``."""
    quantity = mark.label if _names_its_unit(site, mark) else mark.quantity
    text = f"{mid_sentence(mark.name)}: {quantity}"
    extras = []
    if spec.kind == "part-of-whole" and not spec.percent and mark.share_label:
        extras.append(f"{mark.share_label}, {spec.note_computed}")
    elif mark.role == "remainder":
        extras.append(spec.note_computed)
    if with_time:
        extras.insert(0, mark.time)
    return f"{text} ({'; '.join(extras)})" if extras else text


def _names_its_unit(site: Site, mark: Mark) -> bool:
    unit = site.vocabulary.units.get(mark.counts)
    if unit is None or unit.kind != "count" or not mark.unit_word:
        return False
    head = mark.unit_word.split(",")[0].strip()
    return re.search(rf"(?<!\w){re.escape(head)}(?!\w)", mark.name, re.IGNORECASE) is not None


def values_sentence(site: Site, spec: ChartSpec) -> str:
    times = {mark.time for mark in spec.marks}
    if spec.kind == "series":
        items = "; ".join(f"{mark.name}: {mark.quantity}" for mark in spec.marks)
        return say(site, "chart_values_by_period", spec.lang, items=items)
    if len(times) == 1:
        items = "; ".join(item(site, spec, mark) for mark in spec.marks)
        return say(site, "chart_values", spec.lang, time=spec.marks[0].time, items=items)
    items = "; ".join(item(site, spec, mark, with_time=True) for mark in spec.marks)
    return say(site, "chart_values_by_period", spec.lang, items=items)


def comparison(site: Site, spec: ChartSpec) -> str:
    """The one comparison the chart is made for, where the data supports
    it; otherwise why the values are not compared."""
    lang = spec.lang
    why = reasons(spec)
    if why:
        clauses = "; ".join(fill(site, f"chart_reason_{reason}", lang, {}) for reason in why)
        return say(site, "chart_not_compared", lang, reasons=clauses)
    marks = comparable(spec.marks)
    if len(marks) < 2:
        return ""
    if spec.kind == "part-of-whole":
        return _part_sentence(site, spec, marks)
    ranked = sorted(marks, key=lambda mark: mark.value, reverse=True)
    high, low = ranked[0], ranked[-1]
    names = {
        "name": mid_sentence(high.name),
        "value": high.quantity,
        "indicator": high.indicator,
        "other": mid_sentence(low.name),
        "other_value": low.quantity,
        "other_indicator": mid_sentence(low.indicator),
    }
    if high.value == low.value and exact(marks):
        return say(site, "chart_equal", lang, **names)
    if spec.kind == "series":
        return say(site, "chart_highest_period", lang, **names)
    if len(marks) == 2 and exact(marks):
        if spec.percent:
            return say(site, "chart_points", lang, points=formatting.format_number(high.value - low.value, lang), **names)
        if low.value > 0:
            return say(site, "chart_times", lang, ratio=_ratio(high.value / low.value, lang), **names)
    return say(site, "chart_largest", lang, **names)


def _part_sentence(site: Site, spec: ChartSpec, marks: list[Mark]) -> str:
    """``Phần chưa lấp đầy chiếm 59,1% (…), hơn một nửa.``"""
    ranked = sorted(marks, key=lambda mark: mark.share or Decimal(0), reverse=True)
    largest = ranked[0]
    if largest.share == ranked[1].share:
        return say(site, "chart_equal_parts", spec.lang, share=largest.share_label or largest.label)
    share = largest.share_label or largest.label
    if largest.role == "remainder" or not spec.percent:
        share = f"{share} ({spec.note_computed})"
    key = "chart_most_part" if (largest.share or Decimal(0)) > HALF else "chart_largest_part"
    return say(site, key, spec.lang, name=mid_sentence(largest.name), share=share)


def _ratio(ratio: Decimal, lang: str) -> str:
    return formatting.format_number(ratio.quantize(Decimal(1).scaleb(-RATIO_DECIMALS)), lang, decimals=RATIO_DECIMALS)
