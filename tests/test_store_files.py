"""Files given as the store: another program's SQLite database, a damaged or corrupt one,
a text file are refused in one sentence and left byte for byte as they were (no WAL
switch, no migrations table, no -wal or -shm file beside them); a read-only store is
still read; a full disk while ingesting is one line."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from newsevents.cli import main
from newsevents.errors import StoreError
from newsevents.store import Store, files
from newsevents.web import create_app

GOOD = "date 2023-05-10\nAu moins 23 soldats ont été tués mardi près de Gao.\n"


def _foreign(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO customers (name) VALUES ('Ada')")
    conn.close()


def _foreign_wal(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()


def _corrupt(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 20)


def _text(path: Path) -> None:
    path.write_text("id,name\n1,Ada\n", "utf-8")


def _other_migrations(path: Path) -> None:  # another tool's migrations table
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, "
                     "name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        conn.execute("INSERT INTO schema_migrations VALUES (1, 'create_users', 'x')")
        conn.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY)")
    conn.close()


MAKERS: dict[str, tuple[Callable[[Path], None], str]] = {
    "foreign": (_foreign, "this SQLite database is not a newsevents store"),
    "foreign-wal": (_foreign_wal, "this SQLite database is not a newsevents store"),
    "other-migrations": (_other_migrations, "this SQLite database is not a newsevents store"),
    "corrupt": (_corrupt, "the database is damaged"),
    "text": (_text, "this is not an SQLite database"),
}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("name", MAKERS)
@pytest.mark.parametrize("command", [["claims"], ["events"], ["ingest", "ARTICLE"],
                                     ["export", "--format", "csv", "-o", "OUT"], ["serve"]],
                         ids=["claims", "events", "ingest", "export", "serve"])
def test_a_file_that_is_not_a_store_is_refused_and_left_untouched(
        tmp_path: Path, name: str, command: list[str]) -> None:
    make, problem = MAKERS[name]
    db = tmp_path / f"{name}.db"
    make(db)
    before, listing = _digest(db), sorted(os.listdir(tmp_path))
    article = tmp_path.parent / f"{tmp_path.name}-a.txt"
    article.write_text(GOOD, "utf-8")
    argv = [str(article) if a == "ARTICLE" else str(tmp_path / "o.csv") if a == "OUT" else a
            for a in command]
    result = CliRunner().invoke(main, [*argv, "--db", str(db)])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and f"{db}: {problem}" in lines[0], result.output
    assert "it was left as it is" in lines[0] and lines[0].endswith(".")
    assert _digest(db) == before and sorted(os.listdir(tmp_path)) == listing  # no -wal/-shm
    with pytest.raises(StoreError, match=problem):
        Store(db)
    assert _digest(db) == before and sorted(os.listdir(tmp_path)) == listing


def test_a_store_of_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    Store(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (999, 'future', 'x')")
    conn.close()
    before = _digest(db)
    with pytest.raises(StoreError, match="made by a newer version of newsevents; it was "
                                         "left as it is: upgrade newsevents"):
        Store(db, create=False)
    assert _digest(db) == before


def test_an_empty_file_becomes_a_store_only_for_ingest(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    db.touch()
    result = CliRunner().invoke(main, ["claims", "--db", str(db)])
    assert result.exit_code == 1 and "no newsevents store exists" in result.output
    assert db.stat().st_size == 0
    Store(db).close()
    assert files.inspect(str(db)) is files.Kind.STORE


@pytest.fixture(scope="module")
def store_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from newsevents.ingest import ingest_documents
    from newsevents.reader import iter_documents

    folder = tmp_path_factory.mktemp("articles")
    (folder / "a.txt").write_text(GOOD, "utf-8")
    db = tmp_path_factory.mktemp("store") / "s.db"
    with Store(db) as store:
        ingest_documents(store, iter_documents([str(folder)]))
    return db


def test_a_damaged_store_is_one_line(store_copy: Path, tmp_path: Path) -> None:
    db = tmp_path / "damaged.db"
    data = bytearray(store_copy.read_bytes())
    page = 4096
    data[page:] = bytes(len(data) - page)  # every page but the first wiped
    db.write_bytes(bytes(data))
    article = tmp_path / "b.txt"
    article.write_text(GOOD.replace("23", "31"), "utf-8")
    for command in (["ingest", str(article)], ["claims"], ["events"]):
        result = CliRunner().invoke(main, [*command, "--db", str(db)])
        assert "Traceback" not in result.output, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        if result.exit_code:
            lines = [line for line in result.output.splitlines() if line.strip()]
            assert lines[-1].startswith(f"Error: {db}: ") and len(lines[-1]) < 300
            assert "damaged" in lines[-1] or "not a newsevents store" in lines[-1]


def test_a_full_disk_while_ingesting_is_one_line(store_copy: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "s.db"
    shutil.copy(store_copy, db)
    configure = Store._configure

    def no_room(self: Store) -> None:  # SQLite says "database or disk is full" at once
        configure(self)
        pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
        self.conn.execute(f"PRAGMA max_page_count = {pages}")

    monkeypatch.setattr(Store, "_configure", no_room)
    article = tmp_path / "long.txt"
    article.write_text(GOOD + "Au moins 12 civils ont été blessés à Gao. " * 3_000, "utf-8")
    result = CliRunner().invoke(main, ["ingest", str(article), "--db", str(db)])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert lines[-1] == (f"Error: {db}: the disk is full (database or disk is full); free "
                         "some space and run the command again: what was stored before is "
                         "kept.")
    assert "Traceback" not in result.output
    monkeypatch.undo()
    with Store(db, create=False) as store:
        assert store.count_documents() == 1  # what was stored is kept


# -- read-only stores -------------------------------------------------------------------

@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A directory another user can enter (pytest's own are private to their owner)."""
    folder = Path(tempfile.mkdtemp(prefix="newsevents-ro-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        shutil.rmtree(folder)


def _as_other_user(argv: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run `python -m newsevents ARGV` without the right to write (as nobody under root)."""
    command = [sys.executable, "-m", "newsevents", *argv]
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv: permissions cannot be dropped")
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                   "--inh-caps=-all", "--bounding-set=-all", *command]
    environment = {**os.environ, "HOME": str(cwd), "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300,
                          env=environment, check=False)


@pytest.mark.parametrize("locked", ["file", "directory"])
def test_a_read_only_store_can_be_queried(store_copy: Path, shared_dir: Path,
                                          locked: str) -> None:
    folder = shared_dir / "store"
    folder.mkdir()
    db = folder / "s.db"
    shutil.copy(store_copy, db)
    out = shared_dir / "out"
    out.mkdir()
    out.chmod(0o777)
    db.chmod(0o444)
    if locked == "directory":
        db.chmod(0o644)
        folder.chmod(0o555)
    before, listing = _digest(db), sorted(os.listdir(folder))
    claims = _as_other_user(["claims", "--db", str(db), "--format", "jsonl"], out)
    assert claims.returncode == 0, claims.stderr
    assert '"best": 23' in claims.stdout
    events = _as_other_user(["events", "--db", str(db)], out)
    assert events.returncode == 0 and "23" in events.stdout, events.stderr
    export = _as_other_user(["export", "--db", str(db), "--format", "csv", "-o",
                             str(out / "c.csv")], out)
    assert export.returncode == 0 and "rows written" in export.stderr, export.stderr
    article = out / "b.txt"
    article.write_text(GOOD, "utf-8")
    article.chmod(0o644)
    ingest = _as_other_user(["ingest", str(article), "--db", str(db)], out)
    assert ingest.returncode == 1 and "Traceback" not in ingest.stderr
    assert ingest.stderr.strip() == (
        f"Error: {db}: the store is read-only (no write access to the file or its "
        "directory), so nothing can be stored in it; make it writable or give another --db.")
    assert _digest(db) == before and sorted(os.listdir(folder)) == listing


def test_a_read_only_store_is_read_without_a_trace_and_served(
        store_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "s.db"
    shutil.copy(store_copy, db)
    monkeypatch.setattr(files, "writable", lambda path: False)  # as if mounted read-only
    before = _digest(db)
    with Store(db, create=False) as store:
        assert store.read_only and store.count_claims() >= 1 and store.events()
    app = create_app(str(db), token="t0ken")
    with TestClient(app, client=("127.0.0.1", 5000), base_url="http://127.0.0.1") as client:
        assert client.get("/api/claims").json()["total"] >= 1
        posted = client.post("/api/documents", json={"id": "n", "text": GOOD},
                             headers={"Authorization": "Bearer t0ken"})
        assert posted.status_code == 503
        assert "the store is read-only" in posted.json()["error"]["message"]
    assert _digest(db) == before and sorted(os.listdir(tmp_path)) == ["s.db"]
