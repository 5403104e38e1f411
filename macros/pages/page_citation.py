""""Cite this page": a plain-text citation and a BibTeX entry for a page of the original.

What is not known (the author, the date) is said to be unknown, never filled in.
The block is raw HTML so that Material gives each `<pre><code>` its copy button;
every piece of data in it is HTML-escaped.
"""

from __future__ import annotations

import html
from dataclasses import replace
from datetime import date

from ..downloads.bibtex import entry, source_reference
from ..registry.model import PartialDate, Source
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


def block(key: str, title: str, section: str | None, original: Source, site_name: str, updated: date,
          url: str) -> str:
    """The "Cite this page" section appended to a page's Markdown."""
    cite = html.escape(plain(title, section, original, site_name, updated, url))
    bib = html.escape(bibtex(key, title, section, original, site_name, updated, url))
    return (
        "## Cite this page { #cite-this data-search-exclude }\n\n"
        '<div class="cite-this" data-search-exclude>\n'
        "<p>Suggested citation:</p>\n"
        f'<pre class="cite-this__plain"><code>{cite}</code></pre>\n'
        "<p>BibTeX:</p>\n"
        f'<pre class="cite-this__bibtex"><code>{bib}</code></pre>\n'
        "</div>\n"
    )
