"""Messages in the editor's language: the Vietnamese catalog is complete and
up to date with the code, placeholders survive translation, and the
language follows the editor's locale."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import PoFileError, read_po

from conftest import ROOT
from review import messages
from review.messages import _, catalog_path, language, language_from_environment, ngettext, use_language
from review.problems import DataError, Problem


def extracted() -> dict[str | tuple[str, str], str]:
    """Every message in the code, as Babel's extraction finds it with
    babel.cfg (the same as ``pybabel extract -F babel.cfg``)."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found: dict[str | tuple[str, str], str] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(str(ROOT), method_map, options_map):
        found[message] = f"{filename}:{lineno}"
    return found


@pytest.fixture(scope="module")
def catalog():
    with catalog_path("vi").open("rb") as handle:
        return read_po(handle, locale="vi")


def test_every_message_in_the_code_is_in_the_catalog_and_no_other(catalog):
    in_code = extracted()
    in_catalog = {message.id for message in catalog if message.id}
    assert [f"{where}: {message!r}" for message, where in in_code.items() if message not in in_catalog] == []
    assert sorted(map(repr, in_catalog - set(in_code))) == []


def test_every_message_is_translated_and_none_is_fuzzy(catalog):
    untranslated = [message.id for message in catalog if message.id and not all(message.string if isinstance(message.string, tuple) else [message.string])]
    fuzzy = [message.id for message in catalog if message.id and message.fuzzy]
    assert (untranslated, fuzzy) == ([], [])


def placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{[a-z_]*\}|%\([a-z_]+\)[rsd]|%[rsd]", text))


def test_translations_keep_the_placeholders(catalog):
    wrong = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = placeholders(ids[-1])
        wrong += [(ids[0], string) for string in strings if placeholders(string) != expected]
    assert wrong == []


def test_the_catalog_is_stored_nfc():
    import unicodedata

    assert unicodedata.is_normalized("NFC", catalog_path("vi").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        pytest.param({"LANG": "vi_VN.UTF-8"}, "vi", id="LANG-vi"),
        pytest.param({"LC_ALL": "vi_VN.UTF-8", "LANG": "en_US.UTF-8"}, "vi", id="LC_ALL-first"),
        pytest.param({"LANGUAGE": "vi:en", "LANG": "C.UTF-8"}, "vi", id="LANGUAGE-list"),
        pytest.param({"LANGUAGE": "", "LANG": "en_GB.UTF-8"}, "en", id="empty-is-unset"),
        pytest.param({"LANG": "C.UTF-8"}, "en", id="C"),
        pytest.param({"LANG": "fr_FR.UTF-8"}, "en", id="other-language"),
        pytest.param({}, "en", id="nothing-set"),
    ],
)
def test_language_from_environment(environ: dict[str, str], expected: str):
    assert language_from_environment(environ) == expected


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match=r"^expected one of: vi, en; received 'fr'$"):
        use_language("fr")


def test_the_core_speaks_english_unless_told():
    assert messages.current_language() == "en"
    assert _("Nothing was changed.") == "Nothing was changed."


@pytest.mark.parametrize(("lang", "count", "expected"), [("en", 1, "The data has 1 problem:"), ("en", 2, "The data has 2 problems:"), ("vi", 1, "Dữ liệu có 1 lỗi:"), ("vi", 2, "Dữ liệu có 2 lỗi:")])
def test_plural_forms(lang: str, count: int, expected: str):
    with language(lang):
        assert ngettext("The data has {count} problem:", "The data has {count} problems:", count).format(count=count) == expected


def test_the_place_of_a_problem_reads_the_same_in_both_languages():
    """Only the words after ``file:line:col: path:`` are translated."""
    lines = {}
    for lang in ("en", "vi"):
        with language(lang):
            problem = Problem("data/x.yaml", 3, 5, "figures[0].id", _("expected data, received an empty file"), _("save the file as UTF-8"))
            lines[lang] = DataError([problem]).summary()
    assert lines == {
        "en": "The data has 1 problem:\ndata/x.yaml:3:5: figures[0].id: expected data, received an empty file (save the file as UTF-8)",
        "vi": "Dữ liệu có 1 lỗi:\ndata/x.yaml:3:5: figures[0].id: cần dữ liệu, nhận được một tệp rỗng (hãy lưu tệp dưới dạng UTF-8)",
    }


def test_a_broken_catalog_is_an_error_not_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A catalog that cannot be read must fail loudly rather than quietly
    speak English to a Vietnamese editor."""
    broken = tmp_path / "vi" / "LC_MESSAGES" / "messages.po"
    broken.parent.mkdir(parents=True)
    broken.write_text('msgid "a"\nmsgstr "b"\ngarbage\n', encoding="utf-8")
    monkeypatch.setattr(messages, "LOCALE_DIR", tmp_path)
    messages.translations.cache_clear()
    try:
        with pytest.raises(PoFileError, match="misformatted"):
            messages.translations("vi")
    finally:
        messages.translations.cache_clear()


def test_every_expected_text_of_the_schema_has_its_vietnamese_twin():
    """``x-expected`` is part of a message; ``x-expected-vi`` says it in Vietnamese."""
    import json

    def walk(node, where):
        if isinstance(node, dict):
            if "x-expected" in node and not node.get("x-expected-vi"):
                yield where
            for key, child in node.items():
                yield from walk(child, f"{where}/{key}")
        elif isinstance(node, list):
            for index, child in enumerate(node):
                yield from walk(child, f"{where}/{index}")

    missing = [where for path in sorted((ROOT / "data" / "schema").glob("*.json")) for where in walk(json.loads(path.read_text(encoding="utf-8")), path.name)]
    assert missing == []


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("vi_VN.UTF-8", "Dữ liệu có 1 lỗi:\n{where}: figures[2].values[0].value: cần một số, nhận được '2.956,39'"),
        ("C.UTF-8", "The data has 1 problem:\n{where}: figures[2].values[0].value: expected a number, received '2.956,39'"),
    ],
)
def test_the_build_tells_problems_in_the_editors_language(project_copy: Path, locale: str, expected: str):
    import os
    import subprocess
    import sys

    from conftest import edit, with_line_numbers

    edit(project_copy / "data" / "energy.yaml", "value: 2956.39", "value: 2.956,39")
    environ = {name: value for name, value in os.environ.items() if name not in messages.ENVIRONMENT_VARIABLES}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project_copy,
        capture_output=True,
        text=True,
        timeout=300,
        env={**environ, "LANG": locale, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 1
    where = with_line_numbers(project_copy / "data", "energy.yaml", "data/energy.yaml:{      - value: 2.956,39}:16")
    assert expected.format(where=where) in result.stderr
