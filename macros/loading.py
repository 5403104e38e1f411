"""Read data/*.yml strictly, validate it, and build the Registry: once per build."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .errors import DataError, DataErrors
from .model import Figure, PartialDate, Range, Registry, Source
from .rules import FIGURE_FIELDS, evaluate
from .validation import rule_errors, rule_reference_errors, schema_errors
from .yaml_strict import load_file

FIGURES_FILE = "data/figures.yml"
SOURCES_FILE = "data/sources.yml"
RULES_FILE = "data/rules.yml"
DATA_FILES = ((SOURCES_FILE, "sources.schema.json"), (FIGURES_FILE, "figures.schema.json"),
              (RULES_FILE, "rules.schema.json"))


def _value(raw):
    if isinstance(raw, dict):
        return Range(_value(raw["low"]), _value(raw["high"]))
    return PartialDate(raw) if isinstance(raw, str) else raw


def _date(raw):
    return PartialDate(raw) if raw else None


def build_registry(figures: dict, sources: dict, fig_marks=None, src_marks=None) -> Registry:
    """Model objects from already validated mappings (marks say where each is defined)."""
    def where(file, marks, key, item_id):
        line = (marks or {}).get((key, item_id), (None,))[0]
        return f"{file}:{line}" if line else file

    return Registry(
        sources={
            sid: Source(id=sid, title=s["title"], kind=s["kind"], publisher=s.get("publisher"),
                        author=s.get("author"), date=_date(s.get("date")), url=s.get("url"),
                        note=s.get("note"), unused=s.get("unused"),
                        where=where(SOURCES_FILE, src_marks, "sources", sid))
            for sid, s in sources.items()
        },
        figures={
            fid: Figure(id=fid, label=f["label"], value=_value(f["value"]), unit=f["unit"],
                        format=f["format"], written=f["written"], sources=tuple(f["sources"]),
                        scope=f["scope"], as_of=_date(f.get("as_of")), pattern=f.get("pattern"),
                        note=f.get("note"), event=f.get("event", False),
                        quantity=f.get("quantity"), unused=f.get("unused"),
                        where=where(FIGURES_FILE, fig_marks, "figures", fid))
            for fid, f in figures.items()
        },
    )


# The last registry built, under a digest of the bytes it was built from. Both the
# macros plugin and hooks/data_pages.py need it in one build; at 1,000 items loading
# and checking takes seconds, and the bytes say whether anything changed (serve).
_last: tuple[str, Registry] | None = None


def _digest(root: Path) -> str:
    digest = hashlib.sha256(str(root.resolve()).encode())
    for name, _schema in DATA_FILES:
        path = root / name
        data = path.read_bytes() if path.is_file() else b""
        digest.update(b"%d:%d:" % (path.is_file(), len(data)) + data)
    return digest.hexdigest()


def load_registry(root: Path) -> Registry:
    """The registry for the data under `root`, loaded once for the same bytes."""
    global _last
    key = _digest(root)
    if _last is None or _last[0] != key:
        _last = (key, _load_registry(root))
    return _last[1]


def _load_registry(root: Path) -> Registry:
    """Load and check both data files under `root`; raise DataErrors listing every mistake."""
    errors: list[DataError] = []
    loaded = {}
    for name, schema in DATA_FILES:
        try:
            data, marks = load_file(root / name, name)
        except DataError as error:
            errors.append(error)
            continue
        found = schema_errors(data, marks, schema, name)
        errors.extend(found)
        loaded[name] = (data, marks)
    if errors:
        raise DataErrors(errors)
    (sources, src_marks), (figures, fig_marks), (rules, rule_marks) = (
        loaded[name] for name, _schema in DATA_FILES)
    errors = rule_errors(figures["figures"], sources["sources"], fig_marks, src_marks,
                         FIGURES_FILE, SOURCES_FILE)
    errors += rule_reference_errors(rules["rules"], figures["figures"], rule_marks, RULES_FILE,
                                    FIGURE_FIELDS)
    if errors:
        raise DataErrors(errors)
    registry = build_registry(figures["figures"], sources["sources"], fig_marks, src_marks)
    registry.flags = evaluate(rules["rules"], registry)
    return registry
