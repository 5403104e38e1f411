"""Print: a printed page shows where its links lead and hides navigation.

Headless Chromium from the command line cannot switch to print media, so the test
loads a copy of the built essay with the print stylesheet's `media="print"` set to
`all` and reads the computed styles the stylesheet gives: that proves the sheet is
linked, loads, and wins over Material's own rules. Skipped where Chromium is absent.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

PROBE = """<script>
const links = [...document.querySelectorAll('div.footnote a[href^="http"]')];
document.body.dataset.probe = JSON.stringify({
  links: links.map(a => [a.getAttribute("href"), getComputedStyle(a, "::after").content]),
  hidden: [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"]
    .map(s => [s, getComputedStyle(document.querySelector(s)).display]),
});
</script>"""


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
def test_printed_page_shows_note_urls_and_hides_navigation(site, tmp_path):
    copy = shutil.copytree(site.site, tmp_path / "site")
    page = copy / "essay" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert html.count('media="print"') == 1, "the print stylesheet is linked once, for print only"
    probe = copy / "essay" / "print-probe.html"
    probe.write_text(html.replace('media="print"', 'media="all"').replace("</body>", PROBE + "</body>"),
                     encoding="utf-8")
    out = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
                          probe.as_uri()], capture_output=True, text=True, timeout=120)
    result = json.loads(BeautifulSoup(out.stdout, "html.parser").body["data-probe"])
    assert result["links"], "the essay's notes link their sources"
    for href, after in result["links"]:
        assert href in after, (href, after)
    assert dict(result["hidden"]) == {s: "none" for s, _ in result["hidden"]}
