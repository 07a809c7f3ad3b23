"""What a time expression is resolved against: the anchor, the tense, the previous time."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from newsevents.stages.timex.calendar import Anchor, Resolved
from newsevents.stages.timex.lexicon import lexicon

# Beyond this many days from the publication, the text's own day anchors bare weekdays.
FAR_FOCUS_DAYS = 13
SENTENCE_END = re.compile(r"[.!?\n]\s|\n")


@dataclass(frozen=True)
class Context:
    """Everything a resolver may look at besides the match itself."""

    anchor: Anchor | None
    # The tense of the governing clause, -1 past, +1 future, 0 present or unknown (news
    # default: past), read when a resolver asks for it (`tense`): the cue lists' scan of
    # the sentence is the time stage's largest cost, and most expressions never need it.
    tense_of: Callable[[], int]
    previous: Resolved | None  # the last resolved date in the text, for anaphora
    previous_day: Resolved | None  # the last resolved day-level date in the paragraph
    before: str  # up to 40 characters of text before the match
    after: str  # up to 40 characters after
    focus: Resolved | None = None  # the last day-level date of the text so far (any paragraph)
    near_day: Resolved | None = None  # the paragraph's last day, if in this or the last sentence
    narrative_year: int | None = None  # the year named in this or the last sentence
    language: str = "fr"  # of the segment: the day-month order of numeric dates
    present: bool = False  # the governing clause is in the present: the nearest day

    @cached_property
    def tense(self) -> int:
        return self.tense_of()

    def far_focus(self) -> Resolved | None:
        """The day of this or the last sentence when the narrative is far from the
        publication ("Le 3 mars 2015, ... Jeudi, ...": that Thursday is near the 3rd). A day
        within two weeks of the publication is not: a bare weekday then still means the
        publication's week ("Le cessez-le-feu est entré en vigueur le 27 novembre. ...
        lundi")."""
        day, anchor = self.near_day, self.anchor
        if day is None or day.start is None or anchor is None or not anchor.knows("day"):
            return None
        return day if abs((day.start - anchor.date).days) > FAR_FOCUS_DAYS else None


@lru_cache(maxsize=4)
def _tense_patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    context = lexicon().context

    def cues(key: str) -> list[str]:
        return list((context.get(key) or {}).get(language) or ["(?!x)x"])

    future = re.compile("|".join(f"(?:{p})" for p in cues("future") + cues("future_cues")),
                        re.IGNORECASE)
    past = re.compile("|".join(f"(?:{p})" for p in cues("past")), re.IGNORECASE)
    return future, past


@lru_cache(maxsize=1)
def _event_name_cue() -> re.Pattern[str]:
    words = lexicon().context["not_focus_before"]
    return re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(w) for w in words)
                      + r")\s{0,2}$", re.IGNORECASE)


def names_event(before: str) -> bool:
    """"les attentats du 11 septembre": a day after "du"/"of" names an event."""
    return bool(_event_name_cue().search(before))


@lru_cache(maxsize=1)
def _since_cue() -> re.Pattern[str]:
    words = lexicon().relative["since"]
    return re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(w) for w in words)
                      + r")\s{1,3}(?:(?:le|la|l'|the)\s{1,3})?$", re.IGNORECASE)


def opens_since(before: str) -> bool:
    """"depuis avril 2023", "since 2014": a background period, not the narrative's year."""
    return bool(_since_cue().search(before))


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``[start, end)``, found by punctuation (at most 400 chars away)."""
    window_start = max(0, start - 400)
    left = window_start
    for match in SENTENCE_END.finditer(text, window_start, start):
        left = match.end()
    right_match = SENTENCE_END.search(text, end, min(len(text), end + 400))
    right = right_match.start() + 1 if right_match else min(len(text), end + 400)
    return left, right


def sentence_tense(text: str, start: int, end: int, language: str = "fr") -> int:
    """Whether the verb nearest to the expression is future (+1), past (-1) or neither (0),
    by the cue lists of ``language``: the fallback where no parse of the sentence exists
    (see :mod:`newsevents.stages.timex.tense`)."""
    left, right = sentence_bounds(text, start, end)
    future, past = _tense_patterns(language)
    best: tuple[int, int] | None = None
    for direction, pattern in ((1, future), (-1, past)):
        for match in pattern.finditer(text, left, right):
            if match.start() < end and match.end() > start:
                continue
            distance = start - match.end() if match.end() <= start else match.start() - end
            if best is None or distance < best[0]:
                best = (distance, direction)
    return best[1] if best else 0
