"""A measure's series by week, month or year, from events (never from raw claims).

Counting events rather than claims means a figure reported by five outlets counts once,
and a subset ("dont 31 civils") whose total is in the series is not counted beside it.

Nothing is spread or split, so no period ever shows a fraction of a strike:

- an event whose interval lies within one period counts in that period's row
  (``kind: "period"``), with its whole ``best`` figure (its ``low`` when no best);
- an event longer than one period (a two-week figure across two months) and every period
  total ("29,307 strikes from August 2014 to March 2018") is one row of its own
  (``kind: "span"`` or ``"total"``), reported once with its interval. A period total is
  never added to the single events it covers: a reader sees both, side by side.

Each row says how much of its value rests on bounds or vague counts ("plus de 150",
"des dizaines": ``bounded``) and on hedged reports ("selon des informations non
confirmées": ``hedged``), so a chart can tell firm figures from the others.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

from newsevents.events.compat import Interval, parse_iso_bound
from newsevents.events.figures import is_bounded, is_hedged

BUCKETS = ("week", "month", "year")


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


def event_figure(event: Mapping[str, Any]) -> int | float | None:
    figure = event.get("best") if event.get("best") is not None else event.get("low")
    if isinstance(figure, float) and figure.is_integer():
        return int(figure)
    return figure if isinstance(figure, int | float) else None


def _event_interval(event: Mapping[str, Any]) -> Interval | None:
    time = event.get("time") or {}
    start = parse_iso_bound(time.get("start"), end=False)
    end = parse_iso_bound(time.get("end"), end=True) or start
    return (start, end) if start and end and start <= end else None


def counted_events(events: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The events a sum may add: not negated, and not a subset whose total is among them
    (an event is a subset when its claims are ``part_of`` a claim of another event)."""
    kept = [e for e in events if not e.get("negated")]
    present = {str(s.get("claim_id")) for e in kept for s in e.get("claims") or []}
    return [e for e in kept if not set(e.get("part_of") or ()) & present]


def _row(label: str, kind: str, first: date, last: date) -> dict[str, Any]:
    return {"period": label, "kind": kind, "start": first.isoformat(),
            "end": last.isoformat(), "value": 0, "bounded": 0, "hedged": 0, "n_events": 0}


def _add(row: dict[str, Any], event: Mapping[str, Any], figure: int | float) -> None:
    row["value"] += figure
    row["n_events"] += 1
    if is_bounded(event):
        row["bounded"] += figure
    if is_hedged(event):
        row["hedged"] += figure


def timeline(events: Iterable[Mapping[str, Any]], by: str = "month") -> list[dict[str, Any]]:
    """Rows ``period, kind, start, end, value, bounded, hedged, n_events``, by start date:
    one per period with single events inside it, one per span or period total."""
    if by not in BUCKETS:
        raise ValueError(f"unknown bucket {by!r}: use one of {', '.join(BUCKETS)}")
    periods: dict[str, dict[str, Any]] = {}
    spans: list[dict[str, Any]] = []
    for event in counted_events(events):
        figure, interval = event_figure(event), _event_interval(event)
        if figure is None or interval is None:
            continue
        label, first, last = bucket_of(interval[0], by)
        if interval[1] <= last and not event.get("is_total"):
            _add(periods.setdefault(label, _row(label, "period", first, last)), event, figure)
            continue
        kind = "total" if event.get("is_total") else "span"
        span = _row(f"{interval[0].isoformat()}/{interval[1].isoformat()}", kind,
                    interval[0], interval[1])
        _add(span, event, figure)
        spans.append(span)
    rows = [*periods.values(), *spans]
    return sorted(rows, key=lambda r: (r["start"], r["kind"] != "period", r["end"]))
