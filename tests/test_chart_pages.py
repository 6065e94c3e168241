"""Charts on the built site: every declared chart on its page in both
languages, with its images, alt text, long description, data table, source
and downloads; and the numbers in all of these equal the YAML's."""

from __future__ import annotations

import csv
import html
import io
import re
from decimal import Decimal

import pytest
import yaml

from review.charts.describe import alt_text, description
from review.charts.spec import chart_spec
from review.formatting import format_quantity, format_time, format_value
from review.model import LANGUAGES
from review.project import load_site
from conftest import DATA, Build
from test_site import visible_text

SITE = load_site(DATA)
CHARTS = [(section.id, chart) for section in SITE.sections for chart in section.charts]
CASES = [pytest.param(section_id, chart, lang, id=f"{chart.id}-{lang}") for section_id, chart in CHARTS for lang in LANGUAGES]


def raw_values() -> dict[str, list[dict]]:
    """Every figure's values straight from the YAML files (plain PyYAML)."""
    values = {}
    for path in DATA.glob("*.yaml"):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for figure in document.get("figures", []) if isinstance(document, dict) else []:
            values[figure["id"]] = figure["values"]
    return values


RAW = raw_values()


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
        alts = re.findall(rf'<img alt="([^"]*)" loading="lazy" src="{re.escape(src)}" />', page)
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
def test_description_and_table_state_every_value(built: Build, section_id, chart, lang):
    spec = chart_spec(SITE, chart, lang)
    said = description(SITE, spec)
    page = visible_text(built.page(lang, f"{section_id}/"))
    table = page.split(SITE.vocabulary.labels["chart_table"][lang] + ": " + spec.title, 1)[1][:2000]
    for figure, value in chart_values(chart):
        shown = format_value(value, figure.unit, SITE.vocabulary, lang)
        assert shown in said, f"{figure.id}: {shown!r} not in the description"
        assert shown in table, f"{figure.id}: {shown!r} not in the table"
        assert format_time(value, SITE.vocabulary, lang) in table


@pytest.mark.parametrize(("section_id", "chart", "lang"), CASES)
def test_alt_text_names_the_chart_and_its_largest_value(section_id, chart, lang):
    spec = chart_spec(SITE, chart, lang)
    alt = alt_text(SITE, spec)
    assert spec.title in alt
    figure, value = max(chart_values(chart), key=lambda pair: pair[1].value)
    assert format_quantity(value.value, figure.unit, lang) in alt


@pytest.mark.parametrize(("section_id", "chart", "lang"), CASES)
def test_csv_values_equal_the_yaml(built: Build, section_id, chart, lang):
    folder = built.site_dir / ("" if lang == "vi" else f"{lang}/") / "charts"
    raw = (folder / f"{chart.id}.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # UTF-8, no BOM
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
    expected = []
    for ident in chart.figures:
        values = RAW[ident] if chart.kind == "series" else RAW[ident][-1:]
        expected += [(ident, value) for value in values]
    if chart.whole:
        expected.append((chart.whole, RAW[chart.whole][-1]))
    assert [row["figure"] for row in rows] == [ident for ident, _ in expected]
    for row, (ident, value) in zip(rows, expected, strict=True):
        assert Decimal(row["value"]) == Decimal(str(value["value"])), ident
        assert "," not in row["value"]
        assert row["period"] == str(value.get("period", ""))
        assert row["as_of"] == str(value.get("as_of", ""))
        assert row["qualifier"] == value.get("qualifier", "exact")
        assert row["chart"] == chart.id


@pytest.mark.parametrize(
    ("chart_id", "lang", "expected"),
    [
        pytest.param(
            "industrial-land-area",
            "vi",
            "Biểu đồ thanh ngang: Diện tích khu công nghiệp và cụm công nghiệp. 6 khu công nghiệp (837 ha) gấp khoảng 4,9 lần 5 cụm công nghiệp (170 ha).",
            id="times-vi",
        ),
        pytest.param(
            "power-capacity-by-source",
            "en",
            "Horizontal bar chart: Capacity of the existing power sources and the planned capacity of the Ô Môn I–IV gas-fired plants. "
            "The planned value for Ô Môn I–IV gas-fired plants (3,800 MW) is about 6.3 times the sum of the 4 existing values (607.198 MW, computed from the source's figures).",
            id="planned-against-existing-en",
        ),
        pytest.param(
            "online-dossier-rate",
            "vi",
            "Biểu đồ thanh chia phần (100%): Tỷ lệ hồ sơ trực tuyến. Số liệu tính đến tháng 10 năm 2023: Hồ sơ trực tuyến: 49%; Không trực tuyến: 51% (tính từ số liệu của nguồn).",
            id="share-of-100-vi",
        ),
        pytest.param(
            "data-sharing-platforms",
            "en",
            "Horizontal bar chart: Data connection and sharing through the LGSP and the NDXP. "
            "LGSP (provincial): applications that need connecting, connected (100%) is 5 percentage points higher than NDXP (national): data services in official use (95%).",
            id="percentage-points-en",
        ),
        pytest.param(
            "electricity-saved-by-period",
            "vi",
            "Biểu đồ cột theo giai đoạn: Sản lượng điện tiết kiệm theo giai đoạn. Cao nhất là 2016–2020 (222 triệu kWh); thấp nhất là 2023 (ước đạt 75,6 triệu kWh).",
            id="series-vi",
        ),
    ],
)
def test_alt_text_examples(chart_id, lang, expected):
    """Checked by hand: 837 / 170 ≈ 4.92; 188.2 + 330 + 7.5 + 81.498 = 607.198 and 3800 / 607.198 ≈ 6.26."""
    chart = next(chart for _, chart in CHARTS if chart.id == chart_id)
    assert alt_text(SITE, chart_spec(SITE, chart, lang)) == expected


def test_online_services_description_in_english():
    chart = next(chart for _, chart in CHARTS if chart.id == "online-services-by-level")
    assert description(SITE, chart_spec(SITE, chart, "en")) == (
        "Figures as of October 2023: Partly online: 266 online public services (19.5%); Fully online: 1,096 online public services (80.5%). "
        "Total: 1,362 online public services. The largest part is Fully online: 80.5%. "
        "Source: Thanh Hải, “Cần Thơ 20 năm xây dựng nền tảng trung tâm vùng” (Cần Thơ: 20 years of building the foundations of a regional centre), "
        "after the October 2023 print issue of the magazine AS&CS."
    )


def test_subtitle_placeholders_take_the_figures_values():
    chart = next(chart for _, chart in CHARTS if chart.id == "online-dossier-rate")
    assert chart_spec(SITE, chart, "vi").subtitle == "Phần trăm tổng số hồ sơ: 106.144 trên 216.505 hồ sơ."
    assert chart_spec(SITE, chart, "en").subtitle == "Percent of all dossiers: 106,144 of 216,505 dossiers."


def test_chart_ids_are_unique_and_safe_file_names():
    ids = [chart.id for _, chart in CHARTS]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", ident) for ident in ids)


def test_chart_labels_exist_in_both_languages():
    labels = SITE.vocabulary.labels
    for key in [k for k in labels if k.startswith("chart_")] + ["col_share", "source_line", "charts_title"]:
        for lang in LANGUAGES:
            assert labels[key][lang].strip(), (key, lang)
