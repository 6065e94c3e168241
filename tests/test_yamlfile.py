"""The strict YAML reader: what PyYAML would let through silently."""

from __future__ import annotations

from decimal import Decimal

import pytest

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
        pytest.param(b"a: &x [1]\nb: *x\n", "data/x.yaml:2:1: b: expected plain data, received an alias (*name) (write the value out in full)", id="alias"),
        pytest.param(b"a: !!python/object:os.system x\n", "data/x.yaml:1:4: a: expected plain data, received the tag !!python/object:os.system (remove the tag)", id="python-tag"),
        pytest.param(b"", "data/x.yaml: expected data, received an empty file", id="empty"),
        pytest.param(b"# only a comment\n\n", "data/x.yaml: expected data, received an empty file", id="only-comments"),
        pytest.param(b"a: caf\xe9\n", "data/x.yaml:1:7: expected UTF-8 text, received the byte 0xe9 (save the file as UTF-8)", id="latin-1"),
        pytest.param(b"a: [1, 2\n", "data/x.yaml:2:1: invalid YAML: expected ',' or ']', but got '<stream end>'", id="syntax"),
        pytest.param("a: Ca\u0300n Tho\u031b\n".encode(), "data/x.yaml:1:4: a: expected text in composed Unicode (NFC), received decomposed characters (retype the accented letters, or save the file as NFC)", id="decomposed-unicode"),
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
