"""The RSS 2.0 feed of Rights Rundown items, written with ElementTree (never by pasting
strings), so every title and summary is escaped as XML.

No item has a `pubDate`, which RSS leaves optional: the day the newsletter published an
item is not known (only its month), and the item's own date is the event's. A reader's
feed reader would show either as the day it was published. Unknown facts are left out,
as in the pages' JSON-LD (head.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from xml.etree import ElementTree as ET

FEED_PATH = "feed.xml"
ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class FeedEntry:
    title: str
    url: str
    date: date  # the date of the event the item reports: the feed's order, newest first
    summary: str


def rss(items: list[FeedEntry], title: str, link: str, description: str, self_url: str) -> bytes:
    """The feed document, newest item first."""
    ET.register_namespace("atom", ATOM)
    root = ET.Element("rss", version="2.0")
    channel = ET.SubElement(root, "channel")
    for tag, text in (("title", title), ("link", link), ("description", description), ("language", "en")):
        ET.SubElement(channel, tag).text = text
    ET.SubElement(channel, f"{{{ATOM}}}link", href=self_url, rel="self", type="application/rss+xml")
    for item in sorted(items, key=lambda i: (i.date, i.url), reverse=True):
        entry = ET.SubElement(channel, "item")
        ET.SubElement(entry, "title").text = item.title
        ET.SubElement(entry, "link").text = item.url
        ET.SubElement(entry, "guid", isPermaLink="true").text = item.url
        ET.SubElement(entry, "description").text = item.summary
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
