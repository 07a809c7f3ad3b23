"""Widen a found name to the phrase around it and set the precision.

"au sud de Mossoul" (near), "la province de Ninive" (admin1), "le cercle de Ménaka"
(admin2), "les montagnes de Makhmour" / "Makhmour MTN" (region), "in northern Iraq" (region).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from newsevents.gazetteer.loading import read_yaml

WINDOW = 90  # characters looked at before a name; phrases are shorter


def alternation(words: Iterable[str]) -> str:
    """Literal words as a regex alternation, longest first; a space matches a short run of
    blanks and an apostrophe either apostrophe."""
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        escaped = re.escape(word).replace(r"\ ", r"[ \t\u00a0]{1,3}")
        parts.append(escaped.replace("'", "['’]"))
    return "(?:" + "|".join(parts) + ")"


_SP = r"[ \t\u00a0]{1,3}"
_SP0 = r"[ \t\u00a0]{0,3}"
# "de", "de l'", "de la", "d'", "du", "des" before a name
_DE = rf"(?:de{_SP}l['’]|de{_SP}la{_SP}|de{_SP}|d['’]|du{_SP}|des{_SP})"


@dataclass(frozen=True)
class PhrasePatterns:
    near: re.Pattern[str]
    direction: re.Pattern[str]
    country_part: re.Pattern[str]
    admin1_before: re.Pattern[str]
    admin2_before: re.Pattern[str]
    admin1_after: re.Pattern[str]
    admin2_after: re.Pattern[str]
    feature_before: re.Pattern[str]
    feature_after: re.Pattern[str]


@lru_cache(maxsize=1)
def patterns() -> PhrasePatterns:
    data = read_yaml("gazetteer/phrases.yaml")
    flags = re.IGNORECASE
    dirs_fr, dirs_en = alternation(data["directions_fr"]), alternation(data["directions_en"])
    units, nouns = alternation(data["distance_units"]), alternation(data["area_nouns"])
    about = rf"(?:environ{_SP}|quelque{_SP}|some{_SP}|about{_SP})?"
    distance = rf"(?:(?:à{_SP})?{about}\d{{1,4}}{_SP0}{units}{_SP})?"
    noun = rf"(?:(?:les|la|le|l['’]|the){_SP0}{nouns}{_SP})?"
    admin_fr = rf"(?:(?:la|le|les|l['’]){_SP0})?"
    return PhrasePatterns(
        near=re.compile(rf"{noun}{alternation(data['near_before'])}{_SP0}$", flags),
        direction=re.compile(
            rf"{noun}{distance}(?:(?:au|à{_SP}l['’]){_SP0}{dirs_fr}{_SP}{_DE}|{dirs_en}(?:ern)?{_SP}of{_SP})$",
            flags),
        country_part=re.compile(
            rf"(?:(?:le|la|l['’]|au|du|à{_SP}l['’]){_SP0}{dirs_fr}{_SP}{_DE}|{dirs_en}(?:ern){_SP}|the{_SP}{dirs_en}{_SP}of{_SP})$",
            flags),
        admin1_before=re.compile(
            rf"{admin_fr}{alternation(data['admin1_words_fr'])}{_SP}{_DE}?$|"
            rf"(?:the{_SP})?{alternation(data['admin1_words_en'])}{_SP}of{_SP}$", flags),
        admin2_before=re.compile(
            rf"{admin_fr}{alternation(data['admin2_words_fr'])}{_SP}{_DE}?$|"
            rf"(?:the{_SP})?{alternation(data['admin2_words_en'])}{_SP}of{_SP}$", flags),
        admin1_after=re.compile(rf"{_SP}{alternation(data['admin1_words_en'])}\b", flags),
        admin2_after=re.compile(rf"{_SP}{alternation(data['admin2_words_en'])}\b", flags),
        feature_before=re.compile(
            rf"(?:(?:les|la|le|l['’]|the){_SP0})?{alternation(data['feature_before'])}{_SP0}$",
            flags),
        feature_after=re.compile(rf"{_SP}{alternation(data['feature_after'])}\b"),
    )


@dataclass(frozen=True)
class Phrase:
    """What the words around a name say: the widened span and the precision they imply."""

    start: int
    end: int
    precision: str


def _before(pattern: re.Pattern[str], text: str, start: int) -> int | None:
    window_start = max(0, start - WINDOW)
    found = pattern.search(text, window_start, start)
    return found.start() if found else None


def _after(pattern: re.Pattern[str], text: str, end: int) -> int | None:
    found = pattern.match(text, end, min(len(text), end + WINDOW))
    return found.end() if found else None


def find_phrase(text: str, start: int, end: int, kind: str) -> Phrase | None:
    """The phrase around ``text[start:end]`` (a name of an entry of ``kind``), if any."""
    found = patterns()
    if kind == "C":
        begin = _before(found.country_part, text, start)
        return Phrase(begin, end, "region") if begin is not None else None
    for pattern, precision in ((found.admin1_before, "admin1"), (found.admin2_before, "admin2")):
        begin = _before(pattern, text, start)
        if begin is not None:
            return Phrase(begin, end, precision)
    for pattern, precision in ((found.admin1_after, "admin1"), (found.admin2_after, "admin2")):
        finish = _after(pattern, text, end)
        if finish is not None:
            return Phrase(start, finish, precision)
    if kind not in ("P", "R"):
        return None
    finish = _after(found.feature_after, text, end)
    if finish is not None:
        return Phrase(start, finish, "region")
    if kind == "R":
        return None
    begin = _before(found.feature_before, text, start)
    if begin is not None:
        return Phrase(begin, end, "region")
    for pattern in (found.near, found.direction):
        begin = _before(pattern, text, start)
        if begin is not None:
            return Phrase(begin, end, "near")
    return None


_ARTICLE_RE = re.compile(rf"(?:\b(?:la|le|les|the){_SP}|\bl['’])$", re.IGNORECASE)


def with_article(text: str, start: int) -> int:
    """Start of the article before a common-noun name: "la vallée de l'Euphrate"."""
    found = _ARTICLE_RE.search(text, max(0, start - 5), start)
    return found.start() if found else start
