"""The SQLite store: migrations, idempotent and versioned ingest, filters, crash safety."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from newsevents import cli_store
from newsevents.errors import StoreError
from newsevents.store import ClaimFilter, Store, claim_from_dict, plan, schema
from newsevents.store.schema import MIGRATIONS

from .data.events_corpus import corpus

FIXED = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def _store(tmp_path: Path, name: str = "store.db", when: datetime = FIXED) -> Store:
    return Store(tmp_path / name, clock=lambda: when)


@pytest.fixture
def corpus_store(tmp_path: Path) -> Store:
    store = _store(tmp_path)
    for result in corpus.hand_results():
        store.ingest_result(result)
    return store


def test_migrations_recorded_and_not_reapplied(tmp_path: Path) -> None:
    _store(tmp_path).close()
    conn = sqlite3.connect(tmp_path / "store.db")
    versions = [row[0] for row in conn.execute("SELECT version FROM schema_migrations")]
    assert versions == [m.version for m in MIGRATIONS]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    reopened = _store(tmp_path, when=datetime(2030, 1, 1, tzinfo=UTC))
    times = {r[0] for r in reopened.conn.execute("SELECT applied_at FROM schema_migrations")}
    assert times == {FIXED.isoformat(timespec="seconds")}


def test_datasette_detects_full_text_search(corpus_store: Store) -> None:
    # The query Datasette runs (datasette/utils/__init__.py, detect_fts_sql).
    sql = """select name from sqlite_master where rootpage = 0 and (
                 sql like '%VIRTUAL TABLE%USING FTS%content="claims"%'
                 or (tbl_name = 'claims' and sql like '%VIRTUAL TABLE%USING FTS%'))"""
    assert [r[0] for r in corpus_store.conn.execute(sql)] == ["claims_fts"]
    hits = corpus_store.conn.execute(
        "SELECT c.claim_id FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid"
        " WHERE claims_fts MATCH 'Mogadiscio'").fetchall()
    assert [h[0] for h in hits] == ["oceanindien_2022_05_mogadiscio#1"]


def test_reingest_changes_nothing(corpus_store: Store, tmp_path: Path) -> None:
    before = corpus_store.canonical_dump()
    reports = [corpus_store.ingest_result(r) for r in corpus.hand_results()]
    assert {r.status for r in reports} == {"unchanged"}
    assert corpus_store.canonical_dump() == before
    assert len(corpus_store.documents()) == len(corpus.articles())


def _edited(result: Any, text_suffix: str, value: int, doc_id: str | None = None) -> Any:
    document = dataclasses.replace(result.document, text=result.document.text + text_suffix,
                                   doc_id=doc_id or result.document.doc_id)
    claims = []
    for claim in result.claims:
        data = claim.to_dict()
        data.update(doc=document.doc_id, claim_id=data["claim_id"].replace(
            result.document.doc_id, document.doc_id), value=value, best=value)
        claims.append(claim_from_dict(data))
    return dataclasses.replace(result, document=document, claims=claims)


def test_changed_document_supersedes_old_version(tmp_path: Path) -> None:
    first = next(r for r in corpus.hand_results() if r.document.doc_id.startswith("radiosahel"))
    _store(tmp_path).ingest_result(first)
    later = datetime(2024, 5, 2, 9, 30, tzinfo=UTC)
    store = _store(tmp_path, when=later)
    report = store.ingest_result(_edited(first, "\n\nLe bilan s'est alourdi à 15 morts.", 15))
    assert (report.status, report.version) == ("new_version", 2)
    versions = store.documents(first.document.doc_id)
    assert [(v["version"], v["superseded"]) for v in versions] == [(1, 1), (2, 0)]
    assert versions[0]["ingested_at"] == FIXED.isoformat(timespec="seconds")
    assert versions[0]["superseded_at"] == later.isoformat(timespec="seconds")
    assert versions[1]["ingested_at"] == later.isoformat(timespec="seconds")
    assert [c["value"] for c in store.claims()] == [15]
    every = store.claims(ClaimFilter(include_superseded=True))
    assert sorted((c["value"], c["superseded"], c["doc_version"]) for c in every) == [
        (12, True, 1), (15, False, 2)]
    assert [e["best"] for e in store.events()] == [15]


def test_same_url_new_id_is_another_document(tmp_path: Path) -> None:
    store = _store(tmp_path)
    first = corpus.hand_results()[0]
    store.ingest_result(first)
    report = store.ingest_result(_edited(first, " (mis à jour)", 300, doc_id="renamed"))
    assert report.status == "added"
    superseded = {d["doc_id"]: d["superseded"] for d in store.documents()}
    assert superseded == {first.document.doc_id: 0, "renamed": 0}  # a shared URL hides none
    assert {c["doc"] for c in store.claims()} == {first.document.doc_id, "renamed"}


def test_a_text_stored_before_under_its_id_adds_no_version(tmp_path: Path) -> None:
    store = _store(tmp_path)
    first = corpus.hand_results()[0]
    second = _edited(first, " (mis à jour)", 300)
    for _ in range(3):  # one input holding both texts, ingested three times
        reports = [store.ingest_result(first).status, store.ingest_result(second).status]
    assert reports == ["unchanged", "unchanged"]
    assert [(d["version"], d["superseded"]) for d in store.documents(first.document.doc_id)] \
        == [(1, 1), (2, 0)]
    assert store.is_stored(first.document) and store.is_stored(second.document)


def test_one_transaction_per_document(tmp_path: Path) -> None:
    store = _store(tmp_path)
    good, bad = corpus.hand_results()[:2]
    duplicated = dataclasses.replace(bad, claims=[bad.claims[0], bad.claims[0]])
    store.ingest_result(good)
    with pytest.raises(sqlite3.IntegrityError):
        store.ingest_result(duplicated)
    assert [d["doc_id"] for d in store.documents()] == [good.document.doc_id]
    assert store.count_claims() == len(good.claims)
    store.ingest_result(bad)  # the store is usable after the rollback
    assert store.count_claims() == len(good.claims) + len(bad.claims)


FILTERS = [
    ("actor", ClaimFilter(actor="boko_haram"), {"lakechad_2021_06_dalori#1",
                                                 "lakechad_2021_06_dalori#2",
                                                 "radiosahel_2021_06_dalori#1"}),
    ("target", ClaimFilter(target="houthis"), {"gulfwire_2022_02_saada#1"}),
    ("measure + country", ClaimFilter(measure="fatalities_civilians", country="ua"),
     {"kyivbulletin_2022_09_shelling#1", "kyivbulletin_2022_09_shelling#2",
      "afp_2022_09_kharkiv#1"}),
    ("event type", ClaimFilter(event_type="remote_explosive"),
     {"hornobserver_2022_05_mogadishu#1", "oceanindien_2022_05_mogadiscio#1"}),
    ("near Kharkiv 50 km", ClaimFilter(near=(50.0, 36.3, 50)),
     {"kyivbulletin_2022_09_shelling#1", "afp_2022_09_kharkiv#1"}),
    ("since/until a month", ClaimFilter(since="2018-03", until="2018-03"),
     {"ledger_2018_04_totals#1", "ledger_2018_04_totals#2", "levant_2018_04_bilan#1",
      "levant_2018_04_bilan#2"}),
    ("speaker words", ClaimFilter(speaker="marotto"),
     {"levant_2021_03_makhmour#1", "levant_2021_03_makhmour#2",
      "militarytimes_2021_03_makhmour#1"}),
    ("document outlet, any case", ClaimFilter(outlet="afp", language="fr"),
     {"afp_2021_03_makhmour#1", "yemen_fr_2022_02_saada#1", "yemen_fr_2022_02_saada#2",
      "afp_2022_09_kharkiv#1"}),
    ("full text", ClaimFilter(text="voiture piégée"), {"oceanindien_2022_05_mogadiscio#1"}),
    ("full text, FTS syntax is searched as words", ClaimFilter(text='NEAR("x" OR *'), set()),
    ("SQL in a value is a value", ClaimFilter(actor="x' OR 1=1 --"), set()),
]


@pytest.mark.parametrize(("what", "flt", "expected"), FILTERS, ids=[f[0] for f in FILTERS])
def test_filters(corpus_store: Store, what: str, flt: ClaimFilter, expected: set[str]) -> None:
    assert {c["claim_id"] for c in corpus_store.claims(flt)} == expected
    assert corpus_store.count_claims(flt) == len(expected)
    assert corpus_store.count_claims() == len(corpus.hand_claims())


@pytest.mark.parametrize("plan_by", ["gather", "walk"])
@pytest.mark.parametrize(("what", "flt", "expected"), FILTERS, ids=[f[0] for f in FILTERS])
def test_both_query_plans_keep_the_same_claims(corpus_store: Store, monkeypatch: pytest.MonkeyPatch,
                                               plan_by: str, what: str, flt: ClaimFilter,
                                               expected: set[str]) -> None:
    # Sources estimated at one row or more count as large: every query then walks the
    # date index and probes each filter instead of gathering from the smallest one.
    if plan_by == "walk":
        monkeypatch.setattr(plan, "ESTIMATE_CAP", 1)
    everything = corpus_store.claims(flt)
    assert {c["claim_id"] for c in everything} == expected
    for order in ("time", "ingest"):
        ordered = corpus_store.claims(flt, order=order)
        pages = [corpus_store.claims_page(flt, limit=2, offset=o, order=order)
                 for o in range(0, len(expected) + 2, 2)]
        assert [c["claim_id"] for p in pages for c in p.claims] == \
            [c["claim_id"] for c in ordered]
        assert {(p.total, p.total_exact) for p in pages} == {(len(expected), True)}


def test_counts_stop_at_the_cap(corpus_store: Store) -> None:
    total = corpus_store.count_claims()
    assert corpus_store.count_claims(cap=3) == 4 < total
    assert corpus_store.count_claims(cap=total) == total
    page = corpus_store.claims_page(limit=2, offset=1, cap=3)
    assert (page.total, page.total_exact) == (3, False)
    assert page.claims == corpus_store.claims(limit=2, offset=1)


def test_an_older_database_gains_the_query_indexes(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(schema, "MIGRATIONS", (*MIGRATIONS[:3], *MIGRATIONS[4:]))
    old = _store(tmp_path)
    for result in corpus.hand_results():
        old.ingest_result(result, events=False)
    old.close()
    monkeypatch.setattr(schema, "MIGRATIONS", MIGRATIONS)
    store = _store(tmp_path)
    assert store.conn.execute("SELECT COUNT(*) FROM claims_time_rtree").fetchone()[0] == \
        store.count_claims()
    for what, flt, expected in FILTERS:
        assert {c["claim_id"] for c in store.claims(flt)} == expected, what


def test_claims_round_trip_contract(corpus_store: Store) -> None:
    stored = {c["claim_id"]: c for c in corpus_store.claims()}
    for original in corpus.hand_claims():
        kept = {k: stored[original["claim_id"]][k] for k in original}
        assert kept == original


def test_events_filtered_by_claims(corpus_store: Store) -> None:
    events = corpus_store.events(ClaimFilter(language="en", country="IQ"))
    # The Makhmour strikes, and the period total whose English source names Iraq.
    assert [(e["is_total"], e["sources"]) for e in events] == [(True, 2), (False, 4)]
    assert corpus_store.conflicts(ClaimFilter(country="SO")) == []


def test_unopenable_database_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="--db"):
        Store(tmp_path / "missing-dir" / "x.db")


# -- the CLI, and a killed ingest ---------------------------------------------------------

def _cli() -> click.Group:
    group = click.Group("newsevents")
    cli_store.register(group)
    return group


def test_cli_claims_events_conflicts(corpus_store: Store) -> None:
    db = corpus_store.path
    runner = CliRunner()
    out = runner.invoke(_cli(), ["claims", "--db", db, "--country", "SO", "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    assert len(out.output.splitlines()) == 2
    out = runner.invoke(_cli(), ["conflicts", "--db", db])
    assert out.exit_code == 0, out.output
    assert ">=30" in out.output and "armée nigériane" in out.output
    assert len(out.output.splitlines()) == 3  # a header and the two sources side by side
    out = runner.invoke(_cli(), ["timeline", "--db", db, "--measure", "strikes", "--by",
                                 "year", "--format", "csv"])
    assert out.exit_code == 0, out.output
    assert out.output.splitlines()[0].startswith("period,kind,start,end,value")
    out = runner.invoke(_cli(), ["claims", "--db", db, "--near", "north"])
    assert out.exit_code == 2 and "lat,lon,km" in out.output


def test_cli_every_command_has_help() -> None:
    runner = CliRunner()
    for name in ("ingest", "claims", "events", "conflicts", "timeline", "export"):
        out = runner.invoke(_cli(), [name, "--help"])
        assert out.exit_code == 0 and len(out.output) > 200
    timeline_help = runner.invoke(_cli(), ["timeline", "--help"]).output
    assert "never added to the events it covers" in timeline_help


# A killed ingest re-run equals an uninterrupted one: tests/test_crash_safety.py (kills at
# random points, three times, with integrity checks).
