"""Which page lists each figure and source, in what order, and the parts all entries share.

Past `per_page` entries (mkdocs.yml, `extra.data_pages.per_page`) the figures and
sources lists go on over figures-2.md, figures-3.md, ...: at 1,000 Rundown items the
one figures page weighed 415 KB gzip, four times a page's budget. The build adds those
pages as generated files (`events.py`); their text is written here.

A list page is written in two parts (`ListedPage`). Its Markdown holds the pager, the
group headings and each entry's heading, so that MkDocs gives them their ids,
permalinks and place in the contents. Each entry's body, the bulk of the page, is
written as HTML and put in after: at 1,000 items Python-Markdown spent a quarter of the
build converting 7 MB of bodies whose every part the data already gives. Links in the
bodies name `.md` files and anchors, as Markdown links would; the build resolves them
and hands them to MkDocs' own anchor check (`links.py`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..registry.model import Figure, Registry, Source

# The sources page groups its entries under these headings, in this order.
SOURCE_GROUPS = (
    ("Published sources", lambda s: s.has_public_record and not s.unused),
    ("Attributed in the essay; no public record located", lambda s: s.kind == "attribution" and not s.unused),
    ("The essay’s own account", lambda s: s.kind == "unchecked" and not s.unused),
    ("Kept on record, not cited", lambda s: bool(s.unused)),
)


def ordered_sources(registry: Registry) -> list[Source]:
    """The sources in the order the sources page lists them: group by group."""
    return [s for _heading, belongs in SOURCE_GROUPS for s in registry.sources.values() if belongs(s)]


def group_of(source: Source) -> str:
    return next(heading for heading, belongs in SOURCE_GROUPS if belongs(source))


def page_src(base: str, number: int) -> str:
    """The Markdown file of page `number` (from 1) of a list: figures.md, figures-2.md, ..."""
    return f"{base}.md" if number == 1 else f"{base}-{number}.md"


@dataclass(frozen=True)
class Listing:
    """Which page lists each figure and each source, and what each page lists."""

    figures: list[list[Figure]]
    sources: list[list[Source]]
    figure_page: dict[str, str]  # figure id -> "figures-2.md"
    source_page: dict[str, str]

    def figure_link(self, figure_id: str, on_page: str | None = None) -> str:
        """A link to the figure's entry; `#id` alone from the page that lists it."""
        page = self.figure_page.get(figure_id, "figures.md")
        return f"#{figure_id}" if page == on_page else f"{page}#{figure_id}"

    def source_link(self, source_id: str) -> str:
        return f"{self.source_page.get(source_id, 'sources.md')}#{source_id}"

    def lists(self, base: str) -> list[list]:
        return self.figures if base == "figures" else self.sources


def _pages(items: list, per_page: int) -> list[list]:
    return [items[i:i + per_page] for i in range(0, len(items), per_page)] or [[]]


def listing(registry: Registry, per_page: int) -> Listing:
    figures = _pages(list(registry.figures.values()), per_page)
    sources = _pages(ordered_sources(registry), per_page)
    return Listing(
        figures=figures, sources=sources,
        figure_page={f.id: page_src("figures", n) for n, page in enumerate(figures, 1) for f in page},
        source_page={s.id: page_src("sources", n) for n, page in enumerate(sources, 1) for s in page})


SINGLE_PAGE = Listing([], [], {}, {})  # everything on figures.md and sources.md


def entry_range(pages: list[list], number: int) -> tuple[int, int]:
    """The first and last entry (counted from 1) on page `number` of a list."""
    first = sum(len(p) for p in pages[:number - 1]) + 1
    return first, first + len(pages[number - 1]) - 1


def pager(base: str, number: int, pages: list[list]) -> str:
    """'← Figures 1–50 · Figures 51–100 of 5,020 · Figures 101–150 →', or nothing on one page."""
    if len(pages) < 2:
        return ""

    def span(n: int) -> str:
        first, last = entry_range(pages, n)
        return f"{base.capitalize()} {first:,}–{last:,}"

    parts = [f"[← {span(number - 1)}]({page_src(base, number - 1)})"] if number > 1 else []
    parts.append(f"**{span(number)} of {sum(map(len, pages)):,}** (page {number} of {len(pages)})")
    if number < len(pages):
        parts.append(f"[{span(number + 1)} →]({page_src(base, number + 1)})")
    return " · ".join(parts) + "\n{ .data-pager }"


def listing_mark(base: str, number: int) -> str:
    """Where page `number` of the figures or sources list goes until every use is known."""
    return f"<!-- {base} list, page {number}: written once every page has rendered -->"


def continuation_page(base: str, number: int, listing_: Listing) -> str:
    """The Markdown of page `number` (2 or more) of the figures or sources list."""
    noun, macro = base.capitalize(), {"figures": "figure_list", "sources": "source_list"}[base]
    first, last = entry_range(listing_.lists(base), number)
    return (f"---\ntitle: {noun} {first:,}–{last:,}\n"
            f"description: {noun} {first:,} to {last:,} of this edition’s data, continued from "
            f"the {base} page.\n---\n\n"
            f"# {noun} {first:,}–{last:,}\n\n{{{{ {macro}({number}) }}}}\n")


Href = Callable[[str], str]  # "essay.md#fig-a-1" -> the href that reaches it from the list page


def same(target: str) -> str:
    """Links left as the data pages name them: `.md` paths (for tests and previews)."""
    return target


def link(href: Href, target: str, text: str) -> str:
    """An HTML link to `target` (a `.md` path and anchor); `text` is HTML already."""
    return f'<a href="{html.escape(href(target), quote=True)}">{text}</a>'


def definitions(items: list[tuple[str, str | list[str]]]) -> str:
    """A definition list, as Python-Markdown's `def_list` writes one; a list value
    becomes a bullet list. Terms and values are HTML already."""
    rows = []
    for term, value in items:
        if isinstance(value, list):
            value = "\n<ul>\n" + "".join(f"<li>{line}</li>\n" for line in value) + "</ul>\n"
        rows.append(f"<dt>{term}</dt>\n<dd>{value}</dd>\n")
    return "<dl>\n" + "".join(rows) + "</dl>"


# An entry's heading in the HTML Python-Markdown makes of a list page (ids are the data's slugs).
_ENTRY_HEADING = re.compile(r'<h3 id="([^"]+)">.*?</h3>', re.S)


@dataclass
class ListedPage:
    """One page of a list: its Markdown (pager, group headings, and each entry's heading,
    whose id is the item's), and each entry's body as HTML, by the item's id. Each body is
    put in after its heading once the Markdown is HTML, found by the heading's id: marks
    in the Markdown to find them by took half the time the list pages' Markdown cost."""

    markdown_parts: list[tuple[str, str | None]] = field(default_factory=list)  # (Markdown, entry's id)
    bodies: dict[str, str] = field(default_factory=dict)

    def add(self, markdown: str) -> None:
        self.markdown_parts.append((markdown, None))

    def add_entry(self, item_id: str, heading: str, body: str) -> None:
        self.markdown_parts.append((f"### {heading} {{ #{item_id} }}", item_id))
        self.bodies[item_id] = body

    @property
    def markdown(self) -> str:
        return "\n\n".join(part for part, _entry in self.markdown_parts if part)

    def written_out(self) -> str:
        """The page's Markdown with each entry written out in an md_in_html box, which
        renders as the page does: for whatever reads `page.markdown` after the build
        (the bench publishes it without macros)."""
        return "\n\n".join(f'<div class="data-entry" markdown>\n\n{part}\n\n{self.bodies[entry]}\n\n</div>'
                           if entry else part for part, entry in self.markdown_parts if part)

    def html(self, content: str) -> str:
        """The page's HTML with each entry in its box: its heading, then its body."""
        def entry(heading: re.Match) -> str:
            body = self.bodies.get(heading.group(1))
            if body is None:  # a heading the page's own text wrote
                return heading.group(0)
            return f'<div class="data-entry">\n{heading.group(0)}\n{body}\n</div>'
        return _ENTRY_HEADING.sub(entry, content)
