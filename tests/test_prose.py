"""``{figure-id}`` in the site's own sentences (review.prose), on
constructed figures: written per language with hedge and unit, a period
picked with ``@``, and the problems of a bad reference."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from review.model import Figure, Period, Text, Unit, Value, Vocabulary
from review.prose import Reference, fill, reference_problems, references
from review.yamlfile import parse_yaml

KWH = Unit("million-kwh", "triệu kWh", "million kWh", "million kWh", "measure")
VOCABULARY = Vocabulary(
    units={"million-kwh": KWH},
    qualifiers={"exact": Text("{value}", "{value}"), "estimated": Text("ước đạt {value}", "an estimated {value}"), "more_than": Text("hơn {value}", "more than {value}")},
    statuses={},
    abbreviations={},
    labels={},
)


def year(raw: str) -> Period:
    return Period(datetime.date(int(raw), 1, 1), datetime.date(int(raw), 12, 31), "year", raw)


def value(number: str, period: str, qualifier: str = "exact", source: str = "article") -> Value:
    return Value(Decimal(number), year(period), None, qualifier, source, "q", ())  # type: ignore[arg-type]


FIGURES = {
    "consumption": Figure(
        "consumption",
        "energy",
        Text("Điện tiêu thụ", "Electricity consumption"),
        KWH,
        (value("2956.39", "2023", "estimated"), value("3100.5", "2024", source="newer-report")),
    )
}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        pytest.param("Dùng {consumption}.", "vi", "Dùng 3.100,5 triệu kWh.", id="latest-vi"),
        pytest.param("Used {consumption}.", "en", "Used 3,100.5 million kWh.", id="latest-en"),
        pytest.param("Năm 2023: {consumption@2023}.", "vi", "Năm 2023: ước đạt 2.956,39 triệu kWh.", id="period-vi-with-hedge"),
        pytest.param("In 2023: {consumption@2023}.", "en", "In 2023: an estimated 2,956.39 million kWh.", id="period-en-with-hedge"),
        pytest.param("No figure {here.", "en", "No figure {here.", id="not-a-reference"),
    ],
)
def test_fill(text: str, lang: str, expected: str):
    assert fill(text, FIGURES, VOCABULARY, lang) == expected


def test_references_in_order():
    assert references("{a} and {b-2@2011-2015} and {c@2023-10-13}") == [Reference("a", None), Reference("b-2", "2011-2015"), Reference("c", "2023-10-13")]


PERIODS = {"consumption": ["2023", "2024"]}


def summary(vi: str, en: str):
    return parse_yaml(f'summary:\n  vi: "{vi}"\n  en: "{en}"\n'.encode(), "data/energy.yaml")


@pytest.mark.parametrize(
    ("vi", "en", "expected"),
    [
        pytest.param("Dùng {consumption@2023}.", "Used {consumption@2023}.", [], id="good"),
        pytest.param(
            "Dùng {consumtion}.",
            "Used {consumtion}.",
            [
                "data/energy.yaml:2:7: summary.vi: expected the id of a known figure in {consumtion}, received 'consumtion' (did you mean {consumption}?)",
                "data/energy.yaml:3:7: summary.en: expected the id of a known figure in {consumtion}, received 'consumtion' (did you mean {consumption}?)",
            ],
            id="unknown-figure",
        ),
        pytest.param(
            "Dùng {consumption@2022}.",
            "Used {consumption@2022}.",
            [
                "data/energy.yaml:2:7: summary.vi: expected a period of consumption in {consumption@2022}, received '2022' (the periods are 2023, 2024)",
                "data/energy.yaml:3:7: summary.en: expected a period of consumption in {consumption@2022}, received '2022' (the periods are 2023, 2024)",
            ],
            id="unknown-period",
        ),
        pytest.param(
            "Dùng {consumption@2023}.",
            "Used 2,956.39 million kWh.",
            ["data/energy.yaml:3:7: summary.en: expected {consumption@2023} here as in vi, received a text without it (both languages name the same figures)"],
            id="typed-in-one-language",
        ),
    ],
)
def test_reference_problems(vi: str, en: str, expected: list[str]):
    document = summary(vi, en)
    assert [str(p) for p in reference_problems(document, ("summary",), document.data["summary"], PERIODS)] == expected
