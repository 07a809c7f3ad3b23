"""Conversions between CONTRACT.md claim dicts, typed records and the store's rows.

The store keeps every CONTRACT field; nested fields (actors, places, time, speaker,
evidence) are JSON columns, and the fields the filters use are also flat, indexed columns.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from newsevents.records import Claim, NumberMention, PlaceMention

# A claim row with the document fields claim_dict adds (outlet, url, version, ingest time).
CLAIM_SELECT = (
    "SELECT c.*, d.outlet AS doc_outlet, d.url AS doc_url, d.version AS doc_version,"
    " d.ingested_at AS ingested_at FROM claims c JOIN documents d ON d.id = c.document_id"
)

CLAIM_COLUMNS: tuple[str, ...] = (
    "id", "document_id", "claim_id", "doc", "doc_date", "language", "event_type",
    "measure", "value", "low", "high", "qualifier", "best", "hedged", "negated",
    "actors", "targets", "places", "time", "time_start", "time_end", "time_granularity",
    "speaker", "speaker_name", "speaker_role", "channel", "outlet", "evidence",
    "evidence_text", "confidence", "superseded", "part_of",
)

CONTRACT_KEYS: tuple[str, ...] = (
    "doc", "doc_date", "claim_id", "language", "event_type", "measure", "value", "low",
    "high", "qualifier", "best", "hedged", "negated", "actors", "targets", "places", "time",
    "speaker", "channel", "outlet", "evidence", "confidence", "part_of",
)

_JSON_KEYS = ("actors", "targets", "places", "time", "speaker", "evidence")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def claim_row(rowid: int, document_rowid: int, claim: Mapping[str, Any]) -> tuple[Any, ...]:
    """The ``claims`` row (in ``CLAIM_COLUMNS`` order) for a CONTRACT claim dict."""
    time = claim.get("time") or {}
    speaker = claim.get("speaker") or None
    evidence = claim.get("evidence") or {}
    return (
        rowid, document_rowid, claim["claim_id"], claim["doc"], claim.get("doc_date"),
        claim.get("language"), claim.get("event_type"), claim.get("measure"),
        claim.get("value"), claim.get("low"), claim.get("high"), claim.get("qualifier"),
        claim.get("best"), int(bool(claim.get("hedged"))), int(bool(claim.get("negated"))),
        _dumps(list(claim.get("actors") or [])), _dumps(list(claim.get("targets") or [])),
        _dumps(list(claim.get("places") or [])), _dumps(dict(time)),
        time.get("start"), time.get("end"), time.get("granularity"),
        _dumps(speaker) if speaker else None,
        speaker.get("name") if speaker else None, speaker.get("role") if speaker else None,
        # The evidence text lives in its own (full-text indexed) column, not twice.
        claim.get("channel"), claim.get("outlet"),
        _dumps({k: v for k, v in evidence.items() if k != "text"}),
        evidence.get("text"), claim.get("confidence"), 0, claim.get("part_of"),
    )


def actor_rows(rowid: int, claim: Mapping[str, Any]) -> list[tuple[int, str, str]]:
    rows = [(rowid, "actor", actor) for actor in claim.get("actors") or []]
    rows += [(rowid, "target", target) for target in claim.get("targets") or []]
    return rows


def place_rows(rowid: int, claim: Mapping[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (rowid, p.get("name"), p.get("country"), p.get("admin1"), p.get("lat"), p.get("lon"),
         p.get("precision"))
        for p in claim.get("places") or []
    ]


def _number(value: Any) -> Any:
    # SQLite NUMERIC gives 312 back as int and 312.5 as float; keep ints ints.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def claim_dict(row: Mapping[str, Any]) -> dict[str, Any]:
    """The CONTRACT dict of a stored claim, plus the store's own fields."""
    out: dict[str, Any] = {}
    for key in CONTRACT_KEYS:
        value = row[key]
        if key in _JSON_KEYS:
            value = json.loads(value) if value is not None else None
        elif key in ("hedged", "negated"):
            value = bool(value)
        elif key in ("value", "low", "high", "best"):
            value = _number(value)
        out[key] = value
    if out["evidence"] is not None:
        out["evidence"] = {"text": row["evidence_text"], **out["evidence"]}
    extras = ("id", "doc_outlet", "doc_url", "doc_version", "ingested_at", "superseded")
    for key in extras:
        if key in row.keys():
            out["rowid" if key == "id" else key] = row[key]
    if "superseded" in out:
        out["superseded"] = bool(out["superseded"])
    return out


def place_from_dict(place: Mapping[str, Any]) -> PlaceMention:
    return PlaceMention(
        # "" is a place the text never names (a country inferred from the forces named)
        start=-1, end=-1, text=place["text"] if isinstance(place.get("text"), str) else (
            place.get("name") or ""),
        name=place.get("name") or "", country=place.get("country"),
        admin1=place.get("admin1"), lat=place.get("lat"), lon=place.get("lon"),
        precision=place.get("precision") or "exact",
    )


def claim_from_dict(claim: Mapping[str, Any]) -> Claim:
    """A ``Claim`` record from its CONTRACT dict (``extract`` output, fixtures).

    Offsets of the number and places are not in the CONTRACT shape and come back as -1;
    ``Claim.to_dict`` of the result gives the input back.
    """
    number = None
    if claim.get("qualifier") is not None or claim.get("value") is not None:
        number = NumberMention(
            start=-1, end=-1, text="", value=claim.get("value"), low=claim.get("low"),
            high=claim.get("high"), qualifier=claim.get("qualifier") or "exact",
        )
    places: Sequence[Mapping[str, Any]] = claim.get("places") or []
    return Claim(
        doc=claim["doc"], doc_date=claim.get("doc_date"), claim_id=claim["claim_id"],
        language=claim.get("language") or "fr", event_type=claim.get("event_type") or "other",
        measure=claim.get("measure"), number=number, hedged=bool(claim.get("hedged")),
        negated=bool(claim.get("negated")), actors=tuple(claim.get("actors") or ()),
        targets=tuple(claim.get("targets") or ()),
        places=tuple(place_from_dict(p) for p in places), time=dict(claim.get("time") or {}),
        speaker=dict(claim["speaker"]) if claim.get("speaker") else None,
        channel=claim.get("channel"), outlet=claim.get("outlet"),
        evidence=dict(claim.get("evidence") or {}), confidence=claim.get("confidence") or 0.0,
        part_of=claim.get("part_of"),
    )
