"""Sources as CSL-JSON, the format Zotero, Pandoc and citeproc read.

Each kind of source has its CSL type and the variable its outlet goes in
(registry/model.py: SOURCE_KINDS): APA and Chicago print an article's periodical from
`container-title` and a report's issuer from `publisher`, and drop the other. A person
is {family, given}; a body keeps its name whole ("literal"). Unknown fields stay out.
"""

from __future__ import annotations

import json

from ..registry.model import SOURCE_KINDS, Author, PartialDate, Source

def name(author: Author) -> dict:
    return {"literal": author.name} if author.name else {"family": author.family, "given": author.given}


def date_parts(date: PartialDate) -> dict:
    return {"date-parts": [[int(p) for p in date.text.split("-")]]}


def csl_item(source: Source) -> dict:
    kind = SOURCE_KINDS[source.kind]
    item = {"id": source.id, "type": kind.csl_type, "title": source.title}
    if source.author:
        item["author"] = [name(source.author)]
    if source.publisher:
        item[kind.csl_outlet] = source.publisher
    if source.date:
        item["issued"] = date_parts(source.date)
    if source.url:
        item["URL"] = source.url
    if source.accessed:
        item["accessed"] = date_parts(source.accessed)
    # CSL has no variable for an archived copy's address (`archive_location` is a box and
    # folder, which Chicago's styles print as a sentence: "Https://..."), so the note says
    # it, as the BibTeX's does.
    notes = [*source.citation_notes, *([f"Archived copy: {source.archive_url}."] if source.archive_url else [])]
    if notes:
        item["note"] = " ".join(notes)
    return item


def sources_csl_json(sources: list[Source]) -> str:
    return json.dumps([csl_item(s) for s in sources], ensure_ascii=False, indent=2) + "\n"
