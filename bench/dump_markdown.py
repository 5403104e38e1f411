"""MkDocs hook used only by the bench: save each page's Markdown as the macros left it.

The bench builds a copy of the project once with this hook (hooks run after plugins,
so the macros have rendered the page and appended its footnotes) and then publishes
the saved Markdown with the macros plugin removed: the same pages, without macros.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.plugins import event_priority


@event_priority(-100)  # after every plugin's on_page_markdown
def on_page_markdown(markdown, page, **kwargs):
    out = Path(os.environ["BENCH_DUMP_DIR"]) / page.file.src_uri
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(markdown, encoding="utf-8")
    return markdown
