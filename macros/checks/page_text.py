"""What a reader who cannot see the page, or who searches it, needs of its text: an
image described, headings that step down one level at a time, no invisible character
splitting a word. Each published without a word: `![](map.svg)` as an image with an
empty description (a screen reader says nothing of it), `####` under `##` as a level
skipped (a screen reader's list of headings reads it as a part missing), and a
zero-width space pasted in a word, which no search finds across, although the same
character stops the build in data and front matter (registry/yaml_strict.py).

Each function reads a page's `body`: its text with front matter and code blanked out,
lines and columns kept (lint.lint_pages).
"""

from __future__ import annotations

import re

from ..errors import DataError
from ..registry.yaml_strict import INVISIBLE, invisible_found
from .macro_calls import position

_MARKDOWN_IMAGE = re.compile(r"!\[([^\]\n]*)\]\(")
_IMG_TAG = re.compile(r"<img\b[^>]*>", re.I)
_ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]", re.M)


def image_errors(body: str, name: str) -> list[DataError]:
    """Each image a page shows with no description of what it shows."""
    errors = []
    for match in _MARKDOWN_IMAGE.finditer(body):
        if not match[1].strip():
            errors.append(DataError(name, *position(body, match.start()),
                                    "this image has no description (alt text): a reader who cannot see it "
                                    "hears nothing of it. Write what it shows between the brackets, "
                                    "![Map of Lebanon, Beirut marked](...)"))
    for match in _IMG_TAG.finditer(body):
        alt = _ALT.search(match[0])
        if not alt or not "".join(part or "" for part in alt.groups()).strip():
            errors.append(DataError(name, *position(body, match.start()),
                                    "this <img> has no description (alt text): a reader who cannot see it "
                                    "hears nothing of it. Write what it shows, alt=\"Map of Lebanon, Beirut marked\""))
    return errors


def heading_errors(body: str, name: str) -> list[DataError]:
    """Each heading more than one level under the one before it (the page's title is the
    first level, whether the page writes it or its template does)."""
    errors, level = [], 1
    for match in _HEADING.finditer(body):
        depth = len(match[1])
        if depth > level + 1:
            errors.append(DataError(name, *position(body, match.start(1)),
                                    f"a level-{depth} heading ({match[1]}) under a level-{level} one skips a level: "
                                    "a screen reader's list of headings reads it as a part missing. "
                                    f"Write {'#' * (level + 1)}"))
        level = depth
    return errors


def invisible_errors(body: str, name: str) -> list[DataError]:
    """Each invisible character that splits a word in a page's text (a byte-order mark
    that opens the file is the file's, which MkDocs reads past)."""
    return [DataError(name, *position(body, match.start()), invisible_found(body, match))
            for match in INVISIBLE.finditer(body) if not (match.start() == 0 and match[0] == "\ufeff")]
