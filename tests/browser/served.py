"""Small helpers shared by the browser tests (the request filter is unit-tested in test_privacy.py)."""

from __future__ import annotations

import functools
import re
import sys
import threading
import time
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import axe_playwright_python
from playwright.sync_api import expect

from macros.search.index import SETTINGS
from macros.search.vocabulary import UNINDEXED
from tests.support import MATERIAL_TEMPLATES

# axe-core as the pinned axe-playwright-python package ships it.
AXE_JS = Path(axe_playwright_python.__file__).parent / "axe.min.js"
PHONE = {"width": 390, "height": 844}  # an iPhone 12-15 screen in CSS pixels


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep pytest's output readable
        pass


class QuietServer(ThreadingHTTPServer):
    """A server that takes a browser hanging up mid-file (a page left before its last
    request was answered) quietly: the standard one prints a traceback for each, which
    read like failures in CI's log. Any other error is printed as before."""

    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(folder: Path):
    """Serve `folder` on 127.0.0.1 from a thread; yields the URL, known before any file is."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def record_requests(context, site_url: str) -> list[str]:
    """Log every URL the context's pages ask for; abort any that would leave the site."""
    urls: list[str] = []
    context.on("request", lambda request: urls.append(request.url))
    context.route(lambda url: bool(foreign_requests([url], site_url)), lambda route: route.abort())
    return urls


def until(page, expression: str, arg=None, timeout: float = 30.0) -> None:
    """Wait until the function `expression` is true in the page. Playwright's
    wait_for_function evaluates its predicate with eval(), which the site's
    Content-Security-Policy refuses; page.evaluate goes through the browser's devtools
    protocol, which a page's policy does not govern."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression, arg):
        if time.monotonic() > deadline:
            raise TimeoutError(f"never true within {timeout} s: {expression}")
        time.sleep(0.05)


def with_axe(context):
    """Load axe-core into every page of `context` (once per context, not per check)."""
    context.add_init_script(path=AXE_JS)
    return context


def axe_violations(page) -> dict[str, list[str]]:
    """Every axe-core violation on the page, any impact: rule id -> the elements at fault.

    Measured once the page is at rest: Material fades its tabs in, and colours caught
    mid-transition would read as low contrast."""
    until(page, "() => document.getAnimations().every(a => a.playState !== 'running')")
    violations = page.evaluate("axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)")
    return {
        f"{v['id']} ({v['impact']})": [", ".join(map(str, node["target"])) for node in v["nodes"]]
        for v in violations
    }


def foreign_requests(urls: list[str], site_url: str) -> list[str]:
    """The URLs that leave the served site: any scheme+host+port but the site's own.

    data:, blob: and about: URLs never leave the browser, so they do not count.
    """
    own = urlsplit(site_url)
    foreign = []
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            continue
        if (parts.scheme, parts.hostname, parts.port) != (own.scheme, own.hostname, own.port):
            foreign.append(url)
    return foreign


def material_text(key: str) -> str:
    """A string of Material's English interface, from the installed theme's translations."""
    source = (MATERIAL_TEMPLATES / "partials" / "languages" / "en.html").read_text(encoding="utf-8")
    match = re.search(rf'"{re.escape(key)}":\s*"([^"]*)"', source)
    assert match, key
    return match.group(1)


def open_search(page) -> None:
    """Open the search dialog as a reader does (Material's '/' shortcut) and wait until ready."""
    page.keyboard.press("/")
    until(page, "() => document.getElementById('__search').checked")
    _wait_for_meta(page, not_in=[material_text("search.result.initializer")])


def search(page, query: str) -> list[str]:
    """Put `query` in the search box and let go of a key, as Material reads the box on
    key-up; the paths of the results listed. Typed key by key, each shorter query would be
    answered too, and on a busy machine the answer to "Ira" could be read as that to "Iran"
    before the worker had answered the last.

    The worker answers with the best result first, alone, then with all of them: the list
    may still hold only the first. To see that a page is found, use `expect_found`."""
    open_search(page)
    box = page.locator(".md-search__input")
    box.fill(query)
    box.press("End")
    _wait_for_meta(page, not_in=[material_text("search.result.initializer"),
                                 material_text("search.result.placeholder")])
    links = page.locator(".md-search-result__link")
    return [urlsplit(href).path for href in links.evaluate_all("els => els.map(e => e.href)")]


def expect_found(page, path: str) -> None:
    """Wait until the search results list a link into `path` (as "/essay/")."""
    expect(page.locator(f'.md-search-result__list a.md-search-result__link[href*="{path}"]').first).to_be_visible()


def _wait_for_meta(page, not_in: list[str]) -> None:
    """Wait until the line above the search results says something other than `not_in`."""
    until(
        page,
        """(skip) => {
            const meta = document.querySelector('.md-search-result__meta');
            const text = meta ? meta.textContent.trim() : '';
            return text !== '' && !skip.includes(text);
        }""",
        arg=not_in,
    )


def indexed(page, query: str | None = None, filters: dict | None = None) -> dict[str, dict]:
    """What Pagefind answers on the served site, asked directly (not through the search
    box): {page path: its data (url, excerpt, content, filters, meta)}; every page when
    `query` is None."""
    found = page.evaluate(
        """async ([query, filters]) => {
            const pagefind = await import(new URL('pagefind/pagefind.js', document.baseURI).href);
            const search = await pagefind.search(query, {filters: filters || {}});
            return Promise.all(search.results.map(result => result.data()));
        }""",
        [query, filters],
    )
    return {urlsplit(data["url"]).path: data for data in found}


def letters(text: str) -> str:
    """Text compared for what it says: its letters and digits, in any case (Pagefind ends
    each block with a full stop, and spaces fall differently around notes)."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


_LEFT_OUT = ", ".join(f"article {selector}" for selector in [*SETTINGS["exclude_selectors"], *UNINDEXED])


def shown_to_search(page, path: str) -> str:
    """What the page at `path` shows of its article in a reader's browser, as letters,
    but for what the index leaves out on purpose (heading permalinks, the data pages'
    quotations of the text, what Pagefind never indexes, such as a chart's SVG)."""
    page.goto(path.lstrip("/"))
    page.evaluate("(left) => document.querySelectorAll(left).forEach(e => e.remove())", _LEFT_OUT)
    return letters(page.locator("article").first.inner_text())
