"""No generated page repeats an id, and the check knows it before the build:
review.anchors predicts every id of every generated page as the build
writes it (the headings' through Python-Markdown's toc), which the built
sites confirm, page by page; a figure whose id a heading, a chart, a note
or a quote of its page also has is refused at its field, in the editor's
language, with the other element and the pages named."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config

from conftest import DATA, FIXTURE, ROOT, Build, copy_fixture_data, edit, real_site
from review import anchors, slugs
from review.messages import language
from review.model import LANGUAGES, Site
from review.pages import render_pages
from review.problems import DataError
from review.project import generated_pages, load_site
from review.reference import Reference, load_reference

HEADING = re.compile(r'<h[1-6]\b[^>]*\sid="([^"]+)"')
ID = re.compile(r'\sid="([^"]+)"')


def predicted(site: Site, reference: Reference, lang: str) -> dict[str, list[anchors.Anchor]]:
    return anchors.pages_anchors(site, lang, anchors.page_plans(site, lang, reference))


def compare(html: str, found: list[anchors.Anchor]) -> tuple[list[str], list[str], list[str], list[str]]:
    """(heading ids of ``html``, those predicted, its other ids, those predicted), in order and sorted."""
    theme = set(anchors.THEME_IDS)
    ids = ID.findall(html)
    assert {ident for ident in ids if ident.startswith("__")} <= theme
    return (
        HEADING.findall(html),
        [a.ident for a in found if a.kind == "heading"],
        sorted(ident for ident in ids if ident not in theme),
        sorted(a.ident for a in found if a.kind != "theme"),
    )


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, Reference]:
    data = copy_fixture_data(tmp_path_factory.mktemp("small") / "data", FIXTURE / "data")
    return load_site(data), load_reference(data / "schema")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("which", ["real", "small"])
def test_the_check_predicts_every_id_of_every_generated_page_of_the_build(which: str, lang: str, request: pytest.FixtureRequest):
    """Each generated page of the built site: the heading ids the check
    predicts are those of the HTML, in order, and so are all its other ids
    (but the theme's, which are known by name)."""
    if which == "real":
        build: Build = request.getfixturevalue("built")
        site, reference = real_site(), load_reference(DATA / "schema")
    else:
        build = request.getfixturevalue("small_built")
        site, reference = request.getfixturevalue("small_site")
    pages = predicted(site, reference, lang)
    assert sorted(pages) == sorted(generated_pages(site))
    for path, found in pages.items():
        html = (build.site_dir / anchors.page_url(path, lang).lstrip("/") / "index.html").read_text(encoding="utf-8")
        headings, expected_headings, others, expected_others = compare(html, found)
        assert (path, headings) == (path, expected_headings)
        assert (path, others) == (path, expected_others)
    if which == "real":
        assert sum(len(found) for found in pages.values()) > 100  # the comparison compared something


def tricky(data: Path) -> None:
    """Headings that make toc avoid an id, and one whose text Markdown reads:
    a list titled as the fixed heading "Figures" (figures_1), one whose
    slug is a chart's anchor (its _1), one with markup, an abbreviation and
    an emoji's colons, and a section title made of punctuation only."""
    edit(data / "energy.yaml", '      en: "Power sources"', '      en: "Figures"')
    edit(data / "energy.yaml", '      en: "Grid planning"', '      en: "Chart: power capacity by source"')
    edit(data / "digital.yaml", '  en: "Digital transformation"', '  en: "R&D *new* [x](y) :smile: UBND \\\\ # `code` x < y"')
    edit(data / "industry.yaml", '  en: "Industrial infrastructure"', '  en: "— …"')


def markdown_reader() -> markdown.Markdown:
    """Python-Markdown with the extensions and settings of mkdocs.yml, and
    the heading ids the hooks set (review.slugs)."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    settings = {**config["mdx_configs"], "toc": {**config["mdx_configs"].get("toc", {}), **slugs.TOC_SETTINGS}}
    return markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=settings)


def test_the_check_predicts_the_ids_markdown_gives_to_tricky_headings(rules_data: Path):
    """On made-up headings, the ids of every generated page, as
    Python-Markdown reads the pages' Markdown with mkdocs.yml's settings,
    are those predicted: data with no repeated id is accepted."""
    tricky(rules_data)
    site = load_site(rules_data)
    reference = load_reference(rules_data / "schema")
    reader = markdown_reader()
    heights = {chart.id: 300.0 for section in site.sections for chart in section.charts}
    seen = set()
    for lang in LANGUAGES:
        pages = predicted(site, reference, lang)
        for path, text in render_pages(site, lang, reference, heights).items():
            html = reader.reset().convert(text)
            headings, expected_headings, others, expected_others = compare(html, pages[path])
            assert (path, headings) == (path, expected_headings)
            assert (path, others) == (path, expected_others)
            seen.update(headings)
    assert {"figures_1", "chart-power-capacity-by-source_1", "rd-new-xy-smile-ubnd-code-x-y", "_1"} <= seen


FIGURE = "  - id: electricity-consumption-growth-vs-2022\n"
"""A figure of tests/fixtures/rules/data/energy.yaml that nothing refers to, at line 65."""


def renamed(ident: str) -> tuple[str, str, str]:
    return ("energy.yaml", FIGURE, f"  - id: {ident}\n")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            renamed("figures"),
            {
                "en": "data/energy.yaml:65:9: figures[3].id: expected an id no heading of its page uses, received 'figures' (the heading \"Figures\" on /en/energy/)",
                "vi": "data/energy.yaml:65:9: figures[3].id: cần một mã không trùng với mã của đề mục nào trên trang của nó, nhận được 'figures' (đề mục \"Figures\" trên /en/energy/)",
            },
            id="a-fixed-heading-in-english",
        ),
        pytest.param(
            renamed("quy-hoach-luoi-dien"),
            {
                "en": "data/energy.yaml:65:9: figures[3].id: expected an id no heading of its page uses, received 'quy-hoach-luoi-dien' (the heading \"Quy hoạch lưới điện\" on /energy/)",
                "vi": "data/energy.yaml:65:9: figures[3].id: cần một mã không trùng với mã của đề mục nào trên trang của nó, nhận được 'quy-hoach-luoi-dien' (đề mục \"Quy hoạch lưới điện\" trên /energy/)",
            },
            id="a-list-title-in-vietnamese-only",
        ),
        pytest.param(
            renamed("energy-infrastructure"),
            {
                "en": "data/energy.yaml:65:9: figures[3].id: expected an id no heading of its page uses, received 'energy-infrastructure' (the heading \"Energy infrastructure\" on /en/energy/)",
                "vi": "data/energy.yaml:65:9: figures[3].id: cần một mã không trùng với mã của đề mục nào trên trang của nó, nhận được 'energy-infrastructure' (đề mục \"Energy infrastructure\" trên /en/energy/)",
            },
            id="the-section-title",
        ),
        pytest.param(
            renamed("chart-power-capacity-by-source"),
            {
                "en": "data/energy.yaml:65:9: figures[3].id: expected an id no other element of its page uses, received 'chart-power-capacity-by-source' (the anchor of the chart 'power-capacity-by-source' on /energy/, /en/energy/)",
                "vi": "data/energy.yaml:65:9: figures[3].id: cần một mã không trùng với thành phần nào khác trên trang của nó, nhận được 'chart-power-capacity-by-source' (điểm neo của biểu đồ 'power-capacity-by-source' trên /energy/, /en/energy/)",
            },
            id="a-chart",
        ),
        pytest.param(
            renamed("note-solar-list-open"),
            {
                "en": "data/energy.yaml:65:9: figures[3].id: expected an id no other element of its page uses, received 'note-solar-list-open' (the anchor of the note 'solar-list-open' on /energy/, /en/energy/)",
                "vi": "data/energy.yaml:65:9: figures[3].id: cần một mã không trùng với thành phần nào khác trên trang của nó, nhận được 'note-solar-list-open' (điểm neo của ghi chú 'solar-list-open' trên /energy/, /en/energy/)",
            },
            id="a-note",
        ),
        pytest.param(
            renamed("quote-electricity-saved-2"),
            {
                "en": "data/energy.yaml:65:9: figures[3].id: expected an id no other element of its page uses, received 'quote-electricity-saved-2' (the anchor of the quote of value 3 of the figure 'electricity-saved' on /energy/, /en/energy/)",
                "vi": "data/energy.yaml:65:9: figures[3].id: cần một mã không trùng với thành phần nào khác trên trang của nó, nhận được 'quote-electricity-saved-2' (điểm neo của trích dẫn cho giá trị thứ 3 của số liệu 'electricity-saved' trên /energy/, /en/energy/)",
            },
            id="a-quote",
        ),
        pytest.param(
            ("energy.yaml", '      en: "Grid planning"', '      en: "Solar capacity"'),
            {
                "en": "data/energy.yaml:85:9: figures[5].id: expected an id no heading of its page uses, received 'solar-capacity' (the heading \"Solar capacity\" on /en/energy/)",
                "vi": "data/energy.yaml:85:9: figures[5].id: cần một mã không trùng với mã của đề mục nào trên trang của nó, nhận được 'solar-capacity' (đề mục \"Solar capacity\" trên /en/energy/)",
            },
            id="a-list-retitled",
        ),
        pytest.param(
            ("site.yaml", '    en: "About this site"', '    en: "Source: article"'),
            {
                "en": "data/site.yaml:57:9: about.title.en: expected a heading whose id no other element of its page uses, received 'Source: article', whose id is 'source-article' (the anchor of the source 'article' on /en/about/)",
                "vi": "data/site.yaml:57:9: about.title.en: cần một đề mục có mã không trùng với thành phần nào khác trên trang của nó, nhận được 'Source: article', có mã 'source-article' (điểm neo của nguồn 'article' trên /en/about/)",
            },
            id="a-heading-and-a-source",
        ),
        pytest.param(
            ("energy.yaml", '      en: "Grid planning"', '      en: "__toc"'),
            {
                "en": "data/energy.yaml:117:11: lists[1].title.en: expected a heading whose id no other element of its page uses, received '__toc', whose id is '__toc' (an element of the theme on /en/energy/)",
                "vi": "data/energy.yaml:117:11: lists[1].title.en: cần một đề mục có mã không trùng với thành phần nào khác trên trang của nó, nhận được '__toc', có mã '__toc' (một thành phần của giao diện trên /en/energy/)",
            },
            id="a-heading-and-the-theme",
        ),
    ],
)
def test_a_repeated_id_is_refused_at_its_field_in_both_languages(rules_data: Path, change: tuple[str, str, str], expected: dict[str, str]):
    name, old, new = change
    edit(rules_data / name, old, new)
    for lang in LANGUAGES:
        with language(lang), pytest.raises(DataError) as caught:
            load_site(rules_data)
        assert [str(problem) for problem in caught.value.problems] == [expected[lang]]


def test_a_heading_of_both_languages_is_one_problem_naming_both_pages(rules_data: Path):
    """The same element on the page of each language: one problem, with
    both pages; different headings of the two languages: one problem each."""
    edit(rules_data / "energy.yaml", '      vi: "Quy hoạch lưới điện"\n      en: "Grid planning"', '      vi: "Solar capacity"\n      en: "Solar capacity"')
    with pytest.raises(DataError) as caught:
        load_site(rules_data)
    assert [str(problem) for problem in caught.value.problems] == [
        "data/energy.yaml:85:9: figures[5].id: expected an id no heading of its page uses, received 'solar-capacity' (the heading \"Solar capacity\" on /energy/, /en/energy/)",
    ]
    edit(rules_data / "energy.yaml", '      vi: "Solar capacity"', '      vi: "Solar   capacity"')
    with pytest.raises(DataError) as caught:
        load_site(rules_data)
    assert [str(problem) for problem in caught.value.problems] == [
        "data/energy.yaml:85:9: figures[5].id: expected an id no heading of its page uses, received 'solar-capacity' (the heading \"Solar   capacity\" on /energy/)",
        "data/energy.yaml:85:9: figures[5].id: expected an id no heading of its page uses, received 'solar-capacity' (the heading \"Solar capacity\" on /en/energy/)",
    ]


def test_a_plain_heading_is_read_as_markdown_reads_it(monkeypatch: pytest.MonkeyPatch, rules_data: Path):
    """The headings whose text Markdown would read as it is are not given to
    Markdown: on every heading of the real site and of the tricky data,
    the slugs are those Markdown's reading of every heading gives."""
    tricky(rules_data)
    sites = [real_site(), load_site(rules_data)]
    headings = {lang: [h for site in sites for plan in anchors.page_plans(site, lang, load_reference(DATA / "schema")).values() for h in plan.headings] for lang in LANGUAGES}
    fast = {lang: anchors.heading_slugs(headings[lang], {}) for lang in LANGUAGES}
    monkeypatch.setattr(anchors, "_PLAIN", re.compile(r"(?!)"))
    slow = {lang: anchors.heading_slugs(headings[lang], {}) for lang in LANGUAGES}
    assert fast == slow
    assert sum(map(len, slow.values())) > 100
