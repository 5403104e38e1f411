"""A private copy of the project's sources (what a build reads), for the bench and the tests,
and the same made a git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The Makefile too: the bad-input tests publish with `make publish`.
PROJECT_PARTS = ("mkdocs.yml", "Makefile", "docs", "data", "macros", "overrides")


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / part)
    return dest


# Whoever commits in a repository made here (git refuses to commit without a name).
_GIT_ENV = {"GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.invalid",
            "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.invalid"}


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], env=dict(os.environ, **_GIT_ENV), check=True,
                          capture_output=True, text=True).stdout.strip()


def commit(repo: Path, message: str) -> str:
    """Everything in `repo` committed; the new commit's id."""
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD")


def with_venv(repo: Path) -> Path:
    """The venv `make` expects in `repo`: this one, linked, with requirements.txt made older
    than it, so that make installs nothing."""
    os.utime(repo / "requirements.txt", (0, 0))
    (repo / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    return repo


def make_env(**extra: str) -> dict[str, str]:
    """The environment of someone running `make` by hand in such a repository: not inside
    another make (`make test`, `make bench`) nor GitHub Actions, no BASE given."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("MAKEFLAGS", "MAKELEVEL", "BASE") and not k.startswith("GITHUB_")}
    return {**env, **extra}


def git_repository(project: Path) -> Path:
    """A copy of the project (`copy_project`) made a git repository on main, everything
    committed, where `make` runs as in a clone (for `make review`)."""
    for name in ("requirements.txt", ".gitignore"):
        shutil.copy2(ROOT / name, project / name)
    git(project, "init", "-q", "-b", "main")
    commit(project, "the project as it is")
    return with_venv(project)
