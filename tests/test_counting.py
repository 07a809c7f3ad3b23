"""The totals a careful reader would write down: no subset or repeated figure counted twice.

Articles of our own, through the real pipeline and the library ingest call, then every
export read back: "au moins 89 morts, dont 31 civils" is 89 deaths, not 120; "312 strikes"
then "more than 150 strikes" in one article is 312 strikes, not 462.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from newsevents import exports
from newsevents.cli import main
from newsevents.ingest import ingest_documents
from newsevents.reader import iter_documents
from newsevents.store import ClaimFilter, Store

ARTICLES = {
    # A subset of a toll: "dont" (fr) and "including" (en).
    "gao.txt": "date 2023-05-12\nAu moins 89 personnes ont été tuées mardi à Gao, dont 31 "
               "civils, a indiqué l'armée malienne dans un communiqué.\n",
    "kano.txt": "date 2022-11-20\nForty-two people were killed on Friday in Maiduguri, "
                "including 12 children, the police said in a statement.\n",
    # The same strikes reported twice in one article.
    "frappes.txt": "date 2021-04-02\nLes frappes américaines en Irak ont totalisé 312 en "
                   "mars, a déclaré la coalition. Plus de 150 frappes ont visé Mossoul en "
                   "mars, a précisé la coalition.\n",
    # A headline repeated by the lead, then a part named before its total.
    "beni.txt": "date 2019-12-16\nVingt-deux civils tués dans une attaque des ADF près de "
                "Beni\n\nVingt-deux civils ont été tués dans la nuit de samedi à dimanche "
                "dans une attaque des ADF près de Beni, a indiqué l'armée. « Nous avons "
                "identifié 13 femmes parmi les 22 victimes », a déclaré le maire de Beni.\n",
    # A part pointing back at its total ("two of them").
    "hodeidah.txt": "date 2024-05-31\nUS and British strikes on Yemen kill 14\n\nUS and "
                    "British forces carried out strikes on Hodeidah overnight, killing 14 "
                    "people, the Houthis said on Friday. \"The toll of the strikes reached 14 "
                    "dead and 30 wounded, two of them children,\" a health ministry "
                    "spokesman said.\n",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    folder = tmp_path_factory.mktemp("articles")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, "utf-8")
    store = Store(folder / "store.db")
    counts = ingest_documents(store, iter_documents([str(folder)]))
    assert not counts.errors and counts.added == len(ARTICLES)
    return store


def _fatalities(store: Store, doc: str) -> list[dict[str, object]]:
    return [e for e in store.events() if e["measure"] and str(e["measure"]).startswith(
        "fatalities") and any(c["doc"] == doc for c in e["claims"])]


@pytest.mark.parametrize(("doc", "total", "part"), [("gao.txt", 89, 31),
                                                    ("kano.txt", 42, 12)])
def test_a_subset_is_part_of_its_total(store: Store, doc: str, total: int, part: int) -> None:
    claims = {c["best"]: c for c in store.claims() if c["doc"] == doc}
    assert claims[part]["part_of"] == claims[total]["claim_id"]
    assert claims[total]["part_of"] is None
    events = _fatalities(store, doc)
    subset = next(e for e in events if e["best"] == part)
    assert subset["part_of"] == [claims[total]["claim_id"]]


@pytest.mark.parametrize(("doc", "measure", "total", "part"), [
    ("beni.txt", "fatalities_civilians", 22, 13), ("hodeidah.txt", "injured", 30, 2)])
def test_a_part_named_before_or_pointing_back_at_its_total(store: Store, doc: str,
                                                           measure: str, total: int,
                                                           part: int) -> None:
    claims = [c for c in store.claims() if c["doc"] == doc and c["measure"] == measure]
    totals = {c["claim_id"] for c in claims if c["best"] == total}
    parts = [c for c in claims if c["best"] == part]
    assert parts and all(c["part_of"] in totals for c in parts)


@pytest.mark.parametrize(("doc", "measure", "total"), [
    ("beni.txt", "fatalities_civilians", 22), ("hodeidah.txt", "fatalities", 14),
    ("hodeidah.txt", "injured", 30)])
def test_an_articles_restated_figure_is_counted_once(store: Store, doc: str, measure: str,
                                                      total: int) -> None:
    events = [e for e in store.events(ClaimFilter(measure=measure))
              if any(c["doc"] == doc for c in e["claims"]) and not e["part_of"]]
    assert sum(e["best"] for e in events) == total


def test_one_articles_repeated_figure_is_one_event_of_the_larger(store: Store) -> None:
    (event,) = store.events(ClaimFilter(measure="strikes"))
    assert event["best"] == 312 and event["sources"] == 2


def test_timeline_counts_totals_once(store: Store) -> None:
    may = [r for r in store.timeline("fatalities", by="month") if r["period"] == "2023-05"]
    assert [r["value"] for r in may] == [89]
    march = store.timeline("strikes", by="month")
    assert [(r["period"], r["value"]) for r in march] == [("2021-03", 312)]


def test_acled_export_sums_to_what_a_reader_writes_down(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    exports.export(store.events(), "acled", path, level="events")
    with path.open(newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    mali = [r for r in rows if r["country"] == "Mali"]
    assert sum(int(r["fatalities"]) for r in mali) == 89
    assert sum(int(r["fatalities"]) for r in rows if r["country"] == "Nigeria") == 42
    assert all(r["source"] for r in rows)  # the speaker when no outlet is named
    again = tmp_path / "again.csv"
    exports.export(store.events(), "acled", again, level="events")
    assert again.read_text("utf-8") == path.read_text("utf-8")  # a re-export: same ids


@pytest.mark.parametrize("fmt", ["csv", "parquet", "geojson"])
def test_event_exports_mark_the_subset(store: Store, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"events.{fmt}"
    exports.export(store.events(ClaimFilter(country="ML")), fmt, path, level="events")
    if fmt == "csv":
        with path.open(newline="", encoding="utf-8") as stream:
            rows = [dict(r) for r in csv.DictReader(stream)]
        parts = [r["part_of"] for r in rows]
    elif fmt == "parquet":
        rows = pq.read_table(path).to_pylist()
        parts = [";".join(r["part_of"]) for r in rows]
    else:
        rows = [f["properties"] for f in json.loads(path.read_text("utf-8"))["features"]]
        parts = [r["part_of"] for r in rows]
    counted = [float(r["best"]) for r, part in zip(rows, parts, strict=True) if not part]
    assert counted == [89.0]


def test_parquet_has_dates_and_places_as_lists(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "claims.parquet"
    exports.export(store.claims(), "parquet", path)
    table = pq.read_table(path)
    assert str(table.schema.field("time_start").type) == "date32[day]"
    row = next(r for r in table.to_pylist() if r["doc"] == "gao.txt")
    assert row["places"][0]["name"] == "Gao" and isinstance(row["places"][0]["lat"], float)


def test_extract_and_export_write_one_csv_shape(store: Store, tmp_path: Path) -> None:
    article = tmp_path / "gao.txt"
    article.write_text(ARTICLES["gao.txt"], "utf-8")
    extracted = CliRunner().invoke(main, ["extract", str(article), "--format", "csv"])
    exported = tmp_path / "claims.csv"
    exports.export(store.claims(ClaimFilter(text="Gao")), "csv", exported)
    header = extracted.output.splitlines()[0]
    assert header == exported.read_text("utf-8").splitlines()[0]
    assert "part_of" in header and "figure" in header and ">=89" in extracted.output
