"""The editors' guide: in both languages, in the navigation after the About
page and before the field reference, linking to the reference and the
schema, and with example error lines that the checks really print."""

from __future__ import annotations

import re
import shutil
import unicodedata

import pytest

from conftest import DATA, ROOT, Build, edit
from review.model import LANGUAGES
from review.messages import language
from review.problems import DataError
from review.project import load_site

GUIDES = {lang: ROOT / "content" / f"editing.{lang}.md" for lang in LANGUAGES}

# Each mistake the guide shows, made on a copy of data/.
MISTAKES = [
    ("energy.yaml", "value: 2956.39", "value: 2.956,39"),
    ("digital.yaml", "value: 1096", "value: 1.096"),
    ("energy.yaml", '        qualifier: estimated\n        quote: "sản lượng', '        qualifer: estimated\n        quote: "sản lượng'),
    ("industry.yaml", '      en: "Industrial parks"\n', ""),
    ("energy.yaml", "    open_ended: true\n\n  - id: energy-efficiency-areas", "    open_ended: yes\n\n  - id: energy-efficiency-areas"),
    ("digital.yaml", 'value: 266\n        as_of: "2023-10"\n        quote: "266', 'value: 226\n        as_of: "2023-10"\n        quote: "266'),
    ("energy.yaml", "  - id: electricity-saved-growth-vs-2022\n", "  - id: milestones\n"),
    # YAML mistakes, told in plain words
    ("energy.yaml", "      - value: 2956.39\n", "\t- value: 2956.39\n"),
    (
        "energy.yaml",
        '        period: "2023"\n        qualifier: estimated\n        quote: "sản lượng điện tiêu thụ',
        '        period: "2023"\n      qualifier: estimated\n        quote: "sản lượng điện tiêu thụ',
    ),
    ("energy.yaml", "    unit: million-kwh\n    values:\n      - value: 2956.39", "    unit:million-kwh\n    values:\n      - value: 2956.39"),
    ("industry.yaml", '  vi: "Hạ tầng công nghiệp"', '  vi: "Hạ tầng công nghiệp'),
    ("energy.yaml", "  - id: electricity-consumption\n", "  id: electricity-consumption\n"),
    ("industry.yaml", '  vi: "Hạ tầng công nghiệp"', "  vi: Hạ tầng: công nghiệp"),
]


def example_lines(text: str) -> list[str]:
    """The lines of the guide's text blocks that report a problem."""
    blocks = re.findall(r"```text\n(.*?)```", text, flags=re.DOTALL)
    return [line for block in blocks for line in block.splitlines() if line.startswith("data/")]


@pytest.fixture(scope="module")
def real_lines(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    """What the checks print for each mistake, in each language."""
    lines: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
    for index, (name, old, new) in enumerate(MISTAKES):
        data = tmp_path_factory.mktemp(f"mistake{index}") / "data"
        shutil.copytree(DATA, data)
        edit(data / name, old, new)
        for lang in LANGUAGES:
            with language(lang), pytest.raises(DataError) as caught:
                load_site(data)
            lines[lang] |= {str(problem) for problem in caught.value.problems}
    return lines


def without_position(line: str) -> str:
    """``data/x.yaml:14:9: figures[2].value…`` → ``data/x.yaml:…: figures[…].value…``.
    An editor's ordinary edit moves lines, and a figure added above another
    moves its index; it must not make the guide's examples fail CI, so the
    examples are compared word for word, but not by line, column or index."""
    where, _, rest = re.sub(r"^(data/[^:]+):[0-9]+:[0-9]+:", r"\1:…:", line).partition(": ")
    path, _, message = rest.partition(": ")
    return f"{where}: {_INDEX.sub('[…]', path)}: {message}"


_INDEX = re.compile(r"\[[0-9]+\]")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_example_error_is_what_the_checks_print_in_the_guides_language(lang: str, real_lines: dict[str, set[str]]):
    examples = example_lines(GUIDES[lang].read_text(encoding="utf-8"))
    assert len(examples) == len(MISTAKES) + 1  # one mistake gives two lines
    assert all(re.match(r"^data/[a-z-]+\.yaml:[0-9]+:[0-9]+: ", line) for line in examples)
    real = {without_position(line) for line in real_lines[lang]}
    assert [line for line in examples if without_position(line) not in real] == []


def test_the_guides_show_the_same_examples_at_the_same_places(real_lines: dict[str, set[str]]):
    """The two guides show the same mistakes, in the same order, and the
    place at the start of each line reads the same in both languages."""
    places = {lang: [line.split(": ")[0] for line in example_lines(GUIDES[lang].read_text(encoding="utf-8"))] for lang in LANGUAGES}
    assert places["vi"] == places["en"]
    assert sorted(line.split(": ")[0] for line in real_lines["vi"]) == sorted(line.split(": ")[0] for line in real_lines["en"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_guide_is_nfc(lang: str):
    assert unicodedata.is_normalized("NFC", GUIDES[lang].read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_guide_is_in_the_navigation_between_about_and_the_reference(built: Build, site, lang: str):
    html = built.page(lang, "editing/")
    primary = html.split("md-nav--primary", 1)[1].split("md-sidebar--secondary", 1)[0]
    titles = list(dict.fromkeys(re.findall(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', primary)))
    about, guide, reference = site.about_title[lang], {"vi": "Hướng dẫn biên tập", "en": "Editors' guide"}[lang], site.vocabulary.labels["reference_title"][lang]
    order = [title for title in titles if title in (about, guide, reference)]
    assert order == [about, guide, reference]
    assert f'<html lang="{lang}"' in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_guide_links_to_the_reference_and_the_schema(built: Build, lang: str):
    html = built.page(lang, "editing/")
    for target in ("../reference/", "../schema/site.schema.json", "../schema/vocabulary.schema.json", "../schema/section.schema.json"):
        assert f'href="{target}"' in html
    assert (built.site_dir / ("" if lang == "vi" else "en") / "reference" / "index.html").is_file()


def test_the_guide_names_only_scripts_that_exist():
    for path in GUIDES.values():
        for script in re.findall(r"scripts/[a-z_-]+(?:\.py)?", path.read_text(encoding="utf-8")):
            assert (ROOT / script).is_file(), f"{path.name}: {script}"
