"""MkDocs hook: the figures and sources lists' continuation pages, and the data downloads.

Past `extra.data_pages.per_page` entries the figures and sources lists go on over
figures-2.md, figures-3.md, ... (macros/data_pages.py says why). Those pages, and the
downloads (figures as CSV and JSON, sources as BibTeX and CSL-JSON), are added in
`on_files` as generated files, so MkDocs knows them like any page and `--strict`
checks every link to them. mkdocs-macros offers its modules no `on_files` hook,
hence this small file; what it writes lives in macros/.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

# MkDocs imports a hook by its path, with only this folder on sys.path.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from macros import data_pages  # noqa: E402
from macros.downloads import FILES  # noqa: E402
from macros.loading import load_registry  # noqa: E402

sys.path.pop(0)


def on_files(files, config):
    # The macros plugin has already loaded and checked the data (on_config runs first),
    # so a mistake there has stopped the build before this point; for the same bytes
    # load_registry hands back that registry rather than reading the data again.
    registry = load_registry(Path(config.config_file_path).parent)
    listing = data_pages.listing(registry, data_pages.per_page(config.extra))
    for base, pages in (("figures", listing.figures), ("sources", listing.sources)):
        for number in range(2, len(pages) + 1):
            src = data_pages.page_src(base, number)
            if files.get_file_from_path(src) is not None:  # it would be replaced without a word
                raise PluginError(f"docs/{src}: this name is taken by page {number} of the {base} "
                                  f"list (more than {data_pages.per_page(config.extra)} entries); "
                                  "rename the page")
            # Reached from the pager on the page before, not from the navigation.
            files.append(File.generated(config, src,
                                        content=data_pages.continuation_page(base, number, listing),
                                        inclusion=InclusionLevel.NOT_IN_NAV))
    for path, write in FILES.items():
        files.append(File.generated(config, path, content=write(registry, listing.figure_page)))
    return files
