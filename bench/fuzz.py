"""Fuzz the readers and the whole pipeline with hostile input; count crashes and hangs.

Cases come from ``tests/fuzz_support.py`` (mutated articles, random Unicode, bidi and
control characters, lone surrogates, 1 MB lines, nested and broken HTML, hostile JSONL).
Each case runs in a worker process; a case that takes longer than ``--timeout`` seconds
is a hang: its worker is killed and replaced. A crash is any exception escaping the
readers (other than their InputError) or ``process_document``, or a broken invariant
(offsets out of bounds, a mention's text not its span, evidence outside the text).

    .venv/bin/python bench/fuzz.py                   # 10,000 cases, 2 workers
    .venv/bin/python bench/fuzz.py --cases 500 --seed 7
    .venv/bin/python bench/fuzz.py --replay 1234     # run one case in this process
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import sys
import time
import traceback
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.fuzz_support import make_case, run_case


def _worker(conn: Connection, seed: int) -> None:
    from newsevents.pipeline import process_document
    from newsevents.records import Document
    from newsevents.stages import parse

    parse.parse_spans("Trois frappes.", [(0, 14)])  # load the models before any timing
    process_document(Document("warm-up", "Au moins 23 soldats ont été tués près de Gao."))
    conn.send(("ready",))
    while True:
        index = conn.recv()
        if index is None:
            return
        case = make_case(index, seed)
        started = time.perf_counter()
        error = None
        try:
            run_case(case)
        except Exception:
            error = traceback.format_exc(limit=-4)
        conn.send((index, case.kind, case.label, case.size, time.perf_counter() - started,
                   error))


@dataclass
class Worker:
    process: Any
    conn: Connection
    index: int | None = None
    started: float = 0.0


@dataclass
class Tally:
    done: int = 0
    crashes: list[tuple[int, str, str]] = field(default_factory=list)
    hangs: list[tuple[int, str, int]] = field(default_factory=list)
    timings: list[tuple[float, int, str, int]] = field(default_factory=list)


def _start_worker(seed: int) -> Worker:
    parent, child = mp.Pipe()
    process = mp.get_context("fork").Process(target=_worker, args=(child, seed), daemon=True)
    process.start()
    parent.recv()  # ready: the models are loaded
    return Worker(process, parent)


def _assign(worker: Worker, pending: list[int]) -> None:
    if pending:
        worker.index = pending.pop()
        worker.started = time.perf_counter()
        worker.conn.send(worker.index)
    else:
        worker.index = None


def run(cases: int, seed: int, workers: int, timeout: float, progress: bool) -> Tally:
    tally = Tally()
    pending = list(range(cases))[::-1]
    pool = [_start_worker(seed) for _ in range(workers)]
    for worker in pool:
        _assign(worker, pending)
    while any(w.index is not None for w in pool):
        ready = wait([w.conn for w in pool if w.index is not None], timeout=0.5)
        for worker in pool:
            if worker.index is None:
                continue
            if worker.conn in ready:
                index, _kind, label, size, seconds, error = worker.conn.recv()
                tally.timings.append((seconds, index, label, size))
                if error:
                    tally.crashes.append((index, label, error))
                tally.done += 1
                _assign(worker, pending)
            elif time.perf_counter() - worker.started > timeout:
                case = make_case(worker.index, seed)
                tally.hangs.append((worker.index, case.label, case.size))
                print(f"  hang: case #{worker.index} {case.label} ({case.size:,})",
                      file=sys.stderr, flush=True)
                tally.done += 1
                worker.process.kill()
                worker.process.join()
                replacement = _start_worker(seed)
                worker.process, worker.conn = replacement.process, replacement.conn
                _assign(worker, pending)
        if progress and tally.done and tally.done % 500 == 0:
            print(f"  {tally.done} cases, {len(tally.crashes)} crashes, {len(tally.hangs)} hangs",
                  file=sys.stderr, flush=True)
    for worker in pool:
        worker.conn.send(None)
        worker.process.join(timeout=5)
    return tally


def report(tally: Tally, elapsed: float, slowest: int) -> None:
    print(f"cases: {tally.done}")
    print(f"crashes: {len(tally.crashes)}")
    print(f"hangs: {len(tally.hangs)}")
    print(f"total time: {elapsed:.1f} s")
    print(f"slowest {slowest} cases (seconds, case, kind, size in chars or bytes):")
    for seconds, index, label, size in sorted(tally.timings, reverse=True)[:slowest]:
        print(f"  {seconds:7.2f}  #{index:<6} {label:<18} {size:>10,}")
    for index, label, size in tally.hangs:
        print(f"HANG  #{index} {label} ({size:,})")
    for index, label, error in tally.crashes[:20]:
        print(f"CRASH #{index} {label}:\n{error}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="seconds after which a case counts as a hang")
    parser.add_argument("--slowest", type=int, default=10)
    parser.add_argument("--replay", type=int, default=None, help="run case N here, traced")
    args = parser.parse_args()
    if args.replay is not None:
        case = make_case(args.replay, args.seed)
        print(f"case #{case.index}: {case.label}, {case.kind}, {case.size:,}")
        started = time.perf_counter()
        print(f"{run_case(case)} documents processed in {time.perf_counter() - started:.2f} s")
        return
    started = time.perf_counter()
    tally = run(args.cases, args.seed, args.workers, args.timeout, progress=True)
    report(tally, time.perf_counter() - started, args.slowest)


if __name__ == "__main__":
    main()
