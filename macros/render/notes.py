"""A figure in the text, and the footnote that says where it came from.

Everything from the data passes through `escape.py` before it meets Markdown.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from ..registry.model import Figure, Registry, Source
from .escape import attr_text, md_text
from .formatting import format_exact, format_partial_date, format_value


def footnote_key(kind: str, item_id: str) -> str:
    return f"{kind}-{item_id}"


def source_citation(source: Source, text: Callable[[str], str] = md_text) -> str:
    """One source as a reader expects it: author, linked title, publisher, date, note;
    its data escaped by `text`, for Markdown (the notes) or for HTML (the figures list)."""
    if source.kind == "attribution":
        return f"attributed in the essay to {text(source.title)}; no public record located."
    if source.kind == "unchecked":
        # Never "Source: the essay": say plainly that nothing backs the statement yet.
        return "no source is given in the essay, and this edition has not yet checked it against one."
    title = f"“{text(source.title)}”"
    if source.url:
        title = f'<a href="{html.escape(source.url, quote=True)}">{title}</a>'
    parts = [text(str(source.author))] if source.author else []
    parts.append(title)
    if source.publisher:
        parts.append(text(source.publisher))
    parts.append(format_partial_date(source.date) if source.date else "date not known")
    citation = ", ".join(parts) + "."
    if not source.url:
        citation += " No public link confirmed."
    citation += access_and_archive(source)
    if source.note:
        citation += f" {text(source.note)}"
    return citation


def access_and_archive(source: Source) -> str:
    """" Accessed 25 November 2026; archived copy." (linked), or nothing without a URL:
    so that a reader can still find the page once its address has rotted."""
    if not source.accessed:
        return ""
    text = f" Accessed {format_partial_date(source.accessed)}"
    if source.archive_url:
        text += f'; <a href="{html.escape(source.archive_url, quote=True)}">archived copy</a>'
    return text + "."


def _as_of(figure: Figure) -> str:
    return f"As of {format_partial_date(figure.as_of)}" if figure.as_of else "Date of the estimate not known"


def _paragraph(text: str, css_class: str) -> str:
    """A further paragraph of a footnote (indented), its text in a span with a class for
    the notes' design (a span, since the footnote's back-link joins the last paragraph)."""
    return f'\n\n    <span class="{css_class}">{text}</span>'


def _labelled(source: Source, label: str) -> str:
    """"Source: …" for a public record; a plain sentence where there is none to name."""
    text = source_citation(source)
    return label + text if source.has_public_record else text[0].upper() + text[1:]


def figure_note(figure: Figure, registry: Registry) -> str:
    """The footnote body for a figure, one paragraph a job: the figure as written and
    what it counts; the source(s); as-of date and scope; the editor's note, set apart."""
    shown, exact = format_value(figure), format_exact(figure)
    lead = f"**{md_text(shown)}**" + (f" ({md_text(exact)})" if exact != shown else "")
    lead += f" — {md_text(figure.label)}"
    sources = " ".join(_labelled(s, "Source: " if i == 0 else "Also: ")
                       for i, s in enumerate(registry.sources_of(figure)))
    body = lead + _paragraph(sources, "note-source")
    body += _paragraph(f"{_as_of(figure)} · Scope: {md_text(figure.scope)}", "note-scope")
    if figure.note:
        body += _paragraph(f"**Editor’s note:** {md_text(figure.note)}", "editor-note")
    for flag in registry.flags_of(figure.id):
        body += _paragraph(f"**Editor’s flag:** {md_text(flag.text)}", "editor-flag")
    return body


def source_note(source: Source, text: Callable[[str], str] = md_text) -> str:
    """The footnote body for an attributed claim without a number (and a figure's source
    on the figures list, in HTML)."""
    citation = source_citation(source, text)
    return citation[0].upper() + citation[1:]


def figure_tip(figure: Figure, registry: Registry, added: list[str]) -> str:
    """What hovering or focusing the figure shows: its main source, its as-of date, and
    what its note `added` in the editor's voice (editors_words)."""
    source = registry.sources_of(figure)[0]
    if source.kind == "attribution":
        origin = f"Attributed in the essay to {source.title}; no public record located"
    elif source.kind == "unchecked":
        origin = "No source given in the essay; not yet checked by this edition"
    else:
        origin = ", ".join(part for part in (source.publisher or source.title,
                                             format_partial_date(source.date) if source.date else None) if part)
        origin = f"Source: {origin}"
    tip = f"{origin}. {_as_of(figure)}."
    if added:
        tip += f" Its note adds {' and '.join(added)}."
    return tip


def editors_words(figure: Figure, registry: Registry) -> list[str]:
    """What the figure's note says in the editor's voice, named: an editor's note (where
    the text and its sources differ, or a word of context), an editor's flag (a check of
    the text that failed, data/rules.yml). A figure with either is marked with a dagger."""
    return [name for name, present in (("an editor’s note", figure.note),
                                       ("an editor’s flag", registry.flags_of(figure.id))) if present]


def figure_anchor(figure_id: str, number: int) -> str:
    """The id of a figure's `number`-th use on a page, which the figures page links to."""
    return f"fig-{figure_id}-{number}"


def figure_inline(figure: Figure, registry: Registry, number: int = 1, words: str | None = None) -> str:
    """The figure in running text (its `number`-th use on the page, anchored): a link to
    its note whose tooltip (Material's content.tooltips, on hover and keyboard focus)
    names the source and as-of date, followed by the footnote reference. Flagged
    figures carry a class for a discreet mark. `words` replaces the data's value: the
    original's own words, on a page of the original."""
    key, added = footnote_key("fig", figure.id), editors_words(figure, registry)
    flag = " fig--flagged" if added else ""
    return (f'<span class="fig{flag}" id="{figure_anchor(figure.id, number)}">'
            f'<a href="#fn:{key}" title="{attr_text(figure_tip(figure, registry, added))}">'
            f"{md_text(words or format_value(figure))}</a></span>[^{key}]")


def claim_inline(source: Source) -> str:
    return f"[^{footnote_key('src', source.id)}]"


# Python-Markdown puts the footnote list at the very end of the page, so a heading
# appended to the Markdown introduces it (and gives the table of contents an entry).
NOTES_HEADING = "## Sources and notes"


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
