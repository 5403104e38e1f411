"""Strict YAML reading: duplicate keys are errors, dates stay strings, every node keeps its line.

PyYAML's SafeLoader (which mkdocs-macros' include_yaml uses) keeps the last of two
duplicate keys without a word and turns 2022-01-26 into a datetime. A contributor
must hear about the first, and the second would make dates of different precision
(2003, 2022-03, 2022-01-26) come back as different types.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..errors import DataError

Marks = dict[tuple, tuple[int, int]]  # YAML path -> (line, column), both 1-based


# libyaml's parser when PyYAML has it (the wheels do): the pure-Python one took most of
# a build's macro time at 1,000 Rundown items (bench/results.md). Same nodes, same marks.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_Base):
    """SafeLoader without timestamps, refusing duplicate keys."""

    def construct_mapping(self, node, deep=False):
        seen: dict[Any, int] = {}
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=deep)
            line = key_node.start_mark.line + self.first_line
            if key in seen:
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


def _marks(node: yaml.Node, first: int, path: tuple = (), out: Marks | None = None) -> Marks:
    """Map each YAML path to where it starts: a key's own line for mapping entries."""
    out = {} if out is None else out
    out.setdefault(path, (node.start_mark.line + first, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = path + (key_node.value,)
            out[child] = (key_node.start_mark.line + first, key_node.start_mark.column + 1)
            _marks(value_node, first, child, out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _marks(item, first, path + (index,), out)
    return out


def load(text: str, name: str, first_line: int = 1) -> tuple[Any, Marks]:
    """Parse one YAML document; raise DataError naming `name`, the line and the fix.

    `first_line` is the line of `name` the text starts on (front matter starts on 2)."""
    loader = _StrictLoader(text)
    loader.name, loader.first_line = name, first_line
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        return loader.construct_document(node), _marks(node, first_line)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or "malformed YAML"
        lines = text.splitlines()
        if mark.line < len(lines) and "\t" in lines[mark.line] or "'\\t'" in problem:
            problem += " (YAML indents with spaces, never tabs)"
        raise DataError(name, mark.line + first_line, mark.column + 1,
                        f"malformed YAML: {problem}") from None
    finally:
        loader.dispose()


def read_file(path: Path, name: str) -> str:
    """The text of `path`, reported as `name` (a path relative to the project) if missing."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(name, None, None, "file not found; it is required") from None
