"""Where a figure comes from: does its quote state its value?

Each value carries ``quote``, the words of the source it comes from. The
source writes numbers the Vietnamese way (``2.956,39``, ``41.000``), so a
value of ``2956.39`` must appear in its quote as ``2.956,39``: not as part of
a longer number, and not as ``2.956``. This catches the commonest slips, such
as a digit typed wrong or ``2.956`` written for ``2956``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .formatting import format_number

_VIETNAMESE_NUMBER = re.compile(r"(?<![0-9.,])[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?(?![0-9])|(?<![0-9.,])[0-9]+(?:,[0-9]+)?(?![0-9])")


def vietnamese(value: Decimal | int) -> str:
    """The value as the source writes it: ``2956.39`` → ``2.956,39``."""
    return format_number(value, "vi")


def quote_states(quote: str, value: Decimal | int, lang: str = "vi") -> bool:
    """Whether ``quote`` contains ``value`` as a whole number in the format
    of its source's language, Vietnamese by default (``222`` is in "222 triệu
    kWh", not in "2223" nor in "1.222"; ``3105.2`` is "3,105.2" in English)."""
    written = re.escape(format_number(value, lang))
    return re.search(rf"(?<![0-9])(?<![0-9][.,]){written}(?![0-9])(?![.,][0-9])", quote) is not None


def numbers_in(quote: str) -> list[str]:
    """The numbers a quote gives, as it writes them: ``['2.956,39', '6,53']``."""
    return _VIETNAMESE_NUMBER.findall(quote)


def as_yaml(number: str) -> str:
    """A Vietnamese number written the YAML way: ``2.956,39`` → ``2956.39``."""
    return number.replace(".", "").replace(",", ".")
