"""The whole site, built once into a temporary folder: pages in both
languages, language attributes, switcher and hreflang links, and every figure
of data/ on its page in each language's format."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest

from review.formatting import format_time, format_value
from review.languages import LANGUAGE_NAMES
from review.model import LANGUAGES
from conftest import DATA, ROOT, Build, sources_snapshot

SECTION_IDS = [path.stem for path in sorted(DATA.glob("*.yaml")) if path.stem not in ("site", "vocabulary")]
PAGES = ["", "about/", *(f"{s}/" for s in SECTION_IDS)]


def visible_text(html: str) -> str:
    """The page's article text, tags removed and entities decoded."""
    article = html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
    article = re.sub(r"</?(abbr|span|a|strong|em|sup)\b[^>]*>", "", article)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", article)))


def test_strict_build_has_no_warnings(built: Build):
    assert built.warnings == []


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.strip("/") or "home")
def test_page_exists_with_its_language(built: Build, lang: str, page: str):
    html = built.page(lang, page)
    assert f'<html lang="{lang}"' in html


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.strip("/") or "home")
def test_switcher_and_hreflang_lead_to_the_same_page(built: Build, lang: str, page: str):
    html = built.page(lang, page)
    depth = ("" if lang == "vi" else "en/").count("/") + page.count("/")
    up = "../" * depth
    expected = {"vi": (up + page) or "./", "en": up + "en/" + page}
    for other in LANGUAGES:
        assert re.search(rf'<a href="{re.escape(expected[other])}" hreflang="{other}" lang="{other}" class="md-select__link"', html)
        assert LANGUAGE_NAMES[other] in html
    # This build has no site_url: hreflang links must be absolute, so there
    # are none (tests/test_publishing_build.py checks them with a site_url),
    # and Material's own site-wide alternates must not appear either.
    assert re.findall(r'<link rel="alternate"', html) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_interface_text_is_in_the_page_language(built: Build, lang: str):
    html = built.page(lang, "energy/")
    search = {"vi": "Tìm kiếm", "en": "Search"}[lang]
    assert f'placeholder="{search}"' in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_its_own_search_index(built: Build, site, lang: str):
    prefix = "" if lang == "vi" else "en/"
    index = json.loads((built.site_dir / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [lang]
    titles = {doc["title"] for doc in index["docs"]}
    for section in site.sections:
        assert section.title[lang] in titles
        other = "en" if lang == "vi" else "vi"
        assert section.title[other] not in titles


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("section_id", SECTION_IDS)
def test_every_figure_appears_in_the_locale_format(built: Build, site, lang: str, section_id: str):
    section = site.section(section_id)
    text = visible_text(built.page(lang, f"{section_id}/"))
    for figure in section.figures:
        for value in figure.values:
            shown = format_value(value, figure.unit, site.vocabulary, lang)
            when = format_time(value, site.vocabulary, lang)
            row = f"{figure.label[lang]} {shown} "
            assert row in text, f"{figure.id}: {row!r} not on the {lang} page"
            assert when in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_shows_headline_figures_sections_and_timeline(built: Build, site, lang: str):
    text = visible_text(built.page(lang, ""))
    for ident in site.headline_figures:
        figure = site.figures[ident]
        assert format_value(figure.latest, figure.unit, site.vocabulary, lang) in text
        assert figure.label[lang] in text
    for section in site.sections:
        assert section.title[lang] in text
        # Each section shows its own key figures on its own page.
        page = visible_text(built.page(lang, f"{section.id}/"))
        for ident in section.key_figures:
            figure = site.figures[ident]
            assert format_value(figure.latest, figure.unit, site.vocabulary, lang) in page
    for milestone in site.milestones:
        assert milestone.text[lang] in text


def test_a_build_writes_nothing_into_content_or_data(built: Build):
    """The shared real-site build (conftest.shared_build) compares content/
    and data/ before and after it: every path, its time and its size."""
    assert built.warnings == []
    assert built.touched == []
    # What it compares: both folders, file by file.
    compared = sources_snapshot(ROOT)
    assert "data/site.yaml" in compared and "content/editing.vi.md" in compared


@pytest.mark.parametrize("lang", LANGUAGES)
def test_footer_cites_the_source_and_toggles_speak_the_language(built: Build, site, lang: str):
    html = built.page(lang, "")
    citation = next(iter(site.sources.values())).citation[lang]
    assert citation.replace("&", "&amp;") in html
    for key in ("dark_mode", "light_mode"):
        assert f'title="{site.vocabulary.labels[key][lang]}"' in html


@pytest.mark.parametrize(
    ("uri", "left_out"),
    [
        pytest.param("assets/javascripts/lunr/wordcut.js", True, id="lunr-word-splitter"),
        pytest.param("assets/javascripts/lunr/min/lunr.vi.min.js", True, id="lunr-language"),
        pytest.param("assets/javascripts/workers/search.a7633da7.min.js", True, id="material-search-worker"),
        pytest.param("assets/javascripts/workers/search.a7633da7.min.js.map", True, id="its-source-map"),
        pytest.param("assets/javascripts/search-worker.js", False, id="the-sites-own-worker"),
        pytest.param("assets/javascripts/bundle.a5f9d56c.min.js", False, id="materials-bundle"),
        pytest.param("assets/stylesheets/main.css", False, id="a-stylesheet"),
    ],
)
def test_unused_theme_files_are_recognised(uri: str, left_out: bool):
    from review.theme_files import unused

    assert unused(uri) is left_out


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_site_leaves_out_the_theme_files_it_never_loads(built: Build, lang: str):
    """Material's search worker and Lunr's languages are not published (the
    site brings its own worker), and no page names them; the rest of the
    theme's scripts are there."""
    assets = built.site_dir / ("" if lang == "vi" else lang) / "assets" / "javascripts"
    assert not (assets / "lunr").exists()
    assert not list(assets.glob("workers/search.*"))
    assert list(assets.glob("bundle.*.min.js")) and (assets / "search-worker.js").is_file()
    for page in (built.site_dir / ("" if lang == "vi" else lang)).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "javascripts/lunr/" not in text and "javascripts/workers/search." not in text, page


def test_only_the_offline_copy_loads_the_file_worker(built: Build):
    """The served site (folder URLs) starts its search worker itself: no page
    loads content/assets/javascripts/file-worker.js, which only the pages of
    a build with file links need (tests/test_publishing_build.py checks
    that the offline copy's do)."""
    pages = list(built.site_dir.rglob("*.html"))
    assert len(pages) > 40
    assert [page for page in pages if "file-worker.js" in page.read_text(encoding="utf-8")] == []
