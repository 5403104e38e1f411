"""What a first view fetches before its largest paint, and the markup it reads (issue 20).

- One stylesheet and one script of ours, holding the parts mkdocs.yml lists, in order.
- The templates' blank space left out as they compile, and the blank lines and generator
  tag left out of each page as it is written, which change no page: the same site built
  from the templates as written shows the same elements, attributes and text.
- Material's bundle given every setting it reads.

How fast the pages then paint is measured by `make bench` (bench/notes.md), not here.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support import MATERIAL_TEMPLATES, ROOT, build, edit

MATERIAL = re.compile(r"assets/(stylesheets|javascripts)/")


def listed(key: str) -> list[str]:
    """The paths mkdocs.yml lists under `key` (extra_css, extra_javascript)."""
    block = re.search(rf"^{key}:\n((?:  - .*\n)+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    return re.findall(r"^  - (\S+)", block.group(1), re.M)


def pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def ours(urls: list[str]) -> list[str]:
    """The URLs that are not Material's own assets, as the site's root-relative paths."""
    return [re.sub(r"^(\.\./)+|^\.?/", "", u) for u in urls if not MATERIAL.search(u)]


def part_text(path: str) -> str:
    for folder in ("docs", "overrides"):
        if (ROOT / folder / path).is_file():
            return (ROOT / folder / path).read_text(encoding="utf-8")
    raise AssertionError(f"{path} from mkdocs.yml is in neither docs/ nor overrides/")


def materials_stylesheets() -> list[str]:
    """The stylesheets Material's base template links, in its order (main, palette)."""
    base = (MATERIAL_TEMPLATES / "base.html").read_text(encoding="utf-8")
    block = re.search(r"{% block styles %}(.*?){% endblock %}", base, re.S).group(1)
    return re.findall(r"'(assets/stylesheets/[^']+\.css)'", block)


def test_every_page_links_one_stylesheet_and_one_script_of_ours(site):
    for page in pages(site.site):
        soup = site.html(page)
        sheets = [link["href"] for link in soup.select('link[rel="stylesheet"]')]
        scripts = [script["src"] for script in soup.select("script[src]")]
        assert ours(sheets) == ["stylesheets/edition.css"] and len(sheets) == 1, \
            (page, sheets, "one stylesheet, holding Material's")
        assert ours(scripts) == ["javascripts/edition.js"], (page, scripts)
        assert scripts.index(next(s for s in scripts if "bundle" in s)) < len(scripts) - 1, \
            "ours runs after Material's bundle, which defines document$"
    for key, joined in (("extra_css", "stylesheets/edition.css"), ("extra_javascript", "javascripts/edition.js")):
        text = (site.site / joined).read_text(encoding="utf-8")
        at = -1
        # Material's stylesheets come first, whole and in its order, so that ours override them.
        for path in materials_stylesheets() if key == "extra_css" else ():
            code = (site.site / path).read_text(encoding="utf-8").strip()  # minified: no comment of its own
            start = text.find(code)
            assert code and start > at, f"Material's {path} is not in {joined}, whole, after the ones before it"
            at = start
        assert listed(key)
        for path in listed(key):
            assert not (site.site / path).exists(), f"{path} is served on its own as well"
            # Each part is in the joined file, in mkdocs.yml's order, every line of its code.
            start = text.find(path, at + 1)
            assert start > at, f"{path} is not in {joined} after the parts listed before it"
            code = re.sub(r"/\*.*?\*/", "", part_text(path), flags=re.S) if key == "extra_css" else part_text(path)
            for line in filter(None, (line.strip() for line in code.splitlines())):
                assert line in text[start:], (path, line)
            at = start


def _visible(html: str) -> tuple:
    """What a page shows and holds: its elements with their attributes, its text with
    each run of blank space as one space, and its preformatted text and scripts exactly."""
    soup = BeautifulSoup(html, "html.parser")
    elements = [(tag.name, sorted((k, " ".join(v) if isinstance(v, list) else v) for k, v in tag.attrs.items()))
                for tag in soup.find_all(True)]
    exact = [tag.get_text() for tag in soup.find_all(["pre", "code", "textarea", "script", "style"])]
    return elements, re.sub(r"\s+", " ", soup.get_text()), exact


@pytest.fixture(scope="module")
def uncompacted(tmp_path_factory):
    """The real project built from its templates as written, each page as they write it
    (the compiling step and the trimming left out)."""
    out = tmp_path_factory.mktemp("uncompacted") / "site"
    run = ("import sys; from macros.theme import templates; "
           "templates.CompactWhitespace.preprocess = lambda self, source, name, filename=None: source; "
           "templates.trimmed = lambda html: html; "
           "from mkdocs.__main__ import cli; sys.argv = ['mkdocs', 'build', '--strict', '--site-dir', sys.argv[1]]; cli()")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1", PREVIEW_ITEMS="0")
    result = subprocess.run([sys.executable, "-c", run, str(out)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def test_compacting_the_templates_changes_no_page(site, uncompacted):
    names = pages(site.site)
    assert names == pages(uncompacted)
    for name in names:
        compact = (site.site / name).read_text(encoding="utf-8")
        plain = (uncompacted / name).read_text(encoding="utf-8")
        assert "<meta name=\"generator\"" in plain and "<meta name=\"generator\"" not in compact, name
        assert _visible(compact) == _visible(re.sub(r'<meta name="generator"[^>]*>', "", plain)), name
    sizes = [sum(len((root / n).read_bytes()) for n in names) for root in (site.site, uncompacted)]
    assert sizes[0] < 0.95 * sizes[1], f"the templates were not compacted: {sizes}"


def test_preformatted_text_keeps_its_blank_lines(project):
    """A contributor's code block (a statement quoted line by line, a data excerpt) shows
    its blank line: the blank lines left out of each page are not taken from inside it."""
    block = "    Article 1.\n\n\n    Article 2.\n"
    edit(project / "docs" / "about.md", "## What this edition does not know", block + "\n## What this edition does not know")
    built = build(project)
    assert built.returncode == 0, built.log
    assert built.html("about/index.html").select_one("pre code").get_text() == "Article 1.\n\n\nArticle 2.\n"


def test_materials_bundle_is_given_every_setting_it_reads(site):
    """The settings each page gives Material's bundle (overrides/main.html, block
    `config`) leave out what it never reads here; each word and feature it reads is
    given, or a copy button, a search message or a tooltip would be missing."""
    bundle = next((MATERIAL_TEMPLATES / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    block = re.search(r"^  features:\n((?:    [-#].*\n)+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    read = {f for f in re.findall(r"^    - ([\w.]+)", block.group(1), re.M) if f'"{f}"' in bundle}
    # The bundle's translate function is called on literal keys; the version selector's
    # words are read only with a version (`extra.version`), which this edition has not.
    words = set(re.findall(r'[\w$]+\("((?:clipboard|search\.result|select)\.[\w.]+)"[,)]', bundle)) - {"select.version"}
    assert read and words, "Material's bundle no longer reads features or words this way: compare it again"
    for page in ("index.html", "essay/index.html", "figures/index.html", "404.html"):
        config = json.loads(site.html(page).select_one("script#__config").string)
        assert set(config["features"]) == read, page
        assert set(config["translations"]) == words, page
