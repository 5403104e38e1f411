"""downloads/datapackage.json: a Frictionless Data Package describing figures.csv.

Its Table Schema is made from figures_table.COLUMNS, the one description of the
table, so the CSV and its description cannot drift apart. It names the licence of the
data and the sources the figures come from.
"""

from __future__ import annotations

import json

from ..registry.model import Registry
from .figures_table import COLUMNS
from .licence import NOTES_AND_DATA


def field(column) -> dict:
    described = {"name": column.name, "type": column.type, "description": column.description}
    if column.enum:
        described["constraints"] = {"enum": list(column.enum)}
    if column.type == "boolean":  # as the CSV writes them, and only those
        described.update(trueValues=["true"], falseValues=["false"])
    return described


def datapackage(registry: Registry, title: str, homepage: str, version: str | None = None) -> str:
    """The package; `version`, the day the data last changed, tells one download from
    another (the figures page's "Cite the data" gives the same day)."""
    sources = [{"title": s.title, **({"path": s.url} if s.url else {})} for s in registry.sources.values()
               if s.has_public_record]
    package = {
        "profile": "tabular-data-package",
        "name": "figures",
        "title": f"{title}: figures",
        "description": "Every number and date the essay and the Rights Rundown state, with its "
                       "scope, date and sources. Columns are described on the figures page.",
        **({"homepage": homepage} if homepage else {}),
        **({"version": version} if version else {}),
        "licenses": [NOTES_AND_DATA],
        "sources": sources,
        "resources": [{
            "profile": "tabular-data-resource",
            "name": "figures",
            "path": "figures.csv",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": {"delimiter": ",", "quoteChar": "\"", "lineTerminator": "\r\n", "header": True},
            "schema": {"fields": [field(c) for c in COLUMNS], "primaryKey": ["id"], "missingValues": [""]},
        }],
    }
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"
