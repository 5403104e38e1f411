"""How many rows of each download change: the files `downloads/files.py` lists, read as
a reader's client would split them into records.

A CSV's rows and a JSON list's items are keyed by their `id` (a Data Package's by what
names them: a resource's `name`, a source's `path`; an item with none of these, by its
content), a BibTeX file's entries by their key; whatever else a JSON file holds at its top
is one record a key. A record whose key is on both sides with other content is changed.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..downloads.files import FILES

_BIBTEX_ENTRY = re.compile(r"^@\w+\{([^,\s]+),", re.M)
# What names a JSON list's item, in the order looked for: ours, then the Data Package's.
_ITEM_KEYS = ("id", "name", "path")


def _json_records(data, prefix: str = "") -> dict[str, str]:
    if isinstance(data, list):
        records = {}
        for item in data:
            text = json.dumps(item, sort_keys=True, ensure_ascii=False)
            named = [item[k] for k in _ITEM_KEYS if isinstance(item, dict) and isinstance(item.get(k), str)]
            key = f"{prefix}{named[0] if named else text}"
            while key in records:  # two items of one name (two sources at one URL): both kept
                key += " (again)"
            records[key] = text
        return records
    if isinstance(data, dict):
        records = {}
        for key, value in data.items():
            if isinstance(value, list):
                records.update(_json_records(value, f"{prefix}{key}: "))
            else:
                records[f"{prefix}{key}"] = json.dumps(value, sort_keys=True, ensure_ascii=False)
        return records
    return {prefix: json.dumps(data)}


def records(path: Path) -> dict[str, object]:
    """The file's records, by key."""
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix == ".csv":
        rows = list(csv.reader(io.StringIO(text)))
        return {"(columns)": tuple(rows[0]) if rows else ()} | {row[0]: tuple(row) for row in rows[1:] if row}
    if path.suffix == ".bib":
        starts = [(m.start(), m.group(1)) for m in _BIBTEX_ENTRY.finditer(text)]
        ends = [start for start, _ in starts[1:]] + [len(text)]
        return {key: text[start:end].strip() for (start, key), end in zip(starts, ends)}
    return _json_records(json.loads(text))


@dataclass(frozen=True)
class DownloadChange:
    file: str
    added: tuple[str, ...] = ()  # the records' keys: a row's id, an entry's key
    removed: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    missing: str | None = None  # "before" or "after": the file is not in that build

    @property
    def rows(self) -> int:
        return len(self.added) + len(self.removed) + len(self.changed)


def download_changes(old_site: Path, new_site: Path) -> list[DownloadChange]:
    """Every download, with its rows added, removed and changed."""
    out = []
    for name in FILES:
        old_path, new_path = old_site / name, new_site / name
        if not old_path.exists() or not new_path.exists():
            out.append(DownloadChange(name, missing="before" if not old_path.exists() else "after"))
            continue
        if old_path.read_bytes() == new_path.read_bytes():
            out.append(DownloadChange(name))
            continue
        old, new = records(old_path), records(new_path)
        out.append(DownloadChange(name, added=tuple(k for k in new if k not in old),
                                  removed=tuple(k for k in old if k not in new),
                                  changed=tuple(k for k in new if k in old and new[k] != old[k])))
    return out
