"""The MkDocs events of a build, which mkdocs-macros does not pass to its modules.

`define_env` registers one BuildEvents in the build's plugin collection
(`config.plugins[EVENTS_NAME] = ...`, the way MkDocs registers every plugin and hook),
so these run like a plugin's, after the plugins listed in mkdocs.yml, and reach the
build's state without any module-level variable.
"""

from __future__ import annotations

from pathlib import Path

from material.plugins.blog.structure import Excerpt
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from .blog.excerpt import PostExcerpt
from .blog.posts import Posts
from .checks.front_matter_checks import generated_page_errors
from .downloads.files import FILES, Downloads
from .meta import share_card
from .pages import listing
from .search import index as search_index
from .theme import joined, logo, skip_link, templates


class BuildEvents(BasePlugin):
    def __init__(self, build):
        super().__init__()
        self.build = build

    def on_files(self, files, *, config):
        """Add the figures and sources lists' further pages, the data downloads and the
        share cards as generated files, so MkDocs knows them like any page and `--strict`
        checks every link to them. A preview drops the Rundown items it leaves out (before
        the blog plugin, at priority -50, gathers its posts) and writes no downloads.
        Material's stylesheets and those in `extra_css` become one file, and the scripts
        in `extra_javascript` another (theme/joined.py). The tab's icon is the header's
        logo (theme/logo.py)."""
        css = _parts(files, config, "extra_css", joined.STYLESHEET)
        js = _parts(files, config, "extra_javascript", joined.SCRIPT)
        dropped = self.build.left_out | css.keys() | js.keys()
        # one pass: Files.remove is a list's, slow a thousand times over
        files = Files([f for f in files if f.src_uri not in dropped])
        material = joined.materials_stylesheets(files, palette=bool(config.theme.get("palette")))
        files.append(File.generated(config, joined.STYLESHEET, content=joined.stylesheet({**material, **css})))
        files.append(File.generated(config, joined.SCRIPT, content=joined.script(js)))
        files.append(File.generated(config, logo.tab_icon(config), content=logo.drawing(config)))
        listing_, generated = self.build.listing, {}
        for base in ("figures", "sources"):
            pages = listing_.lists(base)
            for number in range(2, len(pages) + 1):
                src = listing.page_src(base, number)
                if files.get_file_from_path(src) is not None:  # it would be replaced without a word
                    raise PluginError(f"docs/{src}: this name is taken by page {number} of the {base} "
                                      f"list (more than {self.build.options.per_page} entries); rename the page")
                generated[src] = listing.continuation_page(base, number, listing_)
                # Reached from the pager on the page before, not from the navigation.
                files.append(File.generated(config, src, content=generated[src],
                                            inclusion=InclusionLevel.NOT_IN_NAV))
        mistakes = generated_page_errors(generated)
        if mistakes:
            raise PluginError("\n".join(map(str, mistakes)))
        data = Downloads(self.build.registry, listing_.figure_page, self.build.site.url, self.build.site.name,
                         self.build.data_day)
        for path, write in FILES.items() if not self.build.options.preview else ():  # a preview's are stale
            files.append(File.generated(config, path, content=write(data)))
        for path, png in share_card.cards(self.build.site.name).items():
            files.append(File.generated(config, path, content=png))
        return files

    @event_priority(-60)  # just after the blog plugin (-50) has gathered its posts
    def on_nav(self, nav, *, config, files):
        blog = config.plugins.get("material/blog")
        if blog is not None and blog.config.enabled:
            blog.blog.posts = Posts(blog.blog.posts)  # `page in posts` by id (blog/posts.py)
        return nav

    @event_priority(-60)  # just after the blog plugin (-50) has given each post its excerpt
    def on_page_markdown(self, markdown, *, page, config, files):
        excerpt = getattr(page, "excerpt", None)
        if type(excerpt) is Excerpt:
            excerpt.__class__ = PostExcerpt  # the same object, converting less (blog/excerpt.py)
        return markdown

    @event_priority(-100)  # last: the HTML as the reader gets it
    def on_page_content(self, html, *, page, config, files):
        # Before on_page_context, where the theme reads page.toc.
        self.build.page_content(page, html)
        return html

    @event_priority(100)  # first: before anything reads the data pages' HTML
    def on_env(self, env, *, config, files):
        self.build.fill_listings(config, files)
        self.build.expect_pages(files)
        templates.configure(env, config)  # before any template is compiled
        if self.build.options.preview:
            env.bytecode_cache = templates.bytecode_cache()
        env.globals["preview_banner"] = self.build.preview_banner()
        # Every page's tags are known now, before any template renders the search box.
        env.globals["search_filters"] = search_index.all_filters(
            file.page.meta.get("tags") or [] for file in files.documentation_pages() if file.page)
        return env

    @event_priority(-100)  # last: the page as it is written, every inline script in it
    def on_post_page(self, output, *, page, config):
        output = templates.trimmed(skip_link.to_article_start(output))
        self.build.page_built(page, output)
        return self.build.page_policy(page.file.dest_uri, output, page.content or "")

    @event_priority(-100)
    def on_post_template(self, output_content, *, template_name, config):
        if not template_name.endswith(".html"):  # sitemap.xml
            return output_content
        return self.build.page_policy(template_name, templates.trimmed(output_content))  # 404.html

    def on_post_build(self, *, config):
        self.build.finish_site(Path(config["site_dir"]))

    def on_build_error(self, *, error):
        self.build.search.close()


def _parts(files: Files, config, key: str, joined_path: str) -> dict[str, str]:
    """The files mkdocs.yml lists under `key`, {path: text}, in their order; pages link
    `joined_path` in their place from now on."""
    parts = {}
    for entry in config[key]:
        path = str(entry)
        file = files.get_file_from_path(path)
        if file is None:
            raise PluginError(f"mkdocs.yml: {key}: {path} is not a file under docs/ or overrides/; "
                              f"write each entry as the path of one, as the others are written")
        parts[path] = file.content_string
    config[key] = [joined_path]
    return parts
