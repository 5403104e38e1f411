"""What an article's header and the front page need, from front matter and the data.

Article pages (front matter `template: article.html`) name their original publication
(`original:`, a source id) and this edition's last update (`updated:`); the page
template prints the fields computed here. The front page lists the Rights Rundown from
the posts' own front matter, so a new item needs no edit of the front page.
"""

from __future__ import annotations

import datetime
import posixpath
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataError
from ..checks.front_matter import FrontMatter, read
from ..registry.model import PartialDate, Registry, Source, UnknownId
from ..render.escape import md_text
from ..render.formatting import format_partial_date

ARTICLE_TEMPLATE = "article.html"


def credit(source: Source, section: str | None = None) -> dict:
    """The original publication as the header credits it; unknown fields are said, not guessed.

    `section` names the part of it the page is (a Rights Rundown item was published with
    the essay, in the same newsletter issue)."""
    return {
        "section": section,
        "title": source.title,
        "publisher": source.publisher,
        "url": source.url,
        "date": format_partial_date(source.date) if source.date else "date not known",
        "datetime": str(source.date) if source.date else None,
        "note": (f"Published with “{source.title}”, in the same newsletter issue; the "
                 "newsletter’s name is not known to this edition.") if section else source.note,
    }


def header_fields(front: FrontMatter, registry: Registry, name: str) -> dict:
    """The fields overrides/article.html prints, from front matter and the data.

    The front matter's fields were checked against its schema before anything rendered
    (front_matter_checks.py); an unknown `original` source raises DataError, naming the
    page `name` and the line, so such a page never publishes. A page without `original`
    is this edition's own writing, and its header says so."""
    meta = front.meta
    credit_ = None
    if meta.get("original"):
        try:
            source = registry.source(meta["original"])
        except UnknownId as error:
            raise DataError(name, front.line_of("original"), None, f"original: {error}") from None
        credit_ = credit(source, meta.get("original_section"))
    updated = PartialDate(str(meta["updated"])[:10])
    return {"credit": credit_, "updated_iso": updated.text, "updated_text": format_partial_date(updated)}


def summary_paragraph(description: str) -> str:
    """The edition's one-line summary, labelled as this edition's (not the author's)."""
    return (f'<p class="edition-summary"><span class="edition-summary__label">This edition’s summary</span> '
            f"{md_text(description)}</p>")


@dataclass(frozen=True)
class RundownItem:
    """One Rights Rundown item, as its front matter describes it."""

    src: str  # path under docs/, e.g. rundown/posts/lebanon.md
    title: str
    date: datetime.date
    summary: str


POSTS_DIR = "rundown/posts"


def item_day(value) -> datetime.date | None:
    """A post's `date:` (or `date: {created: ...}`) as the strict reader gives it, as a day;
    None when it is not one."""
    value = value.get("created") if isinstance(value, dict) else value
    try:
        day = PartialDate.parse(str(value)[:10])  # a time of day, if given, is not shown
    except ValueError:
        return None
    return day.to_date() if day.precision == "day" else None


def rundown_items(docs: Path, posts_dir: str = POSTS_DIR) -> list[RundownItem]:
    """Every post under docs/<posts_dir>, newest first."""
    items = []
    for path in sorted((docs / posts_dir).glob("*.md")):
        src = f"{posts_dir}/{path.name}"
        meta = read(path, f"docs/{src}").meta
        date = item_day(meta.get("date"))
        if date is None or not meta.get("title") or not meta.get("description"):
            raise DataError(f"docs/{src}", 1, None,
                            "a Rights Rundown item needs title, date and description in its front matter")
        items.append(RundownItem(src, meta["title"], date, meta["description"]))
    return sorted(items, key=lambda item: item.date, reverse=True)


def link(target: str, from_page: str) -> str:
    """A Markdown link target from page `from_page` to `target` (both paths under docs/)."""
    return posixpath.relpath(target, posixpath.dirname(from_page) or ".")


# The front page shows the newest items, as a publication's does; the Rundown index
# (paginated by the blog plugin) has them all. At 1,000 items the full list made the
# front page 100 KB gzip on first view.
FRONT_PAGE_ITEMS = 10
# The attribute that marks the list: `make review` leaves it out of the page's text.
NEWEST_ITEMS = "data-newest-items"


def rundown_list(items: list[RundownItem], from_page: str, limit: int = FRONT_PAGE_ITEMS) -> str:
    """The newest `limit` Rundown items as the front page lists them: dated title, then
    the one-line summary."""
    rows = []
    for item in items[:limit]:
        when = item.date.isoformat()[:10]
        # Shown to the month, as the Rundown index does: the day is the reported event's,
        # not the newsletter's, which is not known.
        rows.append(
            f'<li class="rundown-item" markdown="block">\n'
            f'<time datetime="{when}">{format_partial_date(PartialDate(when[:7]))}</time>\n\n'
            f"[{md_text(item.title)}]({link(item.src, from_page)}){{ .rundown-item__title }}\n\n"
            f"{md_text(item.summary)}\n"
            f"</li>"
        )
    # Marked as a list of other pages' newest items, which `make review` does not count as
    # this page's text (review/articles.py): it changes whenever an item is added.
    return f'<ul class="rundown-list" {NEWEST_ITEMS} markdown>\n' + "\n".join(rows) + "\n</ul>"


def lead(meta: dict, src: str, from_page: str) -> str:
    """An article's title linked, and its one-line summary: the front page's lead."""
    if not meta.get("title") or not meta.get("description"):
        raise DataError(f"docs/{src}", 1, None, "the front page's lead needs title and description "
                                                "in this page's front matter")
    return (f"## [{md_text(meta['title'])}]({link(src, from_page)})\n\n"
            f'<p class="front-lead__summary">{md_text(meta["description"])}</p>')
