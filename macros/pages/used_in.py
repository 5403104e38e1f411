"""'Used in' and 'Cited in': each use as a link to its place, with the words around it.

The words come from the use record (`uses.py`): the block the use stands in, as the
reader's page shows it, so the link lands on the block whose words are quoted.
"""

from __future__ import annotations

from ..registry.model import Registry
from ..render.escape import md_text
from ..render.formatting import format_value
from ..uses import Use

EXCERPT_WORDS = 10  # words of context on each side of the figure


def excerpt(use: Use, registry: Registry) -> str:
    """The words around a use, the figure in bold: '…range from **45,000** by Human…'."""
    before, after = use.before.split(), use.after.split()
    left = ("…" if len(before) > EXCERPT_WORDS else "") + " ".join(before[-EXCERPT_WORDS:])
    right = " ".join(after[:EXCERPT_WORDS]) + ("…" if len(after) > EXCERPT_WORDS else "")
    if use.kind == "fig" and use.item_id in registry.figures:
        middle = f" **{md_text(format_value(registry.figures[use.item_id]))}**"
    else:
        middle = "[note]"  # a note marker sits on the word before it
    space = "" if right[:1] in ("", ".", ",", ";", ":", "!", "?", ")", "”", "’") else " "
    return (md_text(left) + middle + space + md_text(right)).strip()


def use_links(uses: list[Use], registry: Registry) -> list[str]:
    """Each use as a link to its place, with the words around it.

    The words are kept out of the search index: they are the text's own, which search
    finds on its page, and quoted here they only made every search list them twice."""
    return [f"[{md_text(u.place)}]({u.link}): “<span data-search-exclude>{excerpt(u, registry)}</span>”"
            for u in uses]
