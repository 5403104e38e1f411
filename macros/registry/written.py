"""The author's words against the data: a figure whose `value` no longer matches what the
original text wrote (`written`), beyond the rounding those words imply, gets an editor's
flag. The text itself is never changed: pages of the original print `written`.

"45,000" stands for anything from 44,500 to 45,499 (its last non-zero digit is the
thousands), "1.2 million" for 1.15 to 1.25 million, "four" and "57" for exactly that;
a date matches when the figure's own pattern still writes the same words.
"""

from __future__ import annotations

import re

from ..render.formatting import SPELLED, format_exact, format_value
from .model import Figure, Flag, Range, Registry

_NUMBER = re.compile(r"^(?P<whole>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<fraction>\d+))?"
                     r"(?:\s+(?P<scale>thousand|million|billion))?(?:\s*(?:percent|%))?$")
_SCALES = {None: 1, "thousand": 10**3, "million": 10**6, "billion": 10**9}


def words_as_number(written: str) -> tuple[float, float] | None:
    """(the number the words say, the step of their last digit), or None if they are not a number."""
    text = written.strip()
    if text in SPELLED:
        return float(SPELLED.index(text)), 1.0
    match = _NUMBER.match(text)
    if not match:
        return None
    scale = _SCALES[match["scale"]]
    whole, fraction = match["whole"].replace(",", ""), match["fraction"] or ""
    number = float(f"{whole}.{fraction}" if fraction else whole) * scale
    if fraction:
        step = 10.0 ** -len(fraction) * scale
    else:
        step = 10.0 ** (len(whole) - len(whole.rstrip("0"))) * scale if whole.strip("0") else scale
    return number, step


def still_matches(figure: Figure) -> bool:
    """Whether the figure's value is still what `written` says, within the words' rounding."""
    said = words_as_number(figure.written)
    if figure.format == "date" or isinstance(figure.value, Range) or said is None:
        return format_value(figure) == figure.written
    number, step = said
    return abs(figure.value - number) <= step / 2


def written_flags(registry: Registry) -> list[Flag]:
    """An editor's flag for each figure whose value has left the original's words behind."""
    return [Flag("written-words", (figure.id,),
                 f"The original text says “{figure.written}”; this edition’s data now gives "
                 f"{format_exact(figure)}. The author’s words are kept as written.",
                 f"written “{figure.written}”, value {format_exact(figure)}")
            for figure in registry.figures.values() if not still_matches(figure)]
