"""Lighthouse 12.2.3 (mobile) on a served page, installed from bench/npm's lock file.

12.2.3 is the last Lighthouse that runs on this machine's Node 20. `npm ci` installs it
into a cache outside the repository, once; its lock file is committed in bench/npm.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def cache_dir() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "isis-edition-bench" / "npm"


def ensure_installed() -> Path:
    """The Lighthouse CLI script, installed with `npm ci` if the cache lacks this lock."""
    target = cache_dir()
    lock = (HERE / "npm" / "package-lock.json").read_bytes()
    cli = target / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not (cli.exists() and (target / "package-lock.json").read_bytes() == lock):
        target.mkdir(parents=True, exist_ok=True)
        for name in ("package.json", "package-lock.json"):
            shutil.copy2(HERE / "npm" / name, target / name)
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"],
                       cwd=target, check=True, stdout=subprocess.DEVNULL)
    return cli


def run(url: str, chrome: str = "/usr/bin/chromium") -> dict:
    """Scores (0-100) per category and the main timings of one mobile Lighthouse run."""
    cli = ensure_installed()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run(
            ["node", str(cli), url, "--quiet", "--output=json", f"--output-path={out}",
             f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(CATEGORIES)}"],
            env=dict(os.environ, CHROME_PATH=chrome), check=True, timeout=240,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        report = json.loads(out.read_text(encoding="utf-8"))
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    audits = report["audits"]
    failing = sorted(
        a["id"] for a in audits.values()
        if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") == "binary")
    requests = audits["network-requests"]["details"]["items"]
    return {
        "scores": scores,
        "fcp_ms": round(audits["first-contentful-paint"]["numericValue"]),
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        # The page's HTML as sent (headers included): past the first round trip's bytes
        # (macros/review/page_weight.py), the simulated phone waits one more to paint.
        "html_bytes": next(r["transferSize"] for r in requests if r.get("resourceType") == "Document"),
        "failing_audits": failing,
    }


def pairs(times: int, ours: str, stock: str, pages: dict[str, str], log) -> dict:
    """Each page type of this site (`ours` + path) and the same page in stock Material,
    run in turn `times` times so that machine load hits both alike: {page: {"ours": ...,
    "stock": ...}}, each the median of every score and timing and each run's performance,
    LCP and TBT (one run's score moves by 10 or more on a loaded machine: Lighthouse's
    simulated slow phone scales with the CPU the host has free)."""
    runs = {(name, side): [] for name in pages for side in ("ours", "stock")}
    failed = {}
    for k in range(times):
        log(f"Lighthouse mobile, run {k + 1} of {times}: {', '.join(pages)}, ours and stock")
        for name, path in pages.items():
            for side, base in (("ours", ours), ("stock", stock)):
                if (name, side) in failed:
                    continue
                try:
                    runs[(name, side)].append(run(base + path))
                except (OSError, subprocess.SubprocessError, KeyError, ValueError) as error:
                    # An unattended run still writes every other number.
                    log(f"Lighthouse failed on {side} {name}: {error}")
                    failed[(name, side)] = {"error": str(error)[:500]}
    return {name: {side: failed.get((name, side)) or summary(runs[(name, side)]) for side in ("ours", "stock")}
            for name in pages}


def summary(runs: list[dict]) -> dict:
    """The median of each score and timing, and each run's performance, LCP and TBT."""
    median = statistics.median_low
    return {
        "scores": {c: median([r["scores"][c] for r in runs]) for c in runs[0]["scores"]},
        "performance_runs": [r["scores"]["performance"] for r in runs],
        **{k: median([r[k] for r in runs]) for k in ("fcp_ms", "lcp_ms", "tbt_ms", "cls", "html_bytes")},
        **{f"{k}_runs": [r[k] for r in runs] for k in ("lcp_ms", "tbt_ms")},
        "failing_audits": sorted({a for r in runs for a in r["failing_audits"]}),
    }
