"""What a chart shows in one language: its marks (bars or segments), their
names and values, already written by :mod:`review.formatting`, and the words
around them. A :class:`ChartSpec` is plain, picklable data: the drawing
workers receive it, and the cache key is a hash of it.

This module does not import Matplotlib.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from .. import formatting
from ..memo import remembered
from ..model import CHART_PLACEHOLDER, Chart, ChartKind, Figure, Period, Qualifier, Site, Value

Role = Literal["actual", "planned", "remainder"]
"""How a mark is drawn: a value as it stands, a planned value, or what the
parts of a whole leave (computed, not a figure of the source)."""

SHARE_DECIMALS = 1
"""Decimals of a share computed from counts (266 of 1,362 → 19.5%)."""


@dataclass(frozen=True)
class Mark:
    """One bar, or one segment of a part-of-whole bar."""

    figure: str | None
    """The figure drawn; ``None`` for a remainder computed from the others."""
    name: str
    value: Decimal
    """The value as written in the data (or computed, for a remainder)."""
    label: str
    """The direct label: the value with its hedge, without its unit."""
    quantity: str
    """The value with its hedge and unit, for the table and the description."""
    time: str
    role: Role
    share: Decimal | None = None
    """part-of-whole: the share of the whole, in percent."""
    share_label: str | None = None
    qualifier: Qualifier = "exact"
    """The source's hedge on the value (``over`` for "trên 120")."""
    span: str = ""
    """How long the time the value covers is, for comparing like with like:
    ``5y`` for 2011–2015, ``1y`` for 2023, ``1m``, ``1d``; empty for a
    value at a date (a stock, ``as_of``)."""
    counts: str = ""
    """The unit's id: what a count counts (``delegation``, ``agreement``)."""
    unit_word: str = ""
    """The unit as the description writes it (``DVCTT``, ``organisations``)."""
    of: str | None = None
    """A percentage: the id of the figure it is a share of (from the
    section's ``ratio`` relations), if the data says."""
    indicator: str = ""
    """The figure's own label (``Diện tích các khu công nghiệp``)."""


@dataclass(frozen=True)
class ChartSpec:
    """Everything one chart shows in one language."""

    id: str
    lang: str
    kind: ChartKind
    title: str
    subtitle: str
    source: str
    """The source line: the source and the period."""
    citation: str
    """The source alone: each source's citation, ``;`` between them."""
    marks: tuple[Mark, ...]
    percent: bool
    """Values are percentages: the value axis runs from 0 to 100%."""
    whole: Mark | None = None
    """part-of-whole: the whole, when a figure gives it."""
    note_computed: str = ""
    """How the table and the description mark a computed value."""
    open_ended: bool = False
    """The source names only some of the things the chart shows (its list
    ends in "…"): the values are never added up."""

    @property
    def salt(self) -> str:
        """``svg.hashsalt`` for this chart: ids inside two SVGs on one page never collide."""
        return f"{self.id}.{self.lang}"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fill_placeholders(text: str, site: Site, lang: str) -> str:
    """``{figure-id}`` → that figure's latest value, as a number in ``lang``."""
    figures = site.figures
    return CHART_PLACEHOLDER.sub(lambda m: formatting.format_number(figures[m.group(1)].latest.value, lang), text)


def chart_title(site: Site, chart: Chart, lang: str) -> str:
    """The chart's title in ``lang``, its placeholders filled (the spec's,
    and its own page's heading)."""
    return nfc(fill_placeholders(chart.title[lang], site, lang))


def chart_spec(site: Site, chart: Chart, lang: str) -> ChartSpec:
    """The chart ``chart`` in ``lang``. The data has been validated, so the
    figures exist and fit the kind (see :mod:`review.chartchecks`).
    Computed once per site, chart and language."""
    return remembered(site, "chart_spec", (chart.id, lang), (chart,), lambda: _chart_spec(site, chart, lang))


def _chart_spec(site: Site, chart: Chart, lang: str) -> ChartSpec:
    figures = [site.figures[ident] for ident in chart.figures]
    vocabulary = site.vocabulary
    label = vocabulary.labels
    whole: Mark | None = None
    if chart.kind == "series":
        figure = figures[0]
        marks = [_mark(site, chart, figure, value, lang, name=_period_name(value, site, lang)) for value in figure.values]
        values = list(figure.values)
    elif chart.kind == "bar":
        marks = [_mark(site, chart, figure, figure.latest, lang) for figure in figures]
        values = [figure.latest for figure in figures]
    else:
        marks, whole, values = _parts(site, chart, figures, lang)
    percent = figures[0].unit.kind == "percent"
    sources = list(dict.fromkeys(site.sources[value.source].citation[lang] for value in values))
    times = list(dict.fromkeys(formatting.format_time(value, vocabulary, lang) for value in values))
    source = label["chart_source"][lang].replace("{source}", "; ".join(sources)).replace("{time}", ", ".join(times))
    subtitle = fill_placeholders(chart.subtitle[lang], site, lang) if chart.subtitle else ""
    return ChartSpec(
        id=chart.id,
        lang=lang,
        kind=chart.kind,
        title=chart_title(site, chart, lang),
        subtitle=nfc(subtitle),
        source=nfc(source),
        citation=nfc("; ".join(sources)),
        marks=tuple(marks),
        percent=percent,
        whole=whole,
        note_computed=nfc(label["chart_computed"][lang]),
        open_ended=chart.open_ended,
    )


def figure_name(site: Site, chart: Chart, figure: Figure, lang: str) -> str:
    """The figure's name on this chart: the chart's short label (with its
    ``{figure-id}`` filled in), or the figure's own label."""
    short = chart.labels.get(figure.id)
    return nfc(fill_placeholders(short[lang], site, lang) if short else figure.label[lang])


def _period_name(value: Value, site: Site, lang: str) -> str:
    if value.period is not None:
        return formatting.format_period(value.period, lang)
    return formatting.format_time(value, site.vocabulary, lang)


def span(value: Value) -> str:
    """How long the time a value covers is: ``5y``, ``1y``, ``1m``, ``1d``;
    ``""`` for a value at a date."""
    if value.period is None:
        return ""
    return _span(value.period)


def _span(period: Period) -> str:
    if period.precision in ("year", "years"):
        return f"{period.end.year - period.start.year + 1}y"
    return "1m" if period.precision == "month" else "1d"


def denominator(site: Site, figure: Figure) -> str | None:
    """The figure a percentage is a share of, from a ``ratio`` relation
    whose result it is; ``None`` when the data does not say."""
    for section in site.sections:
        for relation in section.relations:
            if relation.kind == "ratio" and relation.result_id == figure.id:
                return relation.operands[1].partition("@")[0]
    return None


def _role(value: Value) -> Role:
    return "planned" if value.qualifier == "planned" else "actual"


def _decimal(number: Decimal | int) -> Decimal:
    return number if isinstance(number, Decimal) else Decimal(number)


def _mark(site: Site, chart: Chart, figure: Figure, value: Value, lang: str, *, name: str | None = None, share: Decimal | None = None, share_label: str | None = None) -> Mark:
    vocabulary = site.vocabulary
    return Mark(
        figure=figure.id,
        name=nfc(name if name is not None else figure_name(site, chart, figure, lang)),
        value=_decimal(value.value),
        label=nfc(formatting.format_hedged_number(value, figure.unit, vocabulary, lang)),
        quantity=nfc(formatting.format_value(value, figure.unit, vocabulary, lang)),
        time=nfc(formatting.format_time(value, vocabulary, lang)),
        role=_role(value),
        share=share,
        share_label=nfc(share_label) if share_label is not None else None,
        qualifier=value.qualifier,
        span=span(value),
        counts=figure.unit.id,
        unit_word=nfc(formatting.unit_name(figure.unit, value.value, lang)),
        of=denominator(site, figure) if figure.unit.kind == "percent" else None,
        indicator=nfc(figure.label[lang]),
    )


def _parts(site: Site, chart: Chart, figures: list[Figure], lang: str) -> tuple[list[Mark], Mark | None, list[Value]]:
    """The segments of a part-of-whole chart, the whole, and the values used."""
    unit = figures[0].unit
    values = [figure.latest for figure in figures]
    numbers = [_decimal(value.value) for value in values]
    total = sum(numbers, Decimal(0))
    whole_mark: Mark | None = None
    if unit.kind == "percent":
        whole_value: Decimal = Decimal(100)
        shares = numbers
        share_labels = [formatting.format_percent_value(number, lang) for number in numbers]
    else:
        if chart.whole is not None:
            whole_figure = site.figures[chart.whole]
            whole_value = _decimal(whole_figure.latest.value)
            whole_mark = _mark(site, chart, whole_figure, whole_figure.latest, lang)
            values.append(whole_figure.latest)
        else:
            whole_value = total
        shares = [number * 100 / whole_value for number in numbers]
        share_labels = [formatting.format_percent_value(_round(share), lang, decimals=SHARE_DECIMALS) for share in shares]
    marks = [_mark(site, chart, figure, figure.latest, lang, share=share, share_label=share_label) for figure, share, share_label in zip(figures, shares, share_labels, strict=True)]
    left = whole_value - total
    if left > 0:
        remainder = chart.remainder or site.vocabulary.labels["chart_remainder"]
        if unit.kind == "percent":
            decimals = max(formatting.written_decimals(number) for number in numbers)
            text = formatting.format_percent_value(left, lang, decimals=decimals)
            share, share_label, quantity = left, text, text
        else:
            share = left * 100 / whole_value
            share_label = formatting.format_percent_value(_round(share), lang, decimals=SHARE_DECIMALS)
            text = formatting.format_number(left, lang)
            quantity = formatting.format_quantity(left, unit, lang)
        marks.append(
            Mark(
                figure=None,
                name=nfc(remainder[lang]),
                value=left,
                label=nfc(text),
                quantity=nfc(quantity),
                time=marks[0].time,
                role="remainder",
                share=share,
                share_label=nfc(share_label),
                qualifier="exact" if all(mark.qualifier == "exact" for mark in marks) else "about",
                span=marks[0].span,
                counts=marks[0].counts,
                unit_word=marks[0].unit_word,
                of=marks[0].of,
                indicator=nfc(remainder[lang]),
            )
        )
    return marks, whole_mark, values


def _round(share: Decimal) -> Decimal:
    return share.quantize(Decimal(1).scaleb(-SHARE_DECIMALS))
