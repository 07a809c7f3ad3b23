"""Store benchmark: ingest throughput and query latency on a generated store of 1M claims.

NLP is excluded: documents arrive as pre-built ``DocumentResult``-shaped objects. The big
store is filled with ``Store.ingest_results`` (bulk: many documents per transaction,
executemany inside); the claims are merged into events in full, then updated after one
more document (block by block); throughput is then measured the way ``newsevents ingest``
writes, one transaction per document, into the full store. The database goes to a temporary
directory and is deleted afterwards (``--keep`` keeps it; never commit it).

    .venv/bin/python bench/store.py                 # 1,000,000 claims
    .venv/bin/python bench/store.py --claims 100000 # quicker
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsevents.records import Claim, Document, NumberMention, PlaceMention
from newsevents.store import ClaimFilter, Store

CLAIMS_PER_DOC = 10
PLACES = [  # name, country, admin1, lat, lon
    ("Mosul", "IQ", "Nineveh", 36.34, 43.13), ("Makhmur", "IQ", "Erbil", 35.78, 43.58),
    ("Raqqa", "SY", "Raqqa", 35.95, 39.01), ("Hajin", "SY", "Deir ez-Zor", 34.69, 40.83),
    ("Gao", "ML", "Gao", 16.27, -0.04), ("Ménaka", "ML", "Ménaka", 15.92, 2.40),
    ("Mogadishu", "SO", "Banaadir", 2.04, 45.34), ("Saada", "YE", "Saada", 16.94, 43.76),
    ("Kharkiv", "UA", "Kharkiv", 49.99, 36.23), ("Kandahar", "AF", "Kandahar", 31.61, 65.71),
    ("Maiduguri", "NG", "Borno", 11.85, 13.16), ("Tillabéri", "NE", "Tillabéri", 14.21, 1.45),
]
ACTORS = ["coalition", "united_states", "france", "russia", "iraq", "syria", "houthis",
          "al_shabaab", "boko_haram", "jnim", "taliban", "islamic_state", "unknown"]
TYPES = [("air_strike", "strikes"), ("shelling", "fatalities_civilians"),
         ("remote_explosive", "fatalities"), ("armed_clash", "fatalities_combatants"),
         ("attack", "fatalities_civilians"), ("arrest", "captured"),
         ("armed_clash", "neutralized"), ("air_strike", "targets_destroyed")]
SPEAKERS = ["Wayne Marotto", "John Kirby", "Igor Konashenkov", "Yahya Saree",
            "Souleymane Dembélé", "Abdulaziz Abu Musab", "Zabihullah Mujahid", "a local official"]
OUTLETS = ["AFP", "Reuters", "RFI", "Military Times", "Le Monde", "Al Jazeera", "BBC",
           "France 24", "Associated Press", "Kyiv Independent"]
WORDS = ("frappes raids bombardements tués blessés combattants civils village convoi "
         "airstrikes killed wounded fighters militants checkpoint drone artillery mortar "
         "roadside bomb ambush offensive positions tunnels caches base patrol").split()


@dataclass(frozen=True)
class BenchResult:
    document: Document
    claims: list[Claim]
    mentions: list[Any] = field(default_factory=list)


def _place(rng: random.Random) -> PlaceMention:
    name, country, admin1, lat, lon = rng.choice(PLACES)
    return PlaceMention(0, 1, name, name, country, admin1, lat + rng.uniform(-0.3, 0.3),
                        lon + rng.uniform(-0.3, 0.3), "town")


def _claim(rng: random.Random, doc_id: str, index: int, day: str) -> Claim:
    event_type, measure = rng.choice(TYPES)
    value = rng.randint(1, 400)
    evidence = " ".join(rng.choices(WORDS, k=14)) + f" {value}"
    return Claim(
        doc=doc_id, doc_date=day, claim_id=f"{doc_id}#{index}",
        language=rng.choice(["fr", "en"]), event_type=event_type, measure=measure,
        number=NumberMention(0, 3, str(value), value, None, None, "exact"), hedged=False,
        negated=rng.random() < 0.02, actors=(rng.choice(ACTORS),),
        targets=(rng.choice(ACTORS),), places=(_place(rng),),
        time={"start": day, "end": day, "granularity": "day", "text": "lundi"},
        speaker={"name": rng.choice(SPEAKERS), "role": None}, channel="statement",
        outlet=None, evidence={"text": evidence, "start": 0, "end": len(evidence)},
        confidence=0.8,
    )


def generate(n_docs: int, seed: int, prefix: str = "doc") -> Iterator[BenchResult]:
    rng = random.Random(seed)
    for i in range(n_docs):
        day = f"{rng.randint(2014, 2023)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        doc_id = f"{prefix}{i:07d}"
        claims = [_claim(rng, doc_id, k + 1, day) for k in range(CLAIMS_PER_DOC)]
        text = " ".join(c.evidence["text"] for c in claims)
        yield BenchResult(Document(doc_id=doc_id, text=text, date=day,
                                   url=f"https://example.org/{doc_id}",
                                   outlet=rng.choice(OUTLETS), lang="fr"), claims)


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def time_query(run: Callable[[random.Random], Any], repeats: int) -> tuple[float, float]:
    rng = random.Random(7)
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        run(rng)
        samples.append((time.perf_counter() - start) * 1000)
    return percentiles(samples)


def filters() -> dict[str, Callable[[random.Random], ClaimFilter]]:
    def month(rng: random.Random) -> str:
        return f"{rng.randint(2014, 2023)}-{rng.randint(1, 12):02d}"

    def near(rng: random.Random) -> ClaimFilter:
        _, _, _, lat, lon = rng.choice(PLACES)
        return ClaimFilter(near=(lat, lon, 25.0))

    def actor_month(rng: random.Random) -> ClaimFilter:
        when = month(rng)
        return ClaimFilter(actor=rng.choice(ACTORS), since=when, until=when)

    def narrow(rng: random.Random) -> ClaimFilter:
        when = month(rng)
        return ClaimFilter(measure="captured", country=rng.choice(PLACES)[1],
                           actor=rng.choice(ACTORS), since=when, until=when)

    return {
        "measure+country": lambda r: ClaimFilter(measure=r.choice(TYPES)[1],
                                                 country=r.choice(PLACES)[1]),
        "actor+since/until (a month)": actor_month,
        "near lat,lon 25 km": near,
        "full text (2 words)": lambda r: ClaimFilter(text=" ".join(r.sample(WORDS, 2))),
        "speaker+measure": lambda r: ClaimFilter(speaker=r.choice(SPEAKERS).split()[-1],
                                                 measure=r.choice(TYPES)[1]),
        "outlet+event type": lambda r: ClaimFilter(outlet=r.choice(OUTLETS),
                                                   event_type=r.choice(TYPES)[0]),
        "measure+country+actor+month": narrow,
    }


def report_queries(store: Store, repeats: int) -> None:
    print(f"query latency, ms over {repeats} runs (first 100 claims; count = COUNT(*)):")
    print(f"  {'filter':30s} {'by date p50/p95':>18s} {'ingest order p50/p95':>22s}"
          f" {'count p50/p95':>16s}")
    for name, make in filters().items():
        cells = []
        for run in (lambda r, m=make: store.claims(m(r), limit=100, order="time"),
                    lambda r, m=make: store.claims(m(r), limit=100, order="ingest"),
                    lambda r, m=make: store.count_claims(m(r))):
            p50, p95 = time_query(run, repeats)
            cells.append(f"{p50:7.1f} / {p95:7.1f}")
        print(f"  {name:30s} {cells[0]:>18s} {cells[1]:>22s} {cells[2]:>16s}")


def report_events_update(store: Store) -> None:
    """A full merge of the store into events, then the update after one small document
    (its one claim touches one merge block of the 16 the generator fills)."""
    start = time.perf_counter()
    events = store.rebuild_events()
    print(f"events: full merge: {events:,} events in {time.perf_counter() - start:.1f} s")
    one = next(generate(1, seed=3, prefix="one"))
    store.ingest_result(dataclasses.replace(one, claims=one.claims[:1]))
    start = time.perf_counter()
    written = store.update_events()
    print(f"events: update after one more 1-claim document: {time.perf_counter() - start:.2f}"
          f" s, {written} events written")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--ingest-docs", type=int, default=2000,
                        help="documents ingested one transaction each, for throughput")
    parser.add_argument("--repeats", type=int, default=40)
    parser.add_argument("--db", help="database path (default: a temporary directory)")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    workdir = tempfile.TemporaryDirectory(prefix="newsevents-bench-")
    db = Path(args.db or Path(workdir.name) / "bench.db")
    store = Store(db)

    n_docs = args.claims // CLAIMS_PER_DOC
    start = time.perf_counter()
    store.ingest_results(generate(n_docs, seed=1), batch_size=1000)
    bulk = time.perf_counter() - start
    store.optimize()
    total = store.count_claims(ClaimFilter(include_superseded=True))
    print(f"bulk load: {n_docs:,} documents, {total:,} claims in {bulk:.1f} s"
          f" ({n_docs / bulk:,.0f} documents/s, {n_docs * CLAIMS_PER_DOC / bulk:,.0f} claims/s), "
          f"file {db.stat().st_size / 1e6:,.0f} MB")

    report_events_update(store)

    docs = list(generate(args.ingest_docs, seed=2, prefix="new"))
    start = time.perf_counter()
    for result in docs:
        store.ingest_result(result)
    single = time.perf_counter() - start
    print(f"ingest, one transaction per document, into the full store: "
          f"{len(docs) / single:,.0f} documents/s ({len(docs) * CLAIMS_PER_DOC / single:,.0f}"
          f" claims/s, {CLAIMS_PER_DOC} claims per document)")
    start = time.perf_counter()
    unchanged = sum(store.ingest_result(r).status == "unchanged" for r in docs)
    again = time.perf_counter() - start
    print(f"re-ingest of the same {unchanged:,} documents (no change): "
          f"{len(docs) / again:,.0f} documents/s")

    start = time.perf_counter()
    written = store.update_events()
    print(f"events: update after those {len(docs):,} documents (every block touched):"
          f" {time.perf_counter() - start:.1f} s, {written:,} events written")

    report_queries(store, args.repeats)
    store.close()
    if args.keep:
        print(f"kept {db}")
    else:
        workdir.cleanup()


if __name__ == "__main__":
    main()
