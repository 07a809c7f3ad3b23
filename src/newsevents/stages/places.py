"""Places stage: place mentions with coordinates, admin areas and precision (offline).

``find_places`` finds gazetteer names in the text (French and English, accent- and
apostrophe-insensitive), picks one entry per name from the article's context, and widens
the mention to the phrase that sets its precision ("au sud de Mossoul" is *near* Mosul).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from newsevents.gazetteer.disambiguation import (
    acceptable,
    after_locative,
    best_candidate,
    context_words,
    document_countries,
    looks_like_person,
)
from newsevents.gazetteer.loading import Gazetteer, Place, capital_ids, load_gazetteer
from newsevents.gazetteer.lookup import NameMatch, Token, find_names, skipped_ranges, tokenize
from newsevents.gazetteer.normalize import fold_name
from newsevents.gazetteer.phrases import Phrase, find_phrase, with_article
from newsevents.records import Noise, PlaceMention, Segment

PRECISION_OF_KIND = {"P": "exact", "A1": "admin1", "A2": "admin2", "C": "country", "R": "region"}
ADMIN_KINDS = {"admin1": frozenset({"A1"}), "admin2": frozenset({"A2", "A1"})}


def find_places(text: str, segments: Sequence[Segment] = (),
                noise: Sequence[Noise] = ()) -> list[PlaceMention]:
    """Every place mentioned in ``text``, in order, with offsets into ``text``.

    ``segments`` are accepted for the pipeline's uniform signature (the article as a whole
    is the context that disambiguates); ``noise`` ranges (URLs, handles) are never read.
    """
    gazetteer = load_gazetteer()
    tokens = tokenize(text, skipped_ranges(text, [(n.start, n.end) for n in noise]))
    matches = find_names(gazetteer, text, tokens)
    countries = document_countries(gazetteer, matches)
    mentions = []
    for match in matches:
        mention = _resolve(gazetteer, text, tokens, match, countries)
        if mention is not None:
            mentions.append(mention)
    return mentions


def lookup_place(name: str, country_hint: str | None = None) -> PlaceMention | None:
    """The best entry for a bare name ("Mossoul", "Irak"), offsets 0..len(name)."""
    gazetteer = load_gazetteer()
    key = fold_name(name)
    countries: Counter[str] = Counter({country_hint: 3} if country_hint else {})
    place = best_candidate(gazetteer, key, countries)
    if place is None or (key in context_words().stoplist and not place.curated):
        return None
    return _mention(name, 0, len(name), place, PRECISION_OF_KIND.get(place.kind, "exact"))


def _resolve(gazetteer: Gazetteer, text: str, tokens: Sequence[Token], match: NameMatch,
             countries: Counter[str]) -> PlaceMention | None:
    place = best_candidate(gazetteer, match.key, countries)
    if place is None:
        return None
    phrase = find_phrase(text, match.start, match.end, place.kind)
    if phrase is not None and phrase.precision in ADMIN_KINDS:
        place = _admin_area(gazetteer, match.key, place, phrase, countries)
    locative = after_locative(tokens, match)
    if not acceptable(gazetteer, place, match.key, countries, phrase is not None, locative):
        return None
    if phrase is None and place.kind != "R":
        if looks_like_person(text, tokens, match, place):
            return None
    if phrase is None:
        start, end, precision = match.start, match.end, PRECISION_OF_KIND[place.kind]
        if match.key in gazetteer.lowercase_keys:
            start = with_article(text, start)
    else:
        start, end, precision = phrase.start, phrase.end, phrase.precision
    return _mention(text[start:end], start, end, place, precision)


def _admin_area(gazetteer: Gazetteer, key: str, place: Place, phrase: Phrase,
                countries: Counter[str]) -> Place:
    """The admin area a phrase names: the area of that name in the town's country, else
    the town's own admin1 (named after it, as Tillaberi), else the town itself."""
    local = Counter(countries)
    local[place.country] += 5
    area = best_candidate(gazetteer, key, local, ADMIN_KINDS[phrase.precision])
    if area is not None and area.country == place.country:
        return area
    if place.admin1:
        area = best_candidate(gazetteer, fold_name(place.admin1), local, frozenset({"A1"}))
        if area is not None and area.country == place.country:
            return area
    return place


def _mention(span: str, start: int, end: int, place: Place, precision: str) -> PlaceMention:
    return PlaceMention(
        start=start, end=end, text=span, name=place.name, country=place.country or None,
        admin1=place.admin1 if place.kind != "C" else None,
        lat=round(place.lat, 5), lon=round(place.lon, 5), precision=precision,
        geonameid=place.geonameid,
    )


_SPEECH_CACHE: dict[str, re.Pattern[str]] = {}


def is_speaker_seat(text: str, mention: PlaceMention) -> bool:
    """True when a capital stands for its government: "a annoncé Bagdad", "Washington said",
    "entre Bagdad et Washington" (talks). The claims stage skips such places."""
    if mention.precision != "exact" or not _is_capital(mention):
        return False
    before, after = _speech_patterns()
    window = text[max(0, mention.start - 60):mention.start]
    if before.search(window):
        return True
    return bool(after.match(text, mention.end, min(len(text), mention.end + 40)))


def _speech_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    if not _SPEECH_CACHE:
        words = context_words().raw

        def alternation(key: str) -> str:
            return "|".join(re.escape(w) for w in sorted(words[key], key=len, reverse=True))

        _SPEECH_CACHE["before"] = re.compile(
            rf"(?:{alternation('speech_before')}|{alternation('talks_before')})[ \t]{{1,3}}"
            rf"(?:\w{{1,20}}[ \t]{{1,3}}(?:et|and)[ \t]{{1,3}})?$", re.IGNORECASE)
        _SPEECH_CACHE["after"] = re.compile(
            rf"[ \t,]{{1,3}}(?:{alternation('speech_after')})\b", re.IGNORECASE)
    return _SPEECH_CACHE["before"], _SPEECH_CACHE["after"]


def _is_capital(mention: PlaceMention) -> bool:
    return mention.geonameid is not None and mention.geonameid in capital_ids()
