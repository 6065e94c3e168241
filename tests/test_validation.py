"""One bad data file per case: each mistake an editor can make gives the exact
line that names the file, line, column and field, with a hint where one
helps. Every case edits one file of a copy of the made-up data of
tests/fixtures/rules/ (with the real schema and vocabulary), so that the
expected lines give plain line and column numbers and no edit of the real
data/ can change them. That the real data is valid is checked here too."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from conftest import DATA, edit, with_line_numbers
from review.problems import DataError
from review.project import load_site
from review.yamlfile import MAX_BYTES


def problems(data: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_site(data)
    return [str(problem) for problem in caught.value.problems]


def edit_all(data: Path, name: str, edits: list[tuple[str, str]]) -> None:
    """Make each edit ``(old, new)`` of ``data/name`` in turn."""
    for old, new in edits:
        edit(data / name, old, new)


def test_the_real_data_is_valid(site):
    # Every section file, in the order site.yaml gives (read here without the
    # code under test); an editor's new section keeps this test green.
    listed = yaml.safe_load((DATA / "site.yaml").read_text(encoding="utf-8"))["sections"]
    files = {path.stem for path in DATA.glob("*.yaml")} - {"site", "vocabulary"}
    assert set(listed) == files
    assert [section.id for section in site.sections] == listed


@pytest.mark.parametrize(
    ("name", "edits", "expected"),
    [
        pytest.param(
            "energy.yaml",
            [("icon: material/lightning-bolt\n", "icon: material/lightning-bolt\nicon: material/flash\n")],
            ["data/energy.yaml:13:1: icon: duplicate key 'icon', first given at line 12 (keep one of them: YAML would silently use the last)"],
            id="duplicate-key",
        ),
        pytest.param(
            "energy.yaml",
            [("    open_ended: true\n\n  - id: grid-planning", "    open_ended: yes\n\n  - id: grid-planning")],
            ["data/energy.yaml:112:17: lists[0].open_ended: expected true or false, received 'yes' (write true or false: YAML 1.1 words such as yes, no, on and off are ambiguous)"],
            id="yes-for-a-boolean",
        ),
        pytest.param(
            "digital.yaml",
            [("    open_ended: true\n", "    open_ended: off\n")],
            ["data/digital.yaml:91:17: lists[0].open_ended: expected true or false, received 'off' (write true or false: YAML 1.1 words such as yes, no, on and off are ambiguous)"],
            id="off-for-a-boolean",
        ),
        pytest.param(
            "energy.yaml",
            [('          en: "Cần Thơ Power Plant"', "          en: no")],
            ['data/energy.yaml:103:15: lists[0].items[0].name.en: expected quoted text, received the bare word no, which YAML 1.1 tools read as false (write "no" in quotes)'],
            id="bare-no-as-text",
        ),
        pytest.param(
            "digital.yaml",
            [("status: deployed", "status: on")],
            ['data/digital.yaml:83:17: lists[0].items[0].status: expected quoted text, received the bare word on, which YAML 1.1 tools read as true (write "on" in quotes)'],
            id="bare-on-as-an-id",
        ),
        pytest.param(
            "energy.yaml",
            [('        qualifier: estimated\n        quote: "sản lượng', '        qualifer: estimated\n        quote: "sản lượng')],
            ["data/energy.yaml:62:9: figures[2].values[0].qualifer: unknown field 'qualifer' (did you mean 'qualifier'?)"],
            id="unknown-field-did-you-mean",
        ),
        pytest.param(
            "digital.yaml",
            [("key_figures:", "key_figure:")],
            ["data/digital.yaml:20:1: key_figure: unknown field 'key_figure' (did you mean 'key_figures'?)"],
            id="unknown-field-top-level",
        ),
        pytest.param(
            "site.yaml",
            [("short_title:", "colour: teal\nshort_title:")],
            ["data/site.yaml:8:1: colour: unknown field 'colour' (expected one of: title, short_title, description, sections, sources, home, about)"],
            id="unknown-field-no-match",
        ),
        pytest.param(
            "digital.yaml",
            [('      en: "Partly online public services"\n', "")],
            ["data/digital.yaml:26:7: figures[0].label: expected the text in both languages, received only the Vietnamese version (vi) (add en: with the English text)"],
            id="english-missing",
        ),
        pytest.param(
            "site.yaml",
            [('  vi: "Thử nghiệm"\n', "")],
            ["data/site.yaml:9:3: short_title: expected the text in both languages, received only the English version (en) (add vi: with the Vietnamese text)"],
            id="vietnamese-missing",
        ),
        pytest.param(
            "energy.yaml",
            [("value: 2956.39", "value: 2.956,39")],
            ["data/energy.yaml:60:16: figures[2].values[0].value: expected a number, received '2.956,39' (write 2956.39: YAML numbers use '.' for decimals and no thousands separator)"],
            id="vietnamese-decimal-comma",
        ),
        pytest.param(
            "energy.yaml",
            [("value: 176.5", 'value: "176,5"')],
            ["data/energy.yaml:31:16: figures[0].values[0].value: expected a number, received '176,5' (write 176.5: YAML numbers use '.' for decimals and no thousands separator)"],
            id="vietnamese-decimal-quoted",
        ),
        pytest.param(
            "digital.yaml",
            [("value: 1096", "value: 1.096")],
            [
                "data/digital.yaml:40:16: figures[1].values[0].value: expected a whole number (the unit online-service counts things), received 1.096 (did you mean 1096? YAML reads 1.096 as a decimal number: write 1096, without the thousands dot)"
            ],
            id="thousands-dot-count",
        ),
        pytest.param(
            "digital.yaml",
            [("value: 41000", "value: 41.000")],
            [
                "data/digital.yaml:70:16: figures[4].values[0].value: expected a whole number (the unit worker counts things), received 41.000 (did you mean 41000? YAML reads 41.000 as a decimal number: write 41000, without the thousands dot)"
            ],
            id="thousands-dot-whole-count",
        ),
        pytest.param(
            "digital.yaml",
            [("value: 216505", "value: 216.505.000")],
            ["data/digital.yaml:60:16: figures[3].values[0].value: expected a number, received '216.505.000' (write 216505000: YAML numbers use '.' for decimals and no thousands separator)"],
            id="two-thousands-dots",
        ),
        pytest.param(
            "energy.yaml",
            [("value: 20.52", "value: 20.52%")],
            ["data/energy.yaml:48:16: figures[1].values[0].value: expected a number, received '20.52%' (write 20.52: the unit says it is a percentage)"],
            id="percent-with-sign",
        ),
        pytest.param(
            "energy.yaml",
            [("value: 6.53", "value: 106.53"), ('quote: "tăng 6,53% so năm 2022"', 'quote: "tăng 106,53% so năm 2022"')],
            [
                "data/energy.yaml:71:16: figures[3].values[0].value: expected a percentage from 0 to 100, received 106.53",
                "data/energy.yaml:73:16: figures[3].values[0].quote: expected the exact words of source 'article' (data/sources/rules.vi.txt), received a quote that is not in it: 'tăng 106,53% so năm 2022' (the source has 'tăng ' but not what follows, '106,53% so năm 2022': copy the words exactly, spaces and punctuation included)",
            ],
            id="percent-over-100",
        ),
        pytest.param(
            "energy.yaml",
            [("value: 330", "value: -330"), ('"Nhà máy nhiệt điện Ô Môn 1 công suất 330 MW"', '"Nhà máy nhiệt điện Ô Môn 1 công suất -330 MW"')],
            [
                "data/energy.yaml:81:16: figures[4].values[0].value: expected a number of at least 0, received -330",
                "data/energy.yaml:83:16: figures[4].values[0].quote: expected the exact words of source 'article' (data/sources/rules.vi.txt), received a quote that is not in it: 'Nhà máy nhiệt điện Ô Môn 1 công suất -330 MW' (the source has 'Nhà máy nhiệt điện Ô Môn 1 công suất ' but not what follows, '-330 MW': copy the words exactly, spaces and punctuation included)",
            ],
            id="negative-measure",
        ),
        pytest.param(
            "energy.yaml",
            [("unit: million-kwh\n    values:\n      - value: 2956.39", "unit: million-kw\n    values:\n      - value: 2956.39")],
            ["data/energy.yaml:58:11: figures[2].unit: expected the id of a known unit, received 'million-kw' (did you mean 'million-kwh'?)"],
            id="unknown-unit",
        ),
        pytest.param(
            "energy.yaml",
            [("status: in-operation", "status: in-operaton")],
            ["data/energy.yaml:104:17: lists[0].items[0].status: expected the id of a known status, received 'in-operaton' (did you mean 'in-operation'?)"],
            id="unknown-status",
        ),
        pytest.param(
            "energy.yaml",
            [('        qualifier: estimated\n        quote: "sản lượng', '        qualifier: estimated\n        source: articel\n        quote: "sản lượng')],
            ["data/energy.yaml:63:17: figures[2].values[0].source: expected the id of a known source, received 'articel' (did you mean 'article'?)"],
            id="unknown-source",
        ),
        pytest.param(
            "energy.yaml",
            [('        qualifier: estimated\n        quote: "sản lượng', '        qualifier: approximately\n        quote: "sản lượng')],
            ["data/energy.yaml:62:20: figures[2].values[0].qualifier: expected one of: exact, about, more_than, over, nearly, estimated, planned; received 'approximately'"],
            id="unknown-qualifier",
        ),
        pytest.param(
            "energy.yaml",
            [("  - solar-capacity\n\nfigures:", "  - solar-capacities\n\nfigures:")],
            ["data/energy.yaml:22:5: key_figures[1]: expected the id of a known figure of this section, received 'solar-capacities' (did you mean 'solar-capacity'?)"],
            id="missing-key-figure",
        ),
        pytest.param(
            "digital.yaml",
            [("      - online-services-full\n    title:", "      - online-services-fully\n    title:")],
            ["data/digital.yaml:104:9: charts[0].figures[1]: expected the id of a known figure, received 'online-services-fully' (did you mean 'online-services-full'?)"],
            id="missing-chart-figure",
        ),
        pytest.param(
            "digital.yaml",
            [("    operands:\n      - online-services-partial\n      - online-services-full\n", "    operands:\n      - online-services-partial\n      - online-services-fully\n")],
            ["data/digital.yaml:114:9: relations[0].operands[1]: expected the id of a known figure, received 'online-services-fully' (did you mean 'online-services-full'?)"],
            id="missing-relation-figure",
        ),
        pytest.param(
            "energy.yaml",
            [("      - electricity-saved@2011-2015\n    note:", "      - electricity-saved@2011-2014\n    note:")],
            ["data/energy.yaml:158:9: relations[0].operands[1]: expected a period of electricity-saved, received '2011-2014' (the periods are 2011-2015, 2016-2020, 2023)"],
            id="missing-relation-period",
        ),
        pytest.param(
            "energy.yaml",
            [("      - electricity-saved@2011-2015\n    note:", "      - electricity-saved\n    note:")],
            ["data/energy.yaml:158:9: relations[0].operands[1]: expected electricity-saved@period for a series, received 'electricity-saved' (the periods are 2011-2015, 2016-2020, 2023)"],
            id="series-without-period",
        ),
        pytest.param(
            "energy.yaml",
            [("        notes:\n          - saving-growth-inconsistent\n", "        notes:\n          - saving-growth-inconsistant\n")],
            [
                "data/energy.yaml:52:13: figures[1].values[0].notes[0]: expected the id of a known note of this section, received 'saving-growth-inconsistant' (did you mean 'saving-growth-inconsistent'?)"
            ],
            id="missing-value-note",
        ),
        pytest.param(
            "digital.yaml",
            [("          - platforms-open\n", "          - platform-open\n")],
            ["data/digital.yaml:90:13: lists[0].items[1].notes[0]: expected the id of a known note of this section, received 'platform-open' (did you mean 'platforms-open'?)"],
            id="missing-item-note",
        ),
        pytest.param(
            "digital.yaml",
            [("        notes:\n          - platforms-open\n", "")],
            [
                "data/digital.yaml:92:9: notes[0].id: expected a note that a value, list item or relation refers to, received 'platforms-open', which nothing refers to (add platforms-open to the notes of the value or list item it concerns)"
            ],
            id="unused-note",
        ),
        pytest.param(
            "digital.yaml",
            [("  - id: dossiers-total\n", "  - id: solar-capacity\n")],
            ["data/digital.yaml:54:9: figures[3].id: duplicate figure id 'solar-capacity', first used in data/energy.yaml line 85 (ids must be unique across the site)"],
            id="duplicate-figure-id-across-files",
        ),
        pytest.param(
            "digital.yaml",
            [("  - id: online-services-by-level", "  - id: power-capacity-by-source")],
            ["data/digital.yaml:100:9: charts[0].id: duplicate chart id 'power-capacity-by-source', first used in data/energy.yaml line 136 (ids must be unique across the site)"],
            id="duplicate-chart-id",
        ),
        pytest.param(
            "energy.yaml",
            [("  - id: grid-planning", "  - id: power-sources")],
            ["data/energy.yaml:114:9: lists[1].id: duplicate list id 'power-sources', first used at line 96"],
            id="duplicate-list-id",
        ),
        pytest.param(
            "energy.yaml",
            [("\ncharts:\n", '  - id: saving-growth-inconsistent\n    text:\n      vi: "Một ghi chú khác."\n      en: "Another note."\n\ncharts:\n')],
            ["data/energy.yaml:134:9: notes[2].id: duplicate note id 'saving-growth-inconsistent', first used at line 125"],
            id="duplicate-note-id",
        ),
        pytest.param(
            "site.yaml",
            [("  - digital\n", "  - digital\n  - energy\n")],
            ["data/site.yaml:17:3: sections: expected no repeated items, received 'energy' more than once"],
            id="duplicate-section",
        ),
        pytest.param(
            "site.yaml",
            [("  - digital\n", "  - ../secrets\n")],
            ["data/site.yaml:18:5: sections[1]: expected an id of lowercase letters, digits and single hyphens, such as solar-capacity, received '../secrets'"],
            id="parent-path-section",
        ),
        pytest.param(
            "site.yaml",
            [("  - digital\n", "  - /etc/passwd\n")],
            ["data/site.yaml:18:5: sections[1]: expected an id of lowercase letters, digits and single hyphens, such as solar-capacity, received '/etc/passwd'"],
            id="absolute-path-section",
        ),
        pytest.param(
            "site.yaml",
            [("  - digital\n", "  - Digital\n")],
            ["data/site.yaml:18:5: sections[1]: expected an id of lowercase letters, digits and single hyphens, such as solar-capacity, received 'Digital'"],
            id="uppercase-section",
        ),
        pytest.param(
            "digital.yaml",
            [("  - id: online-services-by-level", "  - id: ../../site/index")],
            ["data/digital.yaml:100:9: charts[0].id: expected an id of lowercase letters, digits and single hyphens, such as solar-capacity, received '../../site/index'"],
            id="path-as-chart-id",
        ),
        pytest.param(
            "digital.yaml",
            [("icon: material/monitor", "icon: ../../etc/passwd")],
            ["data/digital.yaml:12:7: icon: expected an icon name such as material/lightning-bolt, received '../../etc/passwd'"],
            id="unsafe-icon",
        ),
        pytest.param(
            "digital.yaml",
            [('      en: "Dossiers received"', '      en: "Dossiers <b>received</b>"')],
            ["data/digital.yaml:57:11: figures[3].label.en: expected plain text, received HTML '<b>' (remove the markup: the site formats text itself)"],
            id="html-tag",
        ),
        pytest.param(
            "site.yaml",
            [('  en: "Test"', '  en: "Test<script>alert(1)</script>"')],
            ["data/site.yaml:10:7: short_title.en: expected plain text, received HTML '<script>' (remove the markup: the site formats text itself)"],
            id="html-script",
        ),
        pytest.param(
            "digital.yaml",
            [('      en: "Dossiers received"', '      en: "Dossiers&nbsp;received"')],
            ["data/digital.yaml:57:11: figures[3].label.en: expected plain text, received HTML '&nbsp;' (remove the markup: the site formats text itself)"],
            id="html-entity",
        ),
        pytest.param(
            "digital.yaml",
            [("value: 266", "value: 226"), ('"266 DVCTT một phần"', '"226 DVCTT một phần"')],
            [
                "data/digital.yaml:32:16: figures[0].values[0].quote: expected the exact words of source 'article' (data/sources/rules.vi.txt), received a quote that is not in it: '226 DVCTT một phần' (copy the words from the source text)",
                "data/digital.yaml:110:5: relations[0]: expected online-services-total to be 226 + 1096 = 1322 (tolerance 0), received 1362 (fix the figure, or, where the source itself is inconsistent, add a note and give its id as note)",
            ],
            id="broken-relation",
        ),
        pytest.param(
            "energy.yaml",
            [
                (
                    "    note: saving-growth-inconsistent\n",
                    "    note: saving-growth-inconsistent\n  - kind: sum\n    result: electricity-consumption@2023\n    operands:\n      - electricity-consumption@2023\n    note: solar-list-open\n",
                )
            ],
            [
                "data/energy.yaml:164:11: relations[1].note: expected a broken relation for a note, received one that holds: electricity-consumption@2023 is 2956.39 and the computed value is 2956.39 (remove the note)"
            ],
            id="relation-note-that-holds",
        ),
        pytest.param(
            "energy.yaml",
            [("value: 330", "value: 33")],
            [
                "data/energy.yaml:81:16: figures[4].values[0].value: expected a number that its quote states, received 33, which the quote does not contain (the quote gives 1, 330: write one of them the YAML way (1, 330), or fix the quote)"
            ],
            id="quote-does-not-state-value",
        ),
        pytest.param(
            "digital.yaml",
            [('quote: "266 DVCTT một phần"', 'quote: "DVCTT một phần"')],
            [
                "data/digital.yaml:30:16: figures[0].values[0].value: expected a number that its quote states, received 266, which the quote does not contain (the quote gives no number: quote the source's words that state it)"
            ],
            id="quote-with-no-number",
        ),
        pytest.param(
            "energy.yaml",
            [('        period: "2023"\n        qualifier: estimated\n        quote: "năm 2023', '        period: "2010"\n        qualifier: estimated\n        quote: "năm 2023')],
            [
                "data/energy.yaml:9:7: summary.vi: expected a period of electricity-saved in {electricity-saved@2023}, received '2023' (the periods are 2011-2015, 2016-2020, 2010)",
                "data/energy.yaml:10:7: summary.en: expected a period of electricity-saved in {electricity-saved@2023}, received '2023' (the periods are 2011-2015, 2016-2020, 2010)",
                "data/energy.yaml:38:17: figures[0].values[2].period: expected values in time order, received 2010 after 2016-2020",
            ],
            id="periods-out-of-order",
        ),
        pytest.param(
            "energy.yaml",
            [('        period: "2023"\n        qualifier: estimated\n        quote: "năm 2023', '        period: "2016-2020"\n        qualifier: estimated\n        quote: "năm 2023')],
            [
                "data/energy.yaml:9:7: summary.vi: expected a period of electricity-saved in {electricity-saved@2023}, received '2023' (the periods are 2011-2015, 2016-2020)",
                "data/energy.yaml:10:7: summary.en: expected a period of electricity-saved in {electricity-saved@2023}, received '2023' (the periods are 2011-2015, 2016-2020)",
                "data/energy.yaml:38:17: figures[0].values[2].period: expected one value per period, received 2016-2020 twice (first at values[1])",
            ],
            id="period-twice",
        ),
        pytest.param(
            "site.yaml",
            [('date: "2023-10-13"', 'date: "2023-02-30"')],
            ["data/site.yaml:25:11: sources[0].date: expected a real date such as 2019, 2018-02 or 2023-10-13, received '2023-02-30'"],
            id="impossible-date",
        ),
        pytest.param(
            "energy.yaml",
            [('        as_of: "2023-10"\n        quote: "Nhà máy nhiệt điện', '        as_of: "2023-10"\n        period: "2023"\n        quote: "Nhà máy nhiệt điện')],
            ["data/energy.yaml:81:9: figures[4].values[0]: expected exactly one of 'period' (the time a flow covers) or 'as_of' (the date a stock refers to), received a mapping of fields"],
            id="period-and-as-of",
        ),
        pytest.param(
            "energy.yaml",
            [('        quote: "tổng công suất 81,498 MW"\n', "")],
            ["data/energy.yaml:91:9: figures[5].values[0]: expected the required field 'quote', received none"],
            id="missing-quote",
        ),
        pytest.param(
            "digital.yaml",
            [
                ("  - id: online-services-partial\n    label:", "  - id: online-services-partial\n    label: &label"),
                ('  - id: online-services-full\n    label:\n      vi: "DVCTT toàn trình"\n      en: "Fully online public services"', "  - id: online-services-full\n    label: *label"),
            ],
            ["data/digital.yaml:35:12: figures[1].label: expected plain data, received an alias (*name) (write the value out in full)"],
            id="alias",
        ),
        pytest.param(
            "digital.yaml",
            [("icon: material/monitor", "icon: !!python/object/apply:os.system [ls]")],
            ["data/digital.yaml:12:7: icon: expected plain data, received the tag !!python/object/apply:os.system (remove the tag)"],
            id="python-tag",
        ),
        pytest.param(
            "digital.yaml",
            [('  vi: "Chuyển đổi số"', '  vi: "Chuyển đổi số')],
            ["data/digital.yaml:5:7: the quote that opens this text is not closed (end the text with the same quote, on this line)"],
            id="syntax-error",
        ),
        pytest.param(
            "digital.yaml",
            [('  vi: "Chuyển đổi số"', '\tvi: "Chuyển đổi số"')],
            ["data/digital.yaml:5:1: this line is indented with a tab (indent with spaces: YAML does not accept tabs)"],
            id="tab-indentation",
        ),
        pytest.param(
            "digital.yaml",
            [('  vi: "Chuyển đổi số"', '  vi: "Chuyển đổi số"')],
            ["data/digital.yaml:5:7: title.vi: expected text in composed Unicode (NFC), received decomposed characters (retype the accented letters, or save the file as NFC)"],
            id="decomposed-unicode",
        ),
    ],
)
def test_bad_file(rules_data: Path, name: str, edits: list[tuple[str, str]], expected: list[str]):
    edit_all(rules_data, name, edits)
    assert problems(rules_data) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param(b"title: caf\xe9\n", "data/digital.yaml:1:11: expected UTF-8 text, received the byte 0xe9 (save the file as UTF-8)", id="latin-1"),
        pytest.param("title: Cần Thơ\n".encode("utf-16"), "data/digital.yaml:1:1: expected UTF-8 text, received the byte 0xff (save the file as UTF-8)", id="utf-16"),
        pytest.param(b"", "data/digital.yaml: expected data, received an empty file", id="empty"),
        pytest.param(b"# yaml-language-server: $schema=schema/section.schema.json\n\n", "data/digital.yaml: expected data, received an empty file", id="only-comments"),
        pytest.param(b"title: '" + b"x" * MAX_BYTES + b"'\n", "data/digital.yaml: expected a file of at most 1024 KiB, received 1024 KiB", id="oversized"),
        pytest.param(b"- a\n- b\n", "data/digital.yaml:1:1: expected a mapping of fields, received a list", id="a-list-not-a-mapping"),
    ],
)
def test_bad_file_bytes(rules_data: Path, raw: bytes, expected: str):
    (rules_data / "digital.yaml").write_bytes(raw)
    assert problems(rules_data) == [expected]


def test_alias_bomb_is_refused(rules_data: Path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 10):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    (rules_data / "digital.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = problems(rules_data)
    assert len(found) == 81
    assert found[0] == "data/digital.yaml:2:10: a1[0]: expected plain data, received an alias (*name) (write the value out in full)"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param("remove", "data/digital.yaml: expected this file, received nothing: it does not exist", id="missing-file"),
        pytest.param("unlisted", "data/site.yaml:16:1: sections: the section file data/extra.yaml is not listed (add extra to sections, or remove the file)", id="unlisted-section-file"),
        pytest.param("yml", "data/extra.yml: expected the extension .yaml, received .yml (rename the file)", id="yml-extension"),
        pytest.param("schema", "data/schema/section.schema.json:1:1: expected JSON, received invalid text: Expecting value", id="schema-not-json"),
    ],
)
def test_bad_folder(rules_data: Path, change: str, expected: str):
    if change == "remove":
        (rules_data / "digital.yaml").unlink()
    elif change == "unlisted":
        shutil.copy(rules_data / "digital.yaml", rules_data / "extra.yaml")
    elif change == "yml":
        shutil.copy(rules_data / "digital.yaml", rules_data / "extra.yml")
    else:
        (rules_data / "schema" / "section.schema.json").write_text("not JSON\n", encoding="utf-8")
    assert problems(rules_data) == [expected]


def test_editors_hidden_files_are_ignored(rules_data: Path):
    """Editors leave files such as Emacs's .#energy.yaml lock while typing."""
    (rules_data / ".#energy.yaml").write_text("not: [data\n", encoding="utf-8")
    assert load_site(rules_data).section("energy")


def test_every_problem_at_once(rules_data: Path):
    """Problems in several files, the sections' and the vocabulary's, all
    reported in one run, file by file (in the order of their names). The vocabulary is the real one: its
    line is found by the text that stands there (see with_line_numbers)."""
    edit(rules_data / "energy.yaml", "value: 2956.39", "value: 2.956,39")
    edit(rules_data / "digital.yaml", '      en: "Partly online public services"\n', "")
    edit(rules_data / "vocabulary.yaml", '  mw:\n    vi: "MW"', '  mw:\n    vi: "MW"\n    vi: "MW"')
    assert problems(rules_data) == [
        "data/digital.yaml:26:7: figures[0].label: expected the text in both languages, received only the Vietnamese version (vi) (add en: with the English text)",
        "data/energy.yaml:60:16: figures[2].values[0].value: expected a number, received '2.956,39' (write 2956.39: YAML numbers use '.' for decimals and no thousands separator)",
        with_line_numbers(
            rules_data,
            "vocabulary.yaml",
            'data/vocabulary.yaml:{  mw:\n    vi: "MW"\n    vi: "MW"}:5: units.mw.vi: duplicate key \'vi\', first given at line {  mw:\n    vi: "MW"} (keep one of them: YAML would silently use the last)',
        ),
    ]


def test_summary_counts_the_problems(rules_data: Path):
    edit(rules_data / "energy.yaml", "value: 2956.39", "value: 2.956,39")
    with pytest.raises(DataError) as caught:
        load_site(rules_data)
    assert caught.value.summary() == (
        "The data has 1 problem:\n"
        "data/energy.yaml:60:16: figures[2].values[0].value: expected a number, received '2.956,39' (write 2956.39: YAML numbers use '.' for decimals and no thousands separator)"
    )
