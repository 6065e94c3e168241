"""The strict YAML reader: what PyYAML would let through silently."""

from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import DATA
from review import yamlfile
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
        pytest.param(b"a: [1, 2\n", "data/x.yaml:2:1: invalid YAML: expected ',' or ']', but got '<stream end>' (check the quotes, colons and indentation here and on the lines just before)", id="syntax"),
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


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param(b"base: &b {x: 1}\nmore:\n  <<: *b\nc: *b\n", ["data/x.yaml:3:3: more: expected plain data, received a merge key (<<) (write the values out in full)", "data/x.yaml:4:4: c: expected plain data, received an alias (*name) (write the value out in full)"], id="alias-after-a-merge-key"),
        pytest.param(b"&k a: 1\n*k : 2\nz: *k\n", ["data/x.yaml:2:1: expected plain data, received an alias (*name) (write the value out in full)", "data/x.yaml:3:4: z: expected plain data, received an alias (*name) (write the value out in full)"], id="alias-as-a-key"),
        pytest.param(b"a: &x 1\nb: [*x, *x]\n", ["data/x.yaml:2:5: b[0]: expected plain data, received an alias (*name) (write the value out in full)", "data/x.yaml:2:9: b[1]: expected plain data, received an alias (*name) (write the value out in full)"], id="aliases-in-a-list"),
        pytest.param(b"a:\n\tb: 1\n", ["data/x.yaml:2:1: invalid YAML: found character '\\t' that cannot start any token (indent with spaces, not tabs)"], id="tab"),
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
