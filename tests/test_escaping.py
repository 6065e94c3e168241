"""Text from YAML inside an HTML attribute of a generated Markdown line (a
tooltip that quotes the source, an aria-label) reaches the browser exactly as
written, whatever it contains, and never becomes Markdown: the site's
Markdown extensions read code spans, escapes and links before they set raw
HTML aside, so a quote such as ``['x| dự kiến 0 ](`` once turned a table
row into a link (found by tests/test_roundtrip.py)."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest

from review.pages import escape_attribute
from test_roundtrip import CONFIG, EXTENSIONS, shown


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.titles: list[str | None] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.titles.append(dict(attrs).get("title"))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


TEXTS = {
    "link": "['ộbắ>Ê| dự kiến 0 ](",
    "whole-link": "[a](b) and ![c](d)",
    "code-span": "a `b` c",
    "backslash": r"a \[b\] \\ c",
    "emphasis": "*a* _b_ **c** ~~d~~",
    "emoji": ":material-link: :100:",
    "table-pipe": "a | b || c",
    "html": "<b>x</b> & \"y\" 'z' &amp; &#58;",
    "attribute-list": "{: #x .y }",
    "line-break": "one\n\n  two",
    "autolink": "<https://example.org> a@b.c",
    "footnote-and-abbreviation": "[^1] *[HTML]: x",
}


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
@pytest.mark.parametrize("where", ["paragraph", "table-cell", "list-item", "admonition"])
def test_text_in_an_attribute_reaches_the_browser_as_written(text: str, where: str):
    anchor = f'<a class="figure-value" href="#q" title="{escape_attribute(text)}">value (planned)</a> (2047)'
    document = {
        "paragraph": anchor,
        "table-cell": f"| a | b |\n| :-- | --: |\n| x | {anchor} |",
        "list-item": f"- {anchor}",
        "admonition": f"!!! note\n\n    {anchor}",
    }[where]
    parser = _Anchors()
    parser.feed(markdown.markdown(document, extensions=EXTENSIONS, extension_configs=CONFIG))
    assert parser.titles == [shown(text)]
    assert "value (planned) (2047)" in shown(" ".join(parser.text))
