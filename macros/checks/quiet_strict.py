"""`mkdocs build --strict --quiet` stops on a mistake, as `mkdocs build --strict` does.

Every mistake this build finds is logged as a warning (`Build.report`), and MkDocs' strict
mode counts warnings from a handler on the `mkdocs` logger. `--quiet` raises that logger
to ERROR, so the warnings are dropped before the handler sees them, and the build exits 0
with the mistake published: a `<script>` in a page, a broken link (mkdocs/mkdocs#4126,
open for MkDocs 1.6.1). In a strict build the logger is set back to WARNING: mistakes are
counted and told, and the progress lines stay quiet.
"""

from __future__ import annotations

import logging


def count_warnings_when_quiet(strict: bool) -> None:
    logger = logging.getLogger("mkdocs")
    if strict and logger.getEffectiveLevel() > logging.WARNING:
        logger.setLevel(logging.WARNING)
