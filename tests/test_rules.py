"""Consistency rules: each kind, called directly, flags a broken relation and only that."""

from __future__ import annotations

import re

import pytest

from macros.errors import DataErrors
from macros.registry.loading import load_registry
from macros.registry.model import Figure, PartialDate, Range, Registry
from macros.registry.rules import evaluate

from tests.support import ROOT


def fig(fid, value, fmt="number", as_of=None):
    return Figure(id=fid, label=fid, value=value, unit="people", format=fmt, written="-",
                  sources=("s",), scope="-", as_of=PartialDate(as_of) if as_of else None,
                  pattern="yyyy" if fmt == "date" else None)


REG = Registry(figures={f.id: f for f in [
    fig("part", 8000), fig("whole", 58000), fig("big", 64000, as_of="2021-02-08"),
    fig("small", 45000), fig("four", 4), fig("fall", PartialDate("2019-03-23"), "date"),
    fig("uprising", Range(PartialDate("2022-01-20"), PartialDate("2022-01-26")), "date"),
    fig("raid", PartialDate("2022-02-03"), "date"), fig("idps", 1186556),
]})


@pytest.mark.parametrize("rule, broken", [
    ({"kind": "part-of-whole", "part": "part", "whole": "whole"}, False),
    ({"kind": "part-of-whole", "part": "whole", "whole": "part"}, True),
    ({"kind": "within-ratio", "figures": ["small", "big"], "max_ratio": 1.5}, False),
    ({"kind": "within-ratio", "figures": ["small", "big"], "max_ratio": 1.2}, True),
    ({"kind": "max-age", "figure": "big", "reference": "2021-06", "max_months": 6}, False),
    ({"kind": "max-age", "figure": "big", "reference": "2022-02", "max_months": 6}, True),
    ({"kind": "at-least", "figure": "idps", "stated": 1100000}, False),
    ({"kind": "at-least", "figure": "idps", "stated": 1200000}, True),
    ({"kind": "elapsed", "figure": "four", "from": "fall", "reference": "2023-02", "tolerance": 0.5}, False),
    ({"kind": "elapsed", "figure": "four", "from": "fall", "reference": "2022-02", "tolerance": 0.5}, True),
    ({"kind": "interval", "from": "uprising", "to": "raid", "stated_days": 14, "tolerance_days": 3}, False),
    ({"kind": "interval", "from": "uprising", "to": "raid", "stated_days": 7, "tolerance_days": 3}, True),
])
def test_each_kind_flags_only_a_broken_relation(rule, broken):
    flags = evaluate({"r": {**rule, "message": "m"}}, REG)
    assert bool(flags) is broken
    if broken:
        assert flags[0].message == "m" and flags[0].measured


def test_a_flags_dates_are_written_as_the_pages_write_dates():
    """"(Checked: as of 2021-02-08, 12 months before 2022-02.)": the flags wrote their
    dates as the data does, where every other date on the site reads "8 February 2021"."""
    for rule in ({"kind": "max-age", "figure": "big", "reference": "2022-02", "max_months": 6},
                 {"kind": "elapsed", "figure": "four", "from": "fall", "reference": "2022-02", "tolerance": 0.5}):
        (flag,) = evaluate({"r": {**rule, "message": "m"}}, REG)
        assert "February 2022" in flag.measured and not re.search(r"\d{4}-\d{2}", flag.measured), flag.measured
    (flag,) = evaluate({"r": {"kind": "max-age", "figure": "big", "reference": "2022-02", "max_months": 6,
                              "message": "m"}}, REG)
    assert flag.measured.startswith("as of 8 February 2021,"), flag.measured


def test_an_estimate_of_zero_is_told_in_words_not_as_an_infinite_ratio():
    """0 is a count a source can give: beside another estimate, the flag says so; two
    zeros agree."""
    reg = Registry(figures={f.id: f for f in [fig("none", 0), fig("also-none", 0), fig("big", 64000)]})
    rule = {"kind": "within-ratio", "max_ratio": 1.2, "message": "m"}
    (flag,) = evaluate({"r": {**rule, "figures": ["none", "big"]}}, reg)
    assert flag.measured == "0 and 64,000: one estimate is 0 and the other is not"
    assert evaluate({"r": {**rule, "figures": ["none", "also-none"]}}, reg) == []


def test_the_known_discrepancies_are_flagged():
    """sources.md lists these; the essay's words stay, the reader sees the flag."""
    registry = load_registry(ROOT)
    flagged = {fid for flag in registry.flags for fid in flag.figures}
    assert {"detainees-hrw", "detainees-un", "idps-iraq", "years-since-defeat",
            "qurashi-raid"} <= flagged
    assert "children-third-country" not in flagged  # a rule that holds raises no flag


def test_a_rule_naming_an_unknown_or_wrong_figure_is_located(project):
    rules = project / "data" / "rules.yml"
    text = rules.read_text(encoding="utf-8").replace("whole: children-detained", "whole: children-detaind")
    text = text.replace("from: baghouz-fall", "from: detainees-un")
    rules.write_text(text, encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_registry(project)
    messages = [str(e) for e in caught.value.errors]
    assert any(m.startswith("data/rules.yml:") and "did you mean 'children-detained'" in m for m in messages)
    assert any("'detainees-un' must be a date" in m for m in messages)


def test_flags_reach_the_reader_next_to_the_note(site):
    registry = load_registry(ROOT)
    soup = site.html("essay/index.html")
    for flag in registry.flags:
        for fid in flag.figures:
            note = soup.find(id=f"fn:fig-{fid}")
            assert note is not None and flag.message in note.get_text(), (fid, flag.rule)


def test_flags_are_on_each_flagged_figures_entry(site):
    registry = load_registry(ROOT)
    page = site.html("figures/index.html")
    for flag in registry.flags:
        for fid in flag.figures:
            entry = page.find(id=fid).find_parent("div", class_="data-entry")
            assert flag.message in entry.get_text(), (fid, flag.rule)


def test_a_figures_flags_are_every_flag_naming_it_and_follow_a_new_list():
    from macros.registry.model import Flag

    a, b = Flag("r1", ("part", "whole"), "m", "x"), Flag("r2", ("whole", "whole"), "m", "y")
    registry = Registry(figures=REG.figures, flags=[a, b])
    assert registry.flags_of("whole") == [a, b] and registry.flags_of("part") == [a]
    assert registry.flags_of("four") == []
    registry.flags = [b]
    assert registry.flags_of("part") == [] and registry.flags_of("whole") == [b]
