"""Search that knows the region: other spellings of names, for the search index.

A page that names a place or person in `data/search-variants.yml` (read with the rest
of the data) is handed to the index with one more sentence, "Also spelled: ...", so
search finds it by any spelling, and the result's excerpt shows why it matched. The
page the reader gets is untouched (`search_index.py` adds the sentence to the copy it
indexes).
"""

from __future__ import annotations

import html
import re


def _pattern(name: str) -> re.Pattern:
    """`name` as a whole word, in any case (the re module keeps what it compiled)."""
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)


def spellings_for(text: str, variants: dict[str, list[str]]) -> list[str]:
    """The other spellings of every name `text` contains, in data order, each once."""
    folded = text.casefold()
    found: list[str] = []
    for name, others in variants.items():
        # The substring test first: a regex per name per page took seconds at 1,000 items.
        if name.casefold() in folded and _pattern(name).search(text):
            found.extend(o for o in others if o not in found)
    return found


def also_spelled(text: str, variants: dict[str, list[str]]) -> str:
    """The sentence to index with a page whose `text` names someone: "" when it names no one."""
    spellings = spellings_for(text, variants)
    return f"<p>Also spelled: {html.escape(', '.join(spellings), quote=False)}.</p>" if spellings else ""
