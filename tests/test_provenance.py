"""Every figure is traceable to a sentence of the source: each quote is the
source's exact text, each value appears in its quote as the source writes it
(Vietnamese number format), and the site shows the quote next to the value
in both languages."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from html import unescape
from pathlib import Path
from typing import Any
from collections.abc import Iterator

import pytest
from babel.numbers import format_decimal

from conftest import DATA, SOURCE, Build
from review.model import LANGUAGES
from review.provenance import numbers_in, quote_states
from review.yamlfile import read_yaml

DATA_FILES = sorted(DATA.glob("*.yaml"))


@pytest.fixture(scope="module")
def source_text() -> str:
    assert SOURCE.is_file(), f"the source text must be at {SOURCE}"
    return unicodedata.normalize("NFC", SOURCE.read_text(encoding="utf-8"))


def quotes(value: Any, path: str = "", other: frozenset[str] | set[str] = frozenset()) -> Iterator[tuple[str, str]]:
    """Every ``quote`` of a data file that comes from the article: values
    (but those that name one of the ``other`` sources), list items,
    milestones, captions and sources."""
    if isinstance(value, dict):
        if value.get("source") in other:
            return
        for key, child in value.items():
            if key == "quote" and isinstance(child, str):
                yield path, child
            else:
                yield from quotes(child, f"{path}.{key}" if path else key, other)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from quotes(child, f"{path}[{index}]", other)


def test_the_source_has_no_break_spaces_that_quotes_must_keep(source_text: str):
    assert "\u00a0" in source_text


def other_sources() -> set[str]:
    """Sources other than the article: their quotes are checked against their
    own texts by the build (review.sources, tests/test_sources.py)."""
    document = read_yaml(DATA / "site.yaml", "data/site.yaml").data
    return {source["id"] for source in document["sources"][1:]}


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_every_quote_is_the_sources_exact_text(path: Path, source_text: str):
    found = list(quotes(read_yaml(path, f"data/{path.name}").data, other=other_sources()))
    missing = [f"{where}: {quote!r}" for where, quote in found if quote not in source_text]
    assert missing == []


def test_quotes_are_everywhere_they_should_be(site):
    document = read_yaml(DATA / "site.yaml", "data/site.yaml").data
    # The article's own words where it names itself; another source is cited
    # by its citation (and address), not by the article's words.
    assert "quote" in document["sources"][0]
    assert all(caption.quote for caption in site.captions)
    for section in site.sections:
        assert all(value.quote for figure in section.figures for value in figure.values)
        assert all(milestone.quote for milestone in section.milestones)
        assert all(item.quote for item_list in section.lists for item in item_list.items), section.id


def vietnamese(value: Decimal | int) -> str:
    """Written as the source writes numbers, independently of review.formatting."""
    decimals = max(0, -value.as_tuple().exponent) if isinstance(value, Decimal) else 0
    return format_decimal(value, format="#,##0" + ("." + "0" * decimals if decimals else ""), locale="vi")


def test_every_value_appears_in_its_quote_as_the_source_writes_it(site):
    wrong = []
    for section in site.sections:
        for figure in section.figures:
            for value in figure.values:
                written = vietnamese(value.value)
                tokens = re.findall(r"[0-9]+(?:[.,][0-9]+)*", value.quote)
                if written not in tokens:
                    wrong.append(f"{figure.id}: {written} not in {value.quote!r}")
    assert wrong == []


@pytest.mark.parametrize(
    ("quote", "value", "states"),
    [
        pytest.param("ước đạt 2.956,39 triệu kWh", Decimal("2956.39"), True, id="thousands-and-decimals"),
        pytest.param("ước đạt 2.956,39 triệu kWh", Decimal("2.956"), False, id="part-of-a-number"),
        pytest.param("ước đạt 2.956,39 triệu kWh", 2956, False, id="without-the-decimals"),
        pytest.param("tạo việc làm cho hơn 41.000 lao động", 41000, True, id="thousands-dot"),
        pytest.param("222 triệu kWh", 22, False, id="digits-of-a-longer-number"),
        pytest.param("là 100% (11/11) ứng dụng", 11, True, id="in-a-fraction"),
        pytest.param("tiết kiệm 176,5 triệu kWh", Decimal("176.50"), False, id="a-zero-the-source-does-not-write"),
        pytest.param("công suất 7,5MV", Decimal("7.5"), True, id="glued-to-a-unit"),
    ],
)
def test_quote_states(quote: str, value: Decimal | int, states: bool):
    assert quote_states(quote, value) is states


@pytest.mark.parametrize(
    ("quote", "value", "states"),
    [
        pytest.param("consumption reached 3,105.2 million kWh", Decimal("3105.2"), True, id="english-format"),
        pytest.param("đạt 3.105,2 triệu kWh", Decimal("3105.2"), False, id="vietnamese-format-in-an-english-source"),
        pytest.param("some 41,000 workers", 41000, True, id="english-thousands"),
    ],
)
def test_quote_states_in_an_english_source(quote: str, value: Decimal | int, states: bool):
    assert quote_states(quote, value, "en") is states


def test_numbers_in_a_quote():
    assert numbers_in("Tổng số lượng hồ sơ trực tuyến: 106.144/216.505 đạt tỷ lệ 49%") == ["106.144", "216.505", "49"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_value_shows_its_quote_and_links_to_it(built: Build, site, lang: str):
    label = site.vocabulary.labels["quote_label"][lang]
    for section in site.sections:
        html = built.page(lang, f"{section.id}/")
        text = re.sub(r"</?abbr\b[^>]*>", "", unescape(html))  # abbreviations get their own markup
        links = re.findall(r'<a class="figure-value" data-figure="([^"]+)" href="#([^"]+)" title="([^"]*)">', html)
        expected = [(f.id, f"quote-{f.id}-{i}", f"{label}: “{v.quote}”") for f in section.figures for i, v in enumerate(f.values)]
        assert [(figure, anchor, unescape(title)) for figure, anchor, title in links] == expected
        for figure in section.figures:
            for index, value in enumerate(figure.values):
                # The folded list of quotes: the anchor, and the quote marked as Vietnamese.
                assert f'<span id="quote-{figure.id}-{index}"></span>' in html
                assert f'<q lang="vi">{value.quote}</q>' in text


def test_the_english_page_says_the_quote_is_in_vietnamese(built: Build):
    html = built.page("en", "energy/")
    titles = [unescape(title) for title in re.findall(r'<a class="figure-value" [^>]*title="([^"]*)">', html)]
    assert "Source text (Vietnamese): “Giai đoạn 2011-2015, tiết kiệm năng lượng 176,5 triệu kWh”" in titles
    assert "Source text (Vietnamese)</summary>" in html
