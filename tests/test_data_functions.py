"""The data pages' small functions and the record of uses, called directly on hand-made
pages, figures and sources."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import markdown
import pytest
from pybtex.database import parse_string

from macros.reading.blocks import locate
from macros.reading.parse import read
from macros.downloads.bibtex import entry as bibtex_entry, source_reference
from macros.downloads.csl import csl_item
from macros.pages.charts import svg
from macros.pages.figures_page import figure_entry, figure_list_pages
from macros.pages.listing import SINGLE_PAGE, listing
from macros.pages.sources_page import source_entry, source_list_pages
from macros.pages.timeline import events
from macros.pages.used_in import excerpt
from macros.registry.model import ATTRIBUTION_LABEL, SOURCE_KINDS, Author, PartialDate, Range
from macros.render.notes import claim_inline, figure_inline
from macros.uses import UseRecord, by_item
from tests.support import figure, registry, source

EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc"]


def render(page: str, text: str, reg, record: UseRecord | None = None) -> UseRecord:
    """Render `text` as the build does: each {fig:id} or {cite:id} written by the macros'
    own functions and recorded, the Markdown made into HTML, the uses placed in it."""
    record, counts = record or UseRecord(), {}

    def call(kind: str, item_id: str) -> str:
        counts[(kind, item_id)] = counts.get((kind, item_id), 0) + 1
        record.add(kind, item_id, page, counts[(kind, item_id)], None)
        if kind == "fig":
            return figure_inline(reg.figures[item_id], reg, counts[(kind, item_id)])
        return claim_inline(reg.sources[item_id])

    text = re.sub(r"\{(fig|cite):([\w-]+)\}", lambda m: call(m[1], m[2]), text)
    text += "\n\n" + "\n\n".join(f"[^{k}]: note" for k in {f"fig-{f}" for f in reg.figures} | {f"src-{s}" for s in reg.sources})
    html = markdown.markdown(text, extensions=EXTENSIONS, extension_configs={"toc": {"permalink": True}})
    assert place(record, page, "A page", html) == []
    return record


def place(record: UseRecord, page: str, title: str, html: str):
    """Place the page's uses in its HTML as Build.page_content does: one read, then place."""
    locator = record.locator(page)
    if locator is not None:
        read(html, locator)
    return record.place(page, title, locator)


PAGE = """# A page

Before any section, {fig:a}.

## First

{fig:a} and {fig:b}, said someone.{cite:s}

## The *second*

Again {fig:a}.{cite:s}
"""

REG = registry(source("s", url="https://example.org/r"), figure("a"), figure("b", value=7, fmt="spelled"))


def test_uses_are_numbered_in_reading_order_and_placed_under_their_section():
    uses = render("dir/page.md", PAGE, REG).in_reading_order()
    assert [(u.kind, u.item_id, u.number, u.section) for u in uses] == [
        ("fig", "a", 1, None), ("fig", "a", 2, "First"), ("fig", "b", 1, "First"),
        ("cite", "s", 1, "First"), ("fig", "a", 3, "The second"), ("cite", "s", 2, "The second")]
    assert [u.link for u in uses if u.item_id == "a"] == [
        "dir/page.md#fig-a-1", "dir/page.md#fig-a-2", "dir/page.md#fig-a-3"]
    # Python-Markdown names a footnote's first reference fnref:KEY, the next fnref2:KEY
    assert [u.anchor for u in uses if u.kind == "cite"] == ["fnref:src-s", "fnref2:src-s"]
    assert uses[1].place == "A page › First"


def test_a_use_is_placed_in_whatever_block_holds_it():
    text = ("## Why {fig:a} matters\n\n- an item with {fig:a} in it\n\n| A | B |\n|---|---|\n"
            "| a cell {fig:a} here | x |\n\n!!! note \"Aside\"\n    An aside with {fig:a} people.\n\n"
            "> quoted {fig:a} words\n")
    uses = render("p.md", text, REG).in_reading_order()
    assert [(u.block, u.section, u.before, u.after) for u in uses] == [
        ("heading", "Why 45,000 matters", "Why", "matters"),
        ("list item", "Why 45,000 matters", "an item with", "in it"),
        ("table cell", "Why 45,000 matters", "a cell", "here"),
        ("admonition paragraph", "Why 45,000 matters", "An aside with", "people."),
        ("blockquote paragraph", "Why 45,000 matters", "quoted", "words")]


def test_a_use_with_no_element_to_land_on_is_an_error():
    record = UseRecord()
    record.add("fig", "a", "p.md", 1, 7)
    code = "```\n" + figure_inline(REG.figures["a"], REG) + "\n```"
    html = markdown.markdown(code, extensions=EXTENSIONS + ["fenced_code"])
    errors = place(record, "p.md", "P", html)
    assert [str(e) for e in errors] == [
        "docs/p.md:7: {{ fig('a') }} is written where no reader can reach it (in code, a comment, raw HTML, "
        "an HTML attribute or a link's address); move it into the text"]


def test_locate_skips_permalinks_and_note_numbers():
    html = ('<h2 id="x">Head<a class="headerlink" href="#x">¶</a></h2>'
            '<p>One <span id="u">two</span><sup id="fnref:k"><a>3</a></sup> four.</p>')
    places = locate(html, {"u", "fnref:k"})
    assert (places["u"].section, places["u"].before, places["u"].text, places["u"].after) == \
        ("Head", "One", "two", "four.")
    assert (places["fnref:k"].before, places["fnref:k"].after) == ("One two", "four.")


def test_entry_lists_uses_or_says_why_a_figure_is_unused():
    used, unused = figure("a"), figure("b", unused="kept for the record")
    reg = registry(source("s", url="https://example.org/r"), used, unused)
    uses = by_item(render("page.md", PAGE, reg).in_reading_order())
    text = figure_entry(used, reg, uses[("fig", "a")])
    assert '<a href="page.md#fig-a-2">A page › First</a>' in text and text.count('href="page.md#fig-a-') == 3
    assert 'href="https://example.org/r"' in text
    assert "kept for the record" in figure_entry(unused, reg, [])


def test_competing_estimates_name_each_other():
    a = figure("a", quantity="q", as_of=PartialDate("2021-02-08"))
    b = figure("b", value=64000, quantity="q", as_of=PartialDate("2022-01-26"))
    reg = registry(source("s", "R"), a, b)
    listed = figure_list_pages(reg, {}, listing(reg, 50))[0]
    text = listed.written_out()
    assert "### Label a { #a }" in text and "Competing estimates" in text
    assert '<a href="#b">64,000</a>' in text and "26 January 2022" in text


def test_attributions_are_labelled_on_the_sources_page():
    officials = source("s", "Officials", kind="attribution")
    assert ATTRIBUTION_LABEL in source_entry(officials, [], [])
    published = source("s", "Report")
    assert ATTRIBUTION_LABEL not in source_entry(published, [], [])


def test_events_come_in_date_order_whatever_their_precision():
    def event(fid, value):
        return figure(fid, value=value, fmt="date", unit="date", event=True)
    reg = registry(event("late", PartialDate("2022-02-03")),
                   event("range", Range(PartialDate("2022-01-20"), PartialDate("2022-01-26"))),
                   event("year", PartialDate("2003")), event("month", PartialDate("2003-05")), figure("count"))
    assert [f.id for f in events(reg)] == ["year", "month", "range", "late"]


def test_bibtex_keeps_tex_specials_and_braces_as_text():
    title = "Costs {in} 100% of cases & more_ #1 ~ $5 \\ done"
    item = source("k", title, author=Author("Doe", "Jane"), date=PartialDate("2020-06"), publisher="UN")
    entry = parse_string(bibtex_entry(source_reference(item)), "bibtex").entries["k"]
    assert entry.type == "techreport" and entry.fields["month"] == "June"
    assert entry.fields["title"].startswith("{") and "100\\%" in entry.fields["title"]
    assert entry.fields["institution"] == "UN" and entry.fields["year"] == "2020"
    assert [(p.last_names, p.first_names) for p in entry.persons["author"]] == [(["Doe"], ["Jane"])]


def test_bibtex_falls_back_to_misc_when_a_required_field_is_unknown():
    """An @article or @techreport without its author or year makes standard styles warn
    and pybtex refuse the file: such an entry is @misc, its outlet in howpublished."""
    for kind, outlet in (("report", "institution"), ("news", "journal")):
        known = source("k", "T", kind=kind, author=Author(name="A body"), date=PartialDate("2020"), publisher="P")
        entry = parse_string(bibtex_entry(source_reference(known)), "bibtex").entries["k"]
        assert (entry.type, entry.fields[outlet]) == (SOURCE_KINDS[kind].bibtex_type, "P")
        assert [str(p) for p in entry.persons["author"]] == ["{A body}"]  # one name, never split
        unknown = source("k", "T", kind=kind, date=PartialDate("2020"), publisher="P")
        entry = parse_string(bibtex_entry(source_reference(unknown)), "bibtex").entries["k"]
        assert (entry.type, entry.fields["howpublished"]) == ("misc", "P")
        assert entry.fields["note"].startswith("Author unknown.") and entry.fields["key"] == "T"


def test_csl_names_are_split_bodies_kept_whole_and_dates_as_parts():
    item = csl_item(source("k", "T", kind="news", author=Author("Revkin", "Mara Redlich"), publisher="Paper",
                           date=PartialDate("2018-05"), url="https://e.org/a", accessed=PartialDate("2026-11-02")))
    assert item["author"] == [{"family": "Revkin", "given": "Mara Redlich"}]
    assert item["issued"] == {"date-parts": [[2018, 5]]} and item["type"] == "article-newspaper"
    assert item["container-title"] == "Paper" and "publisher" not in item
    assert item["accessed"] == {"date-parts": [[2026, 11, 2]]}
    # CSL has no variable for an archived copy's address (archive_location is a place in an
    # archive, which Chicago prints capitalised: "Https://..."): it goes in the note.
    assert item["note"] == "Archived copy: https://web.archive.org/web/20261102/https://e.org/a."
    assert not {"archive", "archive_location"} & set(item)
    assert csl_item(source("k", "T", kind="report", publisher="UN"))["publisher"] == "UN"
    assert csl_item(source("k", "T", author=Author(name="UN experts")))["author"] == [{"literal": "UN experts"}]
    assert "issued" not in csl_item(source("k", "T", kind="attribution"))


def test_chart_svg_escapes_data_and_parses():
    hostile = '<script>alert(1)</script> & "quotes"'
    a, b = figure("a", label=hostile), figure("b", value=90000)
    text = svg("c", hostile, [a, b], registry(source("s", "R & D"), a, b))
    assert "<script" not in text
    root = ET.fromstring(text)
    assert root.find("{http://www.w3.org/2000/svg}title").text == hostile
    widths = [float(r.get("width")) for r in root.iter("{http://www.w3.org/2000/svg}rect")]
    assert widths[0] == pytest.approx(widths[1] * 45000 / 90000, abs=0.1)  # drawn to 0.1 unit


def test_excerpt_shows_the_words_around_a_use_with_the_figure_in_bold():
    page = ("# T\n\nOne two three four five six seven eight nine ten eleven {fig:a}, "
            "then *more* [words](x.md) and {fig:b} <b>x</b>.{cite:s} End.\n")
    first, second, note = render("p.md", page, REG).in_reading_order()
    assert excerpt(first) == ("…two three four five six seven eight nine ten eleven <strong>45,000</strong>, "
                              "then more words and seven x. End.")
    assert excerpt(second) == ("…seven eight nine ten eleven 45,000, then more words and "
                               "<strong>seven</strong> x. End.")
    assert excerpt(note).endswith("and seven x.[note] End.")


def test_excerpt_escapes_the_page_text():
    uses = render("p.md", "# T\n\nA 1 &lt; 2 {fig:a} &amp; `c` \\[d\\]\n", REG).in_reading_order()
    assert excerpt(uses[0]) == "A 1 &lt; 2 <strong>45,000</strong> &amp; c [d]"


def test_excerpt_spans_the_lines_of_a_wrapped_paragraph():
    uses = render("p.md", "# T\n\nFirst line of it\nends with {fig:a} and\ngoes on.\n\nNext.\n", REG)
    assert excerpt(uses.in_reading_order()[0]) == "First line of it ends with <strong>45,000</strong> and goes on."


def test_the_lists_group_their_uses_once_and_read_as_each_entry_would():
    """figure_list_pages and source_list_pages group the uses in one pass (per entry it
    was quadratic: 30 s at 1,000 items); each entry must read as if it had scanned them all."""
    s, t = source("s", url="https://example.org/s"), source("t", url="https://example.org/t")
    a, b = figure("a"), figure("b", sources=("t", "s"))
    reg = registry(s, t, a, b)
    record = render("two.md", PAGE.replace("{fig:a}", "{fig:b}"), reg)
    uses = render("one.md", PAGE, reg, record).in_reading_order()
    groups = by_item(uses)
    assert [list(page.bodies.values()) for page in figure_list_pages(reg, groups, listing(reg, 50))] == [
        [figure_entry(f, reg, groups.get(("fig", f.id), []), listing(reg, 50)) for f in (a, b)]]
    listed = "".join(source_list_pages(reg, uses, listing(reg, 50))[0].bodies.values())
    for item in (s, t):
        citing = [f for f in (a, b) if item.id in f.sources]
        places = [u for u in uses if (u.kind, u.item_id) in {("cite", item.id)} | {("fig", f.id) for f in citing}]
        assert source_entry(item, places, citing, listing(reg, 50)) in listed
    # reading order across pages: one.md's uses of s come before two.md's
    cited_in = listed.split("Cited in")[1]
    assert cited_in.index("one.md") < cited_in.index("two.md")
    assert SINGLE_PAGE.figure_link("a") == "figures.md#a"


def test_a_date_comes_before_another_only_as_far_as_both_are_known():
    """The one comparison the checks use (an as_of before its event, an access day before
    its source, an interval backwards): a coarser date may be the other's very day."""
    before = lambda a, b: PartialDate(a).before(PartialDate(b))  # noqa: E731
    assert before("2018-11", "2019-03-23") and before("2022-01-31", "2022-02")
    assert not before("2019", "2019-03-23") and not before("2019-03-23", "2019")
    assert not before("2022-02-03", "2022-02-03") and not before("2022-02-04", "2022-02-03")
