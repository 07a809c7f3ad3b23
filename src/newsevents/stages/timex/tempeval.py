"""TimeML reading and TempEval-3 scoring of time expressions.

A ``.tml`` file holds inline ``TIMEX3`` elements inside ``TEXT``; the document creation time
(DCT) is the ``TIMEX3`` whose ``functionInDocument`` is ``CREATION_TIME``. We rebuild the
plain text of ``TEXT`` and the gold spans as offsets into it, so a finder can run on the
plain text exactly as it would on an article. Scoring follows TempEval-3: strict (exact
span) and relaxed (overlapping span) precision/recall/F1, and value accuracy over the
relaxed matches, overall and by TIMEX3 type.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from newsevents.records import Mention, TimeMention


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass(frozen=True)
class TimeMLDocument:
    doc_id: str
    dct: str
    text: str
    timexes: tuple[GoldTimex, ...]


def read_timeml(xml_text: str, doc_id: str = "") -> TimeMLDocument:
    """Parse one TimeML document into its plain text, DCT and gold TIMEX3 spans."""
    root = ET.fromstring(xml_text)
    dct_timex = root.find(".//DCT/TIMEX3")
    if dct_timex is None:
        dct_timex = next(
            t for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"
        )
    text_element = root.find("TEXT")
    if text_element is None:
        raise ValueError(f"{doc_id}: no TEXT element")
    pieces: list[str] = []
    gold: list[GoldTimex] = []
    _flatten(text_element, pieces, gold)
    return TimeMLDocument(doc_id, dct_timex.get("value", ""), "".join(pieces), tuple(gold))


def _flatten(element: ET.Element, pieces: list[str], gold: list[GoldTimex]) -> None:
    """Depth-first text rebuild recording where each TIMEX3 starts and ends."""
    start = sum(len(p) for p in pieces)
    if element.text:
        pieces.append(element.text)
    for child in element:
        _flatten(child, pieces, gold)
        if child.tail:
            pieces.append(child.tail)
    if element.tag == "TIMEX3":
        end = sum(len(p) for p in pieces)
        text = "".join(pieces)[start:end]
        gold.append(GoldTimex(start, end, text, element.get("type", "DATE"),
                              element.get("value", ""), element.get("mod")))


@dataclass
class Counts:
    """Tallies for one slice (all types, or one TIMEX3 type)."""

    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed_gold: int = 0  # gold spans overlapped by a prediction
    relaxed_pred: int = 0  # predictions overlapping a gold span
    value_right: int = 0  # among relaxed matches, value equal

    def scores(self) -> dict[str, float]:
        def f1(p: float, r: float) -> float:
            return 2 * p * r / (p + r) if p + r else 0.0

        strict_p = self.strict / self.predicted if self.predicted else 0.0
        strict_r = self.strict / self.gold if self.gold else 0.0
        relaxed_p = self.relaxed_pred / self.predicted if self.predicted else 0.0
        relaxed_r = self.relaxed_gold / self.gold if self.gold else 0.0
        return {
            "strict_p": strict_p, "strict_r": strict_r, "strict_f1": f1(strict_p, strict_r),
            "relaxed_p": relaxed_p, "relaxed_r": relaxed_r,
            "relaxed_f1": f1(relaxed_p, relaxed_r),
            "value_accuracy": self.value_right / self.relaxed_gold if self.relaxed_gold else 0.0,
            "gold": float(self.gold), "predicted": float(self.predicted),
        }


@dataclass(frozen=True)
class Predicted:
    start: int
    end: int
    type: str
    value: str


def timeml_predictions(mentions: Iterable[Mention]) -> list[Predicted]:
    """Time mentions as TimeML tags them: a range by its two ends, "depuis X" by X (the
    mentions that others are ``part_of`` are left out), everything else as it is; the
    mentions of other kinds are left out."""
    times = [m for m in mentions if isinstance(m, TimeMention)]
    wholes = {m.part_of for m in times if m.part_of is not None}
    return [Predicted(m.start, m.end, m.type, m.value) for m in times
            if (m.start, m.end) not in wholes]


@dataclass
class Score:
    by_type: dict[str, Counts] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def slice(self, name: str) -> Counts:
        return self.by_type.setdefault(name, Counts())


def score_document(gold: Sequence[GoldTimex], predicted: Iterable[Predicted],
                   score: Score, doc_id: str = "") -> None:
    """Add one document's matches to ``score`` (overall under "ALL" and by type)."""
    preds = list(predicted)
    for slice_name in ["ALL", *sorted({g.type for g in gold} | {p.type for p in preds})]:
        score.slice(slice_name)
    for g in gold:
        overlapping = [p for p in preds if p.start < g.end and g.start < p.end]
        for name in ("ALL", g.type):
            counts = score.slice(name)
            counts.gold += 1
            counts.strict += any(p.start == g.start and p.end == g.end for p in overlapping)
            if overlapping:
                counts.relaxed_gold += 1
                counts.value_right += overlapping[0].value == g.value
        if not overlapping:
            score.misses.append(f"{doc_id} MISS {g.type} {g.value!r} {g.text!r}")
        elif overlapping[0].value != g.value:
            score.misses.append(
                f"{doc_id} VALUE {g.text!r}: gold {g.value!r} got {overlapping[0].value!r}")
    for p in preds:
        hit = any(p.start < g.end and g.start < p.end for g in gold)
        for name in ("ALL", p.type):
            counts = score.slice(name)
            counts.predicted += 1
            counts.relaxed_pred += hit
        if not hit:
            score.misses.append(f"{doc_id} FALSE {p.type} {p.value!r} at {p.start}")


def format_table(score: Score) -> str:
    """One line per slice: counts, strict and relaxed P/R/F1, value accuracy."""
    header = f"{'type':<9}{'gold':>5}{'pred':>5}  {'strict P/R/F1':<20}{'relaxed P/R/F1':<20}value"
    lines = [header]
    for name, counts in score.by_type.items():
        s = counts.scores()
        lines.append(
            f"{name:<9}{counts.gold:>5}{counts.predicted:>5}  "
            f"{s['strict_p']:.3f}/{s['strict_r']:.3f}/{s['strict_f1']:.3f}  "
            f"{s['relaxed_p']:.3f}/{s['relaxed_r']:.3f}/{s['relaxed_f1']:.3f}  "
            f"{s['value_accuracy']:.3f}")
    return "\n".join(lines)
