"""Claims: one record per figure a report gives, and one per figure-less event it reports.

A figure becomes a claim when the noun it counts (and the verb around it) says what it
counts: "tuant 27 terroristes" (fatalities of combatants), "312 frappes" (strikes), "Les
frappes ont totalisé 312" (the subject counted). A sentence with no figure yields a claim
when a finite event verb reports something done ("a été désactivé", "seront réaffectées").
Slots come from the sentence's own mentions outside its attribution clause; what the
sentence lacks it inherits from the claim it continues in its paragraph, then the document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsevents.records import (
    ActorMention,
    Claim,
    NumberMention,
    PlaceMention,
    Segment,
    TimeMention,
)
from newsevents.stages.actors import fold
from newsevents.stages.attribution import Attribution
from newsevents.stages.claims_build import emit_event, emit_figure
from newsevents.stages.claims_slots import Context, DocumentMentions, Figure, dominant_country
from newsevents.stages.claims_vocab import ClaimVocabulary, claim_vocabulary
from newsevents.stages.parse import ParsedSentence

_PERSON_CLASSES = {"combatants": "fatalities_combatants", "civilians": "fatalities_civilians",
                   "people": "fatalities"}
_WORD = re.compile(r"[\w'’-]{1,40}")


def extract_claims(doc: DocumentMentions, sentences: Sequence[Segment],
                   attributions: dict[int, Attribution | None],
                   parses: dict[int, ParsedSentence]) -> list[Claim]:
    """Claims of a document, in text order; `attributions` and `parses` keyed by start."""
    doc.fallback_place = dominant_country(doc.places)
    context = Context(paragraph=-1)
    for sentence in sentences:
        if sentence.paragraph != context.paragraph:
            context = Context(paragraph=sentence.paragraph)
        context = _sentence_claims(doc, sentence, attributions.get(sentence.start),
                                   parses.get(sentence.start), context)
    return doc.claims


def _inside(items: Sequence[TimeMention | PlaceMention | ActorMention | NumberMention],
            start: int, end: int, exclude: Attribution | None) -> list:
    chosen = []
    for item in items:
        if item.start < start or item.end > end:
            continue
        if exclude is not None and exclude.start <= item.start < exclude.end:
            continue
        chosen.append(item)
    return chosen


def _sentence_claims(doc: DocumentMentions, sentence: Segment, attribution: Attribution | None,
                     parsed: ParsedSentence | None, context: Context) -> Context:
    vocab = claim_vocabulary()
    numbers = _inside(doc.numbers, sentence.start, sentence.end, attribution)
    figures = [f for f in (_figure(doc.text, n, sentence, vocab) for n in numbers) if f]
    figures.extend(_zero_counts(doc.text, sentence, vocab, figures))
    if figures:
        victims = [f.victims for f in figures if f.victims]
        for figure in figures:
            context = emit_figure(doc, sentence, attribution, parsed, context, figure, victims)
        return context
    for trigger_start, trigger_end, event_type in _event_triggers(doc.text, sentence, parsed,
                                                                  attribution, vocab):
        context = emit_event(doc, sentence, attribution, parsed, context, event_type,
                              trigger_start, trigger_end)
    return context


# -- figures ------------------------------------------------------------------------------
def _figure(text: str, number: NumberMention, sentence: Segment,
            vocab: ClaimVocabulary) -> Figure | None:
    folded_after = fold(text[number.end:min(sentence.end, number.end + 60)])
    noun = _counted_noun_after(folded_after, vocab)
    if noun is None:
        noun = _counted_subject(text, number, sentence, vocab)
        victims = None
    else:
        victims = (number.start, number.end + noun[1])
    if noun is None:
        return None
    noun_class = noun[0]
    window = fold(text[max(sentence.start, number.start - 50):
                       min(sentence.end, number.end + noun[1] + 50)])
    measure = _measure(noun_class, window, vocab)
    if measure is None:
        return None
    if measure in ("strikes", "operations", "targets_destroyed", "members"):
        victims = None
    return Figure(number, measure, victims)


def _counted_noun_after(folded: str, vocab: ClaimVocabulary) -> tuple[str, int] | None:
    """('combatants', end offset) for '27 terroristes', ' de positions ennemies'..."""
    match = re.match(r"[ \u00a0]{0,3}(?:(?:de|d'|of)[ \u00a0]{0,2})?", folded)
    offset = match.end() if match else 0
    found = vocab.counted_pattern.match(folded, offset)
    if found is None:
        # One adjective between figure and noun: "27 autres terroristes", "50 nouvelles frappes".
        word = re.match(r"[\w-]{2,15}[ \u00a0]", folded[offset:])
        if word:
            found = vocab.counted_pattern.match(folded, offset + word.end())
    if found is None:
        return None
    return vocab.counted[found.group()], found.end()


def _counted_subject(text: str, number: NumberMention, sentence: Segment,
                     vocab: ClaimVocabulary) -> tuple[str, int] | None:
    """'Les frappes ... ont totalisé 312': the subject is what the figure counts."""
    before = fold(text[sentence.start:number.start])
    if not vocab.total.search(before[-40:]):
        return None
    nouns = list(vocab.counted_pattern.finditer(before))
    if not nouns:
        return None
    return vocab.counted[nouns[0].group()], 0


def _measure(noun_class: str, window: str, vocab: ClaimVocabulary) -> str | None:
    if noun_class == "strikes":
        return "strikes"
    if noun_class == "operations":
        return "operations"
    if noun_class == "targets":
        return "targets_destroyed" if vocab.destroy.search(window) else None
    if noun_class == "members":
        verbs = dict(vocab.person_verbs)
        return "members" if verbs["members"].search(window) else None
    if noun_class == "displaced_people":
        return "displaced"
    for verb_class, pattern in vocab.person_verbs:
        if not pattern.search(window):
            continue
        if verb_class == "fatalities":
            return _PERSON_CLASSES.get(noun_class, "fatalities")
        if verb_class in ("members",):
            continue
        return verb_class
    if noun_class == "people" and re.search(r"\b(?:morts|tues|dead|killed)\b", window):
        return "fatalities"
    return None


def _zero_counts(text: str, sentence: Segment, vocab: ClaimVocabulary,
                 figures: list[Figure]) -> list[Figure]:
    """'aucun civil n'a été tué': a claim with the value 0."""
    folded = fold(text[sentence.start:sentence.end])
    found: list[Figure] = []
    for match in vocab.zero_words.finditer(folded):
        after = folded[match.end():match.end() + 60]
        noun = _counted_noun_after(after, vocab)
        if noun is None:
            singular = re.match(r"[ \u00a0]{1,3}(civil|soldat|militaire|combattant|civilian|"
                                r"soldier)\b", after)
            noun = ({"civil": "civilians", "civilian": "civilians"}.get(singular.group(1),
                    "combatants"), singular.end()) if singular else None
        if noun is None:
            continue
        measure = _measure(noun[0], after, vocab)
        if measure is None:
            continue
        start = sentence.start + match.start()
        number = NumberMention(start, start + (match.end() - match.start()),
                               text[start:sentence.start + match.end()], 0, None, None, "exact")
        found.append(Figure(number, measure, None))
    return found


# -- figure-less events ---------------------------------------------------------------------
def _event_triggers(text: str, sentence: Segment, parsed: ParsedSentence | None,
                    attribution: Attribution | None,
                    vocab: ClaimVocabulary) -> list[tuple[int, int, str]]:
    """Finite event verbs outside the attribution clause: (start, end, event type)."""
    found: list[tuple[int, int, str]] = []
    if parsed is not None:
        for token in parsed.tokens:
            if attribution and attribution.start <= token.start < attribution.end:
                continue
            etype = vocab.event_verbs.get(fold(token.lemma))
            if etype and token.pos == "VERB" and _is_reported_act(parsed, token.index):
                found.append((token.start, token.end, etype))
        return found
    for match in _WORD.finditer(text, sentence.start, sentence.end):
        if attribution and attribution.start <= match.start() < attribution.end:
            continue
        etype = vocab.event_verbs.get(fold(match.group()))
        if etype and sentence.language == "en" and match.group()[-2:] in ("ed", "nt", "ck"):
            found.append((match.start(), match.end(), etype))
    return found


def _is_reported_act(parsed: ParsedSentence, index: int) -> bool:
    """A finite verb, or a participle with its auxiliary ('a été désactivé')."""
    token = parsed.tokens[index]
    if token.is_finite_verb:
        return True
    if token.feature("VerbForm") != "Part" or token.dep in ("acl", "amod"):
        return False
    return any(t.head == index and t.dep in ("aux", "aux:pass", "aux:tense")
               for t in parsed.tokens)

