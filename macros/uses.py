"""The one record of every use of a figure or a source, made as pages render.

`fig()` and `cite()` record each call as they write it: page, line, and its number
among that page's uses of the id, which names its anchor. Once Python-Markdown has
made the page's HTML, each use is found there by its anchor (`reading/blocks.py`) and gains
the kind of block it stands in, the section above it and the words around it. The
figures and sources pages, their excerpts and the unused-id check all read this
record, once every page has rendered, as Material's tags plugin fills its listings.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .reading.blocks import Locator
from .errors import DataError
from .render.notes import figure_anchor, footnote_key


@dataclass(frozen=True)
class Use:
    """One call of fig() or cite() in a page: the `number`-th of that id on that page."""

    kind: str  # "fig" or "cite"
    item_id: str
    page: str  # the page's path below docs/, as Markdown links name it
    number: int
    line: int | None  # of the call in the page's file
    title: str = ""  # the page, as a reader names it
    block: str = ""  # "paragraph", "heading", "list item", "table cell", "admonition paragraph", ...
    section: str | None = None
    before: str = ""  # the block's words before the use ...
    after: str = ""  # ... and after it, for an excerpt
    shown: str = ""  # the words the page prints for it: on a page of the original, the author's

    @property
    def anchor(self) -> str:
        if self.kind == "fig":
            return figure_anchor(self.item_id, self.number)
        # Python-Markdown names a footnote's first reference fnref:KEY, the next fnref2:KEY.
        prefix = "fnref" if self.number == 1 else f"fnref{self.number}"
        return f"{prefix}:{footnote_key('src', self.item_id)}"

    @property
    def link(self) -> str:
        return f"{self.page}#{self.anchor}"

    @property
    def place(self) -> str:
        """How a reader names the place: the page, and the section when there is one."""
        return f"{self.title} › {self.section}" if self.section else self.title


class UseRecord:
    """Every use of the build, page by page. Pages add as they render; the data pages read
    the whole once it is complete."""

    def __init__(self) -> None:
        self._pages: dict[str, list[Use]] = {}

    def start_page(self, page: str) -> None:
        """A page begins to render: what an earlier render of it recorded is forgotten."""
        self._pages[page] = []

    def add(self, kind: str, item_id: str, page: str, number: int, line: int | None) -> None:
        """The `number`-th use of `item_id` on `page`, the number its anchor carries."""
        self._pages.setdefault(page, []).append(Use(kind, item_id, page, number, line))

    def locator(self, page: str) -> Locator | None:
        """What finds the uses of `page` as its HTML is read; None when it has none."""
        uses = self._pages.get(page)
        return Locator({u.anchor for u in uses}) if uses else None

    def place(self, page: str, title: str, locator: Locator | None) -> list[DataError]:
        """Place each use of `page` where `locator` found it in the page's HTML; a use with
        no element to land on (written inside code, a comment, an attribute or front
        matter) is an error, and so is one inside a link's text."""
        if locator is None:
            return []
        errors, placed = [], []
        for use in self._pages[page]:
            place = locator.found.get(use.anchor)
            macro = f"{use.kind}('{use.item_id}')"
            if place is None:
                errors.append(DataError(f"docs/{page}", use.line, None,
                                        f"{{{{ {macro} }}}} is written where no reader can reach it "
                                        "(in code, a comment, raw HTML, an HTML attribute or a link's address); "
                                        "move it into the text"))
                continue
            mark = f"[^{footnote_key('fig', use.item_id)}]"
            if use.kind == "fig" and place.after.startswith(mark):
                errors.append(DataError(f"docs/{page}", use.line, None,
                                        f"{{{{ {macro} }}}} stands in raw HTML, which Markdown does not read, "
                                        f"so readers would see {mark} where its note's number goes: write the "
                                        "block as Markdown, or add `markdown` to its opening tag, as in "
                                        "<div markdown>"))
            if place.in_link:
                errors.append(DataError(f"docs/{page}", use.line, None,
                                        f"{{{{ {macro} }}}} stands in a link's text, and the link to its note "
                                        "would be a link inside a link: put it outside the link, as in "
                                        f"[the link's words](...) {{{{ {macro} }}}}"))
            placed.append(replace(use, title=title, block=place.block, section=place.section,
                                  before=place.before, after=place.after, shown=place.text))
        self._pages[page] = placed
        return errors

    def in_reading_order(self) -> list[Use]:
        """Every use, page by page in path order, each page's in its order."""
        ordered = sorted(self._pages, key=lambda page: tuple(page.split("/")))
        return [use for page in ordered for use in self._pages[page]]

    def used_ids(self, kind: str) -> set[str]:
        return {u.item_id for uses in self._pages.values() for u in uses if u.kind == kind}


def by_item(uses: list[Use]) -> dict[tuple[str, str], list[Use]]:
    """The uses grouped by (kind, id), in reading order: one pass, so that listing
    thousands of entries does not rescan every use for each."""
    groups: dict[tuple[str, str], list[Use]] = {}
    for use in uses:
        groups.setdefault((use.kind, use.item_id), []).append(use)
    return groups
