"""The distributed runner: partitions, shards, a 2-worker cluster, a killed batch, load.

One local cluster (2 process workers) is started for the whole module: Dask and the
models take seconds to start, so every cluster test shares it.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from newsevents.batch import (
    Partition,
    count_documents,
    load_shards,
    open_client,
    plan_partitions,
    read_partition,
    run_batch,
)
from newsevents.batch.load import ShardError
from newsevents.batch.plan import PartitionChanged
from newsevents.batch.shards import read_shard
from newsevents.errors import InputError
from newsevents.reader import iter_documents
from newsevents.store import Store

from .conftest import TESTS

EXAMPLES = TESTS.parent / "examples"
CLAIMS_TABLE = TESTS / "data" / "claims_table.yaml"
PARTITION_SIZE = 8


def _expected_documents() -> int:
    return len(list(EXAMPLES.glob("*.txt"))) + len(_table_records())


def _expected_partitions() -> int:
    return 1 + -(-len(_table_records()) // PARTITION_SIZE)  # the examples, then the JSONL


def _table_records() -> list[dict[str, Any]]:
    cases = yaml.safe_load(CLAIMS_TABLE.read_text(encoding="utf-8"))
    return [{"id": f"table-{i:03d}", "text": case["text"], "date": str(case["date"])}
            for i, case in enumerate(cases)]


def _write_jsonl(path: Path, records: list[dict[str, Any]], blank_every: int = 0) -> Path:
    opener: Any = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as stream:
        for number, record in enumerate(records, start=1):
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            if blank_every and number % blank_every == 0:
                stream.write("\n")
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The example articles and a JSONL of the claims table's sentences."""
    table = _write_jsonl(tmp_path_factory.mktemp("corpus") / "table.jsonl", _table_records())
    return [str(EXAMPLES), str(table)]


def _documents(items: Iterator[Any]) -> list[Any]:
    return [item for item in items if not isinstance(item, InputError)]


def _partitions(paths: list[str], partition_size: int) -> list[Partition]:
    """The plan of readable inputs: every item must be a partition."""
    plan = list(plan_partitions(paths, partition_size))
    assert all(isinstance(p, Partition) for p in plan), plan
    return [p for p in plan if isinstance(p, Partition)]


# -- planning and reading partitions (no cluster) --------------------------------------

@pytest.mark.parametrize("name", ["records.jsonl", "records.jsonl.gz"])
def test_partitions_read_exactly_what_the_reader_reads(tmp_path: Path, name: str) -> None:
    records = _table_records()
    records.insert(5, {"id": "no-text"})  # a bad record is an error in its partition
    path = _write_jsonl(tmp_path / name, records, blank_every=7)
    plan = _partitions([str(path)], partition_size=10)
    assert [p.documents for p in plan] == [min(10, len(records) - i)
                                           for i in range(0, len(records), 10)]
    from_partitions = [item for p in plan for item in read_partition(p)]
    from_reader = list(iter_documents([str(path)]))
    assert [str(x) if isinstance(x, InputError) else x.doc_id for x in from_partitions] == \
        [str(x) if isinstance(x, InputError) else x.doc_id for x in from_reader]
    assert _documents(iter(from_partitions)) == _documents(iter(from_reader))
    assert count_documents([str(path)]) == len(records)


def test_plan_is_deterministic_and_keys_follow_content(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for i, record in enumerate(_table_records()[:12]):
        (folder / f"{i:02d}.txt").write_text(f"date {record['date']}\n{record['text']}\n")
    (folder / "notes.csv").write_text("ignored,inside,a,directory\n")
    first = _partitions([str(folder)], partition_size=5)
    assert [p.key for p in first] == [p.key for p in _partitions([str(folder)], 5)]
    assert [p.documents for p in first] == [5, 5, 2]
    (folder / "11.txt").write_text("date 2023-01-01\nAu moins 4 soldats tués à Gao.\n")
    changed = _partitions([str(folder)], partition_size=5)
    assert [p.key for p in changed][:2] == [p.key for p in first][:2]
    assert changed[2].key != first[2].key
    assert count_documents([str(folder)]) == 12


def test_a_file_changed_after_planning_fails_its_partition(tmp_path: Path) -> None:
    path = _write_jsonl(tmp_path / "a.jsonl", _table_records()[:6])
    (partition,) = plan_partitions([str(path)], partition_size=10)
    _write_jsonl(path, _table_records()[1:7])
    with pytest.raises(PartitionChanged):
        list(read_partition(partition))  # type: ignore[arg-type]


def test_missing_paths_and_stdin_are_input_errors(tmp_path: Path) -> None:
    plan = list(plan_partitions([str(tmp_path / "nope.jsonl"), "-"], partition_size=10))
    assert [type(p) for p in plan] == [InputError, InputError]
    assert "standard input" in str(plan[1])


def test_reading_and_planning_stream_in_bounded_memory(tmp_path: Path) -> None:
    """Memory stays flat however many records: peaks are far below the file's size."""
    record = {"id": "", "text": "Au moins 23 soldats maliens ont été tués mardi près de Gao. " * 4,
              "date": "2023-05-10"}
    path = tmp_path / "big.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        for i in range(20_000):
            stream.write(json.dumps({**record, "id": f"d{i}"}, ensure_ascii=False) + "\n")
    tracemalloc.start()
    read = sum(1 for _ in iter_documents([str(path)]))
    _, reading_peak = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    partitions = list(plan_partitions([str(path)], partition_size=5_000))
    _, planning_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert read == 20_000 and len(partitions) == 4
    assert reading_peak < 1_000_000 and planning_peak < 1_000_000  # the text is ~5 MB


# -- the cluster ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with open_client(workers=2) as dask_client:
        yield dask_client


@pytest.fixture(scope="module")
def batch_dir(client: Any, corpus: list[str], tmp_path_factory: pytest.TempPathFactory
              ) -> Path:
    out = tmp_path_factory.mktemp("batch")
    summary = run_batch(corpus, out, client=client, partition_size=PARTITION_SIZE)
    assert not summary.failed and not summary.input_errors and summary.skipped == 0
    assert summary.documents == _expected_documents()
    assert summary.partitions == _expected_partitions()
    return out


def _shard_claims(out: Path) -> list[str]:
    from newsevents.batch.shards import read_manifest

    return [row["claim"] for p in read_manifest(out) for row in read_shard(out, p.key)["claims"]]


def test_two_workers_give_exactly_the_single_process_claims(batch_dir: Path,
                                                            corpus: list[str]) -> None:
    from newsevents.ingest import analyse_all as process_documents
    from newsevents.pipeline import DocumentResult

    single = [json.dumps(c.to_dict(), ensure_ascii=False, sort_keys=True)
              for r in process_documents(iter_documents(corpus))
              if isinstance(r, DocumentResult) for c in r.claims]
    assert len(single) > _expected_documents()
    assert _shard_claims(batch_dir) == single


def test_a_second_run_skips_every_finished_partition(batch_dir: Path, client: Any,
                                                     corpus: list[str]) -> None:
    summary = run_batch(corpus, batch_dir, client=client, partition_size=PARTITION_SIZE)
    assert summary.skipped == summary.partitions == _expected_partitions()
    assert summary.documents == 0


def _profile_samples(dask_worker: Any) -> int:
    return int(dask_worker.profile_recent["count"]) + len(dask_worker.profile_history)


def test_local_workers_keep_no_profile_that_grows_with_the_batch(batch_dir: Path,
                                                                 client: Any) -> None:
    # Dask's profiler would keep up to 1,000 call trees per worker: memory that grows
    # with the length of the batch, which bounded-memory workers cannot afford.
    samples = client.run(_profile_samples)
    assert len(samples) == 2 and set(samples.values()) == {0}


def test_load_equals_ingest_and_loading_twice_changes_nothing(batch_dir: Path,
                                                              corpus: list[str],
                                                              tmp_path: Path) -> None:
    from newsevents.ingest import analyse_all as process_documents
    from newsevents.pipeline import DocumentResult

    loaded = Store(tmp_path / "loaded.db")
    first = load_shards(batch_dir, loaded)
    total = _expected_documents()
    assert (first.added, first.unchanged, first.missing) == (total, 0, [])
    dump = loaded.canonical_dump()
    again = load_shards(batch_dir, loaded)
    assert (again.added, again.unchanged) == (0, total)
    assert loaded.canonical_dump() == dump
    ingested = Store(tmp_path / "ingested.db")
    for result in process_documents(iter_documents(corpus)):
        assert isinstance(result, DocumentResult)
        ingested.ingest_result(result)
    assert ingested.canonical_dump() == dump
    assert [d["doc_id"] for d in loaded.documents()] == [d["doc_id"] for d in
                                                         ingested.documents()]


def test_load_refuses_a_directory_that_is_not_a_batch(tmp_path: Path) -> None:
    with pytest.raises(ShardError, match="manifest"):
        load_shards(tmp_path, Store(tmp_path / "x.db"))


def _batch_command(corpus: list[str], out: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "newsevents", "batch", *corpus, "--out", str(out),
            "--partition-size", str(PARTITION_SIZE), *options]


def _kill_after_first_shard(command: list[str], out: Path) -> None:
    """Run the batch (its own local cluster) and SIGKILL all its processes mid-way."""
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL, start_new_session=True,
                               env={**os.environ, "PYTHONWARNINGS": "ignore"})
    deadline = time.monotonic() + 240
    while not list(out.glob("shards/*.done.json")) and time.monotonic() < deadline:
        if process.poll() is not None:
            break
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGKILL)  # the client, the scheduler and the workers
    process.wait()
    assert process.returncode == -signal.SIGKILL


@pytest.mark.slow
def test_killed_batch_rerun_gives_the_same_store(batch_dir: Path, client: Any,
                                                 corpus: list[str], tmp_path: Path) -> None:
    out = tmp_path / "killed"
    _kill_after_first_shard(_batch_command(corpus, out, "--workers", "1"), out)
    finished = len(list(out.glob("shards/*.done.json")))
    assert 0 < finished < _expected_partitions(), "the batch must be killed in the middle"
    # The re-run goes to the module's running cluster: `--scheduler` as on a real cluster.
    rerun = subprocess.run(_batch_command(corpus, out, "--scheduler", client.scheduler.address),
                           capture_output=True, text=True, timeout=240)
    assert rerun.returncode == 0, rerun.stderr
    assert f"({finished} already done)" in rerun.stderr
    assert not list(out.glob("shards/.*.tmp"))
    loaded = subprocess.run([sys.executable, "-m", "newsevents", "load", str(out), "--db",
                             str(tmp_path / "killed.db")], capture_output=True, text=True)
    added = f"{_expected_documents()} added"
    assert loaded.returncode == 0 and added in loaded.stderr, loaded.stderr
    uninterrupted = Store(tmp_path / "clean.db")
    load_shards(batch_dir, uninterrupted)
    assert Store(tmp_path / "killed.db").canonical_dump() == uninterrupted.canonical_dump()


def test_pyarrow_is_loaded_only_to_write_or_read_shards() -> None:
    # 30 MB a process that never writes shards (the CLI's other commands) need not carry
    code = ("import sys, newsevents.cli, newsevents.batch; "
            "print('pyarrow' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120)
    assert out.stdout.strip() == "False", out.stderr
