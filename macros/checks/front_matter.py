"""A page's front matter, read one way everywhere: strictly, with the line of every key.

MkDocs reads front matter for itself (into `page.meta`); everything this edition reads
from a page's front matter without building it (the front page's list of Rundown
items, the corrections page's titles, the linter, the line numbers of template
errors) reads it here, with the data files' strict YAML: duplicate keys and aliases
are errors, dates are dates as MkDocs reads them, and a mistake names the file and line.
Template code in front matter is refused there too (`yaml_strict.py`): MkDocs prints it as
written, and a figure there could carry no note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from mkdocs.utils.meta import YAML_RE

from ..errors import DataError
from ..registry.yaml_strict import Marks, load
from ..render.typography import typographic
from .source_text import read_text


_EMPTY = re.compile(r"---[ \t]*\n(---|\.\.\.)[ \t]*(\n|$)")


@dataclass(frozen=True)
class FrontMatter:
    meta: dict = field(default_factory=dict)
    marks: Marks = field(default_factory=dict)
    body_line: int = 1  # the file's line that MkDocs and Jinja see as the body's first

    def line_of(self, key: str) -> int | None:
        return self.marks.get((key,), (None,))[0]


# The fields a reader reads as the page's words: its title and its one-line summary.
PROSE = ("title", "description")


@lru_cache(maxsize=4096)
def parse(text: str, name: str) -> FrontMatter:
    """The front matter of a page's text (an empty one if it has none).

    Remembered by its arguments: a build reads each page's front matter three or four
    times (the checks, the page's render, the Rundown list, the corrections' titles), and
    `mkdocs serve` keeps this module between rebuilds. Callers read the result and never
    change it; a mistake is raised anew each time."""
    match = YAML_RE.match(text)
    if not match:
        if _EMPTY.match(text):  # MkDocs would print both lines as rules
            raise DataError(name, 1, 1, "front matter holds nothing between its two `---` lines: write its "
                                        "fields there (`title: ...`), or delete both lines")
        if text.startswith("---\n"):  # MkDocs would print it as text, its last line a heading
            raise DataError(name, 1, 1, "front matter opens with `---` but never closes: end it with "
                                        "a line holding only `---`")
        return FrontMatter()
    meta, marks = load(match.group(1), name, first_line=2, dates=True)
    if not isinstance(meta, dict):
        raise DataError(name, 2, None, "front matter must be `key: value` lines between two `---` lines")
    for key in PROSE:  # printed as the data's words are (render/typography.py)
        if isinstance(meta.get(key), str):
            meta[key] = typographic(meta[key])
    body = text[match.end():]
    skipped = text[:match.end()].count("\n") + (len(body) - len(body.lstrip("\n")))
    return FrontMatter(meta, marks, skipped + 1)


def read(path: Path, name: str) -> FrontMatter:
    """The front matter of the page at `path`, reported as `name` (docs/...)."""
    try:
        return parse(read_text(path, name), name)
    except FileNotFoundError:
        raise DataError(name, None, None, "no such page under docs/") from None
