"""Read-only queries the web layer needs and ``Store`` does not offer yet.

A document's text with its mentions and claims, and the distinct filter values (facets)
for the page's menus. They read through the ``Store``'s own connection and rows
(``claim_dict``), write nothing, and bind every value as a parameter. They are meant to
move into ``newsevents.store`` as ``Store.document`` and ``Store.facets``.
"""

from __future__ import annotations

import json
from typing import Any

from newsevents.store import Store
from newsevents.store.rows import claim_dict

_DOCUMENT_COLUMNS = ("id, doc_id, url, outlet, title, date, lang, text, version, superseded,"
                     " ingested_at, superseded_at")
_CLAIMS_OF_DOCUMENT = (
    "SELECT c.*, d.outlet AS doc_outlet, d.url AS doc_url, d.version AS doc_version,"
    " d.ingested_at AS ingested_at FROM claims c JOIN documents d ON d.id = c.document_id"
    " WHERE c.document_id = ? ORDER BY c.id"
)
FACET_LIMIT = 200  # values per facet, most frequent first


def document(store: Store, doc_id: str, version: int | None = None) -> dict[str, Any] | None:
    """The current (or the given) version of a document: text, mentions and claims."""
    sql = f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE doc_id = ?"
    params: list[Any] = [doc_id]
    if version is None:
        sql += " ORDER BY superseded, version DESC LIMIT 1"
    else:
        sql += " AND version = ?"
        params.append(version)
    row = store.conn.execute(sql, params).fetchone()
    if row is None:
        return None
    found = dict(row)
    rowid = found.pop("id")
    found["superseded"] = bool(found["superseded"])
    found["mentions"] = _mentions(store, rowid)
    found["claims"] = [claim_dict(r) for r in store.conn.execute(_CLAIMS_OF_DOCUMENT, (rowid,))]
    return found


def _mentions(store: Store, document_rowid: int) -> list[dict[str, Any]]:
    rows = store.conn.execute(
        'SELECT id, kind, start, "end", text, data FROM mentions WHERE document_id = ?'
        ' ORDER BY start, "end", id', (document_rowid,))
    mentions = []
    for row in rows:
        mention = {**json.loads(row["data"]), "mention_id": row["id"], "kind": row["kind"],
                   "start": row["start"], "end": row["end"], "text": row["text"]}
        mentions.append(mention)
    return mentions


def facets(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Distinct values of the current claims' filterable fields, with their counts."""
    grouped = {
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
    out = {}
    for name, sql in grouped.items():
        rows = store.conn.execute(sql).fetchall()
        ranked = sorted(rows, key=lambda r: (-r[1], r[0]))[:FACET_LIMIT]
        out[name] = [{"value": value, "count": count} for value, count in ranked]
    return out


def claims_generation(store: Store) -> int:
    """A counter the store bumps on every write: cached views are stale when it moves."""
    row = store.conn.execute(
        "SELECT value FROM store_state WHERE key = 'claims_generation'").fetchone()
    return int(row[0]) if row else 0
