"""Material's blog converts only a post's excerpt for the index pages (macros/blog/excerpt.py)."""

from __future__ import annotations

from importlib import metadata

import markdown
import pytest
from mkdocs.config import load_config

from macros.blog.excerpt import excerpt_markdown
from tests.support import ROOT

SEPARATOR = "<!-- more -->"
POST = f"""# Title

A sentence with a note.[^fig-a] And another.[^b]

{SEPARATOR}

The body, after the excerpt, with its own note.[^c] And the first again.[^fig-a]

[^fig-a]: The first note, as the macros append it.

[^b]: A note written by hand,
    over two lines,

    and a second paragraph.

[^c]: A note only the body uses.
"""


def site_markdown() -> markdown.Markdown:
    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


def test_written_for_material_9_8_2():
    # PostExcerpt leans on Excerpt.render reading post.markdown and cutting the HTML at
    # the separator. On another version read that method again, then update this pin.
    assert metadata.version("mkdocs-material") == "9.8.2"


# A note the excerpt's note refers to is converted too.
CHAINED = f"One.[^x]\n\n{SEPARATOR}\n\nTwo.[^y]\n\n[^x]: X, see[^z]\n\n[^y]: Y\n\n[^z]: Z,\n    on two lines\n"


@pytest.mark.parametrize("post, notes", [(POST, ("fig-a", "b")), (CHAINED, ("x",))])
def test_the_excerpt_reads_as_when_the_whole_post_is_converted(post, notes):
    whole = site_markdown().convert(post).split(SEPARATOR, 1)[0]
    short = site_markdown().convert(excerpt_markdown(post, SEPARATOR)).split(SEPARATOR, 1)[0]
    assert short == whole and all(f'href="#fn:{note}"' in short for note in notes)


def test_the_body_after_the_separator_is_not_converted_again():
    short = excerpt_markdown(POST, SEPARATOR)
    assert "The body" not in short and "second paragraph" in short
    assert "A note only the body uses" not in short
    assert excerpt_markdown("No separator.", SEPARATOR) == "No separator."
