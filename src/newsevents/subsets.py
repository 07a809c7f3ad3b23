"""Subsets linked to their totals: "au moins 89 morts, dont 31 civils".

A figure introduced by a subset cue ("dont", "parmi eux", "including", "among them";
``data/subsets.yaml``) right after another figure of the same sentence counts part of what
that figure counts; so does a figure followed by its noun and a cue that names the total
next ("13 femmes parmi les 22 victimes", "12 of the 40 dead"), or one that points back at it
("30 wounded, two of them children"). The subset keeps its own claim, with ``part_of`` set
to the total's claim id, so events, the timeline and the exports never add the two (CONTRACT.md).

Works on one document's claims with their number offsets; each claim is compared with the
figure just before it only (claims sorted by offset: linear in the number of claims).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

import yaml

from newsevents.records import Claim

MAX_GAP = 160  # characters between a total's figure and its subset's figure
# Between a part's figure and its total's ("femmes parmi les"): the part's noun and the cue.
MAX_GAP_BEFORE = 60
_SENTENCE_END = re.compile(r"[.!?;]\s|\n")


class _Cues(NamedTuple):
    follows_total: re.Pattern[str]  # ends the text between total and part: "dont"
    names_total: re.Pattern[str]  # ends the text between part and total: "parmi les"
    after_part: re.Pattern[str]  # starts the text after the part: "of them"


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[_Cues, dict[str, frozenset[str]]]:
    raw = resources.files("newsevents.data").joinpath("subsets.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(raw)
    # The cue ends the gap, up to a comma, a parenthesis or a dash before the figure.
    pattern = re.compile(rf"(?:^|[\s,(—–-])(?:{_alternatives(data)})\s*[:(]?\s*\Z",
                         re.IGNORECASE)
    before = re.compile(rf"(?:^|\s)(?:{_alternatives(data.get('before') or {})})\s*\Z",
                        re.IGNORECASE)
    after = re.compile(rf"\s{{0,3}}(?:{_alternatives(data.get('after') or {})})\b",
                       re.IGNORECASE)
    measures = {k: frozenset(v) for k, v in (data.get("measures") or {}).items()}
    return _Cues(pattern, before, after), measures


def _alternatives(cues_by_language: dict[str, Any]) -> str:
    """One alternation of every language's cues, longest first."""
    cues = sorted({cue for lang in ("fr", "en") for cue in cues_by_language.get(lang) or []},
                  key=len, reverse=True)
    # A cue's spaces match any run of spaces, its apostrophe either apostrophe.
    return "|".join(re.escape(c).replace(r"\ ", r"\s+").replace("'", "['’]") for c in cues)


def _upper(claim: Claim) -> float | None:
    number = claim.number
    if number is None:
        return None
    for value in (number.value, number.high):
        if value is not None:
            return float(value)
    return float("inf") if number.low is not None else None


def is_subset(text: str, total: Claim, part: Claim) -> bool:
    """Whether ``part``'s figure is introduced as a subset of ``total``'s figure."""
    a, b = total.number, part.number
    if a is None or b is None or a.start < 0 or b.start < 0:
        return False
    cues, measures = _vocabulary()
    # The gap's length is checked before any cue is looked for in it: a bounded search.
    if a.end <= b.start:  # "89 morts, dont 31 civils"; "30 wounded, two of them children"
        gap = text[a.end:b.start]
        cued = len(gap) <= MAX_GAP and bool(
            cues.follows_total.search(gap) or cues.after_part.match(text, b.end, b.end + 40))
    elif b.end <= a.start:  # "13 femmes parmi les 22 victimes"
        gap = text[b.end:a.start]
        cued = len(gap) <= MAX_GAP_BEFORE and bool(cues.names_total.search(gap))
    else:
        return False
    if not cued or _SENTENCE_END.search(gap):
        return False
    if total.measure not in measures.get(part.measure or "", frozenset()):
        return False
    upper, part_best = _upper(total), b.best
    return upper is not None and part_best is not None and part_best <= upper


def link_subsets(text: str, claims: Sequence[Claim]) -> list[Claim]:
    """The claims with ``part_of`` set on each subset (same order as given)."""
    located = sorted((c for c in claims if c.number is not None and c.number.start >= 0),
                     key=lambda c: (c.number.start if c.number else 0))
    parent: dict[str, str] = {}
    for before, after in itertools.pairwise(located):
        if after.part_of is None and is_subset(text, before, after):
            # A subset of a subset is part of the first total ("dont 31 civils, dont 12
            # enfants" counts within the 89 too, and the 89 is what is never exceeded).
            parent[after.claim_id] = parent.get(before.claim_id, before.claim_id)
        elif (before.part_of is None and before.claim_id not in parent
              and is_subset(text, after, before)):
            parent[before.claim_id] = after.claim_id
    return [dataclasses.replace(c, part_of=parent[c.claim_id]) if c.claim_id in parent
            else c for c in claims]
