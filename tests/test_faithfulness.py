"""The faithfulness checks wired into loading: an open list never summed,
and a wrong number typed into an English paragraph refused at its file and
line (on a copy of the data, whatever its text is)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from review.faithfulness import open_list_problems
from review.formatting import format_number
from review.model import Text, Unit, Vocabulary
from review.problems import DataError
from review.project import load_site
from review.yamlfile import YamlDocument, parse_yaml, read_yaml

VOCABULARY = Vocabulary(
    units={"mw": Unit("mw", "MW", "MW", "MW", "measure"), "percent": Unit("percent", "%", "%", "%", "percent")},
    qualifiers={"exact": Text("{value}", "{value}")},
    statuses={},
    abbreviations={},
    labels={},
)
CHART = """\
charts:
  - id: sources
    kind: part-of-whole
    open_ended: true
    figures: [a, b]
"""


@pytest.mark.parametrize(
    ("extra", "unit", "expected"),
    [
        pytest.param(
            "",
            "mw",
            [
                "data/test.yaml:4:17: charts[0].open_ended: expected a whole for the parts of an open list, received none: their sum is not a total the source gives (add whole: <the id of the figure that is the whole>, or use kind: bar)"
            ],
            id="sum-of-an-open-list",
        ),
        pytest.param("    whole: c\n", "mw", [], id="whole-from-the-data"),
        pytest.param("", "percent", [], id="shares-of-100"),
    ],
)
def test_open_list_problems(extra, unit, expected):
    document = parse_yaml((CHART + extra).encode("utf-8"), "data/test.yaml")
    assert [str(p) for p in open_list_problems(document, VOCABULARY, {"a": unit, "b": unit})] == expected


_DECIMAL = re.compile(r"(?<![0-9.,])[0-9]+\.[0-9]+(?![0-9.,])")


def english_paragraph_with_a_decimal(data: Path) -> tuple[Path, YamlDocument, int, str, str] | None:
    """The first English paragraph of the data that writes a decimal number
    as the file holds it: (file, document, index, paragraph, number)."""
    for path in sorted(data.glob("*.yaml")):
        document = read_yaml(path, f"data/{path.name}")
        paragraphs = document.data.get("body", {}).get("en", []) if isinstance(document.data, dict) else []
        for index, paragraph in enumerate(paragraphs):
            found = _DECIMAL.search(paragraph)
            if found and paragraph in path.read_text(encoding="utf-8"):
                return path, document, index, paragraph, found.group(0)
    return None


def test_a_wrong_number_in_an_english_paragraph_is_refused(data_copy: Path):
    """Done when: type a wrong number into an English paragraph, and the
    build names the file and line. The paragraph is the first English one
    of the data with a decimal number, so the test follows the data."""
    found = english_paragraph_with_a_decimal(data_copy)
    if found is None:
        pytest.skip("no English paragraph with a decimal number")
    path, document, index, paragraph, number = found
    wrong = "987.65"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(paragraph, paragraph.replace(number, wrong, 1), 1), encoding="utf-8")
    line, column = document.where(("body", "en", index))
    vietnamese = format_number(Decimal(number), "vi")
    with pytest.raises(DataError) as raised:
        load_site(data_copy)
    assert f"data/{path.name}:{line}:{column}: body.en[{index}]: expected {vietnamese} as the Vietnamese text gives it, received {wrong}" in [str(p) for p in raised.value.problems]
