"""`make review` on a working tree that does not build: review.md names every mistake as
the build located it (file:line:col and what to do), and says plainly what could and
could not be compared.

The mistakes expected are the checks' own (the linter's, the registry's), run here on the
same edited tree, never copied from a report.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.checks.lint import lint_pages
from macros.errors import DataErrors
from macros.registry.loading import load_registry
from tests.support import edit
from tests.test_review import repo, review, sections  # noqa: F401 (repo: the fixture)

FIGURE = "children-detained"  # a registered figure: typing its words in stops the build


def failed_review(repo: Path, expected: list[str]) -> str:
    """review.md of a tree that does not build; the terminal says each `expected` mistake
    too, not only that the tree does not build."""
    run = review(repo)  # BASE: HEAD itself, which builds; the edits are uncommitted
    assert run.returncode != 0 and "does not build" in run.stdout, run.stdout + run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    assert [mistake for mistake in expected if mistake not in run.stderr] == [], run.stderr
    return (repo / "review.md").read_text(encoding="utf-8")


def test_a_page_that_does_not_build_has_its_mistake_in_the_report(repo):
    written = load_registry(repo).figures[FIGURE].written
    edit(repo / "docs" / "about.md", "\n## What this edition does not know",
         f" It had a team of {written} editors.\n\n## What this edition does not know")
    expected = [str(mistake) for mistake in lint_pages(repo / "docs", load_registry(repo))]
    assert expected, "the edit no longer makes a mistake"

    report = failed_review(repo, expected)
    for mistake in expected:
        assert re.match(r"docs/about\.md:\d+:\d+: ", mistake), mistake
        assert mistake in sections(report)[""], mistake


def test_data_that_does_not_load_has_every_mistake_in_the_report(repo):
    figures = repo / "data" / "figures.yml"
    text = figures.read_text(encoding="utf-8")
    as_of = re.search(r'\n    as_of: "(\d{4})"\n    sources: \[([\w-]+)\]', text)
    edit(figures, as_of.group(), f'\n    as_of: "{as_of[1]}-13"\n    sources: [no-such-{as_of[2]}]')
    with pytest.raises(DataErrors) as raised:
        load_registry(repo)
    expected = [str(mistake) for mistake in raised.value.errors]
    assert len(expected) == 2

    report = failed_review(repo, expected)
    head = sections(report)[""]
    for mistake in expected:
        assert mistake in head, mistake
    assert "more)" not in report
    # The header does not promise the data's changes it then says it could not compare.
    assert "data does not load**, so the data is not compared" in head and "the data's changes still are" not in head
    # Text in the report is Markdown, read raw too: no HTML entities.
    assert "&#" not in report and "the working tree's data does not load" in sections(report)["Figures"]
