"""Other spellings of names, for the search worker to apply to a query.

`data/search-variants.yml` holds each name as the site writes it (Hasakeh) and the other
spellings a reader may type (Hasakah, Al-Hasakah, ...). The index holds only what the
pages say; the search worker (`overrides/javascripts/search-worker.js`) reads this file
on the first query and searches for the site's spelling in place of the reader's, so the
excerpt shows the page's own words with the name highlighted.

A spelling the site's text also uses as a word of its own ("Said", a spelling of Saied
and an English word) is searched as well as the name: `written` lists those, read from
the site's vocabulary (`vocabulary.py`). A spelling that is only a word of one of the
site's names ("Hol", which the vocabulary counts in "al-Hol") is not one of those.
"""

from __future__ import annotations

import json
import re

_NAME_WORDS = re.compile(r"[\s\-]+")  # as the worker splits a name to compare it


def for_worker(variants: dict[str, list[str]], vocabulary: dict[str, int]) -> bytes:
    """The file the worker reads: {"names": {name: [spellings]}, "written": [spellings
    the site also writes as words of their own]}, sorted, the same bytes for the same data."""
    in_names = {word for name in variants for word in _NAME_WORDS.split(name.lower())}
    known = {word.lower() for word in vocabulary} - in_names
    written = sorted({other for others in variants.values() for other in others if other.lower() in known})
    return json.dumps({"names": variants, "written": written}, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")
