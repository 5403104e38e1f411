"""MkDocs hook: add the data downloads to the site as generated files.

Files added in `on_files` are known to MkDocs like any page or image, so the links
the figures and sources pages make to them are checked by `--strict` and the files
are written to the site with the rest. mkdocs-macros offers its modules no
`on_files` hook, hence this small file; what it writes lives in macros/downloads.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.structure.files import File

# MkDocs imports a hook by its path, with only this folder on sys.path.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from macros.downloads import FILES  # noqa: E402
from macros.loading import load_registry  # noqa: E402

sys.path.pop(0)


def on_files(files, config):
    # The macros plugin has already loaded and checked the data (on_config runs first),
    # so a mistake there has stopped the build before this point; for the same bytes
    # load_registry hands back that registry rather than reading the data again.
    registry = load_registry(Path(config.config_file_path).parent)
    for path, write in FILES.items():
        files.append(File.generated(config, path, content=write(registry)))
    return files
