"""mkdocs-macros entry points: wiring only.

define_env loads and checks data/ once per build and registers the page macros;
the per-page hooks sandbox the template and append the page's footnotes. The logic
lives beside this file: model.py (what a figure and a source are), loading.py and
validation.py (strict reading and checks), formatting.py and citing.py (writing).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from . import (article, charts, corrections, data_pages, feed, head, reader_meta, sandbox,
               search_variants, template_errors)
from .citing import (NOTES_HEADING, PageNotes, claim_inline, figure_inline, figure_note, footnote_key,
                     md_text, source_note)
from .errors import DataError, DataErrors
from .lint import lint_pages
from .loading import load_registry
from .model import Registry, UnknownId
from .uses import Use, nav_titles, scan_docs

log = logging.getLogger("mkdocs.plugins.macros.figures")


class _Build:
    """What one build shares between hooks: the registry and the current page's notes."""

    registry: Registry
    uses: list[Use] = []  # every fig()/cite() call in docs/, read once per build
    notes: PageNotes = PageNotes()
    counts: dict[str, int] = {}  # uses of each figure so far on the current page
    macros: dict = {}
    # Reader metadata (cite this, corrections, head tags, feed, search spellings)
    corrections: list = []
    variants: dict = {}
    feed_items: dict = {}


def _where(env, needle: str) -> str:
    """'docs/essay.md:12', the first line of the current page that mentions `needle`."""
    path = env.page.file.abs_src_path
    name = os.path.relpath(path, env.project_dir)
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if needle in line:
                return f"{name}:{number}"
    return name


def _unknown(env, error: UnknownId) -> str:
    """Report an unknown id (fails `--strict`) and leave a visible marker for `serve`."""
    log.warning("%s: %s", _where(env, error.wanted), error)
    return f"**[{md_text(str(error))}]**"


def _failed(env, error: DataError) -> str:
    """Report a page macro's DataError (fails `--strict`) and leave a visible marker."""
    log.warning("%s (used in %s)", error, _where(env, "{{"))
    return f"**[{md_text(str(error))}]**"


def define_env(env) -> None:
    template_errors.install(env.project_dir)
    try:
        _Build.registry = load_registry(Path(env.project_dir))
    except DataErrors as errors:
        raise PluginError(f"{len(errors.errors)} mistake(s) in the data; nothing was built:\n{errors}") from None
    mistakes, unused = lint_pages(Path(env.conf["docs_dir"]), _Build.registry)
    if mistakes:
        raise PluginError(f"{len(mistakes)} mistake(s) in the pages; nothing was built:\n"
                          + "\n".join(map(str, mistakes)))
    for problem in unused:  # a warning: `--strict` fails on it, `mkdocs serve` goes on
        log.warning(problem)

    _Build.uses = scan_docs(Path(env.conf["docs_dir"]), nav_titles(env.conf["nav"]))

    def inline(figure) -> str:
        """The figure with its footnote and the anchor of its nth use on this page."""
        _Build.notes.add(footnote_key("fig", figure.id), figure_note(figure, _Build.registry))
        _Build.counts[figure.id] = _Build.counts.get(figure.id, 0) + 1
        return figure_inline(figure, _Build.registry, _Build.counts[figure.id])

    def fig(figure_id: str) -> str:
        """Write a figure as the essay does, with a footnote to its source."""
        try:
            figure = _Build.registry.figure(figure_id)
        except UnknownId as error:
            return _unknown(env, error)
        return inline(figure)

    def cite(source_id: str) -> str:
        """Footnote an attributed claim that carries no number."""
        try:
            source = _Build.registry.source(source_id)
        except UnknownId as error:
            return _unknown(env, error)
        _Build.notes.add(footnote_key("src", source.id), source_note(source))
        return claim_inline(source)

    docs = Path(env.project_dir) / "docs"

    def summary() -> str:
        """This page's one-line summary (front matter `description`), labelled as the edition's."""
        return article.summary_paragraph(env.page.meta.get("description", ""))

    def lead(src: str) -> str:
        """Another page's title, linked, and its summary (the front page's lead)."""
        try:
            return article.lead(article.front_matter(docs / src, f"docs/{src}"), src, env.page.file.src_uri)
        except DataError as error:
            return _failed(env, error)

    def rundown() -> str:
        """Every Rights Rundown item, newest first, read from the posts' front matter."""
        try:
            return article.rundown_list(article.rundown_items(docs), env.page.file.src_uri)
        except DataError as error:
            return _failed(env, error)

    # The data pages (figures, sources, timeline, charts), generated from the registry.
    try:
        listing = data_pages.listing(_Build.registry, data_pages.per_page(env.conf["extra"]))
    except DataError as error:
        raise PluginError(f"{error}; nothing was built") from None

    def figure_list(number: int = 1) -> str:
        """Page `number` of the figures list (hooks/data_pages.py makes pages 2, 3, ...)."""
        return data_pages.figure_entries(_Build.registry, _Build.uses, listing, number)

    def competing_estimates() -> str:
        return data_pages.competing_estimates(_Build.registry, listing)

    def source_list(number: int = 1) -> str:
        return data_pages.source_entries(_Build.registry, _Build.uses, listing, number)

    def timeline() -> str:
        return data_pages.timeline(_Build.registry, inline)

    def chart(name: str) -> str:
        try:
            return charts.chart(name, _Build.registry, listing.figure_link)
        except (charts.UnknownChart, UnknownId) as error:
            log.warning("%s: %s", _where(env, name), error)  # fails --strict, names the line
            return f"**[{md_text(str(error))}]**"

    _Build.macros = {"fig": fig, "cite": cite, "summary": summary, "lead": lead, "rundown": rundown,
                     "corrections_list": _reader_meta_setup(env), "figure_list": figure_list,
                     "source_list": source_list, "competing_estimates": competing_estimates,
                     "timeline": timeline, "chart": chart}
    for name, function in _Build.macros.items():
        env.macro(function, name)


def on_pre_page_macros(env) -> None:
    sandbox.install(env, _Build.macros)
    _Build.notes = PageNotes()
    _Build.counts = {}
    if env.page.meta.get("template") == article.ARTICLE_TEMPLATE:
        _article_header(env)


def _article_header(env) -> None:
    """Give overrides/article.html the header fields it prints, or fail the build saying which."""
    try:
        env.page.meta.update(article.header_fields(env.page.meta, _Build.registry, _where(env, "original:")))
    except DataError as error:
        log.warning("%s", error)


def on_post_page_macros(env) -> None:
    notes = _Build.notes.definitions(env.markdown)
    if notes:
        env.markdown += f"\n\n{NOTES_HEADING}\n\n{notes}\n"
    _reader_meta_page(env)


# --- Reader metadata: corrections, cite this, head tags, feed, search spellings ---

def _reader_meta_setup(env):
    """Load corrections and spelling variants; return the macro that lists corrections."""
    root, docs = Path(env.project_dir), Path(env.conf["docs_dir"])
    try:
        _Build.corrections = corrections.load_corrections(root, docs)
        _Build.variants = search_variants.load_variants(root)
    except DataErrors as errors:
        raise PluginError(f"{len(errors.errors)} mistake(s) in the data; nothing was built:\n{errors}") from None
    _Build.feed_items = {}
    titles = {c.page: corrections.page_title(docs, c.page) for c in _Build.corrections}

    def corrections_list() -> str:
        """Every update and correction, newest first (the /corrections/ page)."""
        return corrections.listing(_Build.corrections, titles)

    return corrections_list


def _reader_meta_page(env) -> None:
    """Append the corrections box and "Cite this page"; give the head partial its data."""
    page, site = env.page, reader_meta.site_of(env.conf)
    try:
        facts = reader_meta.facts(page, site, _Build.registry, _Build.corrections)
    except UnknownId as error:
        log.warning("%s: front matter '%s': %s", _where(env, f"{reader_meta.ORIGINAL_KEY}:"),
                    reader_meta.ORIGINAL_KEY, error)
        return
    extra = reader_meta.appendix(page, env.markdown, facts, site, _Build.corrections)
    if extra:
        env.markdown += "\n\n" + extra + "\n"
    page.meta["reader_head"] = head.head(facts, site)
    reader_meta.escape_description(page.meta)
    item = reader_meta.feed_item(page, facts)
    if item:
        _Build.feed_items[page.url] = item


def on_post_build(env) -> None:
    """After the search plugin: add spelling variants to its index; write the feed."""
    site_dir, site = Path(env.conf["site_dir"]), reader_meta.site_of(env.conf)
    search_variants.rewrite_index(site_dir, _Build.variants)
    rss = feed.rss(list(_Build.feed_items.values()), title=f"{site.name}: Rights Rundown",
                   link=site.url + "rundown/", description=site.description,
                   self_url=site.url + feed.FEED_PATH)
    (site_dir / feed.FEED_PATH).write_bytes(rss)
