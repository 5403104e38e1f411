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
import yaml

from tests.support import build, edit, edit_line, figure_id

ESSAY = "docs/essay.md"
FIGURES = "data/figures.yml"
SOURCES = "data/sources.yml"
CORRECTIONS = "data/corrections.yml"
VARIANTS = "data/search-variants.yml"
QUANTITIES = "data/quantities.yml"
POST = "docs/rundown/posts/lebanon-unsolved-murders.md"
# Three fields of one figure in a row, for the cases that indent the middle one off.
FIELDS = "    unit: people\n    format: number\n    written: \"45,000\""
TUNISIA_POST = "docs/rundown/posts/tunisia-supreme-judicial-council.md"
# "Billion laughs": nine lines that expand to 10^9 strings when anything walks them.
BOMB = "".join(f"lol{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 10)}]\n" if n else "lol0: &l0 lol\n" for n in range(9))


def replace(path: str, old: str, new: str, count: int = 1):
    return lambda project: edit(project / path, old, new, count)


def regex(path: str, pattern: str, new: str):
    return lambda project: edit_line(project / path, pattern, new)


def append(path: str, text: str):
    def apply(project: Path):
        with (project / path).open("a", encoding="utf-8") as handle:
            handle.write(text)
    return apply


def write(path: str, text: str):
    def apply(project: Path):
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_text(text, encoding="utf-8")
    return apply


def replace_bytes(path: str, old: bytes, new: bytes):
    def apply(project: Path):
        data = (project / path).read_bytes()
        assert old in data, f"{old!r} not in {path}"
        (project / path).write_bytes(data.replace(old, new, 1))
    return apply


def with_crlf(path: str, then):
    """The file saved with Windows line endings (\\r\\n), which MkDocs reads as any other,
    then broken by `then`."""
    def apply(project: Path):
        then(project)
        data = (project / path).read_bytes()
        (project / path).write_bytes(data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    return apply


def copy_post(path: str):
    """A new, valid Rundown item (a copy of POST under its own slug) saved at `path`."""
    def apply(project: Path):
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        text = (project / POST).read_text(encoding="utf-8")
        (project / path).write_text(text.replace("slug: lebanon-unsolved-murders", "slug: zz-new"), encoding="utf-8")
    return apply


def line_of(project: Path, path: str, needle: str) -> int:
    text = (project / path).read_bytes().decode("utf-8", errors="replace")  # a case may break the encoding
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


# (id, how to break the project, file named, text on the line to name or None, words expected)
CASES = [
    ("malformed-yaml", replace(FIGURES, "sources: [ap-baghouz-2019]\n    scope: Baghouz", "sources: [ap-baghouz-2019\n    scope: Baghouz"),
     FIGURES, None, "malformed YAML"),
    ("updated-before-published", replace(POST, "updated: 2026-11-25", "updated: 2021-01-01"),
     POST, "updated: 2021-01-01", "is before the page was first published (2022-02-03)"),
    ("colon-in-an-unquoted-title", replace(POST, 'title: "Lebanon: political murders left unsolved"',
                                           "title: Lebanon: political murders left unsolved"),
     POST, "title:", 'written in quotes: key: "text: more"'),
    ("tags-as-text", replace(POST, "tags:\n  - Lebanon\n  - Impunity", "tags: Lebanon, Impunity"),
     POST, "tags:", "one entry a line below it: `- Lebanon`, `- Impunity`"),
    # A dash without its space: YAML reads it with the next line as one text, and the
    # advice was to write `- -ctc-winter-2022 - hrw-ne-syria-2022`.
    ("list-dash-without-space", replace(FIGURES, "    sources: [ctc-winter-2022, hrw-ne-syria-2022]",
                                        "    sources:\n      -ctc-winter-2022\n      - hrw-ne-syria-2022"),
     FIGURES, None, "one entry a line below it: `- ctc-winter-2022`, `- hrw-ne-syria-2022`"),
    # A closing quote left out: the value runs on to the next quote (an apostrophe lines
    # below) or to the end, where YAML breaks; the line to mend is the opening quote's.
    ("unclosed-quote-in-data", replace(FIGURES, "    label: U.S. invasion of Iraq", "    label: 'U.S. invasion of Iraq"),
     FIGURES, "'U.S. invasion of Iraq", "this quote (') is not closed on its line"),
    ("unclosed-quote-in-front-matter", replace(POST, 'unsolved"\n', 'unsolved\n'),
     POST, "title:", "this quote is never closed"),
    # A line indented two spaces off: YAML breaks, or reads it as something else, and told
    # of the line after it, of a duplicate key, or of a field named with the note's words.
    *((name, replace(FIGURES, FIELDS, FIELDS.replace("\n    format", "\n" + " " * spaces + "format")),
       FIGURES, " " * spaces + "format: number",
       f"this line is indented {spaces} spaces, and the lines around it 4: indent it as they are")
      for name, spaces in (("field-dedented", 2), ("field-indented-too-far", 6), ("field-indented-one-short", 3))),
    ("first-field-at-its-entrys-indent", replace(FIGURES, "\n    label: ISIS suspects and family",
                                                    "\n  label: ISIS suspects and family"),
     FIGURES, "  label: ISIS suspects and family",
     "this line is indented 2 spaces, and the lines below it 4: indent it as they are"),
    ("entry-indented-as-its-fields", replace(FIGURES, "\n  detainees-un:\n", "\n    detainees-un:\n"),
     FIGURES, "    detainees-un:", "'detainees-un:' is indented as the fields above it (4 spaces), so the lines under "
                                  "it read as that entry's again (duplicate key 'label', first on line"),
    ("note-line-dedented", replace(FIGURES, "      Iraqis counting as foreign:", "    Iraqis counting as foreign:"),
     FIGURES, "    Iraqis counting as foreign:", "a field's name has no spaces. If this line goes on with the text above it"),
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
    ("unclosed-braces-at-line-end", append(ESSAY, "\n\nIt names the raid of {{ fig('qurashi-raid')\nand more words.\n"),
     ESSAY, "It names the raid of", "TemplateSyntaxError"),
    ("unclosed-braces-at-paragraph-end",
     append(ESSAY, "\n\nIt names the raid of {{ fig('qurashi-raid')\n\nBoth on {{ fig('qurashi-raid') }}.\n"),
     ESSAY, "It names the raid of", "TemplateSyntaxError"),
    ("material-heading-id", append(ESSAY, "\n\n## Notes {#notes}\n"), ESSAY, "{#notes}", "write a heading id as `{ #id }`"),
    ("post-without-slug", replace("docs/rundown/posts/lebanon-unsolved-murders.md", "slug: lebanon-unsolved-murders\n", ""),
     "docs/rundown/posts/lebanon-unsolved-murders.md", None, "missing required field(s) slug"),
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
    # Template code that printed what it worked out, or Python's form of a value.
    ("computed-number", append(ESSAY, "\n\nThat makes {{ 1+1 }} more.\n"),
     ESSAY, "{{ 1+1 }}", "{{ 1+1 }} is template code, which a page does not hold"),
    ("computed-text", append(POST, "\n\nHe laughed: {{ 'ha' * 3 }}.\n"),
     POST, "He laughed", "{{ 'ha' * 3 }} is template code"),
    ("front-matter-dumped", append(POST, "\n\nAbout: {{ page.meta }}\n"),
     POST, "About: {{ page.meta }}", "{{ page.meta }} would print Python's form of a dict, not text"),
    ("front-matter-list-printed", append(POST, "\n\nFiled under {{ page.meta.tags }}.\n"),
     POST, "Filed under", "{{ page.meta.tags }} would print Python's form of a list, not text"),
    ("macro-not-called", append(POST, "\n\nSee {{ fig }}.\n"), POST, "See {{ fig }}", "{{ fig }} would print a function, not text"),
    ("broken-link", append(ESSAY, "\n\nSee [the notes](notes.md).\n"), ESSAY, "See [the notes](notes.md)", "notes.md"),
    ("broken-reference-link", append(POST, "\n\nSee [the report][iraq].\n\n[iraq]: ../no-such-page.md\n"),
     POST, "[iraq]: ../no-such-page.md", "no-such-page.md"),
    ("note-no-text-refers-to", append(POST, "\n\n[^orphan]: A note no text refers to.\n"),
     POST, "[^orphan]:", "#fnref:orphan"),
    ("broken-anchor", append(ESSAY, "\n\nSee [above](about.md#no-such-heading).\n"), ESSAY, "See [above]", "no-such-heading"),
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
    ("original-not-a-publication", replace(POST, "original: wpr-essay", "original: hrw-ne-syria-2022"),
     POST, "original: hrw-ne-syria-2022", "is of kind statement (official statement or press release), not the publication"),
    # A figure where no reader could follow it to its note.
    ("figure-in-front-matter", replace(ESSAY, 'title: "Iraq—and the West', "title: \"{{ fig('detainees-hrw') }} Iraq—and the West"),
     ESSAY, "title:", "'{{' opens template code"),
    ("figure-in-code", append(ESSAY, "\n\n```\nSee {{ fig('detainees-un') }}\n```\n"),
     ESSAY, "See {{ fig('detainees-un') }}", "is written where no reader can reach it"),
    ("link-reference-defined-nowhere", append(POST, "\n\nSee [the report][hrw-2022] for more.\n"),
     POST, "See [the report]", "the link [hrw-2022] is published as text"),
    ("note-defined-twice", append(POST, "\n\nA claim.[^dup]\n\n[^dup]: One.\n\n[^dup]: Two.\n"),
     POST, "[^dup]: Two.", "[^dup] is defined twice (first on line"),
    ("figure-in-raw-html", append(POST, "\n\n<p>Held: {{ fig('detainees-un') }}.</p>\n"),
     POST, "<p>Held:", "stands in raw HTML, which Markdown does not read"),
    ("source-in-raw-html", append(POST, "\n\n<p>Held, says {{ cite('fink-pbs') }}.</p>\n"),
     POST, "<p>Held, says", "(in code, a comment, raw HTML,"),
    ("figure-in-an-attribute", append(POST, "\n\nHeld <abbr title=\"{{ fig('detainees-un') }}\">UN</abbr>.\n"),
     POST, "<abbr title=", "is inside the HTML tag <abbr>"),
    ("option-misspelt", replace("mkdocs.yml", "    per_page: 50", "    per_pge: 50"),
     "mkdocs.yml", "per_pge:", "extra.data_pages.per_pge: Unrecognised configuration name: per_pge; did you mean 'per_page'?"),
    ("page-left-out-of-nav", lambda p: (p / "docs" / "orphan.md").write_text("# Orphan\n"),
     "orphan.md", None, "not included in the \"nav\""),
    # Sources that survive link rot: a URL needs the day it was read; archives are URLs.
    ("source-url-without-accessed", replace(SOURCES, 'recaptured-isis-held-prison\n    accessed: "2026-11-25"\n',
                                            "recaptured-isis-held-prison\n"),
     SOURCES, "hrw-ne-syria-2022:", "missing required field(s) accessed"),
    ("source-accessed-after-today", replace(SOURCES, 'recaptured-isis-held-prison\n    accessed: "2026-11-25"',
                                            'recaptured-isis-held-prison\n    accessed: "2999-01-01"'),
     SOURCES, "2999-01-01", "is after the day of the build"),
    ("source-accessed-before-it-appeared", replace(SOURCES, 'council-2022-02-06/\n    accessed: "2026-11-25"',
                                                   'council-2022-02-06/\n    accessed: "2022-01-06"'),
     SOURCES, "2022-01-06", "is before the source's date (2022-02-06)"),
    ("source-archive-without-url", replace(SOURCES, "    author: {family: Fink, given: Naureen}\n",
                                           "    author: {family: Fink, given: Naureen}\n    archive: https://example.org/a\n"),
     SOURCES, "archive: https://example.org/a", "there is no url to have read or archived"),
    ("source-url-twice", replace(SOURCES, "url: https://www.eurasia.ro/2022/07/10/iraq-and-the-west-havent-finished-the-job-of-defeating-isis/",
                                 "url: https://WorldPoliticsReview.com/?p=5611"), SOURCES, "WorldPoliticsReview",
     "is also the url of 'wpr-essay'"),
    ("source-archive-javascript", replace(SOURCES, 'recaptured-isis-held-prison\n    accessed: "2026-11-25"',
                                          'recaptured-isis-held-prison\n    accessed: "2026-11-25"\n    archive: javascript:alert(1)'),
     SOURCES, "javascript:alert", "is not an http(s) URL of an archived copy"),
    ("source-author-half-a-name", replace(SOURCES, "author: {family: Winter, given: Charlie}", "author: {family: Winter}"),
     SOURCES, "author: {family: Winter}", "is not a person as {family: ..., given: ...}"),
    # Issue 12. Script reaches readers: raw HTML in a Rundown item, markup in front matter.
    ("raw-script", append(POST, "\n\n<script>alert(1)</script>\n"), POST, "<script>", "<script> is not allowed"),
    ("raw-event-handler", append(POST, '\n\n<img src="x.png" alt="x" onerror="alert(1)">\n'), POST, "onerror",
     "an event-handler attribute runs a script; remove onerror="),
    ("javascript-link", append(POST, "\n\nSee [the report](javascript:alert(1)).\n"), POST, "javascript:",
     "a javascript: address can run a script"),
    ("raw-iframe", append(POST, '\n\n<iframe src="https://example.org/"></iframe>\n'), POST, "<iframe",
     "<iframe> is not allowed in a page"),
    ("image-from-another-host", append(POST, '\n\n<img src="https://example.org/x.png" alt="x">\n'), POST,
     "example.org/x.png", "loads from another site (example.org)"),
    ("raw-form", append(POST, '\n\n<form action="https://example.org/"><input name="q"></form>\n'), POST, "<form",
     "<form> is not allowed in a page"),
    ("script-in-title", replace(POST, 'title: "Lebanon: political', 'title: "<script>alert(1)</script>Lebanon: political'),
     POST, "title:", "is not plain text without < or >"),
    ("script-in-tag", replace(POST, "  - Impunity", "  - <script>alert(1)</script>"), POST, "<script>",
     "is not plain text without < or >"),
    # Pages get lost.
    ("two-posts-one-slug", write("docs/rundown/posts/zz-copy.md", "---\ntitle: Copy\nslug: lebanon-unsolved-murders\n"
                                 "date: 2022-02-04\ndescription: A copy.\n---\n\nText.\n"),
     "docs/rundown/posts/zz-copy.md", "slug:", "is already the slug of docs/rundown/posts/lebanon-unsolved-murders.md"),
    ("slug-index", replace(POST, "slug: lebanon-unsolved-murders", "slug: index"), POST, "slug: index",
     "the address of docs/rundown/index.md: choose another slug"),
    ("draft", replace(POST, "slug: lebanon-unsolved-murders\n", "slug: lebanon-unsolved-murders\ndraft: true\n"),
     POST, "draft: true", "a draft would be listed"),
    # Impossible figures.
    ("negative-count", replace(FIGURES, "value: 45000", "value: -45000"), FIGURES, "value: -45000",
     "is not a count of people: write a whole number, 0 or more"),
    ("nan", replace(FIGURES, "value: 64000", "value: .nan"), FIGURES, "value: .nan", "nan is not a number a reader can read"),
    ("infinite", replace(FIGURES, "value: 64000", "value: .inf"), FIGURES, "value: .inf", "inf is not a number a reader can read"),
    ("fractional-count", replace(FIGURES, "value: 57", "value: 57.5"), FIGURES, "value: 57.5",
     "is not a count of countries"),
    ("negative-duration", replace(FIGURES, "value: 4\n", "value: -4\n"), FIGURES, "value: -4",
     "a duration cannot be negative"),
    ("ten-to-the-thirty", replace(FIGURES, "value: 64000", "value: 1000000000000000000000000000000"), FIGURES,
     "value: 1000000000000000000000000000000", "is larger than 1,000,000,000,000,000"),
    ("number-range-reversed", replace(FIGURES, "value: 64000", "value: {low: 70000, high: 64000}"), FIGURES,
     "low: 70000", "low (70000) is greater than high (64000)"),
    ("future-as-of", replace(FIGURES, 'as_of: "2021-12-31"', 'as_of: "2099-12-31"'), FIGURES, "2099-12-31",
     "is after the day of the build"),
    ("future-source-date", replace(SOURCES, 'date: "2021-07-26"', 'date: "2099-07-26"'), SOURCES, "2099-07-26",
     "is after the day of the build"),
    ("future-post-date", replace(POST, "date: 2022-02-03", "date: 2099-02-03"), POST, "date: 2099-02-03",
     "date: 2099-02-03 is after the day of the build"),
    ("future-correction", replace(CORRECTIONS, 'date: "2026-11-25"', 'date: "2099-11-25"'), CORRECTIONS, "2099-11-25",
     "is after the day of the build"),
    ("correction-before-publication", replace(CORRECTIONS, 'date: "2026-11-25"', 'date: "2021-01-01"'), CORRECTIONS,
     "2021-01-01", "is before docs/essay.md was first published"),
    # Front matter.
    ("macro-in-description", replace(ESSAY, "  Why the defeat of ISIS", "  {{ fig('detainees-hrw') }} Why the defeat of ISIS"),
     ESSAY, "description:", "'{{' opens template code"),
    ("misspelt-front-matter-key", replace(POST, "original_section:", "orignal_section:"), POST, "orignal_section:",
     "unknown field 'orignal_section' (did you mean 'original_section'?)"),
    ("malformed-front-matter", replace("docs/about.md", "title: About this edition", "title: About: this edition"),
     "docs/about.md", "title: About: this", "malformed YAML"),
    ("correction-newer-than-updated", regex(ESSAY, r"^updated: .*$", "updated: 2026-11-24"),
     ESSAY, "updated:", "is older than this page's newest correction ("),
    ("original-section-without-original", replace(POST, "original: wpr-essay\n", ""), POST, "original_section:",
     "'original_section' needs original beside it"),
    ("slug-too-long", replace(POST, "slug: lebanon-unsolved-murders", "slug: lebanon-" + "y" * 250), POST,
     "slug: lebanon-yyy", "is not a slug of at most 100 lowercase letters"),
    # A post saved under another name is not an item: MkDocs would copy it as a file.
    ("post-saved-as-MD", copy_post("docs/rundown/posts/zz-new.MD"), "docs/rundown/posts/zz-new.MD", None,
     "rename it zz-new.md"),
    ("post-in-a-subfolder", copy_post("docs/rundown/posts/2022/zz-new.md"), "docs/rundown/posts/2022/zz-new.md",
     None, "move it to docs/rundown/posts/"),
    # A value of the wrong kind is named as what it is, with what belongs there.
    # A Rundown item moved into a folder of years, as Material's blog allows: the first
    # mistake told was its correction's page, and the advice to follow the move.
    ("post-moved-into-a-subfolder", lambda p: (p / "docs/rundown/posts/2022").mkdir() or
     (p / TUNISIA_POST).rename(p / "docs/rundown/posts/2022/tunisia-supreme-judicial-council.md"),
     CORRECTIONS, "page: rundown/posts/tunisia-supreme-judicial-council.md",
     "move it back to rundown/posts/tunisia-supreme-judicial-council.md (a Rundown item is read only from its folder"),
    ("number-as-a-tag", replace(POST, "  - Impunity", "  - 2022"), POST, "  - 2022",
     "2022 is a number, not text: put it in quotes, \"2022\""),
    ("empty-data-file", write(CORRECTIONS, ""), CORRECTIONS, None, "(top level): is empty: write `key: value` lines here"),
    ("hide-not-a-list", replace(POST, "hide:\n  - toc", "hide: toc"), POST, "hide: toc",
     "'toc' is text, not a list: write it as a list, `- toc` on a line below"),
    # A page macro called with the wrong arguments is named with how the pages call it.
    ("chart-without-its-id", replace("docs/charts.md", "{{ chart('iraq-displacement') }}", "{{ chart() }}"),
     "docs/charts.md", "{{ chart() }}", "chart() takes other arguments (missing 1 required positional argument: "
     "'name'): call it as {{ chart('iraq-displacement') }}"),
    ("lead-with-a-keyword", replace("docs/index.md", "{{ lead('essay.md') }}", "{{ lead(page='essay.md') }}"),
     "docs/index.md", "{{ lead(page=", "lead() takes other arguments (got an unexpected keyword argument 'page'): "
     "call it as {{ lead('essay.md') }}"),
    ("date-format-on-a-count", replace(FIGURES, "unit: people\n    format: number\n    written: \"45,000\"",
                                       "unit: people\n    format: date # was number\n    written: \"45,000\""),
     FIGURES, "format: date # was number", "format 'date' writes a date, but this figure's unit is 'people'"),
    # The footer's links (extra.colophon) are checked as the other options are.
    ("colophon-url-to-no-page", replace("mkdocs.yml", "url: about/", "url: abuot/"), "mkdocs.yml", "url: abuot/",
     "extra.colophon, link 1: url 'abuot/' is the address of no page under docs/"),
    ("colophon-not-a-list", lambda project: edit(project / "mkdocs.yml", re.search(
        r"  colophon:\n(    .*\n)+", (project / "mkdocs.yml").read_text(encoding="utf-8")).group(0), "  colophon: about/\n"),
     "mkdocs.yml", "colophon: about/", "extra.colophon: expected a list of links"),
    ("extra-key-misspelt", replace("mkdocs.yml", "  colophon:", "  colophn:"), "mkdocs.yml", "colophn:",
     "extra.colophn: unknown option; did you mean 'colophon'?"),
    # The footer's licence is the one the downloads and citations give (downloads/licence.py).
    ("footer-names-another-licence", replace("mkdocs.yml", "data of this edition: CC BY 4.0.",
                                             "data of this edition: CC BY-SA 4.0."), "mkdocs.yml", "copyright:",
     "copyright: the footer must name the notes' and data's licence, 'CC BY 4.0'"),
    # A date's pattern is one babel can write, and writes some part of the date.
    ("date-pattern-babel-refuses", replace(FIGURES, "pattern: MMMM yyyy", "pattern: MMMMMMMMM"), FIGURES,
     "pattern: MMMMMMMMM", "pattern 'MMMMMMMMM' is not a date pattern babel can write"),
    ("date-pattern-all-quoted", replace(FIGURES, "pattern: MMMM yyyy", "pattern: \"'MMMM yyyy'\""), FIGURES,
     "pattern: \"'MMMM", "writes no part of the date"),
    # Windows line endings: the page is held to the same rules, on the same lines.
    ("crlf-page-misspelt-key", with_crlf(POST, replace(POST, "slug: lebanon", "titel: x\nslug: lebanon")), POST,
     "titel:", "unknown field 'titel' (did you mean 'title'?)"),
    ("crlf-plain-page-misspelt-key", with_crlf("docs/about.md", replace("docs/about.md", "title:", "titel: x\ntitle:")),
     "docs/about.md", "titel:", "unknown field 'titel' (did you mean 'title'?)"),
    # A page may need two fields beside others; the one missing is named on its own line.
    ("template-without-updated", replace(POST, "updated: 2026-11-25\n", ""), POST, "template:",
     "template: 'template' needs updated beside it"),
    # Errors that did not help.
    ("non-utf8-page", replace_bytes(POST, b"the ruling clique.", b"the ruling clique. Caf\xe9."), POST, "ruling clique",
     "byte 0xE9 is not UTF-8 text"),
    ("non-utf8-data", replace_bytes(FIGURES, b"label: U.S. invasion of Iraq", b"label: U.S. invasion of Iraq \xe9"),
     FIGURES, "U.S. invasion of Iraq", "byte 0xE9 is not UTF-8 text"),
    ("fig-without-id", replace(ESSAY, "fig('detainees-hrw')", "fig()"), ESSAY, "fig()",
     "fig() takes one figure id in quotes and nothing else"),
    ("unused-source-cited", replace(ESSAY, "{{ cite('fink-pbs') }}", "{{ cite('fink-pbs') }}{{ cite('check-also-teaser') }}"),
     SOURCES, "check-also-teaser:", "source 'check-also-teaser' is marked unused: but is cited"),
    ("source-date-off-the-calendar", replace(SOURCES, 'date: "2022-07-10"', 'date: "2022-07-32"'),
     SOURCES, 'date: "2022-07-32"', "'2022-07-32' is not a calendar date"),
    # Keys are names: YAML reads 2022, yes or ~ as a number, true or nothing.
    ("variant-name-read-as-a-number", replace("data/search-variants.yml", "  Idlib: [Idleb, Edlib]", "  2022: [Idleb, Edlib]"),
     "data/search-variants.yml", "2022: [Idleb", "2022 is read as a number, not a name"),
    # A format that does not write the figure's unit.
    ("date-written-as-a-number", replace(FIGURES, 'value: "2003"\n    unit: date\n    format: date\n    pattern: yyyy',
                                         "value: 2003\n    unit: date\n    format: number  # the year"),
     FIGURES, "format: number  # the year", "unit 'date' is written with format: date"),
    ("people-written-as-a-percent", replace(FIGURES, "value: 45000\n    unit: people\n    format: number",
                                            "value: 45000\n    unit: people\n    format: percent  # of what"),
     FIGURES, "format: percent  # of what", "format 'percent' writes a percentage, but this figure's unit is 'people'"),
    ("date-estimating-a-quantity", replace(FIGURES, "    scope: Baghouz, eastern Syria\n    event: true\n",
                                           "    scope: Baghouz, eastern Syria\n    event: true\n"
                                           "    quantity: detainees-northeast-syria  # a date\n"),
     FIGURES, "quantity: detainees-northeast-syria  # a date", "a date is not an estimate of a quantity"),
    ("source-url-on-two-lines", replace(SOURCES, "url: https://www.eurasia.ro/2022/07/10/",
                                        "url: >\n      https://www.eurasia.ro/2022/07/10/"),
     SOURCES, "url: >", "the url runs on to a second line"),
    ("event-that-is-a-number", replace(FIGURES, "    value: 57\n", "    value: 57\n    event: true  # a count\n"),
     FIGURES, "event: true  # a count", "only a date can be an event on the timeline"),
    ("range-with-equal-ends", replace(FIGURES, 'value: {low: "2022-01-20", high: "2022-01-26"}',
                                      'value: {low: "2022-01-26", high: "2022-01-26"}'),
     FIGURES, 'value: {low: "2022-01-26", high: "2022-01-26"}', "a range's two ends are the same"),
    ("rule-number-not-a-number", replace("data/rules.yml", "max_ratio: 1.2", "max_ratio: .nan"),
     "data/rules.yml", "max_ratio: .nan", "nan is not a number a reader can read"),
    # Rules that could only ever print nonsense to readers.
    ("rule-across-units", replace("data/rules.yml", "figures: [detainees-hrw, detainees-un]",
                                  "figures: [detainees-hrw, detainees-women-children-share]"),
     "data/rules.yml", "detainee-estimates-agree:", "'detainees-hrw' counts people and 'detainees-women-children-share' percent"),
    ("elapsed-of-a-count", replace("data/rules.yml", "figure: years-since-defeat", "figure: foreign-countries"),
     "data/rules.yml", "figure: foreign-countries", "an elapsed rule checks a number of years"),
    ("interval-from-a-year", replace("data/rules.yml", "from: hasakeh-uprising\n    to: qurashi-raid",
                                     "from: us-invasion-iraq\n    to: qurashi-raid"),
     "data/rules.yml", "from: us-invasion-iraq", "is known only to the year"),
    ("interval-backwards", replace("data/rules.yml", "from: hasakeh-uprising\n    to: qurashi-raid",
                                   "from: qurashi-raid\n    to: hasakeh-uprising"),
     "data/rules.yml", "from: qurashi-raid", "comes after 'hasakeh-uprising'"),
    # Date patterns that print what the date does not say.
    ("pattern-with-a-quarter", replace(FIGURES, 'pattern: yyyy\n    written: "2003"', 'pattern: QQQ yyyy\n    written: "2003"'),
     FIGURES, "pattern: QQQ yyyy", "pattern 'QQQ yyyy' uses Q"),
    ("pattern-quote-left-open", replace(FIGURES, "pattern: MMMM yyyy\n    written: March 2019",
                                        "pattern: MMMM 'yyyy\n    written: March 2019"),
     FIGURES, "pattern: MMMM 'yyyy", "leaves a quote open"),
    # Text a reader cannot see: the label of a chart and a heading, printed as blank.
    ("label-of-spaces", replace("data/quantities.yml", "label: ISIS suspects and family members held in northeast Syria", 'label: "   "'),
     "data/quantities.yml", 'label: "   "', "holds no visible text"),
    ("label-invisible", replace(FIGURES, "label: U.S. invasion of Iraq", 'label: "\\u200b"'),
     FIGURES, 'label: "\\u200b"', "holds no visible text"),
    ("source-url-without-a-host", replace(SOURCES, "url: https://www.eurasia.ro/2022/07/10/", "url: https:///2022/07/10/"),
     SOURCES, "url: https:///2022", "names no site"),
    ("source-url-unreadable", replace(SOURCES, "url: https://www.eurasia.ro/2022/07/10/", "url: https://[eurasia.ro/2022/07/10/"),
     SOURCES, "url: https://[eurasia", "names no site"),
    ("attribution-with-a-url", replace(SOURCES, "    author: {family: Fink, given: Naureen}\n    date:\n    url:\n",
                                       "    author: {family: Fink, given: Naureen}\n    date:\n"
                                       "    url: https://example.org/fink\n    accessed: \"2026-11-25\"\n"),
     SOURCES, "url: https://example.org/fink", "no public record"),
    ("event-as-of-before-it", replace(FIGURES, '    written: March 2019\n    as_of: "2019-03-23"',
                                      '    written: March 2019\n    as_of: "2018-11"'),
     FIGURES, 'as_of: "2018-11"', "is before the date the figure gives"),
    ("zero-width-space-in-a-label", replace(FIGURES, "label: Fall of Baghouz, end of the territorial caliphate",
                                                  'label: "Fall of Bag\\u200bhouz, end of the territorial caliphate"'),
     FIGURES, 'label: "Fall of Bag', "U+200B (ZERO WIDTH SPACE), after 'Fall of Bag'"),
    ("id-with-a-line-break", replace(FIGURES, "  baghouz-fall:\n", '  "baghouz-fall\\n":\n'),
     FIGURES, '"baghouz-fall\\n":', "holds a line break or another control character"),
    ("pattern-on-a-number", replace(FIGURES, "    value: 57\n", "    value: 57\n    pattern: yyyy  # a count\n"),
     FIGURES, "pattern: yyyy  # a count", "a pattern writes a date"),
    ("negative-zero", replace(FIGURES, "    value: 57\n", "    value: -0.0  # a count\n"),
     FIGURES, "value: -0.0  # a count", "-0.0 prints as -0"),
    # A rule's reference day, which its check counts months or years to.
    ("rule-reference-off-the-calendar", replace("data/rules.yml", 'reference: "2022-02"', 'reference: "2022-13"'),
     "data/rules.yml", 'reference: "2022-13"', "'2022-13' is not a calendar date"),
    ("rule-reference-to-come", replace("data/rules.yml", 'reference: "2022-02"', 'reference: "2202-02"'),
     "data/rules.yml", 'reference: "2202-02"', "'2202-02' is after the day of the build"),
    ("rule-names-a-figure-twice", replace("data/rules.yml", "figures: [detainees-hrw, detainees-un]",
                                          "figures: [detainees-hrw, detainees-hrw]"), "data/rules.yml",
     "figures: [detainees-hrw, detainees-hrw]", "'detainees-hrw' is already named in this rule"),
    ("correction-listed-twice", lambda project: append(CORRECTIONS, "\n" + re.search(
        r"  - page: rundown/posts/lebanon-unsolved-murders\.md\n(    .*\n)+",
        (project / CORRECTIONS).read_text(encoding="utf-8")).group(0))(project), CORRECTIONS, None,
     "is listed twice"),
    ("number-in-octal", replace(FIGURES, "value: 45000", "value: 045000"), FIGURES, "value: 045000",
     "045000 is read as 18944"),
    ("number-with-an-exponent", replace(FIGURES, "value: 45000", "value: 4.5e4"), FIGURES, "value: 4.5e4",
     "YAML reads 4.5e4 as text, not a number: write it in digits, 45000"),
    # The original's words given as a macro: data is printed as written, braces and all.
    ("macro-in-data", replace(FIGURES, 'written: "45,000"', "written: \"{{ fig('detainees-hrw') }}\""), FIGURES,
     "written: \"{{ fig(", "'{{' opens template code"),
    # Styles and addresses as a browser reads them.
    ("style-covering-the-page", append(POST, '\n\n<a href="https://example.org/" style="position:fixed;inset:0">x</a>\n'),
     POST, 'style="position', "a page's own style can cover the page or load from elsewhere"),
    ("image-behind-backslashes", append(POST, '\n\n<img src="\\\\evil.example/x.png" alt="x">\n'), POST,
     "evil.example", "loads from another site (evil.example)"),
    ("svg-image-from-elsewhere", append(POST, '\n\n<svg><image href="https://evil.example/x.png"/></svg>\n'), POST,
     "<svg><image", "loads from another site (evil.example)"),
    ("address-in-entities", append(POST, '\n\n<a href="jav&#97;script:alert(1)">x</a>\n'), POST, "jav&#97;script",
     "a javascript: address can run a script"),
    ("svg-animation-setting-an-address", append(
        POST, '\n\n<svg><a><animate attributeName="href" to="javascript:alert(1)"/><text y="20">x</text></a></svg>\n'),
     POST, "<animate", "a javascript: address can run a script"),
    ("link-giving-its-page-the-reader-tab", append(
        POST, '\n\nThe season opener.\n\n<a href="https://example.org/" target="_blank" rel="opener">x</a>\n'), POST,
     'rel="opener"',
     "rel=\"opener\" lets the page it opens move the reader's tab"),
    # Comments a browser ends sooner than Python's parser: what follows would run there.
    ("comment-trick-script", append(POST, "\n\n<!--><script>alert(1)</script>-->\n"), POST, "<!--><script>",
     "<!--> ends at once in a browser"),
    ("cdata-trick-script", append(POST, "\n\n<![CDATA[><script>alert(1)</script>]]>\n"), POST, "<![CDATA[",
     "<![ ends at the first > in a browser"),
    ("fig-with-a-filter", replace(ESSAY, "{{ fig('detainees-hrw') }}", "{{ fig('detainees-hrw') | upper }}"), ESSAY,
     "| upper }}", "{{ fig('detainees-hrw') }} stands alone in its braces: take out `| upper`"),
    ("fig-with-two-ids", replace(ESSAY, "fig('detainees-hrw')", "fig('detainees-hrw', 'detainees-un')"), ESSAY,
     "fig('detainees-hrw', ", "fig() takes one figure id in quotes and nothing else"),
    ("fig-with-keyword", replace(ESSAY, "fig('detainees-hrw')", "fig(figure_id='detainees-hrw')"), ESSAY, "figure_id=",
     "fig() takes one figure id in quotes and nothing else"),
    ("post-date-in-words", replace(POST, "date: 2022-02-03", "date: February 3, 2022"), POST, "date: February",
     "'February 3, 2022' is not a date written YYYY-MM-DD without quotes"),
    ("post-date-in-quotes", replace(POST, "date: 2022-02-03", 'date: "2022-02-03"'), POST, 'date: "2022',
     "'2022-02-03' is not a date written YYYY-MM-DD without quotes"),
    # The id told is the one typed, not the example's: following the example published another figure.
    ("typographic-quotes-in-fig", replace(ESSAY, "fig('detainees-un')", "fig(‘detainees-un’)"), ESSAY, "fig(‘",
     "fig() needs straight quotes, not typographic ones (‘): write {{ fig('detainees-un') }}"),
    ("zero-width-space-in-id", replace(ESSAY, "fig('detainees-hrw')", "fig('detainees-hrw\u200b')"), ESSAY,
     "detainees-hrw\u200b", "U+200B (ZERO WIDTH SPACE), a character that cannot be seen"),
    ("alias-bomb-in-data", append(VARIANTS, "\n  " + BOMB.replace("\n", "\n  ")), VARIANTS, "lol1:",
     "anchors and aliases (&name, *name) are not allowed"),
    ("alias-bomb-in-front-matter", replace(POST, "slug: lebanon", BOMB + "slug: lebanon"), POST, "lol1:",
     "anchors and aliases (&name, *name) are not allowed"),
    # Issue 18: mistakes that published without a word.
    ("number-set-in-a-statement", append(ESSAY, "\n\n{% set n = 58000 %}Children held: {{ n }}.\n"), ESSAY,
     "{% set n = 58000 %}", "{% set %} is not allowed in a page"),
    ("number-in-template-code", append(ESSAY, "\n\nChildren held: {{ 58000 }}.\n"), ESSAY, "{{ 58000 }}",
     "write {{ fig('children-detained') }} instead"),
    ("unclosed-comment", append(POST, "\n\n<!-- a note to self\n\nDraft text, not for readers.\n"), POST,
     "<!-- a note to self", "<!-- opens an HTML comment that is published as text"),
    ("comment-split-by-a-blank-line", append(POST, "\n\nText <!-- a note\n\nthat goes on --> here.\n"), POST,
     "Text <!-- a note", "<!-- opens an HTML comment that is published as text"),
    ("footnote-without-its-note", append(POST, "\n\nA claim.[^x]\n"), POST, "A claim.[^x]",
     "[^x] is published as text: no note [^x] is defined on this page"),
    ("note-under-a-figures-key", append(ESSAY, "\n\n[^fig-detainees-hrw]: My own note.\n"), ESSAY,
     "[^fig-detainees-hrw]: My own", "[^fig-detainees-hrw] is the key of the note the build writes for "
                                     "{{ fig('detainees-hrw') }}"),
    ("figure-in-a-links-text", append(POST, "\n\n[see {{ fig('children-detained') }}](../../figures.md)\n"), POST,
     "[see {{ fig(", "{{ fig('children-detained') }} stands in a link's text"),
    # Issue 18, part 5: a quantity is named for readers by its label.
    ("unknown-quantity", replace(FIGURES, "quantity: detainees-northeast-syria", "quantity: detainees-northeast-syra"),
     FIGURES, "quantity: detainees-northeast-syra",
     "unknown quantity 'detainees-northeast-syra': did you mean 'detainees-northeast-syria'?"),
    ("quantity-without-a-label", replace(QUANTITIES, "    label: ISIS suspects and family members held in northeast Syria\n", ""),
     QUANTITIES, "detainees-northeast-syria:", "is empty: write a quantity with its label"),
    ("quantity-label-twice", append(QUANTITIES, "  detainees-syria:\n    label: ISIS suspects and family members held in Northeast Syria\n"),
     QUANTITIES, "in Northeast Syria", "is also the label of 'detainees-northeast-syria'"),
    ("quantity-label-misspelt", replace(QUANTITIES, "    label: ISIS", "    lable: ISIS"), QUANTITIES, "lable:",
     "unknown field 'lable' (did you mean 'label'?)"),
    ("note-in-a-links-text", append(POST, "\n\n[the interview{{ cite('fink-pbs') }}](../../sources.md)\n"), POST,
     "[the interview{{ cite(", "{{ cite('fink-pbs') }} stands in a link's text"),
    # Found by trying a contributor's slips one by one: each published without a word.
    ("figure-in-single-braces", append(POST, "\n\nHeld: { fig('detainees-un') } people.\n"), POST, "Held: { fig(",
     "fig('detainees-un') is published as typed: a macro runs only inside double braces; "
     "write {{ fig('detainees-un') }}"),
    ("source-without-braces", append(POST, "\n\nAs the interview said cite('fink-pbs').\n"), POST,
     "interview said cite(", "cite('fink-pbs') is published as typed"),
    ("a-brace-too-many", append(POST, "\n\nHeld: {{ fig('detainees-un') }}} people.\n"), POST, "}}} people",
     "one brace too many: the page would show this } after the figure"),
    ("item-without-more", replace(POST, "<!-- more -->\n", ""), POST, "{{ summary() }}",
     "a Rundown item needs <!-- more --> on a line of its own after its summary"),
    ("more-without-spaces", replace(POST, "<!-- more -->", "<!--more-->"), POST, "<!--more-->",
     "write <!--more--> exactly as <!-- more -->"),
    ("address-in-angle-brackets", append(POST, "\n\nRead it at <www.hrw.org/report/2022/lebanon> now.\n"), POST,
     "<www.hrw.org", "<www.hrw.org…> is not an element a browser knows, so it hides the tag and the address"),
    ("word-in-angle-brackets", append(POST, "\n\nThe <unnamed> official said so.\n"), POST, "<unnamed>",
     "<unnamed> is not an element a browser knows"),
    ("html-file-in-docs", write("docs/assets/embed.html", "<p>An embed</p><script>alert(1)</script>\n"),
     "docs/assets/embed.html", None, "a .html file is published as it is, a page without the site's checks"),
    ("script-in-a-drawing", write("docs/assets/map.svg", '<svg xmlns="http://www.w3.org/2000/svg">\n'
                                  '<rect width="10" height="10"/>\n<script>alert(1)</script>\n</svg>\n'),
     "docs/assets/map.svg", "<script>", "<script> is not allowed in a page"),
    ("item-dated-after-its-original", replace(POST, "date: 2022-02-03", "date: 2024-06-01"), POST, "date: 2024",
     "date: 2024-06-01 is after 'wpr-essay' appeared (2022-02), the publication original: credits"),
    ("markdown-in-an-html-block", append(POST, '\n\n<div class="note">\nSee [the essay](../../essay.md) first.\n</div>\n'),
     POST, "See [the essay]", "[the essay](../../essay.md) is published as typed: Markdown is not read inside a "
                              "block written in HTML. Add markdown to the block's opening tag"),
    # A block of HTML never closed: the figures after it were blamed, never the tag.
    ("html-block-left-open", replace(ESSAY, "## Roots of the insurgency", '<div class="aside">\n\n## Roots of the insurgency'),
     ESSAY, '<div class="aside">', '<div class="aside"> opens a block of HTML that never closes, so Markdown reads '
                                   "the rest of the page as HTML"),
    ("markdown-block-left-open", replace(POST, "The day-to-day immiseration", "<div markdown>\n\nThe day-to-day immiseration"),
     POST, "<div markdown>", "<div markdown> opens a block of HTML that never closes, so the rest of the page, "
                             "its notes too, would be inside it: close it with </div>"),
    ("paragraph-tag-left-open", append(POST, "\n\n<p>A paragraph in HTML, its end tag left out.\n\nMore text.\n"),
     POST, "<p>A paragraph", "close it with </p> where the block ends"),
    # A Markdown link in data or front matter: printed with its brackets and address.
    ("markdown-link-in-a-figures-note", replace(FIGURES, "      retaken on 26 January.",
                                                "      retaken on [26 January](https://www.hrw.org/news/2022/01/27)."),
     FIGURES, "retaken on [26 January]", "[26 January](https://www.hrw.org/news/2022/01/27) is a Markdown link, "
                                         "which data does not read: readers would see its brackets and address"),
    ("markdown-link-in-a-description", replace(ESSAY, "  without trial, displaced Iraqis",
                                               "  without trial ([HRW](hrw.md)), displaced Iraqis"),
     ESSAY, "([HRW](hrw.md))", "[HRW](hrw.md) is a Markdown link"),
    ("emphasis-in-an-html-block", append(POST, "\n\n<p>The report is *damning*.</p>\n"), POST, "*damning*",
     "*damning* is published as typed"),
    ("country-tag-in-another-case", replace(POST, "  - Lebanon", "  - lebanon"), POST, "  - lebanon",
     "tags: 'lebanon' is 'Lebanon' written another way (a country's name): search would offer them as two"),
    ("tag-with-a-look-alike-letter", replace(POST, "  - Lebanon", "  - Leb\u0430non"), POST, "Leb\u0430non",
     "U+0430 (CYRILLIC SMALL LETTER A), a letter that looks Latin but is not"),
    ("topic-tag-in-another-case", replace(TUNISIA_POST, "tags:\n", "tags:\n  - impunity\n"), TUNISIA_POST,
     "  - impunity", "tags: 'impunity' is 'Impunity' written another way (the tag as other pages write it)"),
    # What a reader who cannot see the page, or who searches it, was given without a word.
    ("image-without-description", append(POST, "\n\nThe map: ![](../../assets/logo.svg)\n"), POST, "The map: ![]",
     "this image has no description (alt text)"),
    ("img-tag-with-empty-alt", append(POST, '\n\n<p markdown>The map: <img src="../../assets/logo.svg" alt=" "></p>\n'),
     POST, "The map: <img", "this <img> has no description (alt text)"),
    ("heading-level-skipped", append(ESSAY, "\n\n#### A skipped level\n\nText.\n"), ESSAY, "#### A skipped level",
     "a level-4 heading (####) under a level-2 one skips a level"),
    ("zero-width-space-in-text", replace(POST, "The day-to-day immiseration", "The day-to-day immi\u200bseration"),
     POST, "The day-to-day immi", "an invisible character, U+200B (ZERO WIDTH SPACE), after 'The day-to-day immi'"),
    # A typo in a tag was printed on every page's list of tags, and offered as a filter.
    ("tag-a-letter-off-a-country", replace(POST, "  - Lebanon\n", "  - Lebanonn\n"), POST, "  - Lebanonn",
     "tags: 'Lebanonn' is one letter from 'Lebanon' (a country's name), and no other page is tagged 'Lebanonn'"),
    ("tag-a-letter-off-another-pages", replace(TUNISIA_POST, "tags:\n", "tags:\n  - Impunty\n"), TUNISIA_POST,
     "  - Impunty", "tags: 'Impunty' is one letter from 'Impunity' (a tag other pages have)"),
    # Mistakes told, but told wrong: the fix a message gives must be the one to make.
    ("call-left-open", replace(POST, "{{ fig('lebanon-murders') }}", "{{ fig('lebanon-murders' }}"), POST,
     "fig('lebanon-murders' }}", "write {{ fig('lebanon-murders') }}"),
    ("look-alike-letter-in-an-id", replace(ESSAY, "fig('detainees-hrw')", "fig('d\u0435tainees-hrw')"), ESSAY,
     "d\u0435tainees", "U+0435 (CYRILLIC SMALL LETTER IE), a letter that looks like one of a-z but is not"),
    ("front-matter-with-nothing-in-it", write("docs/rundown/posts/zz-empty.md", "---\n---\n\nText.\n"),
     "docs/rundown/posts/zz-empty.md", "---", "front matter holds nothing between its two `---` lines"),
    ("post-date-left-empty", replace(POST, "date: 2022-02-03", "date:"), POST, "date:",
     "date: is empty: write a date written YYYY-MM-DD"),
    ("post-date-as-a-list", replace(POST, "date: 2022-02-03", "date: [2022-02-03]"), POST, "date: [",
     "date: [2022-02-03] is not a date written YYYY-MM-DD"),
    ("handler-in-a-drawing", write("docs/assets/map.svg", '<svg xmlns="http://www.w3.org/2000/svg"\n'
                                   '     onload="alert(1)">\n</svg>\n'),
     "docs/assets/map.svg", "<svg", "<svg onload=…>: an event-handler attribute runs a script"),
]


def publish(project: Path, **env: str) -> subprocess.CompletedProcess:
    """`make build` without its venv step: strict build into site.new, swapped in on success.
    Not a GitHub Actions step unless `env` says so: these mistakes are the test's own."""
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", GITHUB_ACTIONS="")
    return subprocess.run(["make", "--no-print-directory", "-C", str(project), "publish",
                           f"MKDOCS={sys.executable} -m mkdocs"],
                          capture_output=True, text=True, env=dict(environment, **env))


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
    assert "Traceback" not in log, log  # a contributor's mistake is told, not dumped
    assert file.removeprefix("docs/") in log, log  # MkDocs names pages from docs/
    if line is not None:
        assert re.search(rf"{re.escape(file)}:{line}\b", log), log
    if file.startswith("data/"):
        assert re.search(rf"{re.escape(file)}:\d+", log) or "file not found" in log, log
    assert snapshot(project / "site") == published, "a failed build changed the published site"
    assert not (project / "site.new").exists()


QUIET = [
    ("a check of the build's", append(POST, "\n\n<script>alert(1)</script>\n"), POST, "<script>", "<script> is not allowed"),
    ("MkDocs' own", append(ESSAY, "\n\nSee [the notes](notes.md).\n"), ESSAY, "See [the notes](notes.md)", "notes.md"),
]


@pytest.mark.parametrize("case", QUIET, ids=[c[0] for c in QUIET])
def test_a_quiet_strict_build_stops_on_a_mistake_and_says_where(project, case):
    """`mkdocs build --strict --quiet`, as a deploy script may run it: MkDocs' --quiet drops
    warnings before strict mode counts them (checks/quiet_strict.py)."""
    _kind, breaks, file, line_text, expected = case
    breaks(project)
    out = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir",
                          str(project / "quiet-site")], cwd=project, capture_output=True, text=True,
                         env=dict(os.environ, NO_MKDOCS_2_WARNING="1", GITHUB_ACTIONS=""))
    log = out.stdout + out.stderr
    assert out.returncode != 0, f"a quiet strict build published {case[0]} mistake:\n{log}"
    assert re.search(rf"{re.escape(file)}:{line_of(project, file, line_text)}\b.*{re.escape(expected)}", log), log
    assert "Traceback" not in log and "INFO" not in log, log  # told, and quiet otherwise


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
    assert b"64,001" in (project / "site" / "figures" / "index.html").read_bytes()


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


def test_data_text_over_lines_or_with_a_pipe_stays_in_its_place(project):
    """Data text is one run of inline text where it meets a page: a line break in a
    correction's `why:` opens no heading or list, and a `|` in a label splits no table."""
    replace(FIGURES, "label: Iraqis classed as “ISIS families”",
            "label: Iraqis classed as “ISIS families” | officials’ estimate")(project)
    replace(CORRECTIONS, "    why: Checking the item against the Human Rights Watch report for this edition.",
            "    why: |\n      Checking the item.\n\n      # Not a heading\n      - not a list\n")(project)
    out = build(project)
    assert out.returncode == 0, out.log
    row = next(tr for tr in out.html("charts/index.html").select("tr") if "ISIS families" in tr.get_text())
    cells = [td.get_text(" ", strip=True) for td in row.select("td")]
    assert "Iraqis classed as “ISIS families” | officials’ estimate" in cells[0], cells
    assert any(cell.replace(",", "").startswith("500000") for cell in cells[1:]), cells
    item = out.html("rundown/lebanon-unsolved-murders/index.html")
    assert item.find(id="not-a-heading") is None
    assert [li for li in item.select("article li") if li.get_text(strip=True) == "not a list"] == []
    assert "Checking the item. # Not a heading - not a list" in " ".join(item.get_text(" ").split())


# What only looks like the mistakes of issue 18, in a Rundown item: each passes, as written.
LOOKALIKES = """

Write `[^x]` to refer to a note and `<!--` to open a comment, or \\[^y] with a backslash.

<!-- hidden, on a line of its own -->

Text <!-- hidden, inside a paragraph --> goes on.

<!-- hidden, on a line of its own

and across a blank line -->

[The figures](../../figures.md) {{ fig('children-detained') }}, and a claim.[^mine]

[^mine]: A note of the page's own.

{% raw %}{% set n = 1 %}{{ n }}{% endraw %}{# a template comment #}

<a href="https://example.org/" target="_blank" rel="noopener noreferrer">The report</a>, the season opener.

<svg viewBox="0 0 10 10"><circle r="4"><animate attributeName="opacity" values="0;1" dur="1s"/></circle></svg>

<div markdown>Read *the essay* in a block that asks for Markdown.</div>

<p>In HTML, x*y*z and a * b * c stay as written.</p>
"""


def test_a_date_still_to_come_is_told_once(project):
    """A year mistyped in a post's date was four mistakes: the date, then its updated:,
    its original: and its correction, each said to come before a publication that had
    not happened."""
    _id, breaks, *_ = next(case for case in CASES if case[0] == "future-post-date")
    breaks(project)
    out = publish(project)
    assert out.returncode != 0
    log = out.stdout + out.stderr
    assert "1 mistake(s) in the pages" in log and "date: 2099-02-03 is after the day of the build" in log, log


def test_a_comment_left_open_is_named_where_other_pages_links_break(project):
    """An HTML comment left open before a figure throws MkDocs' reading of the page's
    anchors: the figures and sources pages' links to that figure were said to be broken,
    on pages the contributor never touched, with no word of the comment."""
    essay = (project / ESSAY).read_text(encoding="utf-8")
    at = essay.index("{{ fig(")
    (project / ESSAY).write_text(essay[:at] + "<!-- check this " + essay[at:], encoding="utf-8")
    line = essay.count("\n", 0, at) + 1
    out = publish(project)
    assert out.returncode != 0
    log = out.stdout + out.stderr
    assert f"{ESSAY}:{line}:" in log and "<!-- opens an HTML comment" in log, log
    knock_on = [entry for entry in log.splitlines() if "but the doc 'essay.md' does not contain an anchor" in entry]
    assert knock_on, log  # MkDocs misreads the page: if it stops, this test has nothing left to check
    assert [entry for entry in knock_on if f"HTML comment left open at {ESSAY}:{line}" not in entry] == []


def test_a_new_tag_near_no_other_is_published(project):
    """A tag no other page has is a new filter, unless it is a letter from one: the typo
    check must not stop a contributor's new topic."""
    edit(project / TUNISIA_POST, "tags:\n", "tags:\n  - Elections\n")
    out = build(project)
    assert out.returncode == 0, out.log
    tags = [a.get_text(strip=True) for a in out.html("rundown/tunisia-supreme-judicial-council/index.html").select(".md-tag")]
    assert "Elections" in tags, tags


def test_a_described_image_and_headings_in_order_are_published(project):
    """The checks on images, headings and invisible characters leave alone what is right,
    and what is shown as code."""
    append(POST, "\n\n## Where\n\n### Beirut\n\n![The edition's logo](../../assets/logo.svg)\n\n"
                 "```\n#### shown as code, with a zero\u200bwidth space\n```\n")(project)
    out = build(project)
    assert out.returncode == 0, out.log
    article = out.html("rundown/lebanon-unsolved-murders/index.html").select_one("article")
    assert article.find("img", alt="The edition's logo") is not None
    headings = [h.get_text(strip=True).rstrip("¶") for h in article.select("h2, h3")]
    assert headings[headings.index("Where") + 1] == "Beirut", headings


def test_what_only_looks_like_those_mistakes_is_published_as_written(project):
    append(POST, LOOKALIKES)(project)
    out = build(project)
    assert out.returncode == 0, out.log
    article = out.html("rundown/lebanon-unsolved-murders/index.html").select_one("article")
    text = article.get_text()
    assert {"[^x]", "<!--"} <= {code.get_text() for code in article.find_all("code")}
    assert "or [^y] with a backslash" in text
    assert "hidden" not in text
    assert "Text goes on." in " ".join(text.split())
    link = article.find("a", string="The figures")
    assert link.find("a") is None and figure_id(link.find_next_sibling("span", class_="fig")) == "children-detained"
    note = article.find(id="fn:mine")
    assert note is not None and "A note of the page’s own." in note.get_text()  # its quote typographic (smarty)
    assert "{% set n = 1 %}{{ n }}" in text
    assert article.find("a", string="The report")["rel"] == ["noopener", "noreferrer"]
    assert article.select_one("svg animate")["values"] == "0;1"
    assert article.find("em", string="the essay") is not None
    assert "x*y*z and a * b * c" in text


def test_a_used_figure_deleted_is_told_in_the_data_and_the_pages_at_once(project):
    """A figure taken out of data/figures.yml that a rule and the essay still name was
    told in stages: data/rules.yml's lines first, and the essay's only once those were
    mended. Every place that names it is told in the one build."""
    rules = yaml.safe_load((project / "data" / "rules.yml").read_text(encoding="utf-8"))["rules"]
    in_rules = {f for rule in rules.values() for f in rule.get("figures", []) + [rule.get("figure")] if f}
    essay = (project / ESSAY).read_text(encoding="utf-8")
    wanted = sorted(f for f in in_rules if f"fig('{f}')" in essay)[0]
    figures = (project / FIGURES).read_text(encoding="utf-8")
    start = figures.index(f"\n  {wanted}:\n") + 1
    end = figures.find("\n\n", start)
    (project / FIGURES).write_text(figures[:start] + figures[end + 2:], encoding="utf-8")
    out = publish(project)
    log = out.stdout + out.stderr
    assert out.returncode != 0 and "Traceback" not in log, log
    told = {line.split(":", 2)[0] for line in log.splitlines() if f"unknown figure '{wanted}'" in line}
    assert told == {"data/rules.yml", ESSAY}, log
    assert f"{ESSAY}:{line_of(project, ESSAY, f'fig({wanted!r})')}:" in log, log
