"""Search loads its engine and index only once the reader starts searching.

The search worker (overrides/javascripts/search-worker.js) imports Pagefind, which
fetches its index in pieces, and the other spellings of names on the first query, and
the site's vocabulary only when a word matches nothing; these tests watch the browser's
own requests on the served site (fixtures in conftest.py) while a reader searches.
"""

from __future__ import annotations

import pytest

from bench.browser import PHONE, settled

pytestmark = pytest.mark.browser

INDEX = "/pagefind/pagefind.js"  # the engine: every piece of the index comes after it
SPELLINGS, VOCABULARY = "/search/spellings.json", "/search/vocabulary.json"
LEBANON = '.md-search-result__item a[href*="lebanon-unsolved-murders"]'


def index_requests(page, files=(INDEX,)) -> list[str]:
    """Collects, from now on, every request the page (or its search worker) makes for
    the search index or the other `files`."""
    seen: list[str] = []
    page.context.on("request", lambda request: seen.append(request.url)
                    if any(file in request.url for file in files) else None)
    return seen


def test_page_view_does_not_fetch_the_index_and_typing_finds_results(new_context):
    page = new_context(viewport={"width": 1280, "height": 900}).new_page()
    fetched = index_requests(page, (INDEX, SPELLINGS, VOCABULARY))
    settled(page, "essay/")
    page.wait_for_timeout(1000)
    assert fetched == [], "search fetched its engine or its files before anyone searched"
    page.locator('form[name="search"] input[name="query"]').fill("hezbollah")
    page.wait_for_selector(LEBANON, timeout=30_000)
    assert sorted(url.rsplit("/", 1)[1] for url in fetched) == ["pagefind.js", "spellings.json"]


def test_the_vocabulary_is_fetched_only_to_correct_a_word(new_context):
    page = new_context(viewport={"width": 1280, "height": 900}).new_page()
    fetched = index_requests(page, (VOCABULARY,))
    page.goto("essay/?q=hezbollah")
    page.wait_for_selector(LEBANON, timeout=30_000)
    assert fetched == [], "the vocabulary was fetched for a query that needs no correction"
    page.locator('form[name="search"] input[name="query"]').fill("Hezbolah")  # one letter short
    page.locator(".md-search-correction a").wait_for(timeout=30_000)
    assert len(fetched) == 1


def test_phone_search_toggle_fetches_the_index_and_finds_results(new_context):
    page = new_context(**PHONE).new_page()
    fetched = index_requests(page)
    settled(page, "")
    assert fetched == []
    page.click('label.md-header__button[for="__search"]')
    page.keyboard.type("tunisia")
    page.wait_for_selector('.md-search-result__item a[href*="tunisia-supreme-judicial-council"]',
                           timeout=30_000)


def test_shared_search_link_opens_with_results(new_context):
    page = new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto("essay/?q=hezbollah")
    page.wait_for_selector(LEBANON, timeout=30_000)


def test_a_page_view_and_a_search_raise_no_error(new_context):
    """In the page or in the search worker: an error there stops search without a word."""
    page = new_context(viewport={"width": 1280, "height": 900}).new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    settled(page, "essay/")
    page.keyboard.press("/")
    page.keyboard.type("hezbollah")
    page.wait_for_selector(LEBANON, timeout=30_000)
    page.keyboard.press("Escape")
    assert errors == []
