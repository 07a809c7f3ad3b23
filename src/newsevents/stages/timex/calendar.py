"""Calendar arithmetic and ISO-TimeML values for resolved time expressions.

An :class:`Anchor` is what relative expressions are resolved against: a date known to the
day, the month or the year (``"2021-03-25"``, ``"2021-03"``, ``"2021"``). Expressions that
need a finer anchor than we have (a weekday in an article dated by month only) resolve to
the anchor's own interval: the month or the year that surely contains them.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as _dt
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from newsevents.stages.timex.lexicon import lexicon

GRANULARITY_RANK = {"year": 0, "month": 1, "week": 2, "day": 3}


@dataclass(frozen=True)
class Anchor:
    """A reference date with its precision ("day", "month" or "year")."""

    year: int
    month: int = 1
    day: int = 1
    precision: str = "day"

    @classmethod
    def parse(cls, iso: str | None) -> Anchor | None:
        match = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", iso or "")
        if not match:
            return None
        year, month, day = match.groups()
        if int(year) == 0:  # no year 0 in the calendar: a broken date is no anchor
            return None
        try:
            if day:
                date(int(year), int(month), int(day))
                return cls(int(year), int(month), int(day), "day")
            if month and 1 <= int(month) <= 12:
                return cls(int(year), int(month), 1, "month")
        except ValueError:
            pass
        return cls(int(year), 1, 1, "year")

    @property
    def date(self) -> _dt.date:
        return _dt.date(self.year, self.month, self.day)

    def knows(self, granularity: str) -> bool:
        """Whether the anchor is precise enough to compute at ``granularity``."""
        return GRANULARITY_RANK[self.precision] >= GRANULARITY_RANK.get(granularity, 3)

    def at(self, day: _dt.date) -> Anchor:
        return replace(self, year=day.year, month=day.month, day=day.day, precision="day")


@dataclass(frozen=True)
class Resolved:
    """A resolved time: TIMEX3 type/value/mod plus the inclusive interval it covers."""

    type: str
    value: str
    start: date | None = None
    end: date | None = None
    granularity: str = "unknown"
    mod: str | None = None
    explicit_year: bool = False  # the text named the year (anaphora and ranges reuse it)
    month: int | None = None  # month/day named without a year, for ranges "de juin à août 2014"
    day: int | None = None

    def with_mod(self, mod: str | None) -> Resolved:
        if mod is None or self.start is None or self.end is None:
            return replace(self, mod=mod or self.mod)
        start, end = narrow(self.start, self.end, mod)
        return replace(self, mod=mod, start=start, end=end)


def month_end(year: int, month: int) -> date:
    return date(year, month, _calendar.monthrange(year, month)[1])


def day_value(day: date) -> Resolved:
    return Resolved("DATE", day.isoformat(), day, day, "day")


def month_value(year: int, month: int) -> Resolved:
    return Resolved("DATE", f"{year:04d}-{month:02d}", date(year, month, 1),
                    month_end(year, month), "month")


def year_value(year: int) -> Resolved:
    return Resolved("DATE", f"{year:04d}", date(year, 1, 1), date(year, 12, 31), "year")


def week_value(day: date) -> Resolved:
    iso_year, iso_week, _ = day.isocalendar()
    monday = day - timedelta(days=day.weekday())
    return Resolved("DATE", f"{iso_year:04d}-W{iso_week:02d}", monday,
                    monday + timedelta(days=6), "week")


def weekend_value(day: date) -> Resolved:
    iso_year, iso_week, _ = day.isocalendar()
    saturday = day - timedelta(days=day.weekday()) + timedelta(days=5)
    return Resolved("DATE", f"{iso_year:04d}-W{iso_week:02d}-WE", saturday,
                    saturday + timedelta(days=1), "week")


def quarter_value(year: int, quarter: int) -> Resolved:
    first = 3 * (quarter - 1) + 1
    return Resolved("DATE", f"{year:04d}-Q{quarter}", date(year, first, 1),
                    month_end(year, first + 2), "month")


def half_value(year: int, half: int) -> Resolved:
    first = 6 * (half - 1) + 1
    return Resolved("DATE", f"{year:04d}-H{half}", date(year, first, 1),
                    month_end(year, first + 5), "month")


def week_number_value(year: int, week: int) -> Resolved:
    """ISO week ``week`` of ``year`` (2016-W12), Monday to Sunday."""
    monday = date.fromisocalendar(year, week, 1)
    return Resolved("DATE", f"{year:04d}-W{week:02d}", monday, monday + timedelta(days=6),
                    "week")


def season_value(year: int, code: str, months: tuple[int, int]) -> Resolved:
    first, last = months
    end_year = year + 1 if last < first else year
    return Resolved("DATE", f"{year:04d}-{code}", date(year, first, 1),
                    month_end(end_year, last), "month")


def decade_value(first_year: int) -> Resolved:
    return Resolved("DATE", f"{first_year // 10:03d}X", date(first_year, 1, 1),
                    date(first_year + 9, 12, 31), "year")


def century_value(number: int) -> Resolved:
    """The Nth century as ISO-TimeML writes it: the XXe siècle is "19" (1900-1999)."""
    first = (number - 1) * 100
    return Resolved("DATE", f"{number - 1:02d}", date(max(first, 1), 1, 1),
                    date(first + 99, 12, 31), "year")


def anchor_interval(anchor: Anchor) -> Resolved:
    """The interval the anchor itself names (its day, month or year)."""
    if anchor.precision == "day":
        return day_value(anchor.date)
    if anchor.precision == "month":
        return month_value(anchor.year, anchor.month)
    return year_value(anchor.year)


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, _calendar.monthrange(year, month + 1)[1]))


def shift(day: date, amount: int, unit: str) -> date:
    """``day`` moved by ``amount`` units (D, W, M, Y; 10Y and 100Y too)."""
    if unit == "D":
        return day + timedelta(days=amount)
    if unit == "W":
        return day + timedelta(weeks=amount)
    if unit == "2W":  # a fortnight
        return day + timedelta(weeks=2 * amount)
    multiplier = {"M": 1, "3M": 3, "6M": 6, "Y": 12, "10Y": 120, "100Y": 1200}.get(unit, 0)
    if multiplier == 0:
        return day
    return add_months(day, amount * multiplier)


def narrow(start: date, end: date, mod: str) -> tuple[date, date]:
    """Keep the first, middle or last third of ``[start, end]`` for START/MID/END."""
    length = (end - start).days + 1
    third = max(length // 3, 1)
    if mod == "START":
        return start, start + timedelta(days=third - 1)
    if mod == "MID":
        return start + timedelta(days=third), end - timedelta(days=third)
    if mod == "END":
        return end - timedelta(days=third - 1), end
    return start, end


def iso_duration(amount: str, unit: str) -> str:
    """ISO-8601 duration of ``amount`` units: ("3", "Y") -> "P3Y", ("24", "H T") -> "PT24H"."""
    designator, _, time_flag = unit.partition(" ")
    multiplier_match = re.match(r"^(\d+)(\w)$", designator)
    if multiplier_match and amount.isdigit():
        amount = str(int(amount) * int(multiplier_match.group(1)))
        designator = multiplier_match.group(2)
    elif multiplier_match:
        designator = {"10Y": "DE", "100Y": "CE"}.get(designator, multiplier_match.group(2))
    return f"PT{amount}{designator}" if time_flag else f"P{amount}{designator}"


_VALUE_FORMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), name) for pattern, name in (
        (r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?", "day"),
        (r"(\d{4})-(\d\d)", "month"),
        (r"(\d{4})", "year"),
        (r"(\d{4})-W(\d\d)(-WE)?", "week"),
        (r"(\d{4})-Q([1-4])", "quarter"),
        (r"(\d{4})-H([12])", "half"),
        (r"(\d{4})-(SP|SU|FA|WI)", "season"),
        (r"(\d{3})X", "decade"),
        (r"(\d\d)", "century"),
    ))


def value_interval(value: str) -> tuple[date, date] | None:
    """The inclusive interval an ISO-TimeML value names ("2021-03": March 2021, "2016-Q3",
    "2014-W12-WE", "199X", "19": 1900-1999, "A/B": from A's start to B's end); None for a
    value that names no interval of the calendar (PRESENT_REF, XXXX-WXX-1, durations)."""
    first, slash, second = value.partition("/")
    if slash:
        a, b = value_interval(first), value_interval(second)
        return (a[0], b[1]) if a and b else None
    for pattern, name in _VALUE_FORMS:
        match = pattern.fullmatch(value)
        if match is None:
            continue
        try:
            return _form_interval(name, match.groups())
        except ValueError:
            return None
    return None


def _form_interval(name: str, groups: tuple[str | None, ...]) -> tuple[date, date]:
    number, second = int(groups[0] or 0), groups[1] if len(groups) > 1 else None
    if name == "day":
        day = date(number, int(second or 0), int(groups[2] or 0))
        return day, day
    if name == "season":
        code = str(second)
        resolved = season_value(number, code, lexicon().season_months[code])
    elif name == "week":
        resolved = week_number_value(number, int(second or 0))
        if groups[2] and resolved.start is not None:
            resolved = weekend_value(resolved.start)
    else:
        resolved = {
            "month": lambda: month_value(number, int(second or 0)),
            "year": lambda: year_value(number),
            "quarter": lambda: quarter_value(number, int(second or 0)),
            "half": lambda: half_value(number, int(second or 0)),
            "decade": lambda: decade_value(number * 10),
            "century": lambda: century_value(number + 1),
        }[name]()
    assert resolved.start is not None and resolved.end is not None
    return resolved.start, resolved.end


def interval_agrees(value: str, mod: str | None, start: date | None, end: date | None,
                    reference: date | None = None) -> bool:
    """Whether a resolved interval is the one its value and modifier name: the value's own
    interval, narrowed by START/MID/END; a range "A/B" from within A to within B (each end
    may be narrowed); a night (TNI) is its day, or runs into the next morning; an open
    range (ON_OR_AFTER, AFTER, "so far") runs from its value up to the reference date and
    BEFORE up to the day before it. A value naming no interval agrees with anything."""
    first, slash, second = value.partition("/")
    if slash and mod is None:  # each end may carry a modifier of its own ("fin 2017")
        a, b = value_interval(first), value_interval(second)
        if a is None or b is None:
            return True
        return (start is not None and end is not None and a[0] <= start <= a[1]
                and b[0] <= end <= b[1] + timedelta(days=second.endswith("TNI")))
    named = value_interval(value)
    if named is None:
        return True
    low, high = named
    if mod in ("START", "MID", "END"):
        low, high = narrow(low, high, mod)
    night = value.endswith("TNI") and mod is None
    if night and start == low and end in (high, high + timedelta(days=1)):
        return True
    if mod == "BEFORE":
        return start is None and end == low - timedelta(days=1)
    if start is None or end is None:
        return False
    if mod == "AFTER":
        return low < start <= high + timedelta(days=1) and end >= start and (
            reference is None or end == reference)
    if mod == "ON_OR_AFTER":
        return low <= start <= high and (reference is None or end == reference)
    if (start, end) == (low, high):
        return True
    # "so far in 2018", "thus far this month": the value's interval cut at the reference
    return start == low and end < high and (reference is None or end == reference)
