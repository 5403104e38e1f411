"""The preview `make serve` builds at scale (macros/preview.py): the item being edited and
every page but the other items, said so on screen; the full build is untouched."""

from __future__ import annotations

import os
import time

import pytest

from macros.errors import DataError
from macros.options import options
from tests.support import build

POSTS = "docs/rundown/posts"
BANNER = ".preview-banner"


def test_a_preview_builds_the_item_saved_last_and_every_other_kind_of_page(project):
    posts = sorted((project / POSTS).glob("*.md"))
    assert len(posts) >= 2
    edited = posts[0]
    later = time.time() + 10
    os.utime(edited, (later, later))  # saved last
    out = build(project, preview=1)
    assert out.returncode == 0, out.log
    built = {p.name for p in (out.site / "rundown").iterdir() if (p / "index.html").exists()}
    assert built == {edited.stem}, built
    for page in ("index.html", "essay/index.html", "rundown/index.html", "figures/index.html",
                 "sources/index.html", "timeline/index.html", "about/index.html"):
        banner = out.html(page).select_one(BANNER)
        assert banner and f"1 of {len(posts)} Rundown items" in banner.get_text(), page
    assert not (out.site / "downloads").exists()
    assert (out.site / "pagefind" / "pagefind.js").exists()


def test_the_full_build_says_nothing_of_a_preview(site):
    for page in ("index.html", "essay/index.html", "rundown/lebanon-unsolved-murders/index.html"):
        assert site.html(page).select_one(BANNER) is None, page
    assert (site.site / "downloads" / "figures.csv").exists()


@pytest.mark.parametrize("value", [-1, "ten", 1.5, True])
def test_a_wrong_preview_option_is_named(value):
    with pytest.raises(DataError, match="extra.preview"):
        options({"preview": value})
