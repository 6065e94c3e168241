"""The sentences the site writes about its charts, on constructed charts:
each rule of :mod:`review.charts.comparability` and each kind of sentence of
:mod:`review.charts.describe`, with a vocabulary made here (so that an
editor's rewording of the real one keeps these tests green)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from review.abbreviations import write_out
from review.charts.comparability import certainly_greater, reasons_not_to_compare
from review.charts.describe import alt_text, description, mid_sentence
from review.charts.spec import ChartSpec, Mark, span
from review.model import Paragraphs, Site, Text, Unit, Value, Vocabulary
from review.periods import parse_period

LABELS = {
    "chart_kind_bar": "Bar chart",
    "chart_kind_series": "Column chart",
    "chart_kind_part_of_whole": "Part chart",
    "chart_values": "Figures {time}: {items}.",
    "chart_values_by_period": "Figures: {items}.",
    "chart_largest": "Largest {name} ({value}); smallest {other} ({other_value}).",
    "chart_times": "{value} ({name}) is about {ratio} times {other_value} ({other}), computed.",
    "chart_points": "{value} ({name}) is {points} points above {other_value} ({other}), computed.",
    "chart_equal": "{name} and {other} are equal: {value}.",
    "chart_highest_period": "Highest {name} ({value}); lowest {other} ({other_value}).",
    "chart_largest_part": "The largest part, {share}, is {name}.",
    "chart_most_part": "More than half, {share}, is {name}.",
    "chart_equal_parts": "Equal parts, {share} each.",
    "chart_whole": "Total: {value}.",
    "chart_not_compared": "Not compared because {reasons}.",
    "chart_reason_periods": "periods differ in length",
    "chart_reason_kinds": "they count different things",
    "chart_reason_denominators": "different wholes",
    "chart_reason_wholes": "unnamed wholes",
    "chart_reason_open": "the list is open",
    "chart_reason_planned": "planned is not existing",
    "chart_reason_hedges": "hedges make the order uncertain",
    "source_line": "Source: {source}",
}
UNITS = {
    "mw": Unit("mw", "MW", "MW", "MW", "measure"),
    "delegation": Unit("delegation", "đoàn", "delegation", "delegations", "count"),
    "agreement": Unit("agreement", "thỏa thuận", "agreement", "agreements", "count"),
    "percent": Unit("percent", "%", "%", "%", "percent"),
}
VOCABULARY = Vocabulary(
    units=UNITS,
    qualifiers={},
    statuses={},
    abbreviations={"LGSP": Text("Nền tảng LGSP", "Local Government Service Platform")},
    labels={key: Text(value, value) for key, value in LABELS.items()},
)
EMPTY = Text("", "")
SITE = Site(EMPTY, EMPTY, EMPTY, (), {}, Paragraphs((), ()), {}, EMPTY, Paragraphs((), ()), None, (), VOCABULARY)


def mark(
    name: str,
    value: str,
    *,
    qualifier: str = "exact",
    span: str = "",
    counts: str = "mw",
    role: str = "actual",
    of: str | None = None,
    share: str | None = None,
    word: str = "MW",
    time: str = "as of 2023",
) -> Mark:
    hedge = {"exact": "", "over": "over ", "more_than": "more than ", "about": "about ", "nearly": "nearly ", "planned": "planned "}[qualifier]
    unit = "%" if counts == "percent" else f" {word}"
    return Mark(
        figure=name.lower().replace(" ", "-"),
        name=name,
        value=Decimal(value),
        label=f"{hedge}{value}",
        quantity=f"{hedge}{value}{unit}",
        time=time,
        role=role,  # type: ignore[arg-type]
        share=Decimal(share) if share is not None else None,
        share_label=f"{share}%" if share is not None else None,
        qualifier=qualifier,  # type: ignore[arg-type]
        span=span,
        counts=counts,
        unit_word=word,
        of=of,
        indicator=f"{name} indicator",
    )


def spec(*marks: Mark, kind: str = "bar", percent: bool = False, open_ended: bool = False, subtitle: str = "", whole: Mark | None = None) -> ChartSpec:
    return ChartSpec(
        id="test",
        lang="en",
        kind=kind,  # type: ignore[arg-type]
        title="A title",
        subtitle=subtitle,
        source="",
        citation="The source",
        marks=marks,
        percent=percent,
        whole=whole,
        note_computed="computed from the source's figures",
        open_ended=open_ended,
    )


# -- the rules ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("marks", "options", "expected"),
    [
        pytest.param([mark("A", "176.5", span="5y"), mark("B", "222", span="5y"), mark("C", "75.6", span="1y")], {}, ["periods"], id="five-years-and-one-year"),
        pytest.param([mark("A", "176.5", span="5y"), mark("B", "222", span="5y")], {}, [], id="same-period-lengths"),
        pytest.param([mark("A", "10", span="1y"), mark("B", "20")], {}, ["periods"], id="flow-and-stock"),
        pytest.param([mark("A", "120", counts="delegation"), mark("B", "124", counts="agreement")], {}, ["kinds"], id="counts-of-different-things"),
        pytest.param([mark("A", "100", counts="percent", of="apps"), mark("B", "95", counts="percent", of="services")], {"percent": True}, ["denominators"], id="shares-of-different-wholes"),
        pytest.param([mark("A", "100", counts="percent", of="apps"), mark("B", "95", counts="percent")], {"percent": True}, ["wholes"], id="share-of-an-unnamed-whole"),
        pytest.param([mark("A", "100", counts="percent", of="apps"), mark("B", "95", counts="percent", of="apps")], {"percent": True}, [], id="shares-of-one-whole"),
        pytest.param([mark("A", "40.9", counts="percent"), mark("B", "59.1", counts="percent", role="remainder")], {"percent": True, "shares_of_one_whole": True}, [], id="parts-of-a-whole"),
        pytest.param([mark("A", "330"), mark("B", "188.2")], {"open_ended": True}, ["open"], id="open-list"),
        pytest.param([mark("A", "330"), mark("B", "3800", qualifier="planned", role="planned")], {}, ["planned"], id="planned-with-existing"),
        pytest.param([mark("A", "120", qualifier="over"), mark("B", "124")], {}, ["hedges"], id="over-120-against-124"),
        pytest.param([mark("A", "130", qualifier="more_than"), mark("B", "124")], {}, [], id="lower-bound-above-the-rest"),
        pytest.param([mark("A", "50", qualifier="about"), mark("B", "3")], {}, [], id="approximate-far-apart"),
        pytest.param([mark("A", "50", qualifier="about"), mark("B", "48")], {}, ["hedges"], id="approximate-close"),
        pytest.param(
            [mark("A", "330"), mark("B", "3800", qualifier="planned", role="planned"), mark("C", "120", span="1y")],
            {"open_ended": True},
            ["periods", "open", "planned"],
            id="several-reasons-in-order",
        ),
    ],
)
def test_reasons_not_to_compare(marks, options, expected):
    percent = options.pop("percent", False)
    assert reasons_not_to_compare(marks, percent=percent, **options) == expected


@pytest.mark.parametrize(
    ("high", "low", "expected"),
    [
        pytest.param(mark("A", "124"), mark("B", "120", qualifier="over"), False, id="over-has-no-upper-bound"),
        pytest.param(mark("A", "121", qualifier="over"), mark("B", "120"), True, id="lower-bound-above"),
        pytest.param(mark("A", "60"), mark("B", "50", qualifier="nearly"), True, id="nearly-is-below"),
        pytest.param(mark("A", "50"), mark("B", "50", qualifier="nearly"), True, id="nearly-50-below-50"),
        pytest.param(mark("A", "100", qualifier="about"), mark("B", "95"), False, id="about-within-the-margin"),
        pytest.param(mark("A", "124"), mark("B", "124"), False, id="equal"),
    ],
)
def test_certainly_greater(high, low, expected):
    assert certainly_greater(high, low) is expected


# -- the sentences ------------------------------------------------------------

INTERNATIONAL = [mark("International agreements", "124", counts="agreement", word="agreements"), mark("Delegations organised", "120", qualifier="over", counts="delegation", word="delegations")]


@pytest.mark.parametrize(
    ("chart", "expected"),
    [
        pytest.param(
            spec(mark("Parks", "837", word="ha"), mark("Clusters", "170", word="ha")),
            "Figures as of 2023: parks: 837 ha; clusters: 170 ha. 837 ha (parks) is about 4.9 times 170 ha (clusters), computed. Source: The source.",
            id="ratio-says-computed",
        ),
        pytest.param(
            spec(mark("A share", "100", counts="percent", of="x"), mark("B share", "95", counts="percent", of="x"), percent=True),
            "Figures as of 2023: a share: 100%; b share: 95%. 100% (a share) is 5 points above 95% (b share), computed. Source: The source.",
            id="points-between-shares-of-one-whole",
        ),
        pytest.param(
            spec(mark("LGSP share", "100", counts="percent", of="apps"), mark("NDXP share", "95", counts="percent", of="services"), percent=True),
            "Figures as of 2023: Local Government Service Platform (LGSP) share: 100%; NDXP share: 95%. Not compared because different wholes. Source: The source.",
            id="no-points-between-different-wholes",
        ),
        pytest.param(
            spec(*INTERNATIONAL),
            "Figures as of 2023: international agreements: 124; delegations organised: over 120. Not compared because they count different things. Source: The source.",
            id="no-ranking-of-different-things",
        ),
        pytest.param(
            spec(mark("Delegations 2022", "120", qualifier="over", counts="delegation", word="delegations"), mark("Delegations 2023", "124", counts="delegation", word="delegations")),
            "Figures as of 2023: delegations 2022: over 120; delegations 2023: 124. Not compared because hedges make the order uncertain. Source: The source.",
            id="no-largest-when-a-hedge-blurs-the-order",
        ),
        pytest.param(
            spec(mark("2011–2015", "176.5", span="5y", time="2011–2015"), mark("2016–2020", "222", span="5y", time="2016–2020"), mark("2023", "75.6", span="1y", time="2023"), kind="series"),
            "Figures: 2011–2015: 176.5 MW; 2016–2020: 222 MW; 2023: 75.6 MW. Not compared because periods differ in length. Source: The source.",
            id="no-highest-across-period-lengths",
        ),
        pytest.param(
            spec(mark("2021", "10", span="1y", time="2021"), mark("2022", "12", span="1y", time="2022"), kind="series"),
            "Figures: 2021: 10 MW; 2022: 12 MW. Highest 2022 (12 MW); lowest 2021 (10 MW). Source: The source.",
            id="highest-of-equal-periods",
        ),
        pytest.param(
            spec(mark("Coal plant", "330"), mark("Solar power", "81.498"), mark("Gas plants", "3800", qualifier="planned", role="planned"), open_ended=True),
            "Figures as of 2023: coal plant: 330 MW; solar power: 81.498 MW; gas plants: planned 3800 MW. Not compared because the list is open; planned is not existing. Source: The source.",
            id="no-sum-of-an-open-list-nor-planned-against-existing",
        ),
        pytest.param(
            spec(mark("Coal plant", "330"), mark("Gas plants", "3800", qualifier="planned", role="planned")),
            "Figures as of 2023: coal plant: 330 MW; gas plants: planned 3800 MW. Not compared because planned is not existing. Source: The source.",
            id="planned-said-apart",
        ),
        pytest.param(
            spec(mark("Filled", "40.9", counts="percent", share="40.9"), mark("Not yet filled", "59.1", counts="percent", role="remainder", share="59.1"), kind="part-of-whole", percent=True),
            "Figures as of 2023: filled: 40.9%; not yet filled: 59.1% (computed from the source's figures). More than half, 59.1% (computed from the source's figures), is not yet filled. Source: The source.",
            id="most-part-computed-remainder",
        ),
        pytest.param(
            spec(
                mark("Partly online", "266", share="19.5", word="services"),
                mark("Fully online", "1096", share="80.5", word="services"),
                kind="part-of-whole",
                whole=mark("All", "1362", word="services"),
            ),
            "Figures as of 2023: partly online: 266 services (19.5%, computed from the source's figures); fully online: 1096 services (80.5%, computed from the source's figures). "
            "Total: 1362 services. More than half, 80.5% (computed from the source's figures), is fully online. Source: The source.",
            id="shares-of-counts-are-computed",
        ),
        pytest.param(
            spec(
                mark("North", "30", counts="percent", share="30"),
                mark("South", "30", counts="percent", share="30"),
                mark("Rest", "40", counts="percent", role="remainder", share="40"),
                kind="part-of-whole",
                percent=True,
            ),
            "Figures as of 2023: north: 30%; south: 30%; rest: 40% (computed from the source's figures). The largest part, 40% (computed from the source's figures), is rest. Source: The source.",
            id="largest-part-under-half",
        ),
        pytest.param(
            spec(mark("Wind", "5"), mark("Sun", "5")),
            "Figures as of 2023: wind: 5 MW; sun: 5 MW. Wind and sun are equal: 5 MW. Source: The source.",
            id="equal",
        ),
        pytest.param(
            spec(mark("Wind", "5"), mark("Sun", "7"), mark("Water", "6"), subtitle="MW. Wind is a planned estimate."),
            "MW. Wind is a planned estimate. Figures as of 2023: wind: 5 MW; sun: 7 MW; water: 6 MW. Largest sun (7 MW); smallest wind (5 MW). Source: The source.",
            id="caveats-first-and-largest-of-three",
        ),
    ],
)
def test_description(chart, expected):
    assert description(SITE, chart) == expected


@pytest.mark.parametrize(
    ("chart", "expected"),
    [
        pytest.param(
            spec(mark("Parks", "837", word="ha"), mark("Clusters", "170", word="ha"), subtitle="Hectares, approximate."),
            "Bar chart: A title. Hectares, approximate. 837 ha (parks) is about 4.9 times 170 ha (clusters), computed.",
            id="caveat-and-comparison",
        ),
        pytest.param(
            spec(*INTERNATIONAL, subtitle="Counts; some approximate."),
            "Bar chart: A title. Counts; some approximate. Figures as of 2023: international agreements: 124; delegations organised: over 120.",
            id="values-where-nothing-compares",
        ),
        pytest.param(
            spec(mark("LGSP share", "100", counts="percent", of="apps"), mark("B share", "100", counts="percent", of="apps"), percent=True, subtitle="Through the LGSP."),
            "Bar chart: A title. Through the Local Government Service Platform (LGSP). LGSP share and b share are equal: 100%.",
            id="abbreviation-written-out-once",
        ),
    ],
)
def test_alt_text(chart, expected):
    assert alt_text(SITE, chart) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("Chưa lấp đầy", "chưa lấp đầy", id="vi-label"),
        pytest.param("Solar power", "solar power", id="en-label"),
        pytest.param("Filled", "filled", id="one-word"),
        pytest.param("Cần Thơ power plant", "Cần Thơ power plant", id="proper-name"),
        pytest.param("Ô Môn 1 thermal power plant", "Ô Môn 1 thermal power plant", id="proper-name-with-number"),
        pytest.param("Block B chain", "Block B chain", id="name-with-a-letter"),
        pytest.param("LGSP (provincial)", "LGSP (provincial)", id="abbreviation-first"),
        pytest.param("Foreign NGO partners", "foreign NGO partners", id="abbreviation-second"),
        pytest.param("2016–2020", "2016–2020", id="period"),
    ],
)
def test_mid_sentence(name, expected):
    assert mid_sentence(name) == expected


ABBREVIATIONS = {"DVCTT": Text("dịch vụ công trực tuyến", "online public services"), "QL": Text("Quốc lộ", "National Highway")}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        pytest.param("266 DVCTT và 1.096 DVCTT", "vi", "266 dịch vụ công trực tuyến (DVCTT) và 1.096 DVCTT", id="first-use-only"),
        pytest.param("Số dịch vụ công trực tuyến (DVCTT): 266 DVCTT", "vi", "Số dịch vụ công trực tuyến (DVCTT): 266 DVCTT", id="already-written-out"),
        pytest.param("QL91 and QL 91", "en", "QL91 and National Highway (QL) 91", id="whole-words-only"),
        pytest.param("No abbreviation here", "en", "No abbreviation here", id="none"),
    ],
)
def test_write_out(text, lang, expected):
    assert write_out(text, ABBREVIATIONS, lang) == expected


@pytest.mark.parametrize(
    ("period", "as_of", "expected"),
    [
        pytest.param("2011-2015", None, "5y", id="five-years"),
        pytest.param("2023", None, "1y", id="one-year"),
        pytest.param("2018-02", None, "1m", id="one-month"),
        pytest.param("2023-10-13", None, "1d", id="one-day"),
        pytest.param(None, "2023-10", "", id="a-date"),
    ],
)
def test_span(period, as_of, expected):
    value = Value(1, parse_period(period) if period else None, parse_period(as_of) if as_of else None, "exact", "article", "1", ())
    assert span(value) == expected
