"""The kinds of chart. Each is a function ``draw(ax, data, labels) -> None``
that draws on an ``Axes`` it is given and touches nothing else: no pyplot,
no global state. Colours and hatches come in ``data``; every word and number
comes in ``labels``, already written for the page's language, except the
axis ticks, which :class:`LocaleFormatter` writes through
:mod:`review.formatting`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.ticker import Formatter, MaxNLocator, NullLocator

from .. import formatting
from .style import LABEL_SIZE, VALUE_SIZE

BAR_HEIGHT = 0.62
"""Thickness of a bar, as a share of the space for one bar."""
LABEL_GAP = 4.0
"""Points between a bar's end and its direct label."""
SEGMENT_GAP = 0.45
"""Percent of the width left blank before an outlined segment."""


@dataclass(frozen=True)
class ChartData:
    """What to draw: the values and how each is encoded."""

    values: tuple[float, ...]
    colors: tuple[str, ...]
    hatches: tuple[str | None, ...]
    percent: bool
    """Percentages: the value axis runs from 0 to 100%."""
    background: str
    """The page background: gaps between segments are drawn in it."""
    track: str | None = None
    """A faint full-length bar behind each percentage bar (not data)."""
    outlines: tuple[str | None, ...] = ()
    """part-of-whole: an outline colour for a light segment (the remainder)."""


@dataclass(frozen=True)
class ChartLabels:
    """What to write: names and direct labels, in the chart's language."""

    lang: str
    names: tuple[str, ...]
    """Category names, already wrapped (``\\n``)."""
    values: tuple[str, ...]
    """Direct labels: the value of each bar or segment, hedged as in the source."""


class LocaleFormatter(Formatter):
    """Axis ticks in the language's format: ``1.000`` in Vietnamese,
    ``1,000`` in English; every tick of an axis with the same decimals."""

    def __init__(self, lang: str, *, percent: bool = False) -> None:
        self.lang = lang
        self.percent = percent
        self.ticks: list[float] = []

    def set_locs(self, locs: Sequence[float]) -> None:
        """The axis gives all its ticks before it asks for their labels."""
        self.ticks = list(locs)

    def __call__(self, x: float, pos: int | None = None) -> str:
        decimals = formatting.tick_decimals(self.ticks or [x])
        return formatting.format_tick(x, self.lang, decimals=decimals, percent=self.percent)


def _text_color(ax: Axes) -> str:
    """The theme's text colour (axis labels use it); ticks are muted."""
    return str(ax.xaxis.label.get_color())


def _quiet_frame(ax: Axes, *, keep: str | None) -> None:
    for side, spine in ax.spines.items():
        spine.set_visible(side == keep)
    ax.tick_params(length=0)
    ax.set_axisbelow(True)


def _value_locator() -> MaxNLocator:
    return MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10], min_n_ticks=3)


def _nice_top(locator: MaxNLocator, largest: float) -> float:
    """The first tick at or above the largest value: the axis ends on a
    labelled round number."""
    if largest <= 0:
        return 1.0
    return float(next(tick for tick in locator.tick_values(0, largest) if tick >= largest))


def draw_bar(ax: Axes, data: ChartData, labels: ChartLabels) -> None:
    """Horizontal bars, one per figure, top to bottom in the given order, each
    with its value at its end. Long names read well on the left; a
    percentage bar shows its full 100% as a faint track."""
    positions = list(range(len(data.values)))
    if data.percent and data.track:
        ax.barh(positions, [100] * len(positions), height=BAR_HEIGHT, color=data.track, linewidth=0, zorder=1)
    bars = ax.barh(positions, data.values, height=BAR_HEIGHT, color=data.colors, linewidth=0, zorder=2)
    for bar, hatch in zip(bars, data.hatches, strict=True):
        if hatch:
            bar.set_hatch(hatch)
    for position, value, text in zip(positions, data.values, labels.values, strict=True):
        ax.annotate(
            text,
            xy=(value, position),
            xytext=(LABEL_GAP, 0),
            textcoords="offset points",
            ha="left",
            va="center_baseline",
            fontsize=VALUE_SIZE,
            fontweight="bold",
            annotation_clip=False,
        )
    ax.set_yticks(positions, labels.names)
    ax.set_ylim(len(positions) - 0.5, -0.5)  # first bar on top
    ax.xaxis.set_major_formatter(LocaleFormatter(labels.lang, percent=data.percent))
    if data.percent:
        ax.set_xlim(0, 100)
        ax.set_xticks([0, 25, 50, 75, 100])
    else:
        locator = _value_locator()
        ax.xaxis.set_major_locator(locator)
        ax.set_xlim(0, _nice_top(locator, max(data.values)))
    ax.xaxis.grid(True)
    ax.tick_params(axis="y", pad=6, labelcolor=_text_color(ax))
    _quiet_frame(ax, keep="left")


def draw_series(ax: Axes, data: ChartData, labels: ChartLabels) -> None:
    """Columns, one per period of one figure, oldest on the left, each with
    its value on top."""
    positions = list(range(len(data.values)))
    bars = ax.bar(positions, data.values, width=BAR_HEIGHT, color=data.colors, linewidth=0, zorder=2)
    for bar, hatch in zip(bars, data.hatches, strict=True):
        if hatch:
            bar.set_hatch(hatch)
    for position, value, text in zip(positions, data.values, labels.values, strict=True):
        ax.annotate(
            text,
            xy=(position, value),
            xytext=(0, LABEL_GAP),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=VALUE_SIZE,
            fontweight="bold",
            annotation_clip=False,
        )
    ax.set_xticks(positions, labels.names)
    ax.tick_params(axis="x", labelsize=LABEL_SIZE, labelcolor=_text_color(ax), pad=6)
    ax.set_xlim(-0.6, len(positions) - 0.4)
    locator = _value_locator()
    ax.yaxis.set_major_locator(locator)
    ax.yaxis.set_major_formatter(LocaleFormatter(labels.lang, percent=data.percent))
    ax.set_ylim(0, 100 if data.percent else _nice_top(locator, max(data.values) * 1.08))
    ax.yaxis.grid(True)
    _quiet_frame(ax, keep="bottom")


def draw_part_of_whole(ax: Axes, data: ChartData, labels: ChartLabels) -> None:
    """One bar for the whole (100%), split into its parts left to right.
    Each part is named and valued next to it, alternately above and below
    the bar so that neighbouring labels never collide; the first label lines
    up with the bar's left end and the last with its right end."""
    left = 0.0
    count = len(data.values)
    for index, (share, color, hatch, name, text) in enumerate(zip(data.values, data.colors, data.hatches, labels.names, labels.values, strict=True)):
        if data.outlines[index]:
            # A light segment with an outline: what the parts leave reads as
            # the empty rest of the bar, and its edge still stands out.
            inset = SEGMENT_GAP if index else 0.0
            ax.barh([0], [share - inset], left=left + inset, height=0.78, color=color, edgecolor=data.outlines[index], linewidth=1.0, zorder=2)
        else:
            ax.barh([0], [share], left=left, height=0.8, color=color, edgecolor=data.background, linewidth=2, hatch=hatch, zorder=2)
        if index == 0:
            x, ha = left, "left"
        elif index == count - 1:
            x, ha = left + share, "right"
        else:
            x, ha = left + share / 2, "center"
        above = index % 2 == 0
        sign = 1 if above else -1
        y = 0.4 * sign
        # The name reads first: above the bar it is the outer line, below
        # the bar the inner one.
        near, far = LABEL_GAP, LABEL_GAP + LABEL_SIZE * 1.35
        lines = [(text, near, "normal"), (name, far, "bold")] if above else [(name, near, "bold"), (text, far, "normal")]
        for line, offset, weight in lines:
            ax.annotate(
                line,
                xy=(x, y),
                xytext=(0, sign * offset),
                textcoords="offset points",
                ha=ha,
                va="bottom" if above else "top",
                fontsize=VALUE_SIZE,
                fontweight=weight,
                annotation_clip=False,
            )
        left += share
    ax.set_xlim(0, 100)
    ax.set_ylim(-1.45, 1.45)
    ax.xaxis.set_major_locator(NullLocator())
    ax.yaxis.set_major_locator(NullLocator())
    _quiet_frame(ax, keep=None)


KINDS: dict[str, Callable[[Axes, ChartData, ChartLabels], None]] = {
    "bar": draw_bar,
    "series": draw_series,
    "part-of-whole": draw_part_of_whole,
}
"""The drawing function of each chart kind in the data."""
