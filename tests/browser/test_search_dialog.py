"""Search as a reader uses it, through Material's search box answered from Pagefind:
keys, highlighting on the page it opens, instant navigation, the filters, other
spellings, the typo correction, axe."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from bench.browser import settled
from macros.errors import one_edit_apart

from .served import axe_violations, expect_found, material_text, open_search, search, until, with_axe

TUNISIA = "/rundown/tunisia-supreme-judicial-council/"
LEBANON = "/rundown/lebanon-unsolved-murders/"
CORRECTION = ".md-search-correction"


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
    # Material's arrow keys step from the box through the closed filters' summary to
    # the results: each step lands on something a reader can see.
    focused = []
    for _ in range(3):
        page.keyboard.press("ArrowDown")
        focused.append(page.evaluate("""() => {
            const el = document.activeElement
            return [el.closest('.md-search-result__item') ? el.getAttribute('href') : el.tagName,
                    el.getClientRects().length > 0]
        }"""))
        if LEBANON in focused[-1][0]:
            break
    assert LEBANON in focused[-1][0], focused
    assert all(visible for _, visible in focused), focused
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    expect(page.locator(".md-search__output")).to_be_hidden()


def test_search_answers_after_instant_navigation(page, served_site):
    # Instant navigation starts once Material has read sitemap.xml: a click before that
    # is an ordinary page load.
    settled(page, "")
    page.evaluate("window.swaps = 0; document$.subscribe(() => window.swaps++)")
    page.locator('.md-tabs a[href$="essay/"]').first.click()
    until(page, "() => window.swaps > 1")
    assert page.url == served_site + "essay/"
    # Material closes the search 125 ms after each change of location (its bundle:
    # location$ → delay(125) → search off): a key pressed sooner is undone, as a reader's
    # never is. Failed in CI once before this wait.
    page.wait_for_timeout(300)
    search(page, "hezbollah")
    expect_found(page, LEBANON)


def test_a_filter_link_narrows_the_results_and_says_it_is_chosen(page):
    page.goto("")
    search(page, "judiciary")
    expect_found(page, TUNISIA)
    expect_found(page, LEBANON)
    page.locator(".md-search-filters summary").click()
    tunisia = page.locator('[data-search-filter="country:Tunisia"]')
    tunisia.click()
    expect(page.locator(".md-search__input")).to_have_value("judiciary country:Tunisia")
    expect(tunisia).to_have_attribute("aria-current", "true")
    expect(page.locator(f'.md-search-result__list a[href*="{LEBANON}"]')).to_have_count(0)
    expect_found(page, TUNISIA)
    tunisia.click()  # and off again
    expect(page.locator(".md-search__input")).to_have_value("judiciary")
    expect_found(page, LEBANON)


@pytest.mark.parametrize("query, chosen", [("xyzzy", "xyzzy country:Iraq"), ("country:Atlantis", "country:Iraq")])
def test_enter_with_no_result_chooses_no_filter(page, query, chosen):
    """Material's Enter clicks the best-scored link it finds; with no result that was the
    first filter's, and "xyzzy" became "xyzzy country:Iraq"."""
    page.goto("")
    assert search(page, query) == []
    page.locator(".md-search__input").press("Enter")
    page.wait_for_timeout(300)  # a click's effect (the query rewritten) would be seen by then
    expect(page.locator(".md-search__input")).to_have_value(query)
    expect(page.locator('[data-search-filter][aria-current="true"]')).to_have_count(0)
    page.locator(".md-search-filters summary").click()
    page.locator('[data-search-filter="country:Iraq"]').click()  # a reader's click still works
    expect(page.locator(".md-search__input")).to_have_value(chosen)


@pytest.mark.parametrize("width", [375, 1280])
def test_a_section_result_opens_at_its_section(page, width):
    """Below 960 px the page opened at its top: Material holds it in place while the
    search covers it, so the scroll to the section came to nothing."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto("")
    search(page, "Tunisa")
    section = page.locator(f'.md-search-result__link[href*="{TUNISIA}"][href*="#"]').first
    anchor = section.get_attribute("href").split("#", 1)[1]
    if width < 960:  # Material holds the page in place once the search covers it
        until(page, "() => document.body.hasAttribute('data-md-scrolllock')")
    section.click()
    page.wait_for_url(f"**{TUNISIA}*#{anchor}")
    until(page, """(id) => { const section = document.getElementById(id);  // null until the page is swapped in
        const top = section && section.getBoundingClientRect().top;
        return section !== null && scrollY > 0 && top >= 0 && top < innerHeight / 2 }""", anchor)


def test_a_shared_link_with_a_filter_opens_filtered(page):
    page.goto("?q=topic%3AImpunity")
    expect_found(page, LEBANON)
    expect(page.locator(f'.md-search-result__list a[href*="{TUNISIA}"]')).to_have_count(0)
    expect(page.locator('[data-search-filter="topic:Impunity"]')).to_have_attribute("aria-current", "true")


@pytest.mark.parametrize("written", ["country:tunisia", "country:TUNISIA"])
def test_a_filter_typed_in_another_case_filters_as_the_link_does(page, written):
    """Pagefind matches a filter's value exactly: "country:tunisia" found nothing, and
    the link of the filter it is was not marked as chosen."""
    page.goto("")
    search(page, f"judiciary {written}")
    expect_found(page, TUNISIA)
    expect(page.locator(f'.md-search-result__list a[href*="{LEBANON}"]')).to_have_count(0)
    expect(page.locator('[data-search-filter="country:Tunisia"]')).to_have_attribute("aria-current", "true")


def test_a_value_of_two_words_typed_as_its_link_reads_filters(page):
    """topic:Judicial independence, without quotation marks, searched "independence"
    filed under a topic "Judicial" that no page has."""
    page.goto("")
    assert "Judicial independence" in filter_values(page, "topic")
    search(page, "judiciary topic:Judicial independence")
    expect_found(page, TUNISIA)
    expect(page.locator(f'.md-search-result__list a[href*="{LEBANON}"]')).to_have_count(0)
    expect(page.locator(CORRECTION)).to_be_empty()


def filter_values(page, name: str) -> list[str]:
    """The values the dialog's filter links offer for `name` (built from the Rundown's
    front matter)."""
    terms = page.locator(f'[data-search-filter^="{name}:"]').evaluate_all(
        "links => links.map(link => link.getAttribute('data-search-filter'))")
    return [term.split(":", 1)[1].strip('"') for term in terms]


# A filter's value a letter off: (query, filter, value typed, value meant, the query
# searched, a page it finds).
LETTER_OFF = [
    ("hezbollah country:Lebanen", "country", "Lebanen", "Lebanon", "hezbollah country:Lebanon", LEBANON),
    ('judiciary topic:"Judicial independance"', "topic", "Judicial independance", "Judicial independence",
     'judiciary topic:"Judicial independence"', TUNISIA),
]


@pytest.mark.parametrize("query, name, typed, meant, searched, path", LETTER_OFF)
def test_a_filter_value_a_letter_off_is_corrected_and_said(page, query, name, typed, meant, searched, path):
    """country:Lebanen found nothing, without a word. Corrected as a word is, with no
    "Search instead": no page is filed under the value typed."""
    page.goto("")
    values = filter_values(page, name)
    assert [v for v in values if one_edit_apart(typed.lower(), v.lower())] == [meant], values
    search(page, query)
    expect_found(page, path)
    expect(page.locator(CORRECTION)).to_have_text(
        f"No page is filed under {name} \u201c{typed}\u201d. Showing results for {searched}.")
    expect(page.locator(f"{CORRECTION} a")).to_have_count(0)
    # The filter searched is the one marked chosen, and its link takes it out again.
    term = f'{name}:"{meant}"' if " " in meant else f"{name}:{meant}"
    expect(page.locator('[data-search-filter][aria-current="true"]')).to_have_attribute("data-search-filter", term)
    page.locator(".md-search-filters summary").click()
    page.locator(f"[data-search-filter='{term}']").click()
    expect(page.locator(".md-search__input")).to_have_value(query[:query.index(f"{name}:")].strip())
    expect(page.locator('[data-search-filter][aria-current="true"]')).to_have_count(0)


def test_a_typo_beside_a_filter_a_letter_off_keeps_the_filter_corrected(page):
    """The query as typed keeps the word as typed, and the filter as searched."""
    page.goto("")
    search(page, "Tunisa country:Tunisai")
    expect_found(page, TUNISIA)
    expect(page.locator(CORRECTION)).to_have_text(
        "No page is filed under country \u201cTunisai\u201d. Showing results for Tunisia country:Tunisia. "
        "Search instead for Tunisa country:Tunisia")
    page.locator(f"{CORRECTION} a").click()
    expect(page.locator(".md-search__input")).to_have_value('"Tunisa" country:Tunisia')
    expect(page.locator('[data-search-filter="country:Tunisia"]')).to_have_attribute("aria-current", "true")
    expect(page.locator(".md-search-result__meta")).to_have_text(material_text("search.result.none"))
    expect(page.locator(CORRECTION)).to_be_empty()


# Filter values no page has, and no value is a letter from: (query, name, value).
UNFILED = [
    ("country:Atlantis", "country", "Atlantis"),
    ("hezbollah topic:Astronomy", "topic", "Astronomy"),
    ("country:Irak", "country", "Irak"),  # under five letters, as a word, never corrected
]


@pytest.mark.parametrize("query, name, value", UNFILED)
def test_a_filter_value_no_page_has_is_named(page, query, name, value):
    """It found nothing without a word: a reader could not tell a mistyped filter from a
    search that has no answer."""
    page.goto("")
    values = filter_values(page, name)
    assert values and value not in values, values
    assert len(value) < 5 or not [v for v in values if one_edit_apart(value.lower(), v.lower())], values
    assert search(page, query) == []
    expect(page.locator(".md-search-result__meta")).to_have_text(material_text("search.result.none"))
    expect(page.locator(CORRECTION)).to_have_text(
        f"No page is filed under {name} \u201c{value}\u201d; the filters below list those that are.")


def test_another_spelling_finds_the_page_with_its_own_words_highlighted(page):
    """data/search-variants.yml: al-Hasakah is the essay's Hasakeh."""
    page.goto("")
    assert search(page, "al-Hasakah")[0] == "/essay/"
    marks = page.locator(".md-search-result__list mark").all_text_contents()
    assert marks and set(marks) == {"Hasakeh"}, marks
    page.locator(".md-search__input").press("Enter")
    page.wait_for_url("**/essay/?h=Hasakeh")
    expect(page.locator("article mark[data-md-highlight]").first).to_have_text("Hasakeh")


def test_the_page_a_result_opens_marks_the_name_not_its_two_letter_parts(page):
    """Qurashi is the essay's al-Qurashi (data/search-variants.yml). Material's highlighter
    marks each part of a name wherever it stands, so "al" would be marked inside "also"."""
    page.goto("")
    assert search(page, "Qurashi")[0] == "/essay/"
    page.locator(".md-search__input").press("Enter")
    page.wait_for_url("**/essay/?h=*")
    expect(page.locator("article mark[data-md-highlight]").first).to_be_visible()
    marks = page.locator("article mark[data-md-highlight]").all_text_contents()
    assert marks and {mark.lower() for mark in marks} == {"qurashi"}, marks


@pytest.mark.parametrize("typed, meant, path", [("Tunisa", "Tunisia", TUNISIA), ("Naureen Finck", "Naureen Fink", "/essay/"),
                                                ("Tunisa Tunisa", "Tunisia Tunisia", TUNISIA)])
def test_a_typo_is_corrected_and_the_query_as_typed_is_a_key_away(page, typed, meant, path):
    """As typed, a query whose word matches nothing finds nothing: with "Finck" alone
    quoted, Pagefind dropped it and found the essay for "Naureen"."""
    page.goto("")
    assert search(page, typed)[0] == path
    expect(page.locator(CORRECTION)).to_have_text(f"Showing results for {meant}. Search instead for {typed}")
    page.keyboard.press("ArrowDown")  # the first thing under the count
    expect(page.locator(f"{CORRECTION} a")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".md-search__input")).to_have_value(f'"{typed}"')
    expect(page.locator(".md-search-result__meta")).to_have_text(material_text("search.result.none"))
    expect(page.locator(CORRECTION)).to_be_empty()
    assert page.evaluate("document.getElementById('__search').checked")  # still searching


def test_a_shared_link_with_a_typo_shows_the_correction(page):
    page.goto("essay/?q=Hezbolah")
    expect_found(page, LEBANON)
    expect(page.locator(CORRECTION)).to_have_text("Showing results for Hezbollah. Search instead for Hezbolah")


def test_a_search_in_another_tab_leaves_this_tabs_correction(page):
    page.goto("essay/?q=Hezbolah")
    expect(page.locator(CORRECTION)).to_contain_text("Showing results for Hezbollah")
    other = page.context.new_page()  # a second tab of the site: the channel reaches it too
    other.goto("")
    assert search(other, "Tunisia")[0] == TUNISIA
    other.close()
    expect(page.locator(CORRECTION)).to_have_text("Showing results for Hezbollah. Search instead for Hezbolah")


# Words a reader may type that the site never writes. Pagefind answers a word it does not
# know with the longest word that begins it, so "torture" listed ten pages for "to".
NOT_WRITTEN = ["torture", "UNHCR", "Assad", "ar-Raqqah", "Iran"]


@pytest.mark.parametrize("query", NOT_WRITTEN)
def test_a_word_the_site_never_writes_finds_nothing(page, site_dir, query):
    """"No matching documents", not pages that hold only a word beginning it. A word of
    under five letters is never corrected ("Iran" is not "Iraq"), as in Meilisearch's and
    Typesense's defaults; a longer one only to a word one letter off."""
    site_words = {w.lower() for w in json.loads((site_dir / "search/vocabulary.json").read_text(encoding="utf-8"))["words"]}
    for part in re.findall(r"[a-z]{3,}", query.lower()):
        assert not any(w.startswith(part) for w in site_words), f"the site now writes {part}: pick another word"
        assert len(part) < 5 or not any(one_edit_apart(part, w) for w in site_words), f"the site writes a word near {part}"
    page.goto("")
    assert search(page, query) == []
    expect(page.locator(".md-search-result__meta")).to_have_text(material_text("search.result.none"))
    expect(page.locator(CORRECTION)).to_be_empty()



# Queries no page answers in full: (query, the words searched instead, the page they find).
FEWER = [
    ("displaced refugees", "displaced", "/essay/"),  # "refugee": the site never writes it
    ("judges Tunisia", "Tunisia", TUNISIA),  # nor "judge"; the word left out needn't be last
    ("internally displaced persons", "internally displaced", "/essay/"),  # "person", elsewhere
    ("hezbollah, tunisia.", "hezbollah", LEBANON),  # the comma is not a word searched for
]


def words_of(html: str) -> set[str]:
    """The words of a built page's article, lower case, a final "s" dropped (as a stemmer
    would take "persons" for "person")."""
    article = BeautifulSoup(html, "html.parser").select_one("article")
    return {word.removesuffix("s") for word in re.findall(r"\w+", article.get_text(" ").lower())} if article else set()


@pytest.mark.parametrize("query, kept, path", FEWER)
def test_no_page_with_every_word_lists_those_with_most_and_says_so(page, site_dir, query, kept, path):
    """As Meilisearch's default and Typesense answer it: the words that match nothing are
    left out, then words from the end, until a page holds the rest. The notice says so, and
    the query as typed (its words in quotation marks) is a key away."""
    asked = {word.removesuffix("s") for word in query.lower().split()}
    pages = {html.parent: words_of(html.read_text(encoding="utf-8")) for html in site_dir.rglob("index.html")}
    assert not [where for where, words in pages.items() if asked <= words], f"a page now holds {query}: pick another"
    assert {word.removesuffix("s") for word in kept.lower().split()} <= pages[site_dir / path.strip("/")]
    page.goto("")
    assert search(page, query)[0] == path
    expect(page.locator(CORRECTION)).to_have_text(
        f"No page has all of these words. Showing results for {kept}. Search instead for {query}")
    left = set(query.split()) - set(kept.split())
    marks = [mark.lower() for mark in page.locator(".md-search-result__list mark").all_text_contents()]
    assert marks and not [m for m in marks for word in left if word.lower().removesuffix("s") in m], marks
    page.keyboard.press("ArrowDown")
    expect(page.locator(f"{CORRECTION} a")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".md-search__input")).to_have_value(f'"{query}"')
    expect(page.locator(".md-search-result__meta")).to_have_text(material_text("search.result.none"))
    expect(page.locator(CORRECTION)).to_be_empty()


def test_the_query_as_typed_keeps_its_filter(page):
    """A filter stays a filter, after the words searched and in the query as typed."""
    page.goto("")
    assert search(page, "country:Lebanon hezbollah tunisia")[0] == LEBANON
    expect(page.locator(CORRECTION)).to_have_text("No page has all of these words. Showing results for hezbollah "
                                                  "country:Lebanon. Search instead for country:Lebanon hezbollah tunisia")
    page.locator(f"{CORRECTION} a").click()
    expect(page.locator(".md-search__input")).to_have_value('"hezbollah tunisia" country:Lebanon')
    expect(page.locator('[data-search-filter="country:Lebanon"]')).to_have_attribute("aria-current", "true")
    expect(page.locator(".md-search-result__meta")).to_have_text(material_text("search.result.none"))

# Queries whose words all stand together somewhere on the page, and apart elsewhere on it.
TOGETHER = [("women and children", "/essay/"), ("Human Rights Watch", "/essay/"), ("Kais Saied", TUNISIA)]


def first_marked(page, query: str, path: str) -> dict:
    """The first excerpt shown under the result for `path` (its own text, or its first
    section's): {"hash": the section's anchor, "marks": the words it marks}. The query
    is filled in at once (search-dialog.js tells Material of any input), so no result
    of a prefix typed on the way is read."""
    open_search(page)
    page.locator(".md-search__input").fill(query)
    until(page, """(path) => [...document.querySelectorAll('.md-search-result__link')]
        .some(a => new URL(a.href).pathname === path && a.querySelector('article mark'))""", path)
    return page.evaluate("""(path) => {
        const link = [...document.querySelectorAll('.md-search-result__link')]
            .find(a => new URL(a.href).pathname === path && a.querySelector('article mark'))
        return {hash: link.hash, marks: [...link.querySelectorAll('article mark')].map(m => m.textContent)}
    }""", path)


@pytest.mark.parametrize("query, path", TOGETHER)
def test_the_first_excerpt_under_a_page_is_one_holding_every_word(page, site_dir, query, path):
    """Not the page's first part to hold one of them: "women and children" showed two
    parts of the essay marking only "and" before the one that says it; the Tunisia item
    showed its notes, never the sentence naming Kais Saied."""
    text = " ".join((site_dir / path.strip("/") / "index.html").read_text(encoding="utf-8").split())
    assert query in text, f"the page no longer says {query}: pick another"
    page.goto("")
    marked = first_marked(page, query, path)["marks"]
    assert {word.lower() for word in query.split()} <= {re.sub(r"\W", "", m).lower() for m in marked}, marked


@pytest.mark.parametrize("query", ["camps", "IDPs"])
def test_the_essays_text_comes_before_its_notes_where_both_answer_as_well(page, site_dir, query):
    """"camps": the essay's "Syrian detention camps", not first "campaign", nor its note
    quoting a release that says "camps" twice; "IDPs": "remain internally displaced",
    not the note on the IOM's count."""
    essay = BeautifulSoup((site_dir / "essay/index.html").read_text(encoding="utf-8"), "html.parser")
    notes = essay.select_one("div.footnote").find_previous("h2")["id"]
    page.goto("")
    first = first_marked(page, query, "/essay/")
    assert first["hash"] != f"#{notes}", first
    assert "campaign" not in " ".join(first["marks"]).lower(), first


def test_a_word_the_site_has_is_not_corrected(page):
    page.goto("")
    assert search(page, "Tunisia")[0] == TUNISIA
    expect(page.locator(CORRECTION)).to_be_empty()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_with_a_correction_shown(new_context, scheme):
    page = with_axe(new_context(color_scheme=scheme)).new_page()
    page.goto("essay/")
    search(page, "detainess")
    expect(page.locator(CORRECTION)).to_contain_text("Showing results for detainees")
    violations = axe_violations(page)
    assert not violations, violations


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


@pytest.mark.parametrize("how", ["typed", "pasted"])
def test_the_share_button_copies_the_search_shown(browser, served_site, how):
    """Material's share button copied the link as it stood one query before: "Hasake" for
    a query typed key by key, and nothing at all for one pasted in."""
    context = browser.new_context(base_url=served_site, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto("essay/")
    open_search(page)
    box = page.locator(".md-search__input")
    query = "Hasakeh camp"
    if how == "typed":
        box.press_sequentially(query)
    else:
        box.fill(query)  # text put in at once, as a paste or the browser's autofill does
    expect_found(page, "essay/")
    page.locator('[data-md-component="search-share"]').click()
    copied = page.evaluate("navigator.clipboard.readText()")
    context.close()
    assert parse_qs(urlsplit(copied).query)["q"] == [query], copied
