"""An editor's ordinary changes: a value from a new source, a figure added at
the top of a file, a section added with the scripts. Each keeps the data
valid and the site building; a newer value shows everywhere the figure is
shown, while the article's quoted words keep their 2023 number next to a
visible "newer value" marker. And the bad inputs of the new paths (a
source) give exact messages."""

from __future__ import annotations

import re
from decimal import Decimal
from html import unescape
from pathlib import Path

import pytest

from conftest import build_site, edit, line_number
from review.problems import DataError
from review.project import load_project, load_site
from test_scripts import run

NEW_SOURCE = """\
  - id: energy-report-2024
    title: "Báo cáo ngành điện năm 2024"
    date: "2024-03"
    citation:
      vi: "Báo cáo ngành điện thành phố Cần Thơ năm 2024"
      en: "Cần Thơ power sector report, 2024"
    url: https://example.org/can-tho-power-2024
    accessed: "2024-05-20"
"""


def add_source(data: Path, block: str = NEW_SOURCE) -> None:
    """A new source, declared after the others in data/site.yaml."""
    edit(data / "site.yaml", "\nhome:\n", block + "\nhome:\n")


NEWER_VALUE = """\
      - value: 3105.2
        period: "2024"
        source: energy-report-2024
        quote: "Sản lượng điện tiêu thụ năm 2024 đạt 3.105,2 triệu kWh"
"""


def add_newer_value(data: Path) -> None:
    """Next year's value of a key figure, from the new source."""
    old = '        quote: "sản lượng điện tiêu thụ ước đạt 2.956,39 triệu kWh"\n'
    edit(data / "energy.yaml", old, old + NEWER_VALUE)


def test_a_value_from_a_new_source_is_valid_and_names_its_source(data_copy: Path):
    add_source(data_copy)
    add_newer_value(data_copy)
    site = load_site(data_copy)
    figure = site.figures["electricity-consumption"]
    assert [(v.value, v.source) for v in figure.values][-1] == (Decimal("3105.2"), "energy-report-2024")
    assert site.sources["energy-report-2024"].url == "https://example.org/can-tho-power-2024"
    assert figure.values[0].source == "article"


def test_new_figure_takes_a_source(data_copy: Path):
    add_source(data_copy)
    result = run(
        "new_figure.py", "energy", "--data", str(data_copy),
        "--id", "electricity-customers", "--unit", "enterprise",
        "--label-vi", "Khách hàng dùng điện", "--label-en", "Electricity customers",
        "--value", "512", "--period", "2024", "--source", "energy-report-2024",
        "--quote", "có 512 doanh nghiệp dùng điện",
        cwd=data_copy.parent,
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (0, "")
    assert '        source: energy-report-2024\n        quote: "có 512 doanh nghiệp dùng điện"\n' in (data_copy / "energy.yaml").read_text(encoding="utf-8")
    assert load_site(data_copy).figures["electricity-customers"].values[0].source == "energy-report-2024"


def problems(data: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_site(data)
    return [str(p) for p in caught.value.problems]


def test_new_figure_refuses_an_unknown_source(data_copy: Path):
    before = (data_copy / "energy.yaml").read_bytes()
    result = run(
        "new_figure.py", "energy", "--data", str(data_copy),
        "--id", "electricity-customers", "--unit", "enterprise", "--label-vi", "X", "--label-en", "X",
        "--value", "512", "--period", "2024", "--source", "xyz", "--quote", "có 512 doanh nghiệp",
        cwd=data_copy.parent,
    )  # fmt: skip
    text = before.decode("utf-8")
    source_line = line_number(text, "lists:") + 8
    index = text.split("\nlists:")[0].count("\n  - id: ")
    assert (result.returncode, result.stderr) == (
        1,
        f"The data has 1 problem:\ndata/energy.yaml:{source_line}:17: figures[{index}].values[0].source: expected the id of a known source, received 'xyz' (define it in data/site.yaml)\nNothing was changed.\n",
    )
    assert (data_copy / "energy.yaml").read_bytes() == before


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        pytest.param(
            NEW_SOURCE.replace('    accessed: "2024-05-20"\n', ""),
            [
                "data/site.yaml:{    url: https://example.org/can-tho-power-2024}:5: sources[2].url: expected accessed (the date the address was read) with url, received url 'https://example.org/can-tho-power-2024' alone (add accessed: 2024-05-20, the day you read the page)"
            ],
            id="url-without-access-date",
        ),
        pytest.param(
            NEW_SOURCE.replace('    citation:\n      vi: "Báo cáo ngành điện thành phố Cần Thơ năm 2024"\n      en: "Cần Thơ power sector report, 2024"\n', ""),
            ["data/site.yaml:{  - id: energy-report-2024}:5: sources[2]: expected the required field 'citation', received none"],
            id="no-citation",
        ),
        pytest.param(
            NEW_SOURCE.replace("    url: https://example.org/can-tho-power-2024\n", "    url: example.org/report\n"),
            ["data/site.yaml:{    url: example.org/report}:10: sources[2].url: expected a web address starting with https:// or http://, received 'example.org/report'"],
            id="address-without-scheme",
        ),
        pytest.param(
            NEW_SOURCE + "    text_file: sources/energy-report-2024.txt\n",
            [
                "data/site.yaml:{    text_file: sources/energy-report-2024.txt}:16: sources[2].text_file: expected the source's text at data/sources/energy-report-2024.txt, received a path where there is no file (put the text at data/sources/energy-report-2024.txt, or remove text_file)"
            ],
            id="text-file-missing",
        ),
    ],
)
def test_bad_new_source(data_copy: Path, block: str, expected: list[str]):
    from conftest import with_line_numbers

    add_source(data_copy, block)
    assert problems(data_copy) == [with_line_numbers(data_copy, "site.yaml", line) for line in expected]


def test_a_quote_is_checked_against_its_own_sources_text(data_copy: Path):
    (data_copy / "sources" / "energy-report-2024.txt").write_text("Sản lượng điện tiêu thụ năm 2024 đạt 3.105,2 triệu kWh.\n", encoding="utf-8")
    add_source(data_copy, NEW_SOURCE + "    text_file: sources/energy-report-2024.txt\n")
    add_newer_value(data_copy)
    assert load_site(data_copy).figures["electricity-consumption"].latest.source == "energy-report-2024"
    # The same words are not the article's: naming the wrong source is caught.
    edit(data_copy / "energy.yaml", "        source: energy-report-2024\n", "        source: article\n")
    text = (data_copy / "energy.yaml").read_text(encoding="utf-8")
    line = line_number(text, '        quote: "Sản lượng điện tiêu thụ năm 2024 đạt 3.105,2 triệu kWh"')
    assert problems(data_copy) == [
        f"data/energy.yaml:{line}:16: figures[2].values[1].quote: expected the exact words of source 'article' (data/sources/can-tho-20-nam.vi.txt), received a quote that is not in it: 'Sản lượng điện tiêu thụ năm 2024 đạt 3.105,2 triệu kWh' (copy the words from the source text)"
    ]


def test_a_source_in_english_writes_its_numbers_the_english_way(data_copy: Path):
    add_source(data_copy, NEW_SOURCE + "    language: en\n")
    add_newer_value(data_copy)
    edit(data_copy / "energy.yaml", "Sản lượng điện tiêu thụ năm 2024 đạt 3.105,2 triệu kWh", "Electricity consumption in 2024 reached 3,105.2 million kWh")
    assert load_site(data_copy).figures["electricity-consumption"].latest.quote == "Electricity consumption in 2024 reached 3,105.2 million kWh"


FIGURE_AT_THE_TOP = """\
figures:
  - id: offshore-gas-field-distance
    label:
      vi: "Khoảng cách từ mỏ khí ngoài khơi đến bờ"
      en: "Distance of the offshore gas field from the coast"
    unit: km
    values:
      - value: 200
        as_of: "2023-10"
        quote: "cách bờ biển hơn 200 km"
        qualifier: more_than

"""


def editors_changes(project: Path) -> None:
    """What editors do: a newer value from a new source, a figure at the top
    of a file's figures, and a section added with the script."""
    data = project / "data"
    add_source(data)
    add_newer_value(data)
    edit(data / "energy.yaml", "\nfigures:\n", "\n" + FIGURE_AT_THE_TOP)
    result = run(
        "new_section.py", "environment", "--data", str(data),
        "--title-vi", "Môi trường", "--title-en", "Environment",
        "--summary-vi", "Các dự án môi trường.", "--summary-en", "Environmental projects.",
        "--body-vi", "Đoạn văn.", "--body-en", "A paragraph.",
        cwd=project,
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (0, "")


@pytest.fixture(scope="module")
def edited_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("edited") / "project")
    editors_changes(project)
    load_project(project)
    site_dir = project / "site"
    assert build_site(project, site_dir) == []
    return site_dir


def text_of(site_dir: Path, lang: str, page: str) -> str:
    prefix = "" if lang == "vi" else "en/"
    html = (site_dir / prefix / page / "index.html").read_text(encoding="utf-8")
    return unescape(re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize(
    ("lang", "newer", "article_said", "marker"),
    [
        pytest.param("vi", "3.105,2 triệu kWh", "2.956,39", "Giá trị mới hơn", id="vi"),
        pytest.param("en", "3,105.2 million kWh", "2,956.39", "Newer value", id="en"),
    ],
)
def test_a_newer_value_shows_everywhere_and_the_article_keeps_its_number(edited_build: Path, lang: str, newer: str, article_said: str, marker: str):
    home = text_of(edited_build, lang, "")
    energy = text_of(edited_build, lang, "energy/")
    assert newer in home and marker in home  # the key figure card
    assert newer in energy and marker in energy  # the figures table and the newer-values box
    quote = energy.split(marker)[0]  # the article's paragraphs come first
    assert article_said in quote
    assert {"vi": "Môi trường", "en": "Environment"}[lang] in text_of(edited_build, lang, "environment/")


@pytest.mark.parametrize(
    ("lang", "cited"),
    [
        pytest.param("vi", "Báo cáo ngành điện thành phố Cần Thơ năm 2024, https://example.org/can-tho-power-2024 (truy cập ngày 20/5/2024)", id="vi"),
        pytest.param("en", "Cần Thơ power sector report, 2024, https://example.org/can-tho-power-2024 (accessed 20 May 2024)", id="en"),
    ],
)
def test_the_about_page_cites_the_new_source_with_its_address_and_access_date(edited_build: Path, lang: str, cited: str):
    assert cited in " ".join(text_of(edited_build, lang, "about/").split())
