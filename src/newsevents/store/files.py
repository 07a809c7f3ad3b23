"""What a file given as the store is, found out without changing it.

Opening a file the normal way already writes to it (the WAL switch, the migrations
table), so a file that is not a newsevents store (another program's SQLite database, a
damaged copy, a text file) is inspected first through a read-only connection that leaves
no trace: ``immutable`` when no write-ahead log is beside it (nobody is writing), else
``mode=ro``. Only an empty file or a newsevents store goes on to the normal opening.
A store without write access (a read-only file, directory or file system) is opened the
same read-only way for the read commands.
"""

from __future__ import annotations

import os
import sqlite3
from enum import Enum
from urllib.parse import quote

from newsevents.errors import StoreError
from newsevents.store import schema

SQLITE_HEADER = b"SQLite format 3\x00"


class Kind(Enum):
    MISSING = "missing"
    EMPTY = "empty"  # no file content or no table: a store can be made in it
    STORE = "store"


def _uri(path: str, immutable: bool) -> str:
    absolute = quote(os.path.abspath(path))
    return f"file:{absolute}?{'immutable=1' if immutable else 'mode=ro'}"


def connect_read_only(path: str) -> sqlite3.Connection:
    """A connection that never writes to ``path`` nor creates a file beside it."""
    immutable = not os.path.exists(path + "-wal")  # no log: nobody is writing
    return sqlite3.connect(_uri(path, immutable), uri=True, isolation_level=None,
                           check_same_thread=False)


def writable(path: str) -> bool:
    """Whether the store and its directory (for the -wal and -shm files) can be written."""
    folder = os.path.dirname(os.path.abspath(path))
    return os.access(path, os.W_OK) and os.access(folder, os.W_OK | os.X_OK)


def _refuse(path: str, problem: str, remedy: str) -> StoreError:
    return StoreError(f"{path}: {problem}; it was left as it is: {remedy}.")


def inspect(path: str) -> Kind:
    """What ``path`` holds; a file that is not (or no longer) a usable newsevents store is
    a ``StoreError`` in one sentence, and the file is left exactly as it was."""
    if path == ":memory:" or not os.path.exists(path):
        return Kind.MISSING
    if not os.path.isfile(path):
        raise _refuse(path, "this is not a file", "give the path of a store file with --db")
    try:
        with open(path, "rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except OSError as error:
        raise StoreError(f"{path}: the store cannot be read ({error.strerror}); check its "
                         "permissions or give another --db.") from None
    if not header:
        return Kind.EMPTY
    other = "give the path of a newsevents store, or a new path to create one"
    if header != SQLITE_HEADER:
        raise _refuse(path, "this is not an SQLite database, so not a newsevents store", other)
    try:
        conn = connect_read_only(path)
        try:
            tables = {row[0] for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            applied = dict(conn.execute("SELECT version, name FROM schema_migrations")
                           .fetchall()) if "schema_migrations" in tables else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise _refuse(path, f"the database is damaged ({error})", "restore it from a copy, "
                      "or ingest the articles again into a new store") from None
    if not tables:
        return Kind.EMPTY
    known = {m.version: m.name for m in schema.MIGRATIONS}
    if applied is None or "documents" not in tables or any(
            known.get(version, name) != name for version, name in applied.items()):
        raise _refuse(path, "this SQLite database is not a newsevents store", other)
    if applied and max(applied) > max(known):
        raise _refuse(path, "the store was made by a newer version of newsevents",
                      "upgrade newsevents to read it")
    return Kind.STORE


def pending_migrations(conn: sqlite3.Connection) -> list[int]:
    """The migrations a store lacks (read only: nothing is created)."""
    done = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
    return [m.version for m in schema.MIGRATIONS if m.version not in done]


def read_only_store_error(path: str) -> StoreError:
    return StoreError(
        f"{path}: the store is read-only (no write access to the file or its directory), "
        "so nothing can be stored in it; make it writable or give another --db.")


def failure(path: str, error: sqlite3.Error) -> StoreError:
    """One sentence for an SQLite error met while reading or writing the store."""
    text = str(error)
    if "full" in text:  # SQLITE_FULL: "database or disk is full"
        return StoreError(f"{path}: the disk is full ({text}); free some space and run the "
                          "command again: what was stored before is kept.")
    if "readonly" in text or "read-only" in text:
        return read_only_store_error(path)
    if isinstance(error, sqlite3.DatabaseError) and ("malformed" in text
                                                     or "not a database" in text):
        return StoreError(f"{path}: the store is damaged ({text}); restore it from a copy, "
                          "or ingest the articles again into a new store.")
    return StoreError(f"{path}: the store failed ({text}); check the disk and the file, "
                      "and run the command again.")


def needs_upgrade_error(path: str) -> StoreError:
    return StoreError(
        f"{path}: the store was made by an older newsevents and must be upgraded, which "
        "needs write access; make it writable and run any command on it once.")


__all__ = ["Kind", "connect_read_only", "inspect", "writable"]
