"""axe-core finds no violation, of any impact, on any page in any way a reader meets it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .support import PHONE, axe_violations, open_search, with_axe

# How a reader meets a page: the browser's colour preference picks Material's palette
# (its first toggle follows the system), or a phone-sized screen.
MODES = {
    "light": {"color_scheme": "light"},
    "dark": {"color_scheme": "dark"},
    "phone": {"color_scheme": "light", "viewport": PHONE, "is_mobile": True, "has_touch": True},
}


def report(found: dict) -> str:
    return "\n".join(f"/{path}: {rule}: {len(nodes)} element(s), e.g. {nodes[0]}"
                     for path, rules in found.items() for rule, nodes in rules.items())


@pytest.mark.parametrize("mode", MODES)
def test_no_axe_violations_on_any_page(new_context, site_pages, artifacts, mode):
    """Also saves a screenshot of each page in each mode for reviewers, in
    test-artifacts/screenshots/ (git-ignored): the page is loaded here anyway, and the
    browser suite must stay under three minutes."""
    page = with_axe(new_context(**MODES[mode])).new_page()
    shots = artifacts / "screenshots"
    shots.mkdir(exist_ok=True)
    found = {}
    for path in site_pages:
        page.goto(path)
        expect(page.locator("h1").first).to_be_visible()
        name = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"
        page.screenshot(path=shots / f"{name}-{mode}.png", full_page=True)
        if violations := axe_violations(page):
            found[path] = violations
    assert not found, report(found)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_with_search_results_open(new_context, scheme):
    # The dialog and its results are the same over every page: one page is enough.
    page = with_axe(new_context(color_scheme=scheme)).new_page()
    page.goto("essay/")
    open_search(page)
    page.locator(".md-search__input").press_sequentially("Hasakeh", delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    assert page.locator(".md-search").is_visible()
    violations = axe_violations(page)
    assert not violations, report({"essay/ + search": violations})
