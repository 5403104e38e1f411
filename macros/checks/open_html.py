"""A block of raw HTML that a page opens and never closes.

Python-Markdown reads a block-level tag at the start of a line (`<div class="aside">`)
as the start of raw HTML, up to its end tag. Without one, the rest of the page is
HTML to it: the headings, figures and notes after it are not made, and the notes
before it lose their numbers (their definitions, at the end of the page, are swallowed
too). An open `<div markdown>` takes the rest of the page inside it. The build's
other checks then blame those figures, none of them the tag. This check runs
Python-Markdown's own reader of such blocks (md_in_html's, as mkdocs.yml enables it)
over the page as written, and names the tag that opened the block.
"""

from __future__ import annotations

from functools import cache

import markdown
from markdown.extensions.md_in_html import HTMLExtractorExtra

from ..errors import DataError


@cache
def _markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=["md_in_html"])


class _Blocks(HTMLExtractorExtra):
    """Python-Markdown's reader, noting where each outermost block begins."""

    def reset(self):
        super().reset()
        self.opened: tuple[int, int, str, str] | None = None  # line, column, start tag, tag name

    def handle_starttag(self, tag, attrs):
        outside = not (self.inraw or self.mdstack)
        super().handle_starttag(tag, attrs)
        if outside and (self.inraw or self.mdstack):
            line, offset = self.getpos()
            self.opened = (line, offset + 1, self.get_starttag_text(), tag)

    def left_open(self) -> tuple[int, int, str, str, bool] | None:
        """The block still open at the end of the page (before close() ends it), and
        whether its content is read as Markdown (`<div markdown>`)."""
        return (*self.opened, not self.inraw) if self.inraw or self.mdstack else None


def open_html_errors(text: str, name: str) -> list[DataError]:
    """The block of raw HTML in the page `text` that never closes. `text` is the page
    with its front matter and code blanked (lint.py), as Markdown reads code first."""
    if "<" not in text:
        return []
    reader = _Blocks(_markdown())
    reader.feed(text)
    opened = reader.left_open()
    reader.close()
    reader.md.reset()  # the one instance's store of raw blocks, emptied for the next page
    if opened is None:
        return []
    line, column, start, tag, as_markdown = opened
    what = ("the rest of the page, its notes too, would be inside it" if as_markdown else
            "Markdown reads the rest of the page as HTML and shows none of its headings, figures or notes")
    return [DataError(name, line, column, f"{start} opens a block of HTML that never closes, so {what}: "
                                          f"close it with </{tag}> where the block ends, followed by a blank line")]
