"""Fixtures: the real project built once, and private copies to break. The helpers
behind them are in tests/support.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import ROOT, Build, build, copy_project


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
