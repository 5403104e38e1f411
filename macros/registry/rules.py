"""Consistency rules between figures (data/rules.yml), evaluated without eval.

Each kind is one small function: it takes the rule's fields and the registry and
returns a Flag when the relation does not hold, None when it does. The reference
checks (do the ids exist, are they of the right type) are in data_checks.py.
"""

from __future__ import annotations

from datetime import date

from babel.numbers import format_decimal

from ..render.formatting import LOCALE, format_partial_date, format_value
from ..render.typography import typographic
from .model import Figure, Flag, PartialDate, Registry, ends

# Which fields of each kind name figures, and whether the figure must be a date.
FIGURE_FIELDS = {
    "part-of-whole": {"part": False, "whole": False},
    "within-ratio": {"figures": False},
    "max-age": {"figure": None},
    "at-least": {"figure": False},
    "elapsed": {"figure": False, "from": True},
    "interval": {"from": True, "to": True},
}


def _number(figure: Figure, bound: str = "low") -> float:
    return ends(figure.value)[bound == "high"]


def _date(value) -> date:
    return ends(value)[0].to_date()


def _n(number: float) -> str:
    return format_decimal(round(number, 2), locale=LOCALE)


def _part_of_whole(rule, reg):
    part, whole = reg.figure(rule["part"]), reg.figure(rule["whole"])
    if _number(part, "low") > _number(whole, "high"):
        return (part.id, whole.id), f"{format_value(part)} is more than {format_value(whole)}"


def _within_ratio(rule, reg):
    a, b = (reg.figure(f) for f in rule["figures"])
    low, high = sorted((_number(a), _number(b)))
    if low == 0:  # no ratio to tell a reader ("∞ times"): two zeros agree, a zero and more do not
        if high:
            return (a.id, b.id), f"{format_value(a)} and {format_value(b)}: one estimate is 0 and the other is not"
        return None
    ratio = high / low
    if ratio > rule["max_ratio"]:
        return (a.id, b.id), (f"{format_value(a)} and {format_value(b)}: the larger is "
                              f"{_n(ratio)} times the smaller, more than {_n(rule['max_ratio'])}")


def _months_between(earlier: date, later: date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month


def _max_age(rule, reg):
    figure, reference = reg.figure(rule["figure"]), PartialDate(rule["reference"])
    months = _months_between(figure.as_of.to_date(), reference.to_date())
    if months > rule["max_months"]:
        return (figure.id,), (f"as of {format_partial_date(figure.as_of)}, {months} months before "
                              f"{format_partial_date(reference)}")


def _at_least(rule, reg):
    figure = reg.figure(rule["figure"])
    if _number(figure, "high") < rule["stated"]:
        return (figure.id,), f"{_n(_number(figure, 'high'))} is below {_n(rule['stated'])}"


def _elapsed(rule, reg):
    figure, start = reg.figure(rule["figure"]), reg.figure(rule["from"])
    reference = PartialDate(rule["reference"])
    years = (reference.to_date() - _date(start.value)).days / 365.25
    if abs(years - _number(figure)) > rule["tolerance"]:
        return (figure.id, start.id), (f"{_n(years)} years from {format_value(start)} to "
                                       f"{format_partial_date(reference)}, not {_n(_number(figure))}")


def _interval(rule, reg):
    start, end = reg.figure(rule["from"]), reg.figure(rule["to"])
    days = (_date(end.value) - _date(start.value)).days
    if abs(days - rule["stated_days"]) > rule["tolerance_days"]:
        return (start.id, end.id), f"{days} days apart, not {_n(rule['stated_days'])}"


_CHECKS = {
    "part-of-whole": _part_of_whole, "within-ratio": _within_ratio, "max-age": _max_age,
    "at-least": _at_least, "elapsed": _elapsed, "interval": _interval,
}


def evaluate(rules: dict[str, dict], registry: Registry) -> list[Flag]:
    """The flags of every broken rule, in the order the rules are written."""
    flags = []
    for rule_id, rule in rules.items():
        broken = _CHECKS[rule["kind"]](rule, registry)
        if broken:
            figures, measured = broken
            flags.append(Flag(rule_id, figures, typographic(rule["message"]), measured))
    return flags
