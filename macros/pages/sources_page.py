"""The sources page: every source, what kind it is, and which figures and places cite it.

Written as Markdown from the registry and the record of uses; data text passes
through `md_text`, and what the data leaves unknown is said to be unknown.
"""

from __future__ import annotations

import html

from ..registry.model import SOURCE_KINDS, Figure, Registry, Source
from ..render.escape import md_text
from ..render.formatting import format_partial_date, format_value
from ..uses import Use, by_item
from .listing import SINGLE_PAGE, Listing, definitions, entry, group_of, pager
from .used_in import use_links


def source_entry(source: Source, registry: Registry, places: list[Use], figures: list[Figure],
                 listing_: Listing = SINGLE_PAGE) -> str:
    """One source on the sources page: its details, kind, and what cites it where.

    `figures` are the figures citing it; `places` its cite() calls and the uses of those
    figures, in reading order."""
    unknown = "not known"  # the data leaves unknown fields empty; we say so, never guess
    link = (f'<a href="{html.escape(source.url, quote=True)}">{md_text(source.url)}</a>' if source.url
            else "no public link located")
    items: list[tuple[str, str | list[str]]] = [
        ("Author", md_text(str(source.author)) if source.author else unknown),
        ("Publisher", md_text(source.publisher) if source.publisher else unknown),
        ("Date", format_partial_date(source.date) if source.date else unknown),
        ("Link", link),
    ]
    if source.accessed:
        items.append(("Accessed", format_partial_date(source.accessed)))
    if source.archive_url:
        archive = html.escape(source.archive_url, quote=True)
        items.append(("Archived copy", f'<a href="{archive}">{md_text(source.archive_url)}</a>'))
    items.append(("Kind", SOURCE_KINDS[source.kind].label))
    if source.note:
        items.append(("Note", md_text(source.note)))
    if figures:
        items.append(("Figures citing it", [f"[{md_text(format_value(f))}: {md_text(f.label)}]({listing_.figure_link(f.id)})"
                                            for f in figures]))
    links = [link + (f" ({md_text(format_value(registry.figures[u.item_id]))})" if u.kind == "fig" else "")
             for u, link in zip(places, use_links(places, registry))]
    items.append(("Cited in", links if places else
                  md_text(source.unused or "not cited in the text of this edition")))
    return entry(source.id, md_text(source.title), definitions(items))


def source_list_pages(registry: Registry, uses: list[Use], listing_: Listing) -> list[str]:
    """Every page of the sources list, its sources under their groups' headings; `uses`
    is the whole record in reading order."""
    # Who cites what, gathered in one pass (per source it was quadratic at 1,000 items).
    citing: dict[str, list[Figure]] = {}
    for figure in registry.figures.values():
        for source_id in figure.sources:
            citing.setdefault(source_id, []).append(figure)
    groups = by_item(uses)
    order = {id(use): n for n, use in enumerate(uses)}

    def entry_of(source: Source) -> str:
        figures = citing.get(source.id, [])
        # Its cite() calls and the uses of the figures citing it, in reading order.
        keys = [("cite", source.id)] + [("fig", f.id) for f in figures]
        places = sorted((u for k in keys for u in groups.get(k, [])), key=lambda u: order[id(u)])
        return source_entry(source, registry, places, figures, listing_)

    pages = []
    for number, sources in enumerate(listing_.sources, 1):
        blocks, heading = [], None
        for source in sources:
            if group_of(source) != heading:
                heading = group_of(source)
                blocks.append(f"## {heading}")
            blocks.append(entry_of(source))
        nav = pager("sources", number, listing_.sources)
        pages.append("\n\n".join(part for part in (nav, *blocks, nav) if part))
    return pages
