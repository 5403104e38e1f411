"""Jinja errors in a page, told as `docs/page.md:LINE: what went wrong; what to do`.

mkdocs-macros reports them with the file relative to docs/, the line counted
without the front matter, and a traceback full of this machine's paths. We register
our own formatter with its `format_error` dispatcher: the message it returns is
logged as a warning (which fails `--strict`) and shown in place of the page by
`mkdocs serve`.
"""

from __future__ import annotations

import os
import traceback

from jinja2 import TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError
from mkdocs.utils.meta import YAML_RE

ALLOWED = "Page text may call fig('figure-id') and cite('source-id'), and use its own front matter."


def front_matter_lines(text: str) -> int:
    """How many lines of the file come before the Markdown that Jinja sees."""
    match = YAML_RE.match(text)
    if not match:
        return 0
    body = text[match.end():]
    return text[:match.end()].count("\n") + (len(body) - len(body.lstrip("\n")))


def template_line(error: Exception) -> int | None:
    """The line of the page template where `error` happened."""
    if isinstance(error, TemplateSyntaxError):
        return error.lineno
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == "<template>"]
    return frames[-1].lineno if frames else None


def advice(error: Exception) -> str:
    if isinstance(error, TemplateSyntaxError):
        if "comment" in str(error):
            return ("`{#` starts a template comment: write a heading id as `{ #id }`, with spaces, "
                    "or wrap the text in {% raw %}...{% endraw %}")
        return ("check the {{ }} and {% %} pairs on that line; to print them literally, "
                "wrap the text in {% raw %}...{% endraw %}")
    if isinstance(error, (UndefinedError, SecurityError)):
        return ALLOWED
    return "see the message above"


def describe(error: Exception, path: str, project_dir: str) -> str:
    """One line a contributor can act on."""
    name = os.path.relpath(path, project_dir)
    line = template_line(error)
    if line is not None:
        with open(path, encoding="utf-8") as handle:
            line += front_matter_lines(handle.read())
        name = f"{name}:{line}"
    message = getattr(error, "message", None) or str(error)
    return f"{name}: {type(error).__name__}: {message}. {advice(error)}"


def install(project_dir: str) -> None:
    """Route every macro error of mkdocs-macros through `describe`."""
    from mkdocs_macros.errors import format_error

    def formatted(error, markdown, page):
        return describe(error, page.file.abs_src_path, project_dir)

    format_error.register(Exception, formatted)
    format_error.register(TemplateSyntaxError, formatted)
