"""Where each figure and source is cited: read once per build from the pages' Markdown.

The figures and sources pages list every use with a link to its exact place. They
may render before the pages they point to, so the uses are read from `docs/**/*.md`
up front rather than collected while pages render. The anchors named here are the
ones the macros write (`figure_anchor`) or Python-Markdown gives a footnote
reference (`fnref:`, `fnref2:`, ...); MkDocs checks every such link when building
with `validation: anchors`, so a use read wrongly fails the strict build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from mkdocs.utils.meta import get_data

from .citing import figure_anchor, footnote_key

# {{ fig('id') }} or {{ cite("id") }}, as the pages write them (the linter reads them too).
CALL = re.compile(r"""\b(fig|cite)\(\s*(['"])([^'"]+)\2\s*\)""")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{[^}]*\})?\s*#*\s*$")


@dataclass(frozen=True)
class Use:
    """One call of fig() or cite() in a page: the `number`-th of that id on that page."""

    kind: str  # "fig" or "cite"
    item_id: str
    page: str  # the page's path below docs/, as Markdown links name it
    title: str
    section: str | None
    number: int
    before: str = ""  # the Markdown of its paragraph before the call's {{ }} ...
    after: str = ""   # ... and after it, for an excerpt

    @property
    def anchor(self) -> str:
        if self.kind == "fig":
            return figure_anchor(self.item_id, self.number)
        prefix = "fnref" if self.number == 1 else f"fnref{self.number}"
        return f"{prefix}:{footnote_key('src', self.item_id)}"

    @property
    def link(self) -> str:
        return f"{self.page}#{self.anchor}"

    @property
    def place(self) -> str:
        """How a reader names the place: the page, and the section when there is one."""
        return f"{self.title} › {self.section}" if self.section else self.title


def _plain(heading: str) -> str:
    """A heading's words without macro calls or Markdown emphasis."""
    return re.sub(r"\{\{.*?\}\}|[*_`]", "", heading).strip()


def scan_page(text: str, page: str) -> list[Use]:
    """Every fig()/cite() call of one page's Markdown, in reading order, with its paragraph."""
    body, meta = get_data(text)
    title = meta.get("title") if isinstance(meta.get("title"), str) else None
    section, counts, uses = None, {}, []
    for block in re.split(r"\n[ \t]*\n", body):
        prose = []
        for line in block.splitlines():
            heading = _HEADING.match(line)
            if not heading:
                prose.append(line.strip())
            elif heading.group(1) == "#":
                title = title or _plain(heading.group(2))
            else:
                section = _plain(heading.group(2))
        paragraph = " ".join(prose)
        for match in CALL.finditer(paragraph):
            key = (match.group(1), match.group(3))
            counts[key] = counts.get(key, 0) + 1
            start, end = paragraph.rfind("{{", 0, match.start()), paragraph.find("}}", match.end())
            before = paragraph[:start] if start >= 0 else paragraph[:match.start()]
            after = paragraph[end + 2:] if end >= 0 else paragraph[match.end():]
            uses.append(Use(key[0], key[1], page, title or page, section, counts[key], before, after))
    return [replace(u, title=title or page) for u in uses]


def nav_titles(nav) -> dict[str, str]:
    """{page path: its title in mkdocs.yml's nav} ("Essay" for essay.md), where nav names one."""
    titles: dict[str, str] = {}
    for item in nav or []:
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    titles[value] = title
                else:
                    titles.update(nav_titles(value))
    return titles


def scan_docs(docs_dir: Path, titles: dict[str, str] | None = None) -> list[Use]:
    """Every use in every page under `docs_dir`, page by page in path order.

    A page is named by its title in the nav when it has one (short: "Essay"), else by
    its own title."""
    uses = []
    for path in sorted(docs_dir.rglob("*.md")):
        page = path.relative_to(docs_dir).as_posix()
        found = scan_page(path.read_text(encoding="utf-8"), page)
        if titles and page in titles:
            found = [replace(u, title=titles[page]) for u in found]
        uses.extend(found)
    return uses
