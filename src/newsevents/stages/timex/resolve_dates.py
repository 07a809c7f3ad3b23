"""Resolvers for calendar expressions: dates, months, years, seasons, decades, weekdays."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from newsevents.stages.timex.calendar import (
    Anchor,
    Resolved,
    add_months,
    anchor_interval,
    century_value,
    day_value,
    decade_value,
    month_value,
    season_value,
    year_value,
)
from newsevents.stages.timex.context import Context
from newsevents.stages.timex.lexicon import fold, lexicon
from newsevents.stages.timex.numbers import parse_day, parse_roman

Match = re.Match[str]


def direction_of(word: str | None) -> int:
    if not word:
        return 0
    return int(lexicon().relative["direction_after"].get(fold(word), 0))


def parse_year(text: str, anchor: Anchor | None) -> int:
    """Four digits as is; two digits ("98", "'93") in the century closest below the anchor."""
    digits = text.strip("'’")
    if len(digits) == 4:
        return int(digits)
    reference = anchor.year if anchor else 2000
    candidate = reference // 100 * 100 + int(digits)
    return candidate - 100 if candidate > reference + 10 else candidate


def year_for_month(month: int, day: int | None, ctx: Context, direction: int) -> int | None:
    """The year of a month (and day) named without one, from "dernier/prochain" or tense."""
    anchor = ctx.anchor
    if anchor is None:
        return None
    if anchor.precision == "year":
        return anchor.year
    here = (anchor.month, anchor.day if anchor.precision == "day" else 15)
    there = (month, day if day is not None else 15)
    way = direction or ctx.tense
    if (day is None or anchor.precision == "month") and month == anchor.month and not direction:
        return anchor.year  # "le 19 mai" in an article of May 2021 (day unknown): that May
    if way < 0:
        return anchor.year - 1 if there >= here and (there != here or direction) else anchor.year
    if way > 0:
        return anchor.year + 1 if there <= here and (there != here or direction) else anchor.year
    if day is None:
        return anchor.year
    return _nearest_year(anchor, month, day)


def _nearest_year(anchor: Anchor, month: int, day: int) -> int:
    reference = anchor.date
    best_year, best_distance = anchor.year, 10**6
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            distance = abs((date(year, month, day) - reference).days)
        except ValueError:
            continue
        if distance < best_distance:
            best_year, best_distance = year, distance
    return best_year


def narrative_year(ctx: Context) -> int | None:
    """The year the text set in this or the last sentence of the paragraph ("En 2015, ...
    En mars, ..." is March 2015), unless it was a background period ("depuis avril 2023")."""
    return ctx.narrative_year


def resolve_date(match: Match, ctx: Context) -> Resolved | None:
    """"le 3 mai", "samedi 5 juin", "25 mars 2021", "March 25, 2021", "le 6 mai dernier"."""
    groups = match.groupdict()
    return _resolve_day(groups.get("month") or groups.get("month2") or "", match.group("day"),
                        groups, ctx)


def _resolve_day(month_word: str, day_word: str, groups: dict[str, str | None],
                 ctx: Context) -> Resolved | None:
    month = lexicon().month_number(month_word)
    day = parse_day(day_word)
    if month is None or day is None:
        return None
    year_text = groups.get("year")
    direction = direction_of(groups.get("dir"))
    if year_text:
        year: int | None = parse_year(year_text, ctx.anchor)
    else:
        year = None if direction else narrative_year(ctx)
        if year is None:
            year = year_for_month(month, day, ctx, direction)
    if year is None:
        return Resolved("DATE", f"XXXX-{month:02d}-{day:02d}", month=month, day=day)
    weekday_word = groups.get("wd")
    if weekday_word and not year_text:
        year = _year_matching_weekday(year, month, day, lexicon().weekdays.get(fold(weekday_word)))
    try:
        resolved = day_value(date(year, month, day))
    except ValueError:
        return None
    return replace(resolved, explicit_year=bool(year_text), month=month, day=day)


def _year_matching_weekday(year: int, month: int, day: int, weekday: int | None) -> int:
    """"jeudi 16 septembre": the year near ``year`` where 16 September is a Thursday."""
    for candidate in (year, year + 1, year - 1):
        try:
            if date(candidate, month, day).weekday() == weekday:
                return candidate
        except ValueError:
            continue
    return year


def resolve_day_range(match: Match, ctx: Context) -> Resolved | None:
    """"du 3 au 5 mai (2021)": one mention from the first day to the last."""
    last = resolve_date(match, ctx)
    first_day = parse_day(match.groupdict().get("d1") or match.groupdict().get("d2") or "")
    if last is None or last.start is None or first_day is None or first_day > last.start.day:
        return None
    first = last.start.replace(day=first_day)
    return Resolved("DATE", f"{first.isoformat()}/{last.start.isoformat()}", first, last.end,
                    "range", explicit_year=last.explicit_year)


def resolve_month(match: Match, ctx: Context) -> Resolved | None:
    """"en mars", "juin 2014", "septembre dernier", "septembre de la même année"."""
    groups = match.groupdict()
    bare = not (groups.get("lead") or groups.get("det") or groups.get("year"))
    if bare and _english_bare(match):
        return None
    month = lexicon().month_number(match.group("month"))
    if month is None:
        return None
    year_text = groups.get("year")
    explicit = bool(year_text)
    if year_text:
        year: int | None = parse_year(year_text, ctx.anchor)
    elif groups.get("anaph"):
        year = ctx.previous.start.year if ctx.previous and ctx.previous.start else None
        explicit = year is not None
    else:
        year = narrative_year(ctx) if not groups.get("dir") else None
        if year is None:
            year = year_for_month(month, None, ctx, direction_of(groups.get("dir")))
    if year is None:
        return Resolved("DATE", f"XXXX-{month:02d}", month=month)
    return replace(month_value(year, month), explicit_year=explicit, month=month)


def _english_bare(match: Match) -> bool:
    """A capitalised English month word with no cue ("May I...") is not a date."""
    word = match.group("month")
    return word in lexicon().month_case_sensitive and word[0].isupper() and word != "Mars"


def resolve_year(match: Match, ctx: Context) -> Resolved | None:
    if _is_count(ctx.after) or re.match(r"\s?%|\s?[-–]\s?\d{1,2}\b(?!\d)", ctx.after):
        return None
    year = int(match.group("year"))
    return replace(year_value(year), explicit_year=True)


def _is_count(after: str) -> bool:
    """A year-like number followed by a counted noun ("2000 soldats") is a quantity."""
    word = re.match(r"\s{1,3}([\w'’-]+)", after)
    if not word:
        return False
    nouns = {fold(n) for n in lexicon().context["count_nouns"]}
    return fold(word.group(1)) in nouns


def resolve_decade(match: Match, ctx: Context) -> Resolved | None:
    groups = match.groupdict()
    word = groups.get("dec_word") or groups.get("dec")
    decades = {fold(k): v for k, v in lexicon().numbers["decades"].items()}
    if word and fold(word) in decades:
        return decade_value(1900 + 10 * int(decades[fold(word)]))
    digits = (groups.get("dec") or groups.get("dec_en") or "").strip("'’")
    if len(digits) == 4 and digits.endswith("0"):
        return decade_value(int(digits))
    if len(digits) == 2 and digits.endswith("0"):
        return decade_value(parse_year(digits, ctx.anchor))
    return None


def resolve_century(match: Match, ctx: Context) -> Resolved | None:
    number = parse_roman(match.group("cent"))
    return century_value(number) if number and 1 <= number <= 21 else None


def resolve_season(match: Match, ctx: Context) -> Resolved | None:
    lex = lexicon()
    groups = match.groupdict()
    word = fold(match.group("season"))
    code = lex.seasons.get(word)
    if code is None:
        return None
    marked = groups.get("det") or groups.get("lead") or groups.get("year") or groups.get("dir")
    if not marked and not _season_alone(match.group("season"), ctx.before):
        return None
    if groups.get("year"):
        return replace(season_value(int(groups["year"]), code, lex.season_months[code]),
                       explicit_year=True)
    det = fold(groups.get("det") or "")
    generic = not (groups.get("dir") or det in ("cet", "ce", "last", "next", "this"))
    if ctx.anchor is None or (generic and ctx.tense >= 0):
        return Resolved("DATE", f"XXXX-{code}")
    direction = direction_of(groups.get("dir"))
    direction = direction or {"last": -1, "next": 1}.get(det, 0)
    year = ctx.anchor.year + direction
    return season_value(year, code, lex.season_months[code])


def _season_alone(word: str, before: str) -> bool:
    """A season word with no determiner, preposition or year. After "de"/"d'" it names a
    time only as the complement of a time noun ("les mois d'été", "trois semaines
    d'hiver"), a kind otherwise ("les Jeux d'hiver"). Else it is a season ("Eté comme
    hiver") unless it is also a verb form ("a été tué", "prices fall", seasons.yaml
    ``ambiguous``), which then needs a capital at the start of a sentence or one of
    ``ambiguous_cues`` right before it ("during spring")."""
    seasons = lexicon().seasons_raw
    plain = fold(before)
    complement = re.search(r"([\w-]{1,30})\s{1,3}d(?:e\s{1,3}|')$", plain)
    if complement:
        return complement.group(1) in lexicon().units
    if fold(word) not in {fold(w) for w in seasons.get("ambiguous") or ()}:
        return True
    if any(plain.endswith(" " + fold(cue)) or plain == fold(cue)
           for cue in seasons.get("ambiguous_cues") or ()):
        return True
    return word[0].isupper() and bool(re.search(r"(?:^|[.!?\n]\s*)$", before))


def weekday_date(weekday: int, anchor: Anchor, direction: int, tense: int,
                 present: bool = False) -> date:
    """The weekday nearest the anchor: "dernier" strictly before, "prochain" strictly after,
    bare by tense (past unless the clause is in the future; the nearest either way when
    it is in the present: "se rend vendredi", "talks resume Monday"), the same day
    counting."""
    reference = anchor.date
    back = (reference.weekday() - weekday) % 7
    forward = (weekday - reference.weekday()) % 7
    if direction < 0:
        return reference - timedelta(days=back or 7)
    if direction > 0:
        return reference + timedelta(days=forward or 7)
    if tense > 0:
        return reference + timedelta(days=forward)
    if tense == 0 and present:
        return nearest_weekday(weekday, reference)
    return reference - timedelta(days=back)


def nearest_weekday(weekday: int, reference: date) -> date:
    """The weekday closest to a day of the narrative, later on a tie (stories move on)."""
    back = (reference.weekday() - weekday) % 7
    forward = (weekday - reference.weekday()) % 7
    return reference + timedelta(days=forward) if forward <= back else reference - timedelta(
        days=back)


def resolve_weekday(match: Match, ctx: Context) -> Resolved | None:
    """"mercredi", "jeudi dernier", "mardi prochain", "last Thursday", "vendredi matin"."""
    groups = match.groupdict()
    weekday = lexicon().weekdays.get(fold(match.group("wd")))
    if weekday is None:
        return None
    pre = fold(groups.get("pre") or "")
    following = groups.get("fpre") or groups.get("follow")
    if groups.get("plural") or (pre in ("le", "les") and not groups.get("dir") and not following):
        return Resolved("SET", f"XXXX-WXX-{weekday + 1}")
    if ctx.anchor is None:
        return Resolved("DATE", f"XXXX-WXX-{weekday + 1}")
    if not ctx.anchor.knows("day"):
        return anchor_interval(ctx.anchor)
    # "late Tuesday", "early on Monday": the day, its END or START (TIMEX3 mod)
    mod = {"late": "END", "early": "START"}.get(fold(groups.get("pos") or "").split(" ")[0])
    if following:
        # after the previous day named, else after the reference
        base = ctx.previous_day.start if ctx.previous_day and ctx.previous_day.start \
            else ctx.anchor.date
        day = base + timedelta(days=(weekday - base.weekday()) % 7 or 7)
        return with_part_of_day(day_value(day), groups.get("pod"))
    if groups.get("en"):
        # "lundi en huit": a week after the next Monday ("en quinze": two)
        weeks = 2 if fold(groups["en"]) == "quinze" else 1
        day = weekday_date(weekday, ctx.anchor, 1, 1) + timedelta(weeks=weeks)
        return with_part_of_day(day_value(day), groups.get("pod"))
    direction = direction_of(groups.get("dir")) or {"last": -1, "next": 1}.get(pre, 0)
    focus = ctx.far_focus()
    if focus is not None and focus.start is not None and not direction:
        day = nearest_weekday(weekday, focus.start)
    else:
        day = weekday_date(weekday, ctx.anchor, direction, ctx.tense, ctx.present)
    return with_part_of_day(day_value(day), groups.get("pod")).with_mod(mod)


def resolve_weekday_day(match: Match, ctx: Context) -> Resolved | None:
    """"mercredi 17", "Wednesday the 17th": the date nearest the reference (the narrative's
    day when it is far from the publication) that is that day number and that weekday."""
    groups = match.groupdict()
    weekday = lexicon().weekdays.get(fold(match.group("wd")))
    number = parse_day(groups.get("day") or groups.get("day2") or "")
    if weekday is None or number is None:
        return None
    if ctx.anchor is None or not ctx.anchor.knows("month"):
        return Resolved("DATE", f"XXXX-XX-{number:02d}", day=number)
    focus = ctx.far_focus()
    reference = focus.start if focus is not None and focus.start is not None else (
        ctx.anchor.date if ctx.anchor.knows("day") else ctx.anchor.date.replace(day=15))
    first = date(reference.year, reference.month, 1)
    matching = []
    for months in range(-14, 15):  # the same weekday and day number recur within 14 months
        month_start = add_months(first, months)
        try:
            day = month_start.replace(day=number)
        except ValueError:
            continue
        if day.weekday() == weekday:
            matching.append(day)
    if not matching:
        return None
    best = min(matching, key=lambda d: (abs((d - reference).days), d < reference))
    return with_part_of_day(replace(day_value(best), day=number), groups.get("pod"))


def with_part_of_day(resolved: Resolved, pod: str | None, mod: str | None = None) -> Resolved:
    """"vendredi matin" -> TIME 1999-08-06TMO, same interval as the day."""
    if not pod or resolved.granularity != "day":
        return resolved
    code = lexicon().parts_of_day["names"].get(fold(pod).replace(" ", "-"))
    code = code or {fold(k): v for k, v in lexicon().parts_of_day["names"].items()}.get(fold(pod))
    if code is None:
        return resolved
    return replace(resolved, type="TIME", value=f"{resolved.value}T{code}", mod=mod)


def resolve_night_between(match: Match, ctx: Context) -> Resolved | None:
    """"la nuit de lundi à mardi", "la nuit de samedi", "la nuit du 3 au 4 mai", "the
    night of May 3": the night that starts on the first day named (TNI, two days long)."""
    groups = match.groupdict()
    if groups.get("d1") or groups.get("d_en"):
        first = _night_start(match, ctx)
        if first is None:
            return None
        day = first
    else:
        weekday = lexicon().weekdays.get(fold(match.group("wd")))
        if weekday is None or ctx.anchor is None:
            return None
        if not ctx.anchor.knows("day"):
            return anchor_interval(ctx.anchor)
        focus = ctx.far_focus()
        day = (nearest_weekday(weekday, focus.start) if focus and focus.start
               else weekday_date(weekday, ctx.anchor, 0, ctx.tense, ctx.present))
    # "tard dans la nuit de mardi": the night's END (TIMEX3 mod), "tôt dans": its START
    mod = {"tard": "END", "late": "END", "tôt": "START", "early": "START"}.get(
        fold(groups.get("pos") or ""))
    return Resolved("TIME", f"{day.isoformat()}TNI", day, day + timedelta(days=1), "day",
                    mod=mod)


def _night_start(match: Match, ctx: Context) -> date | None:
    """The first day of "la nuit du 3 au 4 mai" (the 3rd), "the night of May 3"."""
    groups = match.groupdict()
    month = lexicon().month_number(groups.get("month") or groups.get("month_en") or "")
    day = parse_day(groups.get("d1") or groups.get("d_en") or "")
    if month is None or day is None:
        return None
    year_text = groups.get("year")
    year = parse_year(year_text, ctx.anchor) if year_text else (
        narrative_year(ctx) or year_for_month(month, day, ctx, 0))
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None
