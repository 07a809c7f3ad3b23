"""Hostile input reaching the outside: identity, spreadsheets and terminals.

Scraped feeds give many articles one URL (a site's home page): each id stays its own
document. Article text starting with ``=`` or holding escape sequences reaches a CSV cell
or a terminal: CSV cells are neutralised (OWASP) and terminal output shows characters only.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsevents.cli import main
from newsevents.exports import neutralised
from newsevents.store import Store
from newsevents.terminal import printable

CLAIM = "Au moins 23 soldats ont été tués mardi près de Gao."
HOME = "https://example.org/"


def _feed(path: Path, records: list[tuple[str, str]]) -> Path:
    path.write_text("".join(json.dumps({"id": doc_id, "text": text, "date": "2021-03-02",
                                        "url": HOME}) + "\n" for doc_id, text in records),
                    "utf-8")
    return path


def _ingest(feed: Path, db: Path) -> str:
    result = CliRunner().invoke(main, ["ingest", str(feed), "--db", str(db), "--no-events"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.stderr if hasattr(result, "stderr") else result.output


def test_a_shared_url_never_hides_a_document_and_reruns_add_nothing(tmp_path: Path) -> None:
    feed = _feed(tmp_path / "feed.jsonl", [
        ("a", CLAIM), ("b", CLAIM.replace("23", "24")), ("c", CLAIM.replace("23", "25"))])
    db = tmp_path / "s.db"
    assert "3 added, 0 new versions, 0 unchanged" in _ingest(feed, db)
    assert "0 added, 0 new versions, 3 unchanged" in _ingest(feed, db)
    with Store(db) as store:
        assert sorted(d["doc_id"] for d in store.documents()) == ["a", "b", "c"]
        assert sorted(c["best"] for c in store.claims()) == [23, 24, 25]


def test_two_texts_under_one_id_are_reported_and_do_not_alternate(tmp_path: Path) -> None:
    feed = _feed(tmp_path / "feed.jsonl", [("a", CLAIM), ("a", CLAIM.replace("23", "24"))])
    db = tmp_path / "s.db"
    first = _ingest(feed, db)
    assert "feed.jsonl:2: the id 'a' was given earlier in this input with another text; " \
           "the last one is kept" in first
    assert "1 added, 1 new versions" in first
    assert "0 added, 0 new versions, 2 unchanged" in _ingest(feed, db)
    with Store(db) as store:
        assert [c["best"] for c in store.claims()] == [24]


@pytest.mark.parametrize("cell, expected", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1", "'+1"), ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("Gao", "Gao"),
    (-12.5, -12.5), (3, 3),
])
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(cell: object,
                                                                 expected: object) -> None:
    assert neutralised(cell) == expected


def test_extract_csv_writes_no_formula(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("date 2021-03-02\n=1+2 " + CLAIM, "utf-8")
    out = tmp_path / "claims.csv"
    result = CliRunner().invoke(main, ["extract", str(article), "--format", "csv", "-o",
                                       str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"))))
    assert rows and all(not str(v).startswith(("=", "+", "-", "@")) or _is_number(v)
                        for row in rows for v in row.values())
    assert any(row["lon"].startswith("-") for row in rows)  # Gao: a longitude, not a formula
    assert any(row["evidence_text"].startswith("'=1+2") for row in rows)


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_claims_table_prints_no_escape_sequence(tmp_path: Path) -> None:
    hostile = CLAIM.replace("tués", "tués \x1b]0;pwned\x07\x1b[2J\x9b31m\u202e")
    db = tmp_path / "s.db"
    _ingest(_feed(tmp_path / "feed.jsonl", [("x\x1b[31m", hostile)]), db)
    for command in (["claims", "--db", str(db)], ["extract", str(tmp_path / "feed.jsonl"),
                                                  "--format", "table"]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 0, result.output
        assert "23" in result.output
        assert not any(c in result.output for c in "\x1b\x07\x9b\u202e"), command


def test_printable_keeps_text_and_drops_controls() -> None:
    assert printable("Gao\t«\u00a023\u00a0»\n\x1b[2Jé\u202eﬁ") == "Gao «\u00a023\u00a0» [2Jéﬁ"


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # starlette prefers httpx2
def test_a_wildcard_server_keeps_the_host_check_and_asks_the_token_of_everyone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from starlette.testclient import TestClient

    from newsevents.web import create_app
    from newsevents.web.security import served_names

    names = served_names("0.0.0.0", ["news.example.org"])
    assert {"127.0.0.1", "localhost", "news.example.org"} <= set(names)
    assert "evil.example" not in names
    app = create_app(str(tmp_path / "s.db"), token="t0ken", allowed_hosts=names,
                     loopback_reads_open=False, create=True)
    with TestClient(app, client=("127.0.0.1", 5000), base_url="http://127.0.0.1") as local:
        assert local.get("/api/claims").status_code == 403  # a local proxy's clients too
        bearer = {"Authorization": "Bearer t0ken"}
        assert local.get("/api/claims", headers=bearer).status_code == 200
        rebound = local.get("/api/claims", headers={**bearer, "Host": "evil.example"})
        assert rebound.status_code == 400  # DNS rebinding: the Host check stays on
    monkeypatch.delenv("NEWSEVENTS_TOKEN", raising=False)
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "s.db"),
                                       "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "--host 0.0.0.0 answers other machines, whose reads need the token" in result.output


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize("redirect, line", [
    (">/dev/full", "the output cannot be written (No space left on device)"),
    (">&-", "standard output is closed"),
])
def test_a_full_or_closed_stdout_is_one_line_not_a_traceback(redirect: str, line: str) -> None:
    import subprocess
    import sys

    run = subprocess.run(f"'{sys.executable}' -m newsevents --help {redirect}", shell=True,
                         capture_output=False, stderr=subprocess.PIPE, text=True, timeout=60,
                         check=False)
    assert "Traceback" not in run.stderr
    assert run.stderr.count("\n") == 1 and line in run.stderr
