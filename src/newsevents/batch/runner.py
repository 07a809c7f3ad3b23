"""The distributed runner: plan partitions, skip finished ones, run the rest on Dask.

By default a `distributed.LocalCluster` of process workers (one thread each: spaCy holds
the GIL) runs on this machine; give a scheduler address to use an existing cluster, where
the inputs and the output directory must be visible to every worker under the same paths
(a shared file system). The client keeps only the plan (one small record per partition)
and a bounded number of tasks in flight; workers return counts, never data.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from newsevents.batch.plan import DEFAULT_PARTITION_SIZE, Partition, plan_partitions
from newsevents.batch.shards import finished_marker, remove_stale_temporaries, write_manifest
from newsevents.batch.worker import run_partition
from newsevents.errors import InputError
from newsevents.progress import Progress

TASKS_PER_WORKER = 2  # in flight per worker thread: enough to never leave one idle


@dataclass
class BatchSummary:
    partitions: int = 0
    skipped: int = 0  # finished by an earlier run
    documents: int = 0
    claims: int = 0
    words: int = 0
    input_errors: list[str] = field(default_factory=list)  # unreadable inputs, bad records
    failed: list[str] = field(default_factory=list)  # partitions whose task failed
    reports: list[dict[str, Any]] = field(default_factory=list)  # done-markers of this run


@contextmanager
def open_client(scheduler: str | None = None, workers: int | None = None) -> Iterator[Any]:
    """A Dask client: to `scheduler` if given, else to a new local cluster of processes."""
    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    # The workers' statistical profiler samples the running task's stack every 10 ms and
    # keeps the last 1,000 one-second call trees: a worker's memory grew ~150 MB over its
    # first 17 minutes for that alone (10k -> 100k articles). A batch needs no profile, so
    # the local cluster's workers (spawned with this config) do without.
    with dask.config.set({"distributed.worker.profile.enabled": False}):
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1,
                               threads_per_worker=1, processes=True,
                               dashboard_address=":0",  # any free port
                               silence_logs=logging.ERROR)
    try:
        with Client(cluster) as client:
            yield client
    finally:
        cluster.close()


def plan(paths: Sequence[str], out_dir: Path, partition_size: int,
         summary: BatchSummary) -> list[Partition]:
    """The partitions of `paths`, written to the manifest; unusable inputs noted."""
    partitions = []
    for item in plan_partitions(paths, partition_size):
        if isinstance(item, InputError):
            summary.input_errors.append(str(item))
        else:
            partitions.append(item)
    write_manifest(out_dir, partitions)
    remove_stale_temporaries(out_dir)
    return partitions


def run_batch(paths: Sequence[str], out_dir: str | Path, *, client: Any = None,
              scheduler: str | None = None, workers: int | None = None,
              partition_size: int = DEFAULT_PARTITION_SIZE,
              progress: Progress | None = None, doc_seconds: float | None = None
              ) -> BatchSummary:
    """Extract `paths` into Parquet shards under `out_dir`, resuming an earlier run; a
    document still running after `doc_seconds` (None: $NEWSEVENTS_DOC_SECONDS or 60 s,
    read here and sent to the workers) is stopped and reported among the input errors."""
    from newsevents.budget import document_seconds

    seconds = document_seconds(doc_seconds)
    out = Path(out_dir)
    summary = BatchSummary()
    partitions = plan(paths, out, partition_size, summary)
    summary.partitions = len(partitions)
    pending = [p for p in partitions if finished_marker(out, p.key) is None]
    summary.skipped = len(partitions) - len(pending)
    if progress is not None:
        progress.set_total(sum(p.documents for p in pending))
    if pending:
        if client is not None:
            _run_on(client, pending, out, summary, progress, seconds)
        else:
            with open_client(scheduler, workers) as own_client:
                _run_on(own_client, pending, out, summary, progress, seconds)
    return summary


def _run_on(client: Any, pending: list[Partition], out: Path, summary: BatchSummary,
            progress: Progress | None, seconds: float) -> None:
    """Submit partitions with a bounded number in flight; record each as it finishes."""
    from distributed import as_completed

    slots = TASKS_PER_WORKER * max(1, sum(client.nthreads().values()))
    queue = iter(pending)
    planned = {p.key: p for p in pending}

    def submit(partition: Partition) -> Any:
        return client.submit(run_partition, partition, str(out), seconds, pure=False,
                             key=f"newsevents-partition-{partition.key}")

    futures = as_completed([submit(p) for p in islice(queue, slots)])
    for future in futures:
        key = future.key.removeprefix("newsevents-partition-")
        try:
            _record(summary, future.result(), progress)
        except Exception as error:  # one failed partition must not stop the batch
            summary.failed.append(f"partition {key} ({planned[key].paths[0]}): {error}")
            if progress is not None:
                progress.advance(documents=planned[key].documents, errors=1)
        future.release()
        following = next(queue, None)
        if following is not None:
            futures.add(submit(following))


def _record(summary: BatchSummary, report: dict[str, Any], progress: Progress | None) -> None:
    summary.reports.append(report)
    summary.documents += report["documents"]
    summary.claims += report["claims"]
    summary.words += report["words"]
    summary.input_errors.extend(report["errors"])
    if progress is not None:
        progress.advance(documents=report["documents"] + len(report["errors"]),
                         claims=report["claims"], errors=len(report["errors"]))
