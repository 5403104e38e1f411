"""The timeline page: the dated events the text mentions, earliest first."""

from __future__ import annotations

from ..registry.model import Figure, PartialDate, Range, Registry
from ..render.escape import md_text
from ..render.formatting import format_exact


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
