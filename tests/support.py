"""What the tests share: the project, a strict build of it, and hand-made data.

Tests import from here (`from tests.support import ...`); tests/conftest.py only
turns these into fixtures.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import material

from bench.project import ROOT, copy_project  # noqa: F401 (copy_project: for the tests)
from macros.registry.model import Figure, Registry, Source

# Material's own templates, as the pinned package ships them: what overrides/ copies or leans on.
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"

# --- Building the project -------------------------------------------------------


@dataclass
class Build:
    """The outcome of one `mkdocs build --strict`: exit code, log, and the site folder."""

    returncode: int
    log: str
    site: Path

    def html(self, page: str) -> BeautifulSoup:
        return BeautifulSoup((self.site / page).read_text(encoding="utf-8"), "html.parser")


def figure_id(span) -> str:
    """The figure a `span.fig` in a built page shows: the one whose note its link opens."""
    return span.a["href"].removeprefix("#fn:fig-")


def figure_spans(soup: BeautifulSoup, fid: str) -> list:
    """Every use of figure `fid` in a built page."""
    return [span for span in soup.select("span.fig") if figure_id(span) == fid]


def build(project: Path, site: Path | None = None, preview: int = 0) -> Build:
    """Build `project` the way `make build` does (strict), into `site`; with `preview`, the
    preview `make serve` builds (macros/preview.py), not strict, as there."""
    site = site or project / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1", PREVIEW_ITEMS=str(preview))
    if project != ROOT:  # a copy's mistakes are the test's own, not to be shown on the pull request's lines
        env["GITHUB_ACTIONS"] = ""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *([] if preview else ["--strict"]), "--site-dir", str(site)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )
    return Build(result.returncode, result.stdout + result.stderr, site)


def site_files(site: Path) -> dict[Path, bytes]:
    """Every file of a built site and its bytes."""
    return {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def missing(what: str, how: str) -> None:
    """Skip a test whose tool is missing, or fail it on CI, where it must run."""
    message = f"{what} is missing: {how}"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message + " (CI=true: no check may be skipped)", pytrace=False)
    pytest.skip(message)


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace `old` in the file at `path`; fail if it is not there (the edit would prove nothing)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}: the case no longer changes anything"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def edit_line(path: Path, pattern: str, new: str) -> None:
    """Replace the first line matching `pattern` (a regular expression), whatever it holds
    today (a page's `updated:` day); fail if none does."""
    text = path.read_text(encoding="utf-8")
    changed, count = re.subn(pattern, new, text, count=1, flags=re.M)
    assert count, f"{pattern!r} matches no line of {path}: the case no longer changes anything"
    path.write_text(changed, encoding="utf-8")


def pagefind_fragments(output: Path) -> list[dict]:
    """Each page in the Pagefind index at `output`, as the search in the browser reads
    it (gzip, then a header, then JSON: its url, content, ...)."""
    return [json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
            for path in (output / "fragment").iterdir()]


# --- Hand-made data: the one factory ---------------------------------------------


def source(sid: str = "s", title: str | None = None, kind: str = "report", **fields) -> Source:
    """A source; any field of Source may be given."""
    return Source(id=sid, title=f"Report {sid}" if title is None else title, kind=kind, **fields)


def figure(fid: str = "a", value=45000, fmt: str = "number", **fields) -> Figure:
    """A figure counting people, citing source 's'; any field of Figure may be given."""
    defaults = dict(label=f"Label {fid}", unit="people", written="-", sources=("s",), scope="Here")
    return Figure(id=fid, value=value, format=fmt, **{**defaults, **fields})


def registry(*items: Figure | Source, flags=()) -> Registry:
    """A registry of the figures and sources given (and source 's' if none is)."""
    sources = {i.id: i for i in items if isinstance(i, Source)} or {"s": source()}
    return Registry(sources=sources, figures={i.id: i for i in items if isinstance(i, Figure)},
                    flags=list(flags))


def article_pages() -> dict[str, str]:
    """The essay and the Rundown items, from their front matter: address ("/essay/") -> title."""
    from macros.checks.front_matter import read

    docs = ROOT / "docs"
    found = {"/essay/": read(docs / "essay.md", "docs/essay.md").meta["title"]}
    for post in sorted((docs / "rundown" / "posts").glob("*.md")):
        meta = read(post, post.name).meta
        found[f"/rundown/{meta['slug']}/"] = meta["title"]
    return found
