"""How Material's templates (and ours in overrides/) write a page: fewer bytes, the same page.

Set on the theme's Jinja environment before any template is compiled (MkDocs' on_env):

- The templates' indentation and the blank lines their tags leave are dropped as each
  template is compiled (`CompactWhitespace`), so it costs nothing per page. A run of
  blank space between two tags becomes one line break, which a browser shows exactly as
  it showed the run, outside `<pre>` and `<textarea>`, which no template holds. A line
  holding only `{% if ... %}` (or for, set, ...) after a tag is joined to that tag.
  Material's `generator` tag, which no reader or machine the site serves reads, goes.
- Material's features that only its templates act on are not given to its bundle.
- JSON (the JSON-LD and Material's `__config`) is written without spaces after `,` and
  `:` and with its letters as they are: the same data, still escaped for HTML by `tojson`.
- Material's storage scope (`extra.scope`, an inline script on every page) is the site's
  root path, which is what each page's relative `base_url` pointed to: one script, so
  one hash in the Content-Security-Policy for every page instead of one for each depth.

The empty lines the templates' logic still leaves (a macro's, a skipped block's), which
no rule on a template's source can see, go from each page as it is written (`trimmed`,
0.1 ms a page).

The essay's HTML had grown past what a phone's first round trip brings (14,600 bytes
sent, the window Lighthouse's simulated connection starts with): bench/notes.md, issue 20.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import FileSystemBytecodeCache
from jinja2.ext import Extension

# Blank space holding a line break, between the end of a tag (HTML or Jinja) and the
# start of the next one.
_BETWEEN_TAGS = re.compile(r"(?<=[>}])[ \t]*\n\s*(?=[<{])")
# A Jinja tag that writes nothing itself (if, for, set, ...), alone on its line after a
# tag: the line break before it goes; the one after it stays. Not an include or a block,
# whose output would then touch the tag before, nor a tag with whitespace control (`{%-`,
# `-%}`), which removes blank space of its own.
_TAG_LINE = re.compile(r"(?<=[>}])\n(\{% (?:if|elif|else|endif|for|endfor|set|endset|with|endwith|import|from)\b"
                       r"[^%\n]*?(?<!-)%\})(?=\n)")
_GENERATOR = re.compile(r'<meta name="generator" [^>]*>')  # in Material's base.html


# Elements whose blank space is shown or run as written, kept whole: `<pre>` (and `<code>`,
# which Material sets `pre-wrap`), `<textarea>`, `<script>`.
_KEPT = re.compile(r"<(pre|code|textarea|script)\b.*?</\1>", re.S)
_BLANK_LINES = re.compile(r"\n\s*\n\s*")  # written as one line break


# Material's features that its templates act on and its bundle never reads: left out of
# the settings each page gives the bundle (overrides/main.html, block `config`).
TEMPLATE_ONLY_FEATURES = ("content.action.edit", "navigation.indexes", "navigation.sections", "navigation.tabs",
                          "navigation.top", "search.share")


class CompactWhitespace(Extension):
    """Each template's source as it is compiled, once a build: its blank space between
    tags and Material's generator tag left out."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return _TAG_LINE.sub(r"\1", _BETWEEN_TAGS.sub("\n", _GENERATOR.sub("", source)))


def configure(env, config) -> None:
    """Compact whitespace and JSON in every template of the theme environment `env`, and
    the features the bundle reads."""
    env.add_extension(CompactWhitespace)
    env.globals["template_only_features"] = TEMPLATE_ONLY_FEATURES
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "separators": (",", ":"), "ensure_ascii": False}
    if config.site_url and "scope" not in config.extra:
        config.extra["scope"] = urlsplit(config.site_url).path or "/"


def trimmed(html: str) -> str:
    """The page `html` without its runs of blank lines."""
    parts, start = [], 0
    for kept in _KEPT.finditer(html):
        parts += (_BLANK_LINES.sub("\n", html[start:kept.start()]), kept.group())
        start = kept.end()
    parts.append(_BLANK_LINES.sub("\n", html[start:]))
    return "".join(parts)


def bytecode_cache() -> FileSystemBytecodeCache:
    """Jinja's cache on disk, for `make serve`, whose rebuilds compile Material's templates
    anew each time (half a second). Jinja checks a cached template against its source, not
    against the rules above that rewrite it, so the cache's names carry this file's hash."""
    rules = hashlib.sha1(Path(__file__).read_bytes()).hexdigest()[:12]
    return FileSystemBytecodeCache(pattern=f"__jinja2_edition_{rules}_%s.cache")
