"""MkDocs hook: a page's table of contents lists a section's entries only while they are few.

The figures and sources pages give every figure and source a heading of its own. With
this edition's twenty figures that makes a handy contents list; with a thousand Rundown
items (5,000 figures) it made a sidebar of 2 MB on the figures page that no reader
scrolls, and Material's search plugin looks each heading up in it, a cost growing with
the square of the headings. Past the limit the section's heading stays in the contents;
its entries stay on the page, linkable and searchable, and MkDocs checks links to them
from the page's ids, not from this list.
"""

from __future__ import annotations

ENTRIES_LIMIT = 60


def trimmed(toc, limit: int = ENTRIES_LIMIT):
    """`toc` with the children of any entry that has more than `limit` of them removed."""
    for item in toc:
        if len(item.children) > limit:
            item.children = []
        else:
            trimmed(item.children, limit)
    return toc


def on_page_content(html, page, config, files):
    # Before on_page_context, where the search plugin and the theme read page.toc.
    trimmed(page.toc)
    return html
