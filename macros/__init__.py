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

from . import charts, data_pages, sandbox, template_errors
from .citing import PageNotes, claim_inline, figure_inline, figure_note, footnote_key, md_text, source_note
from .errors import DataErrors
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


def define_env(env) -> None:
    template_errors.install(env.project_dir)
    try:
        _Build.registry = load_registry(Path(env.project_dir))
    except DataErrors as errors:
        raise PluginError(f"{len(errors.errors)} mistake(s) in the data; nothing was built:\n{errors}") from None

    _Build.uses = scan_docs(Path(env.conf["docs_dir"]), nav_titles(env.conf["nav"]))

    def inline(figure) -> str:
        """The figure with its footnote and the anchor of its nth use on this page."""
        _Build.notes.add(footnote_key("fig", figure.id), figure_note(figure, _Build.registry))
        _Build.counts[figure.id] = _Build.counts.get(figure.id, 0) + 1
        return figure_inline(figure, _Build.counts[figure.id])

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

    # The data pages (figures, sources, timeline, charts), generated from the registry.
    def figure_list() -> str:
        return data_pages.figure_entries(_Build.registry, _Build.uses)

    def competing_estimates() -> str:
        return data_pages.competing_estimates(_Build.registry)

    def source_list() -> str:
        return data_pages.source_entries(_Build.registry, _Build.uses)

    def timeline() -> str:
        return data_pages.timeline(_Build.registry, inline)

    def chart(name: str) -> str:
        try:
            return charts.chart(name, _Build.registry)
        except (charts.UnknownChart, UnknownId) as error:
            log.warning("%s: %s", _where(env, name), error)  # fails --strict, names the line
            return f"**[{md_text(str(error))}]**"

    _Build.macros = {"fig": fig, "cite": cite, "figure_list": figure_list, "source_list": source_list,
                     "competing_estimates": competing_estimates, "timeline": timeline, "chart": chart}
    for name, function in _Build.macros.items():
        env.macro(function, name)


def on_pre_page_macros(env) -> None:
    sandbox.install(env, _Build.macros)
    _Build.notes = PageNotes()
    _Build.counts = {}


def on_post_page_macros(env) -> None:
    notes = _Build.notes.definitions(env.markdown)
    if notes:
        env.markdown += "\n\n" + notes + "\n"
