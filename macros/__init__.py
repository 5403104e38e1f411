"""The mkdocs-macros module of this edition: its entry points, wiring only.

`define_env` starts the build (loads and checks data/, registers the page macros and
the build's MkDocs events); the page hooks hand each page to it. The pipeline from
YAML to page is drawn in ARCHITECTURE.md.
"""

from __future__ import annotations

from pathlib import Path

from .build import EVENTS_NAME, Build
from .checks.annotations import annotate_build
from .checks.link_warnings import locate_link_warnings
from .checks.quiet_strict import count_warnings_when_quiet
from .events import BuildEvents
from .page_macros import page_macros
from .render import sandbox


def define_env(env) -> None:
    count_warnings_when_quiet(env.conf["strict"])  # before any page is read
    annotate_build()  # under GitHub Actions: each mistake on its line
    build = Build(env)
    locate_link_warnings(Path(env.project_dir), build.open_comments)  # MkDocs' link warnings with their line
    build.macros = page_macros(build)
    for name, function in build.macros.items():
        env.macro(function, name)
    sandbox.report_errors_with(build.describe_template_error)
    env.conf.plugins[EVENTS_NAME] = BuildEvents(build)


def on_pre_page_macros(env) -> None:
    Build.of(env).start_page(env)


def on_post_page_macros(env) -> None:
    Build.of(env).finish_page(env)
