"""One build's state, owned in one place: the checked data, the record of uses, the page
rendering now, and what the build writes once every page is known.

`define_env` makes one Build per build (mkdocs serve makes a new one for each rebuild)
and every hook reaches it: mkdocs-macros' through `Build.of(env)`, MkDocs' through the
events object it registers (`events.py`). Nothing is kept between builds.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from material.plugins.blog.structure import View
from mkdocs.exceptions import PluginError

from . import preview
from .checks import front_matter, html_policy, markup_as_text
from .checks.front_matter import FrontMatter
from .checks.lint import lint_pages, unused
from .errors import DataError, DataErrors
from .meta import csp, feed, head, last_change, page_facts
from .meta.feed import FeedEntry
from .options import options
from .pages import article, corrections, listing
from .pages.figures_page import figure_list_pages
from .pages.links import PageLinks
from .pages.long_contents import trimmed
from .pages.sources_page import source_list_pages
from .reading import parse
from .registry.loading import load_registry
from .registry.model import UnknownId
from .render import sandbox
from .render.escape import md_text
from .render.notes import NOTES_HEADING, PageNotes
from .render.template_errors import describe
from .search import index as search_index
from .uses import UseRecord, by_item

log = logging.getLogger("mkdocs.plugins.macros.edition")

EVENTS_NAME = "edition"  # the name the build's MkDocs events go by in config.plugins


def nav_titles(nav) -> dict[str, str]:
    """{page path: its title in mkdocs.yml's nav} ("Essay" for essay.md), where nav names one."""
    titles: dict[str, str] = {}
    for item in nav or []:
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    titles[value] = title
                else:
                    titles.update(nav_titles(value))
    return titles


@dataclass
class PageRender:
    """The page mkdocs-macros is rendering now."""

    src: str  # path under docs/
    name: str  # "docs/essay.md", for messages
    front: FrontMatter
    url: str = ""  # its canonical address, as MkDocs makes it from site_url
    notes: PageNotes = field(default_factory=PageNotes)
    counts: dict[tuple[str, str], int] = field(default_factory=dict)  # (kind, id) -> uses so far

    def next_number(self, kind: str, item_id: str) -> int:
        self.counts[(kind, item_id)] = self.counts.get((kind, item_id), 0) + 1
        return self.counts[(kind, item_id)]


class Build:
    def __init__(self, env):
        self.config = env.conf
        root, self.docs_dir = Path(env.project_dir), Path(env.conf["docs_dir"])
        try:
            self.options = options(env.conf["extra"], env.conf["config_file_path"], self.docs_dir,
                                   env.conf["copyright"])
            self.registry = load_registry(root, self.docs_dir)
        except DataError as error:
            raise PluginError(f"{error}; nothing was built") from None
        except DataErrors as errors:
            raise PluginError(f"{len(errors.errors)} mistake(s) in the data and its uses; nothing was built:\n"
                              f"{errors}") from None
        self.kept: set[str] = set()  # in a preview, the Rundown items it builds (preview.py)
        self.left_out: set[str] = set()
        if self.options.preview:
            self.kept = preview.kept_items(self.docs_dir, self.options.preview)
            self.left_out = preview.left_out(self.docs_dir, self.kept)
            preview.unchecked_links(env.conf)
        mistakes = lint_pages(self.docs_dir, self.registry, skip=self.left_out)
        if mistakes:
            raise PluginError(f"{len(mistakes)} mistake(s) in the pages; nothing was built:\n"
                              + "\n".join(map(str, mistakes)))
        self.site = page_facts.site_of(env.conf)
        self.listing = listing.listing(self.registry, self.options.per_page)
        if self.options.preview:
            self.listing = preview.first_pages(self.listing)
        self.record = UseRecord()
        self.titles = nav_titles(env.conf["nav"])
        self.feed: dict[str, FeedEntry] = {}
        self.search = search_index.SearchIndex(env.conf["theme"]["language"], self.registry.variants)
        self.last_indexed: str | None = None  # the page after which search is given no more
        self.page: PageRender | None = None
        self._rundown: list[article.RundownItem] | None = None
        self.macros: dict = {}
        self.inline = csp.InlineParts()  # every built page's inline scripts and styles
        self.policy_pages: list[str] = []  # pages (under site/) waiting for the site's policy
        self.mistakes = 0  # reported on pages so far: past one, what no page uses is not told
        self.open_comments: dict[str, str] = {}  # page -> "docs/page.md:LINE" of a comment left open
        self.git_days = last_change.git_days(root)  # path -> day of its last commit (sitemap)
        self.source_day = last_change.source_day()  # for a page git knows nothing of
        self.data_day = last_change.data_day(self.git_days, self.source_day)  # the data's version

    @staticmethod
    def of(env) -> Build:
        return env.conf.plugins[EVENTS_NAME].build

    # --- Reporting --------------------------------------------------------------

    def report(self, error: DataError | str) -> None:
        """A warning: `--strict` fails on it, `mkdocs serve` goes on."""
        self.mistakes += 1
        log.warning("%s", error)

    def warn(self, line: int | None, message: str) -> str:
        """Report a mistake on the current page and return a visible marker for it."""
        self.report(DataError(self.page.name, line, None, message))
        return f"**[{md_text(message)}]**"

    def page_line(self, template_line: int | None) -> int | None:
        return None if template_line is None else template_line + self.page.front.body_line - 1

    def describe_template_error(self, error: Exception, page) -> str:
        name = f"{self.docs_dir.name}/{page.file.src_uri}"
        body_line = self.page.front.body_line if self.page and self.page.src == page.file.src_uri else 1
        self.mistakes += 1  # mkdocs-macros logs the message as a warning
        # The message replaces the page: its uses are nowhere in it, and are not mistakes of their own.
        self.record.start_page(page.file.src_uri)
        return describe(error, name, body_line, page.file.content_string)

    # --- mkdocs-macros: each page -----------------------------------------------

    def start_page(self, env) -> None:
        """Before a page's template renders: sandbox it, read its front matter strictly."""
        sandbox.install(env, self.macros)
        page = env.page
        name = f"{self.docs_dir.name}/{page.file.src_uri}"
        try:
            front = front_matter.parse(page.file.content_string, name)
        except DataError as error:
            self.report(error)
            front = FrontMatter()
        for key in front_matter.PROSE:  # MkDocs and Material read their own copy of the fields
            if isinstance(front.meta.get(key), str):
                page.meta[key] = front.meta[key]
        self.page = PageRender(page.file.src_uri, name, front, page.canonical_url or self.site.url)
        self.record.start_page(page.file.src_uri)
        if front.meta.get("template") == article.ARTICLE_TEMPLATE:
            try:
                page.meta.update(article.header_fields(front, self.registry, name))
            except DataError as error:
                self.report(error)

    def finish_page(self, env) -> None:
        """After it renders: append its notes, corrections and citation; give the head
        partial its data; keep its feed entry."""
        notes = self.page.notes.definitions(env.markdown)
        if notes:
            env.markdown += f"\n\n{NOTES_HEADING}\n\n{notes}\n"
        page, meta = env.page, self.page.front.meta
        try:
            facts = page_facts.facts(page, meta, self.site, self.registry)
        except UnknownId as error:
            key = page_facts.ORIGINAL_KEY
            self.warn(self.page.front.line_of(key), f"front matter '{key}': {error}")
            return
        extra = page_facts.appendix(page, meta, env.markdown, facts, self.site)
        if extra:
            env.markdown += "\n\n" + extra + "\n"
        page.meta["reader_head"] = head.head(facts, self.site)
        built_from_others = "{{" in page.file.content_string or isinstance(page, View)
        # MkDocs' sitemap prints update_date, the build day unless set; "" prints none.
        page.update_date = last_change.page_day(page.file.src_uri, facts.modified, built_from_others,
                                                self.git_days, self.source_day) or ""
        page_facts.escape_description(page.meta)
        entry = page_facts.feed_entry(facts)
        if entry:
            self.feed[page.url] = entry

    def preview_banner(self) -> str:
        """What a preview left out, for a banner on every page; "" for the whole site."""
        return preview.banner(len(self.kept), len(self.kept) + len(self.left_out)) if self.options.preview else ""

    def rundown_items(self) -> list[article.RundownItem]:
        """The Rundown items, read from their front matter once a build."""
        if self._rundown is None:
            self._rundown = article.rundown_items(self.docs_dir)
        return self._rundown

    def page_titles(self) -> dict[str, str]:
        return {c.page: corrections.page_title(self.docs_dir, c.page) for c in self.registry.corrections}

    # --- MkDocs: once a page's HTML is made, and once all are -------------------

    def page_content(self, page, html: str) -> None:
        """Hold the page's HTML to the raw-HTML policy; find the markup it publishes as
        text; place its uses in it; trim its contents list."""
        name, source = f"{self.docs_dir.name}/{page.file.src_uri}", page.file.content_string
        policy, as_text = html_policy.PolicyReader(html), markup_as_text.TextReader()
        locator = self.record.locator(page.file.src_uri)
        parse.read(html, policy, as_text, *([locator] if locator else []))  # one parse for all
        for error in html_policy.located(policy.found, source, name) + markup_as_text.mistakes(as_text, source, name):
            if error.message == markup_as_text.COMMENT_LEFT_OPEN:  # MkDocs' anchor check stops there too
                self.open_comments.setdefault(page.file.src_uri, f"{error.file}:{error.line}")
            self.report(error)
        title = self.titles.get(page.file.src_uri) or page.meta.get("title") or page.title
        for error in self.record.place(page.file.src_uri, str(title), locator):
            self.report(error)
        trimmed(page.toc, self.options.contents_limit)

    def fill_listings(self, config, files) -> None:
        """Every page has rendered: report what no page uses (unless a page failed, which
        leaves its figures unused too, or the build is a preview, which leaves pages out),
        then write the figures and sources lists into their pages, make those pages'
        HTML again, and put each entry's body (HTML already) in its place."""
        if not self.mistakes and not self.options.preview:
            for problem in unused(self.registry, self.record.used_ids("fig"), self.record.used_ids("cite")):
                self.report(problem)
        uses = self.record.in_reading_order()
        links: dict[str, PageLinks] = {}

        def href_on(src: str):
            return links.setdefault(src, PageLinks(src, files, config)).href

        written = {"figures": figure_list_pages(self.registry, by_item(uses), self.listing, href_on),
                   "sources": source_list_pages(self.registry, uses, self.listing, href_on)}
        for base, pages in written.items():
            for number, listed in enumerate(pages, 1):
                src = listing.page_src(base, number)
                file = files.get_file_from_path(src)
                mark = listing.listing_mark(base, number)
                if file is None or file.page is None or mark not in (file.page.markdown or ""):
                    continue
                waiting = file.page.markdown
                file.page.markdown = waiting.replace(mark, listed.markdown)
                file.page.render(config, files)
                file.page.content = listed.html(file.page.content)
                file.page.markdown = waiting.replace(mark, listed.written_out())
                links[src].hand_to(file.page)
                trimmed(file.page.toc, self.options.contents_limit)

    def page_policy(self, dest: str, html: str, content: str = "") -> str:
        """Note what the built page `dest` runs or styles inline, and give it the place
        where the site's Content-Security-Policy goes once every page is built."""
        parts = csp.inline_parts(html, content)
        self.inline.scripts += parts.scripts
        self.inline.text_scripts += parts.text_scripts
        self.inline.styles += parts.styles
        self.policy_pages.append(dest)
        return csp.with_placeholder(html, parts)

    def expect_pages(self, files) -> None:
        """Note the last page search is given, in the order MkDocs builds them: the blog's
        index pages come after it and are not indexed, so Pagefind can build the index
        while they are made (half a second at 1,000 Rundown items)."""
        indexed = [file.src_uri for file in files.documentation_pages() if _searched(file.page)]
        self.last_indexed = indexed[-1] if indexed else None

    def page_built(self, page, output: str) -> None:
        """Keep the page as search will read it."""
        if not _searched(page):
            return
        self.search.add(output, page.url, page.meta.get("tags") or [],
                        is_article=page.meta.get("template") == article.ARTICLE_TEMPLATE)
        if page.file.src_uri == self.last_indexed:
            self.search.last_page_added()

    def finish_site(self, site_dir: Path) -> None:
        """Every page is written: index them for search; write the feed and every page's
        Content-Security-Policy."""
        search_written = self.search.write(site_dir)  # Pagefind writes while the rest is written
        csp.write_policy(site_dir, self.policy_pages, csp.policy(csp.allowed_scripts(self.inline),
                                                                 set(self.inline.styles)))
        rss = feed.rss(list(self.feed.values()), title=f"{self.site.name}: Rights Rundown",
                       link=self.site.url + "rundown/", description=self.site.description,
                       self_url=self.site.url + feed.FEED_PATH)
        (site_dir / feed.FEED_PATH).write_bytes(rss)
        search_written()


def _searched(page) -> bool:
    """Whether search indexes `page`: not the blog's index pages, which only repeat the
    items' openings."""
    return not isinstance(page, View)
