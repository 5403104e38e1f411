"""Numbers that new or changed prose types in, which no check can tell from other words.

A registered figure typed in stops the build (`checks/lint.py`); any other number in
prose might be a figure that should have gone through data/figures.yml, and CONTRIBUTING
asks the reviewer to check. Read from the Markdown, as the linter reads it: prose is
what remains once front matter, code, comments, template code (every `fig()`) and link
targets are blanked out. A page's title and description are read too: readers see them
on the front page, in link previews and in the feed.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..checks import front_matter
from ..checks.lint import prose, prose_numbers
from ..checks.source_text import page_files, read_text
from ..errors import DataError
from ..reading.blocks import words

# "1. " opening an ordered list's item is its marker, not a number in the text.
_LIST_MARKER = re.compile(r"\s*\d+[.)]\s")
_CONTEXT = 60  # characters of the line shown on each side of the number
_SHOWN_FIELDS = ("title", "description")  # the front matter readers see


@dataclass(frozen=True)
class TypedNumber:
    file: str  # docs/...
    line: int
    number: str  # as typed: "300", "12 percent", "1.5 million"
    context: str  # the words of the line around it


def _numbers(lines: list[str]) -> list[tuple[int, re.Match]]:
    return [(index, match) for index, line in enumerate(lines) for match in prose_numbers(line)
            if not (_LIST_MARKER.match(line[:match.end() + 2]) and not line[:match.start()].strip())]


def _context(line: str, match: re.Match) -> str:
    start, end = max(0, match.start() - _CONTEXT), match.end() + _CONTEXT
    return ("…" if start else "") + words(line[start:end]) + ("…" if end < len(line) else "")


def _read(path: Path | None, name: str) -> str | None:
    try:
        return read_text(path, name) if path else ""
    except DataError:
        return None  # not text: the build says so, with the line


def _read_as_prose(text: str, name: str) -> list[str]:
    """The page's lines as prose() leaves them, with the front matter's title and
    description put back on their lines, where the front matter's reader finds them."""
    lines, raw = prose(text).split("\n"), text.split("\n")
    try:
        front = front_matter.parse(text, name)
    except DataError:
        return lines  # the build tells the mistake, with its line
    for key in _SHOWN_FIELDS:
        line = front.line_of(key)
        if line and isinstance(front.meta.get(key), str):
            value = raw[line - 1].find(":") + 1  # the value written after `key:` on that line
            lines[line - 1] = " " * value + raw[line - 1][value:]
    return lines


def new_numbers(old_docs: Path, new_docs: Path) -> list[TypedNumber]:
    """Each number in the prose of `new_docs`' pages that the same passage of `old_docs`
    did not have (a new page: every number in it)."""
    old_files = dict(page_files(old_docs))
    found = []
    for name, path in page_files(new_docs):
        before, after = _read(old_files.get(name), name), _read(path, name)
        if after is None or before == after:
            continue
        old_lines, new_lines = _read_as_prose(before or "", name), _read_as_prose(after, name)
        raw = after.split("\n")
        matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal" or op == "delete":
                continue
            known = Counter(m.group().strip() for _, m in _numbers(old_lines[i1:i2]))
            for index, match in _numbers(new_lines[j1:j2]):
                typed = match.group().strip()
                if known[typed]:
                    known[typed] -= 1
                    continue
                found.append(TypedNumber(name, j1 + index + 1, typed, _context(raw[j1 + index], match)))
    return found
