"""A reader's browser asks nothing of any host but the site's own, on any page."""

from __future__ import annotations

import re

import pytest

from bench.browser import settled
from tests.support import build, copy_project
from .served import foreign_requests, open_search, record_requests, serve


def visit_everything(page, paths: list[str]) -> None:
    """Load each page the way a reader uses it: read to the end, hover a note, search."""
    for path in paths:
        settled(page, path)
        notes = page.locator("a.footnote-ref")
        if notes.count():
            notes.first.hover()
        page.mouse.wheel(0, 100_000)
    open_search(page)
    page.locator(".md-search__input").press_sequentially("Hasakeh", delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_load_state("networkidle")


def test_no_page_asks_another_host_for_anything(context, served_site, site_pages):
    urls = record_requests(context, served_site)
    visit_everything(context.new_page(), site_pages)
    assert urls, "no request was recorded at all"
    assert foreign_requests(urls, served_site) == []


@pytest.mark.parametrize("url, foreign", [
    ("http://127.0.0.1:8000/essay/", False),
    ("http://127.0.0.1:8000/assets/javascripts/bundle.js", False),
    ("data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=", False),
    ("http://127.0.0.1:8001/essay/", True),        # another server on the machine
    ("https://127.0.0.1:8000/essay/", True),
    ("http://localhost:8000/essay/", True),
    ("https://fonts.googleapis.com/css?family=Roboto", True),
    ("https://api.github.com/repos/x/y", True),
    ("//fonts.gstatic.com/s/roboto.woff2", True),
])
def test_the_request_filter_tells_the_site_from_any_other_host(url, foreign):
    assert bool(foreign_requests([url], "http://127.0.0.1:8000/")) is foreign


def test_a_site_loading_a_web_font_is_caught(context, tmp_path):
    """The check above can fail: Material's default Google Fonts are seen as foreign."""
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text, count = re.subn(r"(?m)^  font: false\b.*$", "  font:\n    text: Roboto", config.read_text())
    assert count == 1, "theme.font: false not found in mkdocs.yml"
    config.write_text(text)
    with serve(tmp_path / "site") as url, pytest.MonkeyPatch.context() as env:
        env.setenv("SITE_URL", url)
        out = build(project, tmp_path / "site")
        assert out.returncode == 0, out.log
        urls = record_requests(context, url)
        context.new_page().goto(url + "essay/")
        foreign = foreign_requests(urls, url)
    assert any("fonts.googleapis.com" in u for u in foreign), urls
