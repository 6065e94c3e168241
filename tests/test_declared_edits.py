"""The article's words against its source text (review.declared_edits), on
constructed sections: every change is declared, with a note."""

from __future__ import annotations

import pytest

from review.declared_edits import edit_problems, undo
from review.yamlfile import parse_yaml

SOURCE = "Tiêu đề\n37\nNhà máy phát điện với công suất 7,5MV đã vận hành. Thành phố có “hai cầu.\nHệ thống điều hành47. Hết"
TEXTS = {"article": SOURCE}


def section(body: list[str], edits: str = "", source: str = "body_source: article\n") -> str:
    paragraphs = "".join(f'    - "{paragraph}"\n' for paragraph in body)
    english = "".join('    - "x"\n' for _ in body)
    return f"{source}body:\n  vi:\n{paragraphs}  en:\n{english}{edits}"


EDITS = """\
edits:
  - kind: typo
    source: "công suất 7,5MV"
    text: "công suất 7,5 MW"
    note: unit-typo
"""


def problems(text: str, notes: set[str] = frozenset({"unit-typo"})) -> list[str]:
    document = parse_yaml(text.encode("utf-8"), "data/test.yaml")
    return [str(problem) for problem in edit_problems(document, TEXTS, set(notes))]


@pytest.mark.parametrize(
    ("body", "edits"),
    [
        pytest.param(["Nhà máy phát điện với công suất 7,5MV đã vận hành."], "", id="verbatim"),
        pytest.param(["Nhà máy phát điện với công suất 7,5 MW đã vận hành."], EDITS, id="declared-typo"),
        pytest.param(["Thành phố có “hai cầu.", "Hệ thống điều hành47."], "", id="across-lines-paragraph-by-paragraph"),
        pytest.param(["Nhà  máy phát\u00a0điện"], "", id="spaces-compared-loosely"),
    ],
)
def test_faithful_paragraphs(body, edits):
    assert problems(section(body, edits)) == []


def test_no_body_source_no_check():
    assert problems(section(["Anything at all."], source="")) == []


@pytest.mark.parametrize(
    ("text", "notes", "expected"),
    [
        pytest.param(
            section(["Nhà máy phát điện với công suất 7,5 MW đã vận hành."]),
            {"unit-typo"},
            [
                "data/test.yaml:4:7: body.vi[0]: expected the source's words, received a paragraph that differs from them after “điện với công suất 7,5”: the source goes on “MV đã vận hành. Thành”, the paragraph “ MW đã vận hành.” (copy the source's words, or declare the change under edits: with a note)"
            ],
            id="silent-typo-fix",
        ),
        pytest.param(
            section(["Thành phố có hai cầu."]),
            {"unit-typo"},
            [
                "data/test.yaml:4:7: body.vi[0]: expected the source's words, received a paragraph that differs from them after “Thành phố có ”: the source goes on ““hai cầu. Hệ thống điều”, the paragraph “hai cầu.” (copy the source's words, or declare the change under edits: with a note)"
            ],
            id="silent-quotation-mark-dropped",
        ),
        pytest.param(
            section(["Nhà máy phát điện với công suất 7,5 MW đã vận hành."], EDITS),
            set(),
            ["data/test.yaml:11:11: edits[0].note: expected the id of a note of this section, received 'unit-typo' (every edit shows a note in both languages: add one under notes)"],
            id="edit-without-note",
        ),
        pytest.param(
            section(["Nhà máy phát điện với công suất 7,5MV đã vận hành."], EDITS.replace("7,5MV", "7,5 MV")),
            {"unit-typo"},
            [
                "data/test.yaml:9:13: edits[0].source: expected words of the source text, received 'công suất 7,5 MV', which it does not contain (copy the source's words exactly, with a few words around them)",
                "data/test.yaml:10:11: edits[0].text: expected words of a paragraph of body.vi, received 'công suất 7,5 MW', which no paragraph contains",
            ],
            id="edit-that-fits-nothing",
        ),
        pytest.param(
            section(["Lời của trang."], EDITS, source=""),
            {"unit-typo"},
            ["data/test.yaml:6:1: edits: expected edits only with body_source, received edits of a body that names no source (add body_source: <the id of the source whose words the body gives>)"],
            id="edits-without-source",
        ),
        pytest.param(
            section(["Lời của trang."], source="body_source: report\n"),
            set(),
            ["data/test.yaml:1:14: body_source: expected the id of a source whose text the repository holds, received 'report' (sources with a text: article)"],
            id="source-without-text",
        ),
        pytest.param(
            section(["Lời của trang."]),
            set(),
            [
                "data/test.yaml:4:7: body.vi[0]: expected the source's words, received a paragraph whose start “Lời của trang.” the source does not contain (copy the source's words, or declare the change under edits: with a note)"
            ],
            id="words-not-in-the-source",
        ),
    ],
)
def test_unfaithful_paragraphs(text, notes, expected):
    assert problems(text, notes) == expected


def test_undo_longest_first():
    edits = [{"source": "a", "text": "b"}, {"source": "xa", "text": "xbb"}]
    assert undo("xbb b", edits) == "xa a"
