"""Golden tests on the two real seed articles and their hand-checked gold claims."""

from __future__ import annotations

import json
from typing import Any

import pytest

from newsevents.evaluate import evaluate, load_gold

from .conftest import GOLDEN, SEEDS_GOLD

F1_FLOOR = 0.95
SLOT_FLOOR = 0.90


def _predicted(seed_results: dict[str, Any]) -> tuple[list[dict[str, Any]], dict[str, str]]:
    claims = [c.to_dict() for r in seed_results.values() for c in r.claims]
    texts = {doc: r.document.text for doc, r in seed_results.items()}
    return claims, texts


def test_seed_claims_match_gold(seed_results: dict[str, Any]) -> None:
    claims, texts = _predicted(seed_results)
    report = evaluate(load_gold(SEEDS_GOLD), claims, texts)
    summary = report.summary()
    print("\nseed evaluation:", json.dumps(summary))
    assert report.f1 >= F1_FLOOR, (summary, [m.get("id") for m in report.misses],
                                   [s["evidence"]["text"] for s in report.spurious])
    for slot, accuracy in report.slot_accuracy().items():
        assert accuracy >= SLOT_FLOOR, (slot, report.slot_errors)


@pytest.mark.parametrize("doc", ["000_b5c6e734571c1807.txt", "004_3e94996991f7161a.txt"])
def test_seed_output_is_stable(seed_results: dict[str, Any], update_golden: bool,
                               doc: str) -> None:
    """The full claim records of each seed, compared with the reviewed expected file."""
    expected_path = GOLDEN / "expected" / f"{doc}.jsonl"
    lines = [json.dumps(c.to_dict(), ensure_ascii=False, sort_keys=True)
             for c in seed_results[doc].claims]
    if update_golden or not expected_path.exists():
        expected_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = expected_path.read_text(encoding="utf-8").splitlines()
    assert lines == expected


def test_evidence_offsets_point_into_the_stored_text(seed_results: dict[str, Any]) -> None:
    for result in seed_results.values():
        for claim in result.claims:
            evidence = claim.evidence
            assert result.document.text[evidence["start"]:evidence["end"]] == evidence["text"]
        for mention in result.mentions:
            assert result.document.text[mention.start:mention.end] == mention.text


def test_hotline_handle_and_reading_time_never_become_claims(seed_results: dict[str, Any]
                                                             ) -> None:
    values = {c.number.value for r in seed_results.values() for c in r.claims if c.number}
    assert not values & {454, 9647512451273, 2, 2021, 2014, 2018}
