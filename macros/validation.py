"""Checks on the raw YAML: its schema (jsonschema) and the rules a schema cannot say.

Each check returns a list of DataError located at the offending key, so that every
mistake is reported in one run, in file order.
"""

from __future__ import annotations

import difflib
import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from .errors import DataError
from .yaml_strict import Marks

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "data" / "schema"


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


@cache
def validator(schema_name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / schema_name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(inline_refs(schema, schema.get("$defs", {})))


def dotted(path: tuple) -> str:
    return ".".join(str(p) for p in path) or "(top level)"


def locate(marks: Marks, path: tuple) -> tuple[int | None, int | None]:
    """Line and column of `path`, or of its nearest ancestor that has one."""
    while path not in marks and path:
        path = path[:-1]
    return marks.get(path, (None, None))


def _sentence(error) -> str:
    """One plain sentence for a jsonschema error, in the contributor's terms."""
    kind, instance = error.validator, error.instance
    if kind == "required":
        missing = [k for k in error.validator_value if k not in instance]
        return f"missing required field(s) {', '.join(missing)}; add them (see the comment at the top of the file)"
    if kind == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        extra = [k for k in instance if k not in allowed]
        hints = []
        for key in extra:
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hints.append(f"'{key}'" + (f" (did you mean '{close[0]}'?)" if close else ""))
        return f"unknown field {', '.join(hints)}; allowed fields are {', '.join(allowed)}"
    if kind == "enum":
        return f"{instance!r} is not one of {', '.join(map(str, error.validator_value))}"
    if kind == "minItems":
        return "must list at least one entry"
    if kind == "uniqueItems":
        return "lists the same entry twice"
    if kind == "minLength":
        return "must not be empty"
    expected = error.schema.get("x-expected")
    if expected:
        return f"{instance!r} is not {expected}"
    return error.message


def schema_errors(data: Any, marks: Marks, schema_name: str, file: str) -> list[DataError]:
    errors = []
    for error in validator(schema_name).iter_errors(data):
        path = tuple(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            allowed = error.schema.get("properties", {})
            extra = [k for k in error.instance if k not in allowed]
            path = path + (extra[0],) if extra else path
        elif "propertyNames" in error.schema_path:
            path = path + (error.instance,)
        line, column = locate(marks, path)
        errors.append(DataError(file, line, column, f"{dotted(path)}: {_sentence(error)}"))
    return sorted(errors, key=lambda e: (e.line or 0, e.column or 0))


def _real_date(text: str) -> bool:
    parts = [int(p) for p in text.split("-")]
    try:
        date(parts[0], *(parts[1:] + [1, 1])[:2])
        return True
    except ValueError:
        return False


def _dates_in(figure: dict) -> list[tuple[tuple, str]]:
    """Every date-looking string of a figure, with its path below the figure."""
    found = []
    value = figure.get("value")
    bounds = value.items() if isinstance(value, dict) else [(None, value)]
    for bound, v in bounds:
        if isinstance(v, str):
            found.append((("value",) + ((bound,) if bound else ()), v))
    if isinstance(figure.get("as_of"), str):
        found.append((("as_of",), figure["as_of"]))
    return found


# CLDR pattern letters that need a day (d, E) or a month (M, L) in the value.
_NEEDS = {"day": set("dEe"), "month": set("ML")}


def _pattern_fields(pattern: str) -> set[str]:
    """Pattern letters outside quoted literals ('late' MMMM -> {'M'})."""
    letters, quoted = set(), False
    for char in pattern:
        if char == "'":
            quoted = not quoted
        elif not quoted and char.isalpha():
            letters.add(char)
    return letters


def rule_errors(figures: dict, sources: dict, fig_marks: Marks, src_marks: Marks,
                fig_file: str, src_file: str) -> list[DataError]:
    """What the schema cannot say: references, calendars, ranges, percentages."""
    errors = []

    def add(file, marks, path, message):
        line, column = locate(marks, path)
        errors.append(DataError(file, line, column, f"{dotted(path)}: {message}"))

    for fid, fig in figures.items():
        base = ("figures", fid)
        for i, sid in enumerate(fig.get("sources") or []):
            if sid not in sources:
                close = difflib.get_close_matches(str(sid), list(sources), n=3)
                hint = f"did you mean {', '.join(map(repr, close))}?" if close else \
                    f"add it to {src_file} first"
                add(fig_file, fig_marks, base + ("sources", i), f"unknown source '{sid}': {hint}")
        for path, text in _dates_in(fig):
            if not _real_date(text):
                add(fig_file, fig_marks, base + path,
                    f"'{text}' is not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)")
        value = fig.get("value")
        if isinstance(value, dict) and "low" in value and "high" in value:
            low, high = value["low"], value["high"]
            if type(low) is not type(high) and not all(isinstance(v, (int, float)) for v in (low, high)):
                add(fig_file, fig_marks, base + ("value",), "low and high must both be numbers or both be dates")
            elif low > high:
                add(fig_file, fig_marks, base + ("value",), f"low ({low}) is greater than high ({high})")
        numbers = [v for v in (value.values() if isinstance(value, dict) else [value])
                   if isinstance(v, (int, float))]
        if fig.get("unit") == "percent" and any(not 0 <= n <= 100 for n in numbers):
            add(fig_file, fig_marks, base + ("value",), "a percentage must lie between 0 and 100")
        if fig.get("format") == "date":
            if numbers:
                add(fig_file, fig_marks, base + ("value",), "format 'date' needs a date value in quotes")
            pattern = fig.get("pattern")
            dates = [v for v in (value.values() if isinstance(value, dict) else [value]) if isinstance(v, str)]
            precision = min((len(d) for d in dates), default=10)
            letters = _pattern_fields(pattern or "")
            if precision < 10 and letters & _NEEDS["day"] or precision < 7 and letters & _NEEDS["month"]:
                add(fig_file, fig_marks, base + ("pattern",),
                    f"pattern '{pattern}' shows a day or month the value does not give")
        elif any(isinstance(v, str) for v in (value.values() if isinstance(value, dict) else [value])):
            add(fig_file, fig_marks, base + ("format",), "a date value needs format: date and a pattern")
    return errors


def rule_reference_errors(rules: dict, figures: dict, marks: Marks, file: str,
                          figure_fields: dict[str, dict[str, bool | None]]) -> list[DataError]:
    """Each rule names existing figures of the right type (a date where a date is needed)."""
    errors = []
    for rule_id, rule in rules.items():
        for name, needs_date in figure_fields[rule["kind"]].items():
            ids = rule[name] if isinstance(rule[name], list) else [rule[name]]
            for index, fid in enumerate(ids):
                path = ("rules", rule_id, name) + ((index,) if isinstance(rule[name], list) else ())
                line, column = locate(marks, path)
                figure = figures.get(fid)
                if figure is None:
                    close = difflib.get_close_matches(str(fid), list(figures), n=3)
                    hint = f"did you mean {', '.join(map(repr, close))}?" if close else "see data/figures.yml"
                    message = f"unknown figure '{fid}': {hint}"
                elif needs_date is not None and (figure["format"] == "date") != needs_date:
                    message = f"'{fid}' must be {'a date' if needs_date else 'a number'} for a {rule['kind']} rule"
                elif rule["kind"] == "max-age" and not figure.get("as_of"):
                    message = f"'{fid}' has no as_of date to age"
                else:
                    continue
                errors.append(DataError(file, line, column, f"{dotted(path)}: {message}"))
    return errors
