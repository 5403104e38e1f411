"""Updates and corrections, written two ways: a box at the end of the page they concern,
and the list on /corrections/. `meta/head.py` puts them in the page's JSON-LD too.

The entries are read and checked with the rest of the data (registry/loading.py).
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from ..checks.front_matter import read
from ..registry.model import Correction
from ..render.escape import md_text
from ..render.formatting import format_partial_date

CORRECTIONS_PAGE = "corrections.md"


def page_title(docs_dir: Path, page: str) -> str:
    """The title a page gives itself in its front matter (its path, if it gives none)."""
    return str(read(docs_dir / page, f"docs/{page}").meta.get("title") or page)


def _entry(correction: Correction) -> str:
    return (f"**{format_partial_date(correction.date)}.** {md_text(correction.what)} "
            f"*Why:* {md_text(correction.why)}")


def box(mine: list[Correction], page: str) -> str:
    """The "Updates and corrections" box for the end of `page`, from its own corrections,
    newest first ('' when it has none)."""
    if not mine:
        return ""
    link = posixpath.relpath(CORRECTIONS_PAGE, posixpath.dirname(page) or ".")
    items = "\n".join(f"    - {_entry(c)}" for c in mine)
    return (f'!!! info corrections "Updates and corrections"\n\n{items}\n\n'
            f"    [All updates and corrections to this edition]({link})\n")


def listing(corrections: list[Correction], titles: dict[str, str]) -> str:
    """Every entry, newest first, each linked to its page: the body of /corrections/."""
    if not corrections:
        return "No page has been updated or corrected since it was published."
    ordered = sorted(corrections, key=lambda c: c.date.text, reverse=True)
    return "\n".join(f"- [{md_text(titles[c.page])}]({c.page}): {_entry(c)}" for c in ordered)
