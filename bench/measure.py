"""One measurement each: a clean build, a rebuild under `mkdocs serve`, sizes, a page view.

Each function measures one thing on a project copy or a built site and returns plain
numbers; bench/run.py decides what to measure and bench/report.py writes it down.
"""

from __future__ import annotations

import gzip
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


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def file_sizes(path: Path) -> dict:
    """A file's bytes, raw and gzip (what a static host with compression sends)."""
    data = path.read_bytes()
    return {"raw": len(data), "gzip": gzip_size(data)}


def search_index_sizes(site: Path) -> dict:
    data = (site / "search" / "search_index.json").read_bytes()
    return {"raw": len(data), "gzip": gzip_size(data), "entries": len(json.loads(data)["docs"])}


def article(html: str) -> str:
    """The article body of a Material page (what the macros change), without the chrome."""
    match = re.search(r'<article class="md-content__inner[^"]*">(.*?)</article>', html, re.S)
    if not match:
        raise BenchError("no <article> in the page")
    return match.group(1)


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except OSError:
        return None


def serve_rebuilds(project: Path, port: int, page: str, edits: list[tuple[str, str]],
                   timeout: float = 300) -> list[float]:
    """Seconds from each edit of data/figures.yml to `mkdocs serve` serving the changed page.

    `edits` are (old, new) text replacements applied in turn to data/figures.yml; after
    each, the page is polled until it shows the new text.
    """
    env = dict(os.environ, **BUILD_ENV, SITE_URL=f"http://127.0.0.1:{port}/")
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/{page}"
    data = project / "data" / "figures.yml"
    times = []
    try:
        deadline = time.monotonic() + timeout
        while _get(url) is None:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise BenchError("mkdocs serve did not come up")
            time.sleep(0.1)
        for old, new in edits:
            text = data.read_text(encoding="utf-8")
            if old not in text:
                raise BenchError(f"{old!r} is not in data/figures.yml")
            time.sleep(1.0)  # let the watcher settle after the previous build
            data.write_text(text.replace(old, new, 1), encoding="utf-8")
            start = time.perf_counter()
            want = new.split(": ", 1)[-1].strip()
            while True:
                body = _get(url)
                if body is not None and _marker(want) in body:
                    break
                if time.perf_counter() - start > timeout:
                    raise BenchError(f"the served page never showed {want!r}")
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
