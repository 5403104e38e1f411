"""The data as files to download, each written from the registry at build time.

The build adds them to the site as generated files (`events.py`), so that MkDocs knows
them and checks the links to them. Unknown fields stay empty, as in the data.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..registry.model import Registry, Source
from .bibtex import sources_bibtex
from .csl import sources_csl_json
from .datapackage import datapackage
from .figures_table import figure_rows, figures_csv, figures_json


@dataclass(frozen=True)
class Downloads:
    """What the files are written from."""

    registry: Registry
    pages: dict[str, str]  # figure id -> the figures page listing it (pages/listing.py)
    site_url: str  # the published address, for links in a file read away from the site
    site_name: str
    version: str | None = None  # the day the data last changed (meta/last_change.py), where known

    @cached_property
    def rows(self) -> list[dict]:
        """The figures table, made once for the CSV and the JSON."""
        return figure_rows(self.registry, self.pages, self.site_url)


def bibliography(registry: Registry) -> list[Source]:
    """The sources a reader would cite with this edition and can look up: a public record,
    not marked `unused` (kept in the data only so that its omission is on record). An
    attribution to people the author spoke to, or the essay's own account, is not a
    document: APA and Chicago cite a personal communication in the text only, and as an
    entry it would read as a reference no one can find. The sources page lists them all."""
    return [source for source in registry.sources.values() if source.has_public_record and not source.unused]


# path below the site root -> the function that writes it
FILES = {
    "downloads/figures.csv": lambda d: figures_csv(d.rows),
    "downloads/figures.json": lambda d: figures_json(d.rows),
    "downloads/datapackage.json": lambda d: datapackage(d.registry, d.site_name, d.site_url, d.version),
    "downloads/sources.bib": lambda d: sources_bibtex(bibliography(d.registry)),
    "downloads/sources.csl.json": lambda d: sources_csl_json(bibliography(d.registry)),
}
