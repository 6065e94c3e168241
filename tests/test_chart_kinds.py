"""Each chart kind alone, on an Axes of its own, with made-up data: what it
draws and writes. Then the whole frame: deterministic bytes, size, fonts,
colours and the locale of the ticks, for every chart of the data."""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from pathlib import Path

import pytest
from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from review.charts import style
from review.charts.cache import ChartCache
from review.charts.production import OUTPUTS, produce
from review.charts.kinds import ChartData, ChartLabels, LocaleFormatter, draw_bar, draw_part_of_whole, draw_series
from review.charts.render import render, render_formats
from review.charts.spec import chart_spec
from review.charts.style import Format
from review.formatting import format_tick, tick_decimals
from review.model import LANGUAGES
from conftest import real_site

MAX_SVG_BYTES = 40 * 1024


def axes():
    with rc_context(style.rc(style.LIGHT, salt="test")):
        figure = Figure(figsize=(6, 3), layout="constrained")
        return figure, figure.subplots()


def data(values, *, percent=False, hatches=None):
    return ChartData(
        values=tuple(values),
        colors=tuple(["#0072B2"] * len(values)),
        hatches=tuple(hatches or [None] * len(values)),
        percent=percent,
        background="#ffffff",
        track="#eeeeee",
        outlines=tuple([None] * len(values)),
    )


def bars(ax, *, track=None):
    return [p for p in ax.patches if isinstance(p, Rectangle) and p.get_facecolor()[:3] != track]


def annotations(ax):
    return [child.get_text() for child in ax.texts]


def tick_texts(figure, axis):
    figure.draw_without_rendering()
    return [label.get_text() for label in axis.get_ticklabels() if label.get_text()]


# ---------------------------------------------------------------------------
# The kinds, alone


def test_bar_draws_one_bar_per_value_with_its_label():
    figure, ax = axes()
    draw_bar(ax, data([3, 40, 124]), ChartLabels("vi", ("A", "B", "C"), ("3", "hơn 40", "124")))
    drawn = [p for p in ax.patches if p.get_width() > 0]
    assert [p.get_width() for p in drawn] == [3, 40, 124]
    assert annotations(ax) == ["3", "hơn 40", "124"]
    assert [label.get_text() for label in ax.get_yticklabels()] == ["A", "B", "C"]
    # First bar on top.
    assert drawn[0].get_y() < drawn[2].get_y() and ax.yaxis_inverted()


def test_bar_hatches_what_it_is_told_to():
    figure, ax = axes()
    draw_bar(ax, data([330, 3800], hatches=[None, "///"]), ChartLabels("en", ("Now", "Planned"), ("330", "3,800 (planned)")))
    assert [p.get_hatch() for p in ax.patches] == [None, "///"]


def test_bar_of_percentages_runs_to_100_over_a_track():
    figure, ax = axes()
    draw_bar(ax, data([100, 95], percent=True), ChartLabels("vi", ("LGSP", "NDXP"), ("100%", "95%")))
    widths = [p.get_width() for p in ax.patches]
    assert widths == [100, 100, 100, 95]  # two tracks, then the bars
    assert ax.get_xlim() == (0, 100)
    assert tick_texts(figure, ax.xaxis) == ["0%", "25%", "50%", "75%", "100%"]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        pytest.param("vi", ["0", "1.000", "2.000", "3.000", "4.000"], id="vi-dot-groups-thousands"),
        pytest.param("en", ["0", "1,000", "2,000", "3,000", "4,000"], id="en-comma-groups-thousands"),
    ],
)
def test_bar_axis_ticks_in_the_locale_and_ending_on_a_round_number(lang, expected):
    figure, ax = axes()
    draw_bar(ax, data([330, 3800]), ChartLabels(lang, ("a", "b"), ("330", "3800")))
    assert tick_texts(figure, ax.xaxis) == expected
    assert ax.get_xlim() == (0, 4000)


def test_series_draws_one_column_per_period_oldest_first():
    figure, ax = axes()
    draw_series(ax, data([176.5, 222, 75.6]), ChartLabels("vi", ("2011–2015", "2016–2020", "2023"), ("176,5", "222", "ước đạt 75,6")))
    assert [p.get_height() for p in ax.patches] == [176.5, 222, 75.6]
    assert [p.get_x() < q.get_x() for p, q in zip(ax.patches, ax.patches[1:], strict=False)] == [True, True]
    assert [label.get_text() for label in ax.get_xticklabels()] == ["2011–2015", "2016–2020", "2023"]
    assert annotations(ax) == ["176,5", "222", "ước đạt 75,6"]
    assert tick_texts(figure, ax.yaxis) == ["0", "50", "100", "150", "200", "250"]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [pytest.param("vi", ["0,0", "0,5", "1,0", "1,5", "2,0", "2,5"], id="vi-decimal-comma"), pytest.param("en", ["0.0", "0.5", "1.0", "1.5", "2.0", "2.5"], id="en-decimal-point")],
)
def test_series_ticks_with_decimals_share_them(lang, expected):
    figure, ax = axes()
    draw_series(ax, data([1.2, 2.3]), ChartLabels(lang, ("a", "b"), ("1.2", "2.3")))
    assert tick_texts(figure, ax.yaxis) == expected


def test_part_of_whole_lays_parts_end_to_end_over_100():
    figure, ax = axes()
    draw_part_of_whole(ax, data([19.5, 80.5]), ChartLabels("vi", ("Một phần", "Toàn trình"), ("266 · 19,5%", "1.096 · 80,5%")))
    segments = [p for p in ax.patches]
    assert [p.get_width() for p in segments] == [19.5, 80.5]
    assert [p.get_x() for p in segments] == [0, 19.5]
    assert ax.get_xlim() == (0, 100)
    # Names and values, each next to its part: the first above, the second below.
    texts = {child.get_text(): child for child in ax.texts}
    assert set(texts) == {"Một phần", "266 · 19,5%", "Toàn trình", "1.096 · 80,5%"}
    assert texts["Một phần"].xy == (0, 0.4) and texts["Một phần"].get_ha() == "left"
    assert texts["Toàn trình"].xy == (100, -0.4) and texts["Toàn trình"].get_ha() == "right"


def test_part_of_whole_outlines_the_remainder():
    figure, ax = axes()
    plain = data([40.9, 59.1])
    outlined = ChartData(plain.values, ("#0072B2", "#e4e4e4"), plain.hatches, False, "#ffffff", None, (None, "#767676"))
    draw_part_of_whole(ax, outlined, ChartLabels("en", ("Filled", "Not yet filled"), ("40.9%", "59.1%")))
    first, second = ax.patches
    assert second.get_edgecolor()[:3] == pytest.approx((0x76 / 255,) * 3)
    assert second.get_x() > first.get_width()  # a gap before the outline


@pytest.mark.parametrize(
    ("ticks", "decimals"),
    [pytest.param([0, 500, 1000], 0, id="whole"), pytest.param([0, 0.5, 1], 1, id="halves"), pytest.param([0, 0.25, 0.5], 2, id="quarters"), pytest.param([0.30000000000000004], 1, id="float-noise")],
)
def test_tick_decimals(ticks, decimals):
    assert tick_decimals(ticks) == decimals


@pytest.mark.parametrize(
    ("value", "lang", "kwargs", "expected"),
    [
        pytest.param(1000.0, "vi", {"decimals": 0}, "1.000", id="vi-thousand"),
        pytest.param(1000.0, "en", {"decimals": 0}, "1,000", id="en-thousand"),
        pytest.param(2.5, "vi", {"decimals": 1}, "2,5", id="vi-decimal"),
        pytest.param(-0.0, "en", {"decimals": 0}, "0", id="no-negative-zero"),
        pytest.param(25.0, "vi", {"decimals": 0, "percent": True}, "25%", id="percent"),
    ],
)
def test_format_tick(value, lang, kwargs, expected):
    assert format_tick(value, lang, **kwargs) == expected


def test_locale_formatter_writes_all_ticks_alike():
    formatter = LocaleFormatter("vi")
    formatter.set_locs([0, 0.5, 1.0])
    assert [formatter(x) for x in (0, 0.5, 1.0)] == ["0,0", "0,5", "1,0"]


# ---------------------------------------------------------------------------
# Every chart of the data, framed and written


def every_chart() -> list:
    """One case per chart and language of the real data."""
    return [pytest.param(chart.id, lang, id=f"{chart.id}-{lang}") for section in real_site().sections for chart in section.charts for lang in LANGUAGES]


CHARTS = every_chart()


def spec_of(site, chart_id, lang):
    chart = next(c for s in site.sections for c in s.charts if c.id == chart_id)
    return chart_spec(site, chart, lang)


@functools.cache
def cached_drawings() -> dict[str, dict[str, bytes]]:
    """Every file of the real data's charts, as a build serves them: from the
    shared chart cache (``REVIEW_CHART_CACHE``), where what is missing is
    drawn first, in this process. Read once per process."""
    return produce(real_site(), LANGUAGES, ChartCache(Path(os.environ["REVIEW_CHART_CACHE"])), workers=1).files


def drawn(chart_id: str, lang: str, theme: str, fmt: Format) -> bytes:
    """The real data's chart as the build serves it, for the tests that only
    read it."""
    output = next(o for o in OUTPUTS if (o.theme, o.fmt) == (theme, fmt))
    return cached_drawings()[lang][output.uri(chart_id)]


@pytest.mark.parametrize(("chart_id", "lang"), CHARTS)
def test_rendering_is_byte_identical(site, chart_id, lang):
    """A drawing made here, alone, and the build's (the cache's, drawn by
    another process, or first in this one if the cache lacked it, the light
    SVG and the PNG saved from one figure): the same bytes."""
    spec = spec_of(site, chart_id, lang)
    for theme, fmt in (("light", "svg"), ("dark", "svg"), ("light", "png")):
        assert render(spec, theme, fmt) == drawn(chart_id, lang, theme, fmt), f"{theme} {fmt}"


def test_a_figure_saved_twice_is_laid_out_afresh_each_time(site):
    """The second save of one figure (the SVG after the PNG here, the other
    way round in a build) has the bytes of a figure saved once: without the
    axes put back, the constrained layout of the second save starts where
    the first left them, and this bar chart's PNG ends a hair away."""
    spec = spec_of(site, "power-capacity-by-source", "vi")
    assert spec.kind == "bar"
    assert render_formats(spec, "light", ("png", "svg")) == [drawn(spec.id, "vi", "light", "png"), drawn(spec.id, "vi", "light", "svg")]


@pytest.mark.parametrize(("chart_id", "lang"), CHARTS)
def test_svg_is_small_dated_nowhere_and_keeps_its_text(site, chart_id, lang):
    spec = spec_of(site, chart_id, lang)
    svg = drawn(chart_id, lang, "light", "svg")
    assert len(svg) < MAX_SVG_BYTES
    text = svg.decode("utf-8")
    assert "<dc:date>" not in text and "Matplotlib v" not in text
    assert unicodedata.is_normalized("NFC", text)
    shown = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", text))
    for line in spec.title.split():
        assert line in shown  # the title, word by word (it may wrap)
    for mark in spec.marks:
        assert mark.name.split()[0] in shown


@pytest.mark.parametrize(("chart_id", "lang"), CHARTS)
def test_light_and_dark_differ_only_in_colour(chart_id, lang):
    light = drawn(chart_id, lang, "light", "svg").decode()
    dark = drawn(chart_id, lang, "dark", "svg").decode()
    assert style.DARK.background.lower() in dark.lower() and style.DARK.background.lower() not in light.lower()
    assert re.findall(r">([^<]+)</text>", light) == re.findall(r">([^<]+)</text>", dark)


def test_each_drawing_salts_its_svg_ids():
    """Hatch patterns and clip paths get ids from svg.hashsalt: one salt per
    chart, language and theme, so they never collide if SVGs are inlined."""
    salted = re.compile(r'id="([a-z][0-9a-f]{10})"')
    ids = {(lang, theme): set(salted.findall(drawn("power-capacity-by-source", lang, theme, "svg").decode())) for lang in LANGUAGES for theme in style.THEMES}
    assert all(ids.values())
    for first in ids:
        for second in ids:
            if first != second:
                assert not ids[first] & ids[second], (first, second)


@pytest.mark.parametrize(
    ("lang", "ticks"),
    [pytest.param("vi", ["1.000", "2.000", "3.000", "4.000"], id="vi"), pytest.param("en", ["1,000", "2,000", "3,000", "4,000"], id="en")],
)
def test_capacity_chart_axis_in_the_page_locale(lang, ticks):
    svg = drawn("power-capacity-by-source", lang, "light", "svg").decode()
    shown = re.findall(r">([^<]+)</text>", svg)
    for tick in ticks:
        assert tick in shown


@pytest.mark.parametrize("theme", list(style.THEMES.values()), ids=lambda theme: theme.name)
def test_colours_contrast_with_the_scheme_background(theme):
    for colour in (*theme.series, theme.planned, theme.remainder):
        assert style.contrast(colour, theme.background) >= 3, colour
    for colour in (theme.text, theme.muted):
        assert style.contrast(colour, theme.background) >= 4.5, colour


def test_contrast_formula_on_known_pairs():
    assert style.contrast("#000000", "#ffffff") == pytest.approx(21)
    assert style.contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def text_boxes(figure):
    """Every visible, non-empty text of a laid-out figure, with its box in
    pixels: the layout and text metrics of a drawing on the Agg canvas
    (``draw_without_rendering``), without painting the pixels."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(figure).get_renderer()
    figure.draw_without_rendering()
    texts = list(figure.texts)
    for ax in figure.axes:
        texts += list(ax.texts) + ax.get_xticklabels() + ax.get_yticklabels()
    return [(t.get_text(), t.get_window_extent(renderer)) for t in texts if t.get_visible() and t.get_text().strip()]


@pytest.mark.parametrize(("chart_id", "lang"), CHARTS)
def test_no_text_is_clipped_or_overlaps_another(site, chart_id, lang):
    from review.charts.render import draw_figure

    spec = spec_of(site, chart_id, lang)
    with rc_context(style.rc(style.LIGHT, salt="test")):
        figure = draw_figure(spec, style.LIGHT)
        boxes = text_boxes(figure)
    width, height = figure.bbox.width, figure.bbox.height
    for text, box in boxes:
        assert box.x0 >= 0 and box.y0 >= 0 and box.x1 <= width and box.y1 <= height, f"{text!r} leaves the figure"
    for index, (text, box) in enumerate(boxes):
        for other, other_box in boxes[index + 1 :]:
            assert not box.overlaps(other_box), f"{text!r} overlaps {other!r}"
