"""One name per project, place and standard term: every built page, in both
languages, is held to the glossary of data/vocabulary.yaml. The rule is
tested on constructed pages first, then on the real site."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA, Build
from review.yamlfile import read_yaml

SKIPPED_TAGS = {"script", "style", "code", "pre"}
"""Code shows data as an editor types it, not as the site's prose."""


class _Text(HTMLParser):
    """The text a reader of one language sees: text nodes and image alt
    texts, without the parts marked as another language (the Vietnamese
    quotes on English pages) and without code."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = lang
        self.stack: list[bool] = []  # whether each open element is skipped
        self.parts: list[str] = []

    @property
    def skipping(self) -> bool:
        return any(self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "img" and not self.skipping and values.get("alt"):
            self.parts.append(values["alt"] or "")
        if tag in self.VOID:
            return
        other_language = values.get("lang") not in (None, self.lang)
        self.stack.append(tag in SKIPPED_TAGS or other_language)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def reader_text(html: str, lang: str) -> str:
    parser = _Text(lang)
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def glossary_problems(text: str, glossary: list[dict[str, Any]], lang: str) -> list[str]:
    """The variants of ``text`` that the glossary forbids in ``lang``."""
    problems = []
    for term in glossary:
        checked = text
        once = term.get(f"once_{lang}")
        if once:
            count = checked.count(once)
            if count > 1:
                problems.append(f"{once!r} {count} times, expected at most once")
            checked = checked.replace(once, " ")
        for variant in term.get(f"not_{lang}", []):
            if variant in checked:
                problems.append(f"{variant!r}, expected {term[lang]!r}")
    return problems


GLOSSARY = [
    {"vi": "Lô B", "en": "Block B", "not_en": ["Lô B"], "once_en": "(Lô B)"},
    {"vi": "Quốc lộ", "en": "National Highway", "not_en": ["National Road"]},
    {"vi": "Tạp chí", "en": "magazine", "not_vi": ["TC AS&CS"]},
]


@pytest.mark.parametrize(
    ("html", "lang", "expected"),
    [
        pytest.param("<p>The Block B (Lô B) chain.</p>", "en", [], id="declared-once"),
        pytest.param("<p>Block B (Lô B)</p><p>Block B (Lô B)</p>", "en", ["'(Lô B)' 2 times, expected at most once"], id="declared-form-twice"),
        pytest.param("<p>The Lô B field.</p>", "en", ["'Lô B', expected 'Block B'"], id="variant-in-english"),
        pytest.param('<p>Source: <q lang="vi">mỏ Lô B</q></p>', "en", [], id="vietnamese-quote-on-an-english-page"),
        pytest.param('<img alt="Linking National Road 91">', "en", ["'National Road', expected 'National Highway'"], id="variant-in-alt-text"),
        pytest.param("<p>Mỏ Lô B, Quốc lộ 91</p>", "vi", [], id="vietnamese-page-keeps-vietnamese-names"),
        pytest.param("<p>theo TC AS&amp;CS</p>", "vi", ["'TC AS&CS', expected 'Tạp chí'"], id="variant-in-vietnamese"),
        pytest.param("<pre><code>Lô B</code></pre>", "en", [], id="code-is-data"),
    ],
)
def test_glossary_rule(html: str, lang: str, expected: list[str]):
    assert glossary_problems(reader_text(html, lang), GLOSSARY, lang) == expected


def real_glossary() -> list[dict[str, Any]]:
    return list(read_yaml(DATA / "vocabulary.yaml", "data/vocabulary.yaml").data["glossary"])


def pages(site_dir: Path, lang: str) -> list[Path]:
    root = site_dir if lang == "vi" else site_dir / lang
    found = sorted(root.rglob("*.html"))
    if lang == "vi":
        found = [p for p in found if p.relative_to(site_dir).parts[0] != "en"]
    return found


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_page_follows_the_glossary(built: Build, lang: str):
    glossary = real_glossary()
    found = pages(built.site_dir, lang)
    assert len(found) > 5
    wrong = []
    for page in found:
        text = reader_text(page.read_text(encoding="utf-8"), lang)
        wrong += [f"{page.relative_to(built.site_dir)}: {problem}" for problem in glossary_problems(text, glossary, lang)]
    assert wrong == []
