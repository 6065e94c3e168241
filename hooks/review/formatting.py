"""Numbers, quantities, dates and periods in each language, through Babel
(CLDR). Pages and charts share this module, so a number reads the same in a
table, a card and on a chart axis.

Vietnamese uses CLDR ``vi``: ``2.956,39``, ``40,9%``, ``1/1/2004``.
English uses CLDR ``en_GB``, to match the site's British spelling:
``2,956.39``, ``40.9%``, ``1 January 2004``.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from functools import cache, lru_cache

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.dates import format_skeleton
from babel.numbers import format_decimal, format_percent

from .model import Period, Unit, Value, Vocabulary

BABEL_LOCALES = {"vi": "vi", "en": "en_GB"}
"""The CLDR locale behind each site language."""

EN_DASH = "\u2013"


@cache
def babel_locale(lang: str) -> Locale:
    return Locale.parse(BABEL_LOCALES[lang])


def format_number(value: Decimal | int | float, lang: str, *, decimals: int | None = None) -> str:
    """A number with the locale's separators.

    With ``decimals=None`` a :class:`~decimal.Decimal` keeps exactly the
    decimals it was written with, so 81.498 stays ``81,498`` in Vietnamese and
    ``81.498`` in English. Floats (chart ticks) should pass ``decimals``.
    """
    if decimals is None:
        decimals = written_decimals(value)
    return _format_decimal(type(value).__name__, value, decimals, lang)


@lru_cache(maxsize=8192)
def _format_decimal(kind: str, value: Decimal | int | float, decimals: int, lang: str) -> str:
    """Babel's formatting, remembered: a page, its tables and its charts
    write the same numbers many times. ``kind`` keeps ``1`` and ``1.0``
    apart; with the decimals given, equal values are written alike."""
    return format_decimal(value, format=_pattern(decimals), locale=babel_locale(lang))


def written_decimals(value: Decimal | int | float) -> int:
    """How many decimals a number was written with: 176.50 → 2, 222 → 0."""
    if isinstance(value, int):
        return 0
    exponent = (value if isinstance(value, Decimal) else Decimal(str(value))).as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _pattern(decimals: int) -> str:
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def format_percent_value(value: Decimal | int | float, lang: str, *, decimals: int | None = None) -> str:
    """A percentage written as 0–100 (``40.9`` → ``40,9%``), with the
    locale's own percent pattern."""
    if decimals is None:
        decimals = written_decimals(value)
    number = value if isinstance(value, (Decimal, int)) else Decimal(str(value))
    # CLDR's percent pattern for the locale ("#,##0%" for both), with the
    # decimals the value was written with.
    pattern = babel_locale(lang).percent_formats[None].pattern.replace("#,##0", _pattern(decimals), 1)
    return format_percent(Decimal(number) / 100, format=pattern, locale=babel_locale(lang))


def unit_name(unit: Unit, value: Decimal | int | float, lang: str) -> str:
    """The unit's name in ``lang``, in the plural form CLDR gives for ``value``."""
    if lang == "vi":
        return unit.vi
    form = babel_locale(lang).plural_form(value if not isinstance(value, Decimal) else _plural_operand(value))
    return unit.en_one if form == "one" else unit.en_other


def _plural_operand(value: Decimal) -> int | float | Decimal:
    exponent = value.as_tuple().exponent
    return int(value) if value == value.to_integral_value() and isinstance(exponent, int) and exponent >= 0 else value


def format_quantity(value: Decimal | int | float, unit: Unit, lang: str, *, decimals: int | None = None) -> str:
    """``2.956,39 triệu kWh``, ``2,956.39 million kWh``, ``40,9%``."""
    if unit.kind == "percent":
        return format_percent_value(value, lang, decimals=decimals)
    number = format_number(value, lang, decimals=decimals)
    name = unit_name(unit, value, lang)
    if UNIT_VALUE in name:  # a unit written around its number: "US$12 billion"
        return name.replace(UNIT_VALUE, number)
    return f"{number} {name}"


UNIT_VALUE = "{value}"
"""In a unit's name, where the number goes (``VND {value} billion``); a
name without it follows the number."""


APPROXIMATELY = "\u2248"


def format_computed(value: Decimal, unit: Unit, lang: str, *, decimals: int) -> str:
    """A computed value rounded to ``decimals``, marked ``≈`` where rounding
    changed it: ``≈ 25,78%`` / ``≈ 25.78%``, ``1.362 DVCTT``."""
    rounded = value.quantize(Decimal(1).scaleb(-decimals))
    shown = format_quantity(rounded, unit, lang, decimals=decimals)
    return shown if rounded == value else f"{APPROXIMATELY} {shown}"


def format_value(value: Value, unit: Unit, vocabulary: Vocabulary, lang: str) -> str:
    """A value with its unit and the source's hedge: ``hơn 41.000 lao động``,
    ``more than 41,000 workers``."""
    template = vocabulary.qualifiers[value.qualifier][lang]
    return template.replace("{value}", format_quantity(value.value, unit, lang))


def format_hedged_number(value: Value, unit: Unit, vocabulary: Vocabulary, lang: str) -> str:
    """A value with the source's hedge but without its unit, for a label
    next to an axis or a title that names the unit: ``hơn 40``,
    ``more than 40``, ``dự kiến 3.800``, ``40,9%``."""
    if unit.kind == "percent":
        number = format_percent_value(value.value, lang)
    else:
        number = format_number(value.value, lang)
    return vocabulary.qualifiers[value.qualifier][lang].replace("{value}", number)


def tick_decimals(ticks: Iterable[float]) -> int:
    """The fewest decimals that write every tick of an axis exactly:
    ``0, 500, 1000`` → 0; ``0, 0.5, 1`` → 1; ``0, 0.25, 0.5`` → 2."""
    decimals = 0
    for tick in ticks:
        rounded = Decimal(repr(round(float(tick), 10))).normalize()
        exponent = rounded.as_tuple().exponent
        if isinstance(exponent, int):
            decimals = max(decimals, -exponent)
    return decimals


def format_tick(value: float, lang: str, *, decimals: int, percent: bool = False) -> str:
    """A number on a chart axis: ``1.000`` (vi) or ``1,000`` (en), ``25%``.
    ``decimals`` comes from :func:`tick_decimals`, so all ticks of an axis
    are written alike."""
    if value == 0:
        value = 0.0  # never "-0"
    if percent:
        return format_percent_value(value, lang, decimals=decimals)
    return format_number(value, lang, decimals=decimals)


def format_date(period: Period, lang: str) -> str:
    """A date at its precision: ``1/1/2004`` / ``1 January 2004``,
    ``tháng 2 năm 2018`` / ``February 2018``, ``2019``."""
    locale = babel_locale(lang)
    if period.precision == "day":
        # CLDR's short numeric date for Vietnamese, the long one for English.
        if lang == "vi":
            return format_skeleton("yMd", period.start, locale=locale)
        return babel_format_date(period.start, "long", locale=locale)
    if period.precision == "month":
        return format_skeleton("yMMMM", period.start, locale=locale)
    return format_period(period, lang)


def format_period(period: Period, lang: str) -> str:
    """A period: ``2011–2015``, ``2023``, or a date as :func:`format_date`."""
    if period.precision == "years":
        return f"{period.start.year}{EN_DASH}{period.end.year}"
    if period.precision == "year":
        return str(period.start.year)
    return format_date(period, lang)


def format_time(value: Value, vocabulary: Vocabulary, lang: str) -> str:
    """When a value holds: its period, or ``tính đến tháng 10 năm 2023`` /
    ``as of October 2023`` for a stock."""
    if value.period is not None:
        return format_period(value.period, lang)
    assert value.as_of is not None
    return vocabulary.labels["as_of"][lang].replace("{date}", format_date(value.as_of, lang))
