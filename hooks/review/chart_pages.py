"""Every chart on a page of its own, ``charts/<chart-id>/`` in each language,
for other sites to embed in an ``<iframe>``; and the embed code that the
section page offers under each chart.

A chart page holds the chart (light and dark), its title, subtitle, source
line, long description, downloads and data table, and a link to the section
page it comes from. Its front matter asks for the ``embed.html`` template
(``hooks/overrides/``), which leaves out the site's header, navigation and
footer, and keeps the page out of the search index: the section page holds
the same text.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import cache

from pathlib import Path

import jinja2
from markupsafe import Markup

from .charts.production import PNG
from .charts.spec import chart_spec
from .charts.views import ChartView, Heights, chart_alt, chart_view
from .languages import prefix
from .memo import remembered
from .model import Chart, Section, Site

TEMPLATES = Path(__file__).parent / "templates"

PAGE_DIR = "charts"
"""Chart pages live next to the chart files: ``charts/<id>.md`` is the page,
``charts/<id>.svg`` the drawing (different URLs: ``charts/<id>/``)."""

TEMPLATE = "chart_page.md.j2"
EMBED_TEMPLATE = "embed.html"
"""The theme template (``hooks/overrides/embed.html``) of a chart page."""

IFRAME_HEIGHT = 920
"""The height the embed code proposes, in CSS pixels: at a column's width
(640 to 800 px) every chart page of the data measured 700 to 913 px tall
(headless chromium, both languages), the table folded. A taller page
scrolls inside its frame."""


def page_path(chart_id: str) -> str:
    """The docs-relative Markdown path of a chart's page."""
    return f"{PAGE_DIR}/{chart_id}.md"


def page_url(chart_id: str, lang: str) -> str:
    """The chart page's URL relative to the site root: ``charts/<id>/`` or
    ``en/charts/<id>/``."""
    return f"{prefix(lang)}{PAGE_DIR}/{chart_id}/"


def page_paths(site: Site) -> list[str]:
    """The Markdown paths of every chart page, in any language."""
    return [page_path(chart.id) for section in site.sections for chart in section.charts]


@cache
def _html() -> jinja2.Environment:
    """HTML templates: escaped for HTML only (no Markdown is involved)."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined, autoescape=True)


def iframe_code(url: str, title: str) -> Markup:
    """The ``<iframe>`` element that embeds the chart page at ``url``, with
    the chart's title as its accessible name. It is code for the reader to
    copy: a Markdown page shows it in a code block, where it stays as it is."""
    return Markup(_html().get_template("_iframe.html.j2").render(url=url, title=title, height=IFRAME_HEIGHT).strip())


@dataclass(frozen=True)
class Embed:
    """What a section page shows under a chart to embed it."""

    page: str
    """The chart page, as a Markdown link from a page at the docs root."""
    code: Markup
    """The ``<iframe>`` code. Its ``src`` is the page's URL from the site
    root; the page's script makes it absolute, as another site needs."""


def embed(site: Site, chart: Chart, lang: str) -> Embed:
    title = chart_spec(site, chart, lang).title
    return Embed(page=page_path(chart.id), code=iframe_code("/" + page_url(chart.id, lang), title))


def embeds(site: Site, section: Section, lang: str) -> dict[str, Embed]:
    """The embed code of each chart of ``section``, by chart id."""
    return {chart.id: embed(site, chart, lang) for chart in section.charts}


@dataclass(frozen=True)
class ChartPage:
    view: ChartView
    subtitle: str
    source: str
    section: Section
    section_page: str
    """The section's page, as a Markdown link from the chart page."""
    image: str
    image_dark: str
    svg: str
    png: str
    csv: str
    """The chart's files, relative to the chart page's Markdown file."""


def _local(uri: str) -> str:
    """A docs-relative path as seen from ``charts/<id>.md``, fragment kept."""
    path, hash_, fragment = uri.partition("#")
    return posixpath.relpath(path, PAGE_DIR) + hash_ + fragment


def chart_page(site: Site, chart: Chart, lang: str, section_page: str, heights: Heights | None = None) -> ChartPage:
    """The chart page of ``chart`` in ``lang``; ``section_page`` is the
    docs-relative Markdown path of the page that shows the chart;
    ``heights``: see :func:`.charts.views.chart_view`."""
    view = chart_view(site, chart, lang, heights)
    spec = chart_spec(site, chart, lang)
    section = site.section(chart.section)
    return ChartPage(
        view=view,
        subtitle=spec.subtitle,
        source=spec.source,
        section=section,
        section_page=posixpath.relpath(section_page, PAGE_DIR) + f"#chart-{chart.id}",
        image=_local(view.image),
        image_dark=_local(view.image_dark),
        svg=_local(view.svg),
        png=_local(view.png),
        csv=_local(view.csv),
    )


def chart_of_page(site: Site, src_uri: str) -> Chart | None:
    """The chart whose own page is ``src_uri`` (docs-relative), if any."""
    return remembered(site, "chart_of_page", None, (site.sections,), lambda: _charts_by_page(site)).get(src_uri)


def _charts_by_page(site: Site) -> dict[str, Chart]:
    """Each chart by the path of its own page (the first, were two charts to
    share an id). Made once per site: every page's head data asks, and a
    search through every chart for each page grows with the square of the
    data."""
    charts: dict[str, Chart] = {}
    for section in site.sections:
        for chart in section.charts:
            charts.setdefault(page_path(chart.id), chart)
    return charts


@dataclass(frozen=True)
class Sharing:
    """What a chart page shows when it is shared: the chart itself."""

    image: str
    """The chart's PNG, relative to the language's root."""
    image_alt: str
    description: str


def sharing(site: Site, src_uri: str, lang: str) -> Sharing | None:
    """The chart as the social image and description of its own page (for
    Open Graph); None for any other page."""
    chart = chart_of_page(site, src_uri)
    if chart is None:
        return None
    alt = chart_alt(site, chart, lang)
    return Sharing(image=PNG.uri(chart.id), image_alt=alt, description=alt)
