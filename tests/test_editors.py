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
import yaml

from conftest import build_site, edit, line_number
from review.problems import DataError
from review.project import load_project, load_site
from review.scaffold import NewFigure, ScaffoldError, add_figure
from script_runs import call

NEW_SOURCE = """\
  - id: scaffold-test-report
    title: "Báo cáo ngành điện năm 2024"
    date: "2024-03"
    citation:
      vi: "Báo cáo ngành điện thành phố Cần Thơ năm 2024"
      en: "Cần Thơ power sector report, 2024"
    url: https://example.org/scaffold-test-report
    accessed: "2024-05-20"
"""


def add_source(data: Path, block: str = NEW_SOURCE) -> None:
    """A new source, declared after the others in data/site.yaml."""
    edit(data / "site.yaml", "\nhome:\n", block + "\nhome:\n")


NEWER_VALUE = """\
      - value: 3105.2
        period: "2090"
        source: scaffold-test-report
        quote: "Sản lượng điện tiêu thụ năm 2090 đạt 3.105,2 triệu kWh"
"""


def add_newer_value(data: Path) -> None:
    """A later value of a key figure, from the new source: the last of the
    figure's values, whatever values an editor has added."""
    path = data / "energy.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: electricity-consumption\n")
    following = re.search(r"\n(?:\n|  - id: |[a-z_]+:)", text[start:].split("    values:\n", 1)[1])
    assert following is not None
    end = start + text[start:].index("    values:\n") + len("    values:\n") + following.start() + 1
    path.write_text(text[:end] + NEWER_VALUE + text[end:], encoding="utf-8")


def test_a_value_from_a_new_source_is_valid_and_names_its_source(data_copy: Path):
    add_source(data_copy)
    add_newer_value(data_copy)
    site = load_site(data_copy)
    figure = site.figures["electricity-consumption"]
    assert [(v.value, v.source) for v in figure.values][-1] == (Decimal("3105.2"), "scaffold-test-report")
    assert site.sources["scaffold-test-report"].url == "https://example.org/scaffold-test-report"
    assert figure.values[0].source == "article"


def test_new_figure_takes_a_source(data_copy: Path):
    add_source(data_copy)
    result = call(
        "new_figure.py", "energy", "--data", str(data_copy),
        "--id", "scaffold-test-customers", "--unit", "enterprise",
        "--label-vi", "Khách hàng dùng điện", "--label-en", "Electricity customers",
        "--value", "512", "--period", "2024", "--source", "scaffold-test-report",
        "--quote", "có 512 doanh nghiệp dùng điện",
        cwd=data_copy.parent,
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (0, "")
    assert '        source: scaffold-test-report\n        quote: "có 512 doanh nghiệp dùng điện"\n' in (data_copy / "energy.yaml").read_text(encoding="utf-8")
    assert load_site(data_copy).figures["scaffold-test-customers"].values[0].source == "scaffold-test-report"


def problems(data: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_site(data)
    return [str(p) for p in caught.value.problems]


def test_new_figure_refuses_an_unknown_source(data_copy: Path):
    add_source(data_copy)
    before = (data_copy / "energy.yaml").read_bytes()
    result = call(
        "new_figure.py", "energy", "--data", str(data_copy),
        "--id", "scaffold-test-customers", "--unit", "enterprise", "--label-vi", "X", "--label-en", "X",
        "--value", "512", "--period", "2024", "--source", "scaffold-test-reprot", "--quote", "có 512 doanh nghiệp",
        cwd=data_copy.parent,
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (1, "--source: unknown source 'scaffold-test-reprot' (did you mean 'scaffold-test-report'?)\n")
    assert (data_copy / "energy.yaml").read_bytes() == before


def test_adding_a_figure_of_an_unknown_source_is_refused_in_its_would_be_text(data_copy: Path):
    """The core, past the script's own check of the answer."""
    before = (data_copy / "energy.yaml").read_bytes()
    figure = NewFigure(section="energy", id="scaffold-test-customers", unit="enterprise", label_vi="X", label_en="X", value="512", period="2024", source="xyz", quote="có 512 doanh nghiệp")
    with pytest.raises(ScaffoldError) as caught:
        add_figure(data_copy, figure)
    index = before.decode("utf-8").split("\nlists:")[0].count("\n  - id: ")
    assert [problem.described() for problem in caught.value.problems] == [f"figures[{index}].values[0].source: expected the id of a known source, received 'xyz' (define it in data/site.yaml)"]
    assert "  >         source: xyz" in str(caught.value)
    assert (data_copy / "energy.yaml").read_bytes() == before


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        pytest.param(
            NEW_SOURCE.replace('    accessed: "2024-05-20"\n', ""),
            [
                "data/site.yaml:{    url: https://example.org/scaffold-test-report}:5: sources[#scaffold-test-report].url: expected accessed (the date the address was read) with url, received url 'https://example.org/scaffold-test-report' alone (add accessed: 2024-05-20, the day you read the page)"
            ],
            id="url-without-access-date",
        ),
        pytest.param(
            NEW_SOURCE.replace('    citation:\n      vi: "Báo cáo ngành điện thành phố Cần Thơ năm 2024"\n      en: "Cần Thơ power sector report, 2024"\n', ""),
            ["data/site.yaml:{  - id: scaffold-test-report}:5: sources[#scaffold-test-report]: expected the required field 'citation', received none"],
            id="no-citation",
        ),
        pytest.param(
            NEW_SOURCE.replace("    url: https://example.org/scaffold-test-report\n", "    url: example.org/report\n"),
            ["data/site.yaml:{    url: example.org/report}:10: sources[#scaffold-test-report].url: expected a web address starting with https:// or http://, received 'example.org/report'"],
            id="address-without-scheme",
        ),
        pytest.param(
            NEW_SOURCE + "    text_file: sources/scaffold-test-report.txt\n",
            [
                "data/site.yaml:{    text_file: sources/scaffold-test-report.txt}:16: sources[#scaffold-test-report].text_file: expected the source's text at data/sources/scaffold-test-report.txt, received a path where there is no file (put the text at data/sources/scaffold-test-report.txt, or remove text_file)"
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
    (data_copy / "sources" / "scaffold-test-report.txt").write_text("Sản lượng điện tiêu thụ năm 2090 đạt 3.105,2 triệu kWh.\n", encoding="utf-8")
    add_source(data_copy, NEW_SOURCE + "    text_file: sources/scaffold-test-report.txt\n")
    add_newer_value(data_copy)
    assert load_site(data_copy).figures["electricity-consumption"].latest.source == "scaffold-test-report"
    # The same words are not the article's: naming the wrong source is caught.
    edit(data_copy / "energy.yaml", "        source: scaffold-test-report\n", "        source: article\n")
    text = (data_copy / "energy.yaml").read_text(encoding="utf-8")
    line = line_number(text, '        quote: "Sản lượng điện tiêu thụ năm 2090 đạt 3.105,2 triệu kWh"')
    figures = yaml.safe_load(text)["figures"]
    index = next(i for i, figure in enumerate(figures) if figure["id"] == "electricity-consumption")
    last = len(figures[index]["values"]) - 1
    assert problems(data_copy) == [
        f"data/energy.yaml:{line}:16: figures[{index}].values[{last}].quote: expected the exact words of source 'article' (data/sources/can-tho-20-nam.vi.txt), received a quote that is not in it: 'Sản lượng điện tiêu thụ năm 2090 đạt 3.105,2 triệu kWh' (copy the words from the source text)"
    ]


def test_a_source_in_english_writes_its_numbers_the_english_way(data_copy: Path):
    add_source(data_copy, NEW_SOURCE + "    language: en\n")
    add_newer_value(data_copy)
    edit(data_copy / "energy.yaml", "Sản lượng điện tiêu thụ năm 2090 đạt 3.105,2 triệu kWh", "Electricity consumption in 2090 reached 3,105.2 million kWh")
    assert load_site(data_copy).figures["electricity-consumption"].latest.quote == "Electricity consumption in 2090 reached 3,105.2 million kWh"


FIGURE_AT_THE_TOP = """\
figures:
  - id: scaffold-test-figure
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
    result = call(
        "new_section.py", "scaffold-test-section", "--data", str(data),
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
    assert {"vi": "Môi trường", "en": "Environment"}[lang] in text_of(edited_build, lang, "scaffold-test-section/")


@pytest.mark.parametrize(
    ("lang", "cited"),
    [
        pytest.param("vi", "Báo cáo ngành điện thành phố Cần Thơ năm 2024, https://example.org/scaffold-test-report (truy cập ngày 20/5/2024)", id="vi"),
        pytest.param("en", "Cần Thơ power sector report, 2024, https://example.org/scaffold-test-report (accessed 20 May 2024)", id="en"),
    ],
)
def test_the_about_page_cites_the_new_source_with_its_address_and_access_date(edited_build: Path, lang: str, cited: str):
    assert cited in " ".join(text_of(edited_build, lang, "about/").split())
