"""A data file read entry by entry, so that an edit reparses one entry, not the file.

At 1,000 Rundown items data/figures.yml holds 5,000 entries: parsing and checking it
whole takes two to five seconds, every time `mkdocs serve` rebuilds after any edit of
it. The data files are each one top-level key holding entries indented two spaces
(`figures:` then `  detainees-hrw:` ...). Each entry is parsed and checked against the
file's schema on its own, remembered by its text and the schema's (`lru_cache`: a pure
function of its arguments, and `mkdocs serve` keeps this module between rebuilds), and
the entries are put together with the marks a parse of the whole file gives.

Anything out of that shape, and any mistake, goes to the whole-file parse instead, so
that every message reads as it always has: this is only a faster way to the same
result, which tests/test_data_loading.py checks against the whole-file parse.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from ..errors import DataError
from .schemas import quick_check
from .yaml_strict import Marks, load

_TOP = re.compile(r"^([a-z][a-z_-]*):[ \t]*$")  # the file's one top-level key, alone on its line
_ENTRY = re.compile(r"^  [^ \t#-]")  # an entry's key, indented two spaces ("  - " is a list)
_INSIDE = re.compile(r"^(?:[ \t]*(?:#.*)?|  .*)$")  # blank, a comment, or indented


def _split(text: str) -> tuple[str, str, list[tuple[int, str]]] | None:
    """(top-level key, the text up to it, [(line of an entry, its text)]), or None when
    the file is not one mapping of entries laid out as the data files are."""
    lines = text.split("\n")
    for at, line in enumerate(lines):
        if line[:1] not in ("", "#"):
            break
    else:
        return None
    top = _TOP.match(lines[at])
    if not top or not all(_INSIDE.match(line) for line in lines[at + 1:]):
        return None
    starts = [i for i in range(at + 1, len(lines)) if _ENTRY.match(lines[i])]
    if not starts or any(line.strip() and not line.lstrip().startswith("#") for line in lines[at + 1:starts[0]]):
        return None
    bounds = starts + [len(lines)]
    chunks = [(start + 1, "\n".join(lines[start:end]) + "\n") for start, end in zip(bounds, bounds[1:])]
    return top.group(1), "\n".join(lines[:at + 1]) + "\n", chunks


@lru_cache(maxsize=50_000)
def _entry(chunk: str, name: str, passes: Callable[[Any], bool], top: str) -> tuple[str, Any, Marks, bool] | None:
    """One entry: (its key, its value, its marks from line 1, whether the schema accepts
    it); None when it is not one key or does not parse."""
    try:
        value, marks = load(chunk, name)
    except DataError:
        return None
    if not isinstance(value, dict) or len(value) != 1:
        return None
    (key, entry), = value.items()
    return key, entry, marks, passes({top: {key: entry}})


def read_entries(text: str, name: str, schema: str) -> tuple[Any, Marks] | None:
    """The file's data and marks as `yaml_strict.load` gives them, if every entry parses
    and passes its schema, no key repeats and the file has the data files' shape; None
    otherwise (then parse it whole, for the messages)."""
    split = _split(text)
    if split is None:
        return None
    top, head, chunks = split
    passes = quick_check(schema)  # one per schema text: an edit of the schema is a new one
    _value, marks = load(head, name)  # the top-level key's own marks
    entries: dict[str, Any] = {}
    for line, chunk in chunks:
        found = _entry(chunk, name, passes, top)
        if found is None or not found[3] or found[0] in entries:
            return None
        key, entry, entry_marks, _valid = found
        entries[key] = entry
        for path, (row, column) in entry_marks.items():
            if path:  # the chunk's own root is the entry's key, marked from its path below
                marks[(top, *path)] = (row + line - 1, column)
    return {top: entries}, marks
