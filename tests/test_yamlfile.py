"""The strict YAML reader: what PyYAML would let through silently."""

from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import DATA
from review import yamlfile
from review.messages import language
from review.problems import DataError
from review.yamlfile import MAX_BYTES, parse_yaml


def problems(raw: bytes) -> list[str]:
    with pytest.raises(DataError) as caught:
        parse_yaml(raw, "data/x.yaml")
    return [str(p) for p in caught.value.problems]


def test_types_and_positions():
    document = parse_yaml(b"a: 1\nb: 1.50\nc: no\nd: 2023-10-13\ne: '7'\nf: [true, ~]\n", "data/x.yaml")
    assert document.data == {"a": 1, "b": Decimal("1.50"), "c": "no", "d": "2023-10-13", "e": "7", "f": [True, None]}
    assert document.positions[("f", 1)] == (6, 11)
    assert document.key_positions[("c",)] == (3, 1)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param(b"a: 1\nb: 2\na: 3\n", "data/x.yaml:3:1: a: duplicate key 'a', first given at line 1 (keep one of them: YAML would silently use the last)", id="duplicate-key"),
        pytest.param(b"a: &x [1]\nb: *x\n", "data/x.yaml:2:4: b: expected plain data, received an alias (*name) (write the value out in full)", id="alias"),
        pytest.param(b"a: !!python/object:os.system x\n", "data/x.yaml:1:4: a: expected plain data, received the tag !!python/object:os.system (remove the tag)", id="python-tag"),
        pytest.param(b"", "data/x.yaml: expected data, received an empty file", id="empty"),
        pytest.param(b"# only a comment\n\n", "data/x.yaml: expected data, received an empty file", id="only-comments"),
        pytest.param(b"a: caf\xe9\n", "data/x.yaml:1:7: expected UTF-8 text, received the byte 0xe9 (save the file as UTF-8)", id="latin-1"),
        pytest.param(
            "a: Ca\u0300n Tho\u031b\n".encode(),
            "data/x.yaml:1:4: a: expected text in composed Unicode (NFC), received decomposed characters (retype the accented letters, or save the file as NFC)",
            id="decomposed-unicode",
        ),
        pytest.param(b"base: &b {x: 1}\nmore:\n  <<: *b\n", "data/x.yaml:3:3: more: expected plain data, received a merge key (<<) (write the values out in full)", id="merge-key"),
    ],
)
def test_bad_yaml(raw, expected):
    assert problems(raw) == [expected]


def test_alias_bomb_is_refused_quickly():
    lines = [b"a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 10):
        previous = f"*a{level - 1}".encode()
        lines.append(f"a{level}: &a{level} [".encode() + b", ".join([previous] * 9) + b"]")
    found = problems(b"\n".join(lines) + b"\n")
    assert len(found) == 81
    assert all("received an alias" in line for line in found)


def test_oversized_file():
    raw = b"a: '" + b"x" * MAX_BYTES + b"'\n"
    assert problems(raw) == ["data/x.yaml: expected a file of at most 1024 KiB, received 1024 KiB"]


def test_bom_is_accepted():
    assert parse_yaml(b"\xef\xbb\xbfa: 1\n", "data/x.yaml").data == {"a": 1}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param(
            b"base: &b {x: 1}\nmore:\n  <<: *b\nc: *b\n",
            [
                "data/x.yaml:3:3: more: expected plain data, received a merge key (<<) (write the values out in full)",
                "data/x.yaml:4:4: c: expected plain data, received an alias (*name) (write the value out in full)",
            ],
            id="alias-after-a-merge-key",
        ),
        pytest.param(
            b"&k a: 1\n*k : 2\nz: *k\n",
            [
                "data/x.yaml:2:1: expected plain data, received an alias (*name) (write the value out in full)",
                "data/x.yaml:3:4: z: expected plain data, received an alias (*name) (write the value out in full)",
            ],
            id="alias-as-a-key",
        ),
        pytest.param(
            b"a: &x 1\nb: [*x, *x]\n",
            [
                "data/x.yaml:2:5: b[0]: expected plain data, received an alias (*name) (write the value out in full)",
                "data/x.yaml:2:9: b[1]: expected plain data, received an alias (*name) (write the value out in full)",
            ],
            id="aliases-in-a-list",
        ),
    ],
)
def test_bad_yaml_several_problems(raw, expected):
    assert problems(raw) == expected


def test_unquoted_yaml_11_booleans_are_noted():
    document = parse_yaml(b"a: no\nb: 'no'\nc: [On, off]\nd: true\n", "data/x.yaml")
    assert document.data == {"a": "no", "b": "no", "c": ["On", "off"], "d": True}
    assert document.yaml11_booleans == {("a",): "no", ("c", 0): "On", ("c", 1): "off"}


@pytest.mark.parametrize("path", sorted(DATA.glob("*.yaml")), ids=lambda p: p.name)
def test_libyaml_and_pure_python_read_alike(path, monkeypatch):
    """The reader composes with libyaml when PyYAML has it; the result must
    be the one the pure-Python composer gives, positions included."""
    raw = path.read_bytes()
    fast = parse_yaml(raw, "data/x.yaml")
    monkeypatch.setattr(yamlfile, "_FastComposer", None)
    slow = parse_yaml(raw, "data/x.yaml")
    assert (fast.data, fast.positions, fast.key_positions, fast.yaml11_booleans) == (slow.data, slow.positions, slow.key_positions, slow.yaml11_booleans)


# The common mistakes of hand-edited YAML: each is told in plain words, in
# both languages, at the line that needs the fix (not where the parser gave up).
PLAIN_WORDS = [
    pytest.param(
        b"a:\n  b: 1\n\tc: 2\n",
        "data/x.yaml:3:1: this line is indented with a tab (indent with spaces: YAML does not accept tabs)",
        "data/x.yaml:3:1: dòng này được thụt lề bằng phím tab (hãy thụt lề bằng dấu cách: YAML không nhận tab)",
        id="tab",
    ),
    pytest.param(
        b'values:\n  - value: 1\n    period: "2023"\n   qualifier: about\n    quote: x\n',
        "data/x.yaml:4:4: this line is indented by 3 spaces, the line before it by 4 (fields of the same thing start in the same column: line this one up with its neighbours)",
        "data/x.yaml:4:4: dòng này thụt lề 3 dấu cách, dòng trước nó 4 (các trường của cùng một mục bắt đầu ở cùng một cột: hãy căn dòng này thẳng với các dòng bên cạnh)",
        id="indented-less",
    ),
    pytest.param(
        b"label:\n  vi: a\n   en: b\n",
        "data/x.yaml:3:4: this line is indented by 3 spaces, the line before it by 2 (fields of the same thing start in the same column: line this one up with its neighbours)",
        "data/x.yaml:3:4: dòng này thụt lề 3 dấu cách, dòng trước nó 2 (các trường của cùng một mục bắt đầu ở cùng một cột: hãy căn dòng này thẳng với các dòng bên cạnh)",
        id="indented-more",
    ),
    pytest.param(
        b"figures:\n  - id: x\n    unit:mw\n    values: []\n",
        "data/x.yaml:3:9: a space is missing after the colon in unit:mw (write unit: mw)",
        "data/x.yaml:3:9: thiếu dấu cách sau dấu hai chấm trong unit:mw (hãy viết unit: mw)",
        id="no-space-after-colon",
    ),
    pytest.param(
        'label:\n  vi: "Sản lượng\n  en: "Output"\nunit: mw\n'.encode(),
        "data/x.yaml:2:7: the quote that opens this text is not closed (end the text with the same quote, on this line)",
        "data/x.yaml:2:7: dấu ngoặc mở đầu đoạn chữ này chưa được đóng (hãy kết thúc đoạn chữ bằng chính dấu ngoặc đó, trên dòng này)",
        id="unclosed-quote",
    ),
    pytest.param(
        b"a: 'it''s\n",
        "data/x.yaml:1:4: the quote that opens this text is not closed (end the text with the same quote, on this line)",
        "data/x.yaml:1:4: dấu ngoặc mở đầu đoạn chữ này chưa được đóng (hãy kết thúc đoạn chữ bằng chính dấu ngoặc đó, trên dòng này)",
        id="unclosed-quote-at-the-end",
    ),
    pytest.param(
        b"figures:\n  - id: x\n    unit: mw\n  id: y\n  unit: mw\n",
        "data/x.yaml:4:3: this line starts a new item of the list above, without its dash (write - id: y)",
        "data/x.yaml:4:3: dòng này mở đầu một mục mới của danh sách phía trên nhưng thiếu dấu gạch đầu dòng (hãy viết - id: y)",
        id="missing-dash",
    ),
    pytest.param(
        b"sections:\n  - energy\n  digital\n",
        "data/x.yaml:3:3: this line starts a new item of the list above, without its dash (write - digital)",
        "data/x.yaml:3:3: dòng này mở đầu một mục mới của danh sách phía trên nhưng thiếu dấu gạch đầu dòng (hãy viết - digital)",
        id="missing-dash-plain-item",
    ),
    pytest.param(
        b"values:\n  - value: 1\n    period: x\n    value: 2\n    period: y\n",
        "data/x.yaml:4:5: values[0].value: duplicate key 'value', first given at line 2 (if this line starts a new item of the list, write - value: at the column of the dash above)",
        "data/x.yaml:4:5: values[0].value: khóa 'value' bị lặp, đã có ở dòng 2 (nếu dòng này mở đầu một mục mới của danh sách, hãy viết - value: với dấu gạch ở cùng cột với dấu gạch phía trên)",
        id="missing-dash-same-column",
    ),
    pytest.param(
        "note:\n  vi: Ghi chú: số liệu ước tính\n  en: x\n".encode(),
        'data/x.yaml:2:7: the text of vi contains a colon and a space, which YAML reads as the start of another field (put the whole text in double quotes: vi: "Ghi chú: số liệu ước tính")',
        'data/x.yaml:2:7: đoạn chữ của vi có dấu hai chấm và dấu cách, YAML hiểu đó là bắt đầu một trường khác (hãy đặt cả đoạn chữ trong dấu ngoặc kép: vi: "Ghi chú: số liệu ước tính")',
        id="colon-in-text",
    ),
    pytest.param(
        b"a: [1, 2\nb: 3\n",
        "data/x.yaml:1:4: the bracket that opens here is not closed, or an item in it is not followed by a comma (close it with ] or } on the same line, or write one item per line with - instead)",
        "data/x.yaml:1:4: dấu ngoặc mở ở đây chưa được đóng, hoặc một mục trong đó thiếu dấu phẩy phía sau (hãy đóng bằng ] hoặc } trên cùng dòng, hoặc viết mỗi mục một dòng bắt đầu bằng -)",
        id="unclosed-bracket",
    ),
    pytest.param(
        b"a: b\n? c\n: d\n- e\n",
        "data/x.yaml:4:1: invalid YAML: expected <block end>, but found '-' (check the quotes, colons and indentation here and on the lines just before)",
        "data/x.yaml:4:1: YAML không hợp lệ: expected <block end>, but found '-' (hãy kiểm tra dấu ngoặc kép, dấu hai chấm và thụt lề ở dòng này và các dòng ngay trước)",
        id="anything-else-keeps-the-parser-words",
    ),
]


@pytest.mark.parametrize(("raw", "english", "vietnamese"), PLAIN_WORDS)
def test_syntax_mistakes_in_plain_words(raw: bytes, english: str, vietnamese: str):
    assert problems(raw) == [english]
    with language("vi"):
        assert problems(raw) == [vietnamese]


def test_a_dedented_field_is_told_at_its_own_line_in_real_data():
    """The issue's case: energy.yaml's ``qualifier`` moved two spaces left
    was reported as ``expected <block end>, but found '?'``."""
    text = (DATA / "energy.yaml").read_text(encoding="utf-8")
    old = '        period: "2023"\n        qualifier: estimated\n        quote: "sản lượng điện tiêu thụ'
    assert text.count(old) == 1
    broken = text.replace(old, old.replace("        qualifier", "      qualifier"))
    line = text[: text.index(old)].count("\n") + 2
    assert problems(broken.encode()) == [
        f"data/x.yaml:{line}:7: this line is indented by 6 spaces, the line before it by 8 (fields of the same thing start in the same column: line this one up with its neighbours)"
    ]
