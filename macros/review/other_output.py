"""The built files that differ beyond what the other comparisons read: a stylesheet, a
script, an image, the site's settings written into every page, or a page's HTML outside
its article's words (the navigation, the footer, the search dialog's filters, the front
page's newest items), the feed's items, or a page whose words are the same (a link sent
elsewhere, an image added).
Readers may see these: the report names them, for the preview, with the words that
changed where there are any, and pages that changed the same way are named together,
so that one new tag's filter is told once, not once a page.

A page's HTML is compared with its runs of white space made one (Python-Markdown keeps a
doubled space that no browser shows); every other file byte for byte, which the build's
reproducible output (tests/test_reproducible.py) makes meaningful. Left out: what is made
for machines from the pages' words and tags (the search index and its vocabulary, the
sitemaps, Material's tags.json), the downloads (compared row by row) and the pages whose
text is listed already.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from ..downloads.files import FILES
from ..meta.feed import FEED_PATH
from .articles import text_blocks

_SPACE = re.compile(rb"\s+")
_FOR_MACHINES = ("pagefind/", "search/vocabulary.json", "sitemap.xml", "sitemap.xml.gz", "tags.json")

# A block's words before and after; None where the block is new, or gone.
WordChange = tuple[str | None, str | None]


@dataclass(frozen=True)
class OtherOutput:
    """Built files that differ in the same way: the same words changed in each page, or
    (`words` empty) no words at all, only style, markup or a file that is not a page."""

    files: tuple[str, ...]
    words: tuple[WordChange, ...] = ()


def _files(site: Path) -> dict[str, Path]:
    return {path.relative_to(site).as_posix(): path for path in site.rglob("*") if path.is_file()}


def _same(before: bytes, after: bytes, name: str) -> bool:
    return before == after or (name.endswith(".html") and _SPACE.sub(b" ", before) == _SPACE.sub(b" ", after))


def _page_blocks(html: bytes) -> list[str]:
    """A page's words, block by block, the whole page (its <title> too)."""
    return [block.text for block in text_blocks(html.decode("utf-8", "replace"), lists=True)]


def _feed_items(xml: bytes) -> list[str]:
    """What a feed reader shows of each item: its title and its description."""
    return [f"{item.findtext('title')}: {item.findtext('description')}"
            for item in ElementTree.fromstring(xml).iter("item")]


def _reader(name: str):
    """How a built file's words are read: the feed's items, a page's blocks, or None."""
    return _feed_items if name == FEED_PATH else _page_blocks if name.endswith(".html") else None


def _words(before: bytes, after: bytes, read) -> tuple[WordChange, ...]:
    """The blocks of a page (or the items of the feed) whose words differ: a run of
    blocks changed as one told as one change."""
    old, new = read(before), read(after)
    changes: list[WordChange] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if op == "replace" and i2 - i1 == j2 - j1:
            changes += zip(old[i1:i2], new[j1:j2])
        elif op == "replace":
            changes.append((" ".join(old[i1:i2]), " ".join(new[j1:j2])))
        else:
            changes += [(text, None) for text in old[i1:i2]] + [(None, text) for text in new[j1:j2]]
    return tuple(changes)


def other_output(old_site: Path, new_site: Path, pages_listed: set[str]) -> list[OtherOutput]:
    """The site's files (paths under it) added, removed or changed that no other part of
    the review covers; `pages_listed`: the addresses of pages whose text it lists. A
    change of words found in several pages is told once, with the pages it is in."""
    old, new = _files(old_site), _files(new_site)
    pages_of: dict[tuple[WordChange, int], list[str]] = {}  # a change (its nth in a page): where
    wordless: list[OtherOutput] = []
    for name in sorted(old.keys() | new.keys()):
        if name.startswith(_FOR_MACHINES) or name in FILES or name.removesuffix("index.html") in pages_listed:
            continue
        if name not in old or name not in new:
            wordless.append(OtherOutput((name,)))
            continue
        before, after = old[name].read_bytes(), new[name].read_bytes()
        if _same(before, after, name):
            continue
        read = _reader(name)
        words = _words(before, after, read) if read else ()
        if not words:
            wordless.append(OtherOutput((name,)))
        seen: Counter[WordChange] = Counter()
        for change in words:
            seen[change] += 1
            pages_of.setdefault((change, seen[change]), []).append(name)
    together: dict[tuple[str, ...], list[WordChange]] = {}
    for (change, _), pages in pages_of.items():
        together.setdefault(tuple(pages), []).append(change)
    told = [OtherOutput(pages, tuple(changes)) for pages, changes in together.items()]
    return sorted(told + wordless, key=lambda output: (-len(output.files), output.files[0]))
