"""Keeping the events table in step with the claims: in full, or one merge block at a time.

Claims only ever share an event inside their merge block (measure, event family,
polarity, period total: ``events.merge.block_key``), and a stored claim row never changes
(a new document version adds rows and marks the old ones superseded). So after a write
only the blocks that gained or lost a current claim can have other events, and an event
whose member rows are the same has the same content. ``update_events`` therefore re-merges
the touched blocks only and rewrites only the events whose members differ: one new
document in a store of a million claims costs its blocks, not the store. The table it
leaves is the one a full rebuild gives (tests/test_events_update.py).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from newsevents.events import build_event
from newsevents.events.compat import event_family, family_types
from newsevents.events.merge import BlockKey, block_key, cluster_block

ClaimLoader = Callable[[Sequence[int]], list[dict[str, Any]]]  # rowids -> claim dicts
_CHUNK = 500  # rowids per IN (...) list: well under SQLite's variable limit


def insert_event(conn: sqlite3.Connection, event: Mapping[str, Any],
                 rowid_of: Mapping[str, int]) -> None:
    """One event row and its claim links (``rowid_of``: claim id -> claim row id)."""
    cursor = conn.execute(
        "INSERT INTO events (event_key, event_type, measure, negated, is_total, best,"
        " low, high, time_start, time_end, country, sources, independent_sources,"
        " conflicting, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (event["event_id"], event["event_type"], event["measure"], event["negated"],
         event["is_total"], event["best"], event["low"], event["high"],
         event["time"]["start"], event["time"]["end"], event["country"],
         event["sources"], event["independent_sources"], event["conflicting"],
         json.dumps(event, ensure_ascii=False)),
    )
    conn.executemany(
        "INSERT INTO event_claims (event_rowid, claim_rowid) VALUES (?, ?)",
        [(cursor.lastrowid, rowid_of[c["claim_id"]]) for c in event["claims"]],
    )


def replace_all_events(conn: sqlite3.Connection, events: Sequence[Mapping[str, Any]],
                       rowid_of: Mapping[str, int]) -> None:
    conn.execute("DELETE FROM event_claims")
    conn.execute("DELETE FROM events")
    for event in events:
        insert_event(conn, event, rowid_of)


def update_events(conn: sqlite3.Connection, load_claims: ClaimLoader) -> int:
    """Re-merge the blocks whose current claims changed; returns the events written."""
    return sum(_update_block(conn, block, load_claims)
               for block in sorted(touched_blocks(conn)))


def touched_blocks(conn: sqlite3.Connection) -> set[BlockKey]:
    """Blocks holding a current claim that is in no event, or an event that holds a claim
    that is no longer current (superseded, or gone)."""
    blocks = set()
    unlinked = conn.execute(
        "SELECT c.measure, c.event_type, c.negated, c.time FROM claims c"
        " WHERE c.superseded = 0 AND NOT EXISTS"
        " (SELECT 1 FROM event_claims ec WHERE ec.claim_rowid = c.id)")
    for measure, event_type, negated, time in unlinked:
        blocks.add(block_key({"measure": measure, "event_type": event_type,
                              "negated": negated, "time": json.loads(time or "{}")}))
    outdated = conn.execute(
        "SELECT DISTINCT e.measure, e.event_type, e.negated, e.is_total FROM event_claims ec"
        " JOIN events e ON e.id = ec.event_rowid LEFT JOIN claims c ON c.id = ec.claim_rowid"
        " WHERE c.id IS NULL OR c.superseded = 1")
    for measure, event_type, negated, is_total in outdated:
        blocks.add((measure or "", event_family(event_type), bool(negated), bool(is_total)))
    return blocks


def _block_where(block: BlockKey, alias: str) -> tuple[str, list[Any]]:
    """SQL narrowing rows of `alias` (claims or events) to the block's measure, family and
    polarity; the period-total part is checked on each row (it depends on the dates)."""
    measure, family, negated, _ = block
    types = sorted(family_types(family))
    clauses = [f"{alias}.negated = ?"]
    params: list[Any] = [int(negated)]
    if measure:
        clauses.append(f"{alias}.measure = ?")
        params.append(measure)
    else:
        clauses.append(f"({alias}.measure IS NULL OR {alias}.measure = '')")
    if "" in types:
        clauses.append(f"({alias}.event_type IS NULL OR {alias}.event_type IN"
                       f" ({', '.join('?' for _ in types)}))")
    else:
        clauses.append(f"{alias}.event_type IN ({', '.join('?' for _ in types)})")
    params.extend(types)
    return " AND ".join(clauses), params


def _current_claim_ids(conn: sqlite3.Connection, block: BlockKey) -> list[int]:
    where, params = _block_where(block, "c")
    rows = conn.execute(f"SELECT c.id, c.measure, c.event_type, c.negated, c.time"
                        f" FROM claims c WHERE c.superseded = 0 AND {where}", params)
    return [rowid for rowid, measure, event_type, negated, time in rows
            if block_key({"measure": measure, "event_type": event_type, "negated": negated,
                          "time": json.loads(time or "{}")}) == block]


def _block_events(conn: sqlite3.Connection, block: BlockKey) -> dict[frozenset[int], int]:
    """The block's stored events: their member claim rowids -> event rowid."""
    where, params = _block_where(block, "e")
    rows = conn.execute(
        f"SELECT e.id, (SELECT group_concat(ec.claim_rowid) FROM event_claims ec"
        f" WHERE ec.event_rowid = e.id) FROM events e WHERE e.is_total = ? AND {where}",
        [int(block[3]), *params])
    return {frozenset(int(r) for r in (members or "").split(",") if r): event_rowid
            for event_rowid, members in rows}


def _update_block(conn: sqlite3.Connection, block: BlockKey, load_claims: ClaimLoader) -> int:
    ids = _current_claim_ids(conn, block)
    claims = [claim for start in range(0, len(ids), _CHUNK)
              for claim in load_claims(ids[start:start + _CHUNK])]
    wanted = {frozenset(int(c["rowid"]) for c in group): group
              for group in cluster_block(claims)}
    stored = _block_events(conn, block)
    gone = [(event_rowid,) for members, event_rowid in stored.items() if members not in wanted]
    # Old rows go first: a changed event keeps its key (its first claim) in the new row.
    conn.executemany("DELETE FROM event_claims WHERE event_rowid = ?", gone)
    conn.executemany("DELETE FROM events WHERE id = ?", gone)
    rowid_of = {c["claim_id"]: int(c["rowid"]) for c in claims}
    written = 0
    for members, group in wanted.items():
        if members not in stored:
            insert_event(conn, build_event(group), rowid_of)
            written += 1
    return written
