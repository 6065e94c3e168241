"""Material's interface text in the page's language: the Vietnamese pages
carry no English interface words, and each language's 404 page is its own.
Read from the shared build; the words come from
hooks/overrides/partials/languages/*.html."""

from __future__ import annotations

import re

import pytest

from conftest import Build

PAGES = ["", "energy/", "reference/"]

# What a reader sees, by language: the skip link, back to top, the search
# box's first message and the footer credit.
EXPECTED = {
    "vi": ["Chuyển đến nội dung", "Lên đầu trang", "Đang chuẩn bị tìm kiếm", "Xây dựng bằng"],
    "en": ["Skip to content", "Back to top", "Initializing search", "Made with"],
}
ENGLISH_ONLY = ["Initializing search", "Made with", "Skip to content", "Back to top", "404 - Not found", "Type to start searching"]
MATERIAL_VIETNAMESE = ["Trở lại mục lục", ">\\s*Bỏ qua\\s*<"]
"""Material's own Vietnamese for back-to-top ("back to the table of
contents") and the skip link ("skip"), which we replaced."""


def words(page: str) -> str:
    """The page without its tags' attributes and scripts, whitespace folded."""
    return re.sub(r"\s+", " ", re.sub(r"<script\b.*?</script>", "", page, flags=re.S))


@pytest.mark.parametrize("path", PAGES, ids=[p.strip("/") or "home" for p in PAGES])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_interface_text_is_in_the_page_language(built: Build, lang: str, path: str):
    page = words(built.page(lang, path))
    for text in EXPECTED[lang]:
        assert text in page, text
    if lang == "vi":
        for text in ENGLISH_ONLY:
            assert text not in page, text
        for pattern in MATERIAL_VIETNAMESE:
            assert not re.search(pattern, page), pattern


@pytest.mark.parametrize(("lang", "title"), [("vi", "404 – Không tìm thấy trang"), ("en", "404 – Page not found")])
def test_each_language_has_its_404_page(built: Build, lang: str, title: str):
    folder = built.site_dir / ("" if lang == "vi" else f"{lang}/")
    page = (folder / "404.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in page
    assert f"<h1>{title}</h1>" in page
