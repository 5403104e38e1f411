"""How a figure's value is written: babel (CLDR) does the numbers and dates."""

from __future__ import annotations

from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_compact_decimal, format_decimal

from ..registry.model import Figure, PartialDate, Range

LOCALE = "en_US"

# AP style, which the essay follows, spells out whole numbers below ten.
SPELLED = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")

# How a date of each precision reads in notes and on the figures page.
_LONG_DATE = {"year": "yyyy", "month": "MMMM yyyy", "day": "d MMMM yyyy"}


# Babel takes about 0.1 ms a call; a 1,000-item build formats the same few thousand
# numbers and dates some 90,000 times (notes, tooltips, the figures page's excerpts).
# The caches remember pure functions of their arguments, so they carry nothing from
# one build to the next that could change it: the one kind of module-level state here.
_CACHE_SIZE = 16384


@lru_cache(maxsize=_CACHE_SIZE)
def format_number(number: float, style: str) -> str:
    if style == "compact":
        return format_compact_decimal(number, format_type="long", fraction_digits=1, locale=LOCALE)
    if style == "spelled" and number == int(number) and 0 <= number < len(SPELLED):
        return SPELLED[int(number)]
    text = _decimal(number)
    return f"{text} percent" if style == "percent" else text


@lru_cache(maxsize=_CACHE_SIZE)
def _decimal(number: float) -> str:
    return format_decimal(number, locale=LOCALE)


@lru_cache(maxsize=_CACHE_SIZE)
def format_partial_date(value: PartialDate, pattern: str | None = None) -> str:
    """`pattern` (CLDR) if given, else the long form its precision allows: 2020-06 -> June 2020."""
    return format_date(value.to_date(), pattern or _LONG_DATE[value.precision], locale=LOCALE)


def format_value(figure: Figure) -> str:
    """The figure as the page writes it: 45,000 / 1.2 million / 80 percent / March 2019."""
    value = figure.value
    if figure.format == "date":
        first = value.low if isinstance(value, Range) else value
        return format_partial_date(first, figure.pattern)
    if isinstance(value, Range):
        low, high = (format_number(v, figure.format) for v in (value.low, value.high))
        if figure.format == "percent":
            low = low.removesuffix(" percent")
        return f"{low}–{high}"
    return format_number(value, figure.format)


def format_exact(figure: Figure) -> str:
    """The value in full, for notes and tables: 1,186,556 rather than 1.2 million."""
    value = figure.value
    if isinstance(value, Range):
        if isinstance(value.low, PartialDate):
            return f"{format_partial_date(value.low)} – {format_partial_date(value.high)}"
        return f"{_decimal(value.low)}–{_decimal(value.high)}"
    if isinstance(value, PartialDate):
        return format_partial_date(value)
    text = _decimal(value)
    return f"{text} percent" if figure.unit == "percent" else text
