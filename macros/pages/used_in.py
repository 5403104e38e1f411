"""'Used in' and 'Cited in': each use as a link to its place, with the words around it.

The words come from the use record (`uses.py`): the block the use stands in, as the
reader's page shows it, so the link lands on the block whose words are quoted. Written
as HTML, as the list entries' bodies are (`listing.py`).
"""

from __future__ import annotations

import html

from ..reading.blocks import space_before
from ..uses import Use
from .listing import Href, link, same

EXCERPT_WORDS = 10  # words of context on each side of the figure


def excerpt(use: Use) -> str:
    """The words around a use, the figure in bold: '…range from <strong>45,000</strong> by Human…'."""
    before, after = use.before.split(), use.after.split()
    left = ("…" if len(before) > EXCERPT_WORDS else "") + " ".join(before[-EXCERPT_WORDS:])
    right = " ".join(after[:EXCERPT_WORDS]) + ("…" if len(after) > EXCERPT_WORDS else "")
    if use.kind == "fig":  # as its page prints it: quoted, so never the data's value for the author's words
        middle = f" <strong>{html.escape(use.shown)}</strong>"
    else:
        middle = "[note]"  # a note marker sits on the word before it
    return (html.escape(left) + middle + space_before(right) + html.escape(right)).strip()


def use_links(uses: list[Use], href: Href = same) -> list[str]:
    """Each use as a link to its place, with the words around it.

    The words are kept out of the search index, quotation marks and all: they are the
    text's own, which search finds on its page, and quoted here they only made every
    search list them twice (and left alone, the marks showed in excerpts as “”)."""
    return [f"{link(href, u.link, html.escape(u.place))}: <span data-search-exclude>“{excerpt(u)}”</span>"
            for u in uses]
