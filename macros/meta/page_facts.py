"""What a page tells its readers beyond its text, gathered from the page and the data:
the facts its head metadata, feed entry and citation are made from, and the corrections
box and "Cite this page" appended to it.

Each takes plain values or the page and returns plain values, so tests can call them
directly.
"""

from __future__ import annotations

import html
import re
from datetime import date

from material.plugins.blog.structure import Post

from ..pages import corrections, page_citation
from ..pages.article import item_day
from ..registry.model import Registry
from . import share_card
from .feed import FeedEntry
from .head import Card, PageFacts, Site

# Front matter keys: `original` names the source id of the publication the page
# reproduces (it gets "Cite this page" and NewsArticle JSON-LD); `original_section`
# says which part of that publication it is, when it is not the whole of it.
ORIGINAL_KEY = "original"
SECTION_KEY = "original_section"
UPDATED_KEY = "updated"  # this edition's last change to the page (articles require it)

# Python-Markdown's footnotes go where this paragraph is (its default PLACE_MARKER),
# else at the very end: after the appendix, in its search-excluded section.
FOOTNOTES_HERE = "///Footnotes Go Here///"
_FOOTNOTE_DEFINITION = re.compile(r"^\[\^[^\]]+\]:", re.MULTILINE)


def site_of(config) -> Site:
    return Site(name=config["site_name"], url=config["site_url"] or "",
                description=config["site_description"] or "")


def item_date(page, meta: dict) -> date | None:
    """A blog post's date, from its front matter as the strict reader gives it (`meta`);
    None for other pages."""
    return item_day(meta.get("date")) if isinstance(page, Post) else None


def card(page, meta: dict, site: Site) -> Card | None:
    """The page's share card (share_card.py); none without the site's address, since
    previews need an absolute URL."""
    if not site.url:
        return None
    kind = share_card.kind_of(page, meta)
    return Card(url=site.url + share_card.path(kind), alt=share_card.alt(kind, site.name),
                width=share_card.WIDTH, height=share_card.HEIGHT)


def facts(page, meta: dict, site: Site, registry: Registry) -> PageFacts:
    """What the head, the feed and the citation need to know about `page`, whose front
    matter is `meta`. Raises model.UnknownId when `original` names no known source."""
    original_id = meta.get(ORIGINAL_KEY)
    # The front page is the site itself: its title is the site's name, not its nav
    # label ("Home"), which means nothing in a link preview.
    title = site.name if page.is_homepage else meta.get("title") or page.title or site.name
    return PageFacts(
        title=title,
        url=page.canonical_url or site.url,
        description=meta.get("description") or site.description,
        original=registry.source(original_id) if original_id else None,
        item_date=item_date(page, meta),
        corrections=registry.corrections_of(page.file.src_uri),
        card=card(page, meta, site),
        updated=item_day(meta.get(UPDATED_KEY)),
    )


def appendix(page, meta: dict, markdown: str, page_facts: PageFacts, site: Site) -> str:
    """Markdown to append to the page: its notes, its corrections box, then "Cite this page"."""
    parts = [corrections.box(page_facts.corrections, page.file.src_uri)]
    if page_facts.original:
        key = "edition-" + (page.url.strip("/").replace("/", "-") or "home")
        parts.append(page_citation.block(key, page_facts.title, meta.get(SECTION_KEY),
                                         page_facts.original, site.name, page_facts.updated, page_facts.url))
    if any(parts) and _FOOTNOTE_DEFINITION.search(markdown):
        parts.insert(0, FOOTNOTES_HERE)
    return "\n\n".join(p for p in parts if p)


def escape_description(meta: dict) -> None:
    """Escape front matter `description` in place: Material's base.html prints it into
    an attribute without escaping (MkDocs' theme has no autoescape), so a quote in it
    would end the attribute. Call after `facts`, which keeps the text as written."""
    if isinstance(meta.get("description"), str):
        meta["description"] = html.escape(meta["description"], quote=True)


def feed_entry(page_facts: PageFacts) -> FeedEntry | None:
    """The feed entry for a Rundown item (a blog post); None for other pages."""
    if page_facts.item_date is None:
        return None
    return FeedEntry(title=page_facts.title, url=page_facts.url, date=page_facts.item_date,
                summary=page_facts.description)
