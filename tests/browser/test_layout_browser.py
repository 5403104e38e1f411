"""Issue 7 in a real browser: line length, a figure's source on keyboard focus, search,
palette and instant navigation still working, and screenshots of each page type.

Chromium is Debian's (/usr/bin/chromium), driven by Playwright for Python. Without it
the tests skip with a message, except in CI (CI=true), where they fail instead.
Screenshots land in test-artifacts/layout/ (git-ignored) for a person to review.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .served import until

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts" / "layout"

# Characters on each full line of the essay's paragraphs (a paragraph's last line and
# the note markers left out), measured character by character on the laid-out page.
MEASURE_LINES = """() => {
  const lines = [];
  for (const p of document.querySelectorAll("article.md-content__inner > p:not(.edition-summary)")) {
    const counts = new Map();
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode());) {
      if (node.parentElement.closest("sup")) continue;
      for (let i = 0; i < node.length; i++) {
        const range = document.createRange();
        range.setStart(node, i); range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (rect) counts.set(Math.round(rect.top), (counts.get(Math.round(rect.top)) || 0) + 1);
      }
    }
    const rows = [];
    for (const top of [...counts.keys()].sort((a, b) => a - b)) {
      if (rows.length && top - rows[rows.length - 1].top < 6) rows[rows.length - 1].n += counts.get(top);
      else rows.push({top, n: counts.get(top)});
    }
    rows.slice(0, -1).forEach(row => lines.push(row.n));
  }
  return lines.sort((a, b) => a - b);
}"""


@pytest.fixture(scope="module")
def served(served_site) -> str:
    """The shared harness's site (tests/browser/conftest.py): built once with its site_url
    on the test server's own port, since instant navigation needs them to match."""
    return served_site


def _page(browser, width: int, scheme: str = "light"):
    height = 844 if width < 600 else 900
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
    return context.new_page()


@pytest.mark.parametrize("width, low, high", [
    (1280, 60, 75),  # the comfortable measure of long reading
    (390, 34, 50),   # a phone: 60-75 would need type under 14 px, so a phone's usual measure
])
def test_essay_line_length(browser, served, width, low, high):
    page = _page(browser, width)
    page.goto(served + "essay/")
    lines = page.evaluate(MEASURE_LINES)
    median = lines[len(lines) // 2]
    font = page.evaluate("parseFloat(getComputedStyle("
                         "document.querySelector('article.md-content__inner > p:not(.edition-summary)')).fontSize)")
    print(f"\n{width}px: {len(lines)} full lines, characters a line min {lines[0]}, "
          f"median {median}, max {lines[-1]}; body text {font}px")
    assert low <= median <= high, (width, median)
    assert lines[-1] <= high + 10, (width, lines[-1])
    assert font >= 16, "long text needs at least 16 px type"
    page.context.close()


def test_keyboard_focus_on_a_figure_shows_its_source_and_date(browser, served):
    page = _page(browser, 1280)
    page.goto(served + "essay/")
    # The figure's link to its note (Material makes links absolute as it loads).
    figure = page.locator('span.fig > a[href$="#fn:fig-detainees-hrw"]')
    # Walk the page with Tab, as a keyboard user does, until the figure has focus.
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('span.fig > a[href$=\"#fn:fig-detainees-hrw\"]')"):
            break
    else:
        pytest.fail("Tab never reached the figure 45,000")
    # Material attaches the tooltip once its observers see the focus and measure the
    # figure's place, which can take a few frames on a busy machine: wait, not read once.
    expect(figure, "Material's tooltip did not attach to the figure").to_have_attribute(
        "aria-describedby", re.compile(r"\S"), timeout=3000)
    tooltip_id = figure.get_attribute("aria-describedby")
    tooltip = page.locator(f"#{tooltip_id}")
    tooltip.wait_for(state="visible", timeout=3000)
    text = tooltip.inner_text()
    assert "Source: Human Rights Watch, 26 January 2022" in text
    assert "As of 26 January 2022" in text and "an editor’s note" in text
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "figure-focus-desktop.png"))
    page.context.close()


def test_search_palette_and_instant_navigation_still_work(browser, served):
    page = _page(browser, 1280)
    page.goto(served)
    page.evaluate("window.__stillHere = true")
    page.locator(".md-tabs a", has_text="Essay").click()
    page.wait_for_url(served + "essay/")
    page.locator("h1.article-header__title").wait_for()
    assert page.evaluate("window.__stillHere === true"), "the tab link reloaded the page: no instant navigation"

    # The toggle cycles system -> light -> dark: the page must reach both schemes.
    schemes = set()
    for _ in range(3):
        page.locator("form[data-md-component=palette] label:visible").first.click()
        schemes.add(page.evaluate("document.body.dataset.mdColorScheme"))
    assert schemes == {"default", "slate"}

    page.locator(".md-search__input").click()
    page.keyboard.type("Hasakeh")  # typed, since Material's search listens to key events
    # Each key asks again: the answer to "Ha" may show before the answer to the whole word.
    expect(page.locator(".md-search-result__list")).to_contain_text("Hasakeh", timeout=10000)
    page.context.close()


# WCAG contrast of an element's text against what is painted behind it: background
# layers composited up the tree, the text's own alpha and its ancestors' opacity.
CONTRAST = """(selector) => {
  const rgba = c => { const n = c.match(/[\\d.]+/g).map(Number); return [n[0], n[1], n[2], n.length > 3 ? n[3] : 1]; };
  const over = (top, under) => [0, 1, 2].map(i => top[i] * top[3] + under[i] * (1 - top[3])).concat(1);
  const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const el = document.querySelector(selector);
  if (!el) return null;
  const layers = [];
  for (let e = el; e; e = e.parentElement) {
    const c = rgba(getComputedStyle(e).backgroundColor);
    if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
  }
  let back = [255, 255, 255, 1];
  for (const layer of layers.reverse()) back = over(layer, back);
  let alpha = 1;
  for (let e = el; e; e = e.parentElement) alpha *= Number(getComputedStyle(e).opacity);
  const fg = rgba(getComputedStyle(el).color);
  const text = over([fg[0], fg[1], fg[2], fg[3] * alpha], back);
  const [hi, lo] = [lum(text), lum(back)].sort((a, b) => b - a);
  return Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100;
}"""

TEXTS = {
    "essay/": ["article.md-content__inner > p:not(.edition-summary)", ".md-typeset .fig a",
               ".article-header__kicker", ".article-header__meta", ".article-header__note",
               ".edition-summary__label", ".md-tag", ".footnote li", ".footnote .note-source a",
               ".footnote p:has(> .note-scope)", ".footnote p:has(> .editor-note)",
               ".md-header__title", ".md-tabs__link", ".md-tabs__item--active .md-tabs__link",
               ".md-copyright", ".md-copyright__highlight", ".colophon__links a"],
    "": [".front__masthead", ".front__section", ".rundown-item time", ".front-howto li", ".front-lead__more"],
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_passes_contrast_in_both_palettes(browser, served, scheme):
    page = _page(browser, 1280, scheme)
    found = {}
    for path, selectors in TEXTS.items():
        page.goto(served + path)
        for selector in selectors:
            found[f"{path}{selector}"] = page.evaluate(CONTRAST, selector)
    page.context.close()
    print(f"\n{scheme}: " + ", ".join(f"{k.split('/')[-1]} {v}" for k, v in found.items()))
    assert None not in found.values(), [k for k, v in found.items() if v is None]
    assert {k: v for k, v in found.items() if v < 4.5} == {}


PAGES = {"front": "", "essay": "essay/", "rundown-item": "rundown/lebanon-unsolved-murders/",
         "rundown-index": "rundown/", "about": "about/", "not-found": "no-such-page/"}


def test_screenshots_of_each_page_type(browser, served):
    """For review by eye, not compared: light and dark at 1280 px, and a 390-px phone."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for look, width, scheme in (("light", 1280, "light"), ("dark", 1280, "dark"), ("phone", 390, "light")):
        page = _page(browser, width, scheme)
        for name, path in PAGES.items():
            response = page.goto(served + path)
            if name == "not-found":
                page.goto(served + "404.html")  # the static server has no 404 rewrite
            else:
                assert response.ok, path
            page.screenshot(path=str(ARTIFACTS / f"{name}-{look}.png"), full_page=True)
        page.context.close()
    for look in ("light", "dark", "phone"):
        assert all((ARTIFACTS / f"{name}-{look}.png").stat().st_size > 10_000 for name in PAGES)


# WCAG contrast of an element's text on paper: white, since browsers print no backgrounds;
# null when the element is not printed.
ON_PAPER = """(selector) => {
  const el = document.querySelector(selector);
  if (!el || !el.getClientRects().length) return null;
  const n = getComputedStyle(el).color.match(/[\\d.]+/g).map(Number), a = n.length > 3 ? n[3] : 1;
  const lum = c => { c = (c * a + 255 * (1 - a)) / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const l = 0.2126 * lum(n[0]) + 0.7152 * lum(n[1]) + 0.0722 * lum(n[2]);
  return Math.round(1.05 / (l + 0.05) * 100) / 100;
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_print_is_dark_text_on_white_paper_in_either_palette(browser, served, scheme):
    """A reader who reads in the dark palette prints on white paper all the same."""
    page = _page(browser, 1280, scheme)
    page.goto(served + "essay/")
    page.emulate_media(media="print")
    until(page, "() => document.getAnimations().length === 0")  # Material's links fade colours in
    found = {selector: page.evaluate(ON_PAPER, selector) for selector in TEXTS["essay/"]}
    page.context.close()
    printed = {k: v for k, v in found.items() if v is not None}
    assert "article.md-content__inner > p:not(.edition-summary)" in printed, found
    assert {k: v for k, v in printed.items() if v < 4.5} == {}


@pytest.mark.parametrize("path", ["essay/", "sources/"])
def test_print_writes_out_the_addresses_of_other_sites_only(browser, served, path):
    """Material makes this site's links absolute as it starts; on paper, only links that
    leave the site have their address written out, and only where their text is not the
    address already (the sources page printed its 24 addresses twice)."""
    page = _page(browser, 1280)
    page.goto(served + path)
    until(page, "() => document.querySelector('.md-typeset a[href]:not([href^=\"#\"])').href.startsWith('http')")
    page.evaluate("dispatchEvent(new Event('beforeprint'))")  # as the browser does before it prints
    page.emulate_media(media="print")
    links = page.evaluate("""() => [...document.querySelectorAll('.md-typeset a[href]')].map(a =>
        [a.href, a.origin !== location.origin, a.textContent.trim() === a.href,
         getComputedStyle(a, '::after').content.includes(a.href)])""")
    page.context.close()
    assert any(elsewhere for _, elsewhere, _, _ in links)
    assert [href for href, elsewhere, shown, written in links if (elsewhere and not shown) != written] == []


def test_print_shows_where_each_source_lives(browser, served):
    """On paper a link cannot be followed: printed notes spell out each source's address."""
    page = _page(browser, 1280)
    page.goto(served + "essay/")
    page.emulate_media(media="print")
    link = page.locator('.footnote .note-source a[href^="http"]').first
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert link.get_attribute("href") in after, after
    assert page.locator(".md-header").is_hidden() and page.locator(".md-sidebar--secondary").is_hidden()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "essay-print.png"), full_page=True)
    page.context.close()


# An A4 page's text column at 25 mm margins (Material's @page), in CSS pixels.
A4_COLUMN = round((210 - 2 * 25) / 25.4 * 96)


def test_print_keeps_every_note_number_inside_the_column(browser, served):
    """A note's number stands outside its item: at the column's edge, "10." printed as
    "0." and a reader on paper could not match notes 10 and above to the text."""
    page = _page(browser, A4_COLUMN)
    page.goto(served + "essay/")
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    outside = page.evaluate("""() => {
        const column = document.querySelector('.md-content__inner');
        const edge = column.getBoundingClientRect().left + parseFloat(getComputedStyle(column).paddingLeft);
        return [...document.querySelectorAll('.footnote > ol > li')].flatMap((li, i) => {
          const number = document.createElement('span');  // the marker, as the list writes it
          number.textContent = `${i + 1}. `;
          number.style.cssText = `position: absolute; white-space: pre; font: ${getComputedStyle(li).font}`;
          document.body.append(number);
          const left = li.getBoundingClientRect().left - number.getBoundingClientRect().width;
          number.remove();
          return left < edge - 0.5 ? [[i + 1, Math.round(left), Math.round(edge)]] : [];
        });
    }""")
    page.context.close()
    assert outside == []


# Appended to each heading and each entry's label before printing: a printed page whose
# last line ends with it left a heading at its foot, its text on the next page.
HEADING_END = "~END-OF-HEADING~"


def test_print_keeps_each_heading_with_the_text_after_it(browser, served, site_pages):
    """A heading printed alone at the foot of a page, its text overleaf (the essay's
    "Iraq's reckoning" did, as did headings on the sources, charts and item pages)."""
    from io import BytesIO

    from pypdf import PdfReader

    orphaned = []
    page = _page(browser, 1280)
    for path in site_pages:
        page.goto(served + path)
        page.evaluate("""end => document.querySelectorAll(
            '.md-content :is(h1, h2, h3, h4, h5, h6, dt)').forEach(h => h.append(end))""", HEADING_END)
        pages = PdfReader(BytesIO(page.pdf(format="A4"))).pages
        for number, printed in enumerate(pages[:-1], start=1):
            lines = [line.strip() for line in printed.extract_text().splitlines() if line.strip()]
            if lines and lines[-1].endswith(HEADING_END):
                orphaned.append(f"{path or 'home'}, page {number}: {lines[-1]}")
    page.context.close()
    assert orphaned == []


@pytest.mark.parametrize("width", [390, 1280])
def test_a_charts_labels_and_values_stay_inside_it(browser, served, width):
    """An inline SVG clips what passes its edge: a value's last digit was cut off."""
    page = _page(browser, width)
    page.goto(served + "charts/")
    outside = page.evaluate("""() => [...document.querySelectorAll('svg.data-chart__svg')].flatMap(svg => {
        const right = svg.viewBox.baseVal.width;
        return [...svg.querySelectorAll('text')].map(t => [t.textContent, t.getBBox().x + t.getBBox().width])
            .filter(([, end]) => end > right).map(([text, end]) => `${text}: ${end.toFixed(1)} > ${right}`);
    })""")
    count = page.locator("svg.data-chart__svg text").count()
    page.context.close()
    assert count and outside == []
