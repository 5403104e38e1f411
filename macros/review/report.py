"""The review written down in Markdown: a one-line verdict, then each kind of change.

Every text from a page or the data goes through `_md` (Markdown syntax backslashed) or
into a code span, so that a page's words print as words, in GitHub's rendering and in
the raw file alike. A
section too long for its place (GitHub's step summary takes 1 MiB) is shortened from
its end, and says how much it left out.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field

from ..registry.model import Flag
from ..render.escape import md_raw_text
from ..render.formatting import format_value
from .articles import FigureUse
from .builds import DEFAULT_BRANCH, Built
from .data import NONE, Change, FlagChanges
from .downloads import DownloadChange
from .numbers import TypedNumber
from .other_output import OtherOutput
from .page_weight import FIRST_ROUND_TRIP, HEADERS, ROOM, Weight
from .pages import PageChange

_CONTEXT_WORDS = 12  # words kept on each side of a change inside a long block


@dataclass
class Review:
    """Everything one review found; a part is None when it could not be compared."""

    base: str | None  # how BASE was named; None: the merge base with main
    base_commit: str  # short
    head_commit: str  # short
    uncommitted: list[str]
    base_build: Built | None = None
    head_build: Built | None = None
    data_problems: list[tuple[str, str]] = field(default_factory=list)  # whose data did not load, and why
    figures: list[Change] | None = None
    uses: dict[str, list[tuple[FigureUse | None, FigureUse | None]]] = field(default_factory=dict)
    flags: FlagChanges | None = None
    sources: list[Change] | None = None
    corrections: list[Change] | None = None
    pages: list[PageChange] | None = None
    numbers: list[TypedNumber] = field(default_factory=list)
    downloads: list[DownloadChange] | None = None
    other_output: list[OtherOutput] | None = None  # built files that differ beyond the rest
    weights: list[Weight] | None = None  # the pages whose HTML differs, gzipped


@dataclass
class Section:
    title: str
    intro: list[str]
    items: list[str]  # what may be left out from the end, one Markdown chunk each
    left_out: int = 0


def code(text: str) -> str:
    """Text shown as typed, in a code span long enough for any backticks it holds."""
    fence = "`"
    while fence in text:
        fence += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _plural(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


# Page or data text in review.md, which is read raw as well as rendered.
_md = md_raw_text


def word_diff(before: str, after: str) -> tuple[str, str]:
    """Both texts in Markdown, the words only one has marked (~~gone~~, **new**), and a
    long run of words both share cut down to its ends (its first words, before a change)."""
    old, new = before.split(), after.split()
    out_old, out_new = [], []
    opcodes = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    last = len(opcodes) - 1
    for index, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op != "equal":
            out_old += ["~~" + _md(" ".join(old[i1:i2])) + "~~"] if i2 > i1 else []
            out_new += ["**" + _md(" ".join(new[j1:j2])) + "**"] if j2 > j1 else []
            continue
        shared = [_md(word) for word in old[i1:i2]]
        if last and len(shared) > 2 * _CONTEXT_WORDS + 1:
            shared = (shared[:_CONTEXT_WORDS] if index else []) + ["…"] + \
                (shared[-_CONTEXT_WORDS:] if index < last else [])
        out_old += shared
        out_new += shared
    return " ".join(out_old), " ".join(out_new)


def _was_now(before: str, after: str) -> str:
    """“before” → “after” on one line, the words that differ marked (word_diff)."""
    return "“{}” → “{}”".format(*word_diff(before, after))


_NAMED = 10  # names listed in one line (a download's rows, blocks moved); the rest counted


def _some(names: list[str]) -> str:
    """The first _NAMED of `names`, already Markdown, and how many more there are."""
    return ", ".join(names[:_NAMED]) + (f" and {len(names) - _NAMED} more" if len(names) > _NAMED else "")


def _before_after(before: str | None, after: str | None, indent: str = "  ") -> str:
    if before is None:
        return f"{indent}- new: “{_md(after)}”"
    if after is None:
        return f"{indent}- gone: “{_md(before)}”"
    if before == after:
        return f"{indent}- reads the same: “{_md(after)}”"
    old, new = word_diff(before, after)
    # Two spaces end the line as a line: without them Markdown joins "after:" onto it.
    return f"{indent}- before: “{old}”  \n{indent}  after: “{new}”"


def _heading(before: str | None, after: str | None) -> str:
    """A heading's own change, at its page's level: the blocks under it say "under" it."""
    if before is None:
        return f"  - new heading: “{_md(after)}”"
    if after is None:
        return f"  - heading gone: “{_md(before)}”"
    return f"  - heading: {_was_now(before, after)}"


def _moved(blocks: list) -> str:
    """Blocks that only moved, in one line: their headings, or the first of them."""
    named = [block.after for block in blocks if block.heading] or [blocks[0].after]
    return (f"  - moved, their words the same: {_plural(len(blocks), 'block')}, "
            f"from {_some([f'“{_md(text)}”' for text in named])}")


def _link(text: str, url: str) -> str:
    return f"[{_md(text)}]({url.replace(' ', '%20').replace(')', '%29')})"


def _figure_value(change: Change) -> str:
    figure = change.new or change.old
    return _md(format_value(figure))


def figures_section(review: Review) -> Section:
    if review.figures is None:
        return Section("Figures", [f"Not compared: {_unloaded(review)}."], [])
    items = []
    for change in review.figures:
        head = f"- **{change.kind.capitalize()}** {code(change.id)}, {_md(change.title)}"
        if change.kind != "changed":
            head += f": {_figure_value(change)}"
        lines = [head] + [f"  - {field.name}: " + (_was_now(field.old, field.new) if field.name == "note"
                                                      else f"{_md(field.old)} → {_md(field.new)}")
                          for field in change.fields]
        names = {field.name for field in change.fields}
        if "value" in names and "note" not in names and change.new.note:
            # The note readers read under the new value: written for the old one, it may say it still.
            lines.append(f"  - note, the same (does it hold for the new value?): “{_md(change.new.note)}”")
        if "value" in names and review.corrections is not None and \
                not any(c.kind == "added" for c in review.corrections):
            lines.append("  - no correction is added with it: a value readers have read needs one for each "
                         "page that uses it (CONTRIBUTING.md, “Correct a figure”)")
        uses = review.uses.get(change.id)
        if uses:
            lines.append("  - where the text uses it:" if change.kind == "changed" else "  - used in:")
            for old, new in uses:
                use = new or old
                place = _link(use.place, use.link) if new else _md(use.place) + " (gone)"
                lines.append(f"    - {place}")
                lines.append(_before_after(old.sentence if old else None, new.sentence if new else None, "      "))
        elif change.kind == "changed" and review.pages is None:
            lines.append("  - where the text uses it: not known, since a build failed")
        items.append("\n".join(lines))
    return Section("Figures", [] if items else ["No figure added, removed or changed."], items)


def _flag(flag: Flag) -> str:
    return f"{code(flag.rule)} on {', '.join(map(code, flag.figures))}: {_md(flag.message)} " \
           f"(checked: {_md(flag.measured)})"


def _changed_flag(old: Flag, new: Flag) -> str:
    """The same rule broken on the same figures: its message, or what was checked, or both, changed."""
    lines = [f"- **Changed** {code(new.rule)} on {', '.join(map(code, new.figures))}:"]
    for label, before, after in (("message", old.message, new.message), ("checked", old.measured, new.measured)):
        if before != after:
            lines.append(f"  - {label}: {_was_now(before, after)}")
    return "\n".join(lines)


def flags_section(review: Review) -> Section:
    flags = review.flags
    if flags is None:
        return Section("Editor's flags", ["Not compared: the data did not load."], [])
    items = [f"- **Raised** {_flag(f)}" for f in flags.raised]
    items += [f"- **Cleared** {_flag(f)}" for f in flags.cleared]
    items += [_changed_flag(old, new) for old, new in flags.changed]
    return Section("Editor's flags", [] if items else ["No editor's flag raised or cleared."], items)


def sources_section(review: Review) -> Section:
    if review.sources is None:
        return Section("Sources", ["Not compared: the data did not load."], [])
    items = []
    for change in review.sources:
        source = change.new or change.old
        lines = [f"- **{change.kind.capitalize()}** {code(change.id)}, {_md(change.title)}"]
        if change.kind == "changed":
            lines += [f"  - {f.name}: {_shown(f.old)} → {_shown(f.new)}" for f in change.fields]
        else:
            lines += [f"  - URL: {_shown(source.url)}; archive: {_shown(source.archive_url)}; "
                      f"accessed: {_shown(source.accessed)}"]
        items.append("\n".join(lines))
    return Section("Sources", [] if items else ["No source added, removed or changed."], items)


def _shown(value) -> str:
    """A source's field as typed; a field a source lacks as (none), as data.py tells it."""
    return NONE if value in (None, "", NONE) else code(str(value))


def _page(page) -> str:
    return f"{_link('/' + page.address, page.url)} “{_md(page.title)}”"


# Where readers see what a page's head holds, outside its article.
_SHOWN_IN = {"title": "browser tab, search results", "description": "search results, link previews"}


# The site has no redirects: an address a page left finds nothing.
_GONE = ("its old address now finds no page: links to it from other sites, bookmarks and "
         "citations break")


def _times(count: int) -> str:
    """A change told once for `count` of them."""
    return f" ({count} times)" if count > 1 else ""


def _whole_section(blocks: list, index: int) -> tuple[str, int] | None:
    """A heading new (or gone) with every block under it, as a new figure's entry on the
    figures page is: one line, its blocks' words in order, and the index after them."""
    heading = blocks[index]
    if not heading.heading or (heading.before is None) == (heading.after is None):
        return None
    new = heading.before is None
    title = heading.after if new else heading.before
    end = index + 1
    while end < len(blocks) and not blocks[end].heading and blocks[end].section == title:
        if (blocks[end].before is None) != new:
            return None  # a block under it also in BASE: told block by block
        end += 1
    if end == index + 1:
        return None
    words = " · ".join(_md(block.after if new else block.before) for block in blocks[index + 1:end])
    return f"  - {'new section' if new else 'section gone'}: “{_md(title)}”: “{words}”", end


def pages_section(review: Review) -> Section:
    if review.pages is None:
        failed = [name for name, built in (("BASE", review.base_build), ("the working tree", review.head_build))
                  if built is not None and not built.ok]
        return Section("Pages", [f"Not compared: {' and '.join(failed) or 'a build'} did not build."], [])
    items = []
    for change in review.pages:
        if change.kind == "added":
            items.append(f"- **Added** {_page(change.page)}")
        elif change.kind == "removed":
            items.append(f"- **Removed** /{_md(change.page.address)} “{_md(change.page.title)}”")
            items.append(f"  - {_GONE}")
        else:
            moved = f" (was /{_md(change.old.address)})" if change.kind == "moved" else ""
            items.append(f"- **{change.kind.capitalize()}** {_page(change.page)}{moved}")
            if change.kind == "moved":
                items.append(f"  - {_GONE}")
            items += [f"  - {name} ({_SHOWN_IN[name]}): {_was_now(before, after)}"
                      for name, before, after in change.head]
            if change.anchors_gone:
                items.append(f"  - addresses gone (a link to one from elsewhere now opens the page at its top): "
                             f"{', '.join(code('#' + anchor) for anchor in change.anchors_gone)}")
            moved = [block for block in change.blocks if block.before == block.after]
            if moved:
                items.append(_moved(moved))
            section, after_whole, last, times = None, 0, None, 0
            shown = [block for block in change.blocks if block.before != block.after]
            for index, block in enumerate(shown):
                if index < after_whole:
                    continue
                whole = _whole_section(shown, index)
                if whole:
                    items.append(whole[0])
                    after_whole, last = whole[1], None
                    continue
                if block.heading:
                    items.append(_heading(block.before, block.after))
                    section = last = None
                    continue
                line = _before_after(block.before, block.after, "    " if block.section else "  ")
                if last == block:  # the same change again at once: a chart's bar and its table's cell
                    times += 1
                    items[-1] = line + _times(times)
                    continue
                if block.section != section and block.section:
                    items.append(f"  - under “{_md(block.section)}”:")
                section, last, times = block.section, block, 1
                items.append(line)
    intro = ["Each page's article as readers read it: its text, not its HTML, navigation or lists "
             "of the newest items; and its title and description, as its head gives them."]
    return Section("Pages", intro if items else intro + ["", "No page changes for readers."], items)


def _other_output(output: OtherOutput) -> str:
    """One file, or the pages that changed alike, and the words that changed in each."""
    files = output.files
    head = code(files[0]) if len(files) == 1 else f"{len(files)} pages, {_some([code(name) for name in files])}"
    if not output.words:
        return f"- {head}"
    times = Counter(output.words)  # a menu's section is named in its tab, drawer and sidebar
    lines = [f"- {head}{': in each,' if len(files) > 1 else ':'}"]
    lines += [_before_after(*change) + _times(count)
              for change, count in list(times.items())[:_NAMED]]
    if len(times) > _NAMED:
        lines.append(f"  - and {_plural(len(times) - _NAMED, 'more change')}")
    return "\n".join(lines)


def other_output_section(review: Review) -> Section:
    if review.other_output is None:
        return Section("Other output", ["Not compared: a build failed."], [])
    items = [_other_output(output) for output in review.other_output]
    intro = ["Built files that differ beyond the articles' words and the downloads: a stylesheet, a script, "
             "an image, a page's words outside its article (the navigation, the footer, the search "
             "filters, the front page's newest items), or its HTML with the same words (a link's address, "
             "an image, its markup). Pages that changed alike are named together. "
             "Readers may see these: look at them in the preview."]
    return Section("Other output", intro if items else ["No other built file differs."], items)


def _weight(weight: Weight) -> str:
    if weight.before is None:
        was = "a new page"
    else:
        more = weight.after - weight.before
        was = f"was {weight.before:,}, {abs(more):,} B {'more' if more >= 0 else 'less'}"
    state = "still past it" if weight.was_past and weight.past else "**past it**" if weight.past else "back within it"
    return f"- {code(weight.address)}: {state}, {weight.after:,} B gzipped ({was})"


def first_round_trip_section(review: Review) -> Section:
    title = "A phone's first round trip"
    if review.weights is None:
        return Section(title, ["Not compared: a build failed."], [])
    intro = [f"A phone's first round trip brings {FIRST_ROUND_TRIP:,} B, headers included: {ROOM:,} B for a "
             f"page's HTML, gzipped, beside the {HEADERS} B of headers the bench's host sends (a host that "
             "sends more leaves less). A page past it paints a round trip later, about 150 ms on the phone "
             "`make bench` simulates."]
    told = [weight for weight in review.weights if weight.past or weight.was_past]
    if told:
        return Section(title, intro, [_weight(weight) for weight in told])
    if not review.weights:
        return Section(title, intro + ["", "No page's HTML changed."], [])
    largest = max(review.weights, key=lambda weight: weight.after)
    return Section(title, intro + ["", f"Every page whose HTML changed still comes in it; the largest, "
                                       f"{code(largest.address)}, is {largest.after:,} B gzipped: "
                                       f"{ROOM - largest.after:,} B to spare."], [])


def numbers_section(review: Review) -> Section:
    items = [f"- {code(f'{n.file}:{n.line}')}: “{_md(n.number)}” in “{_md(n.context)}”"
             for n in review.numbers]
    intro = ["Numbers typed into new or changed prose (a page's title and description included), not written "
             "through `data/figures.yml`: "
             "check that none of them is a figure that needs a source (CONTRIBUTING.md)."]
    return Section("Numbers in new or changed prose that are not figures",
                   intro if items else ["No number typed into new or changed prose."], items)


def _correction(change: Change) -> str:
    head = f"- **{change.kind.capitalize()}** {code(change.id)}, {change.title}"
    if change.kind != "changed":
        c = change.new or change.old
        return f"{head}: {_md(c.what)} Why: {_md(c.why)}"
    return "\n".join([head + ":"] + [f"  - {f.name}: {_was_now(f.old, f.new)}"
                                     for f in change.fields])


def corrections_section(review: Review) -> Section:
    if review.corrections is None:
        return Section("Corrections", ["Not compared: the data did not load."], [])
    items = [_correction(change) for change in review.corrections]
    return Section("Corrections", [] if items else ["No correction added, removed or changed."], items)


def downloads_section(review: Review) -> Section:
    if review.downloads is None:
        return Section("Downloads", ["Not compared: a build failed."], [])
    rows = ["| download | rows changed | added | removed | changed | which |", "|---|---|---|---|---|---|"]
    for d in review.downloads:
        if d.missing:
            rows.append(f"| {code(d.file)} | not built {d.missing} | | | | |")
        else:
            which = "; ".join(f"{kind} {_names(keys)}" for kind, keys in
                              (("changed", d.changed), ("added", d.added), ("removed", d.removed)) if keys)
            rows.append(f"| {code(d.file)} | {d.rows} | {len(d.added)} | {len(d.removed)} | {len(d.changed)} "
                        f"| {which} |")
    return Section("Downloads", rows, [])


def _names(keys: tuple[str, ...]) -> str:
    """The rows' keys as code, a table cell's `|` escaped (GitHub splits cells on it even in code)."""
    return _some([code(key).replace("|", "\\|") for key in keys])


def sections(review: Review) -> list[Section]:
    return [figures_section(review), flags_section(review), sources_section(review), pages_section(review),
            numbers_section(review), corrections_section(review), downloads_section(review),
            other_output_section(review), first_round_trip_section(review)]


def _by_kind(changes: list[Change] | None, noun: str) -> list[str]:
    """"1 figure added", "2 figures changed": each kind of change there is, counted."""
    counts = {kind: sum(1 for c in changes or [] if c.kind == kind) for kind in ("added", "removed", "changed")}
    return [f"{_plural(count, noun)} {kind}" for kind, count in counts.items() if count]


def verdict(review: Review) -> str:
    parts = []
    if review.head_build is not None and not review.head_build.ok:
        parts.append("the working tree does not build")
    if review.base_build is not None and not review.base_build.ok:
        parts.append("BASE does not build")
    parts += _by_kind(review.figures, "figure")
    if review.pages:
        parts.append(f"{_plural(len(review.pages), 'page')} change{'s' if len(review.pages) == 1 else ''} for readers")
    if review.flags and review.flags.raised:
        parts.append(_plural(len(review.flags.raised), "new editor's flag"))
    if review.flags and review.flags.cleared:
        parts.append(_plural(len(review.flags.cleared), "editor's flag") + " cleared")
    parts += _by_kind(review.sources, "source")
    parts += _by_kind(review.corrections, "correction")
    if review.numbers:
        parts.append(f"{_plural(len(review.numbers), 'number')} in new prose to check")
    slower = [weight for weight in review.weights or [] if weight.past and not weight.was_past]
    if slower:
        parts.append(f"{_plural(len(slower), 'page')} past a phone's first round trip")
    if review.data_problems:
        parts.append("the data could not be compared")
    if not parts and review.other_output:
        files = sum(len(output.files) for output in review.other_output)
        worded = sum(len(output.files) for output in review.other_output if output.words)
        differ = f"{_plural(files, 'other built file')} differ{'s' if files == 1 else ''}"
        parts.append(f"no article's words or data change, but {differ}, {worded} in words readers see: look at "
                     "Other output" if worded else f"no words or data change, but {differ}: look at the preview")
    text = ", ".join(parts) or "nothing a reader sees changes"
    return text[0].upper() + text[1:]


def _unloaded(review: Review) -> str:
    """"BASE's data does not load", for each tree whose data did not."""
    names = list(dict.fromkeys(name for name, _ in review.data_problems))
    return " and ".join(names) + "'s data does not load"


_LOG_LINES = 200  # of a failed build's log; past that, `make build` prints the rest


def _build_note(name: str, built: Built | None, data_compared: bool) -> list[str]:
    if built is None or built.ok:
        return []
    said = built.mistakes() or built.log.strip()[-2000:].splitlines()
    if len(said) > _LOG_LINES:
        said = said[:_LOG_LINES] + [f"... and {len(said) - _LOG_LINES} more lines: make build prints them all"]
    log = "\n".join(said)
    fence = "````" if "```" in log else "```"
    data = "the data's changes still are" if data_compared else "nor is the data"
    return ["", f"**{name} does not build**, so its pages and downloads are not compared; {data}. "
                "What the build said:", "", fence, log, fence]


def _data_note(name: str, built: Built | None, review: Review) -> list[str]:
    """Why the data is not compared: the tree's mistakes, unless its failed build told them."""
    mistakes = [mistake for whose, mistake in review.data_problems if whose == name]
    if not mistakes:
        return []
    note = f"**{name[0].upper() + name[1:]}'s data does not load**, so the data is not compared"
    if built is not None and not built.ok:
        return ["", note + ": its build says why, above."]
    if name == "BASE" and built is not None:
        # Both registries are read with the working tree's code, which BASE's data may predate.
        note += (". BASE builds, so its data is read wrong here: it is read with the working tree's code, and "
                 "a change to `macros/registry/` or to a schema makes BASE's data look wrong to it")
    return ["", note + ":", ""] + [f"- {code(mistake)}" for mistake in mistakes]


def _base(review: Review) -> str:
    if review.base is None:
        return f"(where HEAD left {code(DEFAULT_BRANCH)}: commit {code(review.base_commit)})"
    if review.base.startswith(review.base_commit):  # named by its commit
        return code(review.base_commit)
    return f"{code(review.base)} (commit {code(review.base_commit)})"


_LISTED_CHANGES = 50  # uncommitted changes named in the header; the rest counted


def header(review: Review) -> list[str]:
    lines = [f"# {verdict(review)}", "",
             f"Compared with BASE {_base(review)}: the working tree "
             f"at commit {code(review.head_commit)}" + (", with uncommitted changes, reviewed as they stand:"
                                                        if review.uncommitted else ".")]
    if review.uncommitted:
        lines += [""] + [f"- {code(line)}" for line in review.uncommitted[:_LISTED_CHANGES]]
        if len(review.uncommitted) > _LISTED_CHANGES:
            lines.append(f"- and {len(review.uncommitted) - _LISTED_CHANGES} more (`git status`)")
    preview = ("The working tree's build is in `site/` (in CI, the `preview` artifact): CONTRIBUTING.md "
               "says how to open it." if review.head_build is None or review.head_build.ok else "")
    lines += ["", f"Both are built as `make build` builds them (strict, every page). {preview}".rstrip()]
    compared = not review.data_problems
    lines += _build_note("BASE", review.base_build, compared) + _build_note("The working tree", review.head_build,
                                                                            compared)
    lines += _data_note("BASE", review.base_build, review) + _data_note("the working tree", review.head_build, review)
    return lines


def _render(head: list[str], parts: list[Section], shortened: bool) -> str:
    lines = list(head)
    if shortened:
        lines += ["", "*This summary is shortened to fit GitHub's limit: each shortened section says what "
                      "it left out; `review.md` in the `preview` artifact has it all.*"]
    for section in parts:
        lines += ["", f"## {section.title}", ""]
        if section.intro:
            lines += section.intro + ([""] if section.items else [])
        lines += section.items
        if section.left_out:
            lines += ["", f"*…and {_plural(section.left_out, 'more entry', 'more entries')} left out here.*"]
    return "\n".join(lines) + "\n"


def markdown(review: Review, limit: int | None = None) -> str:
    """The report; with `limit`, shortened to at most that many bytes of UTF-8."""
    return render(header(review), sections(review), limit)


def render(head: list[str], parts: list[Section], limit: int | None = None) -> str:
    """The header's lines, then each section; with `limit` (bytes of UTF-8), each section
    longer than its share loses entries from its end, the shortest keeping all of theirs."""
    text = _render(head, parts, False)
    if limit is None or len(text.encode()) <= limit:
        return text
    sizes = [sum(len(item.encode()) + 1 for item in s.items) for s in parts]
    fixed = len(_render(head, [Section(s.title, s.intro, [], 1) for s in parts], True).encode())
    budget = max(0, limit - fixed)
    allowance, left = {}, len(parts)
    for index in sorted(range(len(parts)), key=sizes.__getitem__):
        allowance[index] = min(sizes[index], budget // left)
        budget -= allowance[index]
        left -= 1
    shortened = []
    for index, section in enumerate(parts):
        kept, used = [], 0
        for item in section.items:
            used += len(item.encode()) + 1
            if used > allowance[index]:
                break
            kept.append(item)
        shortened.append(Section(section.title, section.intro, kept, len(section.items) - len(kept)))
    return _render(head, shortened, True)
