"""The home page's headline figures (``home.headline_figures`` in
data/site.yaml) and the tiles that show them, and each section's key
figures: an unknown or repeated id is refused at its line, the tiles keep
the editors' order, link to the figure's anchor and keep hedges visible."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from conftest import edit, with_line_numbers
from review import headlines
from review.formatting import format_time, format_value
from review.model import LANGUAGES, Site
from review.pages import render_home, render_section
from review.problems import DataError
from review.project import load_site

HEADLINES = "  headline_figures:\n"


def problems(data: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_site(data)
    return [str(problem) for problem in caught.value.problems]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "    - industrial-park-enterprises\n",
            "    - industrial-park-entreprises\n",
            "data/site.yaml:{    - industrial-park-entreprises}:7: home.headline_figures[2]: expected the id of a known figure, received 'industrial-park-entreprises' (did you mean 'industrial-park-enterprises'?)",
            id="unknown-id",
        ),
        pytest.param(
            "    - online-dossier-share\n",
            "    - online-services-total\n",
            "data/site.yaml:{    - years-centrally-governed}:5: home.headline_figures: expected no repeated items, received 'online-services-total' more than once",
            id="repeated-id",
        ),
        pytest.param(
            "    - online-dossier-share\n",
            "    - online-dossier-share\n    - solar-capacity\n",
            "data/site.yaml:{    - years-centrally-governed}:5: home.headline_figures: expected at most 8 items, received 9",
            id="too-many",
        ),
        pytest.param(
            "    - online-dossier-share\n",
            "    - 12\n",
            "data/site.yaml:{    - 12}:7: home.headline_figures[7]: expected text, received 12 (put the text in quotes)",
            id="a-number",
        ),
    ],
)
def test_a_bad_headline_figure_is_refused_at_its_line(data_copy: Path, old: str, new: str, expected: str):
    site_yaml = data_copy / "site.yaml"
    site_yaml.write_text(_trimmed_to_eight(site_yaml.read_text(encoding="utf-8")), encoding="utf-8")
    edit(site_yaml, old, new)
    assert problems(data_copy) == [with_line_numbers(data_copy, "site.yaml", expected)]


def _headline_lines(text: str) -> tuple[int, int]:
    """Where the items of ``home.headline_figures`` stand in site.yaml's text."""
    start = text.index(HEADLINES) + len(HEADLINES)
    end = start
    while text.startswith("    - ", end):
        end = text.index("\n", end) + 1
    return start, end


def _trimmed_to_eight(text: str) -> str:
    """The real list, whatever its length, as eight known ids ending with
    the two the cases edit."""
    start, end = _headline_lines(text)
    ids = [
        "years-centrally-governed",
        "electricity-consumption",
        "industrial-park-enterprises",
        "industrial-park-workers",
        "lo-b-investment",
        "international-agreements",
        "online-services-total",
        "online-dossier-share",
    ]
    return text[:start] + "".join(f"    - {ident}\n" for ident in ids) + text[end:]


def test_without_headline_figures_the_home_page_has_no_tiles(data_copy: Path):
    site_yaml = data_copy / "site.yaml"
    text = site_yaml.read_text(encoding="utf-8")
    _, end = _headline_lines(text)
    site_yaml.write_text(text[: text.index(HEADLINES)] + text[end:], encoding="utf-8")
    bare = load_site(data_copy)
    assert bare.headline_figures == ()
    for lang in LANGUAGES:
        page = render_home(bare, lang)
        assert "figure-tiles" not in page
        assert bare.home_titles["key_figures_title"][lang] not in page


def _with_headlines(site: Site, ids: tuple[str, ...]) -> Site:
    return dataclasses.replace(site, headline_figures=ids)


def test_tiles_keep_the_editors_order_and_link_to_the_figures_anchor(site: Site):
    some = [figure for section in site.sections for figure in section.figures[:1]]
    chosen = tuple(figure.id for figure in reversed(some))
    tiles = headlines.home_tiles(_with_headlines(site, chosen))
    assert [figure.id for figure, _ in tiles] == list(chosen)
    assert [link for _, link in tiles] == [f"{figure.section}.md#{figure.id}" for figure in reversed(some)]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("qualifier", ["more_than", "estimated", "about", "nearly"])
def test_a_tile_shows_the_hedge_the_label_and_the_period(site: Site, lang: str, qualifier: str):
    figure = site.sections[1].figures[0]
    hedged = dataclasses.replace(figure, values=(*figure.values[:-1], dataclasses.replace(figure.latest, qualifier=qualifier)))
    section = next(s for s in site.sections if s.id == figure.section)
    patched_section = dataclasses.replace(section, figures=tuple(hedged if f.id == figure.id else f for f in section.figures))
    patched = dataclasses.replace(site, sections=tuple(patched_section if s.id == section.id else s for s in site.sections), headline_figures=(figure.id,))
    page = render_home(patched, lang)
    tile = page[page.index('<div class="figure-tiles" markdown>') :]
    tile = tile[: tile.index("</div>")]
    shown = format_value(hedged.latest, hedged.unit, site.vocabulary, lang)
    hedge = site.vocabulary.qualifiers[qualifier][lang].replace("{value}", "").strip()
    assert hedge and hedge in shown
    assert f'<span class="figure-tile__value">{shown}</span>' in tile
    assert f'<span class="figure-tile__label">{figure.label[lang]}</span>' in tile
    assert f'<span class="figure-tile__period">{format_time(hedged.latest, site.vocabulary, lang)}</span>' in tile
    assert f"]({figure.section}.md\\#{figure.id})" in tile


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_section_shows_its_own_key_figures_as_tiles(site: Site, lang: str):
    for section in site.sections:
        page = render_section(site, section, lang)
        links = [line.rsplit("](", 1)[1].rstrip(")") for line in page.splitlines() if line.startswith('-   [<span class="figure-tile__value">')]
        assert links == [f"\\#{ident}" for ident in section.key_figures], section.id


def test_the_real_data_has_six_to_eight_headline_figures(site: Site):
    assert 6 <= len(site.headline_figures) <= 8
    assert set(site.headline_figures) <= set(site.figures)
