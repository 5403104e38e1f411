"""A built page as a reader reads it: its article, as text, block by block.

The article is what the page's own Markdown made: Material's `article.md-content__inner`
(the one search indexes), or, on the blog's index pages, the header above the list of
posts. Left out: the navigation, header, footer and sidebars, heading permalinks (¶),
note numbers and back-links, and what a page lists of other pages as they change: the
blog index's posts and the front page's newest items (marked `data-newest-items`,
`pages/article.py`). So a page is listed as changed only when its own text changed.
"""

from __future__ import annotations

import html as html_text
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..pages.article import NEWEST_ITEMS
from ..reading.blocks import BLOCKS, SECTION_HEADINGS, VOID, Place, locate, silent, space_before, words
from ..reading.parse import Reader, read
from ..search.index import article

# The blog's index pages: Material writes the page's own content in this header, then
# each post's excerpt and the pagination after it (templates/blog.html).
_BLOG_INDEX = '<header class="md-typeset">'
_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)"')
# A heading's address in the page (#questions-left-unanswered), which links from elsewhere name.
_HEADING_ID = re.compile(r'<h[1-6][^>]*\sid="([^"]+)"')
# What a page's front matter shows outside its article: in the browser's tab and search
# results (the title), and there and in link previews (the description, which the
# og: and twitter: tags repeat).
_HEAD = {"title": re.compile(r"<title>([^<]*)</title>"),
         "description": re.compile(r'<meta name="description" content="([^"]*)"')}
# Blocks beyond those whose words a figure's excerpt quotes: code (the citations to copy),
# an admonition's title, a chart's labels, and any other element holding text of its own.
_MORE_BLOCKS = {"pre", "summary", "text", "title", "desc", "div", "section", "figure", "blockquote",
                "details", "header", "ul", "ol", "dl", "table", "tr", "svg", "article", "nav"}
_TEXT_BLOCKS = set(BLOCKS) | _MORE_BLOCKS
_UNREAD = {"script", "style", "template"}
# A sentence ends at . ! or ? after a lowercase letter, a digit or a closing quote (not
# "U.N."), with any closing quote, before the next one's capital (not "Feb. 3").
_SENTENCE_END = re.compile(r"(?<=[a-z0-9%”’\"')\]][.!?])[”’\"')\]]*\s+(?=[“‘\"'(\[]?[A-Z])")


def article_of(output: str) -> str | None:
    """The article's HTML in a built page, or None for a page without one (a redirect)."""
    found = article(output)
    if found is not None:
        return found
    start = output.find(_BLOG_INDEX)
    end = output.find("</header>", start)
    return output[start:end + len("</header>")] if start >= 0 and end >= 0 else None


# A block under the page's title and before its first section is told as under the title.
_HEADINGS = SECTION_HEADINGS | {"h1"}


@dataclass(frozen=True)
class Block:
    tag: str
    text: str
    section: str | None  # the heading above it, where one is; None for a heading itself

    @property
    def heading(self) -> bool:
        return self.tag in _HEADINGS


class _Blocks(Reader):
    """Each block's own words, in reading order: the innermost block holds a text."""

    def __init__(self, lists: bool = False):
        self.blocks: list[list] = []  # [tag, pieces], appended as each block opens
        self.stack: list[tuple[str, list | None, bool]] = []  # tag, the block it opens, unread
        self.lists = lists  # the front page's newest items read too

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attrs = dict(attrs)
        quiet = (tag in _UNREAD or silent(tag, attrs) or (NEWEST_ITEMS in attrs and not self.lists)
                 or bool(self.stack and self.stack[-1][2]))
        block = None
        if tag in _TEXT_BLOCKS and not quiet:
            block = [tag, []]
            self.blocks.append(block)
        self.stack.append((tag, block, quiet))

    def handle_endtag(self, tag):
        if tag in VOID or all(open_tag != tag for open_tag, _, _ in self.stack):
            return  # an end tag nothing opened
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if self.stack and self.stack[-1][2]:
            return
        block = next((b for _, b, _ in reversed(self.stack) if b is not None), None)
        if block is not None:
            block[1].append(data)


def text_blocks(html: str, lists: bool = False) -> tuple[Block, ...]:
    """The article's blocks that hold words, each block's words one space apart; with
    `lists`, the front page's list of the newest items too."""
    reader = _Blocks(lists)
    read(html, reader)
    blocks, section = [], None
    for tag, pieces in reader.blocks:
        text = words("".join(pieces))
        if not text:
            continue
        block = Block(tag, text, None)
        if block.heading:  # it opens a section, and is in none: not in the one it ends
            section = text
        else:
            block = Block(tag, text, section)
        blocks.append(block)
    return tuple(blocks)


@dataclass(frozen=True)
class Page:
    """One built page: its address on the site, its canonical URL, its article's HTML."""

    address: str  # "essay/", "" for the front page, "404.html"
    url: str
    html: str
    head: tuple[tuple[str, str], ...] = ()  # ("title", ...), ("description", ...) as the head has them

    @cached_property
    def anchors(self) -> frozenset[str]:
        """The addresses of the article's headings."""
        return frozenset(_HEADING_ID.findall(self.html))

    @cached_property
    def blocks(self) -> tuple[Block, ...]:
        return text_blocks(self.html)

    @property
    def texts(self) -> tuple[str, ...]:
        return tuple(block.text for block in self.blocks)

    @property
    def title(self) -> str:
        return next((block.text for block in self.blocks if block.tag == "h1"), "/" + self.address)


def site_pages(site: Path) -> dict[str, Page]:
    """Every page of a built site that has an article, by address (Pagefind's own files
    are not pages)."""
    pages = {}
    for path in sorted(site.rglob("*.html")):
        name = path.relative_to(site).as_posix()
        if name.startswith("pagefind/"):
            continue
        output = path.read_text(encoding="utf-8")
        html = article_of(output)
        if html is None:
            continue
        address = name.removesuffix("index.html")
        canonical = _CANONICAL.search(output)
        head = tuple((key, html_text.unescape(found.group(1))) for key, pattern in _HEAD.items()
                     if (found := pattern.search(output)))
        pages[address] = Page(address, canonical.group(1) if canonical else "/" + address, html, head)
    return pages


def sentence(place: Place) -> str:
    """The sentence of the block around an element: from the end of the sentence before
    it to the end of its own. The block is joined first, so that an element that ends a
    sentence (or opens one) is read with the punctuation and the words beside it."""
    before, text, after = words(place.before), words(place.text), words(place.after)
    head = f"{before} " if before else ""
    tail = space_before(after) + after
    block, start = head + text + tail, len(head)
    breaks = list(_SENTENCE_END.finditer(block))
    ends = [m.start() + len(m.group().rstrip()) for m in breaks]
    starts = [m.end() for m in breaks]
    first = max((at for at in starts if at <= start), default=0)
    last = min((at for at in ends if at >= start + len(text)), default=len(block))
    return block[first:last]


@dataclass(frozen=True)
class FigureUse:
    """One place where the text writes a figure: its page, its anchor, its sentence."""

    page: Page
    anchor: str  # fig-ID-N
    section: str | None
    sentence: str

    @property
    def link(self) -> str:
        return f"{self.page.url}#{self.anchor}"

    @property
    def place(self) -> str:
        return f"{self.page.title} › {self.section}" if self.section else self.page.title


def figure_uses(pages: dict[str, Page], figure_id: str) -> dict[tuple[str, str], FigureUse]:
    """Every use of the figure (a `span.fig` whose id is fig-ID-N) by page and anchor."""
    anchor = re.compile(rf'id="(fig-{re.escape(figure_id)}-\d+)"')
    uses = {}
    for address, page in pages.items():
        ids = set(anchor.findall(page.html))
        if not ids:
            continue
        for ident, place in locate(page.html, ids).items():
            uses[(address, ident)] = FigureUse(page, ident, place.section, sentence(place))
    return uses


def paired_uses(old: dict[str, Page], new: dict[str, Page],
                figure_id: str) -> list[tuple[FigureUse | None, FigureUse | None]]:
    """The figure's uses before and after, paired by page and anchor, in page order."""
    before, after = figure_uses(old, figure_id), figure_uses(new, figure_id)
    keys = sorted(before.keys() | after.keys(), key=lambda key: (key[0], int(key[1].rsplit("-", 1)[1])))
    return [(before.get(key), after.get(key)) for key in keys]
