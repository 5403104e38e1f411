"""Browser fixtures for every test in tests/browser/.

The real project is built once per session, with `site_url` set to the address of a
small threaded HTTP server on 127.0.0.1 (Material's instant navigation needs the same
host *and* port), and served from a temporary folder. One Debian Chromium, driven by
Playwright through pytest-playwright, serves every test; pytest-playwright's own
fixtures (`browser`, `context`, `page`, `new_context`) work as usual, with relative
URLs resolved against the served site.

Where Chromium or the Nu validator is missing the tests skip, saying how to run
them; with CI=true they fail instead, since a skipped check proves nothing.
"""

from __future__ import annotations

import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.support import ROOT, build, missing

from .served import serve

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium calls Google's hosts at start-up,
# which both pollutes the request log and fails on a closed network.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ARTIFACTS = ROOT / "test-artifacts"


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)
            # Under `make test` (pytest-xdist, --dist loadgroup) one worker runs them all:
            # one build, one server and one Chromium, while the others run the rest.
            item.add_marker(pytest.mark.xdist_group("browser"))


@pytest.fixture(scope="session")
def _served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("served")
    with serve(folder / "site") as url:
        yield url, folder / "site"


@pytest.fixture(scope="session")
def served_site(_served) -> str:
    """The URL ('http://127.0.0.1:PORT/') of the real project, built strictly and served.

    The server is bound before the build, so `site_url` names its port.
    """
    url, folder = _served
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SITE_URL", url)
        out = build(ROOT, folder)
    assert out.returncode == 0, out.log
    return url


@pytest.fixture(scope="session")
def site_dir(served_site, _served) -> Path:
    """The folder the served site lives in (read-only for tests)."""
    return _served[1]


@pytest.fixture(scope="session")
def site_pages(served_site, site_dir) -> list[str]:
    """Every page a reader can reach, as paths relative to the site: the sitemap, plus 404."""
    tree = ET.parse(site_dir / "sitemap.xml")
    locs = [el.text for el in tree.iter() if el.tag.endswith("loc")]
    pages = [urlsplit(loc).path.lstrip("/") for loc in locs]
    assert pages and all(loc.startswith(served_site) for loc in locs), locs
    return pages + ["404.html"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        missing(f"Chromium ({CHROMIUM})", "install Debian's `chromium` (apt-get install chromium), "
                "then run `make test`; .ci/run installs it on CI")
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, served_site):
    """Every context resolves relative URLs against the served site: page.goto('essay/')."""
    return {**browser_context_args, "base_url": served_site}


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """test-artifacts/ (git-ignored): screenshots and reports kept for reviewers."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def vnu_jar() -> Path:
    if not shutil.which("java"):
        missing("Java", "install a JRE 17 (apt-get install openjdk-17-jre-headless)")
    if not VNU_JAR.exists():
        missing("The Nu HTML validator", "run `npm ci` at the top of the project (make test does)")
    return VNU_JAR
