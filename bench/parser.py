"""Parser accuracy and speed against a gold CoNLL-U file, tokenised as the gold is.

Each sentence's gold words go through the project's parse interface (`stages/parse.py`,
so the shipped pipeline is what is measured); scores are per word, CoNLL 2018 style:
`pos` (UPOS), `uas` (head), `las` (head and relation, subtypes left out as CoNLL 2018
does), `lemma` (exact). Multiword-token lines and empty nodes are skipped (their words
are the ones scored). The last line printed is one JSON object.

    .venv/bin/python bench/parser.py --lang en \
        --conllu ../shared/corpus/ud-english/UD_English-EWT/en_ewt-ud-test.conllu
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsevents.stages import parse


@dataclass(frozen=True)
class GoldWord:
    form: str
    lemma: str
    upos: str
    head: int  # 0-based index in the sentence, -1 for the root
    deprel: str


def read_conllu(path: Path) -> Iterator[list[GoldWord]]:
    words: list[GoldWord] = []
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            line = line.rstrip("\n")
            if not line:
                if words:
                    yield words
                words = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 10 or not cols[0].isdigit():  # "1-2" multiword, "3.1" empty node
                continue
            words.append(GoldWord(cols[1], cols[2], cols[3], int(cols[6]) - 1, cols[7]))
    if words:
        yield words


def score(path: Path, language: str, limit: int | None = None) -> dict[str, float | int]:
    sentences = list(read_conllu(path))[:limit]
    parse.parse_words(["warm", "up"], language)  # model loading is not parsing time
    hits = {"pos": 0, "uas": 0, "las": 0, "lemma": 0}
    tokens = 0
    started = time.process_time()
    for words in sentences:
        parsed = parse.parse_words([w.form for w in words], language)
        for gold, token in zip(words, parsed.tokens, strict=True):
            tokens += 1
            head = -1 if token.head == token.index else token.head
            hits["pos"] += token.pos == gold.upos
            hits["lemma"] += token.lemma == gold.lemma
            if head == gold.head:
                hits["uas"] += 1
                hits["las"] += token.relation.lower() == gold.deprel.partition(":")[0].lower()
    elapsed = time.process_time() - started
    result: dict[str, float | int] = {"sentences": len(sentences), "tokens": tokens}
    result.update({k: round(v / tokens, 4) if tokens else 0.0 for k, v in hits.items()})
    result["words_per_s"] = round(tokens / elapsed) if elapsed else 0
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=parse.LANGUAGES, required=True)
    parser.add_argument("--conllu", type=Path, required=True, help="gold CoNLL-U file")
    parser.add_argument("--limit", type=int, default=None, help="first N sentences only")
    args = parser.parse_args()
    if not args.conllu.is_file():
        parser.error(f"{args.conllu}: no such CoNLL-U file; give the path of a gold .conllu")
    print(json.dumps(score(args.conllu, args.lang, args.limit)))


if __name__ == "__main__":
    main()
