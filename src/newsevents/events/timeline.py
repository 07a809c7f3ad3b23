"""A measure's series by week, month or year, from events (never from raw claims).

Counting events rather than claims means a figure reported by five outlets counts once.
Each event contributes its ``best`` figure (its ``low`` when no best is given).

Single events (at most about two months long) are spread uniformly over their days, so a
"this month" figure lands in its month and a two-week figure is split between weeks.

Period totals ("29,307 strikes from August 2014 to March 2018") cover the single events
reported inside their interval, so adding them would count the same strikes twice. Two
ways to show them (``totals``):

- ``spread`` (default): each total is spread uniformly over its interval; a bucket's
  ``totals`` is the largest share of the totals covering it (nested totals count the same
  happenings), and its ``value`` is the larger of ``events`` and ``totals``, never the sum.
- ``range``: totals are not spread; a bucket's ``low`` is the sum of its single events
  and its ``high`` the larger of that and the largest total covering the bucket (the
  whole total may have happened within it). ``value`` is ``low``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

from newsevents.events.compat import Interval, parse_iso_bound

BUCKETS = ("week", "month", "year")
TOTALS_MODES = ("spread", "range")


def bucket_of(day: date, by: str) -> tuple[str, date, date]:
    """(label, first day, last day) of the bucket holding ``day``."""
    if by == "year":
        return str(day.year), date(day.year, 1, 1), date(day.year, 12, 31)
    if by == "month":
        first = day.replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        return first.strftime("%Y-%m"), first, following - timedelta(days=1)
    if by == "week":
        iso = day.isocalendar()
        first = day - timedelta(days=iso.weekday - 1)
        return f"{iso.year}-W{iso.week:02d}", first, first + timedelta(days=6)
    raise ValueError(f"unknown bucket {by!r}: use one of {', '.join(BUCKETS)}")


def _buckets_over(interval: Interval, by: str) -> list[tuple[str, date, date, int]]:
    """Buckets meeting the interval, each with how many of the interval's days it holds."""
    out = []
    day = interval[0]
    while day <= interval[1]:
        label, first, last = bucket_of(day, by)
        stop = min(last, interval[1])
        out.append((label, first, last, (stop - day).days + 1))
        day = stop + timedelta(days=1)
    return out


def _event_figure(event: Mapping[str, Any]) -> float | None:
    figure = event.get("best") if event.get("best") is not None else event.get("low")
    return float(figure) if figure is not None else None


def _event_interval(event: Mapping[str, Any]) -> Interval | None:
    time = event.get("time") or {}
    start = parse_iso_bound(time.get("start"), end=False)
    end = parse_iso_bound(time.get("end"), end=True) or start
    return (start, end) if start and end and start <= end else None


def _empty_row(label: str, first: date, last: date) -> dict[str, Any]:
    return {"period": label, "start": first.isoformat(), "end": last.isoformat(),
            "events": 0.0, "n_events": 0, "totals": 0.0, "n_totals": 0,
            "largest_total": 0.0}


def timeline(events: Iterable[Mapping[str, Any]], by: str = "month",
             totals: str = "spread") -> list[dict[str, Any]]:
    """Rows ``period, start, end, value, low, high, events, totals, n_events, n_totals``."""
    if totals not in TOTALS_MODES:
        raise ValueError(f"unknown totals mode {totals!r}: use spread or range")
    rows: dict[str, dict[str, Any]] = {}
    for event in events:
        figure, interval = _event_figure(event), _event_interval(event)
        if figure is None or interval is None or event.get("negated"):
            continue
        days = (interval[1] - interval[0]).days + 1
        for label, first, last, held in _buckets_over(interval, by):
            row = rows.setdefault(label, _empty_row(label, first, last))
            if event.get("is_total"):
                row["totals"] = max(row["totals"], figure * held / days)
                row["largest_total"] = max(row["largest_total"], figure)
                row["n_totals"] += 1
            else:
                row["events"] += figure * held / days
                row["n_events"] += 1
    return [_finish(rows[label], totals) for label in sorted(rows)]


def _finish(row: dict[str, Any], totals: str) -> dict[str, Any]:
    largest = row.pop("largest_total")
    if totals == "spread":
        row["value"] = round(max(row["events"], row["totals"]), 3)
        row["low"], row["high"] = row["value"], row["value"]
    else:
        row["totals"] = 0.0
        row["value"] = row["low"] = round(row["events"], 3)
        row["high"] = round(max(row["events"], largest), 3)
    row["events"] = round(row["events"], 3)
    row["totals"] = round(row["totals"], 3)
    return row
