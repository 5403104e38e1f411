"""Mistakes shown where a contributor looks: on their line of the pull request.

A contributor who edits in GitHub's web editor never runs `make`; a mistake told only in
the CI log is a mistake they never see. Under GitHub Actions (GITHUB_ACTIONS=true) every
mistake `make build` and `make check` report against a file is also printed as a
workflow command, `::error file=PATH,line=N,col=C,title=T::message`, which GitHub shows
on that line of "Files changed"; an editor's flag the branch brings is a `::warning`
(new_flags.py). The plain report stays as it is: GitHub shows at most ten annotations of
each kind a step.

Every check words its mistakes one way (`errors.DataError`: "data/figures.yml:41:5:
what to do"), so the build's log is read line by line here rather than each check
printing twice. MkDocs' own link and nav warnings are worded so too before any handler
reads them (link_warnings.py).
"""

from __future__ import annotations

import logging
import os
import re
import sys

# "docs/essay.md:12:3: message", as DataError writes it (the path is the repository's),
# wherever the line starts it: mkdocs-macros puts "[macros] - ERROR " before template errors.
_LOCATED = re.compile(r"(?<![\w/.-])(?P<file>(?:docs|data|overrides)/[^\s:]+|mkdocs\.yml)(?::(?P<line>\d+))?"
                      r"(?::(?P<col>\d+))?: (?P<message>.+)$")
ERROR_TITLE = "This stops the build"


def active() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def _escape(text: str, property_: bool = False) -> str:
    """As GitHub's toolkit escapes a command's message (and, further, its properties)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_ else text


def command(kind: str, file: str, line: int | None, column: int | None, title: str, message: str) -> str:
    """One workflow command: `kind` is "error" or "warning"."""
    where = [f"file={_escape(file, True)}"]
    where += [f"line={line}"] if line else []
    where += [f"col={column}"] if line and column else []
    return f"::{kind} {','.join(where)},title={_escape(title, True)}::{_escape(message)}"


def commands(text: str, kind: str = "error", title: str = ERROR_TITLE) -> list[str]:
    """A workflow command for each line of `text` that names a contributor's file."""
    found = []
    for line in text.splitlines():
        located = _LOCATED.search(line.strip())
        if located:
            found.append(command(kind, located["file"], int(located["line"] or 0) or None,
                                 int(located["col"] or 0) or None, title, located["message"]))
    return found


def emit(lines: list[str]) -> None:
    """Print the commands where the runner reads them (standard output), in order."""
    for line in lines:
        print(line, file=sys.stdout, flush=True)


def annotate(text: str, kind: str = "error", title: str = ERROR_TITLE) -> None:
    """Under GitHub Actions, print a command for each located line of `text`; elsewhere nothing."""
    if active():
        emit(commands(text, kind, title))


class BuildAnnotations(logging.Handler):
    """Reads MkDocs' log (warnings and errors) and prints each located mistake as a command."""

    def __init__(self):
        super().__init__(logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:  # logging's name for "handle a record"
        annotate(record.getMessage())


def annotate_build() -> None:
    """Under GitHub Actions, annotate every mistake the build logs; elsewhere, nothing.
    Once per process: `mkdocs serve` starts a build again on every save."""
    logger = logging.getLogger("mkdocs")
    if active() and not any(isinstance(h, BuildAnnotations) for h in logger.handlers):
        logger.addHandler(BuildAnnotations())
