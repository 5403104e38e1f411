"""Page text reaches the project's macros and plain values, and nothing else.

mkdocs-macros renders pages with a plain Jinja Environment and hands them the whole
MkDocs config, the plugin object and helpers such as macros_info(): with those,
`{{ cycler.__init__.__globals__.os.popen('id').read() }}` in a Markdown file runs a
shell command in whatever builds it. mkdocs-macros has no option for this, so this
module, and only this one, reaches into the plugin: it swaps in Jinja's
ImmutableSandboxedEnvironment with only our macros as globals, strips the variables
down to the page's own, and routes template errors through our formatter (the
plugin's `format_error` dispatcher). The plugin is pinned in requirements.txt and
tests/test_sandbox.py fails if any of these internals changes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from types import SimpleNamespace

from jinja2 import Environment, TemplateSyntaxError, Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

_DELIMITERS = ("block_start_string", "block_end_string", "variable_start_string",
               "variable_end_string", "comment_start_string", "comment_end_string")


class NotText(TypeError):
    """A page's {{ }} holds a value that is no text: Jinja would print Python's form of it."""


def printed(value):
    """What a page's {{ }} may print: text (a macro's output, a title), a number or a
    date. {{ page.meta }} printed Python's "{'title': ...}", {{ fig }} "<function
    page_macros.<locals>.fig ...>", and {{ page.meta.tags }} "['Lebanon', ...]"."""
    if isinstance(value, (str, int, float, date, Undefined)) and not isinstance(value, bool):
        return value  # an Undefined raises its own error as it is printed
    kind = "a function" if callable(value) else f"Python's form of a {type(value).__name__}"
    raise NotText(f"this {{{{ }}}} would print {kind}, not text: call a macro with its "
                  "parentheses, as {{ fig('figure-id') }}, or print one value of the front matter, "
                  "as {{ page.meta.title }}")


def sandboxed(env: Environment, macros: dict) -> ImmutableSandboxedEnvironment:
    """A sandbox with `env`'s loader, delimiters and undefined policy, and `macros` only;
    what it prints is text (printed)."""
    safe = ImmutableSandboxedEnvironment(
        loader=env.loader, undefined=env.undefined, finalize=printed,
        **{name: getattr(env, name) for name in _DELIMITERS},
    )
    safe.globals.clear()  # no range, cycler, joiner, namespace, lipsum: pages do not need them
    safe.globals.update(macros)
    return safe


def page_view(page) -> SimpleNamespace:
    """What a page may know of itself: its front matter, title and URL."""
    return SimpleNamespace(meta=dict(page.meta), title=page.title, url=page.url)


def install(plugin, macros: dict) -> None:
    """Before a page renders: sandbox the plugin's Jinja environment (once) and drop
    every variable but `page`, which mkdocs-macros has just set for this page."""
    if not isinstance(plugin._env, ImmutableSandboxedEnvironment):
        plugin._env = sandboxed(plugin._env, macros)
    page = plugin.variables.get("page")
    plugin.variables.clear()
    if page is not None:
        plugin.variables["page"] = page_view(page)


def report_errors_with(describe: Callable[[Exception, object], str]) -> None:
    """Route every template error through `describe(error, page)`: the message it returns
    is logged as a warning (which fails `--strict`) and shown in place of the page by
    `mkdocs serve`, instead of the plugin's traceback full of this machine's paths."""
    from mkdocs_macros.errors import format_error

    def formatted(error, markdown, page):
        return describe(error, page)

    format_error.register(Exception, formatted)
    format_error.register(TemplateSyntaxError, formatted)
