"""Numbers in translations (review.translated_numbers), on constructed texts:
each language read in its own format, and a mismatch reported at the
English text's file, line and column."""

from __future__ import annotations

from decimal import Decimal

import pytest

from review.translated_numbers import compare, numbers, read_number, translation_problems
from review.yamlfile import parse_yaml


@pytest.mark.parametrize(
    ("written", "lang", "expected"),
    [
        pytest.param("2.956,39", "vi", "2956.39", id="vi-grouped-decimal"),
        pytest.param("2,956.39", "en", "2956.39", id="en-grouped-decimal"),
        pytest.param("41.000", "vi", "41000", id="vi-thousands"),
        pytest.param("41,000", "en", "41000", id="en-thousands"),
        pytest.param("81,498", "vi", "81.498", id="vi-three-decimals"),
        pytest.param("81.498", "en", "81.498", id="en-three-decimals"),
        pytest.param("7,5", "en", "7.5", id="en-quoting-a-vi-decimal"),
        pytest.param("7.5", "vi", "7.5", id="vi-with-a-point-decimal"),
        pytest.param("216.505", "vi", "216505", id="vi-six-digits"),
        pytest.param("2023", "en", "2023", id="year"),
    ],
)
def test_read_number(written, lang, expected):
    assert read_number(written, lang) == Decimal(expected)


def test_numbers_read_dates_ranges_percentages_and_codes():
    vi = "Ngày 13/10/2023; giai đoạn 2011-2015 tăng 40,9%; Nghị quyết số 45-NQ/TW; QL91"
    en = "On 13 October 2023; in 2011–2015 up 40.9%; Resolution No. 45-NQ/TW; National Highway 91"
    assert [n.value for n in numbers(vi, "vi")] == [Decimal(v) for v in ("13", "10", "2023", "2011", "2015", "40.9", "45", "91")]
    assert [n.value for n in numbers(en, "en")] == [Decimal(v) for v in ("13", "10", "2023", "2011", "2015", "40.9", "45", "91")]


@pytest.mark.parametrize(
    ("vi", "en"),
    [
        pytest.param("tiêu thụ 2.956,39 triệu kWh, tăng 6,53%", "used 2,956.39 million kWh, up 6.53%", id="formats"),
        pytest.param("hơn 41.000 lao động", "more than 41,000 workers", id="thousands"),
        pytest.param("ký ngày 13/10/2023", "signed on 13 October 2023", id="date"),
        pytest.param("từ tháng 02/2018", "since February 2018", id="month-with-zero"),
        pytest.param("6 khu công nghiệp", "six industrial parks", id="spelled-out-en"),
        pytest.param("sáu khu công nghiệp", "6 industrial parks", id="spelled-out-vi"),
        pytest.param("tổng của 5 năm", "five-year totals", id="spelled-in-a-compound"),
        pytest.param("một năm", "a single year", id="no-number-words-required"),
        pytest.param("{electricity-consumption} năm 2023", "{electricity-consumption} in 2023", id="references-left-out"),
        pytest.param("nguồn in “7,5MV”", "the source prints “7,5MV”", id="quoted-source"),
        pytest.param("lưới điện 220kV-110kV", "the 220 kV–110 kV grid", id="glued-units"),
        pytest.param("cũng có thể hiểu", "it may also mean", id="may-is-not-a-month"),
        pytest.param("5,06 tỷ m3 khí/năm", "5.06 billion m³ a year", id="exponent-of-a-unit"),
        pytest.param("ngày 1/5/2023", "on 1 May 2023", id="may-in-a-date"),
    ],
)
def test_numbers_that_agree(vi, en):
    assert compare(vi, en) is None


@pytest.mark.parametrize(
    ("vi", "en", "message"),
    [
        pytest.param("lấp đầy 40,9%", "filled 49.0%", "expected 40,9 as the Vietnamese text gives it, received 49.0", id="typo"),
        pytest.param("tăng 6,53%", "up 6.53% on 2022", "expected only numbers of the Vietnamese text, received 2022, which the Vietnamese does not give", id="number-added"),
        pytest.param(
            "ước đạt 2.956,39 triệu kWh năm 2023", "an estimated 2,956.39 million kWh", "expected every number of the Vietnamese text, received an English text without 2023", id="number-dropped"
        ),
        pytest.param("41.000 lao động", "41.000 workers", "expected 41.000 as the Vietnamese text gives it, received 41.000", id="vi-format-in-english"),
        pytest.param("ngày 13/10/2023", "on 13 November 2023", "expected 10 as the Vietnamese text gives it, received November", id="month"),
        pytest.param("6 và 7", "six and eight", "expected every number of the Vietnamese text, received an English text without 7", id="spelled-wrong"),
        pytest.param("1, 2 và 3", "4, 5", "expected 1, 2 and 3 as the Vietnamese text gives it, received 4 and 5", id="lists"),
    ],
)
def test_numbers_that_differ(vi, en, message):
    mismatch = compare(vi, en)
    assert mismatch is not None
    assert mismatch.message() == message


YAML = """\
title:
  vi: "Hạ tầng"
  en: "Infrastructure"
body:
  vi:
    - "Năm 2023, tăng 6,53%."
    - "Tỷ lệ lấp đầy 40,9%."
  en:
    - "In 2023, up 6.53%."
    - "The fill rate is 49.0%."
notes:
  - id: n
    text:
      vi: "Ký ngày 13/10/2023."
      en: "Signed on 13 October 2022."
"""


def test_a_number_written_the_vietnamese_way_gets_a_hint():
    mismatch = compare("41.000 lao động", "41.000 workers")
    assert mismatch is not None
    assert mismatch.hint() == "in English 41.000 reads as 41: write 41,000"


def test_problems_name_file_line_and_field():
    document = parse_yaml(YAML.encode("utf-8"), "data/test.yaml")
    assert [str(problem) for problem in translation_problems(document)] == [
        "data/test.yaml:10:7: body.en[1]: expected 40,9 as the Vietnamese text gives it, received 49.0",
        "data/test.yaml:15:11: notes[0].text.en: expected 2023 as the Vietnamese text gives it, received 2022",
    ]


def test_paragraph_lists_of_different_lengths():
    document = parse_yaml(b'body:\n  vi: ["M\xe1\xbb\x99t.", "Hai."]\n  en: ["One."]\n', "data/test.yaml")
    assert [str(problem) for problem in translation_problems(document)] == [
        "data/test.yaml:3:7: body.en: expected as many English paragraphs as Vietnamese ones (2), received 1 (translate each Vietnamese paragraph as one English paragraph)",
    ]
