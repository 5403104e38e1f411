"""What the search index holds, asked of Pagefind on the served site: the article text
with its notes, as the page shows it, and the Rundown's filters; not the citations, the
data pages' quotations of the text, nor other spellings of names, which the search
worker applies to the query (macros/search/index.py).
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from macros.registry.loading import load_registry
from tests.support import ROOT, figure_id

from .served import indexed, letters, shown_to_search

REGISTRY = load_registry(ROOT)
ARTICLES = ("/essay/", "/rundown/lebanon-unsolved-murders/", "/rundown/tunisia-supreme-judicial-council/")


@pytest.fixture(scope="module")
def everything(browser, served_site) -> dict[str, dict]:
    page = browser.new_page(base_url=served_site)
    page.goto("")
    yield indexed(page)
    page.close()


@pytest.fixture(scope="module")
def ask(browser, served_site):
    page = browser.new_page(base_url=served_site)
    page.goto("")
    yield lambda query, filters=None: set(indexed(page, query, filters))
    page.close()


def soup(site_dir, path: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / path.lstrip("/") / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("query, page", [
    ("Hasakeh", "/essay/"), ("Saied", "/rundown/tunisia-supreme-judicial-council/"),
    ("64,000", "/essay/"), ("Hezbollah", "/rundown/lebanon-unsolved-murders/"),
])
def test_words_and_figures_find_their_page(ask, query, page):
    assert page in ask(query)


def test_each_page_is_indexed_with_what_it_shows_and_nothing_else(everything, browser, served_site):
    """The index holds a page's own words: what a reader's browser shows of its article,
    but for what is left out of the index on purpose. No other spelling of a name ("Also
    spelled: ..."), nor any other text the page does not show, can reach an excerpt."""
    reader = browser.new_page(base_url=served_site)
    for path, data in everything.items():
        assert letters(data["content"]) == shown_to_search(reader, path), path
    reader.close()


def test_the_index_keeps_figures_and_notes_and_leaves_citations_out(everything, site_dir):
    assert "64,000" in everything["/essay/"]["content"]
    for path, data in everything.items():
        assert "@misc" not in data["content"] and "Cite this page" not in data["content"], path
        assert "¶" not in data["meta"]["title"] + data["content"], path  # heading permalinks
    for path in ARTICLES:  # each figure's note, with its scope, is found by search
        content = everything[path]["content"].replace("’", "'")
        for span in soup(site_dir, path).select("span.fig"):
            scope = " ".join(REGISTRY.figure(figure_id(span)).scope.split()).replace("’", "'")
            assert scope in content, (path, scope)


def test_note_numbers_are_not_indexed(everything, site_dir):
    """A note's number beside a figure read in an excerpt as part of the data ("from
    45,000 8 by Human Rights Watch"), and a query for "12" matched it."""
    beside, alone = [], 0
    for path in ARTICLES:
        content = " ".join(everything[path]["content"].split())
        for span in soup(site_dir, path).select("span.fig"):
            words, number = span.get_text(), span.find_next_sibling("sup").get_text()
            if f"{words} {number} " in content:
                beside.append((path, words, number))
            alone += f"{words} " in content or f"{words}." in content or f"{words}," in content
    assert not beside, beside
    assert alone, "no figure found in the index at all"
    for path, data in everything.items():  # nor the notes' way back ("↩"), read as text in excerpts
        assert "↩" not in data["content"], path


def test_the_navigation_and_the_blog_index_are_not_indexed(everything):
    assert "/rundown/" not in everything  # the items' openings again
    for material in ("Skip to content", "Back to top", "Notes, data and code of this edition"):  # header, navigation, footer
        assert material not in everything["/essay/"]["content"], material


def test_quoted_excerpts_are_shown_but_not_indexed(everything, site_dir):
    """The words around each use are the text's own: search finds them on that page, not
    a second time on the data pages. The place each entry links to stays indexed."""
    for path, term in (("/figures/", "Used in"), ("/sources/", "Cited in")):
        content, quoted = everything[path]["content"], 0
        for dt in soup(site_dir, path).find_all("dt", string=term):
            for span in dt.find_next_sibling("dd").select("li > a + span"):
                words = " ".join(span.get_text().strip("“”").strip("…").split()[:6])
                assert len(words) > 20 and words not in content, (path, words)
                assert span.find_previous_sibling("a").get_text() in content, path
                quoted += 1
        assert quoted > 10, path


def test_rundown_items_filter_by_country_and_topic(ask, everything):
    assert everything["/rundown/lebanon-unsolved-murders/"]["filters"] == {"country": ["Lebanon"], "topic": ["Impunity"]}
    assert ask(None, {"country": "Tunisia"}) == {"/rundown/tunisia-supreme-judicial-council/"}
    assert ask("judiciary", {"topic": "Impunity"}) == {"/rundown/lebanon-unsolved-murders/"}
