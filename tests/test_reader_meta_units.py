"""Reader metadata's pure functions, called directly on hand-made values."""

from __future__ import annotations

from datetime import date
from xml.etree import ElementTree as ET

import bibtexparser

from macros.meta import feed, head, page_facts
from macros.pages import corrections
from macros.pages import page_citation
from macros.registry.model import Author, Correction, PartialDate, Registry
from tests.support import source

UNKNOWN = source("o", "The Essay", kind="original", publisher="A Review", url="https://example.org/?p=1")
KNOWN = source("k", "Known", kind="original", publisher="P", author=Author("Roe", "Jane"),
               date=PartialDate("2022-02-07"), url="https://example.org/k")
UPDATED = date(2026, 11, 25)


def fields(entry: str) -> dict:
    library = bibtexparser.parse_string(entry)
    assert library.failed_blocks == [] and len(library.entries) == 1
    return {f.key: f.value for f in library.entries[0].fields}


def test_citation_gives_author_and_date_when_known_and_says_unknown_otherwise():
    known = page_citation.plain("Known", None, KNOWN, "Site", UPDATED, "https://site/p/")
    assert known.startswith("Jane Roe.") and "7 February 2022" in known and "unknown" not in known
    unknown = page_citation.plain("The Essay", None, UNKNOWN, "Site", UPDATED, "https://site/p/")
    assert unknown.startswith("Author unknown.") and "date unknown" in unknown
    assert fields(page_citation.bibtex("k", "Known", None, KNOWN, "Site", UPDATED, "https://site/p/"))["author"] == "Roe, Jane"
    assert fields(page_citation.bibtex("k", "Known", None, KNOWN, "Site", UPDATED, "https://site/p/"))["year"] == "2022"
    assert "author" not in fields(page_citation.bibtex("o", "The Essay", None, UNKNOWN, "Site", UPDATED, "https://site/p/"))


def test_bibtex_escapes_what_bibtex_would_read_as_syntax():
    title = "50% of {x} & y_z #1 ~ ^ \\"
    entry = page_citation.bibtex("t", title, "Rundown", UNKNOWN, "Site", UPDATED, "https://site/p/")
    assert fields(entry)["title"] == r"{50\% of \{x\} \& y\_z \#1 \~{} \^{} \textbackslash{}}"


def test_citation_block_escapes_html():
    hostile = source("h", "</code><script>x</script>", kind="original", publisher="P&Q", url="https://e.org/")
    block = page_citation.block("h", "T", None, hostile, "Site", UPDATED, "https://site/p/")
    assert "<script>" not in block and "&lt;script&gt;" in block and "P&amp;Q" in block


def test_feed_escapes_text_and_lists_newest_first():
    items = [feed.FeedEntry("Old <b>&", "https://s/old/", date(2022, 2, 3), "a & b"),
             feed.FeedEntry("New", "https://s/new/", date(2022, 2, 5), "c")]
    channel = ET.fromstring(feed.rss(items, "T", "https://s/", "D", "https://s/feed.xml")).find("channel")
    assert [i.findtext("title") for i in channel.findall("item")] == ["New", "Old <b>&"]
    assert all(i.find("pubDate") is None for i in channel.findall("item"))  # no day is known


def test_jsonld_leaves_out_what_is_not_known():
    site = head.Site("Site", "https://s/", "D")
    page = head.PageFacts("T", "https://s/p/", "D", original=UNKNOWN)
    based = head.jsonld(page, site)["isBasedOn"]
    assert "author" not in based and "datePublished" not in based
    based = head.jsonld(head.PageFacts("T", "https://s/p/", "D", original=KNOWN), site)["isBasedOn"]
    assert based["author"] == {"@type": "Person", "name": "Jane Roe", "familyName": "Roe", "givenName": "Jane"}
    assert based["datePublished"] == "2022-02-07"
    assert head.jsonld(head.PageFacts("T", "https://s/p/", "D"), site)["@type"] == "WebPage"


def test_corrections_box_and_listing():
    entry = Correction("a/b.md", PartialDate("2026-11-25"), "Changed *x*.", "Because <y>.")
    assert Registry(corrections=[entry]).corrections_of("other.md") == []
    box = corrections.box(Registry(corrections=[entry]).corrections_of("a/b.md"), "a/b.md")
    assert "25 November 2026" in box and r"Changed \*x\*." in box and "&lt;y&gt;" in box
    assert "(../corrections.md)" in box
    assert corrections.listing([], {}).startswith("No page")


def test_description_is_escaped_for_materials_attribute():
    meta = {"description": 'Say "hi" & <go>'}
    page_facts.escape_description(meta)
    assert meta["description"] == "Say &quot;hi&quot; &amp; &lt;go&gt;"
