"""Random valid data round-trips: written as YAML, it loads into the model
unchanged, renders in both languages, and every text and number reaches the
page exactly (text as written, numbers as Babel writes them, and back).

Also the escaping that makes this hold: text from YAML can never become
Markdown or HTML, whatever it contains."""

from __future__ import annotations

import re
import tempfile
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from html import unescape
from pathlib import Path

import markdown
import pytest
from babel.numbers import parse_decimal
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from material.extensions.emoji import to_svg, twemoji

from conftest import DATA, copy_fixture_data
from review.formatting import BABEL_LOCALES, format_number, format_value
from review.model import LANGUAGES
from review.pages import escape_markdown, render_section
from review.prose import PLACEHOLDER
from review.scaffold import append_to_list, yaml_text
from review.project import load_site
from review.yamlfile import read_yaml

# The Markdown extensions of mkdocs.yml, so that the test sees what the site shows.
EXTENSIONS = ["abbr", "admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.details", "pymdownx.emoji", "pymdownx.highlight", "pymdownx.superfences"]
CONFIG = {"pymdownx.emoji": {"emoji_index": twemoji, "emoji_generator": to_svg}}

UNITS = read_yaml(DATA / "vocabulary.yaml", "data/vocabulary.yaml").data["units"]
HEDGES = read_yaml(DATA / "vocabulary.yaml", "data/vocabulary.yaml").data["qualifiers"]
QUALIFIERS = ["exact", "about", "more_than", "over", "nearly", "estimated", "planned"]

# Vietnamese letters, digits, and every character Markdown gives a meaning to
# (but '<' and '&', which the checks refuse as HTML when they form a tag or an entity).
LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyàằầáắấảẳẩãẵẫạặậèềéếẻểẽễẹệìíỉĩịòồờóốớỏổởõỗỡọộợùừúứủửũữụựỳýỷỹỵAĂÂĐÊÔƠƯ"
# No digits: a number in a text must be the same in its twin (review.translated_numbers),
# and the number of a quote must be the only one its hedge check finds; digits enter
# through pairs() and the values.
WORD = st.text(alphabet=LETTERS + "*_`[]{}()#+-.!?:|\\/'\">=%~", min_size=1, max_size=8)
GENERATED_SOURCE = "generated-source"
SPACE = st.sampled_from([" ", " ", " ", "\n", "  "])


@st.composite
def texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(WORD, min_size=1, max_size=5))
    text = words[0] + "".join(draw(SPACE) + word for word in words[1:])
    text = unicodedata.normalize("NFC", text)
    # {figure-id} names a figure in the site's own text (review.prose): the
    # one syntax a text may hold; these texts are plain.
    assume(PLACEHOLDER.search(text) is None)
    return text


@st.composite
def pairs(draw: st.DrawFn) -> tuple[str, str]:
    """A text and its "translation": other words, the same number (under
    1000, which both languages write alike)."""
    number = draw(st.integers(min_value=0, max_value=999))
    return f"{draw(texts())} {number}", f"{draw(texts())} {number}"


def shown(text: str) -> str:
    """How a text reads on the page: whitespace runs read as one space."""
    return re.sub(r"\s+", " ", text).strip()


@st.composite
def numbers(draw: st.DrawFn, kind: str) -> Decimal | int:
    if kind == "count":
        return draw(st.integers(min_value=0, max_value=10**9))
    places = draw(st.integers(min_value=0, max_value=3))
    top = 100 if kind == "percent" else 10**7
    value = draw(st.decimals(min_value=0, max_value=top, places=places, allow_nan=False, allow_infinity=False))
    return int(value) if places == 0 else value


@dataclass(frozen=True)
class GeneratedValue:
    value: Decimal | int
    year: int
    stock: bool
    qualifier: str
    quote: str


@dataclass(frozen=True)
class GeneratedFigure:
    id: str
    vi: str
    en: str
    unit: str
    values: tuple[GeneratedValue, ...]


@st.composite
def figures(draw: st.DrawFn, index: int) -> GeneratedFigure:
    unit = draw(st.sampled_from(sorted(UNITS)))
    kind = UNITS[unit].get("kind", "measure")
    years = sorted(draw(st.sets(st.integers(min_value=1990, max_value=2060), min_size=1, max_size=3)))
    values = []
    for year in years:
        value = draw(numbers(kind))
        qualifier = draw(st.sampled_from(QUALIFIERS))
        # The quote hedges its number as the qualifier says (review.hedges).
        hedge = HEDGES[qualifier]["vi"].replace("{value}", format_number(value, "vi"))
        quote = f"{draw(texts())} {hedge} {draw(texts())}"
        values.append(GeneratedValue(value, year, draw(st.booleans()), qualifier, quote))
    label = draw(pairs())
    return GeneratedFigure(f"generated-{index}", label[0], label[1], unit, tuple(values))


def section_yaml(title: tuple[str, str], body: tuple[str, str], generated: list[GeneratedFigure]) -> str:
    lines = ["# yaml-language-server: $schema=schema/section.schema.json", "title:", f"  vi: {yaml_text(title[0])}", f"  en: {yaml_text(title[1])}"]
    lines += ["summary:", f"  vi: {yaml_text(title[0])}", f"  en: {yaml_text(title[1])}", "body:", f"  vi: [{yaml_text(body[0])}]", f"  en: [{yaml_text(body[1])}]", "figures:"]
    for figure in generated:
        lines += [f"  - id: {figure.id}", "    label:", f"      vi: {yaml_text(figure.vi)}", f"      en: {yaml_text(figure.en)}", f"    unit: {figure.unit}", "    values:"]
        for value in figure.values:
            time = f'as_of: "{value.year}-10"' if value.stock else f'period: "{value.year}"'
            lines += [f"      - value: {value.value}", f"        {time}", f"        qualifier: {value.qualifier}", f"        source: {GENERATED_SOURCE}", f"        quote: {yaml_text(value.quote)}"]
    return "\n".join(lines) + "\n"


def page_text(markdown_text: str) -> str:
    html = markdown.markdown(markdown_text, extensions=EXTENSIONS, extension_configs=CONFIG)
    assert "<img" not in html  # no text became an emoji
    return shown(unescape(re.sub(r"<[^>]+>", " ", re.sub(r"</?(abbr|span|a|strong|em|q|code|small)\b[^>]*>", "", html))))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=pairs(),
    body=pairs(),
    generated=st.integers(min_value=1, max_value=3).flatmap(lambda n: st.tuples(*(figures(i) for i in range(n)))),
)
def test_random_valid_data_round_trips(title: tuple[str, str], body: tuple[str, str], generated: tuple[GeneratedFigure, ...]):
    with tempfile.TemporaryDirectory(prefix="review-roundtrip-") as temp:
        # The small project's data: what is checked is the generated section.
        data = copy_fixture_data(Path(temp) / "data")
        (data / "generated.yaml").write_text(section_yaml(title, body, list(generated)), encoding="utf-8")
        site_yaml = data / "site.yaml"
        site_text = append_to_list(site_yaml.read_text(encoding="utf-8"), "sections", "  - generated\n", blank_line=False)
        # The generated quotes come from a source whose text the repository
        # does not hold, so they are not looked up in the article.
        source = f'  - id: {GENERATED_SOURCE}\n    title: "Generated"\n    citation:\n      vi: "Nguồn sinh ngẫu nhiên"\n      en: "Generated source"\n'
        site_yaml.write_text(append_to_list(site_text, "sources", source, blank_line=False), encoding="utf-8")
        site = load_site(data)

    # Load: the model holds exactly what was written.
    section = site.section("generated")
    assert (section.title.vi, section.title.en, section.body.vi, section.body.en) == (title[0], title[1], (body[0],), (body[1],))
    for figure, model in zip(generated, section.figures, strict=True):
        assert (model.id, model.label.vi, model.label.en, model.unit.id) == (figure.id, figure.vi, figure.en, figure.unit)
        for value, loaded in zip(figure.values, model.values, strict=True):
            assert (loaded.value, type(loaded.value), loaded.qualifier, loaded.quote) == (value.value, type(value.value), value.qualifier, value.quote)
            assert loaded.time.start.year == value.year and (loaded.as_of is not None) == value.stock

    # Render and format, in both languages: every text and number reaches the page.
    for lang in LANGUAGES:
        text = page_text(render_section(site, section, lang))
        assert shown(section.title[lang]) in text
        assert shown(section.body[lang][0]) in text
        for model in section.figures:
            assert shown(model.label[lang]) in text
            for loaded in model.values:
                assert format_value(loaded, model.unit, site.vocabulary, lang) in text
                assert shown(loaded.quote) in text
                written = format_number(loaded.value, lang)
                assert parse_decimal(written, locale=BABEL_LOCALES[lang], strict=True) == loaded.value


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("# not a heading", id="heading"),
        pytest.param("- not a list", id="bullet"),
        pytest.param("1. not a numbered list", id="numbered"),
        pytest.param("2023) năm", id="numbered-with-parenthesis"),
        pytest.param("!!! warning not an admonition", id="admonition"),
        pytest.param("??? not a folded block", id="details"),
        pytest.param("---", id="rule"),
        pytest.param("a:b:c and :100:", id="emoji"),
        pytest.param("x | y", id="table-pipe"),
        pytest.param("one\n\n    two", id="code-block"),
        pytest.param("a *b* _c_ `d` [e](f) {: #x }", id="inline-syntax"),
        pytest.param("<b>x</b> & <script>", id="html"),
        pytest.param("*[HTML]: Hypertext", id="abbreviation-definition"),
        pytest.param("[TOC]", id="toc-marker"),
    ],
)
@pytest.mark.parametrize("where", ["paragraph", "table-cell", "list-item", "admonition"])
def test_text_from_yaml_stays_text(text: str, where: str):
    escaped = str(escape_markdown(text))
    document = {"paragraph": escaped, "table-cell": f"| a |\n| - |\n| {escaped} |", "list-item": f"- {escaped}", "admonition": f"!!! note\n\n    {escaped}"}[where]
    html = markdown.markdown(document, extensions=EXTENSIONS, extension_configs=CONFIG)
    assert not re.search(r"<(h1|ol|pre|hr|img|b|script|details|code|em|a)\b", html)
    assert shown(text) in shown(unescape(re.sub(r"<[^>]+>", " ", html)))
