"""Scoring predicted claims against a gold file, the way CONTRACT.md defines it.

A predicted claim matches a gold claim when `doc`, `measure`, `value`, `low` and `high`
are equal (for a claim without a measure: `event_type` equal and the evidence
overlapping). Negated and zero-count predictions are left out: gold files omit them and
the evaluation neither rewards nor penalises them. Matched pairs are scored slot by slot.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsevents.errors import GoldFileError
from newsevents.stages.actors import fold

SLOTS = ("event_type", "actors", "targets", "places", "time", "speaker", "channel", "outlet")


@dataclass
class Evaluation:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    slot_hits: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SLOTS, 0))
    misses: list[dict[str, Any]] = field(default_factory=list)
    spurious: list[dict[str, Any]] = field(default_factory=list)
    slot_errors: list[tuple[str, str, Any, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def slot_accuracy(self) -> dict[str, float]:
        return {s: (self.slot_hits[s] / self.matched if self.matched else 0.0) for s in SLOTS}

    def summary(self) -> dict[str, Any]:
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4),
                "slots": {k: round(v, 4) for k, v in self.slot_accuracy().items()}}


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    records = []
    with open(path, encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise GoldFileError(f"{path}:{number}: malformed JSON ({error.msg}); "
                                    "fix the line.") from error
            if not isinstance(record, dict) or "doc" not in record:
                raise GoldFileError(f"{path}:{number}: a gold claim needs a 'doc'; add it.")
            records.append(record)
    return records


def evaluate(gold: Sequence[dict[str, Any]], predicted: Iterable[dict[str, Any]],
             texts: dict[str, str]) -> Evaluation:
    """Score `predicted` claim dicts against `gold`; `texts` maps doc -> stored text."""
    docs = {g["doc"] for g in gold}
    scored = [p for p in predicted if p["doc"] in docs and not p.get("negated")
              and p.get("value") != 0]
    result = Evaluation(gold=len(gold), predicted=len(scored))
    unmatched = list(scored)
    for gold_claim in gold:
        match = _best_match(gold_claim, unmatched, texts.get(gold_claim["doc"], ""))
        if match is None:
            result.misses.append(gold_claim)
            continue
        unmatched.remove(match)
        result.matched += 1
        for slot in SLOTS:
            if _slot_ok(slot, gold_claim, match):
                result.slot_hits[slot] += 1
            else:
                result.slot_errors.append((str(gold_claim.get("id")), slot,
                                           gold_claim.get(slot), match.get(slot)))
    result.spurious = unmatched
    return result


def _gold_span(gold: dict[str, Any], text: str) -> tuple[int, int] | None:
    evidence = gold.get("evidence")
    if isinstance(evidence, dict):
        return int(evidence["start"]), int(evidence["end"])
    if isinstance(evidence, str) and evidence:
        start = text.find(evidence)
        if start < 0:
            start = text.replace("’", "'").find(evidence.replace("’", "'"))
        return (start, start + len(evidence)) if start >= 0 else None
    return None


def _overlaps(span: tuple[int, int] | None, predicted: dict[str, Any]) -> bool:
    if span is None:
        return False
    evidence = predicted.get("evidence") or {}
    return bool(evidence.get("start", 0) < span[1] and span[0] < evidence.get("end", 0))


def _best_match(gold: dict[str, Any], candidates: list[dict[str, Any]],
                text: str) -> dict[str, Any] | None:
    span = _gold_span(gold, text)
    fitting = []
    for cand in candidates:
        if cand["doc"] != gold["doc"]:
            continue
        if gold.get("measure") is None:
            if cand.get("measure") is None and cand.get("event_type") == gold.get(
                    "event_type") and _overlaps(span, cand):
                fitting.append(cand)
        elif all(cand.get(k) == gold.get(k) for k in ("measure", "value", "low", "high")):
            fitting.append(cand)
    if not fitting:
        return None
    # Several claims with the same figure (a sentence and the tweet it quotes): the one
    # whose evidence overlaps the gold evidence.
    return max(fitting, key=lambda c: _overlaps(span, c))


def _slot_ok(slot: str, gold: dict[str, Any], predicted: dict[str, Any]) -> bool:
    expected, got = gold.get(slot), predicted.get(slot)
    if slot in ("actors", "targets"):
        return bool(set(expected or []) & set(got or [])) if expected else not got
    if slot == "places":
        return _places_ok(expected or [], got or [])
    if slot == "time":
        return _time_ok(expected, got or {})
    if slot == "speaker":
        return _speaker_ok(expected, got)
    return bool(expected == got)


def _places_ok(expected: list[dict[str, Any]], got: list[dict[str, Any]]) -> bool:
    if not expected:
        return not got
    for place in expected:
        names = place["name"] if isinstance(place["name"], list) else [place["name"]]
        accepted = {fold(n) for n in names}
        if not any(p.get("country") == place.get("country") and (
                fold(p.get("name") or "") in accepted or fold(p.get("text") or "") in accepted)
                for p in got):
            return False
    return True


def _time_ok(expected: Any, got: dict[str, Any]) -> bool:
    if expected is None:
        return True
    options = expected if isinstance(expected, list) else [expected]
    start, end = got.get("start") or "", got.get("end") or ""
    return any(start.startswith(o["start"]) and end.startswith(o["end"]) for o in options)


def _speaker_ok(expected: Any, got: Any) -> bool:
    if not expected:
        return not got
    name = expected if isinstance(expected, str) else expected.get("name", "")
    predicted = got.get("name", "") if isinstance(got, dict) else (got or "")
    last = fold(name).split()[-1] if name.split() else ""
    return bool(last) and last in fold(predicted or "")
