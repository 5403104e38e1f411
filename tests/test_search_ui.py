"""The search box is Material's, answered by our worker: what that leans on in Material
9.8.2, checked so that an upgrade fails here rather than in a reader's browser.

- overrides/partials/header.html and search.html are Material's, each changed in one place
  (tests/test_overrides.py);
- overrides/main.html points Material's `__config.search` (its worker) at ours;
- the worker speaks Material's message protocol (SETUP, READY, QUERY, RESULT = 0..3).
"""

from __future__ import annotations

import json
import re
from importlib import metadata

from tests.support import MATERIAL_TEMPLATES as MATERIAL, ROOT

OURS = ROOT / "overrides"


def test_written_for_material_9_8_2():
    # On another version: compare the partials that tests/test_overrides.py lists, its
    # base.html's config block and its search worker's messages with ours, then update
    # this pin.
    assert metadata.version("mkdocs-material") == "9.8.2"


def test_every_page_runs_our_worker_not_materials(site):
    for page in ("index.html", "essay/index.html", "rundown/lebanon-unsolved-murders/index.html", "404.html"):
        config = json.loads(site.html(page).select_one("script#__config").string)
        assert config["search"].endswith("javascripts/search-worker.js"), (page, config["search"])
    assert (site.site / "javascripts" / "search-worker.js").is_file()
    assert not (site.site / "search" / "search_index.json").read_text(encoding="utf-8").count('"location"')


def test_the_worker_speaks_materials_messages():
    """Material's bundle numbers its messages SETUP, READY, QUERY, RESULT from 0 (a const
    enum, compiled into the bundle); the worker must use the same numbers."""
    worker = (OURS / "javascripts" / "search-worker.js").read_text(encoding="utf-8")
    assert "var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3" in worker
    bundle = next((MATERIAL / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    # The bundle posts {type: <QUERY>, data: value} and reads .type === <READY> / <RESULT>.
    assert re.search(r"type:2,data:", bundle) and re.search(r"\.type===1", bundle) and re.search(r"\.type===3", bundle)
