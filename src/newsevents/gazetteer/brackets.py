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
from functools import lru_cache

from newsevents.gazetteer.disambiguation import context_words
from newsevents.gazetteer.loading import Gazetteer, read_yaml
from newsevents.gazetteer.lookup import NameMatch
from newsevents.gazetteer.normalize import fold_name
from newsevents.gazetteer.settlements import NAME, name_span

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
    # The name just before each placed bracket ("Onklou (Djougou, Donga)"), for when the
    # gazetteer lacks it or has no entry of it in the bracket's country.
    heads: list[BracketHead] = field(default_factory=list)


@dataclass(frozen=True)
class BracketHead:
    """The name before a bracket of admin areas: its span, its match index when the
    gazetteer knows the name, and the bracket's names from the most local one."""

    start: int
    end: int
    match: int | None
    inner: tuple[int, ...]


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
        last_part = found.start(1) + found.group(1).rfind(",") + 1
        country = _bracket_country(gazetteer, [matches[i] for i in inner], parts, score_of,
                                   matches[inner[-1]].start >= last_part)
        if country is None:
            continue
        hints.countries[country] += BRACKET_COUNTRY_WEIGHT
        admin1 = _admin1(gazetteer, matches[inner[-1]].key, country)
        members = list(inner)
        head = low - 1
        if head >= 0 and _HYPHENATED_RE.match(text, max(0, matches[head].start - 2)):
            head -= 1  # its whole hyphenated word may be the unknown name
        # A hierarchy ("(Djougou, Donga)") or an area ("(Tigray)") places the name before
        # it; one town in brackets does only after a locative ("in Wadi Jarif (Sirt)"),
        # not after a person's or a body's name ("Hamid Rahimi (Kabul)").
        placing = parts > 1 or _is_area(gazetteer, matches[inner[0]].key)
        if head >= 0 and _HEAD_GAP_RE.fullmatch(text, matches[head].end, found.start()):
            members.append(head)
            if _placed(text, matches[head].start, matches[head].end, placing):
                hints.heads.append(BracketHead(matches[head].start, matches[head].end, head,
                                               tuple(inner)))
            head = len(matches)
        head_start: int | None = None
        if hints.heads and hints.heads[-1].inner == tuple(inner):
            head_start = hints.heads[-1].start
        if head < len(matches):
            floor = matches[head].end if head >= 0 else 0
            span = _unlisted_head(text, found.start(), floor)
            if span is not None and _placed(text, span[0], span[1], placing):
                hints.heads.append(BracketHead(span[0], span[1], None, tuple(inner)))
                head_start = span[0]
        if head_start is not None and (pair := _pair_start(text, head_start)) is not None:
            at = bisect.bisect_left(starts, pair[0])
            known = at if at < len(starts) and starts[at] == pair[0] else None
            hints.heads.append(BracketHead(pair[0], pair[1], known, tuple(inner)))
            if known is not None:
                members.append(known)
        for i in members:
            hints.country[i] = country
            if admin1:
                hints.admin1[i] = admin1
        hints.inner.update(inner)
        if len(inner) > 1 and found.group(1).count(",") >= 1:
            hints.last.add(inner[-1])
    return hints


# A capitalised name of one to three words ("Onklou", "Nguia-Bouar", "Hotel Pendjari"),
# then at most one lowercase noun ("Ndassima village"), right before the bracket. Matched on
# a bounded window that ends at the bracket, so the search stays linear.
_HEAD_NAME_RE = re.compile(
    rf"(?<![\w'’-]){NAME}(?:[ \t\u00a0]{{1,3}}[^\W\d_A-Z]{{2,15}})?[ \t\u00a0]{{0,3}}\Z")
_HEAD_WINDOW = 100
# A known name glued by a hyphen to another word ("Nguia-Bouar") is not that name.
_HYPHENATED_RE = re.compile(r"\w-")


@lru_cache(maxsize=1)
def _pair_pattern() -> re.Pattern[str]:
    data = read_yaml("gazetteer/phrases.yaml")
    before = "|".join(re.escape(str(w)) for w in data.get("pair_before") or ["between"])
    joiner = "|".join(re.escape(str(w)) for w in data.get("pair_joiner") or ["and"])
    return re.compile(rf"(?i:{before})[ \t\u00a0]{{1,3}}{NAME}[ \t\u00a0]{{1,3}}"
                      rf"(?i:{joiner})[ \t\u00a0]{{1,3}}\Z")


def _pair_start(text: str, head: int) -> tuple[int, int] | None:
    """The first name of "between X and <head>", X's span, or None."""
    start = max(0, head - _HEAD_WINDOW)
    found = _pair_pattern().search(text[start:head])
    if found is None:
        return None
    return name_span(text, start + found.start("name"), start + found.end("name"))


def _unlisted_head(text: str, bracket: int, floor: int) -> tuple[int, int] | None:
    """The span of the unknown name just before a bracket, after ``floor`` (the end of the
    previous known name), or None: a function word ("In", "The") is not a name."""
    start = max(floor, bracket - _HEAD_WINDOW)
    found = _HEAD_NAME_RE.search(text[start:bracket])
    if found is None:
        return None
    return name_span(text, start + found.start("name"), start + found.end("name"))


def _listing(content: str, names: int) -> bool:
    """A bracket that lists places: comma-separated names, each starting with a capital
    ("Materi, Atacora"), or one short phrase around a single name ("nord de l'Irak")."""
    parts = [p.strip() for p in content.split(",")]
    if len(parts) > 4 or any(not p or len(p.split()) > 4 for p in parts):
        return False
    if len(parts) == 1:
        # an acronym ("(FAMa)", "(UNEF)") spells out the words before it, not a place; a
        # force ("(presumed Amhara ethnic militia)") says who, not where
        forces = context_words().force_nouns
        return names == 1 and sum(c.isupper() for c in parts[0]) < 2 and \
            not any(fold_name(w) in forces for w in parts[0].split())
    return all(p[:1].isupper() for p in parts)


def _bracket_country(gazetteer: Gazetteer, inner: Sequence[NameMatch], parts: int,
                     score_of: ScoreFunction, ends_it: bool) -> str | None:
    """The country most names of the bracket agree on (two at least when it lists several:
    one known name among unknown ones decides nothing unless it is the last, the admin1,
    of one country only; ``ends_it`` says the last known name is the bracket's last part)."""
    votes: Counter[str] = Counter()
    for match in inner:
        votes.update({p.country for p in gazetteer.candidates(match.key)
                      if p.kind in _LISTED_KINDS and p.country})
    if parts > 1 and ends_it and len(inner) > 1:
        # the last name of a hierarchy is the area holding the others: a country where it
        # is only a town does not get its vote ("(Tripoli, West)": no West, Texas)
        votes.subtract(_towns_only(gazetteer, inner))
    if not votes:
        return None
    best = max(votes.values())
    if best < min(2, parts):
        # no agreement: the last name, the admin1 ("Bombo (Topia, Gadzi)", "Qansax Dheere
        # (Qansax Dheere, Bay)"), if it is an admin area of one country only
        areas = {p.country for p in gazetteer.candidates(inner[-1].key)
                 if p.kind in ("A1", "A2")}
        return areas.pop() if ends_it and len(areas) == 1 else None
    tied = [c for c, n in votes.items() if n == best]
    if len(tied) == 1:
        return tied[0]
    return max(tied, key=lambda c: sum(score_of(m.key, c) for m in inner))


def _towns_only(gazetteer: Gazetteer, inner: Sequence[NameMatch]) -> set[str]:
    """The countries where the bracket's last name is only a town, the admin area of none
    of the names before it."""
    last = inner[-1].key
    towns = {p.country for p in gazetteer.candidates(last) if p.kind == "P" and p.country}
    areas = {p.country for p in gazetteer.candidates(last)
             if p.kind in ("A1", "A2", "C", "R")}
    containing = {p.country for m in inner[:-1] for p in gazetteer.candidates(m.key)
                  if last in (fold_name(p.admin1 or ""), fold_name(p.admin2 or ""))}
    return towns - areas - containing


_WORD_BEFORE = re.compile(r"([^\W\d_]{1,12})[ \t\u00a0]{1,3}\Z")


def _placed(text: str, start: int, end: int, placing: bool) -> bool:
    """Whether the name at `start:end` is a place its bracket locates: not an acronym
    ("FAMa (Mali)"), and after a locative unless the bracket is a hierarchy or an area."""
    name = text[start:end]
    if " " not in name and len(name) <= 8 and sum(c.isupper() for c in name) >= 2:
        return False
    return placing or _after_locative(text, start)


def _after_locative(text: str, start: int) -> bool:
    found = _WORD_BEFORE.search(text[max(0, start - 16):start])
    return found is not None and fold_name(found.group(1)) in context_words().locatives


def _is_area(gazetteer: Gazetteer, key: str) -> bool:
    return any(p.kind in ("A1", "A2", "C", "R") for p in gazetteer.candidates(key))


def _admin1(gazetteer: Gazetteer, key: str, country: str) -> str | None:
    for place in gazetteer.candidates(key):
        if place.country == country and place.kind == "A1":
            return place.name
    return None
