"""Per-language lemma tables of the claims steps (`data/claims/<lang>.yaml`), loaded once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from newsevents.stages.actors import fold
from newsevents.stages.actors import state_actor as state_actor  # the claims' name for it


def _index(section: dict[str, list[str]]) -> dict[str, str]:
    """{folded lemma or phrase: class}; the first class listing a lemma keeps it."""
    index: dict[str, str] = {}
    for name, words in section.items():
        for word in words:
            index.setdefault(fold(str(word)), name)
    return index


def _words(words: list[str]) -> frozenset[str]:
    return frozenset(fold(str(w)) for w in words)


@dataclass(frozen=True)
class Lexicon:
    language: str
    noun_classes: dict[str, str]
    outcomes: dict[str, str]
    elliptic_heads: frozenset[str]
    event_verbs: dict[str, str]
    event_nouns: dict[str, str]
    sides: dict[str, str]
    security_places: frozenset[str]
    civilian_objects: frozenset[str]  # homes, schools, markets: hitting them hits civilians
    civilian_owners: frozenset[str]  # a company's, an embassy's convoy: no forces' post
    civilian_bodies: frozenset[str]  # a church's, a village's leader: a civilian
    posts: frozenset[str]  # what heads or belongs to a body: leader, chief, member
    subset_cues: frozenset[str]  # "dont 8 civils", "including 12 children"
    among_cases: frozenset[str]  # "sept morts parmi les FDS": the group counted within
    munition_types: dict[str, str]  # drone -> air_strike, missile -> shelling
    aircraft: frozenset[str]  # what fires from the air: its missiles are an air strike
    unreal: frozenset[str]  # negators, modals, "if": the event is not reported as done
    intent_verbs: frozenset[str]  # "plans to deploy", "menace d'attaquer"
    reference_verbs: frozenset[str]  # verbs that only refer to an event already reported
    landmark_cases: frozenset[str]  # "since the attack": an event as a time landmark
    # "after the massacre": an event before or after another, not within it
    sequence_cases: frozenset[str]
    # "on the city", "dans la ville": a settlement named again, the article's place
    place_anaphors: frozenset[str]
    region_anaphors: frozenset[str]  # "dans la région": the region the article just named
    town_anaphors: frozenset[str]  # "dans la ville": the town it just named (a gazetteer's)
    country_anaphors: tuple[str, ...]  # "across the country": the article's country
    list_links: tuple[str, ...]  # what joins the items of a list: ",", "and", "ainsi que"
    source_cases: frozenset[str]  # "selon les données de 13h00": the source's, not the event's
    unit_counts: dict[str, int]  # "a couple": two people
    one_more: frozenset[str]  # "another", "une autre" standing for one more person
    war_nouns: frozenset[str]  # "la guerre a fait 4 047 morts": a war's toll
    # irregular past forms and their lemmas ("faits" -> "faire", "beaten" -> "beat"): the
    # trained lemmatizers leave many of them odd ("beate", "burnt")
    irregular_pasts: dict[str, str]
    aim_verbs: frozenset[str]  # "the attack targeted X": an event named again hits anew
    surrender_verbs: frozenset[str]  # "surrendered to troops": the troops are the agent
    collective_nouns: frozenset[str]  # "a group of 12 students": the group's outcome counts
    suffering_verbs: frozenset[str]  # "ont perdu la vie": the subject suffered, not acted
    # "le cessez-le-feu est entré en vigueur": an agreement named again starts (a verb,
    # or a verb and its complement's noun)
    onset_verbs: frozenset[str]
    contextual_verbs: frozenset[str]  # "took control": an event in a military context only
    count_nouns: frozenset[str]  # "the number of those abducted is more than 70"
    person_outcomes: dict[str, str]  # "intercepter" people: captured, not destroyed
    relative_pronouns: frozenset[str]  # ", qui a également fait état de 41.316 blessés"
    hijacked: frozenset[str]  # "seized a tanker": a craft taken with its people
    note_labels: dict[str, str]  # "Property destruction:" opening a note: its event type
    caption_marks: tuple[str, ...]  # "Picture:", "Photo :": a paragraph that is a caption
    ranks: frozenset[str]  # military ranks: a named person with one is a combatant
    own_side: frozenset[str]  # "côté ami", "in our ranks": a military's own losses
    partitive_dead: frozenset[str]  # "des morts", "of the dead": dead counted before
    since: re.Pattern[str]  # "since", "depuis": a date it opens starts a toll's interval
    # "depuis six mois": a duration it opens (ending the text before it) is a period so far
    period_openers: re.Pattern[str]

    def side(self, lemma: str) -> str | None:
        """'state_forces' or 'armed_groups' for a noun naming one side's people."""
        key = fold(lemma)
        return self.sides.get(key) or (self.sides.get(key[:-1]) if key.endswith("s") else None)

    def noun_class(self, lemma: str) -> str | None:
        key = fold(lemma)
        found = self.noun_classes.get(key)
        if found is None and key.endswith("s") and len(key) > 3:  # a plural left by the lemmatizer
            found = self.noun_classes.get(key[:-1])
        elif found is None and len(key) > 2:  # an invariable noun cut short ("obus" -> "obu")
            found = self.noun_classes.get(key + "s")
        return found

    def outcome(self, lemma: str, particle: str | None = None) -> str | None:
        """The outcome class of a predicate lemma; with its particle or object first
        ('shoot down', 'perdre vie')."""
        key = fold(lemma)
        if particle:
            found = self.outcomes.get(f"{key} {fold(particle)}")
            if found:
                return found
        return self.outcomes.get(key)


@lru_cache(maxsize=4)
def lexicon(language: str) -> Lexicon:
    name = f"claims/{language if language in ('fr', 'en') else 'fr'}.yaml"
    raw = resources.files("newsevents.data").joinpath(name).read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(raw)
    return Lexicon(
        language=language,
        noun_classes=_index(data["noun_classes"]),
        outcomes=_index(data["outcomes"]),
        elliptic_heads=_words(data["elliptic_heads"]),
        event_verbs=_index(data["event_verbs"]),
        event_nouns=_index(data["event_nouns"]),
        sides=_index(data["sides"]),
        security_places=_words(data["security_places"]),
        subset_cues=_words(data["subset_cues"]),
        among_cases=_words(data["among_cases"]),
        civilian_objects=_words(data["civilian_objects"]),
        civilian_owners=_words(data.get("civilian_owners") or []),
        civilian_bodies=_words(data.get("civilian_bodies") or []),
        posts=_words(data.get("posts") or []),
        aircraft=_words(data["aircraft"]),
        munition_types=_index(data["munition_types"]),
        unreal=_words(data["unreal"]),
        intent_verbs=_words(data["intent_verbs"]),
        reference_verbs=_words(data["reference_verbs"]),
        landmark_cases=_words(data["landmark_cases"]),
        sequence_cases=_words(data.get("sequence_cases") or []),
        place_anaphors=_words(data.get("place_anaphors") or []),
        region_anaphors=_words(data.get("region_anaphors") or []),
        town_anaphors=_words(data.get("town_anaphors") or []),
        country_anaphors=tuple(sorted(_words(data.get("country_anaphors") or []))),
        source_cases=_words(data.get("source_cases") or []),
        list_links=tuple(fold(str(w)) for w in data.get("list_links") or [",", ";"]),
        unit_counts={fold(str(k)): int(v) for k, v in (data.get("unit_counts") or {}).items()},
        one_more=_words(data.get("one_more") or []),
        war_nouns=_words(data.get("war_nouns") or []),
        irregular_pasts={fold(str(k)): fold(str(v))
                         for k, v in (data.get("irregular_participles") or {}).items()},
        aim_verbs=_words(data.get("aim_verbs") or []),
        surrender_verbs=_words(data.get("surrender_verbs") or []),
        collective_nouns=_words(data.get("collective_nouns") or []),
        suffering_verbs=_words(data.get("suffering_verbs") or []),
        onset_verbs=_words(data.get("onset_verbs") or []),
        contextual_verbs=_words(data.get("contextual_verbs") or []),
        count_nouns=_words(data.get("count_nouns") or []),
        person_outcomes={fold(str(k)): str(v)
                         for k, v in (data.get("person_outcomes") or {}).items()},
        relative_pronouns=_words(data.get("relative_pronouns") or []),
        hijacked=_words(data.get("hijacked") or []),
        note_labels=_index(data.get("note_labels") or {}),
        caption_marks=tuple(fold(str(w)) for w in data.get("caption_marks") or ()),
        ranks=_words(data.get("ranks") or []),
        own_side=_words(data.get("own_side") or []),
        partitive_dead=_words(data.get("partitive_dead") or []),
        since=re.compile(r"\b(?:" + "|".join(re.escape(str(w)) for w in data.get("since") or [
            "since"]) + r")\b", re.IGNORECASE),
        period_openers=re.compile(r"(?:^|\s)(?:" + "|".join(
            re.escape(str(w)).replace(r"\ ", r"\s+") for w in data.get("period_openers") or [
                "since"]) + r")\s+\Z", re.IGNORECASE),
    )


_FRENCH_PARTICIPLE = re.compile(r"(\w{3,30}?)(?:ee?s?)")


def irregular_past(text: str, language: str) -> bool:
    """Whether `text` is an irregular past form of the language ("burnt", "fought")."""
    return language in ("fr", "en") and fold(text) in lexicon(language).irregular_pasts


def verb_forms(lemma: str, text: str, pos: str, language: str) -> tuple[str, ...]:
    """The folded forms to look a verb up by: its lemma, its form as written, and the
    infinitive of a past participle or gerund when the lemmatizer left it odd or took it
    for a noun ('abducted' -> 'abduct', 'abducte'; 'destroying' -> 'destroy'; '16
    interpellés', 'enlevées' -> 'interpeller', 'enlever'; 'beaten' -> 'beat')."""
    written = fold(text)
    forms = [fold(lemma), written]
    irregular = lexicon(language).irregular_pasts if language in ("fr", "en") else {}
    if language == "fr":
        participle = _FRENCH_PARTICIPLE.fullmatch(written)
        if participle:
            forms.append(participle.group(1) + "er")
        # "faits prisonniers", "détruites": the masculine singular, then its infinitive
        for stem in (written, written[:-1], written[:-2]):
            if stem in irregular:
                forms.append(irregular[stem])
                break
    else:
        if written in irregular:
            forms.append(irregular[written])
        if pos == "VERB" and written.endswith("ed") and len(written) >= 5:
            forms.extend((written[:-2], written[:-1]))
        if pos == "VERB" and written.endswith("ing") and len(written) >= 6:
            forms.extend((written[:-3], written[:-3] + "e"))  # "destroying" lemmatized odd
    return tuple(dict.fromkeys(forms))
