"""Pagefind in service mode, fed page by page (macros/search/pagefind_service.py)."""

from __future__ import annotations

import json
from importlib import metadata

import pytest
from mkdocs.exceptions import PluginError

from macros.search.pagefind_service import PagefindService
from macros.search.index import SETTINGS
from tests.support import pagefind_fragments as fragments

PAGES = {f"/rundown/item-{n}/": f"<html lang='en'><body><article><h1>Item {n}</h1><p>Word{n} and common.</p>"
                                f"<a class='headerlink'>¶</a></article></body></html>" for n in range(3)}


def test_written_for_pagefind_1_5_2():
    # The service's messages are Pagefind's own (pagefind/service/types.py), not a
    # published interface: on another version read that file and the binary's replies again.
    assert metadata.version("pagefind") == metadata.version("pagefind-bin") == "1.5.2"


def test_every_page_added_is_indexed_at_its_address_with_its_words(tmp_path):
    service = PagefindService(SETTINGS)
    for url, html in PAGES.items():
        service.add(url, html)
    service.write(str(tmp_path / "pagefind"))()
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["version"] == "1.5.2" and entry["languages"]["en"]["page_count"] == len(PAGES)
    found = {page["url"]: page["content"] for page in fragments(tmp_path / "pagefind")}
    assert found.keys() == PAGES.keys()
    for n, url in enumerate(PAGES):
        assert f"Word{n}" in found[url] and "¶" not in found[url]


def test_a_page_added_after_the_index_was_started_is_in_it(tmp_path):
    # The build starts the index after the last page it expects (the blog's index pages
    # follow); a page that comes after all the same must not be left out of search.
    service = PagefindService(SETTINGS)
    first, *rest = PAGES.items()
    service.add(*first)
    service.build_index()
    for url, html in rest:
        service.add(url, html)
    service.write(str(tmp_path / "pagefind"))()
    assert {page["url"] for page in fragments(tmp_path / "pagefind")} == PAGES.keys()


def test_a_failure_is_told_not_waited_for(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    service = PagefindService(SETTINGS)
    service.add("/page/", PAGES["/rundown/item-0/"])
    with pytest.raises(PluginError, match="Pagefind could not index the site"):
        service.write(str(blocked / "pagefind"))()  # under a file: nothing can be written there


def test_closing_half_way_stops_the_binary():
    service = PagefindService(SETTINGS)
    service.add("/page/", PAGES["/rundown/item-0/"])
    service.close()
    assert service._process.poll() is not None
    service.close()  # again, as a failed build may


@pytest.mark.parametrize("then", ["write", "add"])
def test_a_binary_that_dies_is_told_not_waited_for(tmp_path, then):
    service = PagefindService(SETTINGS)
    service.add("/page/", PAGES["/rundown/item-0/"])
    service._process.kill()
    service._process.wait()
    with pytest.raises(PluginError, match="Pagefind could not index the site"):
        if then == "write":
            service.write(str(tmp_path / "pagefind"))()
        else:
            service.add("/other/", PAGES["/rundown/item-1/"] * 20_000)  # more than the pipe's buffer
