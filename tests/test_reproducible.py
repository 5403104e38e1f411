"""Two clean builds of one commit are the same, byte for byte, search index included.

Reviewers diff two builds to see only what changed (`make review`), and anyone can
rebuild a commit to check that the published site is what it says. So the output
depends on the commit (and SITE_URL) alone: each build here runs from its own clone of
one commit, at another path, in another time zone and locale, with another hash seed,
and the second a year and a month ahead on the clock (libfaketime, Debian's
`faketime`). Nothing is left out of the comparison: `diff -r` must print nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bench.run import synthetic_project
from tests.support import copy_project, missing

# Two runs as unlike as one machine can make them; SITE_URL stays the same.
RUNS = ({"TZ": "UTC", "LC_ALL": "C.UTF-8", "PYTHONHASHSEED": "1"},
        {"TZ": "Pacific/Kiritimati", "LC_ALL": "C", "PYTHONHASHSEED": "2", "FAKETIME": "+400d"})
# The one commit both builds come from, with a fixed date (the sitemap dates pages by it).
COMMIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org", "GIT_COMMITTER_NAME": "Test",
              "GIT_COMMITTER_EMAIL": "test@example.org", "GIT_AUTHOR_DATE": "2026-11-20T12:00:00Z",
              "GIT_COMMITTER_DATE": "2026-11-20T12:00:00Z"}


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True,
                   env=dict(os.environ, **COMMIT_ENV))


def clean_build(source: Path, clone: Path, run: dict) -> Path:
    """Clone the commit at `source` to `clone` and build it strictly, as `make build` does."""
    git(clone.parent, "clone", "--quiet", str(source), clone.name)
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env.update(run, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1", PREVIEW_ITEMS="0", GITHUB_ACTIONS="")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"]
    if "FAKETIME" in run:
        command = ["faketime", "-f", env.pop("FAKETIME"), *command]
    out = subprocess.run(command, cwd=clone, env=env, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stdout + out.stderr
    return clone / "site"


@pytest.mark.parametrize("items", [0, 100], ids=["real-site", "100-items"])
def test_two_clean_builds_of_one_commit_are_identical(tmp_path, items):
    if shutil.which("faketime") is None:
        missing("faketime", "install Debian's `faketime` (apt-get install faketime)")
    source = tmp_path / "commit"
    synthetic_project(source, items) if items else copy_project(source)
    git(source, "init", "--quiet")
    git(source, "add", "-A")
    git(source, "commit", "--quiet", "-m", "the commit built twice")
    one = clean_build(source, tmp_path / "a", RUNS[0])
    other = tmp_path / "elsewhere" / "a-longer-path"
    other.parent.mkdir()
    two = clean_build(source, other, RUNS[1])
    assert any((one / "pagefind" / "filter").iterdir()), "the site has no search filters to compare"
    diff = subprocess.run(["diff", "-r", str(one), str(two)], capture_output=True, text=True)
    assert diff.returncode == 0 and diff.stdout == "", diff.stdout[:3000]
