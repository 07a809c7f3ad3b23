"""Scale: `newsevents batch` on generated corpora, 1 and 2 workers, against a bare pass.

For each corpus size (default 10k and 100k articles, generated here by varying real
sentences, see bench/throughput.py; a temporary JSONL, deleted afterwards), and each
worker count, a fresh local cluster is started, its workers load the models (not timed),
then the batch runs (extraction to Parquet shards) and a bare `fr_core_news_md` pass runs
over the same partitions on the same workers. Prints words/s of both, their ratio, and
each worker's own peak resident memory (ru_maxrss, read after the extraction).

    .venv/bin/python bench/scale.py                              # 10k and 100k: hours on 2 cores
    .venv/bin/python bench/scale.py --articles 1000 5000 --workers 1 2
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import generate_articles


def warm_up() -> int:
    """Load every model in this worker (spaCy, gazetteer, vocabularies)."""
    from newsevents.pipeline import process_document
    from newsevents.reader import text_document

    process_document(text_document("Au moins 23 soldats ont été tués mardi près de Gao, "
                                   "a indiqué l'armée.", "warm", date="2023-05-10"))
    return 0


def bare_partition(partition: Any) -> int:
    """A bare fr_core_news_md pass over a partition's texts; returns its words."""
    from newsevents.batch import read_partition
    from newsevents.records import Document
    from newsevents.stages.parse import bare_pass

    texts = [d.text for d in read_partition(partition) if isinstance(d, Document)]
    bare_pass(texts)
    return sum(len(t.split()) for t in texts)


def peak_kb() -> int:
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def write_corpus(path: Path, articles: int) -> int:
    words = 0
    with path.open("w", encoding="utf-8") as stream:
        for article in generate_articles(articles, seed=articles):
            words += len(article["text"].split())
            stream.write(json.dumps(article, ensure_ascii=False) + "\n")
    return words


def measure(corpus: Path, workers: int, partition_size: int, work: Path,
            bare_partitions: int | None) -> dict[str, Any]:
    from distributed import wait

    from newsevents.batch import open_client, plan_partitions, run_batch

    with open_client(workers=workers) as client:
        client.run(warm_up)
        started = time.perf_counter()
        summary = run_batch([str(corpus)], work / f"out-{workers}", client=client,
                            partition_size=partition_size)
        extract_s = time.perf_counter() - started
        memory = client.run(peak_kb)  # each worker's own peak, after the extraction
        partitions = list(plan_partitions([str(corpus)], partition_size))
        if bare_partitions is not None:
            # A rate needs no whole corpus: the bare pass over the first partitions (spread
            # over the same workers) gives its words/s at a fraction of the time.
            partitions = partitions[:max(bare_partitions, workers)]
        started = time.perf_counter()
        futures = client.map(bare_partition, partitions, pure=False)
        wait(futures)
        bare_words = sum(f.result() for f in futures)
        bare_s = time.perf_counter() - started
    assert not summary.failed, summary.failed
    return {"words": summary.words, "documents": summary.documents, "claims": summary.claims,
            "extract_wps": summary.words / extract_s, "bare_wps": bare_words / bare_s,
            "extract_cpu_wps": summary.words / sum(r["cpu_seconds"] for r in summary.reports),
            "memory_mb": sorted(round(kb / 1024) for kb in memory.values())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--partition-size", type=int, default=500)
    parser.add_argument("--bare-partitions", type=int, default=None,
                        help="run the bare pass on only this many partitions (its words/s "
                             "is a rate; the default runs it on all)")
    args = parser.parse_args()
    print(f"{'articles':>9} {'words':>9} {'workers':>7} {'extract w/s':>11} {'bare w/s':>9} "
          f"{'ratio':>6} {'extract w/CPU-s/worker':>22}  worker peak RSS MB", flush=True)
    for articles in args.articles:
        with tempfile.TemporaryDirectory(prefix="newsevents-scale-") as tmp:
            work = Path(tmp)
            corpus = work / "corpus.jsonl"
            words = write_corpus(corpus, articles)
            for workers in args.workers:
                row = measure(corpus, workers, args.partition_size, work, args.bare_partitions)
                print(f"{articles:>9} {words:>9} {workers:>7} {row['extract_wps']:>11,.0f} "
                      f"{row['bare_wps']:>9,.0f} {row['extract_wps'] / row['bare_wps']:>6.2f} "
                      f"{row['extract_cpu_wps']:>22,.0f}  {row['memory_mb']}", flush=True)


if __name__ == "__main__":
    main()
