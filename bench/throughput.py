"""Core throughput: `extract` (process_document) against a bare fr_core_news_md pass.

The corpus is generated here, never committed: real sentences from examples/*.txt and
tests/data/claims_table.yaml, with their numbers, places, actors, weekdays and months
varied, assembled into short dated articles (a few sentences each, claim sentences mixed
with the context sentences of the seed articles). Prints words/s and articles/s of both
passes and the peak resident memory of this process.

    .venv/bin/python bench/throughput.py                 # ~40k words, about 1-2 minutes
    .venv/bin/python bench/throughput.py --words 200000
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import time
from collections.abc import Iterator
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PLACES = ["Gao", "Ménaka", "Tombouctou", "Djibo", "Mossoul", "Raqqa", "Deir ez-Zor", "Alep",
          "Idleb", "Maiduguri", "Gwoza", "Kandahar", "Kunduz", "Mogadiscio", "Kismayo",
          "Saada", "Hodeïda", "Kharkiv", "Bakhmout", "Tillabéri"]
ACTORS = ["l'armée malienne", "l'armée nigériane", "les forces irakiennes", "la coalition",
          "les shebab", "Boko Haram", "les talibans", "les Houthis", "l'armée russe",
          "les jihadistes de l'EI", "l'armée burkinabè", "les FDS"]
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]
_SENTENCE_END = re.compile(r"(?<=[.!?»])\s+(?=[A-ZÀ-Ý«\"])")
_NUMBER = re.compile(r"\b\d{1,3}(?:[  ]\d{3})*\b")


def seed_sentences() -> tuple[list[str], list[str]]:
    """(claim sentences, context sentences) of the examples and the claims table."""
    claims: list[str] = []
    context: list[str] = []
    for case in yaml.safe_load((ROOT / "tests/data/claims_table.yaml").read_text("utf-8")):
        claims.append(case["text"].strip())
    for path in sorted((ROOT / "examples").glob("*.txt")):
        body = path.read_text(encoding="utf-8").split("\n", 1)[1]
        for paragraph in body.split("\n"):
            for sentence in _SENTENCE_END.split(paragraph.strip()):
                if len(sentence.split()) >= 4:
                    (claims if _NUMBER.search(sentence) else context).append(sentence)
    return claims, context


def vary(sentence: str, rng: random.Random) -> str:
    """Same sentence, other figures, places, actors, weekdays and months."""
    sentence = _NUMBER.sub(lambda m: str(rng.randint(2, 10 ** min(len(m.group()), 3))),
                           sentence)
    for vocabulary in (PLACES, ACTORS, WEEKDAYS, MONTHS):
        for word in vocabulary:
            pattern = rf"(?<!\w){re.escape(word)}(?!\w)"
            if rng.random() < 0.7:
                sentence = _replace_each(pattern, vocabulary, sentence, rng)
    return sentence


def _replace_each(pattern: str, vocabulary: list[str], sentence: str,
                  rng: random.Random) -> str:
    """Every match of `pattern` replaced by its own random word of `vocabulary`."""
    return re.sub(pattern, lambda _: rng.choice(vocabulary), sentence)


def generate_articles(count: int, seed: int = 1) -> Iterator[dict[str, str]]:
    """`count` JSONL-shaped articles: 3-7 sentences, about half of them claim sentences."""
    rng = random.Random(seed)
    claims, context = seed_sentences()
    for number in range(count):
        sentences = [vary(rng.choice(claims if rng.random() < 0.5 else context), rng)
                     for _ in range(rng.randint(3, 7))]
        date = f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        yield {"id": f"gen-{seed}-{number:07d}", "date": date, "text": " ".join(sentences)}


def articles_for_words(words: int, seed: int = 1) -> list[dict[str, str]]:
    articles, total = [], 0
    for article in generate_articles(10 ** 9, seed):
        articles.append(article)
        total += len(article["text"].split())
        if total >= words:
            return articles
    return articles


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=40_000)
    args = parser.parse_args()
    from newsevents.pipeline import process_document
    from newsevents.reader import document_from_record
    from newsevents.stages.parse import bare_pass

    articles = articles_for_words(args.words)
    documents = [document_from_record(a, a["id"]) for a in articles]
    words = sum(len(d.text.split()) for d in documents)
    process_document(documents[0])  # load every model before timing
    print(f"corpus: {len(documents)} generated articles, {words} words "
          f"({words / len(documents):.0f} words/article); models loaded, peak {peak_mb():.0f} MB")
    started, cpu = time.perf_counter(), time.process_time()
    claims = sum(len(process_document(d).claims) for d in documents)
    extract_s, extract_cpu = time.perf_counter() - started, time.process_time() - cpu
    started, cpu = time.perf_counter(), time.process_time()
    bare_pass([d.text for d in documents])
    bare_s, bare_cpu = time.perf_counter() - started, time.process_time() - cpu
    # CPU seconds too: on a shared machine the wall clock counts other people's work.
    print(f"{'pass':<28}{'words/s':>10}{'articles/s':>12}{'words/CPU-s':>13}")
    print(f"{'extract (process_document)':<28}{words / extract_s:>10,.0f}"
          f"{len(documents) / extract_s:>12,.1f}{words / extract_cpu:>13,.0f}   {claims} claims")
    print(f"{'bare fr_core_news_md':<28}{words / bare_s:>10,.0f}{len(documents) / bare_s:>12,.1f}"
          f"{words / bare_cpu:>13,.0f}")
    print(f"extract / bare: {bare_s / extract_s:.2f}x wall, {bare_cpu / extract_cpu:.2f}x CPU; "
          f"peak resident memory {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
