"""Markup that reaches readers as the characters typed, found in a page's HTML with file:line.

Python-Markdown prints what it cannot read as markup, without a word:

- an HTML comment that never closes, or that a blank line splits inside a paragraph:
  its `<!--` and the words meant to stay hidden are published;
- a footnote reference that no definition answers: `[^x]` is published;
- a reference link whose reference is defined nowhere: `[words][ref]` is published;
- Markdown inside a block written in HTML (`<div>` without `markdown`): its links and
  emphasis are published as typed, `[the essay](../essay.md)` and `*this*`.

Only Python-Markdown knows which comments and references it read (a comment on a line of
its own may span blank lines, one inside a paragraph may not; the build adds the notes of
fig() and cite() as the page renders), so this reads the HTML it made, in the one parse
of each page (`reading/parse.py`), and finds the line in the page's source. Text in code
is meant as it stands, and so is text the source does not hold as typed: data the macros
print (escaped on purpose) and a `\\[^x]` escaped by hand.
"""

from __future__ import annotations

import re

from ..errors import DataError
from ..reading.parse import Reader
from ..registry.yaml_strict import MARKDOWN_LINK
from .lint import prose, without_code
from .macro_calls import position

_REFERENCE = re.compile(r"\[\^[^\]]*\]")  # Python-Markdown's footnote reference
_LINK_REFERENCE = re.compile(r"\]\[([^\]\n^]*)\]")  # the `][ref]` of [words][ref] or [words][]
# A Markdown link (the data's pattern) or emphasis, as Python-Markdown would have read it
# outside HTML.
_EMPHASIS = r"(?<![\w*\\])(\*\*?)[^\s*][^*\n]*?(?<![\s\\])\1(?![\w*])"
_MARKDOWN = re.compile(f"{MARKDOWN_LINK.pattern}|{_EMPHASIS}", re.I)
# A comment the source opens and does not close before a blank line or the end.
_OPEN_COMMENT = re.compile(r"<!--(?:(?!-->|\n[ \t]*\n).)*(?=\n[ \t]*\n|\Z)", re.S)
_LINE_START = re.compile(r"[ \t]{0,3}<!--")  # a comment that opens its line
_CODE = {"code", "pre"}
COMMENT_LEFT_OPEN = ("<!-- opens an HTML comment that is published as text: it never closes, or a blank "
                     "line splits it inside a paragraph. Close it with --> in the same paragraph, or start "
                     "it on a line of its own")


class TextReader(Reader):
    """Comments and footnote references printed as text, as a page's HTML is read:
    `comments` (the text after each `<!--` on its line), `references` ("[^x]"),
    `links` ("][ref]") and `markdown` ("[words](target)", "*words*")."""

    def __init__(self):
        self.code = 0  # open <code> and <pre> elements
        self.comments: list[str] = []
        self.references: list[str] = []
        self.links: list[str] = []
        self.markdown: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.code += tag in _CODE

    def handle_endtag(self, tag):
        if tag in _CODE and self.code:
            self.code -= 1

    def handle_data(self, data):
        if self.code:
            return
        if "<!--" in data:
            self.comments += [after.split("\n", 1)[0].strip() for after in data.split("<!--")[1:]]
        if "[^" in data:
            self.references += _REFERENCE.findall(data)
        if "][" in data:
            self.links += [match[0] for match in _LINK_REFERENCE.finditer(data)]
        if "*" in data or "](" in data:
            self.markdown += [match[0] for match in _MARKDOWN.finditer(data)]


def _comments_at(source: str, published: list[str]) -> list[int]:
    """Where the source opens each comment published as text, given the words after each
    (in the order of the page): the comments left open, each matched to the next of them
    that those words follow."""
    if not published:  # most pages: no need to look at the source
        return []
    # A comment on a line of its own may span blank lines and close later: Python-Markdown
    # reads it as a comment, so it is not one of those published.
    starts = [m.start() for m in _OPEN_COMMENT.finditer(without_code(source))
              if not (_LINE_START.fullmatch(source, source.rfind("\n", 0, m.start()) + 1, m.start() + 4)
                      and source.find("-->", m.start()) >= 0)]
    found, next_one = [], 0
    for after in published:
        if next_one == len(starts):
            break
        at = next((i for i in range(next_one, len(starts)) if source[starts[i] + 4:].lstrip().startswith(after)),
                  next_one)
        found.append(starts[at])
        next_one = at + 1
    return found


def _reference_at(text: str, reference: str) -> int | None:
    """Where the page's prose (`text`) writes `reference`, not escaped (`\\[^x]` prints as it is)."""
    match = re.search(r"(?<!\\)(?:\\\\)*" + re.escape(reference), text)
    return match.end() - len(reference) if match else None


def mistakes(reader: TextReader, source: str, name: str) -> list[DataError]:
    """What `reader` found that the page's own text (`source`, the file `name`) wrote."""
    errors = []
    for at in _comments_at(source, reader.comments):
        errors.append(DataError(name, *position(source, at), COMMENT_LEFT_OPEN))
    text = prose(source) if reader.references or reader.links else ""
    for reference in dict.fromkeys(reader.references):
        at = _reference_at(text, reference)
        if at is not None:
            errors.append(DataError(name, *position(source, at),
                                    f"{reference} is published as text: no note {reference} is defined on this "
                                    f"page. Define it on a line of its own (`{reference}: the note's text`), "
                                    "or, to print the brackets, put them in `code`"))
    for link in dict.fromkeys(reader.links):
        at = _reference_at(text, link)
        if at is not None:
            ref = link[1:] if link != "][]" else "[words]"  # [words][] is defined as [words]
            errors.append(DataError(name, *position(source, at + 1),
                                    f"the link {link[1:]} is published as text, brackets and all: no link {ref} "
                                    f"is defined on this page. Define it on a line of its own (`{ref}: "
                                    "https://...`), or write the address in the link, [words](https://...)"))
    written = without_code(source) if reader.markdown else ""
    for typed in dict.fromkeys(reader.markdown):
        at = written.find(typed)
        if at >= 0:
            errors.append(DataError(name, *position(source, at),
                                    f"{typed} is published as typed: Markdown is not read inside a block "
                                    "written in HTML. Add markdown to the block's opening tag (<div markdown>), "
                                    "or write the block in Markdown"))
    return sorted(errors, key=lambda e: (e.line, e.column))
