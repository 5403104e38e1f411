"""Which changed pages a phone cannot get in its first round trip.

A page paints only once its HTML is in. The phone Lighthouse simulates, on which `make
bench` compares this site with stock Material, gets 14,600 B in its first round trip: ten
TCP segments of 1,460 B, the response's headers included. A page whose HTML is past that
waits a round trip more, about 150 ms on that phone. An editor's note of 72 B did this to
the essay once (bench/notes.md, issue 20, part 25), and only the next bench run found it.
The review tells the reviewer instead: each page whose HTML differs between the builds,
gzipped as a static host sends it, with how it stands against the window.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path

FIRST_ROUND_TRIP = 14_600  # bytes, headers included
# What the response's headers take of it, as the bench's host sends an HTML page (bench/
# static_server.py: 224 or 225 B); a host that sends more headers leaves a page less.
HEADERS = 225
ROOM = FIRST_ROUND_TRIP - HEADERS  # for a page's HTML, gzipped


@dataclass(frozen=True)
class Weight:
    """A page whose HTML differs: its size gzipped, before (None: a new page) and after."""

    page: str  # its file in the built site: essay/index.html
    before: int | None
    after: int

    @property
    def address(self) -> str:
        return "/" + self.page.removesuffix("index.html")

    @property
    def past(self) -> bool:
        return self.after > ROOM

    @property
    def was_past(self) -> bool:
        return self.before is not None and self.before > ROOM


def gzipped(html: bytes) -> int:
    """The page's size as a static host sends it: gzip at its usual level (the bench's host too)."""
    return len(gzip.compress(html, compresslevel=6, mtime=0))


def page_weights(old_site: Path, new_site: Path) -> list[Weight]:
    """Each page of the new build whose HTML is new or differs from the old build's, in
    the order of its file's path."""
    weights = []
    for path in sorted(new_site.rglob("*.html")):
        name = path.relative_to(new_site).as_posix()
        after, old = path.read_bytes(), old_site / name
        before = old.read_bytes() if old.is_file() else None
        if before != after:
            weights.append(Weight(name, None if before is None else gzipped(before), gzipped(after)))
    return weights
