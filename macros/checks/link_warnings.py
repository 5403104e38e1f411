"""MkDocs' own warnings about a page's links, and about pages no menu lists, given the
file and line where the mistake stands, as every other check of the build words its own
(`docs/x.md:27: ...`).

MkDocs names the page as it sits under docs/ and the link, and no line: "Doc file
'essay.md' contains a link 'notes.md', but ...". A contributor searched the page for the
link; `checks/annotations.py` had no line to put it on in a pull request, and a page
left out of the nav was named in a list under a heading, on no file at all. This filter
rewrites each such record before any handler reads it: the plain log, `mkdocs serve`'s
page and the annotations then say the same.

An HTML comment left open in a page throws MkDocs' reading of its anchors (one HTML
parser over the page's Markdown, which skips to the end of the next tag) while readers
still get them: a link from another page to the anchor after the comment is then said to
be broken, on a page the contributor did not touch. That warning names the comment,
which the build has already reported, as its likely cause.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

# "Doc file 'essay.md' contains a link 'notes.md', but ..." (and "an absolute link",
# "an unrecognized relative link"), as MkDocs 1.6 words them.
_LINK = re.compile(r"^Doc file '(?P<page>[^']+)' contains (?:an? |an unrecognized relative )?"
                   r"(?:absolute )?link(?: to)? '(?P<link>[^']+)'")
# "..., but the doc 'essay.md' does not contain an anchor '#x'."
_ANCHOR = re.compile(r"but the doc '(?P<page>[^']+)' does not contain an anchor")
# Its warning for pages in docs/ that no menu lists: a heading, then "  - page.md" a line.
_OMITTED = "The following pages exist in the docs directory, but are not included in the \"nav\""
_OMITTED_PAGE = re.compile(r"^\s*- (?P<page>\S.*\.md)$", re.M)
# The loggers MkDocs writes those warnings with (mkdocs/structure/pages.py and nav.py).
LOGGERS = ("mkdocs.structure.pages", "mkdocs.structure.nav")


def link_line(root: Path, page: str, link: str) -> int | None:
    """The first line of docs/`page` that writes `link`: as a link's address, inline,
    in an HTML attribute or in a reference's definition (`[ref]: link`); for a note's
    way back (#fnref:x), which MkDocs finds missing when no text refers to the note,
    the note's definition, `[^x]:`."""
    try:
        lines = (root / "docs" / page).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    if link.startswith("#fnref:"):
        written = [f"[^{link[len('#fnref:'):]}]:"]
    else:
        written = [f"({link}", f'"{link}"', f"]: {link}"]
    return next((n for n, text in enumerate(lines, 1) if any(w in text for w in written)), None)


def located(root: Path, message: str, open_comments: dict[str, str] | None = None) -> str:
    """`message` with the file and line its mistake stands at, where MkDocs gave none;
    `open_comments`: where each page (as MkDocs names it) left a comment open, if any."""
    link = _LINK.match(message)
    if link:
        line = link_line(root, link["page"], link["link"])
        message = f"docs/{link['page']}{f':{line}' if line else ''}: {message}"
        target = _ANCHOR.search(message)
        comment = (open_comments or {}).get(target["page"]) if target else None
        if comment:
            message += (f" Close the HTML comment left open at {comment} (reported above) first: MkDocs' "
                        "check of anchors misreads the page from there, and the anchor is likely there for "
                        "readers. If this stays, the link is broken.")
        return message
    if message.startswith(_OMITTED):
        return _OMITTED_PAGE.sub(lambda page: f"  - docs/{page['page']}: no menu lists this page (the nav "
                                              "in mkdocs.yml): add it there, or take the file out of docs/",
                                 message)
    return message


class LinkLines(logging.Filter):
    def __init__(self, root: Path):
        super().__init__()
        self.root = root
        self.open_comments: dict[str, str] = {}  # the current build's

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            record.msg, record.args = located(self.root, record.getMessage(), self.open_comments), ()
        return True


def locate_link_warnings(root: Path, open_comments: dict[str, str]) -> None:
    """Give MkDocs' link and nav warnings their file and line, and name a comment left
    open (`open_comments`, filled by the build as it reads each page) where it is their
    cause. The filters are added once per process (`mkdocs serve` starts a build again
    on every save) and given each build's comments."""
    for name in LOGGERS:
        logger = logging.getLogger(name)
        lines = next((f for f in logger.filters if isinstance(f, LinkLines)), None)
        if lines is None:
            lines = LinkLines(root)
            logger.addFilter(lines)
        lines.open_comments = open_comments
