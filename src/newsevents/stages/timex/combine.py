"""Combine neighbouring time expressions: modifiers, ranges, "depuis", "thus far in"."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from newsevents.stages.timex.calendar import (
    Resolved,
    anchor_interval,
    day_value,
    month_end,
    month_value,
    shift,
    week_value,
    weekend_value,
)
from newsevents.stages.timex.lexicon import alternation, fold, folded, lexicon

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
    before: re.Pattern[str]
    after: re.Pattern[str]
    and_: re.Pattern[str]
    clock_then_day: re.Pattern[str]
    of_day: re.Pattern[str]
    week_of: re.Pattern[str]
    from_day: re.Pattern[str]


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
        before=re.compile(r"(?<![\w'])" + alternation(lex.formats["open_before"])
                          + r"\s{1,3}(?:(?:le|la|l'|the)\s{1,3})?$", re.IGNORECASE),
        after=re.compile(r"(?<![\w'])" + alternation(lex.formats["open_after"])
                         + r"\s{1,3}(?:(?:le|la|l'|the)\s{1,3})?$", re.IGNORECASE),
        and_=re.compile(r"\s{1,3}(?:et|and|&)\s{1,3}", re.IGNORECASE),
        clock_then_day=re.compile(r"\s{0,2},?\s{0,2}(?:" + alternation(rel["clock_then_day"])
                                  + r"\s{1,3})?", re.IGNORECASE),
        # "la matinée du 12 mars", "l'après-midi de mardi", "dawn on Friday", "le lendemain
        # du 13 mars": what joins a part of the day or a day's neighbour to its day
        of_day=re.compile(r"\s{1,3}(?:du|de|d'|of|on)\s{0,3}", re.IGNORECASE),
        week_of=re.compile(r"(?<![\w'])(?:la|the)\s{1,3}(?P<week>semaine|week-end|week|weekend)"
                           r"\s{1,3}(?:du|of)\s{1,3}(?:the\s{1,3})?$", re.IGNORECASE),
        from_day=re.compile(r"\s{1,3}(?P<way>après|avant|after|before)\s{1,3}"
                            r"(?:(?:le|l'|the)\s{0,3})?", re.IGNORECASE),
    )


def combine(text: str, found: list[Found]) -> list[Found]:
    """Apply the combining passes in order: modifiers, then ranges, clock times on the day
    beside them, then open ranges."""
    found = _joined_to_days(text, found)
    found = [_with_position(text, f) for f in found]
    found = _ranges(text, found)
    found = _clocks_on_days(text, found)
    return [_open_range(text, f) for f in found]


_POD_CODE = re.compile(r"T(MO|AF|EV|NI|DT)$")


def _plain_day(item: Found) -> date | None:
    """The day a day-level expression names, with no clock time or part of the day."""
    day = _day_of(item)
    return day if day is not None and "T" not in item.resolved.value else None


def _joined_to_days(text: str, found: list[Found]) -> list[Found]:
    """An expression that names its day after it counts from that day, not from the
    publication: a part of the day ("la matinée du 12 mars" 2021-03-12TMO, "l'après-midi de
    mardi", "dawn on Friday"), a day's neighbour ("le lendemain du 13 mars", "the day after
    March 13"), a count of days before or after ("two days after March 13", kept as its two
    parts for TimeML); "la semaine du 6 avril", "the week of April 6" (the week holding
    it)."""
    result: list[Found] = []
    index = 0
    while index < len(found):
        item = found[index]
        following = found[index + 1] if index + 1 < len(found) else None
        day = _plain_day(following) if following is not None else None
        joined = None
        if following is not None and day is not None:
            joined = _joined(text, item, following, day)
        if joined is not None:
            result.append(joined)
            index += 2
            continue
        result.append(_week_of(text, item))
        index += 1
    return result


def _joined(text: str, item: Found, following: Found, day: date) -> Found | None:
    """``item`` read from the day ``following`` names right after it, or None."""
    patterns = _patterns()
    resolved = item.resolved
    of_day = patterns.of_day.fullmatch(text, item.end, following.start)
    code = _POD_CODE.search(resolved.value)
    if item.rule == "pod_alone" and of_day and code:
        moved = Resolved("TIME", f"{following.resolved.value}T{code.group(1)}", day, day,
                         "day", mod=resolved.mod)
        if code.group(1) == "NI":
            moved = replace(moved, end=day + timedelta(days=1))
        return replace(following, start=item.start, resolved=moved, rule=item.rule)
    offset = folded(lexicon().relative["anaphoric_days"]).get(fold(text[item.start:item.end]))
    if item.rule == "anaphoric_day" and offset is not None and "T" not in resolved.value and (
            of_day or (text[item.start:item.end].lower().endswith(("after", "before"))
                       and not text[item.end:following.start].strip())):
        moved = day_value(day + timedelta(days=offset))
        return replace(following, start=item.start, resolved=moved, rule=item.rule)
    signal = patterns.from_day.fullmatch(text, item.end, following.start)
    amount = _DAYS.fullmatch(resolved.value) if resolved.type == "DURATION" else None
    if signal and amount and resolved.mod is None:
        sign = -1 if fold(signal.group("way")) in ("avant", "before") else 1
        moved = day_value(shift(day, sign * int(amount.group(1)), amount.group(2)))
        return replace(following, start=item.start, resolved=moved, rule=item.rule,
                       parts=(item, following))
    return None


_DAYS = re.compile(r"P(\d{1,3})([DWMY])")


def _week_of(text: str, item: Found) -> Found:
    """"la semaine du 6 avril", "the week of April 6": the week (or weekend) holding it."""
    day = _plain_day(item)
    if day is None:
        return item
    match = _patterns().week_of.search(text, max(0, item.start - 24), item.start)
    if match is None:
        return item
    weekend = fold(match.group("week")).replace(" ", "").replace("-", "") == "weekend"
    resolved = weekend_value(day) if weekend else week_value(day)
    return replace(item, start=match.start(), resolved=resolved)


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
        years = second is not None and _both_years(first, second) and gap.strip() in ("-", "–")
        if second and patterns.and_.fullmatch(gap) and _next_weekday(text, first, second):
            first = _weekend_in_past(first)
            assert first.resolved.start is not None
            day = first.resolved.start + timedelta(days=1)
            second = replace(second, resolved=replace(second.resolved, value=day.isoformat(),
                                                      start=day, end=day))
            merged.append(replace(first, end=second.end, parts=(first, second), resolved=Resolved(
                "DATE", f"{first.resolved.value}/{second.resolved.value}",
                first.resolved.start, day, "range")))
            index += 2
            continue
        if second and (opener or years) and patterns.connector.match(gap):
            second = _after_clock(first, second)
            joined = _join(first, second)
            if joined is not None:
                start = opener.start() if opener else first.start
                first = replace(first, resolved=_first_in_year(first.resolved, second.resolved))
                merged.append(replace(first, start=start, end=second.end, resolved=joined,
                                      parts=(first, second)))
                index += 2
                continue
        merged.append(first)
        index += 1
    return merged


_CLOCK = re.compile(r"T(\d\d):(\d\d)$")


def _clock_hour(item: Found) -> int | None:
    match = _CLOCK.search(item.resolved.value)
    return int(match.group(1)) if match and item.resolved.type == "TIME" else None


def _day_of(item: Found) -> date | None:
    """The day a day-level expression names (not a clock time itself)."""
    resolved = item.resolved
    if resolved.granularity != "day" or resolved.start is None or _clock_hour(item) is not None:
        return None
    return resolved.start


def _on_day(item: Found, day: date, night: bool, after: int | None = None) -> Found:
    """A clock time moved onto ``day``; at night, or earlier than a range's first hour
    ``after``, the small hours fall on the next day ("entre 22 h et 2 h": 2 h next day)."""
    hour = _clock_hour(item)
    assert hour is not None
    if (night and hour < 12) or (after is not None and hour < after):
        day = day + timedelta(days=1)
    clock = item.resolved.value[item.resolved.value.rindex("T"):]
    moved = replace(item.resolved, value=day.isoformat() + clock, start=day, end=day,
                    granularity="day")
    return replace(item, resolved=moved)


def _after_clock(first: Found, second: Found) -> Found:
    """"from 10pm to 6am", "de 22 h à 6 h": a range's second clock time earlier than its
    first, on the same day, is the next morning's."""
    hours = _clock_hour(first), _clock_hour(second)
    day = first.resolved.start
    if hours[0] is None or hours[1] is None or day is None or second.resolved.start != day \
            or hours[1] >= hours[0]:
        return second
    return _on_day(second, day, False, after=hours[0])


def _clocks_on_days(text: str, found: list[Found]) -> list[Found]:
    """"vers 0 h 40, jeudi", "at 3 pm on Monday" and "entre 22 h et 2 h dans la nuit de
    samedi" put the clock times on the day named right after them (both bounds of a range,
    the small hours on the next day). A day named before ("hier à 10 h") is already the
    clock's previous day when it is resolved."""
    patterns = _patterns()
    result: list[Found] = []
    index = 0
    while index < len(found):
        item = found[index]
        following = found[index + 1] if index + 1 < len(found) else None
        next_day = _day_of(following) if following is not None else None
        if (next_day is not None and following is not None
                and patterns.clock_then_day.fullmatch(text, item.end, following.start)):
            item = _clocks_moved(item, next_day, following.resolved.value.endswith("TNI"))
        result.append(item)
        index += 1
    return result


def _clocks_moved(item: Found, day: date, night: bool) -> Found:
    """A clock time, or a range of two, moved onto the day named after it."""
    if _clock_hour(item) is not None and not item.parts:
        return _on_day(item, day, night)
    if len(item.parts) != 2 or any(_clock_hour(p) is None for p in item.parts):
        return item
    first = _on_day(item.parts[0], day, night)
    last = _on_day(item.parts[1], day, night, after=_clock_hour(item.parts[0]))
    a, b = first.resolved, last.resolved
    joined = replace(item.resolved, value=f"{a.value}/{b.value}", start=a.start, end=b.end)
    return replace(item, resolved=joined, parts=(first, last))


def _next_weekday(text: str, first: Found, second: Found) -> bool:
    """"samedi et dimanche", "Saturday and Sunday": two weekdays in a row, one range."""
    weekdays = lexicon().weekdays
    a = weekdays.get(fold(text[first.start:first.end]))
    b = weekdays.get(fold(text[second.start:second.end]))
    return (a is not None and b is not None and (a + 1) % 7 == b
            and first.resolved.granularity == "day" and first.resolved.start is not None)


def _weekend_in_past(first: Found) -> Found:
    """A pair read in the past ("samedi et dimanche" on a Saturday) may not end after the
    reference: the first day moves back a week."""
    start = first.resolved.start
    anchor = first.anchor
    if start is None or anchor is None or not anchor.knows("day") or start != anchor.date:
        return first
    day = start - timedelta(days=7)
    return replace(first, resolved=replace(first.resolved, value=day.isoformat(), start=day,
                                           end=day))


def _both_years(first: Found, second: Found) -> bool:
    return first.resolved.granularity == "year" and second.resolved.granularity == "year"


def _first_in_year(a: Resolved, b: Resolved) -> Resolved:
    """The first end of a range in the year the second names ("de mars à mai 2020": March
    2020; the year before when it would come after the end), when it names none."""
    if not a.explicit_year and b.explicit_year and b.start is not None:
        same = _in_year(a, b.start.year) or a
        if same.start is not None and b.end is not None and same.start > b.end:
            return _in_year(a, b.start.year - 1) or a  # "du 28 décembre au 3 janvier 2021"
        return same
    return a


def _join(first: Found, second: Found) -> Resolved | None:
    """One interval from the start of the first to the end of the second: a TIME when both
    ends are clock times ("entre 22 h et 2 h"), else a DATE."""
    b = second.resolved
    a = _first_in_year(first.resolved, b)
    if a.type not in ("DATE", "TIME") or b.type not in ("DATE", "TIME"):
        return None
    if a.start is None or b.end is None or a.start > b.end:
        return None
    kind = "TIME" if a.type == b.type == "TIME" else "DATE"
    return Resolved(kind, f"{a.value}/{b.value}", a.start, b.end, "range",
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
    """"depuis juin 2014" (up to the reference, ON_OR_AFTER), "thus far in March", "avant
    2000" (BEFORE: no known start, up to the day before) and "après 2018" (AFTER: from the
    day after up to the reference)."""
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
    before = patterns.before.search(text, max(0, item.start - 16), item.start)
    if before and resolved.type == "DATE" and resolved.start is not None:
        return replace(item, start=before.start(), parts=(item,), resolved=replace(
            resolved, mod="BEFORE", start=None, end=resolved.start - timedelta(days=1),
            granularity="range"))
    after = patterns.after.search(text, max(0, item.start - 16), item.start)
    if after and resolved.type == "DATE" and resolved.end is not None \
            and resolved.end < reference:
        return replace(item, start=after.start(), parts=(item,), resolved=replace(
            resolved, mod="AFTER", start=resolved.end + timedelta(days=1), end=reference,
            granularity="range"))
    so_far = patterns.so_far.search(text, max(0, item.start - 20), item.start)
    if so_far and resolved.start <= reference:
        end = min(reference, resolved.end or reference)
        return replace(item, start=so_far.start(), parts=(item,), resolved=replace(
            resolved, end=end, granularity="range"))
    return item


__all__ = ["combine", "month_end"]
