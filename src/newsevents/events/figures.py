"""The figures of an event from its sources, and when sources disagree.

UCDP-style triple, over the event's claims:

- ``low``: the lowest figure any source credibly gives (an exact value, or the lower
  bound of a bounded or vague count; an upper bound alone says nothing about ``low``);
- ``high``: the highest figure any source gives (an exact value, an upper bound, or a lower
  bound when nothing higher is reported);
- ``best``: the figure reported by the most independent sources; on a tie, the lowest of
  the tied figures (the conservative choice ACLED makes). Each claim's own ``best``
  (CONTRACT.md) is what is counted, so "des dizaines" counts as 10. One article giving
  two figures for one event ("312 strikes", then "more than 150 strikes") counts once,
  for the larger: the smaller is a part of it, not another report.

Sources disagree when two claims' plausible ranges do not overlap: an exact value is the
point itself, "about N" is N ± 10%, a bound is open on its other side, a vague count is
its fixed range.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from newsevents.events.compat import fold

ABOUT_TOLERANCE = 0.10
_FIRM = frozenset({"exact", "about"})
Number = int | float


def figure_bounds(claim: Mapping[str, Any]) -> tuple[float, float] | None:
    """The range of counts a claim is compatible with; ``None`` for a claim with no figure."""
    value, low, high = claim.get("value"), claim.get("low"), claim.get("high")
    if value is not None:
        if claim.get("qualifier") == "about":
            return value * (1 - ABOUT_TOLERANCE), value * (1 + ABOUT_TOLERANCE)
        return float(value), float(value)
    if low is None and high is None:
        return None
    return (float(low) if low is not None else 0.0,
            float(high) if high is not None else math.inf)


def ranges_overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def source_key(claim: Mapping[str, Any]) -> tuple[str, str]:
    """(outlet, speaker): the outlet is the claim's, else its document's, else the document.

    The speaker is reduced to the last word of the name, case and accents folded, so
    "Col. Wayne Marotto" and "Marotto" quoted in one article are one source.
    """
    outlet = claim.get("outlet") or claim.get("doc_outlet") or claim.get("doc") or ""
    speaker = claim.get("speaker") or {}
    words = fold(speaker.get("name")).split()
    return fold(outlet), words[-1] if words else ""


def independent_sources(claims: Sequence[Mapping[str, Any]]) -> int:
    return len({source_key(c) for c in claims})


def best_figure(claims: Sequence[Mapping[str, Any]]) -> Number | None:
    # One article giving two figures for one event ("312 strikes", then "more than 150
    # strikes") reports it once, with the larger figure, on behalf of all its sources.
    per_article: dict[str, Number] = {}
    article_sources: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for claim in claims:
        if claim.get("best") is not None:
            doc = str(claim.get("doc"))
            per_article[doc] = max(per_article.get(doc, claim["best"]), claim["best"])
            article_sources[doc].add(source_key(claim))
    sources_per_figure: dict[Number, set[tuple[str, str]]] = defaultdict(set)
    for doc, figure in per_article.items():
        sources_per_figure[figure] |= article_sources[doc]
    if not sources_per_figure:
        return None
    return min(sources_per_figure, key=lambda f: (-len(sources_per_figure[f]), f))


def low_figure(claims: Sequence[Mapping[str, Any]]) -> Number | None:
    lows = [c["value"] if c.get("value") is not None else c.get("low") for c in claims]
    present = [x for x in lows if x is not None]
    return min(present) if present else None


def high_figure(claims: Sequence[Mapping[str, Any]]) -> Number | None:
    highs = []
    for claim in claims:
        for key in ("value", "high", "low"):
            if claim.get(key) is not None:
                highs.append(claim[key])
                break
    return max(highs) if highs else None


def disagreeing_pairs(claims: Sequence[Mapping[str, Any]]) -> list[tuple[int, int]]:
    """Index pairs of claims whose figure ranges do not overlap."""
    bounds = [figure_bounds(c) for c in claims]
    pairs = []
    for i, a in enumerate(bounds):
        for j in range(i + 1, len(bounds)):
            b = bounds[j]
            if a is not None and b is not None and not ranges_overlap(a, b):
                pairs.append((i, j))
    return pairs


def is_bounded(event: Mapping[str, Any]) -> bool:
    """Whether an event's figure rests on no exact (or "about") report: a bound or a vague
    count ("plus de 150", "des dizaines")."""
    best = event.get("best") if event.get("best") is not None else event.get("low")
    sources = event.get("claims") or []
    return not any(s.get("qualifier") in _FIRM and s.get("best") == best for s in sources)


def is_hedged(event: Mapping[str, Any]) -> bool:
    """Whether every source of an event hedges it ("aurait", "reportedly")."""
    sources = event.get("claims") or []
    return bool(sources) and all(s.get("hedged") for s in sources)
