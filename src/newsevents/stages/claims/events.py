"""Events without figures: a finite event verb, or an event noun, in a military context."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from newsevents.records import Segment
from newsevents.stages.actors import fold
from newsevents.stages.attribution import Attribution
from newsevents.stages.claims.lexicon import Lexicon, irregular_past, lexicon, verb_forms
from newsevents.stages.claims.slots import DocumentMentions, within
from newsevents.stages.claims.vocab import ClaimVocabulary
from newsevents.stages.parse import ParsedSentence, ParsedToken

_WORD = re.compile(r"[\w'’-]{1,40}")


# -- figure-less events ---------------------------------------------------------------------
def military_context(doc: DocumentMentions, sentence: Segment,
                      attribution: Attribution | None, vocab: ClaimVocabulary) -> bool:
    """A figure-less event needs an actor or a military noun ('the match ended' is none)."""
    if within(doc.actors, sentence.start, sentence.end, attribution):
        return True
    return bool(vocab.military_context.search(fold(doc.text[sentence.start:sentence.end])))


def takes_control(parsed: ParsedSentence, start: int) -> bool:
    """Whether the trigger at `start` is a taking of control ("took over", "a pris le
    contrôle"): a clash among armed men, a purchase among companies."""
    table = lexicon(parsed.language)
    token = parsed.token_at(start)
    if token is None:
        return False
    forms = verb_forms(token.lemma, token.text, token.pos, parsed.language)
    return any(f"{f} {fold(c.lemma)}" in table.contextual_verbs
               for c in parsed.children(token.index) for f in forms)


def event_triggers(text: str, sentence: Segment, parsed: ParsedSentence | None,
                   attribution: Attribution | None,
                   vocab: ClaimVocabulary) -> list[tuple[int, int, str]]:
    """Event verbs and nouns outside the attribution clause: (start, end, event type),
    the one nearest the root of the sentence first; a past-tense event verb stands when
    the parse shows no reported act (a coder's note: "3 mercenaries gang-raped patients",
    its figure unread, still reports the rape)."""
    if parsed is not None:
        return _parsed_triggers(parsed, attribution, vocab, lexicon(parsed.language))
    found: list[tuple[int, int, str]] = []
    if sentence.language != "en":
        return found
    for match in _WORD.finditer(text, sentence.start, sentence.end):
        if attribution and attribution.start <= match.start() < attribution.end:
            continue
        etype = vocab.event_verbs.get(fold(match.group()))
        # "plans to deploy" is not a deployment: the infinitive is an intention.
        if etype and not fold(text[max(0, match.start() - 3):match.start()]).endswith("to "):
            found.append((match.start(), match.end(), etype))
    return found


def _parsed_triggers(parsed: ParsedSentence, attribution: Attribution | None,
                     vocab: ClaimVocabulary, table: Lexicon) -> list[tuple[int, int, str]]:
    ranked: list[tuple[int, int, tuple[int, int, str]]] = []
    for token in parsed.tokens:
        if attribution and attribution.start <= token.start < attribution.end:
            continue
        etype = _trigger_type(parsed, token, vocab, table)
        if etype is None or _unreal(parsed, token, table) or _describes_an_event(
                parsed, token, table):
            continue
        depth = sum(1 for _ in parsed.ancestors(token.index))
        # A verb reports the act itself; a noun may only name it ("l'attaque de mardi").
        ranked.append((depth + (token.pos != "VERB"), token.index,
                       (token.start, token.end, etype)))
    if not ranked:
        ranked = _past_verbs(parsed, attribution, table) or _headline_presents(
            parsed, attribution, table)
    return [trigger for _, _, trigger in sorted(ranked)]


def _headline_presents(parsed: ParsedSentence, attribution: Attribution | None,
                       table: Lexicon) -> list[tuple[int, int, tuple[int, int, str]]]:
    """An English headline's present the tagger took for a noun in a chain of nouns, in a
    line with no verb at all ("Youth attack town", "Suspected ODM members kidnap and
    threaten party official"): between its subject and its object or a coordinated verb,
    with no article of its own."""
    if parsed.language != "en" or any(t.is_finite_verb for t in parsed.tokens):
        return []
    found: list[tuple[int, int, tuple[int, int, str]]] = []
    for token in parsed.tokens[1:-1]:
        if token.pos != "NOUN" or (attribution and attribution.start <= token.start
                                   < attribution.end):
            continue
        before, after = parsed.tokens[token.index - 1], parsed.tokens[token.index + 1]
        if before.pos not in ("NOUN", "PROPN") or after.pos not in (
                "NOUN", "PROPN", "DET", "CCONJ", "NUM"):
            continue
        etype = _first(table.event_verbs, verb_forms(token.lemma, token.text, "VERB", "en"))
        if etype is None or etype == "strategic_development":
            continue
        found.append((len(parsed.tokens), token.index, (token.start, token.end, etype)))
    return found[:1]


def _past_verbs(parsed: ParsedSentence, attribution: Attribution | None,
                table: Lexicon) -> list[tuple[int, int, tuple[int, int, str]]]:
    """When the parse is too broken to show a reported act (a dateline read as the root,
    a list of actors), a past-tense event verb that is neither negated nor modal still
    reports one ("..., FACA and Wagner clashed with CPC in Goya")."""
    found: list[tuple[int, int, tuple[int, int, str]]] = []
    for token in parsed.tokens:
        if attribution and attribution.start <= token.start < attribution.end:
            continue
        past = token.pos == "VERB" and token.feature("Tense") == "Past" and not (
            token.relation == "amod" and token.index > 0 and
            parsed.tokens[token.index - 1].pos in ("NUM", "DET", "ADP"))
        if not past and not _mistagged_past(parsed, token):
            continue  # "1,539 burned homes", "in front of destroyed houses" describe them
        if fold(token.lemma) in table.reference_verbs:
            continue  # "the Taliban claimed a roadside bombing": named, not reported
        etype = _first(table.event_verbs, verb_forms(token.lemma, token.text, "VERB",
                                                     parsed.language))
        anchor = token
        if etype is None:
            # "Ethiopian air forces jets conducted airstrikes against ...", misparsed: the
            # indefinite event noun a past verb carries, a few words on.
            anchor = next((n for n in _carried_nouns(parsed, token)
                           if fold(n.lemma) in table.event_nouns), token)
            etype = table.event_nouns.get(fold(anchor.lemma)) if anchor is not token else None
        if etype is None or etype == "strategic_development" or _unreal(
                parsed, token, table) or _describes_an_event(parsed, token, table):
            continue
        found.append((len(parsed.tokens), token.index, (anchor.start, anchor.end, etype)))
    return found


def _describes_an_event(parsed: ParsedSentence, token: ParsedToken, table: Lexicon) -> bool:
    """A verb that only tells more of an event the sentence names otherwise: in a relative
    clause on an event noun ("a roadside bombing that targeted American forces"), or aimed
    by a definite weapon or strike named before ("the drones and artillery targeted the
    northern areas"): that event, not a new one."""
    if token.pos != "VERB":
        return False
    head = parsed.head_of(token.index)
    if token.relation in ("acl", "acl:relcl") and head is not None and head.index != \
            token.index and _first(table.event_nouns, (fold(head.lemma), fold(head.text))):
        return True
    if fold(token.lemma) not in table.aim_verbs:
        return False
    for child in parsed.children(token.index):
        if child.relation != "nsubj":
            continue
        named = table.noun_class(child.lemma) in ("munitions", "strikes") or \
            fold(child.lemma) in table.event_nouns
        if named and any(c.dep == "det" and c.feature("Definite") == "Def"
                         for c in parsed.children(child.index)):
            return True
    return False


def _first(table: Mapping[str, str], keys: Iterable[str]) -> str | None:
    """The entry of the first key the table holds."""
    return next((table[k] for k in keys if k in table), None)


def _seizes_people_or_craft(parsed: ParsedSentence, verb: ParsedToken, table: Lexicon) -> bool:
    """A seizure of people or of a ship, vehicle or aircraft with them ("seized a tanker",
    "seized five crew members"): an abduction or a hijacking, not ground taken."""
    for child in parsed.children(verb.index):
        if child.relation != "obj":
            continue
        noun = child
        if child.pos == "NUM":  # "seized five crew members" parsed on the number
            noun = next((c for c in parsed.children(child.index) if c.pos == "NOUN"), child)
        keys = [fold(noun.lemma), *(fold(c.lemma) for c in parsed.children(noun.index)
                                    if c.dep == "compound")]  # "crew members"
        if any(k in table.hijacked for k in keys) or table.noun_class(noun.lemma) in (
                "civilians", "people"):
            return True
    return False


def _launched_munition(parsed: ParsedSentence, obj: ParsedToken, table: Lexicon) -> str | None:
    """The type of the munitions a verb sends, as its object or that object's "of" phrase
    ("launched rockets", "fired a volley of rockets", "a lancé une salve de missiles")."""
    nouns = [obj, *(c for c in parsed.children(obj.index) if c.relation == "nmod")]
    for noun in nouns:
        for form in (fold(noun.lemma), fold(noun.text)):
            if form in table.munition_types:
                return table.munition_types[form]
    return None


def _mistagged_past(parsed: ParsedSentence, token: ParsedToken) -> bool:
    """An English past tense the tagger took for an adjective, between its subject and its
    object ("its aircraft bombed Hodeidah"): after a noun or pronoun, not after an article
    ("the bombed building")."""
    if parsed.language != "en" or token.pos != "ADJ" or not (
            token.text.endswith("ed") or irregular_past(token.text, "en")) or \
            token.index + 1 >= len(parsed.tokens):
        return False
    after = parsed.tokens[token.index + 1]
    if after.pos == "ADP" and token.index + 2 < len(parsed.tokens):
        after = parsed.tokens[token.index + 2]  # its particle: "gunmen burnt down the home"
    return _after_a_subject(parsed, token) and after.pos in ("DET", "PROPN", "NOUN", "NUM")


def _after_a_subject(parsed: ParsedSentence, token: ParsedToken) -> bool:
    return token.index > 0 and parsed.tokens[token.index - 1].pos in ("NOUN", "PROPN", "PRON")


def _carried_nouns(parsed: ParsedSentence, verb: ParsedToken) -> list[ParsedToken]:
    """The nouns right after a verb, before any other verb or punctuation, that carry no
    definite article ("conducted air strikes", not "conducted the strikes")."""
    found = []
    for token in parsed.tokens[verb.index + 1:verb.index + 5]:
        if token.dep == "compound:prt":
            continue  # "carried out airstrikes"
        if token.pos in ("VERB", "AUX", "PUNCT", "ADP", "SCONJ", "CCONJ"):
            break
        if token.pos == "DET" and token.feature("Definite") == "Def":
            break
        if _nominal(token):
            found.append(token)
    return found


# Where a word the tagger calls an adjective can only be a noun ("conducted an airstrike",
# a word rare in its training data).
_NOMINAL_RELATIONS = frozenset({"obj", "nsubj", "nsubj:pass", "obl", "nmod"})


def _nominal(token: ParsedToken) -> bool:
    """A noun, or a word the tagger took for an adjective or a verb where only a noun can
    stand ("conducted air strikes" with "strikes" tagged a verb)."""
    return token.pos in ("NOUN", "PROPN") or (
        token.pos in ("ADJ", "X") and token.relation in _NOMINAL_RELATIONS) or (
        token.pos == "VERB" and token.dep in ("obj", "nsubj", "nsubj:pass"))


def _trigger_type(parsed: ParsedSentence, token: ParsedToken, vocab: ClaimVocabulary,
                  table: Lexicon) -> str | None:
    forms = verb_forms(token.lemma, token.text, token.pos, parsed.language)
    if token.pos == "VERB" and not _nominal(token):
        verb_type = _first(table.event_verbs, forms)
        children = parsed.children(token.index)
        # "opened fire", "ont ouvert le feu": a verb and its object make one event verb
        for child in children:
            # "took over"; "went off" with its particle tagged an adverbial preposition
            if child.relation == "obj" or child.dep == "compound:prt" or (
                    child.dep == "advmod" and child.pos == "ADP"
                    and child.index == token.index + 1):
                pair = _first(table.event_verbs, [f"{f} {fold(child.lemma)}" for f in forms])
                if pair is not None:
                    return pair if _is_reported_act(parsed, token.index) else None
        # "ont lancé des frappes", "launched a missile attack": the event noun a light verb
        # carries says what happened.
        for child in children:
            # "carried out airstrikes" with the noun taken for a complement clause
            if child.relation in ("obj", "nsubj", "xcomp") and _nominal(child):
                etype = _trigger_type(parsed, child, vocab, table)
                if etype is None and child.relation == "obj" and verb_type in (
                        None, "strategic_development"):
                    # "launched rockets"; not "threw a bomb" (an attack, by hand)
                    etype = _launched_munition(parsed, child, table)
                if etype is not None:
                    return etype if _is_reported_act(parsed, token.index) else None
        etype = verb_type or vocab.event_verb_type(fold(token.text))
        if etype is None or not _is_reported_act(parsed, token.index):
            return None
        if etype == "armed_clash" and _seizes_people_or_craft(parsed, token, table):
            return "violence_against_civilians"  # "pirates seized a tanker and its crew"
        return etype
    if _nominal(token):
        etype = _first(table.event_nouns, forms)
        if etype is None or not _reports_noun_event(parsed, token, table):
            return None
        if etype in ("attack", "armed_clash", "air_strike"):
            # "missile attack", "attaque au drone", "frappes d'artillerie": the weapon
            # named on the noun is the more precise type.
            words = " ".join(fold(c.text) for c in parsed.children(token.index)
                             if c.relation in ("compound", "amod", "nmod"))
            for precise, pattern in vocab.event_types:
                if precise in ("remote_explosive", "shelling", "air_strike") and \
                        pattern.search(words):
                    return precise
        return etype
    return None


def _reports_noun_event(parsed: ParsedSentence, token: ParsedToken, table: Lexicon) -> bool:
    """An event noun reports an event when a headline is made of it, or when a verb that
    reports an act takes it as subject or object ("des combats ont éclaté", "launched
    strikes"); not as a time landmark ("since the attack", "après l'attaque"), nor when a
    verb only refers to it ("claimed responsibility for the attack", "accusé de massacres")."""
    # "the attack", "cette attaque": a definite noun refers back to an event the article
    # has already reported; "an attack", "airstrikes" report one.
    head = parsed.head_of(token.index)
    if any((c.dep == "det" and (c.feature("Definite") == "Def" or c.feature("PronType") in (
            "Dem", "Prs"))) or c.relation == "nmod:poss" for c in parsed.children(token.index)):
        # ... unless it hits something new: "the attack also targeted the region of Sumy",
        # "les bombardements turcs ont ciblé des sites des FDS"
        aims = head is not None and token.relation == "nsubj" and (
            fold(head.lemma) in table.aim_verbs and any(
                c.relation == "obj" or c.dep == "obl:arg" for c in parsed.children(head.index)))
        if not aims and not _starts(parsed, token, head, table):
            return False
    if head is None:
        return True
    if token.relation in ("obl", "nmod") and any(
            c.dep == "case" and (fold(c.lemma) in table.landmark_cases or
                                 fold(c.text) in table.landmark_cases)  # "following"
            for c in parsed.children(token.index)):
        return False
    if head.pos != "VERB" or token.relation not in ("nsubj", "obj", "obl"):
        return False
    if fold(head.lemma) in table.reference_verbs:
        return False
    return _is_reported_act(parsed, head.index)


def _starts(parsed: ParsedSentence, token: ParsedToken, head: ParsedToken | None,
            table: Lexicon) -> bool:
    """'Le cessez-le-feu est entré en vigueur le 27 novembre', 'the truce took effect':
    a strategic development named again, that begins."""
    if head is None or token.relation != "nsubj" or not table.onset_verbs:
        return False
    forms = verb_forms(token.lemma, token.text, token.pos, parsed.language)
    if _first(table.event_nouns, forms) != "strategic_development":
        return False  # "the attack began at dawn": the attack reported before
    verb = fold(head.lemma)
    return verb in table.onset_verbs or any(
        f"{verb} {fold(c.lemma)}" in table.onset_verbs for c in parsed.children(head.index)
        if c.relation in ("obl", "obj"))


def _unreal(parsed: ParsedSentence, token: ParsedToken, table: Lexicon) -> bool:
    """Negated, modal, conditional, or only intended: not a reported event (a future is
    an announcement, which the gold counts as a claim)."""
    chain = [token, *list(parsed.ancestors(token.index))[:2]]
    for node in chain:
        if node.feature("Mood") == "Cnd":
            return True
        for child in parsed.children(node.index):
            lemma = fold(child.lemma)
            if child.relation in ("aux", "advmod", "det", "mark") and lemma in table.unreal:
                return True
            # "no civilians were killed", "aucun soldat n'a été blessé": a negated argument.
            if node is token and child.relation in ("nsubj", "obj") and any(
                    g.dep == "det" and fold(g.lemma) in table.unreal
                    for g in parsed.children(child.index)):
                return True
        if node is not token and node.pos == "VERB" and fold(node.lemma) in table.intent_verbs:
            return True
        if node.relation not in ("xcomp", "ccomp"):
            break
    return False


def _is_reported_act(parsed: ParsedSentence, index: int) -> bool:
    """A finite verb, or a participle with its auxiliary ('a été désactivé'); in English
    also a headline's bare participle ('Soldiers killed in ambush')."""
    token = parsed.tokens[index]
    if token.is_finite_verb:
        return True
    if any(c.relation == "aux" for c in parsed.children(index)):
        return True
    if parsed.language == "en" and token.feature("VerbForm") == "Part" and any(
            c.dep == "nsubj" for c in parsed.children(index)):
        return True  # "herders clashed with": a simple past the tagger took for a participle
    if parsed.language == "en" and token.pos == "VERB" and token.head == index and \
            token.feature("VerbForm") in ("Inf", None) and any(
                c.dep == "nsubj" for c in parsed.children(index)) and not any(
                c.relation in ("aux", "mark") for c in parsed.children(index)):
        return True  # a headline's present: "Gunmen kill a traditional ruler"
    head = parsed.head_of(index)
    if token.feature("VerbForm") == "Inf" and token.relation in ("xcomp", "advcl") and (
            head is not None and head.index != index and head.is_finite_verb
            and head.feature("Tense") == "Past"):
        return True  # "used a drone to attack the base" (an intention is `_unreal`)
    if token.feature("VerbForm") != "Part":
        return False
    # The auxiliary stands before the participle, with only adverbs, negation and other
    # auxiliaries between ("ont été également envoyés"); "les forces déployées" has none.
    for before in reversed(parsed.tokens[max(0, index - 4):index]):
        if before.pos == "AUX":
            return True
        if before.pos not in ("ADV", "PART"):
            return False
    return False

