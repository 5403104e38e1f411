"""Issue 7, built and read as HTML: article headers, no docs tree, honest notes, front page."""

from __future__ import annotations

import datetime
import math
import posixpath
import re

import pytest
from bs4 import BeautifulSoup

from macros.checks.front_matter import read
from macros.pages.article import FRONT_PAGE_ITEMS, RundownItem, rundown_list
from macros.render.formatting import format_partial_date
from macros.registry.loading import load_registry
from macros.registry.model import PartialDate

from tests.support import ROOT, build, figure_id, figure_spans

REGISTRY = load_registry(ROOT)
DOCS = ROOT / "docs"
POSTS = sorted((DOCS / "rundown" / "posts").glob("*.md"))


def meta_of(path):
    return read(path, str(path)).meta


def article_pages():
    """(front matter, built page) for the essay and every Rundown item."""
    pages = [(meta_of(DOCS / "essay.md"), "essay/index.html")]
    pages += [(meta_of(p), f"rundown/{meta_of(p)['slug']}/index.html") for p in POSTS]
    return pages


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("meta, page", article_pages(), ids=lambda v: v if isinstance(v, str) else "")
def test_article_header_shows_each_field_from_front_matter_and_data(site, meta, page):
    soup = site.html(page)
    header = soup.select_one("article.md-content__inner > header.article-header")
    assert header, page
    assert words(header.h1.get_text()) == meta["title"]

    summary = soup.select_one("article.md-content__inner > p.edition-summary")
    assert summary.select_one(".edition-summary__label").get_text() == "This edition’s summary"
    assert words(summary.get_text()) == "This edition’s summary " + words(meta["description"])

    original = header.select_one(".article-header__original")
    if "original" not in meta:  # the edition's own writing credits nobody else
        assert words(original.get_text()) == "Written for this edition" and original.a is None
    else:
        source = REGISTRY.source(meta["original"])
        if source.url:
            assert original.a["href"] == source.url and original.a.get_text() == source.publisher
        else:
            assert original.a is None and source.title in original.get_text()
        assert original.time.get_text() == format_partial_date(source.date)

    updated = header.select_one(".article-header__updated time")
    assert updated["datetime"] == str(meta["updated"])
    assert updated.get_text() == format_partial_date(PartialDate(str(meta["updated"])))

    assert [t.get_text(strip=True) for t in header.select(".md-tag")] == sorted(meta["tags"])

    shown = header.select_one(".article-header__readtime").get_text()
    text = soup.select_one("article.md-content__inner")
    # The text alone: not its notes, nor the edition's corrections box and citation.
    for extra in text.select("header, div.footnote, #sources-and-notes, .corrections, #cite-this, .cite-this"):
        extra.decompose()
    minutes = max(1, math.ceil(len(text.get_text().split()) / 230))  # the text, not its notes
    assert shown == f"{minutes} min read"


@pytest.mark.parametrize("meta, page", article_pages(), ids=lambda v: v if isinstance(v, str) else "")
def test_article_pages_carry_no_navigation_tree_and_a_toc_only_with_headings(site, meta, page):
    soup = site.html(page)
    assert soup.select_one(".md-sidebar--primary").has_attr("hidden"), page
    appendix = ":not(#sources-and-notes):not(#cite-this)"  # the edition's own sections
    has_headings = bool(soup.select(f"article.md-content__inner > h2{appendix}"))
    assert soup.select_one(".md-sidebar--secondary").has_attr("hidden") is not has_headings, page
    assert not soup.select(".md-footer__link"), "no Previous/Next links under an article"


def test_notes_never_cite_the_essay_to_itself(site):
    essay = REGISTRY.source("wpr-essay")
    own = {s.url for s in REGISTRY.sources.values() if s.kind in ("original", "reprint") and s.url}
    for _, page in article_pages():
        soup = site.html(page)
        notes = soup.select("div.footnote li")
        assert notes, page
        for note in notes:
            text = words(note.get_text())
            links = {a["href"] for a in note.select("a[href]") if not a["href"].startswith("#")}
            assert not links & own, (page, text)
            assert not any("essay" in href for href in links), (page, text)
            assert essay.title not in text and "essay’s own account" not in text, (page, text)
            # A claim with no public source says so in words, with no "Source:" label.
            if note.select_one(".note-source") and "Source:" not in text:
                assert re.search(r"no public record located|No source is given in the essay", text), text
    for figure in REGISTRY.figures.values():
        assert all(s.has_public_record or s.kind in ("attribution", "unchecked")
                   for s in REGISTRY.sources_of(figure))
        assert not {s.kind for s in REGISTRY.sources_of(figure)} & {"original", "reprint"}, figure.id


def test_notes_are_a_titled_section_with_the_editors_note_set_apart(site):
    soup = site.html("essay/index.html")
    heading = soup.select_one("h2#sources-and-notes")
    assert heading and heading.find_next_sibling("div", class_="footnote")
    toc = [a.get_text(strip=True) for a in soup.select(".md-sidebar--secondary a.md-nav__link")]
    assert toc[toc.index("Sources and notes") - 1] == "Iraq’s reckoning"  # after the text's own headings
    flagged = [f for f in REGISTRY.figures.values() if f.note]
    for figure in flagged:
        note = soup.find(id=f"fn:fig-{figure.id}")
        if note is None:
            continue  # a figure of the Rundown
        assert note.select_one("span.editor-note").get_text().startswith("Editor’s note:")
        assert [s for s in figure_spans(soup, figure.id) if "fig--flagged" in s["class"]], figure.id


def test_each_figure_links_to_its_note_with_source_and_date_in_its_title(site):
    soup = site.html("essay/index.html")
    for span in soup.select("span.fig"):
        figure = REGISTRY.figure(figure_id(span))
        link = span.a
        assert link["href"] == f"#fn:fig-{figure.id}"
        main = REGISTRY.sources_of(figure)[0]
        if main.has_public_record:
            assert link["title"].startswith(f"Source: {main.publisher}")
        as_of = f"As of {format_partial_date(figure.as_of)}." if figure.as_of else "Date of the estimate not known."
        assert as_of in link["title"], figure.id
        # The dagger and the tooltip name what the note adds in the editor's voice, if anything.
        added = [name for name, present in (("note", figure.note), ("flag", REGISTRY.flags_of(figure.id))) if present]
        assert ("fig--flagged" in span["class"]) == bool(added), figure.id
        assert [name for name in ("note", "flag") if f"an editor’s {name}" in link["title"]] == added, figure.id


def test_front_page_lists_every_rundown_item_with_date_and_summary(site):
    """Every item while there are ten or fewer (this edition has two), newest first."""
    soup = site.html("index.html")
    items = soup.select("ul.rundown-list > li.rundown-item")
    expected = sorted((meta_of(p) for p in POSTS), key=lambda m: str(m["date"]), reverse=True)
    assert len(expected) <= FRONT_PAGE_ITEMS
    assert [words(li.select_one("a.rundown-item__title").get_text()) for li in items] == \
        [m["title"] for m in expected]
    for li, meta in zip(items, expected):
        assert li.a["href"] == f"rundown/{meta['slug']}/"
        assert li.time["datetime"] == str(meta["date"])
        assert words(meta["description"]) in words(li.get_text())
    lead = soup.select_one(".front-lead")
    assert lead.h2.a["href"] == "essay/"
    assert words(lead.h2.get_text()).rstrip("¶") == meta_of(DOCS / "essay.md")["title"]
    assert {h.get_text(strip=True).rstrip("¶") for h in soup.select("h2")} >= {"How to read this edition"}


def test_a_new_rundown_item_reaches_the_front_page_without_editing_it(project):
    post = project / "docs" / "rundown" / "posts" / "iraq-new-item.md"
    post.write_text(
        "---\ntitle: \"Iraq: a test item\"\nslug: iraq-test-item\ndate: 2022-02-07\n"
        "description: A one-line summary of the test item.\ntemplate: article.html\n"
        "original: wpr-essay\noriginal_section: Rights Rundown\nupdated: 2026-11-25\ntags: [Iraq]\n---\n\n{{ summary() }}\n\n"
        "<!-- more -->\n\nA paragraph.\n", encoding="utf-8")
    out = build(project)
    assert out.returncode == 0, out.log
    first = out.html("index.html").select_one("ul.rundown-list > li.rundown-item")
    assert first.a["href"] == "rundown/iraq-test-item/" and "A one-line summary" in first.get_text()


@pytest.mark.parametrize("edit, expected", [
    (("updated: 2026-11-25\n", ""), "front matter: missing required field(s) updated"),
    (("original: wpr-essay", "original: wpr-esay"), "original: unknown source 'wpr-esay': did you mean 'wpr-essay'?"),
    (("updated: 2026-11-25", "updated: soon"), "updated: 'soon' is not a date written YYYY-MM-DD without quotes"),
])
def test_a_bad_article_header_stops_the_build_saying_where(project, edit, expected):
    essay = project / "docs" / "essay.md"
    text = essay.read_text(encoding="utf-8")
    updated = re.search(r"^updated: .*$", text, re.M).group(0)  # "updated: 2026-11-25" stands for it
    old, new = (part.replace("updated: 2026-11-25", updated) for part in edit)
    assert old in text
    essay.write_text(text.replace(old, new), encoding="utf-8")
    out = build(project)
    assert out.returncode != 0
    assert expected in out.log, out.log
    assert "docs/essay.md" in out.log


@pytest.mark.parametrize("edit, expected, used_in", [
    # Refused with the item's own line before the front page renders.
    (("docs/rundown/posts/lebanon-unsolved-murders.md", "description: >-", "summary: >-"),
     "docs/rundown/posts/lebanon-unsolved-murders.md:2:1: front matter: missing required field(s) description",
     False),
    (("docs/index.md", "lead('essay.md')", "lead('essai.md')"), "docs/essai.md: no such page under docs/", True),
])
def test_a_bad_front_page_source_stops_the_build_saying_where(project, edit, expected, used_in):
    path, old, new = edit
    page = project / path
    page.write_text(page.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    out = build(project)
    assert out.returncode != 0
    assert expected in out.log and ("(used in docs/index.md:" in out.log) is used_in, out.log


def test_data_in_a_figure_tooltip_stays_text(project):
    sources = project / "data" / "sources.yml"
    text = sources.read_text(encoding="utf-8")
    sources.write_text(text.replace("publisher: Human Rights Watch\n",
                                    'publisher: "*HRW* [x](y) <b>z</b> {: .k }"\n', 1), encoding="utf-8")
    out = build(project)
    assert out.returncode == 0, out.log
    link = figure_spans(out.html("essay/index.html"), "detainees-hrw")[0].a
    assert link["title"].startswith("Source: *HRW* [x](y) <b>z</b> {: .k }, 26 January 2022.")
    assert link.get_text() == "45,000"


def test_identity_footer_and_404(site):
    soup = site.html("essay/index.html")
    # The header draws the logo inline (no request before the first paint); the tab's
    # icon is a file that draws the same shapes.
    logo = soup.select_one(".md-header__button.md-logo svg")
    assert logo is not None and not soup.select(".md-logo img")
    assert soup.select_one('link[rel="icon"]')["href"].endswith("assets/logo.svg")
    icon = BeautifulSoup((site.site / "assets" / "logo.svg").read_text(encoding="utf-8"), "html.parser").svg
    shapes = lambda svg: [(tag.name, sorted(tag.attrs.items())) for tag in svg.find_all(True)]
    assert shapes(logo) == shapes(icon) and shapes(icon), (shapes(logo), shapes(icon))
    footer = soup.select_one(".md-copyright")
    assert "CC BY 4.0" in footer.get_text() and "World Politics Review" in footer.get_text()
    for link in footer.select(".colophon__links a"):
        target = (site.site / "essay" / link["href"]).resolve() / "index.html"
        assert target.exists(), link["href"]
    missing = site.html("404.html")
    form = missing.select_one("form[role=search]")
    assert form.select_one("input[name=q]") and posixpath.normpath(form["action"]) == "/"
    assert missing.h1.get_text() == "Page not found"


def test_front_page_shows_the_newest_items_and_links_to_them_all():
    items = [RundownItem(f"rundown/posts/p{n}.md", f"Item {n}", datetime.date(2022, 1, 1) + datetime.timedelta(days=n),
                         f"Summary {n}") for n in range(FRONT_PAGE_ITEMS + 3)]
    newest_first = sorted(items, key=lambda i: i.date, reverse=True)
    listed = re.findall(r"\[Item (\d+)\]", rundown_list(newest_first, "index.md"))
    assert listed == [str(n) for n in range(FRONT_PAGE_ITEMS + 2, 2, -1)]
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    assert "{{ rundown() }}" in index and "(rundown/index.md)" in index.split("{{ rundown() }}", 1)[1]
