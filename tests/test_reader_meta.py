"""Reader metadata on the built site: cite this, corrections, head tags, sitemap, feed, search.

Expected values come from the data files and the pages' front matter, never from
the output.
"""

from __future__ import annotations

import json
import re
import subprocess
from xml.etree import ElementTree as ET

import bibtexparser
import pytest
import yaml
from pybtex.database import parse_string
from pybtex.plugin import find_plugin

from macros.registry.loading import load_registry
from macros.registry.model import PartialDate
from macros.render.formatting import format_partial_date
from macros.render.typography import typographic

from tests.support import ROOT, build
from test_site import POSTS, front_matter

REGISTRY = load_registry(ROOT)
CORRECTIONS = REGISTRY.corrections
VARIANTS = REGISTRY.variants
ORIGINAL = REGISTRY.source("wpr-essay")
SITE_NAME = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["site_name"]

# Built page -> its Markdown source, for every page in the site.
SOURCES = {
    "index.html": "index.md", "essay/index.html": "essay.md", "about/index.html": "about.md",
    "rundown/index.html": "rundown/index.md", "corrections/index.html": "corrections.md",
    **{f"{name}/index.html": f"{name}.md" for name in ("figures", "sources", "timeline", "charts")},
    **{f"rundown/{front_matter(p)['slug']}/index.html": p.relative_to(ROOT / "docs").as_posix() for p in POSTS},
}
ARTICLES = {page: src for page, src in SOURCES.items() if "original" in front_matter(ROOT / "docs" / src)}


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def jsonld(soup) -> dict:
    scripts = soup.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def test_every_page_of_the_site_is_covered_here(site):
    built = {p.relative_to(site.site).as_posix() for p in site.site.rglob("*.html")} - {"404.html"}
    assert built == set(SOURCES)
    # The pages reproducing the original: the essay, and the Rundown items that name it.
    items = {p for p, src in SOURCES.items() if src.startswith("rundown/posts/")}
    assert set(ARTICLES) == {"essay/index.html", *(p for p in items if "original" in front_matter(ROOT / "docs" / SOURCES[p]))}


# --- 6. Cite this page ---

@pytest.mark.parametrize("page", sorted(ARTICLES))
def test_articles_end_with_a_citation_naming_the_original(site, page):
    soup = site.html(page)
    title = words(soup.select_one("article h1").get_text()).rstrip("¶ ")
    canonical = soup.select_one('link[rel="canonical"]')["href"]
    box = soup.select_one("article div.cite-this")
    assert soup.select_one("article h2#cite-this") is not None
    plain = box.select_one("pre.cite-this__plain code").get_text()
    assert ORIGINAL.url in plain and ORIGINAL.publisher in plain and canonical in plain
    assert title in plain and ORIGINAL.title in plain
    # What the data does not know (the author; the date, to the day) is said, not guessed.
    assert ("Author unknown" in plain) is (ORIGINAL.author is None)
    if ORIGINAL.date:
        assert format_partial_date(ORIGINAL.date) in plain and "date unknown" not in plain
    else:
        assert "date unknown" in plain

    library = bibtexparser.parse_string(box.select_one("pre.cite-this__bibtex code").get_text())
    assert library.failed_blocks == [] and len(library.entries) == 1
    fields = {f.key: f.value for f in library.entries[0].fields}
    assert fields["title"] == "{" + title + "}"  # braced twice: BibTeX keeps its capitals
    assert fields["url"] == ORIGINAL.url
    assert [fields.get(f) for f in ("journal", "howpublished") if f in fields] == [ORIGINAL.publisher]
    assert ("author" in fields) is (ORIGINAL.author is not None)
    assert fields.get("urldate") == (ORIGINAL.accessed.text if ORIGINAL.accessed else None)
    assert fields.get("year") == (ORIGINAL.date.text[:4] if ORIGINAL.date else None)
    if ORIGINAL.author is None:
        assert "Author" in fields["note"] and "unknown" in fields["note"]
    assert canonical in fields["note"]
    # Which version of this edition: the day its header says it was updated.
    updated = soup.select_one(".article-header__updated time").get_text()
    assert f"updated {updated}, {canonical}" in plain and f"updated {updated}, {canonical}" in fields["note"]
    # Material puts a copy button on every <pre><code> when this feature is on.
    config = json.loads(soup.select_one("#__config").string)
    assert "content.code.copy" in config["features"]


def test_pages_that_are_not_the_original_carry_no_citation(site):
    for page in set(SOURCES) - set(ARTICLES):
        assert site.html(page).select_one("#cite-this") is None, page


def test_the_figures_page_cites_the_data_with_the_day_it_last_changed(site):
    """A data journalist cites the figures as a data set, saying which version: the day
    the data was last committed (not search's spellings or the schemas, which change no
    figure), the Data Package's `version` too; and BibTeX's plain style prints the day."""
    # Outside a git checkout (a copy of the project), no day is known and none is given.
    day = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--first-parent", "--format=%cs", "--", "data",
                          ":!data/search-variants.yml", ":!data/schema"],
                         capture_output=True, text=True).stdout.strip() or None
    soup = site.html("figures/index.html")
    box = soup.find(id="cite-the-data").find_next_sibling("div", class_="cite-this")
    canonical = soup.select_one('link[rel="canonical"]')["href"]
    plain = box.select_one("pre.cite-this__plain code").get_text()
    assert canonical in plain and ("data of" in plain) is bool(day)
    library = bibtexparser.parse_string(box.select_one("pre.cite-this__bibtex code").get_text())
    assert library.failed_blocks == [] and len(library.entries) == 1
    fields = {f.key: f.value for f in library.entries[0].fields}
    assert (fields["url"], fields.get("version"), fields.get("year")) == (canonical, day, day and day[:4])
    package = json.loads((site.site / "downloads/datapackage.json").read_text(encoding="utf-8"))
    assert package.get("version") == day
    if day:
        assert format_partial_date(PartialDate(day)) in plain
        entries = find_plugin("pybtex.style.formatting", "plain")().format_bibliography(
            parse_string(box.select_one("pre.cite-this__bibtex code").get_text(), "bibtex"))
        assert f"Data of {format_partial_date(PartialDate(day))}" in next(iter(entries)).text.render_as("text")


# --- 7. Updates and corrections ---

def test_there_is_a_real_first_entry():
    assert any(c.page == "essay.md" and c.date.text.startswith("2026") for c in CORRECTIONS)


@pytest.mark.parametrize("page", sorted(SOURCES))
def test_each_page_shows_its_own_corrections_and_only_them(site, page):
    mine = [c for c in CORRECTIONS if c.page == SOURCES[page]]
    box = site.html(page).select_one("article div.corrections")
    if not mine:
        assert box is None
        return
    assert words(box.select_one(".admonition-title").get_text()) == "Updates and corrections"
    items = [words(li.get_text()) for li in box.select("li")]
    assert len(items) == len(mine)
    for correction in mine:
        assert any(format_partial_date(correction.date) in item and words(correction.what) in item
                   and words(correction.why) in item for item in items)
    link = box.select_one('a[href$="corrections/"]')
    assert (site.site / page).parent.joinpath(link["href"], "index.html").resolve().is_file()


def test_corrections_page_lists_every_entry_linked_to_its_page(site):
    soup = site.html("corrections/index.html")
    items = soup.select("article li")
    assert len(items) == len(CORRECTIONS)
    for correction in CORRECTIONS:
        page = next(p for p, s in SOURCES.items() if s == correction.page)
        matches = [li for li in items if words(correction.what) in words(li.get_text())]
        assert len(matches) == 1
        href = matches[0].a["href"]
        assert (site.site / "corrections" / href / "index.html").resolve() == (site.site / page).resolve()


@pytest.mark.parametrize("page", sorted(SOURCES))
def test_jsonld_correction_matches_the_data(site, page):
    data = jsonld(site.html(page))
    mine = sorted((c for c in CORRECTIONS if c.page == SOURCES[page]), key=lambda c: c.date.text, reverse=True)
    if not mine:
        assert "correction" not in data and "dateModified" not in data
        return
    assert [c["@type"] for c in data["correction"]] == ["CorrectionComment"] * len(mine)
    assert [c["datePublished"] for c in data["correction"]] == [c.date.text for c in mine]
    for emitted, correction in zip(data["correction"], mine):
        assert words(correction.what) in emitted["text"] and words(correction.why) in emitted["text"]
    assert data["dateModified"] == mine[0].date.text


# --- 8. Metadata, sitemap and feed ---

@pytest.mark.parametrize("page", sorted(SOURCES))
def test_every_page_has_description_canonical_social_tags_and_jsonld(site, page):
    soup = site.html(page)
    meta = front_matter(ROOT / "docs" / SOURCES[page])
    canonical = soup.select_one('link[rel="canonical"]')["href"]
    assert canonical.startswith("http") and canonical.endswith("/")
    description = soup.select_one('meta[name="description"]')["content"]
    assert description == words(meta["description"])
    og = {m["property"]: m["content"] for m in soup.select("meta[property]")}
    twitter = {m["name"]: m["content"] for m in soup.select('meta[name^="twitter:"]')}
    title = meta.get("title") or words(soup.select_one("article h1").get_text()).rstrip("¶ ")
    if page == "index.html":  # the front page is the site: not its nav label, "Home"
        title = SITE_NAME
    assert og["og:title"] == twitter["twitter:title"] == title
    assert og["og:description"] == twitter["twitter:description"] == description
    assert og["og:url"] == canonical and twitter["twitter:card"] == "summary_large_image"
    assert og["og:type"] == ("article" if page in ARTICLES else "website")

    data = jsonld(soup)
    assert data["@context"] == "https://schema.org"
    assert data["headline"] == title and data["description"] == description
    assert data["url"] == data["mainEntityOfPage"] == canonical
    assert data["publisher"]["name"] == soup.select_one('meta[property="og:site_name"]')["content"]
    assert data["image"]["url"] == og["og:image"] == twitter["twitter:image"]
    assert data["image"]["caption"] == og["og:image:alt"] == twitter["twitter:image:alt"]
    modified = max([c.date.text for c in CORRECTIONS if c.page == SOURCES[page]]
                   + ([str(meta["updated"])] if "updated" in meta else []), default=None)
    assert data.get("dateModified") == og.get("article:modified_time") == modified
    if page in ARTICLES:
        assert data["@type"] == "NewsArticle"
        assert data["datePublished"] == ORIGINAL.date.text == og["article:published_time"]
        assert "license" not in data and "not licensed" in data["copyrightNotice"]
        # Whose the text is, told of the essay and of a Rundown item alike (not "the essay's").
        assert ORIGINAL.publisher in data["copyrightNotice"] and "essay" not in data["copyrightNotice"]
        assert data["isBasedOn"]["url"] == ORIGINAL.url
        assert data["isBasedOn"]["publisher"]["name"] == ORIGINAL.publisher
        # Unknown facts are left out, not guessed.
        assert ("author" in data["isBasedOn"]) is (ORIGINAL.author is not None)
        assert data["isBasedOn"].get("datePublished") == (ORIGINAL.date.text if ORIGINAL.date else None)
        if "date" in meta:
            assert data["contentReferenceTime"] == str(meta["date"])
    else:
        assert data["@type"] == "WebPage" and "isBasedOn" not in data
        assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
        assert "datePublished" not in data


def test_sitemap_lists_every_page_at_its_canonical_url(site):
    tree = ET.parse(site.site / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = {loc.text for loc in tree.findall("s:url/s:loc", ns)}
    canonicals = {site.html(p).select_one('link[rel="canonical"]')["href"] for p in SOURCES}
    assert listed == canonicals


def test_feed_parses_and_lists_every_rundown_item_with_its_date(site):
    channel = ET.parse(site.site / "feed.xml").getroot().find("channel")
    items = channel.findall("item")
    assert len(items) == len(POSTS)
    by_link = {item.findtext("link"): item for item in items}
    for post in POSTS:
        meta = front_matter(post)
        page = site.html(f"rundown/{meta['slug']}/index.html")
        item = by_link[page.select_one('link[rel="canonical"]')["href"]]
        assert item.findtext("title") == meta["title"]
        assert item.findtext("description") == words(meta["description"])
        # The day the newsletter published it is not known, and the item's date is the
        # event's: a pubDate would tell feed readers a day that is neither.
        assert item.find("pubDate") is None
    dates = [str(front_matter(post)["date"]) for item in items for post in POSTS
             if item.findtext("title") == front_matter(post)["title"]]
    assert dates == sorted(dates, reverse=True)  # the newest event first, as the Rundown lists them


@pytest.mark.parametrize("page", sorted(SOURCES) + ["404.html"])
def test_every_page_links_the_feed(site, page):
    href = site.html(page).select_one('link[rel="alternate"][type="application/rss+xml"]')["href"]
    base = site.site if href.startswith("/") else (site.site / page).parent  # 404.html links from the root
    assert (base / href.lstrip("/")).resolve() == (site.site / "feed.xml").resolve()


# --- 9. Search that knows the region: tests/browser/test_search_index.py ---


# --- Data that cannot reach the page as markup ---

def test_front_matter_text_cannot_close_the_jsonld_script(project):
    essay = project / "docs" / "essay.md"
    hostile = 'Ends "quoted" </script><script>alert(1)</script> & more'
    text = essay.read_text(encoding="utf-8")
    essay.write_text(text.replace("description: >-\n", f"description: >-\n  {hostile}\n", 1), encoding="utf-8")
    out = build(project)
    assert out.returncode == 0, out.log
    soup = out.html("essay/index.html")
    assert not [s for s in soup.find_all("script") if "alert" in (s.string or "") and "ld+json" not in str(s.get("type"))]
    printed = typographic(hostile)  # as text, its quotes typographic: 'Ends “quoted” </script>...'
    assert soup.select_one('meta[name="description"]')["content"].startswith(printed)
    assert jsonld(soup)["description"].startswith(printed)
    assert soup.select_one('meta[property="og:description"]')["content"].startswith(printed)


@pytest.mark.parametrize("page", sorted(ARTICLES))
def test_notes_then_corrections_then_citation(site, page):
    soup = site.html(page)
    order = [el["class"][-1] for el in soup.select("article div.footnote, article div.corrections, article div.cite-this")]
    assert order == ["footnote", "corrections", "cite-this"]
