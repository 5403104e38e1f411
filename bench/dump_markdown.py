"""MkDocs hook used only by the bench: save each page's Markdown as the macros left it.

The bench builds a copy of the project once with this hook and then publishes the
saved Markdown with the macros plugin removed: the same pages, without macros. The
Markdown is saved in `on_env`, after the build has written the figures and sources
lists into their pages (macros/events.py, at a higher priority), and with every
page's notes appended.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.plugins import event_priority


@event_priority(-100)  # after the build has filled the data pages
def on_env(env, config, files, **kwargs):
    for file in files.documentation_pages():
        out = Path(os.environ["BENCH_DUMP_DIR"]) / file.src_uri
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(file.page.markdown, encoding="utf-8")
    return env
