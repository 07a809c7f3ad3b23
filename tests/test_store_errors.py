"""A store that never surprises: no store created by a read, one date check everywhere."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from newsevents.cli import main
from newsevents.errors import InputError, StoreError
from newsevents.reader import iter_documents
from newsevents.records import Document
from newsevents.store import ClaimFilter, Store
from newsevents.web import create_app

READS = [["claims"], ["events"], ["conflicts"], ["timeline", "--measure", "strikes"],
         ["export", "--format", "csv", "-o", "out.csv"]]


@pytest.mark.parametrize("command", READS, ids=[c[0] for c in READS])
def test_a_read_on_a_mistyped_db_fails_in_one_sentence_and_creates_nothing(
        tmp_path: Path, command: list[str]) -> None:
    mistyped = tmp_path / "newsevent.db"
    result = CliRunner().invoke(main, [*command, "--db", str(mistyped)])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and str(mistyped) in lines[0]
    assert "no newsevents store exists" in lines[0] and "newsevents ingest" in lines[0]
    assert not mistyped.exists() and not (tmp_path / "out.csv").exists()


def test_serve_on_a_mistyped_db_creates_nothing(tmp_path: Path) -> None:
    mistyped = tmp_path / "typo.db"
    with pytest.raises(StoreError, match="no newsevents store exists at this path"):
        create_app(str(mistyped))
    result = CliRunner().invoke(main, ["serve", "--db", str(mistyped)])
    assert result.exit_code == 1 and "no newsevents store exists" in result.output
    assert not mistyped.exists()


def test_ingest_creates_the_store(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("date 2023-05-10\nAu moins 23 soldats ont été tués mardi près de Gao.",
                       "utf-8")
    db = tmp_path / "new.db"
    result = CliRunner().invoke(main, ["ingest", str(article), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert Store(db, create=False).count_claims() >= 1


IMPOSSIBLE = ["2021-13", "2021-02-30", "2021-00", "21-03", "2021-3", "0000-00-00",
              "9999-99-99", "２０２１-03"]


@pytest.mark.parametrize("value", IMPOSSIBLE)
def test_an_impossible_date_is_refused_alike_by_cli_api_and_library(tmp_path: Path,
                                                                    value: str) -> None:
    db = tmp_path / "s.db"
    Store(db).close()
    expected = f"'{value}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"
    for command in (["claims"], ["events"], ["timeline", "--measure", "strikes"]):
        result = CliRunner().invoke(main, [*command, "--db", str(db), "--since", value])
        assert result.exit_code == 2 and expected in result.output, result.output
    with TestClient(create_app(str(db)), client=("127.0.0.1", 5000),
                    base_url="http://127.0.0.1") as client:
        for path in ("/api/claims", "/api/events", "/api/timeline?measure=strikes"):
            sep = "&" if "?" in path else "?"
            response = client.get(f"{path}{sep}until={value}")
            assert response.status_code == 422
            assert expected in response.json()["error"]["message"]
    with pytest.raises(ValueError, match="is not a date"):
        ClaimFilter(since=value)


DOCUMENT_DATES = ["0000-00-00", "2023-02-30", "9999-99-99", "２０２３-０２-１０", "2021-13-45"]
TEXT = "Au moins 12 soldats ont été tués samedi près de Gao."


@pytest.mark.parametrize("value", DOCUMENT_DATES)
def test_a_document_date_is_checked_alike_by_the_readers_and_post(tmp_path: Path,
                                                                  value: str) -> None:
    expected = f"the date '{value}' is not a real date; write YYYY, YYYY-MM or YYYY-MM-DD"
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "a", "date": value, "text": TEXT}) + "\n"
                    + json.dumps({"id": "b", "date": "2023-02-28", "text": TEXT}) + "\n",
                    "utf-8")
    (bad, good) = list(iter_documents([str(feed)]))
    assert isinstance(bad, InputError) and expected in str(bad)
    assert isinstance(good, Document) and good.date == "2023-02-28"  # the rest is read
    if value.isascii():  # a header of other digits is no header: it stays in the text
        article = tmp_path / "a.txt"
        article.write_text(f"date {value}\n{TEXT}\n", "utf-8")
        (only,) = list(iter_documents([str(article)]))
        assert isinstance(only, InputError) and expected in str(only)
    db = tmp_path / "s.db"
    Store(db).close()
    with TestClient(create_app(str(db), token="t0ken"), client=("127.0.0.1", 5000),
                    base_url="http://127.0.0.1") as client:
        response = client.post("/api/documents", headers={"Authorization": "Bearer t0ken"},
                               json={"id": "a", "date": value, "text": TEXT})
    assert response.status_code == 422
    assert "is not a date" in response.json()["error"]["message"]
    assert Store(db, create=False).count_claims() == 0


@pytest.mark.parametrize("value", ["2021", "2021-03", "2024-02-29"])
def test_real_dates_are_accepted(value: str) -> None:
    assert ClaimFilter(since=value, until=value).since == value


def test_reads_never_write(tmp_path: Path) -> None:
    from tests.data.events_corpus import corpus

    store = Store(tmp_path / "s.db")
    for result in corpus.hand_results():
        store.ingest_result(result, events=False)
    changes = store.conn.total_changes
    assert store.events() == [] and store.timeline("strikes") == []
    assert store.conn.total_changes == changes  # the read merged nothing


def test_a_store_whose_events_lag_says_so_and_the_api_does_not_merge(tmp_path: Path) -> None:
    from tests.data.events_corpus import corpus

    db = tmp_path / "s.db"
    with Store(db) as store:
        for hand in corpus.hand_results():
            store.ingest_result(hand, events=False)  # as `ingest --no-events`
    with TestClient(create_app(str(db)), client=("127.0.0.1", 5000),
                    base_url="http://127.0.0.1") as client:
        body = client.get("/api/events").json()
        assert body["events_current"] is False and body["events"] == []
    stale = CliRunner().invoke(main, ["events", "--db", str(db)])
    assert stale.exit_code == 0 and "were not merged after the last ingest" in stale.stderr
    with Store(db) as store:
        assert not store.events_current()  # GET /api/events merged nothing
        store.ensure_events()
        assert store.events_current() and store.events()
    listed = CliRunner().invoke(main, ["events", "--db", str(db)])
    assert listed.exit_code == 0 and "not merged" not in listed.output
