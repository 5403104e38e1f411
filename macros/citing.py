"""Rendering: a figure in the text, and the footnote that says where it came from.

Everything from the data passes through `md_text` before it meets Markdown, so a
title holding `<script>` or `*` is printed as text, never run or reinterpreted.
"""

from __future__ import annotations

import html
import re

from .formatting import format_exact, format_partial_date, format_value
from .model import Figure, Registry, Source

# Markdown characters that would start emphasis, code, links or attribute lists mid-line.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]])")


def md_text(text: str) -> str:
    """Data text, safe in Markdown and HTML: HTML escaped, Markdown syntax backslashed."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=True))


def footnote_key(kind: str, item_id: str) -> str:
    return f"{kind}-{item_id}"


def source_citation(source: Source) -> str:
    """One source as a reader expects it: author, linked title, publisher, date, note."""
    if source.kind == "attribution":
        return f"attributed in the essay to {md_text(source.title)}; no public record located."
    if source.kind == "unchecked":
        return "the essay’s own account; this edition has not checked it against a separate source."
    title = f"“{md_text(source.title)}”"
    if source.url:
        title = f'<a href="{html.escape(source.url, quote=True)}">{title}</a>'
    parts = [md_text(source.author)] if source.author else []
    parts.append(title)
    if source.publisher:
        parts.append(md_text(source.publisher))
    parts.append(format_partial_date(source.date) if source.date else "date not known")
    text = ", ".join(parts) + "."
    if not source.url:
        text += " No public link confirmed."
    if source.note:
        text += f" {md_text(source.note)}"
    return text


def _as_of(figure: Figure) -> str:
    return f"As of {format_partial_date(figure.as_of)}." if figure.as_of else "Date of the estimate not known."


def figure_note(figure: Figure, registry: Registry) -> str:
    """The footnote body for a figure: value, what it counts, source(s), date, scope, note."""
    sources = " ".join(
        ("Source: " if i == 0 else "Also: ") + source_citation(s)
        for i, s in enumerate(registry.sources_of(figure))
    )
    shown, exact = format_value(figure), format_exact(figure)
    lead = f"**{md_text(shown)}**" + (f" ({md_text(exact)})" if exact != shown else "")
    lead += f": {md_text(figure.label)}."
    body = f"{lead} {sources} {_as_of(figure)} Scope: {md_text(figure.scope)}."
    if figure.note:
        body += f'\n\n    <span class="editor-note">**Editor’s note:** {md_text(figure.note)}</span>'
    return body


def source_note(source: Source) -> str:
    """The footnote body for an attributed claim without a number."""
    text = source_citation(source)
    return text[0].upper() + text[1:]


def figure_anchor(figure_id: str, number: int) -> str:
    """The id of a figure's `number`-th use on a page, which the figures page links to."""
    return f"fig-{figure_id}-{number}"


def figure_inline(figure: Figure, number: int = 1) -> str:
    """The figure in running text (its `number`-th use on the page), then its footnote reference."""
    return (f'<span class="fig" data-figure="{figure.id}" id="{figure_anchor(figure.id, number)}">'
            f"{md_text(format_value(figure))}</span>[^{footnote_key('fig', figure.id)}]")


def claim_inline(source: Source) -> str:
    return f"[^{footnote_key('src', source.id)}]"


class PageNotes:
    """The footnotes one page cites, each once, in first-use order."""

    def __init__(self) -> None:
        self._bodies: dict[str, str] = {}

    def add(self, key: str, body: str) -> None:
        self._bodies.setdefault(key, body)

    def __bool__(self) -> bool:
        return bool(self._bodies)

    def definitions(self, markdown: str) -> str:
        """The notes `markdown` refers to (none, if a template error replaced the page)."""
        return "\n\n".join(f"[^{key}]: {body}" for key, body in self._bodies.items()
                           if f"[^{key}]" in markdown)
