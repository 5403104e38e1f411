"""Synthetic Rights Rundown items for the benchmark, and the same pages without macros.

Pure functions: the bench (bench/run.py) writes their output into a temporary copy of
the project, never into the project itself. Items are built from the essay's own
sentences (tests/seed/article.txt) with a seeded random generator, so every run and
every machine gets the same text, of the length of a real Rundown item.
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta

FIGURES_PER_ITEM = 5
WORDS_PER_ITEM = 260          # the two real items run 170-200 words, plus summary and notes
COUNTRIES = ("Lebanon", "Tunisia", "Iraq", "Syria", "Egypt", "Jordan", "Libya", "Morocco")
TOPICS = ("Impunity", "Detention", "Judicial independence", "Press freedom", "Displacement")

# Five figures an item cites, one of each kind the data allows: (format, unit, value, pattern).
_KINDS = (
    ("number", "people", lambda r: r.randrange(1_000, 90_000), None),
    ("compact", "people", lambda r: r.randrange(1_000_000, 9_000_000), None),
    ("percent", "percent", lambda r: r.randrange(5, 95), None),
    ("spelled", "years", lambda r: r.randrange(2, 9), None),
    ("date", "date", lambda r: (date(2020, 1, 1) + timedelta(days=r.randrange(900))).isoformat(),
     "MMMM d, yyyy"),
)


def sentences(seed_text: str) -> list[str]:
    """The essay's sentences (paragraphs of 20 words or more: no titles or teasers)."""
    found = []
    for paragraph in re.split(r"\n\s*\n", seed_text):
        if len(paragraph.split()) >= 20:
            # A full stop after a lower-case letter ends a sentence; "U.S. forces" does not.
            found += re.split(r"(?<=[a-z][.!?])\s+(?=[A-Z])", " ".join(paragraph.split()))
    # No digits: the typed-in-number check would (rightly) reject a bare figure.
    return [s for s in found if len(s.split()) >= 8 and not re.search(r"\d", s)]


def item_id(i: int) -> str:
    return f"syn-{i:04d}"


def letters(i: int) -> str:
    """0 -> a, 25 -> z, 26 -> ba: an item's name in its title, since the typed-in-number
    check rejects bare numbers in the text."""
    out = ""
    while True:
        out = chr(ord("a") + i % 26) + out
        i //= 26
        if not i:
            return out


def figure_id(i: int, k: int) -> str:
    return f"{item_id(i)}-{k}"


def figures_yaml(n: int) -> str:
    """YAML entries (indented to sit under `figures:`) for the five figures of each item."""
    out = []
    for i in range(n):
        rng = random.Random(i)
        for k, (fmt, unit, make, pattern) in enumerate(_KINDS, start=1):
            value = make(rng)
            shown = f'"{value}"' if isinstance(value, str) else str(value)
            lines = [f"  {figure_id(i, k)}:",
                     f"    label: Synthetic figure {k} of benchmark item {i}",
                     f"    value: {shown}",
                     f"    unit: {unit}",
                     f"    format: {fmt}"]
            if pattern:
                lines.append(f'    pattern: "{pattern}"')
            # A date holds as of itself, as the real data's events do (an earlier as_of
            # is refused).
            as_of = value if unit == "date" else "2022-02-01"
            lines += [f'    written: "{value}"',
                      f'    as_of: "{as_of}"',
                      f"    sources: [{item_id(i)}]",
                      f"    scope: Synthetic scope of benchmark item {i}"]
            if k == 1:
                lines.append("    note: >-\n      A synthetic editor's note, as the real figures carry"
                             " where the essay and its source differ.")
            out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


def sources_yaml(n: int) -> str:
    """YAML entries (indented to sit under `sources:`): one report per item."""
    return "\n".join(
        f"  {item_id(i)}:\n"
        f'    title: "Synthetic report {i} on rights in {COUNTRIES[i % len(COUNTRIES)]}"\n'
        f"    publisher: Synthetic Monitor\n"
        f"    author: A. Researcher\n"
        f'    date: "2022-02-01"\n'
        f"    url: https://example.org/reports/{i}\n"
        f'    accessed: "2026-11-25"\n'
        f"    kind: report\n"
        for i in range(n)
    )


def item_markdown(i: int, prose: list[str]) -> str:
    """One Rundown item: front matter, title, summary, excerpt marker, ~260 words, 5 figures."""
    rng = random.Random(10_000 + i)
    country = COUNTRIES[i % len(COUNTRIES)]
    day = date(2022, 2, 5) - timedelta(days=i)
    words, body = 0, []
    while words < WORDS_PER_ITEM:
        sentence = rng.choice(prose)
        body.append(sentence)
        words += len(sentence.split())
    # Put the five figures into the prose, one after each of five sentences.
    for k in range(1, FIGURES_PER_ITEM + 1):
        at = k * len(body) // (FIGURES_PER_ITEM + 1)
        body[at] = body[at].rstrip(".!?") + f", {{{{ fig('{figure_id(i, k)}') }}}}."
    summary = f"A synthetic item on {country}, generated for the benchmark."
    return (
        "---\n"
        f'title: "{country}: synthetic Rundown item {letters(i)}"\n'
        f"slug: {item_id(i)}\n"
        f"date: {day.isoformat()}\n"
        f"description: {summary}\n"
        f"tags:\n  - {country}\n  - {TOPICS[i % len(TOPICS)]}\n"
        "---\n\n"
        f"# {country}: synthetic Rundown item {letters(i)}\n\n"
        f"**This edition’s summary:** {summary}\n{{ .edition-summary }}\n\n"
        "<!-- more -->\n\n"
        + " ".join(body[: len(body) // 2]) + "\n\n" + " ".join(body[len(body) // 2:]) + "\n"
    )


def add_to_data(text: str, key: str, entries: str) -> str:
    """`text` (a data file) with `entries` appended to its top-level `key:` mapping.

    Both data files hold a single top-level mapping, so appending at the end of the
    file puts the entries inside it.
    """
    if not re.search(rf"^{key}:\s*$", text, re.M):
        raise ValueError(f"no top-level '{key}:' in the data file")
    return text.rstrip("\n") + "\n\n" + entries


def with_body(page_text: str, body: str) -> str:
    """`page_text` (a Markdown file) with everything after its front matter replaced by `body`."""
    match = re.match(r"---\n.*?\n---\n", page_text, re.S)
    return (match.group(0) + "\n" if match else "") + body


def with_hook(mkdocs_yml: str, hook: str) -> str:
    """mkdocs.yml with `hook` added to its `hooks:` list (or a new list)."""
    if re.search(r"^hooks:\s*$", mkdocs_yml, re.M):
        return re.sub(r"^hooks:\s*$", f"hooks:\n  - {hook}", mkdocs_yml, count=1, flags=re.M)
    return mkdocs_yml.rstrip("\n") + f"\n\nhooks:\n  - {hook}\n"


def without_macros(mkdocs_yml: str) -> str:
    """mkdocs.yml with the macros entry of `plugins:` (and its indented options) removed."""
    out, section, skipping, removed = [], None, False, False
    for line in mkdocs_yml.splitlines(keepends=True):
        top = re.match(r"^([A-Za-z_]+):", line)
        if top:
            section = top.group(1)
        if section == "plugins" and re.match(r"^  - macros\b", line):
            skipping = removed = True
            continue
        if skipping and (line.startswith("      ") or not line.strip()):
            continue
        skipping = False
        out.append(line)
    if not removed:
        raise ValueError("no macros plugin found under plugins: in mkdocs.yml")
    return "".join(out)


def stock_material(mkdocs_yml: str) -> str:
    """mkdocs.yml of the no-macros variant reduced to stock Material and its blog: no
    overrides, logo, extra CSS or scripts, hooks or tags plugin, and Material's own search
    plugin; Material's features and its other icons as ours (they are its configuration). The floor this stack
    sets for the same Markdown, built without --strict."""
    dropped = []
    for pattern in (r"^  custom_dir: .*\n", r"^    logo: .*\n", r"^  favicon: .*\n",
                    r"^extra_css:\n(?:  - .*\n)+", r"^extra_javascript:\n(?:  - .*\n)+", r"^  - tags\n",
                    r"^hooks:\n(?:  - .*\n)+"):
        mkdocs_yml, count = re.subn(pattern, "", mkdocs_yml, flags=re.M)
        if not count:
            dropped.append(pattern)
    if dropped:
        raise ValueError(f"mkdocs.yml no longer has what the stock variant removes: {dropped}")
    # Stock Material searches with its own plugin (this site uses Pagefind instead).
    return re.sub(r"^plugins:\n", "plugins:\n  - search\n", mkdocs_yml, count=1, flags=re.M)


def stock_page(page_text: str) -> str:
    """A page's Markdown without its `template:` (the article template is ours)."""
    return re.sub(r"(?m)^template: .*\n", "", page_text, count=1)


# The data lists' further pages (figures-2.md, ...), generated by macros/events.py.
CONTINUATION = re.compile(r"(figures|sources)-\d+\.md")


def with_continuations_as_files(mkdocs_yml: str) -> str:
    """mkdocs.yml for the no-macros variant, whose further data pages are files in docs/
    (their Markdown as the macros wrote it), kept out of the navigation as the generated
    ones are."""
    return mkdocs_yml.rstrip("\n") + '\n\nnot_in_nav: |\n  /figures-*.md\n  /sources-*.md\n'
