"""Rendering: escaping of text from data, and the pages of each language."""

from __future__ import annotations

import dataclasses
import re
from html import unescape

import markdown
import pytest

from review.model import LANGUAGES, Text
from review.pages import escape_markdown, navigation, render_pages, render_section


@pytest.mark.parametrize(
    ("text", "html"),
    [
        pytest.param("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", id="html-tag"),
        pytest.param("a *b* _c_ `d`", "<p>a *b* _c_ `d`</p>", id="emphasis-and-code"),
        pytest.param("[link](http://x)", "<p>[link](http://x)</p>", id="link"),
        pytest.param("# not a heading", "<p># not a heading</p>", id="heading"),
        pytest.param("- not a list", "<p>- not a list</p>", id="list"),
        pytest.param("2023. not a list", "<p>2023. not a list</p>", id="ordered-list"),
        pytest.param("AS&CS", "<p>AS&amp;CS</p>", id="ampersand"),
        pytest.param("a | b", "<p>a | b</p>", id="pipe"),
        pytest.param("> not a quote", "<p>&gt; not a quote</p>", id="blockquote"),
        pytest.param("{ #id }", "<p>{ #id }</p>", id="attr-list"),
    ],
)
def test_text_from_data_shows_as_written(text, html):
    converted = markdown.markdown(str(escape_markdown(text)), extensions=["attr_list", "tables"])
    assert converted.replace("&quot;", '"') == html


@pytest.mark.parametrize("title", ["0#", "C# and F#", "#1", "a ## b"])
def test_a_hash_in_a_heading_stays(title):
    converted = markdown.markdown(f"# {escape_markdown(title)}")
    assert converted == f"<h1>{title}</h1>"


def test_escaping_keeps_table_cells_intact():
    row = f"| {escape_markdown('a | b')} | c |"
    converted = markdown.markdown("| x | y |\n| --- | --- |\n" + row, extensions=["tables"])
    assert "<td>a | b</td>" in converted
    assert "<td>c</td>" in converted


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_renders(site, lang):
    pages = render_pages(site, lang)
    assert set(pages) == {"index.md", "about.md", *(f"{s.id}.md" for s in site.sections)}
    for path, text in pages.items():
        assert text.startswith("# "), path


def test_html_in_a_label_is_escaped_on_the_page(site):
    section = site.sections[1]
    figure = section.figures[0]
    evil = dataclasses.replace(figure, label=Text(vi="<b>x</b>", en="<b>x</b>"))
    patched = dataclasses.replace(section, figures=(evil, *section.figures[1:]))
    text = render_section(site, patched, "en")
    assert "<b>x</b>" not in text
    assert "&lt;b&gt;x&lt;/b&gt;" in text


def test_a_missing_label_fails_instead_of_vanishing(site):
    labels = dict(site.vocabulary.labels)
    del labels["figures_title"]
    vocabulary = dataclasses.replace(site.vocabulary, labels=labels)
    broken = dataclasses.replace(site, vocabulary=vocabulary)
    with pytest.raises(KeyError, match="figures_title"):
        render_section(broken, site.sections[1], "vi")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_navigation_follows_the_sections_in_each_language(site, lang):
    nav = navigation(site, lang, ["guide.md"])
    assert nav[0] == {site.vocabulary.labels["home"][lang]: "index.md"}
    assert nav[1:-2] == [{s.title[lang]: f"{s.id}.md"} for s in site.sections]
    assert nav[-2] == {site.about_title[lang]: "about.md"}
    assert nav[-1] == "guide.md"


def test_a_quote_in_a_tooltip_shows_as_written_and_keeps_its_table_row(site):
    section = site.sections[1]
    figure = section.figures[0]
    odd = 'a # b * c [d] _e_ | f "g" :x: <i>'
    value = dataclasses.replace(figure.values[0], quote=odd)
    patched = dataclasses.replace(section, figures=(dataclasses.replace(figure, values=(value, *figure.values[1:])), *section.figures[1:]))
    html = markdown.markdown(render_section(site, patched, "en"), extensions=["tables", "attr_list", "md_in_html", "admonition", "pymdownx.details"])
    titles = re.findall(r'<a class="figure-value"[^>]*title="([^"]*)"', html)
    assert unescape(titles[0]) == f"{site.vocabulary.labels['quote_label']['en']}: “{odd}”"
    row = re.search(r"<tr>\s*<td[^>]*>[^<]*</td>\s*<td[^>]*><a class=\"figure-value\".*?</tr>", html, flags=re.DOTALL)
    assert row is not None and row.group(0).count("<td") == 3
