"""How the charts look: two themes that match Material's light (``default``)
and dark (``slate``) schemes, a colour-blind-safe palette, sizes and fonts.

The colours are Okabe and Ito's palette ("Color Universal Design", 2008),
which stays distinct for the common forms of colour blindness. Each theme
takes from it the colours with at least 3:1 contrast against its own
background (WCAG 2.2, non-text contrast); text has at least 4.5:1. The tests
check both. Colour is never the only cue: every bar and segment also has a
direct label, and planned values are hatched.

This module does not import Matplotlib; :func:`rc` returns plain rcParams.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Format = Literal["svg", "png"]
"""The file formats a chart is written in."""

# Okabe–Ito.
BLUE = "#0072B2"
VERMILLION = "#D55E00"
BLUISH_GREEN = "#009E73"
REDDISH_PURPLE = "#CC79A7"
SKY_BLUE = "#56B4E9"
ORANGE = "#E69F00"


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    """Material's page background in this scheme."""
    text: str
    muted: str
    """Subtitle, source line and tick labels."""
    grid: str
    """Grid lines: a quiet guide, not data."""
    track: str
    """The faint full length behind a percentage bar: not data."""
    series: tuple[str, ...]
    """Colours of values and parts, in order; each ≥ 3:1 on the background."""
    planned: str
    """A planned value (also hatched)."""
    remainder: str
    """The outline of what the parts of a whole leave: a neutral grey, ≥ 3:1
    on the background."""
    remainder_fill: str
    """The inside of that remainder: light, like an empty part of the bar."""


LIGHT = Theme(
    name="light",
    background="#ffffff",
    text="#1f1f1f",
    muted="#5c5c5c",
    grid="#dcdcdc",
    track="#eeeeee",
    series=(BLUE, VERMILLION, BLUISH_GREEN, REDDISH_PURPLE),
    planned=VERMILLION,
    remainder="#767676",
    remainder_fill="#e4e4e4",
)
DARK = Theme(
    # Material slate: hsl(225deg 15% 14%) behind hsla(225deg 15% 90% / 0.82).
    name="dark",
    background="#1e2129",
    text="#dfe1e6",
    muted="#a9adb6",
    grid="#3a3e48",
    track="#2b2f39",
    series=(SKY_BLUE, ORANGE, BLUISH_GREEN, REDDISH_PURPLE),
    planned=ORANGE,
    remainder="#949494",
    remainder_fill="#353a45",
)
THEMES: dict[str, Theme] = {theme.name: theme for theme in (LIGHT, DARK)}

WIDTH = 7.0
"""Figure width in inches (504 pt, 672 CSS px): about the width of
Material's text column, so the chart's text shows near its set size."""
MARGIN = 0.22
"""Left and right margin, in inches."""

FONT_FAMILY = ["DejaVu Sans"]
"""DejaVu Sans ships with Matplotlib and covers every Vietnamese letter; it
measures and draws the text. SVGs keep text as text (small, sharp, and
selectable) and name ``'DejaVu Sans', sans-serif``: a browser without DejaVu
uses its own sans-serif, which is narrower, so text never grows into its
neighbour. The PNG has DejaVu's own glyphs."""

TITLE_SIZE = 13.5
SUBTITLE_SIZE = 10.0
LABEL_SIZE = 10.0
VALUE_SIZE = 10.0
SOURCE_SIZE = 8.5
LINE_SPACING = 1.3

PNG_DPI = 200
"""The PNG download: 1,500 px wide."""

PLANNED_HATCH = "///"


def rc(theme: Theme, salt: str) -> dict[Any, Any]:
    """rcParams for drawing ``theme``; ``salt`` makes the SVG ids of this
    chart unique and stable (``svg.hashsalt``)."""
    return {
        "svg.hashsalt": salt,
        "svg.fonttype": "none",
        "svg.image_inline": True,
        "font.family": "sans-serif",
        "font.sans-serif": FONT_FAMILY,
        "font.size": LABEL_SIZE,
        "text.color": theme.text,
        "axes.labelcolor": theme.text,
        "axes.edgecolor": theme.muted,
        "axes.facecolor": theme.background,
        "figure.facecolor": theme.background,
        "savefig.facecolor": theme.background,
        "xtick.color": theme.muted,
        "ytick.color": theme.muted,
        "xtick.labelcolor": theme.muted,
        "ytick.labelcolor": theme.muted,
        "xtick.labelsize": LABEL_SIZE - 0.5,
        "ytick.labelsize": LABEL_SIZE,
        "grid.color": theme.grid,
        "grid.linewidth": 0.8,
        "hatch.color": theme.background,
        "hatch.linewidth": 1.6,
        "path.simplify": True,
        "axes.unicode_minus": False,
        "text.parse_math": False,
    }


def relative_luminance(colour: str) -> float:
    """WCAG 2.2 relative luminance of ``#rrggbb``."""
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    """WCAG 2.2 contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    high, low = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)
