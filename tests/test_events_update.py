"""Updating the events block by block gives exactly what merging everything again gives."""

from __future__ import annotations

import dataclasses
import json
import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from newsevents.events import merge_claims
from newsevents.store import Store, claim_from_dict
from newsevents.store.eventsync import touched_blocks

from .data.events_corpus import corpus

FIXED = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def _store(tmp_path: Path) -> Store:
    return Store(tmp_path / "store.db", clock=lambda: FIXED)


def _merged_from_scratch(store: Store) -> list[dict[str, Any]]:
    """What a full merge of the store's current claims gives, as stored (JSON)."""
    merged: list[dict[str, Any]] = json.loads(json.dumps(merge_claims(store.claims()),
                                                         ensure_ascii=False))
    return merged


def _shift(iso: str | None, days: int) -> str | None:
    if not iso or len(iso) < 10:
        return iso
    return (date.fromisoformat(iso[:10]) + timedelta(days=days)).isoformat()


def _variant(result: Any, doc_id: str, rng: random.Random) -> Any:
    """Another report of (maybe) the same events: dates shifted by 0-40 days, other
    figures, sometimes a denial; claims that land in the same blocks as the original."""
    days = rng.choice([0, 0, 1, 3, 40])
    document = dataclasses.replace(result.document, doc_id=doc_id, url=None,
                                   text=f"{result.document.text} ({doc_id})")
    claims = []
    for claim in result.claims:
        data = claim.to_dict()
        time = dict(data.get("time") or {})
        time["start"], time["end"] = _shift(time.get("start"), days), _shift(time.get("end"),
                                                                               days)
        data.update(doc=doc_id, claim_id=data["claim_id"].replace(result.document.doc_id,
                                                                 doc_id), time=time)
        if data.get("value") is not None and rng.random() < 0.5:
            data["value"] = data["best"] = max(1, int(data["value"]) + rng.randint(-10, 10))
        if rng.random() < 0.1:
            data["negated"] = not data.get("negated")
        claims.append(claim_from_dict(data))
    return dataclasses.replace(result, document=document, claims=claims)


def _new_version(result: Any, rng: random.Random) -> Any:
    """The same document id, edited text, other figures, some claims gone (a corrected
    report): supersedes the stored version, whose claims leave their events."""
    document = dataclasses.replace(result.document, text=result.document.text + " (mis à jour)")
    value = rng.randint(1, 400)
    claims = []
    for claim in result.claims:
        if rng.random() < 0.4:
            continue
        data = claim.to_dict()
        if data.get("value") is not None:
            data["value"] = data["best"] = value
        claims.append(claim_from_dict(data))
    return dataclasses.replace(result, document=document, claims=claims)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_updates_after_every_write_equal_a_merge_from_scratch(tmp_path: Path,
                                                              seed: int) -> None:
    rng = random.Random(seed)
    originals = corpus.hand_results()
    results = [*originals,
               *(_variant(rng.choice(originals), f"variant-{seed}-{i}", rng) for i in range(30))]
    rng.shuffle(results)
    store = _store(tmp_path)
    for position, result in enumerate(results):
        store.ingest_result(result)
        if position % 3 == 0:  # several writes between reads, too
            assert store.events() == _merged_from_scratch(store), position
    # New versions: claims superseded, events that must lose them or change figures.
    for result in rng.sample(results, 8):
        store.ingest_result(_new_version(result, rng))
        assert store.events() == _merged_from_scratch(store)
    assert touched_blocks(store.conn) == set()
    incremental = store.canonical_dump(), store.events()
    assert store.rebuild_events() == len(incremental[1])
    assert (store.canonical_dump(), store.events()) == incremental


def _event_rowids(store: Store) -> dict[str, int]:
    return dict(store.conn.execute("SELECT event_key, id FROM events").fetchall())


def test_an_update_rewrites_only_the_events_of_touched_blocks(tmp_path: Path) -> None:
    store = _store(tmp_path)
    results = corpus.hand_results()
    for result in results:
        store.ingest_result(result)
    before = store.events()
    rowids = _event_rowids(store)
    assert touched_blocks(store.conn) == set()
    # A second report of the Mogadishu attack: one block (fatalities), one event changes.
    mogadishu = next(r for r in results if "mogadiscio" in r.document.doc_id)
    blocks = {(c.measure or "", c.negated) for c in mogadishu.claims}
    store.ingest_result(_variant(mogadishu, "second-mogadishu", random.Random(7)), events=False)
    assert {(measure, negated) for measure, _, negated, _ in touched_blocks(store.conn)} \
        == blocks
    written = store.update_events()
    after = _event_rowids(store)
    assert 1 <= written <= len(mogadishu.claims)
    unchanged = [e for e in before if e["measure"] not in {m for m, _ in blocks}]
    assert unchanged and all(after[e["event_id"]] == rowids[e["event_id"]] for e in unchanged)
    assert store.events() == _merged_from_scratch(store)


def test_a_store_whose_events_were_never_built_is_merged_in_full(tmp_path: Path) -> None:
    store = _store(tmp_path)
    for result in corpus.hand_results():
        store.ingest_result(result, events=False)
    assert store.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 0
    assert store.events() == [] and not store.events_current()  # a read never merges
    assert store.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 0
    store.ensure_events()
    assert store.events() == _merged_from_scratch(store) and store.events_current()
    assert store.update_events() == 0  # nothing changed since
