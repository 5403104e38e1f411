"""The data pages as a reader gets them: figures, sources, timeline, charts, and the links
to the downloads (whose content is tested in test_downloads.py).

Each test reads the built site and compares it with data/ loaded the way the build
loads it (`load_registry`), never with text copied from the output.
"""

from __future__ import annotations

import json
import posixpath
import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from macros.render.formatting import format_exact, format_partial_date, format_value
from macros.registry.loading import load_registry

from tests.support import ROOT, build, figure_id

REGISTRY = load_registry(ROOT)
DATA_PAGES = ("figures/index.html", "sources/index.html", "timeline/index.html", "charts/index.html")
DOWNLOADS = ("downloads/figures.csv", "downloads/datapackage.json", "downloads/figures.json",
             "downloads/sources.bib", "downloads/sources.csl.json")
SVG = "{http://www.w3.org/2000/svg}"


def resolve(page: str, href: str) -> tuple[str, str]:
    """The site file and fragment a relative link on `page` leads to."""
    parts = urlsplit(href)
    assert not parts.scheme and not parts.netloc, href
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page), parts.path)) if parts.path else page
    if parts.path.endswith("/") or not parts.path:
        path = path if path.endswith(".html") else posixpath.join(path, "index.html")
    return path, parts.fragment


def site_path(site, file: str, href: str) -> tuple[str, str]:
    """The built file and fragment `href`, read in the download `file`, leads to: resolved
    against the file's published URL, as a reader's tool resolves it."""
    base = site.html("index.html").select_one('link[rel="canonical"]')["href"]
    target = urljoin(base + file, href)
    assert target.startswith(base), (href, target)
    return resolve("index.html", target.removeprefix(base))


def entry(soup, item_id: str) -> dict[str, object]:
    """A figure or source entry: its heading, then {term: <dd> element} of the list after it."""
    heading = soup.find(id=item_id)
    assert heading is not None and heading.name == "h3", item_id
    terms = heading.find_next_sibling("dl")
    return {dt.get_text(strip=True): dt.find_next_sibling("dd") for dt in terms.find_all("dt")}


def test_data_pages_are_in_the_navigation(site):
    nav = site.html("index.html").select_one("nav.md-nav--primary")
    linked = {a["href"].strip("./") for a in nav.select("a[href]")}
    assert {"figures", "sources", "timeline", "charts"} <= {h.split("/")[0] for h in linked}


def test_figures_page_has_an_entry_for_every_figure(site):
    soup = site.html("figures/index.html")
    for figure in REGISTRY.figures.values():
        items = entry(soup, figure.id)
        assert items["In the text"].get_text(strip=True) == figure.written
        assert items["Exact value"].get_text(strip=True) == format_exact(figure)
        assert items["Scope"].get_text(" ", strip=True) == figure.scope
        as_of = format_partial_date(figure.as_of) if figure.as_of else "not known"
        assert items["As of"].get_text(strip=True) == as_of
        sources = items.get("Source") or items["Sources"]
        links = {a["href"] for a in sources.select("a[href]")}
        assert {s.url for s in REGISTRY.sources_of(figure) if s.url} <= links, figure.id
        if figure.note:
            assert " ".join(figure.note.split()) in items["Editor’s note"].get_text(" ", strip=True)


def test_used_in_links_reach_every_use_and_only_uses(site):
    """Each link lands on the figure's span; every figure span in the text is linked."""
    soup = site.html("figures/index.html")
    linked = set()
    for figure in REGISTRY.figures.values():
        for a in entry(soup, figure.id)["Used in"].select("a[href]"):
            path, anchor = resolve("figures/index.html", a["href"])
            target = site.html(path).find(id=anchor)
            assert target is not None, (figure.id, a["href"])
            assert target.name == "span" and figure_id(target) == figure.id, a["href"]
            quoted = a.find_parent("li").strong  # the excerpt shows the figure as the text does
            assert quoted is not None and quoted.get_text() == format_value(figure), a["href"]
            linked.add((path, anchor))
    spans = set()
    for page in site.site.rglob("*.html"):
        path = page.relative_to(site.site).as_posix()
        if path not in DATA_PAGES:
            spans |= {(path, s["id"]) for s in site.html(path).select("span.fig")}
    assert spans and linked == spans


def test_a_figure_used_twice_links_to_both_places(site):
    items = entry(site.html("figures/index.html"), "isis-families")
    hrefs = [a["href"] for a in items["Used in"].select("a")]
    assert [resolve("figures/index.html", h) for h in hrefs] == [
        ("essay/index.html", "fig-isis-families-1"), ("essay/index.html", "fig-isis-families-2")]


def test_competing_estimates_are_side_by_side_with_dates_and_scopes(site):
    soup = site.html("figures/index.html")
    groups = {}
    for figure in REGISTRY.figures.values():
        if figure.quantity:
            groups.setdefault(figure.quantity, []).append(figure)
    assert any(len(g) > 1 for g in groups.values())
    for quantity, figures in groups.items():
        if len(figures) < 2:
            continue
        heading = soup.find(id=f"quantity-{quantity}")
        assert heading.get_text(" ", strip=True).removesuffix("¶").strip() == \
            f"Estimates of {REGISTRY.quantities[quantity].label}"
        table = heading.find_next("table")
        rows = {tr.a["href"].lstrip("#"): [td.get_text(" ", strip=True) for td in tr.find_all("td")]
                for tr in table.select("tbody tr")}
        assert set(rows) == {f.id for f in figures}
        for f in figures:
            source = REGISTRY.sources_of(f)[0]
            assert rows[f.id][0] == format_value(f)
            assert rows[f.id][1] == f"{source.publisher or source.title}, {format_partial_date(f.as_of)}"
            assert rows[f.id][2] == f.scope
        for f in figures:  # and each entry points to the others
            others = entry(soup, f.id)["Competing estimates"]
            assert {a["href"].lstrip("#") for a in others.select("a")} == {g.id for g in figures} - {f.id}


def test_sources_page_lists_every_source_and_labels_attributions(site):
    soup = site.html("sources/index.html")
    for source in REGISTRY.sources.values():
        items = entry(soup, source.id)
        kind = items["Kind"].get_text(" ", strip=True)
        labelled = kind == "attributed in the essay; no public record located"
        assert labelled == (source.kind == "attribution"), source.id
        # What the essay does not cite (a later copy's teaser, kept on record) is never
        # called the essay's own account.
        assert not (source.unused and "essay’s own account" in kind), (source.id, kind)
        assert items["Author"].get_text(" ", strip=True) == (str(source.author) if source.author else "not known")
        assert items["Publisher"].get_text(" ", strip=True) == (source.publisher or "not known")
        assert items["Date"].get_text(strip=True) == (format_partial_date(source.date) if source.date
                                                      else "not known")
        links = [a["href"] for a in items["Link"].select("a")]
        assert links == ([source.url] if source.url else [])
        # Where the address rots, the day it was read and a copy kept elsewhere.
        accessed = items.get("Accessed")
        assert (accessed.get_text(strip=True) if accessed else None) == \
            (format_partial_date(source.accessed) if source.accessed else None), source.id
        archived = items.get("Archived copy")
        assert ([a["href"] for a in archived.select("a")] if archived else []) == \
            ([source.archive_url] if source.archive_url else []), source.id
        if source.url and not source.archive:
            day = source.accessed.text.replace("-", "")
            assert source.archive_url == f"https://web.archive.org/web/{day}/{source.url}"


def test_each_source_lists_the_figures_and_places_that_cite_it(site):
    soup = site.html("sources/index.html")
    for source in REGISTRY.sources.values():
        items = entry(soup, source.id)
        figures = {f.id for f in REGISTRY.figures.values() if source.id in f.sources}
        listed = {resolve("sources/index.html", a["href"]) for a in
                  items["Figures citing it"].select("a")} if figures else set()
        assert listed == {("figures/index.html", f) for f in figures}, source.id
        places = [resolve("sources/index.html", a["href"]) for a in items["Cited in"].select("a")]
        assert bool(places) == (not source.unused), source.id
        for path, anchor in places:
            target = site.html(path).find(id=anchor)
            assert target is not None, (source.id, path, anchor)
            # the place is a figure from this source, or this source's own footnote reference
            cites = (target.name == "span" and figure_id(target) in figures) or anchor.endswith(f":src-{source.id}")
            assert cites, (source.id, anchor)


def test_both_pages_link_to_every_download_and_the_files_exist(site):
    for page in ("figures/index.html", "sources/index.html"):
        hrefs = {resolve(page, a["href"])[0] for a in site.html(page).select("article a[href*='downloads/']")}
        assert hrefs == set(DOWNLOADS), page
    for name in DOWNLOADS:
        assert (site.site / name).stat().st_size > 0


def test_timeline_lists_every_event_in_date_order_with_its_note(site):
    soup = site.html("timeline/index.html")
    article = soup.select_one("article")
    times = article.select("li time[datetime]")
    events = {f.id: f for f in REGISTRY.figures.values() if f.event}
    shown = [figure_id(li.find_parent("li").select_one("span.fig")) for li in times]
    assert sorted(shown) == sorted(events)
    dates = [t["datetime"] for t in times]
    assert dates == sorted(dates)
    for fid, stamp in zip(shown, dates):
        figure = events[fid]
        first = figure.value.low if hasattr(figure.value, "low") else figure.value
        assert stamp == first.text
        note = soup.find(id=f"fn:fig-{fid}")
        assert note is not None, fid
        urls = {s.url for s in REGISTRY.sources_of(figure) if s.url}
        assert urls <= {a["href"] for a in note.select("a[href^=http]")}


def charts(site) -> list[tuple[ET.Element, object]]:
    """Each chart's SVG, parsed as XML, with the figure element holding it."""
    soup = site.html("charts/index.html")
    found = []
    for figure in soup.select("figure.data-chart"):
        svg = figure.find("svg")
        found.append((ET.fromstring(str(svg)), figure))
    return found


def test_charts_are_valid_accessible_svg_carrying_the_data(site):
    from macros.pages.charts import CHARTS, drawn

    svgs = charts(site)
    assert len(svgs) >= 2
    assert {f["id"] for _, f in svgs} == set(CHARTS)
    for root, holder in svgs:
        title_text, figures = drawn(CHARTS[holder["id"]], REGISTRY)
        assert root.tag == f"{SVG}svg" and root.get("role") == "img"
        title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
        assert title.text == title_text == holder.figcaption.get_text() and desc.text
        assert root.get("aria-labelledby").split() == [title.get("id"), desc.get("id")]
        bars = root.findall(f".//{SVG}rect[@class='bar']")
        assert [float(b.get("data-value")) for b in bars] == [f.value for f in figures]
        widths = [float(b.get("width")) for b in bars]  # bars in proportion to their values
        for bar, f in zip(widths, figures):
            assert abs(bar / max(widths) - f.value / max(g.value for g in figures)) < 0.01
        texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
        for f in figures:
            assert format_exact(f) in texts and format_exact(f) in desc.text
        assert not root.findall(f".//{SVG}script") and "javascript" not in str(holder).lower()


def test_each_chart_has_its_numbers_as_a_table(site):
    from macros.pages.charts import CHARTS, drawn

    for _root, holder in charts(site):
        table = holder.find_next("table")
        rows = table.select("tbody tr")
        figures = drawn(CHARTS[holder["id"]], REGISTRY)[1]
        assert [r.a["href"].split("#")[1] for r in rows] == [f.id for f in figures]
        assert [r.find_all("td")[1].get_text(strip=True) for r in rows] == [format_exact(f) for f in figures]


def test_a_chart_of_a_quantitys_estimates_draws_each_under_the_quantitys_label(site):
    """Its title and caption are the data's words for the quantity, and its bars every
    figure estimating it, oldest first: a new estimate in the data joins the chart."""
    estimated = {f.quantity for f in REGISTRY.figures.values() if f.quantity}
    drawn_any = False
    for root, holder in charts(site):
        labels = [q for q in estimated if REGISTRY.quantities[q].label in root.find(f"{SVG}title").text]
        if not labels:
            continue
        drawn_any = True
        (quantity,) = labels
        assert REGISTRY.quantities[quantity].label in holder.figcaption.get_text()
        estimates = sorted((f for f in REGISTRY.figures.values() if f.quantity == quantity),
                           key=lambda f: f.as_of.text if f.as_of else "")
        bars = root.findall(f".//{SVG}rect[@class='bar']")
        assert [float(b.get("data-value")) for b in bars] == [f.value for f in estimates]
    assert drawn_any


def test_the_figures_page_and_the_chart_print_the_label_the_data_gives_a_quantity(project):
    quantities = project / "data" / "quantities.yml"
    text = quantities.read_text(encoding="utf-8")
    quantity = next(f.quantity for f in REGISTRY.figures.values() if f.quantity)
    old = f"  {quantity}:\n    label: {REGISTRY.quantities[quantity].label}\n"
    assert old in text
    quantities.write_text(text.replace(old, f"  {quantity}:\n    label: people held, as an edited label\n"),
                          encoding="utf-8")
    out = build(project)
    assert out.returncode == 0, out.log
    heading = out.html("figures/index.html").find(id=f"quantity-{quantity}")
    assert "Estimates of people held, as an edited label" in heading.get_text()
    titles = [(root.find(f"{SVG}title").text, holder.figcaption.get_text()) for root, holder in charts(out)]
    assert any("people held, as an edited label" in t and "people held, as an edited label" in c for t, c in titles)


def test_a_chart_whose_estimates_are_all_zero_draws_them(project):
    """0 is a count a source can give: every estimate of a quantity at 0 still builds, and
    its chart draws each bar as the stub that shows it is there, and says 0."""
    quantity = next(f.quantity for f in REGISTRY.figures.values() if f.quantity)
    estimates = [f for f in REGISTRY.figures.values() if f.quantity == quantity]
    figures = project / "data" / "figures.yml"
    lines = figures.read_text(encoding="utf-8").split("\n")
    for figure in estimates:
        assert isinstance(figure.value, (int, float)), figure  # one number on its line, no range
        at = lines.index(f"  {figure.id}:")
        value = next(i for i in range(at, len(lines)) if lines[i].startswith("    value:"))
        lines[value] = "    value: 0"
    figures.write_text("\n".join(lines), encoding="utf-8")
    out = build(project)
    assert out.returncode == 0, out.log
    (root, _holder), = [(r, h) for r, h in charts(out)
                        if REGISTRY.quantities[quantity].label in r.find(f"{SVG}title").text]
    bars = root.findall(f".//{SVG}rect[@class='bar']")
    assert len(bars) == len(estimates) and {b.get("width") for b in bars} == {"1.0"}
    values = [t.text for t in root.findall(f".//{SVG}text[@font-weight='bold']")]
    assert values == ["0"] * len(estimates)


def test_readers_never_see_a_quantitys_id(site):
    """A quantity is named by its label: its id, the data's key, is on no page's text."""
    ids = set(REGISTRY.quantities)
    assert ids
    for page in site.site.rglob("*.html"):
        text = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").get_text(" ")
        assert not [i for i in ids if i in text], page


def test_data_text_is_escaped_on_every_data_page_and_download(project):
    figures = project / "data" / "figures.yml"
    text = figures.read_text(encoding="utf-8")
    # Markup and Markdown are printed as text. Template code never gets this far: the
    # loader refuses it on its line (tests/test_bad_input.py, macro-in-data).
    hostile = '<script>alert(1)</script> *x* <b>y</b>'
    assert "label: Iraqis internally displaced\n" in text
    text = text.replace("label: Iraqis internally displaced\n", f"label: '{hostile}'\n", 1)
    figures.write_text(text, encoding="utf-8")
    out = build(project)
    assert out.returncode == 0, out.log
    for page in DATA_PAGES:
        soup = out.html(page)
        assert not soup.select("article script"), page
    assert hostile in out.html("figures/index.html").find(id="idps-iraq").get_text()
    svg = charts(out)[1][0]
    assert hostile in svg.find(f"{SVG}desc").text
    assert hostile in (out.site / "downloads/figures.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize("where", ["```\n{{ fig('detainees-hrw') }}\n```", "<!-- {{ fig('detainees-hrw') }} -->",
                                   "[a link]({{ fig('detainees-hrw') }})"])
def test_a_use_no_reader_can_reach_stops_the_build_saying_where(project, where):
    """A figure in code, a comment or a link's address renders, but not as an element the
    figures page could link to: the build refuses it at its line."""
    essay = project / "docs" / "essay.md"
    text = essay.read_text(encoding="utf-8") + f"\n\n{where}\n"
    essay.write_text(text, encoding="utf-8")
    added = where.splitlines()
    line = len(text.splitlines()) - len(added) + 1 + next(i for i, t in enumerate(added) if "fig(" in t)
    out = build(project)
    assert out.returncode != 0
    assert f"docs/essay.md:{line}: {{{{ fig('detainees-hrw') }}}} is written where no reader can reach it" in out.log, \
        out.log


def test_an_unknown_chart_stops_the_build_and_says_where(project):
    charts_page = project / "docs" / "charts.md"
    text = charts_page.read_text(encoding="utf-8")
    assert "chart('iraq-displacement')" in text
    charts_page.write_text(text.replace("chart('iraq-displacement')", "chart('iraq-displacment')"), encoding="utf-8")
    line = next(n for n, l in enumerate(charts_page.read_text(encoding="utf-8").splitlines(), 1)
                if "iraq-displacment" in l)
    out = build(project)
    assert out.returncode != 0
    assert f"docs/charts.md:{line}" in out.log and "did you mean 'iraq-displacement'" in out.log, out.log


def test_long_lists_go_on_over_linked_pages_each_entry_once(project):
    """Past extra.data_pages.per_page entries the figures and sources lists continue on
    figures-2/, sources-2/, ...: every entry on exactly one page, in order, the pages
    chained by their pagers, and every link to an entry (checked by --strict) landing."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "    per_page: 50 " in text
    config.write_text(text.replace("    per_page: 50 ", "    per_page: 3 "), encoding="utf-8")
    out = build(project)
    assert out.returncode == 0, out.log
    for base, expected in (("figures", list(REGISTRY.figures)), ("sources", list(REGISTRY.sources))):
        pages = [f"{base}/index.html"] + [f"{base}-{n}/index.html"
                                          for n in range(2, -(-len(expected) // 3) + 1)]
        listed, where = [], {}
        for number, page in enumerate(pages, 1):
            soup = out.html(page)
            ids = [h["id"] for h in soup.select("article .data-entry > h3[id]")]
            assert 0 < len(ids) <= 3, page
            listed += ids
            where.update(dict.fromkeys(ids, page))
            pager = soup.select("article .data-pager")
            assert len(pager) == 2, page  # above and below the entries
            hrefs = [resolve(page, a["href"])[0] for a in pager[0].select("a")]
            assert hrefs == pages[max(number - 2, 0):number - 1] + pages[number:number + 1], page
        assert not (out.site / f"{base}-{len(pages) + 1}").exists()
        assert sorted(listed) == sorted(expected) and len(listed) == len(set(listed)), base
        if base == "figures":
            assert listed == expected  # data order
            records = json.loads((out.site / "downloads/figures.json").read_text(encoding="utf-8"))
            for record in records:
                path, anchor = site_path(out, "downloads/figures.json", record["page"])
                assert (path, anchor) == (where[record["id"]], record["id"])


def test_a_per_page_that_is_not_a_whole_number_stops_the_build(project):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("    per_page: 50 ", "    per_page: 0 "),
                      encoding="utf-8")
    out = build(project)
    assert out.returncode != 0
    assert "mkdocs.yml" in out.log and "extra.data_pages.per_page: 0 is not a whole number" in out.log, out.log


def test_a_page_named_like_a_list_page_stops_the_build(project):
    """A contributor's docs/figures-2.md would be replaced by the list's page 2 unseen."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("    per_page: 50 ", "    per_page: 3 "),
                      encoding="utf-8")
    (project / "docs" / "figures-2.md").write_text("# My page\n", encoding="utf-8")
    out = build(project)
    assert out.returncode != 0
    assert "docs/figures-2.md: this name is taken by page 2 of the figures list" in out.log, out.log


BLOCK_TAGS = ("p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6")


def reading(element) -> str:
    """An element's words as a reader reads them: no note numbers, no permalink marks."""
    element = BeautifulSoup(str(element), "html.parser")
    for silent in element.select("sup[id^=fnref], a.headerlink"):
        silent.decompose()
    return " ".join(element.get_text().split())


def test_a_figure_in_any_block_links_to_the_block_its_excerpt_quotes(project):
    """A figure in a heading, a list item, a table cell, an admonition and a blockquote:
    each "Used in" link lands on an element whose own block holds the quoted words."""
    placed = {
        "hasakeh-uprising": "## Why {{ fig('hasakeh-uprising') }} matters",
        "detainees-hrw": "- a list item holding {{ fig('detainees-hrw') }} and more words",
        "qurashi-raid": "| Event | Date |\n|---|---|\n| the raid | on {{ fig('qurashi-raid') }} that night |",
        "idps-iraq": '!!! note "Aside"\n    An admonition quoting {{ fig(\'idps-iraq\') }} displaced people.',
        "baghouz-fall": "> A quotation with {{ fig('baghouz-fall') }} inside it",
    }
    essay = project / "docs" / "essay.md"
    text = essay.read_text(encoding="utf-8")
    essay.write_text(text.replace("{{ summary() }}\n", "{{ summary() }}\n\n" + "\n\n".join(placed.values()) + "\n", 1),
                     encoding="utf-8")
    out = build(project)
    assert out.returncode == 0, out.log
    soup = out.html("figures/index.html")
    checked = set()
    for figure in REGISTRY.figures.values():
        for item in entry(soup, figure.id)["Used in"].select("li"):
            path, anchor = resolve("figures/index.html", item.a["href"])
            target = out.html(path).find(id=anchor)
            assert target is not None, item.a["href"]
            block = target.find_parent(BLOCK_TAGS)
            quote = " ".join(item.span.get_text().strip("“”").strip("…").split())
            assert quote in reading(block), (anchor, quote, reading(block))
            assert item.span.strong.get_text() == target.get_text(), anchor
            checked.add((figure.id, block.name))
    assert {("hasakeh-uprising", "h2"), ("detainees-hrw", "li"), ("qurashi-raid", "td"),
            ("idps-iraq", "p"), ("baghouz-fall", "p")} <= checked


def test_a_range_on_a_chart_is_drawn_as_a_range(project):
    """A figure's value may be a range (CONTRIBUTING); on a chart its bar runs to the low
    end and a fainter one on to the high end, labelled as the figures page writes it."""
    from tests.support import edit
    edit(project / "data" / "figures.yml", "value: 64000", "value: {low: 60000, high: 68000}")
    out = build(project)
    assert out.returncode == 0, out.log
    page = out.html("charts/index.html")
    svg = ET.fromstring(str(page.select_one("figure#detainee-estimates svg")))
    low = [b for b in svg.findall(f".//{SVG}rect[@class='bar']") if b.get("data-value") == "60000"]
    high = svg.findall(f".//{SVG}rect[@class='bar-range']")
    assert len(low) == 1 and [b.get("data-value") for b in high] == ["68000"]
    assert abs(float(high[0].get("x")) - (float(low[0].get("x")) + float(low[0].get("width")))) < 0.2
    assert "60,000–68,000" in " ".join(t.text or "" for t in svg.iter(f"{SVG}text"))
