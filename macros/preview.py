"""The preview `make serve` builds: the pages being edited and what depends on them.

A full build at 1,000 Rundown items takes most of a minute, and `mkdocs serve` makes one
after every save. With `extra.preview: N` (mkdocs.yml reads it from PREVIEW_ITEMS, which
`make serve` sets to 10; 0, the default, is the full build) a build keeps:

- every page that is not a Rundown item: the essay, the front page, the Rundown's index,
  the data pages, about and corrections;
- the N Rundown items whose files were saved last, so the item being edited is always
  among them;
- the first page of the figures and sources lists.

It leaves out the other items, the lists' further pages and the data downloads, does
not report what no page uses (the left-out pages use it), and does not check links
(some lead to what was left out). A banner on every page says so. `make build`, `make test` and CI build
everything, strictly.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from .pages.article import POSTS_DIR
from .pages.listing import Listing


def kept_items(docs_dir: Path, count: int) -> set[str]:
    """The `count` Rundown items saved last, as paths under docs/ (rundown/posts/x.md)."""
    posts = sorted((docs_dir / POSTS_DIR).glob("*.md"), key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)
    return {f"{POSTS_DIR}/{p.name}" for p in posts[:count]}


def left_out(docs_dir: Path, kept: set[str]) -> set[str]:
    """The Rundown items a preview does not build."""
    return {f"{POSTS_DIR}/{p.name}" for p in (docs_dir / POSTS_DIR).glob("*.md")} - kept


def first_pages(listing: Listing) -> Listing:
    """The figures and sources lists cut to their first pages."""
    return replace(listing, figures=listing.figures[:1], sources=listing.sources[:1])


def unchecked_links(config) -> None:
    """Links to left-out pages are expected in a preview: log them as INFO, not warnings."""
    links = config["validation"]["links"]
    for kind in ("not_found", "anchors", "unrecognized_links", "absolute_links"):
        links[kind] = logging.INFO


def banner(kept: int, total: int) -> str:
    return (f"Preview: {kept} of {total} Rundown items built, the figures and sources lists cut to their "
            "first page, no downloads, links unchecked. `make build` builds the whole site.")
