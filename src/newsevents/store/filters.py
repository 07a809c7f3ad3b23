"""The filters shared by every claim query, turned into SQL with bound parameters only.

Each filter maps to one fixed SQL fragment (written here, never built from user text);
user values travel as parameters. Free text goes to FTS5 as quoted phrases, so FTS5
operators typed by a user are searched as words, never interpreted.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from newsevents.iso_date import check_date

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class ClaimFilter:
    """What to keep; ``None`` means no constraint. Dates are ISO prefixes (inclusive)."""

    actor: str | None = None
    target: str | None = None
    measure: str | None = None
    event_type: str | None = None
    country: str | None = None
    near: tuple[float, float, float] | None = None  # lat, lon, radius km
    since: str | None = None
    until: str | None = None
    speaker: str | None = None
    outlet: str | None = None
    language: str | None = None
    text: str | None = None
    include_superseded: bool = False

    def __post_init__(self) -> None:
        for bound in (self.since, self.until):
            if bound is not None:
                check_date(bound)

    def is_empty(self) -> bool:
        return all(
            getattr(self, f.name) in (None, False) for f in fields(self)
        )


def parse_near(text: str) -> tuple[float, float, float]:
    """``"36.34,43.13,50"`` to (lat, lon, km); ValueError with the expected shape."""
    parts = [p.strip() for p in text.split(",")]
    try:
        lat, lon, km = (float(p) for p in parts)
    except ValueError:
        raise ValueError(
            f"near must be 'lat,lon,km' (for example 36.34,43.13,50), got {text!r}"
        ) from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise ValueError(f"near {text!r} is out of range: lat -90..90, lon -180..180, km > 0")
    return lat, lon, km


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance; registered in SQLite as ``haversine_km``."""
    if None in (lat1, lon1, lat2, lon2):
        return math.inf
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def fts_phrase_query(text: str, column: str) -> str | None:
    """An FTS5 query matching every word of ``text`` in ``column`` (a fixed column name)."""
    words = _WORD.findall(text)[:32]
    if not words:
        return None
    return f"{column} : (" + " ".join(f'"{w}"' for w in words) + ")"


def _end_of(prefix: str) -> str:
    # "2021-03" as an upper bound means the whole of March: compare with the next prefix.
    return prefix + "\uffff"


@dataclass(frozen=True)
class Term:
    """One filter as SQL: a ``probe`` (a condition on one claim row ``c``, cheap through an
    index) and, when an index can list the matching claims, a ``source`` (a SELECT of
    claim rowids as ``id``) that a query can be driven from.

    ``estimate`` is a cheaper superset of ``source`` used to measure how many rows it
    gives (the near filter without its distance check); ``weight`` is the relative cost
    of one probe (a full-text probe costs tens of index probes).
    """

    name: str
    probe: str
    params: tuple[Any, ...] = ()
    source: str | None = None
    source_params: tuple[Any, ...] = ()
    estimate: str | None = None
    estimate_params: tuple[Any, ...] = ()
    weight: float = 1.0


_FTS_SOURCE = "SELECT rowid AS id FROM claims_fts WHERE claims_fts MATCH ?"
_FTS_PROBE = "EXISTS (SELECT 1 FROM claims_fts f WHERE claims_fts MATCH ? AND f.rowid = c.id)"
_ACTOR_PROBE = ("EXISTS (SELECT 1 FROM claim_actors a WHERE a.role = ? AND a.actor = ?"
                " AND a.claim_rowid = c.id)")
_ACTOR_SOURCE = "SELECT DISTINCT claim_rowid AS id FROM claim_actors WHERE role = ? AND actor = ?"
_COUNTRY_PROBE = ("EXISTS (SELECT 1 FROM claim_places p WHERE p.country = ?"
                  " AND p.claim_rowid = c.id)")
_COUNTRY_SOURCE = "SELECT DISTINCT claim_rowid AS id FROM claim_places WHERE country = ?"
_NEAR_BOX = "lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?"
_NEAR_PROBE = ("EXISTS (SELECT 1 FROM claim_places p WHERE p.claim_rowid = c.id AND "
               + _NEAR_BOX.replace("lat", "p.lat").replace("lon", "p.lon")
               + " AND haversine_km(p.lat, p.lon, ?, ?) <= ?)")
_NEAR_SOURCE = ("SELECT DISTINCT claim_rowid AS id FROM claim_places WHERE " + _NEAR_BOX
                + " AND haversine_km(lat, lon, ?, ?) <= ?")
_NEAR_ESTIMATE = "SELECT claim_rowid FROM claim_places WHERE " + _NEAR_BOX
_TIME_SOURCE = "SELECT id FROM claims_time_rtree WHERE last_day >= ? AND first_day <= ?"
_OUTLET_PROBE = ("(c.outlet = ? COLLATE NOCASE OR EXISTS (SELECT 1 FROM documents d"
                 " WHERE d.id = c.document_id AND d.outlet = ? COLLATE NOCASE))")
_OUTLET_SOURCE = (
    "SELECT id FROM claims WHERE outlet = ? COLLATE NOCASE"
    " UNION SELECT c2.id FROM documents d JOIN claims c2 ON c2.document_id = d.id"
    " WHERE d.outlet = ? COLLATE NOCASE"
)
_MEASURE_SOURCE = ("SELECT id FROM claims INDEXED BY claims_current_measure_time"
                   " WHERE superseded = 0 AND measure = ?")
_TYPE_SOURCE = ("SELECT id FROM claims INDEXED BY claims_current_type_time"
                " WHERE superseded = 0 AND event_type = ?")


def claim_terms(flt: ClaimFilter) -> list[Term]:
    """The filter as terms on the ``claims`` table aliased ``c`` (all must hold)."""
    terms: list[Term] = []
    if not flt.include_superseded:
        terms.append(Term("current", "c.superseded = 0"))
    terms += _column_terms(flt)
    for role, value in (("actor", flt.actor), ("target", flt.target)):
        if value is not None:
            terms.append(Term(role, _ACTOR_PROBE, (role, value), _ACTOR_SOURCE, (role, value)))
    if flt.country is not None:
        country = flt.country.upper()
        terms.append(Term("country", _COUNTRY_PROBE, (country,), _COUNTRY_SOURCE, (country,)))
    if flt.near is not None:
        terms.append(_near_term(flt.near))
    if flt.since is not None or flt.until is not None:
        terms.append(_time_term(flt.since, flt.until))
    if flt.outlet is not None:
        pair = (flt.outlet, flt.outlet)
        terms.append(Term("outlet", _OUTLET_PROBE, pair, _OUTLET_SOURCE, pair))
    for column, value in (("speaker_name", flt.speaker), ("evidence_text", flt.text)):
        if value is not None:
            terms.append(_fts_term(column, value))
    return terms


def _column_terms(flt: ClaimFilter) -> list[Term]:
    terms = []
    current = not flt.include_superseded  # the partial indexes hold current claims only
    if flt.measure is not None:
        terms.append(Term("measure", "c.measure = ?", (flt.measure,),
                          _MEASURE_SOURCE if current else None, (flt.measure,)))
    if flt.event_type is not None:
        terms.append(Term("event_type", "c.event_type = ?", (flt.event_type,),
                          _TYPE_SOURCE if current else None, (flt.event_type,)))
    if flt.language is not None:
        terms.append(Term("language", "c.language = ?", (flt.language,)))
    return terms


def _fts_term(column: str, value: str) -> Term:
    query = fts_phrase_query(value, column)
    if query is None:  # a filter with no word in it matches nothing rather than everything
        return Term(column, "0")
    return Term(column, _FTS_PROBE, (query,), _FTS_SOURCE, (query,), weight=30.0)


def _near_term(near: tuple[float, float, float]) -> Term:
    lat, lon, km = near
    dlat = km / 111.0
    dlon = km / max(1e-6, 111.0 * math.cos(math.radians(lat)))
    box = (lat - dlat, lat + dlat, lon - dlon, lon + dlon)
    exact = (*box, lat, lon, km)
    return Term("near", _NEAR_PROBE, exact, _NEAR_SOURCE, exact, _NEAR_ESTIMATE, box,
                weight=2.0)


def _time_term(since: str | None, until: str | None) -> Term:
    conds, params = [], []
    if since is not None:
        conds.append("c.time_end >= ?")
        params.append(since)
    if until is not None:
        conds.append("c.time_start <= ?")
        params.append(_end_of(until))
    window = (day_number(since) if since else -1e9,
              day_number(until) + _PREFIX_DAYS.get(len(until), 366) if until else 1e9)
    return Term("time", " AND ".join(conds), tuple(params), _TIME_SOURCE, window)


_PREFIX_DAYS = {4: 366, 7: 31, 10: 0}  # an upper bound of the days a prefix spans after its first


def day_number(iso_prefix: str) -> float:
    """Days of the first day of an ISO prefix (``2021``, ``2021-03``, ``2021-03-05``),
    counted as SQLite's ``julianday`` does; the time R*Tree is keyed on it."""
    year, month, day = [*iso_prefix.split("-"), "01", "01"][:3]
    try:
        ordinal = date(int(year), int(month), int(day)).toordinal()
    except ValueError:
        return -1e9  # an impossible date bounds nothing: the exact test decides
    return ordinal + 1721424.5  # date.toordinal() of 0001-01-01 is 1 = julianday 1721425.5


def claim_conditions(flt: ClaimFilter) -> tuple[list[str], list[Any]]:
    """SQL conditions on the ``claims`` table aliased ``c`` and their parameters."""
    conds: list[str] = []
    params: list[Any] = []
    for term in claim_terms(flt):
        conds.append(term.probe)
        params += term.params
    return conds, params


def where_sql(flt: ClaimFilter) -> tuple[str, list[Any]]:
    conds, params = claim_conditions(flt)
    return (" WHERE " + " AND ".join(conds)) if conds else "", params
