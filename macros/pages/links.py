"""Links the build writes as HTML, resolved and checked as MkDocs does its Markdown links.

The bodies of the figures and sources lists are written as HTML (`pages/listing.py`),
so MkDocs' Markdown processing never sees their links. They name their targets as a
Markdown link would (`rundown/posts/item.md#fig-a-1`); `PageLinks` turns each into the
address that reaches it from the list page (`File.url_relative_to`, as MkDocs does),
says at MkDocs' own level when a page is missing (`validation.links.not_found`: a
warning, fatal with `--strict`), and adds the anchors to the page's
`links_to_anchors`, which MkDocs checks once every page is built.
"""

from __future__ import annotations

import logging

log = logging.getLogger("mkdocs.plugins.macros.edition")


class PageLinks:
    """The links written into one page's HTML."""

    def __init__(self, src: str, files, config) -> None:
        self.file = files.get_file_from_path(src)
        self.files, self.config = files, config
        self.anchors: dict = {}  # File -> {anchor: link as written}, as MkDocs keeps them

    def href(self, target: str) -> str:
        """The address of `target` ("essay.md#fig-a-1", or "#a" on this page) from this page."""
        if self.file is None:  # the list page itself is not built: no link of it is published
            return target
        path, _, anchor = target.partition("#")
        file = self.file if not path else self.files.get_file_from_path(path)
        if file is None:
            log.log(self.config["validation"]["links"]["not_found"],
                    "Doc file '%s' contains a link '%s', but the target is not found among "
                    "documentation files.", self.file.src_uri, target)
            return target
        if anchor:
            self.anchors.setdefault(file, {}).setdefault(anchor, target)
        url = "" if file is self.file else file.url_relative_to(self.file)
        return f"{url}#{anchor}" if anchor else url

    def hand_to(self, page) -> None:
        """Give the page's anchors to MkDocs' check (after the page's render, which resets
        them; MkDocs keeps none when its log is at DEBUG)."""
        if page.links_to_anchors is None:
            return
        for file, anchors in self.anchors.items():
            for anchor, target in anchors.items():
                page.links_to_anchors.setdefault(file, {}).setdefault(anchor, target)
