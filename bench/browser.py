"""What a reader's browser does: the bytes of a first page view, and how fast search answers.

Drives Debian's Chromium through Playwright (no `playwright install`); the site is
served by bench/static_server.py, whose log says what went over the wire.
"""

from __future__ import annotations

import statistics
import time
from collections import defaultdict
from contextlib import contextmanager

CHROMIUM = "/usr/bin/chromium"
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3,
         "is_mobile": True, "has_touch": True}


@contextmanager
def chromium():
    from playwright.sync_api import sync_playwright  # imported late: only browser runs need it

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            yield browser
        finally:
            browser.close()


def settled(page, url: str) -> None:
    """Load `url` as a reader's browser does, then wait until its network is quiet.

    Playwright's `networkidle` alone is 500 ms without a request, which can come before
    the load: the policy meta tag stops Chromium's look-ahead parser, so Material's
    bundle is asked for only once the body is parsed, and a busy machine takes that
    long. A key pressed then met no Material (tests/browser/test_search_lazy.py failed
    so). The load event comes after the bundle has run.
    """
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")


def kind(path: str) -> str:
    if path.endswith("search_index.json") or "/pagefind/" in path:
        return "search index"
    if path.endswith("/") or path.endswith(".html"):
        return "html"
    for ext in ("css", "js"):
        if path.endswith("." + ext):
            return ext
    return "other"


def first_view(browser, host, url: str, settle: float = 1.5) -> dict:
    """Bytes fetched by a first view of `url` on a phone with an empty cache, by kind.

    Waits for the network to go quiet and then `settle` seconds more, since stock
    Material fetches its search index after the page has loaded.
    """
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        host.log.clear()
        settled(page, url)
        time.sleep(settle)
        sent = list(host.log)
    finally:
        context.close()
    totals = defaultdict(lambda: {"raw": 0, "gzip": 0, "requests": 0})
    for item in sent:
        for key in (kind(item.path), "total"):
            totals[key]["raw"] += item.raw
            totals[key]["gzip"] += item.wire
            totals[key]["requests"] += 1
    return dict(totals)


# In the page: time from entering a query to the first result for it being on screen.
_SEARCH_JS = """
async ([query, timeoutMs]) => {
  const input = document.querySelector('form[name="search"] input[name="query"]');
  if (!input) throw new Error('no search input on the page');
  const list = document.querySelector('.md-search-result__list');
  const meta = document.querySelector('.md-search-result__meta');
  const word = query.toLowerCase();
  const shown = () => [...list.querySelectorAll('mark')].some(m => m.textContent.toLowerCase().includes(word));
  const start = performance.now();
  input.focus();
  input.value = query;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true, key: query.slice(-1)}));
  return await new Promise((resolve, reject) => {
    const done = () => { if (shown()) { observer.disconnect(); resolve(performance.now() - start); } };
    const observer = new MutationObserver(done);
    observer.observe(list, {childList: true, subtree: true, characterData: true});
    observer.observe(meta, {childList: true, subtree: true, characterData: true});
    done();
    setTimeout(() => { observer.disconnect(); reject(new Error('no result for ' + query + ': ' + meta.textContent)); }, timeoutMs);
  });
}
"""


def search_latency(browser, url: str, cold_query: str, warm_query: str, runs: int = 5) -> dict:
    """Milliseconds to the first result, median of `runs` page loads: right after a cold
    load, then a second query (each run its own context, so its own empty cache)."""
    cold, warm = [], []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            page = context.new_page()
            page.goto(url, wait_until="load")
            cold.append(round(page.evaluate(_SEARCH_JS, [cold_query, 60_000]), 1))
            page.evaluate("() => { const i = document.querySelector('input[name=query]'); i.value = '';"
                          " i.dispatchEvent(new Event('input', {bubbles: true})); }")
            page.wait_for_timeout(300)
            warm.append(round(page.evaluate(_SEARCH_JS, [warm_query, 10_000]), 1))
        finally:
            context.close()
    return {"cold_ms": round(statistics.median(cold), 1), "warm_ms": round(statistics.median(warm), 1),
            "cold_runs": cold, "warm_runs": warm}
