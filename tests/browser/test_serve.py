"""`make serve` after a failed rebuild: the browser shows the mistake (file:line and what
to do) instead of hanging, and reloads by itself once the file is fixed."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.support import copy_project

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    """Status and text of `url`; a request that hangs fails the test after 10 s."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


@pytest.fixture
def server_temp(tmp_path):
    """The server's temporary folder (where MkDocs builds what it serves)."""
    temp = tmp_path / "temp"
    temp.mkdir()
    return temp


@pytest.fixture
def server_process(tmp_path, server_temp):
    """`make serve`'s command on a private copy of the project: (process, project, URL)."""
    project = copy_project(tmp_path / "project")
    port = free_port()
    log = (tmp_path / "serve.log").open("wb")  # a file, not a pipe: no one reads it while the server runs
    server = subprocess.Popen([sys.executable, "-m", "macros.commands.serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", GITHUB_ACTIONS="",
                                                    TMPDIR=str(server_temp)),
                              stdout=subprocess.DEVNULL, stderr=log)
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(120):
            try:
                if fetch(url + "essay/")[0] == 200:
                    break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("make serve's server never answered")
        yield server, project, url
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


@pytest.fixture
def serving(server_process):
    """`make serve` answering: (project, URL)."""
    _server, project, url = server_process
    return project, url


def test_a_failed_rebuild_shows_in_the_browser_and_a_fix_reloads_it(serving, page):
    project, url = serving
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(url + "essay/")
    page.locator("h1.article-header__title").wait_for()

    figures = project / "data" / "figures.yml"
    good = figures.read_text(encoding="utf-8")
    figures.write_text(good.replace("value: 64000", "value: [64000]", 1), encoding="utf-8")
    mistakes = page.locator("ol.build-mistakes")
    mistakes.wait_for(timeout=60_000)  # the open page reloaded by itself onto the error page
    line = next(n for n, text in enumerate(good.splitlines(), 1) if "value: 64000" in text)
    assert f"data/figures.yml:{line}:" in mistakes.inner_text()
    assert "is not a number, a date in quotes, or a range" in mistakes.inner_text()
    status, text = fetch(url + "rundown/")  # any page, at once: no request waits for a good build
    assert status == 500 and f"data/figures.yml:{line}:" in text

    figures.write_text(good, encoding="utf-8")
    page.locator("h1.article-header__title").wait_for(timeout=60_000)  # reloaded by itself
    assert fetch(url + "rundown/")[0] == 200
    assert refused == [], "the livereload script was refused by the page's policy"


def test_a_server_stopped_by_a_signal_leaves_no_build_behind(server_process, server_temp, tmp_path):
    # Ctrl-C always cleaned up; SIGTERM (`kill`, a cancelled CI job, the bench's
    # save-to-reload, this file's fixture) left the build, 4 MB, in the temporary folder.
    server, _project, _url = server_process
    assert any(server_temp.iterdir()), "the server builds in its temporary folder"
    server.terminate()
    assert server.wait(timeout=30) == 0, (tmp_path / "serve.log").read_text(encoding="utf-8")[-2000:]
    assert not list(server_temp.iterdir())
