"""What a value may be, by its unit, and which days a date may name: the rules on numbers
and dates that a schema cannot say (NaN, infinity, whole numbers, the build day).

A count of people is a whole number, 0 or more; a percentage lies between 0 and 100; a
duration is never negative; no number is NaN, infinite or past LARGEST; and no date
(a figure's value or as_of, a source's date, a correction's) falls after the day of
the build. Each mistake is located at its key, like every data check.
"""

from __future__ import annotations

import math
from datetime import date

from .model import PartialDate

# What each unit of data/schema/figures.schema.json counts; tests check the two agree.
UNIT_KINDS = {"people": "count", "countries": "count", "murders": "count",
              "percent": "percent", "years": "duration", "date": "date"}

LARGEST = 10**15  # past this a float loses whole numbers, and no figure here comes near it


def number_problem(number, unit: str) -> str | None:
    """Why `number` cannot be a value in `unit` (None if it can), with what to write."""
    if isinstance(number, float) and not math.isfinite(number):
        return f"{number} is not a number a reader can read: write the value in digits, e.g. 45000"
    if number == 0 and math.copysign(1.0, number) < 0:
        return f"{number} prints as -0: write 0"
    if abs(number) > LARGEST:
        return f"{number:g} is larger than {LARGEST:,}: check the digits and write the value in full"
    kind = UNIT_KINDS.get(unit)
    if kind == "count" and (number < 0 or number != int(number)):
        return f"{number} is not a count of {unit}: write a whole number, 0 or more (e.g. 45000)"
    if kind == "percent" and not 0 <= number <= 100:
        return f"{number}: a percentage must lie between 0 and 100"
    if kind == "duration" and number < 0:
        return f"{number}: a duration cannot be negative; write 0 or more"
    return None


def future_problem(text: str, today: date) -> str | None:
    """Why the date `text` (already on the calendar) cannot be published before it comes."""
    if PartialDate(text).to_date() > today:
        return (f"'{text}' is after the day of the build ({today.isoformat()}): a date on this site "
                "must have come; check the year")
    return None


def date_problem(text: str, today: date, shapes: str = "YYYY, YYYY-MM or YYYY-MM-DD") -> str | None:
    """Why the date `text` cannot stand in the data: it is not on the calendar (written in
    one of `shapes`), or it has not come yet."""
    if not PartialDate.is_date(text):
        return f"'{text}' is not a calendar date ({shapes})"
    return future_problem(text, today)


def figure_value_problems(figure: dict, today: date) -> list[tuple[tuple, str]]:
    """(path below the figure, message) for each impossible number or future date."""
    value = figure.get("value")
    bounds = value.items() if isinstance(value, dict) else [(None, value)]
    found = []
    for bound, v in bounds:
        path = ("value",) + ((bound,) if bound else ())
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            problem = number_problem(v, figure.get("unit", ""))
        elif isinstance(v, str) and PartialDate.is_date(v):
            problem = future_problem(v, today)
        else:
            continue
        if problem:
            found.append((path, problem))
    as_of = figure.get("as_of")
    if isinstance(as_of, str) and PartialDate.is_date(as_of):
        problem = future_problem(as_of, today) or _before_the_event(as_of, value)
        if problem:
            found.append((("as_of",), problem))
    return found


def first_day(value):
    """A date figure's value, or its range's low end, as written (YYYY, YYYY-MM, YYYY-MM-DD)."""
    return value.get("low") if isinstance(value, dict) else value


def _before_the_event(as_of: str, value) -> str | None:
    """A date figure described as it stood before it happened: as_of "2018-11" for a
    fall in "2019-03-23", compared as far as both are known ("2019" may be that day); a
    range counts from its low end."""
    first = first_day(value)
    if not (isinstance(first, str) and PartialDate.is_date(first)):
        return None
    if not PartialDate(as_of).before(PartialDate(first)):
        return None
    return (f"'{as_of}' is before the date the figure gives ({first}): as_of is when the figure held, "
            "the event's date or later")
