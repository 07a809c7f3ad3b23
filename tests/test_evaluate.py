"""Scoring as CONTRACT.md defines it: optimal pairs, empty gold slots unscored, one place,
speaker in name or role, figures per language."""

from __future__ import annotations

from typing import Any

from newsevents.evaluate import evaluate, evaluate_by_language

TEXT = "Trois soldats ont été tués. Trois civils ont été tués à Gao."


def _gold(**fields: Any) -> dict[str, Any]:
    record = {"doc": "a.txt", "id": "a-1", "event_type": "armed_clash", "measure": "fatalities",
              "value": 3, "low": None, "high": None, "actors": [], "targets": [],
              "places": [], "time": None, "speaker": None, "channel": None, "outlet": None,
              "evidence": "Trois soldats ont été tués"}
    record.update(fields)
    return record


def _claim(claim_id: str, **fields: Any) -> dict[str, Any]:
    record = {"doc": "a.txt", "claim_id": claim_id, "event_type": "armed_clash",
              "measure": "fatalities", "value": 3, "low": None, "high": None,
              "actors": ["unknown"], "targets": [], "places": [], "time": {},
              "speaker": None, "channel": None, "outlet": None,
              "evidence": {"text": "", "start": 0, "end": 26}}
    record.update(fields)
    return record


def test_pairs_are_chosen_for_the_most_agreeing_slots_not_in_order() -> None:
    gold = [_gold(id="a-1", actors=["jnim"]), _gold(id="a-2", actors=["state:ML"])]
    # Greedy pairing in order would give a-1 the first claim and lose both actor slots.
    predicted = [_claim("a#1", actors=["state:ML"]), _claim("a#2", actors=["jnim"])]
    report = evaluate(gold, predicted, {"a.txt": TEXT})
    assert report.matched == 2
    assert report.slot_accuracy()["actors"] == 1.0


def test_a_slot_the_gold_leaves_empty_is_not_scored() -> None:
    report = evaluate([_gold(actors=["unknown"])],
                      [_claim("a#1", outlet="AFP", speaker={"name": "X", "role": None})],
                      {"a.txt": TEXT})
    accuracy = report.slot_accuracy()
    assert accuracy["actors"] == 1.0
    assert "outlet" not in accuracy and "speaker" not in accuracy


def test_one_gold_place_matched_by_country_and_name_is_enough() -> None:
    gold = [_gold(places=[{"name": ["Gao"], "country": "ML"},
                          {"name": ["Mali"], "country": "ML"}])]
    got = [{"name": "Gao", "text": "Gao", "country": "ML"}]
    assert evaluate(gold, [_claim("a#1", places=got)], {"a.txt": TEXT}).slot_accuracy()[
        "places"] == 1.0


def test_the_speaker_is_found_in_name_or_role() -> None:
    gold = [_gold(speaker="armée malienne")]
    got = {"name": "Souleymane Dembélé", "role": "porte-parole de l'armée malienne"}
    assert evaluate(gold, [_claim("a#1", speaker=got)], {"a.txt": TEXT}).slot_accuracy()[
        "speaker"] == 1.0


def test_scores_per_language() -> None:
    gold = [_gold(), _gold(doc="b.txt", id="b-1")]
    predicted = [_claim("a#1"), _claim("b#1", doc="b.txt", value=4)]
    parts = evaluate_by_language(gold, predicted, {"a.txt": TEXT, "b.txt": TEXT},
                                 {"a.txt": "fr", "b.txt": "en"})
    assert parts["fr"].f1 == 1.0
    assert parts["en"].f1 == 0.0


def test_the_gold_outlet_is_found_within_the_predicted_one() -> None:
    gold = [_gold(outlet="al-Massira")]
    for got, right in (("Al-Massira", 1.0), ("télévision al-Massira", 1.0), ("AFP", 0.0),
                       (None, 0.0)):
        report = evaluate(gold, [_claim("a#1", outlet=got)], {"a.txt": TEXT})
        assert report.slot_accuracy()["outlet"] == right, got
