"""The links the build writes as HTML (the figures and sources lists' bodies), against
MkDocs' own files, pages and anchor check: they must reach the page MkDocs would link,
and a link to a missing page or anchor must fail a strict build as a Markdown link does."""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from macros.pages.links import PageLinks


def site(tmp_path):
    config = MkDocsConfig()
    config.load_dict({"site_name": "t", "docs_dir": str(tmp_path)})
    assert config.validate() == ([], [])
    files = Files([File(path, str(tmp_path), str(tmp_path / "site"), True)
                   for path in ("figures-2.md", "essay.md", "rundown/posts/item.md")])
    pages = {f.src_uri: Page(None, f, config) for f in files}
    for page in pages.values():
        page.present_anchor_ids, page.links_to_anchors = set(), {}
    pages["essay.md"].present_anchor_ids = {"fig-a-1"}
    pages["figures-2.md"].present_anchor_ids = {"a"}
    return config, files, pages


def test_links_reach_what_mkdocs_would_link(tmp_path):
    config, files, _pages = site(tmp_path)
    href = PageLinks("figures-2.md", files, config).href
    assert href("essay.md#fig-a-1") == "../essay/#fig-a-1"
    assert href("rundown/posts/item.md#fig-b-2") == "../rundown/posts/item/#fig-b-2"
    assert href("#a") == "#a" and href("essay.md") == "../essay/"


def test_a_missing_anchor_or_page_is_a_warning_strict_fails_on(tmp_path, caplog):
    config, files, pages = site(tmp_path)
    links = PageLinks("figures-2.md", files, config)
    with caplog.at_level(logging.INFO):
        assert links.href("gone.md#x") == "gone.md#x"
        links.href("essay.md#fig-a-1")
        links.href("essay.md#fig-a-9")
        links.href("#a")
        links.href("#b")
        links.hand_to(pages["figures-2.md"])
        pages["figures-2.md"].validate_anchor_links(files=files, log_level=logging.WARNING)
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warned) == 3, warned
    assert "'gone.md#x'" in warned[0] and "not found" in warned[0]
    assert "'essay.md#fig-a-9'" in warned[1] and "#b" in warned[2]


def test_a_list_page_that_is_not_built_warns_of_nothing(tmp_path, caplog):
    """A preview builds the lists' first pages only: the others' links are never published."""
    config, files, _pages = site(tmp_path)
    with caplog.at_level(logging.INFO):
        assert PageLinks("figures-9.md", files, config).href("gone.md#x") == "gone.md#x"
    assert not caplog.records
