"""The one policy for the HTML a page's text makes, enforced at build with file:line.

Markdown lets a page carry raw HTML, and Python-Markdown passes it through: a Rundown
item could publish `<script>`, `<img onerror>`, a `javascript:` link, an `<iframe>`,
a form, or an image from another host. This reads each page's HTML as Python-Markdown
made it (with the standard library's HTML parser, not patterns) and refuses:

- elements that run, embed or submit: script, iframe, object, embed, form and the rest;
- event-handler attributes (onclick=, onerror=, ...);
- `javascript:`, `vbscript:` and `data:` addresses in links and sources, and in an SVG
  animation that sets a link's address;
- `rel="opener"`, which hands the page a link opens the reader's tab;
- anything the browser would load from another host (src, srcset, poster, an SVG
  image's href, ...), addresses read as a browser reads them (`\\host` is `//host`);
- any style but the tables' alignment (a style could cover the page with a link);
- comment openings a browser ends sooner than this parser (`<!-->`, `<![CDATA[`);
- a name in angle brackets that is no element (`<www.hrw.org/report>`): the browser hides it.

What the Markdown extensions need (md_in_html blocks, abbr, sup, footnotes, tables,
attribute lists, SVG charts) passes. Whatever slips through still cannot run: every page
carries a Content-Security-Policy (meta/csp.py).
"""

from __future__ import annotations

import html as html_text
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..errors import DataError
from ..reading.parse import Reader, read
from .macro_calls import position

# Elements no page's text may hold, and why (the end of each message).
FORBIDDEN = {
    **dict.fromkeys(("script", "noscript"), "no page may run a script the site does not ship"),
    **dict.fromkeys(("iframe", "frame", "frameset", "object", "embed", "applet", "portal"),
                    "no page embeds content from elsewhere; link to it instead"),
    **dict.fromkeys(("form", "input", "button", "select", "textarea"), "the site takes no input from readers"),
    "style": "the page's styles are the theme's: put styles in docs/stylesheets/",
    "link": "the page's stylesheets and links in its head are the theme's: link to a page in the text instead",
    **dict.fromkeys(("base", "meta"), "the page's head is the theme's: a <base> or <meta> in the text could "
                                      "send readers or its links elsewhere"),
}
# The elements a browser knows (HTML's, SVG's and MathML's, lowered as the parser reads
# them). Any other name in angle brackets is hidden with the words it holds: an address
# written <www.hrw.org/report> vanished from the page, and so would "the <unnamed> official".
HTML_ELEMENTS = set("""a abbr address area article aside audio b base bdi bdo blockquote body br button canvas
    caption cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd
    label legend li link main map mark menu meta meter nav noscript object ol optgroup option output p
    picture pre progress q rp rt ruby s samp script search section select slot small source span strong
    style sub summary sup table tbody td template textarea tfoot th thead time title tr track u ul var
    video wbr frame frameset applet portal""".split())
SVG_ELEMENTS = set("""svg a animate animatemotion animatetransform circle clippath defs desc ellipse
    feblend fecolormatrix fecomponenttransfer fecomposite feconvolvematrix fediffuselighting
    fedisplacementmap fedistantlight fedropshadow feflood fefunca fefuncb fefuncg fefuncr fegaussianblur
    feimage femerge femergenode femorphology feoffset fepointlight fespecularlighting fespotlight fetile
    feturbulence filter foreignobject g image line lineargradient marker mask metadata mpath path pattern
    polygon polyline radialgradient rect set stop switch symbol text textpath title tspan use view""".split())
MATHML_ELEMENTS = set("""math maction annotation annotation-xml menclose merror mfenced mfrac mi mmultiscripts
    mn mo mover mpadded mphantom mprescripts mroot mrow ms mspace msqrt mstyle msub msubsup msup mtable
    mtd mtext mtr munder munderover none semantics""".split())
KNOWN_ELEMENTS = HTML_ELEMENTS | SVG_ELEMENTS | MATHML_ELEMENTS
# Elements HTML has dropped, which browsers still draw their own way.
OBSOLETE = set("""acronym basefont bgsound big blink center dir font isindex keygen listing marquee menuitem
    multicol nextid nobr noembed noframes plaintext rb rtc spacer strike tt xmp""".split())
# Attributes holding an address; those a browser fetches by itself must stay on this site.
ADDRESSES = {"href", "src", "srcset", "action", "formaction", "poster", "data", "background", "cite",
             "xlink:href", "ping", "longdesc", "imagesrcset", "attributionsrc"}
FETCHED = {"src", "srcset", "poster", "data", "background", "imagesrcset", "ping", "attributionsrc"}
# SVG elements that fetch what their href names, as an <img> fetches its src.
SVG_FETCHING = {"image", "feimage", "use"}
# The one style a page's text may carry: the alignment Python-Markdown's tables write.
_TABLE_ALIGN = re.compile(r"text-align:\s*(left|right|center);?")
SCRIPTED_SCHEMES = {"javascript", "vbscript", "data"}
# SVG elements that set another attribute over time: on a link's href, each value they
# give is an address, as if written in the href itself.
SVG_ANIMATING = {"animate", "set"}
ANIMATED_VALUES = ("from", "to", "values")
# Openings a browser ends sooner than Python 3.11's parser does: `<!-->` and `<!--->` end
# the comment at once, `<![` (outside SVG) at the first `>`. Read here as one comment or
# section, what follows them would be live markup in a browser, a script included.
_CUT_SHORT = re.compile(r"<!---?>|<!\[")
LINK_SCHEMES = {"", "http", "https", "mailto"}


# Where an opener in a rel attribute stands in a page's source (lowered), whatever its quotes.
_REL_OPENER = re.compile(r"""\brel\s*=\s*["']?[^"'>]*?\b(opener)\b""")


@dataclass(frozen=True)
class Violation:
    message: str
    needle: str | re.Pattern  # what to look for in the page's source to find its line (its group 1)


def _address(value: str) -> str:
    """An address as a browser reads it: tabs and newlines inside, and spaces and
    control characters around it, ignored."""
    if "\t" in value or "\n" in value or "\r" in value:
        value = value.replace("\t", "").replace("\n", "").replace("\r", "")
    value = value.replace("\\", "/")  # in a web address a browser reads \ as /: \\host is //host
    return value.strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14"
                       "\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")


def _scheme(address: str) -> str:
    if address.startswith("#"):  # a place on this page ("#fn:1"), whatever follows
        return ""
    return urlsplit(address).scheme.lower() if ":" in address.split("/", 1)[0] else ""


def _address_problem(tag: str, name: str, value: str, fetched: bool) -> Violation | None:
    urls = [part.strip().split(" ")[0] for part in value.split(",")] if name.endswith("srcset") else [value]
    for written in urls:
        url = _address(written)
        scheme = _scheme(url)
        if scheme in SCRIPTED_SCHEMES or scheme not in LINK_SCHEMES:
            return Violation(f"<{tag} {name}=\"{scheme}:…\">: a {scheme}: address can run a script or hide "
                             "content; link to an http(s) address or a page of this site", f"{scheme}:")
        if fetched and (scheme or url.startswith("//")):
            host = urlsplit(url).hostname or url
            return Violation(f"<{tag} {name}=\"{url}\"> loads from another site ({host}), which readers' "
                             "browsers never ask for anything: copy the file into docs/assets/ and use it "
                             "from there", written.strip() or url)
    return None


def _unknown(tag: str) -> str:
    if tag in OBSOLETE:
        return (f"<{tag}> is an element HTML has dropped: the page's look is the theme's. Write the text "
                "in Markdown (**bold**, *italic*, `code`)")
    if "." in tag or "/" in tag:
        return (f"<{tag}…> is not an element a browser knows, so it hides the tag and the address in it: "
                f"write a link with its scheme, <https://{tag}…>, or [words](https://{tag}…)")
    return (f"<{tag}> is not an element a browser knows, so it hides the tag: to show angle brackets as "
            f"text, write &lt;{tag}&gt;")


class PolicyReader(Reader):
    """What breaks the policy in `html`, as it is read (`reading/parse.py: read`); what
    the parser would misread is found before it reads."""

    def __init__(self, html: str, own_styles: bool = False):
        self.found: list[Violation] = []
        self.own_styles = own_styles  # an SVG file's fills and strokes (static_files.py)
        for cut in _CUT_SHORT.finditer(html):
            ends = "ends at once" if cut[0].startswith("<!--") else "ends at the first >"
            self.found.append(Violation(f"{cut[0]} {ends} in a browser, so what follows it would be markup "
                                        "there, not a comment: write a comment as <!-- text -->", cut[0]))

    def handle_starttag(self, tag, attrs):
        if tag not in KNOWN_ELEMENTS and "-" not in tag:  # a custom element's name has a hyphen
            self.found.append(Violation(_unknown(tag), f"<{tag}"))
            return
        if tag in FORBIDDEN and not (tag == "style" and self.own_styles):
            self.found.append(Violation(f"<{tag}> is not allowed in a page: {FORBIDDEN[tag]}", f"<{tag}"))
            return
        if tag in SVG_ANIMATING and (dict(attrs).get("attributename") or "").lower() in ("href", "xlink:href"):
            self._animated_addresses(tag, attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(Violation(f"<{tag} {name}=…>: an event-handler attribute runs a script; "
                                            f"remove {name}=", name))
            elif name == "style" and value and not self.own_styles and not _TABLE_ALIGN.fullmatch(value.strip()):
                self.found.append(Violation(f"<{tag} style=\"…\">: a page's own style can cover the page or load "
                                            "from elsewhere: put styles in docs/stylesheets/", "style="))
            elif name == "rel" and value and "opener" in value.lower().split():
                self.found.append(Violation(f"<{tag} rel=\"{value}\">: rel=\"opener\" lets the page it opens move "
                                            "the reader's tab to another address: take out opener", _REL_OPENER))
            elif name in ADDRESSES and value is not None:
                fetched = name in FETCHED or tag in SVG_FETCHING and name in ("href", "xlink:href")
                problem = _address_problem(tag, name, value, fetched)
                if problem:
                    self.found.append(problem)

    def _animated_addresses(self, tag, attrs):
        for name, value in attrs:
            if name in ANIMATED_VALUES and value:
                problems = (_address_problem(tag, name, part, False) for part in value.split(";"))
                self.found.extend(problem for problem in problems if problem)


def violations(html: str) -> list[Violation]:
    """What in `html` (a page's content, as Python-Markdown made it) breaks the policy."""
    reader = PolicyReader(html)
    read(html, reader)
    return reader.found


def located(found: list[Violation], source: str, name: str) -> list[DataError]:
    """Each violation with the line and column in the page's source (`name`, docs/...)
    where its text first stands, or the line where it stands spelt with character
    references (`jav&#97;script:`), as the parser read it."""
    if not found:  # most pages: no need to look at the source
        return []
    lowered, errors = source.lower(), []
    for violation in found:
        at = _offset(violation.needle, lowered)
        if at != -1:
            line, column = position(source, at)
        else:
            line, column = _line_read_as(source, violation.needle), None
        errors.append(DataError(name, line, column, violation.message))
    return errors


def _offset(needle: str | re.Pattern, lowered: str) -> int:
    if isinstance(needle, re.Pattern):
        match = needle.search(lowered)
        return match.start(1) if match else -1
    return lowered.find(needle.lower())


def _line_read_as(source: str, needle: str | re.Pattern) -> int | None:
    """The first line of `source` that holds `needle` once its character references are
    read (a reference never spans lines), and tabs taken out, as in an address."""
    if isinstance(needle, re.Pattern):  # found in the source as written, or not at all
        return None
    needle = needle.lower()
    for number, line in enumerate(source.split("\n"), 1):
        if "&" in line and needle in html_text.unescape(line).replace("\t", "").lower():
            return number
    return None
