"""Abbreviations written out for readers who cannot hover over them (a
screen reader reads "DVCTT" letter by letter): the first use in a text
gives the expansion, ``dịch vụ công trực tuyến (DVCTT)``, as the vocabulary
spells it; later uses keep the short form."""

from __future__ import annotations

import re

from .model import Text


def write_out(text: str, abbreviations: dict[str, Text], lang: str) -> str:
    """``text`` with the first use of each abbreviation preceded by its
    expansion in ``lang``, unless the text already gives it as
    ``expansion (ABBR)``. Longer abbreviations are matched first, and only
    as whole words."""
    for short in sorted(abbreviations, key=len, reverse=True):
        expansion = abbreviations[short][lang]
        pattern = re.compile(rf"(?<![\w]){re.escape(short)}(?![\w])")
        match = pattern.search(text)
        if match is None or _already_expanded(text, short, expansion):
            continue
        text = f"{text[: match.start()]}{expansion} ({short}){text[match.end() :]}"
    return text


def _already_expanded(text: str, short: str, expansion: str) -> bool:
    return f"{expansion} ({short})".casefold() in text.casefold()
