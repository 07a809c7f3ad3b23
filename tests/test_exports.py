"""Exports read back by the libraries their users would use."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import click
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from newsevents import acled, cli_store, exports
from newsevents.store import ClaimFilter, Store

from .data.events_corpus import corpus


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(tmp_path_factory.mktemp("exports") / "store.db")
    for result in corpus.hand_results():
        store.ingest_result(result)
    return store


def _export(store: Store, tmp_path: Path, fmt: str, level: str = "claims",
            flt: ClaimFilter | None = None) -> Path:
    path = tmp_path / f"out.{fmt}"
    records = store.events(flt) if level == "events" or fmt == "acled" else store.claims(flt)
    exports.export(records, fmt, path, level=level)
    return path


def test_jsonl_claims_round_trip(store: Store, tmp_path: Path) -> None:
    path = _export(store, tmp_path, "jsonl")
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    by_id = {c["claim_id"]: c for c in lines}
    for original in corpus.hand_claims():
        assert {k: by_id[original["claim_id"]][k] for k in original} == original


@pytest.mark.parametrize("level", ["claims", "events"])
def test_csv_read_back(store: Store, tmp_path: Path, level: str) -> None:
    path = _export(store, tmp_path, "csv", level)
    with path.open(newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    columns = exports.CLAIM_COLUMNS if level == "claims" else exports.EVENT_COLUMNS
    assert list(rows[0]) == list(columns)
    if level == "claims":
        assert len(rows) == len(corpus.hand_claims())
        mogadiscio = next(r for r in rows if r["claim_id"].startswith("oceanindien"))
        assert (mogadiscio["low"], mogadiscio["country"], mogadiscio["actors"]) == (
            "21", "SO", "al_shabaab")
        assert "voiture piégée" in mogadiscio["evidence_text"]
    else:
        total = next(r for r in rows if r["is_total"] == "True")
        assert (total["best"], total["sources"]) == ("29307", "2")


@pytest.mark.parametrize("level", ["claims", "events"])
def test_parquet_read_back(store: Store, tmp_path: Path, level: str) -> None:
    path = _export(store, tmp_path, "parquet", level)
    table = pq.read_table(path)
    rows = table.to_pylist()
    if level == "claims":
        assert table.num_rows == len(corpus.hand_claims())
        actors_type = table.schema.field("actors").type
        assert pa.types.is_list(actors_type) and pa.types.is_string(actors_type.value_type)
        strikes = [r for r in rows if r["measure"] == "strikes" and r["value"] == 312]
        assert len(strikes) == 3
        assert all(r["lat"] == pytest.approx(35.78) for r in strikes)
    else:
        conflicting = [r for r in rows if r["conflicting"]]
        assert [(r["country"], r["low"], r["high"]) for r in conflicting] == [("NG", 12, 30)]


def _valid_point(feature: dict[str, Any]) -> bool:
    geometry = feature["geometry"]
    lon, lat = geometry["coordinates"]
    return (feature["type"] == "Feature" and geometry["type"] == "Point"
            and len(geometry["coordinates"]) == 2 and -180 <= lon <= 180 and -90 <= lat <= 90)


@pytest.mark.parametrize("level", ["claims", "events"])
def test_geojson_feature_collection(store: Store, tmp_path: Path, level: str) -> None:
    path = _export(store, tmp_path, "geojson", level)
    collection = json.loads(path.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert features and all(_valid_point(f) for f in features)
    for feature in features:  # flat scalar properties, as QGIS and kepler.gl want them
        assert all(not isinstance(v, (list, dict)) for v in feature["properties"].values())
    kharkiv = [f for f in features if f["properties"]["place_name"] == "Kharkiv"]
    assert kharkiv[0]["geometry"]["coordinates"] == [36.23, 49.99]
    # Claims: one point per place (the Hajin claim names Hajin and Deir ez-Zor).
    expected = sum(len(c["places"]) for c in corpus.hand_claims()) if level == "claims" else None
    if expected is not None:
        assert len(features) == expected


def _acled(store: Store, tmp_path: Path) -> list[dict[str, str]]:
    path = _export(store, tmp_path, "acled")
    with path.open(newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def test_acled_csv(store: Store, tmp_path: Path) -> None:
    rows = _acled(store, tmp_path)
    assert list(rows[0]) == list(acled.ACLED_COLUMNS)
    assert not any(r["notes"].startswith("Between August 2014") for r in rows)  # no totals
    assert not any("démenti" in r["notes"] for r in rows)  # no negated events
    mogadishu = next(r for r in rows if r["location"] == "Mogadishu")
    assert (mogadishu["event_type"], mogadishu["sub_event_type"]) == (
        "Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert (mogadishu["event_date"], mogadishu["time_precision"], mogadishu["geo_precision"]) \
        == ("2022-05-10", "1", "1")
    assert (mogadishu["country"], mogadishu["fatalities"], mogadishu["actor1"]) == (
        "Somalia", "20", "Al Shabaab")
    makhmour = next(r for r in rows if r["location"] == "Makhmur")
    assert (makhmour["sub_event_type"], makhmour["fatalities"]) == ("Air/drone strike", "0")
    assert "Military Times" in makhmour["source"] and "AFP" in makhmour["source"]
    assert len({r["event_id_cnty"] for r in rows}) == len(rows)  # one row per event


def test_acled_rows_are_consistent_with_their_country(store: Store, tmp_path: Path) -> None:
    import pycountry

    rows = _acled(store, tmp_path)
    places = {(p["name"], p.get("admin1") or ""): p["country"] for c in corpus.hand_claims()
              for p in c["places"]}
    acled_names = set(acled._data()["countries"].values())
    for row in rows:  # every exported row
        assert row["country"] in acled_names or pycountry.countries.lookup(row["country"])
        if row["location"]:
            code = places[(row["location"], row["admin1"])]
            assert acled.country_name(code) == row["country"], row
            assert row["event_id_cnty"].startswith(row["iso"])
        assert row["event_type"] in {"Battles", "Explosions/Remote violence", "Protests",
                                     "Violence against civilians", "Strategic developments",
                                     "Riots"}


def test_acled_ids_are_stable_across_re_exports(store: Store, tmp_path: Path) -> None:
    first = [r["event_id_cnty"] for r in _acled(store, tmp_path)]
    again = tmp_path / "again"
    again.mkdir()
    assert [r["event_id_cnty"] for r in _acled(store, again)] == first


@pytest.mark.parametrize(("code", "name"), [("SY", "Syria"), ("IR", "Iran"), ("RU", "Russia"),
                                            ("CD", "Democratic Republic of Congo"),
                                            ("TR", "Turkey"), ("ML", "Mali")])
def test_acled_country_names(code: str, name: str) -> None:
    assert acled.country_name(code) == name


def _event(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "event_id": "E:x#1", "event_type": "other", "measure": "fatalities_combatants",
        "best": 23, "time": {"start": "2023-05-09", "end": "2023-05-09"}, "country": "ML",
        "actors": ["unknown"], "targets": ["state:ML"],
        "places": [{"name": "Gao", "country": "ML", "admin1": "Gao", "lat": 16.27,
                    "lon": -0.04, "precision": "town"}],
        "claims": [{"claim_id": "x#1", "evidence": "Au moins 23 soldats tués",
                    "speaker": {"name": "OSDH", "role": None}, "outlet": None}],
    }
    return {**base, **fields}


def test_acled_a_toll_of_soldiers_is_a_battle_and_the_speaker_is_the_source() -> None:
    row = acled.acled_row(_event())
    assert (row["event_type"], row["sub_event_type"]) == ("Battles", "Armed clash")
    assert (row["source"], row["fatalities"]) == ("OSDH", 23)
    assert row["notes"] == "Au moins 23 soldats tués (OSDH)"
    civilians = acled.acled_row(_event(targets=["civilians"],
                                       measure="fatalities_civilians"))
    assert civilians["event_type"] == "Violence against civilians"


def test_acled_never_exports_a_location_abroad() -> None:
    abroad = {"name": "Niamey", "country": "NE", "admin1": "Niamey", "lat": 13.5,
              "lon": 2.1, "precision": "town"}
    row = acled.acled_row(_event(places=[abroad, *_event()["places"]]))
    assert (row["country"], row["location"], row["admin1"]) == ("Mali", "Gao", "Gao")
    only_abroad = acled.acled_row(_event(places=[abroad]))
    assert (only_abroad["location"], only_abroad["latitude"]) == ("", None)


@pytest.mark.parametrize(("start", "end", "precision"), [
    ("2021-03-24", "2021-03-24", 1), ("2021-03-22", "2021-03-28", 2),
    ("2021-03-01", "2021-03-31", 2), ("2021-01-01", "2021-12-31", 3), (None, None, 3),
])
def test_acled_time_precision(start: str | None, end: str | None, precision: int) -> None:
    assert acled.time_precision(start, end) == precision


def test_cli_export_with_filter(store: Store, tmp_path: Path) -> None:
    group = click.Group("newsevents")
    cli_store.register(group)
    out_path = tmp_path / "ng.parquet"
    result = CliRunner().invoke(group, ["export", "--db", store.path, "--format", "parquet",
                                        "--country", "NG", "-o", str(out_path)])
    assert result.exit_code == 0, result.output
    assert pq.read_table(out_path).num_rows == 3
    bad = CliRunner().invoke(group, ["export", "--db", store.path, "--format", "csv", "-o",
                                     str(tmp_path / "no-such-dir" / "x.csv")])
    assert bad.exit_code == 1 and "choose another -o path" in bad.output
