"""Resolvers for calendar formats that are not month words: numeric dates, clock times in
words, quarters and halves, week numbers, two-digit years, fixed holidays."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from newsevents.stages.timex.calendar import (
    Resolved,
    day_value,
    half_value,
    quarter_value,
    week_number_value,
    year_value,
)
from newsevents.stages.timex.context import Context
from newsevents.stages.timex.lexicon import fold, lexicon
from newsevents.stages.timex.numbers import parse_count
from newsevents.stages.timex.resolve_dates import (
    direction_of,
    narrative_year,
    parse_year,
    year_for_month,
)
from newsevents.stages.timex.resolve_relative import clock_on_day, in_the_day

Match = re.Match[str]


def day_month_order(first: int, second: int, language: str, separator: str) -> tuple[int, int]:
    """(day, month) of "12/03": a part above 12 can only be the day; else dots are European
    (day first) and slashes follow the language (fr 12/03 = 12 March, en 03/12 = March 12)."""
    if first > 12 >= second:
        return first, second
    if second > 12 >= first:
        return second, first
    if separator == "/" and language == "en":
        return second, first
    return first, second


def resolve_numeric_date(match: Match, ctx: Context) -> Resolved | None:
    """"12/03/2021", "29.02.2020", "03/12/21" (by the language), "2021-03-12"."""
    groups = match.groupdict()
    if groups.get("iy"):
        year, month, day = int(groups["iy"]), int(groups["im"]), int(groups["id"])
    else:
        day, month = day_month_order(int(groups["a"]), int(groups["b"]), ctx.language,
                                     groups["sep"])
        year = parse_year(groups["y"], ctx.anchor)
    try:
        resolved = day_value(date(year, month, day))
    except ValueError:
        return None
    return replace(resolved, explicit_year=True, month=month, day=day)


def resolve_short_numeric_date(match: Match, ctx: Context) -> Resolved | None:
    """"le 17/03", "le 2/4" (fr: 2 April), "on 3/17": day and month in the language's order,
    the year as for "le 17 mars" (the narrative's, else by the clause's direction)."""
    day, month = day_month_order(int(match.group("a")), int(match.group("b")), ctx.language,
                                 "/")
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    year = narrative_year(ctx) or year_for_month(month, day, ctx, 0)
    if year is None:
        return Resolved("DATE", f"XXXX-{month:02d}-{day:02d}", month=month, day=day)
    try:
        resolved = day_value(date(year, month, day))
    except ValueError:
        return None
    return replace(resolved, month=month, day=day)


def resolve_clock_words(match: Match, ctx: Context) -> Resolved | None:
    """"à seize heures", "vers 16 heures 30", "jusqu'à vingt-deux heures": a clock time
    (not the duration "seize heures")."""
    hour = parse_count(match.group("hw"))
    minute = parse_count(match.group("mw")) if match.group("mw") else 0
    if hour is None or minute is None or not (0 <= hour <= 24 and 0 <= minute < 60):
        return None
    groups = match.groupdict()
    hours, minutes = in_the_day(hour % 24, minute, groups.get("frac"), groups.get("half"))
    return clock_on_day(hours, minutes, groups.get("bound"), ctx)


def _ordinal(word: str) -> int | str | None:
    value = {fold(k): v for k, v in lexicon().formats["ordinals"].items()}.get(fold(word))
    return value if isinstance(value, (int, str)) else None


def resolve_part_of_year(match: Match, ctx: Context) -> Resolved | None:
    """"le troisième trimestre 2016" (2016-Q3), "Q1 2016", "au premier semestre" (H1 of the
    reference year), "the last quarter of 2019", "2016 Q2"."""
    groups = match.groupdict()
    if groups.get("qh") or groups.get("qh3"):
        letter = (groups.get("qh") or groups.get("qh3") or "").upper()
        code = {"Q": "Q", "T": "Q", "H": "H", "S": "H"}[letter]
        number = int(groups.get("qn") or groups.get("qn3") or 0)
        year: int | None = int(groups.get("year2") or groups.get("year3") or 0)
    else:
        code = str({fold(k): v for k, v in lexicon().formats["part_units"].items()}
                   .get(fold(groups["part"]), ""))
        ordinal = _ordinal(groups["ord"])
        if not code or ordinal is None:
            return None
        number = (4 if code == "Q" else 2) if ordinal == "last" else int(ordinal)
        year = int(groups["year"]) if groups.get("year") else _year_of_part(code, number, ctx)
    if year is None or (code == "H" and number > 2):
        return None
    value = quarter_value(year, number) if code == "Q" else half_value(year, number)
    return replace(value, explicit_year=bool(groups.get("year") or groups.get("year2")
                                             or groups.get("year3")))


def _year_of_part(code: str, number: int, ctx: Context) -> int | None:
    """A quarter or half without a year: the reference year, the one before when a past
    sentence names a part that has not begun yet."""
    year = narrative_year(ctx)
    if year is not None or ctx.anchor is None:
        return year
    first_month = (number - 1) * (3 if code == "Q" else 6) + 1
    if ctx.tense < 0 and ctx.anchor.knows("month") and first_month > ctx.anchor.month:
        return ctx.anchor.year - 1
    return ctx.anchor.year


def resolve_week_number(match: Match, ctx: Context) -> Resolved | None:
    """"la semaine 12" (2016-W12 in the reference year), "week 52 of 2015"."""
    week = int(match.group("wn"))
    year = int(match.group("year")) if match.group("year") else (
        narrative_year(ctx) or (ctx.anchor.year if ctx.anchor else None))
    if year is None or week < 1:
        return None
    return week_number_value(year, week)


def resolve_short_year(match: Match, ctx: Context) -> Resolved | None:
    """"en 92" (1992), "in '05" (2005): the century closest below the reference."""
    digits = match.group("y2") or match.group("y3")
    return replace(year_value(parse_year(digits, ctx.anchor)), explicit_year=True)


def resolve_holiday(match: Match, ctx: Context) -> Resolved | None:
    """"Noël", "la Saint-Sylvestre", "Christmas Eve", "le jour de l'An 2020": the fixed day,
    in the year named, else the paragraph's or the one the tense points to."""
    holidays = {fold(k): v for k, v in lexicon().formats["holidays"].items()}
    month, day = holidays[fold(match.group("holiday"))]
    groups = match.groupdict()
    direction = direction_of(groups.get("dir"))
    if groups.get("year"):
        year: int | None = int(groups["year"])
    else:
        year = None if direction else narrative_year(ctx)
        year = year or year_for_month(month, day, ctx, direction)
    if year is None:
        return Resolved("DATE", f"XXXX-{month:02d}-{day:02d}", month=month, day=day)
    return replace(day_value(date(year, month, day)), explicit_year=bool(groups.get("year")),
                   month=month, day=day)
