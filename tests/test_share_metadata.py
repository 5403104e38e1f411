"""What link previews and crawlers read beyond the head tags: each page's share card,
and the sitemap's last change of each page. Expectations come from the front matter,
the data and git, never from the output.
"""

from __future__ import annotations

import subprocess
from xml.etree import ElementTree as ET

import pytest
from PIL import Image

from tests.support import ROOT
from test_reader_meta import CORRECTIONS, SOURCES
from test_site import front_matter


@pytest.mark.parametrize("page", sorted(SOURCES))
def test_every_page_has_a_share_card_that_exists(site, page):
    """og:image points at a same-origin 1200x630 PNG in the site, with alt text."""
    soup = site.html(page)
    og = {m["property"]: m["content"] for m in soup.select("meta[property]")}
    base = site.html("index.html").select_one('link[rel="canonical"]')["href"]
    assert og["og:image"].startswith(base) and og["og:image:alt"]
    card = site.site / og["og:image"].removeprefix(base)
    with Image.open(card) as image:
        assert (image.format, image.size) == ("PNG", (1200, 630))
        assert (int(og["og:image:width"]), int(og["og:image:height"])) == image.size
    assert og["og:image:type"] == "image/png"


def _git_day(*paths: str) -> str:
    out = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%cs", "--", *paths],
                         capture_output=True, text=True, check=True).stdout.strip()
    assert out, paths
    return out


def test_sitemap_lastmod_is_each_pages_last_change(site):
    """Not the build day: `updated:` (and corrections) where a page states it, else the
    last commit of its file, or of docs/ and data/ for a page written from them."""
    tree = ET.parse(site.site / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    lastmod = {u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns)
               for u in tree.findall("s:url", ns)}
    for page, src in SOURCES.items():
        meta = front_matter(ROOT / "docs" / src)
        corrected = [c.date.text for c in CORRECTIONS if c.page == src]
        if "updated" in meta:
            expected = max([str(meta["updated"])] + corrected)
        else:
            text = (ROOT / "docs" / src).read_text(encoding="utf-8")
            written_from_others = "{{" in text or src == "rundown/index.md"  # the blog's index
            expected = max([_git_day(f"docs/{src}")] + corrected
                           + ([_git_day("docs", "data")] if written_from_others else []))
        canonical = site.html(page).select_one('link[rel="canonical"]')["href"]
        assert lastmod[canonical] == expected, page
