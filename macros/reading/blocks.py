"""Where an element sits in a page's HTML: its block, the section above it, the words around it.

The figures and sources pages quote the words around each use and link to the use's
own element. Reading both from the page as Python-Markdown wrote it means the words
quoted are the words of the block the link lands on, whatever Markdown made the block:
a paragraph, a heading, a list item, a table cell, an admonition or a blockquote.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .parse import Reader, read

# Elements whose words an excerpt quotes, by what a contributor calls them.
BLOCKS = {"p": "paragraph", "li": "list item", "td": "table cell", "th": "table cell",
          "dt": "definition", "dd": "definition", "figcaption": "caption", "caption": "caption",
          **{f"h{n}": "heading" for n in range(1, 7)}}
# Containers that say more of a paragraph than "paragraph".
CONTAINERS = {"blockquote": "blockquote", "details": "admonition"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Place:
    """Where one element (by id) was found."""

    block: str  # "paragraph", "heading", "list item", "table cell", ... ("admonition paragraph")
    section: str | None  # the nearest heading (h2 to h6) above, or the heading it is in
    before: str  # the block's words before the element
    after: str  # ... and after it
    text: str  # the element's own words
    in_link: bool = False  # inside an <a>: a figure's or a note's own link would be a link in a link


@dataclass
class _Block:
    tag: str
    kind: str
    text: list[str] = field(default_factory=list)
    marks: dict[str, list[int]] = field(default_factory=dict)  # id -> [start, end] in the text

    def length(self) -> int:
        return sum(map(len, self.text))


def words(text: str) -> str:
    """The text's words, one space between each."""
    return " ".join(text.split())


# The headings that open a section (the h1 is the page's title).
SECTION_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})

# What is written against the word before it, with no space: after a figure, its sentence's
# punctuation.
_CLOSING = (".", ",", ";", ":", "!", "?", ")", "”", "’")


def space_before(after: str) -> str:
    """What goes between a figure and `after`, the words that follow it in its block: no
    space before its sentence's punctuation, nor where nothing follows."""
    return "" if not after or after[:1] in _CLOSING else " "


_SILENT_CLASSES = {"headerlink", "footnote-backref"}


def silent(tag: str, attrs: dict) -> bool:
    """Elements whose text is not the block's words: permalinks (¶), note numbers and
    the notes' links back (↩)."""
    return not _SILENT_CLASSES.isdisjoint((attrs.get("class") or "").split()) or \
        (tag == "sup" and (attrs.get("id") or "").startswith("fnref"))


@dataclass
class _Open:
    """An open element: its block if it is one, the innermost block it is in (its own, or
    its parent's), whether its text is silent, the container it opens, and the block
    holding it when its id is wanted."""

    tag: str
    block: _Block | None
    inner: _Block | None
    silent: bool
    container: str | None
    marked_in: _Block | None = None
    ident: str | None = None


class Locator(Reader):
    """The place of each element whose id is wanted, as a page's HTML is read
    (`reading/parse.py: read`): `found`, once the whole page is read."""

    def __init__(self, wanted: set[str]):
        self.wanted = wanted
        self.stack: list[_Open] = []
        self.open: dict[str, int] = {}  # tag -> how many are open: an end tag nothing opened is ignored
        self.section: str | None = None
        self.found: dict[str, Place] = {}
        self.context: dict[str, tuple[str | None, str | None, bool]] = {}  # id -> (container, section, in a link)

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        container = CONTAINERS.get(tag) or ("admonition" if tag == "div" and "admonition" in classes else None)
        parent = self.stack[-1] if self.stack else None
        quiet = silent(tag, attrs) or bool(parent and parent.silent)
        kind = BLOCKS.get(tag)
        block = _Block(tag, kind) if kind else None
        holder = parent.inner if parent else None
        entry = _Open(tag, block, block or holder, quiet, container)
        ident = attrs.get("id")
        if holder is not None and ident in self.wanted:
            entry.marked_in, entry.ident = holder, ident
            holder.marks[ident] = [holder.length(), -1]
            outer = next((e.container for e in reversed(self.stack) if e.container), None)
            self.context[ident] = (outer, self.section, bool(self.open.get("a")))
        self.stack.append(entry)
        self.open[tag] = self.open.get(tag, 0) + 1

    def handle_endtag(self, tag):
        if tag in VOID or not self.open.get(tag):
            return
        while self.stack:
            entry = self.stack.pop()
            self.open[entry.tag] -= 1
            if entry.marked_in is not None:
                entry.marked_in.marks[entry.ident][1] = entry.marked_in.length()
            if entry.block is not None:
                self._close(entry.block)
            if entry.tag == tag:
                return

    def _close(self, block: _Block) -> None:
        text = "".join(block.text)
        if block.tag in SECTION_HEADINGS:
            self.section = words(text)
        for ident, (start, end) in block.marks.items():
            end = start if end < 0 else end
            container, section, in_link = self.context[ident]
            kind = f"{container} {block.kind}" if container else block.kind
            if block.tag in SECTION_HEADINGS:
                section = self.section  # a use in a heading is placed under that heading
            self.found[ident] = Place(kind, section, words(text[:start]), words(text[end:]),
                                      words(text[start:end]), in_link)

    def handle_data(self, data):
        top = self.stack[-1] if self.stack else None
        if top is not None and not top.silent and top.inner is not None:
            top.inner.text.append(data)


def locate(html: str, ids: set[str]) -> dict[str, Place]:
    """The place of each element of `html` whose id is in `ids`; ids not found are absent."""
    locator = Locator(ids)
    read(html, locator)
    return locator.found
