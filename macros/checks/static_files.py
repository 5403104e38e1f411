"""The files under docs/ that are not pages, which MkDocs copies into the site as they are.

A page's raw HTML is held to the policy (`html_policy.py`) and every page carries the
Content-Security-Policy (`meta/csp.py`). A file copied as it is has neither: an `.html`
file saved under docs/assets/ is published with its scripts and frames, and an SVG
drawing opened by its address is a document of its own, whose `<script>` or `onload=`
runs on the site's address. So:

- a document a browser would run as a page (HTML, XHTML, XML, XSLT) is refused: pages are
  written in Markdown;
- an SVG is read as the browser reads it, as XML, and held to the page policy: no
  script, no event handler, no `javascript:` address, nothing fetched from another host.
  Its own styles may stay (fills and strokes; a drawing opened alone covers no page).
"""

from __future__ import annotations

from pathlib import Path
from xml.parsers import expat

from ..errors import DataError
from .html_policy import PolicyReader

# Served as documents that can run a script, by GitHub Pages and any static host.
DOCUMENTS = {".html", ".htm", ".xhtml", ".xht", ".shtml", ".xml", ".xsl", ".xslt", ".mht", ".mhtml", ".svgz"}
_XLINK = "http://www.w3.org/1999/xlink"


def _name(qualified: str) -> str:
    """An element's or attribute's name as the policy reads it: `xlink:href`, else the
    local name (expat writes a namespaced name as "URI local")."""
    uri, _, local = qualified.rpartition(" ")
    return ("xlink:" if uri == _XLINK else "") + local.lower()


def svg_errors(text: str, name: str) -> list[DataError]:
    """What breaks the page policy in an SVG file's text, each at its line."""
    reader, errors = PolicyReader("", own_styles=True), []
    parser = expat.ParserCreate(namespace_separator=" ")

    def start(tag, attributes):
        before = len(reader.found)
        reader.handle_starttag(_name(tag), [(_name(key), value) for key, value in attributes.items()])
        for violation in reader.found[before:]:
            errors.append(DataError(name, parser.CurrentLineNumber, parser.CurrentColumnNumber + 1,
                                    f"{violation.message} (an SVG opened by its address runs as a page)"))

    parser.StartElementHandler = start
    try:
        parser.Parse(text, True)
    except expat.ExpatError as error:
        errors.append(DataError(name, error.lineno, error.offset + 1,
                                f"not a drawing a browser can read: {expat.errors.messages[error.code]}; "
                                "save it again from a drawing program as plain SVG"))
    return errors


def static_file_errors(docs_dir: Path) -> list[DataError]:
    """Each file under `docs_dir` that would publish what the page policy refuses."""
    errors = []
    for path in sorted(docs_dir.rglob("*")):
        suffix, name = path.suffix.lower(), f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}"
        if not path.is_file():
            continue
        if suffix in DOCUMENTS:
            instead = "save the drawing uncompressed, as .svg" if suffix == ".svgz" else "write it in Markdown (a .md file)"
            errors.append(DataError(name, None, None, (
                f"a {suffix} file is published as it is, a page without the site's checks and its "
                f"Content-Security-Policy: {instead}")))
        elif suffix == ".svg":
            errors += svg_errors(path.read_text(encoding="utf-8", errors="replace"), name)
    return errors
