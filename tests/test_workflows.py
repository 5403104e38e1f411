"""The pull-request workflows are safe to run on a stranger's change: zizmor, run offline,
finds nothing in .github/workflows/ (actions pinned to a commit, no persisted credentials,
least permissions per job), and it does find the mistakes it is there to catch."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.support import ROOT

ZIZMOR = Path(sys.executable).parent / "zizmor"  # installed from requirements.txt


def audit(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(ZIZMOR), "--offline", "--no-progress", str(folder)],
                          capture_output=True, text=True, timeout=120)


def test_zizmor_finds_nothing_in_the_workflows():
    out = audit(ROOT / ".github" / "workflows")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "No findings to report" in out.stdout + out.stderr


def test_zizmor_catches_a_tag_reference_and_kept_credentials(tmp_path):
    """The check above can fail: the workflow as it was before pinning is refused."""
    workflows = shutil.copytree(ROOT / ".github" / "workflows", tmp_path / ".github" / "workflows")
    test = workflows / "test.yml"
    text = test.read_text(encoding="utf-8")
    start = text.index("      - uses: actions/checkout@")
    end = text.index("      - run:", start)
    test.write_text(text[:start] + "      - uses: actions/checkout@v4\n" + text[end:], encoding="utf-8")
    out = audit(workflows)
    report = out.stdout + out.stderr
    assert out.returncode != 0
    assert "unpinned-uses" in report and "artipacked" in report, report
