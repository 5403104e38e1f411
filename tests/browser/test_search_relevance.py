"""Search finds what a reader means: queries a reader would type, each with the page it
should find first, typed into Material's search box on the built site (the search
worker, Pagefind, the spellings and the typo correction, as a reader gets them).

Every expected page comes from the text and the data, never from what search answers:

- a name in data/search-variants.yml, in the site's spelling and in each other one,
  finds the article (the essay or a Rundown item) whose page names it, or, where
  several do (ISIS), the one that names it most;
- a figure as the original writes it ("45,000", "June 2020") finds the article that
  prints those words, where only one does;
- an article's title finds the article; a data page's, about's or corrections' title
  finds that page (a query naming a page);
- topics, word forms and typos, each written below with the words of the page it
  should find.

The bar (issue 19): at least 90% of the queries find their page first, all find it in
the first three, and no result's excerpt shows text its page does not show. The
figures, and every query's answer, go to test-artifacts/search-relevance.md.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.checks.front_matter import parse
from macros.registry.loading import load_registry
from tests.support import ROOT, article_pages

from .served import letters, material_text, open_search, shown_to_search, until

REGISTRY = load_registry(ROOT)
DOCS = ROOT / "docs"
ESSAY = "/essay/"
LEBANON = "/rundown/lebanon-unsolved-murders/"
TUNISIA = "/rundown/tunisia-supreme-judicial-council/"

# Topics, in the words of the page they should find.
TOPICS = [
    ("detained children", ESSAY),            # "children were being held in detention"
    ("internally displaced", ESSAY),         # "Iraqis remain internally displaced"
    ("ISIS families", ESSAY),                # "classified as “ISIS families”"
    ("Naureen Fink", ESSAY),                 # "as Naureen Fink told PBS"
    ("repatriate", ESSAY),                   # "refused to repatriate their citizens"
    ("prison uprising", ESSAY),              # "a prison uprising in Hasakeh"
    ("foreign fighters", ESSAY),             # "when it comes to foreign fighters"
    ("Mara Revkin", ESSAY),                  # "as Mara Revkin has reported"
    ("reconstruction", ESSAY),               # "post-conflict reconstruction"
    ("lost generation", ESSAY),              # "this “lost generation”"
    ("Syrian Democratic Forces", ESSAY),     # "The Syrian Democratic Forces, or SDF"
    ("political murders", LEBANON),          # "political murders left unsolved"
    ("impunity", LEBANON),                   # "the deadly impunity"
    ("Aya Majzoub", LEBANON),                # its note: "Quotes Aya Majzoub"
    ("judicial independence", TUNISIA),      # "the end of judicial independence"
    ("authoritarianism", TUNISIA),           # "a deepening period of authoritarianism"
    ("consolidation of power", TUNISIA),     # "completing his consolidation of power"
]

# Other forms of the page's words.
FORMS = [
    ("repatriation", ESSAY),                 # repatriate
    ("repatriated", ESSAY),
    ("detainee", ESSAY),                     # detainees
    ("sympathizer", ESSAY),                  # sympathizers
    ("prosecuted", ESSAY),                   # prosecute, prosecution
    ("murdered", LEBANON),                   # murders
    ("dissolving", TUNISIA),                 # dissolve
    ("independent judiciary", TUNISIA),      # independence of the country’s judiciary
]

# Typos: one letter off (two in long words) from a word of the page.
TYPOS = [
    ("Tunisa", TUNISIA, "Tunisia"),
    ("Hezbolah", LEBANON, "Hezbollah"),
    ("detainess", ESSAY, "detainees"),
    ("Lebanno", LEBANON, "Lebanon"),
    ("insurgensy", ESSAY, "insurgency"),
    ("repatriaton", ESSAY, "repatriate"),
    ("caliphte", ESSAY, "caliphate"),
    ("authoritarinism", TUNISIA, "authoritarianism"),
    ("Naureen Finck", ESSAY, "Naureen Fink"),
]


def front_matter(path: Path) -> dict:
    return parse(path.read_text(encoding="utf-8"), str(path)).meta  # as the site reads it


def other_pages() -> dict[str, str]:
    """The data pages, about and corrections: their address -> their title."""
    return {f"/{name}/": front_matter(DOCS / f"{name}.md")["title"]
            for name in ("figures", "sources", "timeline", "charts", "about", "corrections")}


def article_texts(site_dir: Path) -> dict[str, str]:
    texts = {}
    for path in article_pages():
        soup = BeautifulSoup((site_dir / path.strip("/") / "index.html").read_text(encoding="utf-8"), "html.parser")
        texts[path] = " ".join(soup.select_one("article").get_text(" ").split())
    return texts


def naming(texts: dict[str, str], words: str) -> dict[str, int]:
    """The articles whose text holds `words` as whole words, in any case: how often."""
    pattern = re.compile(rf"(?<!\w){re.escape(words)}(?!\w)", re.I)
    return {path: n for path, text in texts.items() if (n := len(pattern.findall(text)))}


def queries(site_dir: Path) -> list[tuple[str, str, str | None]]:
    """(query, the page it should find first, the correction it should show or None)."""
    texts = article_texts(site_dir)
    found: list[tuple[str, str, str | None]] = []
    for name, others in REGISTRY.variants.items():
        pages = sorted(naming(texts, name).items(), key=lambda item: -item[1])
        assert pages, f"no article names {name}"
        assert len(pages) == 1 or pages[0][1] > pages[1][1], f"{name}: {pages}, which article is it about?"
        found += [(spelling, pages[0][0], None) for spelling in [name, *others]]
    for figure_id in REGISTRY.figures:
        written = REGISTRY.figure(figure_id).written
        pages = list(naming(texts, written))
        if len(pages) == 1:
            found.append((written, pages[0], None))
    found += [(title, path, None) for path, title in {**article_pages(), **other_pages()}.items()]
    found += [(query, page, None) for query, page in TOPICS + FORMS]
    found += TYPOS
    return found


# --- Asking the search box ---------------------------------------------------------

META = ".md-search-result__meta"


def ask(page, query: str) -> dict:
    """Type `query` into the search box and read the complete answer: the result pages
    in order, each shown excerpt (page and sections), and the correction shown."""
    box = page.locator(".md-search__input")
    box.fill("")
    until(page, "(text) => document.querySelector('.md-search-result__meta').textContent.trim() === text",
          material_text("search.result.placeholder"))
    box.fill(query)  # search-dialog.js tells Material of any input
    waiting = [material_text("search.result.placeholder"), material_text("search.result.initializer")]
    until(page, "(skip) => !skip.includes(document.querySelector('.md-search-result__meta').textContent.trim())",
          waiting)
    # The worker answers with its best result alone, then with all: a count above one
    # is the whole answer; one may still be followed by the rest.
    if page.locator(META).text_content().strip() == material_text("search.result.one"):
        page.wait_for_timeout(500)
    return page.evaluate("""() => {
        const shown = [...document.querySelectorAll('.md-search-result__list .md-search-result__link')];
        const excerpt = (link) => {
            const copy = link.querySelector('article').cloneNode(true);
            copy.querySelectorAll('h1, h2, nav, .md-search-result__terms, .md-search-result__icon').forEach(e => e.remove());
            return copy.textContent;
        };
        const pages = [];
        for (const link of shown) {
            const path = new URL(link.href).pathname;
            if (!pages.includes(path)) pages.push(path);
        }
        return {pages, excerpts: shown.map(link => [new URL(link.href).pathname, excerpt(link)]),
                correction: document.querySelector('.md-search-correction').textContent};
    }""")


@pytest.fixture(scope="module")
def shown_text(browser, served_site):
    """What each page shows to search (served.py), read once."""
    reader = browser.new_page(base_url=served_site)
    seen: dict[str, str] = {}

    def text(path: str) -> str:
        if path not in seen:
            seen[path] = shown_to_search(reader, path)
        return seen[path]
    yield text
    reader.close()


def test_the_relevance_set(page, site_dir, shown_text, artifacts):
    page.goto("")
    open_search(page)
    rows, firsts, in_three, bad, corrections = [], 0, 0, [], []
    asked = queries(site_dir)
    for query, expected, correction in asked:
        answer = ask(page, query)
        rank = answer["pages"].index(expected) + 1 if expected in answer["pages"] else None
        firsts += rank == 1
        in_three += rank is not None and rank <= 3
        wrong = [(path, excerpt) for path, excerpt in answer["excerpts"]
                 if letters(excerpt) not in shown_text(path)]
        bad += [(query, path, excerpt) for path, excerpt in wrong]
        shown = " ".join(answer["correction"].split())
        said = f"Showing results for {correction}" if correction else ""
        if shown[:len(said) or None] != said:
            corrections.append((query, shown))
        rows.append(f"| `{query}` | {expected} | {rank or '-'} | {', '.join(answer['pages'][:3])} | {shown} |")
    report = (f"{firsts}/{len(asked)} first ({firsts / len(asked):.0%}), {in_three}/{len(asked)} in the "
              f"first three, {len(bad)} excerpts showing text their page does not show\n\n"
              "| query | expected | rank | first three | correction |\n|---|---|---|---|---|\n" + "\n".join(rows))
    (artifacts / "search-relevance.md").write_text(report + "\n", encoding="utf-8")
    assert len(asked) >= 40
    assert firsts >= 0.9 * len(asked), report
    assert in_three == len(asked), report
    assert not bad, bad
    assert not corrections, corrections  # a typo is corrected, and nothing else is
