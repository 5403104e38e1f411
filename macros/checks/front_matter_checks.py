"""Every page's front matter, checked before anything renders: against the schema of its
kind (data/schema/front-matter.schema.json), then what no schema can say because it
spans pages or the data: unique slugs that take no other page's address, dates that
have come, `original:` naming a publication that appeared after what the page reports,
tags spelt one way (they are search's filters), `updated:` no older than the page's first
publication or its newest correction, and corrections no older than that publication.

The build and `make check` run these through `lint.lint_pages`; each mistake is a
DataError at the key's line and column.
"""

from __future__ import annotations

import datetime
import posixpath
import unicodedata
from collections import Counter
from pathlib import Path

from ..errors import DataError, one_edit_apart
from .front_matter import FrontMatter, parse
from ..pages.article import ARTICLE_TEMPLATE, POSTS_DIR
from ..registry.model import SOURCE_KINDS, PartialDate, Registry
from ..registry.schemas import validation_errors, validator
from ..search import index as search_index

SCHEMA = "front-matter.schema.json"
KINDS = ("plain", "article", "rundown-item")  # and "generated": generated_page_errors
BLOG_DIR = posixpath.dirname(POSTS_DIR)
# Addresses under the blog's folder that the blog plugin itself writes: rundown/page/2/, ...
BLOG_PATHS = {"page": "the Rundown index's further pages (rundown/page/2/, ...)"}


def page_kind(src: str, meta: dict) -> str:
    """The kind of page at `src` (under docs/), which picks its front matter's schema."""
    if src.startswith(POSTS_DIR + "/"):
        return "rundown-item"
    return "article" if meta.get("template") == ARTICLE_TEMPLATE else "plain"


def _day(value) -> datetime.date | None:
    """A front matter date as a day (a datetime's day), None if it is not one."""
    if isinstance(value, datetime.datetime):
        return value.date()
    return value if isinstance(value, datetime.date) else None


class FrontMatterChecks:
    """One build's checks: the schemas read once, every page's front matter kept for the
    checks across pages."""

    def __init__(self, docs_dir: Path, registry: Registry, today: datetime.date):
        self.docs_dir, self.registry, self.today = docs_dir, registry, today
        self.checkers = {kind: validator(SCHEMA, kind) for kind in KINDS}
        self.pages: dict[str, tuple[str, FrontMatter]] = {}  # src -> (name, front matter)

    def page(self, name: str, text: str) -> list[DataError]:
        """The mistakes in one page's front matter; `name` is docs/<src>."""
        try:
            front = parse(text, name)
        except DataError as error:
            return [error]
        src = name.split("/", 1)[1]
        self.pages[src] = (name, front)
        if not front.meta and page_kind(src, {}) == "plain":
            return []  # a plain page may go without: MkDocs takes its title from its heading
        return validation_errors(self.checkers[page_kind(src, front.meta)], front.meta, front.marks, name,
                                 "front matter")

    def across_pages(self, corrections_file: str) -> list[DataError]:
        """What spans pages or the data: the posts' folder, slugs, dates to come, updates
        and corrections."""
        return (self._strays() + self._slugs() + self._dates() + self._originals() + self._tags()
                + self._corrections(corrections_file))

    def _strays(self) -> list[DataError]:
        """Files in the posts' folder that would not be items. MkDocs copies a post saved
        as .MD or .txt to the site as it stands, and builds one in a subfolder or saved as
        .markdown without the Rundown, the front page or the feed listing it, which read
        `*.md` in the folder itself (`pages/article.py: rundown_items`)."""
        folder, errors = self.docs_dir / POSTS_DIR, []
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            where = path.relative_to(folder)
            if path.is_dir() or any(part.startswith(".") for part in where.parts):
                continue  # MkDocs leaves out dotfiles, as an editor's or the system's own
            name = f"docs/{POSTS_DIR}/{where.as_posix()}"
            if len(where.parts) > 1:
                errors.append(DataError(name, None, None, f"a Rundown item sits in the posts' folder itself: "
                                                          f"move it to docs/{POSTS_DIR}/"))
            elif path.suffix != ".md":
                errors.append(DataError(name, None, None, "the posts' folder holds only Rundown items, each saved "
                                                          f"as .md: if this is one, rename it {path.name.split('.')[0]}.md; "
                                                          "put other files in docs/assets/"))
        return errors

    def _at(self, src: str, key: str, message: str) -> DataError:
        name, front = self.pages[src]
        line, column = front.marks.get((key,), (None, None))
        return DataError(name, line, column, message)

    def _slugs(self) -> list[DataError]:
        taken = {p.stem: f"the address of docs/{BLOG_DIR}/{p.name}" for p in (self.docs_dir / BLOG_DIR).glob("*.md")}
        taken.update({slug: f"where the blog writes {what}" for slug, what in BLOG_PATHS.items()})
        errors, first = [], {}
        for src, (name, front) in sorted(self.pages.items()):
            slug = front.meta.get("slug")
            if not isinstance(slug, str) or page_kind(src, front.meta) != "rundown-item":
                continue
            if slug in taken:
                errors.append(self._at(src, "slug", f"slug '{slug}' would make this item's address "
                                       f"{BLOG_DIR}/{slug}/, {taken[slug]}: choose another slug"))
            elif slug in first:
                errors.append(self._at(src, "slug", f"slug '{slug}' is already the slug of {first[slug]}: "
                                       "each item needs its own (its address), e.g. the file's name"))
            first.setdefault(slug, name)
        return errors

    def _dates(self) -> list[DataError]:
        errors = []
        for src, (_name, front) in sorted(self.pages.items()):
            for key in ("date", "updated"):
                day = _day(front.meta.get(key))
                if day and day > self.today:
                    errors.append(self._at(src, key, f"{key}: {day.isoformat()} is after the day of the "
                                           f"build ({self.today.isoformat()}): write a date that has come"))
            updated, first = _day(front.meta.get("updated")), self.first_published(front.meta)
            if updated and first and updated < first:
                errors.append(self._at(src, "updated", f"updated: {updated.isoformat()} is before the page "
                                       f"was first published ({first.isoformat()}): write the day of its "
                                       "latest change, on or after that"))
        return errors

    def _originals(self) -> list[DataError]:
        """`original:` credits a publication with the page's words, in its header and in
        "Cite this page": it must name a source of kind `original`, not one the text cites.
        (An unknown id stops the build where the header is written: pages/article.py.)"""
        errors = []
        for src, (_name, front) in sorted(self.pages.items()):
            source = self.registry.sources.get(front.meta.get("original"))
            day = _day(front.meta.get("date"))
            if source and source.kind != "original":
                errors.append(self._at(src, "original", (
                    f"original: source '{source.id}' is of kind {source.kind} "
                    f"({SOURCE_KINDS[source.kind].label}), not the publication this "
                    "text first appeared in: name a source of kind original (data/sources.yml), or leave "
                    "original: out for a text written for this edition")))
            elif (source and source.date and day and day <= self.today
                  and source.date.before(PartialDate(day.isoformat()))):
                # An item copied from one credited to the essay's publication keeps its
                # original: and its credit, for events that publication never reported.
                errors.append(self._at(src, "date", (
                    f"date: {day.isoformat()} is after '{source.id}' appeared ({source.date}), the "
                    "publication original: credits with this text: it cannot report what happened "
                    "later. Fix the date, or leave original: out for a text written for this edition")))
        return errors

    def _tags(self) -> list[DataError]:
        """Tags are search's filters (search/index.py): a tag spelt two ways (lebanon,
        Lebanon) split one filter in two, and a country's name in another case, or with a
        letter from another alphabet that looks Latin (Lebаnon, Cyrillic а), was no
        country filter at all, without a word."""
        tagged = [(src, index, tag) for src, (_name, front) in sorted(self.pages.items())
                  if isinstance(front.meta.get("tags"), list)  # tags: as text is the schema's to tell
                  for index, tag in enumerate(front.meta["tags"]) if isinstance(tag, str)]
        spellings: dict[str, Counter] = {}
        for _src, _index, tag in tagged:
            spellings.setdefault(tag.casefold(), Counter())[tag] += 1
        countries = {country.casefold(): country for country in search_index.countries()}
        errors = []
        for src, index, tag in tagged:
            foreign = next((c for c in tag if unicodedata.name(c, "").startswith(("CYRILLIC", "GREEK"))), None)
            wanted = countries.get(tag.casefold()) or spellings[tag.casefold()].most_common(1)[0][0]
            near = self._near(tag, countries, spellings)
            if foreign:
                message = (f"tags: '{tag}' holds U+{ord(foreign):04X} ({unicodedata.name(foreign)}), a letter "
                           "that looks Latin but is not: type the tag again in plain letters")
            elif tag != wanted:
                why = "a country's name" if tag.casefold() in countries else "the tag as other pages write it"
                message = (f"tags: '{tag}' is '{wanted}' written another way ({why}): search would offer "
                           f"them as two filters; write '{wanted}'")
            elif near:
                message = (f"tags: '{tag}' is one letter from '{near[0]}' ({near[1]}), and no other page "
                           f"is tagged '{tag}': write '{near[0]}'. The tag is printed on every page's "
                           "list of tags and offered as a search filter")
            else:
                continue
            name, front = self.pages[src]
            errors.append(DataError(name, *front.marks.get(("tags", index), (None, None)), message))
        return errors

    @staticmethod
    def _near(tag: str, countries: dict[str, str], spellings: dict[str, Counter]) -> tuple[str, str] | None:
        """(what `tag` seems meant to be, why) if it is a typo: no country, tagged on one
        page only, and one letter from a country's name or another page's tag (Lebanonn).
        Words under five letters are left alone, as search does: Iran is not Iraq."""
        key = tag.casefold()
        if key in countries or sum(spellings[key].values()) > 1 or len(key) < 5:
            return None
        for other, country in sorted(countries.items()):
            if one_edit_apart(key, other):
                return country, "a country's name"
        for other, written in sorted(spellings.items()):
            if one_edit_apart(key, other):
                return written.most_common(1)[0][0], "a tag other pages have"
        return None

    def first_published(self, meta: dict) -> datetime.date | None:
        """The first day a page can have been published: its original's date, and a
        Rundown item's own date, whichever is later (None if neither is known)."""
        original = self.registry.sources.get(meta.get("original"))
        days = [original.date.to_date()] if original and original.date else []
        # A date still to come is told once, as such (_dates), not again as the page's
        # publication that its `updated:` and its corrections would come before.
        days += [d for d in [_day(meta.get("date"))] if d and d <= self.today]
        return max(days) if days else None

    def _corrections(self, corrections_file: str) -> list[DataError]:
        errors = []
        for src, (_name, front) in sorted(self.pages.items()):
            mine = self.registry.corrections_of(src)  # newest first
            if not mine:
                continue
            newest, updated = mine[0], _day(front.meta.get("updated"))
            if updated and updated < newest.date.to_date():
                errors.append(self._at(src, "updated", f"updated: {updated.isoformat()} is older than this "
                                       f"page's newest correction ({newest.date}, {corrections_file}:"
                                       f"{newest.at[0]}): write updated: {newest.date}"))
            first = self.first_published(front.meta)
            for correction in mine:
                if first and correction.date.to_date() < first:
                    errors.append(DataError(corrections_file, *correction.at,
                                            f"date '{correction.date}' is before docs/{src} was first "
                                            f"published ({first.isoformat()}): a correction comes on or "
                                            "after it; check the date and the page"))
        return errors


def generated_page_errors(pages: dict[str, str]) -> list[DataError]:
    """The mistakes in the front matter of the pages the build writes ({src: Markdown}):
    a change to the code that writes them is held to the same schema as a page."""
    checker, errors = validator(SCHEMA, "generated"), []
    for src, text in pages.items():
        front = parse(text, f"(generated) {src}")
        errors += validation_errors(checker, front.meta, front.marks, f"(generated) {src}", "front matter")
    return errors
