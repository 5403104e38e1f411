"""Escaping data text where it meets Markdown, HTML or BibTeX: one function for each.

HTML text and attributes outside Markdown use the standard library's `html.escape`.
Everything from the data passes through one of these before it meets a page or a file,
so a title holding `<script>`, `*` or `%` is printed as text, never run or reinterpreted.
"""

from __future__ import annotations

import html
import re

# Markdown characters that would start emphasis, code, links or attribute lists mid-line,
# or end a table's cell (the tables extension lets `\|` print a |).
_MD_CHARS = r"\\`*_{}\[\]|"
_MD_SPECIAL = re.compile(f"([{_MD_CHARS}])")
# For Markdown read raw as well as rendered (review.md): those, `~` (struck words sit
# between `~~`), and `<` or `&` only where they would open a tag or an entity.
_MD_RAW_SPECIAL = re.compile(f"([{_MD_CHARS}~]|<(?=[A-Za-z/!?])|&(?=#?\\w+;))")
# A line break, with the blanks around it: in Markdown it could end the paragraph, the
# note or the box the text stands in, and start a heading or a list of its own.
_LINE_BREAK = re.compile(r"\s*\n\s*")


def md_text(text: str, quote: bool = True) -> str:
    """Data text, safe in Markdown and HTML: one line, HTML escaped, Markdown syntax
    backslashed. `quote=False` leaves quotation marks as they are, where no attribute
    holds the text."""
    if "\n" in text:
        text = _LINE_BREAK.sub(" ", text.strip())
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=quote))


def md_raw_text(text: str) -> str:
    """Data text in Markdown that is also read as it stands: one line, Markdown syntax
    backslashed, and no HTML entities, which a raw reader would see as `&#x27;`."""
    return _MD_RAW_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def attr_text(text: str) -> str:
    """Data text, safe inside an HTML attribute that sits in Markdown: every character
    Markdown would act on becomes a numeric entity, so `[a](b)` or `*x*` stay literal."""
    return "".join(f"&#{ord(c)};" if c in "\\`*_{}[]" else c for c in html.escape(text, quote=True))


# Characters BibTeX or LaTeX would read as syntax, and what prints each as itself.
_BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&",
                   "$": r"\$", "#": r"\#", "_": r"\_", "^": r"\^{}", "~": r"\~{}"}


def bibtex_text(text: str) -> str:
    """Text safe inside a braced BibTeX field: TeX specials escaped, braces balanced."""
    return "".join(_BIBTEX_SPECIAL.get(char, char) for char in text)


def bibtex_url(url: str) -> str:
    """A URL for a BibTeX `url` field, which styles print verbatim (\\url): only `%`, which
    would start a TeX comment, is escaped; `_`, `#` and `~` stay as the address has them."""
    return url.replace("%", r"\%")
