"""``Store``: the library API over the SQLite file, used by the CLI and the web API.

Rows come back as plain dicts (CONTRACT.md claims, event dicts). One connection per
``Store``; open one ``Store`` per thread or process (SQLite in WAL mode gives one writer
and many readers). Writes happen one transaction per document, so a crash loses at most
the document in flight and re-running a batch completes it without duplicates.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsevents import budget
from newsevents.errors import StoreError
from newsevents.events import merge_claims, timeline
from newsevents.records import Document
from newsevents.store import eventsync, files, plan, reads, schema
from newsevents.store.filters import ClaimFilter, haversine_km, where_sql
from newsevents.store.rows import CLAIM_SELECT, claim_dict
from newsevents.store.writes import (
    IngestReport,
    ResultLike,
    is_stored,
    write_document,
)

DEFAULT_DB = "newsevents.db"
Clock = Callable[[], datetime]



@dataclass(frozen=True)
class ClaimsPage:
    claims: list[dict[str, Any]]
    total: int
    total_exact: bool


def utc_now() -> datetime:
    """The store's clock: the only place the project reads the time of day."""
    return datetime.now(UTC)


def _documents_where(doc_id: str | None, current_only: bool) -> str:
    conds = (["doc_id = ?"] if doc_id is not None else []) + \
        (["superseded = 0"] if current_only else [])
    return (" WHERE " + " AND ".join(conds)) if conds else ""


class Store:
    """A newsevents database file (created and migrated on open)."""

    def __init__(self, path: str | Path = DEFAULT_DB, clock: Clock = utc_now,
                 create: bool = True) -> None:
        """Open (and migrate) the store at ``path``; with ``create=False`` a path where no
        store exists is an error and nothing is created (read commands, ``serve``), and a
        store without write access is opened read-only. A file that is not a newsevents
        store (another database, a damaged one) is refused and left untouched."""
        self.path = str(path)
        self.clock = clock
        self._lock = threading.RLock()
        kind = files.inspect(self.path)  # before anything can write to the file
        if not create and (kind is not files.Kind.STORE and self.path != ":memory:"):
            raise StoreError(
                f"{self.path}: no newsevents store exists at this path; check the --db path, "
                f"or create the store with `newsevents ingest FILES --db {self.path}`."
            )
        self.read_only = kind is files.Kind.STORE and not files.writable(self.path)
        if self.read_only and create:
            raise files.read_only_store_error(self.path)
        try:
            if self.read_only:
                self.conn = files.connect_read_only(self.path)
                self._configure()
                if files.pending_migrations(self.conn):
                    self.conn.close()
                    raise files.needs_upgrade_error(self.path)
                return
            self.conn = sqlite3.connect(self.path, isolation_level=None,
                                        check_same_thread=False)
            self._configure()
            schema.migrate(self.conn, self._now())
        except sqlite3.Error as error:
            raise StoreError(
                f"{self.path}: cannot open the database ({error}); check the path is a "
                "writable newsevents database or choose another with --db."
            ) from error

    def _configure(self) -> None:
        self.conn.row_factory = sqlite3.Row
        # A statement run under a time budget (a request, a document) stops with it.
        self.conn.set_progress_handler(budget.sqlite_progress, 10_000)
        self.conn.execute("PRAGMA busy_timeout = 10000")
        if self.path != ":memory:" and not self.read_only:
            self.conn.execute("PRAGMA journal_mode = WAL")
        # NORMAL is durable against process crashes in WAL mode (only power loss can drop
        # the last commits), and makes per-document commits several times faster.
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("PRAGMA foreign_keys = ON")
        # Queries probe indexes at random places: reading pages through a memory map
        # saves a system call and a copy per page (the OS cache is shared by readers).
        self.conn.execute("PRAGMA mmap_size = 4294967296")
        # A claim touches ~15 index pages at random places; once the store outgrows the
        # page cache, a 1,000-document transaction spilled dirty pages and re-read them:
        # bulk loads fell to ~700 claims/s at 250k claims with 64 MB, ~2,500 with 256 MB.
        # Pages read through the memory map are not copied into the cache (readers stay
        # small), and a larger checkpoint interval writes a page rewritten by successive
        # per-document commits back once rather than once per commit.
        self.conn.execute("PRAGMA cache_size = -262144")
        self.conn.execute("PRAGMA wal_autocheckpoint = 10000")
        self.conn.create_function("haversine_km", 4, haversine_km, deterministic=True)

    def _now(self) -> str:
        return self.clock().isoformat(timespec="seconds")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _transaction(self) -> _Transaction:
        return _Transaction(self.conn, self._lock)

    # -- writes -----------------------------------------------------------------------

    def ingest_result(self, result: ResultLike, ingested_at: str | None = None,
                      events: bool = True) -> IngestReport:
        """Store one processed document in one transaction (idempotent, versioned), then
        bring the events up to date: reads never merge. ``events=False`` leaves that to the
        caller (a bulk load updates them once at its end, ``ensure_events``)."""
        with self._transaction():
            report = write_document(self.conn, result, ingested_at or self._now())
            if report.status != "unchanged":
                self._bump_generation()
        if events:
            self.ensure_events()
        return report

    def is_stored(self, document: Document) -> bool:
        """True when ingesting ``document`` would change nothing: callers skip the NLP."""
        with self._lock:
            return is_stored(self.conn, document)

    def ingest_results(self, results: Iterable[ResultLike], batch_size: int = 500,
                       ingested_at: str | None = None, events: bool = True
                       ) -> list[IngestReport]:
        """Bulk ingest: ``batch_size`` documents per transaction (a crash loses a batch),
        then the events brought up to date (unless ``events=False``)."""
        reports: list[IngestReport] = []
        batch: list[ResultLike] = []
        for result in results:
            batch.append(result)
            if len(batch) >= batch_size:
                reports += self._ingest_batch(batch, ingested_at or self._now())
                batch = []
        if batch:
            reports += self._ingest_batch(batch, ingested_at or self._now())
        if events:
            self.ensure_events()
        return reports

    def _ingest_batch(self, batch: list[ResultLike], now: str) -> list[IngestReport]:
        with self._transaction():
            reports = [write_document(self.conn, result, now) for result in batch]
            self._bump_generation()
        return reports

    def optimize(self) -> None:
        """Refresh the query planner's statistics (after a bulk load) and merge FTS segments."""
        with self._lock:
            self.conn.execute("ANALYZE")
            self.conn.execute("INSERT INTO claims_fts (claims_fts) VALUES ('optimize')")
            self.conn.execute("PRAGMA optimize")

    def _bump_generation(self) -> None:
        self.conn.execute(
            "INSERT INTO store_state (key, value) VALUES ('claims_generation', 1)"
            " ON CONFLICT (key) DO UPDATE SET value = value + 1"
        )

    def _state(self, key: str) -> int:
        row = self.conn.execute("SELECT value FROM store_state WHERE key = ?", (key,)).fetchone()
        return int(row[0]) if row else 0

    # -- claims -----------------------------------------------------------------------

    def iter_claims(self, flt: ClaimFilter | None = None, limit: int | None = None,
                    offset: int = 0, order: str = "time") -> Iterator[dict[str, Any]]:
        """Claims matching ``flt``; ``order`` is ``time`` (start date) or ``ingest``."""
        with self._lock:
            found = plan.make_plan(self.conn, flt or ClaimFilter())
            ids = plan.page_ids(self.conn, found, order, limit, offset, None, False,
                                self._claims_scale())
        for chunk in plan.chunks(ids):
            yield from self._claims_by_id(chunk)

    def claims(self, flt: ClaimFilter | None = None, limit: int | None = None,
               offset: int = 0, order: str = "time") -> list[dict[str, Any]]:
        return list(self.iter_claims(flt, limit, offset, order))

    def claims_page(self, flt: ClaimFilter | None = None, limit: int = 50, offset: int = 0,
                    order: str = "time", cap: int | None = plan.COUNT_CAP) -> ClaimsPage:
        """One page of claims and how many match: exactly up to ``cap``, else ``cap`` with
        ``total_exact`` False (counting every match of a broad filter costs too much)."""
        with self._lock:
            found = plan.make_plan(self.conn, flt or ClaimFilter())
            if plan.gather_is_bounded(found):  # few candidates: list them all, count exactly
                every = plan.gather_ids(self.conn, found, order)
                return ClaimsPage(self._claims_by_id(every[offset:offset + limit]),
                                  len(every), True)
            total = plan.count(self.conn, found, cap)
            exact = cap is None or total <= cap
            ids = plan.page_ids(self.conn, found, order, limit, offset, total, exact,
                                self._claims_scale())
        return ClaimsPage(self._claims_by_id(ids), total if exact else int(cap or 0), exact)

    def count_claims(self, flt: ClaimFilter | None = None, cap: int | None = None) -> int:
        """Matching claims; with ``cap``, counting stops early and returns ``cap + 1``
        when more than ``cap`` match."""
        with self._lock:
            return plan.count(self.conn, plan.make_plan(self.conn, flt or ClaimFilter()), cap)

    def explain_claims(self, flt: ClaimFilter | None = None, limit: int = 50) -> dict[str, Any]:
        """How a claims query is planned: the sources and their estimated sizes."""
        with self._lock:
            found = plan.make_plan(self.conn, flt or ClaimFilter())
        return {"sources": [(s.term.name, s.rows) for s in found.sources]}

    def _claims_scale(self) -> int:
        row = self.conn.execute("SELECT MAX(id) FROM claims").fetchone()
        return int(row[0] or 0)

    def _claims_by_id(self, ids: Sequence[int]) -> list[dict[str, Any]]:
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        with self._lock:
            rows = self.conn.execute(f"{CLAIM_SELECT} WHERE c.id IN ({marks})",
                                     list(ids)).fetchall()
        by_id = {row["id"]: row for row in rows}
        return [claim_dict(by_id[i]) for i in ids]

    def documents(self, doc_id: str | None = None, limit: int | None = None, offset: int = 0,
                  current_only: bool = False) -> list[dict[str, Any]]:
        """Document versions (text left out), by id then version; a page with ``limit``."""
        sql = ("SELECT id, doc_id, url, outlet, title, date, lang, sha256, version, superseded,"
               " ingested_at, superseded_at FROM documents" + _documents_where(doc_id,
                                                                              current_only))
        params: list[Any] = [] if doc_id is None else [doc_id]
        with self._lock:
            rows = self.conn.execute(sql + " ORDER BY doc_id, version LIMIT ? OFFSET ?",
                                     [*params, -1 if limit is None else limit, offset])
            return [dict(row) for row in rows]

    def count_documents(self, current_only: bool = False) -> int:
        with self._lock:
            return int(self.conn.execute("SELECT COUNT(*) FROM documents"
                                         + _documents_where(None, current_only)).fetchone()[0])

    def document(self, doc_id: str, version: int | None = None) -> dict[str, Any] | None:
        """The current (or the given) version of a document: text, mentions and claims."""
        with self._lock:
            return reads.document(self.conn, doc_id, version)

    def facets(self, limit: int = reads.FACET_LIMIT) -> dict[str, list[dict[str, Any]]]:
        """Distinct values of the current claims' filterable fields, most frequent first."""
        with self._lock:
            return reads.facets(self.conn, limit)

    def claims_generation(self) -> int:
        """A counter bumped on every write: cached views are stale when it moves."""
        with self._lock:
            return self._state("claims_generation")

    def canonical_dump(self) -> list[dict[str, Any]]:
        """Every claim (superseded too) without store-assigned ids or times, sorted."""
        flt = ClaimFilter(include_superseded=True)
        dump = []
        for claim in self.iter_claims(flt):
            for key in ("rowid", "ingested_at"):
                claim.pop(key, None)
            dump.append(claim)
        return sorted(dump, key=lambda c: (c["doc"], c["doc_version"], c["claim_id"]))

    # -- events -----------------------------------------------------------------------

    def rebuild_events(self) -> int:
        """Merge every current claim into events again, from scratch; returns the number
        of events."""
        with self._lock:
            claims = list(self.iter_claims(ClaimFilter()))
            merged = merge_claims(claims)
            rowid_of = {c["claim_id"]: c["rowid"] for c in claims}
            with self._transaction():
                eventsync.replace_all_events(self.conn, merged, rowid_of)
                self._mark_events_built()
        return len(merged)

    def update_events(self) -> int:
        """Bring the events up to date by re-merging only the blocks whose claims changed
        since they were built (see ``store.eventsync``); returns the events written."""
        with self._transaction():
            written = eventsync.update_events(self.conn, self._claims_by_id)
            self._mark_events_built()
        return written

    def _mark_events_built(self) -> None:
        self.conn.execute(
            "INSERT INTO store_state (key, value) VALUES ('events_generation', ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (self._state("claims_generation"),),
        )

    def ensure_events(self) -> None:
        """Update the events when claims changed since they were last built (a first build
        merges everything). A write: the ingest paths call it, reads never do."""
        with self._lock:
            stale = self._state("events_generation") != self._state("claims_generation")
            never_built = self.conn.execute("SELECT 1 FROM store_state WHERE key ="
                                            " 'events_generation'").fetchone() is None
        if never_built:
            self.rebuild_events()
        elif stale:
            self.update_events()

    def events_current(self) -> bool:
        """Whether the events were merged from the claims as they are now (a write that
        skipped the merge, ``ingest --no-events``, leaves them behind)."""
        with self._lock:
            return self._state("events_generation") == self._state("claims_generation")

    def events(self, flt: ClaimFilter | None = None, conflicting_only: bool = False,
               include_totals: bool = True) -> list[dict[str, Any]]:
        """Events with at least one claim matching the filter, by start date. A read: it
        never merges (the writes keep the events current, ``newsevents.ingest``)."""
        sql, params = _events_sql(flt, conflicting_only, include_totals)
        with self._lock:
            rows = self.conn.execute("SELECT e.data" + sql
                                     + " ORDER BY e.time_start, e.event_key", params)
            return [json.loads(row[0]) for row in rows]

    def events_page(self, flt: ClaimFilter | None = None, limit: int = 50, offset: int = 0,
                    conflicting_only: bool = False, include_totals: bool = True
                    ) -> tuple[list[dict[str, Any]], int]:
        """One page of ``events`` and how many match in all: only the page is read and
        decoded (what an HTTP request may cost does not grow with the store)."""
        sql, params = _events_sql(flt, conflicting_only, include_totals)
        with self._lock:
            total = int(self.conn.execute("SELECT COUNT(*)" + sql, params).fetchone()[0])
            rows = self.conn.execute("SELECT e.data" + sql + " ORDER BY e.time_start,"
                                     " e.event_key LIMIT ? OFFSET ?",
                                     [*params, limit, offset])
            return [json.loads(row[0]) for row in rows], total

    def conflicts(self, flt: ClaimFilter | None = None) -> list[dict[str, Any]]:
        """Events whose sources report incompatible figures, each with all its sources."""
        return self.events(flt, conflicting_only=True)

    def timeline(self, measure: str, by: str = "month",
                 flt: ClaimFilter | None = None) -> list[dict[str, Any]]:
        """``events.timeline`` over the events of ``measure`` matching ``flt``."""
        flt = dataclasses.replace(flt or ClaimFilter(), measure=measure)
        return timeline(self.events(flt), by=by)


def _events_sql(flt: ClaimFilter | None, conflicting_only: bool, include_totals: bool
                ) -> tuple[str, list[Any]]:
    """FROM and WHERE of the events with a claim matching ``flt``, and its parameters."""
    where, params = where_sql(flt or ClaimFilter())
    sql = (" FROM events e WHERE e.id IN (SELECT ec.event_rowid FROM event_claims ec WHERE"
           " ec.claim_rowid IN (SELECT c.id FROM claims c" + where + "))")
    if conflicting_only:
        sql += " AND e.conflicting = 1"
    if not include_totals:
        sql += " AND e.is_total = 0"
    return sql, list(params)


class _Transaction:
    """``BEGIN IMMEDIATE`` ... ``COMMIT`` (``ROLLBACK`` on any exception)."""

    def __init__(self, conn: sqlite3.Connection, lock: threading.RLock) -> None:
        self.conn = conn
        self.lock = lock

    def __enter__(self) -> None:
        self.lock.acquire()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except BaseException:
            self.lock.release()
            raise

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        try:
            if not exc_type:
                self.conn.execute("COMMIT")
            elif self.conn.in_transaction:  # SQLite already rolled back on a full disk
                self.conn.execute("ROLLBACK")
        finally:
            self.lock.release()


__all__ = ["DEFAULT_DB", "ClaimFilter", "IngestReport", "Store"]
