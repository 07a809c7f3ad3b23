"""The direction of each time expression, from the parse of its sentence.

Only the sentences that hold a bare weekday, day-month or month (no year, no "dernier",
"prochain", "last", "next") are parsed, in one ``parse_spans`` batch per document and
language, plus the lead of a headline that holds one (a verbless headline takes the tense
of its lead). Every expression of a parsed sentence then takes its direction from the
clause that governs it (:mod:`newsevents.stages.timex.clause`); the others, and every
expression of a language without a parser, keep the cue lists of ``context.yaml``.

A caller that has already parsed some sentences (the pipeline parses the claims'
sentences) passes them by start offset, and only the missing ones are parsed here.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsevents.limits import over_segment_limit
from newsevents.records import Segment
from newsevents.stages import parse
from newsevents.stages.parse import ParsedSentence
from newsevents.stages.timex.clause import (
    Direction,
    expression_direction,
    sentence_direction,
    tense_table,
)
from newsevents.stages.timex.context import sentence_bounds

if TYPE_CHECKING:
    from newsevents.stages.timex.finder import Candidate

Span = tuple[int, int]
# Rules whose direction is not written in the expression when these groups are empty.
BARE_RULES = frozenset({"weekday", "date_dmy", "date_mdy", "month_alone", "range_days",
                        "range_days_mdy", "night_between", "date_numeric_short"})
_WRITTEN = ("year", "dir", "anaph", "plural", "fpre", "follow", "en")
_FINAL = re.compile(r"[.!?…][\s\"'»”’)\]]*$")


def is_bare(candidate: Candidate) -> bool:
    """A weekday, day-month or month whose direction the text leaves to the verb."""
    if candidate.rule not in BARE_RULES:
        return False
    groups = candidate.match.groupdict()
    if any(groups.get(name) for name in _WRITTEN):
        return False
    return (groups.get("pre") or "").lower() not in ("le", "les")  # "le mercredi": a set


@dataclass(frozen=True)
class Sentences:
    """Where the sentences are: the caller's segments (quotes belong to their sentence),
    else punctuation."""

    text: str
    units: tuple[Span, ...]  # sorted, disjoint
    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str, segments: Sequence[Segment]) -> Sentences:
        units = sorted({(s.start, s.end) for s in segments if s.kind != "quote"})
        return cls(text, tuple(units), tuple(u[0] for u in units))

    def around(self, start: int, end: int) -> Span:
        index = bisect.bisect_right(self.starts, start) - 1  # linear in the document
        if index >= 0 and end <= self.units[index][1]:
            return self.units[index]
        return sentence_bounds(self.text, start, end)

    def lead(self, span: Span) -> Span | None:
        """The sentence after a headline: ``span`` is one line with no final stop."""
        start, end = span
        piece = self.text[start:end]
        line_end = self.text.find("\n", start)
        line_end = len(self.text) if line_end < 0 else line_end
        if "\n" in piece.strip() or self.text[end:line_end].strip() \
                or _FINAL.search(piece.rstrip()) or not piece.strip():
            return None
        index = bisect.bisect_left(self.starts, end)
        if index < len(self.units):
            return self.units[index]
        body = len(self.text) - len(self.text[line_end:].lstrip())
        if body >= len(self.text):
            return None
        return sentence_bounds(self.text, body, body)


def directions(text: str, candidates: Sequence[Candidate], segments: Sequence[Segment],
               language_at: Callable[[int], str],
               parsed: Mapping[int, ParsedSentence] | None = None) -> dict[int, Direction]:
    """The parse's direction for every candidate in a parsed sentence, by start offset."""
    if not any(is_bare(c) for c in candidates):
        return {}
    sentences = Sentences.of(text, segments)
    spans = [sentences.around(c.start, c.end) for c in candidates]
    wanted = wanted_sentences(candidates, spans, sentences, language_at)
    if not wanted:
        return {}
    trees = _parse(text, wanted, parsed or {})
    result: dict[int, Direction] = {}
    for candidate, span in zip(candidates, spans, strict=True):
        tree = trees.get(span)
        if tree is None:
            continue
        table = tense_table(tree.language)
        before = text[max(0, candidate.start - 30):candidate.start]
        direction = expression_direction(tree, candidate.start, candidate.end, before, table)
        if direction.rule == "verbless":
            direction = _from_lead(trees, sentences.lead(span), direction)
        result[candidate.start] = direction
    return result


def wanted_sentences(candidates: Sequence[Candidate], spans: Sequence[Span],
                     sentences: Sentences, language_at: Callable[[int], str]
                     ) -> dict[str, set[Span]]:
    """Per language with a parser: the sentences holding a bare expression, and the lead
    of each such headline; never a "sentence" too long to be prose (the pipeline's limit:
    a table or a dump keeps the cue lists)."""
    wanted: dict[str, set[Span]] = defaultdict(set)
    for candidate, span in zip(candidates, spans, strict=True):
        language = language_at(candidate.start)
        if is_bare(candidate) and not over_segment_limit(*span) and parse.available(language):
            wanted[language].add(span)
            lead = sentences.lead(span)
            if lead is not None and not over_segment_limit(*lead):
                wanted[language].add(lead)
    return wanted


def _from_lead(trees: Mapping[Span, ParsedSentence], lead: Span | None,
               direction: Direction) -> Direction:
    """A verbless headline takes the tense of its lead."""
    tree = trees.get(lead) if lead else None
    if tree is None:
        return direction
    found = sentence_direction(tree, tense_table(tree.language))
    return Direction(found.way, "lead", True) if found.decided else direction


def _parse(text: str, wanted: Mapping[str, set[Span]],
           parsed: Mapping[int, ParsedSentence]) -> dict[Span, ParsedSentence]:
    """The wanted sentences: the caller's parses, the rest in one batch per language."""
    trees: dict[Span, ParsedSentence] = {}
    for language, spans in wanted.items():
        missing = []
        for span in sorted(spans):
            given = parsed.get(span[0])
            if given is not None and given.end == span[1] and given.language == language:
                trees[span] = given
            else:
                missing.append(span)
        if missing:
            trees.update(zip(missing, parse.parse_spans(text, missing, language), strict=True))
    return trees
