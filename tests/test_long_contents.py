"""A page's contents list names a section's entries only while they are few (hooks/long_contents.py)."""

from __future__ import annotations

import markdown
from mkdocs.structure.toc import get_toc

from hooks.long_contents import ENTRIES_LIMIT, trimmed
from macros.loading import load_registry

from conftest import ROOT


def toc_of(text: str):
    md = markdown.Markdown(extensions=["toc"])
    md.convert(text)
    return get_toc(md.toc_tokens)


def test_a_section_with_more_entries_than_the_limit_keeps_its_heading_only():
    many = "".join(f"### Entry {i}\n\n" for i in range(ENTRIES_LIMIT + 1))
    few = "".join(f"### Item {i}\n\n" for i in range(3))
    toc = trimmed(toc_of(f"# Page\n\n## Many\n\n{many}## Few\n\n{few}"))
    (page,) = list(toc)
    sections = {s.title: [c.title for c in s.children] for s in page.children}
    assert sections == {"Many": [], "Few": ["Item 0", "Item 1", "Item 2"]}
    exactly = toc_of("# P\n\n## S\n\n" + "".join(f"### E{i}\n\n" for i in range(ENTRIES_LIMIT)))
    assert len(list(trimmed(exactly))[0].children[0].children) == ENTRIES_LIMIT


def test_the_figures_page_contents_still_list_every_figure_of_this_edition(site):
    """At this edition's size nothing is trimmed: each figure is one click from the sidebar."""
    toc = site.html("figures/index.html").select_one("nav.md-nav--secondary")
    listed = {a["href"].split("#", 1)[1] for a in toc.select("a[href*='#']")}
    assert set(load_registry(ROOT).figures) <= listed
