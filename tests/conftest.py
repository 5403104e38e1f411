"""Shared helpers: copy the project somewhere else, break it if asked, build it strictly."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from bench.project import ROOT, copy_project  # noqa: F401 (copy_project: for the tests)


@dataclass
class Build:
    """The outcome of one `mkdocs build --strict`: exit code, log, and the site folder."""

    returncode: int
    log: str
    site: Path

    def html(self, page: str) -> BeautifulSoup:
        return BeautifulSoup((self.site / page).read_text(encoding="utf-8"), "html.parser")

    def search_index(self) -> dict:
        return json.loads((self.site / "search" / "search_index.json").read_text(encoding="utf-8"))


def build(project: Path, site: Path | None = None) -> Build:
    """Build `project` the way `make build` does (strict), into `site`."""
    site = site or project / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )
    return Build(result.returncode, result.stdout + result.stderr, site)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Build:
    """The real project, built once for all the tests that only read it."""
    out = build(ROOT, tmp_path_factory.mktemp("site") / "site")
    assert out.returncode == 0, out.log
    return out


@pytest.fixture
def project(tmp_path) -> Path:
    """A private copy of the project, for tests that change it."""
    return copy_project(tmp_path / "project")
