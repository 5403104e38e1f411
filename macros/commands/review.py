"""`make review BASE=<git ref>`: what readers will see change, written to review.md.

BASE (by default, where the branch left main) is built in a git worktree under a
temporary folder while the working tree, uncommitted changes included, is built beside
it; then their data, pages and downloads are compared (`macros/review/`). In GitHub
Actions the report is also added to the step's summary, shortened to fit.

Exit status: 0 once the report is written; 1 when the working tree does not build (the
report says why); 2 for a BASE that names no commit, in one line.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..errors import DataError, DataErrors
from ..registry.loading import load_registry
from ..registry.model import Registry
from ..review import data
from ..review.articles import paired_uses, site_pages
from ..review.builds import ReviewError, base_checkout, build_both, resolve, short, uncommitted
from ..review.downloads import download_changes
from ..review.numbers import new_numbers
from ..review.other_output import other_output
from ..review.page_weight import page_weights
from ..review.pages import page_changes
from ..review.report import Review, markdown, verdict

ROOT = Path(__file__).resolve().parents[2]
REPORT = "review.md"
STEP_SUMMARY_LIMIT = 1024 * 1024  # GitHub refuses a step's summary beyond 1 MiB


def _registry(tree: Path, name: str, review: Review) -> Registry | None:
    try:
        return load_registry(tree)
    except (DataError, DataErrors) as error:
        review.data_problems += [(name, str(mistake)) for mistake in getattr(error, "errors", [error])]
        return None


def compare_data(review: Review, base_tree: Path, root: Path) -> None:
    old, new = _registry(base_tree, "BASE", review), _registry(root, "the working tree", review)
    if old is not None and new is not None:
        review.figures = data.figure_changes(old, new)
        review.flags = data.flag_changes(old, new)
        review.sources = data.source_changes(old, new)
        review.corrections = data.correction_changes(old, new)
    review.numbers = new_numbers(base_tree / "docs", root / "docs")


def compare_sites(review: Review) -> None:
    old, new = site_pages(review.base_build.site), site_pages(review.head_build.site)
    review.pages = page_changes(old, new)
    review.uses = {change.id: paired_uses(old, new, change.id)
                   for change in review.figures or [] if change.kind != "removed"}
    review.downloads = download_changes(review.base_build.site, review.head_build.site)
    listed = {page.address for change in review.pages for page in (change.page, change.old) if page}
    review.other_output = other_output(review.base_build.site, review.head_build.site, listed)
    review.weights = page_weights(review.base_build.site, review.head_build.site)


def run(root: Path, ref: str | None) -> Review:
    base = resolve(root, ref)
    review = Review(base.name, short(root, base.commit), short(root, "HEAD"), uncommitted(root))
    with base_checkout(root, base) as folder:
        review.base_build, review.head_build = build_both(
            root, folder, lambda: compare_data(review, folder / "base", root))
        if review.base_build.ok and review.head_build.ok:
            compare_sites(review)
    return review


def add_to_step_summary(review: Review, path: Path) -> None:
    """GitHub's job summary: the report, shortened to what the step's summary has room for."""
    used = path.stat().st_size if path.exists() else 0
    with path.open("a", encoding="utf-8") as out:
        out.write(markdown(review, limit=STEP_SUMMARY_LIMIT - used - 1024))


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default=os.environ.get("BASE") or None,
                        help="the git ref to compare with (make review BASE=...); default: the merge base with main")
    args = parser.parse_args(argv)
    out = root / REPORT
    try:
        review = run(root, args.base)
    except ReviewError as error:
        out.unlink(missing_ok=True)  # an earlier run's report, of another comparison, would mislead
        print(f"make review: {error}", file=sys.stderr)
        return 2
    out.write_text(markdown(review), encoding="utf-8")
    if os.environ.get("GITHUB_STEP_SUMMARY"):
        add_to_step_summary(review, Path(os.environ["GITHUB_STEP_SUMMARY"]))
    print(f"{verdict(review)}.\nThe review is in {out}")
    if not review.head_build.ok:  # what to mend, here as well as in the report
        print("What the build said:", *review.head_build.mistakes(), sep="\n", file=sys.stderr)
    return 0 if review.head_build.ok else 1


if __name__ == "__main__":
    sys.exit(main())
