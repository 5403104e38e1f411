"""The downloads as files: figures as CSV (one type a column) and JSON, sources as BibTeX
and CSL-JSON, each compared with data/ loaded the way the build loads it. The clients
readers use on them are in test_clients.py.
"""

from __future__ import annotations

import csv
import io
import json

from pybtex.database import parse_string

from macros.registry.loading import load_registry
from macros.registry.model import SOURCE_KINDS

from tests.support import ROOT
from test_data_pages import site_path

REGISTRY = load_registry(ROOT)


def _iso(date) -> tuple[str, str]:
    """A partial date as the CSV writes it: its first day, and how much of it is known."""
    if date is None:
        return "", ""
    day = date.text + ("-01-01" if len(date.text) == 4 else "-01" if len(date.text) == 7 else "")
    return day, {4: "year", 7: "month", 10: "day"}[len(date.text)]


def test_figures_csv_matches_the_data_one_type_a_column(site):
    raw = (site.site / "downloads/figures.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel needs to read UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["id"] for r in rows] == list(REGISTRY.figures)
    for row in rows:
        figure = REGISTRY.figure(row["id"])
        value = figure.value
        low, high = (value.low, value.high) if hasattr(value, "low") else (value, None)
        if hasattr(low, "text"):  # a date: in the date columns, ISO, precision beside it
            assert (row["date"], row["date_precision"]) == _iso(low), figure.id
            assert (row["date_end"], row["date_end_precision"]) == _iso(high), figure.id
            assert row["value"] == row["value_low"] == row["value_high"] == "", figure.id
        else:  # a number: in the number columns only
            numbers = (row["value"], row["value_low"], row["value_high"])
            assert numbers == ((str(low), "", "") if high is None else ("", str(low), str(high))), figure.id
            assert row["date"] == row["date_end"] == "", figure.id
        assert (row["label"], row["written"], row["unit"], row["scope"]) == \
            (figure.label, figure.written, figure.unit, figure.scope)
        # What a shared quantity is, in the words the figures page uses, not only its id.
        assert (row["quantity"], row["quantity_label"]) == \
            ((figure.quantity, REGISTRY.quantities[figure.quantity].label) if figure.quantity else ("", ""))
        assert (row["as_of"], row["as_of_precision"]) == _iso(figure.as_of)
        assert row["sources"].split(";") == list(figure.sources)
        assert row["note"] == (figure.note or "") and row["event"] == str(figure.event).lower()
        # The editor's flags, as the figure's note gives them, one a line.
        assert row["flags"].splitlines() == [flag.text for flag in REGISTRY.flags_of(figure.id)], figure.id
        path, anchor = site_path(site, "downloads/figures.csv", row["page"])
        assert (path, anchor) == ("figures/index.html", figure.id)


def test_each_source_id_in_the_table_is_where_its_description_says(site):
    """Every id of the `sources` column is an entry of the sources page; those a reader
    can look up are in the bibliographies too, the others (attributions) only there."""
    from macros.downloads.figures_table import COLUMNS

    (described,) = [c.description for c in COLUMNS if c.name == "sources"]
    rows = csv.DictReader(io.StringIO((site.site / "downloads/figures.csv").read_text(encoding="utf-8-sig")))
    ids = {source_id for row in rows for source_id in row["sources"].split(";")}
    bib = set(parse_string((site.site / "downloads/sources.bib").read_text(encoding="utf-8"), "bibtex").entries)
    page = site.html("sources/index.html")
    assert all(page.find(id=source_id) is not None for source_id in ids)
    outside = {i for i in ids if i not in bib}
    assert outside == {i for i in ids if not REGISTRY.source(i).has_public_record}
    assert ("sources page" in described) and (not outside or "only" in described), described


def test_figures_page_documents_every_column(site):
    from macros.downloads.figures_table import COLUMNS

    header = next(csv.reader(io.StringIO((site.site / "downloads/figures.csv").read_text(encoding="utf-8-sig"))))
    # A list, each column's name and type above what it holds: on a phone a three-column
    # table left each description a third of the width.
    listed = site.html("figures/index.html").find(id="the-columns-of-figurescsv").find_next(["dl", "table"])
    assert listed.name == "dl"
    terms, described = listed.find_all("dt", recursive=False), listed.find_all("dd", recursive=False)
    assert [dt.code.get_text() for dt in terms] == header == [c.name for c in COLUMNS]
    for dt, dd, column in zip(terms, described, COLUMNS):
        assert dt.get_text() == f"{column.name} ({column.type})"
        # The description as readers see it: a column it names shown as code, no backticks.
        assert dd.get_text() == column.description.replace("`", "")
        assert [code.get_text() for code in dd.find_all("code")] == column.description.split("`")[1::2]


def test_figures_json_matches_the_data_and_its_links_resolve(site):
    records = json.loads((site.site / "downloads/figures.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in records] == list(REGISTRY.figures)
    for record in records:  # the CSV's rows (test_clients.py), with lists as lists
        figure = REGISTRY.figure(record["id"])
        assert record["sources"] == list(figure.sources)
        assert record["flags"] == [flag.text for flag in REGISTRY.flags_of(figure.id)], figure.id
        # Resolved against the JSON file's own URL, as a reader's tool does.
        path, anchor = site_path(site, "downloads/figures.json", record["page"])
        assert (path, anchor) == ("figures/index.html", figure.id)
        assert site.html(path).find(id=anchor) is not None


def test_sources_bibtex_parses_and_matches_the_data(site):
    from macros.downloads.bibtex import REQUIRED

    bib = parse_string((site.site / "downloads/sources.bib").read_text(encoding="utf-8"), "bibtex")
    assert list(bib.entries) == [s.id for s in REGISTRY.sources.values() if s.has_public_record and not s.unused]
    for key, item in bib.entries.items():
        source = REGISTRY.source(key)
        assert item.fields["title"] == "{" + source.title + "}"  # braced: capitals kept
        assert item.fields.get("url") == source.url
        assert item.fields.get("urldate") == (source.accessed.text if source.accessed else None)
        assert item.fields.get("year") == (source.date.text[:4] if source.date else None)
        people = item.persons.get("author", [])
        if source.author and source.author.name:
            assert [str(p) for p in people] == ["{" + source.author.name + "}"], key
        elif source.author:
            assert [(p.last_names, p.first_names + p.middle_names) for p in people] == \
                [([source.author.family], source.author.given.split())], key
        else:
            assert not people and item.fields["key"], key  # plain.bst sorts by key without an author
        missing = [f for f in REQUIRED[item.type] if f not in item.fields and f not in item.persons]
        assert missing == [], (key, item.type)
        outlets = [item.fields.get(f) for f in ("journal", "institution", "howpublished")]
        assert [o for o in outlets if o] == ([source.publisher] if source.publisher else []), key
        if source.archive_url:
            assert f"Archived copy: {source.archive_url}." in item.fields["note"].replace("\\_", "_")


CSL_TYPES = {  # the item types of CSL 1.0.2 (citationstyles.org, specification, appendix III)
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast",
    "chapter", "classic", "collection", "dataset", "document", "entry", "entry-dictionary",
    "entry-encyclopedia", "event", "figure", "graphic", "hearing", "interview", "legal_case",
    "legislation", "manuscript", "map", "motion_picture", "musical_score", "pamphlet",
    "paper-conference", "patent", "performance", "periodical", "personal_communication", "post",
    "post-weblog", "regulation", "report", "review", "review-book", "software", "song", "speech",
    "standard", "thesis", "treaty", "webpage"}
CSL_NAME_PARTS = {"family", "given", "literal", "suffix", "dropping-particle", "non-dropping-particle"}


def test_sources_csl_json_is_valid_csl_and_matches_the_data(site):
    items = json.loads((site.site / "downloads/sources.csl.json").read_text(encoding="utf-8"))
    assert isinstance(items, list) and [i["id"] for i in items] == [s.id for s in REGISTRY.sources.values() if s.has_public_record and not s.unused]
    for item in items:
        source = REGISTRY.source(item["id"])
        kind = SOURCE_KINDS[source.kind]
        assert item["type"] == kind.csl_type and item["type"] in CSL_TYPES
        assert item["title"] == source.title and item.get("URL") == source.url
        assert item.get(kind.csl_outlet) == source.publisher
        outlet_variables = {"publisher", "container-title"} & set(item)
        assert outlet_variables == ({kind.csl_outlet} if source.publisher else set()), source.id
        for name in item.get("author", []):
            assert set(name) <= CSL_NAME_PARTS and name
        if source.author:
            assert item["author"] == [{"literal": source.author.name} if source.author.name else
                                      {"family": source.author.family, "given": source.author.given}]
        if source.accessed:
            assert "-".join(f"{p:02d}" for p in item["accessed"]["date-parts"][0]) == source.accessed.text
        if source.archive_url:
            assert f"Archived copy: {source.archive_url}." in item["note"], source.id
        if source.date:
            parts = item["issued"]["date-parts"]
            assert all(isinstance(p, int) for p in parts[0]) and 1 <= len(parts[0]) <= 3
            assert "-".join(f"{p:02d}" for p in parts[0]) == source.date.text
        else:
            assert "issued" not in item
