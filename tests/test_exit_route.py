"""The exit route: the site builds unchanged with ProperDocs, the maintained MkDocs 1.6 fork.

MkDocs 1.x is abandoned and Material reaches end of life on 2027-05-05; if either
breaks, `properdocs build` must be a one-word switch.
"""

from __future__ import annotations

import os
import subprocess
import sys

from tests.support import ROOT, site_files

def test_properdocs_builds_the_same_site(site, tmp_path):
    out = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # Byte for byte: pages carry no generator tag naming one or the other (theme/templates.py).
    ours, theirs = site_files(site.site), site_files(out)
    assert ours.keys() == theirs.keys()
    assert [str(p) for p in ours if ours[p] != theirs[p]] == []
