"""Material's "Skip to content" link, pointed at the start of an article page.

Material's base template links it to the page's first contents entry. An article page
(the essay, each Rundown item) writes its title, credit, summary and opening text in its
own header and first paragraphs, before any heading: the link skipped all of that, to
"Roots of the insurgency" on the essay and to "Sources and notes" on an item. The link
is written outside any block a template can override, so the built page is given the
article's start (overrides/article.html: its header's id) instead.
"""

from __future__ import annotations

import re

ARTICLE_START = "__article"  # the header's id: a name no heading's slug takes
_SKIP = re.compile(r'(<a href=")[^"]*(" class="md-skip">)')


def to_article_start(html: str) -> str:
    """`html` with its skip link on the article's header, if the page has one."""
    if f'id="{ARTICLE_START}"' not in html:
        return html
    return _SKIP.sub(rf"\g<1>#{ARTICLE_START}\g<2>", html, count=1)
