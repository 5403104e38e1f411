"""The figures, sources and timeline pages, written as Markdown from the registry.

Links to other pages are Markdown links to their `.md` files, relative to docs/
(the data pages sit at its root), so MkDocs resolves them and `--strict` checks
every page and anchor they name. Data text passes through `md_text`.
"""

from __future__ import annotations

import html
import re

from .citing import md_text, source_note
from .formatting import format_exact, format_partial_date, format_value
from .model import Figure, PartialDate, Range, Registry, Source
from .uses import Use

ATTRIBUTION_LABEL = "attributed in the essay; no public record located"

KIND_LABELS = {
    "original": "the essay as first published",
    "reprint": "a later copy of the essay",
    "report": "report or data set",
    "statement": "official statement or press release",
    "news": "news article",
    "analysis": "journal article, case study or book chapter",
    "attribution": ATTRIBUTION_LABEL,
    "unchecked": "the essay’s own account, not checked against a separate source",
}


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


_MACRO = re.compile(r"""\{\{\s*(fig|cite)\(\s*['"]([^'"]+)['"]\s*\)\s*\}\}""")
_MARKUP = re.compile(r"\*\*|__|(?<!\w)[*_](?!\s)|(?<!\s)[*_](?!\w)|`|<[^>]*>|\{[^}]*\}")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
EXCERPT_WORDS = 10  # words of context on each side of the figure


def _prose(markdown: str, registry: Registry) -> str:
    """A line's words as a reader reads them: figures written out, notes and markup dropped."""
    def written(match):
        if match.group(1) == "cite" or match.group(2) not in registry.figures:
            return ""
        return format_value(registry.figures[match.group(2)])
    text = _LINK.sub(r"\1", _MACRO.sub(written, markdown))
    return " ".join(_MARKUP.sub("", text).split())


def excerpt(use: Use, registry: Registry) -> str:
    """The words around a use, the figure in bold: '…range from **45,000** by Human…'."""
    before = _prose(use.before, registry).split()
    after = _prose(use.after, registry).split()
    left = ("…" if len(before) > EXCERPT_WORDS else "") + " ".join(before[-EXCERPT_WORDS:])
    right = " ".join(after[:EXCERPT_WORDS]) + ("…" if len(after) > EXCERPT_WORDS else "")
    if use.kind == "fig" and use.item_id in registry.figures:
        middle = f" **{md_text(format_value(registry.figures[use.item_id]))}**"
    else:
        middle = "[note]"  # a note marker sits on the word before it
    space = "" if right[:1] in ("", ".", ",", ";", ":", "!", "?", ")", "”", "’") else " "
    return (md_text(left) + middle + space + md_text(right)).strip()


def use_links(uses: list[Use], registry: Registry | None = None) -> list[str]:
    """Each use as a link to its place, with the words around it when `registry` is given.

    The words are kept out of the search index: they are the text's own, which search
    finds on its page, and quoted here they only made every search list them twice."""
    return [f"[{md_text(u.place)}]({u.link})"
            + (f": “<span data-search-exclude>{excerpt(u, registry)}</span>”" if registry else "")
            for u in uses]


def figure_uses(figure_id: str, uses: list[Use]) -> list[Use]:
    return [u for u in uses if u.kind == "fig" and u.item_id == figure_id]


def uses_by_item(uses: list[Use]) -> dict[tuple[str, str], list[Use]]:
    """The uses grouped by (kind, id), in reading order: one pass, so that listing
    thousands of entries does not rescan every use for each (it was quadratic)."""
    groups: dict[tuple[str, str], list[Use]] = {}
    for use in uses:
        groups.setdefault((use.kind, use.item_id), []).append(use)
    return groups


def competitors(figure: Figure, registry: Registry) -> list[Figure]:
    """The other figures that estimate the same quantity."""
    if not figure.quantity:
        return []
    return [f for f in registry.figures.values() if f.quantity == figure.quantity and f.id != figure.id]


def as_of_text(figure: Figure) -> str:
    return format_partial_date(figure.as_of) if figure.as_of else "not known"


def estimate_summary(figure: Figure) -> str:
    """'64,000 (as of 8 February 2021; al-Hol and Roj camps only)', linked to its entry."""
    return (f"[{md_text(format_value(figure))}](#{figure.id}): {md_text(figure.label)} "
            f"(as of {as_of_text(figure)}; {md_text(figure.scope)})")


def figure_entry(figure: Figure, registry: Registry, uses: list[Use]) -> str:
    """One figure on the figures page, under a heading whose id is the figure's id."""
    sources = [f"{source_note(s)} [On the sources page](sources.md#{s.id})" for s in registry.sources_of(figure)]
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
    others = competitors(figure, registry)
    if others:
        items.append(("Competing estimates", [estimate_summary(f) for f in others]))
    found = figure_uses(figure.id, uses)
    items.append(("Used in", use_links(found, registry) if found else
                  md_text(figure.unused or "not used in the text of this edition")))
    return entry(figure.id, md_text(figure.label), definitions(items))


def figure_entries(registry: Registry, uses: list[Use]) -> str:
    groups = uses_by_item(uses)
    return "\n\n".join(figure_entry(f, registry, groups.get(("fig", f.id), []))
                       for f in registry.figures.values())


def quantities(registry: Registry) -> dict[str, list[Figure]]:
    """Figures grouped by the quantity they estimate, for quantities with two or more."""
    groups: dict[str, list[Figure]] = {}
    for figure in registry.figures.values():
        if figure.quantity:
            groups.setdefault(figure.quantity, []).append(figure)
    return {q: sorted(fs, key=sort_date) for q, fs in groups.items() if len(fs) > 1}


def estimates_table(figures: list[Figure], registry: Registry) -> str:
    """Competing estimates side by side: value, source, date and scope."""
    rows = ["| Estimate | Source, as of | Scope |", "|--:|---|---|"]
    for f in figures:
        source = registry.sources_of(f)[0]
        rows.append(f"| [{md_text(format_value(f))}](#{f.id}) "
                    f"| {md_text(source.publisher or source.title)}, {as_of_text(f)} | {md_text(f.scope)} |")
    return "\n".join(rows)


def competing_estimates(registry: Registry) -> str:
    blocks = []
    for quantity, figures in quantities(registry).items():
        blocks.append(f"### Estimates of `{quantity}` {{ #quantity-{quantity} }}\n\n"
                      f"{estimates_table(figures, registry)}")
    return "\n\n".join(blocks) or "No two figures estimate the same quantity."


def source_entry(source: Source, registry: Registry, uses: list[Use],
                 figures: list[Figure] | None = None) -> str:
    """One source on the sources page: its details, kind, and what cites it where.

    `figures`, the figures citing it, is looked up when not given."""
    if figures is None:
        figures = [f for f in registry.figures.values() if source.id in f.sources]
    figure_ids = {f.id for f in figures}
    places = [u for u in uses if (u.kind == "cite" and u.item_id == source.id)
              or (u.kind == "fig" and u.item_id in figure_ids)]
    unknown = "not known"  # the data leaves unknown fields empty; we say so, never guess
    link = (f'<a href="{html.escape(source.url, quote=True)}">{md_text(source.url)}</a>' if source.url
            else "no public link located")
    items: list[tuple[str, str | list[str]]] = [
        ("Author", md_text(source.author) if source.author else unknown),
        ("Publisher", md_text(source.publisher) if source.publisher else unknown),
        ("Date", format_partial_date(source.date) if source.date else unknown),
        ("Link", link),
        ("Kind", KIND_LABELS.get(source.kind, md_text(source.kind))),
    ]
    if source.note:
        items.append(("Note", md_text(source.note)))
    if figures:
        items.append(("Figures citing it", [f"[{md_text(format_value(f))}: {md_text(f.label)}](figures.md#{f.id})"
                                            for f in figures]))
    values = {f.id: format_value(f) for f in figures}
    links = [link + (f" ({md_text(values[u.item_id])})" if u.kind == "fig" else "")
             for u, link in zip(places, use_links(places, registry))]
    items.append(("Cited in", links if places else
                  md_text(source.unused or "not cited in the text of this edition")))
    return entry(source.id, md_text(source.title), definitions(items))


SOURCE_GROUPS = (
    ("Published sources", lambda s: s.has_public_record and not s.unused),
    ("Attributed in the essay; no public record located", lambda s: s.kind == "attribution" and not s.unused),
    ("The essay’s own account", lambda s: s.kind == "unchecked" and not s.unused),
    ("Kept on record, not cited", lambda s: bool(s.unused)),
)


def source_entries(registry: Registry, uses: list[Use]) -> str:
    # Who cites what, gathered in one pass (per source it was quadratic at 1,000 items).
    citing: dict[str, list[Figure]] = {}
    for figure in registry.figures.values():
        for source_id in figure.sources:
            citing.setdefault(source_id, []).append(figure)
    groups = uses_by_item(uses)
    order = {id(use): n for n, use in enumerate(uses)}

    def entry_of(source: Source) -> str:
        figures = citing.get(source.id, [])
        # Its cite() calls and the uses of the figures citing it, in reading order.
        keys = [("cite", source.id)] + [("fig", f.id) for f in figures]
        places = sorted((u for k in keys for u in groups.get(k, [])), key=lambda u: order[id(u)])
        return source_entry(source, registry, places, figures)

    blocks = []
    for heading, belongs in SOURCE_GROUPS:
        members = [s for s in registry.sources.values() if belongs(s)]
        if members:
            blocks.append(f"## {heading}\n\n" + "\n\n".join(entry_of(s) for s in members))
    return "\n\n".join(blocks)


def sort_date(figure: Figure) -> str:
    """The date a figure describes, as sortable text: an event's (first) day, else its as-of."""
    value = figure.value
    first = value.low if isinstance(value, Range) else value
    return first.text if isinstance(first, PartialDate) else (figure.as_of.text if figure.as_of else "")


def events(registry: Registry) -> list[Figure]:
    """The dated events, earliest first (data order breaks ties)."""
    return sorted((f for f in registry.figures.values() if f.event), key=sort_date)


def timeline_entry(figure: Figure, inline: str) -> str:
    """One event: its date in full, what happened, and the essay's words with their note."""
    when = format_exact(figure)
    start = sort_date(figure)
    return f'- <time datetime="{start}">{md_text(when)}</time>: {md_text(figure.label)} (in the text: {inline}).'


def timeline(registry: Registry, inline) -> str:
    """The timeline list; `inline(figure)` writes the figure with its footnote."""
    entries = "\n".join(timeline_entry(f, inline(f)) for f in events(registry))
    return f'<div class="data-timeline" markdown>\n\n{entries}\n\n</div>'
