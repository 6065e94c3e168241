"""The numbers behind a chart, twice: as a table for the page, in the
page's language and number format, and as CSV for machines (UTF-8, ``.`` as
the decimal mark, the values exactly as the data writes them)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal

from ..model import Chart, Figure, Site, Value
from .spec import ChartSpec, figure_name

CSV_COLUMNS = ("chart", "figure", "label", "value", "unit", "qualifier", "period", "as_of", "source")
"""The CSV's header: stable names in English, whatever the language."""


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    align: tuple[str, ...]
    """Markdown alignment of each column: ``:--`` or ``--:``."""
    rows: tuple[tuple[str, ...], ...]


def data_table(site: Site, spec: ChartSpec) -> Table:
    """The values the chart draws, one row per bar or segment, the whole
    last; a computed value says so."""
    labels = site.vocabulary.labels
    lang = spec.lang
    shares = spec.kind == "part-of-whole" and not spec.percent
    headers = [labels["col_indicator"][lang], labels["col_value"][lang]]
    align = [":--", "--:"]
    if shares:
        headers.append(labels["col_share"][lang])
        align.append("--:")
    headers.append(labels["col_period"][lang])
    align.append(":--")
    rows = []
    series_name = _series_name(site, spec)
    for mark in spec.marks:
        name = f"{mark.name} ({spec.note_computed})" if mark.role == "remainder" else mark.name
        if series_name is not None:
            name = series_name  # the bar's name is its period, which has its own column
        row = [name, mark.quantity]
        if shares:
            row.append(mark.share_label or "")
        row.append(mark.time)
        rows.append(tuple(row))
    if spec.whole is not None:
        row = [spec.whole.name, spec.whole.quantity]
        if shares:
            row.append("100%")
        row.append(spec.whole.time)
        rows.append(tuple(row))
    return Table(tuple(headers), tuple(align), tuple(rows))


def _series_name(site: Site, spec: ChartSpec) -> str | None:
    """For a series, the indicator's name: one figure over periods."""
    if spec.kind != "series":
        return None
    chart = next(chart for section in site.sections for chart in section.charts if chart.id == spec.id)
    return figure_name(site, chart, site.figures[chart.figures[0]], spec.lang)


def csv_values(site: Site, chart: Chart) -> list[tuple[Figure, Value]]:
    """Every value of the data that the chart uses, in the chart's order."""
    figures = [site.figures[ident] for ident in chart.figures]
    if chart.kind == "series":
        pairs = [(figures[0], value) for value in figures[0].values]
    else:
        pairs = [(figure, figure.latest) for figure in figures]
    if chart.whole is not None:
        whole = site.figures[chart.whole]
        pairs.append((whole, whole.latest))
    return pairs


def chart_csv(site: Site, chart: Chart, lang: str) -> bytes:
    """The chart's data as CSV: one row per value, labels in ``lang``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for figure, value in csv_values(site, chart):
        writer.writerow(
            (
                chart.id,
                figure.id,
                figure_name(site, chart, figure, lang),
                machine_number(value.value),
                figure.unit.id,
                value.qualifier,
                value.period.raw if value.period else "",
                value.as_of.raw if value.as_of else "",
                value.source,
            )
        )
    return buffer.getvalue().encode("utf-8")


def machine_number(value: Decimal | int) -> str:
    """``81.498``, ``3800``: '.' for decimals, no grouping, no exponent, the
    decimals as written."""
    return format(value, "f") if isinstance(value, Decimal) else str(value)
