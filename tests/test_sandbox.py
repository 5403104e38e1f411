"""The sandbox against the pinned mkdocs-macros itself: it reaches into the plugin's
private `_env`, its `variables` and its `format_error` dispatcher (macros/render/sandbox.py),
so these tests drive a real MacrosPlugin's `render` and fail if any of those changes."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from jinja2 import Environment, StrictUndefined
from mkdocs_macros.plugin import MacrosPlugin

from macros.render import sandbox


@pytest.fixture
def plugin():
    """A MacrosPlugin as its on_config leaves it, about to render a page."""
    plugin = MacrosPlugin()
    plugin.load_config({"on_undefined": "strict"})
    plugin._env = Environment(undefined=StrictUndefined)
    plugin._env.globals["cycler"] = object  # stands for Jinja's default globals
    plugin._variables = {"config": {"secret": "x"}, "page": SimpleNamespace(meta={"a": 1}, title="T", url="t/")}
    plugin._page = SimpleNamespace(file=SimpleNamespace(src_path="t.md"))
    sandbox.install(plugin, {"fig": lambda figure_id: f"<{figure_id}>"})
    return plugin


def test_the_plugin_renders_through_the_sandbox(plugin):
    assert plugin.render("{{ fig('a') }} {{ page.meta.a }}") == "<a> 1"


@pytest.mark.parametrize("escape", ["{{ config }}", "{{ cycler }}", "{{ fig.__globals__ }}",
                                    "{{ page.__class__.__mro__ }}"])
def test_what_the_sandbox_removes_is_unreachable_and_the_error_is_ours(plugin, escape):
    sandbox.report_errors_with(lambda error, page: f"ours: {type(error).__name__} in {page.file.src_path}")
    out = plugin.render(escape)
    assert out.startswith("ours: ") and out.endswith("in t.md"), out
