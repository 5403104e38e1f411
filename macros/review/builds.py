"""The two builds a review compares: BASE, checked out in a git worktree under a temporary
folder, and the working tree as it stands, uncommitted changes included.

Both are strict builds of the whole site, as `make build` makes them, run at once: on
two cores a review takes about as long as one build. The working tree's build replaces
`site/` only when it succeeds, as `make build` does, so that it can be previewed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

DEFAULT_BRANCH = "main"  # without BASE, the review starts where the branch left main
SITE = "site"  # the working tree's build, as `make build` leaves it
# MkDocs starts each log record with its level ("INFO    -  "). Progress is told at INFO:
# every other line is worth a reader's time, above all the lines a record of mistakes
# goes on with ("docs/essay.md:12:3: what to do"), which carry no level nor keyword.
_PROGRESS = re.compile(r"^(?:INFO|DEBUG)\s+-  ")


class ReviewError(Exception):
    """Bad input to the review itself, told in one line."""


def git(root: Path, *args: str) -> str:
    """Git's output; a failure raises CalledProcessError, which holds what git said."""
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True).stdout


@dataclass(frozen=True)
class Base:
    commit: str
    name: str | None  # as the reviewer named it ("main", "HEAD~2"); None: the merge base with main


def resolve(root: Path, ref: str | None) -> Base:
    """The commit BASE names; without one, where HEAD's history left main's."""
    try:
        git(root, "rev-parse", "--is-inside-work-tree")
    except (OSError, subprocess.CalledProcessError):
        raise ReviewError(f"{root} is not a git checkout: make review compares two commits of one") from None
    if not ref:
        # The local branch, or the remote's where a checkout (CI's) fetched only that.
        for branch in (DEFAULT_BRANCH, f"origin/{DEFAULT_BRANCH}"):
            try:
                return Base(git(root, "merge-base", "HEAD", branch).strip(), None)
            except subprocess.CalledProcessError:
                continue
        raise ReviewError(f"no BASE given, and HEAD shares no history with a branch '{DEFAULT_BRANCH}': "
                          "name the commit to compare with, make review BASE=<git ref>")
    try:  # a ref starting with "-" would be read as an option
        commit = git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}").strip()
    except subprocess.CalledProcessError:
        raise ReviewError(f"unknown BASE '{ref}': no commit, branch or tag of that name in this "
                          "repository (git fetch it first?)") from None
    return Base(commit, ref)


def uncommitted(root: Path) -> list[str]:
    """The working tree's changes git has not committed, as `git status --short` lists them."""
    return [line for line in git(root, "status", "--short", "--untracked-files=all").splitlines() if line]


def short(root: Path, commit: str) -> str:
    return git(root, "rev-parse", "--short", commit).strip()


@contextmanager
def base_checkout(root: Path, base: Base) -> Iterator[Path]:
    """A temporary folder holding BASE checked out (`base/`), removed afterwards, also when
    the review fails or is interrupted; git forgets the worktree too."""
    folder = Path(tempfile.mkdtemp(prefix="review-"))
    tree = folder / "base"
    try:
        try:
            git(root, "worktree", "add", "--detach", "--quiet", str(tree), base.commit)
        except subprocess.CalledProcessError as error:
            raise ReviewError(f"BASE {base.commit} could not be checked out: {error.stderr.strip()}") from None
        yield folder
    finally:
        try:
            git(root, "worktree", "remove", "--force", str(tree))
        except subprocess.CalledProcessError:
            pass  # never added: the prune below forgets whatever is left
        shutil.rmtree(folder, ignore_errors=True)
        git(root, "worktree", "prune")


@dataclass(frozen=True)
class Built:
    """One build: where to, and how it went."""

    site: Path
    ok: bool
    log: str

    def mistakes(self) -> list[str]:
        """What the failed build said was wrong: its log without the progress and blank lines."""
        return [line for line in self.log.splitlines() if line.strip() and not _PROGRESS.match(line)]


def _start(tree: Path, site: Path, log: Path) -> subprocess.Popen:
    # GITHUB_ACTIONS off: the log goes to a file and into the report, where a workflow
    # command would annotate nothing (the test job's build puts them on their lines).
    env = dict(os.environ, PREVIEW_ITEMS="0", NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1",
               GITHUB_ACTIONS="")
    shutil.rmtree(site, ignore_errors=True)
    with log.open("wb") as out:  # a file, not a pipe: two chatty builds cannot block on it
        return subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                                cwd=tree, env=env, stdout=out, stderr=subprocess.STDOUT)


def build_both(root: Path, folder: Path, while_building=lambda: None) -> tuple[Built, Built]:
    """BASE (checked out in `folder`/base) and the working tree `root`, built at once;
    `while_building` runs meanwhile. The working tree's site lands in site/ if it builds."""
    builds = {"base": (folder / "base", folder / "base-site"), "head": (root, root / f"{SITE}.review")}
    running = {name: _start(tree, site, folder / f"{name}.log") for name, (tree, site) in builds.items()}
    try:
        while_building()
    except BaseException:
        for proc in running.values():
            proc.terminate()
        raise
    finally:
        codes = {name: proc.wait() for name, proc in running.items()}
    done = {name: Built(site, codes[name] == 0,
                        (folder / f"{name}.log").read_text(encoding="utf-8", errors="replace"))
            for name, (_, site) in builds.items()}
    head = done["head"]
    if head.ok:
        shutil.rmtree(root / SITE, ignore_errors=True)
        head.site.rename(root / SITE)
        head = replace(head, site=root / SITE)
    else:
        shutil.rmtree(head.site, ignore_errors=True)
    return done["base"], head
