"""The one BibTeX writer: the sources download and every page's "Cite this page".

An entry is typed by its source's kind (registry/model.py: SOURCE_KINDS) when the data
knows every field that type requires, and is @misc otherwise: a standard style warns
about an @article without an author, and pybtex refuses it. The outlet goes where the
type's styles print it (`journal`, `institution`, `howpublished`); titles are braced so
that styles keep their capitals; a person's name is written "Family, Given" so that
styles sort and abbreviate it, a body's name is braced whole. What is not known is said
in the note, never filled in.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..registry.model import SOURCE_KINDS, Author, PartialDate, Source
from ..render.escape import bibtex_text, bibtex_url

# Fields each type needs in the standard styles (plain.bst, and pybtex's plain).
REQUIRED = {"article": ("author", "title", "journal", "year"),
            "techreport": ("author", "title", "institution", "year"),
            "misc": ()}
# The field whose text each type prints as the outlet.
OUTLET = {"article": "journal", "techreport": "institution", "misc": "howpublished"}
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@dataclass(frozen=True)
class Reference:
    """What one entry is made from: a source, or a page of this edition citing one."""

    key: str
    kind: str  # a key of SOURCE_KINDS
    title: str
    author: Author | None = None
    outlet: str | None = None
    date: PartialDate | None = None
    url: str | None = None
    accessed: PartialDate | None = None
    archive: str | None = None
    notes: tuple[str, ...] = ()  # sentences for the note, after what is unknown


def name(author: Author) -> str:
    if author.name:
        return "{" + bibtex_text(author.name) + "}"  # one name: never split at its spaces
    return f"{bibtex_text(author.family)}, {bibtex_text(author.given)}"


def _unknown(ref: Reference) -> str:
    """"Author and date unknown." for a public record the data knows that little of."""
    if not SOURCE_KINDS[ref.kind].public_record:
        return ""
    missing = [what for what, known in (("author", ref.author), ("date", ref.date)) if not known]
    return f"{' and '.join(missing).capitalize()} unknown." if missing else ""


def entry(ref: Reference) -> str:
    """One entry, every value escaped for BibTeX."""
    wanted = SOURCE_KINDS[ref.kind].bibtex_type
    known = {"author": ref.author, "title": ref.title, OUTLET[wanted]: ref.outlet, "year": ref.date}
    kind = wanted if all(known.get(f) for f in REQUIRED[wanted]) else "misc"
    fields = [("title", "{" + bibtex_text(ref.title) + "}")]  # inner braces keep its capitals
    if ref.author:
        fields.append(("author", name(ref.author)))
    else:
        fields.append(("key", bibtex_text(ref.title)))  # what plain.bst sorts by, with no author
    if ref.outlet:
        fields.append((OUTLET[kind], bibtex_text(ref.outlet)))
    if ref.date:
        parts = [int(p) for p in ref.date.text.split("-")]
        fields.append(("year", str(parts[0])))
        if len(parts) > 1:
            fields.append(("month", MONTHS[parts[1] - 1]))
        fields.append(("date", ref.date.text))
    if ref.url:
        fields.append(("url", bibtex_url(ref.url)))
    if ref.accessed:
        fields.append(("urldate", ref.accessed.text))
    notes = [_unknown(ref), *(bibtex_text(n[:1].upper() + n[1:]) for n in ref.notes)]  # sentences
    if ref.archive:  # no standard field holds it; `urldate` holds the access day
        notes.append(f"Archived copy: {bibtex_text(ref.archive)}.")
    note = " ".join(n for n in notes if n)
    if note:
        fields.append(("note", note))
    return entry_text(kind, ref.key, fields)


def entry_text(kind: str, key: str, fields: list[tuple[str, str]]) -> str:
    """An entry as text, from its fields' values already escaped (a month's macro bare)."""
    body = ",\n".join(f"  {field:<12} = {value if field == 'month' else '{' + value + '}'}"
                      for field, value in fields)
    return f"@{kind}{{{key},\n{body}\n}}\n"


def source_reference(source: Source) -> Reference:
    return Reference(key=source.id, kind=source.kind, title=source.title, author=source.author,
                     outlet=source.publisher, date=source.date, url=source.url,
                     accessed=source.accessed, archive=source.archive_url, notes=source.citation_notes)


def sources_bibtex(sources: list[Source]) -> str:
    header = "% Sources of this edition, from data/sources.yml. Encoding: UTF-8.\n\n"
    return header + "\n".join(entry(source_reference(s)) for s in sources)
