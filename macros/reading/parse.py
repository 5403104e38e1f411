"""One pass of the standard library's HTML parser over a page, for every reader that needs it.

Three readers look at each page's HTML as Python-Markdown made it: the raw-HTML policy
(`checks/html_policy.py`), the markup it published as text (`checks/markup_as_text.py`)
and the placing of each figure's use (`blocks.py`). Tokenizing the page is most of what
any of them costs, so one parse feeds all (at 1,000 Rundown items a second parse took
about a second of the build).
"""

from __future__ import annotations

from html.parser import HTMLParser


class Reader:
    """What a reader of a parse is told; each ignores what it does not need."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        pass

    def handle_data(self, data: str) -> None:
        pass


class _Parser(HTMLParser):
    def __init__(self, readers: tuple[Reader, ...]):
        super().__init__(convert_charrefs=True)
        self.readers = readers

    def updatepos(self, i, j):  # counts lines for getpos(), which no reader asks
        return j

    def handle_starttag(self, tag, attrs):
        for reader in self.readers:
            reader.handle_starttag(tag, attrs)

    def handle_startendtag(self, tag, attrs):  # <br/>: a start and an end, as HTMLParser's own default
        for reader in self.readers:
            reader.handle_starttag(tag, attrs)
            reader.handle_endtag(tag)

    def handle_endtag(self, tag):
        for reader in self.readers:
            reader.handle_endtag(tag)

    def handle_data(self, data):
        for reader in self.readers:
            reader.handle_data(data)


def read(html: str, *readers: Reader) -> None:
    """Parse `html` once, telling every reader each tag and piece of text in order."""
    parser = _Parser(readers)
    parser.feed(html)
    parser.close()
