"""The claims stage on a table of our own sentences across conflicts, French and English
(`tests/data/claims_table.yaml`: each case names what it tests)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from newsevents.pipeline import process_document
from newsevents.reader import text_document

CASES = yaml.safe_load((Path(__file__).parent / "data" / "claims_table.yaml").read_text("utf-8"))


def _claims(case: dict[str, Any]) -> list[dict[str, Any]]:
    doc = text_document(case["text"], doc_id="case", date=str(case["date"]))
    return [c.to_dict() for c in process_document(doc).claims]


def _mismatches(expected: dict[str, Any], claim: dict[str, Any]) -> list[str]:
    wrong = []
    for key, value in expected.items():
        if key in ("actors", "targets"):
            if not set(value) <= set(claim[key]):
                wrong.append(f"{key}: {claim[key]} lacks {value}")
        elif key == "country":
            if value not in {p["country"] for p in claim["places"]}:
                wrong.append(f"country: {[p['country'] for p in claim['places']]} lacks {value}")
        elif key == "places":
            if [p["name"] for p in claim["places"]] != value:
                wrong.append(f"places: {[p['name'] for p in claim['places']]} != {value}")
        elif key == "time":
            if not (claim["time"]["start"] or "").startswith(str(value)):
                wrong.append(f"time: {claim['time']} does not start with {value}")
        elif key == "speaker":
            name = (claim["speaker"] or {}).get("name") or ""
            if str(value).lower() not in name.lower():
                wrong.append(f"speaker: {name!r} lacks {value!r}")
        elif claim.get(key) != value:
            wrong.append(f"{key}: {claim.get(key)!r} != {value!r}")
    return wrong


@pytest.mark.parametrize("case", CASES, ids=[c["note"] for c in CASES])
def test_claim_table(case: dict[str, Any]) -> None:
    claims = [c for c in _claims(case) if not c["negated"]]
    expected = case["claims"]
    summary = [(c["event_type"], c["measure"], c["value"], c["low"], c["high"]) for c in claims]
    assert len(claims) == len(expected), summary
    for want, got in zip(expected, claims, strict=True):
        assert not _mismatches(want, got), (_mismatches(want, got), got["evidence"]["text"])


def test_table_covers_enough_claims_and_conflicts() -> None:
    with_claims = [c for c in CASES if c["claims"]]
    assert len(with_claims) >= 45
    assert sum(len(c["claims"]) for c in CASES) >= 50
