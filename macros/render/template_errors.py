"""Template lines: where in a page a macro is called, and template errors told as
`docs/page.md:LINE: what went wrong; what to do`.

mkdocs-macros renders a page's text without its front matter, so a template's line
is the file's line less the front matter; `body_line` (front_matter.py) puts it back.
"""

from __future__ import annotations

import re
import sys
import traceback

from jinja2 import TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError

from ..checks.macro_calls import EXAMPLE
from .sandbox import NotText

ALLOWED = "Page text may call fig('figure-id') and cite('source-id'), and use its own front matter."
# Python's words for a call with the wrong arguments to one of page_macros.py's macros,
# and how the pages call those that take any (the others are called with none).
_WRONG_ARGUMENTS = re.compile(r"page_macros\.<locals>\.(\w+)\(\) (.*)")
CALLED_AS = {**EXAMPLE, "lead": "lead('essay.md')", "chart": "chart('iraq-displacement')",
             "figure_list": "figure_list(2)", "source_list": "source_list(2)"}


_OPENED = re.compile(r"\{\{|\{%")
_CLOSER = {"{{": "}}", "{%": "%}"}


def _left_open(error: TemplateSyntaxError) -> int | None:
    """The line of a `{{` or `{%` left open above the line Jinja names. Jinja reads an
    unclosed expression on into the lines below and names the line of the word it stopped
    at, which holds no mistake (and may hold calls of its own, closed)."""
    if not error.source or not error.lineno:
        return None
    above = "\n".join(error.source.split("\n")[:error.lineno - 1])
    opened = None
    for opened in _OPENED.finditer(above):
        pass
    if opened is None or _CLOSER[opened[0]] in above[opened.end():]:
        return None
    return above.count("\n", 0, opened.start()) + 1


def template_line(error: Exception) -> int | None:
    """The line of the page template where `error` happened."""
    if isinstance(error, TemplateSyntaxError):
        return _left_open(error) or error.lineno
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == "<template>"]
    return frames[-1].lineno if frames else None


def call_line() -> int | None:
    """The template line calling the running macro: Jinja maps its compiled code's lines
    back to the template's (Template.get_corresponding_lineno), as its tracebacks do."""
    frame = sys._getframe(1)
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None:
            return template.get_corresponding_lineno(frame.f_lineno)
        frame = frame.f_back
    return None


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


def wrong_arguments(error: Exception) -> str | None:
    """A page macro called with the wrong arguments, told with how the pages call it
    (Python says "page_macros.<locals>.chart() missing 1 required positional argument")."""
    found = _WRONG_ARGUMENTS.match(str(error)) if isinstance(error, TypeError) else None
    if not found:
        return None
    macro, what = found.groups()
    example = CALLED_AS.get(macro, f"{macro}()")
    return f"{macro}() takes other arguments ({what}): call it as {{{{ {example} }}}}"


_EXPRESSION = re.compile(r"\{\{.*?\}\}")


def quoted(error: NotText, written: str | None) -> str:
    """The message, with the {{ }} it is about quoted where its line (`written`) holds
    one: Jinja gives the line of a value it prints, not the expression."""
    found = _EXPRESSION.findall(written or "")
    return str(error).replace("this {{ }}", found[0], 1) if len(found) == 1 else str(error)


def describe(error: Exception, name: str, body_line: int, source: str = "") -> str:
    """One line a contributor can act on; `name` is the page's file (docs/...), `source`
    its text."""
    line = template_line(error)
    written = None
    if line is not None:
        name = f"{name}:{line + body_line - 1}"
        lines = source.splitlines()
        written = lines[line + body_line - 2] if 0 < line + body_line - 1 <= len(lines) else None
    told = quoted(error, written) if isinstance(error, NotText) else wrong_arguments(error)
    if told:
        return f"{name}: {told}"
    message = getattr(error, "message", None) or str(error)
    return f"{name}: {type(error).__name__}: {message}. {advice(error)}"
