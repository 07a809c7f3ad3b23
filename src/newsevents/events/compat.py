"""When two claims can report the same happening.

Claims arrive as CONTRACT.md dicts. Two claims are compatible when nothing they say
contradicts it: same measure, event type and polarity (the caller blocks on those),
actors and targets that overlap or are unknown, time intervals that overlap, and places
that are the same, nested (a town inside the country or admin1 the other names) or within
``NEAR_KM``. A claim whose interval is longer than ``TOTAL_MIN_DAYS`` is a period total; it
is only ever compared with other period totals.
"""

from __future__ import annotations

import calendar
import math
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

TOTAL_MIN_DAYS = 62  # about two months: longer intervals are period totals
NEAR_KM = 50.0
# A place given loosely ("near Mosul", "south of Mosul", a mountain range, a region) can
# lie this far from a town another report names for the same strikes.
VAGUE_NEAR_KM = 100.0
_VAGUE_PRECISIONS = frozenset({"near", "region"})
# The US-led coalition's air forces are its members': "coalition strikes" and "US strikes"
# in one place and month can be one happening.
_MEMBERS = {"coalition": frozenset({"united_states", "united_kingdom", "france"})}
TOTAL_MIN_OVERLAP = 0.5  # period totals: shared share of the union of their intervals
_UNKNOWN_ACTORS = frozenset({"unknown"})
_AREA_PRECISIONS = frozenset({"admin1", "region"})
_EVENT_FAMILIES = {"attack": "violence_against_civilians"}

Interval = tuple[date, date]


def parse_iso_bound(text: str | None, end: bool) -> date | None:
    """An ISO date or prefix (``2021``, ``2021-03``) as its first (or last) day."""
    if not text:
        return None
    parts = text[:10].split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else (12 if end else 1)
        if len(parts) > 2:
            return date(year, month, int(parts[2]))
        day = calendar.monthrange(year, month)[1] if end else 1
        return date(year, month, day)
    except (ValueError, IndexError):
        return None


def claim_interval(claim: Mapping[str, Any]) -> Interval | None:
    time = claim.get("time") or {}
    start = parse_iso_bound(time.get("start"), end=False)
    end = parse_iso_bound(time.get("end"), end=True)
    if start is None and end is None:
        return None
    start = start or end
    end = end or start
    assert start is not None and end is not None
    return (start, end) if start <= end else (end, start)


def interval_days(interval: Interval) -> int:
    return (interval[1] - interval[0]).days + 1


def is_period_total(claim: Mapping[str, Any]) -> bool:
    interval = claim_interval(claim)
    return interval is not None and interval_days(interval) > TOTAL_MIN_DAYS


def ids_compatible(a: Iterable[str], b: Iterable[str]) -> bool:
    """Actor (or target) lists agree when they overlap or either is unknown."""
    known_a = _with_members(set(a) - _UNKNOWN_ACTORS)
    known_b = _with_members(set(b) - _UNKNOWN_ACTORS)
    return not known_a or not known_b or bool(known_a & known_b)


def _with_members(ids: set[str]) -> set[str]:
    return ids.union(*(_MEMBERS.get(i, ()) for i in ids))


def acting(claim: Mapping[str, Any]) -> set[str]:
    """The claim's actors, less any that is also its target.

    "Des frappes ont visé les caches de l'EI" can come out with the EI as both actor and
    target: a side cannot be told apart from the other, so it says nothing about who acted.
    """
    return set(claim.get("actors") or ()) - set(claim.get("targets") or ())


def event_family(event_type: str | None) -> str:
    """Event types that sources use for one happening: an armed attack on people is
    ``attack`` for one outlet and ``violence_against_civilians`` for another (one ACLED
    type, "Violence against civilians")."""
    return _EVENT_FAMILIES.get(event_type or "", event_type or "")


def family_types(family: str) -> set[str]:
    """The event types whose family is ``family`` ("" stands for no event type)."""
    types = {t for t, f in _EVENT_FAMILIES.items() if f == family}
    if family not in _EVENT_FAMILIES:
        types.add(family)
    return types


def times_compatible(a: Interval | None, b: Interval | None, totals: bool) -> bool:
    if a is None or b is None:
        return True
    shared = (min(a[1], b[1]) - max(a[0], b[0])).days + 1
    if shared <= 0:
        return False
    if not totals:
        return True
    union = (max(a[1], b[1]) - min(a[0], b[0])).days + 1
    return shared / union >= TOTAL_MIN_OVERLAP


def fold(text: str | None) -> str:
    """Case- and accent-insensitive form: Mossoul/MOSSOUL, Ménaka/Menaka."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()


def distance_km(a: Mapping[str, Any], b: Mapping[str, Any]) -> float:
    if None in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")):
        return math.inf
    lat1, lon1, lat2, lon2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _contains(area: Mapping[str, Any], place: Mapping[str, Any]) -> bool:
    """Whether ``area`` (a country or an admin1) is a container of ``place``."""
    if area.get("precision") == "country":
        return True  # the caller checked the countries agree
    if area.get("precision") in _AREA_PRECISIONS:
        names = {fold(area.get("name")), fold(area.get("admin1"))} - {""}
        return fold(place.get("admin1")) in names
    return False


def place_pair_compatible(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    country_a, country_b = a.get("country"), b.get("country")
    if country_a and country_b and country_a != country_b:
        return False
    if fold(a.get("name")) and fold(a.get("name")) == fold(b.get("name")):
        return True
    if country_a and country_b and (_contains(a, b) or _contains(b, a)):
        return True
    vague = {a.get("precision"), b.get("precision")} & _VAGUE_PRECISIONS
    return distance_km(a, b) <= (VAGUE_NEAR_KM if vague else NEAR_KM)


def places_compatible(a: Sequence[Mapping[str, Any]], b: Sequence[Mapping[str, Any]]) -> bool:
    """Unknown places agree with anything; otherwise one pair of places must agree."""
    if not a or not b:
        return True
    return any(place_pair_compatible(p, q) for p in a for q in b)


def claims_compatible(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether two claims of one block (measure, event family, polarity) can be one event."""
    if a.get("part_of") == b.get("claim_id") or b.get("part_of") == a.get("claim_id"):
        return False  # a subset ("dont 31 civils") is a part of its total, not a report of it
    if a.get("doc") == b.get("doc") and a.get("best") != b.get("best") and _same_sentence(a, b):
        return False  # two different figures in one sentence are two different counts
    totals = is_period_total(a)
    return (
        ids_compatible(acting(a), acting(b))
        and ids_compatible(a.get("targets") or (), b.get("targets") or ())
        and times_compatible(claim_interval(a), claim_interval(b), totals)
        and places_compatible(a.get("places") or (), b.get("places") or ())
    )


def _same_sentence(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    ea, eb = a.get("evidence") or {}, b.get("evidence") or {}
    if ea.get("start") is None or eb.get("start") is None:
        return False
    return bool(ea["start"] < eb.get("end", -1) and eb["start"] < ea.get("end", -1))
