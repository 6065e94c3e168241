"""Bad chart declarations: each gives one exact line that names the file,
line, column and field, says what was expected and what was received."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from review.problems import DataError
from review.project import load_site


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def where(path: Path, anchor: str, pattern: str) -> str:
    """``line:column`` of the first match of ``pattern`` (of its group, if
    it has one) at or after the line that holds ``anchor``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(number for number, line in enumerate(lines) if anchor in line)
    for number in range(start, len(lines)):
        match = re.search(pattern, lines[number])
        if match:
            return f"{number + 1}:{match.start(match.lastindex or 0) + 1}"
    raise AssertionError(f"{pattern!r} not found after {anchor!r}")


def problems(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_site(data_dir)
    return [str(problem) for problem in caught.value.problems]


CASES = [
    pytest.param(
        "energy.yaml",
        [("    kind: series\n", "    kind: pie\n")],
        [("id: electricity-saved-by-period", r"kind: (pie)", "charts[1].kind: expected one of: bar, series, part-of-whole; received 'pie'")],
        id="unknown-kind",
    ),
    pytest.param(
        "energy.yaml",
        [("      - electricity-saved\n    title:", "      - electricity-saved\n      - electricity-consumption\n    title:")],
        [("id: electricity-saved-by-period", "- electricity-saved", "charts[1].figures: expected 1 figure for a series chart, received 2 (use kind: bar to compare several figures)")],
        id="series-of-two-figures",
    ),
    pytest.param(
        "energy.yaml",
        [("      - electricity-saved\n    title:", "      - electricity-consumption\n    title:")],
        [
            (
                "id: electricity-saved-by-period",
                r"- (electricity-consumption)",
                "charts[1].figures[0]: expected a figure with at least 2 values for a series chart, received 'electricity-consumption' with 1 value (use kind: bar)",
            )
        ],
        id="series-of-one-value",
    ),
    pytest.param(
        "industry.yaml",
        [("      - industrial-clusters-area\n    title:", "      - industrial-clusters-area\n      - industrial-parks\n    title:")],
        [
            (
                "id: industrial-land-area",
                r"- (industrial-parks)$",
                "charts[0].figures[2]: expected a bar in ha like 'industrial-parks-area', received 'industrial-parks' in industrial-park (a bar chart compares one unit; only counts of different things may share one)",
            )
        ],
        id="bar-of-mixed-units",
    ),
    pytest.param(
        "digital.yaml",
        [("      - online-dossier-share\n    title:", "      - online-dossier-share\n      - ndxp-in-use-share\n    title:")],
        [("id: online-dossier-rate", "- online-dossier-share", "charts[1].figures: expected parts that add up to at most 100%, received 49 + 95 = 144")],
        id="percentages-over-100",
    ),
    pytest.param(
        "digital.yaml",
        [("    whole: online-services-total\n", "    whole: online-services-partial\n")],
        [
            (
                "id: online-services-by-level",
                r"whole: (online-services-partial)",
                "charts[0].whole: expected a whole of at least the sum of its parts, received 'online-services-partial' = 266 for parts that add up to 266 + 1096 = 1362",
            )
        ],
        id="parts-exceed-the-whole",
    ),
    pytest.param(
        "digital.yaml",
        [("      - online-services-full\n    title:", "      - online-services-full\n      - online-dossiers\n    title:")],
        [
            (
                "id: online-services-by-level",
                r"- (online-dossiers)",
                "charts[0].figures[2]: expected a part in online-service like 'online-services-partial', received 'online-dossiers' in dossier (the parts of a whole share its unit)",
            )
        ],
        id="parts-of-mixed-units",
    ),
    pytest.param(
        "digital.yaml",
        [("    whole: online-services-total\n", '    remainder:\n      vi: "Khác"\n      en: "Other"\n')],
        [("id: online-services-by-level", "remainder:", "charts[0].remainder: expected no remainder for parts that make up the whole themselves, received one (remove remainder, or give whole)")],
        id="remainder-without-a-whole",
    ),
    pytest.param(
        "digital.yaml",
        [("      - online-services-full\n    title:", "    title:"), ("    whole: online-services-total\n", "")],
        [
            (
                "id: online-services-by-level",
                "- online-services-partial",
                "charts[0].figures: expected a percentage, or parts with a whole, for a part-of-whole chart with one part, received 'online-services-partial' in online-service (add whole: <the id of the figure that is the whole>)",
            ),
            (
                "id: online-services-by-level",
                "online-services-full:",
                "charts[0].labels.online-services-full: expected the id of one of this chart's figures, received 'online-services-full' (the figures are online-services-partial)",
            ),
        ],
        id="one-count-without-its-whole",
    ),
    pytest.param(
        "industry.yaml",
        [("    kind: bar\n    figures:\n      - industrial-parks-area\n", "    kind: bar\n    whole: industrial-parks-area\n    figures:\n      - industrial-parks-area\n")],
        [("id: industrial-land-area", "whole:", "charts[0].whole: expected whole only in a part-of-whole chart, received it in a bar chart (remove whole)")],
        id="whole-on-a-bar-chart",
    ),
    pytest.param(
        "industry.yaml",
        [('vi: "{industrial-parks} khu', 'vi: "{industrial-parkz} khu')],
        [
            (
                "id: industrial-land-area",
                r'"\{industrial-parkz\}',
                "charts[0].labels.industrial-parks-area.vi: expected the id of a known figure, received 'industrial-parkz' (did you mean 'industrial-parks'?)",
            )
        ],
        id="unknown-figure-in-a-label",
    ),
    pytest.param(
        "digital.yaml",
        [("trên {dossiers-total} hồ sơ", "trên {dossier-total} hồ sơ")],
        [("id: online-dossier-rate", r'vi: (")Phần trăm', "charts[1].subtitle.vi: expected the id of a known figure, received 'dossier-total' (did you mean 'dossiers-total'?)")],
        id="unknown-figure-in-a-subtitle",
    ),
    pytest.param(
        "energy.yaml",
        [("      solar-capacity:\n        vi:", "      solar-capacty:\n        vi:")],
        [
            (
                "id: power-capacity-by-source",
                "solar-capacty:",
                "charts[0].labels.solar-capacty: expected the id of one of this chart's figures, received 'solar-capacty' (the figures are o-mon-1-capacity, can-tho-power-plant-capacity, solar-capacity, waste-to-power-capacity, lo-b-gas-plants-capacity)",
            )
        ],
        id="label-for-a-figure-not-drawn",
    ),
]


@pytest.mark.parametrize(("file", "edits", "expected"), CASES)
def test_bad_chart_declaration(data_copy: Path, file, edits, expected):
    path = data_copy / file
    for old, new in edits:
        edit(path, old, new)
    lines = [f"data/{file}:{where(path, anchor, needle)}: {message}" for anchor, needle, message in expected]
    assert problems(data_copy) == sorted(lines, key=lambda line: tuple(int(n) for n in line.split(":")[1:3]))


def test_the_real_charts_are_valid(site):
    assert sum(len(section.charts) for section in site.sections) == 8


def test_a_remainder_without_a_name_gets_the_vocabularys(data_copy: Path):
    from review.charts.spec import chart_spec

    edit(data_copy / "industry.yaml", '    remainder:\n      vi: "Chưa lấp đầy"\n      en: "Not yet filled"\n', "")
    site = load_site(data_copy)
    chart = site.section("industry").charts[1]
    assert [mark.name for mark in chart_spec(site, chart, "vi").marks] == ["Đã lấp đầy", "Phần còn lại"]
    assert [mark.name for mark in chart_spec(site, chart, "en").marks] == ["Filled", "The rest"]


def test_a_typo_in_a_chart_figure_is_reported_once(data_copy: Path):
    edit(data_copy / "industry.yaml", "      - industrial-clusters-area\n    title:", "      - industrial-cluster-area\n    title:")
    assert problems(data_copy) == [
        f"data/industry.yaml:{where(data_copy / 'industry.yaml', 'id: industrial-land-area', r'- (industrial-cluster-area)')}: charts[0].figures[1]: expected the id of a known figure, received 'industrial-cluster-area' (did you mean 'industrial-clusters-area'?)"
    ]
