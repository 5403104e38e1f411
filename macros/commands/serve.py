"""`make serve`: MkDocs' development server, which tells the browser when a rebuild fails.

MkDocs' own server prints a failed rebuild in the terminal only and holds every request
until a build succeeds: the browser hangs for minutes. Here a failed build is kept as
its messages; every page request is answered at once with a page listing them
(file:line and what to do), and the livereload script on it reloads the page as soon
as a save fixes the mistake. The livereload script MkDocs puts into each page is added
to that page's Content-Security-Policy by its hash.

It reaches into `mkdocs.commands.serve` (its `build` and `LiveReloadServer` names) for
this one process; MkDocs is pinned and tests/browser/test_serve.py runs it.
"""

from __future__ import annotations

import html
import logging
import signal
import sys
from dataclasses import dataclass, field

from mkdocs.__main__ import cli
from mkdocs.commands import serve as mkdocs_serve
from mkdocs.livereload import LiveReloadServer

from ..meta.csp import META_NAME, sha256

log = logging.getLogger("mkdocs.edition.serve")


@dataclass
class LastBuild:
    """The messages of the last build if it failed; empty once one succeeds."""

    mistakes: list[str] = field(default_factory=list)


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(record.getMessage())


def guarded(build, last: LastBuild):
    """MkDocs' build, which keeps a failure's messages instead of raising them."""
    def build_or_keep_mistakes(config, **kwargs):
        collect = _Collect()
        logging.getLogger("mkdocs").addHandler(collect)
        try:
            build(config, **kwargs)
            last.mistakes = []
        except (Exception, SystemExit) as error:  # mkdocs' Abort is a SystemExit
            last.mistakes = [line for line in collect.lines if line.strip()] + [str(error)]
            log.error("The build failed: the browser shows why, and reloads once it is fixed.")
        finally:
            logging.getLogger("mkdocs").removeHandler(collect)
    return build_or_keep_mistakes


def error_page(mistakes: list[str]) -> bytes:
    items = "\n".join(f"<li><pre>{html.escape(line)}</pre></li>" for line in mistakes)
    return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed</title></head>"
            f"<body><h1>The site did not build</h1><p>Fix what is listed below and save: this page "
            f"reloads by itself once the build succeeds.</p><ol class=\"build-mistakes\">{items}</ol>"
            f"</body></html>").encode("utf-8")


class EditionServer(LiveReloadServer):
    def __init__(self, last: LastBuild, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.last = last

    def _serve_request(self, environ, start_response):
        path = environ["PATH_INFO"]
        if self.last.mistakes and not path.startswith("/livereload") and (path.endswith("/") or path.endswith(".html")):
            body = self._inject_js_into_html(error_page(self.last.mistakes), self._visible_epoch)
            start_response("500 Build failed", [("Content-Type", "text/html; charset=utf-8"),
                                                ("Content-Length", str(len(body)))])
            return [body]
        return super()._serve_request(environ, start_response)

    def _inject_js_into_html(self, content, epoch):
        """MkDocs' livereload script, and its hash in the page's policy so that it may run."""
        with_script = super()._inject_js_into_html(content, epoch)
        start = with_script.rindex(b"<script>") + len(b"<script>")
        script = with_script[start:with_script.index(b"</script>", start)].decode("utf-8")
        marker = f'http-equiv="{META_NAME}" content="default-src \'self\'; script-src \'self\''.encode()
        return with_script.replace(marker, marker + b" " + sha256(script).encode(), 1)


def _stop(_signal, _frame):
    raise KeyboardInterrupt


def main(argv: list[str]) -> None:
    # A stop by signal (`kill`, a cancelled CI job, the tests and the bench stopping the
    # server) taken as Ctrl-C: MkDocs then deletes the build it serves from the
    # temporary folder, where SIGTERM's default left it (4 MB a time).
    signal.signal(signal.SIGTERM, _stop)
    last = LastBuild()
    mkdocs_serve.build = guarded(mkdocs_serve.build, last)
    mkdocs_serve.LiveReloadServer = lambda *args, **kwargs: EditionServer(last, *args, **kwargs)
    cli(["serve", *argv])


if __name__ == "__main__":
    main(sys.argv[1:])
