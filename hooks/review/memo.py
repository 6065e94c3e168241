"""Remember what is computed from a :class:`~review.model.Site` more than
once in a build: a chart's spec is needed by its drawing's cache key, its
section page, its own page and the page's sharing data; at 50× the data,
computing it each time costs more than the rest of the page."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar, cast

from .model import Site

T = TypeVar("T")


def remembered(site: Site, kind: str, key: Hashable, inputs: tuple[object, ...], compute: Callable[[], T]) -> T:
    """``compute()``, or what it returned before for this ``site``,
    ``kind`` and ``key`` from the very same ``inputs`` (the same objects,
    not equal ones: a test may pass a changed chart under the same id)."""
    entry = site.memo.get((kind, key))
    if entry is not None:
        before, value = entry
        if len(before) == len(inputs) and all(a is b for a, b in zip(before, inputs, strict=True)):
            return cast(T, value)
    value = compute()
    site.memo[(kind, key)] = (inputs, value)
    return value
