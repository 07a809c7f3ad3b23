"""Planning claim queries: which index drives a query, the others probe each row.

SQLite's planner knows the indexes but not how many claims a full-text query, a place or
a date window matches, and a filter written as ``IN (SELECT ...)`` builds its whole id
list before filtering. So the store measures instead of guessing: each filter that an
index can list (a *source*) is counted up to ``ESTIMATE_CAP`` rows, which costs well under
a millisecond, and

- the count is driven from the smallest source, every other filter probing the rows it
  gives (``EXISTS`` on an index), and stops at ``cap + 1``;
- a page is either a *walk* of a date-ordered index (every filter probed, stopping once
  ``offset + limit`` rows matched: cheap when matches are dense) or a *gather* from the
  smallest source, sorted (cheap when matches are few); the cheaper by the estimates wins.
  A source under ``ESTIMATE_CAP`` rows is always gathered: listing every match then costs
  little and counts them exactly, in one pass.

Both plans give the same rows; only the order of work changes. Queries return claim rowids;
``Store`` reads the rows of a page by id.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newsevents.store.filters import ClaimFilter, Term, claim_terms

ESTIMATE_CAP = 10_000  # rows counted per source to compare them
# Counting stops at this many matches (the API then says "at least"): on 1M claims a
# count to 10,000 costs 20-45 ms for two dense filters, to 1,000 under 5 ms.
COUNT_CAP = 1_000
_ORDERS = {"time": "c.time_start, c.id", "ingest": "c.id"}  # the only ORDER BY clauses


@dataclass(frozen=True)
class Sized:
    """A term with a source and the number of rows the source gave (at most the cap)."""

    term: Term
    rows: int


@dataclass(frozen=True)
class Plan:
    terms: list[Term]
    sources: list[Sized]  # smallest first
    include_superseded: bool
    measure: bool
    event_type: bool

    @property
    def driver(self) -> Sized | None:
        return self.sources[0] if self.sources else None

    def probes(self, skip: Term | None = None) -> tuple[str, list[Any]]:
        conds: list[str] = []
        params: list[Any] = []
        for term in self.terms:
            if term is not skip:
                conds.append(term.probe)
                params += term.params
        return (" WHERE " + " AND ".join(conds)) if conds else "", params

    def probe_weight(self, skip: Term | None = None) -> float:
        return 1.0 + sum(t.weight for t in self.terms if t is not skip and t.source)


def make_plan(conn: sqlite3.Connection, flt: ClaimFilter) -> Plan:
    terms = claim_terms(flt)
    sized = [Sized(t, _estimate(conn, t)) for t in terms if t.source is not None]
    plan = Plan(terms, sized, flt.include_superseded, flt.measure is not None,
                flt.event_type is not None)
    # The best driver gives few rows and spares the costly probes (full text) it replaces.
    sized.sort(key=lambda s: (s.rows * plan.probe_weight(skip=s.term), s.term.name))
    return plan


def _estimate(conn: sqlite3.Connection, term: Term) -> int:
    sql = term.estimate or term.source
    params = term.estimate_params if term.estimate else term.source_params
    row = conn.execute(f"SELECT COUNT(*) FROM ({sql} LIMIT {ESTIMATE_CAP})", params).fetchone()
    return int(row[0])


def _driven_from(plan: Plan, driver: Sized | None) -> tuple[str, list[Any]]:
    """FROM ... WHERE ...: the driver's ids joined to the claims, or the claims alone."""
    if driver is None:
        where, params = plan.probes()
        return " FROM claims c" + where, params
    where, params = plan.probes(skip=driver.term)
    # CROSS JOIN keeps the driver outermost; claims_by_id answers the probes on columns.
    sql = (" FROM (" + (driver.term.source or "") + ") m CROSS JOIN claims c"
           " INDEXED BY claims_by_id ON c.id = m.id" + where)
    return sql, [*driver.term.source_params, *params]


def count(conn: sqlite3.Connection, plan: Plan, cap: int | None) -> int:
    """Matching claims; with ``cap``, counting stops at ``cap + 1`` (``> cap`` means more)."""
    body, params = _driven_from(plan, plan.driver)
    if cap is None:
        return int(conn.execute("SELECT COUNT(*)" + body, params).fetchone()[0])
    sql = f"SELECT COUNT(*) FROM (SELECT 1{body} LIMIT {int(cap) + 1})"
    return int(conn.execute(sql, params).fetchone()[0])


def gather_is_bounded(plan: Plan) -> bool:
    """Whether a source lists fewer than ``ESTIMATE_CAP`` claims: then every match can be
    listed and sorted at once, which also counts them exactly."""
    return plan.driver is not None and plan.driver.rows < ESTIMATE_CAP


def gather_ids(conn: sqlite3.Connection, plan: Plan, order: str) -> list[int]:
    """Every matching rowid, ordered, driven from the smallest source."""
    body, params = _driven_from(plan, plan.driver)
    return _ids(conn, "SELECT c.id" + body + " ORDER BY " + _ORDERS[order], params, None, 0)


def page_ids(conn: sqlite3.Connection, plan: Plan, order: str, limit: int | None,
             offset: int, matches: int | None, exact: bool, claims: int) -> list[int]:
    """Rowids of the page, ordered. ``matches``: the number of matching claims, exact or a
    lower bound (a capped count), or None if not counted; ``claims``: the store's size."""
    if exact and matches is not None and matches <= offset:
        return []  # past the end
    if _walk_is_cheaper(plan, limit, offset, matches if exact else None, claims):
        sql, params = _walk_sql(plan, order)
    else:
        body, params = _driven_from(plan, plan.driver)
        sql = "SELECT c.id" + body + " ORDER BY " + _ORDERS[order]
    return _ids(conn, sql, params, limit, offset)


def _ids(conn: sqlite3.Connection, sql: str, params: list[Any], limit: int | None,
         offset: int) -> list[int]:
    rows = conn.execute(sql + " LIMIT ? OFFSET ?",
                        [*params, -1 if limit is None else limit, offset])
    return [int(row[0]) for row in rows]


def _walk_is_cheaper(plan: Plan, limit: int | None, offset: int, exact_matches: int | None,
                     claims: int) -> bool:
    driver = plan.driver
    if driver is None:
        return True
    if gather_is_bounded(plan):
        return False
    if exact_matches is None:
        # Every source is large and so is the count: matches are dense, and a walk finds a
        # page after a few rows per match (a gather would list 10,000s of claims first).
        return True
    wanted = claims if limit is None else offset + limit
    walk_rows = min(claims, wanted * claims / max(exact_matches, 1))
    walk_cost = walk_rows * plan.probe_weight()
    gather_cost = driver.rows * plan.probe_weight(skip=driver.term) * 1.5  # + the sort
    return walk_cost < gather_cost


def _walk_sql(plan: Plan, order: str) -> tuple[str, list[Any]]:
    where, params = plan.probes()
    return "SELECT c.id FROM claims c" + _walk_index(plan, order) + where + \
        " ORDER BY " + _ORDERS[order], params


def _walk_index(plan: Plan, order: str) -> str:
    if order == "ingest":
        return " INDEXED BY claims_by_id"
    if plan.include_superseded:
        return ""  # the date-ordered indexes hold current claims only
    if plan.measure:
        return " INDEXED BY claims_current_measure_time"
    if plan.event_type:
        return " INDEXED BY claims_current_type_time"
    return " INDEXED BY claims_current_time"


def chunks(ids: Sequence[int], size: int = 500) -> list[Sequence[int]]:
    return [ids[i:i + size] for i in range(0, len(ids), size)]
