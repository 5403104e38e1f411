"""Updates and corrections kept as data: read and checked once a build, written three ways.

`data/corrections.yml` is checked against its schema and against the pages that
exist; each mistake is a DataError with file and line. A page shows its own entries in
a box, `/corrections/` lists them all, and `head.py` puts them in the page's JSON-LD.
"""

from __future__ import annotations

import difflib
import posixpath
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils.meta import get_data

from .citing import md_text
from .errors import DataError, DataErrors
from .formatting import format_partial_date
from .model import PartialDate
from .validation import locate, schema_errors
from .yaml_strict import load_file

CORRECTIONS_FILE = "data/corrections.yml"
CORRECTIONS_PAGE = "corrections.md"


@dataclass(frozen=True)
class Correction:
    page: str  # the page's source path under docs/, e.g. "essay.md"
    date: PartialDate
    what: str
    why: str


def rule_errors(entries: list, marks, docs: list[str], file: str) -> list[DataError]:
    """What the schema cannot say: the page exists, the date is on the calendar."""
    errors = []
    for index, entry in enumerate(entries):
        page = entry["page"]
        if page not in docs:
            close = difflib.get_close_matches(page, docs, n=1)
            hint = f"did you mean '{close[0]}'?" if close else "give its path under docs/"
            line, column = locate(marks, ("corrections", index, "page"))
            errors.append(DataError(file, line, column, f"corrections.{index}.page: no page '{page}' in docs/; {hint}"))
        try:
            PartialDate(entry["date"]).to_date()
        except ValueError:
            line, column = locate(marks, ("corrections", index, "date"))
            errors.append(DataError(file, line, column,
                                    f"corrections.{index}.date: '{entry['date']}' is not a calendar date (YYYY-MM-DD)"))
    return errors


def load_corrections(root: Path, docs_dir: Path) -> list[Correction]:
    """Read and check data/corrections.yml; raise DataErrors listing every mistake."""
    try:
        data, marks = load_file(root / CORRECTIONS_FILE, CORRECTIONS_FILE)
    except DataError as error:
        raise DataErrors([error]) from None
    errors = schema_errors(data, marks, "corrections.schema.json", CORRECTIONS_FILE)
    if not errors:
        docs = sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))
        errors = rule_errors(data["corrections"], marks, docs, CORRECTIONS_FILE)
    if errors:
        raise DataErrors(errors)
    return [Correction(page=e["page"], date=PartialDate(e["date"]), what=e["what"], why=e["why"])
            for e in data["corrections"]]


def for_page(corrections: list[Correction], page: str) -> list[Correction]:
    """One page's entries, newest first."""
    return sorted((c for c in corrections if c.page == page), key=lambda c: c.date.text, reverse=True)


def page_title(docs_dir: Path, page: str) -> str:
    """The title a page gives itself in its front matter (its path, if it gives none)."""
    _, meta = get_data((docs_dir / page).read_text(encoding="utf-8"))
    return str(meta.get("title") or page)


def _entry(correction: Correction) -> str:
    return (f"**{format_partial_date(correction.date)}.** {md_text(correction.what)} "
            f"*Why:* {md_text(correction.why)}")


def box(corrections: list[Correction], page: str) -> str:
    """The "Updates and corrections" box for the end of `page` ('' when it has none)."""
    mine = for_page(corrections, page)
    if not mine:
        return ""
    link = posixpath.relpath(CORRECTIONS_PAGE, posixpath.dirname(page) or ".")
    items = "\n".join(f"    - {_entry(c)}" for c in mine)
    return (f'!!! info corrections "Updates and corrections"\n\n{items}\n\n'
            f"    [All updates and corrections to this edition]({link})\n")


def listing(corrections: list[Correction], titles: dict[str, str]) -> str:
    """Every entry, newest first, each linked to its page: the body of /corrections/."""
    if not corrections:
        return "No page has been updated or corrected since it was published."
    ordered = sorted(corrections, key=lambda c: c.date.text, reverse=True)
    return "\n".join(f"- [{md_text(titles[c.page])}]({c.page}): {_entry(c)}" for c in ordered)
