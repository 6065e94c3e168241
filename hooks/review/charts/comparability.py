"""Which comparisons a chart's values support, as rules over its marks.

A description may rank values ("the largest", "the highest"), give a ratio
("about 4.9 times") or a difference in percentage points only where the
data supports it. Each rule below names one reason not to compare; the
description states the values and gives the reasons instead:

* ``periods``: the values cover periods of different lengths (a five-year
  total and a single year), or mix flows with values at a date;
* ``kinds``: counts of different kinds of thing (agreements and
  delegations): a count's unit names what it counts;
* ``denominators``: shares of different wholes (a ``ratio`` relation
  names a share's whole); ``wholes``: shares whose wholes the data does not
  name, so they may differ;
* ``open``: the source names only some of the things (its list ends in
  "…"): the values are never added up nor ranked;
* ``planned``: planned values are never compared with existing ones;
* ``hedges``: the source's hedges ("trên 120") leave the order uncertain.

This module is pure: it knows marks, not pages or languages.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from .spec import Mark

Reason = Literal["periods", "kinds", "denominators", "wholes", "open", "planned", "hedges"]
REASONS: tuple[Reason, ...] = ("periods", "kinds", "denominators", "wholes", "open", "planned", "hedges")
"""Every reason, in the order a description gives them."""

APPROXIMATE_MARGIN = Decimal("0.1")
"""How far an approximate value ("khoảng 50", "ước đạt 75,6") may be from
the true one, as a share of it, when the order of two values is decided.
Deliberately wide: an order that holds across it is certain."""

LOWER_BOUNDS = frozenset({"more_than", "over"})
"""Hedges that give only a lower bound: "hơn 40" may be any number above 40."""
UPPER_BOUNDS = frozenset({"nearly"})
"""Hedges that give an upper bound close below: "gần 50" is a little under 50."""
APPROXIMATE = frozenset({"about", "estimated"})


def lower_bound(mark: Mark) -> tuple[Decimal, bool]:
    """The lowest the true value may be, and whether it is strictly above it
    ("hơn 40" is above 40)."""
    value = mark.value
    if mark.qualifier in LOWER_BOUNDS:
        return value, True
    if mark.qualifier in UPPER_BOUNDS or mark.qualifier in APPROXIMATE:
        return value * (1 - APPROXIMATE_MARGIN), False
    return value, False


def upper_bound(mark: Mark) -> tuple[Decimal | None, bool]:
    """The highest the true value may be (``None``: no bound), and whether
    it is strictly below it ("gần 50" is below 50)."""
    value = mark.value
    if mark.qualifier in LOWER_BOUNDS:
        return None, False
    if mark.qualifier in UPPER_BOUNDS:
        return value, True
    if mark.qualifier in APPROXIMATE:
        return value * (1 + APPROXIMATE_MARGIN), False
    return value, False


def certainly_greater(high: Mark, low: Mark) -> bool:
    """Whether ``high`` is above ``low`` whatever the hedges allow."""
    floor, above = lower_bound(high)
    ceiling, below = upper_bound(low)
    if ceiling is None:
        return False
    return floor > ceiling or (floor == ceiling and (above or below))


def comparable(marks: tuple[Mark, ...] | list[Mark]) -> list[Mark]:
    """The marks a description may compare: the existing values, or all of
    them when every one is planned."""
    existing = [mark for mark in marks if mark.role != "planned"]
    return existing or list(marks)


def reasons_not_to_compare(marks: tuple[Mark, ...] | list[Mark], *, percent: bool, open_ended: bool = False, shares_of_one_whole: bool = False) -> list[Reason]:
    """Why the values of ``marks`` cannot be ranked or set against each
    other; empty when they can. ``shares_of_one_whole``: the marks are the
    parts of one whole (a part-of-whole chart), so their denominators agree
    by construction."""
    found: set[Reason] = set()
    roles = {mark.role for mark in marks}
    if "planned" in roles and roles - {"planned"}:
        found.add("planned")
    if open_ended:
        found.add("open")
    pool = comparable(marks)
    if len({mark.span for mark in pool}) > 1:
        found.add("periods")
    if not percent and len({mark.counts for mark in pool}) > 1:
        found.add("kinds")
    if percent and not shares_of_one_whole and len(pool) > 1:
        wholes = {mark.of for mark in pool}
        if None in wholes:
            found.add("wholes")
        elif len(wholes) > 1:
            found.add("denominators")
    if len(pool) >= 2 and not found & {"periods", "kinds", "denominators", "wholes"} and not order_is_certain(pool):
        found.add("hedges")
    return [reason for reason in REASONS if reason in found]


def order_is_certain(marks: list[Mark]) -> bool:
    """Whether the highest and the lowest value are certain: each is above
    (below) every other value whatever the hedges allow. Equal exact values
    have a certain order (a tie)."""
    if all(mark.qualifier == "exact" for mark in marks):
        return True
    ranked = sorted(marks, key=lambda mark: mark.value, reverse=True)
    high, low = ranked[0], ranked[-1]
    return all(certainly_greater(high, other) for other in ranked[1:]) and all(certainly_greater(other, low) for other in ranked[:-1])


def exact(marks: list[Mark]) -> bool:
    """Whether every value is stated exactly, so that a ratio or a
    difference computed from them is a number the source supports."""
    return all(mark.qualifier == "exact" for mark in marks)
