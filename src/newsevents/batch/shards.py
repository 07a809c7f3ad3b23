"""The batch's output directory: manifest, Parquet shards and done-markers.

    DIR/manifest.jsonl                 one planned partition per line, in reading order
    DIR/shards/KEY.documents.parquet   the partition's documents (text included)
    DIR/shards/KEY.claims.parquet      its claims (CONTRACT.md JSON, plus flat columns)
    DIR/shards/KEY.mentions.parquet    its mentions (kind, offsets, JSON)
    DIR/shards/KEY.done.json           written last: the partition is complete

Every file is written to a temporary name and renamed, so a killed worker leaves either
nothing or a whole file; only the done-marker makes a partition count as finished.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsevents.batch.plan import Partition

if TYPE_CHECKING:
    import pyarrow as pa

MANIFEST = "manifest.jsonl"
TABLES = ("documents", "claims", "mentions")

# Each table's columns and their Arrow types. pyarrow (30 MB) is imported only by the
# functions that write or read shards: a process that never does (the CLI's other
# commands, a worker of the web app) does not carry it.
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (("position", "int32"), ("doc_id", "string"), ("text", "string"),
                  ("date", "string"), ("url", "string"), ("outlet", "string"),
                  ("title", "string"), ("lang", "string"), ("source", "string"),
                  ("warnings", "string")),
    "claims": (("position", "int32"), ("claim_id", "string"), ("doc", "string"),
               ("event_type", "string"), ("measure", "string"), ("best", "float64"),
               ("claim", "string")),
    "mentions": (("position", "int32"), ("kind", "string"), ("start", "int64"),
                 ("end", "int64"), ("text", "string"), ("data", "string")),
}


@lru_cache(maxsize=len(TABLES))
def schema(table: str) -> pa.Schema:
    import pyarrow as pa

    return pa.schema([(name, getattr(pa, kind)()) for name, kind in COLUMNS[table]])


def canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


@dataclass
class ShardRows:
    """Rows of one partition's three tables, column by column."""

    columns: dict[str, dict[str, list[Any]]] = field(default_factory=lambda: {
        table: {name: [] for name, _ in COLUMNS[table]} for table in TABLES})

    def append(self, table: str, **row: Any) -> None:
        for name, values in self.columns[table].items():
            values.append(row.get(name))

    def count(self, table: str) -> int:
        return len(self.columns[table]["position"])

    def table(self, name: str) -> pa.Table:
        import pyarrow as pa

        return pa.table(self.columns[name], schema=schema(name))


def shard_dir(out_dir: Path) -> Path:
    return out_dir / "shards"


def _atomic_path(final: Path) -> Path:
    return final.with_name(f".{final.name}.{uuid.uuid4().hex[:8]}.tmp")


def write_shard(out_dir: Path, key: str, rows: ShardRows) -> None:
    """The three Parquet files of a partition, each written whole or not at all."""
    import pyarrow.parquet as pq

    for table in TABLES:
        final = shard_dir(out_dir) / f"{key}.{table}.parquet"
        temporary = _atomic_path(final)
        pq.write_table(rows.table(table), temporary, compression="zstd")
        os.replace(temporary, final)


def write_json_atomically(path: Path, value: Any, lines: bool = False) -> None:
    temporary = _atomic_path(path)
    with temporary.open("w", encoding="utf-8") as stream:
        if lines:
            stream.writelines(canonical_json(item) + "\n" for item in value)
        else:
            stream.write(canonical_json(value))
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(temporary, path)


def marker_path(out_dir: Path, key: str) -> Path:
    return shard_dir(out_dir) / f"{key}.done.json"


def write_marker(out_dir: Path, key: str, report: dict[str, Any]) -> None:
    write_json_atomically(marker_path(out_dir, key), report)


def read_marker(out_dir: Path, key: str) -> dict[str, Any] | None:
    """The done-marker of a finished partition, or None."""
    try:
        return dict(json.loads(marker_path(out_dir, key).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None


def finished_marker(out_dir: Path, key: str) -> dict[str, Any] | None:
    """The done-marker of a partition whose shard files are all there, readable and
    holding the rows the marker counts; None otherwise. A damaged shard (a disk that
    filled, a truncated copy) must not make a partition count as done forever."""
    marker = read_marker(out_dir, key)
    if marker is None:
        return None
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        for table in TABLES:
            path = shard_dir(out_dir) / f"{key}.{table}.parquet"
            if pq.read_metadata(path).num_rows != marker.get(table):
                return None
    except (OSError, ValueError, pa.ArrowException):
        return None
    return marker


def write_manifest(out_dir: Path, partitions: list[Partition]) -> None:
    shard_dir(out_dir).mkdir(parents=True, exist_ok=True)
    write_json_atomically(out_dir / MANIFEST, [p.to_dict() for p in partitions], lines=True)


def read_manifest(out_dir: Path) -> Iterator[Partition]:
    with (out_dir / MANIFEST).open(encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                yield Partition.from_dict(json.loads(line))


def remove_stale_temporaries(out_dir: Path) -> int:
    """Temporary files a killed run left behind (one batch per directory at a time)."""
    removed = 0
    for path in shard_dir(out_dir).glob(".*.tmp"):
        path.unlink(missing_ok=True)
        removed += 1
    return removed


def read_shard(out_dir: Path, key: str) -> dict[str, list[dict[str, Any]]]:
    """A finished partition's tables as lists of row dicts."""
    import pyarrow.parquet as pq

    return {table: pq.read_table(shard_dir(out_dir) / f"{key}.{table}.parquet").to_pylist()
            for table in TABLES}
