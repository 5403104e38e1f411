"""`make bench`: build, rebuild, review, page weight, Lighthouse and search speed, at N = 10/100/1000.

Everything happens in a temporary copy of the project; the results go to
bench/results.json and bench/results.md (compared with the previous run and with
bench/baseline.json, the run before the speed work). Run `python -m bench.run --help`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

from . import measure, report, synth
from .project import ROOT, commit, copy_project, git_repository, make_env
from .static_server import StaticHost, free_port

# The real figure edited to time `mkdocs serve`: shown on the essay page as 45,000.
SERVE_FIGURE = ("value: 45000", "value: {}")
REAL_POST = "rundown/posts/lebanon-unsolved-murders.md"  # the item edited to time `make serve`
CORE_PAGES = {"home": "", "essay": "essay/", "item": "rundown/lebanon-unsolved-murders/",
              "figures": "figures/"}


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def synthetic_project(dest: Path, n: int) -> Path:
    """A copy of the project with n synthetic Rundown items and their data."""
    copy_project(dest)
    prose = synth.sentences((ROOT / "tests" / "seed" / "article.txt").read_text(encoding="utf-8"))
    posts = dest / "docs" / "rundown" / "posts"
    for i in range(n):
        (posts / f"{synth.item_id(i)}.md").write_text(synth.item_markdown(i, prose), encoding="utf-8")
    for name, key, entries in (("figures.yml", "figures", synth.figures_yaml(n)),
                               ("sources.yml", "sources", synth.sources_yaml(n))):
        path = dest / "data" / name
        path.write_text(synth.add_to_data(path.read_text(encoding="utf-8"), key, entries),
                        encoding="utf-8")
    return dest


def without_macros(project: Path, dest: Path, work: Path, url: str) -> Path:
    """A copy of `project` whose pages hold the Markdown the macros wrote, plugin removed.

    One build of a copy with bench/dump_markdown.py as a hook saves every page as the
    macros left it (text and footnotes); the copy then publishes that Markdown as is,
    with the downloads that build wrote as static files. The copy is built at `url`, the
    address the variant will be built at: a macro writes the site's address into the
    page (the figures page's "Cite the data").
    """
    shutil.copytree(project, dest)
    dump, saved = work / "dump-project", work / "dump-markdown"
    shutil.copytree(project, dump)
    shutil.copy2(Path(__file__).with_name("dump_markdown.py"), dump / "bench_dump_markdown.py")
    config = dump / "mkdocs.yml"
    config.write_text(synth.with_hook(config.read_text(encoding="utf-8"), "bench_dump_markdown.py"),
                      encoding="utf-8")
    os.environ["BENCH_DUMP_DIR"] = str(saved)
    try:
        measure.clean_build(dump, work / "dump-site", url)
    finally:
        del os.environ["BENCH_DUMP_DIR"]
    for page in saved.rglob("*.md"):
        name = page.relative_to(saved).as_posix()
        target = dest / "docs" / name
        if synth.CONTINUATION.fullmatch(name):  # a data list's further page: kept as a file
            target.write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
            continue
        if not target.exists():  # a page the blog plugin generates (rundown/page/N/)
            continue
        target.write_text(synth.with_body(target.read_text(encoding="utf-8"),
                                          page.read_text(encoding="utf-8")), encoding="utf-8")
    config = dest / "mkdocs.yml"
    config.write_text(synth.with_continuations_as_files(synth.without_macros(config.read_text(encoding="utf-8"))),
                      encoding="utf-8")
    shutil.copytree(work / "dump-site" / "downloads", dest / "docs" / "downloads")
    for name in ("dump-project", "dump-markdown", "dump-site"):
        shutil.rmtree(work / name, ignore_errors=True)
    return dest


def stock_variant(project: Path, dest: Path, data_pages: bool = False) -> Path:
    """A copy of the no-macros variant `project` as stock Material and its blog would
    build it: the floor this stack sets for the same Markdown (synth.stock_material).
    Without `data_pages` the figures and sources lists are left out (for the build's
    floor); with them, every page is the same page as ours (for Lighthouse)."""
    shutil.copytree(project, dest)
    config = dest / "mkdocs.yml"
    config.write_text(synth.stock_material(config.read_text(encoding="utf-8")), encoding="utf-8")
    for page in (dest / "docs").rglob("*.md"):
        page.write_text(synth.stock_page(page.read_text(encoding="utf-8")), encoding="utf-8")
    if data_pages:
        return dest
    # The figures and sources pages are this site's own, and grow with the data: left
    # out (a bare heading), so that the floor is the articles' cost alone.
    for name, title in DATA_PAGES.items():
        page = dest / "docs" / name
        page.write_text(synth.with_body(page.read_text(encoding="utf-8"), f"# {title}\n"), encoding="utf-8")
    for page in (dest / "docs").glob("*.md"):
        if synth.CONTINUATION.fullmatch(page.name):
            page.unlink()
    return dest


DATA_PAGES = {"figures.md": "Figures", "sources.md": "Sources"}
# Variants built without --strict: see synth.stock_material.
LENIENT = {"stock"}


def _median_build(projects: dict[str, Path], reps: int, site_url: str, work: Path) -> dict:
    """Clean builds of each project, interleaved so that machine load hits all alike."""
    runs = {name: [] for name in projects}
    for _ in range(reps):
        for name, project in projects.items():
            runs[name].append(measure.clean_build(project, work / f"site-{name}", site_url,
                                                  strict=name not in LENIENT))
    return {name: {"median_s": round(statistics.median(r.seconds for r in rs), 3),
                   "runs_s": [round(r.seconds, 3) for r in rs],
                   "peak_rss_mb": round(max(r.peak_rss_mb for r in rs), 1)}
            for name, rs in runs.items()}


def _serve(project: Path, edits: int, post: str) -> dict | None:
    """Save-to-reload under `make serve`: `edits` saves of data/figures.yml (the essay shows
    the figure), then as many of the Rundown item `post` (its page shows the new words)."""
    if edits <= 0:
        return None
    old, new = SERVE_FIGURE
    data = [measure.Edit("data/figures.yml", old if k == 0 else new.format(45000 + k), new.format(45001 + k),
                         "essay/", f"{45001 + k:,}") for k in range(edits)]
    last = (project / "docs" / post).read_text(encoding="utf-8").rstrip().splitlines()[-1]  # its last words
    page = f"rundown/{Path(post).stem}/"
    posts = [measure.Edit(f"docs/{post}", last if k == 0 else f"{last} edited{k - 1}x", f"{last} edited{k}x",
                          page, f"edited{k}x") for k in range(edits)]
    times = measure.serve_rebuilds(project, free_port(), data + posts)
    summary = lambda ts: {"median_s": round(statistics.median(ts), 3), "runs_s": [round(t, 3) for t in ts]}
    return {"preview_items": measure.preview_items(project), "data": summary(times[:edits]),
            "post": summary(times[edits:])}


def _review(project: Path, reps: int, site_url: str, work: Path) -> dict:
    """`make review` against one clean build, in turn: a git repository of `project` with one
    figure's value changed in a commit (the essay shows it), reviewed against the commit before."""
    repo = git_repository(shutil.copytree(project, work / "review-repo"))
    old, new = SERVE_FIGURE
    path = repo / "data" / "figures.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new.format(45001), 1), encoding="utf-8")
    commit(repo, "a figure's value")
    env = make_env(SITE_URL=site_url)
    reviews, builds = [], []
    for _ in range(reps):
        builds.append(measure.clean_build(repo, work / "site-review-build", site_url).seconds)
        start = time.perf_counter()
        run = subprocess.run(["make", "--no-print-directory", "review", "BASE=HEAD~1"], cwd=repo, env=env,
                             capture_output=True, text=True)
        reviews.append(time.perf_counter() - start)
        if run.returncode != 0 or "1 figure changed" not in (repo / "review.md").read_text(encoding="utf-8"):
            raise measure.BenchError(f"make review failed or missed the change:\n{run.stdout}{run.stderr}")
    for name in ("review-repo", "site-review-build"):
        shutil.rmtree(work / name, ignore_errors=True)
    review_s, build_s = statistics.median(reviews), statistics.median(builds)
    return {"review_s": round(review_s, 3), "build_s": round(build_s, 3), "ratio": round(review_s / build_s, 3),
            "runs_s": [round(t, 3) for t in reviews], "build_runs_s": [round(t, 3) for t in builds]}


def measure_real(args, work: Path, browser) -> dict:
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    project = copy_project(work / "real")
    log(f"real site: {args.reps} clean build(s)")
    build = _median_build({"real": project}, args.reps, url, work)["real"]
    site = work / "site-real"
    result = {"build": build, "output_bytes": measure.tree_bytes(site),
              "search_index": measure.search_index_sizes(site)}
    pages = {name: path for name, path in CORE_PAGES.items() if (site / path / "index.html").exists()}
    result["pages"] = list(pages)
    if browser is not None:
        with StaticHost(site, port) as host:
            log("real site: first-view weight and search in Chromium")
            result["first_view"] = {name: _first_view(browser, host, host.url + path)
                                    for name, path in pages.items()}
            result["search"] = browser_mod().search_latency(
                browser, host.url + "essay/", args.cold_query, args.warm_query, args.search_runs)
    if args.lighthouse:
        # Each page type of this site against the same page in stock Material (no
        # overrides, CSS, hooks or macros), run in turn so that machine load hits both.
        stock_port = free_port()
        stock_url = f"http://127.0.0.1:{stock_port}/"
        stock = stock_variant(without_macros(project, work / "real-off", work, stock_url), work / "real-stock",
                              data_pages=True)
        measure.clean_build(stock, work / "site-stock", stock_url, strict=False)
        with StaticHost(site, port) as ours, StaticHost(work / "site-stock", stock_port) as theirs:
            from . import lighthouse
            result["lighthouse"] = lighthouse.pairs(args.lighthouse_runs, ours.url, theirs.url, pages, log)
    if args.review:
        log(f"real site: {args.reps} make review(s) against as many clean builds, in turn")
        result["review"] = _review(project, args.reps, url, work)
    log(f"real site: {args.serve_edits} save(s) each of data/figures.yml and of an item under make serve")
    result["serve_rebuild"] = _serve(copy_project(work / "serve-real"), args.serve_edits, REAL_POST)
    return result


def browser_mod():
    from . import browser
    return browser


def _first_view(browser, host, url: str) -> dict:
    return browser_mod().first_view(browser, host, url)


def measure_n(args, n: int, work: Path, browser) -> dict:
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    log(f"N={n}: generating items")
    on_project = synthetic_project(work / f"n{n}-on", n)
    projects = {"on": on_project, "off": without_macros(on_project, work / f"n{n}-off", work, url)}
    projects["stock"] = stock_variant(projects["off"], work / f"n{n}-stock")
    log(f"N={n}: {args.reps} clean build(s) with and without macros, and in stock Material")
    builds = _median_build(projects, args.reps, url, work)
    on, off = work / "site-on", work / "site-off"
    items = sorted((on / "rundown").glob("syn-*/index.html"))
    sizes = [p.stat().st_size for p in items]
    sample = [synth.item_id(i) for i in sorted({0, n // 2, n - 1})]
    # The articles and the data lists' first pages, which the macros write last.
    compared = [f"rundown/{s}/index.html" for s in sample] + [f"{p}/index.html" for p in ("figures", "sources")]
    same = all(measure.article((on / page).read_text(encoding="utf-8")) ==
               measure.article((off / page).read_text(encoding="utf-8"))
               for page in compared)
    notes = min(measure.article((on / "rundown" / s / "index.html").read_text(encoding="utf-8"))
                .count('id="fn:') for s in sample)
    result = {
        "build_macros_on": builds["on"], "build_macros_off": builds["off"],
        "macros_ratio": round(builds["on"]["median_s"] / builds["off"]["median_s"], 3),
        "build_stock": builds["stock"],
        "stock_ratio": round(builds["on"]["median_s"] / builds["stock"]["median_s"], 3),
        "data_pages_html": {page: measure.file_sizes(on / page / "index.html")
                            for page in ("figures", "sources")},
        "ms_per_item": round(1000 * builds["on"]["median_s"] / n, 2),
        "item_pages": len(items),
        "notes_per_item": notes,
        "same_html_without_macros": same,
        "item_html_bytes": {"mean": round(statistics.mean(sizes)) if sizes else 0,
                            "max": max(sizes, default=0)},
        "rundown_index_pages": 1 + len(list((on / "rundown" / "page").glob("*/index.html"))),
        "output_bytes": measure.tree_bytes(on),
        "search_index": measure.search_index_sizes(on),
        "search_index_stock": measure.search_index_sizes(work / "site-stock"),
    }
    if browser is not None:
        log(f"N={n}: first-view weight and search in Chromium, then search in stock Material")
        with StaticHost(work / "site-stock", port) as host:
            result["search_stock"] = browser_mod().search_latency(
                browser, host.url + f"rundown/{synth.item_id(0)}/", args.cold_query, args.warm_query, args.search_runs)
        with StaticHost(on, port) as host:
            result["first_view"] = {
                "item": _first_view(browser, host, host.url + f"rundown/{synth.item_id(0)}/"),
                "rundown index": _first_view(browser, host, host.url + "rundown/"),
                "home": _first_view(browser, host, host.url),
                "figures": _first_view(browser, host, host.url + "figures/"),
            }
            result["search"] = browser_mod().search_latency(
                browser, host.url + f"rundown/{synth.item_id(0)}/", args.cold_query, args.warm_query, args.search_runs)
    if args.review and n == args.review_n:
        log(f"N={n}: {args.reps} make review(s) against as many clean builds, in turn")
        result["review"] = _review(projects["on"], args.reps, url, work)
    if args.serve_edits and n == args.serve_n:
        log(f"N={n}: {args.serve_edits} saves each of data/figures.yml and of an item under make serve")
        result["serve_rebuild"] = _serve(projects["on"], args.serve_edits, f"rundown/posts/{synth.item_id(n // 2)}.md")
    for name in (f"n{n}-on", f"n{n}-off", f"n{n}-stock", "site-on", "site-off", "site-stock"):
        shutil.rmtree(work / name, ignore_errors=True)
    return result


def _version(cmd: list[str]) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout.strip()
    except OSError:
        return "not installed"


def machine() -> dict:
    cpu = re.search(r"model name\s*:\s*(.*)", Path("/proc/cpuinfo").read_text())
    mem = re.search(r"MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text())
    git = _version(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    dirty = bool(_version(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"]))
    return {
        "cpu": cpu.group(1) if cpu else platform.processor(), "cores": os.cpu_count(),
        "memory_gb": round(int(mem.group(1)) / 1024 / 1024, 1) if mem else None,
        "os": platform.platform(), "python": platform.python_version(),
        "packages": {p: metadata.version(p) for p in
                     ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "PyYAML", "playwright")},
        "chromium": _version(["/usr/bin/chromium", "--version"]),
        "node": _version(["node", "--version"]),
        "lighthouse": "12.2.3",
        "commit": (git + ("+uncommitted changes" if dirty else "")) if git else "unknown (not a git checkout)",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10,100,1000", help="numbers of synthetic items")
    parser.add_argument("--reps", type=int, default=3, help="clean builds per variant (median)")
    parser.add_argument("--serve-edits", type=int, default=3,
                        help="saves timed under make serve, of data/figures.yml and of an item each")
    parser.add_argument("--serve-n", type=int, default=None,
                        help="the N also timed under serve (default: the largest; 0: none)")
    parser.add_argument("--no-review", dest="review", action="store_false",
                        help="do not time make review (at the real site and at --review-n)")
    parser.add_argument("--review-n", type=int, default=None,
                        help="the N also timed under make review (default: the largest; 0: none)")
    parser.add_argument("--no-browser", dest="browser", action="store_false")
    parser.add_argument("--no-lighthouse", dest="lighthouse", action="store_false")
    parser.add_argument("--lighthouse-runs", type=int, default=5,
                        help="Lighthouse runs per page, this site's and stock Material's in turn (median)")
    parser.add_argument("--cold-query", default="hezbollah")
    parser.add_argument("--warm-query", default="detention")
    parser.add_argument("--search-runs", type=int, default=5,
                        help="page loads per search timing (median)")
    parser.add_argument("--label", default="", help="a note on the run (e.g. machine load)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench", help="folder for results.*")
    args = parser.parse_args(argv)
    args.sizes = [int(s) for s in args.sizes.split(",")]
    args.serve_n = max(args.sizes) if args.serve_n is None else args.serve_n
    args.review_n = max(args.sizes) if args.review_n is None else args.review_n

    started = time.monotonic()
    meta = {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "load_at_start": os.getloadavg(), "reps": args.reps, "sizes": args.sizes,
            "label": args.label, "machine": machine()}
    results = {"meta": meta, "synthetic": {}}
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        if args.browser:
            with browser_mod().chromium() as browser:
                results["real"] = measure_real(args, work, browser)
                for n in args.sizes:
                    results["synthetic"][str(n)] = measure_n(args, n, work, browser)
        else:
            results["real"] = measure_real(args, work, None)
            for n in args.sizes:
                results["synthetic"][str(n)] = measure_n(args, n, work, None)
    meta["load_at_end"] = os.getloadavg()
    meta["duration_s"] = round(time.monotonic() - started)
    report.write(results, args.out)
    log(f"done in {meta['duration_s']} s: {args.out / 'results.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
