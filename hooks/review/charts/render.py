"""Draw one chart, in one theme, as SVG or PNG bytes.

The figure is framed the way a statistics office frames a chart: the title
and subtitle above, the chart, and the source line below, all inside the
image, so that a downloaded file carries its own provenance. Text is wrapped
to the figure's width by measuring it, and the figure's height follows from
what it holds, so nothing is clipped.

Output is deterministic: the same spec and theme give the same bytes
(``svg.hashsalt`` per chart and theme, no dates or software names in the
metadata).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine

from . import style, textfit
from .kinds import KINDS, ChartData, ChartLabels
from .spec import ChartSpec, Mark
from .style import Format, Theme

POINTS = 72.0
"""Points per inch."""
NAME_SHARE = 0.42
"""Category names of a bar chart take at most this share of the width."""
TOP_PAD = 12.0
TITLE_GAP = 6.0
HEADER_GAP = 14.0
FOOTER_GAP = 10.0
BOTTOM_PAD = 8.0
"""Spaces of the frame, in points."""
BAR_SLOT = 26.0
"""Points of height for one bar and its gap, at least."""
AXIS_ROOM = 30.0
"""Points for the value axis under the bars."""
SERIES_HEIGHT = 220.0
PART_OF_WHOLE_HEIGHT = 100.0
SVG_METADATA = {"Date": None, "Creator": None}
PNG_METADATA = {"Software": None}


@dataclass(frozen=True)
class Frame:
    """The figure's size and the place of each part, in points."""

    height: float
    title: list[str]
    subtitle: list[str]
    source: list[str]
    header: float
    body: float
    footer: float


def render(spec: ChartSpec, theme_name: str, fmt: Format) -> bytes:
    """The chart ``spec`` drawn in the theme ``theme_name`` as ``fmt`` bytes."""
    return render_formats(spec, theme_name, (fmt,))[0]


def render_formats(spec: ChartSpec, theme_name: str, formats: Sequence[Format]) -> list[bytes]:
    """The chart ``spec`` in the theme ``theme_name``, as bytes of each of
    ``formats``: one figure, saved once per format (the light SVG and the
    PNG share their drawing). Each file has the bytes :func:`render` gives
    it alone: before each save the axes go back where the figure placed
    them, so that the constrained layout starts from the same place (it
    would otherwise start from where the previous save left them, and end
    a fraction of a point away)."""
    theme = style.THEMES[theme_name]
    files = []
    with rc_context(style.rc(theme, salt=f"{spec.salt}.{theme.name}")):
        figure = draw_figure(spec, theme)
        placed = [(axes, axes.get_position(original=True).frozen()) for axes in figure.axes]
        for fmt in formats:
            for axes, position in placed:
                axes.set_position(position)
                axes.set_in_layout(True)  # set_position takes an Axes out of the layout
            files.append(_save(figure, fmt))
    return files


def _save(figure: Figure, fmt: Format) -> bytes:
    buffer = io.BytesIO()
    if fmt == "svg":
        figure.savefig(buffer, format="svg", metadata=SVG_METADATA)
    elif fmt == "png":
        figure.savefig(buffer, format="png", dpi=style.PNG_DPI, metadata=PNG_METADATA)
    else:
        raise ValueError(f"unknown chart format {fmt!r}")
    return buffer.getvalue()


def draw_figure(spec: ChartSpec, theme: Theme) -> Figure:
    """The whole chart as a Matplotlib ``Figure`` (call inside ``rc_context``)."""
    frame = plan(spec)
    width = style.WIDTH * POINTS
    figure = Figure(figsize=(style.WIDTH, frame.height / POINTS), layout="constrained")
    margin = style.MARGIN * POINTS
    engine = figure.get_layout_engine()
    assert isinstance(engine, ConstrainedLayoutEngine)
    engine.set(
        rect=(margin / width, frame.footer / frame.height, 1 - 2 * margin / width, frame.body / frame.height),
        w_pad=2 / POINTS,
        h_pad=2 / POINTS,
    )
    top = frame.height - TOP_PAD
    figure.text(margin / width, top / frame.height, "\n".join(frame.title), ha="left", va="top", fontsize=style.TITLE_SIZE, fontweight="bold", linespacing=style.LINE_SPACING)
    top -= block_height(len(frame.title), style.TITLE_SIZE) + TITLE_GAP
    if frame.subtitle:
        figure.text(margin / width, top / frame.height, "\n".join(frame.subtitle), ha="left", va="top", fontsize=style.SUBTITLE_SIZE, color=theme.muted, linespacing=style.LINE_SPACING)
    figure.text(margin / width, BOTTOM_PAD / frame.height, "\n".join(frame.source), ha="left", va="bottom", fontsize=style.SOURCE_SIZE, color=theme.muted, linespacing=style.LINE_SPACING)
    axes = figure.subplots()
    data, labels = encode(spec, theme)
    KINDS[spec.kind](axes, data, labels)
    return figure


def block_height(lines: int, size: float) -> float:
    """The height of ``lines`` lines of DejaVu Sans at ``size`` points, as
    Matplotlib sets them with :data:`style.LINE_SPACING` (measured: each
    line takes the line spacing times the size, the first line included)."""
    return lines * size * style.LINE_SPACING


def plan(spec: ChartSpec) -> Frame:
    """Wrap the texts and size the figure for what it holds."""
    inner = (style.WIDTH - 2 * style.MARGIN) * POINTS
    title = textfit.wrap(spec.title, inner, style.TITLE_SIZE, "bold", balance=True)
    subtitle = textfit.wrap(spec.subtitle, inner, style.SUBTITLE_SIZE) if spec.subtitle else []
    source = textfit.wrap(spec.source, inner, style.SOURCE_SIZE)
    header = TOP_PAD + block_height(len(title), style.TITLE_SIZE) + HEADER_GAP
    if subtitle:
        header += TITLE_GAP + block_height(len(subtitle), style.SUBTITLE_SIZE)
    footer = BOTTOM_PAD + block_height(len(source), style.SOURCE_SIZE) + FOOTER_GAP
    body = body_height(spec)
    return Frame(header + body + footer, title, subtitle, source, header, body, footer)


def names(spec: ChartSpec) -> list[str]:
    """Category names, wrapped for the room the kind gives them."""
    if spec.kind == "bar":
        width = (style.WIDTH - 2 * style.MARGIN) * POINTS * NAME_SHARE
        return ["\n".join(textfit.wrap(mark.name, width, style.LABEL_SIZE, balance=True)) for mark in spec.marks]
    if spec.kind == "series":
        width = (style.WIDTH - 2 * style.MARGIN) * POINTS / max(len(spec.marks), 1) * 0.9
        return ["\n".join(textfit.wrap(mark.name, width, style.LABEL_SIZE, balance=True)) for mark in spec.marks]
    return [mark.name for mark in spec.marks]


def body_height(spec: ChartSpec) -> float:
    """Points for the chart itself, ticks and direct labels included."""
    if spec.kind == "bar":
        # Bars are evenly spaced: each gets the room of the longest name.
        lines = max(name.count("\n") + 1 for name in names(spec))
        per_bar = max(BAR_SLOT, lines * style.LABEL_SIZE * 1.25 + 12.0)
        return per_bar * len(spec.marks) + AXIS_ROOM
    if spec.kind == "series":
        return SERIES_HEIGHT
    return PART_OF_WHOLE_HEIGHT


def encode(spec: ChartSpec, theme: Theme) -> tuple[ChartData, ChartLabels]:
    """The spec's marks as values, colours, hatches and texts for a kind."""
    colors = []
    hatches: list[str | None] = []
    outlines: list[str | None] = []
    part = 0
    for mark in spec.marks:
        outlines.append(theme.remainder if mark.role == "remainder" else None)
        if mark.role == "remainder":
            colors.append(theme.remainder_fill)
        elif mark.role == "planned" and spec.kind != "part-of-whole":
            colors.append(theme.planned)
        elif spec.kind == "part-of-whole":
            colors.append(theme.series[part % len(theme.series)])
            part += 1
        else:
            colors.append(theme.series[0])
        hatches.append(style.PLANNED_HATCH if mark.role == "planned" else None)
    if spec.kind == "part-of-whole":
        values = tuple(float(mark.share or 0) for mark in spec.marks)
        texts = tuple(_part_text(mark, spec) for mark in spec.marks)
    else:
        values = tuple(float(mark.value) for mark in spec.marks)
        texts = tuple(mark.label for mark in spec.marks)
    data = ChartData(
        values=values,
        colors=tuple(colors),
        hatches=tuple(hatches),
        percent=spec.percent or spec.kind == "part-of-whole",
        background=theme.background,
        track=theme.track,
        outlines=tuple(outlines),
    )
    return data, ChartLabels(lang=spec.lang, names=tuple(names(spec)), values=texts)


def _part_text(mark: Mark, spec: ChartSpec) -> str:
    """``1.096 · 80,5%`` for a count; ``40,9%`` for a percentage."""
    if spec.percent or mark.share_label is None or mark.share_label == mark.label:
        return mark.label
    return f"{mark.label} · {mark.share_label}"
