"""Core throughput: `extract` (process_documents) against a bare fr_core_news_md pass.

By default the corpus is the real articles of ../shared/corpus/news repeated to 50k words
(read there, never copied); `--generated` builds one instead from real sentences of
examples/*.txt and
tests/data/claims_table.yaml, with their numbers, places, actors, weekdays and months
varied, assembled into short dated articles. Prints words/s and words per CPU-second of
both passes, each pipeline stage's share of the CPU time, the share of words parsed and
each parser's speed, model loading time and the peak resident memory of this process.
Every model is loaded and run once on a sentence outside the corpus before the timing;
the two passes then alternate `--rounds` times and the fastest of each is reported. The
bare pass is the full `fr_core_news_md` pipeline (NER included) over each whole article,
English ones too: the baseline the issue names, whatever the article's language.

    .venv/bin/python bench/throughput.py                 # 50k words, a few minutes
    .venv/bin/python bench/throughput.py --words 200000
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from newsevents.records import Document

ROOT = Path(__file__).resolve().parent.parent
SHARED_NEWS = ROOT.parent / "shared" / "corpus" / "news"
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
# Text outside the corpus that every model reads once before the timing.
WARM_UP = {
    "fr": "Au moins 23 soldats ont été tués mardi près de Gao, a indiqué l'armée malienne.",
    "en": "At least 23 soldiers were killed on Tuesday near Gao, the Malian army said.",
}


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


def real_articles(folder: Path, words: int) -> list[Any]:
    """The articles of `folder` (the shared news corpus), repeated until `words`, each
    repeat under its own id."""
    from newsevents.reader import iter_documents

    base = [d for d in iter_documents([str(folder)]) if isinstance(d, Document)]
    documents, total, round_ = [], 0, 0
    while base and total < words:
        for doc in base:
            documents.append(replace(doc, doc_id=f"{doc.doc_id}~{round_}"))
            total += len(doc.text.split())
        round_ += 1
    return documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--corpus", type=Path, default=SHARED_NEWS,
                        help="a folder of real articles (default: ../shared/corpus/news)")
    parser.add_argument("--generated", action="store_true",
                        help="generated articles from the examples instead of real ones")
    parser.add_argument("--rounds", type=int, default=2,
                        help="passes of each kind, alternated; the fastest is reported")
    args = parser.parse_args()
    from newsevents import pipeline
    from newsevents.reader import document_from_record
    from newsevents.stages import parse
    from newsevents.stages.parse import bare_pass

    if args.generated or not args.corpus.is_dir():
        documents = [document_from_record(a, a["id"]) for a in articles_for_words(args.words)]
        kind = "generated"
    else:
        documents = real_articles(args.corpus, args.words)
        kind = f"real ({args.corpus})"
    words = sum(len(d.text.split()) for d in documents)
    # Every model is loaded and run once before any timing, on text outside the corpus:
    # loading is a fixed cost per worker, not a per-word one (both passes alike).
    load_cpu = time.process_time()
    for language, sentence in WARM_UP.items():
        pipeline.process_document(Document(f"warm-up-{language}", sentence,
                                           date="2020-01-01", lang=language))
    load_cpu = time.process_time() - load_cpu
    bare_load = time.process_time()
    bare_pass(list(WARM_UP.values()))
    bare_load = time.process_time() - bare_load
    print(f"corpus: {len(documents)} {kind} articles, {words} words "
          f"({words / len(documents):.0f} words/article); models loaded in {load_cpu:.1f} "
          f"CPU-s (extract) and {bare_load:.1f} CPU-s (bare), peak {peak_mb():.0f} MB")
    shares: dict[str, float] = {}
    parsed_words: dict[str, int] = {}
    parse_cpu: dict[str, float] = {}
    timed, timed_parse = pipeline._run, parse.parse_many

    def run_timed(doc: Any, stage: str, func: Any) -> Any:
        begun = time.process_time()
        try:
            return timed(doc, stage, func)
        finally:
            shares[stage] = shares.get(stage, 0.0) + time.process_time() - begun

    def parse_counted(items: Any, language: str = "fr") -> Any:
        parsed_words[language] = parsed_words.get(language, 0) + sum(
            len(text[start:end].split()) for text, spans in items for start, end in spans)
        begun = time.process_time()
        try:
            return timed_parse(items, language)
        finally:
            parse_cpu[language] = parse_cpu.get(language, 0.0) + time.process_time() - begun

    best: dict[str, tuple[float, float]] = {}
    claims = 0
    for round_ in range(1, max(1, args.rounds) + 1):
        shares.clear()
        parsed_words.clear()
        parse_cpu.clear()
        pipeline._run, parse.parse_many = run_timed, parse_counted
        started, cpu = time.perf_counter(), time.process_time()
        # What `newsevents extract` and `batch` run: a few documents' sentences parsed
        # in one batch.
        claims = sum(len(r.claims) for r in pipeline.process_documents(documents)
                     if isinstance(r, pipeline.DocumentResult))
        extract = (time.perf_counter() - started, time.process_time() - cpu)
        pipeline._run, parse.parse_many = timed, timed_parse
        if "extract" not in best or extract[1] < best["extract"][1]:
            best["extract"] = extract
            best_shares, best_parsed, best_parse = dict(shares), dict(parsed_words), dict(
                parse_cpu)
        started, cpu = time.perf_counter(), time.process_time()
        bare_pass([d.text for d in documents])
        bare = (time.perf_counter() - started, time.process_time() - cpu)
        print(f"round {round_}: extract {words / extract[1]:,.0f} words/CPU-s, bare "
              f"{words / bare[1]:,.0f}")
        if "bare" not in best or bare[1] < best["bare"][1]:
            best["bare"] = bare
    (extract_s, extract_cpu), (bare_s, bare_cpu) = best["extract"], best["bare"]
    # CPU seconds too: on a shared machine the wall clock counts other people's work.
    print(f"{'pass':<28}{'words/s':>10}{'articles/s':>12}{'words/CPU-s':>13}")
    print(f"{'extract (process_documents)':<28}{words / extract_s:>10,.0f}"
          f"{len(documents) / extract_s:>12,.1f}{words / extract_cpu:>13,.0f}   {claims} claims")
    print(f"{'bare fr_core_news_md':<28}{words / bare_s:>10,.0f}{len(documents) / bare_s:>12,.1f}"
          f"{words / bare_cpu:>13,.0f}")
    print("share of extract CPU by stage: " + ", ".join(
        f"{stage} {seconds / extract_cpu:.0%}" for stage, seconds in
        sorted(best_shares.items(), key=lambda item: -item[1])))
    print(f"words parsed: {sum(best_parsed.values()) / words:.0%} of the corpus; " + ", ".join(
        f"{language} {count} words at {count / best_parse[language]:,.0f} words/CPU-s"
        for language, count in sorted(best_parsed.items()) if best_parse.get(language)))
    print(f"extract / bare: {bare_s / extract_s:.2f}x wall, {bare_cpu / extract_cpu:.2f}x CPU; "
          f"peak resident memory {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
