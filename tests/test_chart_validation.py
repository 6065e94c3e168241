"""Bad chart declarations: each gives one exact line that names the file,
line, column and field, says what was expected and what was received. On
the made-up data of tests/fixtures/rules/ (conftest.rules_data), with plain
line and column numbers; that the real charts are valid is checked on data/."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import DATA, edit
from review.problems import DataError
from review.project import load_site


def problems(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_site(data_dir)
    return [str(problem) for problem in caught.value.problems]


# Each case edits one file of the made-up data of tests/fixtures/rules/,
# whose charts (in industry.yaml) draw figures of every section.
CASES = [
    pytest.param(
        "industry.yaml",
        [("    kind: series\n", "    kind: pie\n")],
        ["data/industry.yaml:90:11: charts[1].kind: expected one of: bar, series, part-of-whole; received 'pie'"],
        id="unknown-kind",
    ),
    pytest.param(
        "industry.yaml",
        [("      - electricity-saved\n    title:", "      - electricity-saved\n      - electricity-consumption\n    title:")],
        ["data/industry.yaml:92:7: charts[1].figures: expected 1 figure for a series chart, received 2 (use kind: bar to compare several figures)"],
        id="series-of-two-figures",
    ),
    pytest.param(
        "industry.yaml",
        [("      - electricity-saved\n    title:", "      - o-mon-1-capacity\n    title:")],
        ["data/industry.yaml:92:9: charts[1].figures[0]: expected a figure with at least 2 values for a series chart, received 'o-mon-1-capacity' with 1 value (use kind: bar)"],
        id="series-of-one-value",
    ),
    pytest.param(
        "industry.yaml",
        [("      - industrial-clusters-area\n    title:", "      - industrial-clusters-area\n      - industrial-parks\n    title:")],
        [
            "data/industry.yaml:78:9: charts[0].figures[2]: expected a bar in ha like 'industrial-parks-area', received 'industrial-parks' in industrial-park (a bar chart compares one unit; only counts of different things may share one)"
        ],
        id="bar-of-mixed-units",
    ),
    pytest.param(
        "industry.yaml",
        [("      - industrial-park-occupancy\n    title:", "      - industrial-park-occupancy\n      - industrial-cluster-occupancy\n    title:")],
        ["data/industry.yaml:114:7: charts[3].figures: expected parts that add up to at most 100%, received 40.9 + 95 = 135.9"],
        id="percentages-over-100",
    ),
    pytest.param(
        "industry.yaml",
        [("    whole: online-services-total\n", "    whole: online-services-partial\n")],
        ["data/industry.yaml:102:12: charts[2].whole: expected a whole of at least the sum of its parts, received 'online-services-partial' = 266 for parts that add up to 266 + 1096 = 1362"],
        id="parts-exceed-the-whole",
    ),
    pytest.param(
        "industry.yaml",
        [("      - online-services-full\n    whole:", "      - online-services-full\n      - dossiers-total\n    whole:")],
        [
            "data/industry.yaml:102:9: charts[2].figures[2]: expected a part in online-service like 'online-services-partial', received 'dossiers-total' in dossier (the parts of a whole share its unit)"
        ],
        id="parts-of-mixed-units",
    ),
    pytest.param(
        "industry.yaml",
        [("    whole: online-services-total\n", '    remainder:\n      vi: "Khác"\n      en: "Other"\n')],
        ["data/industry.yaml:102:5: charts[2].remainder: expected no remainder for parts that make up the whole themselves, received one (remove remainder, or give whole)"],
        id="remainder-without-a-whole",
    ),
    pytest.param(
        "industry.yaml",
        [("      - online-services-full\n    whole: online-services-total\n", "")],
        [
            "data/industry.yaml:100:7: charts[2].figures: expected a percentage, or parts with a whole, for a part-of-whole chart with one part, received 'online-services-partial' in online-service (add whole: <the id of the figure that is the whole>)",
            "data/industry.yaml:105:7: charts[2].labels.online-services-full: expected the id of one of this chart's figures, received 'online-services-full' (the figures are online-services-partial)",
        ],
        id="one-count-without-its-whole",
    ),
    pytest.param(
        "industry.yaml",
        [("    kind: bar\n    figures:\n      - industrial-parks-area\n", "    kind: bar\n    whole: industrial-parks-area\n    figures:\n      - industrial-parks-area\n")],
        ["data/industry.yaml:75:5: charts[0].whole: expected whole only in a part-of-whole chart, received it in a bar chart (remove whole)"],
        id="whole-on-a-bar-chart",
    ),
    pytest.param(
        "industry.yaml",
        [('vi: "{industrial-parks} khu', 'vi: "{industrial-parkz} khu')],
        ["data/industry.yaml:83:13: charts[0].labels.industrial-parks-area.vi: expected the id of a known figure, received 'industrial-parkz' (did you mean 'industrial-parks'?)"],
        id="unknown-figure-in-a-label",
    ),
    pytest.param(
        "industry.yaml",
        [("của {industrial-parks} khu", "của {industrial-park} khu")],
        ["data/industry.yaml:119:11: charts[3].subtitle.vi: expected the id of a known figure, received 'industrial-park' (did you mean 'industrial-parks'?)"],
        id="unknown-figure-in-a-subtitle",
    ),
    pytest.param(
        "industry.yaml",
        [("      industrial-clusters-area:\n        vi:", "      industrial-cluster-area:\n        vi:")],
        [
            "data/industry.yaml:85:7: charts[0].labels.industrial-cluster-area: expected the id of one of this chart's figures, received 'industrial-cluster-area' (the figures are industrial-parks-area, industrial-clusters-area)"
        ],
        id="label-for-a-figure-not-drawn",
    ),
]


@pytest.mark.parametrize(("file", "edits", "expected"), CASES)
def test_bad_chart_declaration(rules_data: Path, file, edits, expected):
    path = rules_data / file
    for old, new in edits:
        edit(path, old, new)
    assert problems(rules_data) == expected


def test_the_real_charts_are_valid(site):
    """Every chart written in data/ loads (however many an editor adds)."""
    written = {section.id: len((yaml.safe_load((DATA / f"{section.id}.yaml").read_text(encoding="utf-8")) or {}).get("charts") or []) for section in site.sections}
    assert {section.id: len(section.charts) for section in site.sections} == written
    assert sum(written.values()) > 0


def test_a_remainder_without_a_name_gets_the_vocabularys(rules_data: Path):
    from review.charts.spec import chart_spec

    edit(rules_data / "industry.yaml", '    remainder:\n      vi: "Chưa lấp đầy"\n      en: "Not yet filled"\n', "")
    site = load_site(rules_data)
    chart = site.section("industry").charts[3]
    assert [mark.name for mark in chart_spec(site, chart, "vi").marks] == ["Đã lấp đầy", "Phần còn lại"]
    assert [mark.name for mark in chart_spec(site, chart, "en").marks] == ["Filled", "The rest"]


def test_a_typo_in_a_chart_figure_is_reported_once(rules_data: Path):
    edit(rules_data / "industry.yaml", "      - industrial-clusters-area\n    title:", "      - industrial-cluster-area\n    title:")
    assert problems(rules_data) == ["data/industry.yaml:77:9: charts[0].figures[1]: expected the id of a known figure, received 'industrial-cluster-area' (did you mean 'industrial-clusters-area'?)"]
