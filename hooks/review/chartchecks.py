"""A chart's figures fit its kind: one unit per axis, a series over time,
parts that do not exceed their whole; and every name the chart uses refers
to something that exists."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .model import CHART_PLACEHOLDER, LANGUAGES, MAX_CHART_PARTS
from .problems import Problem, unknown
from .relations import Series
from .yamlfile import Key, YamlDocument


@dataclass
class ChartCheck:
    document: YamlDocument
    series: Series
    """Every figure's values, by id."""
    unit_of: Mapping[str, str]
    """Every figure's unit id."""
    unit_kind: Callable[[str], str | None]
    """A figure's unit kind; None if its unit is unknown."""

    def check(self, key: Key, chart: dict[str, Any]) -> list[Problem]:
        problems = self.placeholders(key, chart)
        ids: list[str] = chart["figures"]
        for index, ident in enumerate(ids):
            if ident not in self.series:
                problems.append(unknown(self.document, (*key, "figures", index), "figure", ident, self.series, ""))
        if any(ident not in self.series for ident in ids):
            return problems  # the rest would only repeat it
        for name in chart.get("labels", {}):
            if name not in ids:
                problems.append(self.document.problem((*key, "labels", name), f"expected the id of one of this chart's figures, received {name!r}", f"the figures are {', '.join(ids)}", at_key=True))
        kind = chart["kind"]
        for name in ("whole", "remainder"):
            if name in chart and kind != "part-of-whole":
                problems.append(self.document.problem((*key, name), f"expected {name} only in a part-of-whole chart, received it in a {kind} chart", f"remove {name}", at_key=True))
        if kind == "series":
            problems.extend(self.series_chart(key, ids))
            return problems
        found = self.units(key, kind, ids)
        if not found and kind == "part-of-whole":
            found = self.part_of_whole(key, chart, ids)
        return problems + found

    def placeholders(self, key: Key, chart: dict[str, Any]) -> list[Problem]:
        """``{figure-id}`` in a title, subtitle or label names a figure."""
        texts: list[tuple[Key, dict[str, str]]] = [((*key, field), chart[field]) for field in ("title", "subtitle") if field in chart]
        texts += [((*key, "labels", name), label) for name, label in chart.get("labels", {}).items()]
        problems = []
        for tkey, text in texts:
            for lang in LANGUAGES:
                for ident in CHART_PLACEHOLDER.findall(text.get(lang, "")):
                    if ident not in self.series:
                        problems.append(unknown(self.document, (*tkey, lang), "figure", ident, self.series, ""))
        return problems

    def series_chart(self, key: Key, ids: list[str]) -> list[Problem]:
        fkey: Key = (*key, "figures")
        if len(ids) != 1:
            return [self.document.problem(fkey, f"expected 1 figure for a series chart, received {len(ids)}", "use kind: bar to compare several figures")]
        if len(self.series[ids[0]]) < 2:
            return [self.document.problem((*fkey, 0), f"expected a figure with at least 2 values for a series chart, received {ids[0]!r} with 1 value", "use kind: bar")]
        return []

    def units(self, key: Key, kind: str, ids: list[str]) -> list[Problem]:
        """One unit for the bars or the parts (counts of different things may share a bar chart)."""
        first = ids[0]
        unit_of = self.unit_of
        for index, ident in enumerate(ids[1:], start=1):
            if unit_of[ident] == unit_of[first] or (kind == "bar" and self.unit_kind(ident) == self.unit_kind(first) == "count"):
                continue
            what = "bar" if kind == "bar" else "part"
            hint = "a bar chart compares one unit; only counts of different things may share one" if kind == "bar" else "the parts of a whole share its unit"
            return [self.document.problem((*key, "figures", index), f"expected a {what} in {unit_of[first]} like {first!r}, received {ident!r} in {unit_of[ident]}", hint)]
        return []

    def latest(self, ident: str) -> Decimal:
        return Decimal(self.series[ident][-1][1])

    def part_of_whole(self, key: Key, chart: dict[str, Any], ids: list[str]) -> list[Problem]:
        fkey: Key = (*key, "figures")
        first = ids[0]
        if len(ids) > MAX_CHART_PARTS:
            return [self.document.problem(fkey, f"expected at most {MAX_CHART_PARTS} parts for a part-of-whole chart, received {len(ids)}", "small parts disappear: use kind: bar")]
        latest = [self.latest(ident) for ident in ids]
        added = " + ".join(str(v) for v in latest)
        total = sum(latest, Decimal(0))
        percent = self.unit_kind(first) == "percent"
        whole = chart.get("whole")
        if percent and whole is not None:
            return [self.document.problem((*key, "whole"), f"expected no whole for parts in percent, received {whole!r}", "a percentage is a share of 100: remove whole")]
        if percent and total > 100:
            return [self.document.problem(fkey, f"expected parts that add up to at most 100%, received {added} = {total}")]
        if whole is not None:
            return self.whole(key, whole, first, added, total)
        if not percent and len(ids) == 1:
            return [
                self.document.problem(
                    fkey,
                    f"expected a percentage, or parts with a whole, for a part-of-whole chart with one part, received {first!r} in {self.unit_of[first]}",
                    "add whole: <the id of the figure that is the whole>",
                )
            ]
        if not percent and "remainder" in chart:
            return [self.document.problem((*key, "remainder"), "expected no remainder for parts that make up the whole themselves, received one", "remove remainder, or give whole", at_key=True)]
        return []

    def whole(self, key: Key, whole: str, first: str, added: str, total: Decimal) -> list[Problem]:
        wkey: Key = (*key, "whole")
        if whole not in self.series:
            return [unknown(self.document, wkey, "figure", whole, self.series, "")]
        if self.unit_of[whole] != self.unit_of[first]:
            return [self.document.problem(wkey, f"expected a whole in {self.unit_of[first]} like its parts, received {whole!r} in {self.unit_of[whole]}")]
        whole_value = self.latest(whole)
        if total > whole_value:
            return [self.document.problem(wkey, f"expected a whole of at least the sum of its parts, received {whole!r} = {whole_value} for parts that add up to {added} = {total}")]
        return []
