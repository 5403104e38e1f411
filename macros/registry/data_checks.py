"""What the schemas cannot say about the data: references, calendars, ranges, values by unit.

Each check returns a list of DataError located at the offending key, so that every
mistake is reported in one run. The consistency rules between figures that readers
see as editor's flags (data/rules.yml) are evaluated in `rules.py`; here is only
whether each rule names figures that exist and fit it.
"""

from __future__ import annotations

import posixpath
from collections.abc import Hashable, Iterable, Iterator
from datetime import date
from urllib.parse import urlsplit

from babel.dates import format_date

from ..errors import DataError, did_you_mean
from ..render.formatting import LOCALE
from .model import SOURCE_KINDS, PartialDate
from .schemas import dotted, locate
from .value_checks import date_problem, figure_value_problems, first_day, number_problem
from .yaml_strict import Marks


def _dates_in(figure: dict) -> list[tuple[tuple, str]]:
    """Every date-looking string of a figure, with its path below the figure."""
    found = []
    value = figure.get("value")
    bounds = value.items() if isinstance(value, dict) else [(None, value)]
    for bound, v in bounds:
        if isinstance(v, str):
            found.append((("value",) + ((bound,) if bound else ()), v))
    if isinstance(figure.get("as_of"), str):
        found.append((("as_of",), figure["as_of"]))
    return found


# CLDR pattern letters that need a day (d, and the weekday: E, e, c) or a month (M, L) in the value.
_NEEDS = {"day": set("dEec"), "month": set("ML")}


def _pattern_fields(pattern: str) -> set[str]:
    """Pattern letters outside quoted literals ('late' MMMM -> {'M'})."""
    letters, quoted = set(), False
    for char in pattern:
        if char == "'":
            quoted = not quoted
        elif not quoted and char.isalpha():
            letters.add(char)
    return letters


# The CLDR letters this edition writes a date with: year, month, day, weekday. The others
# write what a figure's date does not say (a quarter, a week, a time zone, 'Q1 2003' for
# a year) or nothing at all.
_WRITTEN = set("yMLdEec")


def _pattern_problem(pattern: str) -> str | None:
    """Why a date cannot be written with `pattern`, if it cannot: a quote left open (the
    rest prints as it stands, and the figure as nothing), letters other than the year,
    month, day and weekday's, none of those, or a pattern babel refuses (it would stop the
    build with a traceback)."""
    letters = _pattern_fields(pattern)
    if pattern.replace("''", "").count("'") % 2:
        return (f"pattern '{pattern}' leaves a quote open, and prints all after it as it stands: close "
                "it, or write '' for an apostrophe")
    if letters - _WRITTEN:
        return (f"pattern '{pattern}' uses {', '.join(sorted(letters - _WRITTEN))}, which write no year, "
                "month, day or weekday: write the date with y, M, d and E, as 'MMMM yyyy' or 'd MMMM yyyy'")
    if not letters:
        return (f"pattern '{pattern}' writes no part of the date: use CLDR's letters outside quotes, "
                "as 'MMMM yyyy' (text between ' ' is printed as it stands)")
    try:
        format_date(date(2000, 1, 1), pattern, locale=LOCALE)
    except (ValueError, KeyError, AttributeError, TypeError) as error:
        return (f"pattern '{pattern}' is not a date pattern babel can write ({error}): use CLDR's date "
                "letters, as 'MMMM yyyy' or 'd MMMM yyyy'")
    return None


class _Found(list):
    """DataErrors of one file, each located at a YAML path."""

    def __init__(self, file: str, marks: Marks):
        super().__init__()
        self.file, self.marks = file, marks

    def add(self, path: tuple, message: str) -> None:
        line, column = locate(self.marks, path)
        self.append(DataError(self.file, line, column, f"{dotted(path)}: {message}"))


def _repeated(keyed: Iterable[tuple[Hashable, Hashable, tuple]],
              marks: Marks) -> Iterator[tuple[tuple, Hashable, int]]:
    """For each (key, name, path) whose key an earlier one has: its path, the earlier one's
    name and the line where the earlier one stands."""
    first: dict[Hashable, tuple[Hashable, tuple]] = {}
    for key, name, path in keyed:
        same, at = first.setdefault(key, (name, path))
        if at != path:
            yield path, same, locate(marks, at)[0]


# A date and a percentage each have the one format that writes them as such, and that
# format writes nothing else: unit -> what its format writes.
_OWN_FORMAT = {"date": "a date", "percent": "a percentage"}


def figure_errors(figures: dict, sources: dict, fig_marks: Marks, fig_file: str,
                  src_file: str, today: date) -> list[DataError]:
    """Each figure's sources exist; its dates are on the calendar and not after `today`;
    its value fits its unit, and its format writes that unit; a range has two different
    ends; only a date is an event or has a pattern; its range, format and pattern agree
    with its value."""
    found = _Found(fig_file, fig_marks)
    for fid, fig in figures.items():
        base = ("figures", fid)
        for i, sid in enumerate(fig.get("sources") or []):
            if sid not in sources:
                hint = did_you_mean(sid, sources) or f"add it to {src_file} first"
                found.add(base + ("sources", i), f"unknown source '{sid}': {hint}")
        for path, text in _dates_in(fig):
            if not PartialDate.is_date(text):
                found.add(base + path, f"'{text}' is not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)")
        value = fig.get("value")
        bounds = list(value.values()) if isinstance(value, dict) else [value]
        if isinstance(value, dict) and "low" in value and "high" in value:
            low, high = value["low"], value["high"]
            if type(low) is not type(high) and not all(isinstance(v, (int, float)) for v in (low, high)):
                found.add(base + ("value",), "low and high must both be numbers or both be dates")
            elif low > high:
                found.add(base + ("value",), f"low ({low}) is greater than high ({high})")
            elif low == high:
                found.add(base + ("value",), f"a range's two ends are the same ({low}): write the one value")
        numbers = [v for v in bounds if isinstance(v, (int, float))]
        for path, problem in figure_value_problems(fig, today):
            found.add(base + path, problem)
        unit, form = fig.get("unit"), fig.get("format")
        if fig.get("pattern") is not None and form != "date":
            found.add(base + ("pattern",), "a pattern writes a date, and this figure is a number: remove "
                                           "`pattern`, which would be ignored")
        if fig.get("event") and unit != "date":
            found.add(base + ("event",), "only a date can be an event on the timeline: remove `event` "
                                         "from this figure")
        if unit in _OWN_FORMAT and form != unit:
            found.add(base + ("format",), f"unit '{unit}' is written with format: {unit}; format '{form}' "
                                          "would print it as a plain number")
        elif form in _OWN_FORMAT and unit != form:  # the schema may also ask for a pattern: no help
            found.add(base + ("format",), f"format '{form}' writes {_OWN_FORMAT[form]}, but this figure's "
                                          f"unit is '{unit}': give it number, compact or spelled")
        if form == "date":
            if numbers:
                found.add(base + ("value",), "format 'date' needs a date value in quotes")
            pattern = fig.get("pattern")
            if isinstance(pattern, str) and (problem := _pattern_problem(pattern)):
                found.add(base + ("pattern",), problem)
            precision = min((len(d) for d in bounds if isinstance(d, str)), default=10)
            letters = _pattern_fields(pattern or "")
            if precision < 10 and letters & _NEEDS["day"] or precision < 7 and letters & _NEEDS["month"]:
                found.add(base + ("pattern",), f"pattern '{pattern}' shows a day or month the value does not give")
        elif any(isinstance(v, str) for v in bounds):
            found.add(base + ("format",), "a date value needs format: date and a pattern")
    return found


def quantity_errors(figures: dict, quantities: dict, fig_marks: Marks, fig_file: str,
                    quantities_file: str) -> list[DataError]:
    """Each figure's quantity is one `quantities_file` names, and so gives a label to print,
    and the figure is a number that its chart can draw beside the others."""
    found = _Found(fig_file, fig_marks)
    for fid, fig in figures.items():
        quantity = fig.get("quantity")
        if quantity is not None and quantity not in quantities:
            hint = did_you_mean(quantity, quantities) or f"add it to {quantities_file} with the label readers see"
            found.add(("figures", fid, "quantity"), f"unknown quantity '{quantity}': {hint}")
        elif quantity is not None and fig.get("unit") == "date":
            found.add(("figures", fid, "quantity"), "a date is not an estimate of a quantity, and no chart can "
                                                    "draw it: remove `quantity` from this figure")
    return found


def quantity_label_errors(quantities: dict, marks: Marks, file: str) -> list[DataError]:
    """No two quantities have the same label: readers tell them apart by it alone (the
    figures page's "Estimates of <label>", a chart's title)."""
    found = _Found(file, marks)
    # Labels alike but for their case and spacing are the same label to a reader.
    keyed = ((" ".join(str(q["label"]).split()).casefold(), qid, ("quantities", qid, "label"))
             for qid, q in quantities.items() if q.get("label"))
    for path, same, line in _repeated(keyed, marks):
        found.add(path, f"is also the label of '{same}' (line {line}): readers tell quantities apart by their "
                        f"label; if both name one thing, keep '{same}' and point its figures there, or else say "
                        "how this one differs")
    return found


def rule_reference_errors(rules: dict, figures: dict, marks: Marks, file: str,
                          figure_fields: dict[str, dict[str, bool | None]], today: date) -> list[DataError]:
    """Each rule names existing figures of the right type (a date where a date is needed)
    that it can compare with sense (`_rule_sense`); its numbers are finite; its `reference`,
    the day it counts months or years to, is on the calendar and not after `today`."""
    found = _Found(file, marks)
    for rule_id, rule in rules.items():
        for key, number in rule.items():
            problem = isinstance(number, float) and number_problem(number, "")
            if problem:
                found.add(("rules", rule_id, key), problem)
        reference = rule.get("reference")
        problem = reference is not None and date_problem(reference, today)
        if problem:
            found.add(("rules", rule_id, "reference"), problem)
        named = set()  # a rule compares different figures: one named twice can never break it
        before = len(found)
        for name, needs_date in figure_fields[rule["kind"]].items():
            ids = rule[name] if isinstance(rule[name], list) else [rule[name]]
            for index, fid in enumerate(ids):
                path = ("rules", rule_id, name) + ((index,) if isinstance(rule[name], list) else ())
                figure = figures.get(fid)
                if fid in named:
                    message = f"'{fid}' is already named in this rule: it compares two different figures"
                elif figure is None:
                    message = f"unknown figure '{fid}': {did_you_mean(fid, figures) or 'see data/figures.yml'}"
                elif needs_date is not None and (figure["format"] == "date") != needs_date:
                    kind = "a date" if needs_date else "a number"
                    message = f"'{fid}' must be {kind} for the rule kind {rule['kind']}"
                elif rule["kind"] == "max-age" and not figure.get("as_of"):
                    message = f"'{fid}' has no as_of date to age"
                else:
                    message = None
                named.add(fid)
                if message:
                    found.add(path, message)
        if len(found) == before:  # every figure it names exists, of the type it needs
            for path, message in _rule_sense(rule, figures):
                found.add(("rules", rule_id) + path, message)
    return found


def _rule_sense(rule: dict, figures: dict) -> Iterator[tuple[tuple, str]]:
    """(path below the rule, message) for a rule whose figures exist and are of the right
    type, but which could only print nonsense: two units compared, years counted from a
    count, days between dates known only to the month or year, or counted backwards."""
    kind = rule["kind"]
    if kind in ("part-of-whole", "within-ratio"):
        named = [rule["part"], rule["whole"]] if kind == "part-of-whole" else rule["figures"]
        (one, unit), (other, other_unit) = ((fid, figures[fid]["unit"]) for fid in named)
        if unit != other_unit:
            yield (), f"'{one}' counts {unit} and '{other}' {other_unit}: a rule compares figures of one unit"
    elif kind == "elapsed" and figures[rule["figure"]]["unit"] != "years":
        yield ("figure",), (f"'{rule['figure']}' counts {figures[rule['figure']]['unit']}: an elapsed rule "
                            "checks a number of years")
    elif kind == "interval":
        days = {end: PartialDate(first_day(figures[rule[end]]["value"])) for end in ("from", "to")}
        for end, day in days.items():
            if day.precision != "day":
                yield (end,), (f"'{rule[end]}' is known only to the {day.precision}: an interval counts the "
                               "days between two days")
        if all(day.precision == "day" for day in days.values()) and days["to"].before(days["from"]):
            yield ("from",), f"'{rule['from']}' comes after '{rule['to']}': swap from and to"


def _moved(page: str, pages: list[str]) -> str:
    """What to do about a correction's page that is not there. A page of the same name in
    a folder below it was moved there: for a Rundown item (rundown/posts/2022/x.md) a
    move the build refuses, so "write its new path" led to a second mistake."""
    folder, name = posixpath.split(page)
    below = [p for p in pages if posixpath.basename(p) == name and posixpath.dirname(p).startswith(f"{folder}/")]
    if below:
        return (f"the file is now {below[0]}, a folder below: move it back to {page} (a Rundown item is read "
                f"only from its folder itself), or, if another page moved on purpose, write page: {below[0]}")
    return did_you_mean(page, pages, n=1) or "give its path under docs/"


def correction_errors(entries: list, marks: Marks, pages: list[str], file: str, today: date) -> list[DataError]:
    """Each correction names a page under docs/ and a day on the calendar, not after `today`,
    and is listed once."""
    found = _Found(file, marks)
    keyed = (((e["page"], e["date"], e.get("what"), e.get("why")), i, ("corrections", i))
             for i, e in enumerate(entries))
    for path, _, line in _repeated(keyed, marks):
        found.add(path, f"this correction is listed twice (first on line {line}): remove one")
    for index, entry in enumerate(entries):
        if entry["page"] not in pages:
            found.add(("corrections", index, "page"), f"no page '{entry['page']}' in docs/; {_moved(entry['page'], pages)}")
        problem = date_problem(entry["date"], today, "YYYY-MM-DD")
        if problem:
            found.add(("corrections", index, "date"), problem)
    return found


def _site(url: str) -> str | None:
    """The host `url` names, or None if it names none or cannot be read (https://[x/)."""
    try:
        return urlsplit(url).hostname
    except ValueError:
        return None


def _same_document(url: str) -> str:
    """`url` with what does not change the document it names made alike: the case of its
    scheme and host, and a slash at the end of its path. One that cannot be read (its
    own error says so) stays as it is."""
    if _site(url) is None:
        return url
    parts = urlsplit(url.strip())
    return parts._replace(scheme=parts.scheme.lower(), netloc=parts.netloc.lower(),
                          path=parts.path.rstrip("/")).geturl()


def source_errors(sources: dict, marks: Marks, file: str, today: date) -> list[DataError]:
    """Each source's date is on the calendar and not after `today` (the build day); each
    access day is on the calendar, not before the source appeared nor after `today`; only a
    source with a URL can have been accessed or archived; a URL is on one line and names
    a site; no two sources have the same URL."""
    found = _Found(file, marks)
    keyed = ((_same_document(s["url"]), sid, ("sources", sid, "url"))
             for sid, s in sources.items() if isinstance(s.get("url"), str))
    for path, same, line in _repeated(keyed, marks):
        found.add(path, f"is also the url of '{same}' (line {line}): one document is one source; cite "
                        f"'{same}' and remove this one, or give each the url of its own document")
    for sid, source in sources.items():
        base = ("sources", sid)
        for key in ("url", "archive"):
            address = source.get(key)
            if not isinstance(address, str):
                continue
            if "\n" in address:  # a block scalar (url: >) keeps its line break
                found.add(base + (key,), f"the {key} runs on to a second line: write it whole on the "
                                         f"line of {key}:, in quotes if it is long")
            elif _site(address) is None:
                found.add(base + (key,), f"{address} names no site: write the whole address, "
                                         "https://site/path")
        kind = SOURCE_KINDS.get(source.get("kind"))
        if source.get("url") and kind and not kind.public_record:
            # The site would print "no public record located" beside a link to one.
            found.add(base + ("url",), f"a source of kind '{source['kind']}' has no public record to link: "
                                       "leave url empty, or give the kind of the document at this address "
                                       "(report, news, statement, analysis)")
        when = source.get("date")
        problem = isinstance(when, str) and date_problem(when, today)
        if problem:
            found.add(base + ("date",), problem)
        if not source.get("url"):
            for key in ("accessed", "archive"):
                if key in source:
                    found.add(base + (key,), f"there is no url to have read or archived: remove '{key}' or add the url")
            continue
        accessed = source.get("accessed")
        problem = accessed and date_problem(accessed, today, "YYYY-MM-DD")
        if problem:
            found.add(base + ("accessed",), problem)
        elif accessed and when and PartialDate.is_date(when) and PartialDate(accessed).before(PartialDate(when)):
            found.add(base + ("accessed",), f"'{accessed}' is before the source's date ({when}): "
                                            "give the day the page was read")
    return found
