"""The filters shared by every claim query, turned into SQL with bound parameters only.

Each filter maps to one fixed SQL fragment (written here, never built from user text);
user values travel as parameters. Free text goes to FTS5 as quoted phrases, so FTS5
operators typed by a user are searched as words, never interpreted.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, fields
from typing import Any

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


def claim_conditions(flt: ClaimFilter) -> tuple[list[str], list[Any]]:
    """SQL conditions on the ``claims`` table aliased ``c`` and their parameters."""
    conds: list[str] = []
    params: list[Any] = []
    if not flt.include_superseded:
        conds.append("c.superseded = 0")
    for column, value in (("measure", flt.measure), ("event_type", flt.event_type),
                          ("language", flt.language)):
        if value is not None:
            conds.append(_EQUALS[column])
            params.append(value)
    for role, value in (("actor", flt.actor), ("target", flt.target)):
        if value is not None:
            conds.append("c.id IN (SELECT claim_rowid FROM claim_actors"
                         " WHERE role = ? AND actor = ?)")
            params += [role, value]
    if flt.country is not None:
        conds.append("c.id IN (SELECT claim_rowid FROM claim_places WHERE country = ?)")
        params.append(flt.country.upper())
    if flt.near is not None:
        conds.append(_NEAR)
        params += _near_params(flt.near)
    if flt.since is not None:
        conds.append("c.time_end >= ?")
        params.append(flt.since)
    if flt.until is not None:
        conds.append("c.time_start <= ?")
        params.append(_end_of(flt.until))
    if flt.outlet is not None:
        conds.append(_OUTLET)
        params += [flt.outlet, flt.outlet]
    for column, value in (("speaker_name", flt.speaker), ("evidence_text", flt.text)):
        query = fts_phrase_query(value, column) if value is not None else None
        if value is not None:
            # A filter with no word in it matches nothing rather than everything.
            conds.append("c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)"
                         if query else "0")
            if query:
                params.append(query)
    return conds, params


_EQUALS = {
    "measure": "c.measure = ?",
    "event_type": "c.event_type = ?",
    "language": "c.language = ?",
}

_NEAR = (
    "c.id IN (SELECT claim_rowid FROM claim_places"
    " WHERE lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?"
    " AND haversine_km(lat, lon, ?, ?) <= ?)"
)

_OUTLET = (
    "c.id IN (SELECT id FROM claims WHERE outlet = ? COLLATE NOCASE"
    " UNION SELECT c2.id FROM documents d JOIN claims c2 ON c2.document_id = d.id"
    " WHERE d.outlet = ? COLLATE NOCASE)"
)


def _near_params(near: tuple[float, float, float]) -> list[float]:
    lat, lon, km = near
    dlat = km / 111.0
    dlon = km / max(1e-6, 111.0 * math.cos(math.radians(lat)))
    return [lat - dlat, lat + dlat, lon - dlon, lon + dlon, lat, lon, km]


def where_sql(flt: ClaimFilter) -> tuple[str, list[Any]]:
    conds, params = claim_conditions(flt)
    return (" WHERE " + " AND ".join(conds)) if conds else "", params
