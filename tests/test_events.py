"""Merging claims into events, figures and disagreements, timeline aggregates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsevents.events import figure_bounds, merge_claims, timeline
from newsevents.events.compat import claims_compatible, is_period_total
from newsevents.events.figures import best_figure, independent_sources
from newsevents.store import Store

from .data.events_corpus import corpus

PLACES: dict[str, dict[str, Any]] = {
    "mosul": {"name": "Mosul", "country": "IQ", "admin1": "Nineveh", "lat": 36.34,
              "lon": 43.13, "precision": "town"},
    "qayyarah": {"name": "Qayyarah", "country": "IQ", "admin1": "Nineveh", "lat": 35.80,
                 "lon": 43.29, "precision": "town"},
    "tal_afar": {"name": "Tal Afar", "country": "IQ", "admin1": "Nineveh", "lat": 36.37,
                 "lon": 42.45, "precision": "town"},
    "nineveh": {"name": "Nineveh", "country": "IQ", "admin1": "Nineveh", "lat": 36.0,
                "lon": 42.5, "precision": "admin1"},
    "iraq": {"name": "Iraq", "country": "IQ", "lat": 33.0, "lon": 44.0, "precision": "country"},
    "raqqa": {"name": "Raqqa", "country": "SY", "admin1": "Raqqa", "lat": 35.95, "lon": 39.01,
              "precision": "town"},
    "gao": {"name": "Gao", "country": "ML", "admin1": "Gao", "lat": 16.27, "lon": -0.04,
            "precision": "town"},
    "gao_near": {"name": "Gao", "country": "ML", "admin1": "Gao", "lat": 16.40, "lon": 0.10,
                 "precision": "near"},
    "menaka": {"name": "Ménaka", "country": "ML", "admin1": "Ménaka", "lat": 15.92,
               "lon": 2.40, "precision": "town"},
    "menaka_plain": {"name": "Menaka", "country": "ML", "lat": None, "lon": None,
                     "precision": "town"},
    "kandahar": {"name": "Kandahar", "country": "AF", "admin1": "Kandahar", "lat": 31.61,
                 "lon": 65.71, "precision": "town"},
}


def claim(n: int, **overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "doc": f"doc{n}", "claim_id": f"doc{n}#1", "language": "fr",
        "event_type": "air_strike", "measure": "strikes", "value": 10, "low": None,
        "high": None, "qualifier": "exact", "best": 10, "negated": False,
        "actors": ["coalition"], "targets": ["islamic_state"], "places": [PLACES["mosul"]],
        "time": {"start": "2017-06-03", "end": "2017-06-03", "granularity": "day"},
        "speaker": None, "outlet": None, "evidence": {"text": "", "start": 0, "end": 10},
    }
    if "place" in overrides:
        overrides["places"] = [PLACES[overrides.pop("place")]]
    if "day" in overrides:
        day = overrides.pop("day")
        overrides["time"] = {"start": day, "end": day, "granularity": "day"}
    base.update(overrides)
    return base


# (what it tests, overrides of the second claim, same event?)
PAIRS = [
    ("same town, same day (Iraq)", {}, True),
    ("Mossoul/Mosul exonym via coordinates", {"places": [{**PLACES["mosul"], "name": "Mossoul"}]},
     True),
    ("town inside the admin1 named by the other", {"place": "nineveh"}, True),
    ("town inside the country named by the other", {"place": "iraq"}, True),
    ("Qayyarah, 60 km south of Mosul", {"place": "qayyarah"},
     False),
    ("Tal Afar 60 km west of Mosul", {"place": "tal_afar"}, False),
    ("different country (Syria)", {"place": "raqqa"}, False),
    ("unknown place agrees", {"places": []}, True),
    ("next day does not overlap", {"day": "2017-06-04"}, False),
    ("month interval contains the day",
     {"time": {"start": "2017-06-01", "end": "2017-06-30", "granularity": "month"}}, True),
    ("unknown actor agrees", {"actors": ["unknown"]}, True),
    ("disjoint actors (Russia vs coalition)", {"actors": ["russia"]}, False),
    ("overlapping actors", {"actors": ["united_states", "coalition"]}, True),
    ("different targets", {"targets": ["civilians"]}, False),
    ("different figure, still compatible", {"value": 14, "best": 14}, True),
    ("an actor that is also the target says nothing about who acted",
     {"actors": ["islamic_state"]}, True),
]


@pytest.mark.parametrize(("what", "overrides", "same"), PAIRS, ids=[p[0] for p in PAIRS])
def test_pair_compatibility(what: str, overrides: dict[str, Any], same: bool) -> None:
    a, b = claim(1), claim(2, **overrides)
    assert claims_compatible(a, b) is same
    assert claims_compatible(b, a) is same
    assert (len(merge_claims([a, b])) == 1) is same


SAHEL_PAIRS = [
    ("Gao and 'near Gao' (Mali)", "gao", "gao_near", True),
    ("Ménaka and Menaka without coordinates (accents)", "menaka", "menaka_plain", True),
    ("Gao and Ménaka, 270 km apart", "gao", "menaka", False),
    ("Mali and Afghanistan", "gao", "kandahar", False),
]


@pytest.mark.parametrize(("what", "pa", "pb", "same"), SAHEL_PAIRS,
                         ids=[p[0] for p in SAHEL_PAIRS])
def test_place_nesting_sahel(what: str, pa: str, pb: str, same: bool) -> None:
    base = {"actors": ["france"], "targets": ["jnim"], "measure": "neutralized"}
    a, b = claim(1, place=pa, **base), claim(2, place=pb, **base)
    assert claims_compatible(a, b) is same


@pytest.mark.parametrize(("type_a", "type_b", "same"), [
    ("attack", "violence_against_civilians", True),  # one ACLED type, outlets differ
    ("air_strike", "shelling", False),
    ("armed_clash", "attack", False),
])
def test_event_type_families(type_a: str, type_b: str, same: bool) -> None:
    base = {"measure": "fatalities_civilians", "actors": ["boko_haram"],
            "targets": ["civilians"], "place": "gao"}
    events = merge_claims([claim(1, event_type=type_a, **base),
                           claim(2, event_type=type_b, **base)])
    assert (len(events) == 1) is same


def test_negated_never_merges_with_positive() -> None:
    positive = claim(1, place="gao", actors=["france"])
    denial = claim(2, place="gao", actors=["france"], negated=True, value=None, best=None,
                   qualifier=None)
    events = merge_claims([positive, denial])
    assert len(events) == 2
    assert sorted(e["negated"] for e in events) == [False, True]


def test_period_total_stays_apart_from_single_events() -> None:
    total = claim(1, value=29307, best=29307, places=[PLACES["iraq"]],
                  time={"start": "2014-08-01", "end": "2018-03-31", "granularity": "range"})
    single = claim(2, day="2017-06-03")
    assert is_period_total(total) and not is_period_total(single)
    events = merge_claims([total, single])
    assert sorted(e["is_total"] for e in events) == [False, True]


def test_complete_linkage_does_not_chain() -> None:
    # B (a month) overlaps A (1 June) and C (30 June), but A and C are different days.
    a = claim(1, day="2017-06-01")
    b = claim(2, time={"start": "2017-06-01", "end": "2017-06-30", "granularity": "month"})
    c = claim(3, day="2017-06-30")
    groups = merge_claims([a, b, c])
    assert len(groups) == 2


def _sentence_claim(number: int, best: int, sentence: tuple[int, int]) -> dict[str, Any]:
    """Claim ``doc1#number`` of one article, with its figure and its sentence's offsets."""
    return claim(1, claim_id=f"doc1#{number}", value=best, best=best,
                 measure="fatalities", event_type="attack", targets=["civilians"],
                 evidence={"text": "", "start": sentence[0], "end": sentence[1]})


def _grouped(claims: list[dict[str, Any]]) -> list[list[str]]:
    """The claim ids of each event the claims merge into, sorted."""
    return sorted(sorted(c["claim_id"] for c in e["claims"]) for e in merge_claims(claims))


def test_a_restatement_joins_its_figure_even_after_another_figure_of_its_article() -> None:
    # "22 civils tués" (headline); then "13 femmes parmi les 22 victimes": the 13 comes
    # first in the second sentence and cannot share an event with that sentence's 22, but
    # the two 22s are one count.
    assert _grouped([_sentence_claim(1, 22, (0, 40)), _sentence_claim(2, 13, (50, 120)),
                     _sentence_claim(3, 22, (50, 120))]) == [["doc1#1", "doc1#3"], ["doc1#2"]]


def test_an_articles_claims_are_taken_in_its_own_order() -> None:
    # Claim 10 of an article comes after claim 8 (not before it, as "#10" < "#8" as text):
    # the 14 of claims 1 and 8 is one event, the 2 of claim 10's sentence another.
    assert _grouped([_sentence_claim(1, 14, (0, 40)), _sentence_claim(10, 2, (50, 120)),
                     _sentence_claim(8, 14, (50, 120))]) == [["doc1#1", "doc1#8"], ["doc1#10"]]


FIGURES = [
    # (claims as (value, low, high, qualifier, outlet, speaker), best, low, high, conflict)
    ("two outlets say 312, one says about 300",
     [(312, None, None, "exact", "AFP", "Marotto"),
      (312, None, None, "exact", "Reuters", "Marotto"),
      (300, None, None, "about", "RFI", "official")], 312, 300, 312, False),
    ("at least 30 vs exactly 12 disagree",
     [(None, 30, None, "at_least", "Lake Chad Post", "official"),
      (12, None, None, "exact", "Radio Sahel", "army")], 12, 12, 30, True),
    ("tie between 20 and 21: the lowest",
     [(None, 20, None, "at_least", "A", "police"), (None, 21, None, "at_least", "B", "police")],
     20, 20, 21, False),
    ("dozens (12-99) and 45 agree",
     [(None, 12, 99, "dozens", "A", "x"), (45, None, None, "exact", "B", "y")], 12, 12, 99, False),
    ("fewer than 120 vs 150 disagree",
     [(None, None, 120, "less_than", "A", "x"), (150, None, None, "exact", "B", "y")],
     150, 150, 150, True),
    ("same speaker twice in one outlet counts once",
     [(27, None, None, "exact", "AFP", "Wayne Marotto"),
      (30, None, None, "exact", "AFP", "Col. Wayne Marotto"),
      (30, None, None, "exact", "AFP", "Marotto")], 27, 27, 30, True),
]


def _figure_claims(rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    out = []
    for i, (value, low, high, qualifier, outlet, speaker) in enumerate(rows):
        best = value if qualifier in ("exact", "about") else (
            None if qualifier == "less_than" else low)
        out.append(claim(i, measure="fatalities", value=value, low=low, high=high,
                         qualifier=qualifier, best=best, outlet=outlet,
                         speaker={"name": speaker}))
    return out


@pytest.mark.parametrize(("what", "rows", "best", "low", "high", "conflict"), FIGURES,
                         ids=[f[0] for f in FIGURES])
def test_event_figures(what: str, rows: list[tuple[Any, ...]], best: int, low: int,
                       high: int, conflict: bool) -> None:
    claims = _figure_claims(rows)
    events = merge_claims(claims)
    assert len(events) == 1
    event = events[0]
    assert (event["best"], event["low"], event["high"]) == (best, low, high)
    assert event["conflicting"] is conflict


def test_independent_sources_and_best_by_sources() -> None:
    claims = _figure_claims([(27, None, None, "exact", "AFP", "Wayne Marotto"),
                             (30, None, None, "exact", "AFP", "Col. Wayne Marotto"),
                             (30, None, None, "exact", "AFP", "Marotto")])
    assert independent_sources(claims) == 1
    # 27 and 30 come from the same single source: a tie, settled by the lowest figure.
    assert best_figure(claims) == 27


@pytest.mark.parametrize(("qualifier", "value", "low", "high", "bounds"), [
    ("exact", 5, None, None, (5, 5)),
    ("about", 300, None, None, (270, 330)),
    ("at_least", None, 786, None, (786, float("inf"))),
    ("less_than", None, None, 120, (0, 120)),
    ("tens", None, 10, 99, (10, 99)),
])
def test_figure_bounds(qualifier: str, value: Any, low: Any, high: Any,
                       bounds: tuple[float, float]) -> None:
    got = figure_bounds({"qualifier": qualifier, "value": value, "low": low, "high": high})
    assert got == pytest.approx(bounds)


# -- the corpus ---------------------------------------------------------------------------

def _scores(store: Store) -> dict[str, float]:
    claims = {c["claim_id"]: c for c in store.claims()}
    return corpus.pairwise_scores(store.events(), corpus.gold(), claims)


def test_corpus_merge_precision_recall_hand_claims(tmp_path: Path) -> None:
    store = Store(tmp_path / "hand.db")
    for result in corpus.hand_results():
        store.ingest_result(result, ingested_at="2024-01-01T00:00:00+00:00")
    scores = _scores(store)
    print(f"\nhand claims: pairwise merge precision {scores['precision']:.3f}, "
          f"recall {scores['recall']:.3f} over {scores['matched_claims']:.0f} claims")
    assert scores["matched_claims"] == len(corpus.gold())
    assert scores["precision"] >= 0.95
    assert scores["recall"] >= 0.95


@pytest.mark.skipif(not corpus.pipeline_available(), reason="pipeline.process_document missing")
def test_corpus_merge_precision_recall_real_pipeline(tmp_path: Path) -> None:
    from newsevents.pipeline import process_document

    store = Store(tmp_path / "pipeline.db")
    for document in corpus.articles():
        store.ingest_result(process_document(document))
    scores = _scores(store)
    print(f"\npipeline: pairwise merge precision {scores['precision']:.3f}, "
          f"recall {scores['recall']:.3f} over {scores['matched_claims']:.0f} claims, "
          f"{scores['gold_events_covered']:.0%} of gold events extracted")
    assert scores["precision"] >= 0.95
    assert scores["recall"] >= 0.95


def _corpus_events(tmp_path: Path) -> list[dict[str, Any]]:
    store = Store(tmp_path / "events.db")
    for result in corpus.hand_results():
        store.ingest_result(result)
    return store.events()


def test_corpus_disagreement_and_total(tmp_path: Path) -> None:
    events = _corpus_events(tmp_path)
    conflicting = [e for e in events if e["conflicting"]]
    assert [e["measure"] for e in conflicting] == ["fatalities_civilians"]
    assert conflicting[0]["country"] == "NG"
    assert {s["best"] for s in conflicting[0]["claims"]} == {30, 12}
    totals = [e for e in events if e["is_total"]]
    assert [(t["best"], t["sources"], t["languages"]) for t in totals] == [
        (29307, 2, ["en", "fr"])]


def test_timeline_reports_a_period_total_once_and_never_a_fraction(tmp_path: Path) -> None:
    events = [e for e in _corpus_events(tmp_path) if e["measure"] == "strikes"]
    rows = timeline(events, by="month")
    totals = [r for r in rows if r["kind"] == "total"]
    # "29,307 strikes from August 2014 to March 2018": one row over its whole period, not
    # 44 monthly shares of it.
    assert [(t["start"], t["end"], t["value"]) for t in totals] == [
        ("2014-08-01", "2018-03-31", 29307)]
    months = {r["period"]: r for r in rows if r["kind"] == "period"}
    assert months["2018-03"]["value"] == 14  # the single events, beside the total
    assert all(isinstance(r["value"], int) for r in rows)
    assert len(months) < 10


def test_timeline_puts_an_event_longer_than_a_period_in_a_span() -> None:
    week = {"best": 7, "time": {"start": "2018-03-28", "end": "2018-04-03"},
            "is_total": False, "claims": [{"qualifier": "exact", "best": 7}]}
    rows = timeline([week], by="month")
    assert [(r["kind"], r["period"], r["value"]) for r in rows] == [
        ("span", "2018-03-28/2018-04-03", 7)]


def test_timeline_tells_bounded_and_hedged_figures() -> None:
    firm = {"best": 10, "time": {"start": "2018-03-02", "end": "2018-03-02"},
            "claims": [{"qualifier": "exact", "best": 10, "hedged": False}]}
    bound = {"best": 150, "time": {"start": "2018-03-03", "end": "2018-03-03"},
             "claims": [{"qualifier": "more_than", "best": 150, "hedged": True}]}
    (row,) = timeline([firm, bound], by="month")
    assert (row["value"], row["bounded"], row["hedged"], row["n_events"]) == (160, 150, 150, 2)


@pytest.mark.parametrize(("by", "label"), [("week", "2018-W12"), ("month", "2018-03"),
                                           ("year", "2018")])
def test_timeline_buckets(by: str, label: str) -> None:
    event = {"best": 14, "time": {"start": "2018-03-20", "end": "2018-03-20"},
             "is_total": False}
    assert [r["period"] for r in timeline([event], by=by)] == [label]
