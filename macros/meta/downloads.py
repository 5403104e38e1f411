"""The data as files to download: figures as CSV and JSON, sources as BibTeX and CSL-JSON.

Each function turns the registry into the text of one file. The build adds them to the
site as generated files (`events.py`), so that MkDocs knows them and checks the links
to them. Unknown fields stay empty, as in the data: nothing is guessed.
"""

from __future__ import annotations

import csv
import io
import json

from ..registry.model import ATTRIBUTION_LABEL, SOURCE_KINDS, Figure, PartialDate, Range, Registry, Source
from ..render.escape import bibtex_text, bibtex_url

CSV_COLUMNS = ("id", "label", "written", "value", "value_low", "value_high", "unit", "scope",
               "as_of", "sources", "quantity", "event", "note")


def _plain(value):
    """A value as JSON holds it: numbers stay numbers, dates their YYYY[-MM[-DD]] text."""
    if isinstance(value, Range):
        return {"low": _plain(value.low), "high": _plain(value.high)}
    return value.text if isinstance(value, PartialDate) else value


def _page_url(src: str) -> str:
    """The URL, from the site root, of a page at the root of docs/: figures-2.md -> figures-2/."""
    return src.removesuffix(".md") + "/"


def figure_record(figure: Figure, page: str = "figures.md") -> dict:
    """`page`: the Markdown file of the figures page that lists it (figures.md, figures-2.md, ...)."""
    return {
        "id": figure.id, "label": figure.label, "written": figure.written,
        "value": _plain(figure.value), "unit": figure.unit, "scope": figure.scope,
        "as_of": figure.as_of.text if figure.as_of else None, "sources": list(figure.sources),
        "quantity": figure.quantity, "event": figure.event, "note": figure.note,
        "page": f"{_page_url(page)}#{figure.id}",
    }


def figures_json(registry: Registry, pages: dict[str, str] | None = None) -> str:
    """`pages`: figure id -> the figures page listing it (pages/listing.py: Listing.figure_page)."""
    pages = pages or {}
    records = [figure_record(f, pages.get(f.id, "figures.md")) for f in registry.figures.values()]
    return json.dumps({"figures": records}, ensure_ascii=False, indent=2) + "\n"


def figures_csv(registry: Registry) -> str:
    """One row a figure; a range fills value_low and value_high and leaves value empty."""
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for figure in registry.figures.values():
        record = figure_record(figure)
        value = record["value"]
        low, high = (value["low"], value["high"]) if isinstance(value, dict) else ("", "")
        writer.writerow({
            **{k: record[k] for k in ("id", "label", "written", "unit", "scope", "quantity", "note")},
            "value": "" if isinstance(value, dict) else value, "value_low": low, "value_high": high,
            "as_of": record["as_of"] or "", "sources": ";".join(figure.sources),
            "event": "true" if figure.event else "false",
        })
    return out.getvalue()


def _date_parts(date: PartialDate) -> list[int]:
    return [int(p) for p in date.text.split("-")]


def csl_item(source: Source) -> dict:
    """One source as CSL-JSON; a name is kept whole ("literal"), since we do not split names."""
    item = {"id": source.id, "type": SOURCE_KINDS[source.kind].csl_type, "title": source.title}
    if source.author:
        item["author"] = [{"literal": source.author}]
    if source.publisher:
        item["publisher"] = source.publisher
    if source.date:
        item["issued"] = {"date-parts": [_date_parts(source.date)]}
    if source.url:
        item["URL"] = source.url
    notes = [n for n in (source.note, ATTRIBUTION_LABEL if source.kind == "attribution" else None) if n]
    if notes:
        item["note"] = " ".join(notes)
    return item


def sources_csl_json(registry: Registry) -> str:
    items = [csl_item(s) for s in registry.sources.values()]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def bibtex_entry(source: Source) -> str:
    kind = SOURCE_KINDS[source.kind].bibtex_type
    fields = [("title", "{" + bibtex_text(source.title) + "}")]  # inner braces keep its capitals
    if source.author:
        fields.append(("author", "{" + bibtex_text(source.author) + "}"))  # whole, never split
    if source.publisher:
        fields.append(("institution" if kind == "techreport" else "publisher", bibtex_text(source.publisher)))
    if source.date:
        parts = _date_parts(source.date)
        fields.append(("year", str(parts[0])))
        if len(parts) > 1:
            fields.append(("month", MONTHS[parts[1] - 1]))
        fields.append(("date", source.date.text))
    if source.url:
        fields.append(("url", bibtex_url(source.url)))
    note = csl_item(source).get("note")
    if note:
        fields.append(("note", bibtex_text(note)))
    body = ",\n".join(f"  {name} = {value if name == 'month' else '{' + value + '}'}" for name, value in fields)
    return f"@{kind}{{{source.id},\n{body}\n}}\n"


def sources_bibtex(registry: Registry) -> str:
    header = "% Sources of this edition, from data/sources.yml. Encoding: UTF-8.\n\n"
    return header + "\n".join(bibtex_entry(s) for s in registry.sources.values())


# path below the site root -> the function that writes it from the registry and
# the figures page listing each figure (id -> figures.md, figures-2.md, ...)
FILES = {
    "downloads/figures.csv": lambda registry, _pages: figures_csv(registry),
    "downloads/figures.json": figures_json,
    "downloads/sources.bib": lambda registry, _pages: sources_bibtex(registry),
    "downloads/sources.csl.json": lambda registry, _pages: sources_csl_json(registry),
}
