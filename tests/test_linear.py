"""Loops over hostile input are linear: the work is counted, not timed.

Repeated short units ("10h30 ", a 1.8 MB article of 1,000 claims and 60,000 mentions)
made loops outside the regexes quadratic (a scan of every range or mention per
candidate). Each test counts how often the inputs are read, at n and at 4n, or against a
bound in n: a quadratic path reads them n times over. Timings are in bench/hostile.py.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, overload

import pytest

from newsevents.records import Noise
from newsevents.stages.timex.finder import candidates
from newsevents.web.spans import field_spans, with_field_spans

PAGE_JS = Path(__file__).parents[1] / "src" / "newsevents" / "web" / "static" / "js"


class CountingNoise(Sequence[Noise]):
    """A noise list that counts how many ranges are read."""

    def __init__(self, items: list[Noise]) -> None:
        self.items = items
        self.reads = 0

    def __len__(self) -> int:
        return len(self.items)

    @overload
    def __getitem__(self, index: int) -> Noise: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Noise]: ...
    def __getitem__(self, index: int | slice) -> Noise | Sequence[Noise]:
        self.reads += 1
        return self.items[index]

    def __iter__(self) -> Iterator[Noise]:
        for item in self.items:
            self.reads += 1
            yield item


class CountingDict(dict[str, Any]):
    reads = 0

    def __getitem__(self, key: str) -> Any:
        CountingDict.reads += 1
        return super().__getitem__(key)

    def get(self, key: str, default: Any = None) -> Any:
        CountingDict.reads += 1
        return super().get(key, default)


@pytest.mark.parametrize("unit", ["10h30 ", "le 12 mars ", "2021-03-01 "])
def test_time_candidates_read_each_noise_range_once(unit: str) -> None:
    text = unit * 1_000
    # a one-character range after every unit: never over a time, always in the list
    noise = CountingNoise([Noise(i + len(unit) - 1, i + len(unit), "hashtag")
                           for i in range(0, len(text), len(unit))])
    found = candidates(text, noise)
    assert len(found) >= 1_000
    assert noise.reads <= 2 * len(noise)  # a scan per candidate reads it 1,000 times over


def _hostile_document(claims: int, mentions_per_claim: int) -> dict[str, Any]:
    """Claims one sentence apart, each with its actor, place, time and figure mentions."""
    mentions: list[dict[str, Any]] = []
    claim_dicts: list[dict[str, Any]] = []
    for k in range(claims):
        base = k * 100
        for j in range(mentions_per_claim):
            kind = ("actor", "place", "time", "number")[j % 4]
            mentions.append(CountingDict(
                mention_id=len(mentions), kind=kind, start=base + j, end=base + j + 1,
                id="islamic_state", name="Mossoul", country="IQ", text="mardi",
                value=3, low=None, high=None))
        claim_dicts.append({"claim_id": f"d#{k}", "evidence": {"start": base, "end": base + 90},
                            "qualifier": "exact", "value": 3, "low": None, "high": None,
                            "places": [{"name": "Mossoul", "country": "IQ"}],
                            "time": {"text": "mardi"}, "speaker": {"name": "X"},
                            "actors": ["islamic_state"], "targets": ["iraq"]})
    return {"doc_id": "d", "mentions": mentions, "claims": claim_dicts}


def test_document_spans_read_each_mention_a_bounded_number_of_times() -> None:
    document = _hostile_document(claims=400, mentions_per_claim=8)
    CountingDict.reads = 0
    with_field_spans(document)
    mentions = len(document["mentions"])
    spans = sum(len(c["spans"]) for c in document["claims"])
    assert spans == 400 * 8  # every mention is the span of one field of its claim
    # a scan per claim and field reads 400 x 6 x 3,200 = 7.7 million
    assert CountingDict.reads <= 20 * mentions + 5 * spans


def test_one_claim_field_spans_still_take_a_plain_list() -> None:
    document = _hostile_document(claims=2, mentions_per_claim=4)
    spans = field_spans(document["claims"][1], document["mentions"])
    assert [(s["field"], s["start"]) for s in spans] == [
        ("value", 103), ("places", 101), ("time", 102), ("actors", 100)]


def test_time_and_speaker_outside_the_evidence_link_the_nearest_mention() -> None:
    mentions = [{"mention_id": i, "kind": "time", "start": s, "end": s + 5, "text": "mardi"}
                for i, s in enumerate([0, 40, 300])]
    claim = {"evidence": {"start": 100, "end": 200}, "time": {"text": "mardi"}}
    assert [s["mention"] for s in field_spans(claim, mentions)] == [1]
    claim["evidence"] = {"start": 250, "end": 290}
    assert [s["mention"] for s in field_spans(claim, mentions)] == [2]


_PIECES_PROBE = """
import { pieces } from "%s";
let reads = 0;
const count = (items) => new Proxy(items, { get(target, key) {
  if (typeof key === "string" && /^[0-9]+$/.test(key)) reads += 1;
  return target[key];
} });
const out = {};
for (const n of [500, 2000]) {
  const mentions = [], claims = [];
  for (let k = 0; k < n; k += 1) {
    mentions.push({ mention_id: k, kind: "number", start: 10 * k, end: 10 * k + 3 });
    claims.push({ evidence: { start: 10 * k, end: 10 * k + 8 } });
  }
  reads = 0;
  const result = pieces("x".repeat(10 * n), count(mentions), count(claims));
  out[n] = { reads, pieces: result.length,
             covered: result.filter((p) => p.mention && p.claimIndexes.length).length };
}
console.log(JSON.stringify(out));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="no node to run the page's modules")
def test_page_document_view_cuts_the_text_in_about_linear_reads(tmp_path: Path) -> None:
    module = tmp_path / "document-view.mjs"  # without its DOM import: pieces() needs none
    source = (PAGE_JS / "document-view.js").read_text("utf-8")
    module.write_text("\n".join(line for line in source.splitlines()
                                if not line.startswith("import ")), "utf-8")
    probe = tmp_path / "probe.mjs"
    probe.write_text(_PIECES_PROBE % module.as_posix(), "utf-8")
    run = subprocess.run(["node", str(probe)], capture_output=True, text=True, timeout=120,
                         check=True)
    counts = {int(n): v for n, v in json.loads(run.stdout).items()}
    assert counts[2000]["covered"] == 2000  # every figure inside its claim's evidence
    # n log n grows ~4.5x from 500 to 2,000; a scan of every span per piece grows 16x
    assert counts[2000]["reads"] <= 6 * counts[500]["reads"]


def test_the_cue_lists_tense_is_read_only_for_the_expressions_that_use_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A sentence's tense by the cue lists (a scan of the sentence for verbs) was read for
    every expression: 30% of a 1 MB line's time. Years, clock times and full dates never
    use it: it is read for none of them, and once for a bare weekday."""
    from newsevents.stages.timex import finder

    calls: list[int] = []

    def counting(text: str, start: int, end: int, language: str = "fr") -> int:
        calls.append(start)
        return finder_tense(text, start, end, language)

    finder_tense = finder.sentence_tense
    monkeypatch.setattr(finder, "sentence_tense", counting)
    unit = "Le 12 mars 2021 à 10h30, en 2020, 3 soldats ont été tués. "
    assert finder.find_times(unit * 200, None)
    assert calls == []
    text = "Mardi, 3 soldats ont été tués. " + unit  # no parse: the cue lists say past
    found = finder.resolve_all(text, "2021-03-25", (), (), use_parse=False)
    assert calls == [0] and found[0].resolved.value == "2021-03-23"


def test_the_paragraph_of_each_time_is_found_by_bisection() -> None:
    from newsevents.stages.timex.finder import _line_breaks

    text = "a\nbb\n\nccc\n" + "d" * 50
    before = _line_breaks(text)
    assert [before(at) for at in range(len(text) + 1)] == [
        text.rfind("\n", 0, at) for at in range(len(text) + 1)]


def test_whether_a_mention_opens_its_line_reads_back_over_blanks_only() -> None:
    from newsevents.records import opens_line

    text = "KYIV (Reuters)\n  \tGAO : x\nA B\n" + "mot " * 50
    for at in range(len(text) + 1):
        line_start = text.rfind("\n", 0, at) + 1
        assert opens_line(text, at) is not bool(text[line_start:at].strip())
