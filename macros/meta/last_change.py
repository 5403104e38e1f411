"""Each page's last real change, for the sitemap's `lastmod` (MkDocs writes the build day).

A page that states this edition's last change (`updated:`, and its corrections) is
taken at its word. Any other page changed when its Markdown file last changed in git,
or, if it is written from other files (template code: the data pages, the front page;
or a blog index, listing the items), when anything under docs/ or data/ last did.
Outside a git work tree (a copy, an archive) or in a shallow clone nothing is known,
and no date is given, unless SOURCE_DATE_EPOCH says when the sources last changed (the
reproducible-builds convention, which MkDocs also reads): never the day of the build, so
that two builds of one commit are the same. The deploy workflow checks out the whole
history.
"""

from __future__ import annotations

import os
import subprocess
from datetime import datetime, timezone
from pathlib import Path

from ..registry.loading import VARIANTS_FILE

WATCHED = ("docs", "data")


def git_days(root: Path) -> dict[str, str]:
    """{path from root: the day of the newest commit touching it}, from one `git log`."""
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                              check=True).stdout
    try:
        if Path(git("rev-parse", "--show-toplevel").strip()).resolve() != root.resolve():
            return {}  # a folder inside some other repository: its history is not ours
        if git("rev-parse", "--is-shallow-repository").strip() == "true":
            return {}  # a shallow clone shows every file as changed in its one commit
        # Along the first parents, a merge counts with what it brought: a change is dated
        # the day it landed on the branch being built, as a reader of main first saw it.
        log = git("log", "--first-parent", "--diff-merges=first-parent", "--format=%x00%cs",
                  "--name-only", "--no-renames", "--", *WATCHED)
    except (OSError, subprocess.CalledProcessError):
        return {}
    days: dict[str, str] = {}
    for commit in log.split("\0")[1:]:
        day, *paths = commit.strip().splitlines()
        for path in paths:
            if path:
                days.setdefault(path, day)  # newest first: the first day seen is the last change
    return days


def source_day() -> str | None:
    """The day SOURCE_DATE_EPOCH names (UTC), or None where it is not set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return datetime.fromtimestamp(int(epoch), timezone.utc).date().isoformat() if epoch.isdigit() else None


# Under data/ but not what a reader cites or downloads: search's other spellings of names,
# and the files' schemas. A change to either is no new version of the figures.
NOT_THE_DATA = (VARIANTS_FILE, "data/schema/")


def data_day(days: dict[str, str], unknown: str | None = None) -> str | None:
    """The day the data last changed: the version of the figures a reader cites and
    downloads; `unknown` (source_day()) when git does not know."""
    found = [day for path, day in days.items() if path.startswith("data/") and not path.startswith(NOT_THE_DATA)]
    return max(found) if found else unknown


def page_day(src: str, modified: str | None, built_from_others: bool, days: dict[str, str],
             unknown: str | None = None) -> str | None:
    """The page's last change as YYYY-MM-DD: `modified` (its `updated:` or newest
    correction) where it says, else from git; `unknown` (source_day()) when neither knows."""
    if modified:
        return modified
    found = [days.get(f"docs/{src}")]
    if built_from_others:
        found += [day for path, day in days.items() if path.startswith(tuple(f"{w}/" for w in WATCHED))]
    found = [day for day in found if day]
    return max(found) if found else unknown
