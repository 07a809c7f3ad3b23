"""Floors on the shared corpora (read in ../shared, never copied): the real articles of
news/ with their gold, and ACLED's coder notes scored by ../shared/tools/acled_score.py.
A change that loses claims, or an event type, fails here. The floors sit a little below
the figures measured when they were set (in the closing notes), so noise does not fail CI
but a regression does."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newsevents.evaluate import document_language, evaluate, evaluate_by_language, load_gold
from newsevents.pipeline import DocumentResult, process_documents
from newsevents.reader import iter_documents

from .conftest import NO_SHARED, SHARED_CORPUS

NEWS = SHARED_CORPUS / "news"
NEWS_GOLD = SHARED_CORPUS / "news.gold.jsonl"
ACLED_ROWS = SHARED_CORPUS / "acled" / "acled_notes.csv"
ACLED_SCORER = SHARED_CORPUS.parent / "tools" / "acled_score.py"

# Measured 2026-12-05 (tenth session): F1 0.883 (en 0.879, fr 0.886), event type 0.88,
# actors 0.92, targets 0.90, places 0.89, time 0.92, speaker 0.90, channel 0.91,
# outlet 0.89 (the gold outlet within the predicted one); right in every slot 0.520.
NEWS_FLOORS = {"f1": 0.86, "en": 0.86, "fr": 0.86, "complete": 0.50}
NEWS_SLOT_FLOORS = {"event_type": 0.86, "actors": 0.88, "targets": 0.87, "places": 0.87,
                    "time": 0.90, "speaker": 0.87, "channel": 0.89, "outlet": 0.87}
# Measured 2026-12-05 (ninth session) with the project's interpreter: detected 0.960,
# event type 0.854, country 0.792, place within 30 km 0.649, fatalities 0.973.
ACLED_FLOORS = {"detected": 0.94, "event_type": 0.82, "country": 0.77, "place": 0.63,
                "fatalities": 0.95}


@pytest.fixture(scope="module")
def news_results() -> list[DocumentResult]:
    if not NEWS.is_dir():
        pytest.skip(NO_SHARED)
    return [r for r in process_documents(iter_documents([str(NEWS)]))
            if isinstance(r, DocumentResult)]


def test_news_claims_hold_their_floors(news_results: list[DocumentResult]) -> None:
    gold = load_gold(NEWS_GOLD)
    predicted = [c.to_dict() for r in news_results for c in r.claims]
    texts = {r.document.doc_id: r.document.text for r in news_results}
    report = evaluate(gold, predicted, texts)
    summary = report.summary()
    print("\nnews:", json.dumps(summary))
    assert report.f1 >= NEWS_FLOORS["f1"], summary
    assert summary["complete"] >= NEWS_FLOORS["complete"], summary
    accuracy = report.slot_accuracy()
    for slot, floor in NEWS_SLOT_FLOORS.items():
        assert accuracy[slot] >= floor, (slot, accuracy[slot])
    languages = {r.document.doc_id: document_language(r.segments) for r in news_results}
    for language, part in evaluate_by_language(gold, predicted, texts, languages).items():
        print(language, json.dumps(part.summary()))
        assert part.f1 >= NEWS_FLOORS[language], (language, part.summary())


def test_acled_notes_hold_their_floors(tmp_path: Path) -> None:
    if not ACLED_ROWS.is_file() or not ACLED_SCORER.is_file():
        pytest.skip(NO_SHARED)
    notes = tmp_path / "notes"
    subprocess.run([sys.executable, str(ACLED_SCORER), "prepare", str(ACLED_ROWS),
                    str(notes)], check=True, capture_output=True, timeout=300)
    gold = tmp_path / "gold.json"
    shutil.move(notes / "gold.json", gold)  # the scorer's file is no article
    claims: list[dict[str, Any]] = [
        c.to_dict() for r in process_documents(iter_documents([str(notes)]))
        if isinstance(r, DocumentResult) for c in r.claims]
    shutil.move(gold, notes / "gold.json")
    predicted = tmp_path / "predicted.jsonl"
    predicted.write_text("".join(json.dumps(c) + "\n" for c in claims), encoding="utf-8")
    scored = subprocess.run([sys.executable, str(ACLED_SCORER), "score", str(notes),
                             str(predicted)], check=True, capture_output=True, text=True,
                            timeout=300)
    scores = json.loads(scored.stdout.strip().splitlines()[-1])
    print("\nacled:", json.dumps(scores))
    for measure, floor in ACLED_FLOORS.items():
        assert scores[measure] >= floor, (measure, scores)
