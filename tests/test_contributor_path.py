"""A contributor following CONTRIBUTING.md finds CI green.

In a copy of the project, this does what CONTRIBUTING.md says, with its own examples
read from its code blocks: add a Rundown item with a new figure and a new source, then
correct the figure. After each step `make check` and the strict build pass, and so do
the tests that read the built site, run in the copy as CI would run them.
"""

from __future__ import annotations

import datetime
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.support import ROOT, build

# What CI's tests need beside what a build reads.
PARTS = ("mkdocs.yml", "Makefile", "pytest.ini", "CONTRIBUTING.md", "docs", "data", "macros", "overrides",
         "tests", "bench")
SITE_TESTS = ["tests/test_site.py", "tests/test_reader_meta.py", "tests/test_layout.py", "tests/test_data_pages.py",
              "tests/test_lint.py", "tests/test_data_loading.py"]


def copy(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for part in PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache", "tmp"))
        else:
            shutil.copy2(src, dest / part)
    return dest


def example(guide: str, section: str, language: str) -> str:
    """The first ```language block under the `## section` heading of CONTRIBUTING.md."""
    body = guide.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    return re.search(rf"```{language}\n(.*?)```", body, re.S).group(1)


def add(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + text, encoding="utf-8")


def checks_pass(project: Path) -> None:
    check = subprocess.run([sys.executable, "-m", "macros.commands.check"], cwd=project, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    out = build(project)
    assert out.returncode == 0, out.log


def test_following_contributing_md_keeps_ci_green(tmp_path):
    project = copy(tmp_path / "project")
    guide = (project / "CONTRIBUTING.md").read_text(encoding="utf-8")

    # Add a Rights Rundown item, its new figure and its new source.
    item = example(guide, "Add a Rights Rundown item", "markdown")
    slug = re.search(r"^slug: (\S+)$", item, re.M).group(1)
    page = project / "docs" / "rundown" / "posts" / f"{slug}.md"  # "named after its slug"
    page.write_text(item, encoding="utf-8")
    figure = example(guide, "Add or update a figure", "yaml")
    add(project / "data" / "figures.yml", figure)
    add(project / "data" / "sources.yml", example(guide, "Add a source", "yaml"))
    checks_pass(project)
    item_html = build(project).html(f"rundown/{slug}/index.html")
    assert item_html.select_one(".article-header__original").get_text(strip=True) == "Written for this edition"

    # Correct the figure: a new value, a correction on the page using it, its updated: day.
    today = datetime.date.today().isoformat()
    value = re.search(r"^    value: (\d+)", figure, re.M).group(1)
    figures = project / "data" / "figures.yml"
    figures.write_text(figures.read_text(encoding="utf-8").replace(f"value: {value}", f"value: {int(value) + 7}", 1),
                       encoding="utf-8")
    correction = example(guide, "Report or record a correction", "yaml")
    correction = re.sub(r'date: "\d{4}-\d{2}-\d{2}"', f'date: "{today}"', correction)
    assert f"page: rundown/posts/{slug}.md" in correction, "the correction example names the example item"
    add(project / "data" / "corrections.yml", correction)
    page.write_text(re.sub(r"^updated: .*$", f"updated: {today}", item, flags=re.M), encoding="utf-8")
    checks_pass(project)

    tests = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not browser",
                            *SITE_TESTS], cwd=project, capture_output=True, text=True, timeout=1200)
    assert tests.returncode == 0, tests.stdout[-6000:] + tests.stderr[-2000:]
