"""The macros a page may call, each bound to the build it renders in.

`fig('id')` and `cite('id')` are what contributors write; the others make the front
page and the data pages from the data. A mistake in a call is reported with the page's
file and line and leaves a visible marker, so `mkdocs serve` shows it and `--strict`
fails on it.
"""

from __future__ import annotations

from collections.abc import Callable

from .errors import DataError
from .meta.page_facts import ORIGINAL_KEY
from .pages import article, charts, corrections, page_citation, timeline
from .pages.figures_page import columns_list, competing_estimates
from .pages.listing import listing_mark
from .registry.model import Figure, UnknownId
from .render.escape import md_text
from .render.notes import claim_inline, figure_inline, figure_note, footnote_key, source_note
from .render.template_errors import call_line


def page_macros(build) -> dict[str, Callable]:
    registry = build.registry

    def line() -> int | None:
        """The line of the page's file holding the call being rendered."""
        return build.page_line(call_line())

    def marker(error: Exception) -> str:
        """Report a mistake in the call (or, for a DataError, in the file it names)."""
        if isinstance(error, DataError):
            build.report(f"{error} (used in {build.page.name}:{line()})")
            return f"**[{md_text(str(error))}]**"
        return build.warn(line(), str(error))

    def written(figure: Figure, quoted: bool = False) -> tuple[str, int]:
        """The figure with its footnote, and its number among this page's (its anchor's).

        A page of the original (front matter `original:`), or a quotation of it (`quoted`),
        prints the author's own words for it, whatever the data now says:
        registry/written.py flags any difference."""
        build.page.notes.add(footnote_key("fig", figure.id), figure_note(figure, registry))
        number = build.page.next_number("fig", figure.id)
        words = figure.written if quoted or build.page.front.meta.get(ORIGINAL_KEY) else None
        return figure_inline(figure, registry, number, words), number

    def fig(figure_id: str) -> str:
        """Write a figure as the essay does, with a footnote to its source."""
        try:
            figure = registry.figure(figure_id)
        except UnknownId as error:
            return marker(error)
        text, number = written(figure)
        build.record.add("fig", figure.id, build.page.src, number, line())
        return text

    def cite(source_id: str) -> str:
        """Footnote an attributed claim that carries no number."""
        try:
            source = registry.source(source_id)
        except UnknownId as error:
            return marker(error)
        build.page.notes.add(footnote_key("src", source.id), source_note(source))
        build.record.add("cite", source.id, build.page.src, build.page.next_number("cite", source.id), line())
        return claim_inline(source)

    def summary() -> str:
        """This page's one-line summary (front matter `description`), labelled as the edition's."""
        return article.summary_paragraph(build.page.front.meta.get("description", ""))

    def lead(src: str) -> str:
        """Another page's title, linked, and its summary (the front page's lead)."""
        try:
            meta = article.read(build.docs_dir / src, f"{build.docs_dir.name}/{src}").meta
            return article.lead(meta, src, build.page.src)
        except DataError as error:
            return marker(error)

    def rundown() -> str:
        """The newest Rights Rundown items, read from the posts' front matter."""
        try:
            return article.rundown_list(build.rundown_items(), build.page.src)
        except DataError as error:
            return marker(error)

    def figure_list(number: int = 1) -> str:
        """Page `number` of the figures list: written once every page has rendered."""
        return listing_mark("figures", number)

    def source_list(number: int = 1) -> str:
        return listing_mark("sources", number)

    def chart(name: str) -> str:
        try:
            return charts.chart(name, registry, build.listing.figure_link)
        except (charts.ChartError, UnknownId) as error:
            return marker(error)

    return {
        "fig": fig, "cite": cite, "summary": summary, "lead": lead, "rundown": rundown,
        "figure_list": figure_list, "source_list": source_list, "chart": chart,
        "competing_estimates": lambda: competing_estimates(registry, build.listing),
        "figure_columns": columns_list,
        # The timeline shows each event's figure with its note; it is not a use in the text.
        # "(in the text: Feb. 3)": the text's words, beside the date as the data now gives it.
        "timeline": lambda: timeline.timeline(registry, lambda figure: written(figure, quoted=True)[0]),
        # The figures as a data set, at this page's address, with the data's version day.
        "cite_data": lambda: page_citation.data_block(build.site.name, build.page.url, build.data_day),
        "corrections_list": lambda: corrections.listing(registry.corrections, build.page_titles()),
    }
