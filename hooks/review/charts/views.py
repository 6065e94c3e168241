"""What the page template needs to show one chart in one language: the
image paths, the alt text and long description, the data table and the
download links. Made from the same :class:`~.spec.ChartSpec` as the drawing,
so the page and the image always agree.

The drawing's height comes from the chart production (``heights``, taken
from the chart cache with the drawings); without it, the chart is planned
here, which imports Matplotlib and measures its texts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..memo import remembered
from ..model import Chart, Section, Site
from .describe import alt_text, description
from . import style
from .production import DARK_SVG, LIGHT_SVG, PNG, csv_uri
from .spec import ChartSpec, chart_spec
from .tables import Table, data_table

LIGHT_ONLY = "#only-light"
DARK_ONLY = "#only-dark"
"""Material for MkDocs shows an image whose address ends in ``#only-light``
only in the light scheme, and one ending in ``#only-dark`` only in the dark
(slate) scheme, following the reader's palette toggle."""
POINTS = 72.0
"""Points per inch (as :data:`.render.POINTS`, which imports Matplotlib)."""
CSS_PIXELS_PER_POINT = 96 / 72
"""A CSS pixel is 1/96 inch and a point 1/72 inch."""

Heights = Mapping[str, float]
"""Chart id → the planned height of its drawing in points, in one language
(:attr:`.production.Production.heights`)."""


@dataclass(frozen=True)
class ChartView:
    id: str
    title: str
    alt: str
    description: str
    table: Table
    image: str
    """The light SVG, docs-relative, with Material's light-only fragment."""
    image_dark: str
    svg: str
    png: str
    csv: str
    download_name: str
    """The downloaded file's name without extension: ``<chart>.<lang>``."""
    width: int
    height: int
    """The drawing's size in CSS pixels, for the ``<img>`` attributes, so
    that the browser reserves the room before the image arrives."""


def chart_view(site: Site, chart: Chart, lang: str, heights: Heights | None = None) -> ChartView:
    """The chart's view in ``lang``, computed once per site, chart, language
    and ``heights`` (the section page and the chart page both show it)."""
    return remembered(site, "chart_view", (chart.id, lang), (chart, heights), lambda: _chart_view(site, chart, lang, heights))


def chart_alt(site: Site, chart: Chart, lang: str) -> str:
    """The chart's alt text in ``lang`` (:attr:`ChartView.alt`; a shared
    chart page's description too), computed once per site, chart and
    language, without planning the chart."""
    return remembered(site, "chart_alt", (chart.id, lang), (chart,), lambda: alt_text(site, chart_spec(site, chart, lang)))


def _chart_view(site: Site, chart: Chart, lang: str, heights: Heights | None) -> ChartView:
    spec = chart_spec(site, chart, lang)
    light_svg = LIGHT_SVG.uri(chart.id)
    return ChartView(
        id=chart.id,
        title=spec.title,
        alt=chart_alt(site, chart, lang),
        description=description(site, spec),
        table=data_table(site, spec),
        image=light_svg + LIGHT_ONLY,
        image_dark=DARK_SVG.uri(chart.id) + DARK_ONLY,
        svg=light_svg,
        png=PNG.uri(chart.id),
        csv=csv_uri(chart.id),
        download_name=f"{chart.id}.{lang}",
        width=round(style.WIDTH * POINTS * CSS_PIXELS_PER_POINT),
        height=round(planned_height(spec, heights) * CSS_PIXELS_PER_POINT),
    )


def planned_height(spec: ChartSpec, heights: Heights | None) -> float:
    """The drawing's height in points: from ``heights`` if it has the chart,
    else planned here."""
    if heights is not None and spec.id in heights:
        return heights[spec.id]
    from .render import plan  # Matplotlib: only without the production's heights

    return plan(spec).height


def chart_views(site: Site, section: Section, lang: str, heights: Heights | None = None) -> list[ChartView]:
    """The charts of ``section``'s page, in the order the data declares them."""
    return [chart_view(site, chart, lang, heights) for chart in section.charts]
