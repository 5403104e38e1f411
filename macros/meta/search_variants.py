"""Search that knows the region: other spellings of names, added to the search index.

Runs after Material's search plugin has written `search/search_index.json`. Each
entry (a page or one of its sections) whose text or title names a place or person in
`data/search-variants.yml` (read with the rest of the data) gets one more sentence,
"Also spelled: ...", so lunr finds the page by any spelling, and the result shows why
it matched. Page text is untouched.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

INDEX_PATH = Path("search") / "search_index.json"


def _pattern(name: str) -> re.Pattern:
    """`name` as a whole word, in any case (the re module keeps what it compiled)."""
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)


def spellings_for(text: str, variants: dict[str, list[str]]) -> list[str]:
    """The other spellings of every name `text` contains, in data order, each once."""
    folded = text.casefold()
    found: list[str] = []
    for name, others in variants.items():
        # The substring test first: at 1,000 items the index has 8,000 entries, and a
        # regex per name per entry took seconds.
        if name.casefold() in folded and _pattern(name).search(text):
            found.extend(o for o in others if o not in found)
    return found


def add_variants(index: dict, variants: dict[str, list[str]]) -> dict:
    """The index with "Also spelled" appended to the entries that name a place or person."""
    for doc in index["docs"]:
        spellings = spellings_for(f"{doc.get('title', '')} {doc.get('text', '')}", variants)
        if spellings:
            doc["text"] += f"<p>Also spelled: {html.escape(', '.join(spellings), quote=False)}.</p>"
    return index


def rewrite_index(site_dir: Path, variants: dict[str, list[str]]) -> bool:
    """Rewrite the built index in place; False when the site has no search index."""
    path = site_dir / INDEX_PATH
    if not path.is_file():
        return False
    index = add_variants(json.loads(path.read_text(encoding="utf-8")), variants)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return True
