"""The registry's model: sources, figures and the registry that holds both.

Plain frozen dataclasses, built from the YAML once per build by `loading.py`.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day ("2003", "2020-06", "2022-02-03")."""

    text: str

    @property
    def precision(self) -> str:
        return {4: "year", 7: "month", 10: "day"}[len(self.text)]

    def to_date(self) -> date:
        """The first day the text can mean (2020-06 -> 1 June 2020)."""
        parts = [int(p) for p in self.text.split("-")] + [1, 1]
        return date(parts[0], parts[1], parts[2])

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Range:
    """A value known only between two bounds."""

    low: float | PartialDate
    high: float | PartialDate


Value = float | int | PartialDate | Range


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    kind: str
    publisher: str | None = None
    author: str | None = None
    date: PartialDate | None = None
    url: str | None = None
    note: str | None = None
    unused: str | None = None  # why an uncited source is kept on record
    where: str = ""  # "data/sources.yml:12", for messages

    @property
    def has_public_record(self) -> bool:
        return self.kind not in ("attribution", "unchecked")


@dataclass(frozen=True)
class Figure:
    id: str
    label: str
    value: Value
    unit: str
    format: str
    written: str
    sources: tuple[str, ...]
    scope: str
    as_of: PartialDate | None = None
    pattern: str | None = None
    note: str | None = None
    event: bool = False
    quantity: str | None = None  # figures estimating the same quantity share this
    unused: str | None = None
    where: str = ""  # "data/figures.yml:40", for messages


@dataclass(frozen=True)
class Flag:
    """A broken consistency rule, shown to readers beside each figure it names."""

    rule: str
    figures: tuple[str, ...]
    message: str
    measured: str  # what was found, e.g. "45,000 vs 64,000: ratio 1.42, allowed 1.2"


class UnknownId(LookupError):
    """An id that is not in the registry, with the closest ones a contributor may have meant."""

    def __init__(self, kind: str, wanted: str, known: list[str]):
        self.kind, self.wanted = kind, wanted
        self.suggestions = difflib.get_close_matches(wanted, known, n=3, cutoff=0.6)
        hint = (f"did you mean {', '.join(repr(s) for s in self.suggestions)}?"
                if self.suggestions else f"known ids are listed in data/{kind}s.yml")
        super().__init__(f"unknown {kind} '{wanted}': {hint}")


@dataclass
class Registry:
    sources: dict[str, Source] = field(default_factory=dict)
    figures: dict[str, Figure] = field(default_factory=dict)
    flags: list[Flag] = field(default_factory=list)

    def figure(self, figure_id: str) -> Figure:
        try:
            return self.figures[figure_id]
        except (KeyError, TypeError):
            raise UnknownId("figure", str(figure_id), list(self.figures)) from None

    def source(self, source_id: str) -> Source:
        try:
            return self.sources[source_id]
        except (KeyError, TypeError):
            raise UnknownId("source", str(source_id), list(self.sources)) from None

    def sources_of(self, figure: Figure) -> list[Source]:
        return [self.sources[s] for s in figure.sources]

    def flags_of(self, figure_id: str) -> list[Flag]:
        return [flag for flag in self.flags if figure_id in flag.figures]
