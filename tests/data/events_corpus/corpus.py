"""The events corpus: 13 short French and English articles about 10 events.

- ``articles.jsonl``: the articles (the reader's JSONL shape: id, date, outlet, url, ...).
- ``claims.jsonl``: hand-written CONTRACT claims for them (used until, and beside, the
  real pipeline).
- ``gold_events.jsonl``: which claims report the same event, keyed by document, measure,
  polarity and evidence text (so predicted claims are matched by evidence overlap).

Events: 312 coalition strikes in the Makhmour mountains (a French sentence and the English
tweet it embeds, Military Times, AFP's "about 300"); a period total (29,307 strikes, Aug
2014-Mar 2018) in English and French, apart from the single Hajin strikes it spans; a
disagreement (Dalori, Nigeria: at least 30 civilians vs the army's 12); Mogadishu (20 vs
21, compatible lower bounds); Saada strikes vs the coalition's denial (negated); Kharkiv
vs Kherson the same day (different places).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsevents.records import Claim, Document
from newsevents.store import claim_from_dict

HERE = Path(__file__).parent
ARTICLES = HERE / "articles.jsonl"


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def articles() -> list[Document]:
    return [Document(doc_id=a["id"], text=a["text"], date=a["date"], url=a["url"],
                     outlet=a["outlet"], title=a["title"], lang=a["lang"])
            for a in _jsonl(ARTICLES)]


def hand_claims() -> list[dict[str, Any]]:
    return _jsonl(HERE / "claims.jsonl")


def gold() -> list[dict[str, Any]]:
    texts = {d.doc_id: d.text for d in articles()}
    entries = _jsonl(HERE / "gold_events.jsonl")
    for entry in entries:
        start = texts[entry["doc"]].index(entry["evidence"])
        entry["start"], entry["end"] = start, start + len(entry["evidence"])
    return entries


@dataclass(frozen=True)
class HandResult:
    """A ``DocumentResult`` made of hand-written claims (no mentions)."""

    document: Document
    claims: list[Claim]
    mentions: list[Any] = field(default_factory=list)


def hand_results() -> list[HandResult]:
    by_doc: dict[str, list[Claim]] = {}
    for claim in hand_claims():
        by_doc.setdefault(claim["doc"], []).append(claim_from_dict(claim))
    return [HandResult(doc, by_doc.get(doc.doc_id, [])) for doc in articles()]


def pipeline_available() -> bool:
    try:
        from newsevents.pipeline import process_document  # noqa: F401
    except ImportError:
        return False
    return True


def gold_event_of(claim: Mapping[str, Any], entries: Sequence[Mapping[str, Any]]) -> str | None:
    """The gold event of a predicted claim: same doc, measure, polarity, overlapping evidence."""
    evidence = claim.get("evidence") or {}
    for entry in entries:
        if (entry["doc"] == claim["doc"] and entry["measure"] == claim.get("measure")
                and entry["negated"] == bool(claim.get("negated"))
                and evidence.get("start", -1) < entry["end"]
                and entry["start"] < evidence.get("end", -1)):
            return str(entry["event"])
    return None


def pairwise_scores(events: Iterable[Mapping[str, Any]],
                    entries: Sequence[Mapping[str, Any]],
                    claims_by_id: Mapping[str, Mapping[str, Any]]) -> dict[str, float]:
    """Pairwise merge precision and recall over the predicted claims that match gold."""
    labelled = []  # (predicted event, gold event)
    for event in events:
        for source in event["claims"]:
            gold_event = gold_event_of(claims_by_id[source["claim_id"]], entries)
            if gold_event is not None:
                labelled.append((event["event_id"], gold_event))
    predicted_same = gold_same = both = 0
    for (pa, ga), (pb, gb) in itertools.combinations(labelled, 2):
        predicted_same += pa == pb
        gold_same += ga == gb
        both += pa == pb and ga == gb
    matched_gold = {g for _, g in labelled}
    return {
        "precision": both / predicted_same if predicted_same else 1.0,
        "recall": both / gold_same if gold_same else 1.0,
        "matched_claims": float(len(labelled)),
        "gold_events_covered": len(matched_gold) / len({e["event"] for e in entries}),
    }
