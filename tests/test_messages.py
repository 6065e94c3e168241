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
def test_the_build_tells_problems_in_the_editors_language(small_project: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture, locale: str, expected: str):
    """A strict build in this process, with the locale ``locale`` only (the
    command line's own output, in a new process, is checked in
    tests/test_build_safety.py)."""
    import logging

    from mkdocs.exceptions import Abort

    from conftest import build_site, edit, environment, with_line_numbers

    edit(small_project / "data" / "energy.yaml", "value: 2956.39", "value: 2.956,39")
    with environment({**dict.fromkeys(messages.ENVIRONMENT_VARIABLES), "LANG": locale}), caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        build_site(small_project, tmp_path / "site")
    where = with_line_numbers(small_project / "data", "energy.yaml", "data/energy.yaml:{      - value: 2.956,39}:16")
    assert expected.format(where=where) in "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)


# The checks added next to the messages speak Vietnamese too: constructed
# cases, exact messages, the place of each problem unchanged.

HEDGE_WORDS = {"exact": "{value}", "about": "khoảng {value}", "over": "trên {value}"}


def test_hedge_problems_in_vietnamese():
    from review.hedges import hedge_problems, hedge_words
    from review.yamlfile import parse_yaml

    document = parse_yaml(
        'figures:\n  - id: a\n    values:\n      - value: 120\n        quote: "trên 120 đoàn"\n      - value: 50\n        qualifier: about\n        quote: "50 dự án"\n'.encode(),
        "data/test.yaml",
    )
    with language("vi"):
        found = [str(problem) for problem in hedge_problems(document, hedge_words(HEDGE_WORDS))]
    assert found == [
        "data/test.yaml:5:16: figures[0].values[0].quote: cần qualifier: over cho chữ “trên” trước 120 trong trích dẫn, nhưng chưa có"
        " (hãy thêm qualifier: over, hoặc, nếu ở đây “trên” không phải từ chỉ mức chắc chắn, thêm not_a_hedge: trên kèm một ghi chú)",
        "data/test.yaml:7:20: figures[0].values[1].qualifier: cần trích dẫn có chữ “khoảng” trước 50, nhưng trích dẫn không có từ chỉ mức chắc chắn nào: '50 dự án'"
        " (hãy trích cả từ chỉ mức chắc chắn của nguồn cùng với số, hoặc bỏ qualifier)",
    ]


def test_numbers_of_a_translation_in_vietnamese():
    from review.translated_numbers import compare, translation_problems
    from review.yamlfile import parse_yaml

    document = parse_yaml('body:\n  vi: ["Một.", "Hai."]\n  en: ["One."]\n'.encode(), "data/test.yaml")
    with language("vi"):
        found = [str(problem) for problem in translation_problems(document)]
        mismatch = compare("41.000 lao động và 12 dự án", "41.000 workers")
        assert mismatch is not None
        message, hint = mismatch.message(), mismatch.hint()
    assert found == ["data/test.yaml:3:7: body.en: cần số đoạn tiếng Anh bằng số đoạn tiếng Việt (2), nhận được 1 (hãy dịch mỗi đoạn tiếng Việt thành đúng một đoạn tiếng Anh)"]
    assert (message, hint) == ("cần 41.000 và 12 như bản tiếng Việt ghi, nhận được 41.000", "trong tiếng Anh, 41.000 được đọc là 41: hãy viết 41,000")


def test_declared_edits_in_vietnamese():
    from review.declared_edits import edit_problems
    from review.yamlfile import parse_yaml

    text = 'body_source: article\nbody:\n  vi:\n    - "Một câu khác hẳn."\n    - "Tiêu đề. Hai câu."\n  en:\n    - "x"\n    - "y"\nedits:\n  - kind: typo\n    source: "không có"\n    text: "Một câu"\n    note: missing\n'
    with language("vi"):
        found = [str(problem) for problem in edit_problems(parse_yaml(text.encode(), "data/test.yaml"), {"article": "Tiêu đề. Một câu đúng."}, set())]
    assert found == [
        "data/test.yaml:11:13: edits[0].source: cần câu chữ có trong văn bản nguồn, nhận được 'không có', văn bản nguồn không có câu này (hãy chép đúng câu chữ của nguồn, kèm vài chữ xung quanh)",
        "data/test.yaml:13:11: edits[0].note: cần mã của một ghi chú của phần này, nhận được 'missing' (mỗi chỗ sửa đều hiện một ghi chú bằng cả hai thứ tiếng: hãy thêm một ghi chú trong notes)",
        # The paragraph with the declared edit undone, as the source would have it.
        "data/test.yaml:4:7: body.vi[0]: cần câu chữ của nguồn, nhưng đoạn văn này mở đầu bằng “không có khác hẳn.”, nguồn không có câu này"
        " (hãy chép đúng câu chữ của nguồn, hoặc khai báo chỗ sửa trong edits: kèm một ghi chú)",
        "data/test.yaml:5:7: body.vi[1]: cần câu chữ của nguồn, nhưng đoạn văn này khác nguồn sau “Tiêu đề. ”: nguồn viết tiếp “Một câu đúng.”, đoạn văn viết “Hai câu.”"
        " (hãy chép đúng câu chữ của nguồn, hoặc khai báo chỗ sửa trong edits: kèm một ghi chú)",
    ]


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        pytest.param(
            "example.org", "SITE_URL: cần một địa chỉ URL đầy đủ bắt đầu bằng http(s), ví dụ https://example.org/can-tho-20/, nhận được 'example.org' (hãy viết https://example.org)", id="no-scheme"
        ),
        pytest.param(
            "https://example.org/?a=1",
            "SITE_URL: cần một địa chỉ URL đầy đủ bắt đầu bằng http(s), ví dụ https://example.org/can-tho-20/, nhận được 'https://example.org/?a=1' (địa chỉ của trang không có phần '?' và phần '#')",
            id="query",
        ),
    ],
)
def test_a_wrong_site_url_in_vietnamese(given: str, expected: str):
    from review import siteurl

    with language("vi"), pytest.raises(siteurl.SiteUrlError) as error:
        siteurl.check(given, "SITE_URL")
    assert str(error.value) == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        pytest.param(
            "yesterday",
            "SOURCE_DATE_EPOCH: cần một số nguyên là số giây tính từ 1970-01-01 UTC (ví dụ 1704067200, hoặc thời điểm của commit: git log -1 --format=%ct), nhận được 'yesterday'",
            id="not-a-number",
        ),
        pytest.param("1000", "SOURCE_DATE_EPOCH: cần một ngày từ năm 1980 trở đi (315532800 trở lên), nhận được '1000'", id="before-1980"),
    ],
)
def test_a_wrong_source_date_epoch_in_vietnamese(given: str, expected: str):
    from review import buildtime

    with language("vi"), pytest.raises(buildtime.BuildTimeError) as error:
        buildtime.resolve({"SOURCE_DATE_EPOCH": given})
    assert str(error.value) == expected


def test_an_open_list_without_its_whole_in_vietnamese():
    from review.faithfulness import open_list_problems
    from review.model import Text, Unit, Vocabulary
    from review.yamlfile import parse_yaml

    vocabulary = Vocabulary(units={"mw": Unit("mw", "MW", "MW", "MW", "measure")}, qualifiers={"exact": Text("{value}", "{value}")}, statuses={}, abbreviations={}, labels={})
    document = parse_yaml(b"charts:\n  - id: sources\n    kind: part-of-whole\n    open_ended: true\n    figures: [a, b]\n", "data/test.yaml")
    with language("vi"):
        found = [str(problem) for problem in open_list_problems(document, vocabulary, {"a": "mw", "b": "mw"})]
    assert found == [
        "data/test.yaml:4:17: charts[0].open_ended: các phần của một danh sách chưa đầy đủ cần có tổng, nhưng chưa có: cộng các phần lại không ra tổng mà nguồn nêu"
        " (hãy thêm whole: <mã của số liệu là tổng>, hoặc dùng kind: bar)"
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "    - industrial-park-enterprises\n",
            "    - industrial-park-entreprises\n",
            "home.headline_figures[2]: cần mã của một số liệu đã có, nhận được 'industrial-park-entreprises' (có phải ý bạn là 'industrial-park-enterprises'?)",
            id="unknown-id",
        ),
        pytest.param(
            "    - online-dossier-share\n",
            "    - online-dossier-share\n    - lo-b-gas-output\n",
            "home.headline_figures: cần tối đa 8 mục, nhận được 9",
            id="too-many",
        ),
    ],
)
def test_a_bad_headline_figure_in_vietnamese(data_copy: Path, old: str, new: str, expected: str):
    from conftest import edit
    from review.project import load_site

    edit(data_copy / "site.yaml", old, new)
    with language("vi"), pytest.raises(DataError) as caught:
        load_site(data_copy)
    assert [problem.described() for problem in caught.value.problems] == [expected]


def test_links_an_offline_copy_cannot_follow_in_vietnamese(tmp_path: Path):
    from review import offline

    (tmp_path / "index.html").write_text('<a href="/energy/">a</a> <a href="energy/">b</a> <a href="gone.html">c</a>', encoding="utf-8")
    (tmp_path / "energy").mkdir()
    with language("vi"):
        found = [str(link) for link in offline.broken_links(tmp_path)]
    assert found == [
        "index.html: '/energy/' bắt đầu từ gốc của ổ đĩa",
        "index.html: 'energy/' trỏ tới một thư mục, trình duyệt sẽ liệt kê thư mục thay vì mở index.html của nó",
        "index.html: 'gone.html' trỏ tới một tệp không có",
    ]


def test_the_offline_script_refuses_a_bad_output_in_vietnamese(tmp_path: Path):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_offline.py"), "--lang", "vi", "--output", "copy.tar"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip().endswith("--output: cần một tên tệp có đuôi .zip, nhận được 'copy.tar'")
