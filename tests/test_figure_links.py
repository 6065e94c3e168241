"""A link to every figure: its anchor on its section page is its id, in both
languages, whatever the order of the figures; the link control is a real
link with an accessible name in the page's language; search finds a figure
by its label in its own language; the home page's tiles and the charts'
CSV use the same ids."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from html import unescape

import markdown
import pytest

from conftest import Build, real_site
from review.formatting import format_value
from review.model import LANGUAGES, Site
from review.pages import render_section

SITE = real_site()
FIGURES = [pytest.param(figure, lang, id=f"{figure.id}-{lang}") for section in SITE.sections for figure in section.figures for lang in LANGUAGES]


def _page_path(lang: str, page: str) -> str:
    return ("" if lang == "vi" else f"{lang}/") + page


def _anchor(html: str, figure_id: str) -> re.Match[str] | None:
    return re.search(rf'<a class="figure-link" id="{re.escape(figure_id)}" href="#{re.escape(figure_id)}" title="([^"]*)" aria-label="([^"]*)" data-copied="([^"]*)">', html)


@pytest.mark.parametrize(("figure", "lang"), FIGURES)
def test_every_figure_has_its_anchor_on_its_section_page(built: Build, figure, lang):
    html = built.page(lang, f"{figure.section}/")
    assert len(re.findall(rf'\bid="{re.escape(figure.id)}"', html)) == 1
    found = _anchor(html, figure.id)
    assert found is not None
    labels = SITE.vocabulary.labels
    assert unescape(found.group(1)) == labels["figure_link"][lang]
    assert unescape(found.group(2)) == f"{labels['figure_link'][lang]}: {figure.label[lang]}"
    assert unescape(found.group(3)) == labels["link_copied"][lang]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_repeats_an_id(built: Build, lang: str):
    root = built.site_dir / ("" if lang == "vi" else lang)
    for index in root.rglob("index.html"):
        if lang == "vi" and index.relative_to(root).parts[0] in LANGUAGES:
            continue
        ids = re.findall(r'\sid="([^"]+)"', index.read_text(encoding="utf-8"))
        repeated = {ident for ident in ids if ids.count(ident) > 1}
        assert not repeated, f"{index.relative_to(built.site_dir)}: {sorted(repeated)}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_anchor_survives_reordering(site: Site, lang: str):
    section = next(s for s in site.sections if len(s.figures) > 2)
    reordered = dataclasses.replace(section, figures=tuple(reversed(section.figures)))
    for version in (section, reordered):
        html = markdown.markdown(render_section(site, version, lang), extensions=["tables", "attr_list", "md_in_html", "admonition", "pymdownx.details", "pymdownx.superfences"])
        rows = re.findall(r"<tr>(.*?)</tr>", html, flags=re.DOTALL)
        for figure in section.figures:
            row = next(r for r in rows if f'id="{figure.id}"' in r)
            # The anchor stands in the row of the figure's own label and value.
            label = re.sub(r"<[^>]+>|:material-link-variant:", "", row.split("</td>")[0])
            assert unescape(label).strip() == figure.label[lang]
            assert format_value(figure.values[0], figure.unit, site.vocabulary, lang) in unescape(row)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_finds_a_figure_by_its_label_in_its_language(built: Build, lang: str):
    index = json.loads((built.site_dir / _page_path(lang, "search/search_index.json")).read_text(encoding="utf-8"))
    other = next(o for o in LANGUAGES if o != lang)
    for section in SITE.sections:
        texts = " ".join(re.sub(r"<[^>]+>", " ", unescape(doc["text"])) for doc in index["docs"] if doc["location"].startswith(f"{section.id}/"))
        texts = re.sub(r"\s+", " ", texts)
        for figure in section.figures:
            assert figure.label[lang] in texts, figure.id
            if figure.label[other] != figure.label[lang]:
                assert figure.label[other] not in texts, figure.id


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_tiles_link_to_the_figures_anchors(built: Build, lang: str):
    html = built.page(lang, "")
    links = re.findall(r'<a href="([^"]+)"><span class="figure-tile__value">', html)
    expected = [f"{SITE.figures[ident].section}/#{ident}" for ident in SITE.headline_figures]
    assert links == expected
    for ident in SITE.headline_figures:
        assert _anchor(built.page(lang, f"{SITE.figures[ident].section}/"), ident)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_chart_csv_names_figures_by_the_same_ids(built: Build, lang: str):
    anchors = {figure.id for figure in SITE.figures.values()}
    for section in SITE.sections:
        for chart in section.charts:
            text = (built.site_dir / _page_path(lang, f"charts/{chart.id}.csv")).read_text(encoding="utf-8")
            rows = list(csv.DictReader(io.StringIO(text)))
            assert [row["figure"] for row in rows if row["figure"] in chart.figures]
            assert {row["figure"] for row in rows} <= anchors
