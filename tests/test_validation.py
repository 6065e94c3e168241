"""One bad data file per case: each mistake an editor can make gives the exact
line that names the file, line, column and field, with a hint where one
helps. Every case edits one real data file in a copy of data/.

Expected lines give line numbers by the text that stands there, so that they
stay exact when the data grows above the case: ``{snippet}`` is the number
of the line on which ``snippet`` (one or more whole lines, unique in the
file) ends, in the edited file; ``{energy.yaml:snippet}`` in another file
(see ``with_line_numbers`` in conftest.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from conftest import DATA, with_line_numbers
from review.problems import DataError
from review.project import load_site
from review.yamlfile import MAX_BYTES


def problems(data: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_site(data)
    return [str(problem) for problem in caught.value.problems]


def edit(data: Path, name: str, edits: list[tuple[str, str]]) -> None:
    path = data / name
    text = path.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, f"the edit {old!r} must match exactly once in {name}"
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


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
            ["data/energy.yaml:{icon: material/flash}:1: icon: duplicate key 'icon', first given at line {icon: material/lightning-bolt} (keep one of them: YAML would silently use the last)"],
            id="duplicate-key",
        ),
        pytest.param(
            "energy.yaml",
            [("    open_ended: true\n\n  - id: energy-efficiency-areas", "    open_ended: yes\n\n  - id: energy-efficiency-areas")],
            ["data/energy.yaml:{    open_ended: yes}:17: lists[0].open_ended: expected true or false, received 'yes' (write true or false: YAML 1.1 words such as yes, no, on and off are ambiguous)"],
            id="yes-for-a-boolean",
        ),
        pytest.param(
            "transport.yaml",
            [("    open_ended: true\n\n  - id: transport-priority", "    open_ended: off\n\n  - id: transport-priority")],
            [
                "data/transport.yaml:{    open_ended: off}:17: lists[0].open_ended: expected true or false, received 'off' (write true or false: YAML 1.1 words such as yes, no, on and off are ambiguous)"
            ],
            id="off-for-a-boolean",
        ),
        pytest.param(
            "transport.yaml",
            [('          en: "Cần Thơ Bridge"', "          en: no")],
            ['data/transport.yaml:{          en: no}:15: lists[0].items[0].name.en: expected quoted text, received the bare word no, which YAML 1.1 tools read as false (write "no" in quotes)'],
            id="bare-no-as-text",
        ),
        pytest.param(
            "transport.yaml",
            [('status: being-prepared\n        quote: "Dự án cao tốc', 'status: on\n        quote: "Dự án cao tốc')],
            ['data/transport.yaml:{        status: on}:17: lists[2].items[0].status: expected quoted text, received the bare word on, which YAML 1.1 tools read as true (write "on" in quotes)'],
            id="bare-on-as-an-id",
        ),
        pytest.param(
            "energy.yaml",
            [('        qualifier: estimated\n        quote: "sản lượng', '        qualifer: estimated\n        quote: "sản lượng')],
            ["data/energy.yaml:{        qualifer: estimated}:9: figures[#electricity-consumption].values[0].qualifer: unknown field 'qualifer' (did you mean 'qualifier'?)"],
            id="unknown-field-did-you-mean",
        ),
        pytest.param(
            "industry.yaml",
            [("key_figures:", "key_figure:")],
            ["data/industry.yaml:{key_figure:}:1: key_figure: unknown field 'key_figure' (did you mean 'key_figures'?)"],
            id="unknown-field-top-level",
        ),
        pytest.param(
            "site.yaml",
            [("short_title:", "colour: teal\nshort_title:")],
            ["data/site.yaml:{colour: teal}:1: colour: unknown field 'colour' (expected one of: title, short_title, description, sections, sources, home, about)"],
            id="unknown-field-no-match",
        ),
        pytest.param(
            "industry.yaml",
            [('      en: "Industrial parks"\n', "")],
            [
                'data/industry.yaml:{      vi: "Số khu công nghiệp"}:7: figures[#industrial-parks].label: expected the text in both languages, received only the Vietnamese version (vi) (add en: with the English text)'
            ],
            id="english-missing",
        ),
        pytest.param(
            "site.yaml",
            [('  vi: "Cần Thơ 20 năm"\n', "")],
            [
                'data/site.yaml:{  en: "Cần Thơ: 20 years under the central government"}:3: short_title: expected the text in both languages, received only the English version (en) (add vi: with the Vietnamese text)'
            ],
            id="vietnamese-missing",
        ),
        pytest.param(
            "energy.yaml",
            [("value: 2956.39", "value: 2.956,39")],
            [
                "data/energy.yaml:{      - value: 2.956,39}:16: figures[#electricity-consumption].values[0].value: expected a number, received '2.956,39' (write 2956.39: YAML numbers use '.' for decimals and no thousands separator)"
            ],
            id="vietnamese-decimal-comma",
        ),
        pytest.param(
            "energy.yaml",
            [("value: 188.2", 'value: "188,2"')],
            [
                "data/energy.yaml:{      - value: \"188,2\"}:16: figures[#can-tho-power-plant-capacity].values[0].value: expected a number, received '188,2' (write 188.2: YAML numbers use '.' for decimals and no thousands separator)"
            ],
            id="vietnamese-decimal-quoted",
        ),
        pytest.param(
            "digital.yaml",
            [("value: 1096", "value: 1.096")],
            [
                "data/digital.yaml:{      - value: 1.096}:16: figures[#online-services-full].values[0].value: expected a whole number (the unit online-service counts things), received 1.096 (did you mean 1096? YAML reads 1.096 as a decimal number: write 1096, without the thousands dot)"
            ],
            id="thousands-dot-count",
        ),
        pytest.param(
            "industry.yaml",
            [("value: 41000", "value: 41.000")],
            [
                "data/industry.yaml:{      - value: 41.000}:16: figures[#industrial-park-workers].values[0].value: expected a whole number (the unit worker counts things), received 41.000 (did you mean 41000? YAML reads 41.000 as a decimal number: write 41000, without the thousands dot)"
            ],
            id="thousands-dot-whole-count",
        ),
        pytest.param(
            "digital.yaml",
            [("value: 216505", "value: 216.505.000")],
            [
                "data/digital.yaml:{      - value: 216.505.000}:16: figures[#dossiers-total].values[0].value: expected a number, received '216.505.000' (write 216505000: YAML numbers use '.' for decimals and no thousands separator)"
            ],
            id="two-thousands-dots",
        ),
        pytest.param(
            "industry.yaml",
            [("value: 40.9", "value: 40.9%")],
            ["data/industry.yaml:{      - value: 40.9%}:16: figures[#industrial-park-occupancy].values[0].value: expected a number, received '40.9%' (write 40.9: the unit says it is a percentage)"],
            id="percent-with-sign",
        ),
        pytest.param(
            "energy.yaml",
            [("value: 6.53", "value: 106.53"), ('quote: "tăng 6,53% so năm 2022"', 'quote: "tăng 106,53% so năm 2022"')],
            [
                "data/energy.yaml:{      - value: 106.53}:16: figures[#electricity-consumption-growth-vs-2022].values[0].value: expected a percentage from 0 to 100, received 106.53",
                # A quote must be the source's own words: the edited one is not.
                "data/energy.yaml:{        quote: \"tăng 106,53% so năm 2022\"}:16: figures[#electricity-consumption-growth-vs-2022].values[0].quote: expected the exact words of source 'article' (data/sources/can-tho-20-nam.vi.txt), received a quote that is not in it: 'tăng 106,53% so năm 2022' (the source has 'tăng 1' but not what follows, '06,53% so năm 2022': copy the words exactly, spaces and punctuation included)",
            ],
            id="percent-over-100",
        ),
        pytest.param(
            "industry.yaml",
            [
                ('      - value: 837\n        as_of: "2023-10"\n        quote: "6 khu', '      - value: -837\n        as_of: "2023-10"\n        quote: "6 khu'),
                ('"6 khu công nghiệp rộng 837 ha"', '"6 khu công nghiệp rộng -837 ha"'),
            ],
            [
                "data/industry.yaml:{      - value: -837}:16: figures[#industrial-parks-area].values[0].value: expected a number of at least 0, received -837",
                "data/industry.yaml:{        quote: \"6 khu công nghiệp rộng -837 ha\"}:16: figures[#industrial-parks-area].values[0].quote: expected the exact words of source 'article' (data/sources/can-tho-20-nam.vi.txt), received a quote that is not in it: '6 khu công nghiệp rộng -837 ha' (the source has '6 khu công nghiệp rộng ' but not what follows, '-837 ha': copy the words exactly, spaces and punctuation included)",
            ],
            id="negative-measure",
        ),
        pytest.param(
            "energy.yaml",
            [("unit: million-kwh\n    values:\n      - value: 2956.39", "unit: million-kw\n    values:\n      - value: 2956.39")],
            ["data/energy.yaml:{    unit: million-kw}:11: figures[#electricity-consumption].unit: expected the id of a known unit, received 'million-kw' (did you mean 'million-kwh'?)"],
            id="unknown-unit",
        ),
        pytest.param(
            "energy.yaml",
            [('        status: in-operation\n        quote: "Nhà máy điện Cần Thơ', '        status: in-operaton\n        quote: "Nhà máy điện Cần Thơ')],
            ["data/energy.yaml:{        status: in-operaton}:17: lists[0].items[0].status: expected the id of a known status, received 'in-operaton' (did you mean 'in-operation'?)"],
            id="unknown-status",
        ),
        pytest.param(
            "industry.yaml",
            [("        qualifier: about\n", "        qualifier: about\n        source: articel\n")],
            [
                "data/industry.yaml:{        source: articel}:17: figures[#industrial-park-budget-contribution].values[0].source: expected the id of a known source, received 'articel' (did you mean 'article'?)"
            ],
            id="unknown-source",
        ),
        pytest.param(
            "industry.yaml",
            [("qualifier: about", "qualifier: approximately")],
            [
                "data/industry.yaml:{        qualifier: approximately}:20: figures[#industrial-park-budget-contribution].values[0].qualifier: expected one of: exact, about, more_than, over, nearly, estimated, planned; received 'approximately'"
            ],
            id="unknown-qualifier",
        ),
        pytest.param(
            "energy.yaml",
            [("  - solar-capacity\n\nfigures:", "  - solar-capacities\n\nfigures:")],
            ["data/energy.yaml:{  - solar-capacities}:5: key_figures[3]: expected the id of a known figure of this section, received 'solar-capacities' (did you mean 'solar-capacity'?)"],
            id="missing-key-figure",
        ),
        pytest.param(
            "industry.yaml",
            [("      - industrial-clusters-area\n    title:", "      - industrial-cluster-area\n    title:")],
            [
                "data/industry.yaml:{      - industrial-cluster-area}:9: charts[0].figures[1]: expected the id of a known figure, received 'industrial-cluster-area' (did you mean 'industrial-clusters-area'?)"
            ],
            id="missing-chart-figure",
        ),
        pytest.param(
            "digital.yaml",
            [
                (
                    "    result: online-services-total\n    operands:\n      - online-services-partial\n      - online-services-full\n",
                    "    result: online-services-total\n    operands:\n      - online-services-partial\n      - online-services-fully\n",
                )
            ],
            [
                "data/digital.yaml:{      - online-services-fully}:9: relations[0].operands[1]: expected the id of a known figure, received 'online-services-fully' (did you mean 'online-services-full'?)"
            ],
            id="missing-relation-figure",
        ),
        pytest.param(
            "energy.yaml",
            [("      - electricity-saved@2011-2015", "      - electricity-saved@2011-2014")],
            [
                "data/energy.yaml:{      - electricity-saved@2011-2014}:9: relations[0].operands[1]: expected a period of electricity-saved, received '2011-2014' (the periods are 2011-2015, 2016-2020, 2023)"
            ],
            id="missing-relation-period",
        ),
        pytest.param(
            "energy.yaml",
            [("      - electricity-saved@2011-2015", "      - electricity-saved")],
            [
                "data/energy.yaml:{      - electricity-saved@2016-2020\n      - electricity-saved}:9: relations[0].operands[1]: expected electricity-saved@period for a series, received 'electricity-saved' (the periods are 2011-2015, 2016-2020, 2023)"
            ],
            id="series-without-period",
        ),
        pytest.param(
            "industry.yaml",
            [("          - khoang-spelling\n", "          - khoang-spell\n")],
            [
                "data/industry.yaml:{          - khoang-spell}:13: figures[#industrial-park-budget-contribution].values[0].notes[0]: expected the id of a known note of this section, received 'khoang-spell' (did you mean 'khoang-spelling'?)"
            ],
            id="missing-value-note",
        ),
        pytest.param(
            "cooperation.yaml",
            [
                (
                    '          en: "Iran"\n        quote: "Iran Hà Lan"\n        notes:\n          - iran-netherlands-comma\n',
                    '          en: "Iran"\n        quote: "Iran Hà Lan"\n        notes:\n          - iran-netherland-comma\n',
                )
            ],
            [
                "data/cooperation.yaml:{          - iran-netherland-comma}:13: lists[9].items[6].notes[0]: expected the id of a known note of this section, received 'iran-netherland-comma' (did you mean 'iran-netherlands-comma'?)"
            ],
            id="missing-item-note",
        ),
        pytest.param(
            "industry.yaml",
            [("        notes:\n          - khoang-spelling\n", "")],
            [
                "data/industry.yaml:{  - id: khoang-spelling}:9: notes[0].id: expected a note that a value, list item or relation refers to, received 'khoang-spelling', which nothing refers to (add khoang-spelling to the notes of the value or list item it concerns)"
            ],
            id="unused-note",
        ),
        pytest.param(
            "cooperation.yaml",
            [("  - id: opcc-other-finalist-cities\n", "  - id: solar-capacity\n")],
            [
                "data/cooperation.yaml:{  - id: solar-capacity}:9: figures[#solar-capacity].id: duplicate figure id 'solar-capacity', first used in data/energy.yaml line {energy.yaml:  - id: solar-capacity} (ids must be unique across the site)",
                # The site's own text named the figure by its old id.
                "data/cooperation.yaml:{          vi: \"Cần Thơ cùng {{opcc-other-finalist-cities}} khác trên toàn cầu lọt vào Vòng chung kết\"}:15: lists[6].items[1].detail.vi: expected the id of a known figure in {{opcc-other-finalist-cities}}, received 'opcc-other-finalist-cities' (write {{figure-id}}, the id of a figure of any section)",
                "data/cooperation.yaml:{          en: \"Cần Thơ reached the final round together with {{opcc-other-finalist-cities}} from around the world\"}:15: lists[6].items[1].detail.en: expected the id of a known figure in {{opcc-other-finalist-cities}}, received 'opcc-other-finalist-cities' (write {{figure-id}}, the id of a figure of any section)",
            ],
            id="duplicate-figure-id-across-files",
        ),
        pytest.param(
            "industry.yaml",
            [("  - id: industrial-land-area", "  - id: power-capacity-by-source")],
            [
                "data/industry.yaml:{  - id: power-capacity-by-source}:9: charts[0].id: duplicate chart id 'power-capacity-by-source', first used in data/energy.yaml line {energy.yaml:  - id: power-capacity-by-source} (ids must be unique across the site)"
            ],
            id="duplicate-chart-id",
        ),
        pytest.param(
            "energy.yaml",
            [("  - id: grid-planning", "  - id: power-sources")],
            ["data/energy.yaml:{\n  - id: power-sources}:9: lists[2].id: duplicate list id 'power-sources', first used at line {lists:\n  - id: power-sources}"],
            id="duplicate-list-id",
        ),
        pytest.param(
            "energy.yaml",
            [("\ncharts:\n", '  - id: saving-growth-inconsistent\n    text:\n      vi: "Một ghi chú khác."\n      en: "Another note."\n\ncharts:\n')],
            [
                "data/energy.yaml:{      en: \"The Ô Môn 1 Thermal Power Plant ({{o-mon-1-capacity@2023-10}}, in operation) may be part of the Ô Môn I–IV gas-fired power plants of the Block B gas-to-power chain (total installed capacity {{lo-b-gas-plants-capacity@2023-10}}): the source does not say whether the planned figure includes the existing plant. The site therefore does not add the two figures, nor compare the planned capacity with the total of the existing sources, a list the source leaves open (“…”).\"\n  - id: saving-growth-inconsistent}:9: notes[3].id: duplicate note id 'saving-growth-inconsistent', first used at line {notes:\n  - id: saving-growth-inconsistent}"
            ],
            id="duplicate-note-id",
        ),
        pytest.param(
            "site.yaml",
            [("  - industry\n", "  - industry\n  - energy\n")],
            ["data/site.yaml:{  - overview}:3: sections: expected no repeated items, received 'energy' more than once"],
            id="duplicate-section",
        ),
        pytest.param(
            "site.yaml",
            [("  - industry\n", "  - ../secrets\n")],
            ["data/site.yaml:{  - ../secrets}:5: sections[3]: expected an id of lowercase letters, digits and single hyphens, such as solar-capacity, received '../secrets'"],
            id="parent-path-section",
        ),
        pytest.param(
            "site.yaml",
            [("  - industry\n", "  - /etc/passwd\n")],
            ["data/site.yaml:{  - /etc/passwd}:5: sections[3]: expected an id of lowercase letters, digits and single hyphens, such as solar-capacity, received '/etc/passwd'"],
            id="absolute-path-section",
        ),
        pytest.param(
            "site.yaml",
            [("  - industry\n", "  - Industry\n")],
            ["data/site.yaml:{  - Industry}:5: sections[3]: expected an id of lowercase letters, digits and single hyphens, such as solar-capacity, received 'Industry'"],
            id="uppercase-section",
        ),
        pytest.param(
            "industry.yaml",
            [("  - id: industrial-land-area", "  - id: ../../site/index")],
            ["data/industry.yaml:{  - id: ../../site/index}:9: charts[0].id: expected an id of lowercase letters, digits and single hyphens, such as solar-capacity, received '../../site/index'"],
            id="path-as-chart-id",
        ),
        pytest.param(
            "industry.yaml",
            [("icon: material/factory", "icon: ../../etc/passwd")],
            ["data/industry.yaml:{icon: ../../etc/passwd}:7: icon: expected an icon name such as material/lightning-bolt, received '../../etc/passwd'"],
            id="unsafe-icon",
        ),
        pytest.param(
            "industry.yaml",
            [('      en: "Industrial parks"', '      en: "Industrial <b>parks</b>"')],
            [
                "data/industry.yaml:{      en: \"Industrial <b>parks</b>\"}:11: figures[#industrial-parks].label.en: expected plain text, received HTML '<b>' (remove the markup: the site formats text itself)"
            ],
            id="html-tag",
        ),
        pytest.param(
            "site.yaml",
            [('  en: "Cần Thơ: 20 years under the central government"', '  en: "Cần Thơ: 20 years under the central government<script>alert(1)</script>"')],
            [
                "data/site.yaml:{  en: \"Cần Thơ: 20 years under the central government<script>alert(1)</script>\"}:7: short_title.en: expected plain text, received HTML '<script>' (remove the markup: the site formats text itself)"
            ],
            id="html-script",
        ),
        pytest.param(
            "industry.yaml",
            [('      en: "Industrial parks"', '      en: "Industrial&nbsp;parks"')],
            [
                "data/industry.yaml:{      en: \"Industrial&nbsp;parks\"}:11: figures[#industrial-parks].label.en: expected plain text, received HTML '&nbsp;' (remove the markup: the site formats text itself)"
            ],
            id="html-entity",
        ),
        pytest.param(
            "digital.yaml",
            [("value: 266", "value: 226"), ('"266 DVCTT một phần"', '"226 DVCTT một phần"')],
            [
                "data/digital.yaml:{        quote: \"226 DVCTT một phần\"}:16: figures[#online-services-partial].values[0].quote: expected the exact words of source 'article' (data/sources/can-tho-20-nam.vi.txt), received a quote that is not in it: '226 DVCTT một phần' (copy the words from the source text)",
                "data/digital.yaml:{  - kind: sum}:5: relations[0]: expected online-services-total to be 226 + 1096 = 1322 (tolerance 0), received 1362 (fix the figure, or, where the source itself is inconsistent, add a note and give its id as note)",
            ],
            id="broken-relation",
        ),
        pytest.param(
            "energy.yaml",
            [
                (
                    "    note: saving-growth-inconsistent\n",
                    "    note: saving-growth-inconsistent\n  - kind: sum\n    result: electricity-consumption@2023\n    operands:\n      - electricity-consumption@2023\n    note: waste-plant-unit-typo\n",
                )
            ],
            [
                "data/energy.yaml:{    note: waste-plant-unit-typo}:11: relations[1].note: expected a broken relation for a note, received one that holds: electricity-consumption@2023 is 2956.39 and the computed value is 2956.39 (remove the note)"
            ],
            id="relation-note-that-holds",
        ),
        pytest.param(
            "energy.yaml",
            [("value: 330", "value: 33")],
            [
                "data/energy.yaml:{      - value: 33}:16: figures[#o-mon-1-capacity].values[0].value: expected a number that its quote states, received 33, which the quote does not contain (the quote gives 1, 330: write one of them the YAML way (1, 330), or fix the quote)"
            ],
            id="quote-does-not-state-value",
        ),
        pytest.param(
            "cooperation.yaml",
            [('quote: "Thành phố đã tham gia vào 3 tổ chức quốc tế"', 'quote: "Thành phố đã tham gia vào tổ chức quốc tế"')],
            [
                "data/cooperation.yaml:{      - value: 3}:16: figures[#international-organisations].values[0].value: expected a number that its quote states, received 3, which the quote does not contain (the quote gives no number: quote the source's words that state it)",
                "data/cooperation.yaml:{        quote: \"Thành phố đã tham gia vào tổ chức quốc tế\"}:16: figures[#international-organisations].values[0].quote: expected the exact words of source 'article' (data/sources/can-tho-20-nam.vi.txt), received a quote that is not in it: 'Thành phố đã tham gia vào tổ chức quốc tế' (the source has 'Thành phố đã tham gia vào ' but not what follows, 'tổ chức quốc tế': copy the words exactly, spaces and punctuation included)",
            ],
            id="quote-with-no-number",
        ),
        pytest.param(
            "energy.yaml",
            [('        period: "2023"\n        qualifier: estimated\n        quote: "điện tiết kiệm', '        period: "2010"\n        qualifier: estimated\n        quote: "điện tiết kiệm')],
            [
                # The summary names the 2023 value, which the edit took away.
                "data/energy.yaml:{  vi: \"Năm 2023, thành phố tiêu thụ {{electricity-consumption@2023}} điện và tiết kiệm {{electricity-saved@2023}}; nguồn điện hiện có gồm Nhà máy điện Cần Thơ, Nhà máy nhiệt điện Ô Môn 1, nhà máy xử lý chất thải rắn (rác sinh hoạt) phát điện và điện mặt trời…\"}:7: summary.vi: expected a period of electricity-saved in {{electricity-saved@2023}}, received '2023' (the periods are 2011-2015, 2016-2020, 2010)",
                "data/energy.yaml:{  en: \"In 2023 the city used {{electricity-consumption@2023}} of electricity and saved {{electricity-saved@2023}}; its existing power sources include the Cần Thơ Power Plant, the Ô Môn 1 Thermal Power Plant, the household waste-to-energy plant and solar power…\"}:7: summary.en: expected a period of electricity-saved in {{electricity-saved@2023}}, received '2023' (the periods are 2011-2015, 2016-2020, 2010)",
                'data/energy.yaml:{        period: "2010"}:17: figures[#electricity-saved].values[2].period: expected values in time order, received 2010 after 2016-2020',
            ],
            id="periods-out-of-order",
        ),
        pytest.param(
            "energy.yaml",
            [('        period: "2023"\n        qualifier: estimated\n        quote: "điện tiết kiệm', '        period: "2016-2020"\n        qualifier: estimated\n        quote: "điện tiết kiệm')],
            [
                "data/energy.yaml:{  vi: \"Năm 2023, thành phố tiêu thụ {{electricity-consumption@2023}} điện và tiết kiệm {{electricity-saved@2023}}; nguồn điện hiện có gồm Nhà máy điện Cần Thơ, Nhà máy nhiệt điện Ô Môn 1, nhà máy xử lý chất thải rắn (rác sinh hoạt) phát điện và điện mặt trời…\"}:7: summary.vi: expected a period of electricity-saved in {{electricity-saved@2023}}, received '2023' (the periods are 2011-2015, 2016-2020)",
                "data/energy.yaml:{  en: \"In 2023 the city used {{electricity-consumption@2023}} of electricity and saved {{electricity-saved@2023}}; its existing power sources include the Cần Thơ Power Plant, the Ô Môn 1 Thermal Power Plant, the household waste-to-energy plant and solar power…\"}:7: summary.en: expected a period of electricity-saved in {{electricity-saved@2023}}, received '2023' (the periods are 2011-2015, 2016-2020)",
                'data/energy.yaml:{      - value: 75.6\n        period: "2016-2020"}:17: figures[#electricity-saved].values[2].period: expected one value per period, received 2016-2020 twice (first at values[1])',
            ],
            id="period-twice",
        ),
        pytest.param(
            "site.yaml",
            [('date: "2023-10-13"', 'date: "2023-02-30"')],
            ["data/site.yaml:{    date: \"2023-02-30\"}:11: sources[1].date: expected a real date such as 2019, 2018-02 or 2023-10-13, received '2023-02-30'"],
            id="impossible-date",
        ),
        pytest.param(
            "energy.yaml",
            [('        as_of: "2023-10"\n        quote: "Nhà máy nhiệt điện', '        as_of: "2023-10"\n        period: "2023"\n        quote: "Nhà máy nhiệt điện')],
            [
                "data/energy.yaml:{      - value: 330}:9: figures[#o-mon-1-capacity].values[0]: expected exactly one of 'period' (the time a flow covers) or 'as_of' (the date a stock refers to), received a mapping of fields"
            ],
            id="period-and-as-of",
        ),
        pytest.param(
            "energy.yaml",
            [('        quote: "Nhà máy điện Cần Thơ tổng công suất lắp đặt 188,2 MW"\n\n', "\n")],
            ["data/energy.yaml:{      - value: 188.2}:9: figures[#can-tho-power-plant-capacity].values[0]: expected the required field 'quote', received none"],
            id="missing-quote",
        ),
        pytest.param(
            "industry.yaml",
            [
                ("  - id: industrial-parks\n    label:", "  - id: industrial-parks\n    label: &label"),
                ('  - id: industrial-parks-area\n    label:\n      vi: "Diện tích các khu công nghiệp"\n      en: "Area of the industrial parks"', "  - id: industrial-parks-area\n    label: *label"),
            ],
            ["data/industry.yaml:{    label: *label}:12: figures[#industrial-parks-area].label: expected plain data, received an alias (*name) (write the value out in full)"],
            id="alias",
        ),
        pytest.param(
            "industry.yaml",
            [("icon: material/factory", "icon: !!python/object/apply:os.system [ls]")],
            ["data/industry.yaml:{icon: !!python/object/apply:os.system [ls]}:7: icon: expected plain data, received the tag !!python/object/apply:os.system (remove the tag)"],
            id="python-tag",
        ),
        pytest.param(
            "industry.yaml",
            [('  vi: "Hạ tầng công nghiệp"', '  vi: "Hạ tầng công nghiệp')],
            ['data/industry.yaml:{  vi: "Hạ tầng công nghiệp}:7: the quote that opens this text is not closed (end the text with the same quote, on this line)'],
            id="syntax-error",
        ),
        pytest.param(
            "industry.yaml",
            [('  vi: "Hạ tầng công nghiệp"', '\tvi: "Hạ tầng công nghiệp"')],
            ['data/industry.yaml:{\tvi: "Hạ tầng công nghiệp"}:1: this line is indented with a tab (indent with spaces: YAML does not accept tabs)'],
            id="tab-indentation",
        ),
        pytest.param(
            "industry.yaml",
            [('  vi: "Hạ tầng công nghiệp"', '  vi: "Hạ tầng công nghiệp"')],
            [
                'data/industry.yaml:{  vi: "Hạ tầng công nghiệp"}:7: title.vi: expected text in composed Unicode (NFC), received decomposed characters (retype the accented letters, or save the file as NFC)'
            ],
            id="decomposed-unicode",
        ),
    ],
)
def test_bad_file(data_copy: Path, name: str, edits: list[tuple[str, str]], expected: list[str]):
    edit(data_copy, name, edits)
    assert problems(data_copy) == [with_line_numbers(data_copy, name, line) for line in expected]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param(b"title: caf\xe9\n", "data/industry.yaml:1:11: expected UTF-8 text, received the byte 0xe9 (save the file as UTF-8)", id="latin-1"),
        pytest.param("title: Cần Thơ\n".encode("utf-16"), "data/industry.yaml:1:1: expected UTF-8 text, received the byte 0xff (save the file as UTF-8)", id="utf-16"),
        pytest.param(b"", "data/industry.yaml: expected data, received an empty file", id="empty"),
        pytest.param(b"# yaml-language-server: $schema=schema/section.schema.json\n\n", "data/industry.yaml: expected data, received an empty file", id="only-comments"),
        pytest.param(b"title: '" + b"x" * MAX_BYTES + b"'\n", "data/industry.yaml: expected a file of at most 1024 KiB, received 1024 KiB", id="oversized"),
        pytest.param(b"- a\n- b\n", "data/industry.yaml:1:1: expected a mapping of fields, received a list", id="a-list-not-a-mapping"),
    ],
)
def test_bad_file_bytes(data_copy: Path, raw: bytes, expected: str):
    (data_copy / "industry.yaml").write_bytes(raw)
    assert problems(data_copy) == [expected]


def test_alias_bomb_is_refused(data_copy: Path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 10):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    (data_copy / "industry.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = problems(data_copy)
    assert len(found) == 81
    assert found[0] == "data/industry.yaml:2:10: a1[0]: expected plain data, received an alias (*name) (write the value out in full)"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param("remove", "data/industry.yaml: expected this file, received nothing: it does not exist", id="missing-file"),
        pytest.param("unlisted", "data/site.yaml:{sections:}:1: sections: the section file data/extra.yaml is not listed (add extra to sections, or remove the file)", id="unlisted-section-file"),
        pytest.param("yml", "data/extra.yml: expected the extension .yaml, received .yml (rename the file)", id="yml-extension"),
        pytest.param("schema", "data/schema/section.schema.json:1:1: expected JSON, received invalid text: Expecting value", id="schema-not-json"),
    ],
)
def test_bad_folder(data_copy: Path, change: str, expected: str):
    if change == "remove":
        (data_copy / "industry.yaml").unlink()
    elif change == "unlisted":
        shutil.copy(data_copy / "industry.yaml", data_copy / "extra.yaml")
    elif change == "yml":
        shutil.copy(data_copy / "industry.yaml", data_copy / "extra.yml")
    else:
        (data_copy / "schema" / "section.schema.json").write_text("not JSON\n", encoding="utf-8")
    assert problems(data_copy) == [with_line_numbers(data_copy, "site.yaml", expected)]


def test_editors_hidden_files_are_ignored(data_copy: Path):
    """Editors leave files such as Emacs's .#energy.yaml lock while typing."""
    (data_copy / ".#energy.yaml").write_text("not: [data\n", encoding="utf-8")
    assert load_site(data_copy).section("energy")


def test_every_problem_at_once(data_copy: Path):
    edit(data_copy, "energy.yaml", [("value: 2956.39", "value: 2.956,39")])
    edit(data_copy, "industry.yaml", [('      en: "Industrial parks"\n', "")])
    edit(data_copy, "vocabulary.yaml", [('  mw:\n    vi: "MW"', '  mw:\n    vi: "MW"\n    vi: "MW"')])
    expected = [
        "data/energy.yaml:{energy.yaml:      - value: 2.956,39}:16: figures[#electricity-consumption].values[0].value: expected a number, received '2.956,39' (write 2956.39: YAML numbers use '.' for decimals and no thousands separator)",
        'data/industry.yaml:{industry.yaml:      vi: "Số khu công nghiệp"}:7: figures[#industrial-parks].label: expected the text in both languages, received only the Vietnamese version (vi) (add en: with the English text)',
        'data/vocabulary.yaml:{vocabulary.yaml:  mw:\n    vi: "MW"\n    vi: "MW"}:5: units.mw.vi: duplicate key \'vi\', first given at line {vocabulary.yaml:  mw:\n    vi: "MW"} (keep one of them: YAML would silently use the last)',
    ]
    assert problems(data_copy) == [with_line_numbers(data_copy, "energy.yaml", line) for line in expected]


def test_summary_counts_the_problems(data_copy: Path):
    edit(data_copy, "energy.yaml", [("value: 2956.39", "value: 2.956,39")])
    with pytest.raises(DataError) as caught:
        load_site(data_copy)
    assert caught.value.summary() == with_line_numbers(
        data_copy,
        "energy.yaml",
        "The data has 1 problem:\n"
        "data/energy.yaml:{      - value: 2.956,39}:16: figures[#electricity-consumption].values[0].value: expected a number, received '2.956,39' (write 2956.39: YAML numbers use '.' for decimals and no thousands separator)",
    )
