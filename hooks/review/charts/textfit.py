"""Measure text as Matplotlib lays it out, and wrap it to a width, so that
titles, subtitles and long names never run off the chart or overlap."""

from __future__ import annotations

from functools import cache

from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath

from .style import FONT_FAMILY

_TEXT_TO_PATH = TextToPath()


@cache
def font(size: float, weight: str = "normal") -> FontProperties:
    return FontProperties(family=FONT_FAMILY, size=size, weight=weight)


@cache
def text_width(text: str, size: float, weight: str = "normal") -> float:
    """The width of one line of ``text``, in points."""
    width, _, _ = _TEXT_TO_PATH.get_text_width_height_descent(text, font(size, weight), ismath=False)
    return float(width)


SAFETY = 0.97
"""Wrap a little short of the width: renderers differ by a hair."""


def wrap(text: str, width: float, size: float, weight: str = "normal", *, balance: bool = False) -> list[str]:
    """``text`` broken at spaces into lines no wider than ``width`` points,
    as few lines as possible; with ``balance``, of even lengths (no lone
    last word, for titles and names). A single word wider than ``width``
    gets a line of its own."""
    limit = width * SAFETY
    lines = _greedy(text, limit, size, weight)
    if not balance or len(lines) < 2:
        return lines
    # The narrowest width that still needs no more lines balances them.
    low, high = 0.0, limit
    for _ in range(24):
        middle = (low + high) / 2
        if len(_greedy(text, middle, size, weight)) <= len(lines):
            high = middle
        else:
            low = middle
    return _greedy(text, high, size, weight)


def _greedy(text: str, width: float, size: float, weight: str) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and text_width(candidate, size, weight) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines or [""]
