"""Checks on the Markdown pages, read without building: front matter
(front_matter_checks.py), figures typed in by hand, malformed macro calls
(macro_calls.py), unknown ids, and ids no page uses.

A number that the registry knows must reach the page through {{ fig('id') }}, or a
correction to data/figures.yml would miss it. Prose is what remains of a page once
front matter, code, HTML comments and tags, template expressions and link targets
are blanked out (with spaces, so that lines and columns stay true).

The build runs all but the unused-id check before rendering; it checks unused ids
against the record of what the pages rendered (uses.py), and `make check` against the
calls read here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import DataError
from .front_matter_checks import FrontMatterChecks
from .macro_calls import CALL, call_errors
from ..registry.loading import CORRECTIONS_FILE
from ..registry.model import Figure, PartialDate, Range, Registry
from ..render.formatting import format_value
from .source_text import read_text



_NOT_PROSE = [
    re.compile(r"\A---\n.*?\n(---|\.\.\.)\n", re.S),           # front matter
    re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.S | re.M),       # fenced code
    re.compile(r"<!--.*?-->", re.S),                           # HTML comments
    re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S),      # template code
    re.compile(r"`[^`\n]+`"),                                  # inline code
    re.compile(r"\]\([^)\n]*\)|<[^>\n]+>|https?://\S+"),       # link targets, tags, URLs
]

_NUMBER = re.compile(
    r"(?<![\w.,/-])(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?P<scale>\s+(?:million|billion))?(?P<pct>\s*(?:%|percent\b|per cent\b))?(?![\w,]*\d)"
)
_SCALE = {"million": 1e6, "billion": 1e9}


def prose(text: str) -> str:
    """`text` with everything but prose blanked out, newlines kept."""
    for pattern in _NOT_PROSE:
        text = pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    return text


def _bounds(value) -> list:
    return [value.low, value.high] if isinstance(value, Range) else [value]


@dataclass(frozen=True)
class KnownFigures:
    """What a typed-in figure can look like, computed once per build, not once per page."""

    numbers: dict[tuple[float, bool], Figure]  # (value, written as a percentage) -> figure
    phrases: dict[str, Figure]                 # written dates such as "March 2019"
    phrase_pattern: re.Pattern | None


def known_figures(registry: Registry) -> KnownFigures:
    numbers: dict[tuple[float, bool], Figure] = {}
    phrases: dict[str, Figure] = {}
    for figure in registry.figures.values():
        if figure.format == "date":
            for bound in _bounds(figure.value):
                if isinstance(bound, PartialDate) and bound.precision == "year":
                    numbers.setdefault((float(bound.text), False), figure)
            written = format_value(figure)
            if re.search(r"\d", written) and not written.isdigit():
                phrases.setdefault(written, figure)
            continue
        values = [float(v) for v in _bounds(figure.value)]
        if figure.format == "compact":  # "1.2 million" stands for 1,186,556
            values += [round(v / 1e6, 1) * 1e6 for v in values] + [round(v / 1e9, 1) * 1e9 for v in values]
        for value in values:
            numbers.setdefault((value, figure.unit == "percent"), figure)
    alternatives = "|".join(map(re.escape, sorted(phrases, key=len, reverse=True)))
    # The lookahead on the phrases' first letters lets the engine skip most places at
    # once: without it every word start tried each phrase (1.2 s at 1,000 items, 600 dates).
    firsts = re.escape("".join(sorted({phrase[0] for phrase in phrases})))
    pattern = re.compile(rf"(?<!\w)(?=[{firsts}])(?:{alternatives})(?!\w)") if phrases else None
    return KnownFigures(numbers, phrases, pattern)


def typed_figures(text: str, name: str, registry: Registry,
                  known: KnownFigures | None = None) -> list[DataError]:
    """Each registered figure typed into the prose of `text` by hand."""
    known = known or known_figures(registry)
    clean = prose(text)
    found = []

    def report(start: int, typed: str, figure: Figure):
        line = clean.count("\n", 0, start) + 1
        column = start - (clean.rfind("\n", 0, start) + 1) + 1
        found.append(DataError(name, line, column,
                               f"“{typed}” is typed in, but it is the registered figure "
                               f"'{figure.id}': write {{{{ fig('{figure.id}') }}}} instead"))

    for match in _NUMBER.finditer(clean):
        number = float(match["n"].replace(",", ""))
        if match["scale"]:
            number *= _SCALE[match["scale"].strip()]
        figure = known.numbers.get((number, bool(match["pct"])))
        if figure:
            report(match.start(), match.group().strip(), figure)
    if known.phrase_pattern:
        for match in known.phrase_pattern.finditer(clean):
            report(match.start(), match.group(), known.phrases[match.group()])
    return sorted(found, key=lambda e: (e.line, e.column))


def macro_calls(text: str) -> list[tuple[str, str, int]]:
    """(macro, id, line) of every fig('...') and cite('...') call in a page."""
    return [(m[1], m[3], text.count("\n", 0, m.start()) + 1) for m in CALL.finditer(text)]


def pages(docs_dir: Path) -> Iterable[tuple[str, str]]:
    """(name relative to the project, text) of every Markdown page."""
    for name, path in page_files(docs_dir):
        yield name, read_text(path, name)


def unused(registry: Registry, used_figures: set[str], used_sources: set[str]) -> list[str]:
    """Figures and sources nothing cites, unless marked `unused:` with a reason."""
    used_sources = used_sources | {s for figure in registry.figures.values() for s in figure.sources}
    problems = [f"{f.where}: figure '{f.id}' is used on no page: use it with {{{{ fig('{f.id}') }}}}, "
                "remove it, or say why it stays with `unused: <reason>`"
                for f in registry.figures.values() if f.id not in used_figures and not f.unused]
    problems += [f"{s.where}: source '{s.id}' is named by no figure and cited by no page: cite it, remove it, "
                 "or say why it stays with `unused: <reason>`"
                 for s in registry.sources.values() if s.id not in used_sources and not s.unused]
    return problems


def page_files(docs_dir: Path) -> list[tuple[str, Path]]:
    """(name relative to the project, path) of every Markdown page."""
    return [(f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}", path)
            for path in sorted(docs_dir.rglob("*.md"))]


def lint_pages(docs_dir: Path, registry: Registry, today: date | None = None,
               skip: set[str] = frozenset()) -> list[DataError]:
    """Every page's front matter, typed-in figures and macro calls, then what spans pages;
    pages in `skip` (paths under docs/: those a preview leaves out) are passed over."""
    errors, typed = [], known_figures(registry)
    fronts = FrontMatterChecks(docs_dir, registry, today or date.today())
    for name, path in page_files(docs_dir):
        if name.split("/", 1)[1] in skip:
            continue
        try:
            text = read_text(path, name)
        except DataError as error:
            errors.append(error)
            continue
        errors += fronts.page(name, text) + typed_figures(text, name, registry, typed) + call_errors(text, name)
        for macro, item_id, line in macro_calls(text):
            try:
                (registry.figure if macro == "fig" else registry.source)(item_id)
            except LookupError as error:
                errors.append(DataError(name, line, None, str(error)))
    return errors + fronts.across_pages(CORRECTIONS_FILE)


def used_ids(docs_dir: Path) -> tuple[set[str], set[str]]:
    """The figure and source ids the pages' fig() and cite() calls name, read as text."""
    calls = {(macro, item_id) for _name, text in pages(docs_dir) for macro, item_id, _line in macro_calls(text)}
    return {i for macro, i in calls if macro == "fig"}, {i for macro, i in calls if macro == "cite"}
