"""Every page's Content-Security-Policy, as a `<meta http-equiv>` (GitHub Pages sets no
headers): scripts and styles from the site itself only, plus each inline script and
inline style attribute the built pages actually hold, allowed by its sha256 hash.

The hashes are read from each page's final HTML (`inline_parts`, run last on every
page), so they follow whatever the theme or this edition's templates put inline. A
page's own text (what Markdown made of it) is left out of the script search, and a
script found in it gets no hash anywhere, also where the theme repeats that text (a
post's excerpt on the blog's index): one that slipped past the build's checks into a
page's text cannot run.
The policy is one for the whole site, written into every page once all are built (`write_policy`): with
instant navigation a reader's first page's policy governs every page they open next.
`'wasm-unsafe-eval'` lets the search run WebAssembly without allowing JavaScript's
eval. In a meta tag, frame-ancestors, report-uri and sandbox are ignored, so none is set.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from html import unescape
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
    text_scripts: list[str] = field(default_factory=list)  # in the page's own text: never hashed
    styles: list[str] = field(default_factory=list)  # style="..." attribute values
    after_charset: int | None = None  # the offset just past <meta charset>


# The templates' own markup, which the theme and overrides/ write: regular enough to scan
# with patterns, and scanning it with an HTML parser took 7 s of a 1,000-item build.
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_TYPE = re.compile(r"""\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_SRC = re.compile(r"\ssrc\s*=", re.I)
# `style=` in any case, where whitespace precedes it (checked in `inline_parts`): a
# case-blind pattern starting with whitespace was tried at every character, the most
# costly part of a page's policy at 1,000 items.
_STYLE = re.compile(r"""[Ss][Tt][Yy][Ll][Ee]\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_CHARSET = re.compile(r"<meta\s+charset\s*=[^>]*>", re.I)


def _inline_scripts(html: str) -> list[str]:
    """The text of each inline script in `html` that a browser would run."""
    found = []
    for match in _SCRIPT.finditer(html):
        attrs = match.group(1)
        kind = _TYPE.search(attrs)
        kind = next((g for g in kind.groups() if g is not None), "") if kind else None
        if not _SRC.search(attrs) and kind in SCRIPT_TYPES:
            found.append(match.group(2))
    return found


def inline_parts(html: str, content: str = "") -> InlineParts:
    """The inline scripts of `html` outside the page's own text `content`, and those in
    it, every style attribute's value (as the browser reads it, entities decoded), and
    where the charset meta tag ends."""
    parts = InlineParts()
    parts.scripts = _inline_scripts(html.replace(content, "", 1) if content else html)
    parts.text_scripts = _inline_scripts(content) if content else []
    parts.styles = [unescape(next(g for g in m.groups() if g is not None)) for m in _STYLE.finditer(html)
                    if m.start() and html[m.start() - 1].isspace()]
    charset = _CHARSET.search(html)
    parts.after_charset = charset.end() if charset else None
    return parts


def with_placeholder(html: str, parts: InlineParts) -> str:
    """The page with an empty policy meta tag just after its charset, before any script
    and any stylesheet."""
    at = parts.after_charset if parts.after_charset is not None else 0
    return html[:at] + f'\n<meta http-equiv="{META_NAME}" content="{PLACEHOLDER}">' + html[at:]


def allowed_scripts(parts: InlineParts) -> set[str]:
    """The inline scripts the policy allows, of all the pages' `parts`: the theme's, less
    any that also stands in a page's own text."""
    return set(parts.scripts) - set(parts.text_scripts)


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
