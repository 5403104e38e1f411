""""Cite this page": a plain-text citation and a BibTeX entry for a page of the original;
and "Cite the data", the same for the figures as a data set.

What is not known (the author, the date) is said to be unknown, never filled in.
The block is raw HTML so that Material gives each `<pre><code>` its copy button;
every piece of data in it is HTML-escaped.
"""

from __future__ import annotations

import html
from dataclasses import replace
from datetime import date

from ..downloads.bibtex import entry, entry_text, source_reference
from ..downloads.licence import NOTES_AND_DATA_SHORT
from ..registry.model import PartialDate, Source
from ..render.escape import bibtex_text, bibtex_url
from ..render.formatting import format_partial_date

UNKNOWN_AUTHOR = "Author unknown"
UNKNOWN_DATE = "date unknown"


def edition(site_name: str, updated: date, url: str) -> str:
    """This edition's page, and which version of it: the day its header says it was updated."""
    return f"In {site_name}, updated {format_partial_date(PartialDate(updated.isoformat()))}, {url}."


def plain(title: str, section: str | None, original: Source, site_name: str, updated: date, url: str) -> str:
    """One line a reader can paste: the original first, then this edition's page."""
    author = str(original.author) if original.author else UNKNOWN_AUTHOR
    date = format_partial_date(original.date) if original.date else UNKNOWN_DATE
    where = f"{original.publisher or 'publisher unknown'}, {date}. {original.url or 'No public link known'}."
    if section:  # a part of the original issue, titled by this edition
        work = (f"“{title}” (title given by this edition). {section}, published with "
                f"“{original.title}”, {where}")
    else:
        work = f"“{original.title}.” {where}"
    return f"{author}. {work} {edition(site_name, updated, url)}"


def bibtex(key: str, title: str, section: str | None, original: Source, site_name: str, updated: date,
           url: str) -> str:
    """The original's entry (its URL, its outlet; what it does not know said in the note),
    titled as the page and pointing to this edition's page in the note."""
    notes = (f"{section}, published with “{original.title}”. Title given by this edition." if section else "",
             edition(site_name, updated, url))
    ref = replace(source_reference(original), key=key, title=title if section else original.title,
                  notes=tuple(n for n in notes if n))
    return entry(ref).rstrip("\n")


def _box(heading: str, anchor: str, cite: str, bib: str) -> str:
    """A citation's section: its heading, the plain line and the BibTeX entry, escaped."""
    return (
        f"{heading} {{ #{anchor} data-search-exclude }}\n\n"
        '<div class="cite-this" data-search-exclude>\n'
        "<p>Suggested citation:</p>\n"
        f'<pre class="cite-this__plain"><code>{html.escape(cite)}</code></pre>\n'
        "<p>BibTeX:</p>\n"
        f'<pre class="cite-this__bibtex"><code>{html.escape(bib)}</code></pre>\n'
        "</div>\n"
    )


def block(key: str, title: str, section: str | None, original: Source, site_name: str, updated: date,
          url: str) -> str:
    """The "Cite this page" section appended to a page's Markdown."""
    return _box("## Cite this page", "cite-this", plain(title, section, original, site_name, updated, url),
                bibtex(key, title, section, original, site_name, updated, url))


def data_block(site_name: str, url: str, version: str | None) -> str:
    """"Cite the data": the figures as a data set, with the day the data last changed
    (the Data Package's `version`), so that a citation says which figures it used."""
    title = f"{site_name}: figures"
    day = format_partial_date(PartialDate(version)) if version else None
    when = f", data of {day}" if day else ""
    cite = f"{title}{when}. {url}. Licence: {NOTES_AND_DATA_SHORT}."
    fields = [("title", "{" + bibtex_text(title) + "}"), ("howpublished", bibtex_text(site_name))]
    if version:
        fields += [("year", version[:4]), ("date", version), ("version", version)]
    # The day in the note too: BibTeX's standard styles print no `version` or `date` of a misc.
    data_of = f"Data of {day}. " if day else ""
    fields += [("url", bibtex_url(url)), ("note", f"{data_of}Licence: {NOTES_AND_DATA_SHORT}.")]
    bib = entry_text("misc", "edition-figures", fields).rstrip("\n")
    return _box("### Cite the data", "cite-the-data", cite, bib)
