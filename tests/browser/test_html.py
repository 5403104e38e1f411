"""Every page is valid HTML (Nu validator) and every internal link and anchor resolves."""

from __future__ import annotations

import json
import re
import subprocess
from urllib.error import HTTPError
from urllib.parse import unquote, urldefrag, urljoin, urlsplit
from urllib.request import urlopen

import pytest
from bs4 import BeautifulSoup

# Findings of the Nu validator that come from Material's own templates, each with why it
# is left: (what the message says, a piece of the offending markup, why).
UPSTREAM = [
    ("Attribute “autocomplete” is only allowed when the input type is",
     'type="checkbox" id="__',
     "Material's base.html puts autocomplete=off on its drawer and search toggles so that "
     "Firefox does not restore them checked on back navigation; reported upstream as "
     "squidfunk/mkdocs-material#1513 and kept on purpose."),
    ("The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
     'for="__toc"',
     "Material's partials/toc.html labels the table of contents for the #__toc toggle, which "
     "partials/nav-item.html writes only when the page is itself a nav item; on a section "
     "index page (navigation.indexes, here the Rights Rundown index) the label has no control."),
    ("Bad value “” for attribute “tabindex” on element “label”",
     'tabindex=""',
     "Material's partials/nav-item.html sets tabindex to \"0\" only for items that are not "
     "sections and prints it regardless, so a section label (navigation.sections, here "
     "'The data') gets an empty tabindex; harmless to browsers, invalid to the validator."),
]
# A page made invalid on purpose, validated in the same run, so the check is seen to fail.
BROKEN = '<p id="broken">a paragraph with <div>a block inside</div></p><p id="broken"></p>'


def upstream(message: dict) -> bool:
    return any(text in message.get("message", "") and markup in message.get("extract", "")
               for text, markup, _ in UPSTREAM)


def enforced_policy(message: dict) -> bool:
    """vnu's emulation of the Content-Security-Policy on the files it reads from disk: a
    file: URL has no origin, so 'self' matches none of the site's own files, and it does
    not match inline scripts to their hashes. The policy's syntax is still checked (those
    are "Bad value" errors); what a browser does with it over HTTP, test_csp.py checks."""
    return "violates Content Security Policy (meta tag)" in message.get("message", "")


def findings(messages: list[dict]) -> list[dict]:
    """Errors and warnings (vnu's plain 'info' notes are advice, not findings)."""
    return [m for m in messages
            if (m["type"] == "error" or m.get("subType") == "warning") and not upstream(m)
            and not enforced_policy(m)]


@pytest.fixture(scope="module")
def validated(vnu_jar, site_dir, tmp_path_factory) -> dict[str, list[dict]]:
    """Run the validator once over the whole site plus one broken page: messages per file."""
    broken = tmp_path_factory.mktemp("broken") / "index.html"
    essay = (site_dir / "essay" / "index.html").read_text(encoding="utf-8")
    broken.write_text(essay.replace("</article>", BROKEN + "</article>", 1), encoding="utf-8")
    run = subprocess.run(
        ["java", "-jar", str(vnu_jar), "--format", "json", "--skip-non-html", str(site_dir), str(broken)],
        capture_output=True, text=True, timeout=300)
    report = json.loads(run.stderr)
    per_file: dict[str, list[dict]] = {}
    for message in report["messages"]:
        path = unquote(urlsplit(message.get("url", "")).path)
        per_file.setdefault(path, []).append(message)
    return {"site": [m for p, ms in per_file.items() if p != str(broken) for m in ms],
            "broken": per_file.get(str(broken), []),
            "files": sorted(per_file)}


def test_every_page_passes_the_nu_validator(validated, site_dir):
    assert len(list(site_dir.rglob("*.html"))) >= 2
    problems = [f"{m['url'].split(str(site_dir))[-1]}:{m.get('lastLine')}: {m['message']}"
                for m in findings(validated["site"])]
    assert problems == []


def test_the_validator_catches_a_broken_page(validated):
    messages = [m["message"] for m in findings(validated["broken"])]
    assert any("Duplicate ID “broken”" in m for m in messages), messages
    assert any("“div” not allowed as child of element “p”" in m or "No “p” element in scope" in m
               for m in messages), messages


# -- links ------------------------------------------------------------------------------

LINKS = {"a": "href", "link": "href", "script": "src", "img": "src", "iframe": "src", "source": "src"}


def crawl(start: list[str], origin: str) -> tuple[dict[str, set[str]], list[tuple[str, str]], list[str]]:
    """Fetch every page reachable from `start` on `origin`, never leaving it.

    Returns the ids of each HTML page, every (page, link) within the site, and the
    links that failed to load.
    """
    ids: dict[str, set[str]] = {}
    links: list[tuple[str, str]] = []
    broken: list[str] = []
    seen = set(start)
    queue = list(start)
    while queue:
        url = queue.pop()
        try:
            with urlopen(url, timeout=10) as response:
                kind = response.headers.get_content_type()
                body = response.read()
        except HTTPError as error:
            broken.append(f"{url}: HTTP {error.code}")
            continue
        if kind != "text/html":
            continue
        soup = BeautifulSoup(body, "html.parser")
        ids[url] = {el["id"] for el in soup.find_all(id=True)} | {
            el["name"] for el in soup.find_all("a", attrs={"name": True})}
        for tag, attribute in LINKS.items():
            for element in soup.find_all(tag, attrs={attribute: True}):
                target = urljoin(url, element[attribute])
                if not target.startswith(origin):
                    continue  # another site or a javascript:/mailto: link: never fetched
                links.append((url, target))
                page = urldefrag(target).url
                if page not in seen:
                    seen.add(page)
                    queue.append(page)
    return ids, links, broken


def unresolved(ids: dict[str, set[str]], links: list[tuple[str, str]]) -> list[str]:
    """Links whose #anchor names no element of the page they lead to."""
    missing = []
    for source, target in links:
        page, fragment = urldefrag(target)
        if fragment and page in ids and unquote(fragment) not in ids[page]:
            missing.append(f"{source} -> {target}")
    return missing


def test_every_internal_link_and_anchor_resolves(served_site, site_pages):
    ids, links, broken = crawl([served_site, served_site + "404.html"], served_site)
    assert broken == []
    assert unresolved(ids, links) == []
    # Every page a reader should find is reached by following links from the home page.
    assert {served_site + p for p in site_pages} <= set(ids)


def test_a_missing_anchor_or_page_is_caught(served_site):
    ids = {served_site: {"top"}, served_site + "essay/": {"roots"}}
    links = [(served_site, served_site + "essay/#roots"), (served_site, served_site + "essay/#nowhere")]
    assert unresolved(ids, links) == [f"{served_site} -> {served_site}essay/#nowhere"]
    _, _, broken = crawl([served_site + "no-such-page/"], served_site)
    assert broken == [f"{served_site}no-such-page/: HTTP 404"]
