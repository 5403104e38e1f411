"""The edition's own words in the data printed as the essay prints its: typographic quotes
and apostrophes, and ellipses (’ “ ” …), whatever the keyboard typed.

Pages' Markdown gets the same from Python-Markdown's smarty (mkdocs.yml). The data's text
reaches pages mostly as HTML and attributes, where smarty never looks, so it is set once,
as the registry is built, with SmartyPants: every page, download and review then reads
the same words. A figure's `written` (the author's own words) is never passed here.
"""

from __future__ import annotations

import smartypants

# Quotes and "..." as an ellipsis, characters, not entities; not "--", as for pages
# (mkdocs.yml: smarty).
_ATTRIBUTES = smartypants.Attr.q | smartypants.Attr.e | smartypants.Attr.u
# SmartyPants reads a backslash as keeping the next character as typed (Markdown's
# habit), and drops it: in data, a backslash is text. It is set aside for the call.
_BACKSLASH, _ASIDE = "\\", "\ue000"


# What SmartyPants changes with those settings: text holding none is returned as it is,
# without the call (most of the data's text, read again on every build and every save).
_CHANGED = ("'", '"', "...")


def typographic(text: str | None) -> str | None:
    if not text or not any(mark in text for mark in _CHANGED):
        return text
    return smartypants.smartypants(text.replace(_BACKSLASH, _ASIDE), _ATTRIBUTES).replace(_ASIDE, _BACKSLASH)
