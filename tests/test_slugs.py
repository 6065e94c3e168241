"""Heading ids: review.slugs.slugify on constructed headings, and on every
heading of the built site, in both languages: an id keeps every letter and
digit of its heading, without accents ("đ" read as "d")."""

from __future__ import annotations

import html
import re
import unicodedata

import pytest

from conftest import Build, real_site
from review import anchors
from review.hedges import fold
from review.model import LANGUAGES
from review.project import generated_pages
from review.slugs import slugify


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Key figures", "key-figures", id="english"),
        pytest.param("Biểu đồ", "bieu-do", id="d-with-stroke"),
        pytest.param("Đối chiếu số học", "doi-chieu-so-hoc", id="capital-d-with-stroke"),
        pytest.param("ĐIỆN", "dien", id="all-capitals"),
        pytest.param("Nguồn điện hiện có", "nguon-dien-hien-co", id="tones-and-hats"),
        pytest.param("Ô Môn I–IV: 1.050 MW", "o-mon-iiv-1050-mw", id="punctuation"),
        pytest.param("Các “nhà” được MDEC kết nối", "cac-nha-duoc-mdec-ket-noi", id="quotes-and-capitals"),
        pytest.param("Giai đoạn 2021 - 2025", "giai-doan-2021-2025", id="spaced-hyphen"),
        pytest.param("Diện tích (km²)", "dien-tich-km2", id="superscript"),
        pytest.param("— …", "", id="punctuation-only"),
    ],
)
def test_a_heading_id_is_its_text_without_accents(text: str, expected: str):
    assert slugify(text, "-") == expected


def test_the_separator_is_the_one_asked_for():
    assert slugify("Đường bộ", "_") == "duong_bo"


HEADING = re.compile(r'<h([1-6])\b[^>]*\sid="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
TAG = re.compile(r"<[^>]+>")
PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)


def letters(text: str) -> str:
    """The letters and digits of ``text``, lowercase, without accents, "đ"
    read as "d", compatibility forms as their plain ones ("km²" → "km2"):
    what a reader typing the heading without accents writes."""
    return "".join(char for char in fold(unicodedata.normalize("NFKD", text)) if char.isascii() and char.isalnum())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_heading_id_of_the_site_keeps_every_letter_of_its_heading(built: Build, lang: str):
    """Each heading of each generated page of the built site: its id, but
    for the number ``toc`` adds to make it unique, has the letters and
    digits of its text, in order, and nothing else."""
    checked = 0
    for path in generated_pages(real_site()):
        page = (built.site_dir / anchors.page_url(path, lang).lstrip("/") / "index.html").read_text(encoding="utf-8")
        for _, ident, inner in HEADING.findall(page):
            text = html.unescape(TAG.sub("", PERMALINK.sub("", inner)))
            made_unique = re.sub(r"_\d+$", "", ident)  # toc's "_1" for an id already used, or the text's own "_1"
            assert (path, letters(text)) in {(path, letters(ident)), (path, letters(made_unique))}, ident
            checked += 1
    assert checked > 50
