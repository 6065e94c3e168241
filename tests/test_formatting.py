"""Locale formatting through Babel: the examples of the foundation issue, and
the edge cases that matter to readers."""

from __future__ import annotations

from decimal import Decimal

import pytest

from review.formatting import format_date, format_number, format_period, format_quantity, format_value
from review.model import Unit, Value
from review.periods import parse_period

MILLION_KWH = Unit("million-kwh", "triệu kWh", "million kWh", "million kWh", "measure")
MW = Unit("mw", "MW", "MW", "MW", "measure")
PERCENT = Unit("percent", "%", "%", "%", "percent")
WORKER = Unit("worker", "lao động", "worker", "workers", "count")
BILLION_USD = Unit("billion-usd", "tỷ USD", "US${value} billion", "US${value} billion", "measure")
BILLION_VND = Unit("billion-vnd", "tỷ đồng", "VND {value} billion", "VND {value} billion", "measure")


@pytest.mark.parametrize(
    ("value", "unit", "vi", "en"),
    [
        pytest.param(Decimal("2956.39"), MILLION_KWH, "2.956,39 triệu kWh", "2,956.39 million kWh", id="decimal-with-thousands"),
        pytest.param(Decimal("40.9"), PERCENT, "40,9%", "40.9%", id="percent"),
        pytest.param(100, PERCENT, "100%", "100%", id="whole-percent"),
        pytest.param(Decimal("81.498"), MW, "81,498 MW", "81.498 MW", id="three-decimals-kept"),
        pytest.param(Decimal("176.50"), MILLION_KWH, "176,50 triệu kWh", "176.50 million kWh", id="trailing-zero-kept"),
        pytest.param(41000, WORKER, "41.000 lao động", "41,000 workers", id="count-plural"),
        pytest.param(1, WORKER, "1 lao động", "1 worker", id="count-singular"),
        pytest.param(12, BILLION_USD, "12 tỷ USD", "US$12 billion", id="currency-before-the-number"),
        pytest.param(Decimal("2000.5"), BILLION_VND, "2.000,5 tỷ đồng", "VND 2,000.5 billion", id="currency-code-before-the-number"),
    ],
)
def test_quantity(value, unit, vi, en):
    assert format_quantity(value, unit, "vi") == vi
    assert format_quantity(value, unit, "en") == en


def test_hedged_value(site):
    value = Value(41000, parse_period("2023"), None, "more_than", "article", "q", ())
    assert format_value(value, WORKER, site.vocabulary, "vi") == "hơn 41.000 lao động"
    assert format_value(value, WORKER, site.vocabulary, "en") == "more than 41,000 workers"


@pytest.mark.parametrize(
    ("raw", "vi", "en"),
    [
        pytest.param("2004-01-01", "1/1/2004", "1 January 2004", id="day"),
        pytest.param("2023-10-13", "13/10/2023", "13 October 2023", id="day-two-digits"),
        pytest.param("2018-02", "tháng 2 năm 2018", "February 2018", id="month"),
        pytest.param("2019", "2019", "2019", id="year"),
    ],
)
def test_date(raw, vi, en):
    period = parse_period(raw)
    assert format_date(period, "vi") == vi
    assert format_date(period, "en") == en


def test_year_range_uses_en_dash():
    assert format_period(parse_period("2011-2015"), "vi") == "2011–2015"
    assert format_period(parse_period("2011-2015"), "en") == "2011–2015"


@pytest.mark.parametrize(
    ("value", "decimals", "vi", "en"),
    [
        pytest.param(1000.0, 0, "1.000", "1,000", id="tick-thousand"),
        pytest.param(2.5, 1, "2,5", "2.5", id="tick-decimal"),
        pytest.param(0, 0, "0", "0", id="tick-zero"),
    ],
)
def test_fixed_decimals(value, decimals, vi, en):
    assert format_number(value, "vi", decimals=decimals) == vi
    assert format_number(value, "en", decimals=decimals) == en


@pytest.mark.parametrize(
    "raw",
    ["2015-2011", "2023-13", "2023-02-30", "23", "2023/10", "2011-2011"],
)
def test_impossible_periods_are_refused(raw):
    assert parse_period(raw) is None
