"""Words for readers who do not see the chart: a short alt text and a longer
description that states every value and the comparison the chart makes,
in the chart's language. Sentences come from the vocabulary's labels
(``chart_*``); numbers from :mod:`review.formatting`.
"""

from __future__ import annotations

from decimal import Decimal

from .. import formatting
from ..model import Site, Unit
from .spec import ChartSpec, Mark

RATIO_DECIMALS = 1


def say(site: Site, key: str, lang: str, **values: str) -> str:
    """The label ``key`` in ``lang`` with its ``{placeholders}`` filled."""
    text = site.vocabulary.labels[key][lang]
    for name, value in values.items():
        text = text.replace("{" + name + "}", value)
    return text


def alt_text(site: Site, spec: ChartSpec) -> str:
    """What the chart is and what it shows, in a sentence or two."""
    kind = say(site, "chart_kind_" + spec.kind.replace("-", "_"), spec.lang)
    message = values_sentence(site, spec) if spec.kind == "part-of-whole" else comparison(site, spec)
    return f"{kind}: {spec.title}. {message}"


def description(site: Site, spec: ChartSpec) -> str:
    """Every value (with its time), the comparison, and the source."""
    parts = [values_sentence(site, spec)]
    if spec.whole is not None:
        parts.append(say(site, "chart_whole", spec.lang, value=spec.whole.quantity))
    parts.append(comparison(site, spec))
    parts.append(say(site, "source_line", spec.lang, source=spec.citation) + ".")
    return " ".join(part for part in parts if part)


def item(spec: ChartSpec, mark: Mark, *, with_time: bool = False) -> str:
    """``Toàn trình: 1.096 DVCTT (80,5%)``."""
    text = f"{mark.name}: {mark.quantity}"
    extras = []
    if spec.kind == "part-of-whole" and not spec.percent and mark.share_label:
        extras.append(mark.share_label)
    if with_time:
        extras.append(mark.time)
    if mark.role == "remainder":
        extras.append(spec.note_computed)
    return f"{text} ({', '.join(extras)})" if extras else text


def values_sentence(site: Site, spec: ChartSpec) -> str:
    times = {mark.time for mark in spec.marks}
    if spec.kind == "series":
        items = "; ".join(item(spec, mark) for mark in spec.marks)
        return say(site, "chart_values_by_period", spec.lang, items=items)
    if len(times) == 1:
        items = "; ".join(item(spec, mark) for mark in spec.marks)
        return say(site, "chart_values", spec.lang, time=spec.marks[0].time, items=items)
    items = "; ".join(item(spec, mark, with_time=True) for mark in spec.marks)
    return say(site, "chart_values_by_period", spec.lang, items=items)


def comparison(site: Site, spec: ChartSpec) -> str:
    """The one comparison the chart is made for."""
    lang = spec.lang
    marks = spec.marks
    if spec.kind == "part-of-whole":
        largest = max(marks, key=lambda mark: mark.share or 0)
        return say(site, "chart_largest_part", lang, name=largest.name, share=largest.share_label or largest.label)
    ranked = sorted(marks, key=lambda mark: mark.value, reverse=True)
    high, low = ranked[0], ranked[-1]
    if spec.kind == "series":
        return say(site, "chart_highest_period", lang, name=high.name, value=high.quantity, other=low.name, other_value=low.quantity)
    units = {_unit(site, mark).id for mark in marks}
    planned = [mark for mark in marks if mark.role == "planned"]
    existing = [mark for mark in marks if mark.role == "actual"]
    if len(units) == 1 and len(planned) == 1 and existing and not spec.percent:
        unit = _unit(site, planned[0])
        total = sum((mark.value for mark in existing), Decimal(0))
        if total > 0:
            return say(
                site,
                "chart_planned",
                lang,
                name=planned[0].name,
                value=formatting.format_quantity(planned[0].value, unit, lang),
                ratio=_ratio(planned[0].value / total, lang),
                count=formatting.format_number(len(existing), lang),
                total=formatting.format_quantity(total, unit, lang),
            )
    if len(marks) < 2:
        return ""
    if high.value == low.value:
        return say(site, "chart_equal", lang, name=high.name, other=low.name, value=high.quantity)
    if spec.percent:
        points = formatting.format_number(high.value - low.value, lang)
        return say(site, "chart_points", lang, name=high.name, value=high.quantity, other=low.name, other_value=low.quantity, points=points)
    if len(units) == 1 and len(marks) == 2 and low.value > 0:
        return say(site, "chart_times", lang, name=high.name, value=high.quantity, other=low.name, other_value=low.quantity, ratio=_ratio(high.value / low.value, lang))
    return say(site, "chart_largest", lang, name=high.name, value=high.quantity, other=low.name, other_value=low.quantity)


def _unit(site: Site, mark: Mark) -> Unit:
    assert mark.figure is not None
    return site.figures[mark.figure].unit


def _ratio(ratio: Decimal, lang: str) -> str:
    return formatting.format_number(ratio.quantize(Decimal(1).scaleb(-RATIO_DECIMALS)), lang, decimals=RATIO_DECIMALS)
