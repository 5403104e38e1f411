"""Material's blog, converting a post's excerpt without converting the whole post again.

Material 9.8's `Excerpt.render` converts a post's entire Markdown for every excerpt it
shows (on the Rundown's index pages), then cuts the HTML at `<!-- more -->`: the whole
text converted a second time, 1,000 times at 1,000 items. `PostExcerpt` converts what
comes before the separator, and the footnote definitions that part refers to (their
notes are cut away with the rest), so the HTML before the separator is the same. The
notes are most of a post's Markdown once the macros have written them: only those the
excerpt refers to are converted.

`events.py` gives each post's excerpt this class right after the blog plugin made it.
`tests/test_blog_excerpt.py` checks that the index pages read exactly as with Material's
own method, and fails on another Material version, whose method may have changed.
"""

from __future__ import annotations

import re

from material.plugins.blog.structure import Excerpt

# A footnote definition with its indented continuation lines (Python-Markdown's syntax).
FOOTNOTE = re.compile(r"^\[\^([^\]\n]+)\]:.*(?:\n(?:[ \t]*\n)*(?:    |\t).*)*", re.M)


def excerpt_markdown(markdown: str, separator: str) -> str:
    """What an excerpt needs converted: the text before the separator, the separator, and
    the footnote definitions that text refers to (a note may refer to another)."""
    head, found, rest = markdown.partition(separator)
    if not found:
        return markdown
    notes = {match.group(1): match.group(0) for match in FOOTNOTE.finditer(rest)}
    needed, text = set(), head
    while True:
        more = {key for key in notes if key not in needed and f"[^{key}]" in text}
        if not more:
            break
        needed |= more
        text += "".join(notes[key] for key in more)
    return f"{head}{separator}\n\n" + "\n\n".join(note for key, note in notes.items() if key in needed) + "\n"


class PostExcerpt(Excerpt):
    def render(self, page, separator: str):
        # Material's render reads self.post.markdown; lend it the short text for the call.
        post = self.post
        full = post.markdown
        post.markdown = excerpt_markdown(full, separator)
        try:
            super().render(page, separator)
        finally:
            post.markdown = full
        # What follows the separator was not converted: Material's templates only ask
        # whether there is more (for "Continue reading"), and there is.
        if separator in full:
            self.more = self.more or "\n"
