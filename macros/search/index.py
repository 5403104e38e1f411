"""The search index: Pagefind, fed each page as MkDocs builds it.

Material's search plugin is off. Material's search box asks our worker
(`overrides/javascripts/search-worker.js`), which reads the index written here into
`site/pagefind/`. As each page is built, the article (what a reader searches, not the
navigation, header or footer) is handed to Pagefind with what only the index should see:

- the other spellings of the names it uses (`variants.py`);
- its tags as filters: a tag that names a country (in the CLDR's English names, as
  Babel has them) under "country", any other tag under "topic".

Pagefind's own binary (PyPI `pagefind[bin]`, pinned) takes each page as it is built,
and writes the index once every page is (`pagefind_service.py`). Heading permalinks
("¶") and whatever is marked `data-search-exclude` (the data pages' quotations of the
text, "Cite this page") are left out. The blog's index pages, which repeat the items'
openings, are not indexed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from babel import Locale

from .pagefind_service import PagefindService
from .variants import also_spelled

OUTPUT = "pagefind"  # under the site: the worker imports ../pagefind/pagefind.js
ROOT = '<article class="md-content__inner md-typeset">'  # Material's article: what is indexed
SETTINGS = {"root_selector": "article", "exclude_selectors": [".headerlink", "[data-search-exclude]"]}
# The data pages quote the text around each use; those quotes are not indexed, so a
# name in them does not earn the page its other spellings.
_QUOTED = re.compile(r"<span data-search-exclude>.*?</span>", re.S)  # its words, the figure in <strong>


@cache
def _countries(language: str) -> frozenset[str]:
    return frozenset(Locale.parse(language).territories.values())


def filters(tags: list[str], language: str = "en") -> dict[str, list[str]]:
    """A page's tags as Pagefind filters: {"country": [...], "topic": [...]}."""
    countries = _countries(language)
    out: dict[str, list[str]] = {}
    for tag in tags:
        out.setdefault("country" if tag in countries else "topic", []).append(str(tag))
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


def for_index(output: str, language: str, title: str, content: str, tags: list[str],
              variants: dict[str, list[str]]) -> str | None:
    """The page as Pagefind should read it: its article, with spellings and filters."""
    body = article(output)
    if body is None:
        return None
    extras = also_spelled(f"{title} {_QUOTED.sub('', content)}", variants)
    for name, values in filters(tags, language).items():
        extras += "".join(f'<span data-pagefind-filter="{name}:{html.escape(v)}"></span>' for v in values)
    return (f'<!doctype html><html lang="{html.escape(language)}"><body>'
            f"{body.replace(ROOT, ROOT + extras, 1)}</body></html>")


class SearchIndex:
    """The site's index, fed each page as it is built (`pagefind_service.py`)."""

    def __init__(self, language: str, variants: dict[str, list[str]]):
        self.language, self.variants = language, variants
        self._service: PagefindService | None = None  # started by the first page

    def add(self, output: str, url: str, title: str, content: str, tags: list[str]) -> None:
        text = for_index(output, self.language, title, content, tags, self.variants)
        if text is None:
            return
        if self._service is None:
            self._service = PagefindService(SETTINGS)
        self._service.add("/" + url, text)  # MkDocs' "essay/" ("" for the front page)

    def write(self, site_dir: Path) -> Callable[[], None]:
        """Have the index of every page added written into site/pagefind/, while the build
        goes on; what this returns waits until it is (pagefind_service.py)."""
        if self._service is None:
            return lambda: None
        return self._service.write(str((site_dir / OUTPUT).resolve()))

    def close(self) -> None:
        """A build that stops half-way leaves no Pagefind behind."""
        if self._service is not None:
            self._service.close()
