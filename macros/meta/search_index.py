"""The search index: Pagefind, run over the pages MkDocs has built.

Material's search plugin is off. Material's search box asks our worker
(`overrides/javascripts/search-worker.js`), which reads the index written here into
`site/pagefind/`. Each page is handed to Pagefind as the reader gets it, with what
only the index should see added to its copy:

- the other spellings of the names it uses (`search_variants.py`);
- its tags as filters: a tag that names a country (in the CLDR's English names, as
  Babel has them) under "country", any other tag under "topic".

Pagefind reads only the article (not the navigation, header or footer), leaves out
heading permalinks ("¶") and whatever is marked `data-search-exclude` (the data
pages' quotations of the text, "Cite this page"). The blog's index pages, which
repeat the items' openings, are not indexed.
"""

from __future__ import annotations

import asyncio
import html
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel import Locale
from pagefind.index import PagefindIndex

from .search_variants import also_spelled

OUTPUT = "pagefind"  # under the site: the worker imports ../pagefind/pagefind.js
ROOT = '<article class="md-content__inner md-typeset">'  # Material's article, Pagefind's root
SETTINGS = {
    "root_selector": "article.md-content__inner",
    "exclude_selectors": [".headerlink", "[data-search-exclude]"],
}
# The data pages quote the text around each use; those quotes are not indexed, so a
# name in them does not earn the page its other spellings.
_QUOTED = re.compile(r"<span data-search-exclude>[^<]*</span>")


@cache
def _countries(language: str) -> frozenset[str]:
    return frozenset(Locale.parse(language).territories.values())


@dataclass(frozen=True)
class IndexedPage:
    url: str  # the page's URL under the site ("essay/")
    html: str  # what Pagefind reads: the built page with the extras below


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


def for_index(output: str, url: str, title: str, content: str, tags: list[str],
              variants: dict[str, list[str]]) -> IndexedPage | None:
    """The page as Pagefind should read it, or None for a page without Material's article."""
    if ROOT not in output:
        return None
    extras = also_spelled(f"{title} {_QUOTED.sub('', content)}", variants)
    for name, values in filters(tags).items():
        extras += "".join(f'<span data-pagefind-filter="{name}:{html.escape(v)}"></span>' for v in values)
    return IndexedPage(url, output.replace(ROOT, ROOT + extras, 1))


async def _index(pages: list[IndexedPage], out: Path) -> None:
    async with PagefindIndex(config={**SETTINGS, "output_path": str(out)}) as index:
        await asyncio.gather(*(index.add_html_file(content=p.html, url="/" + p.url) for p in pages))


def write(site_dir: Path, pages: list[IndexedPage]) -> None:
    """Index `pages` into site/pagefind/ (Pagefind's own binary, from pagefind[bin])."""
    asyncio.run(_index(pages, site_dir / OUTPUT))
