"""Page text reaches the project's macros and plain values, and nothing else.

mkdocs-macros renders pages with a plain Jinja Environment and hands them the whole
MkDocs config, the plugin object and helpers such as macros_info(): with those,
`{{ cycler.__init__.__globals__.os.popen('id').read() }}` in a Markdown file runs a
shell command in whatever builds it. We swap in Jinja's ImmutableSandboxedEnvironment
with only our macros as globals, and strip the variables down to the page's own.
This touches the plugin's private `_env`: the plugin is pinned and
tests/test_guards.py proves the guard on every run.
"""

from __future__ import annotations

from types import SimpleNamespace

from jinja2 import Environment
from jinja2.sandbox import ImmutableSandboxedEnvironment

_DELIMITERS = ("block_start_string", "block_end_string", "variable_start_string",
               "variable_end_string", "comment_start_string", "comment_end_string")


def sandboxed(env: Environment, macros: dict) -> ImmutableSandboxedEnvironment:
    """A sandbox with `env`'s loader, delimiters and undefined policy, and `macros` only."""
    safe = ImmutableSandboxedEnvironment(
        loader=env.loader, undefined=env.undefined,
        **{name: getattr(env, name) for name in _DELIMITERS},
    )
    safe.globals.clear()  # no range, cycler, joiner, namespace, lipsum: pages do not need them
    safe.globals.update(macros)
    return safe


def page_view(page) -> SimpleNamespace:
    """What a page may know of itself: its front matter, title and URL."""
    return SimpleNamespace(meta=dict(page.meta), title=page.title, url=page.url)


def install(plugin, macros: dict) -> None:
    """Sandbox the plugin's Jinja environment and drop every variable but `page`."""
    if not isinstance(plugin._env, ImmutableSandboxedEnvironment):
        plugin._env = sandboxed(plugin._env, macros)
    page = plugin.variables.get("page")
    plugin.variables.clear()
    if page is not None:
        plugin.variables["page"] = page_view(page)
