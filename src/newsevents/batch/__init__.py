"""The distributed runner: large corpora on a Dask cluster, resumable, bounded memory.

>>> from newsevents.batch import run_batch, load_shards
>>> summary = run_batch(["archive.jsonl.gz"], "out/", workers=2)   # Parquet shards
>>> load_shards("out/", Store("newsevents.db"))                    # one writer, idempotent

`run_batch` cuts the inputs into deterministic partitions (`plan`), runs each on a worker
(`worker.run_partition`: one Parquet shard per table and a done-marker, written
atomically) and skips partitions an earlier run finished. `load_shards` stores them.
"""

from newsevents.batch.load import LoadSummary, ShardResult, load_shards
from newsevents.batch.plan import (
    DEFAULT_PARTITION_SIZE,
    Partition,
    count_documents,
    plan_partitions,
    read_partition,
)
from newsevents.batch.runner import BatchSummary, open_client, run_batch
from newsevents.batch.worker import run_partition

__all__ = [
    "DEFAULT_PARTITION_SIZE", "BatchSummary", "LoadSummary", "Partition", "ShardResult",
    "count_documents", "load_shards", "open_client", "plan_partitions", "read_partition",
    "run_batch", "run_partition",
]
