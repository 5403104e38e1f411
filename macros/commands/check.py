"""`make check`: data, pages and rules checked in a second or two, without building.

Exit status 1 on any mistake (schema, references, typed-in figures, unknown or unused
ids); broken consistency rules are listed as the flags readers will see, not failures.
Under GitHub Actions each is also a workflow command on its line (`checks/annotations.py`;
of the flags, those the branch brings: `checks/new_flags.py`).
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

from ..errors import DataErrors
from ..checks import annotations, new_flags
from ..checks.lint import lint_pages, unused, used_ids
from ..page_macros import page_macros
from ..registry.loading import load_registry

ROOT = Path(__file__).resolve().parents[2]


def main(root: Path = ROOT) -> int:
    try:
        registry = load_registry(root)
    except DataErrors as errors:
        print(errors, file=sys.stderr)
        annotations.annotate(str(errors))
        return 1
    # The names the build registers as macros (macros/__init__.py), read from where it gets
    # them; the macros are only defined here, never called.
    macros = page_macros(SimpleNamespace(registry=registry))
    mistakes = lint_pages(root / "docs", registry, macros=macros)
    # Unused ids only once the pages are clean: a misspelt id also leaves its figure unused.
    problems = [] if mistakes else unused(registry, *used_ids(root / "docs"))
    told = [*map(str, mistakes), *problems]
    for problem in told:
        print(problem, file=sys.stderr)
    annotations.annotate("\n".join(told))
    for flag in registry.flags:
        print(f"editor's flag ({flag.rule}) on {', '.join(flag.figures)}: {flag.measured}")
    if annotations.active():
        # Only the flags the branch brings: GitHub shows ten warnings a step (checks/new_flags.py).
        brought, why_all = new_flags.flags_to_annotate(root, registry)
        if why_all:
            print(f"every editor's flag is annotated: {why_all}")
        for flag in brought:
            # On the line of each figure it names, as readers will see it beside each.
            annotations.annotate("\n".join(f"{registry.figures[f].where}: {flag.message} ({flag.measured})"
                                           for f in flag.figures), "warning", f"Editor's flag ({flag.rule})")
    count = len(mistakes) + len(problems)
    print(f"{len(registry.figures)} figures, {len(registry.sources)} sources, "
          f"{len(registry.flags)} editor's flags, {count} mistake(s)")
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main())
