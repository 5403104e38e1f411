"""Strict YAML reading: duplicate keys are errors, dates stay strings, every node keeps its line.

PyYAML's SafeLoader (which mkdocs-macros' include_yaml uses) keeps the last of two
duplicate keys without a word and turns 2022-01-26 into a datetime. A contributor
must hear about the first, and the second would make dates of different precision
(2003, 2022-03, 2022-01-26) come back as different types. Front matter is read with
its dates as dates (`dates=True`), as MkDocs and the blog plugin read it.

Aliases (`*name`) are refused: nine lines of anchors and aliases ("billion laughs")
expand to a billion values when checked or printed, and ran for a minute before
dying of memory. The check runs on the parsed nodes, before anything expands them.

Text holding template code (`{{`, `{%`, `{#`) is refused: no YAML of ours is run as a
template, so it would reach readers with its braces. So is text with nothing visible in
it (spaces, zero-width characters), which a schema's minLength lets through, and text
with a zero-width space or byte-order mark among its words.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from ..errors import DataError
from ..checks.source_text import read_text

Marks = dict[tuple, tuple[int, int]]  # YAML path -> (line, column), both 1-based


# libyaml's parser when PyYAML has it (the wheels do): the pure-Python one took most of
# a build's macro time at 1,000 Rundown items (bench/results.md). Same nodes, same marks.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_Base):
    """SafeLoader without timestamps, refusing duplicate keys and keys that are not text."""

    def construct_mapping(self, node, deep=False):
        seen: dict[Any, int] = {}
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=deep)
            line = key_node.start_mark.line + self.first_line
            if not isinstance(key, str):  # every key here is a name: an id, a field, a spelling
                read = {bool: "true or false", type(None): "nothing"}.get(type(key), "a number")
                raise DataError(self.name, line, key_node.start_mark.column + 1,
                                f"{key_node.value} is read as {read}, not a name: put it in quotes, "
                                f"\"{key_node.value}\"")
            control = next((c for c in key if unicodedata.category(c) == "Cc"), None)
            if control:  # "id\n" passes a schema's pattern ending in $, as Python reads it
                raise DataError(self.name, line, key_node.start_mark.column + 1,
                                f"the name {key!r} holds a line break or another control character "
                                f"(U+{ord(control):04X}): write it on one line, with no \\n or \\t")
            if key in seen:
                slip = _opened_too_deep(self.text.split("\n"), seen[key] - self.first_line, line - self.first_line)
                if slip:
                    at, opener, depth = slip
                    raise DataError(
                        self.name, at + self.first_line, _indent(opener) + 1,
                        f"'{opener.strip()}' is indented as the fields above it ({_indent(opener)} spaces), so "
                        f"the lines under it read as that entry's again (duplicate key '{key}', first on line "
                        f"{seen[key]}): if it opens a new entry, indent it as the entries are ({depth} spaces)")
                raise DataError(
                    self.name, line, key_node.start_mark.column + 1,
                    f"duplicate key '{key}' (first defined on line {seen[key]}); "
                    "remove or rename one of them",
                )
            seen[key] = line
        return super().construct_mapping(node, deep=deep)


# Drop the timestamp resolver so that dates are plain strings, checked by the schema.
_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# Integers YAML 1.1 reads in another base: 057 (octal, 47), 0x39, 0o71, 0b111, 1:30 (base 60).
_OTHER_BASE = re.compile(r"[-+]?(?:0[0-7_]+|0[xob][0-9a-fA-F_]+|[1-9][0-9_]*(?::[0-5]?[0-9])+)")


def _plain_digits(loader: _StrictLoader, node: yaml.ScalarNode) -> int:
    """An integer as written in plain digits; one YAML would read in another base is a
    mistake, told with what it would have become (a figure's 057 printed as 47)."""
    value = loader.construct_yaml_int(node)
    if _OTHER_BASE.fullmatch(node.value):
        raise DataError(loader.name, node.start_mark.line + loader.first_line, node.start_mark.column + 1,
                        f"{node.value} is read as {value} (YAML counts it in base 8, 16, 2 or 60): write the "
                        "number in plain digits, or put it in quotes if it is text")
    return value


_StrictLoader.add_constructor("tag:yaml.org,2002:int", _plain_digits)

# Numbers YAML 1.1 reads as text: with an exponent but no dot or no sign (4.5e4, 1e3).
_EXPONENT_AS_TEXT = re.compile(r"[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]+)[eE][-+]?[0-9]+")


# Template code: no YAML of ours is run as a template, so a figure's `written: "{{ fig('x') }}"`
# or a title's macro would reach readers with its braces.
_TEMPLATE_CODE = re.compile(r"\{\{|\{%|\{#")
# A Markdown link written where Markdown is not read: data text is printed as written, so a
# note's "[the report](https://...)" reached readers with its brackets and address (and so
# did one in a page's block of HTML: checks/markup_as_text.py). Only a link's shape:
# "[sic]" and "(2022)" stay text.
MARKDOWN_LINK = re.compile(r"\[[^\[\]\n]+\]\((?:[a-z][a-z+.-]*:|#)?[^()\s]*[./#][^()\s]*\)", re.I)


# Invisible characters that split a word with nothing to show for it: the zero-width
# space, the word joiner and invisible operators, the byte-order mark. Copied text
# carries them; a search does not find a word across one, and two labels that differ
# by one look the same.
_SPLITTERS = "\u200b\u2060-\u2064\ufeff"
# Invisible characters that scripts need inside words: joiners and direction marks.
_MARKS = "\u200c-\u200f\u202a-\u202e"
INVISIBLE = re.compile(rf"[{_SPLITTERS}]")  # pages are checked for them too (checks/page_text.py)
# A character that prints something: not white space nor either kind of invisible one.
# A label of "   " passes a schema's minLength and prints as nothing.
_VISIBLE = re.compile(rf"[^\s{_SPLITTERS}{_MARKS}]")


def _where_in(loader: _StrictLoader, node: yaml.ScalarNode, piece: str) -> tuple[str, int, int]:
    """Where `piece` of a text stands in the file: in a note folded over lines (`note: >-`),
    its own line, not the first."""
    written = loader.text[node.start_mark.index:node.end_mark.index]
    at = written.find(piece)
    if at < 0:
        return loader.name, node.start_mark.line + loader.first_line, node.start_mark.column + 1
    lines = written[:at].split("\n")
    column = len(lines[-1]) if len(lines) > 1 else node.start_mark.column + at
    return loader.name, node.start_mark.line + len(lines) - 1 + loader.first_line, column + 1


def _text(loader: _StrictLoader, node: yaml.ScalarNode) -> str:
    """Text, unless it is written as a number that YAML reads as text (a figure's 4.5e4
    would otherwise be told it is not a number), holds template code or a Markdown link,
    holds nothing a reader can see, or hides an invisible character among its words."""
    value = loader.construct_scalar(node)
    where = (loader.name, node.start_mark.line + loader.first_line, node.start_mark.column + 1)
    if not node.style and _EXPONENT_AS_TEXT.fullmatch(value):  # plain: None, or "" from libyaml
        digits = format(float(value.replace("_", "")), "f").rstrip("0").rstrip(".")
        raise DataError(*where, f"YAML reads {value} as text, not a number: write it in digits, {digits}, "
                                "or put it in quotes if it is text")
    code = _TEMPLATE_CODE.search(value)
    if code:
        raise DataError(*where, f"'{code[0]}' opens template code ({{{{ }}}}, {{% %}} or {{# #}}), which is "
                                "not run here and would be printed as written: write plain text, and put "
                                "figures and notes in a page's text, as {{ fig('id') }}")
    link = MARKDOWN_LINK.search(value)
    if link:
        raise DataError(*_where_in(loader, node, link[0].split()[0]),
                        f"{link[0]} is a Markdown link, which data does not read: readers would see its "
                        "brackets and address. Write the words alone; a source's address goes in its url: "
                        "in data/sources.yml, and a figure names the source in sources:")
    if value and not _VISIBLE.search(value):
        raise DataError(*where, f"{value!r} holds no visible text, only spaces or invisible characters: "
                                "write the words readers should see")
    hidden = INVISIBLE.search(value)
    if hidden:
        raise DataError(*where, invisible_found(value, hidden))
    return value


def invisible_found(text: str, hidden: re.Match) -> str:
    """What to say of the invisible character `hidden` (an INVISIBLE match in `text`), in
    data and in a page's text alike."""
    char, before = hidden[0], text[:hidden.start()].split("\n")[-1][-30:]
    return (f"an invisible character, U+{ord(char):04X} ({unicodedata.name(char)}), "
            + (f"after '{before.strip()}'" if before.strip() else "at the start")
            + ": readers cannot see it, and a search does not find a word across it; "
            "delete it (copied text often carries one)")


_StrictLoader.add_constructor("tag:yaml.org,2002:str", _text)


class _Dated(_StrictLoader):
    """The strict loader with YAML's dates kept as dates: front matter's `date: 2022-02-03`."""

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:  # 2022-02-30: the shape of a date, not a day on the calendar
            raise DataError(self.name, node.start_mark.line + self.first_line, node.start_mark.column + 1,
                            f"'{node.value}' is not a day on the calendar: write a real date, "
                            "YYYY-MM-DD") from None


_Dated.yaml_implicit_resolvers = yaml.SafeLoader.yaml_implicit_resolvers
_Dated.add_constructor("tag:yaml.org,2002:timestamp", _Dated.construct_yaml_timestamp)


def _marks(node: yaml.Node, first: int, name: str) -> Marks:
    """Map each YAML path to where it starts (a key's own line for mapping entries);
    raise DataError at the first alias: a node met a second time."""
    out: Marks = {(): (node.start_mark.line + first, node.start_mark.column + 1)}
    seen: set[int] = set()

    def visit(node: yaml.Node, path: tuple) -> None:
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            children = [((key.value,), (key.start_mark.line + first, key.start_mark.column + 1), value)
                        for key, value in node.value]
        elif isinstance(node, yaml.SequenceNode):
            children = [((index,), (item.start_mark.line + first, item.start_mark.column + 1), item)
                        for index, item in enumerate(node.value)]
        else:
            return
        for step, mark, child in children:
            if id(child) in seen:  # an alias: where it is written is its parent's line
                line, column = mark if isinstance(node, yaml.MappingNode) else out[path]
                raise DataError(name, line, column, "anchors and aliases (&name, *name) are not "
                                                    "allowed: write the value out in full")
            out[path + step] = mark
            visit(child, path + step)

    visit(node, ())
    return out


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _written(lines: list[str], index: int, step: int) -> int | None:
    """The next line from `index` on, going by `step`, that holds more than a comment."""
    index += step
    while 0 <= index < len(lines) and (not lines[index].strip() or lines[index].lstrip().startswith("#")):
        index += step
    return index if 0 <= index < len(lines) else None


def _opens(line: str) -> bool:
    """Whether `line` opens a block below it: a key with no value, or a folded or literal text."""
    return bool(re.search(r":\s*(?:[|>][-+]?)?\s*$", line.split(" #")[0]))


# What YAML says when a line is indented unlike its neighbours (see _out_of_line).
_INDENT_PROBLEMS = ("mapping values are not allowed", "did not find expected key")


def _out_of_line(lines: list[str], broken: int) -> tuple[int, str] | None:
    """(line, what to do) for the line that YAML breaks on (`broken`, 0-based) or the one
    above it, if it alone is indented unlike the fields around it: `format: number` at 2, 3
    or 6 spaces between fields at 4, or an entry's first field at 2 or 6 above fields at 4.
    YAML names the line where it stopped making sense, often the one after the mistake, and
    calls it "mapping values are not allowed" or "did not find expected key"; None when each
    line there is indented as its neighbours (then the mistake is another)."""
    for at in (broken, _written(lines, broken, -1)):
        if at is None or _opens(lines[at]):  # an entry's name sits less deep than its fields
            continue
        above, below = _written(lines, at, -1), _written(lines, at, 1)
        after = None if below is None else _written(lines, below, 1)
        depth = _indent(lines[at])
        if above is not None and below is not None and not _opens(lines[above]) and (
                _indent(lines[above]) == _indent(lines[below]) != depth):
            return at, f"the lines around it {_indent(lines[below])}"
        if (above is None or _opens(lines[above])) and after is not None and not _opens(lines[below]) and (
                _indent(lines[below]) == _indent(lines[after]) != depth):
            return at, f"the lines below it {_indent(lines[below])}"
    return None


def _opened_too_deep(lines: list[str], first: int, again: int) -> tuple[int, str, int] | None:
    """(line, its text, the entries' indent) of the line between a key's `first` and
    `again` use (0-based) that was meant to open a new entry but sits at its fields'
    indent (`  detainees-un:` at 4 spaces), so the fields below it count as the entry
    above's again; None if there is no such line."""
    depth = _indent(lines[again])
    for at in range(first + 1, again):
        below = _written(lines, at, 1)
        if (_indent(lines[at]) == depth and _opens(lines[at]) and below is not None
                and _indent(lines[below]) == depth):
            parent = next((i for i in range(first, -1, -1) if lines[i].strip() and _indent(lines[i]) < depth), None)
            if parent is not None:
                return at, lines[at], _indent(lines[parent])
    return None


def _unclosed_quote(text: str, error: yaml.MarkedYAMLError) -> tuple[yaml.Mark, str] | None:
    """(the opening quote, what to do) when a value's closing quote is missing.

    Such a value runs on to the next quote character, often an apostrophe many lines
    below, or to the end of the file, and YAML breaks only there: the place to mend is
    the opening quote. No value of this edition's data or front matter spans lines in
    quotes, so one that does, and ends where YAML broke, is taken for that mistake."""
    if error.context == "while scanning a quoted scalar":
        return error.context_mark, "this quote is never closed: close it at the end of its value"
    try:
        for token in yaml.scan(text):
            start, end = token.start_mark, token.end_mark
            if start.line > error.problem_mark.line:
                break
            if (isinstance(token, yaml.ScalarToken) and token.style in ("'", '"')
                    and start.line < end.line == error.problem_mark.line):
                return start, (f"this quote ({token.style}) is not closed on its line, so the value runs "
                               f"on to line {end.line + 1}: close it at the end of its value")
    except yaml.YAMLError:
        pass  # the tokens before the break are all there is to read
    return None


def load(text: str, name: str, first_line: int = 1, dates: bool = False) -> tuple[Any, Marks]:
    """Parse one YAML document; raise DataError naming `name`, the line and the fix.

    `first_line` is the line of `name` the text starts on (front matter starts on 2);
    `dates` keeps YAML dates as dates instead of text."""
    loader = (_Dated if dates else _StrictLoader)(text)
    loader.name, loader.first_line, loader.text = name, first_line, text
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        marks = _marks(node, first_line, name)  # first: it refuses aliases before they expand
        return loader.construct_document(node), marks
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or "malformed YAML"
        quote = _unclosed_quote(text, error)
        if quote:
            mark, problem = quote
        lines = text.splitlines()
        slip = _out_of_line(lines, mark.line) if problem.startswith(_INDENT_PROBLEMS) else None
        if mark.line < len(lines) and "\t" in lines[mark.line] or "'\\t'" in problem:
            problem += " (YAML indents with spaces, never tabs)"
        elif slip is not None:
            at, neighbours = slip
            raise DataError(name, at + first_line, _indent(lines[at]) + 1,
                            f"this line is indented {_indent(lines[at])} spaces, and {neighbours}: "
                            "indent it as they are") from None
        elif problem.startswith("mapping values are not allowed"):  # title: Syria: a test
            problem += " (a value holding a colon and a space is written in quotes: key: \"text: more\")"
        raise DataError(name, mark.line + first_line, mark.column + 1,
                        f"malformed YAML: {problem}") from None
    finally:
        loader.dispose()


def read_file(path: Path, name: str) -> str:
    """The text of `path`, reported as `name` (a path relative to the project) if missing."""
    try:
        return read_text(path, name)
    except FileNotFoundError:
        raise DataError(name, None, None, "file not found; it is required") from None


def load_file(path: Path, name: str) -> tuple[Any, Marks]:
    """Read and parse `path`, reporting it as `name` (a path relative to the project)."""
    return load(read_file(path, name), name)
