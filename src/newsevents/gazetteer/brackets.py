"""Admin hierarchies in brackets: "Dassari (Materi, Atacora)", "Kengue (Bede, Batangafo,
Ouham)", "Mossoul (nord de l'Irak)", "Tamwe township (Yangon-East district, Yangon region)".

The names inside a bracket agree on one country (and their last one is usually the admin1):
that country decides every name of the bracket and the name just before it ("Kobe (Gao,
Gao)" is not Kobe, Japan; "Niala (Djenne, Mopti)" is not Nyala, Sudan), and it is strong
evidence of the document's country.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from newsevents.gazetteer.loading import Gazetteer
from newsevents.gazetteer.lookup import NameMatch

_BRACKET_RE = re.compile(r"\(([^()\n]{2,160})\)")
# Between the name and its bracket: blanks and at most one common noun ("Tamwe township (",
# "Ndassima village (", "Sedal woreda (").
_HEAD_GAP_RE = re.compile(r"[ \t\u00a0]{0,3}(?:[^\W\d_]{2,15}[ \t\u00a0]{1,3})?")
_LISTED_KINDS = frozenset({"P", "A1", "A2", "C", "R"})
BRACKET_COUNTRY_WEIGHT = 3
# How well a name fits a country (the best score of its entries there): breaks ties.
ScoreFunction = Callable[[str, str], float]


@dataclass
class BracketHints:
    """What brackets say about the matches of a text (keys are match indexes)."""

    country: dict[int, str] = field(default_factory=dict)
    admin1: dict[int, str] = field(default_factory=dict)  # the bracket's admin1 name
    inner: set[int] = field(default_factory=set)  # names inside a bracket
    last: set[int] = field(default_factory=set)  # the last name of a bracket of several
    countries: Counter[str] = field(default_factory=Counter)


def bracket_hints(gazetteer: Gazetteer, text: str, matches: Sequence[NameMatch],
                  score_of: ScoreFunction) -> BracketHints:
    hints = BracketHints()
    starts = [m.start for m in matches]
    for found in _BRACKET_RE.finditer(text):
        low = bisect.bisect_left(starts, found.start(1))
        high = bisect.bisect_left(starts, found.end(1))
        inner = [i for i in range(low, high) if matches[i].end <= found.end(1)]
        if not inner or not _listing(found.group(1), len(inner)):
            continue
        parts = found.group(1).count(",") + 1
        country = _bracket_country(gazetteer, [matches[i] for i in inner], parts, score_of)
        if country is None:
            continue
        hints.countries[country] += BRACKET_COUNTRY_WEIGHT
        admin1 = _admin1(gazetteer, matches[inner[-1]].key, country)
        members = list(inner)
        head = low - 1
        if head >= 0 and _HEAD_GAP_RE.fullmatch(text, matches[head].end, found.start()):
            members.append(head)
        for i in members:
            hints.country[i] = country
            if admin1:
                hints.admin1[i] = admin1
        hints.inner.update(inner)
        if len(inner) > 1 and found.group(1).count(",") >= 1:
            hints.last.add(inner[-1])
    return hints


def _listing(content: str, names: int) -> bool:
    """A bracket that lists places: comma-separated names, each starting with a capital
    ("Materi, Atacora"), or one short phrase around a single name ("nord de l'Irak")."""
    parts = [p.strip() for p in content.split(",")]
    if len(parts) > 4 or any(not p or len(p.split()) > 4 for p in parts):
        return False
    if len(parts) == 1:
        return names == 1
    return all(p[:1].isupper() for p in parts)


def _bracket_country(gazetteer: Gazetteer, inner: Sequence[NameMatch], parts: int,
                     score_of: ScoreFunction) -> str | None:
    """The country most names of the bracket agree on (two at least when it lists several:
    one known name among unknown ones decides nothing)."""
    votes: Counter[str] = Counter()
    for match in inner:
        votes.update({p.country for p in gazetteer.candidates(match.key)
                      if p.kind in _LISTED_KINDS and p.country})
    if not votes:
        return None
    best = max(votes.values())
    if best < min(2, parts):
        # no agreement: the last name, the admin1 ("Bombo (Topia, Gadzi)"), if it is an
        # admin area of one country only
        areas = {p.country for p in gazetteer.candidates(inner[-1].key)
                 if p.kind in ("A1", "A2")}
        last_listed = len(inner) > 1 or parts == 1
        return areas.pop() if last_listed and len(areas) == 1 else None
    tied = [c for c, n in votes.items() if n == best]
    if len(tied) == 1:
        return tied[0]
    return max(tied, key=lambda c: sum(score_of(m.key, c) for m in inner))


def _admin1(gazetteer: Gazetteer, key: str, country: str) -> str | None:
    for place in gazetteer.candidates(key):
        if place.country == country and place.kind == "A1":
            return place.name
    return None
