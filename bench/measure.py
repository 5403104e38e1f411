"""One measurement each: a clean build, a rebuild under `mkdocs serve`, sizes, a page view.

Each function measures one thing on a project copy or a built site and returns plain
numbers; bench/run.py decides what to measure and bench/report.py writes it down.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from macros.review.page_weight import gzipped  # as a static host sends a file

BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}


class BenchError(RuntimeError):
    pass


@dataclass
class BuildRun:
    seconds: float
    peak_rss_mb: float


def clean_build(project: Path, site: Path, site_url: str, strict: bool = True) -> BuildRun:
    """`mkdocs build --strict` from scratch into `site`: wall time and the child's peak RSS."""
    shutil.rmtree(site, ignore_errors=True)
    env = dict(os.environ, **BUILD_ENV, SITE_URL=site_url)
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []),
         "--site-dir", str(site)],
        cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    # wait4 gives this one child's resource usage (RUSAGE_CHILDREN would be cumulative).
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    log = proc.stdout.read().decode(errors="replace")
    proc.stdout.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise BenchError(f"build of {project} failed:\n{log[-3000:]}")
    return BuildRun(seconds, usage.ru_maxrss / 1024)


def tree_bytes(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


def file_sizes(path: Path) -> dict:
    """A file's bytes, raw and gzip (what a static host with compression sends)."""
    data = path.read_bytes()
    return {"raw": len(data), "gzip": gzipped(data)}


def search_index_sizes(site: Path) -> dict:
    """The search index a site ships: Pagefind's folder (this site: its files are compressed
    already, and a search fetches a few of them) or Material's one JSON (stock: fetched whole)."""
    pagefind = site / "pagefind"
    if pagefind.is_dir():
        files = [p for p in pagefind.rglob("*") if p.is_file()]
        entry = json.loads((pagefind / "pagefind-entry.json").read_text(encoding="utf-8"))
        return {"engine": "pagefind", "files": len(files), "raw": sum(p.stat().st_size for p in files),
                "entries": sum(lang["page_count"] for lang in entry["languages"].values())}
    data = (site / "search" / "search_index.json").read_bytes()
    return {"engine": "lunr", "files": 1, "raw": len(data), "gzip": gzipped(data),
            "entries": len(json.loads(data)["docs"])}


def article(html: str) -> str:
    """The article body of a Material page (what the macros change), without the chrome,
    and without the blank space between tags, which the macros' build leaves out of the
    templates (macros/theme/templates.py) and a build without them keeps."""
    match = re.search(r'<article class="md-content__inner[^"]*">(.*?)</article>', html, re.S)
    if not match:
        raise BenchError("no <article> in the page")
    return re.sub(r">\s+<", "><", match.group(1)).strip()


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except OSError:
        return None


@dataclass(frozen=True)
class Edit:
    """One save under serve: replace `old` by `new` in `file`, then wait for `page` to show `shows`."""

    file: str  # relative to the project
    old: str
    new: str
    page: str
    shows: str


def preview_items(project: Path) -> int:
    """The Rundown items `make serve` previews (PREVIEW_ITEMS in the project's Makefile)."""
    found = re.search(r"^PREVIEW_ITEMS \?= (\d+)$", (project / "Makefile").read_text(encoding="utf-8"), re.M)
    if not found:
        raise BenchError("the Makefile no longer sets PREVIEW_ITEMS for `make serve`")
    return int(found.group(1))


def serve_rebuilds(project: Path, port: int, edits: list[Edit], timeout: float = 300) -> list[float]:
    """Seconds from each save to the served page showing it, under `make serve`'s own
    command (macros/commands/serve.py: a preview of PREVIEW_ITEMS items; strict only when
    that is 0), which also deletes its build when it is stopped."""
    items = preview_items(project)
    env = dict(os.environ, **BUILD_ENV, SITE_URL=f"http://127.0.0.1:{port}/", PREVIEW_ITEMS=str(items))
    proc = subprocess.Popen(
        [sys.executable, "-m", "macros.commands.serve", *([] if items else ["--strict"]),
         "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times = []
    try:
        deadline = time.monotonic() + timeout
        while _get(f"http://127.0.0.1:{port}/") is None:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise BenchError("mkdocs serve did not come up")
            time.sleep(0.1)
        for edit in edits:
            path = project / edit.file
            text = path.read_text(encoding="utf-8")
            if edit.old not in text:
                raise BenchError(f"{edit.old!r} is not in {edit.file}")
            time.sleep(1.0)  # let the watcher settle after the previous build
            path.write_text(text.replace(edit.old, edit.new, 1), encoding="utf-8")
            start = time.perf_counter()
            url = f"http://127.0.0.1:{port}/{edit.page}"
            while True:
                body = _get(url)
                if body is not None and edit.shows in body:
                    break
                if time.perf_counter() - start > timeout:
                    raise BenchError(f"{edit.page} never showed {edit.shows!r}")
                time.sleep(0.02)
            times.append(time.perf_counter() - start)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    return times


def _marker(value: str) -> str:
    """How a plain number from the YAML reads on the page: 45001 -> 45,001."""
    return f"{int(value):,}" if value.isdigit() else value
