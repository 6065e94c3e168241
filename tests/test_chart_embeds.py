"""Charts others can embed: every chart has a page of its own in each
language (``charts/<id>/``, ``en/charts/<id>/``) with the chart in both
schemes, its description, downloads and data table and no site navigation;
the section page offers the ``<iframe>`` code and a link to that page."""

from __future__ import annotations

import dataclasses
import json
import re
from html import unescape
from pathlib import Path

import markdown
import pytest

import test_publishing_build
from conftest import Build, real_site
from review import chart_pages, discovery
from review.charts.describe import description
from review.charts.spec import chart_spec
from review.charts.views import chart_view
from review.languages import pair_handwritten
from review.model import LANGUAGES, Text
from review.pages import generated_paths, render_section
from test_site import visible_text

# The build with a site URL, as published (tests/test_publishing_build.py).
published = test_publishing_build.published

SITE = real_site()
CHARTS = [(section.id, chart) for section in SITE.sections for chart in section.charts]
CASES = [pytest.param(section_id, chart, lang, id=f"{chart.id}-{lang}") for section_id, chart in CHARTS for lang in LANGUAGES]


def _folder(built: Build, lang: str) -> Path:
    return built.site_dir / ("" if lang == "vi" else lang)


@pytest.mark.parametrize(("section_id", "chart", "lang"), CASES)
def test_every_chart_has_its_page_in_each_language(built: Build, section_id, chart, lang):
    html = built.page(lang, f"charts/{chart.id}/")
    spec = chart_spec(SITE, chart, lang)
    assert f'<html lang="{lang}"' in html
    # No site navigation: no header (an empty hidden one for Material's
    # script), tabs, sidebars or footer.
    assert re.findall(r"<header[^>]*>.*?</header>", html, re.DOTALL) == ['<header class="md-header" data-md-component="header" hidden></header>']
    for part in ('class="md-tabs', 'class="md-sidebar', 'class="md-footer', 'class="md-nav'):
        assert part not in html, part
    assert f"<title>{spec.title}" in unescape(html)
    for src in (f"../{chart.id}.svg#only-light", f"../{chart.id}.dark.svg#only-dark"):
        assert f'src="{src}"' in html
    text = visible_text(html)
    assert spec.title in text
    assert description(SITE, spec) in text
    assert spec.source in text
    # Downloads and the table, as on the section page; every link resolves.
    for name in ("csv", "svg", "png"):
        assert f'<a download="{chart.id}.{lang}.{name}" href="../{chart.id}.{name}">' in html
    assert SITE.vocabulary.labels["chart_table"][lang] + ": " + spec.title in text
    folder = _folder(built, lang) / "charts" / chart.id
    for href in re.findall(r'(?:href|src)="(\.\./[^"#]+)', html):
        assert (folder / href).resolve().exists(), href
    context = re.search(r'<a class="chart-context" href="([^"]+)" target="_blank">', html)
    assert context and context.group(1) == f"../../{section_id}/#chart-{chart.id}"


@pytest.mark.parametrize(("section_id", "chart", "lang"), CASES)
def test_a_published_chart_page_has_hreflang_and_shares_its_chart(published: Build, section_id, chart, lang):
    head = test_publishing_build._head(published.page(lang, f"charts/{chart.id}/"))
    root = test_publishing_build.SITE_URL
    page = f"charts/{chart.id}/"
    hreflang = {link["hreflang"]: link["href"] for link in head.links if link.get("rel") == "alternate"}
    assert hreflang == {"vi": root + page, "en": root + "en/" + page, "x-default": root + page}
    meta = {m.get("property") or m.get("name"): m.get("content") for m in head.meta}
    shared = chart_pages.sharing(SITE, f"charts/{chart.id}.md", lang)
    assert shared is not None
    assert meta["og:image"] == root + ("" if lang == "vi" else f"{lang}/") + f"charts/{chart.id}.png"
    assert meta["og:image:alt"] == shared.image_alt
    assert meta["description"] == meta["og:description"] == discovery.shorten(shared.description)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_chart_pages_stay_out_of_search(built: Build, lang: str):
    index = (_folder(built, lang) / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"location":"charts/' not in index.replace(" ", "")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_leaves_out_the_embed_blocks(built: Build, lang: str):
    """Each chart's embed block (its interface text and <iframe> code) is on
    the page but not in the language's search index, where it would match
    every chart's section for "embed" and show the code in results."""
    labels = SITE.vocabulary.labels
    index = json.loads((_folder(built, lang) / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"])
    page = built.page(lang, f"{next(section.id for section in SITE.sections if section.charts)}/")
    for interface in (labels["chart_embed"][lang], labels["chart_embed_intro"][lang], labels["embed_copy"][lang], "&lt;iframe"):
        assert interface in page
        assert interface not in text, interface


@pytest.mark.parametrize(("section_id", "chart", "lang"), CASES)
def test_the_section_page_offers_the_embed_code_and_the_chart_page(built: Build, section_id, chart, lang):
    html = built.page(lang, f"{section_id}/")
    block = html.split(f'id="chart-{chart.id}"', 1)[1].split('<details class="abstract">', 1)[0]
    assert '<details class="info chart-embed" data-search-exclude="">' in block  # see test_search_leaves_out_the_embed_blocks
    assert f"<summary>{SITE.vocabulary.labels['chart_embed'][lang]}</summary>" in unescape(block)
    code = unescape(re.search(r'<div class="chart-embed-code highlight"><pre><span></span><code>(.*?)</code>', block, re.DOTALL).group(1)).strip()
    expected = chart_pages.iframe_code("/" + chart_pages.page_url(chart.id, lang), chart_spec(SITE, chart, lang).title)
    assert code == unescape(str(expected))
    assert f'<a class="chart-page-link" href="../charts/{chart.id}/">' in block


@pytest.mark.parametrize(
    ("title", "attribute"),
    [
        pytest.param('Power "now" & <later>', 'title="Power &#34;now&#34; &amp; &lt;later&gt;"', id="html-characters"),
        pytest.param("a *b* _c_ [d](e) | f", 'title="a *b* _c_ [d](e) | f"', id="markdown-characters"),
    ],
)
def test_the_iframe_code_escapes_the_title_for_html_only(title: str, attribute: str):
    code = str(chart_pages.iframe_code("/charts/x/", title))
    assert code == f'<iframe src="/charts/x/" {attribute} width="100%" height="{chart_pages.IFRAME_HEIGHT}" style="border: 0" loading="lazy"></iframe>'


def test_a_title_with_markup_shows_as_written_in_the_embed_code(site):
    section = next(s for s in site.sections if s.charts)
    chart = section.charts[0]
    evil = Text(vi='<b>x</b> & "y" *z*', en='<b>x</b> & "y" *z*')
    patched_chart = dataclasses.replace(chart, title=evil)
    patched = dataclasses.replace(section, charts=(patched_chart, *section.charts[1:]))
    patched_site = dataclasses.replace(site, sections=tuple(patched if s.id == section.id else s for s in site.sections))
    html = markdown.markdown(render_section(patched_site, patched, "en"), extensions=["tables", "attr_list", "md_in_html", "admonition", "pymdownx.details", "pymdownx.superfences"])
    code = re.search(r"<pre[^>]*>(?:<span></span>)?<code[^>]*>(.*?)</code></pre>", html, re.DOTALL)
    assert code is not None
    shown = unescape(code.group(1)).strip()
    assert shown == str(chart_pages.iframe_code("/en/charts/" + chart.id + "/", '<b>x</b> & "y" *z*'))
    assert "<b>x</b>" not in html


def test_a_handwritten_page_cannot_take_a_chart_page(tmp_path: Path, site):
    chart = next(chart for section in site.sections for chart in section.charts)
    names = [f"charts/{chart.id}.vi.md", f"charts/{chart.id}.en.md"]
    _, problems = pair_handwritten(tmp_path / "content", names, generated_paths(site))
    assert [str(p) for p in problems] == [
        f"content/charts/{chart.id}.{lang}.md: expected a page of its own, received one that would replace the generated page charts/{chart.id}.md (rename it)" for lang in ("en", "vi")
    ]


@pytest.mark.parametrize(("section_id", "chart", "lang"), CASES)
def test_a_chart_page_is_shared_with_its_chart(section_id, chart, lang):
    shared = chart_pages.sharing(SITE, f"charts/{chart.id}.md", lang)
    spec = chart_spec(SITE, chart, lang)
    assert shared is not None
    assert shared.image == f"charts/{chart.id}.png"
    assert shared.image_alt == chart_view(SITE, chart, lang).alt  # the words of the image on the page
    assert spec.subtitle is None or spec.subtitle.split(".")[0] in shared.image_alt  # its caveats too
    assert shared.description == shared.image_alt


@pytest.mark.parametrize("src_uri", ["index.md", "energy.md", "charts/no-such-chart.md", "charts/index.md"])
def test_other_pages_are_not_chart_pages(src_uri):
    assert chart_pages.sharing(SITE, src_uri, "vi") is None
