"""The one ingest call: documents in, pipeline, store, events kept current.

``newsevents ingest``, ``POST /api/documents`` and the batch loader all go through here,
so a stored document is always processed the same way (the pipeline, which links subsets
to their totals) and the events are up to date when the call returns: reads never have
to merge anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from newsevents.errors import InputError, NewsEventsError, StageError
from newsevents.records import Claim, Document

if TYPE_CHECKING:
    from newsevents.pipeline import DocumentResult
    from newsevents.store import IngestReport, Store


def analyse(document: Document, seconds: float | None = None) -> DocumentResult:
    """One document through the pipeline (its subsets linked: ``part_of``), within the
    per-document time budget (``seconds``; None: $NEWSEVENTS_DOC_SECONDS or 60 s)."""
    from newsevents.pipeline import process_document  # heavy (spaCy): loaded on first use

    return process_document(document, seconds)


def analyse_all(items: Iterable[Document | InputError], seconds: float | None = None
                ) -> Iterable[DocumentResult | InputError | StageError]:
    """``pipeline.process_documents``: what extract and batch use."""
    from newsevents.pipeline import process_documents

    return process_documents(items, seconds)


def extract(text_or_path: str | Path, date: str | None = None,
            doc_id: str = "text") -> list[Claim]:
    """``pipeline.extract``: what ``newsevents.extract`` is."""
    from newsevents.pipeline import extract as pipeline_extract

    return pipeline_extract(text_or_path, date=date, doc_id=doc_id)


@dataclass
class IngestCounts:
    added: int = 0
    new_version: int = 0
    unchanged: int = 0
    skipped: int = 0
    claims: int = 0
    errors: list[str] = field(default_factory=list)

    def count(self, report: IngestReport) -> None:
        setattr(self, report.status, getattr(self, report.status) + 1)
        self.claims += report.claims


Notice = Callable[[str], None]
Step = Callable[[int, int], None]  # (claims stored, errors) after each document


def ingest_document(store: Store, document: Document) -> tuple[IngestReport, list[str]]:
    """Store one document and bring its events up to date; returns the report and the
    pipeline's warnings (a text already stored is ``unchanged``)."""
    import sqlite3

    from newsevents.store.files import failure

    result = analyse(document)
    try:
        report = store.ingest_result(result)  # events updated with it
    except sqlite3.Error as error:  # a full disk, a damaged store: one sentence
        raise failure(store.path, error) from None
    return report, list(result.warnings)


def ingest_documents(store: Store, items: Iterable[Document | InputError], *,
                     events: bool = True, notice: Notice | None = None,
                     step: Step | None = None, seconds: float | None = None) -> IngestCounts:
    """Store every document of ``items``; a bad input or a failing document (one over the
    time budget ``seconds`` too) is reported through ``notice`` and skipped, the rest
    goes on. Events are updated once at the end (only the merge blocks that changed)."""
    from newsevents.budget import document_seconds

    seconds = document_seconds(seconds)  # a bad $NEWSEVENTS_DOC_SECONDS: said once
    counts = IngestCounts()
    say = notice or (lambda _message: None)
    for item in items:
        stored = errors = 0
        try:
            if isinstance(item, Exception):
                raise item
            if store.is_stored(item):  # a re-run after a crash skips what is done
                counts.unchanged += 1
            else:
                report = store.ingest_result(analyse(item, seconds), events=False)
                counts.count(report)
                stored = report.claims
        except NewsEventsError as error:
            say(str(error))
            counts.errors.append(str(error))
            counts.skipped += 1
            errors = 1
        if step is not None:
            step(stored, errors)
    if events:
        store.ensure_events()
    return counts
