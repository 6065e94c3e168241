"""Source texts in the repository (review.sources), on constructed sources:
reading the text, the declared print remnants, and a quote checked against
its own source's text."""

from __future__ import annotations

from pathlib import Path

import pytest

from review.sources import quote_problem, read_source_texts
from review.yamlfile import parse_yaml

TEXT = "Tiêu đề\n\n37\n\nĐoạn một có 2.956,39 triệu kWh.\nChú thích ảnh\nĐoạn hai điều hành47. Hết.\n"


def site_doc(sources_yaml: str):
    return parse_yaml(("sources:\n" + sources_yaml).encode("utf-8"), "data/site.yaml")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.vi.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


GOOD = """\
  - id: a
    text_file: sources/a.vi.txt
    remnants:
      - kind: page-number
        line: 3
        text: "37"
      - kind: photo-caption
        line: 6
        text: "Chú thích ảnh"
      - kind: footnote-mark
        line: 7
        text: "47"
  - id: web
    url: https://example.org/report
    accessed: 2024-05-20
  - id: printed
"""


def test_a_source_with_its_text_and_remnants_where_declared(data_dir: Path):
    texts, problems = read_source_texts(site_doc(GOOD), data_dir)
    assert problems == []
    assert list(texts) == ["a"]
    assert texts["a"].file == "data/sources/a.vi.txt"
    assert texts["a"].lines[2] == "37"


def test_the_text_is_read_as_nfc(data_dir: Path):
    decomposed = "Ca\u0300 Mau\n"  # "Cà" with a combining grave accent
    (data_dir / "sources" / "a.vi.txt").write_text(decomposed, encoding="utf-8")
    texts, _ = read_source_texts(site_doc("  - id: a\n    text_file: sources/a.vi.txt\n"), data_dir)
    assert texts["a"].text == "C\u00e0 Mau\n"


@pytest.mark.parametrize(
    ("sources_yaml", "expected"),
    [
        pytest.param(
            "  - id: a\n    text_file: sources/missing.txt\n",
            "data/site.yaml:3:16: sources[0].text_file: expected the source's text at data/sources/missing.txt, received a path where there is no file (put the text at data/sources/missing.txt, or remove text_file)",
            id="missing-file",
        ),
        pytest.param(
            "  - id: a\n    text_file: sources/../../outside.txt\n",
            "data/site.yaml:3:16: sources[0].text_file: expected a file inside data/, received 'sources/../../outside.txt'",
            id="outside-data",
        ),
        pytest.param(
            "  - id: web\n    url: https://example.org/r\n",
            "data/site.yaml:3:5: sources[0].url: expected accessed (the date the address was read) with url, received url 'https://example.org/r' alone (add accessed: 2024-05-20, the day you read the page)",
            id="url-without-accessed",
        ),
        pytest.param(
            "  - id: printed\n    remnants:\n      - kind: page-number\n        line: 1\n        text: '1'\n",
            "data/site.yaml:3:5: sources[0].remnants: expected remnants only for a source with text_file, received remnants without a text (add text_file, or remove remnants)",
            id="remnants-without-text",
        ),
        pytest.param(
            "  - id: a\n    text_file: sources/a.vi.txt\n    remnants:\n      - kind: page-number\n        line: 4\n        text: '37'\n",
            "data/site.yaml:7:15: sources[0].remnants[0].text: expected the text of line 4 of data/sources/a.vi.txt, '', received '37' (copy the line exactly, or fix line)",
            id="page-number-on-the-wrong-line",
        ),
        pytest.param(
            "  - id: a\n    text_file: sources/a.vi.txt\n    remnants:\n      - kind: footnote-mark\n        line: 5\n        text: '47'\n",
            "data/site.yaml:7:15: sources[0].remnants[0].text: expected '47' once on line 5 of data/sources/a.vi.txt, received a line where it stands 0 times",
            id="footnote-mark-not-on-its-line",
        ),
        pytest.param(
            "  - id: a\n    text_file: sources/a.vi.txt\n    remnants:\n      - kind: photo-caption\n        line: 99\n        text: 'x'\n",
            "data/site.yaml:6:15: sources[0].remnants[0].line: expected a line of data/sources/a.vi.txt (1 to 8), received 99",
            id="line-past-the-end",
        ),
    ],
)
def test_bad_sources(data_dir: Path, sources_yaml: str, expected: str):
    _, problems = read_source_texts(site_doc(sources_yaml), data_dir)
    assert [str(p) for p in problems] == [expected]


def test_a_text_that_is_not_utf8(data_dir: Path):
    (data_dir / "sources" / "a.vi.txt").write_bytes(b"C\xe0n Th\xf5")  # Latin-1, not UTF-8
    _, problems = read_source_texts(site_doc("  - id: a\n    text_file: sources/a.vi.txt\n"), data_dir)
    assert [str(p) for p in problems] == ["data/site.yaml:3:16: sources[0].text_file: expected UTF-8 text in data/sources/a.vi.txt, received the byte 0xe0 on its line 1 (save the file as UTF-8)"]


@pytest.fixture
def texts(data_dir: Path):
    texts, problems = read_source_texts(site_doc(GOOD), data_dir)
    assert problems == []
    return texts


def value_doc(quote: str, source: str):
    return parse_yaml(f'values:\n  - value: 1\n    source: {source}\n    quote: "{quote}"\n'.encode(), "data/energy.yaml")


@pytest.mark.parametrize(
    ("quote", "source", "expected"),
    [
        pytest.param("có 2.956,39 triệu kWh", "a", None, id="in-its-text"),
        pytest.param("Cà phê", "web", None, id="no-text-in-the-repository"),
        pytest.param(
            "có 2.965,39 triệu kWh",
            "a",
            "data/energy.yaml:4:12: values[0].quote: expected the exact words of source 'a' (data/sources/a.vi.txt), received a quote that is not in it: 'có 2.965,39 triệu kWh' (the source has 'có 2.9' but not what follows, '65,39 triệu kWh': copy the words exactly, spaces and punctuation included)",
            id="a-digit-swapped",
        ),
        pytest.param(
            "Khác hẳn",
            "a",
            "data/energy.yaml:4:12: values[0].quote: expected the exact words of source 'a' (data/sources/a.vi.txt), received a quote that is not in it: 'Khác hẳn' (copy the words from the source text)",
            id="nothing-in-common",
        ),
    ],
)
def test_a_quote_is_checked_against_its_own_source(texts, quote: str, source: str, expected: str | None):
    document = value_doc(quote, source)
    problem = quote_problem(document, ("values", 0, "quote"), document.data["values"][0]["quote"], source, texts)
    assert (str(problem) if problem else None) == expected
