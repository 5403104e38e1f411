"""What link previews and crawlers read beyond the head tags: each page's share card,
and the sitemap's last change of each page. Expectations come from the front matter,
the data and git, never from the output.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
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
    out = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--first-parent", "--format=%cs", "--", *paths],
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


def _commit(repo, day: str, name: str) -> None:
    (repo / "docs").mkdir(exist_ok=True)
    (repo / "docs" / name).write_text(day, encoding="utf-8")
    env = {"GIT_AUTHOR_DATE": f"{day}T12:00:00Z", "GIT_COMMITTER_DATE": f"{day}T12:00:00Z",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org", "PATH": os.environ["PATH"]}
    for args in (["add", "-A"], ["commit", "-q", "-m", name]):
        subprocess.run(["git", "-C", str(repo), *args], check=True, env=env)


def test_git_days_are_each_files_last_commit_and_unknown_in_a_shallow_clone(tmp_path):
    from macros.meta.last_change import git_days, page_day

    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    _commit(repo, "2024-01-02", "a.md")
    _commit(repo, "2024-03-04", "b.md")
    days = git_days(repo)
    assert days == {"docs/a.md": "2024-01-02", "docs/b.md": "2024-03-04"}
    assert page_day("a.md", None, False, days) == "2024-01-02"
    assert page_day("a.md", None, True, days) == "2024-03-04"  # written from others: the newest
    assert page_day("a.md", "2025-05-05", True, days) == "2025-05-05"  # updated: is its word
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)], check=True)
    assert git_days(shallow) == {} and git_days(tmp_path) == {}  # no history, no date...
    assert page_day("a.md", None, False, {}) is None
    assert page_day("a.md", None, False, {}, "2024-05-06") == "2024-05-06"  # ...but SOURCE_DATE_EPOCH's


def test_a_copy_outside_git_dates_its_pages_by_source_date_epoch_never_by_the_clock(project, tmp_path):
    """The sitemap of a build outside git: no lastmod, or SOURCE_DATE_EPOCH's day where it is set."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1", PREVIEW_ITEMS="0", GITHUB_ACTIONS="")
    env.pop("SOURCE_DATE_EPOCH", None)

    def lastmods(site: str, **extra) -> set[str]:
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / site)],
                       cwd=project, env=dict(env, **extra), check=True, capture_output=True)
        sitemap = (tmp_path / site / "sitemap.xml").read_text(encoding="utf-8")
        return set(re.findall(r"<lastmod>([^<]*)</lastmod>", sitemap))

    dated = {line.split(":", 1)[1].strip() for page in (project / "docs").rglob("*.md")
             for line in page.read_text(encoding="utf-8").splitlines() if line.startswith("updated:")}
    assert lastmods("plain") == dated  # only the pages that say when they changed
    assert lastmods("epoch", SOURCE_DATE_EPOCH="1700000000") == dated | {"2023-11-14"}
