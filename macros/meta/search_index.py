"""The search index: Pagefind, run over the pages MkDocs has built.

Material's search plugin is off. Material's search box asks our worker
(`overrides/javascripts/search-worker.js`), which reads the index written here into
`site/pagefind/`. As each page is built, the article (what a reader searches, not the
navigation, header or footer) is copied into a scratch folder with what only the index
should see:

- the other spellings of the names it uses (`search_variants.py`);
- its tags as filters: a tag that names a country (in the CLDR's English names, as
  Babel has them) under "country", any other tag under "topic".

Once every page is written, Pagefind's own binary (PyPI `pagefind[bin]`, pinned)
indexes that folder in one run. Heading permalinks ("¶") and whatever is marked
`data-search-exclude` (the data pages' quotations of the text, "Cite this page") are
left out. The blog's index pages, which repeat the items' openings, are not copied.
Pagefind's Python API would spare the folder, but it took a minute for what the
binary does in seconds at 1,000 items.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path

from babel import Locale
from mkdocs.exceptions import PluginError

from .search_variants import also_spelled

OUTPUT = "pagefind"  # under the site: the worker imports ../pagefind/pagefind.js
ROOT = '<article class="md-content__inner md-typeset">'  # Material's article: what is indexed
SETTINGS = {"root_selector": "article", "exclude_selectors": [".headerlink", "[data-search-exclude]"]}
# The data pages quote the text around each use; those quotes are not indexed, so a
# name in them does not earn the page its other spellings.
_QUOTED = re.compile(r"<span data-search-exclude>[^<]*</span>")


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
    """What Pagefind will read, page by page, in a scratch folder this build owns."""

    def __init__(self, language: str, variants: dict[str, list[str]]):
        self.language, self.variants = language, variants
        self._scratch = tempfile.TemporaryDirectory(prefix="search-index-")
        self.pages = Path(self._scratch.name) / "pages"

    def add(self, output: str, url: str, title: str, content: str, tags: list[str]) -> None:
        text = for_index(output, self.language, title, content, tags, self.variants)
        if text is None:
            return
        # MkDocs' directory URLs ("essay/", "" for the front page) become Pagefind's.
        path = self.pages / url / "index.html" if not url or url.endswith("/") else self.pages / url
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def write(self, site_dir: Path) -> None:
        """Index every page added into site/pagefind/, then drop the scratch folder."""
        folder = Path(self._scratch.name)
        config = {**SETTINGS, "site": "pages", "output_path": str((site_dir / OUTPUT).resolve())}
        (folder / "pagefind.json").write_text(json.dumps(config), encoding="utf-8")
        try:
            # Pagefind reads pagefind.json from the folder it runs in.
            run = subprocess.run([sys.executable, "-m", "pagefind", "--quiet"], cwd=folder,
                                 capture_output=True, text=True)
        finally:
            self._scratch.cleanup()
        if run.returncode:
            raise PluginError(f"Pagefind could not index the site:\n{run.stdout}{run.stderr}")
