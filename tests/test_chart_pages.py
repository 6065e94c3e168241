"""Charts on the built site: every declared chart on its page in both
languages, with its images, alt text, long description, data table, source
and downloads; and the numbers in all of these equal the YAML's."""

from __future__ import annotations

import csv
import functools
import html
import io
import re
from decimal import Decimal

import pytest
import yaml

from review.abbreviations import write_out
from review.charts.describe import alt_text, comparison, description, reasons
from review.charts.spec import chart_spec
from review.formatting import format_hedged_number, format_number, format_quantity, format_time, format_value
from review.model import LANGUAGES
from conftest import DATA, Build, real_site
from test_site import visible_text

SITE = real_site()
CHARTS = [(section.id, chart) for section in SITE.sections for chart in section.charts]
CASES = [pytest.param(section_id, chart, lang, id=f"{chart.id}-{lang}") for section_id, chart in CHARTS for lang in LANGUAGES]


@functools.cache
def raw_values() -> dict[str, list[dict]]:
    """Every figure's values straight from the YAML files (plain PyYAML),
    read once per process, by the first test that needs them."""
    values = {}
    for path in DATA.glob("*.yaml"):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for figure in document.get("figures", []) if isinstance(document, dict) else []:
            values[figure["id"]] = figure["values"]
    return values


def chart_values(chart):
    """(figure, value) pairs a chart shows, by the model."""
    figures = [SITE.figures[ident] for ident in chart.figures]
    if chart.kind == "series":
        return [(figures[0], value) for value in figures[0].values]
    return [(figure, figure.latest) for figure in figures]


def test_every_section_page_with_charts_is_covered():
    assert {chart.id for _, chart in CHARTS} >= {
        "power-capacity-by-source",
        "electricity-saved-by-period",
        "industrial-land-area",
        "industrial-park-fill-rate",
        "online-services-by-level",
        "online-dossier-rate",
        "data-sharing-platforms",
        "international-cooperation-counts",
    }


@pytest.mark.parametrize(("section_id", "chart", "lang"), CASES)
def test_chart_appears_on_its_page(built: Build, section_id, chart, lang):
    page = built.page(lang, f"{section_id}/")
    spec = chart_spec(SITE, chart, lang)
    assert f'<figure class="review-chart" id="chart-{chart.id}">' in page
    for src in (f"../charts/{chart.id}.svg#only-light", f"../charts/{chart.id}.dark.svg#only-dark"):
        alts = re.findall(rf'<img alt="([^"]*)" height="\d+" loading="lazy" src="{re.escape(src)}" width="\d+" />', page)
        assert [html.unescape(alt) for alt in alts] == [alt_text(SITE, spec)], src
    for name in ("csv", "svg", "png"):
        assert f'<a download="{chart.id}.{lang}.{name}" href="../charts/{chart.id}.{name}">' in page
    text = visible_text(page)
    assert description(SITE, spec) in text
    assert SITE.sources["article"].citation[lang] in text  # the source line, as text too


@pytest.mark.parametrize(("section_id", "chart", "lang"), CASES)
def test_chart_files_exist_in_the_page_language(built: Build, section_id, chart, lang):
    folder = built.site_dir / ("" if lang == "vi" else f"{lang}/") / "charts"
    for suffix in (".svg", ".dark.svg", ".png", ".csv"):
        assert (folder / f"{chart.id}{suffix}").stat().st_size > 0
    svg = (folder / f"{chart.id}.svg").read_text(encoding="utf-8")
    shown = " ".join(re.findall(r">([^<]+)</text>", svg))
    other = "en" if lang == "vi" else "vi"
    assert chart.title[lang].split()[0] in shown
    assert SITE.vocabulary.labels["chart_source"][lang].split(":")[0] + ":" in shown
    assert SITE.vocabulary.labels["chart_source"][other].split(":")[0] + ":" not in shown


@pytest.mark.parametrize(("section_id", "chart", "lang"), CASES)
def test_images_carry_the_drawing_size(built: Build, section_id, chart, lang):
    """width and height on <img> are the SVG's own size in CSS pixels, so
    the page does not shift while the image loads."""
    page = built.page(lang, f"{section_id}/")
    folder = built.site_dir / ("" if lang == "vi" else f"{lang}/") / "charts"
    for name in (f"{chart.id}.svg", f"{chart.id}.dark.svg"):
        svg = (folder / name).read_text(encoding="utf-8")
        points = re.search(r'<svg[^>]* width="([\d.]+)pt" height="([\d.]+)pt"', svg)
        assert points, name
        expected = [str(round(float(value) * 96 / 72)) for value in points.groups()]
        img = re.search(rf'<img [^>]*src="\.\./charts/{re.escape(name)}#only-(?:light|dark)"[^>]*>', page)
        assert img, name
        assert re.findall(r' (?:height|width)="(\d+)"', img[0]) == expected[::-1], name


@pytest.mark.parametrize(("section_id", "chart", "lang"), CASES)
def test_description_and_table_state_every_value(built: Build, section_id, chart, lang):
    spec = chart_spec(SITE, chart, lang)
    said = description(SITE, spec)
    page = visible_text(built.page(lang, f"{section_id}/"))
    table = page.split(SITE.vocabulary.labels["chart_table"][lang] + ": " + spec.title, 1)[1][:2000]
    for figure, value in chart_values(chart):
        shown = format_value(value, figure.unit, SITE.vocabulary, lang)
        # A count whose name says what it counts is written without its unit.
        hedged = ": " + format_hedged_number(value, figure.unit, SITE.vocabulary, lang)
        assert shown in said or hedged in said, f"{figure.id}: {shown!r} not in the description"
        assert shown in table, f"{figure.id}: {shown!r} not in the table"
        assert format_time(value, SITE.vocabulary, lang) in table


@pytest.mark.parametrize(("section_id", "chart", "lang"), CASES)
def test_alt_text_names_the_chart_and_its_largest_value(section_id, chart, lang):
    spec = chart_spec(SITE, chart, lang)
    alt = alt_text(SITE, spec)
    assert write_out(spec.title, SITE.vocabulary.abbreviations, lang) in alt
    figure, value = max(chart_values(chart), key=lambda pair: pair[1].value)
    number = format_hedged_number(value, figure.unit, SITE.vocabulary, lang)
    assert format_quantity(value.value, figure.unit, lang) in alt or number in alt


@pytest.mark.parametrize(("section_id", "chart", "lang"), CASES)
def test_csv_values_equal_the_yaml(built: Build, section_id, chart, lang):
    folder = built.site_dir / ("" if lang == "vi" else f"{lang}/") / "charts"
    raw = (folder / f"{chart.id}.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # UTF-8, no BOM
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
    expected = []
    for ident in chart.figures:
        values = raw_values()[ident] if chart.kind == "series" else raw_values()[ident][-1:]
        expected += [(ident, value) for value in values]
    if chart.whole:
        expected.append((chart.whole, raw_values()[chart.whole][-1]))
    assert [row["figure"] for row in rows] == [ident for ident, _ in expected]
    for row, (ident, value) in zip(rows, expected, strict=True):
        assert Decimal(row["value"]) == Decimal(str(value["value"])), ident
        assert "," not in row["value"]
        assert row["period"] == str(value.get("period", ""))
        assert row["as_of"] == str(value.get("as_of", ""))
        assert row["qualifier"] == value.get("qualifier", "exact")
        assert row["chart"] == chart.id


@pytest.mark.parametrize(("section_id", "chart", "lang"), CASES)
def test_description_compares_only_what_the_data_supports(section_id, chart, lang):
    """The real charts: where a rule of comparability forbids a comparison,
    the description says why instead (the rules themselves are tested on
    constructed charts in test_chart_describe.py)."""
    spec = chart_spec(SITE, chart, lang)
    said = description(SITE, spec)
    why = reasons(spec)
    compared = comparison(SITE, spec)
    not_compared = SITE.vocabulary.labels["chart_not_compared"][lang].split("{reasons}")[0]
    assert compared.startswith(not_compared) == bool(why)
    assert write_out(compared, SITE.vocabulary.abbreviations, lang) in said or compared in said


@pytest.mark.parametrize(("section_id", "chart", "lang"), CASES)
def test_alt_text_and_description_carry_the_caveats_and_write_abbreviations_out(section_id, chart, lang):
    spec = chart_spec(SITE, chart, lang)
    abbreviations = SITE.vocabulary.abbreviations
    for text in (alt_text(SITE, spec), description(SITE, spec)):
        short = text
        for abbreviation, expansion in abbreviations.items():
            if re.search(rf"(?<!\w){re.escape(abbreviation)}(?!\w)", text):
                assert f"{expansion[lang]} ({abbreviation})".casefold() in text.casefold(), abbreviation
            short = short.replace(f"{expansion[lang]} ({abbreviation})", abbreviation)
        assert spec.subtitle in short


def test_subtitle_placeholders_take_the_figures_values():
    """Every {figure-id} of a subtitle becomes that figure's latest value,
    written the language's way (106.144 / 106,144), and nothing else changes."""
    filled = 0
    for _, chart in CHARTS:
        for lang in LANGUAGES:
            if chart.subtitle is None:
                continue
            expected = chart.subtitle[lang]
            for ident in re.findall(r"\{([a-z0-9-]+)\}", expected):
                expected = expected.replace("{" + ident + "}", format_number(SITE.figures[ident].latest.value, lang))
                filled += 1
            assert chart_spec(SITE, chart, lang).subtitle == expected
    assert filled > 0


def test_chart_ids_are_unique_and_safe_file_names():
    ids = [chart.id for _, chart in CHARTS]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", ident) for ident in ids)


def test_chart_labels_exist_in_both_languages():
    labels = SITE.vocabulary.labels
    for key in [k for k in labels if k.startswith("chart_")] + ["col_share", "source_line", "charts_title"]:
        for lang in LANGUAGES:
            assert labels[key][lang].strip(), (key, lang)


def test_a_page_finds_its_chart_and_its_section_in_its_own_site(site):
    """The lookups are indexed once per site: a site made with other
    sections (as a test or a rebuild makes one) answers from its own."""
    import dataclasses

    from review.chart_pages import chart_of_page, page_path
    from review.discovery import section_of_page

    energy = site.section("energy")
    chart = energy.charts[0]
    assert chart_of_page(site, page_path(chart.id)) is chart
    assert section_of_page(site, "energy.md") is energy
    for unknown in ("energy", "charts/energy.md", "nowhere.md", f"{chart.id}.md"):
        assert chart_of_page(site, unknown) is None
        assert section_of_page(site, unknown) is None
    others = dataclasses.replace(site, sections=tuple(section for section in site.sections if section.id != "energy"))
    assert chart_of_page(others, page_path(chart.id)) is None
    assert section_of_page(others, "energy.md") is None
    assert chart_of_page(site, page_path(chart.id)) is chart  # the first site's index is its own
