"""Actors: the registry of `data/actors.yaml` matched in the text, with offsets.

Aliases match on a case- and accent-folded copy of the text that keeps every offset;
acronyms that are also words (EI, IS, US) match case-sensitively. A demonym names an actor
only when it qualifies a force noun; a country or capital name only outside a locative
phrase. Generic words for the enemy resolve to the document's most-named armed group.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections import Counter, deque
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from newsevents.records import ActorMention, first_disjoint, opens_line

GENERIC = "generic_hostile"
_WORD = re.compile(r"[\w’'.-]{1,40}")
_ELIDED = re.compile(r"(?:l|d|qu)[’']")


class _FoldTable(dict[int, str]):
    """`str.translate` table computed one character at a time, then remembered."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        low = ch.lower()
        if len(low) != 1:
            low = ch
        base = unicodedata.normalize("NFD", low)[0]
        folded = "'" if base == "’" else base
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lowercase, accent-free, straight apostrophes; the same length as `text`, so offsets
    into the folded text are offsets into the original."""
    return text.translate(_FOLD_TABLE)


@dataclass(frozen=True)
class ActorRegistry:
    alias_pattern: re.Pattern[str]
    alias_ids: dict[str, str]
    exact_pattern: re.Pattern[str]
    exact_ids: dict[str, str]
    demonyms: dict[str, str]
    place_names: dict[str, str]
    place_pattern: re.Pattern[str]
    force_nouns: frozenset[str]
    locatives: frozenset[str]
    border_between: frozenset[tuple[str, str]]  # ("frontiere", "entre")
    armed_groups: frozenset[str]
    homes: dict[str, str]  # actor id -> the one country it fights in
    at_home: frozenset[str]  # acronyms that name their actor only where it fights
    local_names: dict[str, str]  # folded name -> the actor it means in that actor's home
    backer_suffix: re.Pattern[str]  # "-backed", "-linked": a backer's name, not a party's
    generic_words: frozenset[str]  # folded "terroristes", "militants": no group's name
    coalition_leaders: frozenset[str]  # states that lead a coalition of their own
    bare_coalition: frozenset[str]  # "coalition": which coalition, the article says


def _alternation(words: list[str]) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w) for w in ordered)


def _bounded(alternation: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(r"(?<![\w@#])(?:" + alternation + r")(?![\w])", flags)


@lru_cache(maxsize=1)
def _state_ids() -> dict[str, str]:
    raw = resources.files("newsevents.data").joinpath("claims/states.yaml").read_text("utf-8")
    return {str(k): str(v) for k, v in yaml.safe_load(raw).items()}


def state_country(actor: str) -> str | None:
    """The ISO code of the country whose state's forces an actor id is ('russia': 'RU',
    'state:ML': 'ML'); None for any other actor (the inverse of `state_actor`)."""
    if actor.startswith("state:"):
        return actor.split(":", 1)[1]
    return next((country for country, state in _state_ids().items() if state == actor), None)


def is_state(actor: str) -> bool:
    """Whether an actor id is a state's forces ('state:ML', 'russia')."""
    return actor.startswith("state:") or actor in _state_ids().values()


def state_actor(country: str | None) -> str | None:
    """The actor id of a country's state forces: 'iraq', 'state:ML'."""
    if not country or len(country) != 2:
        return None
    return _state_ids().get(country.upper(), f"state:{country.upper()}")


@lru_cache(maxsize=1)
def registry() -> ActorRegistry:
    raw = resources.files("newsevents.data").joinpath("actors.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(raw)
    alias_ids: dict[str, str] = {}
    exact_ids: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    place_names: dict[str, str] = {}
    armed: set[str] = set()
    homes: dict[str, str] = {}
    at_home: set[str] = set()
    local_names: dict[str, str] = {}
    leaders: set[str] = set()
    for actor_id, spec in data.items():
        if not isinstance(spec, dict):
            continue
        for alias in spec.get("aliases", []):
            alias_ids[fold(str(alias))] = actor_id
        for alias in spec.get("exact", []):
            exact_ids[str(alias)] = actor_id
        for alias in spec.get("exact_at_home", []):
            exact_ids[str(alias)] = actor_id
            at_home.add(str(alias))
        for alias in spec.get("names_at_home", []):
            local_names[fold(str(alias))] = actor_id
        for word in spec.get("demonyms", []):
            demonyms[fold(str(word))] = actor_id
        for name in spec.get("place_names", []):
            place_names[fold(str(name))] = actor_id
        if spec.get("armed_group"):
            armed.add(actor_id)
        if spec.get("home"):
            homes[actor_id] = str(spec["home"])
        if spec.get("leads_coalition"):
            leaders.add(actor_id)
    for word in data.get(GENERIC, []):
        alias_ids.setdefault(fold(str(word)), GENERIC)
    # Any country's adjective before or after a force noun names its state forces ("the
    # Sudanese army", "l'armée tchadienne", "Myanmar military"): the gazetteer's demonyms,
    # under the contract's id of that state.
    nationalities = yaml.safe_load(resources.files("newsevents.data").joinpath(
        "gazetteer/demonyms.yaml").read_text("utf-8")) or {}
    for country, forms in nationalities.items():
        state = state_actor(str(country))
        if state is not None:
            for word in forms:
                demonyms.setdefault(fold(str(word)), state)
    return ActorRegistry(
        alias_pattern=_bounded(_alternation(list(alias_ids))),
        alias_ids=alias_ids,
        exact_pattern=_bounded(_alternation(list(exact_ids))),
        exact_ids=exact_ids,
        demonyms=demonyms,
        place_names=place_names,
        place_pattern=_bounded(_alternation(list(place_names))),
        force_nouns=frozenset(fold(str(w)) for w in data.get("force_nouns", [])),
        locatives=frozenset(fold(str(w)) for w in data.get("locative_prepositions", [])),
        border_between=frozenset(
            (words[0], words[1]) for w in data.get("border_between", [])
            if len(words := fold(str(w)).split()) == 2),
        armed_groups=frozenset(armed),
        homes=homes,
        at_home=frozenset(at_home),
        local_names=local_names,
        generic_words=frozenset(fold(str(w)) for w in data.get(GENERIC, [])),
        backer_suffix=re.compile(r"[-‐‑](?:" + _alternation(
            [fold(str(w)) for w in data.get("backer_suffixes", [])] or ["\x00"]) + r")\b"),
        coalition_leaders=frozenset(leaders),
        bare_coalition=frozenset(fold(str(w)) for w in data.get("bare_coalition", [])),
    )


def find_actors(text: str, place_countries: Collection[str] | None = None
                ) -> list[ActorMention]:
    """Every actor mention in `text`, non-overlapping, generic enemy words resolved;
    `place_countries`: the countries of the places already found in `text`, if any were
    sought (else the gazetteer is asked, only when an actor needs it)."""
    reg = registry()
    folded = fold(text)
    candidates: list[ActorMention] = []
    for match in reg.alias_pattern.finditer(folded):
        candidates.append(_mention(text, match.start(), match.end(), reg.alias_ids[match.group()]))
    for match in reg.exact_pattern.finditer(text):
        candidates.append(_mention(text, match.start(), match.end(), reg.exact_ids[match.group()]))
    for match in reg.place_pattern.finditer(folded):
        # "in Russia's overnight attack": the possessor of an act, wherever it stands
        owner = folded.startswith(("'s", "’s"), match.end())
        if (owner or not _after_locative(folded, match.start(), reg)) and not _dateline(
                folded, match.start(), match.end()):
            candidates.append(
                _mention(text, match.start(), match.end(), reg.place_names[match.group()]))
    candidates.extend(_demonym_mentions(text, folded, reg))
    # "the UN-backed government": a backer named in an adjective is no party to the acts
    candidates = [m for m in candidates
                  if not reg.backer_suffix.match(folded, m.end, min(len(folded), m.end + 16))]
    candidates = _away_from_home(candidates, text, folded, reg, place_countries)
    candidates = _local_names(candidates, text, folded, reg, place_countries)
    chosen = _longest_non_overlapping(candidates)
    return _the_coalition(_resolve_generic(chosen, reg.armed_groups, text), reg)


def _away_from_home(candidates: list[ActorMention], text: str, folded: str,
                    reg: ActorRegistry, place_countries: Collection[str] | None
                    ) -> list[ActorMention]:
    """Drop the acronyms that name their actor only at home ("FDS") in a text that never
    names that home country, by name, capital, adjective, state forces or places."""
    away = {m.id for m in candidates if m.text in reg.at_home}
    if not away:
        return candidates
    states = _states_named(candidates, folded, reg)
    states.update(reg.demonyms[w] for w in set(_LETTERS.findall(folded)) if w in reg.demonyms)
    gone = {a for a in away if state_actor(reg.homes.get(a)) not in states}
    if gone:  # ... or by one of its places ("près de Kobané")
        countries = _place_countries(text, place_countries)
        gone = {a for a in gone if reg.homes.get(a) not in countries}
    return [m for m in candidates if not (m.id in gone and m.text in reg.at_home)]


def _states_named(candidates: list[ActorMention], folded: str, reg: ActorRegistry) -> set[str]:
    """The actor ids a text names, and the states its country and capital names are."""
    states = {m.id for m in candidates}
    states.update(reg.place_names[m.group()] for m in reg.place_pattern.finditer(folded))
    return states


def _place_countries(text: str, place_countries: Collection[str] | None) -> Collection[str]:
    """The countries of the places of `text`: as given, else from the gazetteer (only
    when a rule needs them)."""
    if place_countries is not None:
        return place_countries
    from newsevents.stages.places import find_places

    return {p.country for p in find_places(text) if p.country}


def _local_names(candidates: list[ActorMention], text: str, folded: str,
                 reg: ActorRegistry, place_countries: Collection[str] | None
                 ) -> list[ActorMention]:
    """A name a group goes by where it fights ("al-Shabaab" in Cabo Delgado is Ansar
    al-Sunna, not Somalia's group) means that group in a text naming its home country and
    not the home of the group the name otherwise means."""
    local = {m.start: reg.local_names[f] for m in candidates
             if (f := fold(m.text)) in reg.local_names and reg.local_names[f] != m.id}
    if not local:
        return candidates
    named = _named_countries(candidates, text, folded, reg, place_countries)
    renamed: list[ActorMention] = []
    for mention in candidates:
        actor = local.get(mention.start)
        if actor is not None and reg.homes.get(actor) in named and \
                reg.homes.get(mention.id) not in named:
            mention = ActorMention(mention.start, mention.end, mention.text, actor)
        renamed.append(mention)
    return renamed


def _named_countries(candidates: list[ActorMention], text: str, folded: str,
                     reg: ActorRegistry, place_countries: Collection[str] | None) -> set[str]:
    """The countries a text names, by their state's forces, name, capital or places."""
    named = set(_place_countries(text, place_countries))
    named.update(c for s in _states_named(candidates, folded, reg) if (c := state_country(s)))
    return named


_LETTERS = re.compile(r"[^\W\d_]+")


def _the_coalition(mentions: list[ActorMention], reg: ActorRegistry) -> list[ActorMention]:
    """An article that names a coalition led by one state ("the Saudi-led coalition")
    means that one by "the coalition" and "coalition warplanes", not the US-led one."""
    leaders = Counter(m.id for m in mentions if m.id in reg.coalition_leaders)
    coalition = [m for m in mentions if m.id == "coalition"]
    bare = {m.start for m in coalition if fold(m.text) in reg.bare_coalition}
    if not leaders or len(bare) < len(coalition):
        return mentions  # none named, or the US-led one named in full as well
    leader = leaders.most_common(1)[0][0]
    return [ActorMention(m.start, m.end, m.text, leader) if m.start in bare else m
            for m in mentions]


def _mention(text: str, start: int, end: int, actor_id: str) -> ActorMention:
    return ActorMention(start, end, text[start:end], actor_id)


_COORDINATORS = frozenset({"et", "and", "&", "ou", "or", ","})
_SPATIAL = frozenset({"attentat", "attaque", "bataille", "siege", "prise", "explosion",
                      "massacre", "combats", "bombardement", "bombardements", "liberation",
                      "offensive", "pres", "autour", "dessus", "nord", "sud", "est", "ouest",
                      "environs",
                      "region", "ville", "province", "centre", "banlieue", "outskirts",
                      "north", "south", "east", "west", "city", "near", "abords", "large",
                      "frontiere", "border"})


def _after_locative(folded: str, start: int, reg: ActorRegistry) -> bool:
    """'en Irak', "à l'Irak", and the second of 'en Irak et en Syrie' / 'in Iraq & Syria';
    both of 'la frontière entre le Niger et le Burkina Faso'."""
    locatives = reg.locatives
    words = re.findall(r"[\w&]+|,", folded[max(0, start - 80):start].replace("'", " "))
    bare = [w for w in words if w not in _ARTICLES]
    if tuple(bare[-2:]) in reg.border_between or (
            bare and bare[-1] in _COORDINATORS and any(
                tuple(bare[i - 2:i]) in reg.border_between for i in range(2, len(bare)))):
        # ... and each country of its list ("la zone des trois frontières entre le Niger,
        # le Burkina Faso et le Mali")
        return True
    words = [w for w in words if w not in {"l", "d"}]
    if not words:
        return False
    if words[-1] in locatives:
        return True
    # "au-dessus de Kiev", "près de Gao", "au nord de Bagdad": a place after a spatial "de".
    if len(words) >= 2 and words[-1] in {"de", "du", "of", "with", "avec"} and (
            words[-2] in _SPATIAL):
        return True
    # "in Iraq & Syria": coordinated with a place that follows a locative preposition.
    return len(words) >= 3 and words[-1] in _COORDINATORS and words[-3] in locatives


# Articles between a preposition and its place ("à l'Irak", "entre le Niger et le Burkina").
_ARTICLES = frozenset({"l", "d", "le", "la", "les", "the"})


def _dateline(folded: str, start: int, end: int) -> bool:
    """'Burkina Faso : au moins 79 civils tués': a place heading a paragraph or headline."""
    return opens_line(folded, start) and folded[end:end + 3].lstrip(" \u00a0")[:1] in (
        ":", "-", "—", "(")


def _demonym_mentions(text: str, folded: str, reg: ActorRegistry) -> list[ActorMention]:
    """'frappes américaines et irakiennes', 'forces spéciales françaises', 'Iraqi forces'.
    The words are read in one pass with a window of three before and four after (a list
    of a 1 MB line's words held 40 MB)."""
    words = _words(folded)
    ahead = deque(itertools.islice(words, 5))  # the word read and the four after it
    before: deque[tuple[int, int, str]] = deque(maxlen=3)
    found: list[ActorMention] = []
    while ahead:
        word = ahead[0][2]
        if word in reg.force_nouns:
            # French: the demonym follows the noun, possibly after one adjective.
            for start, end, after in itertools.islice(ahead, 1, 5):
                if after in reg.demonyms:
                    found.append(_mention(text, start, end, reg.demonyms[after]))
                elif after not in {"et", "speciales", "armees", "aeriennes", "terrestres"}:
                    break
            # English: the demonym precedes the noun ("Iraqi and US forces").
            for start, end, prior in reversed(before):
                if prior in reg.demonyms:
                    found.append(_mention(text, start, end, reg.demonyms[prior]))
                elif prior not in {"and", "special", "&"}:
                    break
        before.append(ahead.popleft())
        ahead.extend(itertools.islice(words, 1))
    return found


def _words(folded: str) -> Iterator[tuple[int, int, str]]:
    for match in _WORD.finditer(folded):
        word = match.group().rstrip(".")
        start = match.start()
        elided = _ELIDED.match(word)  # "l’armée", "d'avions": the noun after the article
        if elided:
            word, start = word[elided.end():], start + elided.end()
        yield start, start + len(word), word


def _longest_non_overlapping(candidates: list[ActorMention]) -> list[ActorMention]:
    return first_disjoint(sorted(candidates, key=lambda m: (-(m.end - m.start), m.start)))


def _resolve_generic(mentions: list[ActorMention], armed: frozenset[str],
                     text: str) -> list[ActorMention]:
    """'Les terroristes', 'the militants': the armed group most named before them or by
    the end of the next sentence ("des jihadistes ... Le groupe, qui se fait appeler
    Al-Shabab"), first named on a tie; none when the text names its groups only later (a
    closing background line: "the Sahel is hit by groups affiliated with IS and Al-Qaeda"
    does not say who the terrorists of the lead were)."""
    named = sorted((m for m in mentions if m.id in armed), key=lambda m: m.start)
    if not named:
        return [m for m in mentions if m.id != GENERIC]
    ends = sentence_ends(text)
    counts: Counter[str] = Counter()  # in first-named order (a tie goes to the first)
    counted = 0
    groups: dict[int, str] = {}
    for mention in sorted((m for m in mentions if m.id == GENERIC), key=lambda m: m.start):
        following = bisect.bisect_left(ends, mention.end)
        reach = ends[following + 1] if following + 1 < len(ends) else len(text)
        while counted < len(named) and named[counted].start < reach:
            counts[named[counted].id] += 1
            counted += 1
        if counts:
            groups[mention.start] = counts.most_common(1)[0][0]
    return [m if m.id != GENERIC else ActorMention(m.start, m.end, m.text, groups[m.start])
            for m in mentions if m.id != GENERIC or m.start in groups]


def sentence_ends(text: str) -> list[int]:
    """Where the sentences of `text` end, roughly (no parse needed): how far after a
    word its group may be named."""
    ends: list[int] = []
    for match in _SENTENCE_END.finditer(text):
        if not ends or text[ends[-1]:match.start()].strip():  # ".\n" ends one sentence
            ends.append(match.end())
    return ends


def armed_group_at(mentions: list[ActorMention], ends: list[int], position: int
                   ) -> str | None:
    """The armed group a sentence at `position` can mean by "the terrorists": the one
    most named before the end of the next sentence, first named on a tie; `mentions`
    sorted by start, `ends` from `sentence_ends`."""
    reg = registry()
    following = bisect.bisect_right(ends, position)
    reach = ends[following + 1] if following + 1 < len(ends) else None
    # named groups only: a generic word resolved to a group named later in the text does
    # not carry that group back to earlier sentences
    counts = Counter(m.id for m in mentions
                     if m.id in reg.armed_groups and (reach is None or m.start < reach)
                     and fold(m.text) not in reg.generic_words)
    return counts.most_common(1)[0][0] if counts else None


# Where a sentence ends, for how far after a generic word its group may be named.
_SENTENCE_END = re.compile(r"[.!?…]+[\"»”’)]*(?=\s)|\n")


def main_armed_group(mentions: list[ActorMention]) -> str | None:
    """The most-named armed group of a document (its 'enemy'), first named on a tie."""
    armed = registry().armed_groups
    counts = Counter(m.id for m in mentions if m.id in armed)
    if not counts:
        return None
    top = max(counts.values())
    return next(m.id for m in mentions if counts.get(m.id) == top)
