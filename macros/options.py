"""The edition's options in mkdocs.yml, declared and checked the way MkDocs checks its own.

They sit under `extra:` (mkdocs-macros' plugin entry takes no options of ours):

    extra:
      data_pages:
        per_page: 50        # figures or sources on one page; more go on over figures-2/, ...
      contents:
        entries_limit: 60   # a contents list names a section's entries only while this few
      preview: 0            # Rundown items a preview builds (`make serve`); 0: the whole site
      colophon:             # the footer's links (and the 404 page's), each to a page
        - title: About this edition
          url: about/

Each is a `mkdocs.config.config_options` option with its default; a wrong value stops
the build with "mkdocs.yml: extra.data_pages.per_page: ..." and what to write. A key of
`extra:` close to one of these is taken for a misspelling of it (Material reads others).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.config import base
from mkdocs.config import config_options as c

from .checks.front_matter_checks import BLOG_DIR
from .downloads.licence import NOTES_AND_DATA_SHORT
from .errors import DataError, did_you_mean


class WholeNumber(c.OptionallyRequired[int]):
    """A whole number of at least `least` (True and 1.5 are not)."""

    def __init__(self, least: int, meaning: str, **kwargs):
        super().__init__(**kwargs)
        self.least, self.meaning = least, meaning

    def run_validation(self, value: object) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or value < self.least:
            raise base.ValidationError(f"{value!r} is not a whole number of {self.least} or more "
                                       f"({self.meaning})")
        return value


class DataPagesOptions(base.Config):
    per_page = WholeNumber(1, "entries on each figures and sources page", default=50)


class ContentsOptions(base.Config):
    entries_limit = WholeNumber(0, "entries a section may list in a page's contents", default=60)


@dataclass(frozen=True)
class Options:
    per_page: int
    contents_limit: int
    preview: int = 0  # Rundown items a preview builds (preview.py); 0: the whole site


def _line(config_file: str | None, path: tuple) -> int | None:
    """The line of `path` (keys, and list positions from 0) in mkdocs.yml, or of as much
    of it as is there. MkDocs reads the file without lines; composing its YAML again gives
    them, and leaves its tags (`!ENV`, `!!python/name`) unread."""
    try:
        node = yaml.compose(Path(config_file).read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (TypeError, OSError, yaml.YAMLError):
        return None
    line = None
    for step in path:
        if isinstance(node, yaml.MappingNode):
            key, node = next(((k, v) for k, v in node.value if k.value == step), (None, None))
            if key is None:
                break
            line = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            break
    return line


def _mistake(config_file: str | None, path: tuple, message: str) -> DataError:
    return DataError("mkdocs.yml", _line(config_file, ("extra", *path)), None, message)


def _checked(schema: type[base.Config], name: str, extra: dict, config_file: str | None) -> base.Config:
    value = extra.get(name) or {}
    if not isinstance(value, dict):
        raise _mistake(config_file, (name,), f"extra.{name}: expected `key: value` lines below it")
    config = schema()
    config.load_dict(value)
    failed, warnings = config.validate()  # a warning: a name the options do not know
    if failed or warnings:
        key, error = (failed or warnings)[0]
        hint = did_you_mean(key, [k for k, _option in schema._schema]) if not failed else None
        raise _mistake(config_file, (name, key), f"extra.{name}.{key}: {error}" + (f"; {hint}" if hint else ""))
    return config


OURS = ("data_pages", "contents", "preview", "colophon")
# Material's own keys under `extra:` (its documentation's), never taken for a misspelling of ours.
MATERIALS = ("alternate", "analytics", "annotate", "consent", "generator", "homepage", "scope", "social",
             "status", "tags", "version")


def _page_exists(docs_dir: Path, url: str) -> bool:
    """Whether `url` (as about/) is the address of a page under `docs_dir`, as MkDocs
    writes its addresses; one under the blog's folder, where its plugin writes the posts'
    addresses from their slugs, is taken as written."""
    if url.startswith(BLOG_DIR + "/"):
        return True
    path = url.split("#", 1)[0].strip("/")
    names = [f"{path}.md", f"{path}/index.md"] if path else ["index.md"]
    return any((docs_dir / name).is_file() for name in names)


def _colophon(extra: dict, docs_dir: Path, config_file: str | None) -> None:
    """The footer's links: each a title and the address of a page (a broken one would be
    on every page); and no key of `extra:` a misspelling of ours, which would be skipped
    without a word."""
    for key in extra:
        hint = did_you_mean(key, OURS, n=1) if key not in OURS + MATERIALS else None
        if hint:
            raise _mistake(config_file, (key,), f"extra.{key}: unknown option; {hint}")
    links = extra.get("colophon", [])
    if not isinstance(links, list):
        raise _mistake(config_file, ("colophon",), "extra.colophon: expected a list of links, each "
                        "`- title: ...` with `url: ...` below it (a page's address, as about/)")
    for number, link in enumerate(links, 1):
        where = f"extra.colophon, link {number}"
        if not isinstance(link, dict) or set(link) != {"title", "url"} or not all(
                isinstance(link[k], str) and link[k].strip() for k in ("title", "url")):
            raise _mistake(config_file, ("colophon", number - 1), f"{where}: expected `title:` (the link's "
                           "words) and `url:` (a page's address, as about/), and nothing else")
        if not _page_exists(docs_dir, link["url"]):
            raise _mistake(config_file, ("colophon", number - 1, "url"), f"{where}: url '{link['url']}' is the "
                           "address of no page under docs/ (about/ is docs/about.md)")


def _footer_licence(copyright: str | None, config_file: str | None) -> None:
    """The footer names the licence the downloads, the pages' metadata and the citations
    give the notes and data (downloads/licence.py): a reader must not be told two."""
    if NOTES_AND_DATA_SHORT not in " ".join((copyright or "").split()):
        raise DataError("mkdocs.yml", _line(config_file, ("copyright",)), None,
                        f"copyright: the footer must name the notes' and data's licence, "
                        f"'{NOTES_AND_DATA_SHORT}', as the downloads and citations do; to change the "
                        "licence, change macros/downloads/licence.py and this line together")


def options(extra: dict, config_file: str | None = None, docs_dir: Path | None = None,
            copyright: str | None = None) -> Options:
    """The edition's options from mkdocs.yml's `extra` (`config_file`, for the lines of
    its mistakes); DataError names a wrong one. With `docs_dir`, the footer too: its links,
    and the licence its `copyright` names."""
    if docs_dir is not None:
        _colophon(extra, docs_dir, config_file)
        _footer_licence(copyright, config_file)
    preview = WholeNumber(0, "Rundown items a preview builds; 0 for the whole site", default=0)
    try:
        items = preview.validate(extra.get("preview", 0))
    except base.ValidationError as error:
        raise _mistake(config_file, ("preview",), f"extra.preview: {error}") from None
    return Options(per_page=_checked(DataPagesOptions, "data_pages", extra, config_file).per_page,
                   contents_limit=_checked(ContentsOptions, "contents", extra, config_file).entries_limit,
                   preview=items)
