"""The registry's model: sources, figures, flags, corrections, and the registry holding them.

Plain frozen dataclasses, built from the YAML once per build by `loading.py`, which checks it first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..errors import close_matches, did_you_mean


@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day ("2003", "2020-06", "2022-02-03")."""

    text: str

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """The date `text` names; ValueError when it is not on the calendar (2022-13-01)."""
        parsed = cls(str(text))
        if len(parsed.text) not in (4, 7, 10):
            raise ValueError(f"'{text}' is not YYYY, YYYY-MM or YYYY-MM-DD")
        parsed.to_date()
        return parsed

    @classmethod
    def is_date(cls, text: str) -> bool:
        """Whether `text` names a date on the calendar, to the year, month or day."""
        try:
            cls.parse(text)
            return True
        except ValueError:
            return False

    @property
    def precision(self) -> str:
        return {4: "year", 7: "month", 10: "day"}[len(self.text)]

    def before(self, other: PartialDate) -> bool:
        """Whether this date comes before `other` as far as both are known: "2018-11" is
        before "2019-03-23", and "2019" is not ("2019" may be that very day)."""
        n = min(len(self.text), len(other.text))
        return self.text[:n] < other.text[:n]

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


def ends(value: Value) -> tuple:
    """A value's low and high ends: a range's bounds, or the value itself twice."""
    return (value.low, value.high) if isinstance(value, Range) else (value, value)


@dataclass(frozen=True)
class Author:
    """A person (family and given names, so that styles can sort and abbreviate them) or a
    body known by one name, printed and sorted whole ("UN human rights experts")."""

    family: str | None = None
    given: str | None = None
    name: str | None = None  # a body's name; None for a person

    def __str__(self) -> str:
        return self.name or f"{self.given} {self.family}"


@dataclass(frozen=True)
class SourceKind:
    """What a kind of source is called on the sources page, and how citation formats type it."""

    label: str
    csl_type: str  # CSL 1.0.2 item type (citationstyles.org, specification, appendix III)
    bibtex_type: str = "misc"  # its required fields are in downloads/bibtex.py: REQUIRED
    # Where the publisher goes in CSL: the periodical or site an article appears in
    # ("container-title": APA and Chicago print it in italics after the title), or the
    # body that issues a report ("publisher").
    csl_outlet: str = "container-title"
    public_record: bool = True  # False: nothing public to cite, only the essay's word


ATTRIBUTION_LABEL = "attributed in the essay; no public record located"

# The one list of source kinds; data/schema/sources.schema.json's enum must name the same.
SOURCE_KINDS = {
    "original": SourceKind("the essay as first published", "article-magazine", "article"),
    "reprint": SourceKind("a later copy of the essay", "webpage"),
    "report": SourceKind("report or data set", "report", "techreport", csl_outlet="publisher"),
    "statement": SourceKind("official statement or press release", "webpage"),
    "news": SourceKind("news article", "article-newspaper", "article"),
    "analysis": SourceKind("journal article, case study or book chapter", "article-journal", "article"),
    "attribution": SourceKind(ATTRIBUTION_LABEL, "personal_communication", csl_outlet="publisher",
                              public_record=False),
    "unchecked": SourceKind("the essay’s own account, not checked against a separate source",
                            "document", csl_outlet="publisher", public_record=False),
    "copied": SourceKind("printed beside the essay by a later copy; not part of the essay",
                         "document", csl_outlet="publisher", public_record=False),
}

# Where a page was kept, by default: the Wayback Machine's copy nearest the day it was
# read (the address redirects to the closest capture it holds).
ARCHIVE_DEFAULT = "https://web.archive.org/web/{day}/{url}"


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    kind: str
    publisher: str | None = None
    author: Author | None = None
    date: PartialDate | None = None
    url: str | None = None
    accessed: PartialDate | None = None  # the day `url` was read and checked
    archive: str | None = None  # an archived copy of `url`, where the data names one
    note: str | None = None
    unused: str | None = None  # why an uncited source is kept on record
    where: str = ""  # "data/sources.yml:12", for messages

    @property
    def has_public_record(self) -> bool:
        return SOURCE_KINDS[self.kind].public_record

    @property
    def citation_notes(self) -> tuple[str, ...]:
        """What a citation's note says: the source's own note and, for an attribution,
        that no public record was located."""
        return tuple(n for n in (self.note, ATTRIBUTION_LABEL if self.kind == "attribution" else None) if n)

    @property
    def archive_url(self) -> str | None:
        """The archived copy: the data's `archive:`, else the Wayback Machine's on the day
        the page was read; None without a URL or an access date."""
        if self.archive or not (self.url and self.accessed):
            return self.archive
        return ARCHIVE_DEFAULT.format(day=self.accessed.text.replace("-", ""), url=self.url)


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
    quantity: str | None = None  # the id in data/quantities.yml of what it estimates, shared
    unused: str | None = None
    where: str = ""  # "data/figures.yml:40", for messages


@dataclass(frozen=True)
class Quantity:
    """What two or more figures estimate (data/quantities.yml): readers see its label, never its id."""

    id: str
    label: str  # as it reads after "Estimates of"


@dataclass(frozen=True)
class Flag:
    """A broken consistency rule, shown to readers beside each figure it names."""

    rule: str
    figures: tuple[str, ...]
    message: str
    measured: str  # what was found, e.g. "45,000 vs 64,000: ratio 1.42, allowed 1.2"

    @property
    def text(self) -> str:
        """The flag as readers read it, in a note, on the figures page and in the downloads."""
        return f"{self.message} (Checked: {self.measured}.)"


@dataclass(frozen=True)
class Correction:
    """An update or correction of a published page (data/corrections.yml)."""

    page: str  # the page's source path under docs/, e.g. "essay.md"
    date: PartialDate
    what: str
    why: str
    at: tuple = (None, None)  # line and column of its date in data/corrections.yml, for messages


class UnknownId(LookupError):
    """An id that is not in the registry, with the closest ones a contributor may have meant."""

    def __init__(self, kind: str, wanted: str, known: list[str]):
        self.kind, self.wanted = kind, wanted
        self.suggestions = close_matches(wanted, known)
        hint = did_you_mean(wanted, known) or f"known ids are listed in data/{kind}s.yml"
        super().__init__(f"unknown {kind} '{wanted}': {hint}")


@dataclass
class Registry:
    """Everything data/ holds, checked: what the pages cite and what the build adds."""

    sources: dict[str, Source] = field(default_factory=dict)
    figures: dict[str, Figure] = field(default_factory=dict)
    quantities: dict[str, Quantity] = field(default_factory=dict)
    flags: list[Flag] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    variants: dict[str, list[str]] = field(default_factory=dict)  # name -> other spellings
    # The flags grouped by figure, for the list of flags they were grouped from.
    _flag_index: tuple = field(default=(None, {}), repr=False, compare=False)

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
        """The flags naming the figure. Grouped once for a list of flags: every use of a
        figure looks its flags up twice, some 14,000 times at 1,000 Rundown items."""
        key = (id(self.flags), len(self.flags))
        if self._flag_index[0] != key:
            index: dict[str, list[Flag]] = {}
            for flag in self.flags:
                for named in dict.fromkeys(flag.figures):
                    index.setdefault(named, []).append(flag)
            self._flag_index = (key, index)
        return self._flag_index[1].get(figure_id, [])

    def corrections_of(self, page: str) -> list[Correction]:
        """One page's corrections, newest first."""
        return sorted((c for c in self.corrections if c.page == page), key=lambda c: c.date.text,
                      reverse=True)
