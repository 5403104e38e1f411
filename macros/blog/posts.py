"""Material's blog, asking "is this page a post?" at a set's speed, not a list's.

Material 9.8's blog plugin asks `page not in self.blog.posts` for every page, in
`on_page_markdown` and again in `on_page_content`. `blog.posts` is a list, and a page
is compared with each post in turn (`Page.__eq__` compares titles and files): at 1,000
Rundown items, a million comparisons a build, about a second. `Posts` is the same
list, sorted as the plugin sorted it, that answers `in` from the ids of its posts.
A build makes one Page per file, so a page is a post exactly when it is one of them.

`events.py` gives the plugin this list right after it gathered its posts. It is a
tuple, so nothing can add a post behind the ids' back: a Material that appends to it
fails the build (and `tests/test_blog_posts.py`, pinned to the version this was
written for) instead of answering wrongly.
"""

from __future__ import annotations


class Posts(tuple):
    def __new__(cls, posts):
        made = super().__new__(cls, posts)
        made._ids = frozenset(map(id, made))
        return made

    def __contains__(self, page) -> bool:
        return id(page) in self._ids
