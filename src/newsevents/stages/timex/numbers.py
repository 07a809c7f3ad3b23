"""Numbers that count time units: digits or number words (through text2num)."""

from __future__ import annotations

import re
from functools import lru_cache

from newsevents.stages.timex.lexicon import fold, lexicon

_ROMAN = {"I": 1, "V": 5, "X": 10}


@lru_cache(maxsize=4096)
def parse_count(words: str) -> int | None:
    """``"trois"`` -> 3, ``"24"`` -> 24, ``"vingt-quatre"`` -> 24, ``"une"`` -> 1."""
    cleaned = fold(words)
    if re.fullmatch(r"\d{1,4}", cleaned):
        return int(cleaned)
    if cleaned in {fold(w) for w in lexicon().unit_file["articles_one"]}:
        return 1
    return _text_to_number(cleaned)


def _text_to_number(words: str) -> int | None:
    """The one library call for number words; None when neither French nor English."""
    from text_to_num import text2num

    for language, candidate in (("fr", words.replace(" ", "-")), ("fr", words), ("en", words)):
        try:
            return int(text2num(candidate, language))
        except (ValueError, TypeError):
            continue
    return None


def parse_roman(numeral: str) -> int | None:
    """Small Roman numerals for centuries (XXIe -> 21)."""
    if numeral.isdigit():
        return int(numeral)
    values = [_ROMAN.get(c.upper(), 0) for c in numeral]
    if not values or 0 in values:
        return None
    total = 0
    for index, value in enumerate(values):
        following = values[index + 1] if index + 1 < len(values) else 0
        total += -value if value < following else value
    return total


def parse_day(text: str) -> int | None:
    match = re.match(r"\d{1,2}", text)
    if match:
        return int(match.group(0))
    return 1 if fold(text).startswith("premier") else None
