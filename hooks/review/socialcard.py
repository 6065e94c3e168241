"""The site card: the picture a link to a page without a chart shows when
it is shared (Open Graph ``og:image``), 1200 × 630 px, one per language.

Drawn with Matplotlib's object-oriented API, like the charts, and just as
deterministic: the same words give the same bytes. Matplotlib is imported
only when the card is drawn: a build that finds it in the cache does not
need it.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .charts import style
from .charts.cache import ChartCache

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.patches import Rectangle

WIDTH, HEIGHT, DPI = 1200, 630, 100
BACKGROUND = "#00564d"
"""A deep teal, the site's colour; white text on it is well above 7:1."""
TEXT = "#ffffff"
MUTED = "#d7ece9"
ACCENT = "#ffc107"
MARGIN = 64
"""Pixels."""
POINTS = 72.0
TITLE_SIZE, SUBTITLE_SIZE, FOOTER_SIZE = 40.0, 20.0, 20.0
LINE_SPACING = 1.25


@dataclass(frozen=True)
class CardText:
    title: str
    subtitle: str
    footer: str


@dataclass(frozen=True)
class CardLabels:
    lang: str


def draw(ax: Axes, data: CardText, labels: CardLabels) -> None:
    """Draw the card on ``ax``, which covers the whole figure (axes units
    are pixels, from the bottom left). Text is wrapped by measuring it."""
    from .charts import textfit

    ax.set_axis_off()
    ax.set_xlim(0, WIDTH)
    ax.set_ylim(0, HEIGHT)
    ax.add_patch(_rectangle(0, 0, WIDTH, HEIGHT, BACKGROUND))
    ax.add_patch(_rectangle(MARGIN, HEIGHT - MARGIN - 10, 120, 10, ACCENT))
    width = (WIDTH - 2 * MARGIN) * POINTS / DPI
    top: float = HEIGHT - MARGIN - 40
    title = textfit.wrap(data.title, width, TITLE_SIZE, "bold", balance=True)[:3]
    ax.text(MARGIN, top, "\n".join(title), ha="left", va="top", fontsize=TITLE_SIZE, fontweight="bold", color=TEXT, linespacing=LINE_SPACING)
    top -= len(title) * TITLE_SIZE * LINE_SPACING * DPI / POINTS + 30
    subtitle = textfit.wrap(data.subtitle, width, SUBTITLE_SIZE)
    room = int((top - MARGIN - 60) // (SUBTITLE_SIZE * LINE_SPACING * DPI / POINTS))
    if len(subtitle) > room:
        subtitle = [*subtitle[: max(room - 1, 0)], subtitle[max(room - 1, 0)].rstrip(",;:") + " …"] if room > 0 else []
    ax.text(MARGIN, top, "\n".join(subtitle), ha="left", va="top", fontsize=SUBTITLE_SIZE, color=MUTED, linespacing=LINE_SPACING)
    ax.text(MARGIN, MARGIN, data.footer, ha="left", va="bottom", fontsize=FOOTER_SIZE, fontweight="bold", color=ACCENT)


def _rectangle(x: float, y: float, width: float, height: float, colour: str) -> Rectangle:
    from matplotlib.patches import Rectangle

    return Rectangle((x, y), width, height, facecolor=colour, edgecolor="none")


def render(data: CardText, labels: CardLabels) -> bytes:
    """The card as PNG bytes, without dates or software names."""
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    params: dict[Any, Any] = {"font.family": "sans-serif", "font.sans-serif": style.FONT_FAMILY, "text.parse_math": False}
    with rc_context(params):
        figure = Figure(figsize=(WIDTH / DPI, HEIGHT / DPI), dpi=DPI)
        ax = figure.add_axes((0, 0, 1, 1))
        draw(ax, data, labels)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def cache_key(data: CardText, labels: CardLabels) -> str:
    digest = hashlib.sha256()
    for part in (data.title, data.subtitle, data.footer, labels.lang, Path(__file__).read_text(encoding="utf-8"), Path(style.__file__).read_text(encoding="utf-8")):
        digest.update(part.encode("utf-8") + b"\0")
    for library in ("matplotlib", "numpy", "pillow"):
        digest.update(f"{library}={metadata.version(library)}\0".encode())
    return digest.hexdigest()


def card(data: CardText, labels: CardLabels, cache: ChartCache) -> bytes:
    """The card, from the cache when it has been drawn before."""
    key = cache_key(data, labels)
    content = cache.get(key)
    if content is None:
        content = render(data, labels)
        cache.put(key, content)
    return content
