"""What changed in the data between two registries: figures, editor's flags, sources and
corrections, each field told as a reader would read it (a value as the page writes it)."""

from __future__ import annotations

from dataclasses import dataclass, fields

from ..registry.model import Correction, Figure, Flag, Registry, Source
from ..render.formatting import format_exact, format_value

NONE = "(none)"


@dataclass(frozen=True)
class FieldChange:
    name: str
    old: str
    new: str


@dataclass(frozen=True)
class Change:
    """An entry added, removed or changed; a changed one lists its fields' changes."""

    kind: str  # "added", "removed", "changed"
    id: str
    title: str  # a figure's label, a source's title
    old: object = None  # the Figure or Source before, if any
    new: object = None  # ... and after
    fields: tuple[FieldChange, ...] = ()


def _text(value) -> str:
    if value is None or value == "" or value == ():
        return NONE
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple):
        return ", ".join(map(str, value))
    return str(value)


def _figure_field(figure: Figure, name: str) -> str:
    if name == "value":  # as the page writes it, and in full where that hides the change
        return format_value(figure)
    return _text(getattr(figure, name))


def _figure_fields(old: Figure, new: Figure) -> tuple[FieldChange, ...]:
    changed = []
    for name in (f.name for f in fields(Figure) if f.name not in ("id", "where")):
        if getattr(old, name) == getattr(new, name):
            continue
        before, after = _figure_field(old, name), _figure_field(new, name)
        if before == after and name == "value":
            before, after = f"{before} ({format_exact(old)})", f"{after} ({format_exact(new)})"
        changed.append(FieldChange(name, before, after))
    return tuple(changed)


# A source's fields as the sources page names them; `archive` is the copy it links,
# the data's own or the Wayback Machine's nearest `accessed`.
_SOURCE_FIELDS = {"title": "title", "url": "URL", "archive_url": "archive", "accessed": "accessed",
                  "author": "author", "publisher": "publisher", "date": "date", "kind": "kind",
                  "note": "note", "unused": "unused"}


def _source_fields(old: Source, new: Source) -> tuple[FieldChange, ...]:
    return tuple(FieldChange(label, _text(getattr(old, name)), _text(getattr(new, name)))
                 for name, label in _SOURCE_FIELDS.items() if getattr(old, name) != getattr(new, name))


def _changes(old: dict, new: dict, title, compare) -> list[Change]:
    out = [Change("added", key, title(new[key]), new=new[key]) for key in new if key not in old]
    out += [Change("removed", key, title(old[key]), old=old[key]) for key in old if key not in new]
    for key in new:
        if key in old and old[key] != new[key]:
            changed = compare(old[key], new[key])
            if changed:
                out.append(Change("changed", key, title(new[key]), old[key], new[key], changed))
    return out


def figure_changes(old: Registry, new: Registry) -> list[Change]:
    return _changes(old.figures, new.figures, lambda f: f.label, _figure_fields)


def source_changes(old: Registry, new: Registry) -> list[Change]:
    return _changes(old.sources, new.sources, lambda s: s.title, _source_fields)


@dataclass(frozen=True)
class FlagChanges:
    raised: list[Flag]
    cleared: list[Flag]
    changed: list[tuple[Flag, Flag]]  # the same rule on the same figures, measured otherwise


def _key(flag: Flag) -> tuple:
    return flag.rule, flag.figures


def flag_changes(old: Registry, new: Registry) -> FlagChanges:
    before, after = {_key(f): f for f in old.flags}, {_key(f): f for f in new.flags}
    return FlagChanges(raised=[f for k, f in after.items() if k not in before],
                       cleared=[f for k, f in before.items() if k not in after],
                       changed=[(before[k], f) for k, f in after.items() if k in before and before[k] != f])


def _entry(correction: Correction) -> tuple:
    return correction.page, correction.date, correction.what, correction.why


def _earlier_form(correction: Correction, removed: list[Correction]) -> Correction | None:
    """The removed entry that `correction` replaces: the same page's correction of the same
    day (reworded), or else one in the same words (its date put right)."""
    same_page = [c for c in removed if c.page == correction.page]
    return (next((c for c in same_page if c.date == correction.date), None)
            or next((c for c in same_page if (c.what, c.why) == (correction.what, correction.why)), None))


def correction_changes(old: Registry, new: Registry) -> list[Change]:
    """Corrections added, removed or changed. Found on both sides with other words or on
    another day (not both), an entry was changed, not replaced."""
    known, kept = {_entry(c) for c in old.corrections}, {_entry(c) for c in new.corrections}
    added = [c for c in new.corrections if _entry(c) not in known]
    removed = [c for c in old.corrections if _entry(c) not in kept]
    out = []
    for correction in added:
        was = _earlier_form(correction, removed)
        if was is None:
            out.append(Change("added", correction.page, str(correction.date), new=correction))
            continue
        removed.remove(was)
        differ = tuple(FieldChange(name, str(getattr(was, name)), str(getattr(correction, name)))
                       for name in ("date", "what", "why") if getattr(was, name) != getattr(correction, name))
        out.append(Change("changed", correction.page, str(correction.date), was, correction, differ))
    return out + [Change("removed", c.page, str(c.date), old=c) for c in removed]
