"""Search loads its engine and index only once the reader starts searching.

The search worker (overrides/javascripts/search-worker.js) imports Pagefind, which
fetches its index in pieces, on the first query; these tests watch the browser's own
requests on the served site (fixtures in conftest.py) while a reader searches.
"""

from __future__ import annotations

import pytest

from bench.browser import PHONE

pytestmark = pytest.mark.browser

INDEX = "/pagefind/pagefind.js"  # the engine: every piece of the index comes after it
LEBANON = '.md-search-result__item a[href*="lebanon-unsolved-murders"]'


def index_requests(page) -> list[str]:
    """Collects, from now on, every request the page makes for the search index."""
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url) if INDEX in request.url else None)
    return seen


def test_page_view_does_not_fetch_the_index_and_typing_finds_results(new_context):
    page = new_context(viewport={"width": 1280, "height": 900}).new_page()
    fetched = index_requests(page)
    page.goto("essay/", wait_until="networkidle")
    page.wait_for_timeout(1000)
    assert fetched == [], "the search engine was fetched before anyone searched"
    page.locator('form[name="search"] input[name="query"]').fill("hezbollah")
    page.wait_for_selector(LEBANON, timeout=30_000)
    assert len(fetched) == 1


def test_phone_search_toggle_fetches_the_index_and_finds_results(new_context):
    page = new_context(**PHONE).new_page()
    fetched = index_requests(page)
    page.goto("", wait_until="networkidle")
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
    page.goto("essay/", wait_until="networkidle")
    page.keyboard.press("/")
    page.keyboard.type("hezbollah")
    page.wait_for_selector(LEBANON, timeout=30_000)
    page.keyboard.press("Escape")
    assert errors == []
