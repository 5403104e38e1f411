"""Pagefind's index files made the same from build to build.

Pagefind 1.5.2 keeps its filters in Rust hash maps, whose order is random in every run,
so two builds of one commit wrote each filter's values, and the list of filters in its
metadata, in another order (upstream issue 638 made the fragments stable in 1.3, and
left these; the source says "TODO: Change filter indexes to BTree"). The bytes differ,
so do the names Pagefind derives from them, and so does `pagefind-entry.json`, which
names the metadata file. Nobody could diff two builds or rebuild a commit to check it.

Each file is what Pagefind writes: gzip of `pagefind_dcd` and one CBOR value. Here the
filter files' values and the metadata's filters are put in sorted order and the files
renamed as Pagefind names them (the SHA-1 of the CBOR, written as Pagefind writes it),
so the index reads exactly as before: the search tests filter by country and topic
through these files, and `tests/test_reproducible.py` diffs two builds. The layout is
Pagefind 1.5.2's (pinned, `tests/test_pagefind_service.py`); on another, this says so.
"""

from __future__ import annotations

import gzip
import hashlib
import re

import cbor2

SIGNATURE = b"pagefind_dcd"
_FILTER = re.compile(r"filter/(?P<lang>[^/]+?)_[0-9a-f]+\.pf_filter")
_META = re.compile(r"pagefind\.(?P<lang>[^/]+?)_[0-9a-f]+\.pf_meta")
ENTRY = "pagefind-entry.json"


def _hash(body: bytes) -> str:
    """Pagefind's `full_hash`: SHA-1, each byte in hex without its leading zero (`{:x?}`)."""
    return "".join(format(byte, "x") for byte in hashlib.sha1(body).digest())


def _read(data: bytes) -> object:
    raw = gzip.decompress(data)
    if not raw.startswith(SIGNATURE):
        raise ValueError("not a Pagefind index file")
    return cbor2.loads(raw[len(SIGNATURE):])


def _write(value: object) -> tuple[bytes, str]:
    """The file's bytes (gzip with no timestamp, as Pagefind's) and the hash of its CBOR."""
    body = cbor2.dumps(value)
    return gzip.compress(SIGNATURE + body, compresslevel=9, mtime=0), _hash(body)


def stable(files: dict[str, bytes]) -> dict[str, bytes]:
    """Pagefind's output files {path: bytes}, with the filters and metadata sorted and
    renamed; every other file as it was."""
    out = dict(files)
    renamed: dict[str, str] = {}  # old short hash ("en_3212f3a") -> new
    filters = sorted(p for p in files if _FILTER.fullmatch(p))
    for path in filters:
        del out[path]
    for path in filters:
        name, values = _read(files[path])
        data, full = _write([name, sorted([value, sorted(pages)] for value, pages in values)])
        lang = _FILTER.fullmatch(path)["lang"]
        old = path.removeprefix("filter/").removesuffix(".pf_filter")
        length = 7
        while f"filter/{lang}_{full[:length]}.pf_filter" in out:  # as Pagefind does on a collision
            length += 1
        new = renamed[old] = f"{lang}_{full[:length]}"
        out[f"filter/{new}.pf_filter"] = data
    for path in [p for p in files if _META.fullmatch(p)]:
        meta = _read(files[path])
        # [version, pages, index chunks, [[filter, hash], ...], sorts, meta fields]
        if {short for _name, short in meta[3]} != set(renamed):
            raise ValueError("Pagefind's metadata does not list its filters where 1.5.2 does")
        meta[3] = sorted([name, renamed[short]] for name, short in meta[3])
        data, full = _write(meta)
        lang = _META.fullmatch(path)["lang"]
        old, new = path.removeprefix("pagefind.").removesuffix(".pf_meta"), f"{lang}_{full[:10]}"
        del out[path]
        out[f"pagefind.{new}.pf_meta"] = data
        named = f'"hash":"{old}"'.encode()
        if named not in out[ENTRY]:
            raise ValueError(f"{ENTRY} does not name {old} where Pagefind 1.5.2 does")
        out[ENTRY] = out[ENTRY].replace(named, f'"hash":"{new}"'.encode())
    return out
