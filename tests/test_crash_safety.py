"""A killed ingest loses nothing and corrupts nothing, wherever the kill lands.

``python -m newsevents ingest DIR --db FILE`` is killed with SIGKILL three times, each time
after a random number of documents and a random few milliseconds more (so the kill lands
before, inside or after a document's transaction); after each kill the database passes
``PRAGMA integrity_check`` and the next run goes on from there. The finished store's
canonical dump (documents, mentions and claims, ordered, without ids and ingest times)
equals an uninterrupted run's. (tests/test_store.py kills once at a fixed point; this one
is randomized and repeated.)
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from newsevents.store import Store

from .conftest import documents_in

TABLE = Path(__file__).parent / "data" / "claims_table.yaml"
DOCUMENTS = 30
KILLS = 3


def _write_articles(folder: Path) -> int:
    """30 small articles of two claim-table sentences each, with their dates."""
    cases = yaml.safe_load(TABLE.read_text("utf-8"))
    folder.mkdir()
    for number in range(DOCUMENTS):
        first, second = cases[(2 * number) % len(cases)], cases[(2 * number + 1) % len(cases)]
        text = f"date {first['date']}\n{first['text']}\n{second['text']}\n"
        (folder / f"article_{number:02d}.txt").write_text(text, "utf-8")
    return DOCUMENTS


def _ingest(articles: Path, db: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    return subprocess.Popen([sys.executable, "-m", "newsevents", "ingest", str(articles),
                             "--db", str(db)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)


def _ingest_uninterrupted(articles: Path, db: Path) -> None:
    """The reference run, in this process: the library call `newsevents ingest` makes (a
    process of its own would load the models once more for nothing)."""
    from newsevents.ingest import ingest_documents
    from newsevents.reader import iter_documents

    with Store(db) as store:
        assert not ingest_documents(store, iter_documents([str(articles)])).errors


def _integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def canonical_dump(db: Path) -> dict[str, Any]:
    """Documents, mentions and claims, ordered, without row ids and ingest timestamps."""
    conn = sqlite3.connect(db)
    try:
        documents = conn.execute(
            "SELECT doc_id, url, outlet, title, date, lang, text, sha256, version, superseded"
            " FROM documents ORDER BY doc_id, version").fetchall()
        mentions = conn.execute(
            "SELECT d.doc_id, d.version, m.* FROM mentions m JOIN documents d"
            " ON d.id = m.document_id ORDER BY d.doc_id, d.version, m.start, m.end, m.kind"
        ).fetchall()
        mention_columns = [c[0] for c in conn.execute("SELECT * FROM mentions").description]
    finally:
        conn.close()
    drop = {mention_columns.index(c) + 2 for c in ("id", "document_id") if c in mention_columns}
    store = Store(db)
    try:
        claims = store.canonical_dump()
    finally:
        store.close()
    return {"documents": documents,
            "mentions": [tuple(v for i, v in enumerate(row) if i not in drop)
                         for row in mentions],
            "claims": claims}


def _kill_after(process: subprocess.Popen[bytes], db: Path, documents: int,
                rng: random.Random) -> int:
    """SIGKILL once `documents` are stored and a random 0-10 ms more; the count at the kill.
    (Small documents ingest in a few ms each: a longer wait lets a fast machine finish.)"""
    deadline = time.monotonic() + 120
    while documents_in(db) < documents and process.poll() is None:
        assert time.monotonic() < deadline, "the ingest made no progress"
        time.sleep(0.005)
    time.sleep(rng.uniform(0, 0.01))
    process.send_signal(signal.SIGKILL)
    process.wait()
    return documents_in(db)


@pytest.mark.slow
def test_ingest_killed_three_times_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    rng = random.Random(os.environ.get("NEWSEVENTS_KILL_SEED", time.time_ns()))
    articles = tmp_path / "articles"
    total = _write_articles(articles)
    clean_db, killed_db = tmp_path / "clean.db", tmp_path / "killed.db"
    stored = 0
    interrupted = 0
    for kill in range(KILLS):
        # Leave documents for the kills to come and a few to spare, so no run ends first.
        room = (total - 3 - stored) // (KILLS - kill)
        target = rng.randint(stored + 1, stored + max(1, room))
        process = _ingest(articles, killed_db)
        stored = _kill_after(process, killed_db, target, rng)
        assert _integrity(killed_db) == "ok", f"kill {kill} at {stored} documents"
        # On a fast machine a run may commit its last document just before the kill lands;
        # the kills that do land mid-batch are what this test is about.
        interrupted += process.returncode == -signal.SIGKILL and stored < total
        if stored == total:
            break
    assert interrupted >= 1, "no kill landed before the batch was complete"
    rerun = _ingest(articles, killed_db)
    assert rerun.wait(timeout=300) == 0, rerun.stderr.read() if rerun.stderr else ""
    _ingest_uninterrupted(articles, clean_db)
    assert _integrity(killed_db) == "ok"
    killed, uninterrupted = canonical_dump(killed_db), canonical_dump(clean_db)
    assert len(killed["documents"]) == total
    assert len(killed["claims"]) >= total  # two claim sentences an article
    assert killed == uninterrupted
