"""A heading's permanent link (¶) and a note's way back (↩) named by `aria-label`, not `title`.

Material mounts a tooltip on every `[title]` of the content as the page starts
(`content.tooltips`), each a set of subscriptions made in the one task that follows the
page's parse. On the essay these two kinds of link were 27 of its 66 tooltips, and that
task the largest share of its blocking time (bench/notes.md, part 18). Named by
`aria-label`, a screen reader reads the same words, Python-Markdown's; a pointer over ¶
or ↩ no longer shows them. The figures' and notes' tooltips, which carry their sources,
stay.

A MkDocs hook (mkdocs.yml `hooks:`), not part of mkdocs-macros: it changes what Markdown
makes of every page, macros or none.
"""

from __future__ import annotations

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

# Python-Markdown's classes: toc's permanent links, footnotes' back-links.
NAMED_BY_LABEL = {"headerlink", "footnote-backref"}


class _Names(Treeprocessor):
    def run(self, root) -> None:
        for parent in root.iter():
            named = [link for link in parent if link.tag == "a" and "title" in link.attrib
                     and NAMED_BY_LABEL & set(link.get("class", "").split())]
            # A note used twice has a way back to each use, both named "Jump back to
            # footnote 7 in the text": a screen reader could not tell which led where.
            backs = [link for link in named if "footnote-backref" in link.get("class").split()]
            for link in named:
                link.set("aria-label", link.attrib.pop("title"))
            for use, link in enumerate(backs if len(backs) > 1 else (), 1):
                link.set("aria-label", f"{link.get('aria-label')} (use {use} of {len(backs)})")


class LinkNames(Extension):
    def extendMarkdown(self, md) -> None:
        # After toc (5), which adds the permanent links; the back-links come earlier (50, 15).
        md.treeprocessors.register(_Names(md), "edition_link_names", 4)


def on_config(config):
    config.markdown_extensions.append(LinkNames())
    return config
