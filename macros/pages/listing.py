"""Which page lists each figure and source, in what order, and the Markdown all entries share.

Past `per_page` entries (mkdocs.yml, `extra.data_pages.per_page`) the figures and
sources lists go on over figures-2.md, figures-3.md, ...: at 1,000 Rundown items the
one figures page weighed 415 KB gzip, four times a page's budget. The build adds those
pages as generated files (`events.py`); their Markdown is written here.

Links to other pages are Markdown links to their `.md` files, relative to docs/ (the
data pages sit at its root), so MkDocs resolves them and `--strict` checks every page
and anchor they name.
"""

from __future__ import annotations

from dataclasses import dataclass

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
            f"description: {noun} {first:,} to {last:,} of this edition's data, continued from "
            f"the {base} page.\n---\n\n"
            f"# {noun} {first:,}–{last:,}\n\n{{{{ {macro}({number}) }}}}\n")


def definitions(items: list[tuple[str, str | list[str]]]) -> str:
    """A definition list (Python-Markdown `def_list`); a list value becomes a bullet list."""
    blocks = []
    for term, value in items:
        if isinstance(value, list):
            value = "\n    ".join(f"- {line}" for line in value)
        blocks.append(f"{term}\n:   {value}")
    return "\n\n".join(blocks)


def entry(item_id: str, heading: str, body: str) -> str:
    """A figure or source entry: a box (md_in_html) holding its heading, whose id is the item's."""
    return f'<div class="data-entry" markdown>\n\n### {heading} {{ #{item_id} }}\n\n{body}\n\n</div>'
