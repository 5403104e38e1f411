"""What the search index holds, asked of Pagefind on the served site: the article text
with its notes, the other spellings of names, the Rundown's filters; not the
citations, nor the data pages' quotations of the text (macros/search/index.py).
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from macros.registry.loading import load_registry
from tests.support import ROOT, figure_id

from .served import indexed

REGISTRY = load_registry(ROOT)
ALSO = re.compile(r"Also spelled: ([^.]*)\.")
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


def test_spellings_reach_exactly_the_pages_that_name_the_place(everything):
    for name, others in REGISTRY.variants.items():
        own = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.I)
        naming = {path for path, data in everything.items() if own.search(ALSO.sub("", data["content"]))}
        assert naming, f"no page names {name}: drop it from data/search-variants.yml"
        for other in others:
            spelled = {path for path, data in everything.items()
                       if other in ", ".join(ALSO.findall(data["content"])).split(", ")}
            assert spelled == naming, (name, other)


@pytest.mark.parametrize("spelling, page, not_page", [
    ("Hizbullah", "/rundown/lebanon-unsolved-murders/", "/rundown/tunisia-supreme-judicial-council/"),
    # Pagefind matches word beginnings, so "Qais" also finds the essay's al-Qaim.
    ("Qais", "/rundown/tunisia-supreme-judicial-council/", "/rundown/lebanon-unsolved-murders/"),
    ("Saïed", "/rundown/tunisia-supreme-judicial-council/", "/rundown/lebanon-unsolved-murders/"),
    ("Baghuz", "/essay/", "/rundown/tunisia-supreme-judicial-council/"),
    ("Al-Hasakah", "/essay/", "/rundown/lebanon-unsolved-murders/"),
    ("Qurayshi", "/essay/", "/rundown/lebanon-unsolved-murders/"),
])
def test_a_reader_spelling_finds_the_page(ask, spelling, page, not_page):
    found = ask(spelling)
    assert page in found and not_page not in found, found


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
                words = " ".join(span.get_text().strip("…").split()[:6])
                assert len(words) > 20 and words not in content, (path, words)
                assert span.find_previous_sibling("a").get_text() in content, path
                quoted += 1
        assert quoted > 10, path


def test_rundown_items_filter_by_country_and_topic(ask, everything):
    assert everything["/rundown/lebanon-unsolved-murders/"]["filters"] == {"country": ["Lebanon"], "topic": ["Impunity"]}
    assert ask(None, {"country": "Tunisia"}) == {"/rundown/tunisia-supreme-judicial-council/"}
    assert ask("judiciary", {"topic": "Impunity"}) == {"/rundown/lebanon-unsolved-murders/"}
