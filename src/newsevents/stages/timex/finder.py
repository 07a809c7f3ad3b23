"""Find time expressions in a text and resolve them in reading order.

1. Every rule of the grammar proposes spans; overlaps keep the longest (then the earlier
   rule), and spans touching a noise range (URL, reading time...) are dropped.
2. Spans are resolved left to right, each against its anchor (the segment's own date for
   an embedded tweet, else the document date), the direction of the clause that governs
   it (read from the parse of the sentences holding a bare weekday, day-month or month,
   see :mod:`~newsevents.stages.timex.tense`; cue lists elsewhere) and the previous time
   (anaphora: "la veille", "de la même année", "deux jours plus tard").
3. Neighbours are combined: position modifiers ("début avril", "fin 2017"), ranges
   ("d'août 2014 à mars 2018", "entre 2015 et 2017") and "depuis juin 2014".
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from newsevents.records import (
    Noise,
    Ranges,
    Segment,
    TimeMention,
    first_disjoint,
    language_at,
)
from newsevents.stages.parse import ParsedSentence
from newsevents.stages.timex import resolve_dates as d
from newsevents.stages.timex import resolve_formats as f
from newsevents.stages.timex import resolve_relative as r
from newsevents.stages.timex import tense as t
from newsevents.stages.timex.calendar import Anchor, Resolved, day_value
from newsevents.stages.timex.clause import Direction
from newsevents.stages.timex.combine import combine
from newsevents.stages.timex.context import (
    SENTENCE_END,
    Context,
    names_event,
    opens_since,
    sentence_bounds,
    sentence_tense,
)
from newsevents.stages.timex.grammar import compiled_rules
from newsevents.stages.timex.lexicon import guess_language

Resolver = Callable[[re.Match[str], Context], Resolved | None]

RESOLVERS: dict[str, Resolver] = {
    "range_days": d.resolve_day_range,
    "range_days_mdy": d.resolve_day_range,
    "date_dmy": d.resolve_date,
    "date_mdy": d.resolve_date,
    "date_numeric": f.resolve_numeric_date,
    "date_numeric_short": f.resolve_short_numeric_date,
    "weekday_day": d.resolve_weekday_day,
    "clock_words": f.resolve_clock_words,
    "part_of_year": f.resolve_part_of_year,
    "week_number": f.resolve_week_number,
    "short_year": f.resolve_short_year,
    "holiday": f.resolve_holiday,
    "month_year": d.resolve_month,
    "month_alone": d.resolve_month,
    "year": d.resolve_year,
    "decade": d.resolve_decade,
    "century": d.resolve_century,
    "season": d.resolve_season,
    "night_between": d.resolve_night_between,
    "weekday": d.resolve_weekday,
    "deictic": r.resolve_deictic,
    "this_part": r.resolve_this_part,
    "anaphoric_day": r.resolve_anaphoric_day,
    "pod_alone": r.resolve_pod_alone,
    "anaphoric_year": r.resolve_anaphoric_year,
    "relative_period": r.resolve_relative_period,
    "mod_period": r.resolve_mod_period,
    "clock": r.resolve_clock,
    "ago": r.resolve_ago,
    "in_future": r.resolve_in_future,
    "recent": r.resolve_recent,
    "coming": r.resolve_coming,
    "duration": r.resolve_duration,
    "fixed_duration": r.resolve_fixed_duration,
    "vague_after": r.resolve_vague_after,
    "set": r.resolve_set,
    "set_per": r.resolve_set_per,
    "set_adjective": r.resolve_set_adjective,
    "adjective_before": r.resolve_temporal_adjective,
    "adjective_after": r.resolve_temporal_adjective,
    "same_period": r.resolve_same_period,
    "present_ref": lambda m, c: Resolved("TIME", "PRESENT_REF"),
    "past_ref": lambda m, c: Resolved("TIME", "PAST_REF"),
    "future_ref": lambda m, c: Resolved("TIME", "FUTURE_REF"),
}


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    rule: str
    priority: int
    match: re.Match[str]


@dataclass(frozen=True)
class Found:
    """A resolved span before it becomes a public TimeMention."""

    start: int
    end: int
    resolved: Resolved
    anchor: Anchor | None
    parts: tuple[Found, ...] = ()  # a range's endpoints, as TimeML would tag them
    # What set the direction: "parse:future", "parse:present"..., "cues" (no parse), or
    # "written" (the expression says it: a year, "dernier", "next").
    direction: str = ""
    rule: str = ""  # the grammar rule that found it (combine joins some to their neighbours)

    def timeml(self) -> tuple[Found, ...]:
        """TimeML tags a range as its endpoints and "depuis X" as X: our view of it."""
        if not self.parts:
            return (self,)
        return tuple(p for part in self.parts for p in part.timeml())


_PLAIN = {ord("’"): "'", 0x00A0: " ", 0x202F: " ", ord("‑"): "-"}


def normalise(text: str) -> str:
    """Same-length copy with curly apostrophes and odd spaces made plain for matching."""
    return text.translate(_PLAIN)


# The pipeline asks for a document's candidates twice (which sentences to parse, then the
# times themselves), with the other documents of its parse group in between: the last
# answers are kept, keyed by the text and the noise ranges.
_KEPT = 16
_LAST: list[tuple[str, tuple[Noise, ...], list[Candidate]]] = []


def candidates(text: str, noise: Sequence[Noise]) -> list[Candidate]:
    """Non-overlapping spans: the longest wins, then the earlier rule, then the leftmost."""
    key = tuple(noise)
    kept = list(_LAST)  # one read: another thread may replace it
    for last in kept:
        if last[1] == key and last[0] == text:
            return list(last[2])
    found = _candidates(text, noise)
    _LAST[:] = [*kept[1 - _KEPT:], (text, key, found)]
    return list(found)


def _candidates(text: str, noise: Sequence[Noise]) -> list[Candidate]:
    proposed: list[Candidate] = []
    blocked = Ranges.of(noise)  # bisection: a scan per candidate is quadratic on live blogs
    for priority, rule in enumerate(compiled_rules()):
        for match in rule.pattern.finditer(text):
            start = match.end("lead") if match.groupdict().get("lead") else match.start()
            if match.end() > start and not blocked.overlaps(start, match.end()):
                proposed.append(Candidate(start, match.end(), rule.name, priority, match))
    proposed.sort(key=lambda c: (-(c.end - c.start), c.priority, c.start))
    return first_disjoint(proposed)


def segment_at(position: int, segments: Sequence[Segment]) -> Segment | None:
    """The innermost segment holding ``position`` that carries its own date."""
    holding = [s for s in segments if s.start <= position < s.end and s.date]
    return min(holding, key=lambda s: s.end - s.start) if holding else None


def resolve_all(text: str, doc_date: str | None, segments: Sequence[Segment],
                noise: Sequence[Noise], parsed: Mapping[int, ParsedSentence] | None = None,
                use_parse: bool = True) -> list[Found]:
    plain = normalise(text)
    doc_anchor = Anchor.parse(doc_date)
    languages = _languages(plain, segments)
    found_candidates = candidates(plain, noise)
    directions = _directions(plain, found_candidates, segments, languages, doc_anchor,
                             parsed) if use_parse else {}
    segments = [s for s in segments if s.date]  # only these anchor; not rescanned per time
    found = _resolved(plain, found_candidates, directions, languages, segments, doc_anchor)
    own = _own_day(plain, found, doc_anchor)
    if own is not None and doc_anchor is not None:
        # the candidates and their directions do not depend on the anchor: only resolved again
        found = _resolved(plain, found_candidates, directions, languages, segments,
                          doc_anchor.at(own))
    return combine(plain, found)


def _own_day(plain: str, found: Sequence[Found], anchor: Anchor | None) -> date | None:
    """A month-only document date that the text itself dates to a day ("mardi 24 mars" in
    an article of "2020-03") is that day: the latest day of its month the text writes out
    in full is when the article speaks from ("dimanche" is then the 22nd)."""
    if anchor is None or anchor.precision != "month":
        return None
    days = [f.resolved.start for f in found if f.resolved.granularity == "day"
            and f.resolved.start is not None and f.resolved.start == f.resolved.end
            and (f.resolved.start.year, f.resolved.start.month) == (anchor.year, anchor.month)
            and any(ch.isdigit() for ch in plain[f.start:f.end])]
    return max(days) if days else None


def _resolved(plain: str, found_candidates: Sequence[Candidate],
              directions: Mapping[int, Direction], languages: Callable[[int], str],
              segments: Sequence[Segment], doc_anchor: Anchor | None) -> list[Found]:
    """Each candidate resolved against its anchor, in reading order."""
    found: list[Found] = []
    previous: Resolved | None = None
    previous_day: tuple[int, Resolved] | None = None
    year: tuple[int, int, int] | None = None
    day_end = 0
    paragraph_at = _line_breaks(plain)
    for candidate in found_candidates:
        segment = segment_at(candidate.start, segments)
        anchor = Anchor.parse(segment.date) if segment and segment.date else doc_anchor
        paragraph_start = paragraph_at(candidate.start)
        day = previous_day[1] if previous_day and previous_day[0] == paragraph_start else None
        direction = directions.get(candidate.start)
        language = languages(candidate.start)
        context = Context(
            anchor=anchor,
            tense_of=_known(direction.way) if direction else functools.partial(
                sentence_tense, plain, candidate.start, candidate.end, language),
            previous=previous if _same_sentence(plain, previous, found, candidate) else None,
            previous_day=day,
            before=plain[max(0, candidate.start - 40):candidate.start],
            after=plain[candidate.end:candidate.end + 40],
            focus=previous_day[1] if previous_day else None,
            near_day=day if day and day_end >= 0 and _adjacent(plain, day_end, candidate.start)
            else None,
            narrative_year=year[1] if year and year[0] == paragraph_start
            and _adjacent(plain, year[2], candidate.start) else None,
            language=language,
            present=direction.present if direction else False,
        )
        try:
            resolved = RESOLVERS[candidate.rule](candidate.match, context)
        except (ValueError, OverflowError):  # off the calendar: "l'an prochain" in 9999
            continue
        if resolved is None:
            continue
        how = f"parse:{direction.rule}" if direction else (
            "cues" if t.is_bare(candidate) else "written")
        found.append(_with_parts(Found(candidate.start, candidate.end, resolved, anchor,
                                       direction=how, rule=candidate.rule), candidate))
        if resolved.start is not None and resolved.type in ("DATE", "TIME"):
            previous = resolved
            if resolved.granularity == "day":
                previous_day = (paragraph_start, resolved)
                day_end = -1 if names_event(context.before) else candidate.end
            # a year (not a decade or a century: "au milieu du siècle dernier")
            if (resolved.explicit_year or resolved.granularity == "year") and (
                    resolved.end is None or resolved.end.year == resolved.start.year):
                background = opens_since(context.before)  # "en guerre depuis avril 2023"
                year = None if background else (paragraph_start, resolved.start.year,
                                                 candidate.end)
    return found


def _line_breaks(text: str) -> Callable[[int], int]:
    """The last newline before a position (-1: none), by bisection: a search back from
    each expression is quadratic on a 1 MB line."""
    breaks = [m.start() for m in re.finditer("\n", text)]

    def before(position: int) -> int:
        index = bisect.bisect_left(breaks, position) - 1
        return breaks[index] if index >= 0 else -1

    return before


def _known(way: int) -> Callable[[], int]:
    return lambda: way


def _directions(text: str, found: list[Candidate], segments: Sequence[Segment],
                languages: Callable[[int], str], anchor: Anchor | None,
                parsed: Mapping[int, ParsedSentence] | None) -> dict[int, Direction]:
    """The parse's direction of each expression in a sentence worth parsing: none when no
    date could use it (no publication date, or only its year, and no dated tweet)."""
    if (anchor is None or anchor.precision == "year") and not any(s.date for s in segments):
        return {}
    return t.directions(text, found, segments, languages, parsed)


def sentences_to_parse(text: str, doc_date: str | None, segments: Sequence[Segment] = (),
                       noise: Sequence[Noise] = ()) -> dict[str, list[tuple[int, int]]]:
    """The sentences ``find_times`` would parse, per language: a caller that parses them
    in its own batch (the pipeline, for the claims) passes them back as ``parsed``."""
    plain = normalise(text)
    anchor = Anchor.parse(doc_date)
    if (anchor is None or anchor.precision == "year") and not any(s.date for s in segments):
        return {}
    found = [c for c in candidates(plain, noise) if t.is_bare(c)]
    if not found:
        return {}
    sentences = t.Sentences.of(plain, segments)
    spans = [sentences.around(c.start, c.end) for c in found]
    wanted = t.wanted_sentences(found, spans, sentences, _languages(plain, segments))
    return {language: sorted(chosen) for language, chosen in wanted.items()}


def _adjacent(text: str, end: int, start: int) -> bool:
    """Whether ``start`` is in the sentence that ends at or after ``end``, or the next."""
    return len(SENTENCE_END.findall(text, end, start)) <= 1


def _languages(text: str, segments: Sequence[Segment]) -> Callable[[int], str]:
    """The language at a position: its innermost segment's, else the text's own by its
    commonest function words (a bare text, a TimeML document)."""
    inner = language_at(segments)
    default = guess_language(text)

    def at(position: int) -> str:
        return inner(position) or default

    return at


def _with_parts(item: Found, candidate: Candidate) -> Found:
    """"du 3 au 5 mai": keep the two days as the range's parts."""
    resolved = item.resolved
    if candidate.rule not in ("range_days", "range_days_mdy") or resolved.start is None or \
            resolved.end is None:
        return item
    match = candidate.match
    opening = "d1" if match.groupdict().get("d1") else "d2"
    first = Found(match.start(opening), match.end(opening), day_value(resolved.start),
                  item.anchor, direction=item.direction)
    last = Found(match.start("day"), item.end, day_value(resolved.end), item.anchor,
                 direction=item.direction)
    return replace(item, parts=(first, last))


def _same_sentence(text: str, previous: Resolved | None, found: list[Found],
                   candidate: Candidate) -> bool:
    """Anaphora reaches back within the paragraph only."""
    if previous is None or not found:
        return False
    last = next((f for f in reversed(found) if f.resolved is previous), None)
    if last is None:
        return False
    return "\n" not in text[last.end:candidate.start]


def to_mention(text: str, item: Found, part_of: tuple[int, int] | None = None) -> TimeMention:
    resolved = item.resolved
    return TimeMention(
        start=item.start,
        end=item.end,
        text=text[item.start:item.end],
        type=resolved.type,
        value=resolved.value,
        mod=resolved.mod,
        start_date=resolved.start.isoformat() if resolved.start else None,
        end_date=resolved.end.isoformat() if resolved.end else None,
        granularity=resolved.granularity,
        part_of=part_of,
    )


def with_parts(text: str, item: Found, part_of: tuple[int, int] | None = None
               ) -> Iterator[TimeMention]:
    """The mention of ``item``, then those of the expressions TimeML tags inside it (a
    range's two ends, the date of "depuis X"), each saying which mention it is part of."""
    yield to_mention(text, item, part_of)
    for part in item.parts:
        if (part.start, part.end) != (item.start, item.end):
            yield from with_parts(text, part, (item.start, item.end))


def find_times(text: str, doc_date: str | None, segments: Sequence[Segment] = (),
               noise: Sequence[Noise] = (),
               parsed: Mapping[int, ParsedSentence] | None = None) -> list[TimeMention]:
    """All time expressions of ``text`` as TimeMentions, in reading order: one per
    expression TimeML would tag, and a range as well as its two ends ("du 3 au 5 mai",
    then "3" and "5 mai" with ``part_of`` the range's offsets). ``parsed``: sentences the
    caller has already parsed, by start offset (the others that a direction needs are
    parsed here, one batch per language). A month-only document date that the text dates
    to a day is that day (``_own_day``)."""
    return [mention for item in resolve_all(text, doc_date, segments, noise, parsed)
            for mention in with_parts(text, item)]


def find_timeml(text: str, doc_date: str | None, use_parse: bool = True) -> list[Found]:
    """The expressions as TimeML tags them (ranges split into endpoints), for scoring;
    ``use_parse=False`` decides directions by the cue lists alone (the benchmark's
    comparison)."""
    return [part for item in resolve_all(text, doc_date, (), (), use_parse=use_parse)
            for part in item.timeml()]


__all__ = ["Found", "find_timeml", "find_times", "sentence_bounds", "sentences_to_parse"]
