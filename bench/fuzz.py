"""Fuzz the readers and the whole pipeline with hostile input; count crashes and hangs.

Cases come from ``tests/fuzz_support.py`` (mutated articles, random Unicode, bidi and
control characters, lone surrogates, 1 MB lines, nested and broken HTML, hostile JSONL;
and issue 17's: repeated units, JSONL lines over the limit, gzip bombs, trees of odd
entries, shared-URL feeds through the store, files given as the store that are not one).
Each case runs in a worker process; a case that takes longer than ``--timeout`` seconds
is a hang: its worker is killed and replaced. A crash is any exception escaping the
readers (other than their InputError) or ``process_document``, or a broken invariant
(offsets out of bounds, a mention's text not its span, evidence outside the text, a
traceback or more than one line from a command, a refused store file changed). A
document the pipeline stops at its time budget (``--doc-seconds``) is counted apart:
one clear error line, as designed. The peak memory is the largest worker's.

    .venv/bin/python bench/fuzz.py                   # 10,000 cases, 2 workers
    .venv/bin/python bench/fuzz.py --cases 500 --seed 7
    .venv/bin/python bench/fuzz.py --replay 1234     # run one case in this process
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
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
        stopped: list[str] = []
        try:
            run_case(case, stopped)
        except Exception:
            error = traceback.format_exc(limit=-4)
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        conn.send((index, case.kind, case.label, case.size, time.perf_counter() - started,
                   error, len(stopped), peak_kb))


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
    stopped: int = 0  # documents stopped at the time budget (one clear line each)
    peak_kb: int = 0
    peak_case: str = ""
    labels: dict[str, int] = field(default_factory=dict)


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
                index, _kind, label, size, seconds, error, stopped, peak = worker.conn.recv()
                tally.timings.append((seconds, index, label, size))
                tally.stopped += stopped
                if peak > tally.peak_kb:
                    tally.peak_kb, tally.peak_case = peak, f"#{index} {label} ({size:,})"
                tally.labels[label] = tally.labels.get(label, 0) + 1
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
    print(f"stopped at the time budget: {tally.stopped}")
    print(f"peak memory of a worker: {tally.peak_kb / 1024:.0f} MB (reached on case "
          f"{tally.peak_case})")
    print(f"total time: {elapsed:.1f} s")
    print("cases by kind: " + ", ".join(f"{label} {count}" for label, count
                                        in sorted(tally.labels.items())))
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
    parser.add_argument("--timeout", type=float, default=90.0,
                        help="seconds after which a case counts as a hang")
    parser.add_argument("--doc-seconds", type=float, default=60.0,
                        help="the pipeline's time budget per document (under --timeout)")
    parser.add_argument("--slowest", type=int, default=10)
    parser.add_argument("--replay", type=int, default=None, help="run case N here, traced")
    args = parser.parse_args()
    os.environ["NEWSEVENTS_DOC_SECONDS"] = str(args.doc_seconds)  # the workers inherit it
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
