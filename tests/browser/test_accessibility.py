"""axe-core finds no violation, of any impact, on any page in any way a reader meets it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.support import article_pages

from .served import PHONE, axe_violations, open_search, until, with_axe

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


FOLLOW = "url => { const a = [...document.querySelectorAll('a')].find(a => a.href === url); if (a) a.click(); return !!a }"


def follow(page, url: str) -> bool:
    """Click a link to `url` on the page, if there is one, and wait until Material has
    swapped the content in: its document$ emits then. (The URL changes earlier, and axe
    run at that moment was seen to find the previous page's skip link.)"""
    swaps = page.evaluate("window.swaps")
    if not page.evaluate(FOLLOW, url):
        return False
    until(page, "(before) => window.swaps > before", swaps)
    return True


def test_no_axe_violations_after_instant_navigation(new_context, served_site, site_pages):
    """Material's instant navigation swaps the content without a page load; the repairs
    in overrides/javascripts/accessibility.js must be made again on the new content."""
    page = with_axe(new_context(color_scheme="light")).new_page()
    page.goto("")
    # document$ is Material's documented hook for scripts under instant navigation.
    page.evaluate("window.swaps = 0; document$.subscribe(() => window.swaps++)")
    found = {}
    for path in (p for p in site_pages if p and p != "404.html"):
        # Follow a link to the page from here, or else from the home page.
        if not follow(page, served_site + path):
            assert follow(page, served_site)
            assert follow(page, served_site + path), f"no link to /{path}"
        assert page.url == served_site + path
        assert page.evaluate("window.swaps") > 0, f"/{path} was a full page load"
        if violations := axe_violations(page):
            found[path] = violations
    assert not found, report(found)


@pytest.mark.parametrize("path", [address.lstrip("/") for address in article_pages()])
def test_skip_to_content_lands_on_the_articles_title(page, path):
    """WCAG 2.4.1: the first Tab offers to skip the header, and the skip lands where the
    article starts, not at its first heading, past its title and opening paragraphs."""
    page.goto(path)
    until(page, "() => typeof document$ !== 'undefined'")  # Material's bundle has run
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    # At once, the next stop is inside the article. Followed as a link through Material's
    # instant navigation, the skip fetched the page again and swapped its content in, and
    # the Tab lost its place (2 of these 3 pages failed so).
    page.keyboard.press("Tab")
    expect(page.locator("h1.article-header__title")).to_be_in_viewport()
    until(page, "() => document.activeElement.closest('article') !== null")


@pytest.mark.parametrize("width, path", [(1280, "essay/"), (375, "essay/"), (320, "essay/"),
                                         (375, "rundown/lebanon-unsolved-murders/"), (375, "figures/")])
def test_every_tab_stop_before_the_text_can_be_seen(page, width, path):
    """WCAG 2.4.7: the focus is visible. Tabbing from the top of a page passes the skip
    link, the header's links, the palette and the search box; each stop is on screen,
    drawn and opaque (the closed search's results were transparent, and took two stops).
    On a phone, or a window zoomed to 400 % (320 px), as on a desktop: there the closed
    navigation drawer's links took 15 stops off the screen."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(path)
    unseen = []
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('article')"):
            break  # the article's own links: the text begins
        unseen += [] if focus_seen(page) else [page.evaluate("document.activeElement.outerHTML.slice(0, 80)")]
    else:
        raise AssertionError("30 Tab stops without reaching the article")
    assert unseen == []


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("path", ["essay/", "figures/"])
def test_every_tab_stop_back_up_the_page_can_be_seen(page, width, path):
    """Shift+Tab scrolls each stop in at the top of the screen, where the sticky header
    and, as the page scrolls up, Material's "Back to top" stand: a note's way back sat
    under the header, a permalink under "Back to top" (WCAG 2.4.11)."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(path)
    page.evaluate("[...document.querySelectorAll('article a[href]')].pop().focus()")
    unseen = []
    for _ in range(25):
        page.keyboard.press("Shift+Tab")
        if not focus_seen(page):
            unseen.append(page.evaluate("document.activeElement.outerHTML.slice(0, 80)"))
    assert unseen == [], unseen


def focus_seen(page) -> bool:
    """Whether the element with the focus is on screen, drawn, opaque and not under
    anything else within a second: the skip link fades in, and on a phone the search box
    opens as it takes the focus. A palette option is drawn by the label after it."""
    try:
        until(page, """() => {
            const el = document.activeElement;
            const drawn = el.matches('input.md-option') ? el.nextElementSibling : el;
            const box = drawn.getBoundingClientRect();
            const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
            return document.getAnimations().every(a => a.playState !== 'running')
                && drawn.checkVisibility({opacityProperty: true, visibilityProperty: true})
                && box.right > 0 && box.left < innerWidth && box.width > 0
                && top !== null && (drawn.contains(top) || top.contains(drawn)) }""", timeout=1.0)
    except TimeoutError:
        return False
    return True


def open_drawer(page, path: str):
    """`path` on a phone, its drawer opened from the keyboard; the menu button."""
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(path)
    menu = page.get_by_role("button", name="Navigation")
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.md-header__menu')"):
            break
    expect(menu).to_be_focused()
    expect(menu).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    return menu


def tabbed_through_drawer(page) -> tuple[list[str], list[str]]:
    """Tab from where the focus is until it leaves the drawer: (each stop, the stops not
    seen)."""
    stops, unseen = [], []
    while page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')") and len(stops) < 40:
        stops.append(page.evaluate("document.activeElement.textContent.trim() || document.activeElement.outerHTML.slice(0, 60)"))
        unseen += [] if focus_seen(page) else stops[-1:]
        page.keyboard.press("Tab")
    return stops, unseen


@pytest.mark.parametrize("path", ["essay/", "figures/", "rundown/"])
def test_the_menu_button_opens_the_navigation_from_the_keyboard(page, path):
    """On a phone the site's navigation is a drawer behind the header's menu button,
    which Material draws as a label no key reaches; its links, off the screen, took the
    Tab stops instead. The button is a Tab stop; Enter opens the drawer with the focus on
    its first link seen; every stop then tabbed to is seen, not under the panel; the
    focus gone on past the drawer closes it, and Escape closes it too."""
    menu = open_drawer(page, path)
    stops, unseen = tabbed_through_drawer(page)
    assert stops and unseen == [], (stops, unseen)
    expect(menu).to_have_attribute("aria-expanded", "false")
    menu.focus()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_focused()


# The middle of each edge of the focus ring of the element with the focus, in screen
# pixels, and the ring's colour.
RING = """() => {
  const el = document.activeElement, style = getComputedStyle(el), box = el.getBoundingClientRect();
  if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0) return null;
  const out = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth) / 2;
  return {colour: style.outlineColor.match(/[\\d.]+/g).slice(0, 3).map(Number), edges: {
    top: [box.left + box.width / 2, box.top - out], bottom: [box.left + box.width / 2, box.bottom + out],
    left: [box.left - out, box.top + box.height / 2], right: [box.right + out, box.top + box.height / 2]}};
}"""


def ring_edges_unseen(page) -> list[str]:
    """The edges of the focus ring that the screen does not show in the ring's colour:
    drawn under something else, or off the screen."""
    from io import BytesIO

    from PIL import Image

    ring = page.evaluate(RING)
    if ring is None:
        return ["no ring"]
    shot = Image.open(BytesIO(page.screenshot())).convert("RGB")

    def drawn(x: float, y: float) -> bool:  # within a pixel, for a ring on a fractional position
        return any(0 <= x + dx < shot.width and 0 <= y + dy < shot.height
                   and sum(abs(a - b) for a, b in zip(shot.getpixel((int(x + dx), int(y + dy))), ring["colour"])) < 60
                   for dx in (-1, 0, 1) for dy in (-1, 0, 1))

    return [edge for edge, (x, y) in ring["edges"].items() if not drawn(x, y)]


@pytest.mark.parametrize("path", ["essay/", "rundown/"])
def test_each_stop_in_the_drawer_shows_its_whole_focus_ring(page, path):
    """Material draws a link's focus ring 0.2rem outside it: the drawer's first link's
    top edge went under the drawer's title."""
    open_drawer(page, path)
    unseen = {}
    for _ in range(40):
        if not page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"):
            break
        focus_seen(page)  # once the panels have slid in
        name = page.evaluate("document.activeElement.textContent.trim() || document.activeElement.className")
        unseen.update({name: edges} if (edges := ring_edges_unseen(page)) else {})
        page.keyboard.press("Tab")
    assert unseen == {}


@pytest.mark.parametrize("path", ["essay/", "figures/"])
def test_each_stop_in_the_sidebars_shows_its_whole_focus_ring(page, path):
    """On a wide screen the sidebars clip what is drawn outside their box: the ring of
    the first link under a section's title lost its top, and of the last link of a
    scrolled table of contents its bottom."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(path)
    in_sidebar = "!!document.activeElement.closest('.md-sidebar')"
    # Material's toc.follow scrolls the contents to the page's section a moment after the
    # page scrolls: a reader's next key comes after it, so each check waits for it too.
    still = """async () => { const at = () => [scrollY, ...[...document.querySelectorAll(
        '.md-sidebar__scrollwrap')].map(s => s.scrollTop)].join();
        for (let last = null, now = at(); last !== now; last = now, now = at())
            await new Promise(done => setTimeout(done, 60)) }"""
    unseen, stops = {}, {}
    for key in ("Tab", "Shift+Tab"):  # down through both sidebars into the page, then back up
        for _ in range(200):
            page.keyboard.press(key)
            page.evaluate(still)
            if not page.evaluate(in_sidebar):
                if stops.get(key):
                    break
                continue
            stops[key] = stops.get(key, 0) + 1
            focus_seen(page)
            name = page.evaluate("document.activeElement.textContent.trim() || document.activeElement.className")
            unseen.update({f"{name} ({key})": edges} if (edges := ring_edges_unseen(page)) else {})
    assert stops["Tab"] == stops["Shift+Tab"] > 2 and unseen == {}, (stops, unseen)


@pytest.mark.parametrize("path", ["rundown/", "rundown/lebanon-unsolved-murders/"])
def test_the_drawer_on_the_rundown_opens_on_the_sites_menu(page, path):
    """The Rundown's section holds only its index page (its posts are in no menu). Opened
    as the current section, it slid its own panel over the drawer: a title and no page,
    the site's menu one tap away behind it."""
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(path)
    page.get_by_role("button", name="Navigation").click()
    until(page, "() => document.getAnimations().every(a => a.playState !== 'running')")
    links = page.locator(".md-nav--primary > .md-nav__list > .md-nav__item > :is(a, .md-nav__container > a)")
    assert links.count() > 1
    unseen = links.evaluate_all("""links => links.filter(a => { const box = a.getBoundingClientRect();
        const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return !(box.left >= 0 && box.right <= innerWidth && top !== null && a.contains(top)) })
        .map(a => a.textContent.trim())""")
    assert unseen == []


def test_a_section_of_the_drawer_opens_and_closes_from_the_keyboard(page):
    """"The data" opens a panel over the drawer's first level. Enter on it moves the focus
    to the panel's way back (which had no Tab stop, nor had the page's contents), the
    next Tab to the panel's first page, and Enter on the way back returns the focus to
    "The data": the focus had stayed on the label under the panel."""
    open_drawer(page, "essay/")
    for _ in range(10):
        if page.evaluate("document.activeElement.textContent.trim()") == "The data":
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    until(page, "() => document.activeElement.matches('button.md-nav__title') "
                "&& document.activeElement.textContent.trim() === 'The data'")
    assert focus_seen(page)
    page.keyboard.press("Tab")
    expect(page.locator(".md-sidebar--primary :focus")).to_have_text("Figures")
    assert focus_seen(page)
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    until(page, "() => document.activeElement.matches('button.md-nav__link') "
                "&& document.activeElement.textContent.trim() === 'The data'")
    assert focus_seen(page)


def test_the_current_section_closed_in_the_drawer_opens_again_from_the_keyboard(page):
    """On the figures page the drawer opens on its section's panel, "The data". Its way
    back led to the first level, where Material draws the current section as a heading
    (a label, tabindex=""): no Tab stop, so no key opened the panel again, and the focus
    was lost. It is a button there too, and the focus goes back to it."""
    open_drawer(page, "figures/")
    back = page.locator('.md-sidebar--primary button.md-nav__title', has_text="The data")
    expect(back).to_have_attribute("aria-expanded", "true")
    back.focus()
    page.keyboard.press("Enter")
    data = page.get_by_role("button", name="The data", exact=True).and_(page.locator(".md-nav__link"))
    expect(data).to_be_focused()
    expect(data).to_have_attribute("aria-expanded", "false")
    assert focus_seen(page)
    page.keyboard.press("Enter")
    expect(back).to_be_focused()
    # Under the panel, the button is hidden: found by its class, not by its role.
    expect(page.locator(".md-sidebar--primary button.md-nav__link", has_text="The data")).to_have_attribute(
        "aria-expanded", "true")


def test_the_drawers_buttons_are_labels_again_beside_the_sidebar(page):
    """Widened to the sidebar, where the current section is a heading and no panel
    slides, the drawer's buttons were still there: a Tab stop on a heading that does
    nothing. Material's labels are put back."""
    open_drawer(page, "figures/")
    expect(page.locator(".md-sidebar--primary button[for]").first).to_be_attached()
    page.set_viewport_size({"width": 1280, "height": 800})
    expect(page.locator(".md-sidebar--primary button[for]")).to_have_count(0)
    heading = page.locator(".md-sidebar--primary label.md-nav__link[for]", has_text="The data")
    expect(heading).to_have_attribute("tabindex", "")


def test_the_drawers_openers_and_ways_back_are_buttons_that_say_their_state(page):
    """A screen reader read "The data", the page's contents' opener and each panel's way
    back as text: Material draws them as <label>s, which take no role. Each is a button
    now, named by its words, expanded or not as its panel is."""
    open_drawer(page, "essay/")
    data = page.get_by_role("button", name="The data", exact=True).first
    contents = page.locator('.md-sidebar--primary button.md-nav__link[for="__toc"]')
    expect(data).to_have_attribute("aria-expanded", "false")
    expect(contents).to_have_attribute("aria-expanded", "false")
    expect(page.locator(".md-sidebar--primary label[tabindex]")).to_have_count(0)
    data.focus()
    page.keyboard.press("Enter")
    back = page.locator('.md-sidebar--primary button.md-nav__title[for="__nav_4"]')
    expect(back).to_be_focused()
    expect(back).to_have_attribute("aria-expanded", "true")
    expect(data).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Space")
    expect(data).to_be_focused()
    expect(data).to_have_attribute("aria-expanded", "false")


@pytest.mark.parametrize("width", [375, 320])
def test_a_section_of_the_drawer_tapped_shows_its_pages(page, width):
    """A tapped section left the drawer blank: its label takes the focus on a tap (it is
    a Tab stop), the focus went on to the panel's title as the panel slid in, and the
    drawer's scroll box scrolled sideways after it, leaving the panel off to the left."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto("essay/")
    page.get_by_role("button", name="Navigation").click()
    page.locator(".md-sidebar--primary .md-nav__link[for]", has_text="The data").click()
    until(page, "() => document.activeElement.matches('button.md-nav__title') "
                "&& document.getAnimations().every(a => a.playState !== 'running')")
    assert page.evaluate("document.querySelector('.md-sidebar--primary .md-sidebar__scrollwrap').scrollLeft") == 0
    figures = page.locator(".md-sidebar--primary a.md-nav__link", has_text="Figures").first
    assert figures.evaluate("""a => { const box = a.getBoundingClientRect();
        const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return box.left >= 0 && box.right <= innerWidth && top !== null && a.contains(top) }""")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path, clicked, focused", [
    ("essay/", '.md-nav__link[for]:has-text("The data")', "button.md-nav__title"),
    ("essay/", '.md-nav__link[for="__toc"]', "button.md-nav__title"),
    # The current section's panel closed: the first level, its section a button.
    ("figures/", '.md-nav__title[for="__nav_4"]', "button.md-nav__link"),
])
def test_no_axe_violations_in_the_drawers_panels(new_context, scheme, path, clicked, focused):
    """The drawer's panels are off the screen when the pages are checked: the page's
    contents panel's title ("Table of contents") was 4.42:1 on white, 4.06:1 in the dark
    palette, under WCAG's 4.5."""
    page = with_axe(new_context(color_scheme=scheme, viewport={"width": 375, "height": 800})).new_page()
    page.goto(path)
    page.get_by_role("button", name="Navigation").click()
    page.locator(f".md-sidebar--primary {clicked}").first.click()
    until(page, f"() => document.activeElement.matches('{focused}')")
    violations = axe_violations(page)
    assert not violations, report({f"{path} drawer, {clicked}": violations})


def test_no_menu_button_beside_the_sidebar(page):
    """On a wide screen the navigation is the sidebar and the tabs, and Material shows no
    menu button there: neither does the one that replaces its label."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("essay/")
    expect(page.locator(".md-header__menu")).to_have_count(1)
    expect(page.locator(".md-header__menu")).to_be_hidden()
