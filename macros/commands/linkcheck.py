"""`make linkcheck`: does every source's address, and its archived copy, still answer?

Over the network, unlike everything else in the project: each link is asked for with
HEAD (GET where a server refuses HEAD), redirects followed and recorded, within a
timeout. The report (Markdown) lists each link's outcome; the exit status is 1 when any
link is broken, timed out or unreachable, so that the weekly workflow
(.github/workflows/linkcheck.yml) opens an issue with the report.
"""

from __future__ import annotations

import argparse
import socket
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataError, DataErrors
from ..registry.loading import load_sources
from ..registry.model import Source

USER_AGENT = "defeating-isis-unfinished-linkcheck/1 (a sourced edition checking its citations)"
FAILED = ("broken", "timeout", "unreachable")


@dataclass(frozen=True)
class Link:
    source: str  # the source's id
    role: str  # "url" or "archive"
    url: str
    where: str  # data/sources.yml:LINE


@dataclass
class Result:
    link: Link
    outcome: str  # ok, redirected, broken, timeout, unreachable
    status: int | None = None
    redirects: list[str] = field(default_factory=list)  # each address it was sent on to
    detail: str = ""


def links(sources: list[Source]) -> list[Link]:
    found = []
    for source in sources:
        if source.url:
            found.append(Link(source.id, "url", source.url, source.where))
        if source.archive_url:
            found.append(Link(source.id, "archive", source.archive_url, source.where))
    return found


class _Recorder(urllib.request.HTTPRedirectHandler):
    """Follows redirects as urllib does, noting each address on the way."""

    def __init__(self):
        self.chain: list[str] = []

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        self.chain.append(f"{code} → {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _ask(url: str, method: str, timeout: float) -> tuple[int, list[str]]:
    recorder = _Recorder()
    opener = urllib.request.build_opener(recorder)
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, recorder.chain
    except urllib.error.HTTPError as error:
        return error.code, recorder.chain


def check(link: Link, timeout: float) -> Result:
    try:
        status, chain = _ask(link.url, "HEAD", timeout)
        if status in (403, 405, 501):  # some servers refuse HEAD but serve GET
            status, chain = _ask(link.url, "GET", timeout)
    except (TimeoutError, socket.timeout):
        return Result(link, "timeout", detail=f"no answer within {timeout:g} s")
    except urllib.error.URLError as error:
        if isinstance(error.reason, (TimeoutError, socket.timeout)):
            return Result(link, "timeout", detail=f"no answer within {timeout:g} s")
        return Result(link, "unreachable", detail=str(error.reason))
    except (OSError, ValueError) as error:
        return Result(link, "unreachable", detail=str(error))
    if status >= 400:
        return Result(link, "broken", status, chain, f"HTTP {status}")
    return Result(link, "redirected" if chain else "ok", status, chain)


def report(results: list[Result]) -> str:
    failed = [r for r in results if r.outcome in FAILED]
    lines = ["# Link check of data/sources.yml", "",
             f"{len(results)} links checked: {len(failed)} failed, "
             f"{sum(r.outcome == 'redirected' for r in results)} redirected.", ""]
    if failed:
        lines += ["Fix each failed link in data/sources.yml: give the page's new address, or, if it",
                  "is gone, keep the address and make sure `archive:` leads to a copy that answers.", ""]
    lines += ["| outcome | source | link | status | detail |", "|---|---|---|---|---|"]
    for r in sorted(results, key=lambda r: (r.outcome not in FAILED, r.outcome == "ok")):
        detail = "; ".join(filter(None, [r.detail, *r.redirects])).replace("|", "\\|")
        lines.append(f"| {r.outcome} | `{r.link.source}` ({r.link.where}) | {r.link.role}: <{r.link.url}> "
                     f"| {r.status or ''} | {detail} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make linkcheck", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path("."), help="the project (default: here)")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for each answer")
    parser.add_argument("--jobs", type=int, default=8, help="links checked at once")
    parser.add_argument("--report", type=Path, default=Path("linkcheck-report.md"))
    args = parser.parse_args(argv)
    try:
        sources = list(load_sources(args.root).values())
    except (DataError, DataErrors) as error:
        print(error, file=sys.stderr)
        return 2
    found = links(sources)
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(lambda link: check(link, args.timeout), found))
    args.report.write_text(report(results), encoding="utf-8")
    failed = [r for r in results if r.outcome in FAILED]
    for r in failed:
        print(f"{r.link.where}: {r.link.source} {r.link.role} {r.link.url}: {r.outcome} ({r.detail})")
    print(f"{len(results)} links checked, {len(failed)} failed; report: {args.report}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
