"""The data files' schemas (jsonschema), and their errors told in the contributor's terms.

Each error is a DataError located at the offending key, so that every mistake is
reported in one run, in file order. What a schema cannot say is in `data_checks.py`.
"""

from __future__ import annotations

import datetime
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import jsonschema_rs
from jsonschema import Draft202012Validator, FormatChecker

from ..errors import DataError, did_you_mean
from .yaml_strict import Marks

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "data" / "schema"


def inline_refs(node: Any, defs: dict) -> Any:
    """`node` with each local `{"$ref": "#/$defs/x", ...}` replaced by the definition itself.

    jsonschema resolves a $ref on every use: at 5,000 figures that doubled the time of
    validating the data (bench/results.md). Our schemas have no recursive definitions;
    keywords beside a $ref (a description) are kept, and may not clash with the target's.
    """
    if isinstance(node, dict):
        inlined = {key: inline_refs(value, defs) for key, value in node.items()
                   if key not in ("$defs", "$ref")}
        ref = node.get("$ref")
        if ref is None:
            return inlined
        if not ref.startswith("#/$defs/"):
            raise ValueError(f"only local $refs (#/$defs/...) can be inlined, not {ref}")
        target = inline_refs(defs[ref.removeprefix("#/$defs/")], defs)
        clash = set(target) & set(inlined) - {"description", "x-expected"}
        if clash:
            raise ValueError(f"keywords beside {ref} clash with its definition: {sorted(clash)}")
        return {**target, **inlined}
    if isinstance(node, list):
        return [inline_refs(value, defs) for value in node]
    return node


# The one format our schemas assert: "day", a YAML date written without quotes (front
# matter's `date:` and `updated:`, which MkDocs and the blog plugin read as dates).
FORMATS = FormatChecker(formats=())
FORMATS.checks("day")(lambda value: isinstance(value, datetime.date))


def validator(schema_name: str, definition: str | None = None) -> Draft202012Validator:
    """The checker for one schema under data/schema/, as the file reads now, or for one of
    its `$defs` (a kind of page's front matter)."""
    return _validator((SCHEMA_DIR / schema_name).read_text(encoding="utf-8"), definition)


@lru_cache(maxsize=32)
def _validator(text: str, definition: str | None) -> Draft202012Validator:
    """A pure function of the schema's text: entries.py checks thousands of entries with it."""
    schema = json.loads(text)
    Draft202012Validator.check_schema(schema)
    defs = schema.get("$defs", {})
    root = {"$ref": f"#/$defs/{definition}"} if definition else schema
    return Draft202012Validator(inline_refs(root, defs), format_checker=FORMATS)


def quick_check(schema_name: str) -> Callable[[Any], bool]:
    """Whether a data file's content passes its schema, answered by jsonschema-rs: six
    thousand entries in a few hundredths of a second instead of most of a second
    (`registry/entries.py`). It must never pass what `validator(schema_name)` refuses;
    what it refuses goes to that full check, which alone says what is wrong (and may yet
    pass it: Python's `$` allows a trailing newline, Rust's does not). The patterns are
    written to mean the same in both regex engines, and formats are not asserted here
    (the data files' schemas have none; front matter is not checked this way).
    `tests/test_data_loading.py` holds the quick check to that."""
    return _quick_check((SCHEMA_DIR / schema_name).read_text(encoding="utf-8"))


@lru_cache(maxsize=32)
def _quick_check(text: str) -> Callable[[Any], bool]:
    schema = json.loads(text)
    quick = jsonschema_rs.Draft202012Validator(inline_refs(schema, schema.get("$defs", {})))

    def passes(instance: Any) -> bool:
        try:
            return quick.is_valid(instance)
        except ValueError:  # a value JSON has no type for (a set, a key that is a number)
            return False

    return passes


def dotted(path: tuple, top: str = "(top level)") -> str:
    return ".".join(str(p) for p in path) or top


def locate(marks: Marks, path: tuple) -> tuple[int | None, int | None]:
    """Line and column of `path`, or of its nearest ancestor that has one."""
    while path not in marks and path:
        path = path[:-1]
    return marks.get(path, (None, None))


def _unmet(error) -> list[tuple[str, list[str]]]:
    """A dependentRequired error's keys that are present without all they need, each with
    what it lacks. jsonschema raises one error per missing field and does not say which
    key it belongs to, so the keys are read from the instance, and told once each."""
    present = error.instance
    return [(key, [n for n in needed if n not in present]) for key, needed in error.validator_value.items()
            if key in present and any(n not in present for n in needed)]


# What each JSON type is called in a YAML file, and what a value of each Python type is.
_WANTED = {"string": "text", "object": "`key: value` lines", "array": "a list", "boolean": "true or false",
           "number": "a number", "integer": "a whole number", "null": "nothing"}


def _shown(value) -> str:
    """A value as the contributor wrote it in YAML, not as Python prints it."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(map(_shown, value)) + "]"
    if isinstance(value, bytes):
        return "binary data (!!binary)"
    return repr(value)


def _found(value) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return "a date"
    return "a list" if isinstance(value, list) else "`key: value` lines" if isinstance(value, dict) else "text"


def _type_sentence(error) -> str:
    """A value of the wrong kind, named as what it is, with what belongs there and how
    to write it (jsonschema says "None is not of type 'object'")."""
    wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
    want, value = " or ".join(_WANTED.get(w, w) for w in wanted), error.instance
    if value is None:
        return f"is empty: write {error.schema.get('x-expected') or want} here"
    if isinstance(value, bytes):
        return f"is binary data (a !!binary tag), not {want}: write it as plain text, without the tag"
    hint = ""
    if "string" in wanted and not isinstance(value, (list, dict)):
        hint = f": put it in quotes, \"{value}\""
    elif "array" in wanted and isinstance(value, str) and re.search(r",|(?:^|\s)-", value):
        # tags: Syria, Detention; or a dash written without its space (`-ctc-winter-2022`),
        # which YAML reads with the lines below it as one text: "-ctc-winter-2022 - hrw-...".
        entries = [entry.strip() for entry in re.split(r",|(?:^|\s)-\s*", value) if entry.strip()]
        hint = f": write it as a list, one entry a line below it: {', '.join(f'`- {e}`' for e in entries)}"
    elif "array" in wanted and not isinstance(value, (list, dict)):
        hint = f": write it as a list, `- {value}` on a line below"
    elif "boolean" in wanted and isinstance(value, str):
        hint = ": write true or false, without quotes"
    elif {"number", "integer"} & set(wanted) and isinstance(value, str):
        hint = ": write the number without quotes"
    return f"{_shown(value)} is {_found(value)}, not {want}{hint}"


def _sentence(error) -> str:
    """One plain sentence for a jsonschema error, in the contributor's terms."""
    kind, instance = error.validator, error.instance
    if kind == "type":
        return _type_sentence(error)
    if kind == "required":
        missing = [k for k in error.validator_value if k not in instance]
        where = error.schema.get("x-required", "see the comment at the top of the file")
        return f"missing required field(s) {', '.join(missing)}; add them ({where})"
    if kind == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        extra = [k for k in instance if k not in allowed]
        hints = []
        for key in extra:
            hint = did_you_mean(key, allowed, n=1)
            hints.append(f"'{key}'" + (f" ({hint})" if hint else ""))
        if any(" " in str(key) for key in extra):  # words with a colon, read as a field's name
            return (f"unknown field {', '.join(hints)}: a field's name has no spaces. If this line goes on "
                    "with the text above it (a `note: >-`), indent it as that text's first line is, or put "
                    "the text in quotes")
        return f"unknown field {', '.join(hints)}; allowed fields are {', '.join(allowed)}"
    if kind == "enum":
        return f"{_shown(instance)} is not one of {', '.join(map(str, error.validator_value))}"
    if kind == "minItems":
        return "must list at least one entry"
    if kind == "uniqueItems":
        return "lists the same entry twice"
    if kind == "minLength":
        return "must not be empty"
    expected = error.schema.get("x-expected")
    if expected and instance is None:
        return f"is empty: write {expected} here"
    if expected:
        return f"{_shown(instance)} is not {expected}"
    return error.message


def schema_errors(data: Any, marks: Marks, schema_name: str, file: str) -> list[DataError]:
    return validation_errors(validator(schema_name), data, marks, file)


def validation_errors(checker: Draft202012Validator, data: Any, marks: Marks, file: str,
                      top: str = "(top level)") -> list[DataError]:
    """Each of `checker`'s errors in `data`, located at its key in `file`, in file order;
    `top` names the whole document in messages."""
    errors, told = [], set()
    for error in checker.iter_errors(data):
        path = tuple(error.absolute_path)
        if error.validator == "dependentRequired":  # on the line of the key that needs the others
            if path not in told:
                told.add(path)
                for key, needed in _unmet(error):
                    line, column = locate(marks, path + (key,))
                    fields = ", ".join(needed)
                    errors.append(DataError(file, line, column, f"{dotted(path + (key,), top)}: '{key}' needs "
                                            f"{fields} beside it: add {fields}, or remove '{key}'"))
            continue
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            allowed = error.schema.get("properties", {})
            extra = [k for k in error.instance if k not in allowed]
            path = path + (extra[0],) if extra else path
        elif "propertyNames" in error.schema_path:
            path = path + (error.instance,)
        line, column = locate(marks, path)
        if line is None and not path:  # the whole file, which has no key to point at: its first line
            line = 1
        errors.append(DataError(file, line, column, f"{dotted(path, top)}: {_sentence(error)}"))
    # jsonschema tells each missing field apart; the sentence names them all, once.
    once = {str(error): error for error in errors}.values()
    return sorted(once, key=lambda e: (e.line or 0, e.column or 0))
