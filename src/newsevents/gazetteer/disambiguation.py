"""Pick one gazetteer entry per name found, from the article's context, or none."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsevents.gazetteer.loading import Gazetteer, Place, read_word_list, read_yaml
from newsevents.gazetteer.lookup import NameMatch, Token
from newsevents.gazetteer.normalize import fold_name

KIND_PRIOR = {"C": 30.0, "R": 12.0, "A1": 3.0, "A2": 2.0, "P": 0.0}
# Admin areas score as a fixed-size town: the town of the same name wins a bare mention.
ADMIN_KINDS = frozenset({"A1", "A2"})
CURATED_BONUS = 8.0
ADMIN_CURATED_BONUS = 2.0  # curated admin aliases must not beat the town of the same name
PRIMARY_NAME_BONUS = 1.0
CONTEXT_COUNTRY_BONUS = 4.0
THEATRE_BONUS = 1.5
# A town this big is taken on its own; smaller ones need their country named nearby, or
# (in a conflict theatre) their main name and some size.
ALWAYS_POPULATION = 150_000
THEATRE_POPULATION = 10_000
# A town's other spelling (not its main name) is taken without its country named only when
# the town is this big and the article names no other country.
ALTERNATE_ALONE_POPULATION = 1_000_000
# A surname-like capitalised neighbour rules a town out below this size ("Wayne Marotto").
NEIGHBOUR_RULE_POPULATION = 500_000


@dataclass(frozen=True)
class ContextWords:
    person_titles: frozenset[str]
    function_words: frozenset[str]
    theatre: frozenset[str]
    locatives: frozenset[str]
    stoplist: frozenset[str]
    never_places: frozenset[str]  # a continent: no bracket or admin term makes it an area
    force_nouns: frozenset[str]
    raw: dict[str, Any]


@lru_cache(maxsize=1)
def demonyms() -> tuple[dict[str, str], int]:
    """Folded adjective of nationality -> country, and the most tokens one has."""
    table: dict[str, str] = {}
    for country, forms in (read_yaml("gazetteer/demonyms.yaml") or {}).items():
        for form in forms:
            table[fold_name(str(form))] = str(country)
    return table, max((key.count(" ") + 1 for key in table), default=1)


def demonym_countries(tokens: Sequence[Token]) -> Counter[str]:
    """Countries whose adjective the text uses ("l'armée malienne", "Beninese troops"), or
    an admin term of their own ("Ukum LGA", "Guba woreda"), once each: evidence of the
    document's country, weaker than its name."""
    table, longest = _country_words()
    found: Counter[str] = Counter()
    for i in range(len(tokens)):
        for count in range(min(longest, len(tokens) - i), 0, -1):
            key = " ".join(t.key for t in tokens[i:i + count])
            if key in table:
                found[table[key]] = 1
                break
    return found


@lru_cache(maxsize=1)
def admin_terms() -> dict[str, str]:
    """Folded admin term of one country ("lga", "woreda") -> that country."""
    terms = context_words().raw.get("country_admin_terms") or {}
    return {fold_name(str(term)): str(country)
            for country, words in terms.items() for term in words}


@lru_cache(maxsize=1)
def _country_words() -> tuple[dict[str, str], int]:
    """Adjectives of nationality and admin terms of one country -> the country, and the
    most tokens one has."""
    table = {**admin_terms(), **demonyms()[0]}
    return table, max((key.count(" ") + 1 for key in table), default=1)


@lru_cache(maxsize=1)
def context_words() -> ContextWords:
    data = read_yaml("gazetteer/context_words.yaml")
    return ContextWords(
        person_titles=frozenset(fold_name(str(w)) for w in data["person_titles"]),
        function_words=frozenset(fold_name(str(w)) for w in data["function_words"]),
        theatre=frozenset(data["theatre_countries"]),
        locatives=frozenset(fold_name(str(w)) for w in data["locative_prepositions"]),
        stoplist=read_word_list("gazetteer/stoplist.txt"),
        never_places=read_word_list("gazetteer/never_places.txt"),
        force_nouns=frozenset(fold_name(str(w)) for w in data.get("force_nouns") or ()),
        raw=data,
    )


def document_countries(gazetteer: Gazetteer, matches: Sequence[NameMatch]) -> Counter[str]:
    """Countries the article names, or names an unambiguous curated place of."""
    counts: Counter[str] = Counter()
    for match in matches:
        places = gazetteer.candidates(match.key)
        countries = [p.country for p in places if p.kind == "C"]
        # curated entries and admin areas of one country vouch for it; a town's
        # alternate name alone does not ("Des" is a spelling of Dej, Romania)
        vouching = {p.country for p in places if p.curated or p.kind in ("A1", "R")}
        if countries:
            counts[countries[0]] += 2
        elif len(vouching) == 1 and len({p.country for p in places}) == 1:
            counts[vouching.pop()] += 1
    return counts


def after_locative(tokens: Sequence[Token], match: NameMatch) -> bool:
    """True after "à", "in", "near"...: "à Tessalit" is a place even if GeoNames gives it
    no population."""
    return match.first > 0 and tokens[match.first - 1].key in context_words().locatives


def score(gazetteer: Gazetteer, place: Place, key: str, countries: Counter[str]) -> float:
    value = KIND_PRIOR.get(place.kind, 0.0)
    if place.kind not in ADMIN_KINDS:
        value += math.log10(place.population + 1)
    if place.curated:
        value += ADMIN_CURATED_BONUS if place.kind in ADMIN_KINDS else CURATED_BONUS
    if (place.row, key) in gazetteer.primary:
        value += PRIMARY_NAME_BONUS
    if countries.get(place.country):
        value += CONTEXT_COUNTRY_BONUS + min(countries[place.country], 4)
    if place.country in context_words().theatre:
        value += THEATRE_BONUS
    return value


def best_candidate(gazetteer: Gazetteer, key: str, countries: Counter[str],
                   kinds: frozenset[str] | None = None,
                   country: str | None = None) -> Place | None:
    """The best-scoring entry of ``key`` (of those ``kinds``, in that ``country``)."""
    places = [p for p in gazetteer.candidates(key) if (kinds is None or p.kind in kinds)
              and (country is None or p.country == country)]
    if not places:
        return None
    return max(places, key=lambda p: score(gazetteer, p, key, countries))


def looks_like_person(text: str, tokens: Sequence[Token], match: NameMatch, place: Place) -> bool:
    """A title before the name, or a capitalised word glued to it: "Col. Wayne",
    "Wayne Marotto", "Brett Mc Gurk"."""
    words = context_words()
    before = tokens[match.first - 1] if match.first > 0 else None
    if before is not None and match.start - before.end <= 2 and place.kind != "C":
        if before.key in words.person_titles:
            return True
        glued = text[before.end:match.start] == " "
        if glued and _capitalised(before.text(text)) and before.key not in words.function_words:
            return True
    after_index = match.first + match.count
    after = tokens[after_index] if after_index < len(tokens) else None
    if after is None or text[match.end:after.start] != " ":
        return False
    # a country glued to a capitalised word is a name: "Jordan Bardella", "Chad Smith"
    big = place.curated or place.population >= NEIGHBOUR_RULE_POPULATION
    if big and place.kind != "C":
        return False
    return _capitalised(after.text(text)) and after.key not in words.function_words


def qualifies_a_force(text: str, tokens: Sequence[Token], match: NameMatch,
                      place: Place) -> bool:
    """A region's name used as an adjective of a force or a government ("Somali forces",
    "the Somali government" are not the Somali region of Ethiopia): no place. A country
    so used stays its country, a town its town ("Nairobi police" act there)."""
    after_index = match.first + match.count
    if place.kind not in ("A1", "A2", "R") or after_index >= len(tokens):
        return False
    after = tokens[after_index]
    return text[match.end:after.start] == " " and after.key in context_words().force_nouns


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def acceptable(gazetteer: Gazetteer, place: Place, key: str, countries: Counter[str],
               signalled: bool, locative: bool = False, bracketed: bool = False) -> bool:
    """Whether the best entry is good enough to report; ``signalled`` when a phrase around
    the name says it is a place ("près de", "la province de"), ``locative`` after "à"/"in",
    ``bracketed`` when an admin bracket of its country holds it ("(Baidoa, Bay)"), where even
    a common word names the area."""
    words = context_words()
    if key in words.never_places and not place.curated:
        return False
    if key in words.stoplist and not place.curated and not bracketed:
        return False
    if place.kind in ("C", "R") or place.curated:
        return True
    named_country = bool(countries.get(place.country))
    in_theatre = place.country in words.theatre
    if place.kind in ("A1", "A2"):
        return signalled or ((named_country or in_theatre) and len(key) >= 4)
    if named_country:
        return True
    primary = (place.row, key) in gazetteer.primary
    if not primary and countries and place.population < ALTERNATE_ALONE_POPULATION:
        # another spelling of a town of a country the article never names, while it names
        # others: "Bale" is not Basel, "Tori" not Turin in an article about Nigeria
        return False
    if place.population >= ALWAYS_POPULATION:
        return True
    big_enough = place.population >= THEATRE_POPULATION
    # size or "à"/"in" vouch for a small town of a conflict only when the article names no
    # other country ("Solhan" in an article about Burkina Faso is not Solhan, Turkey)
    vouched = signalled or (not countries and (locative or big_enough))
    if in_theatre and primary and vouched:
        return True
    return signalled and primary and place.population >= THEATRE_POPULATION
