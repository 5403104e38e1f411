"""The typed-in-number linter and the unused-id report, called directly on page text."""

from __future__ import annotations

import subprocess
import sys

import pytest

from macros.checks.lint import lint_pages, prose, typed_figures, unused, used_ids
from macros.registry.loading import load_registry
from tests.support import ROOT

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
])
def test_what_is_not_a_typed_in_figure(text):
    assert typed_figures(text, "docs/x.md", REGISTRY) == []


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
    post.write_text("---\ntitle: X\ndate: 2022-02-05\ndescription: D.\n---\n\nText.\n", encoding="utf-8")
    mistakes = lint_pages(tmp_path / "docs", REGISTRY)
    assert [(m.file, m.line) for m in mistakes] == [("docs/rundown/posts/x.md", 2)]
    assert "missing required field(s) slug" in mistakes[0].message
    post.write_text("---\ntitle: X\nslug: x\ndate: 2022-02-05\ndescription: D.\n---\n\nText.\n", encoding="utf-8")
    assert lint_pages(tmp_path / "docs", REGISTRY) == []


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
