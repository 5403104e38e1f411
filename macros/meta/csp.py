"""Every page's Content-Security-Policy, as a `<meta http-equiv>` (GitHub Pages sets no
headers): scripts and styles from the site itself only, plus each inline script and
inline style attribute the built pages actually hold, allowed by its sha256 hash.

The hashes are read from each page's final HTML (`inline_parts`, run last on every
page), so they follow whatever the theme, this edition or a later change put inline,
and a script that anything else slips into a page cannot run. The policy is one for
the whole site, written into every page once all are built (`write_policy`): with
instant navigation a reader's first page's policy governs every page they open next.
`'wasm-unsafe-eval'` lets the search run WebAssembly without allowing JavaScript's
eval. In a meta tag, frame-ancestors, report-uri and sandbox are ignored, so none is set.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

META_NAME = "Content-Security-Policy"
PLACEHOLDER = "content-security-policy: written once every page is built"
SCRIPT_TYPES = {None, "", "text/javascript", "application/javascript", "module"}


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


@dataclass
class InlineParts:
    """What one page runs or styles inline, and where its policy goes."""

    scripts: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)  # style="..." attribute values
    after_charset: int | None = None  # the offset just past <meta charset>


class _Reader(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)  # a script's text is hashed as written
        self.parts, self._lines = InlineParts(), html.splitlines(keepends=True)
        self._script: list[str] | None = None

    def _offset(self) -> int:
        line, column = self.getpos()
        return sum(map(len, self._lines[:line - 1])) + column

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("style"):
            self.parts.styles.append(values["style"])
        if tag == "meta" and "charset" in values and self.parts.after_charset is None:
            self.parts.after_charset = self._offset() + len(self.get_starttag_text())
        if tag == "script" and "src" not in values and values.get("type") in SCRIPT_TYPES:
            self._script = []

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.parts.scripts.append("".join(self._script))
            self._script = None


def inline_parts(html: str) -> InlineParts:
    reader = _Reader(html)
    reader.feed(html)
    reader.close()
    return reader.parts


def with_placeholder(html: str, parts: InlineParts) -> str:
    """The page with an empty policy meta tag just after its charset, before any script."""
    at = parts.after_charset if parts.after_charset is not None else 0
    return html[:at] + f'\n<meta http-equiv="{META_NAME}" content="{PLACEHOLDER}">' + html[at:]


def policy(scripts: set[str], styles: set[str]) -> str:
    """The policy allowing the site's own files and exactly these inline scripts and styles."""
    script_hashes = " ".join(sorted(map(sha256, scripts)))
    style_hashes = " ".join(sorted(map(sha256, styles)))
    return "; ".join([
        "default-src 'self'",
        f"script-src 'self' 'wasm-unsafe-eval' {script_hashes}".rstrip(),
        # 'unsafe-hashes' lets exactly the hashed style="..." attributes apply (tables' alignment).
        f"style-src 'self' 'unsafe-hashes' {style_hashes}" if styles else "style-src 'self'",
        "img-src 'self' data:",  # the theme's icons are data: SVGs in its stylesheet
        "font-src 'self'", "connect-src 'self'", "worker-src 'self'", "object-src 'none'",
        "frame-src 'none'", "base-uri 'self'", "form-action 'self'",
    ])


def write_policy(site_dir: Path, pages: list[str], text: str) -> None:
    """Put the site's policy into each built page (paths under `site_dir`)."""
    for page in pages:
        path = site_dir / page
        html = path.read_text(encoding="utf-8")
        path.write_text(html.replace(PLACEHOLDER, text, 1), encoding="utf-8")
