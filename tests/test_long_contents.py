"""A page's contents list names a section's entries only while they are few
(macros/pages/long_contents.py; the limit is mkdocs.yml's extra.contents.entries_limit)."""

from __future__ import annotations

import markdown
from mkdocs.structure.toc import get_toc

from macros.pages.long_contents import trimmed
from macros.registry.loading import load_registry
from tests.support import ROOT, build, edit

LIMIT = 5


def toc_of(text: str):
    md = markdown.Markdown(extensions=["toc"])
    md.convert(text)
    return get_toc(md.toc_tokens)


def test_a_section_with_more_entries_than_the_limit_keeps_its_heading_only():
    many = "".join(f"### Entry {i}\n\n" for i in range(LIMIT + 1))
    few = "".join(f"### Item {i}\n\n" for i in range(3))
    toc = trimmed(toc_of(f"# Page\n\n## Many\n\n{many}## Few\n\n{few}"), LIMIT)
    (page,) = list(toc)
    sections = {s.title: [c.title for c in s.children] for s in page.children}
    assert sections == {"Many": [], "Few": ["Item 0", "Item 1", "Item 2"]}
    exactly = toc_of("# P\n\n## S\n\n" + "".join(f"### E{i}\n\n" for i in range(LIMIT)))
    assert len(list(trimmed(exactly, LIMIT))[0].children[0].children) == LIMIT


def test_the_figures_page_contents_still_list_every_figure_of_this_edition(site):
    """At this edition's size nothing is trimmed: each figure is one click from the sidebar."""
    toc = site.html("figures/index.html").select_one("nav.md-nav--secondary")
    listed = {a["href"].split("#", 1)[1] for a in toc.select("a[href*='#']")}
    assert set(load_registry(ROOT).figures) <= listed


def test_the_build_trims_by_the_limit_mkdocs_yml_sets(project):
    """With `extra.contents.entries_limit` below this edition's figure count, the figures
    page's contents keep the section heading and drop its entries; the entries stay."""
    edit(project / "mkdocs.yml", "    entries_limit: 60 ", "    entries_limit: 3 ")
    out = build(project)
    assert out.returncode == 0, out.log
    soup = out.html("figures/index.html")
    toc = soup.select_one("nav.md-nav--secondary")
    listed = {a["href"].split("#", 1)[1] for a in toc.select("a[href*='#']")}
    assert "every-figure" in listed and not set(load_registry(ROOT).figures) & listed
    assert all(soup.find(id=f) for f in load_registry(ROOT).figures)
