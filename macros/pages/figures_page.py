"""The figures page: every figure's entry, with where the text uses it, and the
competing estimates side by side. Written as Markdown from the registry and the record
of uses; data text passes through `md_text`.
"""

from __future__ import annotations

from ..meta.figures_table import COLUMNS
from ..registry.model import Figure, Registry
from ..render.escape import md_text
from ..render.formatting import format_exact, format_partial_date, format_value
from ..render.notes import source_note
from ..uses import Use
from .listing import SINGLE_PAGE, Listing, definitions, entry, pager
from .timeline import sort_date
from .used_in import use_links


def as_of_text(figure: Figure) -> str:
    return format_partial_date(figure.as_of) if figure.as_of else "not known"


def estimate_summary(figure: Figure, listing_: Listing = SINGLE_PAGE, on_page: str = "figures.md") -> str:
    """'64,000 (as of 8 February 2021; al-Hol and Roj camps only)', linked to its entry."""
    link = listing_.figure_link(figure.id, on_page)
    return (f"[{md_text(format_value(figure))}]({link}): {md_text(figure.label)} "
            f"(as of {as_of_text(figure)}; {md_text(figure.scope)})")


def figure_entry(figure: Figure, registry: Registry, uses: list[Use], listing_: Listing = SINGLE_PAGE,
                 others: list[Figure] = ()) -> str:
    """One figure on the figures page, under a heading whose id is the figure's id;
    `uses` are the figure's own, in reading order, `others` the figures estimating the
    same quantity."""
    sources = [f"{source_note(s)} [On the sources page]({listing_.source_link(s.id)})"
               for s in registry.sources_of(figure)]
    items: list[tuple[str, str | list[str]]] = [
        ("Value as written", md_text(format_value(figure))),
        ("Exact value", md_text(format_exact(figure))),
        ("Unit", md_text(figure.unit)),
        ("Scope", md_text(figure.scope)),
        ("As of", as_of_text(figure)),
        ("Sources" if len(sources) > 1 else "Source", sources),
    ]
    if figure.note:
        items.append(("Editor’s note", md_text(figure.note)))
    flags = registry.flags_of(figure.id)
    if flags:
        items.append(("Editor’s flags" if len(flags) > 1 else "Editor’s flag",
                      [f"{md_text(f.message)} (Checked: {md_text(f.measured)}.)" for f in flags]))
    if others:
        on_page = listing_.figure_page.get(figure.id, "figures.md")
        items.append(("Competing estimates", [estimate_summary(f, listing_, on_page) for f in others]))
    items.append(("Used in", use_links(uses, registry) if uses else
                  md_text(figure.unused or "not used in the text of this edition")))
    return entry(figure.id, md_text(figure.label), definitions(items))


def _by_quantity(registry: Registry) -> dict[str, list[Figure]]:
    groups: dict[str, list[Figure]] = {}
    for figure in registry.figures.values():
        if figure.quantity:
            groups.setdefault(figure.quantity, []).append(figure)
    return groups


def figure_list_pages(registry: Registry, uses: dict[tuple[str, str], list[Use]], listing_: Listing) -> list[str]:
    """Every page of the figures list, each between pagers when there are several;
    `uses` is the record grouped by (kind, id) (uses.by_item)."""
    estimating = _by_quantity(registry)
    pages = []
    for number, figures in enumerate(listing_.figures, 1):
        nav = pager("figures", number, listing_.figures)
        entries = "\n\n".join(
            figure_entry(f, registry, uses.get(("fig", f.id), []), listing_,
                         [g for g in estimating.get(f.quantity, []) if g is not f])
            for f in figures)
        pages.append("\n\n".join(part for part in (nav, entries, nav) if part))
    return pages


def quantities(registry: Registry) -> dict[str, list[Figure]]:
    """Figures grouped by the quantity they estimate, for quantities with two or more."""
    return {q: sorted(fs, key=sort_date) for q, fs in _by_quantity(registry).items() if len(fs) > 1}


def estimates_table(figures: list[Figure], registry: Registry, listing_: Listing = SINGLE_PAGE) -> str:
    """Competing estimates side by side: value, source, date and scope."""
    rows = ["| Estimate | Source, as of | Scope |", "|--:|---|---|"]
    for f in figures:
        source = registry.sources_of(f)[0]
        rows.append(f"| [{md_text(format_value(f))}]({listing_.figure_link(f.id, 'figures.md')}) "
                    f"| {md_text(source.publisher or source.title)}, {as_of_text(f)} | {md_text(f.scope)} |")
    return "\n".join(rows)


def competing_estimates(registry: Registry, listing_: Listing = SINGLE_PAGE) -> str:
    blocks = []
    for quantity, figures in quantities(registry).items():
        blocks.append(f"### Estimates of `{quantity}` {{ #quantity-{quantity} }}\n\n"
                      f"{estimates_table(figures, registry, listing_)}")
    return "\n\n".join(blocks) or "No two figures estimate the same quantity."


def columns_table() -> str:
    """The columns of figures.csv (and of the Data Package's Table Schema), as a table."""
    rows = ["| Column | Type | What it holds |", "|---|---|---|"]
    rows += [f"| `{c.name}` | {c.type} | {md_text(c.description)} |" for c in COLUMNS]
    return "\n".join(rows)
