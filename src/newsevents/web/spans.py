"""Which mention spans a claim's fields come from, so the page links them both ways.

CONTRACT claims keep the offsets of their evidence only; their figure, places, time,
speaker and actors are values. Each is traced back to the stored mention it was read
from: a mention of the right kind and value inside the evidence (the time and the
speaker may lie outside it, in an earlier sentence: then the nearest matching one).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

Mention = dict[str, Any]
Claim = dict[str, Any]


def field_spans(claim: Claim, mentions: Sequence[Mention]) -> list[dict[str, Any]]:
    """``[{"field": "value", "mention": id, "start": s, "end": e}, ...]`` for one claim."""
    evidence = claim.get("evidence") or {}
    start, end = evidence.get("start"), evidence.get("end")
    if start is None or end is None:
        return []
    spans: list[dict[str, Any]] = []
    for name, match, anywhere in _FIELDS:
        for mention in _matching(claim, mentions, match, start, end, anywhere):
            spans.append({"field": name, "mention": mention["mention_id"],
                          "start": mention["start"], "end": mention["end"]})
    return spans


def _matching(claim: Claim, mentions: Sequence[Mention],
              match: Callable[[Claim, Mention], bool], start: int, end: int,
              anywhere: bool) -> list[Mention]:
    candidates = [m for m in mentions if match(claim, m)]
    inside = [m for m in candidates if start <= m["start"] and m["end"] <= end]
    if inside or not anywhere or not candidates:
        return inside
    return [min(candidates, key=lambda m: _distance(m, start, end))]


def _distance(mention: Mention, start: int, end: int) -> int:
    if mention["end"] <= start:
        return start - mention["end"]
    return max(0, mention["start"] - end)


def _figure(claim: Claim, mention: Mention) -> bool:
    if mention["kind"] != "number" or claim.get("qualifier") is None:
        return False
    return all(mention.get(k) == claim.get(k) for k in ("value", "low", "high"))


def _place(claim: Claim, mention: Mention) -> bool:
    if mention["kind"] != "place":
        return False
    return any(p.get("name") == mention.get("name") and p.get("country") == mention.get(
        "country") for p in claim.get("places") or [])


def _time(claim: Claim, mention: Mention) -> bool:
    text = (claim.get("time") or {}).get("text")
    return mention["kind"] == "time" and bool(text) and mention.get("text") == text


def _speaker(claim: Claim, mention: Mention) -> bool:
    name = (claim.get("speaker") or {}).get("name")
    return mention["kind"] == "speaker" and bool(name) and mention.get("name") == name


def _role(role: str) -> Callable[[Claim, Mention], bool]:
    def match(claim: Claim, mention: Mention) -> bool:
        return mention["kind"] == "actor" and mention.get("id") in (claim.get(role) or [])

    return match


# field name, matcher, whether a match outside the evidence counts (nearest one)
_FIELDS: tuple[tuple[str, Callable[[Claim, Mention], bool], bool], ...] = (
    ("value", _figure, False),
    ("places", _place, False),
    ("time", _time, True),
    ("speaker", _speaker, True),
    ("actors", _role("actors"), False),
    ("targets", _role("targets"), False),
)


def with_field_spans(document: dict[str, Any]) -> dict[str, Any]:
    """The document dict with ``spans`` added to each of its claims."""
    mentions = document.get("mentions") or []
    for claim in document.get("claims") or []:
        claim["spans"] = field_spans(claim, mentions)
    return document
