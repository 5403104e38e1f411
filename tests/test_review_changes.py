"""`make review` on one branch of everyday edits, each of which review.md must tell as a
reader would see it: a renamed heading, a reworded flag, a reworded and a removed
correction, a page's new title and description, a changed figure and source.

One review is built for the module (two builds); each test reads its part of review.md.
Every expectation is derived from the edits made here and the data they touch.
"""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
import yaml

from bench.project import commit, copy_project, git, git_repository
from macros.registry.loading import load_registry
from tests.support import edit
from tests.test_review import (FIGURE, ITEM, NEW_VALUE, OLD_SENTENCE, OLD_VALUE, as_read, items, listed_pages,
                               review, sections)

ESSAY = "docs/essay.md"
SOURCE = "ctc-winter-2022"
CHARTS = "docs/charts.md"
# Characters Markdown reads as themselves here, and HTML would write as entities.
AMPERSAND_SENTENCE = "Hezbollah & its allies, more < less, have been the worst offenders."
ADDED_WORDS = "once more"  # put into a flag's message and a correction's why


def heading_renamed(repo: Path) -> tuple[str, str]:
    """The essay's second section heading, without its next-to-last word."""
    headings = re.findall(r"^## (.+)$", (repo / ESSAY).read_text(encoding="utf-8"), flags=re.M)
    old = headings[1]
    words = old.split()
    return old, " ".join(words[:-2] + words[-1:])


def with_words(text: str, added: str = ADDED_WORDS) -> str:
    """`text` with `added` after its first word."""
    first, rest = text.split(" ", 1)
    return f"{first} {added} {rest}"


def front_matter(repo: Path, page: str) -> dict:
    return yaml.safe_load((repo / page).read_text(encoding="utf-8").split("---\n")[1])


def set_key(path: Path, after: str, key: str, indent: str, value: str) -> None:
    """Replace the value (one line or folded over several) of the first `key` at `indent`
    after the line `after`, in a YAML file."""
    text = path.read_text(encoding="utf-8")
    start = text.index(after)
    pattern = re.compile(rf"^{indent}{key}:.*\n(?:{indent}  .*\n)*", flags=re.M)
    found = pattern.search(text, start)
    assert found, (path, after, key)
    line = f"{indent}{key}: {json.dumps(value, ensure_ascii=False)}\n"
    path.write_text(text[:found.start()] + line + text[found.end():], encoding="utf-8")


@pytest.fixture(scope="module")
def edits(tmp_path_factory) -> dict:
    """The edits, committed on a branch off main, and what each was before."""
    repo = git_repository(copy_project(tmp_path_factory.mktemp("changes") / "repo"))
    registry = load_registry(repo)
    git(repo, "checkout", "-q", "-b", "change")
    made = {"repo": repo, "registry": registry}

    made["heading"] = heading_renamed(repo)
    edit(repo / ESSAY, f"## {made['heading'][0]}\n", f"## {made['heading'][1]}\n")
    commit(repo, "a heading renamed")
    title = registry.sources[SOURCE].title
    made["source title"] = title, with_words(title, "renamed")
    edit(repo / "data" / "sources.yml", f"title: {json.dumps(title, ensure_ascii=False)}\n",
         f"title: {json.dumps(made['source title'][1], ensure_ascii=False)}\n")
    commit(repo, "a source's title")

    rules = yaml.safe_load((repo / "data" / "rules.yml").read_text(encoding="utf-8"))["rules"]
    made["flag"] = flag = next(flag for flag in registry.flags if flag.rule in rules)
    set_key(repo / "data" / "rules.yml", f"\n  {flag.rule}:\n", "message", "    ", with_words(flag.message))
    commit(repo, "a flag's message reworded")

    corrections = repo / "data" / "corrections.yml"
    made["reworded"], made["removed"] = registry.corrections[-2:]
    # A third page's correction given the day before: its date put right, its words kept.
    made["redated"] = redated = registry.corrections[0]
    made["redated day"] = str(redated.date.to_date() - timedelta(days=1))
    set_key(corrections, f"  - page: {redated.page}\n", "date", "    ", made["redated day"])
    set_key(corrections, f"  - page: {made['reworded'].page}\n", "why", "    ", with_words(made["reworded"].why))
    text = corrections.read_text(encoding="utf-8")
    start = text.index(f"  - page: {made['removed'].page}\n")
    end = text.find("\n  - page: ", start)
    corrections.write_text(text[:start].rstrip("\n") + "\n" + (text[end:] if end >= 0 else ""), encoding="utf-8")
    commit(repo, "a correction reworded, another removed, a third given another day")

    front = front_matter(repo, CHARTS)
    made["title"] = front["title"], front["title"] + " and their numbers"
    made["description"] = front["description"], with_words(front["description"])
    set_key(repo / CHARTS, "---\n", "title", "", made["title"][1])
    set_key(repo / CHARTS, "---\n", "description", "", made["description"][1])
    commit(repo, "a page's title and description")

    edit(repo / ITEM, OLD_SENTENCE, AMPERSAND_SENTENCE)
    commit(repo, "a sentence with an ampersand")

    label = registry.figures[FIGURE].label
    edit(repo / "data" / "figures.yml", f"  {FIGURE}:\n    label: {label}\n    value: {OLD_VALUE}\n",
         f"  {FIGURE}:\n    label: {label}\n    value: {NEW_VALUE}\n")
    commit(repo, "a figure's value")
    return made


@pytest.fixture(scope="module")
def report(edits) -> str:
    run = review(edits["repo"])
    assert run.returncode == 0, run.stdout + run.stderr
    return (edits["repo"] / "review.md").read_text(encoding="utf-8")


def test_a_renamed_heading_is_told_as_the_heading_not_under_the_one_before(edits, report, site):
    old, new = edits["heading"]
    essay = listed_pages(sections(report)["Pages"])["essay/"]
    (line,) = [line for line in essay.splitlines() if old in as_read(line)]
    # At the page's own level, not in the list of the section above it.
    assert line.startswith("  - heading: "), line
    assert as_read(line) == f"  - heading: “{old}” → “{new}”", line
    assert f"~~{set(old.split()).difference(new.split()).pop()}~~" in line
    # Its address went with it: a link to the section from elsewhere now opens the top.
    (heading,) = [h for h in site.html("essay/index.html").select("article h2")
                  if h.get_text().rstrip("¶").strip() == old]
    (gone,) = [line for line in essay.splitlines() if "addresses gone" in line]
    assert f"`#{heading['id']}`" in gone, gone
    # The sources page's heading for the source, its title.
    old, new = edits["source title"]
    sources = listed_pages(sections(report)["Pages"])["sources/"]
    (line,) = [line for line in sources.splitlines() if old in as_read(line)]
    assert as_read(line) == f"  - heading: “{old}” → “{new}”", line


def test_a_reworded_flag_shows_its_message_before_and_after(edits, report):
    flag = edits["flag"]
    (item,) = [item for item in items(sections(report)["Editor's flags"]) if f"`{flag.rule}`" in item]
    assert item.startswith("- **Changed**"), item
    assert f"**{ADDED_WORDS}**" in item, item
    read = as_read(item)
    assert flag.message in read and with_words(flag.message) in read, item


def test_a_reworded_correction_is_changed_and_a_removed_one_counted(edits, report):
    reworded, removed, redated = edits["reworded"], edits["removed"], edits["redated"]
    assert len({reworded.page, removed.page, redated.page}) == 3
    verdict = report.splitlines()[0]
    assert "2 corrections changed" in verdict and "1 correction removed" in verdict, verdict
    assert "correction added" not in verdict, verdict
    entries = items(sections(report)["Corrections"])
    (changed,) = [item for item in entries if f"`{reworded.page}`" in item]
    assert changed.startswith("- **Changed**") and f"**{ADDED_WORDS}**" in changed, changed
    assert reworded.why in as_read(changed) and with_words(reworded.why) in as_read(changed)
    (gone,) = [item for item in entries if f"`{removed.page}`" in item]
    assert gone.startswith("- **Removed**"), gone
    assert len(entries) == 3, entries


def test_a_correction_given_another_day_is_changed_not_replaced(edits, report):
    redated, day = edits["redated"], edits["redated day"]
    (item,) = [item for item in items(sections(report)["Corrections"]) if f"`{redated.page}`" in item]
    assert item.startswith("- **Changed**"), item
    assert as_read(item).splitlines()[1:] == [f"  - date: “{redated.date}” → “{day}”"], item


def test_a_new_title_and_description_are_told_under_the_page(edits, report):
    """Front matter a reader sees only in the browser tab, search results and link previews."""
    charts = listed_pages(sections(report)["Pages"])["charts/"]
    for key in ("title", "description"):
        old, new = edits[key]
        (line,) = [line for line in charts.splitlines() if line.startswith(f"  - {key}")]
        read = as_read(line)
        assert old in read and new in read, line


def test_the_report_is_markdown_read_raw_without_html_entities(edits, report):
    item = listed_pages(sections(report)["Pages"])["rundown/lebanon-unsolved-murders/"]
    assert not re.search(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+);", report, flags=re.I), "an HTML entity in review.md"
    plain = re.sub(r"~~|\*\*", "", item)  # struck and bold words, not unescaped
    assert AMPERSAND_SENTENCE.removesuffix(".") in plain, item


def download_rows(report: str) -> dict[str, list[str]]:
    """The Downloads table's cells by file."""
    rows = [line.strip("|").split(" | ") for line in sections(report)["Downloads"].splitlines()
            if line.startswith("| `")]
    return {cells[0].strip().strip("`"): [cell.strip() for cell in cells[1:]] for cells in rows}


def test_downloads_name_the_rows_that_changed(edits, report):
    rows = download_rows(report)
    total, added, removed, changed, which = rows["downloads/figures.csv"]
    named = re.findall(r"`([^`]+)`", which)
    assert FIGURE in named and len(named) == int(total), rows["downloads/figures.csv"]
    assert set(named) <= set(edits["registry"].figures), named
    # A source's title changed: the Data Package's entry for it is changed, not replaced.
    total, added, removed, changed, which = rows["downloads/datapackage.json"]
    assert (added, removed, changed) == ("0", "0", "1"), rows["downloads/datapackage.json"]
    assert edits["registry"].sources[SOURCE].url in which, which


def test_two_figures_swapped_are_told_as_moved_not_removed_and_added(tmp_path):
    repo = git_repository(copy_project(tmp_path / "repo"))
    figures = repo / "data" / "figures.yml"
    text = figures.read_text(encoding="utf-8")
    starts = [m.start() for m in re.finditer(r"^  [\w-]+:\n", text, flags=re.M)][:3]
    first, second = text[starts[0]:starts[1]], text[starts[1]:starts[2]]
    figures.write_text(text[:starts[0]] + second + first + text[starts[2]:], encoding="utf-8")
    git(repo, "checkout", "-q", "-b", "change")
    commit(repo, "two figures swapped")

    run = review(repo)
    assert run.returncode == 0, run.stdout + run.stderr
    report = (repo / "review.md").read_text(encoding="utf-8")
    page = listed_pages(sections(report)["Pages"]).get("figures/", "")
    gone = re.findall(r"- gone: “(.*)”$", page, flags=re.M)
    new = re.findall(r"- new: “(.*)”$", page, flags=re.M)
    assert not set(gone) & set(new), page  # no block told as both removed and added
    labels = [yaml.safe_load(entry).popitem()[1]["label"] for entry in (first, second)]
    (moved,) = [line for line in page.splitlines() if "moved" in line]
    assert any(label in as_read(moved) for label in labels), moved
