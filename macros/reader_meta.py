"""Per-page reader metadata, gathered from MkDocs' page and the edition's data.

The entry module calls these from its hooks; each takes plain values or the page and
returns plain values, so tests can call them directly.
"""

from __future__ import annotations

import html
import re
from datetime import date, datetime

from material.plugins.blog.structure import Post

from . import cite_this, corrections
from .corrections import Correction
from .feed import Item
from .head import PageFacts, Site
from .model import Registry

# Front matter keys: `original` names the source id of the publication the page
# reproduces (it gets "Cite this page" and NewsArticle JSON-LD); `original_section`
# says which part of that publication it is, when it is not the whole of it.
ORIGINAL_KEY = "original"
SECTION_KEY = "original_section"

# Python-Markdown's footnotes go where this paragraph is (its default PLACE_MARKER),
# else at the very end: after the appendix, in its search-excluded section.
FOOTNOTES_HERE = "///Footnotes Go Here///"
_FOOTNOTE_DEFINITION = re.compile(r"^\[\^[^\]]+\]:", re.MULTILINE)


def site_of(config) -> Site:
    return Site(name=config["site_name"], url=config["site_url"] or "",
                description=config["site_description"] or "")


def item_date(page) -> date | None:
    """A blog post's date (Material parses it into a datetime); None for other pages."""
    if not isinstance(page, Post):
        return None
    created = page.config.date.created
    return created.date() if isinstance(created, datetime) else created


def facts(page, site: Site, registry: Registry, all_corrections: list[Correction]) -> PageFacts:
    """What the head, the feed and the citation need to know about `page`.

    Raises model.UnknownId when front matter `original` names no known source."""
    original_id = page.meta.get(ORIGINAL_KEY)
    return PageFacts(
        title=page.meta.get("title") or page.title or site.name,
        url=page.canonical_url or site.url,
        description=page.meta.get("description") or site.description,
        original=registry.source(original_id) if original_id else None,
        item_date=item_date(page),
        corrections=corrections.for_page(all_corrections, page.file.src_uri),
    )


def appendix(page, markdown: str, page_facts: PageFacts, site: Site, all_corrections: list[Correction]) -> str:
    """Markdown to append to the page: its notes, its corrections box, then "Cite this page"."""
    parts = [corrections.box(all_corrections, page.file.src_uri)]
    if page_facts.original:
        key = "edition-" + (page.url.strip("/").replace("/", "-") or "home")
        parts.append(cite_this.block(key, page_facts.title, page.meta.get(SECTION_KEY),
                                     page_facts.original, site.name, page_facts.url))
    if any(parts) and _FOOTNOTE_DEFINITION.search(markdown):
        parts.insert(0, FOOTNOTES_HERE)
    return "\n\n".join(p for p in parts if p)


def escape_description(meta: dict) -> None:
    """Escape front matter `description` in place: Material's base.html prints it into
    an attribute without escaping (MkDocs' theme has no autoescape), so a quote in it
    would end the attribute. Call after `facts`, which keeps the text as written."""
    if isinstance(meta.get("description"), str):
        meta["description"] = html.escape(meta["description"], quote=True)


def feed_item(page, page_facts: PageFacts) -> Item | None:
    """The feed entry for a Rundown item (a blog post); None for other pages."""
    if page_facts.item_date is None:
        return None
    return Item(title=page_facts.title, url=page_facts.url, date=page_facts.item_date,
                summary=page_facts.description)
