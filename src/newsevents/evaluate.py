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
    slot_scored: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SLOTS, 0))
    misses: list[dict[str, Any]] = field(default_factory=list)
    spurious: list[dict[str, Any]] = field(default_factory=list)
    # (gold id, slot, expected, got, the predicted claim): the claim says where its value
    # came from (`origin`, when the caller kept it) and which evidence it read.
    slot_errors: list[tuple[str, str, Any, Any, dict[str, Any]]] = field(default_factory=list)
    # Gold claims matched with every slot the gold fills right.
    complete: int = 0

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
        """Per slot, the share of matched pairs that agree, among the pairs whose gold
        fills the slot (a slot no gold claim fills is left out)."""
        return {s: self.slot_hits[s] / self.slot_scored[s] for s in SLOTS if self.slot_scored[s]}

    def summary(self) -> dict[str, Any]:
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4),
                "complete": round(self.complete / self.gold, 4) if self.gold else 0.0,
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
    """Score `predicted` claim dicts against `gold`; `texts` maps doc -> stored text.

    Pairs are chosen optimally per document: the most matched pairs, then the most slots
    agreeing (an assignment problem, solved exactly). A slot the gold leaves empty is
    not scored: the gold states what the text says, not what it omits."""
    docs = {g["doc"] for g in gold}
    scored = [p for p in predicted if p["doc"] in docs and not p.get("negated")
              and p.get("value") != 0]
    result = Evaluation(gold=len(gold), predicted=len(scored))
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for claim in scored:
        by_doc.setdefault(claim["doc"], []).append(claim)
    used: set[int] = set()
    for doc in sorted(docs):
        gold_claims = [g for g in gold if g["doc"] == doc]
        candidates = by_doc.get(doc, [])
        pairs = _optimal_pairs(gold_claims, candidates, texts.get(doc, ""))
        for gold_index, gold_claim in enumerate(gold_claims):
            match_index = pairs.get(gold_index)
            if match_index is None:
                result.misses.append(gold_claim)
                continue
            match = candidates[match_index]
            used.add(id(match))
            result.matched += 1
            all_right = True
            for slot in SLOTS:
                if _empty(gold_claim.get(slot)):
                    continue
                result.slot_scored[slot] += 1
                if _slot_ok(slot, gold_claim, match):
                    result.slot_hits[slot] += 1
                else:
                    all_right = False
                    result.slot_errors.append((str(gold_claim.get("id")), slot,
                                               gold_claim.get(slot), match.get(slot), match))
            result.complete += all_right
    result.spurious = [p for p in scored if id(p) not in used]
    return result


def document_language(segments: Sequence[Any]) -> str:
    """The language most of a document's text is in (its segments' languages)."""
    sizes: dict[str, int] = {}
    for segment in segments:
        language = getattr(segment, "language", None) or "unknown"
        sizes[language] = sizes.get(language, 0) + segment.end - segment.start
    return max(sizes, key=lambda k: sizes[k]) if sizes else "unknown"


def evaluate_by_language(gold: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]],
                         texts: dict[str, str], languages: dict[str, str]
                         ) -> dict[str, Evaluation]:
    """The same scores on each language's documents."""
    found: dict[str, Evaluation] = {}
    for language in sorted(set(languages.values())):
        docs = {d for d, lang in languages.items() if lang == language}
        part = [g for g in gold if g["doc"] in docs]
        if part:
            found[language] = evaluate(part, [p for p in predicted if p["doc"] in docs], texts)
    return found


def _empty(value: Any) -> bool:
    return value is None or value == [] or value == {} or value == ""


def _optimal_pairs(gold: list[dict[str, Any]], candidates: list[dict[str, Any]],
                   text: str) -> dict[int, int]:
    """{gold index: candidate index}: the most pairs, then the most slots agreeing."""
    if not gold or not candidates:
        return {}
    from scipy.optimize import linear_sum_assignment

    weight = [[0.0] * len(candidates) for _ in gold]
    for g, gold_claim in enumerate(gold):
        span = _gold_span(gold_claim, text)
        for c, cand in enumerate(candidates):
            if _compatible(gold_claim, cand, span):
                agreeing = sum(1 for slot in SLOTS if not _empty(gold_claim.get(slot))
                               and _slot_ok(slot, gold_claim, cand))
                # A pair outweighs any number of agreeing slots; evidence overlap breaks
                # the remaining ties (a sentence and the tweet it quotes).
                weight[g][c] = 1000.0 + 10 * agreeing + _overlaps(span, cand)
    rows, cols = linear_sum_assignment(weight, maximize=True)
    return {int(r): int(c) for r, c in zip(rows, cols, strict=True) if weight[r][c] > 0}


def _compatible(gold: dict[str, Any], cand: dict[str, Any],
                span: tuple[int, int] | None) -> bool:
    if gold.get("measure") is None:
        return cand.get("measure") is None and cand.get("event_type") == gold.get(
            "event_type") and _overlaps(span, cand)
    return all(cand.get(k) == gold.get(k) for k in ("measure", "value", "low", "high"))


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
    if slot == "outlet":  # the gold outlet within the predicted one (CONTRACT.md)
        return isinstance(got, str) and fold(str(expected)) in fold(got)
    return bool(expected == got)


def _places_ok(expected: list[dict[str, Any]], got: list[dict[str, Any]]) -> bool:
    """One gold place matched by country and one of its names (as `name` or `text`)."""
    if not expected:
        return not got
    for place in expected:
        names = place["name"] if isinstance(place["name"], list) else [place["name"]]
        accepted = {fold(n) for n in names}
        if any(p.get("country") == place.get("country") and (
                fold(p.get("name") or "") in accepted or fold(p.get("text") or "") in accepted)
                for p in got):
            return True
    return False


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
    if isinstance(got, dict):  # the speaker in name or role
        predicted = " ".join(str(got.get(k) or "") for k in ("name", "role"))
    else:
        predicted = got or ""
    last = fold(name).split()[-1] if name.split() else ""
    return bool(last) and last in fold(predicted)
