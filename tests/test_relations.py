"""Figures check themselves: relations are computed on every build, a broken
one fails it with both numbers (see test_validation.py), and where the
source itself is inconsistent the page shows the source's figure, the note,
and the value computed from the source's own figures, in each language."""

from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import Build
from review.model import LANGUAGES
from review.pages import Language
from review.relations import compute
from test_site import visible_text


@pytest.mark.parametrize(
    ("kind", "operands", "expected"),
    [
        pytest.param("sum", [Decimal(266), Decimal(1096)], Decimal(1362), id="sum"),
        pytest.param("ratio", [Decimal(19), Decimal(20)], Decimal(95), id="ratio"),
        pytest.param("growth", [Decimal(222), Decimal("176.5")], (Decimal(222) / Decimal("176.5") - 1) * 100, id="growth"),
        pytest.param("ratio", [Decimal(1), Decimal(0)], None, id="ratio-by-zero"),
    ],
)
def test_compute_relation(kind: str, operands: list[Decimal], expected: Decimal | None):
    assert compute(kind, operands) == expected


def test_the_model_keeps_what_each_relation_computed(site):
    energy = site.section("energy").relations[0]
    assert (energy.stated, energy.operand_values, energy.holds, energy.note) == (Decimal("20.52"), (Decimal(222), Decimal("176.5")), False, "saving-growth-inconsistent")
    assert energy.computed.quantize(Decimal("0.0001")) == Decimal("25.7790")
    assert all(relation.holds for relation in site.section("digital").relations)


@pytest.mark.parametrize(
    ("lang", "section", "index", "equation"),
    [
        pytest.param("vi", "energy", 0, "(222 / 176,5 − 1) × 100 ≈ 25,78%", id="growth-vi"),
        pytest.param("en", "energy", 0, "(222 / 176.5 − 1) × 100 ≈ 25.78%", id="growth-en"),
        pytest.param("vi", "digital", 0, "266 + 1.096 = 1.362 DVCTT", id="sum-vi"),
        pytest.param("en", "digital", 0, "266 + 1,096 = 1,362 online public services", id="sum-en"),
        pytest.param("vi", "digital", 1, "106.144 / 216.505 × 100 ≈ 49,03%", id="ratio-vi"),
        pytest.param("en", "digital", 3, "19 / 20 × 100 = 95%", id="exact-ratio-en"),
    ],
)
def test_equations_in_each_language(site, lang: str, section: str, index: int, equation: str):
    assert Language(lang, site).equation(site.section(section).relations[index]) == equation


@pytest.mark.parametrize(
    ("lang", "beside_the_value", "in_the_note"),
    [
        pytest.param(
            "vi",
            "Mức tăng sản lượng điện tiết kiệm giai đoạn 2016 – 2020 so với giai đoạn 2011 – 2015 20,52% (1) Tính từ số liệu của nguồn: ≈ 25,78% 2016–2020",
            "Mức tăng sản lượng điện tiết kiệm giai đoạn 2016 – 2020 so với giai đoạn 2011 – 2015. Nguồn ghi: 20,52%. Tính từ số liệu của nguồn: (222 / 176,5 − 1) × 100 ≈ 25,78%.",
            id="vi",
        ),
        pytest.param(
            "en",
            "Growth in electricity saved, 2016–2020 vs 2011–2015 20.52% (1) Computed from the source's figures: ≈ 25.78% 2016–2020",
            "Growth in electricity saved, 2016–2020 vs 2011–2015. Stated by the source: 20.52%. Computed from the source's figures: (222 / 176.5 − 1) × 100 ≈ 25.78%.",
            id="en",
        ),
    ],
)
def test_the_page_gives_the_computed_value_of_an_inconsistent_figure(built: Build, lang: str, beside_the_value: str, in_the_note: str):
    text = visible_text(built.page(lang, "energy/"))
    assert beside_the_value in text
    assert in_the_note in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_relation_is_listed_with_its_check(built: Build, site, lang: str):
    labels = site.vocabulary.labels
    for section in site.sections:
        text = visible_text(built.page(lang, f"{section.id}/"))
        page = Language(lang, site)
        for relation in section.relations:
            verdict = labels["relation_holds" if relation.holds else "relation_broken"][lang]
            row = f"{page.relation_result(relation)} {page.formula(relation)} {page.stated(relation)} {page.computed(relation)} {verdict}"
            assert row in text, row
        assert (labels["relations_title"][lang] in text) == bool(section.relations)


@pytest.mark.parametrize(("lang", "item"), [("vi", "Iran (1)"), ("en", "Netherlands (1)")])
def test_list_items_show_their_notes(built: Build, lang: str, item: str):
    html = built.page(lang, "cooperation/")
    assert item in visible_text(html)
    assert html.count('href="#note-iran-netherlands-comma"') == 2
    assert 'id="note-iran-netherlands-comma"' in html
