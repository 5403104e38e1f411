"""The site's vocabulary: every word search can find, with how often the site uses it.

The search worker (`overrides/javascripts/search-worker.js`) fetches it only when a word
of a query matches nothing, and corrects that word to the nearest word here (the more
frequent one where two are as near). It is counted from the copy of each page Pagefind
indexes, leaving out what Pagefind leaves out (`index.py`: the heading permalinks, what
is marked `data-search-exclude`; and what Pagefind never indexes, `UNINDEXED`), so that
a correction never leads to a word search cannot find.

A word here is a run of three or more letters, outside web addresses (the sources page
prints them: "lebanon" in an address is not how the site writes Lebanon): numbers are
searched as written and never corrected, and a query word must have five letters to be
corrected (one edit may leave four). Each word is kept as a dictionary keeps it, which is what the reader sees in
"Showing results for ...": in lower case if the site ever writes it so ("detainees",
though headings write "Detainees"), else as the site writes it most often ("Tunisia").
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter

from ..reading.blocks import VOID

_TAG = re.compile(r"<(/?)([a-zA-Z][^\s/>]*)([^>]*)>")  # a start or end tag: name, attributes
_COMMENT = re.compile(r"<!--.*?-->|<![^>]*>", re.S)  # taken out first, with the doctype
_LEFT_OUT = re.compile(r"\bdata-search-exclude\b|\bclass=\"[^\"]*\bheaderlink\b")
# Elements Pagefind 1.5 never indexes (REMOVE_SELECTORS in its parser, but <head>).
UNINDEXED = ("style", "script", "noscript", "label", "form", "svg", "footer", "nav", "iframe", "template")
# A tag that may open an element left out, checked in full by `_left_out`. Looking for
# these alone, and taking every other tag out in one go, took 0.47 s at 1,000 Rundown
# items, where reading tag by tag took 0.75.
_MAYBE_LEFT_OUT = re.compile(r"<(?:(?i:%s)\b|[a-zA-Z][^>]*(?:data-search-exclude|headerlink))[^>]*>"
                             % "|".join(UNINDEXED))
_WORD = re.compile(r"[^\W\d_]{3,}")
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+")


def _left_out(page: str, start: int) -> int | None:
    """Where the element whose start tag is at `start` ends, if Pagefind leaves it out."""
    _, tag, attrs = _TAG.match(page, start).groups()
    if tag.lower() in VOID or attrs.endswith("/") or not (tag.lower() in UNINDEXED or _LEFT_OUT.search(attrs)):
        return None
    depth = 0
    for match in _TAG.finditer(page, start):
        closing, tag, attrs = match.groups()
        if tag.lower() in VOID or attrs.endswith("/"):
            continue
        depth += -1 if closing else 1
        if depth == 0:
            return match.end()
    return len(page)


def words(page: str) -> list[str]:
    """The words of `page` (the HTML handed to Pagefind) that Pagefind indexes, in order."""
    page = _COMMENT.sub("", page)
    kept, at = [], 0
    while (found := _MAYBE_LEFT_OUT.search(page, at)) is not None:
        end = _left_out(page, found.start())
        kept.append(page[at:found.start() if end else found.end()])
        at = end or found.end()
    kept.append(page[at:])
    text = _TAG.sub(" ", " ".join(kept))  # a tag parts words: "judges<br>on" is two
    return _WORD.findall(_ADDRESS.sub(" ", html.unescape(text) if "&" in text else text))


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
