"""Under GitHub Actions a mistake is also shown on its line of the pull request.

Each case breaks a copy of the project the way a contributor would (the rows of
tests/test_bad_input.py), builds it as `make build` does with GITHUB_ACTIONS=true, and
expects exactly one `::error` workflow command, naming the file from the repository's
root and the line where the mistake stands; the plain report stays. Outside Actions
nothing of it is printed.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter

import pytest

from tests.support import ROOT
from tests.test_bad_input import CASES, line_of, publish

COMMAND = re.compile(r"^::(error|warning) (?P<props>[^:]*)::(?P<message>.*)$", re.M)
# A mistake of each kind a contributor makes, by its row in the bad-input table.
KINDS = {"data file": "wrong-type", "page": "unknown-figure-in-page", "front matter": "misspelt-front-matter-key",
         "raw HTML": "raw-script", "template": "undefined-variable", "link": "broken-link",
         # MkDocs names a broken link's page and no line: a reference's address stands in its
         # definition, and a note no text refers to breaks only its way back (#fnref:).
         "reference link": "broken-reference-link", "note": "note-no-text-refers-to"}


def commands(log: str) -> list[tuple[str, dict, str]]:
    return [(m[1], dict(p.split("=", 1) for p in m["props"].split(",")), m["message"]) for m in COMMAND.finditer(log)]


@pytest.mark.parametrize("kind", KINDS, ids=list(KINDS))
def test_a_mistake_is_one_error_on_its_line(project, kind):
    _id, breaks, file, line_text, expected = next(case for case in CASES if case[0] == KINDS[kind])
    breaks(project)
    line = line_of(project, file, line_text if line_text else expected)
    out = publish(project, GITHUB_ACTIONS="true")
    found = [c for c in commands(out.stdout) if c[0] == "error"]
    assert out.returncode != 0
    assert len(found) == 1, out.stdout + out.stderr
    _kind, props, message = found[0]
    assert props["file"] == file and props["line"] == str(line), found
    assert expected in message.replace("%0A", "\n").replace("%25", "%")
    assert expected in out.stderr  # the plain report, as before


def test_a_page_no_menu_lists_is_an_error_on_its_file(project):
    """MkDocs lists such pages under a heading of its own, which named no file GitHub
    could show: the pull request showed nothing."""
    _id, breaks, file, _line, expected = next(case for case in CASES if case[0] == "page-left-out-of-nav")
    breaks(project)
    out = publish(project, GITHUB_ACTIONS="true")
    found = [c for c in commands(out.stdout) if c[0] == "error"]
    assert out.returncode != 0 and expected in out.stderr
    assert [props["file"] for _kind, props, _message in found] == [f"docs/{file}"], out.stdout
    assert "line" not in found[0][1] and "no menu lists this page" in found[0][2]


def test_outside_actions_nothing_changes(project):
    _id, breaks, *_ = next(case for case in CASES if case[0] == KINDS["page"])
    breaks(project)
    out = publish(project, GITHUB_ACTIONS="")
    assert out.returncode != 0 and commands(out.stdout + out.stderr) == []


def test_make_check_puts_each_editors_flag_on_its_figures_line(project):
    """The real data's flags: a warning on the line of each figure a flag names, every flag
    where there is no main to tell the branch's own from (here, no git at all)."""
    from macros.registry.loading import load_registry

    registry = load_registry(project)
    out = subprocess.run([sys.executable, "-m", "macros.commands.check"], cwd=project, capture_output=True,
                         text=True, env=dict(os.environ, GITHUB_ACTIONS="true"))
    warnings = {(props["file"], props["line"]) for kind, props, _ in commands(out.stdout) if kind == "warning"}
    expected = {tuple(registry.figures[f].where.split(":")) for flag in registry.flags for f in flag.figures}
    assert registry.flags and warnings == expected, out.stdout
    assert "every editor's flag is annotated: no merge base with main" in out.stdout


def test_a_failed_test_passes_the_real_builds_commands_on_to_the_log(tmp_path):
    """What the real project's build annotated, quoted in a failed test's report, reaches the
    job's log on a line of its own, once (tests/conftest.py). A log that starts with a
    command, as a failed build's does, is quoted as `AssertionError: ::error ...`: that
    first command reaches it too."""
    command = "::error file=docs/essay.md,line=3,title=This stops the build::a mistake"
    first = "::error file=docs/about.md,line=36,title=This stops the build::another"
    test = tmp_path / "test_fails.py"
    test.write_text(f"def test_one():\n    assert False, 'log:\\n{command}'\n\n"
                    f"def test_two():\n    assert False, 'log:\\n{command}'\n\n"
                    f"def test_three():\n    log = '{first}\\n{command}'\n    assert 1 == 0, log\n",
                    encoding="utf-8")

    def run(actions: str) -> str:
        out = subprocess.run([sys.executable, "-m", "pytest", "-p", "tests.conftest", "-p", "no:xdist",
                              "-p", "no:cacheprovider", "--rootdir", str(tmp_path), str(test)],
                             cwd=ROOT, capture_output=True, text=True, env=dict(os.environ, GITHUB_ACTIONS=actions))
        return out.stdout

    passed_on = run("true").splitlines()
    assert passed_on.count(command) == 1 and passed_on.count(first) == 1, passed_on
    assert command not in run("").splitlines()


def test_make_check_puts_a_misspelt_macro_on_its_line(project):
    """`fgi(...)` for `fig(...)`: one mistake, on the misspelt call, naming the macro meant;
    not the knock-on "used on no page" of the figure only that call writes."""
    from macros.checks.lint import macro_calls, pages

    uses = Counter(item for _name, page in pages(project / "docs") for macro, item, _ in macro_calls(page)
                   if macro == "fig")
    essay = project / "docs" / "essay.md"
    text = essay.read_text(encoding="utf-8")
    call = next(m for m in re.finditer(r"\bfig\('([^']+)'\)", text) if uses[m[1]] == 1)
    essay.write_text(text[:call.start()] + "fgi" + text[call.start() + 3:], encoding="utf-8")
    line = text.count("\n", 0, call.start()) + 1
    column = call.start() - text.rfind("\n", 0, call.start())
    out = subprocess.run([sys.executable, "-m", "macros.commands.check"], cwd=project, capture_output=True, text=True,
                         env=dict(os.environ, GITHUB_ACTIONS="true"))
    assert out.returncode == 1
    assert f"docs/essay.md:{line}:{column}: 'fgi' is not a macro of this site; did you mean fig?" in out.stderr
    assert "is used on no page" not in out.stderr + out.stdout
    errors = [(props["file"], props["line"], props.get("col")) for kind, props, _ in commands(out.stdout)
              if kind == "error"]
    assert errors == [("docs/essay.md", str(line), str(column))], out.stdout


def test_under_actions_make_check_annotates_the_flags_a_branch_brings(project):
    """GitHub shows ten warnings a step: the flags already on main would take them all.
    A branch off main that raises a flag gets that flag on its figure's line, and no other;
    every flag is still in the log."""
    from bench.project import commit, git
    from macros.registry.loading import load_registry

    git(project, "init", "-q", "-b", "main")
    commit(project, "main")
    git(project, "checkout", "-q", "-b", "pull-request")
    before = load_registry(project)
    flagged = {f for flag in before.flags for f in flag.figures}
    figure = next(f for f in before.figures.values()
                  if f.id not in flagged and f.unit != "date" and isinstance(f.value, int))
    with (project / "data" / "rules.yml").open("a", encoding="utf-8") as rules:
        rules.write(f"\n  new-in-this-branch:\n    kind: at-least\n    figure: {figure.id}\n"
                    f"    stated: {figure.value + 1}\n    message: Fewer than the text says.\n")
    after = load_registry(project)
    raised = [flag for flag in after.flags if (flag.rule, flag.figures) not in {(f.rule, f.figures) for f in before.flags}]
    out = subprocess.run([sys.executable, "-m", "macros.commands.check"], cwd=project, capture_output=True, text=True,
                         env=dict(os.environ, GITHUB_ACTIONS="true"))
    warnings = [(props["file"], props["line"]) for kind, props, _ in commands(out.stdout) if kind == "warning"]
    assert raised and warnings == [tuple(after.figures[f].where.split(":")) for flag in raised for f in flag.figures], \
        out.stdout
    assert all(f"editor's flag ({flag.rule})" in out.stdout for flag in after.flags)
