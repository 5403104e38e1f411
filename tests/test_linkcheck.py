"""`make linkcheck` against a server on this machine that answers ok, 404, a redirect,
a refusal of HEAD, and not at all in time.

Every address in the test's sources.yml, archived copies included, is on 127.0.0.1:
the check never leaves the machine here. The real run, over the network, is the
weekly workflow's (.github/workflows/linkcheck.yml).
"""

from __future__ import annotations

import re
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.support import ROOT

# Seconds the check waits for an answer: room for a busy machine, since every path but
# /slow answers at once; /slow answers only once the test is over.
TIMEOUT = 4
ANSWERS = {"/ok": 200, "/gone": 404, "/moved": 301, "/slow": 200, "/nohead": 200}


class Handler(BaseHTTPRequestHandler):
    over: threading.Event  # set by the fixture when the test ends

    def log_message(self, *_args):
        pass

    def answer(self):
        if self.path == "/slow":
            self.over.wait(TIMEOUT * 5)  # bounded, should the test never end
        status = 405 if self.path == "/nohead" and self.command == "HEAD" else ANSWERS.get(self.path, 404)
        self.send_response(status)
        if status == 301:
            self.send_header("Location", "/ok")
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = do_GET = answer


@pytest.fixture
def server():
    over = threading.Event()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), type("Answers", (Handler,), {"over": over}))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    over.set()
    httpd.shutdown()
    httpd.server_close()


def project_with(tmp_path: Path, base: str, paths: list[str]) -> Path:
    """A project whose sources.yml names one source a path, each archived at /ok."""
    (tmp_path / "data").mkdir()
    lines = ["sources:"]
    for path in paths:
        lines += [f"  src-{path.strip('/')}:", "    title: A page", "    kind: report", "    publisher:",
                  "    author:", "    date:", f"    url: {base}{path}", '    accessed: "2026-11-01"',
                  f"    archive: {base}/ok"]
    (tmp_path / "data" / "sources.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def linkcheck(project: Path, report: Path) -> subprocess.CompletedProcess:
    """`make linkcheck`, as a contributor or the workflow runs it."""
    args = f"--root {project} --timeout {TIMEOUT} --report {report}"
    return subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), "linkcheck", f"LINKCHECK_ARGS={args}"],
                          capture_output=True, text=True, timeout=120)


def rows(report: Path) -> dict[tuple[str, str], list[str]]:
    """{(source id, url or archive): [outcome, status, detail]} from the report's table."""
    found = {}
    for line in report.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\| (\w+) \| `([^`]+)` \([^)]*\) \| (url|archive): <[^>]+> \| (\d*) \| (.*) \|$", line)
        if match:
            outcome, source, role, status, detail = match.groups()
            found[(source, role)] = [outcome, status, detail]
    return found


def test_linkcheck_reports_each_kind_of_answer_and_fails_on_rot(server, tmp_path):
    project = project_with(tmp_path, server, list(ANSWERS))
    report = tmp_path / "report.md"
    out = linkcheck(project, report)
    assert out.returncode != 0, out.stdout + out.stderr
    found = rows(report)
    assert set(found) == {(f"src-{p.strip('/')}", role) for p in ANSWERS for role in ("url", "archive")}
    assert found[("src-ok", "url")][:2] == ["ok", "200"]
    assert found[("src-gone", "url")][:2] == ["broken", "404"]
    assert found[("src-moved", "url")][:2] == ["redirected", "200"]
    assert f"301 → {server}/ok" in found[("src-moved", "url")][2]
    assert found[("src-slow", "url")][0] == "timeout"
    assert found[("src-nohead", "url")][:2] == ["ok", "200"]  # asked again with GET
    assert all(found[(f"src-{p.strip('/')}", "archive")][0] == "ok" for p in ANSWERS)
    # The failures are named with the line to fix, where the workflow's log shows them.
    assert re.search(r"data/sources\.yml:\d+: src-gone url .*: broken", out.stdout), out.stdout
    assert re.search(r"data/sources\.yml:\d+: src-slow url .*: timeout", out.stdout), out.stdout
    assert "src-moved" not in out.stdout.split("links checked")[0]


def test_linkcheck_passes_when_every_link_answers(server, tmp_path):
    project = project_with(tmp_path, server, ["/ok", "/moved", "/nohead"])
    report = tmp_path / "report.md"
    out = linkcheck(project, report)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "6 links checked: 0 failed, 1 redirected." in report.read_text(encoding="utf-8")


def test_the_real_sources_list_every_url_and_archive(tmp_path):
    """What the weekly run will ask, without asking it: every source URL and its archived copy."""
    from macros.commands.linkcheck import links
    from macros.registry.loading import load_sources

    sources = load_sources(ROOT).values()
    found = {(link.source, link.role): link.url for link in links(list(sources))}
    assert found == {**{(s.id, "url"): s.url for s in sources if s.url},
                     **{(s.id, "archive"): s.archive_url for s in sources if s.url}}
