"""Building claim records: event type, slots with their fallbacks, flags and evidence."""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from newsevents.records import (
    ActorMention,
    Claim,
    NumberMention,
    PlaceMention,
    Segment,
    TimeMention,
)
from newsevents.stages.actors import find_actors, fold, is_state, registry, state_actor
from newsevents.stages.attribution import Attribution, speaks_for_forces
from newsevents.stages.claims.counted import CountedReading, seized
from newsevents.stages.claims.events import event_triggers
from newsevents.stages.claims.lexicon import Lexicon, lexicon
from newsevents.stages.claims.roles import (
    agent_side,
    hits_civilians,
    noun_forms,
    owner_side,
    reports_own_act,
    side_ids,
    syntactic_roles,
    victims_side,
    with_appositions,
)
from newsevents.stages.claims.slots import (
    Context,
    DocumentMentions,
    Figure,
    choose_time,
    days_between,
    fallback_time,
    first_person,
    no_later_than,
    period_so_far,
    since_time,
    split_actors,
    time_slot,
    within,
)
from newsevents.stages.claims.vocab import claim_vocabulary
from newsevents.stages.parse import ParsedSentence, ParsedToken
from newsevents.stages.places import (
    country_place,
    find_places,
    is_capital,
    is_dateline,
    is_speaker_seat,
)

_MILITARY_MEASURES = frozenset({"strikes", "operations", "targets_destroyed",
                                "fatalities_combatants", "neutralized"})
_STRATEGIC_MEASURES = frozenset({"members", "personnel"})
_MEASURE_TYPES = {"operations": "armed_clash", "captured": "arrest", "displaced": "other",
                  "strikes": "air_strike"}


def evidence_range(text: str, sentence: Segment,
                   attribution: Attribution | None) -> tuple[int, int]:
    """The sentence without its attribution clause when that clause opens or closes it."""
    start, end = sentence.start, sentence.end
    if attribution is not None and start <= attribution.start < end:
        if attribution.start <= start + 1:
            start = max(start, attribution.end)
        elif attribution.end >= end - 2 and attribution.start > start:
            end = attribution.start
    while start < end and text[start].isspace():
        start += 1
    return start, end


def event_type_of(text: str, start: int, end: int, measure: str | None,
                  context: Context, main_type: str | None = None,
                  language: str | None = None) -> tuple[str, bool]:
    """(event type, is it said explicitly) from the clause's words and the measure."""
    if measure in _STRATEGIC_MEASURES:
        return "strategic_development", True
    vocab = claim_vocabulary()
    # ("the joint area of operations" types nothing)
    folded = vocab.not_events.sub(lambda m: " " * len(m.group()), fold(text[start:end]))
    for etype, pattern in vocab.event_types:
        if pattern.search(folded):
            return etype, True
    if context.strong_type and context.event_type:
        return context.event_type, False
    weak = (*vocab.weak_event_types, *vocab.weak_by_language.get(language or "fr", ()))
    for etype, pattern in weak:
        if pattern.search(folded):
            return etype, False
    if measure in _MEASURE_TYPES:
        return _MEASURE_TYPES[measure], False
    # "Un précédent bilan faisait état de 50 morts": a toll with no event of its own is
    # about the event the article reports; people who surrendered, were rescued or freed,
    # with no event word of their own, are no part of it.
    if measure == "other":
        return context.event_type or "other", False
    return context.event_type or main_type or "other", False


WEAPON_TYPES = frozenset({"air_strike", "shelling", "remote_explosive"})
_GENERIC_TYPES = frozenset({"attack", "violence_against_civilians", "other"})
_VIOLENT_MEASURES = frozenset({"fatalities", "fatalities_combatants", "fatalities_civilians",
                               "injured", "neutralized", "targets_destroyed"})
_VIOLENT_OUTCOMES = frozenset({"fatalities", "injured", "captured", "neutralized",
                               "destroyed"})
_NOT_VIOLENT = frozenset({"strategic_development", "arrest", "protest", "other"})


def _weapon_around(doc: DocumentMentions, sentence: Segment, context: Context) -> str | None:
    """The weapon an unnamed attack takes: its paragraph's ("the strikes the paragraph is
    about"), else its article's."""
    if context.paragraph == sentence.paragraph and context.event_type in WEAPON_TYPES:
        return context.event_type
    return article_weapon(doc)


def article_weapon(doc: DocumentMentions) -> str | None:
    """The weapon an article is about, when it names one kind far more than the others
    (missiles and shells, drones and aircraft, or mines and bombs): a generic "attack" in
    it is that kind of attack."""
    if doc.weapon is None:
        folded = fold(_blanked(doc.text, 0, doc.seized_arms))  # rockets taken: no fire
        counts = Counter({etype: len(pattern.findall(folded))
                          for etype, pattern in claim_vocabulary().event_types
                          if etype in WEAPON_TYPES})
        top = counts.most_common(2)
        doc.weapon = top[0][0] if top and top[0][1] >= 2 and top[0][1] >= 2 * (
            top[1][1] if len(top) > 1 else 0) else False
    return doc.weapon or None


def munition_type(reading: CountedReading | None, table: Lexicon) -> str | None:
    """The event type a counted munition or strike names: drones and bombs are air
    strikes, missiles, rockets and shells shelling (the corpus gold and ACLED); "15
    strikes", "29.307 raids aériens" are air strikes whatever else the sentence names."""
    if reading is None or reading.noun is None:
        return None
    forms = (fold(reading.noun.lemma), fold(reading.noun.text))
    if reading.noun_class == "munitions":
        return next((table.munition_types[f] for f in forms if f in table.munition_types),
                    None)
    if reading.noun_class == "strikes":
        return next((table.event_nouns[f] for f in forms
                     if table.event_nouns.get(f) in WEAPON_TYPES), None)
    return None


def _fired_from_the_air(parsed: ParsedSentence, predicate: ParsedToken, table: Lexicon) -> bool:
    """Missiles or rockets fired by an aircraft or within an air strike: "a helicopter
    fired two rockets", "un drone a tiré deux missiles", "conducted airstrikes using a
    fighter aircraft, firing two rockets"."""
    verb: ParsedToken | None = predicate
    for _ in range(3):
        if verb is None:
            return False
        for child in parsed.children(verb.index):
            if child.relation not in ("nsubj", "obj", "obl", "nmod", "advcl"):
                continue
            forms = (fold(child.lemma), fold(child.text))
            if any(f in table.aircraft for f in forms) or (
                    child.relation == "obj" and any(
                        table.event_nouns.get(f) == "air_strike" and f != "strike"
                        for f in forms)):
                return True
            # "using a fighter aircraft": the instrument of the clause
            if child.relation == "advcl" and any(
                    fold(c.lemma) in table.aircraft for c in parsed.children(child.index)
                    if c.relation == "obj"):
                return True
        if verb.relation not in ("advcl", "conj", "xcomp", "acl"):
            return False
        verb = parsed.head_of(verb.index)
        if verb is not None and fold(verb.lemma) in table.aircraft:
            return True  # "a drone fired two missiles" read as a drone that fired them
    return False


def nearest_weapon(text: str, start: int, end: int, anchor: int) -> str | None:
    """The weapon type whose word stands nearest `anchor` within `[start, end)`."""
    folded = fold(text[start:end])
    best: tuple[int, str] | None = None
    for etype, pattern in claim_vocabulary().event_types:
        if etype not in WEAPON_TYPES:
            continue
        for match in pattern.finditer(folded):
            distance = abs(start + match.start() - anchor)
            if best is None or distance < best[0]:
                best = (distance, etype)
    return best[1] if best else None


def emit_figure(doc: DocumentMentions, sentence: Segment, attribution: Attribution | None,
                context: Context, figure: Figure,
                victims: Sequence[tuple[int, int]],
                part: tuple[int, int] | None = None,
                parsed: ParsedSentence | None = None) -> Context:
    """A claim for `figure`; a sub-total's `part` of the sentence is its own evidence, so
    its places are its own ("deux près de Kidal, une autre à Ménaka")."""
    start, end = part or evidence_range(doc.text, sentence, attribution)
    reading = figure.reading
    predicate = reading.predicate if reading is not None else None
    etype, explicit = "", False
    table = lexicon(sentence.language or "fr")
    # The sentence's words, time landmarks of an agent's act blanked, and the offset of its
    # first character (offsets below are the document's, less `base`).
    base = min(sentence.start, start)
    text = doc.text[base:max(sentence.end, end)]
    if parsed is not None and predicate is not None and reading is not None and \
            reading.outcome in _VIOLENT_OUTCOMES:
        text = _without_landmarks(text, base, parsed, predicate, table)
    taken = [(s, e) for s, e in doc.seized_arms if sentence.start <= s < sentence.end]
    landmarks = _development_landmarks(parsed, table) if parsed is not None else []
    text = _blanked(text, base, [*taken, *landmarks])
    if parsed is not None and predicate is not None and part is None:
        # The figure's own clause first: one "artillerie" in a list does not type every
        # figure of the list.
        clause = parsed.subtree(predicate.index)
        etype, explicit = event_type_of(text, clause[0].start - base, clause[-1].end - base,
                                        figure.measure, context, doc.main_event_type,
                                        sentence.language)
        if explicit and etype in WEAPON_TYPES:
            # "A strike killed 10 people ..., prompting Hezbollah to launch rockets":
            # the weapon named nearest the figure.
            etype = nearest_weapon(text, clause[0].start - base, clause[-1].end - base,
                                   figure.number.start - base) or etype
    # (munitions seized or recovered say nothing of how the event was fought)
    weapon = munition_type(reading, table) if reading is None or reading.outcome not in (
        "other", "captured") else None
    if weapon is not None:  # "29 drones abattus", "40 missiles": the munition says how
        etype, explicit = weapon, True
    if not explicit or etype not in WEAPON_TYPES:
        # The clause says only "attack" or "killed civilians": the weapon named elsewhere
        # in the sentence says how ("Russian shelling killed four civilians and ...").
        whole, whole_explicit = event_type_of(text, start - base, end - base, figure.measure,
                                              context, doc.main_event_type, sentence.language)
        if whole_explicit and whole in WEAPON_TYPES:
            # Several weapons in the sentence ("air strikes ... after missile attacks"):
            # the one named nearest the figure.
            whole = nearest_weapon(text, start - base, end - base,
                                   figure.number.start - base) or whole
        if not explicit or (whole_explicit and whole in WEAPON_TYPES):
            etype, explicit = whole, whole_explicit
    if etype == "shelling" and parsed is not None and predicate is not None and \
            _fired_from_the_air(parsed, predicate, table):
        etype = "air_strike"  # "un hélicoptère a tiré deux roquettes, tuant cinq civils"
    if not explicit and parsed is not None:
        # No type word: the sentence's own event verb or noun ("clashed", "abducted").
        found = [t for t in event_triggers(doc.text, sentence, parsed, attribution,
                                           claim_vocabulary())
                 if not _about_seized_arms(parsed, t, taken)
                 and not any(t[0] < e and s < t[1] for s, e in landmarks)]
        if found:
            etype, explicit = found[0][2], True
    # A toll that goes on with the paragraph's war toll ("La guerre a fait 4 047 morts. Au
    # moins 16 638 personnes ont été blessées") stays the war's, no attack of its own; so
    # does a breakdown of victims no event of its paragraph tells ("790 femmes et 316
    # enfants figurent parmi les victimes").
    breakdown = not explicit and parsed is not None and _among_the_victims(parsed, table) \
        and not (context.paragraph == sentence.paragraph
                 and context.event_type not in (None, "other"))
    if breakdown:
        etype = "other"
    of_the_war = breakdown or (
        not explicit and context.strong_type and context.event_type == "other"
        and etype == "other" and context.paragraph == sentence.paragraph)
    if figure.measure in _VIOLENT_MEASURES and etype in _NOT_VIOLENT and not of_the_war:
        # "60 terroristes neutralisés et 16 interpellés", "les raids ... sur des positions
        # où les forces sont déployées": people killed or things destroyed are no arrest
        # nor deployment; the assault is typed by who was hit, or the article's weapon.
        etype, explicit = "attack", False
    refined = etype if of_the_war else refine_assault(etype, figure.measure, reading, parsed,
                                                      table, (start, end))
    # Soldiers or police killed in an unnamed attack stay a clash; another generic type
    # takes the weapon of its paragraph ("the strikes the paragraph is about") or of its
    # article ("l'attaque russe contre un immeuble" in an article about missiles).
    if etype in _GENERIC_TYPES and refined != "armed_clash":
        weapon = _weapon_around(doc, sentence, context)
        if weapon is not None:
            etype = refined = weapon
    if explicit and doc.main_event_type is None and etype != "strategic_development":
        doc.main_event_type = etype
    etype = refined
    if parsed is not None and predicate is not None and _war_toll(parsed, predicate, table):
        # "La guerre entre le Hezbollah et Israël a fait au moins 4 047 morts": the war's
        # own toll, no one event's
        etype, explicit = "other", True
    syntax = (parsed, reading, predicate) if parsed is not None else None
    return _emit(doc, sentence, attribution, context, etype, explicit,
                 figure.measure, figure.number, (start, end), figure.number.start, victims,
                 syntax, figure.companions)


def _since_then(doc: DocumentMentions, parsed: ParsedSentence, table: Lexicon
                ) -> dict[str, Any] | None:
    """A bare "since" / "depuis" adverb ("have since seized"): the period since the date a
    recent claim of the article opened ("since June"), if one did."""
    if not any(t.pos == "ADV" and t.relation == "advmod" and table.since.fullmatch(t.text)
               and not parsed.children(t.index) for t in parsed.tokens):
        return None
    for claim in reversed(doc.claims[-_SINCE_BACK:]):
        time = claim.time or {}
        if time.get("granularity") == "range" and table.since.match(time.get("text") or ""):
            return dict(time)
    return None


_SINCE_BACK = 4  # how many claims back a bare "since" may reach for its period


def _among_the_victims(parsed: ParsedSentence, table: Lexicon) -> bool:
    """Whether the sentence counts people "among the victims" / "parmi les morts": a
    breakdown of a toll told elsewhere."""
    return any(c.dep == "case" and fold(c.text) in table.among_cases
               and table.noun_class(t.lemma) in ("dead", "people", "civilians")
               and not any(v.pos == "VERB" and v.relation == "acl"  # "victimes tuées par"
                           for v in parsed.children(t.index))
               for t in parsed.tokens if t.pos == "NOUN" for c in parsed.children(t.index))


def _war_toll(parsed: ParsedSentence, predicate: ParsedToken, table: Lexicon) -> bool:
    """Whether the subject of the figure's verb is a war ("the war has killed", "la guerre
    a fait")."""
    return any(c.relation == "nsubj" and fold(c.lemma) in table.war_nouns
               for c in parsed.children(predicate.index))


def seized_arms(parsed: ParsedSentence, table: Lexicon) -> list[tuple[int, int]]:
    """The arms a sentence says were seized or recovered ("13 terroristes neutralisés, 01
    mortier, 01 roquette, 05 motos récupérés"): a rocket taken is no rocket fire."""
    return [(t.start, t.end) for t in parsed.tokens if t.pos == "NOUN" and table.noun_class(
        t.lemma) in ("munitions", "weapons") and seized(parsed, t, table)]


def _about_seized_arms(parsed: ParsedSentence, trigger: tuple[int, int, str],
                       seized_arms: Sequence[tuple[int, int]]) -> bool:
    """A trigger that is seized arms, or a verb typed by them ("ont saisi deux roquettes")."""
    start, end, _ = trigger
    if any(start < e and s < end for s, e in seized_arms):
        return True
    verb = parsed.token_at(start)
    return verb is not None and any(
        (arm := parsed.token_at(s)) is not None and arm.head == verb.index
        for s, _ in seized_arms)


def _blanked(text: str, base: int, spans: Sequence[tuple[int, int]]) -> str:
    """`text` (starting at document offset `base`) with `spans` blanked, in one pass."""
    pieces: list[str] = []
    last = 0
    for start, end in sorted(spans):
        begin, finish = max(start - base, last), min(end - base, len(text))
        if begin >= finish:
            continue
        pieces.extend((text[last:begin], " " * (finish - begin)))
        last = finish
    pieces.append(text[last:])
    return "".join(pieces)


def _development_landmarks(parsed: ParsedSentence, table: Lexicon) -> list[tuple[int, int]]:
    """The phrases that set a toll after or since a development ("une semaine après
    l'entrée en vigueur du cessez-le-feu", "since the truce"): when, never what."""
    return [parsed.span(t.index) for t in parsed.tokens if _sequence_phrase(parsed, t, table)
            and any(table.event_nouns.get(fold(w.lemma)) == "strategic_development"
                    for w in parsed.subtree(t.index))]


def _without_landmarks(text: str, base: int, parsed: ParsedSentence, predicate: ParsedToken,
                       table: Lexicon) -> str:
    """`text` with the time landmarks of an agent's violent act blanked ("Army kills 10
    terrorists after massacre", "troops killed 10 terrorists following the massacre"):
    the massacre is when, not what. Without an agent the phrase is the cause ("two dead
    after a drone strike", "tués suite à des frappes") and stays."""
    if predicate.pos != "VERB" or not any(c.dep == "nsubj"
                                          for c in parsed.children(predicate.index)):
        return text
    return _blanked(text, base, [parsed.span(t.index) for t in parsed.subtree(predicate.index)
                                 if _sequence_phrase(parsed, t, table)])


def _sequence_phrase(parsed: ParsedSentence, token: ParsedToken, table: Lexicon) -> bool:
    """A phrase that sets what it names before or after the act ("after the massacre",
    "depuis le retrait")."""
    return token.relation in ("obl", "nmod") and any(
        c.dep == "case" and (fold(c.lemma) in table.sequence_cases
                             or fold(c.text) in table.sequence_cases)
        for c in parsed.children(token.index))


def refine_assault(etype: str, measure: str | None, reading: CountedReading | None,
                   parsed: ParsedSentence | None, table: Lexicon,
                   clause: tuple[int, int]) -> str:
    """CONTRACT.md: an assault on civilians is violence against civilians; on soldiers,
    police, bases or checkpoints an armed clash; `attack` only when the text does not say."""
    if etype not in ("attack", "other"):
        return etype
    if etype == "attack" and parsed is not None and _forces_hit(parsed, table):
        # "attacked the headquarters of the AU force ... a civilian contractor was killed":
        # an assault on forces is a clash, whoever died in it
        return "armed_clash"
    if measure == "fatalities_civilians" or (
            reading is not None and reading.noun_class == "civilians" and measure not in (
                "strikes", "operations", "other")):  # not children who surrendered
        return "violence_against_civilians"
    if etype != "attack":
        return etype
    if measure in ("fatalities_combatants", "neutralized") or (
            reading is not None and reading.noun is not None
            and table.side(reading.noun.lemma) == "state_forces"):
        return "armed_clash"
    # ("Checkpoint attack kills 15": a noun modifier the tagger took for an adjective)
    nouns = [t for t in parsed.tokens_in(*clause) if t.pos in ("NOUN", "PROPN") or (
        t.pos == "ADJ" and t.dep == "compound")] if parsed is not None else []
    if parsed is not None:
        # Who was hit says what it was, before who did it: "Police attacked a journalist",
        # "FAMa forces attacked the villages of Dounde" hit civilians.
        aimed = [t for t in nouns if (_aimed_at(parsed, t) and _by_an_act(parsed, t, table))
                 or _place_of_the_attack(parsed, t, table)]
        # "Yarkofoji and Rini, both neighbouring communities, were attacked": what the
        # names are, by their apposition (and their conjuncts')
        aimed = with_appositions(parsed, aimed)
        if any(_forces(t, table, parsed) or table.noun_class(t.lemma) == "combatants"
               for t in aimed if t.dep != "nsubj:pass"):  # not "a party member is attacked"
            return "armed_clash"  # "militants attacked volunteer fighters", "a checkpoint"
        if any(fold(t.lemma) in table.civilian_objects or table.noun_class(t.lemma) ==
               "civilians" or _civilian_camp(t, table, parsed) for t in aimed):
            return "violence_against_civilians"  # "the attack on the village of Solhan"
    if parsed is not None and any(_forces(t, table, parsed) for t in nouns):
        return "armed_clash"
    return etype


def _forces(token: ParsedToken, table: Lexicon, parsed: ParsedSentence) -> bool:
    """Soldiers, police, or where they stand (a base, a checkpoint); not a camp of
    civilians ("the Dadaab refugee camp", "le camp de déplacés")."""
    if table.side(token.lemma) == "state_forces":
        return True
    if any(f in table.security_places for f in noun_forms(parsed, token)):
        return not _civilian_camp(token, table, parsed)
    # "bases" lemmatized "bas": the written plural's singular
    written = fold(token.text)
    return token.lemma != token.text and written.endswith("s") and (
        written[:-1] in table.security_places or table.side(written) == "state_forces")


def _civilian_camp(token: ParsedToken, table: Lexicon, parsed: ParsedSentence) -> bool:
    """A place of forces' kind named for the civilians it holds ("refugee camp", "camp de
    déplacés") or owned by a civilian body ("un convoi de la société minière Semafo", "a
    convoy of the embassy")."""
    return fold(token.lemma) in table.security_places and any(
        (table.noun_class(c.lemma) or table.noun_class(c.text)) in (
            "civilians", "displaced_people") or fold(c.lemma) in table.civilian_owners
        for c in parsed.children(token.index) if c.dep in ("compound", "amod", "nmod"))


# Counted people with no status: "15 dead", "sept personnes", "20 blessés".
_UNQUALIFIED = ("dead", "wounded", "people")


def _forces_hit(parsed: ParsedSentence, table: Lexicon) -> bool:
    """The sentence's act is aimed at forces or where they stand: its object, passive
    subject or 'on' phrase ("attacked a checkpoint", "une attaque contre une position de
    l'armée"), or the noun naming the act's target ("checkpoint attack")."""
    for token in parsed.tokens:
        if token.pos not in ("NOUN", "PROPN", "ADJ") or not _forces(token, table, parsed):
            continue
        head = parsed.head_of(token.index)
        if head is None:
            continue
        # an 'on' / 'contre' phrase after what governs it ("On 7 January, FAMa forces
        # killed" is a date misread)
        aimed = token.relation == "obj" or token.dep == "nsubj:pass" or (
            _aimed_at(parsed, token) and token.index > head.index)
        if aimed and _by_an_act(parsed, token, table):
            return True
        if token.dep == "compound" and fold(head.lemma) in table.event_nouns and \
                table.side(token.lemma) is None:
            return True  # "checkpoint attack" (an "army attack" is the army's)
        if token.relation == "nmod" and head.relation != "nsubj" and _aimed_at(parsed, head):
            return True  # "contre une position de l'armée"
    return False


def _place_of_the_attack(parsed: ParsedSentence, token: ParsedToken, table: Lexicon) -> bool:
    """A post, convoy or civilian place an event noun's "de" / "of" names: what was hit
    ("l'attaque d'un convoi de la société minière", "the attack of the camp"), not who
    attacked ("l'attaque des jihadistes")."""
    if token.relation != "nmod":
        return False
    # the event noun it hangs on, or one a misparse put between ("l'attaque dans l'Est
    # d'un convoi" read with the convoy on "Est")
    heads = [h for h in itertools.islice(parsed.ancestors(token.index), 2)]
    if not any(fold(h.lemma) in table.event_nouns for h in heads) or (
            heads and heads[0].pos != "NOUN"):
        return False
    if not any(c.dep == "case" and fold(c.text) in _OF for c in parsed.children(token.index)):
        return False
    key = fold(token.lemma)
    return key in table.security_places or key in table.civilian_objects


def _aimed_at(parsed: ParsedSentence, token: ParsedToken) -> bool:
    """The object of the act, the subject of its passive ("were attacked by the bandits"),
    or its 'on' / 'contre' phrase (not 'in the market')."""
    return token.relation == "obj" or token.dep == "nsubj:pass" or any(
        c.dep == "case" and fold(c.text) in _AIMED for c in parsed.children(token.index))


def _by_an_act(parsed: ParsedSentence, token: ParsedToken, table: Lexicon) -> bool:
    """An object hit by an act ("attacked a journalist"), not by any verb ("climbed the
    building"); an 'on' / 'against' phrase is aimed whatever governs it."""
    if token.relation != "obj" and token.dep != "nsubj:pass":
        return True
    head = parsed.head_of(token.index)
    return head is not None and fold(head.lemma) in table.event_verbs


_AIMED = frozenset({"on", "against", "contre", "sur", "visant", "targeting"})


def emit_event(doc: DocumentMentions, sentence: Segment, attribution: Attribution | None,
               context: Context, etype: str,
               trigger_start: int, trigger_end: int,
               parsed: ParsedSentence | None = None) -> Context:
    start, end = evidence_range(doc.text, sentence, attribution)
    trigger = parsed.token_at(trigger_start) if parsed is not None else None
    if etype == "attack":
        # "used a drone to attack the base", "fired mortar shells at the town": the weapon
        # the sentence names says how (the one nearest the trigger).
        whole, said = event_type_of(doc.text, start, end, None, Context(paragraph=-1),
                                    language=sentence.language)
        if said and whole in WEAPON_TYPES:
            etype = nearest_weapon(doc.text, start, end, trigger_start) or whole
    etype = refine_assault(etype, None, None, parsed, lexicon(sentence.language or "fr"),
                           (start, end))
    if etype == "attack":  # "The attack also targeted the region of Sumy" (drones)
        etype = _weapon_around(doc, sentence, context) or etype
    syntax = (parsed, None, trigger) if parsed is not None else None
    for part_start, part_end in _coordinated_parts(doc, start, end, attribution, trigger_end):
        context = _emit(doc, sentence, attribution, context, etype, True, None, None,
                        (part_start, part_end), trigger_start, (), syntax)
    return context


def _coordinated_parts(doc: DocumentMentions, start: int, end: int,
                       attribution: Attribution | None, after: int) -> list[tuple[int, int]]:
    """'ont commencé en juin 2014 en Irak et en septembre de la même année en Syrie' holds
    two events: one part per coordinated time, each with its own places."""
    times = [t for t in within(doc.times, after, end, attribution) if t.start_date]
    places = within(doc.places, after, end, attribution)
    if len(times) < 2 or len(places) < 2:
        return [(start, end)]
    parts: list[tuple[int, int]] = []
    part_start = start
    for following in times[1:]:
        link = doc.text.rfind(" et ", part_start, following.start)
        if link < 0:
            link = doc.text.rfind(" and ", part_start, following.start)
        cut = link + 1 if link >= 0 else following.start
        parts.append((part_start, cut - 1 if doc.text[cut - 1] == " " else cut))
        part_start = cut
    parts.append((part_start, end))
    return parts


def _emit(doc: DocumentMentions, sentence: Segment, attribution: Attribution | None,
          context: Context, etype: str, explicit: bool,
          measure: str | None, number: NumberMention | None, evidence: tuple[int, int],
          anchor: int, victims: Sequence[tuple[int, int]],
          syntax: tuple[ParsedSentence, CountedReading | None, ParsedToken | None] | None,
          companions: Sequence[str] = ()) -> Context:
    start, end = evidence
    same_paragraph = context.paragraph == sentence.paragraph
    mentions = within(doc.actors, sentence.start, sentence.end, attribution)
    actors, targets = split_actors(doc.text, mentions, victims, anchor)
    # Where each slot's value came from, for `evaluate --show` and the store.
    origin = {"actors": "sentence: actor mentions before the figure",
              "targets": "sentence: actor mentions after the figure"}
    state = doc.state
    enemy = doc.enemy_at(sentence.start)  # whom its "terroristes" mean
    # "the dead comprised 51 civilians, 30 opposition fighters, ..., two fighters of ISIS":
    # a breakdown's item is of its own side, not of the group another item names
    elsewhere = _other_items(doc, syntax[0], sentence, number, mentions) if (
        number is not None and syntax is not None and syntax[1] is not None
        and syntax[1].noun_class == "combatants") else set()
    if elsewhere:
        targets = [t for t in targets if t not in elsewhere]
        if enemy in elsewhere or any(a in registry().armed_groups for a in elsewhere):
            enemy = None  # its generic fighters are of no group the list names
    side: list[str] = []
    own: list[str] = []  # the speaker's own people counted ("one of its soldiers")
    agents: list[str] = []
    named_targets = list(targets)  # the sentence's, not a side guessed from a noun
    table = lexicon(sentence.language or "fr")
    # the act is aimed at forces or their post (read once, asked below up to three times)
    forces_hit = syntax is not None and _forces_hit(syntax[0], table)
    if syntax is not None:
        parsed, reading, predicate = syntax
        if reading is not None:
            origin["measure"] = reading.why
        agents, patients = syntactic_roles(parsed, predicate, mentions, table)
        hit_here = set(patients)  # whatever list item names them, never the actor
        patients = [p for p in patients if p not in elsewhere]
        owner = _launcher(parsed, reading, mentions, table) if measure == "strikes" else None
        if owner is not None:  # "Russia's 27 drones", "les frappes de la coalition"
            # launched at the sentence's other side ("Ukraine downs 22 of Russia's 27")
            agents = [owner]
            patients = list(dict.fromkeys(m.id for m in mentions if m.id != owner))
        elif measure == "targets_destroyed" and reading is not None and \
                reading.noun_class == "munitions":
            # "shot down 22 of the drones launched in Russia's attack": the owner of the
            # munitions destroyed is hit, the sentence's other side destroys them
            owner = _launcher(parsed, reading, mentions, table)
            if owner is not None:
                patients = [owner]
                agents = [a for a in agents if a != owner] or list(
                    dict.fromkeys(m.id for m in mentions if m.id != owner))[:1]
                actors = [a for a in actors if a != owner]
        verb = f"{predicate.text!r}" if predicate is not None else "the clause"
        if agents:
            actors = agents
            origin["actors"] = f"parse: agent of {verb}"
        elif attribution is not None and predicate is not None and reports_own_act(
                parsed, predicate, attribution.start, attribution.end) and (
                forces := [a for a in _speaker_actors(attribution, state)
                           if a not in patients and a not in hit_here]):
            # "Russia said it shot down 20 Ukrainian drones": the speaker acted, not the
            # side its object names
            actors = forces
            origin["actors"] = f"the speaker: the subject of its own {verb}"
        if patients:
            origin["targets"] = f"parse: patient of {verb}"
        targets = list(dict.fromkeys([*targets, *patients]))
        named_targets = list(targets)
        kept = [a for a in actors if a not in targets and a not in hit_here]
        if kept:
            actors = kept
        elif not actors or not (measure or "").startswith(_LOSS_MEASURES):
            # no actor, or only the one hit ("nos troupes ont affronté les terroristes de
            # Boko Haram"; not the side that lost people): the side of the subject's
            # common noun, else as found
            side = agent_side(parsed, predicate, table, state, enemy)
            if side or not actors:
                actors = side
                origin["actors"] = f"parse: the side of the subject of {verb}"
        own = _speakers_own(parsed, reading, attribution) or _forces_own(
            reading, attribution, table)
        side = own or victims_side(reading, table, state, enemy) or (
            _side_of_words(doc.text, [v for v in victims if v[0] <= number.start < v[1]],
                           table, state, enemy) if reading is None and number is not None
            else [])
        if side == ["civilians"] and companions:
            side = list(companions)  # counted with no status beside a side's forces
        elif side == ["civilians"] and state and etype == "armed_clash" and reading is not None \
                and reading.noun_class in _UNQUALIFIED and forces_hit:
            # "Checkpoint attack kills 15", "une attaque contre une position de l'armée a
            # fait sept morts": a toll with no status of an assault on forces is theirs
            side = [state]
        elif side == ["civilians"] and reading is not None and \
                reading.noun_class in ("dead", "wounded") and \
                any(t != "civilians" for t in targets):
            # "des frappes contre des positions des rebelles houthis, qui ont fait 14 morts":
            # a toll with no status of an act aimed at a named side is that side's
            side = []
        if side == ["civilians"] and measure == "fatalities_combatants" and state and \
                reading is not None and reading.noun_class in _UNQUALIFIED:
            side = [state]  # "sept morts côté ami": a military's own dead are its forces
        if not side and not patients and reading is not None and reading.elided and \
                reading.noun is None and same_paragraph and context.targets:
            # "one of its soldiers was injured and another lightly wounded", "12 soldats et
            # 15 autres": more of the people counted before, of their side
            side = list(context.targets)
        owners = owner_side(parsed, reading, table, state, enemy)
        if owners and not patients:
            # "quatre véhicules de l'armée ont été détruits", "four military vehicles": the
            # owner of the things destroyed is hit, whoever the sentence names after them
            targets = owners
            origin["targets"] = "parse: the owner of the things counted"
        elif "civilians" in side or not targets:
            targets = list(dict.fromkeys([*targets, *side]))
            if side:
                origin["targets"] = "parse: the counted victims' side"
        if "civilians" not in targets and not owners and etype not in _NOT_VIOLENT and \
                hits_civilians(parsed, predicate, table):
            targets.append("civilians")  # "bombs dropped on the village", "nos maisons"
            origin["targets"] = f"parse: a civilian place or people hit by {verb}"
    if syntax is not None and syntax[2] is not None and measure in _FORCES_ACTS and \
            (not actors or origin["actors"].startswith("sentence")) and \
            attribution is not None and \
            speaks_for_forces(attribution) and _agentless_passive(syntax[0], syntax[2]):
        # '"3 fusils et 41 motos ont été détruits", a-t-il dit' in an officer's words: an
        # act told without its agent is his forces', not a group named elsewhere in the
        # sentence
        forces = [a for a in _speaker_actors(attribution, state) if a not in targets]
        if forces:
            actors, origin["actors"] = forces, "the speaker's forces: an act told without agent"
    # "trois soldats de l'Amisom": the side that lost people is no actor of its loss
    loss = measure is not None and measure.startswith(_LOSS_MEASURES)
    spans = list(victims)
    if loss and syntax is not None and syntax[1] is not None and syntax[1].noun is not None:
        spans.append(syntax[0].span(syntax[1].noun.index))  # "soldats de l'Amisom"
    losers = {m.id for m in mentions if any(s <= m.start < e for s, e in spans)}
    if loss:
        losers.update(t for t in named_targets if t != "civilians" and t not in agents)
        losers.update(own)
        losers.update(t for t in targets if t != "civilians" and t not in agents)
    actors = [a for a in actors if a not in losers]
    if not actors:
        actors = [a for a in _speaker_affiliation(doc.text, sentence, attribution, state)
                  if a not in losers]
        origin["actors"] = "the speaker's own side"
    intercepted = measure == "targets_destroyed" and syntax is not None and \
        syntax[1] is not None and syntax[1].noun_class == "munitions"
    if not actors and same_paragraph and context.launcher and not intercepted:
        actors = [a for a in context.launcher if a not in targets]
        origin["actors"] = "paragraph: whose munitions the interception before downed"
    if not actors and same_paragraph:
        actors = [a for a in context.actors if a not in targets]
        origin["actors"] = "paragraph: the previous claim"
        if not actors and context.actors:
            # the previous claim's actor lost people here ("3 soldats de l'Amisom ont
            # perdu la vie"): the other side of that claim is acting
            actors = [a for a in context.targets if a not in targets and a != "civilians"]
            origin["actors"] = "paragraph: the other side of the previous claim"
    if not actors and not intercepted and (launched := [
            a for a, _ in doc.launchers.most_common() if a not in targets]):
        actors = launched[:1]  # "The attack damaged an industrial facility": the drones'
        origin["actors"] = "article: whose munitions its interceptions downed"
    if not actors and (agents := [a for a, _ in doc.agents.most_common() if a not in targets]):
        actors = agents[:1]  # who the article makes the agent of its events
        origin["actors"] = "article: its main actor"
    if not targets:
        targets = _default_targets(doc, enemy, measure, actors, min(start, sentence.start), anchor)
        origin["targets"] = "article: its main armed group"
    if not actors:
        actors = _article_actor(doc, enemy, state, targets)
        origin["actors"] = "article: its main actor"
    if origin["targets"] == "parse: the counted victims' side" and syntax is not None and (
            hit := _side_struck(doc, enemy, syntax[1], etype, targets, actors)) is not None:
        # "Des frappes américaines au Yémen font 14 morts" in an article about strikes on
        # the Houthis: the dead, of no status given, were where the strikes fell, on the
        # side they were aimed at as much as on civilians
        targets = [hit, *targets]
        origin["targets"] = "article: the side its strikes hit, and civilians"
    if not targets and state and state not in actors and syntax is not None and \
            etype not in _NOT_VIOLENT and forces_hit:
        # "ont attaqué un poste de police", "stormed the army base": the state's forces
        targets, origin["targets"] = [state], "parse: the state's forces or post attacked"
    if not targets and etype not in _TARGETLESS:
        # Who the article's events hit most, when it is not the one acting here.
        targets = [a for a, _ in doc.patients.most_common() if a not in actors][:1]
        origin["targets"] = "article: what its events hit most"
    if not targets and state and etype not in _NOT_FOUGHT_TYPES and measure not in _NOT_FOUGHT \
            and actors and all(a in registry().armed_groups for a in actors):
        # an armed group's attack that hit no one named, in an article that names none
        # hit: the state's forces it is at war with ("Al-Shabab a lancé son attaque ...")
        targets, origin["targets"] = [state], "article: the state its armed group fights"
    if etype == "arrest" and not explicit and measure == "captured" and actors and not any(
            is_state(a) for a in actors):
        # "Militants also took 251 hostages": people an armed group seizes are abducted,
        # not arrested; police officers taken hostage were fought
        etype = "armed_clash" if forces_hit else "violence_against_civilians"
    if measure == "fatalities_civilians" and targets != ["civilians"]:
        # civilians counted dead are the target (CONTRACT.md), whatever the parse linked;
        # the country they died in is no side hit ("12 civilians in Lower Shabelle,
        # Somalia")
        targets = ["civilians"]
        origin["targets"] = "the figure counts civilians"
    actors = [a for a in actors if a not in targets] or actors
    times = within(doc.times, start, end, attribution)
    if syntax is not None:
        times = _outside_other_clauses(syntax[0], times, anchor)
    time_mention = choose_time(doc.text, times, anchor)
    if time_mention is not None:
        time = since_time(doc.text, time_mention, sentence.date or doc.doc_date,
                          table.since) or time_slot(time_mention)
        origin["time"] = f"sentence: {time_mention.text!r}"
    elif (doc.frame is None or doc.frame.granularity != "range") and (
            period := period_so_far(doc.text, times, sentence.date or doc.doc_date,
                                    table.period_openers)) is not None:
        # "Plus de 1 600 personnes ont péri depuis six mois": the months up to the report
        # (an article that gives the period's dates, "du 13 octobre au 1er novembre",
        # frames it better than a count back from its date)
        time, origin["time"] = period, f"sentence: {period['text']!r}"
    elif syntax is not None and (since := _since_then(doc, syntax[0], table)) is not None:
        # "has been the target of an offensive since June. The government forces have
        # since seized the airport": the period opened before
        time, origin["time"] = since, "sentence: 'since' the period told before"
    elif same_paragraph and context.time is not None:
        time = dict(context.time)
        origin["time"] = context.inherited_from
    elif sentence.date is None and doc.frame is not None:
        time = time_slot(doc.frame)  # the day the article's lead gives its events
        origin["time"] = f"article: its frame {doc.frame.text!r}"
    else:
        time = fallback_time(sentence.date or doc.doc_date)
        origin["time"] = "the publication date"
    time = no_later_than(time, sentence.date or doc.doc_date)
    places = tuple(event_places(doc, start, end, attribution,
                                syntax[0] if syntax is not None else None))
    inherited_place = not places
    origin["places"] = "sentence"
    if not places and attribution is not None and (region := _speakers_region(
            doc, attribution)):
        # "according to the governor of the Lviv region, three drones targeted ...": a
        # regional official speaks of his region
        places, origin["places"] = (region,), "attribution: the speaker's region"
    if not places and any(phrase in fold(doc.text[start:end])
                          for phrase in table.country_anaphors) and (
            country := _the_country(doc)) is not None:
        places, origin["places"] = (country,), "sentence: the country named again"
    if not places and syntax is not None and (
            last := _named_again(doc, syntax[0], start, end, sentence.start)) is not None:
        # "Kharkiv, souvent visée ... Les troupes russes ont lancé une offensive dans la
        # région début mai", "les frappes dans la ville": the place just named
        places, origin["places"] = (last,), "sentence: the place named before"
    if not places:
        if same_paragraph and context.places:
            places, origin["places"] = context.places, context.inherited_from
        elif doc.frame_places and (not _long_period(time) or (
                syntax is not None and _place_named_again(syntax[0], start, end))):
            # The article's event, not a toll "since the start of the war" (its country).
            places, origin["places"] = doc.frame_places, "article: its first event's places"
        else:
            places = tuple(p for p in (_the_country(doc, lead_only=True),) if p is not None)
            origin["places"] = "article: its dominant country"
    if not targets and etype not in _TARGETLESS and etype not in _NOT_VIOLENT and any(
            is_state(a) for a in actors) and places and (
            hit := state_actor(places[0].country)) is not None and hit not in actors:
        # "The attack also targeted the northern region of Sumy": a state's act on another
        # state's land hits that state
        targets, origin["targets"] = [hit], "the state whose land the act hit"
    if attribution is not None:
        origin["speaker"] = f"attribution: {attribution.text!r}"
    claim = Claim(
        doc=doc.doc_id, doc_date=doc.doc_date, claim_id=f"{doc.doc_id}#{len(doc.claims) + 1}",
        language=sentence.language, event_type=etype, measure=measure, number=number,
        hedged=_hedged(doc.text, sentence), negated=_negated(doc.text, start, anchor),
        actors=tuple(actors), targets=tuple(targets), places=places, time=time,
        speaker=attribution.speaker() if attribution else None,
        channel=attribution.channel if attribution and attribution.name else None,
        outlet=(attribution.outlet if attribution else None) or doc.outlet,
        evidence={"text": doc.text[start:end], "start": start, "end": end},
        confidence=_confidence(actors, inherited_place, time_mention is None),
        origin=origin,
    )
    doc.claims.append(claim)
    launcher = context.launcher if same_paragraph else ()
    if intercepted and origin["targets"].startswith("parse"):
        # (the owner of the munitions downed as the parse reads it, not a side named near)
        launcher = tuple(t for t in targets if t != "civilians")
        doc.launchers.update(launcher)
    return replace(context, paragraph=sentence.paragraph, actors=tuple(actors),
                   targets=tuple(targets), places=places, time=time, launcher=launcher,
                   inherited_from="paragraph: the previous claim",
                   event_type=etype if explicit or not context.strong_type else context.event_type,
                   strong_type=explicit or context.strong_type)


_LONG_PERIOD_DAYS = 7
# Measures of people a side lost: their side is the target, never the actor.
_LOSS_MEASURES = ("fatalities", "injured", "captured", "neutralized")
# Events that hit no one: a base closed, a deployment, a protest.
_TARGETLESS = frozenset({"strategic_development", "protest", "other"})
# People an armed group's act counts that are not the state's: civilians, the displaced.
_NOT_FOUGHT = frozenset({"fatalities_civilians", "displaced", "captured"})
_NOT_FOUGHT_TYPES = _TARGETLESS | {"violence_against_civilians"}


def _other_items(doc: DocumentMentions, parsed: ParsedSentence, sentence: Segment,
                 number: NumberMention, mentions: Sequence[ActorMention]) -> set[str]:
    """The actors named only in the other items of the breakdown list `number` heads an
    item of ("51 civilians, 30 Syrian opposition fighters, two fighters of ISIS"): items
    are figures separated by commas or conjunctions, each running to the next one."""
    numbers = within(doc.numbers, sentence.start, sentence.end, None)
    links = lexicon(sentence.language or "fr").list_links
    place = next((i for i, n in enumerate(numbers) if n.start == number.start), None)
    if place is None:
        return set()
    items: list[tuple[int, int]] = []
    first = last = place
    # (a few dozen items each way at most: no quadratic walk over a line of numbers)
    while first > max(0, place - _LIST_ITEMS) and _separated(
            doc.text, parsed, numbers[first - 1].end, numbers[first].start, links):
        first -= 1
    while last + 1 < min(len(numbers), place + _LIST_ITEMS) and _separated(
            doc.text, parsed, numbers[last].end, numbers[last + 1].start, links):
        last += 1
    if last - first < 2:  # three items at least: a breakdown, not "killed 5 and wounded 10"
        return set()
    for index in range(first, last + 1):
        end = numbers[index + 1].start if index < last else sentence.end
        items.append((numbers[index].start, end))
    own = items[place - first]
    inside = {m.id for m in mentions if own[0] <= m.start < own[1]}
    return {m.id for m in mentions if m.id not in inside and any(
        s <= m.start < e for s, e in items)}


def _separated(text: str, parsed: ParsedSentence, end: int, start: int,
               links: Sequence[str]) -> bool:
    """Whether two figures are consecutive items of a list: a comma or a conjunction
    between them, within a few words and no verb ("plusieurs positions ... ont tué au
    moins six membres" is no list)."""
    if start - end > _ITEM_LENGTH:
        return False
    first = bisect.bisect_left(parsed.tokens, end, key=lambda t: t.end)  # not a scan
    if any(t.pos in ("VERB", "AUX") for t in itertools.takewhile(
            lambda t: t.start < start, parsed.tokens[first:first + _ITEM_LENGTH])):
        return False
    between = f" {fold(text[end:start])} "
    return any((f" {w} " if w[:1].isalpha() else w) in between for w in links)


_ITEM_LENGTH = 90  # characters from one figure to the next within a list
_LIST_ITEMS = 30  # items of a breakdown list read on each side of a figure


def _side_of_words(text: str, victims: Sequence[tuple[int, int]], table: Lexicon,
                   state: str | None, enemy: str | None) -> list[str]:
    """The side of the people a figure the parse did not read counts, by their noun in
    its own counted words ("Niger : ..., sept soldats et des dizaines de terroristes
    tués")."""
    for start, end in victims:
        words = _WORD.findall(text[start:end])
        following = _WORD.findall(text[end:end + _OWNER_REACH])[:3]
        if any(w[:1].isupper() for w in [*words[1:], *following[1:]]):
            return []  # "209 soldats du Karabakh": whose they are, the state's or not
        for word in words:
            if found := side_ids(table.side(word), state, enemy):
                return found
    return []


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")
_OWNER_REACH = 30  # characters after the counted words where an owner may be named


def _side_struck(doc: DocumentMentions, enemy: str | None, reading: CountedReading | None,
                 etype: str, targets: Sequence[str], actors: Sequence[str]) -> str | None:
    """The side a state's air strike or shelling toll with no status given hit, when the
    sentence names no side hit: the one the article's events hit most, else its armed
    group."""
    if etype not in WEAPON_TYPES or reading is None or reading.noun_class not in (
            "dead", "wounded") or list(targets) != ["civilians"] or not actors or \
            not all(is_state(a) for a in actors):
        return None
    hit = [a for a, _ in doc.patients.most_common() if a not in ("civilians", "unknown")]
    return next((a for a in [*hit, enemy or doc.main_enemy]
                 if a is not None and a not in actors), None)


def _outside_other_clauses(parsed: ParsedSentence, times: Sequence[TimeMention],
                           anchor: int) -> list[TimeMention]:
    """The times not inside a relative clause after the figure or trigger ("à el-Facher,
    qu'ils assiègent depuis 18 mois": the siege's time, not the toll's), nor inside a
    source phrase ("Selon les données du service d'urgence à 13h00 cet après-midi": when
    the source counted, not when the event was)."""
    table = lexicon(parsed.language)
    figure = parsed.token_at(anchor)
    # (a phrase that holds the figure too is no source phrase: "ils ont tué 100 civils,
    # selon les autorités" misread with "autorités" as the root)
    above = {figure.index, *(a.index for a in parsed.ancestors(figure.index))} \
        if figure is not None else set()
    kept = []
    for mention in times:
        token = parsed.token_at(mention.start)
        clause = next((a for a in parsed.ancestors(token.index) if a.dep == "acl:relcl"),
                      None) if token is not None else None
        if clause is not None and anchor < parsed.span(clause.index)[0]:
            continue
        if token is not None and (any(
                fold(c.text) in table.source_cases and c.relation == "case"
                for a in (token, *parsed.ancestors(token.index)) if a.index not in above
                for c in parsed.children(a.index)) or _after_source_case(parsed, token, table)):
            continue
        kept.append(mention)
    return kept


def _after_source_case(parsed: ParsedSentence, token: ParsedToken, table: Lexicon) -> bool:
    """Whether `token` follows a source preposition with no verb or comma between ("Selon
    les données du service d'urgence à 13h00 cet après-midi", however the parse split it)."""
    for before in reversed(parsed.tokens[:token.index]):
        if before.relation in ("case", "fixed") and fold(before.text) in table.source_cases:
            return True
        if before.pos in ("VERB", "AUX", "PUNCT") or before.relation == "cc":
            return False
    return False


def _place_named_again(parsed: ParsedSentence, start: int, end: int) -> bool:
    """A settlement noun with a definite or demonstrative article ("on the city", "cette
    localité"): the place the article has named."""
    table = lexicon(parsed.language)
    return any(fold(t.lemma) in table.place_anaphors and _definite(parsed, t)
               for t in parsed.tokens_in(start, end) if t.pos == "NOUN")


def _definite(parsed: ParsedSentence, token: ParsedToken) -> bool:
    """Whether a noun has a definite or demonstrative article ("the city", "cette ville")."""
    return any(c.dep == "det" and (c.feature("Definite") == "Def"
                                   or c.feature("PronType") == "Dem")
               for c in parsed.children(token.index))


def _named_again(doc: DocumentMentions, parsed: ParsedSentence, start: int, end: int,
                 before: int) -> PlaceMention | None:
    """The place a bare region or town noun with a definite or demonstrative article and
    no complement names again ("dans la région", "in the city"; not "la région de
    Kherson"): the last place (a town, for a town noun) named before."""
    table = lexicon(parsed.language)
    for token in parsed.tokens_in(start, end):
        key = fold(token.lemma)
        if token.pos != "NOUN" or (key not in table.region_anaphors and key not in
                                   table.town_anaphors):
            continue
        if not _definite(parsed, token) or any(
                _names_the_region(parsed, c) for c in parsed.children(token.index)):
            continue
        town = key in table.town_anaphors
        return _last_place_before(doc, before, _TOWNS if town else None)
    return None


def _names_the_region(parsed: ParsedSentence, child: ParsedToken) -> bool:
    """A complement that says which region: "de Kherson", "of Sumy", "orientale", a name
    (not "début mai" misread as one)."""
    if child.pos == "PROPN" or (child.relation == "amod" and child.pos == "ADJ"):
        return True
    return child.relation == "nmod" and any(
        c.dep == "case" and fold(c.text) in _OF for c in parsed.children(child.index))


_OF = frozenset({"de", "d'", "du", "des", "of"})


def _last_place_before(doc: DocumentMentions, position: int,
                       precisions: frozenset[str] | None = None) -> PlaceMention | None:
    """The last place below the country (of one of `precisions`, if given) the article
    named before `position`, in its country."""
    before = bisect.bisect_left(doc.places, position, key=lambda p: p.start)
    country = doc.fallback_place.country if doc.fallback_place else None
    return next((p for p in reversed(doc.places[max(0, before - _PLACES_BACK):before])
                 if p.precision != "country" and p.text and p.country == country
                 and (precisions is None or p.precision in precisions)
                 and not is_dateline(doc.text, p) and not is_speaker_seat(doc.text, p)
                 and not _in_brackets(doc.text, p.start)), None)


def _in_brackets(text: str, position: int) -> bool:
    """Whether `position` is inside a parenthesis opened shortly before: the admin areas
    that locate the place before them ("Anefis (Kidal, Kidal)"), not a place of their own."""
    window = max(0, position - _BRACKET_REACH)
    return text.rfind("(", window, position) > text.rfind(")", window, position)


_BRACKET_REACH = 40


_PLACES_BACK = 8  # how many places back a region named again may reach
# A town: a gazetteer's, or one located by the admin areas after it ("Anefis (Kidal)")
_TOWNS = frozenset({"exact", "admin2"})


def _long_period(time: dict[str, Any]) -> bool:
    """A period longer than a week: a toll or a campaign, not the article's event."""
    days = days_between(time.get("start"), time.get("end"))
    return days is not None and days > _LONG_PERIOD_DAYS


def _the_country(doc: DocumentMentions, lead_only: bool = False) -> PlaceMention | None:
    """The article's main country itself, not a place in it ("across the country"); with
    `lead_only`, the first place the article names in that country when its headline or
    lead names it (a one-event dispatch, a coder's note), not one named further down
    about another event."""
    fallback = doc.fallback_place
    if fallback is None or fallback.precision == "country" or fallback.country is None:
        return fallback
    if doc.lead_end is None:
        doc.lead_end = _lead_end(doc.text)
    if lead_only and fallback.start < doc.lead_end and not is_speaker_seat(
            doc.text, fallback) and not is_dateline(doc.text, fallback):
        return fallback  # (not "Kyiv says", "MOGADISHU (Reuters) -": its country then)
    return next((p for p in doc.places if p.country == fallback.country
                 and p.precision == "country"), None) or country_place(fallback.country)


_LEAD_PARAGRAPHS = 2  # the headline and the lead


def _lead_end(text: str) -> int:
    """Where the article's headline and lead end (its first two paragraphs)."""
    end, seen = 0, 0
    for paragraph in re.finditer(r"[^\n]+", text):
        if paragraph.group().strip():
            seen += 1
            end = paragraph.end()
            if seen == _LEAD_PARAGRAPHS:
                break
    return end


def event_places(doc: DocumentMentions, start: int, end: int,
                 attribution: Attribution | None,
                 parsed: ParsedSentence | None = None) -> list[PlaceMention]:
    """Places of the event: not inside an actor's name ('coalition dirigée par les
    États-Unis'), not in the attribution clause ('a annoncé Bagdad'), not a state or
    its capital acting ('Bakou ne communiquant pas ses pertes', 'launched by Russia')."""
    # Actors are disjoint and sorted (find_actors): only those overlapping the range, and
    # the one just before it, can hold a place of the range (not every actor of the text).
    first = max(0, bisect.bisect_right(doc.actors, start, key=lambda a: a.start) - 1)
    last = bisect.bisect_left(doc.actors, end, key=lambda a: a.start)
    actor_spans = [(a.start, a.end) for a in doc.actors[first:last] if a.end - a.start > 0]
    chosen: list[PlaceMention] = []
    for place in within(doc.places, start, end, attribution):
        if any(s <= place.start and place.end <= e for s, e in actor_spans):
            continue
        if is_speaker_seat(doc.text, place) or _seat_of_the_speaker(doc.text, place) or (
                is_dateline(doc.text, place)) or _acting_state(parsed, place):
            continue
        if any(p.name == place.name for p in chosen):
            continue
        if place.country is None and doc.fallback_place is not None:
            # a village the gazetteer lacks, in an article naming no country near it
            place = replace(place, country=doc.fallback_place.country)
        chosen.append(place)
    return chosen


def _launcher(parsed: ParsedSentence, reading: CountedReading | None,
              mentions: Sequence[ActorMention], table: Lexicon) -> str | None:
    """The actor owning the strikes or munitions counted ("Russia's 27 drones", "the
    coalition's 312 strikes"): who launched them."""
    if reading is None or reading.noun is None:
        return None
    spans = [parsed.span(c.index) for c in parsed.children(reading.noun.index)
             if c.dep == "nmod:poss"]
    # "22 of Russia's 27 drones", the genitive hung elsewhere: the words right before the
    # noun's own number
    first = min((c.index for c in parsed.children(reading.noun.index) if c.dep == "nummod"),
                default=reading.noun.index)
    if first >= 2 and fold(parsed.tokens[first - 1].text) in ("'s", "s"):
        spans.append((parsed.tokens[first - 2].start, parsed.tokens[first - 2].end))
    # "drones launched over five regions in Russia's overnight attack": the owner of the
    # attack the participle launched them in
    spans += [parsed.span(g.index) for c in parsed.children(reading.noun.index)
              if c.dep == "acl" for g in parsed.subtree(c.index) if g.dep == "nmod:poss"
              and (owned := parsed.head_of(g.index)) is not None
              and table.event_nouns.get(fold(owned.lemma)) is not None]
    for start, end in spans:
        found = next((m.id for m in mentions if start <= m.start < end), None)
        if found is not None:
            return found
    return None


def _acting_state(parsed: ParsedSentence | None, place: PlaceMention) -> bool:
    """A country or a capital that acts (the agent of a passive, the possessor of an
    event noun, the subject of a verb with an object) stands for its state, not for where
    the event happened."""
    if parsed is None or not (place.precision == "country" or is_capital(place)):
        return False
    token = parsed.token_at(place.start)
    if token is None or token.end > place.end + 1:
        return False
    if token.dep in ("obl:agent", "nmod:agent"):
        return True
    head = parsed.head_of(token.index)
    if token.dep == "nmod:poss" and head is not None and \
            fold(head.lemma) in lexicon(parsed.language).event_nouns:
        return True  # "Russia's overnight attack"
    return token.dep == "nsubj" and head is not None and head.pos == "VERB" and any(
        c.relation == "obj" for c in parsed.children(head.index))


_FROM_CAPITAL = re.compile(r"(?:^|[.!?]\s{1,3})(?:depuis|from)\s{1,3}$", re.I)


def _speakers_region(doc: DocumentMentions, attribution: Attribution) -> PlaceMention | None:
    """The region or district a speaker's title names ("the governor of Ukraine's Lviv
    region", "le gouverneur de la province de Diffa"), not a capital speaking."""
    return next((p for p in within(doc.places, attribution.start, attribution.end, None)
                 if p.precision in ("admin1", "admin2")), None)


def _seat_of_the_speaker(text: str, place: PlaceMention) -> bool:
    """'Depuis Washington, le Pentagone a annoncé...': where the speaker speaks from."""
    opens = _FROM_CAPITAL.search(text[max(0, place.start - 12):place.start])
    return bool(opens) and text[place.end:place.end + 2].startswith(",") and (
        place.precision in ("exact", "country"))


def _speakers_own(parsed: ParsedSentence, reading: CountedReading | None,
                  attribution: Attribution | None) -> list[str]:
    """'the IDF said one of its soldiers was injured', 'l'armée a perdu deux de ses
    soldats': people the speaker calls its own are the speaker's side."""
    if attribution is None or reading is None or reading.noun is None:
        return []
    owned = any((c.dep == "nmod:poss" or c.feature("Poss") == "Yes") and c.pos in (
        "PRON", "DET") and c.feature("Person") != "1" and fold(c.lemma) not in ("mon", "notre")
                for c in parsed.children(reading.noun.index))
    return _speaker_actors(attribution) if owned else []


def _forces_own(reading: CountedReading | None, attribution: Attribution | None,
                table: Lexicon) -> list[str]:
    """'The Ugandan military said four soldiers were killed': soldiers a state's armed forces
    count, with no owner named, are that state's."""
    if reading is None or reading.noun is None or attribution is None or \
            table.side(reading.noun.lemma) != "state_forces" or not speaks_for_forces(
                attribution):
        return []
    states = [a for a in _speaker_actors(attribution) if is_state(a)]
    return states[:1]


# Measures of what armed forces do to others: told in the passive by their officer, they
# are the forces' own acts (not the dead of no status, nor civilians, nor people seized).
_FORCES_ACTS = frozenset({"targets_destroyed", "neutralized", "fatalities_combatants",
                          "other", "strikes", "operations"})


def _agentless_passive(parsed: ParsedSentence, predicate: ParsedToken) -> bool:
    """A passive verb with no agent ("ont été détruits", "were destroyed"), or a
    conjunct of one."""
    verb: ParsedToken | None = predicate
    for _ in range(3):  # "secourus et ramenés": the first conjunct carries the auxiliary
        if verb is None:
            return False
        children = parsed.children(verb.index)
        if any(c.dep == "obl:agent" for c in children):
            return False
        if any(c.dep in ("aux:pass", "nsubj:pass") for c in children):
            return True
        verb = parsed.head_of(verb.index) if verb.relation == "conj" else None
    return False


def _speaker_actors(attribution: Attribution, state: str | None = None) -> list[str]:
    """The sides the source's words name ("the IDF", "le Commandement de la coalition");
    the article's state for a body of armed forces that names none ("l'état-major")."""
    source = " ".join(p for p in (attribution.role, attribution.text, attribution.name) if p)
    named = list(dict.fromkeys(m.id for m in find_actors(source)
                               if m.id not in ("civilians", "unknown")))
    if not named and (seat := _state_of_its_seat(attribution.text)) is not None:
        return [seat]
    if not named and state and speaks_for_forces(attribution):
        return [state]
    return named


@lru_cache(maxsize=256)
def _state_of_its_seat(source: str) -> str | None:
    """The state a capital or a country speaking stands for ("Bakou dit avoir tué",
    "Addis Ababa said"): the source is that one place and nothing else. (Asked for each of
    a claim's readings of its speaker, and an article's speakers recur: looked up once.)"""
    found = find_places(source) if source and len(source) <= _SEAT_LENGTH else []
    if len(found) != 1 or found[0].text != source.strip():
        return None
    place = found[0]
    return state_actor(place.country) if place.precision == "country" or is_capital(
        place) else None


_SEAT_LENGTH = 40  # a place's name, not a sentence


def _speaker_affiliation(text: str, sentence: Segment, attribution: Attribution | None,
                         state: str | None = None) -> list[str]:
    """'nos partenaires' in the coalition spokesman's words: the speaker's own side; a
    sentence naming no actor is the speaker's body's act ('un communiqué du Commandement
    de la coalition')."""
    if attribution is None:
        return []
    # A body's own communiqué about what it did, or "nos partenaires": the speaker's side.
    # Otherwise the source's side is not the actor ("selon la chaîne des rebelles houthis").
    if first_person(text, sentence.start, sentence.end) or attribution.channel == "communique":
        return _speaker_actors(attribution, state)
    return []


def _article_actor(doc: DocumentMentions, enemy: str | None, state: str | None,
                   targets: Sequence[str]) -> list[str]:
    """No agent in the sentence, its paragraph or the article's events: the article's
    armed group when the victims are civilians or the state, the state when they are that
    group, else unknown."""
    if enemy and enemy not in targets:
        return [enemy]
    # Against the armed group, or in a war between states: the side the article names
    # most that was not hit (a foreign coalition, an army, the state striking another).
    # (not a group the article names only further on: "the Sahel is hit by groups
    # affiliated with IS" closing it says nothing of who attacked in its lead)
    armed = registry().armed_groups
    others = Counter(m.id for m in doc.actors if m.id not in targets
                     and m.id not in ("civilians", "unknown", enemy) and m.id not in armed)
    if others:
        return [others.most_common(1)[0][0]]
    if state and state not in targets and (enemy or "unknown" in targets):
        return [state]  # against the armed group, named or not
    return ["unknown"]


def _default_targets(doc: DocumentMentions, enemy: str | None, measure: str | None,
                     actors: Sequence[str], start: int, anchor: int) -> list[str]:
    """Military action with no named target is against the document's main armed group:
    strikes, operations, destruction by anyone; deaths only when someone else acted."""
    if enemy is None or enemy in actors:
        return []
    if measure == "fatalities_combatants":
        return [enemy] if actors else []
    if measure in _MILITARY_MEASURES:
        return [enemy]
    if measure is None:
        subject = fold(doc.text[start:anchor])
        if claim_vocabulary().military_nouns.search(subject):
            return [enemy]
    return []


def _hedged(text: str, sentence: Segment) -> bool:
    return bool(claim_vocabulary().hedges.search(fold(text[sentence.start:sentence.end])))


def _negated(text: str, start: int, anchor: int) -> bool:
    clause_start = max(text.rfind(",", start, anchor), start)
    return bool(claim_vocabulary().negations.search(fold(text[clause_start:anchor + 1])))


def _confidence(actors: Sequence[str], inherited_place: bool, inherited_time: bool) -> float:
    score = 0.9 - 0.1 * inherited_place - 0.1 * inherited_time - 0.1 * (not actors)
    return round(max(score, 0.3), 2)

