"""Fixtures shared by the whole suite (defined once, as spaCy's tests do)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
GOLDEN = TESTS / "golden"
# The corpora stay in ../shared beside the clone (their texts belong to their outlets):
# tests read them there and never copy them. CI always has them.
SHARED_CORPUS = TESTS.parent.parent / "shared" / "corpus"
SEEDS = SHARED_CORPUS / "seeds"
SEEDS_GOLD = SHARED_CORPUS / "seeds.gold.jsonl"
NO_SHARED = f"{SHARED_CORPUS} is absent: the shared corpora are read there, never copied"
EXAMPLES = TESTS.parent / "examples"


def build_example_store(path: Path) -> Path:
    """A store of the example articles, through the library call `newsevents ingest` makes."""
    from newsevents.ingest import ingest_documents
    from newsevents.reader import iter_documents
    from newsevents.store import Store

    with Store(path) as store:
        counts = ingest_documents(store, iter_documents([str(EXAMPLES)]))
        assert not counts.errors, counts.errors
    return path


@pytest.fixture(scope="session")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example articles' store, built once for the whole run; read it only (a test
    that writes works on ``copy_store(example_db, ...)``)."""
    return build_example_store(tmp_path_factory.mktemp("examples") / "examples.db")


def copy_store(source: Path, target: Path) -> Path:
    """A consistent copy of a store (SQLite's backup, safe while readers are open)."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def documents_in(db: Path) -> int:
    """Documents stored so far, read while another process may be writing (0 if none)."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


@pytest.fixture(scope="session")
def seed_results() -> dict[str, object]:
    """The pipeline's results on the two seed articles, computed once per session."""
    from newsevents.pipeline import process_documents
    from newsevents.reader import iter_documents

    if not SEEDS.is_dir():
        pytest.skip(NO_SHARED)
    results: dict[str, object] = {}
    for result in process_documents(iter_documents([str(SEEDS)])):
        assert hasattr(result, "claims"), result
        results[result.document.doc_id] = result  # type: ignore[union-attr]
    return results


@pytest.fixture(scope="session")
def update_golden() -> bool:
    """`NEWSEVENTS_UPDATE_GOLDEN=1 pytest tests/test_golden.py` rewrites expected outputs so a
    reviewer reads the change as a diff."""
    return os.environ.get("NEWSEVENTS_UPDATE_GOLDEN") == "1"
