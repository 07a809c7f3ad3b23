"""Reads for the web page: a document with its mentions and claims, and the facets.

Called by ``Store`` under its lock; every value is a bound parameter.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from newsevents.store.rows import CLAIM_SELECT, claim_dict

FACET_LIMIT = 200  # values per facet, most frequent first
_DOCUMENT_COLUMNS = ("id, doc_id, url, outlet, title, date, lang, text, version, superseded,"
                     " ingested_at, superseded_at")
_CLAIMS_OF_DOCUMENT = CLAIM_SELECT + " WHERE c.document_id = ? ORDER BY c.id"
_FACETS = {
    "measure": "SELECT measure, COUNT(*) FROM claims WHERE superseded = 0"
               " AND measure IS NOT NULL GROUP BY measure",
    "event_type": "SELECT event_type, COUNT(*) FROM claims WHERE superseded = 0"
                  " AND event_type IS NOT NULL GROUP BY event_type",
    "country": "SELECT p.country, COUNT(*) FROM claim_places p JOIN claims c"
               " ON c.id = p.claim_rowid WHERE c.superseded = 0 AND p.country IS NOT NULL"
               " GROUP BY p.country",
    "actor": "SELECT a.actor, COUNT(*) FROM claim_actors a JOIN claims c"
             " ON c.id = a.claim_rowid WHERE c.superseded = 0 AND a.role = 'actor'"
             " GROUP BY a.actor",
}


def document(conn: sqlite3.Connection, doc_id: str,
             version: int | None) -> dict[str, Any] | None:
    sql = f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE doc_id = ?"
    params: list[Any] = [doc_id]
    if version is None:
        sql += " ORDER BY superseded, version DESC LIMIT 1"
    else:
        sql += " AND version = ?"
        params.append(version)
    row = conn.execute(sql, params).fetchone()
    if row is None:
        return None
    found = dict(row)
    rowid = found.pop("id")
    found["superseded"] = bool(found["superseded"])
    found["mentions"] = _mentions(conn, rowid)
    found["claims"] = [claim_dict(r) for r in conn.execute(_CLAIMS_OF_DOCUMENT, (rowid,))]
    return found


def _mentions(conn: sqlite3.Connection, document_rowid: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        'SELECT id, kind, start, "end", text, data FROM mentions WHERE document_id = ?'
        ' ORDER BY start, "end", id', (document_rowid,))
    return [{**json.loads(row["data"]), "mention_id": row["id"], "kind": row["kind"],
             "start": row["start"], "end": row["end"], "text": row["text"]} for row in rows]


def facets(conn: sqlite3.Connection, limit: int) -> dict[str, list[dict[str, Any]]]:
    out = {}
    for name, sql in _FACETS.items():
        rows = conn.execute(sql).fetchall()
        ranked = sorted(rows, key=lambda r: (-r[1], r[0]))[:limit]
        out[name] = [{"value": value, "count": count} for value, count in ranked]
    return out
