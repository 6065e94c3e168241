"""Figures as tiles: the home page's headline figures, chosen by the editors
in ``data/site.yaml`` (``home.headline_figures``), and each section's key
figures on its own page. A tile links to its figure's anchor, which is the
figure's id, on the section page that holds the figure."""

from __future__ import annotations

from .model import Figure, Section, Site

Tile = tuple[Figure, str]
"""A figure and the Markdown link to it from the page that shows the tile."""


def figure_link(site: Site, figure_id: str) -> str:
    """The link to a figure from a page at the docs root: ``energy.md#solar-capacity``."""
    return f"{site.figures[figure_id].section}.md#{figure_id}"


def home_tiles(site: Site) -> list[Tile]:
    """The headline figures, in the editors' order."""
    return [(site.figures[ident], figure_link(site, ident)) for ident in site.headline_figures]


def section_tiles(site: Site, section: Section) -> list[Tile]:
    """A section's key figures, linking to their rows on the same page."""
    return [(site.figures[ident], f"#{ident}") for ident in section.key_figures]
