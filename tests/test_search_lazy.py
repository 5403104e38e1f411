"""Search still works when its index is fetched only once the reader starts searching.

overrides/partials/lazy-search-index.html holds back Material's eager request for
search/search_index.json; these tests drive Chromium on the built site, served with
gzip by the bench's static host, the way a reader would search.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.browser import CHROMIUM, PHONE, chromium
from bench.static_server import StaticHost

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's Chromium"),
]

INDEX = "search/search_index.json"
LEBANON = '.md-search-result__item a[href*="lebanon-unsolved-murders"]'


@pytest.fixture(scope="module")
def served(site):
    with StaticHost(site.site) as host, chromium() as browser:
        yield host, browser


def index_requests(host) -> int:
    return sum(1 for sent in host.log if sent.path.endswith(INDEX))


def test_page_view_does_not_fetch_the_index_and_typing_finds_results(served):
    host, browser = served
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        host.log.clear()
        page.goto(host.url + "essay/", wait_until="networkidle")
        page.wait_for_timeout(1000)
        assert index_requests(host) == 0, "the search index was fetched before anyone searched"
        page.locator('form[name="search"] input[name="query"]').fill("hezbollah")
        page.wait_for_selector(LEBANON, timeout=30_000)
        assert index_requests(host) == 1
    finally:
        context.close()


def test_phone_search_toggle_fetches_the_index_and_finds_results(served):
    host, browser = served
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        host.log.clear()
        page.goto(host.url, wait_until="networkidle")
        assert index_requests(host) == 0
        page.click('label.md-header__button[for="__search"]')
        page.keyboard.type("tunisia")
        page.wait_for_selector('.md-search-result__item a[href*="tunisia-supreme-judicial-council"]',
                               timeout=30_000)
    finally:
        context.close()


def test_shared_search_link_opens_with_results(served):
    host, browser = served
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(host.url + "essay/?q=hezbollah")
        page.wait_for_selector(LEBANON, timeout=30_000)
    finally:
        context.close()
