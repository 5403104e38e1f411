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

from .citing import md_text
from .errors import DataError
from .formatting import format_partial_date
from .model import PartialDate, Registry, Source, UnknownId
from .yaml_strict import load

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


def header_fields(meta: dict, registry: Registry, where: str) -> dict:
    """The fields overrides/article.html prints, from front matter and the data.

    Raises DataError (naming `where`, the page and line) when front matter lacks a field,
    names an unknown source or gives no real date, so such a page never publishes."""
    missing = [name for name in ("title", "description", "original", "updated") if not meta.get(name)]
    if missing:
        raise DataError(where, None, None, f"an article page needs {', '.join(missing)} in its front matter")
    try:
        source = registry.source(meta["original"])
    except UnknownId as error:
        raise DataError(where, None, None, f"original: {error}") from None
    updated = meta["updated"]
    if not isinstance(updated, datetime.date):
        raise DataError(where, None, None, f"updated: '{updated}' must be this edition's last update "
                                           "as a date, e.g. updated: 2026-11-25")
    iso = updated.isoformat()[:10]
    return {"credit": credit(source, meta.get("original_section")), "updated_iso": iso,
            "updated_text": format_partial_date(PartialDate(iso))}


def summary_paragraph(description: str) -> str:
    """The edition's one-line summary, labelled as this edition's (not the author's)."""
    return (f'<p class="edition-summary"><span class="edition-summary__label">This edition’s summary</span> '
            f"{md_text(description)}</p>")


@dataclass(frozen=True)
class Item:
    """One Rights Rundown item, as its front matter describes it."""

    src: str  # path under docs/, e.g. rundown/posts/lebanon.md
    title: str
    date: datetime.date
    summary: str


def front_matter(path: Path, name: str) -> dict:
    """The YAML front matter of a Markdown file (an empty dict if it has none)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(name, None, None, "no such page under docs/") from None
    if not text.startswith("---\n"):
        return {}
    data, _ = load(text.split("---\n", 2)[1], name)
    return data or {}


def rundown_items(docs: Path, posts_dir: str = "rundown/posts") -> list[Item]:
    """Every post under docs/<posts_dir>, newest first."""
    items = []
    for path in sorted((docs / posts_dir).glob("*.md")):
        src = f"{posts_dir}/{path.name}"
        meta = front_matter(path, f"docs/{src}")
        date = meta.get("date")
        date = _iso_date(date.get("created") if isinstance(date, dict) else date)
        if date is None or not meta.get("title") or not meta.get("description"):
            raise DataError(f"docs/{src}", 1, None,
                            "a Rights Rundown item needs title, date and description in its front matter")
        items.append(Item(src, meta["title"], date, meta["description"]))
    return sorted(items, key=lambda item: item.date, reverse=True)


def _iso_date(text) -> datetime.date | None:
    """A front-matter date (read as text by the strict loader), or None if it is not one."""
    try:
        return datetime.date.fromisoformat(str(text))
    except ValueError:
        return None


def link(target: str, from_page: str) -> str:
    """A Markdown link target from page `from_page` to `target` (both paths under docs/)."""
    return posixpath.relpath(target, posixpath.dirname(from_page) or ".")


# The front page shows the newest items, as a publication's does; the Rundown index
# (paginated by the blog plugin) has them all. At 1,000 items the full list made the
# front page 100 KB gzip on first view.
FRONT_PAGE_ITEMS = 10


def rundown_list(items: list[Item], from_page: str, limit: int = FRONT_PAGE_ITEMS) -> str:
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
    return '<ul class="rundown-list" markdown>\n' + "\n".join(rows) + "\n</ul>"


def lead(meta: dict, src: str, from_page: str) -> str:
    """An article's title linked, and its one-line summary: the front page's lead."""
    if not meta.get("title") or not meta.get("description"):
        raise DataError(f"docs/{src}", 1, None, "the front page's lead needs title and description "
                                                "in this page's front matter")
    return (f"## [{md_text(meta['title'])}]({link(src, from_page)})\n\n"
            f'<p class="front-lead__summary">{md_text(meta["description"])}</p>')
