"""The arithmetic relations between figures: ``result`` is the ``sum``, the
``ratio`` (in percent) or the ``growth`` (in percent) of its operands.

One place parses a reference (``figure-id`` or ``figure-id@period``),
resolves it to a number, computes the relation and writes its formula; the
checks' messages and the pages both use it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .problems import Problem, unknown
from .yamlfile import Key, YamlDocument

Series = Mapping[str, Sequence[tuple[str, Decimal | int]]]
"""Each figure's values, by figure id: (period or date as written, value)."""

BROKEN_RELATION_HINT = "fix the figure, or, where the source itself is inconsistent, add a note and give its id as note"


def parse_ref(ref: str) -> tuple[str, str | None]:
    """``figure-id@2020`` → ``('figure-id', '2020')``; ``figure-id`` → ``('figure-id', None)``."""
    ident, _, period = ref.partition("@")
    return ident, period or None


class UnknownFigure(Exception):
    """A reference names no figure."""

    def __init__(self, ident: str) -> None:
        super().__init__(ident)
        self.ident = ident


class UnresolvedRef(Exception):
    """A reference names a figure but not one of its values."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def resolve(ref: str, series: Series) -> Decimal:
    """The value ``ref`` stands for. Raises :class:`UnknownFigure` or
    :class:`UnresolvedRef`."""
    ident, period = parse_ref(ref)
    if ident not in series:
        raise UnknownFigure(ident)
    values = series[ident]
    periods = ", ".join(time for time, _ in values)
    if period is None:
        if len(values) != 1:
            raise UnresolvedRef(f"expected {ident}@period for a series, received {ref!r}", f"the periods are {periods}")
        return Decimal(values[0][1])
    for time, value in values:
        if time == period:
            return Decimal(value)
    raise UnresolvedRef(f"expected a period of {ident}, received {period!r}", f"the periods are {periods}")


def compute(kind: str, operands: Sequence[Decimal]) -> Decimal | None:
    """The result that ``operands`` give; None for a division by zero."""
    if kind == "sum":
        return sum(operands, Decimal(0))
    if operands[1] == 0:
        return None
    if kind == "ratio":
        return operands[0] / operands[1] * 100
    return (operands[0] / operands[1] - 1) * 100


def formula(kind: str, numbers: Sequence[str]) -> str:
    """The arithmetic, with the operands as written for the reader:
    ``266 + 1096``, ``222 / 176.5 × 100``, ``(222 / 176.5 − 1) × 100``."""
    if kind == "sum":
        return " + ".join(numbers)
    if kind == "ratio":
        return f"{numbers[0]} / {numbers[1]} × 100"
    return f"({numbers[0]} / {numbers[1]} \u2212 1) × 100"


def default_tolerance(unit_kind: str | None) -> Decimal:
    """How far stated and computed may differ, unless the data says: half a
    point for a percentage (the source rounds), nothing otherwise."""
    return Decimal("0.5") if unit_kind == "percent" else Decimal(0)


def round_for_message(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.01")).normalize()) if value != value.to_integral_value() else str(value.to_integral_value())


@dataclass(frozen=True)
class RelationResult:
    stated: Decimal
    operands: tuple[Decimal, ...]
    computed: Decimal
    holds: bool


def evaluate(kind: str, result: str, operands: Iterable[str], series: Series, tolerance: Decimal) -> RelationResult:
    """A relation of checked data (every reference resolves, no divisor is zero)."""
    values = tuple(resolve(ref, series) for ref in operands)
    stated = resolve(result, series)
    computed = compute(kind, values)
    assert computed is not None  # the checks refuse a zero divisor
    return RelationResult(stated, values, computed, abs(computed - stated) <= tolerance)


@dataclass
class RelationCheck:
    """Checks one section's relations against every figure of the site."""

    document: YamlDocument
    series: Series
    unit_kind: Callable[[str], str | None]
    """The unit kind of a figure, None if its unit is unknown."""
    note_ids: set[str]
    misread: set[str]
    """Figures with a value that YAML misread: their relations are not
    computed, which would only repeat that problem."""

    def check(self, key: Key, relation: dict[str, Any]) -> list[Problem]:
        refs = (relation["result"], *relation["operands"])
        if any(parse_ref(ref)[0] in self.misread for ref in refs):
            return []
        problems: list[Problem] = []
        stated = self.resolve(relation["result"], (*key, "result"), problems)
        operands = [self.resolve(ref, (*key, "operands", i), problems) for i, ref in enumerate(relation["operands"])]
        note = relation.get("note")
        if note is not None and note not in self.note_ids:
            problems.append(unknown(self.document, (*key, "note"), "note of this section", note, self.note_ids, "this file's notes"))
        values = [o for o in operands if o is not None]
        if stated is None or len(values) != len(operands):
            return problems
        problems.extend(self.check_values(key, relation, stated, values))
        return problems

    def resolve(self, ref: str, key: Key, problems: list[Problem]) -> Decimal | None:
        try:
            return resolve(ref, self.series)
        except UnknownFigure as error:
            problems.append(unknown(self.document, key, "figure", error.ident, self.series, ""))
        except UnresolvedRef as error:
            problems.append(self.document.problem(key, error.message, error.hint))
        return None

    def check_values(self, key: Key, relation: dict[str, Any], stated: Decimal, values: list[Decimal]) -> list[Problem]:
        kind = relation["kind"]
        if kind in ("ratio", "growth") and len(values) != 2:
            return [self.document.problem((*key, "operands"), f"expected 2 operands for {kind}, received {len(values)}")]
        computed = compute(kind, values)
        if computed is None:
            return [self.document.problem((*key, "operands"), "expected a non-zero divisor, received 0")]
        default = default_tolerance(self.unit_kind(parse_ref(relation["result"])[0]))
        tolerance = Decimal(relation.get("tolerance", default))
        holds = abs(computed - stated) <= tolerance
        note = relation.get("note")
        if not holds and note is None:
            shown = formula(kind, [str(v) for v in values])
            message = f"expected {relation['result']} to be {shown} = {round_for_message(computed)} (tolerance {tolerance}), received {stated}"
            return [self.document.problem(key, message, BROKEN_RELATION_HINT)]
        if holds and note is not None:
            message = f"expected a broken relation for a note, received one that holds: {relation['result']} is {stated} and the computed value is {round_for_message(computed)}"
            return [self.document.problem((*key, "note"), message, "remove the note")]
        return []
