"""Hedges match (review.hedges), on constructed quotes: a hedged number
needs its qualifier, a qualifier needs its hedge."""

from __future__ import annotations

from decimal import Decimal

import pytest

from review.hedges import hedge_problem, hedge_problems, hedge_words
from review.yamlfile import parse_yaml

WORDS = hedge_words(
    {"exact": "{value}", "about": "khoảng {value}", "more_than": "hơn {value}", "over": "trên {value}", "nearly": "gần {value}", "estimated": "ước đạt {value}", "planned": "dự kiến {value}"}
)


@pytest.mark.parametrize(
    ("quote", "value", "qualifier"),
    [
        pytest.param("tạo việc làm cho hơn 41.000 lao động", 41000, "more_than", id="more-than"),
        pytest.param("Thành phố đã tổ chức trên 120 đoàn", 120, "over", id="over"),
        pytest.param("quy mô đầu tư gần 12 tỷ USD", 12, "nearly", id="nearly"),
        pytest.param("điện tiết kiệm ước đạt 75,6 triệu kWh", Decimal("75.6"), "estimated", id="estimated"),
        pytest.param("ngân sách khỏang 2.000 tỷ đồng", 2000, "about", id="misspelt-hedge"),
        pytest.param("xấp xỉ 50 dự án", 50, "about", id="variant"),
        pytest.param("dự kiến đến năm 2025 đạt 50%", 50, "planned", id="plan-earlier-in-the-clause"),
        pytest.param("Nhà máy điện Cần Thơ tổng công suất lắp đặt 188,2 MW", Decimal("188.2"), "exact", id="no-hedge"),
        pytest.param("tăng 6,53% so năm 2022", Decimal("6.53"), "exact", id="number-after-a-hedge-of-another-clause"),
        pytest.param("hơn 40 đối tác, thực hiện 50 dự án", 50, "exact", id="hedge-of-an-earlier-number"),
        pytest.param("hơn 40 đối tác thực hiện 50 dự án", 50, "exact", id="hedge-too-far-before"),
    ],
)
def test_hedges_that_match(quote, value, qualifier):
    assert hedge_problem(quote, value, qualifier, WORDS) is None


@pytest.mark.parametrize(
    ("quote", "value", "qualifier", "not_a_hedge", "expected"),
    [
        pytest.param(
            "Thành phố đã tổ chức trên 120 đoàn",
            120,
            "exact",
            None,
            ("quote", "expected qualifier: over for the quote's “trên” before 120, received none", "add qualifier: over, or, where “trên” is not a hedge here, not_a_hedge: trên with a note"),
            id="hedge-without-qualifier",
        ),
        pytest.param(
            "thu hút hơn 40 đối tác",
            40,
            "over",
            None,
            ("qualifier", "expected qualifier: more_than for the quote's “hơn” before 40, received over", ""),
            id="wrong-qualifier",
        ),
        pytest.param(
            "thực hiện 50 dự án",
            50,
            "about",
            None,
            ("qualifier", "expected the quote to hedge 50 with “khoảng”, received a quote without a hedge: 'thực hiện 50 dự án'", "quote the source's hedge with the number, or remove the qualifier"),
            id="qualifier-without-hedge",
        ),
        pytest.param(
            "chưa đến 5 doanh nghiệp",
            5,
            "exact",
            None,
            ("quote", "expected a qualifier for the quote's “chưa đến” before 5, received none: the site has no qualifier for it", "ask a developer to add one to the vocabulary"),
            id="hedge-the-site-cannot-say",
        ),
        pytest.param(
            "tổng công suất 330 MW",
            330,
            "exact",
            "trên",
            ("not_a_hedge", "expected a hedge word that stands before 330 in the quote, received 'trên'", "remove not_a_hedge"),
            id="stale-not-a-hedge",
        ),
    ],
)
def test_hedges_that_do_not_match(quote, value, qualifier, not_a_hedge, expected):
    assert hedge_problem(quote, value, qualifier, WORDS, not_a_hedge) == expected


def test_not_a_hedge_declares_a_reading():
    assert hedge_problem("điều hành trên 10 lĩnh vực", 10, "exact", WORDS, "trên") is None


def test_problems_name_file_line_and_field():
    document = parse_yaml(
        'figures:\n  - id: a\n    values:\n      - value: 120\n        quote: "trên 120 đoàn"\n      - value: 50\n        qualifier: about\n        quote: "50 dự án"\n'.encode(),
        "data/test.yaml",
    )
    assert [str(problem) for problem in hedge_problems(document, WORDS)] == [
        "data/test.yaml:5:16: figures[0].values[0].quote: expected qualifier: over for the quote's “trên” before 120, received none (add qualifier: over, or, where “trên” is not a hedge here, not_a_hedge: trên with a note)",
        "data/test.yaml:7:20: figures[0].values[1].qualifier: expected the quote to hedge 50 with “khoảng”, received a quote without a hedge: '50 dự án' (quote the source's hedge with the number, or remove the qualifier)",
    ]


def test_not_a_hedge_needs_a_note():
    document = parse_yaml('figures:\n  - id: a\n    values:\n      - value: 10\n        quote: "trên 10 lĩnh vực"\n        not_a_hedge: "trên"\n'.encode(), "data/test.yaml")
    assert [str(problem) for problem in hedge_problems(document, WORDS)] == [
        "data/test.yaml:6:22: figures[0].values[0].not_a_hedge: expected a note that explains why “trên” is not a hedge here, received none (add notes: [<id of a note of this section>] to the value)",
    ]
