"""The editor's flags a branch brings: those `make check` shows on their lines under
GitHub Actions.

GitHub shows at most ten warning annotations a step. Annotating every flag, the flags
already on main took them all, run after run, and the flag a pull request raised never
showed on its line. So only the flags that differ from where the branch left main are
annotated, raised or measured otherwise (`review/data.py` compares them, as `make
review` lists them); every flag is still printed in the log. Where git knows no main to
compare with (a shallow checkout, or no git), every flag is annotated, as before, and
the log says why.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from ..errors import DataError, DataErrors
from ..registry.loading import load_registry
from ..registry.model import Flag, Registry
from ..review.builds import DEFAULT_BRANCH, ReviewError, base_checkout, resolve
from ..review.data import flag_changes


def flags_to_annotate(root: Path, registry: Registry) -> tuple[list[Flag], str | None]:
    """The flags new or changed since where the branch left main (`make review`'s own
    BASE); or, with why, all of them."""
    try:
        base = resolve(root, None)
    except ReviewError as error:
        return registry.flags, f"no merge base with {DEFAULT_BRANCH} in this checkout ({error})"
    try:
        with base_checkout(root, base) as folder:
            old = load_registry(folder / "base")
    except (ReviewError, DataError, DataErrors, subprocess.CalledProcessError) as error:
        return registry.flags, f"{DEFAULT_BRANCH}'s data at {base.commit[:12]} does not load: {error}"
    changes = flag_changes(old, registry)
    return changes.raised + [new for _old, new in changes.changed], None
