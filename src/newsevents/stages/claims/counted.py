"""Which numbers are figures and what they count, read from the dependency parse.

A figure's counted noun is its syntactic head ("23 soldats": nummod) or the noun it
quantifies ("des dizaines de civils", "22 of the drones": nmod with de/of); what happened to
it is the lemma of the word that governs the noun, climbing through conjunctions and
appositions ("trois soldats et un civil ont perdu la vie"), or of a participle or relative
clause that modifies it ("civils tués", "drones launched overnight"). A number that stands
for a noun ("dont cinq ont été tués", "15 others") counts what the figure before it in the
sentence counts. An indefinite singular ("un soldat a été tué", "a policeman was shot dead")
is a figure of 1. The noun class and the outcome give the measure (`measure_of`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from newsevents.records import NumberMention, Ranges
from newsevents.stages.actors import fold
from newsevents.stages.claims.lexicon import Lexicon, verb_forms
from newsevents.stages.parse import ParsedSentence, ParsedToken

PERSON_CLASSES = frozenset({"combatants", "civilians", "people"})
_FATALITIES = {"combatants": "fatalities_combatants", "civilians": "fatalities_civilians",
               "people": "fatalities"}
_DIRECT = {"strikes": "strikes", "operations": "operations", "dead": "fatalities",
           "wounded": "injured", "displaced_people": "displaced"}
_QUANTIFIED = ("nmod", "obl")  # "dizaines de civils", "22 of the drones"
_CLIMB = frozenset({"conj", "appos", "flat", "fixed", "compound"})
_MODIFIERS = frozenset({"amod", "acl", "acl:relcl", "acl:part"})
_PARTICLES = frozenset({"compound:prt", "obj", "xcomp", "advmod", "fixed"})
_PERSON_OUTCOMES = frozenset({"fatalities", "injured", "captured"})
# Prepositions under which a noun still undergoes its governor ("la mort de 20 civils",
# "killed with their two children", "dont 8 civils", "among them 3 soldiers").
_COMPANION_CASES = frozenset({"de", "d'", "des", "du", "of", "with", "avec", "among", "parmi",
                              "including", "dont", "y compris", "a", "outre", "besides"})
# Prepositions that aim a strike at its target ("frappes sur 19 écoles", "against 13 sites").
_AIMED_CASES = frozenset({"sur", "contre", "on", "against", "at"})
_PARTITIVE = frozenset({"of", "de", "des", "d'", "d’", "sur", "parmi", "out"})
_QUOTES = frozenset({'"', "“", "”", "‘", "’", "«", "»", "'"})
_INDEFINITE = frozenset({"un", "une", "a", "an", "one", "another"})


@dataclass(frozen=True)
class CountedReading:
    """What a figure counts and why: the noun, its class, the outcome word."""

    measure: str
    noun: ParsedToken | None
    noun_class: str | None
    predicate: ParsedToken | None
    outcome: str | None
    elided: bool = False

    @property
    def why(self) -> str:
        noun = f"noun {self.noun.text!r} ({self.noun_class})" if self.noun else (
            f"elided noun ({self.noun_class})")
        verb = f"{self.predicate.text!r} ({self.outcome})" if self.predicate else "no verb"
        return f"{noun}, {verb}"


def measure_of(noun_class: str | None, outcome: str | None) -> str | None:
    """The measure of a figure from its noun class and outcome; None when it is not a
    conflict figure ("deux semaines", "200 mètres", "500 maisons" with no outcome)."""
    if noun_class == "dead" and outcome in (None, "fatalities", "other", "total"):
        return "fatalities"
    if noun_class in _DIRECT and (noun_class != "displaced_people" or outcome in (
            None, "displaced")):
        return _DIRECT[noun_class]
    if noun_class in PERSON_CLASSES:
        if outcome in ("fatalities", "destroyed"):  # "abattre", "eliminate" people: killed
            return _FATALITIES[noun_class]
        if outcome in ("injured", "captured", "neutralized", "displaced", "other"):
            return outcome
        if outcome == "personnel" and noun_class != "civilians":
            return "personnel"
        if outcome == "members":
            # "une force qui compte 22 000 hommes": people a force counts are its size
            # ("une coalition qui compte 75 membres" is a membership: class `members`).
            return "personnel" if noun_class != "civilians" else None
        return None
    if noun_class in ("targets", "munitions", "weapons"):
        if outcome in ("destroyed", "neutralized", "fatalities") or (
                outcome == "struck" and noun_class == "targets"):
            return "targets_destroyed"
        if outcome in ("fired", "struck") and noun_class == "munitions":
            return "strikes"  # "three drones targeted infrastructure": launched
        if outcome in ("other", "captured"):
            return "other"
        return None
    if noun_class == "members" and outcome == "members":
        return "members"
    return None


def read_figure(parsed: ParsedSentence, number: NumberMention, lexicon: Lexicon,
                previous: CountedReading | None) -> CountedReading | None:
    """The reading of one number mention of a parsed sentence, or None."""
    span = parsed.tokens_in(number.start, number.end)
    if not span:
        return None
    inside = {t.index for t in span}
    numeral = _numeral(span)
    noun = _counted_noun(parsed, numeral, inside, lexicon)
    numbering = _numbering(parsed, numeral, lexicon) if noun is None else None
    counted = _number_of(parsed, numeral, lexicon) if noun is None and numbering is None \
        else None
    if counted is not None:
        # "the number of those abducted is more than 70", "le nombre de personnes enlevées
        # s'élève à 70": what the participle on the counted word says happened to them
        people, done, happened = counted
        noun_class = lexicon.noun_class(people.lemma) or lexicon.noun_class(people.text) or (
            "people" if happened in _PERSON_OUTCOMES else None)
        measure = measure_of(noun_class, happened)
        if measure is None:
            return None
        return CountedReading(measure, people if people.pos == "NOUN" else None, noun_class,
                              done, happened)
    if numbering is not None:
        # "the terrorists numbering five were gunned down": what the participle counts,
        # and what happened to it
        noun = parsed.head_of(numbering.index)
        inside = inside | {numbering.index}
    following = _next_token(parsed, max(inside | {numeral.index}))
    if following is not None and lexicon.noun_class(following.lemma or following.text) in (
            "dead", "wounded"):
        noun = following  # "3 dead and several wounded": the toll word next to the number
    while noun is not None and noun.dep == "compound" and noun.head != noun.index:
        noun = parsed.tokens[noun.head]  # "27 Shahed-type drones"
    noun_class = lexicon.noun_class(noun.lemma) if noun is not None else None
    if noun is not None and noun_class is None:
        noun_class = lexicon.noun_class(noun.text)
    if noun is not None and _civilian_modifier(parsed, noun, lexicon):
        noun_class = "civilians"  # "un contractuel civil", "a civilian contractor"
    elided = noun is None or (noun_class is None and fold(noun.lemma) in lexicon.elliptic_heads)
    participle = None
    if noun is not None and noun_class is None and noun.pos in ("NOUN", "ADJ") and (
            _outcome_of(parsed, noun, lexicon) in _PERSON_OUTCOMES):
        # "16 interpellés", "50 abducted" tagged as a noun: the participle is the outcome
        # and the counted people are those of the figure before it.
        participle, noun, elided = noun, None, True
    # "22 of the 27 drones": the number heads its phrase, so its governor says what
    # happened to the 22 ("shot down"), not the participle on "drones" ("launched").
    after_number = _next_token(parsed, max(inside | {numeral.index}))
    partitive = after_number is not None and fold(after_number.text) in _PARTITIVE and (
        noun is not None and noun.index > after_number.index)
    anchor = numeral if noun is None or noun.head == numeral.index or partitive else noun
    skipped = inside
    group = parsed.head_of(noun.index) if noun is not None and noun.relation == "nmod" \
        else None
    if anchor is noun and group is not None and fold(group.lemma) in lexicon.collective_nouns:
        # "abducted a group of 12 students", "un groupe de 15 femmes a été enlevé": what
        # happened to the group happened to the people counted in it
        anchor = group
    if partitive and noun is not None and numeral.head == noun.index:
        # "downed 10 out of 17 attack drones launched by Russia", the 10 misparsed on
        # "drones": the part underwent what the noun's governor says, not its participle
        anchor = noun
        skipped = inside | {c.index for c in parsed.children(noun.index) if c.dep in _MODIFIERS}
    if elided:
        noun_class = previous.noun_class if previous is not None else None
        if noun_class is None:  # "des éléments shebab, dont cinq ont été tués"
            noun_class = _antecedent_class(parsed, anchor, lexicon)
        if noun_class is None:  # "destroyed a private home, and damaged about 10 more"
            noun_class = _conjoined_object_class(parsed, anchor, lexicon)
    elif noun_class is None:
        # "144 Syrians were killed", "12 Palestinians wounded": what a person-only outcome
        # counts is people, whatever the noun (a demonym, a group, a profession).
        _, outcome = find_outcome(parsed, anchor, lexicon, exclude=inside)
        if outcome not in _PERSON_OUTCOMES or noun is None or noun.pos not in (
                "NOUN", "PROPN"):
            return None
        noun_class = "people"
    qualified = _qualified_class(parsed, noun, lexicon) if noun is not None else None
    if noun_class == "people" and qualified:  # "des dizaines de personnes, des civils"
        noun_class = qualified
    predicate, outcome = find_outcome(parsed, anchor, lexicon, exclude=skipped)
    if outcome is None and noun is not None and noun_class in ("weapons", "targets", "munitions"):
        # "02 PKM, 01 mortier, 05 motos et une quantité de carburant récupérés": the
        # participle ending a list of things says what happened to each of them
        predicate, outcome = _list_final_participle(parsed, noun, lexicon) or (None, None)
    if outcome is None and noun_class == "munitions" and noun is anchor:
        aimed = _aimed_by(parsed, noun, lexicon)
        if aimed is not None:
            predicate, outcome = aimed, "fired"  # "three drones targeted the infrastructure"
    after_noun = _next_token(parsed, noun.index) if noun is anchor else None
    if after_noun is not None and after_noun.index not in skipped and \
            after_noun.relation not in _MARKERS and (
            after_noun.pos in ("ADJ", "VERB") or (
            after_noun.pos == "NOUN"  # "Quatre kamikazes morts": the participle read as a noun
            and lexicon.noun_class(after_noun.lemma) in ("dead", "wounded"))) and (
            predicate is None or predicate.index != after_noun.head):
        # "3 people dead and 15 injured", "civils tués": the participle right after the
        # noun binds closest, whatever the parse attached it to.
        closest = _outcome_of(parsed, after_noun, lexicon)
        if closest is not None:
            predicate, outcome = after_noun, closest
    if outcome is not None and measure_of(noun_class, outcome) is None \
            and predicate is not None:
        # "were shot and injured": a coordinated verb says what happened to people.
        for child in parsed.children(predicate.index):
            if child.dep == "conj" and child.pos in ("VERB", "ADJ"):
                other = _outcome_of(parsed, child, lexicon)
                if other is not None and measure_of(noun_class, other) is not None:
                    predicate, outcome = child, other
                    break
    if outcome == "total" and predicate is not None:
        subject = _subject_class(parsed, predicate, lexicon)
        if subject is not None and (elided or noun_class is None):
            noun_class, elided = subject, False
        outcome = None
    if participle is not None:
        predicate, outcome = participle, _outcome_of(parsed, participle, lexicon)
    elif elided:
        # "killed four civilians and wounded 11": the verb right before a bare figure;
        # "about 50 abducted": the participle right after it.
        before = _verb_before(parsed, span[0], lexicon)
        after = _next_token(parsed, max(inside))
        if after is not None and after.pos in ("VERB", "ADJ") and (
                closest := _outcome_of(parsed, after, lexicon)) is not None:
            predicate, outcome = after, closest
        elif before is not None:
            predicate, outcome = before
    # Below the total ("six members - three soldiers and three agents"), or an item of the
    # same list ("the dead comprised 51 civilians, 30 fighters, 17 regular forces").
    below_total = previous is not None and previous.noun is not None and any(
        a.index in (previous.noun.index, _list_head(parsed, previous.noun).index)
        for a in parsed.ancestors(anchor.index))
    if outcome is None and previous is not None and (elided or below_total or _after_subset_cue(
            parsed, span[0], lexicon) or _next_list_item(parsed, span[0], previous)):
        # "dont 7 988 civils", "including 12 children", "six members - three soldiers
        # and three agents": a subset or breakdown underwent what its total did.
        predicate, outcome = previous.predicate, previous.outcome
    if outcome is None:
        predicate, outcome = _among_the_dead(parsed, anchor, lexicon) or (predicate, outcome)
    if elided and (outcome in _PERSON_OUTCOMES or outcome == "displaced") and noun_class in (
            None, "dead", "wounded"):
        # "10 were reportedly killed", "about 50 abducted"; "3 dead and 15 injured": the 15
        # are people injured, not more dead; "ils sont des milliers à fuir": people fled
        noun_class = "people"
    if noun_class in ("people", "dead") and not qualified and predicate is not None:
        # "sept morts parmi les FDS", "7 people died among a group of residents"
        qualified = _group_among(parsed, predicate, lexicon)
        if noun_class == "people" and qualified:
            noun_class = qualified
    if outcome is not None and _partitive_total(parsed, numeral) and not (
            predicate is not None and noun is not None and predicate.head == noun.index
            and predicate.relation in _MODIFIERS):
        # "downed 22 of Russia's 27 drones": the 27 were launched, not downed; what
        # happened to a whole of which a part is counted is not the part's outcome.
        if noun_class != "munitions":
            return None
        outcome = "fired"
    if noun_class in PERSON_CLASSES and predicate is not None and outcome is not None:
        # "ont intercepté trois kamikazes": people intercepted are stopped, not destroyed
        outcome = next((lexicon.person_outcomes[f] for f in verb_forms(
            predicate.lemma, predicate.text, predicate.pos, parsed.language)
            if f in lexicon.person_outcomes), outcome)
    if outcome == "struck" and noun_class == "munitions" and _hit_itself(
            noun if noun is not None else anchor, predicate):
        return None  # "the convoy hit two mines": the mines struck nothing
    measure = measure_of(noun_class, outcome)
    if measure == "fatalities" and noun_class == "dead" and qualified:
        measure = _FATALITIES[qualified]  # "22 corps de civils", "bodies of soldiers"
    if measure is None:
        return None
    return CountedReading(measure, None if elided else noun, noun_class, predicate, outcome,
                          elided)


@dataclass
class PersonNames:
    """What tells a person's name in a document: its text, the spans of its actors and
    places (names that are no person), and the surnames met so far with their class
    (a rank anywhere in the article makes its holder a combatant)."""

    text: str
    not_people: Ranges
    known: dict[str, str]


def ranked_people(text: str, ranks: frozenset[str]) -> dict[str, str]:
    """Surnames the article gives a military rank ("Major-General Vladimir Zavadsky",
    "le colonel Assimi Goïta"): combatants wherever they are named again."""
    if not ranks:
        return {}
    return {fold(m.group("surname")): "combatants" for m in _ranked(ranks).finditer(text)}


@lru_cache(maxsize=4)
def _ranked(ranks: frozenset[str]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(r) for r in sorted(ranks, key=len, reverse=True))
    return re.compile(rf"(?i:\b(?:{alternation}))[ \t\u00a0-]{{1,3}}"
                      r"(?:[^\W\d_a-z][\w'’-]{1,30}[ \t\u00a0]){0,2}"
                      r"(?P<surname>[^\W\d_a-z][\w'’-]{1,30})")


def _post_holder(parsed: ParsedSentence, token: ParsedToken) -> ParsedToken | None:
    """The definite article of one office holder named by his post ("the base commander
    was injured", "le gouverneur du district a été tué"), not of a person named before
    ("the soldier"): the post is a compound or a complement of the noun."""
    children = parsed.children(token.index)
    post = any(d.dep == "compound" or (d.relation == "nmod" and any(
        g.dep == "case" for g in parsed.children(d.index))) for d in children)
    if not post:
        return None
    return next((c for c in children if c.dep == "det" and c.index < token.index
                 and c.feature("Definite") == "Def"), None)


def _headline_victim(parsed: ParsedSentence, token: ParsedToken, lexicon: Lexicon) -> bool:
    """A coder's headline naming one victim without an article ("Government official
    killed by landmines", "church leader was killed by unidentified armed group")."""
    children = parsed.children(token.index)
    if token.pos != "NOUN" or any(c.dep in ("det", "nmod:poss") for c in children):
        return False
    return token.dep == "nsubj:pass" or any(
        c.dep == "acl" and c.feature("VerbForm") == "Part"
        and _outcome_of(parsed, c, lexicon) in _PERSON_OUTCOMES for c in children)


def single_victims(parsed: ParsedSentence, lexicon: Lexicon, taken: Sequence[NumberMention],
                   names: PersonNames | None = None,
                   ) -> list[tuple[NumberMention, CountedReading]]:
    """'un soldat a été tué', 'a policeman was shot dead': figures of 1 at the article;
    with `names`, 'Major-General Vladimir Zavadsky has been killed', 'Zavadsky died': a
    named person, at the name."""
    found: list[tuple[NumberMention, CountedReading]] = []
    for token in parsed.tokens:
        another = _one_more(parsed, token, lexicon, taken)
        if another is not None:
            found.append(another)
            continue
        nominal = token.pos in ("NOUN", "PROPN") or (
            token.pos == "ADJ" and token.relation in ("nsubj", "obj"))  # "A civilian was"
        if not nominal:
            continue
        named = _named_person(parsed, token, lexicon, names) if names else None
        if names is not None and named is not None:
            (start, end), person_class = named
            predicate, outcome = find_outcome(parsed, token, lexicon, exclude=set())
            measure = measure_of(person_class, outcome)
            if measure is not None and outcome in _PERSON_OUTCOMES and not any(
                    n.start < end and start < n.end for n in taken):
                found.append((NumberMention(start, end, names.text[start:end], 1, None,
                                            None, "exact"),
                              CountedReading(measure, token, person_class, predicate,
                                             outcome)))
            continue
        if token.feature("Number") == "Plur":
            continue
        noun_class = lexicon.noun_class(token.lemma)
        if noun_class in PERSON_CLASSES and _civilian_modifier(parsed, token, lexicon):
            noun_class = "civilians"
        # "a strike near Aleppo hit an IS unit": one strike that did something.
        # ("An airstrike killed three people": the toll's event, not a figure of its own.)
        striking = noun_class == "strikes" and token.dep == "nsubj" and (
            parsed.tokens[token.head].pos == "VERB") and not any(
                t.pos == "NUM" for c in parsed.children(token.head) if c.relation == "obj"
                for t in parsed.subtree(c.index))
        if noun_class not in PERSON_CLASSES | {"targets", "munitions"} and not striking:
            continue
        children = parsed.children(token.index)
        article = next((c for c in children if c.dep == "det" and fold(c.text) in _INDEFINITE
                        and c.index < token.index), None)
        if article is None and noun_class in ("combatants", "people"):
            article = _post_holder(parsed, token)
        if article is None and noun_class in PERSON_CLASSES and _headline_victim(
                parsed, token, lexicon):
            article = token  # the noun itself is the figure's span
        if article is None or any(c.dep == "nummod" for c in children):
            continue
        if any(n.start <= article.start < n.end for n in taken):
            continue
        predicate, outcome = find_outcome(parsed, token, lexicon, exclude=set())
        if outcome is None and noun_class in PERSON_CLASSES:
            predicate, outcome = _subset_of_toll(parsed, token, lexicon) or (None, None)
        if outcome == "struck" and noun_class == "munitions" and _hit_itself(token, predicate):
            continue  # "their vehicle hit a roadside bomb": the bomb struck nothing
        if outcome == "struck" and noun_class == "targets":
            continue  # "a strike hit a market": the strike is the event, no count of one
        if noun_class == "targets" and (predicate is None or predicate.pos != "VERB"):
            continue  # "an airstrike on a village killed ten": the strike's target
        measure = measure_of(noun_class, outcome)
        if measure is None:
            continue
        mention = NumberMention(article.start, article.end, article.text,
                                lexicon.unit_counts.get(fold(token.lemma), 1), None, None,
                                "exact")
        found.append((mention, CountedReading(measure, token, noun_class, predicate,
                                              outcome)))
    return found


def _numeral(span: Sequence[ParsedToken]) -> ParsedToken:
    """The token of a number mention that heads its count: its last numeral, else its
    count noun ("des dizaines") or pronoun."""
    return next((t for t in reversed(span) if t.pos == "NUM"),
                next((t for t in reversed(span) if t.pos in ("NOUN", "PRON")), span[-1]))


def coordinated_reading(parsed: ParsedSentence, number: NumberMention, lexicon: Lexicon,
                        following: CountedReading, following_start: int
                        ) -> CountedReading | None:
    """A figure the parse gave no outcome, joined by "et" / "and" to the next one, which
    has it ("3 fusils et 41 motos ont été détruits"): the list's outcome is the first
    item's too."""
    span = parsed.tokens_in(number.start, number.end)
    if not span or following.outcome is None:
        return None
    inside = {t.index for t in span}
    noun = _counted_noun(parsed, _numeral(span), inside, lexicon)
    if noun is None:
        return None
    gap = [t for t in parsed.tokens[noun.index + 1:] if t.start < following_start]
    if not gap or not all(t.pos == "CCONJ" or t.text == "," for t in gap) or not any(
            t.pos == "CCONJ" for t in gap):
        return None
    noun_class = lexicon.noun_class(noun.lemma) or lexicon.noun_class(noun.text)
    measure = measure_of(noun_class, following.outcome)
    if measure is None:
        return None
    return CountedReading(measure, noun, noun_class, following.predicate, following.outcome)


def _one_more(parsed: ParsedSentence, token: ParsedToken, lexicon: Lexicon,
              taken: Sequence[NumberMention]) -> tuple[NumberMention, CountedReading] | None:
    """"one soldier was injured and another lightly wounded", "deux personnes tuées à
    Nikopol, et une autre dans la région de Kherson": "another" standing alone is one more
    of the people counted before it, undergoing its own verb or the one it is joined to."""
    if fold(token.text) not in lexicon.one_more:
        return None
    head = parsed.head_of(token.index)
    if token.relation == "det" and head is not None and head.pos == "ADV":
        head = parsed.head_of(head.index)  # "and another lightly wounded", misparsed
    elif token.relation not in ("nsubj", "conj", "obj"):
        return None
    following = _next_token(parsed, token.index)
    if following is not None and following.pos in ("NOUN", "PROPN", "NUM"):
        return None  # "another two people", "une autre personne": counted otherwise
    if head is None or head.index == token.index:
        return None
    outcome = _outcome_of(parsed, head, lexicon)
    if outcome not in _PERSON_OUTCOMES:
        return None
    before = [t for t in parsed.tokens[:token.index]
              if lexicon.noun_class(t.lemma) in PERSON_CLASSES]
    noun_class = lexicon.noun_class(before[-1].lemma) if before else "people"
    measure = measure_of(noun_class, outcome)
    article = next((c for c in parsed.children(token.index) if c.dep == "det"
                    and c.index == token.index - 1), None)
    start = article.start if article is not None else token.start
    if measure is None or any(n.start < token.end and start < n.end for n in taken):
        return None
    written = token.text if article is None else \
        article.text + " " * (token.start - article.end) + token.text
    mention = NumberMention(start, token.end, written, 1, None, None, "exact")
    return mention, CountedReading(measure, None, noun_class, head, outcome, True)


def _hit_itself(noun: ParsedToken, predicate: ParsedToken | None) -> bool:
    """A munition the striking verb takes as its object ("hit a roadside bomb"): it was
    struck, it struck nothing."""
    return predicate is not None and noun.head == predicate.index and noun.relation in (
        "obj", "obl", "nmod")


def _subset_of_toll(parsed: ParsedSentence, token: ParsedToken,
                    lexicon: Lexicon) -> tuple[ParsedToken, str] | None:
    """'au moins 12 morts, dont un médecin et un infirmier', 'killed 12 people, including
    a doctor': one of a toll's subset underwent what the toll did."""
    first = token
    while first.dep == "conj" and first.head != first.index:
        first = parsed.tokens[first.head]  # "... et un infirmier"
    opening = parsed.subtree(first.index)[0]
    if not _after_subset_cue(parsed, opening, lexicon) and not any(
            _subset_cue(t, lexicon) for t in (opening, *parsed.children(first.index))):
        return None
    total = parsed.head_of(first.index)
    if total is not None and total.pos == "VERB":
        # "a fait au moins 12 morts, dont un médecin" with the subset hung on the verb:
        # the toll is its object
        total = next((c for c in parsed.children(total.index) if c.relation == "obj"
                      and c.index < first.index), total)
    if total is None or total.pos not in ("NOUN", "PRON", "VERB"):
        return None
    toll = lexicon.noun_class(total.lemma)
    if toll == "dead":
        return total, "fatalities"
    if toll == "wounded":
        return total, "injured"
    if total.pos == "VERB":
        outcome = _outcome_of(parsed, total, lexicon)
        return (total, outcome) if outcome is not None else None
    found = find_outcome(parsed, total, lexicon, exclude=set())
    return (found[0], found[1]) if found[0] is not None and found[1] is not None else None


_NAME_PARTS = frozenset({"compound", "flat", "amod", "nmod:desc", "appos"})


def _named_person(parsed: ParsedSentence, token: ParsedToken, lexicon: Lexicon,
                  names: PersonNames) -> tuple[tuple[int, int], str] | None:
    """(span, noun class) of a person's name heading a subject: a proper noun with a given
    name or a title before it ("Vladimir Zavadsky", "Journalist Issam Abdallah"), a
    surname the article named so before ("Zavadsky died"), or a person noun with a name
    in apposition ("the deputy commander ..., Major-General Vladimir Zavadsky,"); not an
    actor's or a place's name. A rank makes a combatant, "journalist" a civilian; a
    name alone is people."""
    if token.relation != "nsubj" or names.not_people.overlaps(token.start, token.end):
        return None
    if token.pos == "NOUN" and token.text[:1].isupper() and (
            fold(token.text) in names.known or any(
                c.pos == "PROPN" and c.relation == "compound" and c.index < token.index
                for c in parsed.children(token.index))):
        # "Zavadsky died", "Donald Trump was injured": a surname taken for a noun
        token = replace(token, pos="PROPN")
    if token.pos == "NOUN":
        noun_class = lexicon.noun_class(token.lemma)
        if fold(token.lemma) in lexicon.ranks:
            noun_class = "combatants"  # "le colonel Yaroslav Pavlenko"
        # "The deputy commander of the 14th Army Corps, Major-General Vladimir Zavadsky,":
        # the name in apposition, wherever the parse hung it in the subject
        person = next((c for c in parsed.subtree(token.index) if c.dep == "appos"
                       and c.pos == "PROPN" and c.index > token.index), None)
        if noun_class not in PERSON_CLASSES or person is None:
            return None
        named = _named_person(parsed, replace(person, dep="nsubj"), lexicon, names)
        return (named[0], named[1] if named[1] != "people" else noun_class) if named else None
    if token.pos != "PROPN" or lexicon.noun_class(token.lemma) or any(
            c.dep == "det" for c in parsed.children(token.index)):
        return None  # "the Pentagon", "l'Élysée": an institution
    # titles and given names stand before the head; a surname parsed as "flat" after it
    parts = [c for c in parsed.children(token.index) if (
        c.dep in _NAME_PARTS or c.relation in ("flat", "compound")) and (
        c.index < token.index or c.relation == "flat")]
    words = [token, *(w for p in parts for w in parsed.subtree(p.index))]
    surname = fold(max((w for w in words if w.pos == "PROPN"), key=lambda w: w.index).text)
    noun_class = names.known.get(surname, "people")
    given_name = surname in names.known
    for word in words:
        key = fold(word.lemma)
        if word is token:
            continue
        if key in lexicon.ranks or any(k in lexicon.ranks for k in key.split("-")):
            noun_class = "combatants"
        elif lexicon.noun_class(word.lemma) in PERSON_CLASSES:
            noun_class = lexicon.noun_class(word.lemma) or noun_class
        elif word.pos == "PROPN" and word.relation in ("compound", "flat"):
            given_name = True
    if not given_name and noun_class == "people":
        return None  # a lone capitalised word is as often a body or a place as a person
    names.known[surname] = noun_class
    return (min(w.start for w in words), max(w.end for w in words)), noun_class


def _counted_noun(parsed: ParsedSentence, numeral: ParsedToken, inside: set[int],
                  lexicon: Lexicon) -> ParsedToken | None:
    head = parsed.head_of(numeral.index)
    if numeral.dep in ("nummod", "det", "nummod:gov", "compound") and head is not None \
            and head.index not in inside and head.pos in ("NOUN", "PROPN", "ADJ", "PRON"):
        # "two anti-ship ballistic missiles" misparsed with the number on an adjective:
        # the noun the adjectives qualify.
        while head.pos == "ADJ" and head.dep == "amod" and head.head != head.index:
            head = parsed.tokens[head.head]
        return head
    # "des dizaines de civils", "22 of the 27 drones", "dozens of people": the noun that
    # the number quantifies hangs below it.
    for token_index in sorted(inside | {numeral.index}):
        for child in parsed.children(token_index):
            if child.index in inside or child.relation not in _QUANTIFIED:
                continue
            if child.pos in ("NOUN", "PROPN") and _has_case(parsed, child) and (
                    child.pos == "NOUN" or lexicon.noun_class(child.lemma)):
                return child  # not "22 of Russia's 27 drones": Russia owns what is counted
    if head is not None and head.index not in inside and numeral.dep == "nmod" \
            and head.pos == "NOUN" and lexicon.noun_class(head.lemma) in PERSON_CLASSES:
        return head  # parsed the other way round: "personnes" over "de 400"
    # A misparse still leaves the counted word right after the number ("2.136 civils"
    # tagged as an adjective of "mort"): adjacency is the fallback.
    after = max(inside | {numeral.index}) + 1
    for token in parsed.tokens[after:after + 3]:
        if token.pos in ("NOUN", "ADJ", "PROPN") and lexicon.noun_class(token.lemma or token.text):
            return token
        if token.pos != "ADJ" and token.text not in _QUOTES:  # 'around 10 "terrorists"'
            break
    # "22 of the 27 Shahed-type drones", "10 out of 17 attack drones" misparsed: the
    # counted noun of the partitive after the number, past its article, number and
    # modifiers.
    following = parsed.tokens[after:after + 8]
    if following and fold(following[0].text) in _PARTITIVE:
        for token in following[1:]:
            if token.pos == "NOUN" and lexicon.noun_class(token.lemma):
                return token
            if token.pos in ("ADP", "SCONJ", "CCONJ", "AUX") or token.text in (",", ";", ":"):
                break
    return None


def _antecedent_class(parsed: ParsedSentence, token: ParsedToken,
                      lexicon: Lexicon) -> str | None:
    """The class of the noun a relative clause holding `token` hangs on ("des éléments
    shebab, dont cinq ont été tués", "fighters, of whom 12 were killed")."""
    for ancestor in parsed.ancestors(token.index):
        if ancestor.dep in ("acl:relcl", "acl"):
            head = parsed.head_of(ancestor.index)
            return lexicon.noun_class(head.lemma) if head is not None else None
    return None


def included_figure(parsed: ParsedSentence, number: NumberMention, lexicon: Lexicon,
                    outcome: str | None) -> CountedReading | None:
    """People a pronoun's inclusion verb lists right after a toll ("The strike wounded at
    least five. They include three Syrians, one Sudanese and one Lebanese"): a breakdown
    of the toll before, that underwent its `outcome`."""
    if outcome not in _PERSON_OUTCOMES:
        return None
    span = parsed.tokens_in(number.start, number.end)
    if not span:
        return None
    numeral = _numeral(span)
    node = numeral
    for _ in range(6):  # up the list ("one Sudanese" misparsed on "Syrians")
        head = parsed.head_of(node.index)
        if head is None or head.pos in ("VERB", "AUX"):
            break
        node = head
    verb = parsed.head_of(node.index)
    if verb is None or node.relation != "obj" or lexicon.outcome(verb.lemma) != "members" \
            or not any(c.relation == "nsubj" and c.pos == "PRON"
                       for c in parsed.children(verb.index)):
        return None
    head = parsed.head_of(numeral.index)
    noun = head if head is not None and numeral.dep == "nummod" and head.pos in (
        "NOUN", "PROPN", "ADJ") else None
    noun_class = lexicon.noun_class(noun.lemma) if noun is not None else None
    if noun_class not in PERSON_CLASSES:
        noun_class = "people"  # "three Syrians": a nationality counts people
    measure = measure_of(noun_class, outcome)
    if measure is None:
        return None
    return CountedReading(measure, noun if noun is not None and noun.pos == "NOUN" else None,
                          noun_class, None, outcome)


def _list_final_participle(parsed: ParsedSentence, noun: ParsedToken, lexicon: Lexicon
                           ) -> tuple[ParsedToken, str] | None:
    """The first participle after `noun` that hangs on a later item of the same list
    and says what happened to things, with its outcome."""
    head = _list_head(parsed, noun, _NOMINAL)
    for token in parsed.tokens[noun.index + 1:]:
        if token.pos in ("VERB", "AUX") and token.feature("VerbForm") != "Part":
            return None  # a new clause: the list is over
        if token.pos not in ("VERB", "ADJ") or token.feature("VerbForm") != "Part":
            continue
        item = parsed.head_of(token.index)
        if item is None or token.relation not in ("acl", "amod") or (
                _list_head(parsed, item, _NOMINAL).index != head.index
                and not _only_list_items(parsed, noun.index, token.index)):
            continue
        outcome = _outcome_of(parsed, token, lexicon)
        if outcome in ("other", "destroyed", "captured"):
            return token, outcome
    return None


def _only_list_items(parsed: ParsedSentence, first: int, last: int) -> bool:
    """Whether the words between two tokens are items of a list: nouns, numbers and their
    modifiers joined by commas and a conjunction, however the parse hung them ("01 obus,
    04 chargeurs d'AK-47, des munitions et de nombreux autres matériels récupérés")."""
    if last - first > _LIST_REACH:
        return False  # a list of a few dozen words at most (and no scan of a long line)
    between = parsed.tokens[first + 1:last]
    return any(t.text == "," for t in between) and all(
        t.pos in _LIST_WORDS or t.text == "," for t in between)


# A participle the parse makes a preposition or a conjunction ("four people including a
# commander", "compte tenu") says nothing that happened to the noun before it.
_MARKERS = frozenset({"case", "mark", "cc"})
_LIST_WORDS = frozenset({"NOUN", "PROPN", "NUM", "ADJ", "DET", "ADP", "CCONJ"})
_LIST_REACH = 60  # tokens from an item to the participle that ends its list


def seized(parsed: ParsedSentence, noun: ParsedToken, lexicon: Lexicon) -> bool:
    """Whether the things `noun` names were seized, recovered or handed over (by their
    own verb or the participle ending their list), not fired."""
    _, outcome = find_outcome(parsed, noun, lexicon, exclude=set())
    if outcome is None:
        outcome = (_list_final_participle(parsed, noun, lexicon) or (None, None))[1]
    return outcome in ("other", "captured")


def _conjoined_object_class(parsed: ParsedSentence, token: ParsedToken,
                            lexicon: Lexicon) -> str | None:
    """The class of the object of the verb that the elided figure's verb is joined to
    ("destroyed a private home, and damaged about 10 more", "a détruit une maison et
    endommagé dix autres")."""
    verb = next((a for a in parsed.ancestors(token.index) if a.pos == "VERB"), None)
    if verb is None or verb.dep != "conj":
        return None
    first = parsed.head_of(verb.index)
    if first is None:
        return None
    return next((lexicon.noun_class(c.lemma) for c in parsed.children(first.index)
                 if c.relation == "obj" and lexicon.noun_class(c.lemma)), None)


def _list_head(parsed: ParsedSentence, token: ParsedToken,
               under: frozenset[str] = frozenset({"NOUN"})) -> ParsedToken:
    """The first item of the list `token` is an item of: up the conjunctions, and up the
    modifiers of a word of the `under` parts of speech a long list is often misparsed
    into ("two fighters of ISIS, six rebels": the rebels hang on "ISIS"; "13 PM, 02 PKM,
    01 mortier" on a name)."""
    node = token
    for _ in range(16):
        head = parsed.head_of(node.index)
        if head is None or not (node.dep == "conj" or (node.dep == "nmod" and head.pos in under)):
            break
        node = head
    return node


_NOMINAL = frozenset({"NOUN", "PROPN"})


def _qualified_class(parsed: ParsedSentence, noun: ParsedToken,
                     lexicon: Lexicon) -> str | None:
    for child in parsed.children(noun.index):
        if child.relation == "nmod" and _has_case(parsed, child):
            found = lexicon.noun_class(child.lemma)
            if found in ("civilians", "combatants"):
                return found
    return None


def _aimed_by(parsed: ParsedSentence, noun: ParsedToken, lexicon: Lexicon) -> ParsedToken | None:
    """The aim verb munitions are the subject of ("deux missiles ont visé la ville"), or
    that the parse hung on them with its object ("three drones targeted infrastructure")."""
    head = parsed.head_of(noun.index)
    if noun.relation == "nsubj" and head is not None and fold(head.lemma) in lexicon.aim_verbs:
        return head
    return next((c for c in parsed.children(noun.index) if c.dep == "acl"
                 and fold(c.lemma) in lexicon.aim_verbs
                 and any(g.relation == "obj" for g in parsed.children(c.index))), None)


def _partitive_total(parsed: ParsedSentence, numeral: ParsedToken) -> bool:
    """The number after a partitive that counts the whole ("22 of the 27", "10 out of 17",
    "22 of Russia's 27", "22 sur 27"): a number, a partitive word, then only articles and
    an owner before it."""
    seen_partitive = False
    for token in reversed(parsed.tokens[max(0, numeral.index - 5):numeral.index]):
        if fold(token.text) in _PARTITIVE:
            seen_partitive = True
        elif token.pos == "NUM":
            return seen_partitive
        elif token.pos not in ("DET", "PROPN", "PART") and token.dep != "nmod:poss":
            return False
    return False


def _group_among(parsed: ParsedSentence, predicate: ParsedToken,
                 lexicon: Lexicon) -> str | None:
    """The class of the group the outcome's clause counts its people among ("faisant sept
    morts parmi les FDS", "died among a group of residents"): its noun's, or combatants
    for a side's forces; the group's own complements count too ("un groupe de citoyens")."""
    for child in parsed.children(predicate.index):
        if child.relation not in ("obl", "nmod") or not any(
                c.dep == "case" and fold(c.text) in lexicon.among_cases
                for c in parsed.children(child.index)):
            continue
        for noun in (child, *(g for g in parsed.children(child.index) if g.relation == "nmod")):
            found = lexicon.noun_class(noun.lemma) or lexicon.noun_class(noun.text)
            if found is None and lexicon.side(noun.text) == "state_forces":
                found = "combatants"
            if found in ("civilians", "combatants"):
                return found
    return None


def _civilian_modifier(parsed: ParsedSentence, noun: ParsedToken, lexicon: Lexicon) -> bool:
    """A person noun an adjective makes a civilian ("a civilian contractor", "un
    contractuel civil", "un employé civil"), or a civilian noun before it when it names no
    side's people ("a student leader", not "women fighters"), or a post in a civilian body
    ("a church leader", "le chef du village", "un chef religieux"; not "opposition
    fighters")."""
    if noun.pos != "NOUN":
        return False
    for child in parsed.children(noun.index):
        if lexicon.noun_class(child.lemma) == "civilians" and (child.dep == "amod" or (
                child.dep == "compound" and lexicon.side(noun.lemma) is None)):
            return True
        if fold(noun.lemma) in lexicon.posts and child.relation in (
                "compound", "amod", "nmod") and (
                fold(child.lemma) in lexicon.civilian_bodies
                or fold(child.text) in lexicon.civilian_bodies):
            return True
    return False


def _has_case(parsed: ParsedSentence, token: ParsedToken) -> bool:
    return any(c.dep == "case" and fold(c.text) in ("de", "d'", "des", "du", "of", "among")
               for c in parsed.children(token.index))


def find_outcome(parsed: ParsedSentence, anchor: ParsedToken, lexicon: Lexicon,
                 exclude: set[int]) -> tuple[ParsedToken | None, str | None]:
    """The word saying what happened to `anchor` and its class: a participle or relative
    clause on the noun first (it binds closest), then the governor up the conjunctions."""
    for child in parsed.children(anchor.index):
        if child.index in exclude or child.dep not in _MODIFIERS:
            continue
        if any(t.pos == "NUM" for t in parsed.subtree(child.index)):
            continue  # "4 women ..., with 17 others injured": the 17's participle
        outcome = _outcome_of(parsed, child, lexicon)
        if outcome is not None:
            return child, outcome
    # "un bilan de 06 terroristes neutralisés" with the participle hung on "bilan": the
    # participle right after the noun is the noun's
    following = parsed.tokens[anchor.index + 1] if anchor.index + 1 < len(parsed.tokens) \
        else None
    if following is not None and following.index not in exclude and \
            following.dep in _MODIFIERS and following.head != anchor.index and \
            (following.feature("VerbForm") == "Part" or (
                following.dep == "acl" and following.feature("Tense") == "Past")) and \
            any(a.index == following.head for a in parsed.ancestors(anchor.index)):
        outcome = _outcome_of(parsed, following, lexicon)
        if outcome is not None:
            return following, outcome
    # "trois soldats et un civil blessés": the last conjunct's participle is everyone's.
    for child in parsed.children(anchor.index):
        if child.dep != "conj" or child.index in exclude or any(
                c.dep == "case" for c in parsed.children(child.index)):
            continue  # "with 17 others injured" is no conjunct of the counted noun
        for grandchild in parsed.children(child.index):
            if grandchild.dep in _MODIFIERS and grandchild.index == child.index + 1:
                outcome = _outcome_of(parsed, grandchild, lexicon)
                if outcome is not None:
                    return grandchild, outcome
    node = anchor
    seen = 0
    while node.dep in _CLIMB and seen < 8:
        head = parsed.head_of(node.index)
        if head is None:
            break
        # Climbing a conjunction, a modifier of the conjunct may still be ours
        # ("trois soldats et un civil blessés").
        node = head
        seen += 1
        for child in parsed.children(node.index):
            if child.dep in _MODIFIERS and child.index not in exclude \
                    and child.index > anchor.index \
                    and not any(t.pos == "NUM" for t in parsed.subtree(child.index)):
                outcome = _outcome_of(parsed, child, lexicon)
                if outcome is not None:
                    return child, outcome
    predicate = parsed.head_of(node.index)
    # the number's own words are no case ("at least 15 security forces" parsed with "at"
    # as the noun's preposition)
    cases = [fold(c.lemma) for c in parsed.children(node.index)
             if c.dep == "case" and c.index not in exclude]
    if cases == ["en"] and any(c.dep == "advmod" and fold(c.lemma) == "plus"
                               for c in parsed.subtree(node.index)):
        cases = ["outre"]  # "en plus de six soldats": as well as them
    if node.relation in ("obl", "nmod") and predicate is not None and any(
            c not in _COMPANION_CASES for c in cases):
        if any(c in _AIMED_CASES for c in cases) and (_is_strike(predicate, lexicon) or any(
                _is_strike(c, lexicon) for c in parsed.children(predicate.index)
                if c.relation in ("obj", "nsubj") and c.index < node.index)):
            return predicate, "destroyed"  # "des frappes sur 19 écoles": targets hit
        if _outcome_of(parsed, predicate, lexicon) == "total":
            return predicate, "total"  # "the toll rose to 160", "put the toll at 160"
        return predicate, None  # "killed in a strike on a house": the house was not killed
    if node.dep == "nsubj" and predicate is not None and any(
            c.relation == "obj" for c in parsed.children(predicate.index)):
        # "un soldat a perdu la vie": the verb and its object say what happened to him;
        # "a suicide bomber killed 35 people": the agent, not a victim.
        for child in parsed.children(predicate.index):
            phrase = lexicon.outcomes.get(f"{fold(predicate.lemma)} {fold(child.lemma)}")
            if child.relation == "obj" and phrase is not None:
                return predicate, phrase
        return predicate, None
    for _ in range(2):
        if predicate is None:
            return None, None
        outcome = _outcome_of(parsed, predicate, lexicon)
        if outcome is not None:
            return predicate, outcome
        # "were reported killed", "ont été retrouvés morts": the open complement says it.
        for child in parsed.children(predicate.index):
            if child.dep in ("xcomp", "ccomp") or (child.dep == "advcl" and child.feature(
                    "VerbForm") == "Inf"):  # "forcing one million people to flee"
                outcome = _outcome_of(parsed, child, lexicon)
                if outcome is not None:
                    return child, outcome
        # Only an open complement hands its noun up ("a annoncé avoir tué 32 terroristes"
        # is read at "tué"); an attack "contre un poste" that killed policemen did not
        # destroy the post.
        if predicate.relation != "xcomp":
            return predicate, None
        predicate = parsed.head_of(predicate.index)
    return None, None


def _outcome_of(parsed: ParsedSentence, token: ParsedToken, lexicon: Lexicon) -> str | None:
    if token.pos not in ("VERB", "NOUN", "ADJ", "AUX"):
        return None
    # The form as written too: a lemmatizer's miss on an irregular form ("shot") must not
    # hide the outcome.
    forms = verb_forms(token.lemma, token.text, token.pos, parsed.language)
    # "trois faits prisonniers": a participle tagged a noun, its complement an adjective
    particles = _PARTICLES if token.pos in ("VERB", "AUX") else _PARTICLES | {"amod"}
    for child in parsed.children(token.index):
        if child.dep in particles:
            for form in forms:
                found = lexicon.outcomes.get(f"{form} {fold(child.lemma)}")
                if found:
                    return found
    return next((found for form in forms if (found := lexicon.outcome(form))), None)


def _is_strike(token: ParsedToken, lexicon: Lexicon) -> bool:
    """A strike or bombardment as an act ("frappes", "bombarded"), not its munition
    ("une attaque à la roquette contre une base" hit no base)."""
    forms = (fold(token.lemma), fold(token.text))
    if lexicon.noun_class(token.lemma) == "munitions":
        return False
    table = lexicon.event_nouns if token.pos == "NOUN" else lexicon.event_verbs
    return any(table.get(f) in ("air_strike", "shelling") for f in forms)


# What may stand between two items of one list ("19 écoles, 12 marchés publics et 20
# établissements", "ainsi que sur 21 de leurs centres"): the first item's modifiers, commas,
# conjunctions, the repeated preposition.
_LIST_GAP = frozenset({"PUNCT", "CCONJ", "ADJ", "ADP", "DET", "ADV", "SCONJ"})


def _next_list_item(parsed: ParsedSentence, first: ParsedToken,
                    previous: CountedReading) -> bool:
    """Whether the number at `first` opens the next item of the list the previous figure
    heads, however the parse attached it: what happened to the list happened to it."""
    if previous.noun is None or previous.outcome is None or previous.noun.index >= first.index:
        return False
    gap = parsed.tokens[previous.noun.index + 1:first.index]
    return len(gap) <= 6 and any(t.text in (",", ";") or t.pos == "CCONJ" for t in gap) and \
        all(t.pos in _LIST_GAP and t.text not in (".", ":", "(", ")") for t in gap)


def shared_toll(parsed: ParsedSentence, reading: CountedReading,
                lexicon: Lexicon) -> CountedReading | None:
    """The other toll a number counts when its toll word is coordinated with another and
    no number of its own ("dozens dead and injured", "des dizaines de morts et de
    blessés"): the wounded as many as the dead, as the text says."""
    noun = reading.noun
    if noun is None or reading.noun_class not in ("dead", "wounded"):
        return None
    other_class = "wounded" if reading.noun_class == "dead" else "dead"
    for child in parsed.children(noun.index):
        if child.dep != "conj" or any(t.pos == "NUM" for t in parsed.subtree(child.index)):
            continue
        if lexicon.noun_class(child.lemma) == other_class or lexicon.noun_class(
                child.text) == other_class:
            measure = "injured" if other_class == "wounded" else "fatalities"
            return CountedReading(measure, child, other_class, reading.predicate,
                                  reading.outcome)
    return None


def _numbering(parsed: ParsedSentence, numeral: ParsedToken,
               lexicon: Lexicon) -> ParsedToken | None:
    """The participle that gives a noun its number ("terrorists numbering five", "des
    assaillants au nombre de 30" misparsed alike), or None."""
    verb = parsed.head_of(numeral.index)
    if verb is None or numeral.relation != "obj" or verb.dep != "acl" or \
            parsed.head_of(verb.index) is None:
        return None
    return verb if _outcome_of(parsed, verb, lexicon) in ("members", "total") else None


# How a number hangs below the clause that says it is an amount ("is more than 70",
# "s'élève à plus de 70"), not as a subject of its own.
_AMOUNT_RELATIONS = frozenset({"obl", "obj", "nmod", "nummod", "amod", "advmod", "fixed",
                               "flat", "compound"})


def _number_of(parsed: ParsedSentence, numeral: ParsedToken,
               lexicon: Lexicon) -> tuple[ParsedToken, ParsedToken, str] | None:
    """(counted word, its participle, the participle's outcome) when the number is what
    "the number of X done" is or amounts to; None otherwise."""
    node = numeral
    for _ in range(3):  # "is more than 70", "s'élève à plus de 70": up to the clause head
        subject = next((c for c in parsed.children(node.index) if c.relation == "nsubj"
                        and fold(c.lemma) in lexicon.count_nouns), None)
        if subject is not None:
            break
        if node.head == node.index or node.relation not in _AMOUNT_RELATIONS:
            return None  # "... while 10 were killed": a clause of its own
        node = parsed.tokens[node.head]
    else:
        return None
    for counted in parsed.children(subject.index):
        if counted.relation != "nmod":
            continue
        for participle in parsed.children(counted.index):
            outcome = _outcome_of(parsed, participle, lexicon) if participle.dep in \
                _MODIFIERS else None
            if outcome is not None:
                return counted, participle, outcome
    return None


def _after_subset_cue(parsed: ParsedSentence, first: ParsedToken, lexicon: Lexicon) -> bool:
    before = parsed.tokens[max(0, first.index - 2):first.index]
    return any(_subset_cue(t, lexicon) for t in before)


def _subset_cue(token: ParsedToken, lexicon: Lexicon) -> bool:
    """"dont", "including", "among": what follows is part of a total."""
    return fold(token.lemma) in lexicon.subset_cues or fold(token.text) in lexicon.subset_cues


def _among_the_dead(parsed: ParsedSentence, anchor: ParsedToken,
                    lexicon: Lexicon) -> tuple[ParsedToken, str] | None:
    """'790 femmes figurent parmi les victimes', 'among the dead were 4 children': the
    toll noun the governor places them among."""
    node = anchor
    while node.dep in _CLIMB and node.head != node.index:
        node = parsed.tokens[node.head]
    governor = parsed.head_of(node.index) or node  # a copular root: "... were 4 women"
    if governor is not node and (lexicon.noun_class(governor.lemma) == "dead" or fold(
            governor.lemma) in ("victime", "victim")):
        return governor, "fatalities"  # "Among the victims were 4 women"
    for child in parsed.children(governor.index):
        if child.relation in ("obl", "nmod", "nsubj") and child.index != node.index and (
                lexicon.noun_class(child.lemma) == "dead"
                or fold(child.lemma) in ("victime", "victim")):
            return child, "fatalities"
    return None


def _next_token(parsed: ParsedSentence, index: int) -> ParsedToken | None:
    return parsed.tokens[index + 1] if index + 1 < len(parsed.tokens) else None


def _verb_before(parsed: ParsedSentence, first: ParsedToken,
                 lexicon: Lexicon) -> tuple[ParsedToken, str] | None:
    index = first.index - 1
    while index >= 0 and parsed.tokens[index].pos in ("ADV", "ADP", "DET", "PART"):
        index -= 1  # "wounded at least 11", "a blessé plus de 11"
    if index < 0 or parsed.tokens[index].pos not in ("VERB", "ADJ"):
        return None
    outcome = _outcome_of(parsed, parsed.tokens[index], lexicon)
    return (parsed.tokens[index], outcome) if outcome is not None else None


def _subject_class(parsed: ParsedSentence, predicate: ParsedToken,
                   lexicon: Lexicon) -> str | None:
    """'Les frappes ont totalisé 312', 'le nombre de morts a atteint 50'; what a verb puts
    at the number, its object, before the subject who says so ('residents put the death
    toll at 160')."""
    children = parsed.children(predicate.index)
    for child in [*(c for c in children if c.relation == "obj" and c.pos != "NUM"),
                  *(c for c in children if c.relation == "nsubj")]:
        found = lexicon.noun_class(child.lemma)
        if found is not None:
            return found
        for grandchild in parsed.children(child.index):
            if grandchild.relation == "nmod":
                found = lexicon.noun_class(grandchild.lemma)
                if found is not None:
                    return found
    return None


def kills_uncounted_civilians(parsed: ParsedSentence, lexicon: Lexicon) -> bool:
    """Whether the sentence says civilians were killed without counting them ("des ADF
    ont tué des civils à la machette", "gunmen killed villagers")."""
    for noun in parsed.tokens:
        if noun.pos != "NOUN" or lexicon.noun_class(noun.lemma) != "civilians" or any(
                c.dep == "nummod" for c in parsed.children(noun.index)):
            continue
        head = parsed.head_of(noun.index)
        killers = [c for c in parsed.children(noun.index) if c.dep in _MODIFIERS]
        if head is not None and (noun.relation == "obj" or noun.dep == "nsubj:pass"):
            killers.append(head)  # "ont tué des civils"; else "civils tués", "killed civilians"
        if any(k.pos == "VERB" and lexicon.outcome(k.lemma) == "fatalities" for k in killers):
            return True
    return False
