"""The figures as a table: its columns, described once, and its rows as CSV and JSON.

`COLUMNS` is the one description of the table: the CSV's header, the JSON's keys, the
Data Package's Table Schema (datapackage.py) and the table of columns on the figures
page are made from it. Each column holds one type: a figure's value is a number (`value`, or
`value_low` and `value_high` for a range) or a date (`date`, or `date` to `date_end`),
never both in one column. Dates are ISO days (YYYY-MM-DD, the first day of the period
the data names) with their precision beside them, so "2003" is 2003-01-01, precision
year: every date column parses as a date, and nothing more exact than the data is claimed.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

from ..registry.model import Figure, PartialDate, Quantity, Range, Registry

PRECISIONS = ("year", "month", "day")


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a Table Schema type: string, number, date, boolean
    description: str
    enum: tuple[str, ...] = ()


COLUMNS = (
    Column("id", "string", "The figure’s id: its anchor on the figures page and its key in the data."),
    Column("label", "string", "What the figure counts, in a few words."),
    Column("written", "string", "The figure as the text writes it, in its own words."),
    Column("value", "number", "The figure’s number, when it is one number."),
    Column("value_low", "number", "The lower bound, when the number is a range."),
    Column("value_high", "number", "The upper bound, when the number is a range."),
    Column("date", "date", "The figure’s date, when it is a date (the first day of a range of dates)."),
    Column("date_precision", "string", "How much of `date` the data knows: year, month or day.", PRECISIONS),
    Column("date_end", "date", "The last date, when the figure is a range of dates."),
    Column("date_end_precision", "string", "How much of `date_end` the data knows.", PRECISIONS),
    Column("unit", "string", "What the value counts: people, percent, countries, years, murders, or date."),
    Column("scope", "string", "What exactly is counted, and where."),
    Column("as_of", "date", "The date the figure describes; empty when not known."),
    Column("as_of_precision", "string", "How much of `as_of` the data knows.", PRECISIONS),
    Column("sources", "string", "The ids of its sources, separated by semicolons, the main one first: "
                                "each an entry of the sources page, and in sources.csl.json and "
                                "sources.bib too unless it has no public record (an attribution, or "
                                "the essay’s own account), which only the sources page lists."),
    Column("quantity", "string", "Figures estimating the same quantity share this name."),
    Column("quantity_label", "string", "What those figures estimate, as the figures page names it."),
    Column("event", "boolean", "true for a dated event shown on the timeline."),
    Column("note", "string", "The editor’s note: where the text and its sources differ, or a word of context."),
    Column("flags", "string", "The editor’s flags: each a check of the text against the data that "
                              "failed (data/rules.yml), what it found; one a line."),
    Column("page", "string", "The figure’s entry on the figures page, with every place the text uses it."),
)


def _iso(date: PartialDate | None) -> tuple[str | None, str | None]:
    """A partial date as (ISO day, precision): "2003" -> ("2003-01-01", "year")."""
    return (date.to_date().isoformat(), date.precision) if date else (None, None)


def _value_cells(value) -> dict:
    low, high = (value.low, value.high) if isinstance(value, Range) else (value, None)
    if isinstance(low, PartialDate):
        (start, start_precision), (end, end_precision) = _iso(low), _iso(high)
        return {"date": start, "date_precision": start_precision, "date_end": end,
                "date_end_precision": end_precision}
    if isinstance(value, Range):
        return {"value_low": low, "value_high": high}
    return {"value": value}


def page_url(base: str, page: str, figure_id: str) -> str:
    """Where a figure's entry is: an absolute address on the published site (`base`, its
    site_url), since a downloaded file has no address of its own to resolve against;
    without one, relative to the downloads folder."""
    return f"{base or '../'}{page.removesuffix('.md')}/#{figure_id}"


def _quantity_label(figure: Figure, quantities: dict[str, Quantity]) -> str | None:
    return quantities[figure.quantity].label if figure.quantity else None


def figure_row(figure: Figure, page: str, registry: Registry) -> dict:
    """One row, {column: value}; None where the data has nothing."""
    as_of, as_of_precision = _iso(figure.as_of)
    row = dict.fromkeys(c.name for c in COLUMNS)
    row.update(id=figure.id, label=figure.label, written=figure.written, unit=figure.unit,
               scope=figure.scope, as_of=as_of, as_of_precision=as_of_precision,
               sources=";".join(figure.sources), quantity=figure.quantity,
               quantity_label=_quantity_label(figure, registry.quantities), event=figure.event,
               note=figure.note, flags="\n".join(f.text for f in registry.flags_of(figure.id)) or None,
               page=page, **_value_cells(figure.value))
    return row


def figure_rows(registry: Registry, pages: dict[str, str], base: str) -> list[dict]:
    """`pages`: figure id -> the figures page listing it (figures.md, figures-2.md, ...)."""
    return [figure_row(f, page_url(base, pages.get(f.id, "figures.md"), f.id), registry)
            for f in registry.figures.values()]


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def figures_csv(rows: list[dict]) -> str:
    """RFC 4180 CSV in UTF-8, starting with a byte-order mark: without it Excel reads the
    file in the computer's legacy code page and shows "groupâ€™s" for "group’s"."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.name for c in COLUMNS])
    for row in rows:
        writer.writerow([_cell(row[c.name]) for c in COLUMNS])
    return "\ufeff" + out.getvalue()


def figures_json(rows: list[dict]) -> str:
    """The CSV's rows as a list of JSON records, one type a key as in the CSV's columns (a
    key that mixed numbers, partial dates and {low, high} made polars refuse the file),
    with what a cell joins kept as a list: the sources, the flags. A list at the top is
    what pandas' and polars' read_json take as a table."""
    records = [{**row, "sources": row["sources"].split(";"),
                "flags": row["flags"].split("\n") if row["flags"] else []} for row in rows]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
