"""Read data/*.yml strictly, check it, and build the Registry: once per build.

Every data file goes the same way: strict YAML (`yaml_strict.py`), its JSON Schema
(`schemas.py`), then what a schema cannot say (`data_checks.py`). Every mistake of
every file is gathered before anything is built, so a contributor sees them all.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..checks.macro_calls import macro_calls, unknown_ids
from ..checks.source_text import page_files, read_text
from ..errors import DataError, DataErrors
from ..render.typography import typographic
from .data_checks import (correction_errors, figure_errors, quantity_errors, quantity_label_errors,
                          rule_reference_errors, source_errors)
from .model import Author, Correction, Figure, PartialDate, Quantity, Range, Registry, Source
from .rules import FIGURE_FIELDS, evaluate
from .schemas import schema_errors
from .entries import read_entries
from .written import written_flags
from .yaml_strict import Marks, load, load_file, read_file

FIGURES_FILE = "data/figures.yml"
SOURCES_FILE = "data/sources.yml"
RULES_FILE = "data/rules.yml"
CORRECTIONS_FILE = "data/corrections.yml"
VARIANTS_FILE = "data/search-variants.yml"
QUANTITIES_FILE = "data/quantities.yml"

# Each data file and its schema under data/schema/.
DATA_FILES = {SOURCES_FILE: "sources.schema.json", FIGURES_FILE: "figures.schema.json",
              RULES_FILE: "rules.schema.json", CORRECTIONS_FILE: "corrections.schema.json",
              VARIANTS_FILE: "search-variants.schema.json", QUANTITIES_FILE: "quantities.schema.json"}


def _value(raw):
    if isinstance(raw, dict):
        return Range(_value(raw["low"]), _value(raw["high"]))
    return PartialDate(raw) if isinstance(raw, str) else raw


def _date(raw):
    return PartialDate(raw) if raw else None


def _author(raw) -> Author | None:
    """A person's {family, given}, or a body's name as text; None when unknown."""
    if isinstance(raw, dict):
        return Author(family=raw["family"], given=raw["given"])
    return Author(name=raw) if raw else None


def _where(file: str, marks: Marks | None, key: str, item_id: str) -> str:
    line = (marks or {}).get((key, item_id), (None,))[0]
    return f"{file}:{line}" if line else file


def build_sources(sources: dict, marks=None) -> dict[str, Source]:
    return {
        sid: Source(id=sid, title=typographic(s["title"]), kind=s["kind"],
                    publisher=typographic(s.get("publisher")), author=_author(s.get("author")),
                    date=_date(s.get("date")), url=s.get("url"),
                    accessed=_date(s.get("accessed")), archive=s.get("archive"),
                    note=typographic(s.get("note")), unused=typographic(s.get("unused")),
                    where=_where(SOURCES_FILE, marks, "sources", sid))
        for sid, s in sources.items()
    }


def build_registry(figures: dict, sources: dict, fig_marks=None, src_marks=None) -> Registry:
    """Model objects from already checked mappings (marks say where each is defined)."""
    return Registry(
        sources=build_sources(sources, src_marks),
        figures={
            fid: Figure(id=fid, label=typographic(f["label"]), value=_value(f["value"]), unit=f["unit"],
                        format=f["format"], written=f["written"], sources=tuple(f["sources"]),
                        scope=typographic(f["scope"]), as_of=_date(f.get("as_of")), pattern=f.get("pattern"),
                        note=typographic(f.get("note")), event=f.get("event", False),
                        quantity=f.get("quantity"), unused=typographic(f.get("unused")),
                        where=_where(FIGURES_FILE, fig_marks, "figures", fid))
            for fid, f in figures.items()
        },
    )


@lru_cache(maxsize=2 * len(DATA_FILES))
def _parsed(text: str, name: str, schema: str) -> tuple[Any, Marks, tuple[DataError, ...]]:
    """One data file's text parsed and checked against its schema: a pure function of its
    arguments, so `mkdocs serve`, which keeps this module between rebuilds, parses only
    the files an edit changed (figures.yml at 1,000 items takes seconds). What it returns
    is never changed by its callers."""
    quick = read_entries(text, name, schema)
    if quick is not None:  # every entry parsed and checked, most of them remembered
        return *quick, ()
    data, marks = load(text, name)
    return data, marks, tuple(schema_errors(data, marks, schema, name))


def _read_all(root: Path) -> dict[str, tuple[Any, Marks]]:
    """Every data file parsed and checked against its schema; DataErrors lists every mistake."""
    errors: list[DataError] = []
    loaded = {}
    for name, schema in DATA_FILES.items():
        try:
            data, marks, mistakes = _parsed(read_file(root / name, name), name, schema)
        except DataError as error:
            errors.append(error)
            continue
        errors += mistakes
        loaded[name] = (data, marks)
    if errors:
        raise DataErrors(errors)
    return loaded


def _calls_to_ids_not_held(docs_dir: Path, figures: dict, sources: dict) -> list[DataError]:
    """The pages' fig() and cite() calls to ids the data files do not hold. Once the data
    loads, the pages' checks (checks/lint.py) tell these; while it does not, the pages are
    not checked, and a figure taken out was told in rules.yml first, in the essay after."""
    errors = []
    for name, path in page_files(docs_dir):
        try:
            text = read_text(path, name)
        except DataError:
            continue  # told by the pages' checks, once the data loads
        errors += unknown_ids(name, macro_calls(text), figures, sources)
    return errors


def load_registry(root: Path, docs_dir: Path | None = None, today: date | None = None) -> Registry:
    """Load and check every data file under `root` (corrections against the pages of
    `docs_dir`, by default root/docs; dates against `today`, by default the day of the
    build); raise DataErrors listing every mistake."""
    docs_dir = docs_dir or root / "docs"
    today = today or date.today()
    loaded = _read_all(root)
    (sources, src_marks), (figures, fig_marks), (rules, rule_marks), (corrections, corr_marks), \
        (variants, _), (quantities, quantity_marks) = (loaded[name] for name in DATA_FILES)
    pages = sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))
    errors = figure_errors(figures["figures"], sources["sources"], fig_marks, FIGURES_FILE, SOURCES_FILE, today)
    errors += quantity_errors(figures["figures"], quantities["quantities"], fig_marks, FIGURES_FILE, QUANTITIES_FILE)
    errors += quantity_label_errors(quantities["quantities"], quantity_marks, QUANTITIES_FILE)
    errors += source_errors(sources["sources"], src_marks, SOURCES_FILE, today)
    errors += rule_reference_errors(rules["rules"], figures["figures"], rule_marks, RULES_FILE, FIGURE_FIELDS, today)
    errors += correction_errors(corrections["corrections"], corr_marks, pages, CORRECTIONS_FILE, today)
    if errors:  # told with them: a figure taken out is also named where the pages still call it
        raise DataErrors(errors + _calls_to_ids_not_held(docs_dir, figures["figures"], sources["sources"]))
    registry = build_registry(figures["figures"], sources["sources"], fig_marks, src_marks)
    registry.flags = evaluate(rules["rules"], registry) + written_flags(registry)
    registry.corrections = [Correction(page=c["page"], date=PartialDate(c["date"]), what=typographic(c["what"]),
                                       why=typographic(c["why"]),
                                       at=corr_marks.get(("corrections", i, "date"), (None, None)))
                            for i, c in enumerate(corrections["corrections"])]
    registry.variants = variants["variants"]
    registry.quantities = {qid: Quantity(qid, typographic(q["label"])) for qid, q in quantities["quantities"].items()}
    return registry


def load_sources(root: Path) -> dict[str, Source]:
    """data/sources.yml alone, checked as a build checks it (for `make linkcheck`)."""
    data, marks = load_file(root / SOURCES_FILE, SOURCES_FILE)
    errors = schema_errors(data, marks, DATA_FILES[SOURCES_FILE], SOURCES_FILE)
    errors += source_errors(data["sources"], marks, SOURCES_FILE, date.today()) if not errors else []
    if errors:
        raise DataErrors(errors)
    return build_sources(data["sources"], marks)
