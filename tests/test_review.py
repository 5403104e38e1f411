"""`make review`: in a git repository of the project, four changes committed in turn are
each named in review.md with their before and after, the value change raises the
written-words flag, and no page whose article did not change is listed; a BASE that
names nothing, a BASE that does not build and uncommitted changes are each told.

Every expectation is derived from the edits made here and the data they touch.
"""

from __future__ import annotations

import gzip
import html
import random
import re
import string
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import markdown as python_markdown
import pytest
import yaml

from bench.project import commit, git, git_repository, make_env, with_venv
from macros.registry.loading import load_registry
from macros.reading.blocks import Place
from macros.review.articles import Page, article_of, sentence, text_blocks
from macros.review.builds import Built
from macros.review.data import Change, figure_changes
from macros.review.numbers import new_numbers
from macros.review.other_output import OtherOutput, other_output
from macros.review.page_weight import ROOM, page_weights
from macros.review.pages import page_changes
from macros.review.report import (Review, Section, figures_section, first_round_trip_section, markdown,
                                  pages_section, render, verdict)
from tests.support import ROOT, copy_project, edit

FIGURE = "children-detained"  # written "58,000" in the essay, a page of the original
OLD_VALUE, NEW_VALUE = 58000, 57000
SOURCE = "ctc-winter-2022"
ITEM = "docs/rundown/posts/lebanon-unsolved-murders.md"
OLD_SENTENCE = "The worst offender in this regard has been Hezbollah."
NEW_SENTENCE = "Hezbollah has been the worst offender of them all."
NEW_ITEM_SLUG = "iraq-review-new-item"
NEW_ITEM_TITLE = "Iraq: a new item for the review"
TYPED_NUMBER = "4,321"  # a number the new item types in; not a registered figure


@pytest.fixture
def repo(tmp_path) -> Path:
    """The project in a git repository of its own, on main, where `make` runs."""
    return git_repository(copy_project(tmp_path / "repo"))


def review(repo: Path, *args: str, summary: Path | None = None) -> subprocess.CompletedProcess:
    """`make review ...` as a reviewer runs it: outside GitHub Actions, or with `summary`
    as a GitHub Actions step's summary."""
    env = make_env(**({"GITHUB_STEP_SUMMARY": str(summary)} if summary else {}))
    return subprocess.run(["make", "--no-print-directory", "review", *args], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=600)


def sections(report: str) -> dict[str, str]:
    """review.md's sections by heading, the verdict under ""."""
    parts = re.split(r"^## (.+)$", report, flags=re.M)
    return {"": parts[0], **dict(zip(parts[1::2], parts[2::2]))}


def as_read(markdown_text: str) -> str:
    """The report's text as GitHub shows it: no emphasis marks, escapes or entities."""
    text = re.sub(r"~~|\*\*", "", markdown_text)
    return html.unescape(re.sub(r"\\([\\`*_{}\[\]|~<&])", r"\1", text))


def items(section: str) -> list[str]:
    """The section's top-level list items, each with what is indented under it."""
    return [item.rstrip() for item in re.split(r"^(?=- )", section, flags=re.M)[1:]]


def listed_pages(section: str) -> dict[str, str]:
    """Address -> item, for every page the Pages section lists."""
    found = {}
    for item in items(section):
        address = re.match(r"- \*\*\w+\*\* (?:\[)?/([^\]\s“]*)", item)
        found[address.group(1)] = item
    return found


def pages_using(repo: Path, figure_ids: set[str], source_ids: set[str]) -> set[str]:
    """The addresses of the pages whose Markdown writes one of the figures or cites one of the sources."""
    calls = re.compile(r"""(fig|cite)\(\s*['"]([^'"]+)['"]""")
    found = set()
    for path in (repo / "docs").rglob("*.md"):
        for macro, ident in calls.findall(path.read_text(encoding="utf-8")):
            if (macro == "fig" and ident in figure_ids) or (macro == "cite" and ident in source_ids):
                name = path.relative_to(repo / "docs").as_posix()
                if name.startswith("rundown/posts/"):
                    slug = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])["slug"]
                    found.add(f"rundown/{slug}/")
                else:
                    found.add("" if name == "index.md" else name.removesuffix(".md") + "/")
    return found


def new_item() -> str:
    return f"""---
title: "{NEW_ITEM_TITLE}"
slug: {NEW_ITEM_SLUG}
date: 2022-02-06
description: >-
  A new item written for this edition, newer than every other.
tags:
  - Iraq
  - Detention
template: article.html
updated: {date.today().isoformat()}
hide:
  - toc
---

{{{{ summary() }}}}

<!-- more -->

Families said that {TYPED_NUMBER} letters went unanswered.
"""


def test_review_names_four_changes_with_before_and_after(repo):
    base = git(repo, "rev-parse", "HEAD")
    registry = load_registry(repo)
    assert registry.figures[FIGURE].value == OLD_VALUE
    assert float(TYPED_NUMBER.replace(",", "")) not in {f.value for f in registry.figures.values()}
    old_url = registry.sources[SOURCE].url
    new_url = old_url.rstrip("/") + "-moved/"

    # 1. A figure's value, on a figure the essay uses.
    edit(repo / "data" / "figures.yml", f"  {FIGURE}:\n    label: {registry.figures[FIGURE].label}\n"
                                        f"    value: {OLD_VALUE}\n",
         f"  {FIGURE}:\n    label: {registry.figures[FIGURE].label}\n    value: {NEW_VALUE}\n")
    commit(repo, "a figure's value")
    # 2. A new Rundown item.
    (repo / "docs" / "rundown" / "posts" / f"{NEW_ITEM_SLUG}.md").write_text(new_item(), encoding="utf-8")
    commit(repo, "a new Rundown item")
    # 3. A reworded sentence in an item.
    edit(repo / ITEM, OLD_SENTENCE, NEW_SENTENCE)
    commit(repo, "a reworded sentence")
    # 4. A source's URL.
    edit(repo / "data" / "sources.yml", f"    url: {old_url}\n", f"    url: {new_url}\n")
    commit(repo, "a source's URL")

    run = review(repo, f"BASE={base}")
    assert run.returncode == 0, run.stdout + run.stderr
    assert str(repo / "review.md") in run.stdout
    report = (repo / "review.md").read_text(encoding="utf-8")
    part = sections(report)
    verdict = report.splitlines()[0]
    assert verdict.startswith("# ") and "1 figure changed" in verdict and "1 new editor's flag" in verdict, verdict

    # The value, old -> new as written, and the sentence using it, with its page and link.
    (figure,) = [i for i in items(part["Figures"]) if f"`{FIGURE}`" in i]
    assert f"value: {OLD_VALUE:,} → {NEW_VALUE:,}" in figure
    for page in pages_using(repo, {FIGURE}, set()):
        assert f"/{page}#fig-{FIGURE}-1)" in figure, page
    written = registry.figures[FIGURE].written
    assert f"found that {written} children were being held" in as_read(figure)

    # The written-words flag, raised for the value change.
    raised = [i for i in items(part["Editor's flags"]) if i.startswith("- **Raised**")]
    assert len(raised) == 1 and "`written-words`" in raised[0] and f"`{FIGURE}`" in raised[0]
    assert f"written “{written}”, value {NEW_VALUE:,}" in as_read(raised[0])

    # The source's URL, before and after.
    (source,) = items(part["Sources"])
    assert f"`{SOURCE}`" in source and f"URL: `{old_url}` → `{new_url}`" in source

    # The new item, added; the reworded sentence, before and after.
    pages = listed_pages(part["Pages"])
    assert pages[f"rundown/{NEW_ITEM_SLUG}/"].startswith("- **Added**")
    assert NEW_ITEM_TITLE in as_read(pages[f"rundown/{NEW_ITEM_SLUG}/"])
    reworded = as_read(pages["rundown/lebanon-unsolved-murders/"])
    before, after = re.search(r"- before: “(.*)” *\n\s+after: “(.*)”", reworded).groups()
    assert OLD_SENTENCE in before and NEW_SENTENCE not in before
    assert NEW_SENTENCE in after and OLD_SENTENCE not in after

    # No page whose article did not change: only those the edits reach. The front page
    # and the Rundown's index list the new item among the newest, but their text is the same.
    reached = pages_using(repo, {FIGURE} | {f for f, fig in registry.figures.items() if SOURCE in fig.sources},
                          {SOURCE})
    reached |= {"figures/", "sources/", f"rundown/{NEW_ITEM_SLUG}/", "rundown/lebanon-unsolved-murders/"}
    assert set(pages) <= reached, set(pages) - reached
    front = (repo / "site" / "index.html").read_text(encoding="utf-8")
    index = (repo / "site" / "rundown" / "index.html").read_text(encoding="utf-8")
    assert NEW_ITEM_TITLE in front and NEW_ITEM_TITLE in index  # their lists did change
    assert "" not in pages and "rundown/" not in pages
    # Their lists are in Other output, the new item told once for both pages.
    both = [i for i in items(part["Other output"]) if "`index.html`" in i and "`rundown/index.html`" in i]
    assert len(both) == 1 and f"new: “{NEW_ITEM_TITLE}”" in as_read(both[0]), part["Other output"]
    (feed,) = [i for i in items(part["Other output"]) if i.startswith("- `feed.xml`")]
    assert f"new: “{NEW_ITEM_TITLE}: A new item written for this edition" in as_read(feed), feed

    # The number the new item typed in, which is not a figure.
    assert f"docs/rundown/posts/{NEW_ITEM_SLUG}.md:" in part["Numbers in new or changed prose that are not figures"]
    assert f"“{TYPED_NUMBER}”" in part["Numbers in new or changed prose that are not figures"]

    # Downloads: the one figure's row in the table, no source row in the figures' files.
    assert "| `downloads/figures.csv` | 1 | 0 | 0 | 1 |" in part["Downloads"]

    # The temporary worktree is gone, and git has forgotten it.
    assert len(git(repo, "worktree", "list").splitlines()) == 1


def test_an_unknown_base_gets_one_line_naming_it(repo):
    """...and no review.md: one left from an earlier run, of another comparison, is taken
    away rather than left to be read as this one."""
    (repo / "review.md").write_text("# 1 figure changed\n", encoding="utf-8")
    run = review(repo, "BASE=no-such-branch")
    assert run.returncode != 0
    ours = [line for line in run.stderr.splitlines() if not re.match(r"make(\[\d+\])?: ", line)]  # make's own
    assert len(ours) == 1 and "no-such-branch" in ours[0], run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    assert not (repo / "review.md").exists()


def test_a_base_that_does_not_build_is_told_and_the_data_still_compared(repo):
    about = repo / "docs" / "about.md"
    edit(about, "\n\n", "\n\n{{ oops\n\n")
    broken = commit(repo, "a template mistake")
    edit(about, "\n\n{{ oops\n\n", "\n\n")
    edit(repo / "data" / "figures.yml", f"    value: {OLD_VALUE}\n", f"    value: {NEW_VALUE}\n")
    commit(repo, "the mistake mended, and a value changed")

    run = review(repo, f"BASE={broken}")
    assert run.returncode == 0, run.stdout + run.stderr
    report = (repo / "review.md").read_text(encoding="utf-8")
    part = sections(report)
    assert "BASE does not build" in report.splitlines()[0]
    assert "**BASE does not build**" in part[""] and "docs/about.md" in part[""]
    assert f"value: {OLD_VALUE:,} → {NEW_VALUE:,}" in part["Figures"]
    assert "Not compared: BASE did not build." in part["Pages"]
    assert len(git(repo, "worktree", "list").splitlines()) == 1


def test_uncommitted_changes_are_reviewed_as_they_stand(repo):
    edit(repo / ITEM, OLD_SENTENCE, NEW_SENTENCE)  # not committed
    run = review(repo)  # BASE: the merge base of HEAD and main, HEAD itself
    assert run.returncode == 0, run.stdout + run.stderr
    part = sections((repo / "review.md").read_text(encoding="utf-8"))
    assert "with uncommitted changes, reviewed as they stand" in part[""]
    assert f"`{ITEM}`" in part[""].replace("` M ", "`")
    assert list(listed_pages(part["Pages"])) == ["rundown/lebanon-unsolved-murders/"]
    assert NEW_SENTENCE in as_read(part["Pages"])


def test_a_change_to_the_style_alone_is_not_told_as_nothing_changing(repo):
    """A stylesheet that turned every figure red was reviewed as "Nothing a reader sees
    changes": no words changed. The built files that differ beyond them are named."""
    stylesheet = next((repo / "docs" / "stylesheets").glob("*.css"))
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\n.md-typeset .fig { color: red; }\n",
                          encoding="utf-8")
    commit(repo, "figures in red")
    run = review(repo, "BASE=HEAD~1")
    assert run.returncode == 0, run.stdout + run.stderr
    part = sections((repo / "review.md").read_text(encoding="utf-8"))
    verdict = part[""].splitlines()[0]
    assert "nothing a reader sees changes" not in verdict.lower() and "1 other built file differs" in verdict
    assert "No page changes for readers." in part["Pages"]
    assert items(part["Other output"]) == ["- `stylesheets/edition.css`"]
    assert "No page's HTML changed." in part["A phone's first round trip"]


def test_a_menu_renamed_is_told_once_for_every_page(repo):
    """A section of the menu renamed in mkdocs.yml changes no article but every page:
    the verdict says words readers see changed, and the change is told once."""
    edit(repo / "mkdocs.yml", "  - The data:\n", "  - Data and sources:\n")
    commit(repo, "the data's section renamed")
    run = review(repo, "BASE=HEAD~1")
    assert run.returncode == 0, run.stdout + run.stderr
    part = sections((repo / "review.md").read_text(encoding="utf-8"))
    pages = sorted(path.relative_to(repo / "site").as_posix() for path in (repo / "site").rglob("*.html"))
    assert f"{len(pages)} in words readers see" in part[""].splitlines()[0], part[""]
    (told,) = [i for i in items(part["Other output"]) if "Data and sources" in as_read(i)]
    assert told.startswith(f"- {len(pages)} pages, ") and as_read(told).count("Data and sources") == 1, told
    # Every page's HTML changed: the largest is named with the room it has left in a
    # phone's first round trip (or, past it, listed).
    size = {f"/{page.removesuffix('index.html')}": _gzipped((repo / "site" / page).read_bytes()) for page in pages}
    largest = max(size, key=size.get)
    trip = as_read(part["A phone's first round trip"])
    if size[largest] <= ROOM:
        assert (f"the largest, `{largest}`, is {size[largest]:,} B gzipped: {ROOM - size[largest]:,} B to spare."
                in trip), trip
    else:
        assert f"- `{largest}`: still past it" in trip, trip


def test_a_new_entry_on_a_list_page_is_one_line(repo):
    """A new source's entry on the sources page was told as a new heading and then one
    "new:" line for each of its labels and values, 16 lines: it is one line, its words in
    their order."""
    title, publisher = "A report added for the review", "A publisher added for the review"
    (repo / "data" / "sources.yml").write_text((repo / "data" / "sources.yml").read_text(encoding="utf-8") + f"""
  review-added-source:
    title: "{title}"
    publisher: {publisher}
    author:
    date: "2022-02-01"
    url:
    kind: report
    unused: kept for the review's test
""", encoding="utf-8")
    commit(repo, "a source added")
    run = review(repo, "BASE=HEAD~1")
    assert run.returncode == 0, run.stdout + run.stderr
    part = sections((repo / "review.md").read_text(encoding="utf-8"))
    (sources,) = [i for i in items(part["Pages"]) if "/sources/" in i]
    told = sources.splitlines()[1:]
    assert len(told) == 1 and told[0].startswith(f"  - new section: “{title}”: “"), sources
    assert f"Publisher · {publisher} ·" in as_read(told[0])
    git(repo, "checkout", "HEAD~1", "--", "data/sources.yml")  # taken out again, uncommitted
    assert review(repo, "BASE=HEAD").returncode == 0
    (sources,) = [i for i in items(sections((repo / "review.md").read_text(encoding="utf-8"))["Pages"])
                  if "/sources/" in i]
    assert sources.splitlines()[-1] == told[0].replace("new section", "section gone"), sources


def test_a_long_report_is_shortened_for_the_step_summary_and_says_so():
    """GitHub takes 1 MiB a step: the longest section gives way, saying how much it left out."""
    head = ["# 500 pages change for readers"]
    parts = [Section("Short", [], ["- one"]), Section("Long", [], [f"- item {i} " + "x" * 100 for i in range(500)])]
    full, short = render(head, parts), render(head, parts, limit=20_000)
    assert len(full.encode()) > 20_000 >= len(short.encode())
    assert "- one" in short and "- item 0 " in short and "- item 499 " not in short
    kept = sum(1 for line in short.splitlines() if line.startswith("- item "))
    assert kept > 100 and f"…and {500 - kept} more entries left out here." in short
    assert "This summary is shortened" in short and "shortened" not in full


def test_in_ci_the_pull_request_merged_is_reviewed_against_its_base_into_the_step_summary(repo, tmp_path):
    """As the workflow runs it: a clone of the merge commit and its parents only (fetch-depth
    2), BASE=HEAD^1, the report added to the step's summary after what is there already."""
    git(repo, "checkout", "-q", "-b", "change")
    edit(repo / ITEM, OLD_SENTENCE, NEW_SENTENCE)
    commit(repo, "a reworded sentence")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", "-m", "the pull request merged", "change")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "2", f"file://{repo}", str(clone))
    summary = tmp_path / "summary.md"
    summary.write_text("## An earlier step's summary\n", encoding="utf-8")

    run = review(with_venv(clone), "BASE=HEAD^1", summary=summary)
    assert run.returncode == 0, run.stdout + run.stderr
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("## An earlier step's summary\n")
    assert written.removeprefix("## An earlier step's summary\n") == (clone / "review.md").read_text(encoding="utf-8")
    assert "uncommitted" not in written
    assert list(listed_pages(sections(written)["Pages"])) == ["rundown/lebanon-unsolved-murders/"]
    assert (clone / "site" / "rundown" / "lebanon-unsolved-murders" / "index.html").exists()  # the preview


# --- The parts, on small inputs ---------------------------------------------------

def page(address: str, body: str) -> Page:
    return Page(address, f"http://example.invalid/{address}", f'<article class="md-content__inner md-typeset">{body}</article>')


def test_a_page_at_a_new_address_with_its_text_has_moved_and_a_changed_block_shows_both_sides():
    old = {"a/": page("a/", "<h1>A</h1><p>One.</p>"), "b/": page("b/", "<h1>B</h1><p>Two.</p><p>Three.</p>")}
    new = {"a2/": page("a2/", "<h1>A</h1><p>One.</p>"), "b/": page("b/", "<h1>B</h1><p>Two!</p><p>Three.</p>")}
    changes = {change.page.address: change for change in page_changes(old, new)}
    assert changes["a2/"].kind == "moved" and changes["a2/"].old.address == "a/" and not changes["a2/"].blocks
    assert changes["b/"].kind == "changed"
    assert [(b.before, b.after, b.section) for b in changes["b/"].blocks] == [("Two.", "Two!", "B")]


def test_an_entry_added_above_entries_retyped_is_told_as_new_and_each_against_itself():
    """A correction added at the top of the corrections list, with the others' quotes made
    typographic: paired by position, each entry was shown rewritten into the one below it,
    and the oldest as new. Each is told against itself, and the added one as new; a
    paragraph rewritten beyond likeness is still told against the one it replaced."""
    entries = ["25 Nov. Editor's notes added to each figure where the essay differs.",
               "25 Nov. Editor's note added to the four murders: 'politically sensitive'.",
               "25 Nov. Editor's notes added to the dates of the announcement."]
    retyped = [entry.replace("'", "’") for entry in entries]
    added = "6 Dec. A note added on 500,000, and two others revised."
    listed = lambda items: "<h1>Corrections</h1><ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"
    [change] = page_changes({"c/": page("c/", listed(entries))}, {"c/": page("c/", listed([added, *retyped]))})
    assert sorted((b.before, b.after) for b in change.blocks if b.before) == sorted(zip(entries, retyped))
    assert [b.after for b in change.blocks if b.before is None] == [added]
    [rewritten] = page_changes({"p/": page("p/", "<h1>P</h1><p>The old words of it.</p>")},
                               {"p/": page("p/", "<h1>P</h1><p>Something else entirely now.</p>")})
    assert [(b.before, b.after) for b in rewritten.blocks] == [("The old words of it.", "Something else entirely now.")]


def test_a_page_given_a_new_address_and_title_and_an_edit_has_moved_with_both():
    """A Rundown item given a new slug and title, and a sentence reworded, was told as one
    page added and another removed: the reworded sentence was shown nowhere."""
    body = "".join(f"<p>Paragraph {n} of the item.</p>" for n in range(6))
    old = {"x/": page("x/", "<h1>Old title</h1>" + body)}
    new = {"y/": page("y/", "<h1>New title</h1>" + body.replace("Paragraph 3 of", "Paragraph 3, reworded, of"))}
    [change] = page_changes(old, new)
    assert change.kind == "moved" and change.old.address == "x/"
    assert {(b.before, b.after) for b in change.blocks} == {
        ("Old title", "New title"), ("Paragraph 3 of the item.", "Paragraph 3, reworded, of the item.")}
    unlike = {"z/": page("z/", "<h1>Another</h1><p>Other words altogether.</p>")}
    assert {c.kind for c in page_changes(old, unlike)} == {"added", "removed"}


def test_a_page_moved_or_removed_is_told_that_its_old_address_finds_nothing():
    old = {"x/": page("x/", "<h1>Moved</h1><p>Text.</p>"), "gone/": page("gone/", "<h1>Gone</h1><p>Else.</p>")}
    new = {"y/": page("y/", "<h1>Moved</h1><p>Text.</p>")}
    told = "\n".join(pages_section(Review(None, "a", "b", [], pages=page_changes(old, new))).items)
    assert told.count("its old address now finds no page") == 2, told


def test_a_value_drawn_twice_in_a_row_is_told_once_with_a_count():
    """A chart's figure changed was told once for its bar's label and once for its
    table's cell, the same lines twice: it is told once, "(2 times)"; the same change in
    another section is told there too."""
    chart = "<h2>Chart</h2><svg><text>45,000</text></svg><table><tr><td>45,000</td></tr></table>"
    old = {"c/": page("c/", f"<h1>C</h1>{chart}<h2>Other</h2><p>45,000</p>")}
    new = {"c/": page("c/", f"<h1>C</h1>{chart}<h2>Other</h2><p>45,000</p>".replace("45,000", "47,000"))}
    told = as_read("\n".join(pages_section(Review(None, "a", "b", [], pages=page_changes(old, new))).items))
    assert told.count("after: “47,000”") == 2 and told.count("after: “47,000” (2 times)") == 1, told


def test_other_output_is_what_no_other_part_compares(tmp_path):
    """A stylesheet, or a page's HTML with the same words, is named; white space a browser
    does not show, the search index, the downloads and the pages already listed are not."""
    old, new = tmp_path / "old", tmp_path / "new"
    files = {"stylesheets/edition.css": ("a { }", "a { color: red }"),
             "about/index.html": ('<a href="x">Words</a>', '<a href="y">Words</a>'),
             "essay/index.html": ("<p>Two  spaces</p>", "<p>Two spaces</p>"),
             "rundown/x/index.html": ("<p>Old</p>", "<p>New</p>"),
             "pagefind/fragment/a.pf_fragment": ("1", "2"),
             "downloads/figures.csv": ("id\n1", "id\n2"),
             "assets/new.svg": (None, "<svg/>")}
    for name, (before, after) in files.items():
        for root, text in ((old, before), (new, after)):
            if text is not None:
                (root / name).parent.mkdir(parents=True, exist_ok=True)
                (root / name).write_text(text, encoding="utf-8")
    assert other_output(old, new, {"rundown/x/"}) == [
        OtherOutput(("about/index.html",)), OtherOutput(("assets/new.svg",)), OtherOutput(("stylesheets/edition.css",))]


def test_words_changed_alike_in_many_pages_are_told_once(tmp_path):
    """A new tag's search filter changed every page's HTML, and the review named each
    page with no word of why: the change of words is told, once, with the pages it is in,
    and what only one page changed beside it under that page."""
    old, new = tmp_path / "old", tmp_path / "new"
    filters = "<details><summary>Filter</summary>Topic: Impunity{}</details>"
    pages = {"about/index.html": ("<p>About</p>", "<p>About</p>"),
             "essay/index.html": ("<p>Essay</p>", "<p>Essay</p>"),
             "index.html": ("<ul data-newest-items><li>Old item</li></ul>",
                            "<ul data-newest-items><li>New item</li><li>Old item</li></ul>")}
    for name, (before, after) in pages.items():
        for root, text in ((old, before + filters.format("")), (new, after + filters.format(" Rule of law"))):
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding="utf-8")
    assert other_output(old, new, set()) == [
        OtherOutput(("about/index.html", "essay/index.html", "index.html"),
                    (("Topic: Impunity", "Topic: Impunity Rule of law"),)),
        OtherOutput(("index.html",), ((None, "New item"),))]


def test_a_changed_block_reads_as_two_lines_and_no_change_as_its_own_paragraph():
    """Rendered as Markdown (GitHub's step summary, review.md), "after:" ran on in the line
    of "before:", and "No page changes for readers." into the section's introduction."""
    old = {"b/": page("b/", "<h1>B</h1><p>Two.</p>")}
    new = {"b/": page("b/", "<h1>B</h1><p>Two!</p>")}
    changed = "\n".join(pages_section(Review(None, "a", "b", [], pages=page_changes(old, new))).items)
    assert re.search(r"before: .*<br />\s*after: ", python_markdown.markdown(changed)), changed
    unchanged = pages_section(Review(None, "a", "b", [], pages=[]))
    paragraphs = python_markdown.markdown("\n".join(unchanged.intro)).count("<p>")
    assert paragraphs == 2 and unchanged.intro[-1] == "No page changes for readers."


def test_an_article_is_its_own_words_only():
    """Permalinks, note numbers and back-links, and the front page's newest items, are not
    the page's text; on a blog index, only the header above the posts is."""
    article = ('<article class="md-content__inner md-typeset"><h1>T<a class="headerlink" href="#t">¶</a></h1>'
               '<p>Words<sup id="fnref:x"><a href="#fn:x">1</a></sup> here.</p>'
               '<ul class="rundown-list" data-newest-items="data-newest-items"><li>Newest item</li></ul>'
               '<div class="footnote"><ol><li id="fn:x"><p>The note.&#160;<a class="footnote-backref" '
               'href="#fnref:x">&#8617;</a></p></li></ol></div></article>')
    assert [b.text for b in text_blocks(article_of(article))] == ["T", "Words here.", "The note."]
    blog = ('<div class="md-content__inner"><header class="md-typeset"><h1>Index</h1><p>Intro.</p></header>'
            '<article class="md-post md-post--excerpt"><p>A post.</p></article></div>')
    assert [b.text for b in text_blocks(article_of(blog))] == ["Index", "Intro."]


def test_numbers_typed_into_changed_prose_but_not_list_markers_or_figures(tmp_path):
    old, new = tmp_path / "old" / "docs", tmp_path / "new" / "docs"
    old.mkdir(parents=True)
    new.mkdir(parents=True)
    (old / "a.md").write_text("Some 12 people.\n\nUnchanged 7.\n", encoding="utf-8")
    (new / "a.md").write_text("Some 12 people, then 30.\n\nUnchanged 7.\n\n1. A list {{ fig('x') }}\n",
                              encoding="utf-8")
    found = [(n.file, n.line, n.number) for n in new_numbers(old, new)]
    assert found == [("docs/a.md", 1, "30")]


def test_numbers_typed_into_a_new_title_or_description_are_listed_too(tmp_path):
    """A Rundown item's title "16 camps" and description "some 12,000 people" were not
    listed: readers see both on the front page, in link previews and in the feed. Other
    front matter (dates, tags) is not prose."""
    old, new = tmp_path / "old" / "docs", tmp_path / "new" / "docs"
    old.mkdir(parents=True)
    new.mkdir(parents=True)
    head = "---\ntitle: \"{}\"\ndescription: {}\ndate: 2022-02-03\ntags:\n  - \"2022\"\n---\n\nText.\n"
    (old / "a.md").write_text(head.format("Iraq: camps closed", "Some people left."), encoding="utf-8")
    (new / "a.md").write_text(head.format("Iraq: 16 camps closed", "Some 12,000 people left."), encoding="utf-8")
    found = [(n.file, n.line, n.number) for n in new_numbers(old, new)]
    assert found == [("docs/a.md", 2, "16"), ("docs/a.md", 3, "12,000")]


def test_the_sentence_around_a_figure_runs_past_abbreviations():
    place = Place("paragraph", None, "They left. A U.N. report of Feb. 3 said", "were held. Then more.", "58,000")
    assert sentence(place) == "A U.N. report of Feb. 3 said 58,000 were held."


def test_the_sentence_of_a_figure_that_ends_or_opens_one_stops_at_its_own_end():
    ends = Place("paragraph", None, "They left. Camps held", ". Then more.", "58,000")
    opens = Place("paragraph", None, "They left.", "saw the fall. Then more.", "March 2019")
    assert (sentence(ends), sentence(opens)) == ("Camps held 58,000.", "March 2019 saw the fall.")


def test_a_new_value_shows_the_note_it_kept():
    """A figure's value changed while its note still gave the old one ("IOM counts
    1,186,556"): the note, unchanged, was not shown, so the stale text went unread."""
    registry = load_registry(ROOT)
    noted = next(f for f in registry.figures.values() if f.note and isinstance(f.value, int))
    changed = replace(registry, figures={**registry.figures, noted.id: replace(noted, value=noted.value + 1)})
    told = "\n".join(figures_section(Review(None, "a", "b", [], figures=figure_changes(registry, changed))).items)
    assert "note, the same (does it hold for the new value?)" in told and as_read(told).count(noted.note) == 1, told
    reworded = replace(registry, figures={**registry.figures, noted.id: replace(noted, value=noted.value + 1,
                                                                                 note=noted.note + " Updated.")})
    told = "\n".join(figures_section(Review(None, "a", "b", [], figures=figure_changes(registry, reworded))).items)
    assert "does it hold" not in told and "**Updated.**" in told  # its change is shown as a field's, word by word


def test_a_new_value_without_a_correction_is_reminded_of_one():
    registry = load_registry(ROOT)
    figure = next(f for f in registry.figures.values() if isinstance(f.value, int))
    changed = figure_changes(registry, replace(registry, figures={**registry.figures,
                                                                  figure.id: replace(figure, value=figure.value + 1)}))
    reminder = "no correction is added with it"
    alone = "\n".join(figures_section(Review(None, "a", "b", [], figures=changed, corrections=[])).items)
    assert reminder in alone
    correction = next(iter(registry.corrections))
    with_one = Review(None, "a", "b", [], figures=changed, corrections=[Change("added", "c", "t", new=correction)])
    assert reminder not in "\n".join(figures_section(with_one).items)


def test_base_data_that_does_not_load_though_base_builds_is_said_to_be_read_with_this_code():
    """BASE's data is read with the working tree's code: a branch that changes a schema
    made a BASE that builds look broken, with no word of why."""
    review = Review("main", "abc1234", "def5678", [], base_build=Built(Path("base"), True, ""),
                    head_build=Built(Path("head"), True, ""), data_problems=[("BASE", "data/figures.yml:1:1: x")])
    head = sections(markdown(review))[""]
    assert "BASE builds, so its data is read wrong here" in head and "macros/registry/" in head
    review = Review("main", "abc1234", "def5678", [], base_build=Built(Path("base"), False, "docs/a.md:1: x"),
                    head_build=Built(Path("head"), True, ""), data_problems=[("BASE", "data/figures.yml:1:1: x")])
    assert "BASE builds" not in sections(markdown(review))[""]


def test_data_that_did_not_load_is_not_compared_in_any_of_its_sections():
    review = Review("main", "abc1234", "def5678", [], data_problems=[("BASE", "data/figures.yml:1:1: x")])
    report = sections(markdown(review))
    for title in ("Figures", "Editor's flags", "Sources", "Corrections"):
        assert report[title].strip().startswith("Not compared"), (title, report[title])


def _letters(count: int, seed: int) -> str:
    """Words of random letters, which gzip cannot shrink much: a page's size in the test's hands."""
    rng = random.Random(seed)
    return " ".join("".join(rng.choices(string.ascii_lowercase, k=7)) for _ in range(count // 8))


def _gzipped(html: bytes) -> int:
    """A page's size as a static host sends it, gzip at level 6, computed here on its own."""
    return len(gzip.compress(html, compresslevel=6))


def test_pages_past_a_phones_first_round_trip_are_told_each_way(tmp_path):
    """A page whose HTML grows past what a phone gets in its first round trip paints a
    round trip later: the review names it in its verdict and says how far, as it does a
    page that comes back within it, a new page past it and one still past it."""
    small, large = _letters(4_000, 1), _letters(40_000, 2)
    pages = {  # name: (before, after); None: no such page
        "grown/index.html": (small, large), "shrunk/index.html": (large, small),
        "still/index.html": (large, large + " more"), "new/index.html": (None, large),
        "same/index.html": (large, large), "light/index.html": (small, small + " more"),
    }
    for side, site in ((0, tmp_path / "old"), (1, tmp_path / "new")):
        for name, texts in pages.items():
            if texts[side] is not None:
                (site / name).parent.mkdir(parents=True, exist_ok=True)
                (site / name).write_text(f"<p>{texts[side]}</p>", encoding="utf-8")
    size = {(side, name): _gzipped(f"<p>{texts[side]}</p>".encode()) for name, texts in pages.items()
            for side in (0, 1) if texts[side] is not None}
    assert size[0, "grown/index.html"] <= ROOM < size[1, "grown/index.html"] and size[1, "light/index.html"] <= ROOM
    review = Review(None, "base", "head", [], weights=page_weights(tmp_path / "old", tmp_path / "new"))
    told = {item.split("`")[1]: as_read(item) for item in first_round_trip_section(review).items}
    assert set(told) == {"/grown/", "/shrunk/", "/still/", "/new/"}
    assert told["/grown/"] == (f"- `/grown/`: past it, {size[1, 'grown/index.html']:,} B gzipped (was "
                               f"{size[0, 'grown/index.html']:,}, "
                               f"{size[1, 'grown/index.html'] - size[0, 'grown/index.html']:,} B more)")
    assert told["/shrunk/"].startswith(f"- `/shrunk/`: back within it, {size[1, 'shrunk/index.html']:,} B gzipped")
    assert told["/still/"].startswith("- `/still/`: still past it,")
    assert told["/new/"] == f"- `/new/`: past it, {size[1, 'new/index.html']:,} B gzipped (a new page)"
    assert "2 pages past a phone's first round trip" in verdict(review)


def test_a_note_that_pushes_the_essay_past_the_first_round_trip_is_told(repo, site):
    """An editor's note on a figure the essay uses is printed in the essay's notes: long
    enough, it takes the essay past a phone's first round trip, and the review says so
    before any bench run does."""
    essay = (site.site / "essay" / "index.html").read_bytes()
    room = ROOM - _gzipped(essay)
    note = _letters(max(room, 0) * 2 + 1_600, 3)  # about 0.6 B gzipped a letter: past the room
    edit(repo / "data" / "figures.yml", "      “ISIS families”. No public source gives either.\n",
         f"      “ISIS families”. No public source gives either. {note}\n")
    commit(repo, "a long editor's note")
    run = review(repo, "BASE=HEAD~1")
    assert run.returncode == 0, run.stdout + run.stderr
    part = sections((repo / "review.md").read_text(encoding="utf-8"))
    after = _gzipped((repo / "site" / "essay" / "index.html").read_bytes())
    state = "still past it" if room < 0 else "past it"
    told = {item.split("`")[1]: as_read(item) for item in items(part["A phone's first round trip"])}
    assert told["/essay/"].startswith(f"- `/essay/`: {state}, {after:,} B gzipped (was "), told
    # The figures page prints the note too: the verdict counts every page the note took past.
    slower = [address for address, item in told.items() if ": past it," in item]
    assert (f"{len(slower)} page{'s' if len(slower) > 1 else ''} past a phone's first round trip"
            in part[""].splitlines()[0]) is bool(slower), part[""]
