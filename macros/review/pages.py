"""Which pages change for readers between two builds, and which of their blocks.

Pages are compared by their article's text (`articles.py`), never their HTML: a page
whose words are the same is not listed, whatever its navigation, links or markup did
(`other_output.py` names the files that differ so).
A page gone from one address and found at another, with the same title, the same text
or most of its blocks, has moved.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass

from .articles import Block, Page


@dataclass(frozen=True)
class BlockChange:
    before: str | None  # None: the block is new
    after: str | None  # None: the block is gone; the same as before: the block has moved
    section: str | None  # the heading above it; None for a heading
    heading: bool = False  # the block is a heading: told as itself, not under the one before


@dataclass(frozen=True)
class PageChange:
    kind: str  # "added", "removed", "moved", "changed"
    page: Page  # as it is now (as it was, for a page removed)
    old: Page | None = None  # as it was, for a page moved or changed
    blocks: tuple[BlockChange, ...] = ()
    head: tuple[tuple[str, str, str], ...] = ()  # (name, before, after): its title, its description
    anchors_gone: tuple[str, ...] = ()  # its headings' addresses that are no more: links to them open its top


def block_changes(old: tuple[Block, ...], new: tuple[Block, ...]) -> tuple[BlockChange, ...]:
    """Each block whose text differs: replaced ones paired with the most alike, then those
    added or removed."""
    changes = []
    before_texts, after_texts = [b.text for b in old], [b.text for b in new]
    # No "junk": a list page repeats its labels ("Exact value", "Accessed") in every entry,
    # and each must be able to anchor a match, or the entries around it pair up wrongly.
    matcher = difflib.SequenceMatcher(None, before_texts, after_texts, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        pairs = _alike(old[i1:i2], new[j1:j2])
        changes += [BlockChange(b.text, a.text, a.section, a.heading) for b, a in pairs if b and a and b.text != a.text]
        changes += [BlockChange(b.text, None, b.section, b.heading) for b, a in pairs if a is None]
        changes += [BlockChange(None, a.text, a.section, a.heading) for b, a in pairs if b is None]
    return _moves_of_blocks(changes)


# How alike two blocks must be to be paired before any other (difflib's Differ pairs lines
# from 0.75); past PAIRS_WEIGHED pairs in one run (a list rewritten whole), in order.
ALIKE = 0.75
PAIRS_WEIGHED = 10_000


def _text_likeness(before: str, after: str) -> float:
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    return matcher.ratio() if matcher.real_quick_ratio() > ALIKE and matcher.quick_ratio() > ALIKE else 0.0


def _alike(before: tuple[Block, ...], after: tuple[Block, ...]) -> list[tuple[Block | None, Block | None]]:
    """The blocks of one replaced run paired as difflib's Differ pairs lines: the most alike
    pair first, then the runs before and after it in the same way; where none are alike, in
    order. Paired by position only, an entry added at the top of a list was told as the
    first entry rewritten into it, the first into the second, and so on (a correction
    added above the others, each of them retyped)."""
    alike = {}
    if len(before) * len(after) <= PAIRS_WEIGHED:
        alike = {(i, j): likeness for i, b in enumerate(before) for j, a in enumerate(after)
                 if (likeness := _text_likeness(b.text, a.text)) > ALIKE}

    def paired(i1: int, i2: int, j1: int, j2: int) -> list[tuple[Block | None, Block | None]]:
        inside = [(likeness, -i, -j) for (i, j), likeness in alike.items() if i1 <= i < i2 and j1 <= j < j2]
        if not inside:  # none alike: in order, as a rewritten paragraph is told against the old
            n = min(i2 - i1, j2 - j1)
            return [*zip(before[i1:i1 + n], after[j1:j1 + n]), *((b, None) for b in before[i1 + n:i2]),
                    *((None, a) for a in after[j1 + n:j2])]
        _, i, j = max(inside)  # the most alike; of equals, the first
        i, j = -i, -j
        return [*paired(i1, i, j1, j), (before[i], after[j]), *paired(i + 1, i2, j + 1, j2)]

    return paired(0, len(before), 0, len(after))


def _moves_of_blocks(changes: list[BlockChange]) -> tuple[BlockChange, ...]:
    """A block gone from one place and new at another, word for word, has moved (entries
    reordered): told once, where it is now, not as one block removed and one added."""
    gone_texts = Counter(c.before for c in changes if c.after is None)
    moved = gone_texts & Counter(c.after for c in changes if c.before is None)
    gone, out = moved.copy(), []
    for change in changes:
        if change.after is None and gone[change.before]:
            gone[change.before] -= 1
        elif change.before is None and moved[change.after]:
            moved[change.after] -= 1
            out.append(BlockChange(change.after, change.after, change.section, change.heading))
        else:
            out.append(change)
    return tuple(out)


def head_changes(old: Page, new: Page) -> tuple[tuple[str, str, str], ...]:
    """The title and description in the page's head that changed: no block of the article shows them."""
    before = dict(old.head)
    return tuple((name, before.get(name, ""), text) for name, text in new.head if before.get(name, "") != text)


# How much of a removed page's blocks an added page must share to be the same page moved
# and edited (a Rundown item given a new slug and title, and a sentence reworded).
_MOSTLY_SAME = 0.6


def _likeness(old: Page, new: Page) -> float:
    return difflib.SequenceMatcher(None, old.texts, new.texts, autojunk=False).ratio()


def _moves(removed: dict[str, Page], added: dict[str, Page]) -> list[tuple[Page, Page]]:
    """(old, new) for each removed page found again at an added address: with its text,
    with its title, or else with most of its blocks."""
    moves = []
    for old in list(removed.values()):
        match = next((new for new in added.values() if new.texts == old.texts), None) or \
            next((new for new in added.values() if new.title == old.title), None) or \
            max((new for new in added.values() if _likeness(old, new) >= _MOSTLY_SAME),
                key=lambda new: _likeness(old, new), default=None)
        if match is not None:
            moves.append((old, match))
            del removed[old.address], added[match.address]
    return moves


def page_changes(old: dict[str, Page], new: dict[str, Page]) -> list[PageChange]:
    """Every page added, removed, moved or changed in its text, by address."""
    changes = []
    for address, page in new.items():
        before = old.get(address)
        if before is None:
            continue
        # The same HTML: the same words, unread.
        blocks = () if before.html == page.html else block_changes(before.blocks, page.blocks)
        head = head_changes(before, page)
        gone = tuple(sorted(before.anchors - page.anchors))
        if blocks or head or gone:
            changes.append(PageChange("changed", page, before, blocks, head, gone))
    removed = {a: p for a, p in old.items() if a not in new}
    added = {a: p for a, p in new.items() if a not in old}
    for before, page in _moves(removed, added):
        changes.append(PageChange("moved", page, before, block_changes(before.blocks, page.blocks),
                                  head_changes(before, page)))
    changes += [PageChange("added", page) for page in added.values()]
    changes += [PageChange("removed", page) for page in removed.values()]
    order = {"added": 0, "removed": 1, "moved": 2, "changed": 3}
    return sorted(changes, key=lambda c: (order[c.kind], c.page.address))
