"""`make bench` keeps working: a smoke run at N = 10 (no browser), and its building blocks.

No timing is asserted here: the bench measures, these tests only check that what it
measures is the site a reader would get (ten item pages, five footnotes each, the same
article with and without macros).
"""

from __future__ import annotations

import gzip
import http.client
import json
import os
import socket
import struct
import subprocess
import sys
import threading
import time
import urllib.request

from bench import synth
from bench.static_server import StaticHost
from tests.support import ROOT


def test_smoke_run_at_ten_items(tmp_path):
    out, temp = tmp_path / "out", tmp_path / "temp"
    temp.mkdir()
    run = subprocess.run(
        [sys.executable, "-m", "bench.run", "--sizes", "10", "--reps", "1", "--serve-edits", "1",
         "--serve-n", "0", "--no-browser", "--no-lighthouse", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=600, env=dict(os.environ, TMPDIR=str(temp)))
    assert run.returncode == 0, run.stdout + run.stderr
    # Each `make serve` the bench stopped left its build behind (4 MB a run of the tests).
    # (Jinja's cache stays there on purpose: theme/templates.py.)
    assert not list(temp.glob("mkdocs_*")), list(temp.iterdir())
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    ten = results["synthetic"]["10"]
    assert ten["item_pages"] == 10
    assert ten["notes_per_item"] == 5, "each synthetic item page should show five footnotes"
    assert ten["same_html_without_macros"], "the no-macros variant must publish the same articles"
    assert ten["search_index"]["engine"] == "pagefind" and ten["search_index_stock"]["engine"] == "lunr"
    assert ten["search_index"]["entries"] > results["real"]["search_index"]["entries"]
    assert len(results["real"]["serve_rebuild"]["data"]["runs_s"]) == len(results["real"]["serve_rebuild"]["post"]["runs_s"]) == 1
    table = (out / "results.md").read_text(encoding="utf-8")
    assert "| N=10: macros on / off | x | " in table
    assert ten["build_stock"]["median_s"] > 0 and "| N=10: this site / stock Material | x | " in table
    assert ten["data_pages_html"]["figures"]["raw"] > ten["data_pages_html"]["figures"]["gzip"] > 0
    assert "| real site clean build (issue 6) | ≤ 2 s | " in table
    assert "| N=10 clean build / stock Material + blog | ≤ 1.3x | " in table
    for measured in (results["real"]["review"], ten["review"]):  # make review beside a clean build
        assert measured["review_s"] > 0 and measured["build_s"] > 0 and len(measured["runs_s"]) == 1
    assert "| real site make review / one clean build (issue 18) | ≤ 2.5x | " in table
    assert "| N=10 make review / one clean build (issue 18) | ≤ 2.5x | " in table


def test_without_macros_drops_the_plugin_only():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    stripped = synth.without_macros(config)
    assert "module_name" not in stripped and "on_undefined" not in stripped
    assert "  - macros\n" in stripped.split("watch:", 1)[1], "watch: still lists macros/"
    assert "  - blog:\n" in stripped and "  - tags\n" in stripped


def test_with_body_keeps_the_front_matter():
    page = "---\ntitle: T\n---\n\n# T\n\n{{ fig('x') }}\n"
    assert synth.with_body(page, "# T\n\n45,000[^fig-x]\n") == "---\ntitle: T\n---\n\n# T\n\n45,000[^fig-x]\n"
    assert synth.with_body("# No front matter\n", "body\n") == "body\n"


def test_with_hook_adds_to_the_hooks_list():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    added = synth.with_hook(config, "dump.py")
    assert added.count("hooks:\n  - dump.py\n") == 1
    assert synth.with_hook("site_name: x\n", "dump.py").endswith("\nhooks:\n  - dump.py\n")


def test_static_host_keeps_the_connection_alive(tmp_path):
    """Two requests over one connection, as a browser sends them to any real host."""
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    with StaticHost(tmp_path) as host:
        connection = http.client.HTTPConnection("127.0.0.1", host.port, timeout=10)
        connection.request("GET", "/a.txt")
        connection.getresponse().read()
        first = connection.sock  # None once the host has closed it
        connection.request("GET", "/a.txt")
        assert connection.getresponse().read() == b"a"
        connection.close()
    assert first is not None and len(host.log) == 2


def test_static_host_sends_gzip_and_logs_both_sizes(tmp_path):
    (tmp_path / "index.html").write_text("<p>" + "word " * 2000 + "</p>", encoding="utf-8")
    with StaticHost(tmp_path) as host:
        request = urllib.request.Request(host.url, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            body = gzip.decompress(response.read()).decode()
    assert body.startswith("<p>word")
    (sent,) = host.log
    assert sent.raw == len(body.encode()) and sent.wire < sent.raw / 10


def test_static_host_takes_a_client_that_hangs_up_quietly(tmp_path, capfd):
    """A browser drops a download when its page closes (stock Material's 4 MB search index,
    at N = 1,000). The bench's output then showed a traceback, as if the bench had failed;
    a file not sent in full is not counted as sent."""
    (tmp_path / "big.bin").write_bytes(bytes(32 * 1024 * 1024))
    with StaticHost(tmp_path) as host:
        client = socket.create_connection(("127.0.0.1", host.port))
        client.sendall(b"GET /big.bin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        client.recv(1024)  # the download has begun
        # Closed with data unread: the kernel resets the connection, as a closed tab does.
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        client.close()
        connection = http.client.HTTPConnection("127.0.0.1", host.port, timeout=10)
        connection.request("GET", "/missing")  # the host still answers
        assert connection.getresponse().status == 404
        connection.close()
    assert "Traceback" not in capfd.readouterr().err
    assert [sent.path for sent in host.log] == []


def test_static_host_takes_a_reset_between_requests_quietly(tmp_path, capfd):
    """A browser resets a kept-alive connection it no longer needs, as Lighthouse's tab
    closes: the host, waiting for the next request on it, printed a traceback each time,
    nine in the last `make bench`."""
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    with StaticHost(tmp_path) as host:
        serving = threading.active_count()
        client = socket.create_connection(("127.0.0.1", host.port))
        client.sendall(b"GET /a.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert client.recv(1024).startswith(b"HTTP/1.1 200")
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        client.close()  # a reset, with the host reading the connection's next request
        for _ in range(500):  # until the connection's thread has ended, as it must
            if threading.active_count() <= serving:
                break
            time.sleep(0.01)
        connection = http.client.HTTPConnection("127.0.0.1", host.port, timeout=10)
        connection.request("GET", "/a.txt")  # the host still answers
        assert connection.getresponse().read() == b"a"
        connection.close()
    assert "Traceback" not in capfd.readouterr().err


def test_stock_material_keeps_the_theme_and_blog_but_none_of_ours():
    config = synth.without_macros((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    stock = synth.stock_material(config)
    for ours in ("custom_dir:", "extra_css:", "extra_javascript:", "  - tags\n", "logo:", "hooks:"):
        assert ours in config and ours not in stock, ours
    assert "  name: material\n" in stock and "  - blog:\n" in stock
    assert "  - search\n" not in config and "  - search\n" in stock  # Material's own search, as stock has it
    try:  # a config that no longer has what it removes must not pass for stock silently
        synth.stock_material(stock)
    except ValueError as error:
        assert "custom_dir" in str(error)
    else:
        raise AssertionError("stock_material accepted a config it could not reduce")
    assert synth.stock_page("---\ntitle: T\ntemplate: article.html\n---\n") == "---\ntitle: T\n---\n"
