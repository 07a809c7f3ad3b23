"""Resolvers for expressions relative to the reference or to the previous time."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from newsevents.stages.timex.calendar import (
    Anchor,
    Resolved,
    anchor_interval,
    century_value,
    day_value,
    iso_duration,
    month_value,
    quarter_value,
    shift,
    week_value,
    weekend_value,
    year_value,
)
from newsevents.stages.timex.context import Context
from newsevents.stages.timex.lexicon import alternation, fold, lexicon
from newsevents.stages.timex.numbers import parse_count
from newsevents.stages.timex.resolve_dates import direction_of, resolve_weekday, with_part_of_day

Match = re.Match[str]
_START_OR_END = {"début": "START", "beginning": "START", "fin": "END", "end": "END"}


def _lookup(table: dict[str, object], word: str) -> object:
    return {fold(k): v for k, v in table.items()}.get(fold(word))


def relative_day(anchor: Anchor | None, offset: int) -> Resolved | None:
    """The day ``offset`` days from the anchor; the anchor's month/year if it has no day."""
    if anchor is None:
        return None
    if not anchor.knows("day"):
        return anchor_interval(anchor)
    return day_value(anchor.date + timedelta(days=offset))


def resolve_deictic(match: Match, ctx: Context) -> Resolved | None:
    """"hier", "aujourd'hui (lundi)", "hier soir", "hier en début d'après-midi", "tomorrow"."""
    offset = _lookup(lexicon().relative["deictic_days"], match.group("deictic"))
    resolved = relative_day(ctx.anchor, int(str(offset or 0)))
    if resolved is None:
        return None
    pmod = fold(match.group("pmod") or "")
    mod = "START" if pmod.startswith("en début") else "END" if pmod.startswith("en fin") else None
    return with_part_of_day(resolved, match.group("pod"), mod)


def resolve_this_part(match: Match, ctx: Context) -> Resolved | None:
    """"ce soir", "cette nuit", "this morning", "last night", "overnight" (the night
    before)."""
    code = str(_lookup(lexicon().parts_of_day["this_part"], match.group("this_part")))
    previous = {fold(p) for p in lexicon().parts_of_day["previous_day_parts"]}
    offset = -1 if fold(match.group("this_part")) in previous else 0
    resolved = relative_day(ctx.anchor, offset)
    if resolved is None or resolved.granularity != "day" or resolved.start is None:
        return resolved
    end = resolved.start + timedelta(days=-offset) if offset else resolved.end  # to today
    return replace(resolved, type="TIME", value=f"{resolved.value}T{code}", end=end)


def resolve_anaphoric_day(match: Match, ctx: Context) -> Resolved | None:
    """"le lendemain", "la veille", "the following day": from the previous day named."""
    offset = int(str(_lookup(lexicon().relative["anaphoric_days"], match.group("anaphoric_day"))))
    base = ctx.previous_day or ctx.focus
    if base is not None and base.start is not None:
        resolved = day_value(base.start + timedelta(days=offset))
    else:
        resolved_or_none = relative_day(ctx.anchor, offset)
        if resolved_or_none is None:
            return None
        resolved = resolved_or_none
    return with_part_of_day(resolved, match.group("pod"))


def resolve_pod_alone(match: Match, ctx: Context) -> Resolved | None:
    """"la nuit", "la soirée", "fin d'après-midi", "le matin même", "that night", "late in
    the afternoon": on the previous day named (the next one after its night)."""
    pod = fold(match.group("pod"))
    if pod in ("journée", "day") or _figurative(pod, ctx.after):
        return None
    pmod = fold(match.group("pmod") or "")
    mod = "START" if pmod.startswith(("début", "en début", "early")) \
        else "END" if pmod.startswith(("fin", "en fin", "late")) else None
    base = ctx.previous_day or relative_day(ctx.anchor, 0)
    if base is None or base.granularity != "day" or base.start is None:
        return None
    resolved = with_part_of_day(day_value(base.start), pod, mod)
    if base.value.endswith("TNI") and not resolved.value.endswith("TNI") \
            and resolved.start is not None:
        # The narrative moves on: "la nuit" of the 24th, then "en fin d'après-midi" is
        # the afternoon after that night, the 25th.
        day = resolved.start + timedelta(days=1)
        resolved = with_part_of_day(day_value(day), pod, mod)
    return resolved


@lru_cache(maxsize=1)
def _complements() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A complement after a moment of the day, and one that names a day (a number, a
    weekday, a deictic: "l'aube du 12 mars", "l'aube de mardi", "dawn on Friday")."""
    lex = lexicon()
    days = alternation([*lex.weekdays_raw(), *lex.relative["deictic_days"]])
    of = re.compile(r"\s{1,3}(?:(?:de|du|des|of)(?!\w)|d')", re.IGNORECASE)
    day = re.compile(r"\s{1,3}(?:de|du|d'|of)\s{0,3}(?:the\s{1,3})?(?:\d|(?:" + days
                     + r")(?!\w))", re.IGNORECASE)
    return of, day


def _figurative(pod: str, after: str) -> bool:
    """"l'aube de l'an 2000", "à l'aube du XXIe siècle", "the dawn of a new era": a moment of
    the day whose complement is no day is the start of an age, no time of the day."""
    if pod not in {fold(m) for m in lexicon().parts_of_day["moments"]}:
        return False
    of, day = _complements()
    return of.match(after) is not None and day.match(after) is None


def resolve_anaphoric_year(match: Match, ctx: Context) -> Resolved | None:
    offset = int(str(_lookup(lexicon().relative["anaphoric_years"],
                             match.group("anaphoric_year"))))
    if ctx.previous is not None and ctx.previous.start is not None:
        return replace(year_value(ctx.previous.start.year + offset), explicit_year=True)
    return None


def period_value(period: str, anchor: Anchor, amount: int) -> Resolved:
    """The week/month/year/weekend/quarter ``amount`` periods from the anchor's."""
    reference = anchor.date
    if period in ("W", "WE"):
        if not anchor.knows("day"):
            return anchor_interval(anchor)
        moved = reference + timedelta(weeks=amount)
        return week_value(moved) if period == "W" else weekend_value(moved)
    if period in ("M", "Q") and not anchor.knows("month"):
        return anchor_interval(anchor)
    if period == "M":
        moved = shift(reference, amount, "M")
        return month_value(moved.year, moved.month)
    if period == "Q":
        moved = shift(reference, 3 * amount, "M")
        return quarter_value(moved.year, (moved.month - 1) // 3 + 1)
    if period == "C":  # "le siècle dernier" in 2021: the XXth (1900-1999)
        return century_value((reference.year - 1) // 100 + 1 + amount)
    return year_value(reference.year + amount)


def resolve_relative_period(match: Match, ctx: Context) -> Resolved | None:
    """"ce mois-ci", "la semaine dernière", "l'an dernier", "plus tôt cette semaine"."""
    if ctx.anchor is None:
        return None
    groups = match.groupdict()
    word = groups.get("period") or groups.get("period2") or groups.get("period3") or ""
    period = str(lexicon().periods.get(fold(word), ""))
    if not period:
        return None
    this = fold(groups.get("this") or "")
    amount = direction_of(groups.get("dir")) or {"last": -1, "next": 1, "coming": 1}.get(this, 0)
    if groups.get("ci") and fold(groups["ci"]) == "-là" and ctx.previous is not None:
        return ctx.previous
    if this == "this past":  # "this past weekend": the last one before the reference
        amount = -1 if period != "WE" or not ctx.anchor.knows("day") else (
            -1 if ctx.anchor.date.weekday() < 5 else 0)
    elif period == "WE" and amount == 0 and ctx.tense < 0 and ctx.anchor.knows("day"):
        amount = -1 if ctx.anchor.date.weekday() < 5 else 0
    resolved = period_value(period, ctx.anchor, amount)
    return replace(resolved, explicit_year=False)


def resolve_mod_period(match: Match, ctx: Context) -> Resolved | None:
    """"en début de semaine", "la fin de l'année dernière", "the end of the month"."""
    groups = match.groupdict()
    if ctx.anchor is None or (not groups.get("det") and not groups.get("lead")
                              and re.search(r"\bde\s$", ctx.before)):
        return None
    period = str(lexicon().periods.get(fold(match.group("period")), ""))
    if not period:
        return None
    resolved = period_value(period, ctx.anchor, direction_of(match.group("dir")))
    position = fold(match.group("pos"))
    mod = _START_OR_END.get(position, "MID")
    return resolved.with_mod(mod)


def resolve_clock(match: Match, ctx: Context) -> Resolved | None:
    """"21 h 45", "vers 18 h", "3 p.m.", "midi": on the previous day named, else the anchor."""
    groups = match.groupdict()
    if groups.get("fixed"):
        if groups["fixed"] != groups["fixed"].lower():
            return None  # "le Midi" is the south of France
        fixed = _lookup(lexicon().parts_of_day["fixed_clock"], groups["fixed"])
        hour, minute = str(fixed).split(":")
    elif groups.get("h") is not None:
        hour, minute = groups["h"], groups.get("m") or "00"
    elif groups.get("h12") is not None:
        twelve = int(groups["h12"]) % 12 + (12 if groups["ampm"].lower().startswith("p") else 0)
        hour, minute = str(twelve), groups.get("m12") or "00"
    elif groups.get("oc") is not None:
        count = parse_count(groups["oc"])
        if count is None or not 1 <= count <= 12:
            return None
        hour, minute = str(count), "00"
    elif groups.get("hm") is not None:
        hour, minute = groups["hm"], groups["mm"]
    else:
        hour, minute = groups["h24"], groups["m24"]
    hours, minutes = in_the_day(int(hour), int(minute), groups.get("frac"), groups.get("half"))
    return clock_on_day(hours, minutes, groups.get("bound"), ctx)


def in_the_day(hour: int, minute: int, fraction: str | None, half: str | None
               ) -> tuple[int, int]:
    """The clock time with its fraction of the hour ("et demie" +30, "moins le quart" -15)
    and its half of the day ("du soir", "in the afternoon": 1-11 o'clock in the
    afternoon)."""
    pods = lexicon().parts_of_day
    if half and str(_lookup(pods["day_halves"], half)) == "pm" and 1 <= hour < 12:
        hour += 12
    if fraction:
        minute += int(str(_lookup(pods["clock_fractions"], fraction) or 0))
    total = (hour * 60 + minute) % (24 * 60)
    return total // 60, total % 60


def clock_on_day(hour: int, minute: int, bound: str | None, ctx: Context) -> Resolved:
    """A clock time on the previous day named, else on the anchor's day."""
    clock = f"T{hour:02d}:{minute:02d}"
    mod = _bound(bound)
    base = ctx.previous_day or relative_day(ctx.anchor, 0)
    if base is None or base.granularity != "day" or base.start is None:
        value = (base.value if base is not None else "XXXX-XX-XX") + clock
        return Resolved("TIME", value, base.start if base else None,
                        base.end if base else None, base.granularity if base else "unknown", mod)
    day = base.start
    if base.value.endswith("TNI") and hour < 12:  # "la nuit de samedi, vers 2 h"
        day += timedelta(days=1)
    return Resolved("TIME", day.isoformat() + clock, day, day, "day", mod)


def _bound(word: str | None) -> str | None:
    if not word:
        return None
    mod = _lookup(lexicon().modifiers["bound"], word)
    return str(mod) if mod else None


def _unit_of(word: str) -> str:
    return str(lexicon().units.get(fold(word), ""))


def _count(match: Match, *names: str) -> int | None:
    for name in names:
        text = match.groupdict().get(name)
        if text:
            return parse_count(text)
    return None


def resolve_ago(match: Match, ctx: Context) -> Resolved | None:
    """"il y a trois jours", "il y a une semaine" (a day), "il y a deux ans" (a year)."""
    amount = _count(match, "n", "one")
    unit = _unit_of(match.group("unit"))
    if amount is None or not unit:
        return None
    return _shifted(ctx.anchor, -amount, unit, _bound(match.groupdict().get("bound")))


def _shifted(anchor: Anchor | None, amount: int, unit: str, mod: str | None = None,
             base: date | None = None) -> Resolved | None:
    """The day/month/year reached by moving ``amount`` units from ``base`` or the anchor."""
    if anchor is None and base is None:
        return None
    if " T" in unit:
        return _hours_shifted(anchor, amount, unit, mod) if base is None else None
    if base is None:
        assert anchor is not None
        if unit in ("D", "W", "2W") and not anchor.knows("day"):
            return anchor_interval(anchor)
        if unit in ("M", "3M", "6M") and not anchor.knows("month"):
            return anchor_interval(anchor)
        base = anchor.date
    moved = shift(base, amount, unit)
    if unit in ("D", "W", "2W"):
        resolved = day_value(moved)
    elif unit in ("M", "3M", "6M"):
        resolved = month_value(moved.year, moved.month)
    else:
        resolved = year_value(moved.year)
    return replace(resolved, mod=mod)


def _hours_shifted(anchor: Anchor | None, amount: int, unit: str, mod: str | None
                   ) -> Resolved | None:
    """"il y a deux heures", "dans 48 heures", "hours from now": the publication gives no
    hour, so the day those hours reach (whole days of 24 hours counted, the rest on the
    reference day)."""
    if anchor is None:
        return None
    if not anchor.knows("day"):
        return anchor_interval(anchor)
    hours = {"H": 1, "M": 1 / 60, "S": 1 / 3600}.get(unit.split()[0], 0) * abs(amount)
    days = int(hours // 24) * (1 if amount > 0 else -1)
    return replace(day_value(anchor.date + timedelta(days=days)), mod=mod)


def resolve_in_future(match: Match, ctx: Context) -> Resolved | None:
    """"dans trois jours", "in two weeks": a future day, month or year."""
    amount = _count(match, "n")
    unit = _unit_of(match.group("unit"))
    if amount is None or not unit or re.match(r"\s(?:de|d')", ctx.after):
        return None
    return _shifted(ctx.anchor, amount, unit)


def resolve_recent(match: Match, ctx: Context) -> Resolved | None:
    """"ces derniers jours" (PXD), "les trois derniers mois" (P3M), "the past 24 hours"."""
    unit = _unit_of(match.group("unit"))
    if not unit:
        return None
    amount = _count(match, "n", "n2")
    adjective = fold(match.group("adj"))
    future = adjective in ("prochains", "prochaines", "next", "coming")
    if amount is None and fold(match.group("unit")) in lexicon().relative.get(
            "singular_units", ()):
        amount = 1  # "the past year": one year, not the window of "recent years"
    if future and amount is None:
        return _coming(unit, ctx)
    value = iso_duration(str(amount) if amount is not None else "X", unit)
    resolved = Resolved("DURATION", value)
    if ctx.anchor is None or not ctx.anchor.knows("day"):
        return resolved
    reference = ctx.anchor.date
    if " T" in unit:  # "in the last 24 hours": the days those hours touch
        hours = {"H": 1, "M": 1 / 60, "S": 1 / 3600}.get(unit.split()[0], 0) * (amount or 0)
        if not hours or future:
            return resolved
        return replace(resolved, start=reference - timedelta(days=math.ceil(hours / 24)),
                       end=reference, granularity="range")
    if amount is None:
        window = int(lexicon().relative["recent_window_days"].get(unit.split()[0], 30))
        return replace(resolved, start=reference - timedelta(days=window), end=reference,
                       granularity="range")
    if future:
        return replace(resolved, start=reference + timedelta(days=1),
                       end=shift(reference, amount, unit), granularity="range")
    return replace(resolved, start=shift(reference, -amount, unit), end=reference,
                   granularity="range")


def _coming(unit: str, ctx: Context) -> Resolved:
    """"dans les jours qui viennent": FUTURE_REF over a short window after the reference."""
    resolved = Resolved("DATE", "FUTURE_REF")
    anchor = ctx.anchor
    if anchor is None:
        return resolved
    window = int(lexicon().relative["coming_window_days"].get(unit.split()[0], 30))
    interval = anchor_interval(anchor)
    assert interval.start is not None and interval.end is not None
    first = interval.start + timedelta(days=1) if anchor.knows("day") else interval.start
    return replace(resolved, start=first, end=interval.end + timedelta(days=window),
                   granularity="range")


def resolve_coming(match: Match, ctx: Context) -> Resolved | None:
    unit = _unit_of(match.group("unit"))
    return _coming(unit, ctx) if unit else None


def resolve_duration(match: Match, ctx: Context) -> Resolved | None:
    """"trois ans", "plus de vingt ans" (MORE_THAN), "plusieurs jours" (PXD), and
    "deux jours plus tard" (a day after the previous time)."""
    unit = _unit_of(match.group("unit"))
    groups = match.groupdict()
    if not unit or _is_age(match, ctx) or _ordinal_second(match, ctx):
        return None
    amount = 2 if groups.get("couple") else None if groups.get("vague") else _count(
        match, "n", "one")
    if amount is None and not groups.get("vague"):
        return None
    after = fold(groups.get("after") or "")
    if groups.get("vague") and fold(groups["vague"]) == "des" and " T" in unit:
        return None
    if after and amount is not None and (" T" not in unit or after in ("ago", "from now")):
        return _relative_to_previous(amount, unit, after, ctx)
    number = "X" if amount is None else str(amount)
    resolved = Resolved("DURATION", iso_duration(number, unit), mod=_bound(groups.get("bound")))
    if amount is None or groups.get("bound") or " T" in unit or ctx.anchor is None or \
            not ctx.anchor.knows("day"):
        return resolved
    words = fold(ctx.before).split()
    if words and words[-1] in lexicon().relative.get("duration_to_reference", ()):
        # "ont péri depuis six mois": the six months up to the reference
        reference = ctx.anchor.date
        return replace(resolved, start=shift(reference, -amount, unit), end=reference,
                       granularity="range")
    return resolved


def _relative_to_previous(amount: int, unit: str, after: str, ctx: Context) -> Resolved | None:
    sign = 1 if after in ("plus tard", "later") else -1
    if after in ("ago", "from now"):
        return _shifted(ctx.anchor, amount if after == "from now" else -amount, unit)
    day = ctx.previous_day or ctx.focus
    base = day.start if day else None
    if base is None and ctx.previous is not None and unit not in ("D", "W"):
        base = ctx.previous.start
    return _shifted(ctx.anchor, sign * amount, unit, base=base)


_WORD_AFTER = re.compile(r"\s{1,3}[^\W\d_]")


def _ordinal_second(match: Match, ctx: Context) -> bool:
    """"a second blast", "une seconde frappe": "second(e)" after an article and before a
    word (not "later", "ago") is the ordinal, not one second."""
    count = fold(match.groupdict().get("one") or match.groupdict().get("n") or "")
    return count in {fold(w) for w in lexicon().unit_file["articles_one"]} \
        and fold(match.group("unit")) in ("second", "seconde") \
        and not match.groupdict().get("after") and bool(_WORD_AFTER.match(ctx.after))


_AGE_AFTER = re.compile(r"^\s?(?:old|-old)\b", re.IGNORECASE)


def _is_age(match: Match, ctx: Context) -> bool:
    """"âgé de 17 ans", "Jean Burget, 87 ans,", "une fillette de 6 ans", "17 years old"."""
    unit = fold(match.group("unit"))
    if unit not in ("an", "ans", "year", "years") or match.groupdict().get("bound"):
        return False
    if _AGE_AFTER.match(ctx.after):
        return True
    before = fold(ctx.before)
    context = lexicon().context
    cues = sorted((fold(c) for c in context["age_cues"]), key=len, reverse=True)
    if any(before.endswith(" " + cue) or before == cue for cue in cues):
        return True
    if re.search(r"(?:^|[^\d]),$|\d\s?[-–/à]\s?$|\d\s[aà]$|\bet$", before):
        return True
    de_match = re.search(r"([\w']+) d[e']$", before)
    if de_match and not re.match(r"\s(?:de |d'|plus|après|avant)", ctx.after):
        return fold(de_match.group(1)) not in {fold(w) for w in context["duration_before_de"]}
    return False


def resolve_fixed_duration(match: Match, ctx: Context) -> Resolved | None:
    value = _lookup(lexicon().unit_file["fixed_durations"], match.group("fixed_duration"))
    return Resolved("DURATION", str(value), mod=_bound(match.groupdict().get("bound")))


def resolve_vague_after(match: Match, ctx: Context) -> Resolved | None:
    """"hours later", "des jours plus tard" (after "des", ours): a duration with the count
    left out, PTXH, PXD (plural units only: "an hour later" is the duration rule's)."""
    unit = _unit_of(match.group("unit"))
    return Resolved("DURATION", iso_duration("X", unit)) if unit else None


def resolve_set(match: Match, ctx: Context) -> Resolved | None:
    """"chaque semaine" (P1W), "tous les deux jours" (P2D), "tous les jeudis"."""
    groups = match.groupdict()
    if groups.get("wd"):
        weekday = lexicon().weekdays.get(fold(groups["wd"]))
        return Resolved("SET", f"XXXX-WXX-{(weekday or 0) + 1}")
    unit = _unit_of(groups.get("unit") or "")
    amount = _count(match, "n") or 1
    return Resolved("SET", iso_duration(str(amount), unit)) if unit else None


def resolve_set_per(match: Match, ctx: Context) -> Resolved | None:
    unit = _unit_of(match.group("unit"))
    return Resolved("SET", iso_duration("1", unit)) if unit else None


def resolve_set_adjective(match: Match, ctx: Context) -> Resolved | None:
    """"des frappes quotidiennes" is a frequency; "le quotidien", "un hebdomadaire" (the
    forms modifiers.yaml lists as ``press_nouns``, after a determiner) and "la presse
    quotidienne" (any form after ``press_before``) name a periodical, no time."""
    word = match.group("set_adjective")
    modifiers = lexicon().modifiers
    previous = re.search(r"([\w']{1,40})\s$", ctx.before)
    previous_word = fold(previous.group(1)) if previous else ""
    if previous_word in {fold(w) for w in modifiers["press_before"]}:
        return None
    if fold(word) in {fold(w) for w in modifiers["press_nouns"]} and (
            previous_word in {fold(d) for d in modifiers["noun_determiners"]}
            or re.search(r"(?<!\w)l'$", ctx.before, re.IGNORECASE)):
        return None
    return Resolved("SET", str(_lookup(modifiers["set_adjectives"], word)))


def resolve_ref(kind: str) -> object:
    def resolver(match: Match, ctx: Context) -> Resolved | None:
        return Resolved("TIME", kind)

    return resolver


def resolve_weekday_rule(match: Match, ctx: Context) -> Resolved | None:
    return resolve_weekday(match, ctx)


def resolve_temporal_adjective(match: Match, ctx: Context) -> Resolved | None:
    """"un précédent dîner" (PAST_REF), "son actuelle charge" (PRESENT_REF), "les
    prochaines échéances", "the upcoming vote" (FUTURE_REF)."""
    word = fold(match.group("adj"))
    for value, words in lexicon().relative["temporal_adjectives"].items():
        if word in {fold(w) for w in words}:
            return Resolved("TIME", str(value))
    return None


def resolve_same_period(match: Match, ctx: Context) -> Resolved | None:
    """"à la même époque" after "l'année dernière": the reference's month in that year; after
    a month or a day, that time itself; with nothing before, unresolved (no mention)."""
    previous = ctx.previous
    if previous is None or previous.start is None or ctx.anchor is None:
        return None
    if previous.granularity == "year" and ctx.anchor.knows("month"):
        return replace(month_value(previous.start.year, ctx.anchor.month), explicit_year=False)
    if previous.granularity in ("month", "week", "day"):
        return previous
    return None
