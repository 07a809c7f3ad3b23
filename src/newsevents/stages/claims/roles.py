"""Roles from syntax: who acted (the agent) and who was hit (the patient, the victims).

The agent of an outcome or event word is the subject of an active verb, the "par X" / "by
X" of a passive, or the possessor of an event noun ("les frappes de la coalition"); the
patient is the object, the subject of a passive, or "contre X" / "against X". Counted
victims decide the target when no actor is named in them: civilians are the `civilians`
target, soldiers and police the article's state, fighters the article's armed group.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsevents.records import ActorMention
from newsevents.stages.actors import fold
from newsevents.stages.claims.counted import CountedReading
from newsevents.stages.claims.lexicon import Lexicon, verb_forms
from newsevents.stages.parse import ParsedSentence, ParsedToken

_AGENT_CASES = frozenset({"par", "by"})
_PATIENT_CASES = frozenset({"contre", "against", "sur", "on", "visant", "targeting"})
_GIVEN_TO = frozenset({"to", "a", "aux", "au", "aupres"})


def _is_passive(parsed: ParsedSentence, verb: ParsedToken) -> bool:
    children = parsed.children(verb.index)
    if any(c.dep in ("aux:pass", "nsubj:pass") for c in children):
        return True
    # A past tagged a passive participle that takes a direct object is active ("our
    # troops fought Boko Haram terrorists")
    return verb.feature("Voice") == "Pass" and not any(c.dep == "obj" for c in children)


def _case(parsed: ParsedSentence, token: ParsedToken) -> str | None:
    return next((fold(c.text) for c in parsed.children(token.index) if c.dep == "case"), None)


def _role_heads(parsed: ParsedSentence, predicate: ParsedToken
                ) -> tuple[list[ParsedToken], list[ParsedToken]]:
    """(agent heads, patient heads) of a predicate; an open complement ("a annoncé avoir
    tué", "claimed to have killed") takes the subject of the verb it completes."""
    agents: list[ParsedToken] = []
    patients: list[ParsedToken] = []
    verb: ParsedToken | None = predicate
    for _ in range(3):
        if verb is None:
            break
        passive = _is_passive(parsed, verb)
        for child in parsed.children(verb.index):
            relation = child.relation
            if child.dep == "obl:agent" or (relation in ("obl", "nmod")
                                            and _case(parsed, child) in _AGENT_CASES):
                agents.append(child)
            elif relation == "nsubj":
                (patients if passive or child.dep == "nsubj:pass" else agents).append(child)
            elif relation in ("obj", "iobj"):
                patients.append(child)
            elif relation in ("obl", "nmod") and _case(parsed, child) in _PATIENT_CASES:
                patients.append(child)
        if agents or verb.relation not in ("xcomp", "conj", "acl", "advcl"):
            break
        verb = parsed.head_of(verb.index)
    return agents, patients


def role_spans(parsed: ParsedSentence, predicate: ParsedToken, lexicon: Lexicon | None = None
               ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(agent spans, patient spans) of a predicate (see `_role_heads`)."""
    heads, hit = _role_heads(parsed, predicate)
    if lexicon is not None:
        heads, hit = _by_the_verbs_meaning(parsed, predicate, lexicon, heads, hit)
    agents = [_without_clauses(parsed, t) for t in heads]
    patients = [parsed.span(t.index) for t in hit]
    if not agents and lexicon is not None:
        agents = _agents_of_the_event(parsed, predicate, lexicon)
    if lexicon is not None and predicate.pos == "NOUN" and predicate.dep == "nsubj" and (
            aim := parsed.head_of(predicate.index)) is not None and \
            fold(aim.lemma) in lexicon.aim_verbs:
        # "Les bombardements turcs ont ciblé des sites des FDS": what the event aimed at
        patients += [parsed.span(c.index) for c in parsed.children(aim.index)
                     if c.relation == "obj" or c.dep == "obl:arg"]  # "des sites" read as "de"
    return agents, patients


def _by_the_verbs_meaning(parsed: ParsedSentence, predicate: ParsedToken, lexicon: Lexicon,
                          heads: list[ParsedToken], hit: list[ParsedToken]
                          ) -> tuple[list[ParsedToken], list[ParsedToken]]:
    """The (agent, patient) heads of verbs whose subject is not their agent: "967
    terrorists surrendered to troops", "se sont rendus aux forces" (the troops took them,
    the subject gave itself up, whatever voice the tagger read or the noun the verb was
    hung on: "said 300 fighters surrendered to troops"); "trois soldats ont perdu la
    vie", "l'armée a perdu 12 hommes" (the subject suffered the event)."""
    forms = set(verb_forms(predicate.lemma, predicate.text, predicate.pos, lexicon.language))
    if forms & lexicon.surrender_verbs:
        receivers = [c for c in parsed.children(predicate.index)
                     if c.relation in ("obl", "iobj") and _case(parsed, c) in _GIVEN_TO]
        if receivers:
            modified = parsed.head_of(predicate.index) if predicate.relation == "acl" else None
            given = [*heads, *hit, *([modified] if modified else [])]
            return receivers, [t for t in given if t not in receivers]
        return heads, hit
    if forms & lexicon.suffering_verbs:
        return ([t for t in heads if t.relation != "nsubj"],
                [*hit, *(t for t in heads if t.relation == "nsubj")])
    return heads, hit


def _without_clauses(parsed: ParsedSentence, token: ParsedToken) -> tuple[int, int]:
    """The span of the phrase `token` heads, up to a clause that follows it ("an airstrike
    targeting al-Shabaab killed three": the strike acted, not al-Shabaab)."""
    start, end = parsed.span(token.index)
    for child in parsed.children(token.index):
        if child.index > token.index and child.relation == "acl":
            end = min(end, parsed.subtree(child.index)[0].start)
    return start, end


def hits_civilians(parsed: ParsedSentence, predicate: ParsedToken | None,
                   lexicon: Lexicon) -> bool:
    """The act hits civilians by what it is aimed at, named by a common noun: a civilian
    place ("attacked the village", "bombs on Nyaung Kone village", "ont envahi nos
    maisons"), civilians ("attacked a journalist"), "civilian targets"; a name is read by
    its apposition ("Yarkofoji and Rini, both neighbouring communities")."""
    if predicate is None:
        return False
    _, patients = _role_heads(parsed, predicate)
    # the subject of a passive only, not of a verb read as one ("a booby-trapped car
    # exploded": the weapon)
    patients = [t for t in patients if t.relation != "nsubj" or t.dep == "nsubj:pass"]
    if lexicon.outcome(predicate.lemma) == "fired":  # "missiles launched at civilian targets"
        patients += [c for c in parsed.children(predicate.index)
                     if c.relation in ("obl", "nmod") and _case(parsed, c) in _FIRED_AT]
    # "dropped three bombs on the village": where the munitions fired were aimed
    patients += [c for t in patients if lexicon.noun_class(t.lemma) in ("munitions", "strikes")
                 for c in parsed.children(t.index)
                 if c.relation == "nmod" and _case(parsed, c) in _PATIENT_CASES]
    return any(_civilian_thing(parsed, t, lexicon)
               for t in with_appositions(parsed, patients))


def with_appositions(parsed: ParsedSentence, tokens: list[ParsedToken]) -> list[ParsedToken]:
    """`tokens` and what their names are, by their apposition and their conjuncts'
    ("Yarkofoji and Rini, both neighbouring communities, were attacked")."""
    named = [t for t in tokens if t.pos == "PROPN"]
    named += [c for t in named for c in parsed.children(t.index) if c.dep == "conj"]
    return tokens + [c for t in named for c in parsed.children(t.index)
                     if c.dep == "appos" or (c.dep == "conj" and c.pos == "NOUN")]


_FIRED_AT = frozenset({"at", "vers"})


def noun_forms(parsed: ParsedSentence, token: ParsedToken) -> tuple[str, ...]:
    """A noun's folded lemma and text, and the two-word name it may open ("quartier
    général", "quartier-général" split in three tokens by the tokenizer)."""
    words = [t.text for t in parsed.tokens[token.index:token.index + 3] if t.text != "-"]
    return (fold(token.lemma), fold(token.text), fold(" ".join(words[:2])))


def _civilian_thing(parsed: ParsedSentence, token: ParsedToken, lexicon: Lexicon) -> bool:
    if token.pos not in ("NOUN", "PROPN"):
        return False
    if lexicon.side(token.lemma) is not None or any(
            f in lexicon.security_places for f in noun_forms(parsed, token)):
        return False  # "the army's camp", "les soldats", "le quartier général"
    if fold(token.lemma) in lexicon.civilian_objects or fold(
            token.text) in lexicon.civilian_objects or lexicon.noun_class(
            token.lemma) == "civilians":
        return True
    return any(c.dep == "amod" and lexicon.noun_class(c.lemma) == "civilians"
               for c in parsed.children(token.index))


# "les frappes de la coalition", "an attack by the RSF"; "combats entre milices rivales",
# "clashes between his forces and the opposition": both sides fight
_POSSESSOR_CASES = frozenset({"de", "du", "des", "d'", "of", "by", "par", "entre", "between"})


_OF = frozenset({"de", "d'", "of"})
_BETWEEN = frozenset({"entre", "between"})


def _agents_of_the_event(parsed: ParsedSentence, predicate: ParsedToken,
                         lexicon: Lexicon) -> list[tuple[int, int]]:
    """'tués dans des frappes russes', 'killed in an Israeli strike', 'killed in an
    attack by the RSF', 'airstrikes led by a Saudi coalition': a passive outcome names
    no agent, the event noun it happened in does (its adjective, compound, possessor or
    'by' phrase)."""
    # ("killed in fighting between militias": the noun may hang as a clause)
    nouns = [c for c in parsed.children(predicate.index)
             if c.relation in ("obl", "nmod", "advcl") and c.pos == "NOUN"]
    # "tuées en deux semaines de combats entre milices": the event noun of a period
    nouns += [c for n in nouns for c in parsed.children(n.index)
              if c.relation == "nmod" and c.pos == "NOUN" and _case(parsed, c) in _OF]
    if predicate.pos == "NOUN":
        nouns.append(predicate)  # the event noun itself ("une attaque des FSR")
    # "tuées ... de combats entre milices rivales" with the sides hung on the verb
    found = [parsed.span(c.index) for c in parsed.children(predicate.index)
             if c.relation in ("obl", "nmod") and _case(parsed, c) in _BETWEEN
             and c.pos == "NOUN"]
    for noun in nouns:
        if fold(noun.lemma) not in lexicon.event_nouns and fold(
                noun.text) not in lexicon.event_nouns and lexicon.noun_class(
                noun.lemma) != "strikes":
            continue
        for child in parsed.children(noun.index):
            relation = child.relation
            if (child.dep in ("amod", "compound", "nmod:poss") and child.index < noun.index) or (
                    child.dep == "amod" and child.pos == "ADJ"):
                found.append(parsed.span(child.index))
            elif relation in ("nmod", "obl") and _case(parsed, child) in _POSSESSOR_CASES:
                found.append(parsed.span(child.index))
            elif relation == "acl":  # "led by a Saudi coalition", "menées par la Russie"
                found.extend(parsed.span(c.index) for c in parsed.children(child.index)
                             if c.dep == "obl:agent" or (c.relation == "obl" and _case(
                                 parsed, c) in _AGENT_CASES))
    return found


def syntactic_roles(parsed: ParsedSentence, predicate: ParsedToken | None,
                    mentions: Sequence[ActorMention], lexicon: Lexicon | None = None
                    ) -> tuple[list[str], list[str]]:
    """(actors, targets) among `mentions` by their place in the predicate's arguments."""
    if predicate is None:
        return [], []
    agents, patients = role_spans(parsed, predicate, lexicon)
    actors = [m.id for m in mentions if any(s <= m.start < e for s, e in agents)]
    targets = [m.id for m in mentions if any(s <= m.start < e for s, e in patients)
               and m.id not in actors]
    return list(dict.fromkeys(actors)), list(dict.fromkeys(targets))


def victims_side(reading: CountedReading | None, lexicon: Lexicon, state: str | None,
                 armed_group: str | None) -> list[str]:
    """The side the counted people belong to, when no actor qualifies them."""
    if reading is None:
        return []
    if reading.noun_class in ("dead", "wounded"):
        return ["civilians"]  # "38 morts", "20 blessés": a toll with no status given
    if reading.noun_class in ("targets", "weapons") and reading.noun is not None and fold(
            reading.noun.lemma) in lexicon.civilian_objects:
        return ["civilians"]  # "72 maisons détruites", "a strike on a market"
    if reading.noun_class not in ("civilians", "combatants", "people"):
        return []
    if reading.noun_class == "civilians":
        return ["civilians"]
    if reading.noun_class == "people" and reading.outcome in (
            "fatalities", "injured", "captured", "displaced", "other"):
        # People killed, wounded or abducted with no status given: ACLED codes them as the
        # Civilians actor, and so does the corpus gold.
        return ["civilians"]
    noun = reading.noun
    # "10 terrorists" of no group named are unidentified men
    return side_ids(lexicon.side(noun.lemma) if noun is not None else None, state,
                    armed_group)


def side_ids(side: str | None, state: str | None, armed_group: str | None) -> list[str]:
    """The actor ids of a side a common noun names: the state for its forces, the armed
    group meant (`unknown` when none is named) for fighters, none otherwise."""
    if side == "state_forces" and state:
        return [state]
    if side == "armed_groups":
        return [armed_group or "unknown"]
    return []


def owner_side(parsed: ParsedSentence, reading: CountedReading | None, lexicon: Lexicon,
               state: str | None, armed_group: str | None) -> list[str]:
    """The side owning the things a figure counts, by a common noun or adjective on them
    ("véhicules de l'armée", "four military vehicles", "the rebels' trucks")."""
    if reading is None or reading.noun is None or reading.noun_class not in (
            "targets", "weapons"):
        return []
    for child in parsed.children(reading.noun.index):
        if child.dep not in ("amod", "compound", "nmod", "nmod:poss"):
            continue
        found = side_ids(lexicon.side(child.lemma), state, armed_group)
        if found:
            return found
    return []


def agent_side(parsed: ParsedSentence, predicate: ParsedToken | None, lexicon: Lexicon,
               state: str | None, armed_group: str | None = None) -> list[str]:
    """An agent named by a common noun only: 'l'armée a tué', 'troops killed' (the
    state); 'the terrorists attacked' (the article's armed group); 'bandits abducted'
    (armed men tied to no group: `unknown`)."""
    if predicate is None:
        return []
    agents, _ = role_spans(parsed, predicate, lexicon)
    for start, end in agents:
        for token in parsed.tokens_in(start, end):
            if token.pos not in ("NOUN", "PROPN"):  # "Bandits abducted": a capital misread
                continue
            side = lexicon.side(token.lemma)
            if side == "state_forces" and state:
                return [state]
            # The head of the agent phrase only: "les frappes des rebelles" is no act of
            # the rebels.
            heads_it = not (start <= parsed.tokens[token.head].start < end) or (
                token.head == token.index or token.dep == "conj")
            if side == "unidentified" and heads_it:
                return ["unknown"]
            if side == "armed_groups" and heads_it:
                return [armed_group or "unknown"]  # no group named: unidentified men
    return _event_adjective_side(parsed, predicate, lexicon, armed_group)


def _event_adjective_side(parsed: ParsedSentence, predicate: ParsedToken,
                          lexicon: Lexicon, armed_group: str | None) -> list[str]:
    """The armed side an adjective of the act's event noun names: "tués dans une attaque
    jihadiste", "l'offensive rebelle a fait 12 morts" (the article's armed group, else
    unidentified armed men), when no agent is named."""
    nouns = [predicate] if predicate.pos == "NOUN" else []
    nouns += [c for c in parsed.children(predicate.index)
              if c.pos == "NOUN" and c.relation in ("obl", "nmod", "nsubj")]
    for noun in nouns:
        if fold(noun.lemma) not in lexicon.event_nouns:
            continue
        for modifier in parsed.children(noun.index):
            if modifier.relation == "amod" and "armed_groups" in (
                    lexicon.side(modifier.lemma), lexicon.side(modifier.text.lower())):
                return [armed_group or "unknown"]
    return []


def reports_own_act(parsed: ParsedSentence, predicate: ParsedToken, start: int,
                    end: int) -> bool:
    """Whether the act is the speaker's own, told in the clause its attribution (``start``
    to ``end``) reports: its subject a personal pronoun ("Russia said it shot down 20
    drones", "the Houthis said they launched", '"nous avons détruit", a dit l'armée') or
    none, in an infinitive under the reporting verb ("Bakou dit avoir tué 2 300
    militaires", "claims to have downed"). A passive subject is the one hit, never the
    speaker ("Russia said it was struck")."""
    children = parsed.children(predicate.index)
    if any(c.dep in ("nsubj:pass", "aux:pass", "obl:agent") for c in children):
        return False
    subjects = [c for c in children if c.relation in ("nsubj", "expl")]
    if subjects:
        if not all(s.pos == "PRON" and s.feature("PronType") == "Prs"
                   and s.feature("Person") in ("1", "3") for s in subjects):
            return False
    elif not (predicate.relation == "xcomp" and _is_infinitive(parsed, predicate)):
        return False
    return _reported_by(parsed, predicate, start, end)


def _is_infinitive(parsed: ParsedSentence, verb: ParsedToken) -> bool:
    """An infinitive, or a participle with an infinitive auxiliary ("avoir tué")."""
    return verb.feature("VerbForm") == "Inf" or any(
        c.relation == "aux" and c.feature("VerbForm") == "Inf"
        for c in parsed.children(verb.index))


def _reported_by(parsed: ParsedSentence, predicate: ParsedToken, start: int,
                 end: int) -> bool:
    """The predicate's clause is the one the attribution clause reports: it hangs from a
    word of that clause ("says it shot"), or that clause hangs from it ("it shot down 20
    drones, the army said")."""
    if any(start <= a.start < end for a in parsed.ancestors(predicate.index)):
        return True
    return any(start <= c.start < end and c.relation in ("parataxis", "ccomp", "advcl")
               for c in parsed.children(predicate.index))
