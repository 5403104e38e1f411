"""What a page tells machines about itself: Open Graph, Twitter and JSON-LD.

Built here as plain data; `overrides/partials/reader-meta.html` only prints it, the
tags through autoescaping and the JSON-LD through Jinja's `tojson` (json.dumps with
`<`, `>`, `&` and `'` escaped, so no text can close the script element).
Unknown facts (the original's author and date) are left out, never filled in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..registry.model import Correction, Source


@dataclass(frozen=True)
class Site:
    name: str
    url: str
    description: str


@dataclass(frozen=True)
class PageFacts:
    title: str
    url: str  # canonical
    description: str
    original: Source | None = None  # the publication the page reproduces, if it does
    item_date: date | None = None  # a Rundown item's date: the date of the event it reports
    corrections: list[Correction] = field(default_factory=list)  # newest first


def _organization(name: str, url: str | None = None) -> dict:
    org = {"@type": "Organization", "name": name}
    if url:
        org["url"] = url
    return org


def _original(source: Source) -> dict:
    work = {"@type": "NewsArticle", "headline": source.title}
    if source.url:
        work["url"] = source.url
    if source.publisher:
        work["publisher"] = _organization(source.publisher)
    if source.author:
        work["author"] = {"@type": "Person", "name": source.author}
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
    if page.original:
        data["isBasedOn"] = _original(page.original)
    if page.item_date:
        # The newsletter's date is not known; the item's date is the event's, so it is
        # given as the time the item describes, not as a publication date.
        data["contentReferenceTime"] = page.item_date.isoformat()
    if page.corrections:
        data["dateModified"] = page.corrections[0].date.text
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
    if page.corrections:
        og.append(("article:modified_time", page.corrections[0].date.text))
    twitter = [
        ("twitter:card", "summary"),
        ("twitter:title", page.title),
        ("twitter:description", page.description),
    ]
    return {"og": og, "twitter": twitter}


def head(page: PageFacts, site: Site) -> dict:
    """Everything the head partial prints for one page."""
    return {**social(page, site), "jsonld": jsonld(page, site)}
