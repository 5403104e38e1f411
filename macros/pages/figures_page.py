"""The figures page: every figure's entry, with where the text uses it, and the
competing estimates side by side. Written from the registry and the record of uses:
the entries' bodies as HTML, their data text through `html.escape`; the rest as
Markdown, its data text through `md_text`.
"""

from __future__ import annotations

import html

from ..downloads.figures_table import COLUMNS
from ..registry.model import Figure, Registry
from ..render.escape import md_text
from ..render.formatting import format_exact, format_partial_date, format_value
from ..render.notes import source_note
from ..uses import Use
from .listing import SINGLE_PAGE, Href, ListedPage, Listing, definitions, link, page_src, pager, same
from .timeline import sort_date
from .used_in import use_links


def as_of_text(figure: Figure) -> str:
    return format_partial_date(figure.as_of) if figure.as_of else "not known"


def estimate_summary(figure: Figure, listing_: Listing = SINGLE_PAGE, on_page: str = "figures.md",
                     href: Href = same) -> str:
    """'64,000 (as of 8 February 2021; al-Hol and Roj camps only)', linked to its entry."""
    value = link(href, listing_.figure_link(figure.id, on_page), html.escape(format_value(figure)))
    return f"{value}: {html.escape(figure.label)} (as of {as_of_text(figure)}; {html.escape(figure.scope)})"


def figure_entry(figure: Figure, registry: Registry, uses: list[Use], listing_: Listing = SINGLE_PAGE,
                 others: list[Figure] = (), href: Href = same) -> str:
    """The body of one figure's entry on the figures page, in HTML; `uses` are the
    figure's own, in reading order, `others` the figures estimating the same quantity."""
    sources = [f"{source_note(s, html.escape)} {link(href, listing_.source_link(s.id), 'On the sources page')}"
               for s in registry.sources_of(figure)]
    items: list[tuple[str, str | list[str]]] = [
        # The author's words (`written`), as the CSV's column has them: once a value is
        # corrected, the data's value in the author's style would misquote the text.
        ("In the text", html.escape(figure.written)),
        ("Exact value", html.escape(format_exact(figure))),
        ("Unit", html.escape(figure.unit)),
        ("Scope", html.escape(figure.scope)),
        ("As of", as_of_text(figure)),
        ("Sources" if len(sources) > 1 else "Source", sources),
    ]
    if figure.note:
        items.append(("Editor’s note", html.escape(figure.note)))
    flags = registry.flags_of(figure.id)
    if flags:
        items.append(("Editor’s flags" if len(flags) > 1 else "Editor’s flag",
                      [html.escape(f.text) for f in flags]))
    if others:
        on_page = listing_.figure_page.get(figure.id, "figures.md")
        items.append(("Competing estimates", [estimate_summary(f, listing_, on_page, href) for f in others]))
    items.append(("Used in", use_links(uses, href) if uses else
                  html.escape(figure.unused or "not used in the text of this edition")))
    return definitions(items)


def estimates(registry: Registry) -> dict[str, list[Figure]]:
    """The figures estimating each quantity, in date order."""
    groups: dict[str, list[Figure]] = {}
    for figure in sorted(registry.figures.values(), key=sort_date):
        if figure.quantity:
            groups.setdefault(figure.quantity, []).append(figure)
    return groups


def figure_list_pages(registry: Registry, uses: dict[tuple[str, str], list[Use]], listing_: Listing,
                      href_on=lambda page: same) -> list[ListedPage]:
    """Every page of the figures list, each between pagers when there are several;
    `uses` is the record grouped by (kind, id) (uses.by_item), `href_on(page)` resolves
    the links of the list page `page` ("figures-2.md")."""
    estimating = estimates(registry)
    pages = []
    for number, figures in enumerate(listing_.figures, 1):
        listed, href = ListedPage(), href_on(page_src("figures", number))
        nav = pager("figures", number, listing_.figures)
        listed.add(nav)
        for f in figures:
            others = [g for g in estimating.get(f.quantity, []) if g is not f]
            listed.add_entry(f.id, md_text(f.label),
                             figure_entry(f, registry, uses.get(("fig", f.id), []), listing_, others, href))
        listed.add(nav)
        pages.append(listed)
    return pages


def quantities(registry: Registry) -> dict[str, list[Figure]]:
    """Figures grouped by the quantity they estimate, for quantities with two or more."""
    return {q: fs for q, fs in estimates(registry).items() if len(fs) > 1}


def estimates_table(figures: list[Figure], registry: Registry, listing_: Listing = SINGLE_PAGE) -> str:
    """Competing estimates side by side: value, source, date and scope."""
    rows = ["| Estimate | Source, as of | Scope |", "|--:|---|---|"]
    for f in figures:
        source = registry.sources_of(f)[0]
        rows.append(f"| [{md_text(format_value(f))}]({listing_.figure_link(f.id, 'figures.md')}) "
                    f"| {md_text(source.publisher or source.title)}, {as_of_text(f)} | {md_text(f.scope)} |")
    return "\n".join(rows)


def competing_estimates(registry: Registry, listing_: Listing = SINGLE_PAGE) -> str:
    """Each quantity two or more figures estimate, under its label (the id is only its anchor)."""
    blocks = []
    for quantity, figures in quantities(registry).items():
        label = md_text(registry.quantities[quantity].label)
        blocks.append(f"### Estimates of {label} {{ #quantity-{quantity} }}\n\n"
                      f"{estimates_table(figures, registry, listing_)}")
    return "\n\n".join(blocks) or "No two figures estimate the same quantity."


def _with_code(description: str) -> str:
    """A column's description, which names other columns as Markdown code (`date`), as the
    Data Package's descriptions may: in HTML, the code shown as code, the rest escaped."""
    return "".join(f"<code>{html.escape(part)}</code>" if i % 2 else html.escape(part)
                   for i, part in enumerate(description.split("`")))


def columns_list() -> str:
    """The columns of figures.csv (and of the Data Package's Table Schema), each its name
    and type above what it holds. A list, not a table: on a phone the table gave each
    description a third of the width and broke long names mid-word, and laying the table
    out was the largest part of this page's blocking time (bench/notes.md, part 19)."""
    items = [(f"<code>{html.escape(c.name)}</code> ({html.escape(c.type)})", _with_code(c.description))
             for c in COLUMNS]
    return f'<div class="column-list">\n{definitions(items)}\n</div>'
