"""The JSON Schema in data/schema/ is the one description of the data: every
data file points at it, it is valid Draft 2020-12, the build validates with
it, the site publishes it, and the field reference is made from it."""

from __future__ import annotations

import json
import re
import unicodedata
from html import unescape
from pathlib import Path
from typing import Any
from collections.abc import Iterator

import pytest
from jsonschema import Draft202012Validator

from conftest import DATA, Build, edit, with_line_numbers
from review.problems import DataError
from review.reference import load_reference
from review.project import load_site

SCHEMA_DIR = DATA / "schema"
SCHEMA_FILES = sorted(SCHEMA_DIR.glob("*.json"))
DATA_FILES = sorted(DATA.glob("*.yaml"))


def kind_of(path: Path) -> str:
    return path.stem if path.stem in ("site", "vocabulary") else "section"


def nodes(node: Any, pointer: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every object of a schema, with its JSON pointer."""
    if isinstance(node, dict):
        yield pointer, node
        for key, child in node.items():
            yield from nodes(child, f"{pointer}/{key}")
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from nodes(child, f"{pointer}/{index}")


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_each_data_file_points_at_its_schema(path: Path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=schema/{kind_of(path)}.schema.json"
    target = first.split("$schema=", 1)[1]
    assert (path.parent / target).is_file()


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_schema_is_valid_draft_2020_12(path: Path):
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == path.name
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_every_description_is_in_both_languages(path: Path):
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert "x-title-vi" in schema
    for pointer, node in nodes(schema):
        if pointer.endswith("/properties"):
            continue  # a field named "description" is not a description
        has_en, has_vi = isinstance(node.get("description"), str), isinstance(node.get("x-description-vi"), str)
        assert has_en == has_vi, f"{path.name}{pointer}: description and x-description-vi go together"
        if has_vi:
            assert unicodedata.is_normalized("NFC", node["x-description-vi"])


def test_the_build_validates_with_the_schema(data_copy: Path):
    """Remove a field from the schema, and the data that uses it is refused."""
    path = data_copy / "schema" / "section.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    del schema["properties"]["icon"]
    path.write_text(json.dumps(schema, indent=2, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_site(data_copy)
    assert [str(p) for p in caught.value.problems][0] == with_line_numbers(
        data_copy,
        "cooperation.yaml",
        "data/cooperation.yaml:{icon: material/handshake}:1: icon: unknown field 'icon' (expected one of: title, summary, body, key_figures, figures, lists, milestones, notes, charts, relations)",
    )


def test_the_reference_lists_every_field_of_the_schema():
    reference = load_reference(SCHEMA_DIR)
    paths = {field.path for file in reference.files for field in file.fields}
    last = {re.split(r"[.\[\]]+", path.replace("[]", ""))[-1] for path in paths}
    for path in SCHEMA_FILES:
        for pointer, node in nodes(json.loads(path.read_text(encoding="utf-8"))):
            if pointer.endswith("/properties") and "/$defs/text" not in pointer and "/$defs/paragraphs" not in pointer and "/$defs/template" not in pointer:
                for name in node:
                    assert name in last, f"{path.name}{pointer}/{name} is missing from the field reference"


def test_a_description_without_its_translation_is_refused(data_copy: Path):
    path = data_copy / "schema" / "section.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    del schema["$defs"]["figure"]["properties"]["unit"]["x-description-vi"]
    path.write_text(json.dumps(schema, indent=2, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_reference(data_copy / "schema")
    assert caught.value.summary() == (
        "The data has 1 problem:\n"
        "data/schema/section.schema.json: $defs.figure.properties.unit: expected x-description-vi beside description, received only description (describe the field in both languages)"
    )


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_the_site_publishes_the_schema(built: Build, path: Path, lang: str):
    prefix = "" if lang == "vi" else "en/"
    assert (built.site_dir / prefix / "schema" / path.name).read_bytes() == path.read_bytes()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_reference_page_shows_every_field_in_the_page_language(built: Build, lang: str):
    html = unescape(built.page(lang, "reference/"))
    reference = load_reference(SCHEMA_DIR)
    for file in reference.files:
        assert file.title[lang] in html
        for field in file.fields:
            assert f'<code class="field-path">{field.path}</code>' in html
            if field.description is not None:
                assert field.description[lang] in html
    for schema in SCHEMA_FILES:
        assert f'href="../schema/{schema.name}"' in html


def test_a_file_found_valid_is_not_validated_again_until_it_changes(data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The schema check remembers valid files by their bytes (and the
    schema's): a warm build skips it; an edited file is checked in full."""
    from review import schema

    memo = tmp_path / "checked"
    monkeypatch.setattr(schema, "_VALID", set())
    load_site(data_copy, memo=memo)
    assert len(list(memo.iterdir())) == len(list(data_copy.glob("*.yaml")))
    monkeypatch.setattr(schema, "_VALID", set())  # a new process: only the folder remembers

    def no_validation(*args: object) -> object:
        raise AssertionError("validated again")

    monkeypatch.setattr(schema, "schema_validator", no_validation)
    load_site(data_copy, memo=memo)
    monkeypatch.undo()
    monkeypatch.setattr(schema, "_VALID", set())
    edit(data_copy / "energy.yaml", "value: 2956.39", "value: 2.956,39")
    with pytest.raises(DataError, match="expected a number, received '2.956,39'"):
        load_site(data_copy, memo=memo)
