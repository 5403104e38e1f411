"""The edition's licences, as machines and citations are told them (JSON-LD, the Data
Package, "Cite this page" and "Cite the data"), and as the footer must name them.

Decided in issue 13: this edition's notes and data are under CC BY 4.0, its code under
MIT (LICENSE). The essay's text stays its author's and is licensed by no one here, so
a page reproducing it says whose it is instead of naming a licence (head.py).
The footer's words are mkdocs.yml's `copyright`, which the build holds to this licence
(options.py), so that the footer and the downloads cannot say two things.
"""

from __future__ import annotations

NOTES_AND_DATA = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International",
                  "path": "https://creativecommons.org/licenses/by/4.0/"}
NOTES_AND_DATA_SHORT = "CC BY 4.0"  # how a sentence names it: the footer, citations, notices


def original_notice(publisher: str | None) -> str:
    """Whose a reproduced text is: the essay's and each Rundown item's alike."""
    first = f", first published by {publisher}," if publisher else ""
    return (f"This text is © its author{first} and is not licensed by this edition. "
            f"This edition's notes and data: {NOTES_AND_DATA_SHORT}.")
