"""API benchmark: GET /api/claims on a store of 1M claims, under a local load generator.

Builds the store the way bench/store.py does (generated claims, ``Store.ingest_results``
in bulk, then ``Store.optimize``), or reuses ``--db``; starts the real server
(``newsevents serve``) in its own process; then, for each filter combination, runs
``--concurrency`` asyncio clients (httpx, keep-alive) for ``--seconds`` and prints
requests/s and p50/p95/p99 latency as the clients saw it (target: p95 < 50 ms).

    .venv/bin/python bench/api.py                                # builds 1M claims (minutes)
    .venv/bin/python bench/api.py --db /tmp/api.db --keep        # keep it for the next run
    .venv/bin/python bench/api.py --db /tmp/api.db --seconds 5   # reuse it
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from newsevents.store import ClaimFilter, Store
from store import ACTORS, CLAIMS_PER_DOC, PLACES, SPEAKERS, TYPES, WORDS, generate

Params = dict[str, str | int]


def _month(rng: random.Random) -> str:
    return f"{rng.randint(2014, 2023)}-{rng.randint(1, 12):02d}"


def _near(rng: random.Random) -> Params:
    _, _, _, lat, lon = rng.choice(PLACES)
    return {"near": f"{lat},{lon},25"}


# Each combination draws fresh values per request, so caches do not flatter the figures.
COMBOS: dict[str, Callable[[random.Random], Params]] = {
    "no filter (first page by date)": lambda r: {},
    "measure + country": lambda r: {"measure": r.choice(TYPES)[1],
                                    "country": r.choice(PLACES)[1]},
    "actor + since/until (one month)": lambda r: {"actor": r.choice(ACTORS),
                                                  "since": (m := _month(r)), "until": m},
    "near lat,lon,25km": _near,
    "full text (2 words)": lambda r: {"q": " ".join(r.sample(WORDS, 2))},
    "speaker + measure": lambda r: {"speaker": r.choice(SPEAKERS).split()[-1],
                                    "measure": r.choice(TYPES)[1]},
    "event type + country, page 5": lambda r: {"event_type": r.choice(TYPES)[0],
                                               "country": r.choice(PLACES)[1], "offset": 200},
}


def build_store(db: Path, claims: int) -> None:
    with Store(db) as store:
        present = store.count_claims(ClaimFilter(include_superseded=True))
        if present >= claims:
            print(f"reusing {db}: {present:,} claims")
            return
        if present:
            raise SystemExit(f"{db} holds {present:,} claims, fewer than {claims:,}; "
                             "give another --db path")
        start = time.perf_counter()
        store.ingest_results(generate(claims // CLAIMS_PER_DOC, seed=1), batch_size=1000)
        store.optimize()
        print(f"built {db}: {claims:,} claims in {time.perf_counter() - start:.0f} s")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "NEWSEVENTS_TOKEN"}
    server = subprocess.Popen([sys.executable, "-m", "newsevents", "serve", "--db", str(db),
                               "--port", str(port)], env=env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/openapi.json").status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("the server did not start within 30 s")


@dataclass
class Result:
    latencies_ms: list[float]
    errors: int
    seconds: float

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else 0.0


async def load(base: str, params_for: Callable[[random.Random], Params], concurrency: int,
               seconds: float) -> Result:
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        stop = time.perf_counter() + seconds

        async def worker(seed: int) -> None:
            nonlocal errors
            rng = random.Random(seed)
            while time.perf_counter() < stop:
                params = {"limit": 50, **params_for(rng)}
                start = time.perf_counter()
                response = await client.get("/api/claims", params=params)
                latencies.append((time.perf_counter() - start) * 1000)
                errors += response.status_code != 200

        began = time.perf_counter()
        await asyncio.gather(*(worker(i) for i in range(concurrency)))
        return Result(latencies, errors, time.perf_counter() - began)


def run_combos(base: str, concurrency: int, seconds: float) -> None:
    print(f"GET /api/claims?limit=50, {concurrency} concurrent client(s), {seconds:.0f} s per "
          "combination (latency in ms as the clients saw it):")
    for name, params_for in COMBOS.items():
        result = asyncio.run(load(base, params_for, concurrency, seconds))
        count = len(result.latencies_ms)
        print(f"  {name:34s} {count / result.seconds:7.1f} req/s  "
              f"p50 {result.percentile(0.50):7.1f}  p95 {result.percentile(0.95):7.1f}  "
              f"p99 {result.percentile(0.99):7.1f}  ({count} requests, {result.errors} errors)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--db", help="database path (reused when it holds enough claims)")
    parser.add_argument("--keep", action="store_true", help="keep a database built here")
    parser.add_argument("--seconds", type=float, default=8.0, help="load per combination")
    parser.add_argument("--concurrency", default="1,8",
                        help="clients at once; a comma-separated list runs each in turn")
    args = parser.parse_args()
    workdir = tempfile.TemporaryDirectory(prefix="newsevents-api-bench-")
    db = Path(args.db or Path(workdir.name) / "api.db")
    build_store(db, args.claims)
    port = _free_port()
    server = start_server(db, port)
    try:
        base = f"http://127.0.0.1:{port}"
        asyncio.run(load(base, COMBOS["measure + country"], 2, 1.0))  # warm the page cache
        for concurrency in (int(c) for c in args.concurrency.split(",")):
            run_combos(base, concurrency, args.seconds)
    finally:
        server.terminate()
        server.wait(timeout=10)
    if args.keep and not args.db:
        kept = Path.cwd() / "api-bench.db"
        db.replace(kept)
        print(f"kept {kept}")
    workdir.cleanup()


if __name__ == "__main__":
    main()
