"""The data pages' small functions, called directly on hand-made pages, figures and sources."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from pybtex.database import parse_string

from macros.charts import ChartSpec, svg
from macros.data_pages import (ATTRIBUTION_LABEL, events, figure_entries, figure_entry, source_entries,
                               source_entry)
from macros.downloads import bibtex_entry, csl_item
from macros.model import Figure, PartialDate, Range, Registry, Source
from macros.uses import scan_page

PAGE = """---
title: A page
---

# A page

Before any section, {{ fig('a') }}.

## First { #first }

{{ fig('a') }} and {{ fig("b") }}, said someone.{{ cite('s') }}

## The *second*

Again {{ fig( 'a' ) }}.{{ cite('s') }}
"""


def figure(fid="a", value=45000, **extra) -> Figure:
    fields = dict(id=fid, label=f"Label {fid}", value=value, unit="people", format="number",
                  written="-", sources=("s",), scope="Here")
    return Figure(**{**fields, **extra})


def test_scan_counts_each_use_of_an_id_in_reading_order_with_its_section():
    uses = scan_page(PAGE, "dir/page.md")
    assert [(u.kind, u.item_id, u.number, u.section) for u in uses] == [
        ("fig", "a", 1, None), ("fig", "a", 2, "First"), ("fig", "b", 1, "First"),
        ("cite", "s", 1, "First"), ("fig", "a", 3, "The second"), ("cite", "s", 2, "The second")]
    assert {u.title for u in uses} == {"A page"}
    assert [u.link for u in uses if u.item_id == "a"] == [
        "dir/page.md#fig-a-1", "dir/page.md#fig-a-2", "dir/page.md#fig-a-3"]
    # Python-Markdown names a footnote's first reference fnref:KEY, the next fnref2:KEY
    assert [u.anchor for u in uses if u.kind == "cite"] == ["fnref:src-s", "fnref2:src-s"]


def test_scan_takes_the_title_from_the_first_heading_without_front_matter():
    uses = scan_page("# Plain *title*\n\n{{ fig('a') }}\n", "p.md")
    assert uses[0].title == "Plain title" and uses[0].place == "Plain title"


def test_entry_lists_uses_or_says_why_a_figure_is_unused():
    source = Source(id="s", title="Report", kind="report", url="https://example.org/r")
    used, unused = figure("a"), figure("b", unused="kept for the record")
    registry = Registry(sources={"s": source}, figures={"a": used, "b": unused})
    uses = scan_page(PAGE, "page.md")
    text = figure_entry(used, registry, uses)
    assert "[A page › First](page.md#fig-a-2)" in text and text.count("](page.md#fig-a-") == 3
    assert "{ #a }" in text and 'href="https://example.org/r"' in text
    assert "kept for the record" in figure_entry(unused, registry, [])


def test_competing_estimates_name_each_other():
    a = figure("a", quantity="q", as_of=PartialDate("2021-02-08"))
    b = figure("b", value=64000, quantity="q", as_of=PartialDate("2022-01-26"))
    registry = Registry(sources={"s": Source(id="s", title="R", kind="report")}, figures={"a": a, "b": b})
    text = figure_entry(a, registry, [])
    assert "Competing estimates" in text and "[64,000](#b)" in text and "26 January 2022" in text


def test_attributions_are_labelled_on_the_sources_page():
    source = Source(id="s", title="Officials", kind="attribution")
    registry = Registry(sources={"s": source}, figures={"a": figure("a")})
    assert ATTRIBUTION_LABEL in source_entry(source, registry, [])
    published = Source(id="s", title="Report", kind="report")
    assert ATTRIBUTION_LABEL not in source_entry(published, Registry(sources={"s": published}), [])


def test_events_come_in_date_order_whatever_their_precision():
    def event(fid, value):
        return figure(fid, value=value, format="date", unit="date", event=True)
    registry = Registry(figures={
        "late": event("late", PartialDate("2022-02-03")),
        "range": event("range", Range(PartialDate("2022-01-20"), PartialDate("2022-01-26"))),
        "year": event("year", PartialDate("2003")),
        "month": event("month", PartialDate("2003-05")),
        "count": figure("count"),
    })
    assert [f.id for f in events(registry)] == ["year", "month", "range", "late"]


def test_bibtex_keeps_tex_specials_and_braces_as_text():
    title = "Costs {in} 100% of cases & more_ #1 ~ $5 \\ done"
    source = Source(id="k", title=title, kind="report", author="Jane Doe",
                    date=PartialDate("2020-06"), publisher="UN")
    entry = parse_string(bibtex_entry(source), "bibtex").entries["k"]
    assert entry.type == "techreport" and entry.fields["month"] == "June"
    assert entry.fields["title"].startswith("{") and "100\\%" in entry.fields["title"]
    assert entry.fields["institution"] == "UN" and entry.fields["year"] == "2020"


def test_csl_names_are_kept_whole_and_dates_as_parts():
    item = csl_item(Source(id="k", title="T", kind="news", author="Mara Redlich Revkin",
                           date=PartialDate("2018-05")))
    assert item["author"] == [{"literal": "Mara Redlich Revkin"}]
    assert item["issued"] == {"date-parts": [[2018, 5]]} and item["type"] == "article-newspaper"
    assert "issued" not in csl_item(Source(id="k", title="T", kind="attribution"))


def test_chart_svg_escapes_data_and_parses():
    hostile = '<script>alert(1)</script> & "quotes"'
    a, b = figure("a", label=hostile), figure("b", value=90000)
    registry = Registry(sources={"s": Source(id="s", title="R & D", kind="report")}, figures={"a": a, "b": b})
    text = svg("c", ChartSpec(hostile, ("a", "b")), [a, b], registry)
    assert "<script" not in text
    root = ET.fromstring(text)
    assert root.find("{http://www.w3.org/2000/svg}title").text == hostile
    widths = [float(r.get("width")) for r in root.iter("{http://www.w3.org/2000/svg}rect")]
    assert widths[0] / widths[1] == 45000 / 90000


def test_nav_titles_name_pages_shortly(tmp_path):
    from macros.uses import nav_titles, scan_docs

    nav = [{"Home": "index.md"}, {"Essay": "essay.md"}, {"Rundown": ["rundown/index.md"]},
           {"Data": [{"Figures": "figures.md"}]}]
    assert nav_titles(nav) == {"index.md": "Home", "essay.md": "Essay", "figures.md": "Figures"}
    (tmp_path / "essay.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "other.md").write_text(PAGE, encoding="utf-8")
    titles = {(u.page, u.title) for u in scan_docs(tmp_path, nav_titles(nav))}
    assert titles == {("essay.md", "Essay"), ("other.md", "A page")}


def test_excerpt_shows_the_words_around_a_use_with_the_figure_in_bold():
    from macros.data_pages import excerpt

    page = ("# T\n\nOne two three four five six seven eight nine ten eleven {{ fig('a') }}, "
            "then *more* [words](x.md) and {{ fig('b') }} <b>x</b>.{{ cite('s') }} End.\n")
    registry = Registry(sources={"s": Source(id="s", title="R", kind="report")},
                        figures={"a": figure("a"), "b": figure("b", value=7, format="spelled")})
    first, second, note = scan_page(page, "p.md")
    assert excerpt(first, registry) == ("…two three four five six seven eight nine ten eleven **45,000**, "
                                        "then more words and seven x. End.")
    assert excerpt(second, registry) == "…seven eight nine ten eleven 45,000, then more words and **seven** x. End."
    assert excerpt(note, registry).endswith("and seven x.[note] End.")


def test_excerpt_escapes_the_page_text():
    from macros.data_pages import excerpt

    uses = scan_page("# T\n\nA <img src=x onerror=alert(1)> 1 < 2 {{ fig('a') }} & `c` [d]\n", "p.md")
    text = excerpt(uses[0], Registry(figures={"a": figure("a")}))
    assert text == "A 1 &lt; 2 **45,000** &amp; c \\[d\\]"


def test_excerpt_spans_the_lines_of_a_wrapped_paragraph():
    from macros.data_pages import excerpt

    uses = scan_page("# T\n\nFirst line of it\nends with {{ fig('a') }} and\ngoes on.\n\nNext.\n", "p.md")
    assert excerpt(uses[0], Registry(figures={"a": figure("a")})) == \
        "First line of it ends with **45,000** and goes on."


def test_the_pages_index_their_uses_once_and_list_them_as_each_entry_would():
    """figure_entries and source_entries group the uses in one pass (per entry it was
    quadratic: 30 s at 1,000 items); each entry must read as if it had scanned them all."""
    s, t = (Source(id=i, title=f"Report {i}", kind="report", url=f"https://example.org/{i}") for i in "st")
    a, b = figure("a"), figure("b", sources=("t", "s"))
    registry = Registry(sources={"s": s, "t": t}, figures={"a": a, "b": b})
    uses = scan_page(PAGE, "one.md") + scan_page(PAGE.replace("fig('a')", "fig('b')"), "two.md")
    assert figure_entries(registry, uses) == "\n\n".join(figure_entry(f, registry, uses) for f in (a, b))
    listed = source_entries(registry, uses)
    for source in (s, t):
        assert source_entry(source, registry, uses) in listed
    # reading order across pages: one.md's uses of s come before two.md's
    cited_in = listed.split("Cited in")[1]
    assert cited_in.index("one.md") < cited_in.index("two.md")
