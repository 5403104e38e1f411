"""The RSS 2.0 feed of Rights Rundown items, written with ElementTree (never by pasting
strings), so every title and summary is escaped as XML."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from email.utils import format_datetime
from xml.etree import ElementTree as ET

FEED_PATH = "feed.xml"
ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class FeedEntry:
    title: str
    url: str
    date: date  # the item's date as the site shows it (the date of the event it reports)
    summary: str


def rfc822(day: date) -> str:
    return format_datetime(datetime(day.year, day.month, day.day, tzinfo=timezone.utc))


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
        ET.SubElement(entry, "pubDate").text = rfc822(item.date)
        ET.SubElement(entry, "description").text = item.summary
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
