"""What one worker does with one partition: extract, write its shard, mark it done.

Runs in a Dask worker process. The models (spaCy, gazetteer, vocabularies) sit in
module-level lazy caches, so each worker process loads them once and keeps them for every
partition it is given. A partition's rows are held until its shard is written, so a
worker's memory is bounded by the partition size, never by the corpus.
"""

from __future__ import annotations

import os
import resource
import socket
import time
from pathlib import Path
from typing import Any

from newsevents.batch.plan import Partition, read_partition
from newsevents.batch.shards import (
    ShardRows,
    canonical_json,
    finished_marker,
    write_marker,
    write_shard,
)
from newsevents.errors import InputError, StageError
from newsevents.ingest import analyse_all
from newsevents.pipeline import DocumentResult


def run_partition(partition: Partition, out_dir: str,
                  seconds: float | None = None) -> dict[str, Any]:
    """Extract one partition into its shard; returns its done-marker (counts, memory). A
    document over the time budget ``seconds`` is stopped and counted among the errors."""
    out = Path(out_dir)
    done = finished_marker(out, partition.key)
    if done is not None:  # a task run twice (a lost worker's retry) does the work once
        return done
    started, cpu_started = time.perf_counter(), time.process_time()
    rows = ShardRows()
    errors: list[str] = []
    words = 0
    for position, item in enumerate(analyse_all(read_partition(partition), seconds)):
        if isinstance(item, (InputError, StageError)):
            errors.append(str(item))
            continue
        add_result(rows, position, item)
        words += len(item.document.text.split())
    write_shard(out, partition.key, rows)
    report = {
        "key": partition.key, "documents": rows.count("documents"),
        "claims": rows.count("claims"), "mentions": rows.count("mentions"),
        "errors": errors, "words": words, "seconds": round(time.perf_counter() - started, 3),
        "cpu_seconds": round(time.process_time() - cpu_started, 3),
        "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "worker": f"{socket.gethostname()}:{os.getpid()}",
    }
    write_marker(out, partition.key, report)
    return report


def add_result(rows: ShardRows, position: int, result: DocumentResult) -> None:
    """One processed document's rows in the three tables."""
    doc = result.document
    rows.append("documents", position=position, doc_id=doc.doc_id, text=doc.text,
                date=doc.date, url=doc.url, outlet=doc.outlet, title=doc.title,
                lang=doc.lang, source=doc.source, warnings=canonical_json(result.warnings))
    for claim in result.claims:
        record = claim.to_dict()
        best = record.get("best")
        rows.append("claims", position=position, claim_id=record["claim_id"],
                    doc=record["doc"], event_type=record["event_type"],
                    measure=record["measure"], best=None if best is None else float(best),
                    claim=canonical_json(record))
    for mention in result.mentions:
        rows.append("mentions", position=position, kind=mention.kind, start=mention.start,
                    end=mention.end, text=mention.text, data=canonical_json(mention.to_dict()))


def worker_memory_kb() -> int:
    """Peak resident memory of the calling process (workers report their own)."""
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
