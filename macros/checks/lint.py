"""Checks on the Markdown pages, read without building: front matter
(front_matter_checks.py), figures typed in by hand, template statements and computed
expressions, malformed
macro calls (macro_calls.py), a block of HTML left open (open_html.py), images,
headings and invisible characters (page_text.py) and, for
`make check`, calls to no macro of the site, notes written under a key the build gives
its own, unknown ids, and ids no page uses.

A number that the registry knows must reach the page through {{ fig('id') }}, or a
correction to data/figures.yml would miss it. Prose is what remains of a page once
front matter, code, HTML comments and tags, macro calls and link targets are blanked
out (with spaces, so that lines and columns stay true).

The build runs all but the unused-id check before rendering; it checks unused ids
against the record of what the pages rendered (uses.py), and `make check` against the
calls read here.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jinja2 import Environment, TemplateSyntaxError, nodes
from material.plugins.blog.config import BlogConfig

from ..errors import DataError, close_matches
from .front_matter_checks import FrontMatterChecks, page_kind
from .macro_calls import CALL, EXPRESSION, call_errors, macro_calls, position, unknown_ids
from .open_html import open_html_errors
from .page_text import heading_errors, image_errors, invisible_errors
from ..registry.loading import CORRECTIONS_FILE
from ..registry.model import Figure, PartialDate, Registry, ends
from ..render.formatting import format_number, format_value
from ..render.notes import footnote_key
from ..render.template_errors import ALLOWED
from .source_text import page_files, read_text
from .static_files import static_file_errors



_FRONT_MATTER = re.compile(r"\A---\n.*?\n(---|\.\.\.)\n", re.S)
_FENCED_CODE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.S | re.M)
_INLINE_CODE = re.compile(r"`[^`\n]+`")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HTML_TAG = re.compile(r"<([A-Za-z][\w-]*)[^<>]*>")  # an opening tag, its attributes and all
_NOT_PROSE = [
    _FRONT_MATTER,
    _FENCED_CODE,
    _HTML_COMMENT,
    re.compile(r"\{#.*?#\}|\{\{-?\s*\w+\([^{}]*?\)\s*-?\}\}", re.S),  # template comments, macro calls
    # Of other template code only the delimiters: a number written in it reaches the page
    # as surely as one typed in the text ({% set n = 58000 %} ... {{ n }}, or {{ 58000 }}).
    re.compile(r"\{\{-?|-?\}\}|\{%[-+]?|[-+]?%\}"),
    _INLINE_CODE,
    re.compile(r"\]\([^)\n]*\)|<[^>\n]+>|https?://\S+"),       # link targets, tags, URLs
]

_NUMBER = re.compile(
    r"(?<![\w.,/-])(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?P<scale>\s+(?:million|billion))?(?P<pct>\s*(?:%|percent\b|per cent\b))?(?![\w,]*\d)"
)
_SCALE = {"million": 1e6, "billion": 1e9}


def _blanked(pattern: re.Pattern, text: str) -> str:
    """`text` with what `pattern` matches blanked out, newlines kept."""
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)


def without_code(text: str) -> str:
    """`text` with its code blanked out, newlines kept."""
    return _blanked(_INLINE_CODE, _blanked(_FENCED_CODE, text))


def prose(text: str) -> str:
    """`text` with everything but prose blanked out, newlines kept."""
    for pattern in _NOT_PROSE:
        text = _blanked(pattern, text)
    return text


def number_of(match: re.Match) -> float:
    """The number a match of `_NUMBER` stands for: its digits times its scale."""
    number = float(match["n"].replace(",", ""))
    return number * _SCALE[match["scale"].strip()] if match["scale"] else number


def prose_numbers(clean: str) -> Iterator[re.Match]:
    """Every number written in prose (`clean`, as `prose()` leaves a page): its digits
    (`n`), and any scale (`scale`: million, billion) and percent sign (`pct`) after them."""
    return _NUMBER.finditer(clean)


def calls_in_tags(text: str, name: str) -> list[DataError]:
    """Each fig() or cite() written inside an HTML tag, in an attribute such as `title`.
    What the build writes for it is markup (the figure, the link to its note, its mark),
    which an attribute cannot hold: Python-Markdown then printed the whole tag as text, and
    nothing stopped the build. (In code or a comment, the build says so once rendered.)"""
    tags = _HTML_TAG.finditer(_blanked(_HTML_COMMENT, without_code(text)))
    return [DataError(name, *position(text, call.start()),
                      f"{{{{ {call[0]} }}}} is inside the HTML tag <{tag[1]}>, where its note and mark "
                      "cannot go: an attribute holds plain text only. Move the call out of the tag, "
                      "into the text")
            for tag in tags for call in CALL.finditer(text, tag.start(), tag.end())]


def calls_outside_braces(text: str, name: str) -> list[DataError]:
    """Each fig() or cite() written outside double braces (`{ fig('x') }`, or none), and
    each brace more than the two around a call (`{{ fig('x') }}}`). Jinja runs only what
    stands in {{ }}: the rest reached readers as typed, and nothing stopped the build."""
    hidden = _blanked(_HTML_COMMENT, _blanked(_NOT_RUN, _blanked(_FRONT_MATTER, without_code(text))))
    outside = _blanked(EXPRESSION, hidden)
    errors = [DataError(name, *position(text, call.start()),
                        f"{call[0]} is published as typed: a macro runs only inside double braces; "
                        f"write {{{{ {call[0]} }}}}")
              for call in CALL.finditer(outside)
              if not re.search(r"\{\{-?\s*$", outside[:call.start()])]  # braces left open: Jinja tells
    for expression in EXPRESSION.finditer(hidden):
        if hidden.startswith("}", expression.end()) and CALL.search(expression[1]):
            errors.append(DataError(name, *position(text, expression.end()),
                                    f"one brace too many: the page would show this }} after the figure; "
                                    f"write {expression[0]}"))
    return sorted(errors, key=lambda error: (error.line, error.column))


# A post's excerpt separator as Material's blog plugin finds it, and as it may be mistyped.
SEPARATOR = BlogConfig.post_excerpt_separator.default
_NEAR_SEPARATOR = re.compile(r"<!--\s*more\s*-->", re.I)


def separator_errors(text: str, name: str) -> list[DataError]:
    """A Rundown item without `<!-- more -->`: the blog would show all of it, notes,
    citation and corrections included, on the Rundown's index."""
    if SEPARATOR in text:
        return []
    near = _NEAR_SEPARATOR.search(text)
    if near:
        return [DataError(name, *position(text, near.start()),
                          f"write {near[0]} exactly as {SEPARATOR}: the blog finds no other spelling, and "
                          "without it the Rundown's index prints the whole item, notes and all")]
    summary = re.search(r"\{\{-?\s*summary\(\)\s*-?\}\}", text)
    front = _FRONT_MATTER.match(text)
    body = re.compile(r"\S").search(text, front.end() if front else 0)  # its first word
    at = summary.start() if summary else body.start() if body else len(text)
    return [DataError(name, *position(text, at),
                      f"a Rundown item needs {SEPARATOR} on a line of its own after its summary, "
                      f"{{{{ summary() }}}} (CONTRIBUTING.md): without it the Rundown's index prints the whole "
                      "item, notes and all")]


@dataclass(frozen=True)
class KnownFigures:
    """What a typed-in figure can look like, computed once per build, not once per page."""

    numbers: dict[tuple[float, bool], Figure]  # (value, written as a percentage) -> figure
    phrases: dict[str, Figure]                 # written dates such as "March 2019"
    phrase_pattern: re.Pattern | None


def known_figures(registry: Registry) -> KnownFigures:
    numbers: dict[tuple[float, bool], Figure] = {}
    phrases: dict[str, Figure] = {}
    for figure in registry.figures.values():
        if figure.format == "date":
            for bound in ends(figure.value):
                if isinstance(bound, PartialDate) and bound.precision == "year":
                    numbers.setdefault((float(bound.text), False), figure)
            written = format_value(figure)
            if re.search(r"\d", written) and not written.isdigit():
                phrases.setdefault(written, figure)
            continue
        values = [float(v) for v in ends(figure.value)]
        if figure.format == "compact":  # as the page writes it too: "1.2 million" for 1,186,556
            written = (_NUMBER.fullmatch(format_number(v, "compact")) for v in values)
            values += [number_of(match) for match in written if match]
        for value in values:
            numbers.setdefault((value, figure.unit == "percent"), figure)
    alternatives = "|".join(map(re.escape, sorted(phrases, key=len, reverse=True)))
    # The lookahead on the phrases' first letters lets the engine skip most places at
    # once: without it every word start tried each phrase (1.2 s at 1,000 items, 600 dates).
    firsts = re.escape("".join(sorted({phrase[0] for phrase in phrases})))
    pattern = re.compile(rf"(?<!\w)(?=[{firsts}])(?:{alternatives})(?!\w)") if phrases else None
    return KnownFigures(numbers, phrases, pattern)


# A number that only equals a figure's value ("a team of 4 editors", when a figure is 4)
# is marked so by what the contributor writes right after it: an HTML comment, which
# Python-Markdown keeps out of the text readers see, and a reviewer sees in the diff.
NOT_A_FIGURE = "<!-- not a figure -->"
_MARKED = re.compile(r"[ \t]*<!--\s*not a figure\s*-->")


def typed_figures(text: str, name: str, registry: Registry,
                  known: KnownFigures | None = None) -> list[DataError]:
    """Each registered figure typed into the prose of `text` by hand, unless marked as
    not that figure (NOT_A_FIGURE right after it)."""
    known = known or known_figures(registry)
    clean = prose(text)
    found = []

    def report(match: re.Match, figure: Figure):
        if _MARKED.match(text, match.end()):  # blanking kept the offsets: `text`'s are `clean`'s
            return
        typed = match.group().strip()
        found.append(DataError(name, *position(clean, match.start()),
                               f"“{typed}” is typed in, but it is the registered figure "
                               f"'{figure.id}': write {{{{ fig('{figure.id}') }}}} instead; if it is "
                               f"another number that only equals it, write {typed}{NOT_A_FIGURE}"))

    for match in prose_numbers(clean):
        figure = known.numbers.get((number_of(match), bool(match["pct"])))
        if figure:
            report(match, figure)
    if known.phrase_pattern:
        for match in known.phrase_pattern.finditer(clean):
            report(match, known.phrases[match.group()])
    return sorted(found, key=lambda e: (e.line, e.column))


# A template statement (its opening tag: {% endfor %} or {% else %} only close or go on
# with one), and what may hold one without running it: a template comment, and
# {% raw %} ... {% endraw %}, which prints braces as they are.
_STATEMENT = re.compile(r"\{%[-+]?\s*(?!end|else\b|elif\b|raw\b)(\w+)")
_NOT_RUN = re.compile(r"\{%[-+]?\s*raw\s*[-+]?%\}.*?\{%[-+]?\s*endraw\s*[-+]?%\}|\{#.*?#\}", re.S)


def statement_errors(text: str, name: str) -> list[DataError]:
    """Each template statement in a page: {% set %}, {% for %}, {% if %} and the rest.

    A page calls macros and holds no code of its own (ALLOWED): a value named in a
    statement (`{% set n = 58000 %}` ... `{{ n }}`) reaches readers without its source,
    and no correction of the data reaches it. Jinja runs statements in code and HTML
    comments too, so only front matter, template comments and raw blocks are passed over."""
    if "{%" not in text:
        return []
    hidden = _blanked(_NOT_RUN, _blanked(_FRONT_MATTER, text))
    errors = []
    for match in _STATEMENT.finditer(hidden):
        line, column = position(text, match.start())
        errors.append(DataError(name, line, column,
                                f"{{% {match[1]} %}} is not allowed in a page. {ALLOWED} Write a number "
                                "from the data as {{ fig('figure-id') }} where it stands"))
    return errors


_PARSER = Environment()  # Jinja's own reading of an expression; nothing is rendered with it
# A call with one literal argument or none, {{ fig('x') }}, {{ summary() }}: nearly every
# expression a page holds, passed without parsing it (Jinja's parser costs about 60 µs
# an expression, a third of a second over the N = 1,000 bench's items).
_PLAIN_CALL = re.compile(r"""-?\s*[A-Za-z_]\w*\(\s*(?:(['"])[^'"\n]*\1|\d+)?\s*\)\s*-?""")


def _of_the_page(node: nodes.Node) -> bool:
    """Whether `node` reads the page's own data: page.title, page.meta.date,
    page.meta['x'], page.meta.get('x')."""
    while isinstance(node, (nodes.Getattr, nodes.Getitem, nodes.Call)):
        node = node.node
    return isinstance(node, nodes.Name) and node.name == "page"


def _computed(inside: str) -> bool:
    """Whether the expression `{{ inside }}` works out a value of its own: {{ 1+1 }},
    {{ 'ha' * 3 }}, {{ page.title | upper }}; not a macro call, nor a value of the page's
    front matter. An expression naming anything else is passed over: a macro with more in
    its braces is told by macro_calls.py, and any other name by the sandbox as undefined
    when the page renders. One Jinja cannot read is told by Jinja, with its line."""
    if _PLAIN_CALL.fullmatch(inside.strip()):
        return False
    try:
        body = _PARSER.parse("{{" + inside + "}}").body
    except TemplateSyntaxError:
        return False
    found = [node for output in body if isinstance(output, nodes.Output) for node in output.nodes]
    if len(found) != 1:
        return False
    node = found[0]
    names = [node] if isinstance(node, nodes.Name) else list(node.find_all(nodes.Name))
    if any(name.name != "page" for name in names):
        return False
    if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name):
        return False
    return not _of_the_page(node)


def expression_errors(text: str, name: str) -> list[DataError]:
    """Each {{ }} in a page that works out a value of its own ({{ 1+1 }}, {{ 'ha' * 3 }}).
    Jinja printed what it computed, "2" or "hahaha", as if it were the text, with no
    source and out of reach of any check of the data. Jinja runs them in code and HTML
    comments too, so only front matter, template comments and raw blocks are passed over."""
    if "{{" not in text:
        return []
    hidden = _blanked(_NOT_RUN, _blanked(_FRONT_MATTER, text))
    return [DataError(name, *position(text, expression.start()),
                      f"{{{{{expression[1]}}}}} is template code, which a page does not hold. {ALLOWED} "
                      "Write the words themselves, or, to print double braces as text, wrap them in "
                      "{% raw %}...{% endraw %}")
            for expression in EXPRESSION.finditer(hidden) if _computed(expression[1])]


# A name called in template code ({{ fgi('x') }}), not a method (`page.meta.get(`).
_CALLED = re.compile(r"(?<![\w.])([A-Za-z_]\w*)\s*\(")


def unknown_macro_errors(text: str, name: str, macros: Collection[str]) -> list[DataError]:
    """Each call in a page's {{ }} to a name that is none of `macros` (a misspelt `fgi`).
    The build says "'fgi' is undefined" once it renders; `make check`, which does not,
    read the call as no use of its figure and blamed the figure's entry as unused."""
    if "{{" not in text:
        return []
    hidden = _blanked(_NOT_RUN, _blanked(_FRONT_MATTER, text))
    errors = []
    for expression in EXPRESSION.finditer(hidden):
        for called in _CALLED.finditer(hidden, expression.start(1), expression.end(1)):
            if called[1] in macros or hidden[expression.start(1):called.start()].rstrip().endswith("|"):
                continue  # a macro, or a filter, which the call's own checks tell (macro_calls.py)
            close = close_matches(called[1], macros)
            meant = f"; did you mean {', '.join(close)}?" if close else "."
            errors.append(DataError(name, *position(text, called.start()),
                                    f"'{called[1]}' is not a macro of this site{meant} "
                                    f"(its macros: {', '.join(sorted(macros))})"))
    return errors


# A footnote's definition, as Python-Markdown's footnotes extension finds one.
_NOTE_DEFINITION = re.compile(r"^ {0,3}\[\^([^\]\n]+)\]:", re.M)


def note_key_errors(text: str, name: str, calls: list[tuple[str, str, int]]) -> list[DataError]:
    """Each footnote the page defines by hand under the key of a note the build writes for
    one of its calls ([^fig-ID], [^src-ID], render/notes.py), or under a key it has
    defined above. Python-Markdown keeps one text a key, the last: the build's note,
    appended to the page, or the later note replaces the other without a word."""
    built = {footnote_key("fig" if macro == "fig" else "src", item_id): (macro, item_id)
             for macro, item_id, _line in calls}
    errors, defined = [], {}
    for match in _NOTE_DEFINITION.finditer(without_code(text)):
        line, column = position(text, match.start(1) - 2)
        if match[1] in defined:
            errors.append(DataError(name, line, column,
                                    f"[^{match[1]}] is defined twice (first on line {defined[match[1]]}), and "
                                    "only this text would be published: merge the two notes, or give one a "
                                    "key of its own and use it where it belongs"))
        defined.setdefault(match[1], line)
        if match[1] in built:
            macro, item_id = built[match[1]]
            errors.append(DataError(name, line, column,
                                    f"[^{match[1]}] is the key of the note the build writes for "
                                    f"{{{{ {macro}('{item_id}') }}}}, which would replace this one: give "
                                    f"yours a key of its own, such as [^{item_id}-note]"))
    return errors


def pages(docs_dir: Path) -> Iterable[tuple[str, str]]:
    """(name relative to the project, text) of every Markdown page."""
    for name, path in page_files(docs_dir):
        yield name, read_text(path, name)


def unused(registry: Registry, used_figures: set[str], used_sources: set[str]) -> list[str]:
    """Figures and sources nothing cites, unless marked `unused:` with a reason; and those
    marked so that are cited all the same."""
    used_sources = used_sources | {s for figure in registry.figures.values() for s in figure.sources}
    problems = [f"{f.where}: figure '{f.id}' is used on no page: use it with {{{{ fig('{f.id}') }}}}, "
                "remove it, or say why it stays with `unused: <reason>`"
                for f in registry.figures.values() if f.id not in used_figures and not f.unused]
    problems += [f"{s.where}: source '{s.id}' is named by no figure and cited by no page: cite it, remove it, "
                 "or say why it stays with `unused: <reason>`"
                 for s in registry.sources.values() if s.id not in used_sources and not s.unused]
    # The other way round: the sources page would list it as "not cited" and as cited.
    problems += [f"{f.where}: figure '{f.id}' is marked unused: but is used on a page: remove its `unused:`"
                 for f in registry.figures.values() if f.id in used_figures and f.unused]
    problems += [f"{s.where}: source '{s.id}' is marked unused: but is cited on a page or named by a figure: "
                 "remove its `unused:`" for s in registry.sources.values() if s.id in used_sources and s.unused]
    return problems


def lint_pages(docs_dir: Path, registry: Registry, today: date | None = None,
               skip: set[str] = frozenset(), macros: Collection[str] = ()) -> list[DataError]:
    """Every page's front matter, typed-in figures and macro calls, then what spans pages
    and the files copied as they are (static_files.py);
    pages in `skip` (paths under docs/: those a preview leaves out) are passed over. With
    `macros` (the names the build registers), a call to any other name is a mistake too."""
    errors, typed = [], known_figures(registry)
    fronts = FrontMatterChecks(docs_dir, registry, today or date.today())
    for name, path in page_files(docs_dir):
        if name.split("/", 1)[1] in skip:
            continue
        try:
            text = read_text(path, name)
        except DataError as error:
            errors.append(error)
            continue
        calls = macro_calls(text)
        errors += fronts.page(name, text) + statement_errors(text, name) + expression_errors(text, name)
        errors += typed_figures(text, name, registry, typed)
        errors += call_errors(text, name) + calls_in_tags(text, name) + note_key_errors(text, name, calls)
        body = _blanked(_FRONT_MATTER, without_code(text))
        errors += calls_outside_braces(text, name) + open_html_errors(body, name)
        errors += image_errors(body, name) + heading_errors(body, name) + invisible_errors(body, name)
        errors += separator_errors(text, name) if page_kind(name.split("/", 1)[1], {}) == "rundown-item" else []
        errors += unknown_macro_errors(text, name, macros) if macros else []
        errors += unknown_ids(name, calls, registry.figures, registry.sources)
    return errors + fronts.across_pages(CORRECTIONS_FILE) + static_file_errors(docs_dir)


def used_ids(docs_dir: Path) -> tuple[set[str], set[str]]:
    """The figure and source ids the pages' fig() and cite() calls name, read as text."""
    calls = {(macro, item_id) for _name, text in pages(docs_dir) for macro, item_id, _line in macro_calls(text)}
    return {i for macro, i in calls if macro == "fig"}, {i for macro, i in calls if macro == "cite"}
