"""Fixtures: the real project built once, and private copies to break. The helpers
behind them are in tests/support.py. Under GitHub Actions, a failed test passes on the
mistakes the real project's build reported (macros/checks/annotations.py) to the job's
log, so that they show on their lines of the pull request."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.checks import annotations
from tests.support import ROOT, Build, build, copy_project


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Build:
    """The real project, built once for all the tests that only read it."""
    out = build(ROOT, tmp_path_factory.mktemp("site") / "site")
    # The log on lines of its own: its first line would otherwise follow "AssertionError: ".
    assert out.returncode == 0, "the real project's build failed:\n" + out.log
    return out


@pytest.fixture
def project(tmp_path) -> Path:
    """A private copy of the project, for tests that change it."""
    return copy_project(tmp_path / "project")


# A command on a line of the report: pytest puts "E   " before an assertion's message,
# and "AssertionError: " (or another exception's name) before its first line.
_COMMAND = re.compile(r"^(?:E\s+)?(?:[\w.]+: )?(::(?:error|warning) file=.*)$", re.M)


def pytest_terminal_summary(terminalreporter):
    """Each workflow command in the failures' reports, once, on a line of its own (only the
    real project's builds print them: tests/support.py keeps them out of broken copies')."""
    if not annotations.active():
        return
    seen: dict[str, None] = {}
    for report in terminalreporter.stats.get("failed", []) + terminalreporter.stats.get("error", []):
        seen.update(dict.fromkeys(_COMMAND.findall(report.longreprtext)))
    for command in seen:
        terminalreporter.write_line(command)
