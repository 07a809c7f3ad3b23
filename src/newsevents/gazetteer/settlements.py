"""Settlements the gazetteer lacks, named by a noun of settlement ("le village de Kobe",
"in the area of Yeritaga", "Sabewa village"): small places are where most rural violence
happens and where GeoNames is thinnest. The noun is what makes the capitalised word a
place; its name is kept as written and the article's country is its country.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from newsevents.gazetteer.disambiguation import context_words
from newsevents.gazetteer.loading import read_yaml
from newsevents.gazetteer.normalize import fold_name
from newsevents.gazetteer.phrases import alternation

_SP = r"[ \t\u00a0]{1,3}"
# One to three capitalised words ("Ariel", "Debre Tsige", "Niem-Yelewa", "Park W").
NAME = (r"(?P<name>[^\W\d_a-z][\w'’-]{1,30}"
        r"(?:[ \t\u00a0-][^\W\d_a-z][\w'’-]{0,30}){0,2})")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = read_yaml("gazetteer/phrases.yaml")
    before = re.compile(rf"\b(?i:{alternation(data['settlement_before'])})[ \t\u00a0]{{0,3}}"
                        rf"(?:(?:la|le|les|the){_SP}|l['’])?{NAME}(?![\w'’-])")
    after = re.compile(rf"(?<![\w'’-]){NAME}{_SP}(?i:{alternation(data['settlement_after'])})\b")
    return before, after


def settlement_names(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each name a settlement noun governs, leading function words and
    titles dropped ("In Sabewa village" is Sabewa), in text order."""
    before, after = _patterns()
    spans = {_trimmed(text, m.start("name"), m.end("name")) for m in before.finditer(text)}
    spans |= {_trimmed(text, m.start("name"), m.end("name")) for m in after.finditer(text)}
    yield from sorted(s for s in spans if s is not None)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    if text[start:end].replace("-", "").isupper():
        return None  # an acronym ("UN camp", "MINUSMA camp") names a body, not a place
    return name_span(text, start, end)


def name_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The capitalised words at `start:end` without the function words and titles that
    open them ("In Sabewa", "The Onklou"), or None when nothing else is left."""
    words = context_words()
    for word in re.finditer(r"[^ \t\u00a0]+", text[start:end]):
        key = fold_name(word.group())
        if key not in words.function_words and key not in words.person_titles:
            return start + word.start(), end
    return None
