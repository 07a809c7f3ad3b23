"""Merging claims that report the same happening into events.

Claims are blocked by (measure, event family, negated, period total): a negated claim never
meets a positive one, a period total never meets a single event. Inside a block, one
article's claims that give the same figure again ("22 corps", then "les 22 victimes") are
first held together as one unit, so that another figure of that article read in between
cannot keep a restatement out of its event (and its figure counted twice). Units are then
taken in time order and each joins the first open event all of whose claims it is
compatible with (complete linkage: no chains of "A like B like C" with A unlike C), else
opens a new event. An event stops being open once the sweep has passed its end date.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from newsevents.events import figures
from newsevents.events.compat import (
    Interval,
    claim_interval,
    claims_compatible,
    event_family,
    is_period_total,
)

Claim = Mapping[str, Any]
_SOURCE_KEYS = ("claim_id", "doc", "language", "event_type", "value", "low", "high",
                "qualifier", "best", "hedged", "speaker", "channel", "outlet", "doc_outlet",
                "time", "places", "part_of")


class _OpenEvent:
    def __init__(self) -> None:
        self.claims: list[Claim] = []
        self.last_day: date | None = None

    def accepts(self, unit: Sequence[Claim]) -> bool:
        return all(claims_compatible(member, claim) for claim in unit
                   for member in self.claims)

    def add(self, unit: Sequence[Claim]) -> None:
        for claim in unit:
            self.claims.append(claim)
            interval = claim_interval(claim)
            if interval is not None and (self.last_day is None
                                         or interval[1] > self.last_day):
                self.last_day = interval[1]


BlockKey = tuple[str, str, bool, bool]  # measure, event family, negated, period total


def block_key(claim: Claim) -> BlockKey:
    """The block a claim merges in: claims of different blocks never share an event."""
    return (claim.get("measure") or "", event_family(claim.get("event_type")),
            bool(claim.get("negated")), is_period_total(claim))


def _time_order(claim: Claim) -> tuple[str, str, int, str]:
    """By start date, document, then the claim's number in its document ("#8" before
    "#10": the article's own order)."""
    time = claim.get("time") or {}
    claim_id = str(claim.get("claim_id"))
    _, _, number = claim_id.rpartition("#")
    order = int(number) if number.isdigit() and len(number) < 10 else 0
    return (time.get("start") or "", str(claim.get("doc")), order, claim_id)


def _units(claims: Sequence[Claim]) -> list[list[Claim]]:
    """The claims in time order, one article's compatible restatements of one figure held
    together as one unit (placed where its first claim is)."""
    units: list[list[Claim]] = []
    by_figure: dict[tuple[str, str], list[list[Claim]]] = defaultdict(list)
    for claim in sorted(claims, key=_time_order):
        if claim.get("best") is None:
            units.append([claim])
            continue
        same = by_figure[(str(claim.get("doc")), repr(claim.get("best")))]
        unit = next((u for u in same if all(claims_compatible(m, claim) for m in u)), None)
        if unit is None:
            unit = []
            same.append(unit)
            units.append(unit)
        unit.append(claim)
    return units


def cluster_block(claims: Sequence[Claim]) -> list[list[Claim]]:
    """The events (groups of claims) of one block; the same claims in any order give the
    same groups (the sweep sorts them by time, document and claim number)."""
    done: list[_OpenEvent] = []
    open_events: list[_OpenEvent] = []
    for unit in _units(claims):
        interval = claim_interval(unit[0])
        if interval is not None:
            still_open: list[_OpenEvent] = []
            for event in open_events:
                closed = event.last_day is not None and event.last_day < interval[0]
                (done if closed else still_open).append(event)
            open_events = still_open
        target = next((e for e in open_events if e.accepts(unit)), None)
        if target is None:
            target = _OpenEvent()
            open_events.append(target)
        target.add(unit)
    return [event.claims for event in done + open_events]


def cluster_claims(claims: Iterable[Claim]) -> list[list[Claim]]:
    """Groups of claims, each group one event (order: by block, then time)."""
    blocks: dict[BlockKey, list[Claim]] = defaultdict(list)
    for claim in claims:
        blocks[block_key(claim)].append(claim)
    groups: list[list[Claim]] = []
    for key in sorted(blocks):
        groups.extend(cluster_block(blocks[key]))
    return groups


def _event_interval(members: list[Claim], total: bool, best: Any) -> Interval | None:
    intervals = [iv for iv in (claim_interval(c) for c in members) if iv is not None]
    if not intervals:
        return None
    if total:
        # A period total keeps the interval of the source that gives its best figure.
        for claim in members:
            if claim.get("best") == best and claim_interval(claim) is not None:
                return claim_interval(claim)
        return intervals[0]
    # Pairwise-overlapping intervals share a common part (Helly): the tightest dating.
    return max(iv[0] for iv in intervals), min(iv[1] for iv in intervals)


def _distinct(values: Iterable[Any]) -> list[Any]:
    seen: dict[str, Any] = {}
    for value in values:
        if value is not None and value != "":
            seen.setdefault(repr(value), value)
    return list(seen.values())


def build_event(members: list[Claim]) -> dict[str, Any]:
    """The event dict of a group of claims (see the module docstring of figures)."""
    members = sorted(members, key=lambda c: (str(c.get("doc")), str(c.get("claim_id"))))
    first = members[0]
    total = is_period_total(first)
    best = figures.best_figure(members)
    interval = _event_interval(members, total, best)
    places = _distinct(p for c in members for p in c.get("places") or [])
    countries = Counter(p.get("country") for p in places if p.get("country"))
    conflicts = figures.disagreeing_pairs(members)
    event: dict[str, Any] = {
        "event_id": "E:" + str(first.get("claim_id")),
        "event_type": _most_common(c.get("event_type") for c in members),
        "measure": first.get("measure"),
        "negated": bool(first.get("negated")),
        "is_total": total,
        "best": best,
        "low": figures.low_figure(members),
        "high": figures.high_figure(members),
        "time": {"start": interval[0].isoformat() if interval else None,
                 "end": interval[1].isoformat() if interval else None},
        "country": countries.most_common(1)[0][0] if countries else None,
        "places": places,
        "actors": sorted({a for c in members for a in c.get("actors") or []}),
        "targets": sorted({t for c in members for t in c.get("targets") or []}),
        "speakers": _distinct((c.get("speaker") or {}).get("name") for c in members),
        "outlets": _distinct(c.get("outlet") or c.get("doc_outlet") for c in members),
        "languages": sorted({str(c.get("language")) for c in members}),
        "sources": len(members),
        "independent_sources": figures.independent_sources(members),
        "conflicting": bool(conflicts),
        # Figures hedged by every source, or resting on bounds only, are drawn apart.
        "hedged": all(bool(c.get("hedged")) for c in members),
        "part_of": sorted({str(c["part_of"]) for c in members if c.get("part_of")}
                          - {str(c.get("claim_id")) for c in members}),
        "disagreements": [[members[i]["claim_id"], members[j]["claim_id"]]
                          for i, j in conflicts],
        "claims": [_source_view(c) for c in members],
    }
    event["bounded"] = figures.is_bounded(event) if best is not None else False
    return event


def _most_common(values: Iterable[Any]) -> Any:
    counts = Counter(v for v in values if v is not None)
    # Most frequent, then alphabetical: the same members always give the same type.
    return min(counts, key=lambda v: (-counts[v], str(v))) if counts else None


def _source_view(claim: Claim) -> dict[str, Any]:
    view = {key: claim.get(key) for key in _SOURCE_KEYS}
    view["evidence"] = (claim.get("evidence") or {}).get("text")
    return view


def merge_claims(claims: Iterable[Claim]) -> list[dict[str, Any]]:
    """Every claim in exactly one event; events sorted by start date then id."""
    events = [build_event(group) for group in cluster_claims(claims)]
    return sorted(events, key=lambda e: (e["time"]["start"] or "", e["event_id"]))
