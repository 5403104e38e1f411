"""Formatting and footnote assembly, called directly on hand-made figures and sources."""

from __future__ import annotations

import html

import pytest

from macros.registry.model import Figure, PartialDate, Range, Registry, Source
from macros.render.escape import attr_text, bibtex_text, bibtex_url, md_text
from macros.render.formatting import format_exact, format_value
from macros.render.notes import PageNotes, figure_inline, figure_note, source_citation
from tests import support
from tests.support import source as make_source


def figure(value, fmt, pattern=None, **extra) -> Figure:
    return support.figure("f", value, fmt, label="Counted", pattern=pattern, **extra)


@pytest.mark.parametrize("value, fmt, pattern, written", [
    (45000, "number", None, "45,000"),
    (1186556, "compact", None, "1.2 million"),
    (1200000, "compact", None, "1.2 million"),
    (80, "percent", None, "80 percent"),
    (4, "spelled", None, "four"),
    (12, "spelled", None, "12"),
    (PartialDate("2019-03-23"), "date", "MMMM yyyy", "March 2019"),
    (PartialDate("2022-02-03"), "date", "MMM. d", "Feb. 3"),
    (PartialDate("2022-02-05"), "date", "EEEE", "Saturday"),
    (PartialDate("2021-07-25"), "date", "'last' MMMM", "last July"),
    (Range(PartialDate("2022-01-20"), PartialDate("2022-01-26")), "date", "'late' MMMM", "late January"),
    (Range(40000, 45000), "number", None, "40,000–45,000"),
])
def test_values_are_written_as_the_essay_writes_them(value, fmt, pattern, written):
    assert format_value(figure(value, fmt, pattern)) == written


def test_exact_value_keeps_every_digit():
    assert format_exact(figure(1186556, "compact")) == "1,186,556"
    assert format_exact(figure(PartialDate("2020-06"), "date", "yyyy")) == "June 2020"


@pytest.mark.parametrize("hostile", ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">'])
def test_data_text_cannot_become_html(hostile):
    escaped = md_text(hostile)
    assert "<" not in escaped and ">" not in escaped and "&lt;" in escaped


def test_markdown_syntax_in_data_is_kept_literal():
    assert md_text("a *b* [c](d) {: .x } `e`") == r"a \*b\* \[c\](d) \{: .x \} \`e\`"


def test_a_url_cannot_break_out_of_its_attribute():
    source = make_source("s", "T", kind="report", url='https://x.org/"onmouseover="alert(1)')
    assert '"onmouseover' not in source_citation(source)


def registry_with(source: Source, fig: Figure) -> Registry:
    return support.registry(source, fig)


def test_figure_note_names_source_link_date_scope_and_note():
    source = make_source("s", "A report", kind="report", publisher="HRW",
                    date=PartialDate("2022-01-26"), url="https://example.org/r")
    fig = figure(45000, "number", as_of=PartialDate("2022-01-26"), note="Counts foreigners only.")
    note = figure_note(fig, registry_with(source, fig))
    assert '<a href="https://example.org/r">“A report”</a>' in note
    assert "HRW" in note and "As of 26 January 2022" in note and "Scope: Here" in note
    assert '<span class="editor-note">**Editor’s note:** Counts foreigners only.</span>' in note


def test_attributed_claims_say_no_public_record():
    source = make_source("s", "Iraqi officials, in private", kind="attribution")
    note = figure_note(figure(500000, "number"), registry_with(source, figure(500000, "number")))
    # The note says plainly that there is no record, with no "Source:" label in front.
    assert "Attributed in the essay to Iraqi officials, in private; no public record located" in note
    assert "Source:" not in note
    assert "Date of the estimate not known" in note


def test_unknown_source_fields_are_said_not_guessed():
    source = make_source("s", "Report", kind="report", publisher="UN")
    text = source_citation(source)
    assert "date not known" in text and "No public link confirmed" in text


def test_figure_inline_links_to_its_note_with_source_and_date_as_tooltip():
    source = make_source("s", "A report", kind="report", publisher="HRW", date=PartialDate("2022-01-26"))
    fig = figure(45000, "number", as_of=PartialDate("2022-01-26"))
    assert figure_inline(fig, registry_with(source, fig)) == (
        '<span class="fig" id="fig-f-1"><a href="#fn:fig-f" '
        'title="Source: HRW, 26 January 2022. As of 26 January 2022.">45,000</a></span>[^fig-f]')


def test_a_figure_with_an_editors_note_is_flagged_and_says_so_on_hover():
    source = make_source("s", "Iraqi officials", kind="attribution")
    fig = figure(500000, "number", note="Not matched.")
    inline = figure_inline(fig, registry_with(source, fig))
    assert 'class="fig fig--flagged"' in inline
    assert "Attributed in the essay to Iraqi officials; no public record located" in inline
    assert "Date of the estimate not known. Its note adds an editor’s note." in inline


def test_unchecked_figures_never_cite_the_essay_to_itself():
    source = make_source("s", "The essay’s own account of events", kind="unchecked")
    fig = figure(PartialDate("2003"), "date", "yyyy")
    note = figure_note(fig, registry_with(source, fig))
    assert "essay’s own account" not in note and "Source:" not in note
    assert "No source is given in the essay" in note


@pytest.mark.parametrize("hostile", ['"><script>alert(1)</script>', "*a* [b](c) `d` {: .x } _e_ \\"])
def test_tooltip_text_stays_literal_in_its_attribute(hostile):
    text = attr_text(hostile)
    assert not set('<>"*[]`{}_\\') & set(text)
    assert html.unescape(text) == hostile


def test_each_use_of_a_figure_has_its_own_anchor():
    source = make_source("s", "A report", kind="report")
    fig = figure(45000, "number")
    assert 'id="fig-f-2"' in figure_inline(fig, registry_with(source, fig), 2)


def test_page_notes_keep_first_use_order_and_each_note_once():
    notes = PageNotes()
    assert not notes
    notes.add("fig-b", "B")
    notes.add("fig-a", "A")
    notes.add("fig-b", "B again")
    assert notes.definitions("[^fig-a] then [^fig-b]") == "[^fig-b]: B\n\n[^fig-a]: A"
    assert notes.definitions("a page replaced by an error message") == ""


def test_bibtex_text_escapes_tex_and_a_url_keeps_its_address():
    assert bibtex_text("50% of {x} & y_z #1 ~ ^ \\") == r"50\% of \{x\} \& y\_z \#1 \~{} \^{} \textbackslash{}"
    assert bibtex_url("https://e.org/a_b#c?d=50%") == r"https://e.org/a_b#c?d=50\%"
