"""Material's blog asks "is this page a post?" of a set, not a list (macros/blog/posts.py)."""

from __future__ import annotations

import inspect
from importlib import metadata

import pytest
from material.plugins.blog.plugin import BlogPlugin

from macros.blog.posts import Posts


def test_written_for_material_9_8_2():
    # Posts stands in for the plugin's `blog.posts`, which 9.8.2 sorts once in on_files,
    # then only iterates and asks `page not in`. On another version read the plugin again.
    assert metadata.version("mkdocs-material") == "9.8.2"
    for event in (BlogPlugin.on_page_markdown, BlogPlugin.on_page_content):
        assert "if page not in self.blog.posts:" in inspect.getsource(event)


class Page:
    """Like MkDocs' Page: equal to another with the same title and file."""

    def __init__(self, title):
        self.title = title

    def __eq__(self, other):
        return isinstance(other, Page) and self.title == other.title


def test_a_page_is_a_post_when_it_is_one_of_the_posts():
    first, second, other = Page("a"), Page("b"), Page("c")
    posts = Posts([second, first])
    assert first in posts and second in posts and other not in posts
    assert list(posts) == [second, first] and list(reversed(posts)) == [first, second]
    # By identity: a build makes one Page per file, so an equal page is never a second one.
    assert Page("a") not in posts


def test_nothing_can_be_added_behind_its_back():
    with pytest.raises(AttributeError):
        Posts([]).append(Page("a"))
