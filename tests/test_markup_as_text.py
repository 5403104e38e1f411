"""Markup published as text (macros/checks/markup_as_text.py): read in the HTML that
Python-Markdown makes of a page, located on the page's own lines."""

from __future__ import annotations

import markdown

from macros.checks.markup_as_text import TextReader, mistakes
from macros.reading.parse import read


def found(source: str, html_extra: str = "") -> list[tuple[int, int, str]]:
    """(line, column, the message's start) of each mistake in `source`, a page."""
    reader = TextReader()
    read(markdown.markdown(source, extensions=["footnotes", "md_in_html", "attr_list"]) + html_extra, reader)
    return [(e.line, e.column, e.message.split(" ")[0]) for e in mistakes(reader, source, "docs/x.md")]


def test_each_comment_published_as_text_is_told_at_its_own_line():
    source = "Intro.\n\n<!-- more -->\n\nText <!-- a note\n\nthat goes on --> here.\n\nWords <!--\n\nMore.\n"
    assert found(source) == [(5, 6, "<!--"), (9, 7, "<!--")]


def test_a_footnote_reference_without_its_note_is_told_where_the_prose_writes_it():
    source = "Write `[^x]` for a note.\n\nA claim.[^x] Another.[^y]\n\n[^y]: Its note.\n"
    assert found(source) == [(3, 9, "[^x]")]


def test_what_the_page_meant_as_text_or_did_not_write_is_no_mistake():
    source = "`<!--` and `[^x]` in code, \\[^y] escaped, <!-- a closed comment --> and\n\n<!-- one\n\nacross -->\n"
    assert found(source) == []
    # Data the macros printed (escaped on purpose): in the HTML, not in the page's text.
    assert found("A label.\n", "<p>[^1] &lt;!-- from the data</p>") == []


def test_a_comment_that_spans_blank_lines_on_lines_of_its_own_does_not_take_the_place_of_one_published():
    # The first comment is read as a comment; the second is published, from line 5.
    assert found("<!-- one\n\nacross -->\n\nWords <!--\n\nMore.\n") == [(5, 7, "<!--")]


def test_a_reference_link_defined_nowhere_is_told_at_its_reference():
    source = ("See [the report][hrw], [the *other* one][un] and [this][].\n\n"
              "Fine: [a link][ok], [words](https://example.org), [^n] notes.[^n]\n\n"
              "[ok]: https://example.org\n[^n]: A note.\n")
    assert [(line, column) for line, column, _ in found(source)] == [(1, 17), (1, 41), (1, 56)]
    assert found("`[a][b]` in code, \\][c] escaped.\n") == []
