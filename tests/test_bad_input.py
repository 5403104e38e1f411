"""Bad input never publishes: each mistake stops the strict build and says where.

Every case breaks a private copy of the project in one way, builds it as `make build`
does, and expects a non-zero exit whose log names the file (and the line, where the
mistake has one) and what to do.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import build, edit, site_files

ESSAY = "docs/essay.md"
FIGURES = "data/figures.yml"
SOURCES = "data/sources.yml"
CORRECTIONS = "data/corrections.yml"
VARIANTS = "data/search-variants.yml"


def replace(path: str, old: str, new: str, count: int = 1):
    return lambda project: edit(project / path, old, new, count)


def append(path: str, text: str):
    def apply(project: Path):
        with (project / path).open("a", encoding="utf-8") as handle:
            handle.write(text)
    return apply


def line_of(project: Path, path: str, needle: str) -> int:
    for number, line in enumerate((project / path).read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


# (id, how to break the project, file named, text on the line to name or None, words expected)
CASES = [
    ("malformed-yaml", replace(FIGURES, "sources: [ap-baghouz-2019]\n    scope: Baghouz", "sources: [ap-baghouz-2019\n    scope: Baghouz"),
     FIGURES, None, "malformed YAML"),
    ("tab-indent", replace(FIGURES, "    label: U.S. invasion of Iraq", "\tlabel: U.S. invasion of Iraq"),
     FIGURES, "U.S. invasion of Iraq", "never tabs"),
    ("duplicate-figure-key", replace(FIGURES, "    unit: people\n    format: number\n    written: \"45,000\"",
                                     "    unit: people\n    format: number\n    unit: people\n    written: \"45,000\""),
     FIGURES, None, "duplicate key 'unit'"),
    ("duplicate-figure-id", append(FIGURES, "\n  detainees-hrw:\n    label: again\n"),
     FIGURES, None, "duplicate key 'detainees-hrw'"),
    ("duplicate-source-id", append(SOURCES, "\n  fink-pbs:\n    title: again\n"),
     SOURCES, None, "duplicate key 'fink-pbs'"),
    ("unknown-figure-in-page", replace(ESSAY, "fig('detainees-hrw')", "fig('detainees-hwr')"),
     ESSAY, "detainees-hwr", "did you mean 'detainees-hrw'"),
    ("unknown-source-in-page", replace(ESSAY, "cite('fink-pbs')", "cite('fink-bps')"),
     ESSAY, "fink-bps", "did you mean 'fink-pbs'"),
    ("figure-with-unknown-source", replace(FIGURES, "sources: [iom-dtm-124]", "sources: [iom-dtm-125]"),
     FIGURES, "iom-dtm-125", "unknown source 'iom-dtm-125'"),
    ("figure-without-source", replace(FIGURES, "    sources: [iom-dtm-124]\n", ""),
     FIGURES, "idps-iraq:", "missing required field(s) sources"),
    ("wrong-type", replace(FIGURES, "value: 64000", "value: [64000]"),
     FIGURES, "value: [64000]", "is not a number, a date in quotes, or a range"),
    ("bad-date", replace(FIGURES, 'as_of: "2021-12-31"', 'as_of: "2022-13-01"'),
     FIGURES, "2022-13-01", "is not a calendar date"),
    ("low-above-high", replace(FIGURES, 'value: {low: "2022-01-20", high: "2022-01-26"}', 'value: {low: "2022-01-29", high: "2022-01-26"}'),
     FIGURES, "2022-01-29", "is greater than high"),
    ("percentage-140", replace(FIGURES, "value: 80\n", "value: 140\n"),
     FIGURES, "value: 140", "between 0 and 100"),
    ("source-url-javascript", replace(SOURCES, "url: https://www.hrw.org/news/2022/01", "url: javascript:alert(1)//"),
     SOURCES, "javascript:", "is not an http(s) URL"),
    ("missing-data-file", lambda p: (p / SOURCES).unlink(), SOURCES, None, "file not found"),
    ("unclosed-braces", replace(ESSAY, "{{ fig('detainees-hrw') }}", "{{ fig('detainees-hrw') "),
     ESSAY, "fig('detainees-hrw') ", "TemplateSyntaxError"),
    ("material-heading-id", append(ESSAY, "\n\n## Notes {#notes}\n"), ESSAY, "{#notes}", "write a heading id as `{ #id }`"),
    ("post-without-slug", replace("docs/rundown/posts/lebanon-unsolved-murders.md", "slug: lebanon-unsolved-murders\n", ""),
     "docs/rundown/posts/lebanon-unsolved-murders.md", None, "needs `slug:`"),
    ("environment-variables", append(ESSAY, "\n\n{{ lipsum.__globals__['os'].environ }}\n"),
     ESSAY, "lipsum", "'lipsum' is undefined"),
    ("undefined-variable", append(ESSAY, "\n\nSee {{ typo }}.\n"), ESSAY, "typo", "'typo' is undefined"),
    ("jinja-escape", append(ESSAY, "\n\n{{ cycler.__init__.__globals__.os.popen('id').read() }}\n"),
     ESSAY, "cycler", "is unsafe"),
    ("jinja-escape-via-macro", append(ESSAY, "\n\n{{ fig.__globals__ }}\n"),
     ESSAY, "__globals__", "is unsafe"),
    ("config-dump", append(ESSAY, "\n\n{{ config }}\n"), ESSAY, "{{ config }}", "'config' is undefined"),
    ("macros-info-dump", append(ESSAY, "\n\n{{ macros_info() }}\n"), ESSAY, "macros_info", "'macros_info' is undefined"),
    ("environment-dump", append(ESSAY, "\n\n{{ environment }}\n"), ESSAY, "{{ environment }}", "'environment' is undefined"),
    ("broken-link", append(ESSAY, "\n\nSee [the notes](notes.md).\n"), ESSAY, None, "notes.md"),
    ("broken-anchor", append(ESSAY, "\n\nSee [above](about.md#no-such-heading).\n"), ESSAY, None, "no-such-heading"),
    ("typed-in-figure", replace(ESSAY, "{{ fig('detainees-un') }}", "64,000"),
     ESSAY, "64,000 by the United Nations", "write {{ fig('detainees-un') }} instead"),
    ("typed-in-percentage", append("docs/about.md", "\n\nMore than 80% were women.\n"),
     "docs/about.md", "80%", "fig('detainees-women-children-share')"),
    ("unused-figure", append(FIGURES, "\n  spare-figure:\n    label: Spare\n    value: 3\n    unit: people\n"
                                      "    format: number\n    written: \"3\"\n    as_of:\n"
                                      "    sources: [fink-pbs]\n    scope: Nowhere\n"),
     FIGURES, "spare-figure:", "figure 'spare-figure' is used on no page"),
    ("rule-with-unknown-figure", replace("data/rules.yml", "part: children-third-country", "part: children-third"),
     "data/rules.yml", "part: children-third", "unknown figure 'children-third'"),
    # Reader metadata: corrections, search spellings, a page's `original`.
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
    # A figure where no reader could follow it to its note.
    ("figure-in-front-matter", replace(ESSAY, 'title: "Iraq—and the West', "title: \"{{ fig('detainees-hrw') }} Iraq—and the West"),
     ESSAY, "title:", "front matter 'title' holds template code"),
    ("figure-in-code", append(ESSAY, "\n\n```\nSee {{ fig('detainees-un') }}\n```\n"),
     ESSAY, "See {{ fig('detainees-un') }}", "is written where no reader can reach it"),
    ("option-misspelt", replace("mkdocs.yml", "    per_page: 50", "    per_pge: 50"),
     "mkdocs.yml", None, "extra.data_pages.per_pge: Unrecognised configuration name: per_pge; did you mean 'per_page'?"),
    ("page-left-out-of-nav", lambda p: (p / "docs" / "orphan.md").write_text("# Orphan\n"),
     "orphan.md", None, "not included in the \"nav\""),
]


def publish(project: Path) -> subprocess.CompletedProcess:
    """`make build` without its venv step: strict build into site.new, swapped in on success."""
    return subprocess.run(["make", "--no-print-directory", "-C", str(project), "publish",
                           f"MKDOCS={sys.executable} -m mkdocs"],
                          capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))


def snapshot(folder: Path) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_bad_input_stops_the_build_and_says_where(site, project, case):
    _id, breaks, file, line_text, expected = case
    shutil.copytree(site.site, project / "site")  # what is published now
    published = snapshot(project / "site")
    breaks(project)
    line = line_of(project, file, line_text) if line_text else None
    out = publish(project)
    log = out.stdout + out.stderr
    assert out.returncode != 0, f"the build published {case[0]}:\n{log}"
    assert expected in log, log
    assert file.removeprefix("docs/") in log, log  # MkDocs names pages from docs/
    if line is not None:
        assert re.search(rf"{re.escape(file)}:{line}\b", log), log
    if file.startswith("data/"):
        assert re.search(rf"{re.escape(file)}:\d+", log) or "file not found" in log, log
    assert snapshot(project / "site") == published, "a failed build changed the published site"
    assert not (project / "site.new").exists()


def test_a_good_build_replaces_the_site_and_a_bad_one_does_not(project):
    first = publish(project)
    assert first.returncode == 0, first.stdout + first.stderr
    published = snapshot(project / "site")
    assert (project / "site" / "essay" / "index.html").exists()
    replace(FIGURES, "value: 64000", "value: [64000]")(project)
    assert publish(project).returncode != 0
    assert snapshot(project / "site") == published
    replace(FIGURES, "value: [64000]", "value: 64001")(project)
    assert publish(project).returncode == 0
    assert b"64,001" in (project / "site" / "essay" / "index.html").read_bytes()


def test_html_in_data_is_published_as_text(project):
    """A source title or note holding markup is shown to readers as text, never run."""
    hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    replace(SOURCES, 'title: "Northeast Syria: Help Detainees from Recaptured ISIS-Held Prison"',
            f'title: "{hostile}"')(project)
    replace(FIGURES, "label: U.S. invasion of Iraq", f"label: '{hostile}'")(project)
    out = build(project)
    assert out.returncode == 0, out.log
    page = out.html("essay/index.html")
    assert page.find("script", string=re.compile("alert")) is None
    assert page.find("img", attrs={"onerror": True}) is None
    assert hostile in page.get_text()


def test_two_builds_of_the_same_commit_are_byte_identical(project, tmp_path):
    first, second = build(project, tmp_path / "one"), build(project, tmp_path / "two")
    assert first.returncode == second.returncode == 0, first.log + second.log
    one, two = site_files(first.site), site_files(second.site)
    assert any(p.parts[0] == "pagefind" for p in one)
    assert one.keys() == two.keys()
    assert [str(p) for p in one if one[p] != two[p]] == []
