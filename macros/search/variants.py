"""Search that knows the region: other spellings of names, for the search index.

A page that names a place or person in `data/search-variants.yml` (read with the rest
of the data) is handed to the index with one more sentence, "Also spelled: ...", so
search finds it by any spelling, and the result's excerpt shows why it matched. The
page the reader gets is untouched (`index.py` adds the sentence to the copy it
indexes).
"""

from __future__ import annotations

import html
import re


def _pattern(name: str) -> re.Pattern:
    """`name` as a whole word, in any case (the re module keeps what it compiled)."""
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)


def _names(text: str, lowered: str, name: str) -> bool:
    """Whether `text` names `name` as a whole word, in any case. The regex is tried only
    where the lowered text has the lowered name: searching with it alone, case-blind and
    from every place in the text, took a third of a second over 1,000 pages. Where lowering
    changes the text's length, or finds no place the regex takes, the regex searches the
    whole text (it also matches a few letters lowering does not, such as 'ſ' for 's')."""
    pattern = _pattern(name)
    if len(lowered) == len(text):
        key, at = name.lower(), lowered.find(name.lower())
        while at != -1:
            if pattern.match(text, at):
                return True
            at = lowered.find(key, at + 1)
    return bool(pattern.search(text))


def spellings_for(text: str, variants: dict[str, list[str]]) -> list[str]:
    """The other spellings of every name `text` contains, in data order, each once."""
    folded, lowered = text.casefold(), text.lower()
    found: list[str] = []
    for name, others in variants.items():
        # The substring test first: a regex per name per page took seconds at 1,000 items.
        if name.casefold() in folded and _names(text, lowered, name):
            found.extend(o for o in others if o not in found)
    return found


def also_spelled(text: str, variants: dict[str, list[str]]) -> str:
    """The sentence to index with a page whose `text` names someone: "" when it names no one."""
    spellings = spellings_for(text, variants)
    return f"<p>Also spelled: {html.escape(', '.join(spellings), quote=False)}.</p>" if spellings else ""
