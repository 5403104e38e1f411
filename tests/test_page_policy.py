"""The page policy on the built site, read as a browser reads it: every page's
Content-Security-Policy allows exactly the inline scripts and styles the site ships,
and the raw-HTML policy passes what the Markdown extensions make."""

from __future__ import annotations

import base64
import hashlib

import pytest

from macros.checks.html_policy import violations
from macros.checks.static_files import svg_errors


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def directives(policy: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_every_page_carries_a_policy_before_any_script_allowing_its_inline_parts(site):
    pages = sorted(site.site.rglob("*.html"))
    assert pages
    for path in pages:
        soup = site.html(str(path.relative_to(site.site)))
        metas = soup.select('meta[http-equiv="Content-Security-Policy"]')
        assert len(metas) == 1, path
        policy = directives(metas[0]["content"])
        first_script = soup.find("script")
        assert metas[0].sourceline < first_script.sourceline, f"{path}: a script comes before the policy"
        assert "'unsafe-inline'" not in metas[0]["content"] and "'unsafe-eval'" not in metas[0]["content"]
        assert policy["script-src"][:2] == ["'self'", "'wasm-unsafe-eval'"]
        assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
        inline = [s.string or "" for s in soup.find_all("script") if not s.get("src")
                  and s.get("type") in (None, "text/javascript", "module")]
        assert {sha256(text) for text in inline} <= set(policy["script-src"]), path
        styles = {sha256(tag["style"]) for tag in soup.select("[style]")}
        assert styles <= set(policy.get("style-src", [])), path


@pytest.mark.parametrize("html", [
    '<abbr title="Syrian Democratic Forces">SDF</abbr>',
    '<sup id="fnref:fig-a"><a class="footnote-ref" href="#fn:fig-a">1</a></sup>',
    '<div class="front" markdown="1"><section aria-label="x"><p>Text</p></section></div>',
    '<a href="https://www.hrw.org/news">HRW</a> <a href="mailto:editor@example.org">mail</a> <a href="../essay/#x">x</a>',
    '<img src="../assets/logo.svg" alt="logo">',
    '<table><tr><td style="text-align: right;">1</td></tr></table>',
    '<svg viewBox="0 0 10 10" role="img"><title>t</title><rect width="1" height="1"/></svg>',
])
def test_what_the_markdown_extensions_make_passes(html):
    assert violations(html) == []


def test_a_script_in_a_pages_own_text_gets_no_hash():
    """The second line of defence: were a script to slip past the build's checks into a
    page's text, the policy would not allow it; the theme's own inline scripts it allows."""
    from macros.meta.csp import inline_parts, policy

    content = '<p>Text</p><script>window.slipped = 1</script><td style="text-align: right;">1</td>'
    html = (f'<html><head><meta charset="utf-8"><script>var __md_scope = 1</script></head>'
            f'<body><article>{content}</article></body></html>')
    parts = inline_parts(html, content)
    allowed = directives(policy(set(parts.scripts), set(parts.styles)))
    assert sha256("var __md_scope = 1") in allowed["script-src"]
    assert sha256("window.slipped = 1") not in allowed["script-src"]
    assert sha256("text-align: right;") in allowed["style-src"]


def test_a_script_in_a_pages_text_gets_no_hash_where_the_theme_repeats_it():
    """The blog's index repeats a post's excerpt outside its own text: a script that
    slipped into the post is still allowed nowhere, since the policy is one for the site."""
    from macros.meta.csp import InlineParts, allowed_scripts, inline_parts

    excerpt = '<p>Text</p><script>window.slipped = 1</script>'
    post = inline_parts(f'<html><head><script>var __md_scope = 1</script></head><body>{excerpt}</body></html>',
                        excerpt)
    index = inline_parts(f'<html><head><script>var __md_scope = 1</script></head><body><article>{excerpt}'
                         '</article></body></html>', "")
    site = InlineParts(scripts=post.scripts + index.scripts, text_scripts=post.text_scripts + index.text_scripts)
    assert "window.slipped = 1" in index.scripts  # the index alone cannot tell the excerpt from the theme
    assert allowed_scripts(site) == {"var __md_scope = 1"}


DRAWING = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">
  <style><![CDATA[ .land { fill: #ccc; } ]]></style>
  <defs><path id="river" d="M0 0L10 10"/></defs>
  <use xlink:href="#river" style="stroke: blue"/>
  <a href="https://www.hrw.org/"><text x="1" y="5">HRW</text></a>
</svg>
"""


def test_a_drawing_as_a_drawing_program_saves_it_passes():
    """Its styles, its CDATA, its own references and a link out are a drawing's, not a risk."""
    assert svg_errors(DRAWING, "docs/assets/map.svg") == []


@pytest.mark.parametrize("change, line, words", [
    ('<use xlink:href="#river"', 6, '<use xlink:href="https://example.org/a.svg#river"'),
    ('<a href="https://www.hrw.org/">', 7, '<a href="javascript:alert(1)">'),
    ("</svg>", 8, "<foreignObject><iframe xmlns='http://www.w3.org/1999/xhtml' src='x.html'/></foreignObject></svg>"),
    ("</svg>", 8, "</svg"),
])
def test_a_drawing_that_runs_fetches_or_cannot_be_read_is_told_at_its_line(change, line, words):
    found = svg_errors(DRAWING.replace(change, words), "docs/assets/map.svg")
    assert [error.line for error in found] == [line], found


@pytest.mark.parametrize("html, words", [
    ("<p>Read <www.hrw.org/report> now</p>", "is not an element a browser knows, so it hides the tag and the address"),
    ("<p>The <unnamed> official</p>", "<unnamed> is not an element a browser knows"),
    ("<center>Text</center>", "<center> is an element HTML has dropped"),
])
def test_a_name_in_angle_brackets_that_is_no_element_is_told(html, words):
    assert [v.message for v in violations(html) if words in v.message], violations(html)


def test_a_custom_element_and_the_markdown_extensions_elements_pass():
    assert violations("<my-widget>x</my-widget><details><summary>s</summary><mark>m</mark></details>") == []
