"""Places benchmark: gazetteer load time, resident memory, lookups and texts per second.

Run: .venv/bin/python bench/places.py   (targets: load < 2 s, < 300 MB resident)
"""

from __future__ import annotations

import json
import resource
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAMES = ["Mossoul", "Bagdad", "Irak", "Alep", "Tombouctou", "Kaboul", "Kiev", "Gao",
         "Washington", "Paris", "Maiduguri", "Hodeïda", "Wayne", "Deir ez-Zor", "Ninive"]


def resident_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    before = resident_mb()
    started = time.perf_counter()
    from newsevents.gazetteer.loading import load_gazetteer
    from newsevents.stages.places import find_places, lookup_place

    gazetteer = load_gazetteer()
    load_seconds = time.perf_counter() - started
    print(f"gazetteer load: {load_seconds:.2f} s, {len(gazetteer.lines)} entries, "
          f"{len(gazetteer.index)} names; peak resident {resident_mb():.0f} MB "
          f"(before import {before:.0f} MB)")

    rounds = 2000
    started = time.perf_counter()
    for _ in range(rounds):
        for name in NAMES:
            lookup_place(name)
    elapsed = time.perf_counter() - started
    print(f"lookup_place: {rounds * len(NAMES) / elapsed:,.0f} lookups/s")

    sentences = [json.loads(line)["sentence"] for line in
                 (ROOT / "tests/data/places_labelled.jsonl").read_text().splitlines()]
    articles = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    corpus = "\n\n".join(sentences + articles)
    words = len(corpus.split())
    started = time.perf_counter()
    repeats = 20
    for _ in range(repeats):
        mentions = find_places(corpus)
    elapsed = time.perf_counter() - started
    print(f"find_places: {words * repeats / elapsed:,.0f} words/s "
          f"({len(mentions)} mentions in {words} words)")
    print(f"peak resident after the runs: {resident_mb():.0f} MB")


if __name__ == "__main__":
    main()
