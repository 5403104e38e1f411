"""Bad reader-metadata input never publishes: corrections, spellings, a page's `original`.

Same method as test_bad_input.py: break a private copy one way, build it strictly,
expect a non-zero exit whose log names the file, the line and what is wrong.
"""

from __future__ import annotations

import re

import pytest

from conftest import build
from test_bad_input import append, line_of, replace

CORRECTIONS = "data/corrections.yml"
VARIANTS = "data/search-variants.yml"
ESSAY = "docs/essay.md"

CASES = [
    ("correction-bad-date", replace(CORRECTIONS, 'date: "2026-11-25"', 'date: "2026-02-30"'),
     CORRECTIONS, "2026-02-30", "is not a calendar date"),
    ("correction-date-not-a-day", replace(CORRECTIONS, 'date: "2026-11-25"', 'date: "2026-11"'),
     CORRECTIONS, '"2026-11"', "is not a day (YYYY-MM-DD"),
    ("correction-unknown-page", replace(CORRECTIONS, "page: essay.md", "page: esay.md"),
     CORRECTIONS, "esay.md", "did you mean 'essay.md'"),
    ("correction-without-why", replace(CORRECTIONS, "    why: Checking the item against the Human", "    reason: Checking the item against the Human"),
     CORRECTIONS, "reason:", "unknown field 'reason'"),
    ("correction-duplicate-key", replace(CORRECTIONS, "  - page: essay.md\n", "  - page: essay.md\n    page: about.md\n"),
     CORRECTIONS, "page: about.md", "duplicate key 'page'"),
    ("corrections-file-missing", lambda p: (p / CORRECTIONS).unlink(), CORRECTIONS, None, "file not found"),
    ("variant-list-empty", replace(VARIANTS, "  Baghouz: [Baghuz, Al-Baghuz, Bagouz]", "  Baghouz: []"),
     VARIANTS, "Baghouz: []", "must list at least one entry"),
    ("variant-with-markup", replace(VARIANTS, "Bagouz]", "<b>Bagouz</b>]"),
     VARIANTS, "<b>Bagouz</b>", "is not a spelling without <, >, & or quotes"),
    ("original-unknown-source", replace(ESSAY, "original: wpr-essay", "original: wpr-esay"),
     ESSAY, "original: wpr-esay", "did you mean 'wpr-essay'"),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_bad_reader_metadata_stops_the_build_and_says_where(project, case):
    _id, breaks, file, line_text, expected = case
    breaks(project)
    line = line_of(project, file, line_text) if line_text else None
    out = build(project)
    assert out.returncode != 0, f"the build published {case[0]}:\n{out.log}"
    assert expected in out.log, out.log
    if line is not None:
        assert re.search(rf"{re.escape(file)}:{line}\b", out.log), out.log
