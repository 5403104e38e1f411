"""A page's table of contents lists a section's entries only while they are few.

The figures and sources pages give every figure and source a heading of its own. With
this edition's twenty figures that makes a handy contents list; with a thousand Rundown
items (5,000 figures) it made a sidebar of 2 MB on the figures page that no reader
scrolls, and Material's search plugin looks each heading up in it, a cost growing with
the square of the headings. Past the limit (mkdocs.yml, `extra.contents.entries_limit`)
the section's heading stays in the contents; its entries stay on the page, linkable and
searchable, and MkDocs checks links to them from the page's ids, not from this list.
"""

from __future__ import annotations


def trimmed(toc, limit: int):
    """`toc` with the children of any entry that has more than `limit` of them removed."""
    for item in toc:
        if len(item.children) > limit:
            item.children = []
        else:
            trimmed(item.children, limit)
    return toc
