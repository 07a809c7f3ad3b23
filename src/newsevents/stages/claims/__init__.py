"""Claims: one record per figure a report gives, and one per figure-less event it reports.

The steps, in the order the data flows (one module each):
`counted` and `figures` (which numbers are figures and what they count), `events` (events
without figures), `assembly` (event type, roles, slots, flags and confidence, through
`slots`). Vocabulary lives in `data/triggers/claims.yaml` (`vocab`) and in per-language
lemma tables `data/claims/<lang>.yaml` (`lexicon`).

Which sentences are parsed is this stage's decision (`needs_parse`): a sentence with a
figure, or a word that may be an event, reporting or outcome word.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

from newsevents.records import Claim, NumberMention, Ranges, Segment
from newsevents.stages.actors import fold
from newsevents.stages.attribution import Attribution
from newsevents.stages.claims.assembly import emit_event, emit_figure, event_places
from newsevents.stages.claims.counted import (
    CountedReading,
    PersonNames,
    coordinated_reading,
    included_figure,
    kills_uncounted_civilians,
    ranked_people,
    read_figure,
    shared_toll,
    single_victims,
)
from newsevents.stages.claims.events import event_triggers, military_context, takes_control
from newsevents.stages.claims.figures import (
    launched_wholes,
    subtotals,
    whose_dead,
    window_figure,
    zero_counts,
)
from newsevents.stages.claims.frame import read_frame
from newsevents.stages.claims.lexicon import lexicon
from newsevents.stages.claims.reported import narrow_attribution
from newsevents.stages.claims.roles import victims_side
from newsevents.stages.claims.slots import (
    Context,
    DocumentMentions,
    Figure,
    choose_time,
    dominant_country,
    home_country,
    home_state,
    time_slot,
    within,
)
from newsevents.stages.claims.vocab import claim_vocabulary
from newsevents.stages.parse import ParsedSentence, ParsedToken

__all__ = ["extract_claims", "needs_parse"]


def extract_claims(doc: DocumentMentions, sentences: Sequence[Segment],
                   attributions: Mapping[int, Attribution | None],
                   parsed: Mapping[int, ParsedSentence]) -> list[Claim]:
    """Claims of a document, in text order; `attributions` and `parsed` keyed by sentence
    start (a sentence `needs_parse` did not select has no parse)."""
    doc.fallback_place = dominant_country(doc.places) or home_country(doc.text, doc.actors)
    doc.state = home_state(doc.actors, doc.fallback_place)
    language = sentences[0].language if sentences else "fr"
    doc.people = ranked_people(doc.text, lexicon(language or "fr").ranks)
    read_frame(doc, sentences, parsed, attributions)
    context = Context(paragraph=-1)
    killed = False  # the sentence before killed civilians it did not count
    for sentence in sentences:
        if sentence.paragraph != context.paragraph:
            context = Context(paragraph=sentence.paragraph)
            killed = False
        label = note_label(doc.text, sentence)
        if label is not None:
            context = replace(context, label=label[2])
        emitted = len(doc.claims)
        tree = parsed.get(sentence.start)
        context = _sentence_claims(doc, sentence, attributions.get(sentence.start), tree,
                                   replace(context, civilians_killed=killed))
        killed = tree is not None and kills_uncounted_civilians(
            tree, lexicon(sentence.language or "fr"))
        if len(doc.claims) == emitted and context.time is None:
            context = _scene(doc, sentence, attributions.get(sentence.start),
                             parsed.get(sentence.start), context)
        if label is not None and len(doc.claims) == emitted:
            # "Movement of forces: Al Shabaab enters two villages": the label is the event
            context = emit_event(doc, sentence, attributions.get(sentence.start), context,
                                 label[2], label[0], label[1], parsed.get(sentence.start))
        if context.label is not None:
            doc.claims[emitted:] = [_labelled(c, context.label) for c in doc.claims[emitted:]]
    return doc.claims


def _scene(doc: DocumentMentions, sentence: Segment, attribution: Attribution | None,
           parsed: ParsedSentence | None, context: Context) -> Context:
    """A sentence with no claim that dates its paragraph's events ("Du 13 au 28 octobre,
    des opérations ont été menées à Ndila ...") dates and places the claims after it,
    until one has its own."""
    mention = choose_time(doc.text, within(doc.times, sentence.start, sentence.end, attribution),
                          sentence.start)
    if mention is None:
        return context
    places = event_places(doc, sentence.start, sentence.end, attribution, parsed)
    return replace(context, paragraph=sentence.paragraph, time=time_slot(mention),
                   places=tuple(places) or context.places,
                   inherited_from=f"paragraph: the earlier sentence with {mention.text!r}")


_LABEL = re.compile(r"[ \t\u00a0]{0,3}([^\W\d_][^:.;\n]{1,40}?)[ \t\u00a0]{0,2}:[ \t\u00a0]")


def note_label(text: str, sentence: Segment) -> tuple[int, int, str] | None:
    """(start, end, event type) of a label opening the sentence ("Property destruction: ",
    "Mouvement de forces : "), from the language's table of note labels."""
    found = _LABEL.match(text, sentence.start, sentence.end)
    if found is None:
        return None
    etype = lexicon(sentence.language or "fr").note_labels.get(fold(found.group(1)))
    return (found.start(1), found.end(1), etype) if etype else None


def _labelled(claim: Claim, etype: str) -> Claim:
    if claim.event_type == etype:
        return claim
    return replace(claim, event_type=etype,
                   origin={**claim.origin, "event_type": "note label opening the paragraph"})


@lru_cache(maxsize=1)
def _screen() -> re.Pattern[str]:
    """Prefixes of the words that can make a sentence hold a claim without a figure."""
    vocab = claim_vocabulary()
    words = set(vocab.event_verbs)
    for language in ("fr", "en"):
        table = lexicon(language)
        words |= set(table.event_verbs) | set(table.event_nouns) | set(table.noun_classes)
    stems = {w[:max(4, len(w) - 3)] for w in words if len(w) >= 3}
    return re.compile(r"(?<![\w])(?:" + "|".join(sorted(map(re.escape, stems))) + ")")


def needs_parse(text: str, sentence: Segment, numbers: Sequence[NumberMention]) -> bool:
    """A sentence is parsed when it holds a figure or a form of an event, outcome or
    counted word (most sentences of an article hold none)."""
    if within(numbers, sentence.start, sentence.end, None):
        return True
    return bool(_screen().search(fold(text[sentence.start:sentence.end])))


def _sentence_claims(doc: DocumentMentions, sentence: Segment, attribution: Attribution | None,
                     parsed: ParsedSentence | None, context: Context) -> Context:
    vocab = claim_vocabulary()
    attribution = narrow_attribution(parsed, attribution)
    numbers = within(doc.numbers, sentence.start, sentence.end, attribution)
    figures = _figures(doc, sentence, attribution, numbers, parsed, context.outcome,
                       context.civilians_killed)
    figures.extend(zero_counts(doc.text, sentence, vocab, figures))
    if figures:
        figures = _with_companions(doc, sentence, figures)
        victims = [f.victims for f in figures if f.victims]
        for figure in figures:
            context = emit_figure(doc, sentence, attribution, context, figure, victims,
                                  parsed=parsed)
        for figure, part in subtotals(doc, sentence, attribution, figures, numbers):
            context = emit_figure(doc, sentence, attribution, context, figure, victims, part,
                                  parsed)
        context = replace(context, outcome=next(
            (f.reading.outcome for f in reversed(figures) if f.reading is not None), None))
        if any(f.number.value != 0 for f in figures):
            return context
        # Only a zero count ("a car bomb exploded ... but no casualties were reported"):
        # the event itself is still reported.
    triggers = event_triggers(doc.text, sentence, parsed, attribution, vocab)
    # Violence is an event whoever commits it; a deployment, a closure or a signature is
    # one only in a military context ("the match ended", "the shop closed" are none).
    # Without a parse, the English word list cannot tell violence apart: nothing is kept.
    if not military_context(doc, sentence, attribution, vocab):
        triggers = [t for t in triggers if parsed is not None and t[2] != "strategic_development"
                    and not takes_control(parsed, t[0])]
    for trigger_start, trigger_end, event_type in _distinct_acts(parsed, triggers):
        context = emit_event(doc, sentence, attribution, context, event_type, trigger_start,
                             trigger_end, parsed)
    return context


def _distinct_acts(parsed: ParsedSentence | None, triggers: list[tuple[int, int, str]]
                   ) -> list[tuple[int, int, str]]:
    """The first event of the sentence, and each act of another type coordinated with it
    ("a lancé son attaque mercredi et a pris le contrôle de la ville")."""
    if not triggers or parsed is None:
        return triggers[:1]
    chosen = [triggers[0]]
    first = _verb_at(parsed, triggers[0][0])
    for trigger in triggers[1:]:
        verb = _verb_at(parsed, trigger[0])
        if first is not None and verb is not None and verb.dep == "conj" and \
                verb.head == first.index and trigger[2] not in {t[2] for t in chosen}:
            chosen.append(trigger)
    return chosen


def _verb_at(parsed: ParsedSentence, start: int) -> ParsedToken | None:
    """The verb of the event word at `start`: itself, or the light verb carrying its noun."""
    token = parsed.token_at(start)
    if token is None or token.pos in ("VERB", "AUX"):
        return token
    head = parsed.head_of(token.index)
    return head if head is not None and head.pos == "VERB" else None


def _with_companions(doc: DocumentMentions, sentence: Segment,
                     figures: list[Figure]) -> list[Figure]:
    """Each figure of people with no status, with the side of the forces the sentence
    counts beside it: one attack's toll, its dead and wounded of one side."""
    table = lexicon(sentence.language or "fr")
    sides = list(dict.fromkeys(side for f in figures if f.reading is not None
                               and f.reading.noun_class == "combatants"
                               for side in victims_side(f.reading, table, doc.state,
                                                        doc.enemy_at(sentence.start))))
    if len(sides) != 1:  # none, or forces of both sides: no telling whose the others are
        return figures
    return [replace(f, companions=tuple(sides)) if f.reading is not None
            and f.reading.noun_class in _NO_STATUS else f for f in figures]


# Counted people whose status the figure does not give ("38 morts", "six personnes").
_NO_STATUS = frozenset({"dead", "wounded", "people"})


def _figures(doc: DocumentMentions, sentence: Segment, attribution: Attribution | None,
             numbers: list[NumberMention], parsed: ParsedSentence | None,
             outcome: str | None = None, civilians_killed: bool = False) -> list[Figure]:
    """Figures from the parse where it reads one, from the word window otherwise;
    `outcome` is that of the paragraph's last toll, which a breakdown of it underwent;
    `civilians_killed`: the sentence before says civilians were killed, uncounted."""
    vocab = claim_vocabulary()
    table = lexicon(sentence.language or "fr")
    found: list[Figure] = []
    previous: CountedReading | None = None
    unread: NumberMention | None = None  # the number before, when the parse read none
    for number in numbers:
        reading = read_figure(parsed, number, table, previous) if parsed else None
        if (reading is None or reading.outcome == "members") and parsed is not None:
            reading = included_figure(parsed, number, table, outcome) or reading
        if reading is not None and unread is not None and parsed is not None:
            first = coordinated_reading(parsed, unread, table, reading, number.start)
            if first is not None:  # "3 fusils et 41 motos ont été détruits"
                found.append(Figure(unread, first.measure, _victims(unread, first), first))
        unread = number if reading is None else None
        if reading is not None and reading.elided and found and ":" in doc.text[
                found[-1].number.end:number.start]:
            continue  # a part after a colon: `subtotals` gives it its own evidence
        if reading is not None:
            previous = reading
            found.append(Figure(number, reading.measure, _victims(number, reading), reading))
            other = shared_toll(parsed, reading, table) if parsed else None
            if other is not None:  # "dozens dead and injured"
                found.append(Figure(number, other.measure, _victims(number, other), other))
            continue
        figure = window_figure(doc.text, number, sentence, vocab)
        if figure is not None:
            found.append(figure)
            unread = None
    if parsed is not None:
        taken = [f.number for f in found]
        names = PersonNames(doc.text, Ranges.of([
            *within(doc.actors, sentence.start, sentence.end, None),
            *within(doc.places, sentence.start, sentence.end, None)]), doc.people)
        for number, reading in single_victims(parsed, table, taken, names):
            if attribution and attribution.start <= number.start < attribution.end:
                continue
            found.append(Figure(number, reading.measure, _victims(number, reading), reading))
        found.sort(key=lambda f: f.number.start)
    return launched_wholes([whose_dead(doc, f, table, civilians_killed) for f in found])


_NOT_VICTIMS = frozenset({"strikes", "operations", "members", "other", "targets_destroyed",
                          "personnel"})


def _victims(number: NumberMention, reading: CountedReading) -> tuple[int, int] | None:
    """The counted people with what qualifies them ('27 soldats maliens'): the targets."""
    if reading.measure in _NOT_VICTIMS:
        return None
    end = max(number.end, reading.noun.end) if reading.noun else number.end
    return min(number.start, reading.noun.start if reading.noun else number.start), end
