"""The built files that differ beyond what the other comparisons read: a stylesheet, a
script, an image, the site's settings written into every page, or a page's HTML whose
words are the same (a link sent elsewhere, an image added). Readers may see these, and
no text comparison can say what they look like: the report names them, for the preview.

A page's HTML is compared with its runs of white space made one (Python-Markdown keeps a
doubled space that no browser shows); every other file byte for byte, which the build's
reproducible output (tests/test_reproducible.py) makes meaningful. Left out: what is made
for machines from the pages' words and tags (the search index and its vocabulary, the
sitemaps, Material's tags.json), the downloads (compared row by row) and the pages whose
text is listed already.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..downloads.files import FILES

_SPACE = re.compile(rb"\s+")
_FOR_MACHINES = ("pagefind/", "search/vocabulary.json", "sitemap.xml", "sitemap.xml.gz", "tags.json")


def _files(site: Path) -> dict[str, Path]:
    return {path.relative_to(site).as_posix(): path for path in site.rglob("*") if path.is_file()}


def _same(old: Path, new: Path) -> bool:
    before, after = old.read_bytes(), new.read_bytes()
    if before == after:
        return True
    return old.suffix == ".html" and _SPACE.sub(b" ", before) == _SPACE.sub(b" ", after)


def other_output(old_site: Path, new_site: Path, pages_listed: set[str]) -> list[str]:
    """The site's files (paths under it) added, removed or changed that no other part of
    the review covers; `pages_listed`: the addresses of pages whose text it lists."""
    old, new = _files(old_site), _files(new_site)
    changed = []
    for name in sorted(old.keys() | new.keys()):
        if name.startswith(_FOR_MACHINES) or name in FILES or name.removesuffix("index.html") in pages_listed:
            continue
        if name not in old or name not in new or not _same(old[name], new[name]):
            changed.append(name)
    return changed
