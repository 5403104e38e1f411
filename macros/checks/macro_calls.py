"""The macro calls a page writes, read as text: well-formed ones, and what is wrong with
the others.

`{{ fig('id') }}` takes one id in straight quotes. A word processor's curly quotes
(fig(‘id’)) stopped the build with Jinja's "unexpected char" and no column; an
invisible character pasted into an id read as an unknown figure that looked exactly
like a known one. Each is told here with its line and column, and what to write.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

from ..errors import DataError
from ..registry.model import UnknownId

# {{ fig('id') }} or {{ cite("id") }}, as the pages write them: what `make check` reads
# without rendering. The build itself records each call as it renders it (uses.py).
CALL = re.compile(r"""\b(fig|cite)\(\s*(['"])([A-Za-z0-9_.-]+)\2\s*\)""")

EXPRESSION = re.compile(r"\{\{(.*?)\}\}", re.S)  # {{ ... }}, what it holds as group 1
_MACRO = re.compile(r"\b(fig|cite)\s*\(")
_CURLY_QUOTES = "‘’‚‛“”„‟′″"
EXAMPLE = {"fig": "fig('detainees-hrw')", "cite": "cite('fink-pbs')"}
WHAT = {"fig": "figure", "cite": "source"}


def position(text: str, offset: int) -> tuple[int, int]:
    """(line, column) of `offset` in `text`, both from 1."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _unseen(char: str) -> bool:
    """A character a reader of the source cannot see or tell from an ASCII one."""
    return not char.isascii() or unicodedata.category(char) in ("Cc", "Cf", "Zs") and char != " "


def _diagnosis(macro: str, inside: str) -> tuple[int, str]:
    """(offset within `inside`, what is wrong and what to write) for a malformed call."""
    for index, char in enumerate(inside):
        if char in _CURLY_QUOTES:
            return index, (f"{macro}() needs straight quotes, not typographic ones ({char}): "
                           f"write {{{{ {_meant(macro, inside)} }}}}")
    for index, char in enumerate(inside):
        if _unseen(char) and unicodedata.category(char).startswith("L"):  # Cyrillic е for Latin e
            return index, (f"the {WHAT[macro]} id holds U+{ord(char):04X} ({unicodedata.name(char, 'a letter')}), "
                           "a letter that looks like one of a-z but is not: type the id again in plain "
                           "letters, digits and hyphens")
        if _unseen(char):
            name = unicodedata.name(char, "an unnamed character")
            clean = "".join(c for c in inside if not _unseen(c)).strip()
            return index, (f"the {WHAT[macro]} id holds U+{ord(char):04X} ({name}), a character that "
                           f"cannot be seen: delete it, as in {{{{ {macro}({clean}) }}}}")
    return 0, f"{macro}() takes one {WHAT[macro]} id in quotes and nothing else: write {{{{ {_meant(macro, inside)} }}}}"


def _meant(macro: str, inside: str) -> str:
    """The call `inside` seems to mean, its first id in quotes of any kind written in
    straight ones; else the usual example. fig(‘lebanon-murders’) was told to write
    fig('detainees-hrw'), another figure, which the build would then have published."""
    meant = re.search(f"""['"{_CURLY_QUOTES}]([A-Za-z0-9_.-]+)""", inside)
    return f"{macro}('{meant[1]}')" if meant else EXAMPLE[macro]


def _not_alone(text: str, expression: re.Match, call: re.Match, name: str) -> list[DataError]:
    """A well-formed call with more in its braces (`| upper`, `~ 's'`): what the build
    wrote, the figure with its note and its mark, would be changed, and its use lost."""
    before = text[expression.start(1):call.start()].strip()
    after = text[call.end():expression.end(1)].strip()
    if not before and not after or "{{" in before + after:
        return []  # alone; or braces left open before it, which Jinja tells with their line
    line, column = position(text, call.end() if after else expression.start(1))
    return [DataError(name, line, column, f"{{{{ {call[0]} }}}} stands alone in its braces: take out "
                      f"`{' '.join(part for part in (before, after) if part)}` (what the build writes for it, "
                      "the text, its note and its mark, cannot be changed there)")]


def call_errors(text: str, name: str) -> list[DataError]:
    """Each fig(...) or cite(...) in a page's template code that is not one id in quotes."""
    errors = []
    for expression in EXPRESSION.finditer(text):
        for call in _MACRO.finditer(text, expression.start(1), expression.end(1)):
            well_formed = CALL.match(text, call.start())
            if well_formed:
                errors += _not_alone(text, expression, well_formed, name)
                continue
            close = text.find(")", call.end(), expression.end(1))
            inside = text[call.end():close if close != -1 else expression.end(1)]
            offset, message = _diagnosis(call[1], inside)
            line, column = position(text, call.end() + offset)
            errors.append(DataError(name, line, column, message))
    return errors


def macro_calls(text: str) -> list[tuple[str, str, int]]:
    """(macro, id, line) of every fig('...') and cite('...') call in a page."""
    return [(m[1], m[3], text.count("\n", 0, m.start()) + 1) for m in CALL.finditer(text)]


def unknown_ids(name: str, calls: list[tuple[str, str, int]], figures: Collection[str],
                sources: Collection[str]) -> list[DataError]:
    """Each call of page `name` to an id the data does not hold, on its line."""
    known = {"fig": figures, "cite": sources}
    return [DataError(name, line, None, str(UnknownId(WHAT[macro], item_id, list(known[macro]))))
            for macro, item_id, line in calls if item_id not in known[macro]]
