"""Combine neighbouring time expressions: modifiers, ranges, "depuis", "thus far in"."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from newsevents.stages.timex.calendar import (
    Resolved,
    anchor_interval,
    day_value,
    month_end,
    month_value,
)
from newsevents.stages.timex.lexicon import alternation, fold, lexicon

if TYPE_CHECKING:
    from newsevents.stages.timex.finder import Found

_MODIFIABLE = {"month", "year", "week"}


@dataclass(frozen=True)
class _Patterns:
    position: re.Pattern[str]
    opener: re.Pattern[str]
    connector: re.Pattern[str]
    since: re.Pattern[str]
    so_far: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    lex = lexicon()
    rel = lex.relative
    position = alternation(k for k in lex.modifiers["position"] if k != "courant")
    return _Patterns(
        position=re.compile(
            r"(?<![\w'])(?:(?:la|le|l'|the)\s{1,3})?(?P<pos>" + position + r")"
            r"(?:\s{0,2}-\s{0,2}|\s{1,3}(?:de\s+la\s+|de\s+l'|du\s+|de\s+|d'|of\s+(?:the\s+)?)?"
            r"|\s{0,2}(?:de\s+la\s+|de\s+l'|du\s+|de\s+|d'))$", re.IGNORECASE),
        opener=re.compile(r"(?<![\w'])" + alternation(rel["range_openers"]) + r"\s{0,3}$",
                          re.IGNORECASE),
        connector=re.compile(r"^\s{0,3}" + alternation(rel["range_connectors"]) + r"\s{0,3}$",
                             re.IGNORECASE),
        since=re.compile(r"(?<![\w'])" + alternation(rel["since"]) + r"\s{1,3}$", re.IGNORECASE),
        so_far=re.compile(r"(?<![\w'])" + alternation(rel["so_far"]) + r"\s{1,3}$",
                          re.IGNORECASE),
    )


def combine(text: str, found: list[Found]) -> list[Found]:
    """Apply the combining passes in order: modifiers, then ranges, then open ranges."""
    found = [_with_position(text, f) for f in found]
    found = _ranges(text, found)
    return [_open_range(text, f) for f in found]


def _with_position(text: str, item: Found) -> Found:
    """"début avril" (START), "mi-mars" (MID), "fin 2017" (END), "late 2017"."""
    resolved = item.resolved
    if resolved.granularity not in _MODIFIABLE or resolved.mod is not None:
        return item
    match = _patterns().position.search(text, max(0, item.start - 30), item.start)
    if match is None:
        return item
    mod = lexicon().modifiers["position"].get(fold(match.group("pos")))
    if mod is None:
        return item
    return replace(item, start=match.start(), resolved=resolved.with_mod(str(mod)))


def _ranges(text: str, found: list[Found]) -> list[Found]:
    """Merge "de A à B", "entre A et B", "from A to B" and "2015-2017" into one mention."""
    patterns = _patterns()
    merged: list[Found] = []
    index = 0
    while index < len(found):
        first = found[index]
        second = found[index + 1] if index + 1 < len(found) else None
        opener = patterns.opener.search(text, max(0, first.start - 12), first.start)
        gap = text[first.end:second.start] if second else ""
        years = second is not None and _both_years(first, second) and gap.strip() in "-–"
        if second and (opener or years) and patterns.connector.match(gap):
            joined = _join(first, second)
            if joined is not None:
                start = opener.start() if opener else first.start
                merged.append(replace(first, start=start, end=second.end, resolved=joined,
                                      parts=(first, second)))
                index += 2
                continue
        merged.append(first)
        index += 1
    return merged


def _both_years(first: Found, second: Found) -> bool:
    return first.resolved.granularity == "year" and second.resolved.granularity == "year"


def _join(first: Found, second: Found) -> Resolved | None:
    """One interval from the start of the first to the end of the second."""
    a, b = first.resolved, second.resolved
    if a.type not in ("DATE", "TIME") or b.type not in ("DATE", "TIME"):
        return None
    if not a.explicit_year and b.explicit_year and b.start is not None:
        a = _in_year(a, b.start.year) or a
    if a.start is None or b.end is None or a.start > b.end:
        return None
    return Resolved("DATE", f"{a.value}/{b.value}", a.start, b.end, "range",
                    explicit_year=b.explicit_year)


def _in_year(resolved: Resolved, year: int) -> Resolved | None:
    """The same month (and day) in another year: "de juin à août 2014"."""
    if resolved.month is None:
        return None
    if resolved.day is not None:
        try:
            return day_value(date(year, resolved.month, resolved.day))
        except ValueError:
            return None
    return month_value(year, resolved.month)


def _open_range(text: str, item: Found) -> Found:
    """"depuis juin 2014" (up to the reference, ON_OR_AFTER) and "thus far in March"."""
    patterns = _patterns()
    resolved = item.resolved
    if resolved.start is None or item.anchor is None or resolved.granularity == "range":
        return item
    reference = anchor_interval(item.anchor).end
    assert reference is not None
    if resolved.type == "DURATION":
        return item
    since = patterns.since.search(text, max(0, item.start - 12), item.start)
    if since and resolved.start <= reference:
        return replace(item, start=since.start(), parts=(item,), resolved=replace(
            resolved, mod="ON_OR_AFTER", end=reference, granularity="range"))
    so_far = patterns.so_far.search(text, max(0, item.start - 20), item.start)
    if so_far and resolved.start <= reference:
        end = min(reference, resolved.end or reference)
        return replace(item, start=so_far.start(), parts=(item,), resolved=replace(
            resolved, end=end, granularity="range"))
    return item


__all__ = ["combine", "month_end"]
