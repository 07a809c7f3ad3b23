"""The database schema as numbered migrations, applied in order and recorded in the file.

A migration is never edited once released: a schema change is a new entry at the end of
``MIGRATIONS``. ``schema_migrations`` records which ones a database has, so an old file
opened by a newer version is brought up to date in place.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


_DOCUMENTS = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL,
    url TEXT,
    outlet TEXT,
    title TEXT,
    date TEXT,
    lang TEXT,
    text TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    version INTEGER NOT NULL,
    superseded INTEGER NOT NULL DEFAULT 0,
    ingested_at TEXT NOT NULL,
    superseded_at TEXT,
    UNIQUE (doc_id, version)
);
CREATE INDEX documents_doc_id ON documents (doc_id, superseded);
CREATE INDEX documents_url ON documents (url, superseded);
CREATE INDEX documents_outlet ON documents (outlet COLLATE NOCASE);

CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id),
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT,
    data TEXT NOT NULL
);
CREATE INDEX mentions_document ON mentions (document_id, kind);
"""

_CLAIMS = """
CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id),
    claim_id TEXT NOT NULL,
    doc TEXT NOT NULL,
    doc_date TEXT,
    language TEXT,
    event_type TEXT,
    measure TEXT,
    value NUMERIC,
    low NUMERIC,
    high NUMERIC,
    qualifier TEXT,
    best NUMERIC,
    hedged INTEGER NOT NULL DEFAULT 0,
    negated INTEGER NOT NULL DEFAULT 0,
    actors TEXT NOT NULL DEFAULT '[]',
    targets TEXT NOT NULL DEFAULT '[]',
    places TEXT NOT NULL DEFAULT '[]',
    time TEXT NOT NULL DEFAULT '{}',
    time_start TEXT,
    time_end TEXT,
    time_granularity TEXT,
    speaker TEXT,
    speaker_name TEXT,
    speaker_role TEXT,
    channel TEXT,
    outlet TEXT,
    evidence TEXT NOT NULL DEFAULT '{}',
    evidence_text TEXT,
    confidence REAL,
    superseded INTEGER NOT NULL DEFAULT 0,
    UNIQUE (document_id, claim_id)
);
CREATE INDEX claims_measure ON claims (measure, superseded);
CREATE INDEX claims_event_type ON claims (event_type, superseded);
CREATE INDEX claims_time ON claims (time_start, time_end);
CREATE INDEX claims_outlet ON claims (outlet COLLATE NOCASE);
CREATE INDEX claims_language ON claims (language);
CREATE INDEX claims_doc ON claims (doc);

-- One row per actor or target id of a claim: the actor/target filters use the index.
CREATE TABLE claim_actors (
    claim_rowid INTEGER NOT NULL REFERENCES claims (id),
    role TEXT NOT NULL,
    actor TEXT NOT NULL
);
CREATE INDEX claim_actors_lookup ON claim_actors (role, actor, claim_rowid);
CREATE INDEX claim_actors_claim ON claim_actors (claim_rowid);

-- One row per place of a claim: country and bounding-box (near) filters use the indexes.
CREATE TABLE claim_places (
    claim_rowid INTEGER NOT NULL REFERENCES claims (id),
    name TEXT,
    country TEXT,
    admin1 TEXT,
    lat REAL,
    lon REAL,
    precision TEXT
);
CREATE INDEX claim_places_country ON claim_places (country, claim_rowid);
CREATE INDEX claim_places_latlon ON claim_places (lat, lon);
CREATE INDEX claim_places_claim ON claim_places (claim_rowid);

-- External-content FTS5 table over the evidence (and the speaker, so the speaker filter
-- is indexed too), in the shape Datasette detects (content="claims"), kept in sync by
-- triggers.
CREATE VIRTUAL TABLE claims_fts USING fts5 (
    evidence_text, speaker_name, content="claims", content_rowid="id"
);
CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts (rowid, evidence_text, speaker_name)
        VALUES (new.id, new.evidence_text, new.speaker_name);
END;
CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, evidence_text, speaker_name)
        VALUES ('delete', old.id, old.evidence_text, old.speaker_name);
END;
CREATE TRIGGER claims_au AFTER UPDATE OF evidence_text, speaker_name ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, evidence_text, speaker_name)
        VALUES ('delete', old.id, old.evidence_text, old.speaker_name);
    INSERT INTO claims_fts (rowid, evidence_text, speaker_name)
        VALUES (new.id, new.evidence_text, new.speaker_name);
END;
"""

_EVENTS = """
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    event_key TEXT NOT NULL UNIQUE,
    event_type TEXT,
    measure TEXT,
    negated INTEGER NOT NULL DEFAULT 0,
    is_total INTEGER NOT NULL DEFAULT 0,
    best NUMERIC,
    low NUMERIC,
    high NUMERIC,
    time_start TEXT,
    time_end TEXT,
    country TEXT,
    sources INTEGER NOT NULL,
    independent_sources INTEGER NOT NULL,
    conflicting INTEGER NOT NULL DEFAULT 0,
    data TEXT NOT NULL
);
CREATE INDEX events_measure ON events (measure, event_type);
CREATE INDEX events_time ON events (time_start, time_end);
CREATE INDEX events_conflicting ON events (conflicting);

CREATE TABLE event_claims (
    event_rowid INTEGER NOT NULL REFERENCES events (id),
    claim_rowid INTEGER NOT NULL REFERENCES claims (id),
    PRIMARY KEY (claim_rowid, event_rowid)
);
CREATE INDEX event_claims_event ON event_claims (event_rowid);

-- Counters: claims_generation grows with every write, events_generation records the
-- claims_generation the events were built from (stale events are rebuilt on read).
CREATE TABLE store_state (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
"""

# Indexes the claim queries are planned on (store/plan.py). Partial indexes hold current
# claims only, in date order, so "the first page by date" walks an index and stops early;
# claims_by_id is a narrow copy of the filtered columns keyed by rowid, so probing a claim
# by id reads a few bytes instead of the whole row; places are indexed by coordinates with
# their claim (a lat band scan never leaves the index). An R*Tree holds the claims' time
# intervals in julianday numbers, so "since/until" is an interval overlap.
_FIRST_DAY = "COALESCE(julianday(substr({t}.time_start || '-01-01', 1, 10)), -1e9)"
_LAST_DAY = ("COALESCE(julianday(substr({t}.time_end || '-01-01', 1, 10))"
             " + (CASE WHEN length({t}.time_end) >= 10 THEN 0 ELSE 366 END), 1e9)")
# min/max: a claim whose start is after its end still gets a valid (R*Tree) interval.
_TIME_ROW = ("{t}.id, min(" + _FIRST_DAY + ", " + _LAST_DAY + "), max(" + _FIRST_DAY + ", "
             + _LAST_DAY + ")")
_HAS_TIME = "{t}.time_start IS NOT NULL OR {t}.time_end IS NOT NULL"

_QUERY_INDEXES = f"""
CREATE INDEX claims_current_time ON claims
    (time_start, id, time_end, measure, event_type, language) WHERE superseded = 0;
CREATE INDEX claims_current_measure_time ON claims
    (measure, time_start, id, time_end, event_type, language) WHERE superseded = 0;
CREATE INDEX claims_current_type_time ON claims
    (event_type, time_start, id, time_end, measure, language) WHERE superseded = 0;
CREATE INDEX claims_by_id ON claims
    (id, superseded, time_start, time_end, measure, event_type, language, document_id);
CREATE INDEX claim_places_claim_latlon ON claim_places (claim_rowid, lat, lon);
CREATE INDEX claim_places_latlon_claim ON claim_places (lat, lon, claim_rowid);

CREATE VIRTUAL TABLE claims_time_rtree USING rtree (id, first_day, last_day);
INSERT INTO claims_time_rtree (id, first_day, last_day)
    SELECT {_TIME_ROW.format(t="c")} FROM claims c WHERE {_HAS_TIME.format(t="c")};
CREATE TRIGGER claims_time_ai AFTER INSERT ON claims
    WHEN {_HAS_TIME.format(t="new")} BEGIN
    INSERT INTO claims_time_rtree (id, first_day, last_day) VALUES ({_TIME_ROW.format(t="new")});
END;
CREATE TRIGGER claims_time_ad AFTER DELETE ON claims BEGIN
    DELETE FROM claims_time_rtree WHERE id = old.id;
END;
CREATE TRIGGER claims_time_au AFTER UPDATE OF time_start, time_end ON claims BEGIN
    DELETE FROM claims_time_rtree WHERE id = old.id;
    INSERT INTO claims_time_rtree (id, first_day, last_day)
        SELECT {_TIME_ROW.format(t="new")} WHERE {_HAS_TIME.format(t="new")};
END;

ANALYZE;
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents_and_mentions", _DOCUMENTS),
    Migration(2, "claims_with_fts", _CLAIMS),
    Migration(3, "events", _EVENTS),
    Migration(4, "query_indexes", _QUERY_INDEXES),
    # A subset's claim id of its total ("dont 31 civils" of "au moins 89 morts").
    Migration(5, "claims_part_of", "ALTER TABLE claims ADD COLUMN part_of TEXT;\n"),
)


def applied_versions(conn: sqlite3.Connection) -> set[int]:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    return {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}


def migrate(conn: sqlite3.Connection, applied_at: str) -> list[int]:
    """Apply the migrations the database lacks, each in its own transaction.

    ``conn`` is in autocommit mode (``isolation_level=None``): the script opens the
    transaction, the bound INSERT records it, and the COMMIT makes both visible at once.
    """
    done = applied_versions(conn)
    newly_applied = []
    for migration in MIGRATIONS:
        if migration.version in done:
            continue
        conn.executescript("BEGIN IMMEDIATE;\n" + migration.sql)
        try:
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, applied_at),
            )
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # SQLite already rolled back on a full disk
                conn.execute("ROLLBACK")
            raise
        newly_applied.append(migration.version)
    return newly_applied
