"""The search index: Pagefind, fed each page as MkDocs builds it.

Material's search plugin is off. Material's search box asks our worker
(`overrides/javascripts/search-worker.js`), which reads the index written here into
`site/pagefind/`. As each page is built, the article (what a reader searches, not the
navigation, header or footer) is handed to Pagefind as the page shows it, with:

- its weight: an article (the essay, a Rundown item) counts in full; any other page (the
  data pages, about, corrections, the front page) at half, its headings too, which there
  are entries (a figure's label, a source's title) rather than the steps of an argument.
  For the same words the story comes first; a query naming a data page ("sources") still
  finds it first by its title, a match Pagefind 1.5 adds on top of the text's;
- its tags as filters: a tag that names a country (in the CLDR's English names, as
  Babel has them) under "country", any other tag under "topic".

Pagefind's own binary (PyPI `pagefind[bin]`, pinned) takes each page as it is built,
and builds the index once the last one is in (`pagefind_service.py`). Heading permalinks
("¶"), note numbers and their way back ("↩"), and whatever is marked `data-search-exclude` (the data pages' quotations of the
text, "Cite this page") are left out. The blog's index pages, which repeat the items'
openings, are not indexed.

Beside the index, in `site/search/`, go the two files the worker reads only when it needs
them: the other spellings of names (`variants.py`) and the site's vocabulary, for typos
(`vocabulary.py`).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import cache
from pathlib import Path

from babel import Locale

from .pagefind_service import PagefindService
from .variants import for_worker
from .vocabulary import Vocabulary

OUTPUT = "pagefind"  # under the site: the worker imports ../pagefind/pagefind.js
WORKER_FILES = "search"  # under the site: the worker fetches ../search/spellings.json, vocabulary.json
ROOT = '<article class="md-content__inner md-typeset">'  # Material's article: what is indexed
# A note's number (Python-Markdown's `.footnote-ref`) read in an excerpt as part of the
# figure before it ("45,000 8 by Human Rights Watch"), and a query for "8" matched it;
# its way back (`.footnote-backref`, "↩") read as text between two notes.
SETTINGS = {"root_selector": "article",
            "exclude_selectors": [".headerlink", ".footnote-ref", ".footnote-backref", "[data-search-exclude]"]}
# Pagefind multiplies the weight of a word found in an element by its data-pagefind-weight
# (1 by default, headings 2 to 7); a weight on the article applies to all it holds.
OTHER_PAGES = ROOT.replace("<article ", '<article data-pagefind-weight="0.5" ', 1)


@cache
def countries(language: str = "en") -> frozenset[str]:
    """The names a tag must match to be a country filter (the build's checks hold tags to them)."""
    return frozenset(Locale.parse(language).territories.values())


def filters(tags: list[str], language: str = "en") -> dict[str, list[str]]:
    """A page's tags as Pagefind filters: {"country": [...], "topic": [...]}."""
    known = countries(language)
    out: dict[str, list[str]] = {}
    for tag in tags:
        out.setdefault("country" if tag in known else "topic", []).append(str(tag))
    return out


def all_filters(tag_lists) -> dict[str, list[str]]:
    """Every filter value any page has, sorted: what the search box offers."""
    values: dict[str, set[str]] = {}
    for tags in tag_lists:
        for name, found in filters(tags).items():
            values.setdefault(name, set()).update(found)
    return {name: sorted(values[name]) for name in ("country", "topic") if name in values}


def article(output: str) -> str | None:
    """The built page's article element, or None for a page without Material's article."""
    start = output.find(ROOT)
    end = output.find("</article>", start)
    if start < 0 or end < 0 or "<article" in output[start + len(ROOT):end]:
        return None
    return output[start:end + len("</article>")]


def for_index(output: str, language: str, tags: list[str], is_article: bool) -> str | None:
    """The page as Pagefind should read it: its article, weighed, with its filters."""
    body = article(output)
    if body is None:
        return None
    root = ROOT if is_article else OTHER_PAGES
    filter_tags = "".join(f'<span data-pagefind-filter="{name}:{html.escape(v)}"></span>'
                          for name, values in filters(tags, language).items() for v in values)
    return (f'<!doctype html><html lang="{html.escape(language)}"><body>'
            f"{body.replace(ROOT, root + filter_tags, 1)}</body></html>")


class SearchIndex:
    """The site's index, fed each page as it is built (`pagefind_service.py`)."""

    def __init__(self, language: str, variants: dict[str, list[str]]):
        self.language, self.variants = language, variants
        self.vocabulary = Vocabulary()
        self._service: PagefindService | None = None  # started by the first page

    def add(self, output: str, url: str, tags: list[str], is_article: bool) -> None:
        """Index the built page at `url` (MkDocs' "essay/", "" for the front page); an
        article is the essay or a Rundown item."""
        text = for_index(output, self.language, tags, is_article)
        if text is None:
            return
        if self._service is None:
            self._service = PagefindService(SETTINGS)
        self._service.add("/" + url, text)
        self.vocabulary.add(text)

    def last_page_added(self) -> None:
        """No page will be added: Pagefind builds the index while the build goes on."""
        if self._service is not None:
            self._service.build_index()

    def write(self, site_dir: Path) -> Callable[[], None]:
        """Have the index of every page added written into site/pagefind/, while the build
        goes on; what this returns waits until it is (pagefind_service.py). The spellings
        and the vocabulary are written into site/search/ at once."""
        if self._service is None:
            return lambda: None
        # Asked for first, so that Pagefind builds the index while the words are counted.
        written = self._service.write(str((site_dir / OUTPUT).resolve()))
        folder = site_dir / WORKER_FILES
        folder.mkdir(exist_ok=True)
        forms = self.vocabulary.forms()
        (folder / "spellings.json").write_bytes(for_worker(self.variants, forms))
        (folder / "vocabulary.json").write_bytes(self.vocabulary.json(forms))
        return written

    def close(self) -> None:
        """A build that stops half-way leaves no Pagefind behind."""
        if self._service is not None:
            self._service.close()
