"""The sources page: every source, what kind it is, and which figures and places cite it.

Written from the registry and the record of uses: the entries' bodies as HTML, their
data text through `html.escape`; headings as Markdown, through `md_text`. What the data
leaves unknown is said to be unknown.
"""

from __future__ import annotations

import html

from ..registry.model import SOURCE_KINDS, Figure, Registry, Source
from ..render.escape import md_text
from ..render.formatting import format_partial_date, format_value
from ..uses import Use, by_item
from .listing import SINGLE_PAGE, Href, ListedPage, Listing, definitions, group_of, link, page_src, pager, same
from .used_in import use_links


def source_entry(source: Source, places: list[Use], figures: list[Figure],
                 listing_: Listing = SINGLE_PAGE, href: Href = same) -> str:
    """The body of one source's entry on the sources page, in HTML: its details, kind,
    and what cites it where.

    `figures` are the figures citing it; `places` its cite() calls and the uses of those
    figures, in reading order."""
    unknown = "not known"  # the data leaves unknown fields empty; we say so, never guess
    address = (f'<a href="{html.escape(source.url)}">{html.escape(source.url)}</a>' if source.url
               else "no public link located")
    items: list[tuple[str, str | list[str]]] = [
        ("Author", html.escape(str(source.author)) if source.author else unknown),
        ("Publisher", html.escape(source.publisher) if source.publisher else unknown),
        ("Date", format_partial_date(source.date) if source.date else unknown),
        ("Link", address),
    ]
    if source.accessed:
        items.append(("Accessed", format_partial_date(source.accessed)))
    if source.archive_url:
        archive = html.escape(source.archive_url)
        items.append(("Archived copy", f'<a href="{archive}">{archive}</a>'))
    items.append(("Kind", html.escape(SOURCE_KINDS[source.kind].label)))
    if source.note:
        items.append(("Note", html.escape(source.note)))
    if figures:
        items.append(("Figures citing it", [
            link(href, listing_.figure_link(f.id), f"{html.escape(format_value(f))}: {html.escape(f.label)}")
            for f in figures]))
    # Each place with the words around it, its figure in bold as the page prints it; a
    # value beside them would be the data's, read as the author's once a value changes.
    items.append(("Cited in", use_links(places, href) if places else
                  html.escape(source.unused or "not cited in the text of this edition")))
    return definitions(items)


def source_list_pages(registry: Registry, uses: list[Use], listing_: Listing,
                      href_on=lambda page: same) -> list[ListedPage]:
    """Every page of the sources list, its sources under their groups' headings; `uses`
    is the whole record in reading order, `href_on(page)` resolves the links of the list
    page `page` ("sources-2.md")."""
    # Who cites what, gathered in one pass (per source it was quadratic at 1,000 items).
    citing: dict[str, list[Figure]] = {}
    for figure in registry.figures.values():
        for source_id in figure.sources:
            citing.setdefault(source_id, []).append(figure)
    groups = by_item(uses)
    order = {id(use): n for n, use in enumerate(uses)}

    def places_of(source: Source) -> list[Use]:
        """Its cite() calls and the uses of the figures citing it, in reading order."""
        keys = [("cite", source.id)] + [("fig", f.id) for f in citing.get(source.id, [])]
        return sorted((u for k in keys for u in groups.get(k, [])), key=lambda u: order[id(u)])

    pages = []
    for number, sources in enumerate(listing_.sources, 1):
        listed, href, heading = ListedPage(), href_on(page_src("sources", number)), None
        nav = pager("sources", number, listing_.sources)
        listed.add(nav)
        for source in sources:
            if group_of(source) != heading:
                heading = group_of(source)
                listed.add(f"## {heading}")
            listed.add_entry(source.id, md_text(source.title),
                             source_entry(source, places_of(source), citing.get(source.id, []),
                                          listing_, href))
        listed.add(nav)
        pages.append(listed)
    return pages
