"""Hostile input never crashes the readers or the pipeline, and offsets stay true.

The fast subset of ``bench/fuzz.py`` (which runs 10,000 cases with a hang detector):
hypothesis drives text built from the example articles and claim sentences, mutated with
bidi marks, control characters, combining marks, mixed scripts, NULs and lone surrogates;
the readers get raw bytes as .txt, .jsonl and .html files. Invariants
(``fuzz_support.check_result``): ``process_document`` on a Document never raises; every
mention's offsets are inside the text and its text is its span; claims' evidence is too.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.pipeline import process_document
from newsevents.records import Document
from tests.fuzz_support import (
    BIDI,
    COMBINING,
    CONTROL,
    SCRIPTS,
    SURROGATES,
    Case,
    check_result,
    make_case,
    mutated_article,
    run_case,
    seed_texts,
)

FUZZ = settings(max_examples=150, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

hostile_characters = st.sampled_from(BIDI + CONTROL + COMBINING + SURROGATES + SCRIPTS
                                     + ["\x00", "’", "«", "»", "1", " ", "-", "\n"])
iso_dates = st.sampled_from([None, "2021-03", "2018-05-01", "2023", "0000-00", "9999-12-31",
                             "2021-13-45", "2020-02-30"])


@st.composite
def spliced_articles(draw: st.DrawFn) -> str:
    """A seed text with hostile characters and text spliced in at drawn positions."""
    text = draw(st.sampled_from(seed_texts()))
    for _ in range(draw(st.integers(1, 6))):
        position = draw(st.integers(0, len(text)))
        insert = draw(st.one_of(hostile_characters, st.text(max_size=20)))
        text = text[:position] + insert + text[position:]
    return text


@FUZZ
@given(text=spliced_articles(), date=iso_dates)
def test_pipeline_on_spliced_articles(text: str, date: str | None) -> None:
    check_result(process_document(Document("fuzz", text, date=date)))


@FUZZ
@given(text=st.text(min_size=1, max_size=400), date=iso_dates)
def test_pipeline_on_arbitrary_text(text: str, date: str | None) -> None:
    check_result(process_document(Document("fuzz", text, date=date)))


@FUZZ
@given(seed=st.integers(0, 2**32 - 1))
def test_pipeline_on_mutated_articles(seed: int) -> None:
    """Spans deleted, duplicated and shuffled, noise inserted (fuzz_support.mutate)."""
    text = mutated_article(random.Random(seed))
    check_result(process_document(Document("fuzz", text)))


@settings(max_examples=60, deadline=None, derandomize=True)
@given(data=st.binary(max_size=2000), kind=st.sampled_from(["txt", "jsonl", "html"]))
def test_readers_on_random_bytes(data: bytes, kind: str) -> None:
    """Random bytes as a file of each kind: Documents or InputErrors, nothing else."""
    run_case(Case(0, kind, "random bytes", data))


@pytest.mark.parametrize("index", range(40))
def test_bench_cases_small(index: int) -> None:
    """The bench's own generator (without 1 MB lines and 100k-line JSONL): HTML nested
    2,000 deep, broken HTML, hostile JSONL, re-encoded text files, adversarial runs."""
    run_case(make_case(index, seed=20261128, big=False))


@pytest.mark.parametrize("text", [
    "Au moins 23 soldats \ud800 ont été tués mardi près de Gao.",  # lone surrogate
    "\udfff" * 50,
    "Au moins \u202e23 soldats\u2066 ont été tués\u2069 près de Mossoul.",
    "Au moins 23\x00 soldats ont été tués.\x00\x00",
    "Pre\u0301s de Gao, 2\u03013 soldats ont e\u0301te\u0301 tue\u0301s.",
    "قُتل 23 جندياً في الموصل. Au moins 12 civils ont été tués à Alep. 在摩苏尔",
])
def test_hostile_characters_keep_offsets(text: str) -> None:
    result = process_document(Document("hostile", text, date="2023-05-10"))
    check_result(result)
    assert len(result.document.text) == len(text)


@pytest.mark.parametrize("date", ["0000-00", "0001-01-01", "9999-12-31", "2021-13-45"])
def test_dates_off_the_calendar_do_not_crash(date: str) -> None:
    """Regression: year 0 and 9999 overflowed the time resolution; month 13 the claims'
    fallback time."""
    text = ("Au moins 23 soldats ont été tués mardi près de Gao. L'année suivante, "
            "le mois prochain, 40 civils ont été tués à Mossoul il y a trois jours.")
    result = process_document(Document("calendar", text, date=date))
    check_result(result)
    assert result.claims


@settings(max_examples=100, deadline=None, derandomize=True)
@given(spans=st.lists(st.tuples(st.integers(0, 200), st.integers(0, 30)), max_size=40),
       start=st.integers(0, 220), length=st.integers(0, 80))
def test_within_by_bisection_equals_a_scan(spans: list[tuple[int, int]], start: int,
                                           length: int) -> None:
    """Regression: claims' `within` bisects (a scan per sentence was quadratic on 1 MB
    documents); it must pick exactly what the scan picked."""
    from newsevents.records import NumberMention
    from newsevents.stages.claims.slots import within

    items = sorted((NumberMention(s, s + n, "x", 1, None, None, "exact") for s, n in spans),
                   key=lambda m: m.start)
    end = start + length
    scanned = [m for m in items if start <= m.start and m.end <= end]
    assert within(items, start, end, None) == scanned
