"""Build the real site and check what a reader gets: the HTML and the search index."""

from __future__ import annotations

import re

import pytest
from markdown.extensions.footnotes import FootnoteExtension
from markdown.extensions.toc import TocExtension

from macros.render.formatting import format_partial_date, format_value
from macros.registry.loading import load_registry
from macros.checks.front_matter import parse

from tests.support import ROOT, build, edit, edit_line, figure_id, figure_spans

REGISTRY = load_registry(ROOT)
SEED = (ROOT / "tests" / "seed" / "article.txt").read_text(encoding="utf-8")
ESSAY_SEED, RUNDOWN_SEED = SEED.split("\nRights Rundown\n")
POSTS = sorted((ROOT / "docs" / "rundown" / "posts").glob("*.md"))


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def prose(soup) -> list[str]:
    """The paragraphs a reader reads in the article body, without note markers."""
    article = soup.select_one("article.md-content__inner")
    for extra in article.select("sup, div.footnote, .edition-summary, nav"):
        extra.decompose()
    return [words(p.get_text()) for p in article.find_all("p", recursive=False)]


def front_matter(path):
    """A page's front matter as the site reads it (its title and description typographic)."""
    return parse(path.read_text(encoding="utf-8"), str(path)).meta


def test_essay_is_the_seed_text_word_for_word(site):
    seed = [words(p) for p in ESSAY_SEED.split("\n") if p.strip()]
    page = site.html("essay/index.html")
    assert words(page.select_one("h1").get_text()).rstrip("¶") == seed[0]
    assert prose(page) == seed[1:]
    assert "Check Also" not in page.get_text() and "Putin" not in page.get_text()


def reproduced(post) -> bool:
    """Whether a Rundown item is the original's text (it names it), not the edition's own."""
    return "original" in front_matter(post)


def test_rundown_items_are_the_seed_text_word_for_word(site):
    seed = [words(p) for p in RUNDOWN_SEED.split("\n") if p.strip()][:2]  # then "Check Also"
    pages = {}
    for post in filter(reproduced, POSTS):
        slug = front_matter(post)["slug"]
        pages[slug] = prose(site.html(f"rundown/{slug}/index.html"))
    assert sorted(p for texts in pages.values() for p in texts) == sorted(seed)


def test_every_figure_is_followed_by_a_note_linking_its_sources(site):
    pages = [("essay/index.html", True)]
    pages += [(f"rundown/{front_matter(p)['slug']}/index.html", reproduced(p)) for p in POSTS]
    for page, original in pages:
        soup = site.html(page)
        spans = soup.select("span.fig")
        assert spans or not original, page  # the original's pages are full of figures
        for span in spans:
            figure = REGISTRY.figure(figure_id(span))
            # The original's pages print its words; the edition's own, the data's value.
            assert span.get_text() == (figure.written if original else format_value(figure))
            ref = span.find_next_sibling()
            assert ref.name == "sup" and ref.a["href"] == f"#fn:fig-{figure.id}"
            note = soup.find(id=f"fn:fig-{figure.id}")
            links = {a["href"] for a in note.select("a[href^=http]")}
            expected = {s.url for s in REGISTRY.sources_of(figure) if s.url}
            assert expected <= links, (page, figure.id)
            # Each address with the day it was read and a copy that outlives it.
            archived = {a["href"] for a in note.find_all("a", string="archived copy")}
            assert archived == {s.archive_url for s in REGISTRY.sources_of(figure) if s.url}, (page, figure.id)
            for source in REGISTRY.sources_of(figure):
                if source.accessed:
                    assert f"Accessed {format_partial_date(source.accessed)}" in note.get_text(), (page, source.id)
            if figure.note:
                assert "Editor’s note" in note.get_text()


def test_every_number_in_the_essay_comes_from_the_data(site):
    soup = site.html("essay/index.html")
    article = soup.select_one("article.md-content__inner")
    # The header's dates and reading time (test_layout.py), the corrections box and
    # "Cite this page" are the edition's own, written from data/ and front matter.
    for extra in article.select("sup, div.footnote, span.fig, .article-header, div.corrections, div.cite-this"):
        extra.decompose()
    assert re.findall(r"\d", article.get_text()) == []


def test_a_figure_used_twice_has_one_note_with_two_backlinks(site):
    soup = site.html("essay/index.html")
    assert len(figure_spans(soup, "isis-families")) == 2
    notes = soup.select('li[id="fn:fig-isis-families"]')
    assert len(notes) == 1
    backs = notes[0].select("a.footnote-backref")
    assert len(backs) == 2 and backs[0]["aria-label"] != backs[1]["aria-label"]  # which use each leads to


def test_permanent_links_and_notes_way_back_are_named_without_a_tooltip(site):
    """A screen reader hears Python-Markdown's words for ¶ and ↩; a pointer gets none, since
    Material mounts a tooltip on each `title` as the page starts (bench/notes.md, part 18)."""
    permanent = TocExtension().getConfig("permalink_title")
    back = FootnoteExtension().getConfig("BACKLINK_TITLE").replace("%d", "{}")
    seen = set()
    for path in site.site.rglob("index.html"):
        soup = site.html(path.relative_to(site.site).as_posix())
        for link in soup.select("article a.headerlink, article a.footnote-backref"):
            kind = "headerlink" if "headerlink" in link["class"] else "footnote-backref"
            seen.add(kind)
            assert not link.has_attr("title"), (path, str(link))
            if kind == "headerlink":
                assert link["aria-label"] == permanent, (path, str(link))
            else:  # the number of the note it leads back from, as its marker shows it
                note = link.find_parent("li")["id"].removeprefix("fn:")
                marker = soup.select_one(f'sup[id="fnref:{note}"] a')
                ways = link.parent.select(":scope > a.footnote-backref")  # one to each use
                use = f" (use {ways.index(link) + 1} of {len(ways)})" if len(ways) > 1 else ""
                assert link["aria-label"] == back.format(marker.get_text()) + use, (path, str(link))
    assert seen == {"headerlink", "footnote-backref"}


def test_notes_are_numbered_in_reading_order(site):
    soup = site.html("essay/index.html")
    numbers = [int(a.get_text()) for a in soup.select("sup a.footnote-ref")]
    first_uses = [n for i, n in enumerate(numbers) if n not in numbers[:i]]
    assert first_uses == list(range(1, len(first_uses) + 1))


def test_rundown_index_lists_items_newest_first_with_dates(site):
    soup = site.html("rundown/index.html")
    listed = [a["href"].strip("/").split("/")[-1] for a in soup.select("article.md-post h2 a")]
    by_date = sorted(POSTS, key=lambda p: str(front_matter(p)["date"]), reverse=True)
    assert listed == [front_matter(p)["slug"] for p in by_date]
    dates = [t["datetime"] for t in soup.select("article.md-post time")]
    assert [d[:10] for d in dates] == [str(front_matter(p)["date"]) for p in by_date]
    for post in POSTS:
        meta = front_matter(post)
        page = site.html(f"rundown/{meta['slug']}/index.html")
        # A reproduced item credits the newsletter issue it first appeared in, to the month.
        if reproduced(post):
            original = REGISTRY.source(meta["original"])
            assert page.select_one(".article-header__original time").get_text(strip=True) == \
                format_partial_date(original.date)
        assert {t.get_text(strip=True) for t in page.select(".md-tag")} == set(meta["tags"])


def test_no_template_syntax_or_macro_error_is_published(site):
    for page in site.site.rglob("*.html"):
        # The BibTeX of "Cite this page" braces its title twice ({{...}}) to keep its capitals.
        text = re.sub(r'<pre class="cite-this__bibtex">.*?</pre>', "", page.read_text(encoding="utf-8"), flags=re.S)
        for leak in ("{{", "{%", "{#", "Macro Rendering Error", "Macro Syntax Error", "[unknown "):
            assert leak not in text, (page, leak)


def test_pages_make_no_third_party_request(site):
    """Every src/href the browser fetches on load (scripts, styles, fonts, images) is local."""
    for page in site.site.rglob("*.html"):
        soup = site.html(str(page.relative_to(site.site)))
        for tag in soup.select("script[src], link[href], img[src], iframe[src]"):
            url = tag.get("src") or tag.get("href")
            if tag.name == "link" and tag.get("rel") in (["canonical"], ["alternate"]):
                continue
            assert not re.match(r"^(https?:)?//", url), (page, url)


def test_a_changed_value_leaves_the_authors_words_and_flags_them(project):
    """The essay keeps its own words for a figure whose value changes, with an editor's
    flag in its note; the edition's own pages (About) show the data's new value."""
    figures = project / "data" / "figures.yml"
    text = figures.read_text(encoding="utf-8")
    # "500,000" stands for 450,000 to 549,999: 612,345 is beyond what the words say.
    text = text.replace("value: 500000", "value: 612345", 1)
    # A date corrected with its as_of, as CONTRIBUTING.md says (the build refuses an
    # as_of before the date it describes).
    text = text.replace('value: "2022-02-03"', 'value: "2022-02-04"', 1)
    text = text.replace('as_of: "2022-02-03"', 'as_of: "2022-02-04"', 1)
    figures.write_text(text, encoding="utf-8")
    out = build(project)
    assert out.returncode == 0, out.log
    essay = out.html("essay/index.html")
    for fid, written in (("isis-families", "500,000"), ("qurashi-raid", "Feb. 3")):
        assert {s.get_text() for s in figure_spans(essay, fid)} == {written}
        assert written == REGISTRY.figure(fid).written
        note = essay.find(id=f"fn:fig-{fid}")
        assert any(f"The original text says “{written}”" in flag.get_text() for flag in note.select(".editor-flag"))
    assert "612,345" not in " ".join(prose(essay))
    assert figure_spans(out.html("about/index.html"), "qurashi-raid")[0].get_text() == "Feb. 4"
    # The figures page gives the text's words, and the data's value beside them.
    entry = out.html("figures/index.html").find(id="isis-families").find_next_sibling("dl")
    shown = {dt.get_text(): dt.find_next_sibling("dd").get_text() for dt in entry.find_all("dt")}
    assert (shown["In the text"], shown["Exact value"]) == ("500,000", "612,345")
    # Where the sources page says where a source is cited, no data value stands beside the
    # author's quoted words ("Figures citing it" gives the data's, labelled).
    cited = [dt.find_next_sibling("dd").get_text() for dt in out.html("sources/index.html").find_all("dt")
             if dt.get_text() == "Cited in"]
    assert cited and not any("612,345" in text for text in cited)
    # The timeline quotes the text's words beside each date, as the essay prints them.
    assert figure_spans(out.html("timeline/index.html"), "qurashi-raid")[0].get_text() == "Feb. 3"
    # The figures and sources pages quote each use in quotation marks: the words the
    # linked page prints there, never the data's new value put in the author's mouth.
    for page in ("figures/index.html", "sources/index.html"):
        links = [a for a in out.html(page).select('a[href*="#fig-isis-families-"], a[href*="#fig-qurashi-raid-"]')
                 if a.find_next_sibling("span", attrs={"data-search-exclude": True})]
        assert links, page
        for a in links:
            target, anchor = a["href"].removeprefix("../").split("#")
            printed = out.html(target + "index.html").find(id=anchor).get_text()
            assert a.find_next_sibling("span").strong.get_text() == printed, (page, a["href"])


def test_a_value_within_the_words_rounding_is_not_flagged(project):
    """“45,000” stands for 44,500 to 45,499: 45,300 is still what the essay says."""
    figures = project / "data" / "figures.yml"
    figures.write_text(figures.read_text(encoding="utf-8").replace("value: 45000", "value: 45300", 1), encoding="utf-8")
    out = build(project)
    assert out.returncode == 0, out.log
    note = out.html("essay/index.html").find(id="fn:fig-detainees-hrw")
    assert "The original text says" not in note.get_text()
    assert "45,300" in note.get_text()  # the note gives the data's value in full


# A quote or apostrophe typed straight: the essay prints typographic ones (’ “ ”).
STRAIGHT_QUOTE = re.compile(r"['\"]")


def test_every_page_prints_typographic_quotes_outside_code(site):
    """The essay's own quotes are typographic; the edition's prose beside them (pages,
    notes, the lists the data writes) had straight ones mixed in. Markdown gets them from
    smarty (mkdocs.yml); text written as HTML types them."""
    for page in sorted(site.site.rglob("*.html")):
        article = site.html(str(page.relative_to(site.site))).select_one("article")
        if article is None:  # a page with no text of its own (a redirect)
            continue
        for code in article.select("pre, code, script, style"):
            code.decompose()
        text = words(article.get_text(" "))
        straight = [text[max(0, m.start() - 25):m.end() + 25] for m in STRAIGHT_QUOTE.finditer(text)]
        assert not straight, f"{page.relative_to(site.site)}: a straight quote in {straight[:3]}"


def test_quotes_and_dashes_a_contributor_types_are_printed_typographic(project):
    """In a page's text (smarty), its front matter's title and summary, and the data's
    (render/typography.py), where a figure's note reaches the figures list as HTML."""
    post = project / "docs" / "rundown" / "posts" / POSTS[0].name
    edit_line(post, r"^title: .*$", "title: It's \"a\" title")
    post.write_text(post.read_text(encoding="utf-8") + "\n\nIt's \"plain\" typing, and more...\n", encoding="utf-8")
    data = project / "data" / "figures.yml"
    one_line = re.search(r"^  ([\w-]+):\n(?:    .*\n)*?(    note: (?![>|]).*)$", data.read_text(encoding="utf-8"), re.M)
    figure = REGISTRY.figures[one_line[1]]  # the first figure whose note is written on one line
    edit(data, one_line[2], "    note: The source's \"own\" words, as typed...")
    out = build(project)
    assert out.returncode == 0, out.log
    page = out.html(f"rundown/{front_matter(post)['slug']}/index.html")
    assert "It’s “plain” typing, and more…" in words(page.select_one("article").get_text()), page
    assert page.select_one("article h1").get_text(strip=True) == "It’s “a” title"  # front matter
    assert "It’s “a” title" in out.html("index.html").select_one(".rundown-list").get_text()
    entry = out.html("figures/index.html").find(id=figure.id).find_parent("div")
    assert "The source’s “own” words, as typed…" in words(entry.get_text()), entry
