"""The one error type the checks raise, and the one "did you mean" every message uses.

A DataError always knows the file, the line where it has one, and what to do.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class DataError(Exception):
    """A mistake in a data file or a page, located for the contributor who made it."""

    file: str
    line: int | None
    column: int | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class DataErrors(Exception):
    """Every mistake found in one pass, so a contributor can fix them all at once."""

    def __init__(self, errors: list[DataError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


def close_matches(wanted: object, known: Iterable[str], n: int = 3) -> list[str]:
    """The known names closest to `wanted` (a misspelt id, key, page or chart)."""
    return difflib.get_close_matches(str(wanted), list(known), n=n, cutoff=0.6)


def one_edit_apart(a: str, b: str) -> bool:
    """Whether `b` is `a` with one letter added, dropped, changed, or two side by side
    swapped (a typo, as search's worker counts one)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        differ = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        return len(differ) == 1 or (len(differ) == 2 and differ[1] == differ[0] + 1
                                    and a[differ[0]] == b[differ[1]] and a[differ[1]] == b[differ[0]])
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def did_you_mean(wanted: object, known: Iterable[str], n: int = 3) -> str | None:
    """"did you mean 'a', 'b'?", or None when nothing known is close."""
    close = close_matches(wanted, known, n)
    return f"did you mean {', '.join(repr(c) for c in close)}?" if close else None
