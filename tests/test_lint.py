"""The typed-in-number linter and the unused-id report, called directly on page text."""

from __future__ import annotations

import subprocess
import sys

import pytest

from macros.checks.lint import (calls_in_tags, lint_pages, macro_calls, note_key_errors, prose,
                                statement_errors, typed_figures, unknown_macro_errors, unused, used_ids)
from macros.registry.loading import load_registry
from tests.support import ROOT, build

REGISTRY = load_registry(ROOT)


@pytest.mark.parametrize("typed, figure", [
    ("45,000", "detainees-hrw"), ("45000", "detainees-hrw"), ("64,000", "detainees-un"),
    ("1.2 million", "idps-iraq"), ("1,186,556", "idps-iraq"), ("80 percent", "detainees-women-children-share"),
    ("80%", "detainees-women-children-share"), ("80 per cent", "detainees-women-children-share"),
    ("2003", "us-invasion-iraq"), ("March 2019", "baghouz-fall"), ("June 2020", "un-children-report"),
])
def test_a_registered_figure_typed_in_prose_is_caught(typed, figure):
    text = f"---\ntitle: x\n---\n\nSome prose.\nThey said {typed} were held.\n"
    found = typed_figures(text, "docs/x.md", REGISTRY)
    assert len(found) == 1, found
    assert (found[0].line, found[0].column) == (6, 11)
    assert f"fig('{figure}')" in found[0].message


@pytest.mark.parametrize("text", [
    "In 2022 and 1999, 17 people.",                       # numbers the registry does not know
    "Range from {{ fig('detainees-hrw') }} by HRW.",      # the right way
    "Code `45,000` and <span title='45,000'>x</span>.",   # code and tag attributes
    "```\n45,000\n```",                                   # fenced code
    "<!-- 45,000 -->",                                    # comments
    "[link](https://example.org/45000/2003)",             # link targets
    "About 80 people.",                                   # 80 without percent is not the share
    "No one (0 people) was charged; some 7 000 fled.",    # 1,186,556 is written 1.2 million, not 0 billion
    "Some 80 percent<!-- not a figure --> of it, in March 2019 <!--not a figure-->.",  # marked as not those
])
def test_what_is_not_a_typed_in_figure(text):
    assert typed_figures(text, "docs/x.md", REGISTRY) == []


@pytest.mark.parametrize("code, column", [
    ("{% set n = 58000 %}{{ n }}", 12), ("{{ 58000 }}", 4), ("{{ '58,000' }}", 5), ("{{ fig('x') ~ 58000 }}", 15),
])
def test_a_registered_figure_written_in_template_code_is_caught(code, column):
    found = typed_figures(f"Text.\n{code}\n", "docs/x.md", REGISTRY)
    assert [(f.line, f.column) for f in found] == [(2, column)]
    assert "fig('children-detained')" in found[0].message


@pytest.mark.parametrize("text, where", [
    ("Text.\n{% set n = 1 %}{{ n }}\n", [(2, 1, "set")]),
    ("{%- for x in [1] -%}{{ x }}{% endfor %}\n", [(1, 1, "for")]),       # its end is no second mistake
    ("```\n{% if true %}x{% endif %}\n```\n", [(2, 1, "if")]),           # Jinja runs code blocks too
    ("<!-- {% set n = 1 %} -->\n", [(1, 6, "set")]),                      # ... and HTML comments
])
def test_a_template_statement_in_a_page_is_caught(text, where):
    found = statement_errors(text, "docs/x.md")
    assert [(f.line, f.column) for f in found] == [(line, column) for line, column, _word in where]
    assert all(f"{{% {word} %}} is not allowed in a page" in f.message for f, (*_, word) in zip(found, where))


@pytest.mark.parametrize("text", [
    "{% raw %}{% set n = 1 %}{% endraw %}",     # printed as it is
    "{# {% set n = 1 %} #}",                    # a template comment
    "{{ fig('detainees-hrw') }} and {{ summary() }}",
    "---\ntitle: x\n---\nText.",
])
def test_what_is_not_a_template_statement(text):
    assert statement_errors(text, "docs/x.md") == []


@pytest.mark.parametrize("text, where", [
    ("<abbr title=\"{{ fig('detainees-un') }}\">UN</abbr>", [(1, 17, "abbr")]),
    ("Text.\n<span\n  data-x='{{ cite(\"fink-pbs\") }}'>x</span>", [(3, 14, "span")]),
    ("<div markdown>\n{{ fig('detainees-un') }} <b>held</b>\n</div>", []),  # in the text, between tags
    ("`<abbr title=\"{{ fig('detainees-un') }}\">`", []),                  # code: the build tells it
    ("<!-- <abbr title=\"{{ fig('detainees-un') }}\"> -->", []),            # a comment: the build tells it
    ("Fewer than 5 < {{ fig('detainees-un') }} > 4.", []),                  # not a tag
])
def test_a_call_inside_an_html_tag_is_caught(text, where):
    found = calls_in_tags(text, "docs/x.md")
    assert [(f.line, f.column) for f in found] == [(line, column) for line, column, _tag in where]
    assert all(f"inside the HTML tag <{tag}>" in f.message for f, (*_, tag) in zip(found, where))


@pytest.mark.parametrize("text, where", [
    ("Text.\n{{ fgi('detainees-hrw') }} and {{ cite('fink-pbs') }}\n", [(2, 4, "fgi")]),
    ("{{ fig('a') ~ lipsum() }}", [(1, 15, "lipsum")]),
    ("{% raw %}{{ fgi('a') }}{% endraw %} {# {{ fgi('a') }} #}", []),    # printed as it is, a comment
    ("{{ page.meta.get('title') }} {{ fig('a') | upper() }}", []),        # a method; a filter (macro_calls.py)
    ("---\ntitle: x\n---\nfgi('a') is text outside braces.", []),
])
def test_a_call_to_no_macro_of_the_site_is_caught(text, where):
    found = unknown_macro_errors(text, "docs/x.md", {"fig", "cite"})
    assert [(f.line, f.column) for f in found] == [(line, column) for line, column, _name in where]
    assert all(f"'{called}' is not a macro of this site" in f.message for f, (*_, called) in zip(found, where))


def test_a_note_defined_twice_is_caught_but_not_one_shown_in_code():
    text = "A.[^a] B.[^b]\n\n[^a]: One.\n```\n[^b]: shown, not defined\n```\n[^b]: Two.\n   [^a]: Three.\n"
    found = note_key_errors(text, "docs/x.md", [])
    assert [(f.line, f.column) for f in found] == [(8, 4)]
    assert "[^a] is defined twice (first on line 3)" in found[0].message


def test_a_note_under_the_key_of_a_note_the_build_writes_is_caught():
    text = ("{{ fig('detainees-hrw') }} and {{ cite('fink-pbs') }}.[^own]\n\n[^fig-detainees-hrw]: Mine.\n"
            "   [^src-fink-pbs]: Mine too.\n[^fig-detainees-un]: No fig() for it here: no clash.\n[^own]: Fine.\n")
    found = note_key_errors(text, "docs/x.md", macro_calls(text))
    assert [(f.line, f.column) for f in found] == [(3, 1), (4, 4)]
    assert "for {{ fig('detainees-hrw') }}" in found[0].message and "[^detainees-hrw-note]" in found[0].message
    assert "for {{ cite('fink-pbs') }}" in found[1].message


def test_blanking_keeps_lines_and_columns():
    text = "---\na: 1\n---\nx {{ fig('a') }} y\n"
    assert prose(text).count("\n") == text.count("\n")
    assert len(prose(text)) == len(text)


def test_unused_ids_are_reported_unless_marked():
    problems = unused(REGISTRY, {f for f in REGISTRY.figures if f != "detainees-un"}, set())
    assert any("figure 'detainees-un' is used on no page" in p for p in problems)
    assert not any("check-also-teaser" in p for p in problems)  # marked `unused:`


def test_a_misspelt_id_is_reported_alone_not_with_knock_on_unused_ids(project):
    essay = project / "docs" / "essay.md"
    essay.write_text(essay.read_text(encoding="utf-8").replace("fig('detainees-hrw')", "fig('detainees-hwr')"),
                     encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "macros.commands.check"], cwd=project, capture_output=True, text=True)
    assert out.returncode == 1 and "did you mean 'detainees-hrw'" in out.stderr
    assert "is used on no page" not in out.stderr and "1 mistake(s)" in out.stdout


def test_a_rundown_item_needs_a_slug(tmp_path):
    post = tmp_path / "docs" / "rundown" / "posts" / "x.md"
    post.parent.mkdir(parents=True)
    post.write_text("---\ntitle: X\ndate: 2022-02-05\ndescription: D.\n---\n\nSummary.\n\n<!-- more -->\n\nText.\n", encoding="utf-8")
    mistakes = lint_pages(tmp_path / "docs", REGISTRY)
    assert [(m.file, m.line) for m in mistakes] == [("docs/rundown/posts/x.md", 2)]
    assert "missing required field(s) slug" in mistakes[0].message
    post.write_text("---\ntitle: X\nslug: x\ndate: 2022-02-05\ndescription: D.\n---\n\nSummary.\n\n<!-- more -->\n\nText.\n", encoding="utf-8")
    assert lint_pages(tmp_path / "docs", REGISTRY) == []


def test_a_page_missing_its_front_matter_is_told_once(tmp_path):
    """jsonschema tells each missing field apart; the contributor reads one line naming all."""
    post = tmp_path / "docs" / "rundown" / "posts" / "x.md"
    post.parent.mkdir(parents=True)
    post.write_text("Summary.\n\n<!-- more -->\n\nText.\n", encoding="utf-8")
    mistakes = [str(mistake) for mistake in lint_pages(tmp_path / "docs", REGISTRY)]
    assert len(mistakes) == 1, mistakes
    assert mistakes[0].startswith("docs/rundown/posts/x.md:1: front matter: missing required field(s) title, slug")


def test_the_shipped_pages_are_clean():
    assert lint_pages(ROOT / "docs", REGISTRY) == []
    assert unused(REGISTRY, *used_ids(ROOT / "docs")) == []


def test_make_check_fails_on_a_mistake_and_passes_when_clean(project):
    run = lambda: subprocess.run([sys.executable, "-m", "macros.commands.check"], cwd=project,
                                 capture_output=True, text=True)
    clean = run()
    assert clean.returncode == 0, clean.stderr
    assert "editor's flag" in clean.stdout
    page = project / "docs" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSome 45,000 people.\n", encoding="utf-8")
    broken = run()
    assert broken.returncode == 1
    assert "docs/about.md:" in broken.stderr and "fig('detainees-hrw')" in broken.stderr


def test_make_check_reads_every_data_file(project):
    corrections = project / "data" / "corrections.yml"
    corrections.write_text(corrections.read_text(encoding="utf-8") + "\n  - {}\n", encoding="utf-8")
    broken = subprocess.run([sys.executable, "-m", "macros.commands.check"], cwd=project,
                            capture_output=True, text=True)
    assert broken.returncode == 1 and "data/corrections.yml:" in broken.stderr, broken.stderr


def test_a_number_that_is_not_the_figure_it_equals_can_say_so(project):
    """A small number in prose ("a team of 4 editors") may equal a figure's value by chance:
    the message says how to mark it as not that figure, and marked so, it passes."""
    from macros.checks.lint import known_figures

    n, figure = min((value, f) for (value, percent), f in known_figures(REGISTRY).numbers.items()
                    if not percent and value == int(value))
    about = project / "docs" / "about.md"
    text = about.read_text(encoding="utf-8")
    run = lambda: subprocess.run([sys.executable, "-m", "macros.commands.check"], cwd=project,
                                 capture_output=True, text=True)
    about.write_text(text + f"\nA team of {int(n)} editors.\n", encoding="utf-8")
    refused = run()
    assert refused.returncode == 1 and f"'{figure.id}'" in refused.stderr
    assert f"{int(n)}<!-- not a figure -->" in refused.stderr, refused.stderr
    about.write_text(text + f"\nA team of {int(n)}<!-- not a figure --> editors.\n", encoding="utf-8")
    marked = run()
    assert marked.returncode == 0, marked.stderr
    built = build(project)
    assert built.returncode == 0, built.log
    assert f"A team of {int(n)}" in built.html("about/index.html").get_text()
