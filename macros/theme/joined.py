"""The site's stylesheets, and this edition's scripts, each sent to the reader as one file.

The parts stay separate files (stylesheets in `docs/stylesheets/`, scripts in
`overrides/javascripts/`), listed in mkdocs.yml `extra_css` and `extra_javascript` in the
order they apply. The build joins each list, in that order, into one generated file
(`stylesheets/edition.css`, `javascripts/edition.js`: the same bytes for the same parts),
which every page links in its place. A page that linked each part waited for six
stylesheets of ours, and its two scripts took two of the six connections a phone opens
to the site while Material's bundle waited for one (bench/notes.md, issue 20). Rules for
paper sit in `@media print` blocks, as print.css's do, so screens never apply them.

The stylesheet begins with Material's own two (main, then palette), which
overrides/main.html no longer links: a first render then waits for one stylesheet, and
Material's bundle shares a phone's link with one download instead of three (bench/notes.md,
issue 20, parts 6 and 7).

The stylesheets' comments are for their editors: the joined file leaves them out (two
fifths of its compressed bytes). Each part is named where it begins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

STYLESHEET = "stylesheets/edition.css"
SCRIPT = "javascripts/edition.js"

# Material's stylesheets, named as its base template links them: main, then palette
# when the theme has one.
_MATERIAL_MAIN = re.compile(r"assets/stylesheets/main\.[0-9a-f]+\.min\.css")
_MATERIAL_PALETTE = re.compile(r"assets/stylesheets/palette\.[0-9a-f]+\.min\.css")

# A comment, or a quoted string passed over whole (a string may hold "/*").
_COMMENT_OR_STRING = re.compile(r"""("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')|/\*.*?\*/""", re.S)


def materials_stylesheets(files: Iterable[File], palette: bool) -> dict[str, str]:
    """Material's own stylesheets among the build's `files`, {path: text}, in the order
    its base template links them: main, then palette when the theme has one."""
    theirs = [file for file in files if file.src_uri.startswith("assets/stylesheets/")]
    found = {}
    for pattern in (_MATERIAL_MAIN, _MATERIAL_PALETTE) if palette else (_MATERIAL_MAIN,):
        matches = [file for file in theirs if pattern.fullmatch(file.src_uri)]
        if len(matches) != 1:  # a Material release that names or splits them otherwise
            raise PluginError(f"Material's theme has {len(matches)} stylesheets named like "
                              f"{pattern.pattern}, not one: update macros/theme/joined.py")
        found[matches[0].src_uri] = matches[0].content_string
    return found


def without_comments(css: str) -> str:
    text = _COMMENT_OR_STRING.sub(lambda m: m.group(1) or "", css)
    return re.sub(r"\n\s*\n", "\n", text).strip()


def stylesheet(parts: dict[str, str]) -> str:
    """The stylesheets {path: text} as one, in their order, each headed by its path."""
    return "".join(f"/* {path} */\n{without_comments(text)}\n" for path, text in parts.items())


def script(parts: dict[str, str]) -> str:
    """The scripts {path: text} as one, in their order, each headed by its path. A `;`
    closes each part, whatever its last statement left open."""
    return "".join(f"// {path}\n{text.strip()}\n;\n" for path, text in parts.items())
