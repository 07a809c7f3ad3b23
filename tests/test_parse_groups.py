"""`process_documents` parses a few documents' sentences in one batch: the results are
those of `process_document` one document at a time, in order, and a document whose parse
fails is reported alone."""

from __future__ import annotations

from typing import Any

import pytest

from newsevents import pipeline
from newsevents.errors import InputError, StageError
from newsevents.records import Document
from newsevents.stages import parse

TEXTS = [
    "Au moins 23 soldats ont été tués mardi près de Gao, a indiqué l'armée malienne.",
    "At least 12 civilians were killed on Monday in an air strike near Idlib, the "
    "Syrian Observatory for Human Rights said.",
    "Trois policiers ont été blessés dans l'attaque d'un poste à Djibo.",
    "Two drones were shot down over Kharkiv overnight, the governor said.",
]


def _documents(count: int) -> list[Document]:
    return [Document(f"d{n}", TEXTS[n % len(TEXTS)].replace("2", str(n % 7 + 2)),
                     date="2021-03-25") for n in range(count)]


def _claims(result: Any) -> list[dict[str, Any]]:
    return [c.to_dict() for c in result.claims]


def test_grouped_results_are_each_documents_own_in_order() -> None:
    documents = _documents(pipeline.PARSE_GROUP + 3)
    bad = InputError("broken.jsonl:2", "not JSON", "fix the line")
    items: list[Document | InputError] = [*documents[:5], bad, *documents[5:]]
    results = list(pipeline.process_documents(items, seconds=0))
    assert results[5] is bad
    grouped = [r for r in results if isinstance(r, pipeline.DocumentResult)]
    assert [r.document.doc_id for r in grouped] == [d.doc_id for d in documents]
    for result, document in zip(grouped, documents, strict=True):
        alone = pipeline.process_document(document, seconds=0)
        assert _claims(result) == _claims(alone) and result.mentions == alone.mentions


def test_a_document_whose_parse_fails_is_reported_alone(
        monkeypatch: pytest.MonkeyPatch) -> None:
    real = parse.parse_many

    def failing(items: Any, language: str = "fr") -> Any:
        if any("Djibo" in text for text, _ in items):
            raise RuntimeError("parser broke")
        return real(items, language)

    monkeypatch.setattr(parse, "parse_many", failing)
    results = list(pipeline.process_documents(_documents(4), seconds=0))
    failed = [r for r in results if isinstance(r, StageError)]
    assert [(e.doc_id, e.stage) for e in failed] == [("d2", "parse")]
    assert all(r.claims for r in results if isinstance(r, pipeline.DocumentResult))
    assert len(results) == 4
