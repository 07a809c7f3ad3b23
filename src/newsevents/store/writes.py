"""Writing one processed document: versioning, mentions, claims and their lookup rows.

Called inside a transaction the caller owns; nothing here commits.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from newsevents.records import Claim, Document
from newsevents.store.rows import CLAIM_COLUMNS, actor_rows, claim_row, place_rows

_INSERT_CLAIM = (
    "INSERT INTO claims (" + ", ".join(CLAIM_COLUMNS) + ") VALUES ("
    + ", ".join("?" for _ in CLAIM_COLUMNS) + ")"
)
_INSERT_DOCUMENT = (
    "INSERT INTO documents (doc_id, url, outlet, title, date, lang, text, sha256, version,"
    " ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


class MentionLike(Protocol):
    kind: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]: ...


class ResultLike(Protocol):
    """What ``pipeline.process_document`` returns (``DocumentResult``)."""

    @property
    def document(self) -> Document: ...
    @property
    def mentions(self) -> Sequence[Any]: ...
    @property
    def claims(self) -> Sequence[Claim]: ...


@dataclass(frozen=True)
class IngestReport:
    """What became of one document: ``added``, ``new_version`` or ``unchanged``."""

    doc_id: str
    status: str
    version: int
    claims: int


def content_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _supersede(conn: sqlite3.Connection, document_rowids: list[int], now: str) -> None:
    conn.executemany("UPDATE documents SET superseded = 1, superseded_at = ? WHERE id = ?",
                     [(now, rowid) for rowid in document_rowids])
    conn.executemany("UPDATE claims SET superseded = 1 WHERE document_id = ?",
                     [(rowid,) for rowid in document_rowids])


# A document is its id, never its URL: scraped feeds give many articles a site's home page
# as URL, and a shared URL made them versions of one another (stored, counted as added,
# then hidden from every query).


def is_stored(conn: sqlite3.Connection, doc: Document) -> bool:
    """Whether this exact text is one of the stored versions of the document's id: then
    ingesting it changes nothing (re-running an input never adds versions)."""
    row = conn.execute("SELECT 1 FROM documents WHERE doc_id = ? AND sha256 = ?",
                       (doc.doc_id, content_sha256(doc.text))).fetchone()
    return row is not None


def _version_for(conn: sqlite3.Connection, doc: Document, sha: str, now: str) -> int | None:
    """The version number the document gets, or None when this text is already one of its
    versions (an input holding two texts under one id would otherwise alternate them
    as new versions on every run)."""
    known = conn.execute("SELECT id, sha256, version, superseded FROM documents"
                         " WHERE doc_id = ?", (doc.doc_id,)).fetchall()
    if any(row["sha256"] == sha for row in known):
        return None
    _supersede(conn, [row["id"] for row in known if not row["superseded"]], now)
    return max((row["version"] for row in known), default=0) + 1


def _next_claim_rowid(conn: sqlite3.Connection) -> int:
    # One writer at a time (BEGIN IMMEDIATE), so explicit ids cannot collide; they let
    # the lookup rows be written with executemany without reading rowids back.
    return int(conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM claims").fetchone()[0])


def write_document(conn: sqlite3.Connection, result: ResultLike, now: str) -> IngestReport:
    doc = result.document
    sha = content_sha256(doc.text)
    version = _version_for(conn, doc, sha, now)
    if version is None:
        return IngestReport(doc.doc_id, "unchanged", 0, 0)
    cursor = conn.execute(_INSERT_DOCUMENT, (doc.doc_id, doc.url, doc.outlet, doc.title,
                                             doc.date, doc.lang, doc.text, sha, version, now))
    document_rowid = int(cursor.lastrowid or 0)
    conn.executemany(
        'INSERT INTO mentions (document_id, kind, start, "end", text, data)'
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(document_rowid, m.kind, m.start, m.end, m.text,
          json.dumps(m.to_dict(), ensure_ascii=False)) for m in result.mentions],
    )
    write_claims(conn, document_rowid, [c.to_dict() for c in result.claims])
    status = "added" if version == 1 else "new_version"
    return IngestReport(doc.doc_id, status, version, len(result.claims))


def write_claims(conn: sqlite3.Connection, document_rowid: int,
                 claims: Sequence[dict[str, Any]]) -> None:
    first = _next_claim_rowid(conn)
    rowids = range(first, first + len(claims))
    conn.executemany(_INSERT_CLAIM, [claim_row(r, document_rowid, c)
                                     for r, c in zip(rowids, claims, strict=True)])
    conn.executemany("INSERT INTO claim_actors (claim_rowid, role, actor) VALUES (?, ?, ?)",
                     [row for r, c in zip(rowids, claims, strict=True)
                      for row in actor_rows(r, c)])
    conn.executemany(
        "INSERT INTO claim_places (claim_rowid, name, country, admin1, lat, lon, precision)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [row for r, c in zip(rowids, claims, strict=True) for row in place_rows(r, c)],
    )
