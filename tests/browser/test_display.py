"""How pages look: the header before and after Material's script, the palette toggle, a
phone-sized screen, and print.

Screenshots of every page are taken by test_accessibility.py, which loads them anyway.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from macros.registry.loading import load_registry

from tests.support import ROOT
from .served import PHONE, until

REGISTRY = load_registry(ROOT)
SCHEME = "document.body.getAttribute('data-md-color-scheme')"

# Elements in the page's flow that reach past the right edge of the screen, leaving out
# those inside a box that scrolls or clips sideways (a wide table in its scroll wrapper).
OVERFLOWING = """() => {
  // A phone widens the page to hold what overflows, and shows it zoomed out: the screen's
  // width is the measure.
  const width = Math.min(document.documentElement.clientWidth, screen.width);
  const clipped = el => {
    for (let up = el.parentElement; up; up = up.parentElement) {
      if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(up).overflowX)
          && up !== document.body && up !== document.documentElement) return true;
    }
    return false;
  };
  const out = [...document.querySelectorAll('body *')].filter(el => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && box.right > width + 1 && !clipped(el);
  }).map(el => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).trim().split(/\\s+/).join('.') : ''));
  return {scroll: document.documentElement.scrollWidth - width, out: out.slice(0, 5)};
}"""


# The header's search: the box on a wide screen, the button that opens it on a phone.
SEARCH = {"wide": ".md-search", "phone": '.md-header__button[for="__search"]'}
BUNDLE = "**/assets/javascripts/bundle.*.min.js"
BUNDLE_RAN = "() => typeof window.component$ !== 'undefined'"  # the bundle publishes its components


def shown_search(page) -> dict[str, bool]:
    return {screen: page.locator(SEARCH[screen]).is_visible() for screen in SEARCH}


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 800}, PHONE], ids=["wide", "phone"])
def test_the_header_does_not_change_when_materials_script_runs(new_context, viewport):
    """A first paint often comes before Material's bundle has run (bench/notes.md): what it
    shows of the header is what the reader keeps, not a header that grows a search later."""
    page = new_context(viewport=viewport).new_page()
    page.route(BUNDLE, lambda route: route.abort())  # the page as it is before the bundle runs
    page.goto("essay/")
    before = shown_search(page)
    page.unroute(BUNDLE)
    page.goto("essay/")
    until(page, BUNDLE_RAN)
    after = shown_search(page)
    assert before == after, f"search shown before Material's script ran: {before}, after: {after}"
    assert any(after.values()), after


# Each change of an attribute of the root, the body or a stylesheet's link made while
# Material's bundle runs (the page still being read, its script already in it): element,
# attribute, before, after.
BOOT_CHANGES = """() => {
  window.bootChanges = [];
  const watched = el => el === document.documentElement || el === document.body || el.matches('link[rel=stylesheet]');
  new MutationObserver(records => {
    if (document.readyState !== 'loading' || !document.querySelector('script[src*="assets/javascripts/bundle."]')) return;
    for (const r of records) {
      const now = r.target.getAttribute(r.attributeName);
      if (watched(r.target) && now !== r.oldValue)
        window.bootChanges.push([r.target.localName, r.attributeName, r.oldValue, now]);
    }
  }).observe(document, {attributes: true, attributeOldValue: true, subtree: true});
}"""


def test_materials_script_changes_nothing_that_restyles_the_whole_page(new_context, site_dir):
    """Such a change restyles every element of the page, inside the bundle's long task, after
    our first paint (bench/notes.md, parts 10 and 11): on the root or the body, an attribute
    that a rule selects; on the stylesheet's link, any (Chromium takes the sheet up again).
    overrides/partials/javascripts/palette.html and base.html make them beforehand."""
    stylesheet = (site_dir / "stylesheets" / "edition.css").read_text(encoding="utf-8")
    page = new_context().new_page()
    page.add_init_script(f"({BOOT_CHANGES})()")
    page.goto("essay/")
    until(page, BUNDLE_RAN)
    # Transitions come back on: Material's palette takes this away once its colours are set.
    until(page, "() => !document.body.hasAttribute('data-md-color-switching')")
    changes = page.evaluate("window.bootChanges")
    restyling = [change for change in changes
                 if (change[0] == "link" or f"[{change[1]}" in stylesheet)
                 and change[1:] != ["data-md-color-switching", "", None]]
    assert not restyling, f"changed by Material's script, restyling the whole page: {restyling}"


def test_without_javascript_no_search_is_offered(new_context):
    """Search needs JavaScript: with it off, Material's `no-js` rules still hide the box."""
    page = new_context(java_script_enabled=False).new_page()
    page.goto("essay/")
    assert shown_search(page) == {"wide": False, "phone": False}


def toggle_palette(page) -> None:
    page.locator('[data-md-component="palette"] label:not([hidden])').click()


def test_palette_toggle_switches_and_is_remembered(new_context):
    page = new_context(color_scheme="light").new_page()
    page.goto("essay/")
    assert page.evaluate(SCHEME) == "default"    # follows the system's light preference
    schemes = []
    for _ in range(3):                           # system -> light -> dark -> system
        toggle_palette(page)
        schemes.append(page.evaluate(SCHEME))
    assert schemes == ["default", "slate", "default"], schemes
    toggle_palette(page)
    toggle_palette(page)
    assert page.evaluate(SCHEME) == "slate"
    # Remembered on the next page, after a reload, and in a new tab of the same browser.
    page.goto("about/")
    assert page.evaluate(SCHEME) == "slate"
    page.reload()
    assert page.evaluate(SCHEME) == "slate"
    other = page.context.new_page()
    other.goto("")
    assert other.evaluate(SCHEME) == "slate"


def test_dark_system_preference_gives_the_dark_palette(new_context):
    page = new_context(color_scheme="dark").new_page()
    page.goto("")
    assert page.evaluate(SCHEME) == "slate"


# The page's background as the reader sees it: the body's, or the root's behind it.
BACKGROUND = """() => [document.body, document.documentElement]
  .map(el => getComputedStyle(el).backgroundColor)
  .find(colour => colour !== 'rgba(0, 0, 0, 0)')"""


@pytest.mark.parametrize("system", ["light", "dark"])
def test_a_first_visit_is_painted_in_the_systems_palette_before_materials_script_runs(
        new_context, system):
    """Our first paint comes before Material's bundle runs (bench/notes.md). On a first
    visit, with no palette stored, it must already be the one the bundle then picks, or a
    reader whose system prefers dark sees the page flash light first."""
    seen = {}
    for bundle in ("aborted", "run"):    # each in a new context: nothing stored, a first visit
        page = new_context(color_scheme=system).new_page()
        if bundle == "aborted":          # the page as it is painted before the bundle runs
            page.route(BUNDLE, lambda route: route.abort())
        page.goto("essay/")
        if bundle == "run":
            until(page, BUNDLE_RAN)
        seen[bundle] = (page.evaluate(SCHEME), page.evaluate(BACKGROUND))
    assert seen["aborted"] == seen["run"], seen
    assert seen["run"][0] == {"light": "default", "dark": "slate"}[system]


# WCAG 1.4.10 (reflow): a page reads without scrolling sideways at 320 CSS pixels, the
# width of a 1280-pixel window zoomed to 400 %, and of the narrowest phones.
REFLOW = {"width": 320, "height": 568}


@pytest.mark.parametrize("screen", [PHONE, REFLOW], ids=["phone", "reflow-320"])
@pytest.mark.parametrize("javascript", [True, False])
def test_no_page_scrolls_sideways_on_a_phone(new_context, site_pages, javascript, screen):
    page = new_context(viewport=screen, is_mobile=True, has_touch=True, java_script_enabled=javascript).new_page()
    wide = {}
    for path in site_pages:
        page.goto(path)
        found = page.evaluate(OVERFLOWING)
        if found["scroll"] > 0 or found["out"]:
            wide["/" + path] = found
    assert not wide, wide


# Each column name of figures.csv shown under "The columns of figures.csv", up to the next
# section, with the number of lines it is laid out on.
COLUMN_NAMES_SHOWN = """names => {
  const shown = {};
  for (let el = document.getElementById('the-columns-of-figurescsv').nextElementSibling;
       el && el.tagName !== 'H2'; el = el.nextElementSibling) {
    for (const code of el.querySelectorAll('code')) {
      if (names.includes(code.textContent)) shown[code.textContent] = code.getClientRects().length;
    }
  }
  return shown;
}"""


def test_a_phone_shows_each_csv_column_name_whole(new_context):
    """A data journalist matches the figures page's description of each column to the CSV's
    header: a name broken over two lines ("value_hig", "h") is a name misread."""
    from macros.downloads.figures_table import COLUMNS

    names = [column.name for column in COLUMNS]
    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    page.goto("figures/")
    assert page.evaluate(COLUMN_NAMES_SHOWN, names) == {name: 1 for name in names}


def test_print_hides_navigation_and_shows_every_note(page):
    page.goto("essay/")
    page.emulate_media(media="print")
    for navigation in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary",
                       ".md-footer", ".md-top"):
        expect(page.locator(navigation)).to_be_hidden()
    notes = page.locator(".footnote li")
    source = (ROOT / "docs" / "essay.md").read_text(encoding="utf-8")
    ids = sorted(set(re.findall(r"fig\('([\w-]+)'\)", source)))
    assert ids
    for figure_id in ids:
        note = page.locator(f'li[id="fn:fig-{figure_id}"]')
        expect(note).to_be_visible()
        for cited in REGISTRY.sources_of(REGISTRY.figure(figure_id)):
            if cited.url:
                expect(note.locator(f'a[href="{cited.url}"]').first).to_be_visible()
    assert notes.count() >= len(ids)
