"""Search as a reader uses it, through Material's search box answered from Pagefind:
keys, highlighting on the page it opens, instant navigation, the filters, axe."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .served import axe_violations, open_search, search, until, with_axe

TUNISIA = "/rundown/tunisia-supreme-judicial-council/"
LEBANON = "/rundown/lebanon-unsolved-murders/"


def test_enter_opens_the_best_result_with_the_terms_highlighted(page):
    page.goto("")
    assert search(page, "hezbollah")[0] == LEBANON
    page.locator(".md-search__input").press("Enter")
    page.wait_for_url(f"**{LEBANON}?h=hezbollah")
    expect(page.locator("article mark[data-md-highlight]").first).to_be_visible()
    assert not page.evaluate("document.getElementById('__search').checked")


def test_escape_closes_the_search_and_arrows_reach_the_results(page):
    page.goto("essay/")
    search(page, "hezbollah")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.closest('.md-search') !== null")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    expect(page.locator(".md-search__output")).to_be_hidden()


def test_search_answers_after_instant_navigation(page, served_site):
    # Instant navigation starts once Material has read sitemap.xml: a click before that
    # is an ordinary page load.
    page.goto("", wait_until="networkidle")
    page.evaluate("window.swaps = 0; document$.subscribe(() => window.swaps++)")
    page.locator('.md-tabs a[href$="essay/"]').first.click()
    until(page, "() => window.swaps > 1")
    assert page.url == served_site + "essay/"
    # Material closes the search 125 ms after each change of location (its bundle:
    # location$ → delay(125) → search off): a key pressed sooner is undone, as a reader's
    # never is. Failed in CI once before this wait.
    page.wait_for_timeout(300)
    assert LEBANON in search(page, "hezbollah")


def test_a_filter_link_narrows_the_results_and_says_it_is_chosen(page):
    page.goto("")
    found = search(page, "judiciary")
    assert {TUNISIA, LEBANON} <= set(found)
    page.locator(".md-search-filters summary").click()
    tunisia = page.locator('[data-search-filter="country:Tunisia"]')
    tunisia.click()
    expect(page.locator(".md-search__input")).to_have_value("judiciary country:Tunisia")
    expect(tunisia).to_have_attribute("aria-current", "true")
    expect(page.locator(f'.md-search-result__list a[href*="{LEBANON}"]')).to_have_count(0)
    expect(page.locator(f'.md-search-result__list a[href*="{TUNISIA}"]').first).to_be_visible()
    tunisia.click()  # and off again
    expect(page.locator(".md-search__input")).to_have_value("judiciary")
    expect(page.locator(f'.md-search-result__list a[href*="{LEBANON}"]').first).to_be_visible()


def test_a_shared_link_with_a_filter_opens_filtered(page):
    page.goto("?q=topic%3AImpunity")
    expect(page.locator(f'.md-search-result__list a[href*="{LEBANON}"]').first).to_be_visible()
    expect(page.locator(f'.md-search-result__list a[href*="{TUNISIA}"]')).to_have_count(0)
    expect(page.locator('[data-search-filter="topic:Impunity"]')).to_have_attribute("aria-current", "true")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_with_the_filters_open_and_one_chosen(new_context, scheme):
    page = with_axe(new_context(color_scheme=scheme)).new_page()
    page.goto("essay/")
    open_search(page)
    page.locator(".md-search-filters summary").click()
    page.locator('[data-search-filter="country:Lebanon"]').click()
    page.locator(".md-search-result__item").first.wait_for()
    violations = axe_violations(page)
    assert not violations, violations
