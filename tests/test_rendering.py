"""Formatting and footnote assembly, called directly on hand-made figures and sources."""

from __future__ import annotations

import pytest

from macros.citing import PageNotes, figure_inline, figure_note, md_text, source_citation
from macros.formatting import format_exact, format_value
from macros.model import Figure, PartialDate, Range, Registry, Source


def figure(value, fmt, pattern=None, unit="people", **extra) -> Figure:
    return Figure(id="f", label="Counted", value=value, unit=unit, format=fmt, written="-",
                  sources=("s",), scope="Here", pattern=pattern, **extra)


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
    source = Source(id="s", title="T", kind="report", url='https://x.org/"onmouseover="alert(1)')
    assert '"onmouseover' not in source_citation(source)


def registry_with(source: Source, fig: Figure) -> Registry:
    return Registry(sources={source.id: source}, figures={fig.id: fig})


def test_figure_note_names_source_link_date_scope_and_note():
    source = Source(id="s", title="A report", kind="report", publisher="HRW",
                    date=PartialDate("2022-01-26"), url="https://example.org/r")
    fig = figure(45000, "number", as_of=PartialDate("2022-01-26"), note="Counts foreigners only.")
    note = figure_note(fig, registry_with(source, fig))
    assert '<a href="https://example.org/r">“A report”</a>' in note
    assert "HRW" in note and "As of 26 January 2022" in note and "Scope: Here" in note
    assert "Editor’s note:** Counts foreigners only." in note


def test_attributed_claims_say_no_public_record():
    source = Source(id="s", title="Iraqi officials, in private", kind="attribution")
    note = figure_note(figure(500000, "number"), registry_with(source, figure(500000, "number")))
    assert "attributed in the essay to Iraqi officials, in private; no public record located" in note
    assert "Date of the estimate not known" in note


def test_unknown_source_fields_are_said_not_guessed():
    source = Source(id="s", title="Report", kind="report", publisher="UN")
    text = source_citation(source)
    assert "date not known" in text and "No public link confirmed" in text


def test_figure_inline_has_the_value_its_anchor_and_its_footnote_reference():
    assert figure_inline(figure(45000, "number")) == \
        '<span class="fig" data-figure="f" id="fig-f-1">45,000</span>[^fig-f]'
    assert 'id="fig-f-2"' in figure_inline(figure(45000, "number"), 2)


def test_page_notes_keep_first_use_order_and_each_note_once():
    notes = PageNotes()
    assert not notes
    notes.add("fig-b", "B")
    notes.add("fig-a", "A")
    notes.add("fig-b", "B again")
    assert notes.definitions("[^fig-a] then [^fig-b]") == "[^fig-b]: B\n\n[^fig-a]: A"
    assert notes.definitions("a page replaced by an error message") == ""
