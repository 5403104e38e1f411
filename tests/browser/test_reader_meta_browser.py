"""In Chromium: the citations' copy buttons, and print rules kept off screens.

Print itself (link URLs shown, navigation hidden) is tested with print media emulated in
test_display.py and test_layout_browser.py. The print rules sit in `@media print` blocks
of the one stylesheet every page links (mkdocs.yml `extra_css`), so this checks the
other half: a screen shows none of them. Skipped where Chromium is absent.
"""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
import threading
from http.server import SimpleHTTPRequestHandler

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from .served import QuietServer

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

PROBE = """<script>
const links = [...document.querySelectorAll('div.footnote a[href^="http"]')];
document.body.dataset.probe = JSON.stringify({
  links: links.map(a => [a.getAttribute("href"), getComputedStyle(a, "::after").content]),
  shown: [".md-header", ".md-footer"].map(s => [s, getComputedStyle(document.querySelector(s)).display]),
});
</script>"""


def dump_dom(url: str, *flags: str) -> BeautifulSoup:
    """The page's DOM after Chromium has loaded it and run its scripts."""
    out = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", *flags, "--dump-dom", url],
                         capture_output=True, text=True, timeout=120)
    return BeautifulSoup(out.stdout, "html.parser")


needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")


def test_each_citation_has_its_own_copy_button_which_copies_it(browser, served_site):
    """Scrolled to "Cite this page", as a reader does (Material mounts a code block's
    buttons once it is first seen, mkdocs.yml `content.lazy`), each citation has a copy
    button, and it puts that citation, whole, on the clipboard."""
    context = browser.new_context(base_url=served_site, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto("essay/")
        blocks = page.locator("div.cite-this pre")
        expect(blocks).to_have_count(2)
        for pre in blocks.all():
            pre.scroll_into_view_if_needed()
            button = pre.locator("button.md-code__button[data-md-type=copy]")
            expect(button).to_have_count(1)
            button.click()
            copied = page.evaluate("navigator.clipboard.readText()")
            assert copied.strip() == pre.locator("code").inner_text().strip() != ""
    finally:
        context.close()


@pytest.mark.browser
@needs_chromium
def test_screens_never_apply_the_print_rules(site, tmp_path):
    copy = shutil.copytree(site.site, tmp_path / "site")
    page = copy / "essay" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert "@media print" in (copy / "stylesheets" / "edition.css").read_text(encoding="utf-8")
    probe = copy / "essay" / "screen-probe.html"
    # The probe page is the test's own, run from file:, where the page's policy ('self'
    # and the site's own hashes) would refuse both the stylesheets and the probe script.
    policy_start = html.index('<meta http-equiv="Content-Security-Policy"')
    html = html[:policy_start] + html[html.index(">", policy_start) + 1:]
    probe.write_text(html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    result = json.loads(dump_dom(probe.as_uri()).body["data-probe"])
    assert result["links"], "the essay's notes link their sources"
    for href, after in result["links"]:
        assert href not in after, (href, after)
    assert all(display != "none" for _, display in result["shown"]), result["shown"]


# A 390-pixel frame: headless Chromium will not make its window narrower than 500.
PHONE_FRAME = """<!doctype html><iframe id="phone" src="/{page}" width="390" height="844"></iframe>
<script>
document.getElementById("phone").onload = event => {{
  const doc = event.target.contentDocument;
  document.body.dataset.probe = JSON.stringify({{
    page: [doc.documentElement.scrollWidth, doc.documentElement.clientWidth],
    blocks: [...doc.querySelectorAll("div.cite-this pre > code")].map(c => [c.scrollWidth, c.clientWidth]),
  }});
}};
</script>"""


def serve(directory, extra: dict[str, str]) -> QuietServer:
    """Serve `directory` on a free local port, plus in-memory pages at the paths in `extra`."""

    class Handler(SimpleHTTPRequestHandler):
        def do_GET(self):
            if self.path in extra:
                body = extra[self.path].encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            else:
                super().do_GET()

        def log_message(self, *args):
            pass

    server = QuietServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize("page", ["essay/", "rundown/lebanon-unsolved-murders/"])
def test_citations_fit_a_390_pixel_phone(site, page):
    server = serve(site.site, {"/phone-probe.html": PHONE_FRAME.format(page=page)})
    try:
        dom = dump_dom(f"http://127.0.0.1:{server.server_port}/phone-probe.html", "--virtual-time-budget=5000")
    finally:
        server.shutdown()
        server.server_close()
    result = json.loads(dom.body["data-probe"])
    assert 360 <= result["page"][1] <= 390, result  # the frame is phone-sized
    assert result["page"][0] <= result["page"][1], result  # and the page does not scroll sideways
    assert len(result["blocks"]) == 2
    for scroll, client in result["blocks"]:  # no sideways scrolling inside a citation
        assert 0 < client and scroll <= client, (scroll, client)
