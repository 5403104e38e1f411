"""What a page tells machines about itself: Open Graph, Twitter and JSON-LD.

Built here as plain data; `overrides/partials/reader-meta.html` only prints it, the
tags through autoescaping and the JSON-LD through Jinja's `tojson` (json.dumps with
`<`, `>`, `&` and `'` escaped, so no text can close the script element).
Unknown facts (the original's author and date) are left out, never filled in.
A page reproducing the essay names no licence for itself (the text is its author's);
the edition's other pages are under the notes and data licence (licence.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..registry.model import Author, Correction, Source
from ..downloads.licence import NOTES_AND_DATA, original_notice


@dataclass(frozen=True)
class Site:
    name: str
    url: str
    description: str


@dataclass(frozen=True)
class Card:
    """The page's share card: an absolute URL (Open Graph requires one), its size and alt text."""

    url: str
    alt: str
    width: int
    height: int


@dataclass(frozen=True)
class PageFacts:
    title: str
    url: str  # canonical
    description: str
    original: Source | None = None  # the publication the page reproduces, if it does
    item_date: date | None = None  # a Rundown item's date: the date of the event it reports
    corrections: list[Correction] = field(default_factory=list)  # newest first
    card: Card | None = None
    updated: date | None = None  # front matter `updated:`: this edition's last change

    @property
    def modified(self) -> str | None:
        """This edition's last change to the page: `updated:` or its newest correction."""
        days = [d for d in (self.updated and self.updated.isoformat(),
                            self.corrections and self.corrections[0].date.text) if d]
        return max(days) if days else None


def _organization(name: str, url: str | None = None) -> dict:
    org = {"@type": "Organization", "name": name}
    if url:
        org["url"] = url
    return org


def _person(author: Author) -> dict:
    if author.name:
        return _organization(author.name)
    return {"@type": "Person", "name": str(author), "familyName": author.family, "givenName": author.given}


def _original(source: Source) -> dict:
    work = {"@type": "NewsArticle", "headline": source.title}
    if source.url:
        work["url"] = source.url
    if source.publisher:
        work["publisher"] = _organization(source.publisher)
    if source.author:
        work["author"] = _person(source.author)
    if source.date:
        work["datePublished"] = source.date.text
    return work


def jsonld(page: PageFacts, site: Site) -> dict:
    """schema.org NewsArticle for a page of the original, WebPage for the rest."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle" if page.original else "WebPage",
        "headline": page.title,
        "name": page.title,
        "description": page.description,
        "url": page.url,
        "mainEntityOfPage": page.url,
        "inLanguage": "en",
        "publisher": _organization(site.name, site.url),
        "isPartOf": {"@type": "WebSite", "name": site.name, "url": site.url},
    }
    if page.card:
        data["image"] = {"@type": "ImageObject", "url": page.card.url, "width": page.card.width,
                         "height": page.card.height, "caption": page.card.alt}
    if page.original:
        data["isBasedOn"] = _original(page.original)
        data["copyrightNotice"] = original_notice(page.original.publisher)
        if page.original.date:  # the essay's and the Rundown's: first published with it
            data["datePublished"] = page.original.date.text
    else:
        data["license"] = NOTES_AND_DATA["path"]
    if page.item_date:
        # The newsletter's date is not known; the item's date is the event's, so it is
        # given as the time the item describes, not as a publication date.
        data["contentReferenceTime"] = page.item_date.isoformat()
    if page.modified:
        data["dateModified"] = page.modified
    if page.corrections:
        data["correction"] = [
            {"@type": "CorrectionComment", "datePublished": c.date.text, "text": f"{c.what} Why: {c.why}"}
            for c in page.corrections
        ]
    return data


def social(page: PageFacts, site: Site) -> dict[str, list[tuple[str, str]]]:
    """Open Graph (`property=`) and Twitter card (`name=`) tags, as (key, content) pairs."""
    og = [
        ("og:type", "article" if page.original else "website"),
        ("og:site_name", site.name),
        ("og:title", page.title),
        ("og:description", page.description),
        ("og:url", page.url),
        ("og:locale", "en_US"),
    ]
    if page.original and page.original.date:
        og.append(("article:published_time", page.original.date.text))
    if page.modified:
        og.append(("article:modified_time", page.modified))
    twitter = [
        ("twitter:card", "summary_large_image" if page.card else "summary"),
        ("twitter:title", page.title),
        ("twitter:description", page.description),
    ]
    if page.card:
        og += [("og:image", page.card.url), ("og:image:type", "image/png"),
               ("og:image:width", str(page.card.width)), ("og:image:height", str(page.card.height)),
               ("og:image:alt", page.card.alt)]
        twitter += [("twitter:image", page.card.url), ("twitter:image:alt", page.card.alt)]
    return {"og": og, "twitter": twitter}


def head(page: PageFacts, site: Site) -> dict:
    """Everything the head partial prints for one page."""
    return {**social(page, site), "jsonld": jsonld(page, site)}
