"""Exports of claims and events: CSV, JSONL, GeoJSON, Parquet and an ACLED-shaped CSV.

Every writer takes plain dicts as the store returns them (``Store.iter_claims``,
``Store.events``) and returns how many rows (or features) it wrote. CSV and Parquet get
flat rows (one place per row: the first place with coordinates); GeoJSON gets one Point
per place with coordinates; ACLED gets one row per single event (period totals and
negated events have no ACLED equivalent and are left out).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from newsevents.table import figure_text, when_text

FORMATS = ("csv", "jsonl", "geojson", "parquet", "acled")
LEVELS = ("claims", "events")

CLAIM_COLUMNS: dict[str, str] = {
    "claim_id": "string", "doc": "string", "doc_date": "string", "language": "string",
    "event_type": "string", "measure": "string", "value": "float", "low": "float",
    "high": "float", "qualifier": "string", "best": "float", "hedged": "bool",
    "negated": "bool", "actors": "list", "targets": "list", "place_name": "string",
    "country": "string", "admin1": "string", "lat": "float", "lon": "float",
    "place_precision": "string", "places": "places", "time_start": "date",
    "time_end": "date", "time_granularity": "string", "time_text": "string",
    "when": "string", "figure": "string",
    "speaker_name": "string", "speaker_role": "string", "channel": "string",
    "outlet": "string", "doc_outlet": "string", "evidence_text": "string",
    "evidence_start": "int", "evidence_end": "int", "confidence": "float",
    "doc_version": "int", "superseded": "bool", "part_of": "string",
}
EVENT_COLUMNS: dict[str, str] = {
    "event_id": "string", "event_type": "string", "measure": "string", "negated": "bool",
    "is_total": "bool", "best": "float", "low": "float", "high": "float",
    "bounded": "bool", "hedged": "bool",
    "time_start": "date", "time_end": "date", "country": "string",
    "place_name": "string", "admin1": "string", "lat": "float", "lon": "float",
    "place_precision": "string", "places": "places", "actors": "list", "targets": "list",
    "speakers": "list", "outlets": "list", "languages": "list", "sources": "int",
    "independent_sources": "int", "conflicting": "bool", "claim_ids": "list",
    "part_of": "list", "evidence": "string",
}
PLACE_FIELDS = (("name", "string"), ("text", "string"), ("country", "string"),
                ("admin1", "string"), ("lat", "float"), ("lon", "float"),
                ("precision", "string"))


def _main_place(places: Iterable[Mapping[str, Any]]) -> Mapping[str, Any]:
    places = list(places)
    located = [p for p in places if p.get("lat") is not None and p.get("lon") is not None]
    return (located or places or [{}])[0]


def _place_columns(place: Mapping[str, Any]) -> dict[str, Any]:
    return {"place_name": place.get("name"), "country": place.get("country"),
            "admin1": place.get("admin1"), "lat": place.get("lat"), "lon": place.get("lon"),
            "place_precision": place.get("precision")}


def flat_claim(claim: Mapping[str, Any]) -> dict[str, Any]:
    """One flat row per claim (columns of ``CLAIM_COLUMNS``)."""
    time = claim.get("time") or {}
    speaker = claim.get("speaker") or {}
    evidence = claim.get("evidence") or {}
    row = {key: claim.get(key) for key in CLAIM_COLUMNS if key in claim}
    row.update(_place_columns(_main_place(claim.get("places") or [])))
    row.update({
        "places": claim.get("places") or [], "time_start": time.get("start"),
        "time_end": time.get("end"), "time_granularity": time.get("granularity"),
        "time_text": time.get("text"), "speaker_name": speaker.get("name"),
        "speaker_role": speaker.get("role"), "evidence_text": evidence.get("text"),
        "evidence_start": evidence.get("start"), "evidence_end": evidence.get("end"),
        "figure": figure_text(claim), "when": when_text(time),
    })
    return {key: row.get(key) for key in CLAIM_COLUMNS}


def flat_event(event: Mapping[str, Any]) -> dict[str, Any]:
    """One flat row per event (columns of ``EVENT_COLUMNS``)."""
    time = event.get("time") or {}
    sources = event.get("claims") or []
    row = {key: event.get(key) for key in EVENT_COLUMNS if key in event}
    place = _main_place(event.get("places") or [])
    row.update(_place_columns(place))
    row.update({
        "country": event.get("country") or place.get("country"),
        "time_start": time.get("start"), "time_end": time.get("end"),
        "places": event.get("places") or [],
        "claim_ids": [s.get("claim_id") for s in sources],
        "part_of": event.get("part_of") or [],
        "evidence": " | ".join(str(s.get("evidence")) for s in sources if s.get("evidence")),
    })
    return {key: row.get(key) for key in EVENT_COLUMNS}


def _csv_cell(value: Any, kind: str) -> Any:
    if value is None:
        return ""
    if kind == "list":
        return ";".join(str(v) for v in value)
    if kind in ("json", "places"):
        return json.dumps(value, ensure_ascii=False)
    return value


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value: Any) -> Any:
    """A CSV cell a spreadsheet will not run: text starting with = + - @, a tab or a
    carriage return gets a leading apostrophe (OWASP's rule for CSV injection); numbers
    are left as they are (-12.5 is a longitude, not a formula)."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def csv_cell(value: Any, kind: str = "string") -> Any:
    """One cell as every CSV writer of the project writes it."""
    return neutralised(_csv_cell(value, kind))


def write_csv(rows: Iterable[Mapping[str, Any]], path: str | Path,
              columns: Mapping[str, str]) -> int:
    count = 0
    with open(path, "w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(list(columns))
        for row in rows:
            writer.writerow([csv_cell(row.get(k), kind) for k, kind in columns.items()])
            count += 1
    return count


def write_jsonl(records: Iterable[Mapping[str, Any]], path: str | Path) -> int:
    count = 0
    with open(path, "w", encoding="utf-8") as stream:
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def geojson_features(records: Iterable[Mapping[str, Any]], level: str) -> list[dict[str, Any]]:
    """A Point feature per place with coordinates; properties are the flat row's scalars."""
    flatten = flat_claim if level == "claims" else flat_event
    columns = CLAIM_COLUMNS if level == "claims" else EVENT_COLUMNS
    features = []
    for record in records:
        flat = flatten(record)
        base = {k: _csv_cell(v, columns[k]) if columns[k] in ("list", "json", "places") else v
                for k, v in flat.items() if k not in ("lat", "lon", "places")}
        for place in record.get("places") or []:
            if place.get("lat") is None or place.get("lon") is None:
                continue
            properties = {**base, **_place_columns(place)}
            properties.pop("lat")
            properties.pop("lon")
            features.append({
                "type": "Feature",
                "geometry": {"type": "Point",
                             "coordinates": [float(place["lon"]), float(place["lat"])]},
                "properties": properties,
            })
    return features


def write_geojson(records: Iterable[Mapping[str, Any]], path: str | Path, level: str) -> int:
    features = geojson_features(records, level)
    with open(path, "w", encoding="utf-8") as stream:
        json.dump({"type": "FeatureCollection", "features": features}, stream,
                  ensure_ascii=False)
    return len(features)


def _parquet_types() -> dict[str, Any]:
    import pyarrow as pa

    scalar = {"string": pa.string(), "float": pa.float64(), "int": pa.int64(),
              "bool": pa.bool_(), "date": pa.date32()}
    place = pa.struct([(name, scalar[kind]) for name, kind in PLACE_FIELDS])
    return {**scalar, "list": pa.list_(pa.string()), "json": pa.string(),
            "places": pa.list_(place)}


def _parquet_value(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "json":
        return json.dumps(value, ensure_ascii=False)
    if kind == "float":
        return float(value)
    if kind == "date":
        from newsevents.events.compat import parse_iso_bound

        return parse_iso_bound(str(value), end=False)
    if kind == "places":
        return [{name: (float(p[name]) if kind == "float" and p.get(name) is not None
                        else p.get(name)) for name, kind in PLACE_FIELDS} for p in value]
    return value


def write_parquet(rows: Iterable[Mapping[str, Any]], path: str | Path,
                  columns: Mapping[str, str]) -> int:
    """Typed columns: dates as dates, lists as lists, ``places`` as a list of structs."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = _parquet_types()
    schema = pa.schema([(name, types[kind]) for name, kind in columns.items()])
    data: dict[str, list[Any]] = {name: [] for name in columns}
    for row in rows:
        for name, kind in columns.items():
            data[name].append(_parquet_value(row.get(name), kind))
    table = pa.table(data, schema=schema)
    pq.write_table(table, str(path))
    return table.num_rows


def write_acled(events: Iterable[Mapping[str, Any]], path: str | Path) -> int:
    from newsevents.acled import ACLED_COLUMNS, acled_rows

    return write_csv(acled_rows(events), path, dict.fromkeys(ACLED_COLUMNS, "string"))


def export(records: Iterable[Mapping[str, Any]], fmt: str, path: str | Path,
           level: str = "claims") -> int:
    """Write claims or events (``level``) in ``fmt``; ``acled`` needs events."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    if fmt == "acled":
        return write_acled(records, path)
    if fmt == "jsonl":
        return write_jsonl(records, path)
    if fmt == "geojson":
        return write_geojson(records, path, level)
    flatten, columns = ((flat_claim, CLAIM_COLUMNS) if level == "claims"
                        else (flat_event, EVENT_COLUMNS))
    rows = (flatten(r) for r in records)
    return write_csv(rows, path, columns) if fmt == "csv" else write_parquet(rows, path, columns)
