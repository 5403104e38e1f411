"""The one error type the data layer raises: it always knows file, line and what to do."""

from __future__ import annotations

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
