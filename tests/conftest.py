"""Fixtures shared by the whole suite (defined once, as spaCy's tests do)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
GOLDEN = TESTS / "golden"
SEEDS = GOLDEN / "seeds"
SEEDS_GOLD = GOLDEN / "seeds.gold.jsonl"


@pytest.fixture(scope="session")
def seed_results() -> dict[str, object]:
    """The pipeline's results on the two seed articles, computed once per session."""
    from newsevents.pipeline import process_documents
    from newsevents.reader import iter_documents

    results = {}
    for result in process_documents(iter_documents([str(SEEDS)])):
        assert hasattr(result, "claims"), result
        results[result.document.doc_id] = result  # type: ignore[union-attr]
    return results


@pytest.fixture(scope="session")
def update_golden() -> bool:
    """`NEWSEVENTS_UPDATE_GOLDEN=1 pytest tests/test_golden.py` rewrites expected outputs so a
    reviewer reads the change as a diff."""
    return os.environ.get("NEWSEVENTS_UPDATE_GOLDEN") == "1"
