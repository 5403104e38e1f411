"""The site's vocabulary: every word search can find, with how often the site uses it.

The search worker (`overrides/javascripts/search-worker.js`) fetches it only when a word
of a query matches nothing, and corrects that word to the nearest word here (the more
frequent one where two are as near). It is counted from the copy of each page Pagefind
indexes, leaving out what Pagefind leaves out (`index.py`: the heading permalinks, what
is marked `data-search-exclude`; and what Pagefind never indexes, `UNINDEXED`), so that
a correction never leads to a word search cannot find.

A word here is a run of three or more letters, outside web addresses (the sources page
prints them: "lebanon" in an address is not how the site writes Lebanon): numbers are
searched as written and never corrected, and a query word must have four letters to be
corrected (one edit may leave three). Each word is kept as a dictionary keeps it, which is what the reader sees in
"Showing results for ...": in lower case if the site ever writes it so ("detainees",
though headings write "Detainees"), else as the site writes it most often ("Tunisia").
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter

from ..reading.blocks import VOID

# A tag or a run of text; comments and the doctype are taken out first.
_PARTS = re.compile(r"<(/?)([a-zA-Z][^\s/>]*)([^>]*)>|([^<]+)")
_COMMENT = re.compile(r"<!--.*?-->|<![^>]*>", re.S)
_LEFT_OUT = re.compile(r"\bdata-search-exclude\b|\bclass=\"[^\"]*\bheaderlink\b")
# Elements Pagefind 1.5 never indexes (REMOVE_SELECTORS in its parser, but <head>).
UNINDEXED = ("style", "script", "noscript", "label", "form", "svg", "footer", "nav", "iframe", "template")
_WORD = re.compile(r"[^\W\d_]{3,}")
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+")


def words(page: str) -> list[str]:
    """The words of `page` (the HTML handed to Pagefind) that Pagefind indexes, in order."""
    found: list[str] = []
    skipped = 0  # depth inside an element left out of the index
    for closing, tag, attrs, text in _PARTS.findall(_COMMENT.sub("", page)):
        if text:
            if not skipped:
                found += _WORD.findall(_ADDRESS.sub(" ", html.unescape(text) if "&" in text else text))
        elif tag.lower() in VOID or attrs.endswith("/"):
            continue
        elif skipped:
            skipped += -1 if closing else 1
        elif not closing and (tag.lower() in UNINDEXED or _LEFT_OUT.search(attrs)):
            skipped = 1
    return found


class Vocabulary:
    """The pages the index is fed, their words counted once all are in, written as JSON.

    Counted at the end, the words are counted while Pagefind builds its index on the
    other core (`index.py`: `write`), not between one page and the next (half a second at
    1,000 Rundown items)."""

    def __init__(self) -> None:
        self._pages: list[str] = []

    def add(self, page: str) -> None:
        self._pages.append(page)

    def forms(self) -> dict[str, int]:
        """Each word once, with the count of all its forms: in lower case if the site ever
        writes it so, else in the form it writes most often (the first in sorting order
        where two are as frequent)."""
        counts: Counter[str] = Counter()
        for page in self._pages:
            counts.update(words(page))
        best: dict[str, tuple[bool, int, str]] = {}
        total: Counter[str] = Counter()
        for form, count in sorted(counts.items()):
            key = form.lower()
            total[key] += count
            rank = (form == key, count)
            if key not in best or rank > best[key][:2]:
                best[key] = (*rank, form)
        return {form: total[key] for key, (_, _, form) in sorted(best.items())}

    def json(self, forms: dict[str, int] | None = None) -> bytes:
        """The file the worker reads: {"words": {"Tunisia": 12, ...}}, sorted, the same
        bytes for the same pages (builds are compared byte for byte); `forms`, where
        they are at hand already."""
        words = self.forms() if forms is None else forms
        return json.dumps({"words": words}, ensure_ascii=False, sort_keys=True,
                          separators=(",", ":")).encode("utf-8")
