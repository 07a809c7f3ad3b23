"""Places stage: place mentions with coordinates, admin areas and precision (offline).

``find_places`` finds gazetteer names in the text (French and English, accent- and
apostrophe-insensitive), picks one entry per name from the article's context, and widens
the mention to the phrase that sets its precision ("au sud de Mossoul" is *near* Mosul).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from newsevents.gazetteer.brackets import BracketHints, bracket_hints
from newsevents.gazetteer.disambiguation import (
    acceptable,
    admin_terms,
    after_locative,
    best_candidate,
    context_words,
    demonym_countries,
    demonyms,
    document_countries,
    looks_like_person,
    qualifies_a_force,
    score,
)
from newsevents.gazetteer.loading import (
    Gazetteer,
    Place,
    capital_ids,
    capital_rows,
    country_rows,
    load_gazetteer,
    read_yaml,
)
from newsevents.gazetteer.lookup import NameMatch, Token, find_names, skipped_ranges, tokenize
from newsevents.gazetteer.normalize import fold_name
from newsevents.gazetteer.phrases import Phrase, find_phrase, with_article
from newsevents.gazetteer.settlements import settlement_names
from newsevents.records import Noise, PlaceMention, Ranges, Segment, opens_line

PRECISION_OF_KIND = {"P": "exact", "A1": "admin1", "A2": "admin2", "C": "country", "R": "region"}
# "la province de X" is an admin1 in Iraq, an admin2 in Burkina Faso: both levels answer.
ADMIN_KINDS = {"admin1": frozenset({"A1", "A2"}), "admin2": frozenset({"A2", "A1"})}


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
    empty: Counter[str] = Counter()

    def fit(key: str, country: str) -> float:
        found = best_candidate(gazetteer, key, empty, country=country)
        return score(gazetteer, found, key, empty) if found is not None else 0.0

    hints = bracket_hints(gazetteer, text, matches, fit)
    countries.update(hints.countries)
    adjectives = demonym_countries(tokens)
    countries.update(adjectives)
    settlements = list(settlement_names(text))
    named_settlements = Ranges(settlements)
    resolved: dict[int, PlaceMention] = {}
    for index, match in enumerate(matches):
        mention = _resolve(gazetteer, text, tokens, match, countries, hints, index,
                           named_settlements.overlaps(match.start, match.end))
        if mention is not None:
            resolved[index] = mention
    _placed_by_their_country(gazetteer, text, matches, resolved, countries)
    mentions = list(resolved.values())
    for head in hints.heads:
        containers = [resolved[i] for i in head.inner if i in resolved]
        if containers and (head.match is None or head.match not in resolved):
            mentions.append(_located_by(text, (head.start, head.end), containers[0]))
    mentions.extend(_capitals(gazetteer, text, tokens, countries, mentions))
    mentions.extend(_regions_of_a_country(text, tokens))
    mentions = _unlisted_settlements(text, mentions, settlements,
                                     hints.countries + adjectives)
    return sorted(mentions, key=lambda m: m.start)


# Between a town and the country that places it: "Palma, dans le nord du Mozambique",
# "Tyre, southern Lebanon", "Palma in northern Mozambique", "Palma (Mozambique)".
_TO_ITS_COUNTRY_RE = re.compile(
    r"[ \t\u00a0]{0,2}[,(]?[ \t\u00a0]{0,2}(?:(?:in|dans|en|au|aux)[ \t\u00a0]{1,2})?")


def _placed_by_their_country(gazetteer: Gazetteer, text: str, matches: Sequence[NameMatch],
                             resolved: dict[int, PlaceMention],
                             countries: Counter[str]) -> None:
    """A town the article places in a country or an admin area right after its name is
    there, not in a country the article never names ("Palma, dans le nord du Mozambique"
    is not Palma de Majorque; "Boma, dans la province du Lac" is not Boma, Congo): that
    country's entry of the name, else the name located no better than the area."""
    ordered = sorted(resolved)
    for index, following in itertools.pairwise(ordered):
        mention, after = resolved[index], resolved[following]
        if mention.precision != "exact" or not after.country or \
                after.country == mention.country or countries.get(mention.country or "", 0) \
                or not _TO_ITS_COUNTRY_RE.fullmatch(text, mention.end, after.start) or \
                not any(p.kind in _PLACING_KINDS and p.country == after.country
                        for p in gazetteer.candidates(fold_name(after.name))):
            continue
        found = best_candidate(gazetteer, matches[index].key, countries, country=after.country)
        if found is not None:
            resolved[index] = _mention(mention.text, mention.start, mention.end, found, "exact")
        elif after.precision in ("admin1", "admin2"):
            resolved[index] = _located_by(text, (mention.start, mention.end), after)
        else:
            resolved[index] = _unlocated(text, mention.start, mention.end, after.country)


_PLACING_KINDS = frozenset({"C", "A1", "A2"})  # a country or an admin area places a town


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
             countries: Counter[str], hints: BracketHints | None = None,
             index: int = -1, settlement: bool = False) -> PlaceMention | None:
    bracketed = hints is not None and index in hints.country
    if hints is not None and bracketed:
        place = _bracketed(gazetteer, match.key, countries, hints, index)
    else:
        place = best_candidate(gazetteer, match.key, countries)
    if place is None:
        return None
    phrase = find_phrase(text, match.start, match.end, place.kind)
    if phrase is not None and phrase.precision in ADMIN_KINDS:
        place = _admin_area(gazetteer, match.key, place, phrase, countries)
        required = _term_country(text, match, phrase)
        if required is not None and place.country != required:
            # "Ukum LGA" is in Nigeria: an entry of that name elsewhere is not it
            found = best_candidate(gazetteer, match.key, countries, country=required)
            if found is None:
                return None
            place = found
    locative = after_locative(tokens, match)
    # a settlement noun says the name is a place as an admin word does: "in the area of
    # Oursi", "Tohoue village"
    signalled = phrase is not None or bracketed or settlement
    in_bracket = hints is not None and index in hints.inner and hints.country.get(index) == \
        place.country
    # "Rivers State", "Delta State", "Plateau State": a capitalised admin term after a
    # common word makes it the area's name, as does a capitalised word inside a sentence
    # before a lower-case one ("in Delta state")
    titled = phrase is not None and phrase.precision in ADMIN_KINDS and \
        place.kind in ("A1", "A2") and phrase.end > match.end and (
            text[match.end:phrase.end].strip()[:1].isupper() or
            _capitalised_inside_a_sentence(text, tokens, match))
    if not acceptable(gazetteer, place, match.key, countries, signalled, locative,
                      in_bracket or titled):
        return None
    if phrase is None and place.kind != "R":
        if looks_like_person(text, tokens, match, place) or qualifies_a_force(
                text, tokens, match, place):
            return None
    if phrase is None:
        start, end, precision = match.start, match.end, PRECISION_OF_KIND[place.kind]
        if match.key in gazetteer.lowercase_keys:
            start = with_article(text, start)
    else:
        start, end, precision = phrase.start, phrase.end, phrase.precision
    return _mention(text[start:end], start, end, place, precision)


def _capitalised_inside_a_sentence(text: str, tokens: Sequence[Token],
                                    match: NameMatch) -> bool:
    """The name is capitalised and follows a lower-case word of its sentence."""
    if match.first == 0 or not text[match.start:match.start + 1].isupper():
        return False
    before = tokens[match.first - 1]
    gap = text[before.end:match.start]
    return before.text(text)[:1].islower() and not any(c in gap for c in ".!?\n")


def _bracketed(gazetteer: Gazetteer, key: str, countries: Counter[str], hints: BracketHints,
               index: int) -> Place | None:
    """The entry of a name its bracket places: in the bracket's country (none there: not
    this place), in its admin1 when one is named, the admin1 itself for a bracket's last
    name ("Dassari (Materi, Atacora)": Atacora the department, Materi the town)."""
    country = hints.country[index]
    local = Counter(countries)
    local[country] += 5
    if index in hints.last:
        area = best_candidate(gazetteer, key, local, frozenset({"A1"}), country)
        if area is not None:
            return area
    admin1 = hints.admin1.get(index)
    if admin1 is not None and index not in hints.last:
        wanted = fold_name(admin1)
        inside = [p for p in gazetteer.candidates(key) if p.country == country
                  and p.kind in ("P", "A2") and p.admin1 and fold_name(p.admin1) == wanted]
        if inside:
            return max(inside, key=lambda p: score(gazetteer, p, key, local))
    return best_candidate(gazetteer, key, local, country=country)


def _term_country(text: str, match: NameMatch, phrase: Phrase) -> str | None:
    """The one country whose admin term the phrase uses ("Ukum LGA", "Guba woreda")."""
    words = fold_name(text[phrase.start:match.start] + " " + text[match.end:phrase.end])
    terms = admin_terms()
    return next((terms[w] for w in (words, *words.split()) if w in terms), None)


def _admin_area(gazetteer: Gazetteer, key: str, place: Place, phrase: Phrase,
                countries: Counter[str]) -> Place:
    """The admin area a phrase names: the area of that name in the town's country, else
    the town's own admin1 (named after it, as Tillaberi), else the town itself."""
    named = best_candidate(gazetteer, key, countries, ADMIN_KINDS[phrase.precision])
    if named is not None and (not place.country or countries.get(named.country, 0) >=
                              countries.get(place.country, 0)):
        # "la province du Lac" in an article about Chad: not Laç, Albania; "Red Sea state"
        # is no sea
        return named
    local = Counter(countries)
    local[place.country] += 5
    area = best_candidate(gazetteer, key, local, ADMIN_KINDS[phrase.precision])
    if area is not None and area.country == place.country:
        return area
    if place.admin1 and phrase.precision == "admin1" and key in fold_name(place.admin1):
        # named after the town (Tillabéri); not the province around it ("la région de
        # Beni" is Beni's, not North Kivu's)
        area = best_candidate(gazetteer, fold_name(place.admin1), local, frozenset({"A1"}))
        if area is not None and area.country == place.country:
            return area
    return place  # "Donga LGA": the district's seat, which it is named after


def _located_by(text: str, span: tuple[int, int], container: PlaceMention) -> PlaceMention:
    """A place the gazetteer lacks, named before the bracket of its admin areas ("Onklou
    (Djougou, Donga)"): its own name, located no better than its most local container."""
    start, end = span
    precision = "admin2" if container.precision in ("exact", "near", "admin2") else \
        container.precision
    return PlaceMention(start=start, end=end, text=text[start:end], name=text[start:end],
                        country=container.country, admin1=container.admin1,
                        lat=container.lat, lon=container.lon, precision=precision)


def _unlisted_settlements(text: str, mentions: list[PlaceMention],
                          spans: Sequence[tuple[int, int]],
                          evidence: Counter[str]) -> list[PlaceMention]:
    """``mentions`` and the names a settlement noun makes places ("le village de Kobe",
    "Sabewa village") that no gazetteer entry covered: their name, the article's country,
    no coordinates. A known name that is only part of such a name ("Adan Yabaal town" is
    not Aden) gives way to it. ``spans``: the settlement names, sorted."""
    # a known name glued by a hyphen inside the settlement's name ("la localité de
    # Tin-Hama") is not that place (Hama, Syria)
    glued = Ranges(s for s in spans if "-" in text[s[0]:s[1]])
    kept = [m for m in mentions if not (glued.overlaps(m.start, m.end) and (
        text[m.start - 1:m.start] == "-" or text[m.end:m.end + 1] == "-"))]
    kept = [m for m in kept if not _inside_a_wider_name(text, m, spans)]
    # the article's country: of the places found, of the brackets or of the adjectives; not
    # of a word that only might be a place ("Southwest" in a force's name)
    countries = Counter(m.country for m in kept if m.country) + evidence
    country = countries.most_common(1)[0][0] if countries else None
    taken = Ranges.of(kept)
    for start, end in spans:
        if not taken.overlaps(start, end):
            kept.append(_unlocated(text, start, end, country))
    return kept


def _unlocated(text: str, start: int, end: int, country: str | None) -> PlaceMention:
    """A place the gazetteer lacks: its name as written, its country, no coordinates."""
    return PlaceMention(start=start, end=end, text=text[start:end], name=text[start:end],
                        country=country, precision="unlocated")


def _inside_a_wider_name(text: str, mention: PlaceMention,
                         spans: Sequence[tuple[int, int]]) -> bool:
    """Whether the mention is whole words of a longer settlement name (sorted `spans`):
    "Adan" of "Adan Yabaal"; not a possessive ("Hodeida's Jabal Ras" names Jabal Ras in
    Hodeida). One bisection: the name starting last at or before it."""
    at = bisect.bisect_right(spans, (mention.start, len(text))) - 1
    if at < 0:
        return False
    start, end = spans[at]
    if not (start <= mention.start and mention.end <= end and
            end - start > mention.end - mention.start):
        return False
    return (mention.start == start or text[mention.start - 1] == " ") and \
        (mention.end == end or text[mention.end] == " ")


def _mention(span: str, start: int, end: int, place: Place, precision: str) -> PlaceMention:
    return PlaceMention(
        start=start, end=end, text=span, name=place.name, country=place.country or None,
        admin1=place.admin1 if place.kind != "C" else None,
        lat=round(place.lat, 5), lon=round(place.lon, 5), precision=precision,
        geonameid=place.geonameid,
    )


# "la capitale", "the capital", "la capitale malienne", "the Burkinabe capital": the capital
# of the country the adjective names, else of the article's country. Not "the capital of X"
# (X is named), nor an economic or regional capital.
_CAPITAL_RE = re.compile(
    r"\b(?:the|la|sa|its|their|leur)[ \t\u00a0]{1,3}(?:(?P<before>[^\W\d_]{3,20})[ \t\u00a0]{1,3})?"
    r"(?P<word>capitale?)\b(?![ \t\u00a0]{1,3}(?:of|de|du|d['’]|économique|economique|régionale|"
    r"provinciale|administrative|politique|city)\b)(?:[ \t\u00a0]{1,3}(?P<after>[^\W\d_]{3,20}))?",
    re.IGNORECASE)
_NOT_NATIONAL = frozenset({"economic", "regional", "provincial", "state", "commercial",
                           "district", "cultural", "financial", "administrative", "political"})


def _capitals(gazetteer: Gazetteer, text: str, tokens: Sequence[Token],
              countries: Counter[str], found: Sequence[PlaceMention]) -> list[PlaceMention]:
    """"La capitale" / "the capital" as the capital city of the country meant."""
    if "apital" not in text:
        return []
    table, _ = demonyms()
    capitals = capital_rows()
    taken = [(m.start, m.end) for m in found]
    mentions = []
    for hit in _CAPITAL_RE.finditer(text):
        start, end = hit.start("word"), hit.end("word")
        if hit.group("word")[0].isupper() or any(s < end and start < e for s, e in taken):
            continue
        before = fold_name(hit.group("before") or "")
        if before in _NOT_NATIONAL:
            continue
        country = table.get(before) or table.get(fold_name(hit.group("after") or ""))
        if country is None and before.endswith("s") and before[:-1]:
            named = best_candidate(gazetteer, before[:-1], Counter(), frozenset({"C"}))
            country = named.country if named is not None else None  # "Burkinas capital"
        if country is None:
            located = Counter(m.country for m in found if m.country) or countries
            country = located.most_common(1)[0][0] if located else None
        row = capitals.get(country or "")
        if row is None:
            continue
        place = gazetteer.place(row)
        begin = hit.start()
        if hit.group("after") and table.get(fold_name(hit.group("after"))):
            end = hit.end("after")
        mentions.append(_mention(text[begin:end], begin, end, place, "exact"))
    return mentions


def _regions_of_a_country(text: str, tokens: Sequence[Token]) -> list[PlaceMention]:
    """"over five Ukrainian regions", "dans plusieurs régions ukrainiennes": several
    regions of one country, which is the place (of country precision)."""
    nouns, nationalities = _region_words()
    found: list[PlaceMention] = []
    for index, token in enumerate(tokens):
        if token.key not in nouns:
            continue
        for other in (index - 1, index + 1):  # the adjective before (English) or after
            if 0 <= other < len(tokens) and tokens[other].key in nationalities:
                country = country_place(nationalities[tokens[other].key])
                if country is not None:
                    start, end = sorted((token, tokens[other]), key=lambda t: t.start)
                    found.append(replace(country, start=start.start, end=end.end,
                                         text=text[start.start:end.end]))
                break
    return found


def names_several_regions(mention: PlaceMention) -> bool:
    """Whether a place mention is several regions of its country ("five Ukrainian
    regions"): an event spread over the country."""
    nouns, _ = _region_words()
    return mention.precision == "country" and any(
        w in nouns for w in fold_name(mention.text).split())


@lru_cache(maxsize=1)
def _region_words() -> tuple[frozenset[str], dict[str, str]]:
    """The plural nouns of a country's regions, and every adjective of nationality ->
    its country: the gazetteer's and the actor registry's (those of states whose forces
    fight abroad too: a region is at home)."""
    from newsevents.stages.actors import registry, state_country

    nouns = frozenset(fold_name(str(w)) for w in read_yaml("gazetteer/phrases.yaml").get(
        "country_regions") or [])
    table = dict(demonyms()[0])
    for word, actor in registry().demonyms.items():
        if country := state_country(actor):
            table.setdefault(fold_name(word), country)
    return nouns, table


def country_place(country: str) -> PlaceMention | None:
    """The country as a place of country precision, named nowhere in the text (a claim's
    fallback place, from the forces an article names): an empty span."""
    gazetteer = load_gazetteer()
    row = country_rows().get(country)
    if row is None:
        return None
    place = gazetteer.place(row)
    return _mention("", 0, 0, place, "country")


_SPEECH_CACHE: dict[str, re.Pattern[str]] = {}


def is_speaker_seat(text: str, mention: PlaceMention) -> bool:
    """True when a capital stands for its government: "a annoncé Bagdad", "Washington said",
    "entre Bagdad et Washington" (talks). The claims stage skips such places."""
    if mention.precision != "exact" or not is_capital(mention):
        return False
    before, after = _speech_patterns()
    window = text[max(0, mention.start - 60):mention.start]
    if before.search(window):
        return True
    return bool(after.match(text, mention.end, min(len(text), mention.end + 40)))


_DATELINE_END = re.compile(r"[ \t\u00a0]{0,3}(?:[:(—–]|--|-[ \t])")


def is_dateline(text: str, mention: PlaceMention) -> bool:
    """True for the place a wire story is filed from ("BANGKOK: A Myanmar airstrike...",
    "KYIV (Reuters) –", "AMMAN, June 6 (KUNA) --"): it opens its line, and a colon, a dash,
    an agency's parenthesis or, written in capitals, a comma follows it. The claims stage
    does not take it for the event's place. A country heading a headline ("Niger :
    attaque contre...") is the event's country, not a dateline."""
    if mention.precision == "country":
        return False
    if not opens_line(text, mention.start):
        return False
    if _DATELINE_END.match(text, mention.end, min(len(text), mention.end + 6)):
        return True
    written = text[mention.start:mention.end]
    return written.isupper() and len(written) > 2 and text[mention.end:mention.end + 1] == ","


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


def is_capital(mention: PlaceMention) -> bool:
    return mention.geonameid is not None and mention.geonameid in capital_ids()
