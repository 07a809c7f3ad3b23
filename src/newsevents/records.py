"""Typed records that flow through the pipeline.

Every mention carries ``start``/``end`` character offsets into the document text exactly as
the project stores it (``Document.text``): stages never rewrite the text, they mark ranges.
Records are frozen dataclasses; ``to_dict`` gives the JSON shape of ``CONTRACT.md``.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol, TypeVar


@dataclass(frozen=True)
class Document:
    """One article as read from a file or a JSONL record."""

    doc_id: str
    text: str
    date: str | None = None  # ISO prefix: "2021", "2021-03" or "2021-03-25"
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    lang: str | None = None
    source: str | None = None  # path (and line) it was read from, for messages
    # What reading it had to guess (a file mixing two encodings), said with its claims.
    read_warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` of the document text."""

    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, pos: int) -> bool:
        return self.start <= pos < self.end


class Ranged(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


R = TypeVar("R", bound=Ranged)


def first_disjoint(ranked: Iterable[R]) -> list[R]:
    """Of ranges ranked best first, each one that overlaps no better one, in text order.

    The kept ranges are disjoint and sorted by start, so their ends are sorted too: one
    bisection finds the only kept range a candidate can overlap (not a scan of all kept
    ranges, which is quadratic on long texts)."""
    kept: list[R] = []
    kept_starts: list[int] = []
    for candidate in ranked:
        at = bisect.bisect_left(kept_starts, candidate.end)
        if at and kept[at - 1].end > candidate.start:
            continue
        kept.insert(at, candidate)
        kept_starts.insert(at, candidate.start)
    return kept


def opens_line(text: str, position: int) -> bool:
    """Whether only blanks stand between the start of its line and ``position``: read back
    over the blanks (a slice from the line's start is quadratic over a 1 MB line)."""
    at = position
    while at > 0 and text[at - 1] != "\n" and text[at - 1].isspace():
        at -= 1
    return at == 0 or text[at - 1] == "\n"


class Ranges:
    """Sorted, merged character ranges with an overlap test in O(log n).

    The one overlap test for every stage that checks candidates against ranges (noise,
    URLs): a scan of all ranges per candidate is quadratic on repeated hostile units."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        self.starts = [start for start, _ in merged]
        self.spans = merged

    @classmethod
    def of(cls, items: Sequence[Ranged]) -> Ranges:
        return cls((item.start, item.end) for item in items)

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self.starts, end) - 1
        return index >= 0 and self.spans[index][1] > start

    def holds(self, position: int) -> bool:
        """Whether ``position`` lies inside one of the ranges."""
        return self.overlaps(position, position + 1)


@dataclass(frozen=True)
class Noise:
    """A range that must never yield a figure: URL, handle, hashtag, reading time line..."""

    start: int
    end: int
    kind: str  # "url" | "handle" | "hashtag" | "reading_time" | "phone" | "tweet_signature"


@dataclass(frozen=True, slots=True)  # one per sentence: many in a long document
class Segment:
    """A sentence, a quotation or an embedded tweet.

    ``date`` is the segment's own reference date when it has one (an embedded tweet's
    date), else ``None`` (the document date applies). ``author``/``handle`` are set for
    tweets. ``parent`` is the index of the enclosing segment for quotes.
    """

    start: int
    end: int
    kind: str  # "sentence" | "quote" | "tweet" | "title"
    language: str = "fr"
    date: str | None = None
    author: str | None = None
    handle: str | None = None
    paragraph: int = 0


def language_at(segments: Sequence[Segment]) -> Callable[[int], str | None]:
    """The language of the innermost segment holding a position (None outside every
    segment), found by bisection: the segments starting at or before it are tried from
    the last one back, a quote before the sentence around it."""
    spans = sorted(((s.start, -s.end), s.language) for s in segments)
    starts = [start for (start, _), _ in spans]

    def at(position: int) -> str | None:
        index = bisect.bisect_right(starts, position) - 1
        for back in range(index, max(-1, index - 32), -1):
            (start, negative_end), language = spans[back]
            if start <= position < -negative_end:
                return language
        return None

    return at


@dataclass(frozen=True)
class TimeMention:
    start: int
    end: int
    text: str
    type: str  # TIMEX3 type: DATE, TIME, DURATION, SET
    value: str  # ISO-TimeML value: "2021-03", "2021-W09", "P20Y", "PAST_REF"...
    mod: str | None = None  # START, MID, END, MORE_THAN, LESS_THAN, APPROX...
    start_date: str | None = None  # resolved interval, inclusive ISO dates
    end_date: str | None = None
    granularity: str = "unknown"  # day, week, month, year, range, unknown
    # An expression inside a larger one, as TimeML tags it: the two ends of a range ("du
    # 3 au 5 mai": "3" and "5 mai"), the date of "depuis juin 2014", "avant 2000"; the
    # [start, end) of the mention it belongs to. None for a mention standing on its own.
    part_of: tuple[int, int] | None = None
    kind: str = field(default="time", init=False)

    def __post_init__(self) -> None:
        if self.part_of is not None and not isinstance(self.part_of, tuple):  # read from JSON
            object.__setattr__(self, "part_of", tuple(self.part_of))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str
    name: str  # canonical (English) name
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str = "exact"  # exact, near, admin2, admin1, region, country, unlocated
    geonameid: int | None = None
    kind: str = field(default="place", init=False)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_claim_place(self) -> dict[str, Any]:
        return {
            "name": self.name, "text": self.text, "country": self.country,
            "admin1": self.admin1, "lat": self.lat, "lon": self.lon,
            "precision": self.precision,
        }


@dataclass(frozen=True)
class NumberMention:
    """A figure: an exact value, a bound or a vague count (CONTRACT.md qualifiers)."""

    start: int
    end: int
    text: str
    value: int | float | None
    low: int | float | None
    high: int | float | None
    qualifier: str  # exact, more_than, at_least, less_than, at_most, about, range, several...
    kind: str = field(default="number", init=False)

    @property
    def best(self) -> int | float | None:
        if self.qualifier in ("exact", "about"):
            return self.value
        if self.qualifier in ("less_than", "at_most"):
            return None
        return self.low

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    text: str
    id: str  # actor id of CONTRACT.md, or "state:XX"
    kind: str = field(default="actor", init=False)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class SpeakerMention:
    """Who says so: a person or a body, with role and channel."""

    start: int
    end: int
    text: str
    name: str
    role: str | None = None
    channel: str | None = None
    kind: str = field(default="speaker", init=False)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


Mention = TimeMention | PlaceMention | NumberMention | ActorMention | SpeakerMention


@dataclass(frozen=True)
class Claim:
    """One thing a report says happened (CONTRACT.md's unit)."""

    doc: str
    doc_date: str | None
    claim_id: str
    language: str
    event_type: str
    measure: str | None
    number: NumberMention | None
    hedged: bool
    negated: bool
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    places: tuple[PlaceMention, ...]
    time: dict[str, Any]
    speaker: dict[str, Any] | None
    channel: str | None
    outlet: str | None
    evidence: dict[str, Any]
    confidence: float
    # The claim id of the total this figure is a subset of ("au moins 89 morts, dont 31
    # civils": the 31 is part of the 89); never summed with it (newsevents.subsets).
    part_of: str | None = None
    # Where each slot's value came from ("parse: agent of 'killed'", "paragraph: the
    # previous claim", "the publication date"): shown by `evaluate --show`, not exported.
    origin: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict[str, Any]:
        number = self.number
        record = {
            "doc": self.doc,
            "doc_date": self.doc_date,
            "claim_id": self.claim_id,
            "language": self.language,
            "event_type": self.event_type,
            "measure": self.measure,
            "value": number.value if number else None,
            "low": number.low if number else None,
            "high": number.high if number else None,
            "qualifier": number.qualifier if number else None,
            "best": number.best if number else None,
            "hedged": self.hedged,
            "negated": self.negated,
            "actors": list(self.actors),
            "targets": list(self.targets),
            "places": [p.to_claim_place() for p in self.places],
            "time": dict(self.time),
            "speaker": dict(self.speaker) if self.speaker else None,
            "channel": self.channel,
            "outlet": self.outlet,
            "evidence": dict(self.evidence),
            "confidence": self.confidence,
        }
        if self.part_of is not None:  # only a subset carries it (CONTRACT.md)
            record["part_of"] = self.part_of
        return record
