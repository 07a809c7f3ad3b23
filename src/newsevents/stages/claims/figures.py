"""Figures: which numbers of a sentence are claims and what they count.

With a parse (`counted.py`) a figure's noun and outcome come from syntax; without one, or
where the parse reads nothing, the noun right after the number and the verbs in a window
around it ("312 frappes", "tuant 27 terroristes", "Les frappes ont totalisé 312").
Sub-totals after a colon and zero counts ("aucun civil n'a été tué") are figures too.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsevents.records import NumberMention, Segment
from newsevents.stages.actors import fold
from newsevents.stages.attribution import Attribution
from newsevents.stages.claims.lexicon import Lexicon
from newsevents.stages.claims.slots import DocumentMentions, Figure
from newsevents.stages.claims.vocab import ClaimVocabulary

_PERSON_CLASSES = {"combatants": "fatalities_combatants", "civilians": "fatalities_civilians",
                   "people": "fatalities"}

# -- sub-totals -------------------------------------------------------------------------------
_PART_SEPARATOR = re.compile(r"[,;]|[ \u00a0](?:et|and|puis)[ \u00a0]")
_ONE_MORE = re.compile(r"(?<![\w])(?:une autre|un autre|l'autre|another|one other|the other)"
                       r"(?![\w])")


def subtotals(doc: DocumentMentions, sentence: Segment, attribution: Attribution | None,
               figures: list[Figure], numbers: list[NumberMention]
               ) -> list[tuple[Figure, tuple[int, int]]]:
    """'Trois frappes ont été menées : deux près de Kidal, une autre à Ménaka': after a
    colon, bare figures count what the figure before it counts, each part with its place."""
    colon = doc.text.find(":", sentence.start, sentence.end)
    heads = [f for f in figures if f.number.end <= colon]
    if colon < 0 or not heads:
        return []
    end = attribution.start if attribution and attribution.start > colon else sentence.end
    used = {f.number.start for f in figures}
    found: list[tuple[Figure, tuple[int, int]]] = []
    start = colon + 1
    separators = [(m.start(), m.end()) for m in _PART_SEPARATOR.finditer(doc.text, start, end)]
    for stop, resume in [*separators, (end, end)]:
        number = _bare_figure(doc.text, numbers, used, start, stop)
        if number is not None:
            part = (stop - len(doc.text[start:stop].lstrip()), stop)  # leading blanks out
            found.append((Figure(number, heads[-1].measure, None), part))
        start = resume
    return found if len(found) >= 2 else []


def _bare_figure(text: str, numbers: list[NumberMention], used: set[int], start: int,
                 stop: int) -> NumberMention | None:
    number = next((n for n in numbers if start <= n.start < stop and n.start not in used), None)
    if number is not None:
        return number
    match = _ONE_MORE.search(fold(text[start:stop]))
    if match is None:
        return None
    begin = start + match.start()
    return NumberMention(begin, start + match.end(), text[begin:start + match.end()], 1, None,
                         None, "exact")


# -- figures ------------------------------------------------------------------------------
def window_figure(text: str, number: NumberMention, sentence: Segment,
            vocab: ClaimVocabulary) -> Figure | None:
    folded_after = fold(text[number.end:min(sentence.end, number.end + 60)])
    noun = _counted_noun_after(folded_after, vocab)
    victims: tuple[int, int] | None = None
    if noun is not None:
        victims = (number.start, number.end + noun[1])
        noun_end = number.end + noun[1]
        window = fold(text[max(sentence.start, number.start - 50):
                           min(sentence.end, noun_end + 50)])
        # The participle that follows the noun binds closest ("un millier d'habitants
        # déplacés" after "une centaine de civils ont été tués").
        following = " ".join(fold(text[noun_end:min(sentence.end, noun_end + 30)]).split()[:1])
        measure = _measure(noun[0], following, vocab) if noun[0] not in _DIRECT_MEASURES \
            else None
        measure = measure or _measure(noun[0], window, vocab)
    else:
        measure = _elliptic_measure(text, number, sentence, vocab)
        subject = _counted_subject(text, number, sentence, vocab) if measure is None else None
        if subject is not None:
            window = fold(text[sentence.start:min(sentence.end, number.end + 50)])
            measure = _measure(subject[0], window, vocab)
    if measure is None:
        return None
    if measure in ("strikes", "operations", "members", "other"):
        victims = None
    return Figure(number, measure, victims)


def _elliptic_measure(text: str, number: NumberMention, sentence: Segment,
                      vocab: ClaimVocabulary) -> str | None:
    """'killed four civilians and wounded 11': the verb just before a bare figure."""
    before = fold(text[max(sentence.start, number.start - 25):number.start])
    words = before.split()
    if not words:
        return None
    last = words[-1]
    for verb_class, pattern in vocab.person_verbs:
        if verb_class not in ("members", "personnel") and pattern.fullmatch(last):
            return "fatalities" if verb_class == "fatalities" else verb_class
    return None


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
    # The cheap test first, on 40 characters: folding the whole prefix for every figure
    # is quadratic in a long sentence of figures.
    if not vocab.total.search(fold(text[max(sentence.start, number.start - 40):number.start])):
        return None
    before = fold(text[sentence.start:number.start])
    nouns = list(vocab.counted_pattern.finditer(before))
    if not nouns:
        return None
    return vocab.counted[nouns[0].group()], 0


_ZERO_NOUNS = {"civil": "civilians", "civilian": "civilians", "victime": "dead", "mort": "dead",
               "casualty": "dead", "casualties": "dead", "death": "dead"}
_DIRECT_MEASURES = {"strikes": "strikes", "operations": "operations", "dead": "fatalities",
                    "wounded": "injured", "displaced_people": "displaced"}


def _measure(noun_class: str, window: str, vocab: ClaimVocabulary) -> str | None:
    """What a figure counts, from the class of its noun and the verbs around it."""
    if noun_class in _DIRECT_MEASURES:
        return _DIRECT_MEASURES[noun_class]
    if noun_class in ("targets", "munitions"):
        if vocab.destroy.search(window):
            return "targets_destroyed"
        return "other" if noun_class == "munitions" and vocab.fire.search(window) else None
    verbs = dict(vocab.person_verbs)
    for verb_class, pattern in vocab.person_verbs:
        if verb_class in ("members", "personnel") or not pattern.search(window):
            continue
        if verb_class == "fatalities":
            return _PERSON_CLASSES.get(noun_class, "fatalities")
        return verb_class
    if noun_class == "members":
        return "members" if verbs["members"].search(window) else None
    if noun_class in ("combatants", "people") and verbs["personnel"].search(window):
        return "personnel"
    return None


def zero_counts(text: str, sentence: Segment, vocab: ClaimVocabulary,
                 figures: list[Figure]) -> list[Figure]:
    """'aucun civil n'a été tué': a claim with the value 0."""
    folded = fold(text[sentence.start:sentence.end])
    found: list[Figure] = []
    for match in vocab.zero_words.finditer(folded):
        after = folded[match.end():match.end() + 60]
        noun = _counted_noun_after(after, vocab)
        if noun is None:
            singular = re.match(r"[ \u00a0]{1,3}(civil|soldat|militaire|combattant|civilian|"
                                r"soldier|victime|mort|casualty|casualties|death)\b", after)
            noun = (_ZERO_NOUNS.get(singular.group(1), "combatants"), singular.end()) \
                if singular else None
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



# -- whose dead ---------------------------------------------------------------------------
def whose_dead(doc: DocumentMentions, figure: Figure, table: Lexicon,
               civilians_killed: bool = False) -> Figure:
    """A toll of undifferentiated dead said to be the speaker's own ("sept morts côté
    ami", "losses in our ranks") counts combatants; "treize des morts", "most of the dead"
    count the dead the article counted before (the civilians of the previous toll); with
    `civilians_killed` (the sentence before, in its paragraph, says civilians were killed,
    uncounted), the bodies found are theirs ("des ADF ont tué des civils ... on vient de
    retrouver 22 corps")."""
    if figure.measure not in ("fatalities", "injured"):
        return figure
    if figure.measure == "fatalities" and civilians_killed and figure.reading is not None \
            and figure.reading.noun_class == "dead":
        return replace(figure, measure="fatalities_civilians")
    after = fold(doc.text[figure.number.end:figure.number.end + 40])
    if figure.measure == "fatalities" and _starts_with(after, table.own_side, 25):
        return replace(figure, measure="fatalities_combatants")
    if figure.measure == "fatalities" and _starts_with(after, table.partitive_dead, 0):
        earlier = next((c.measure for c in reversed(doc.claims) if c.measure and
                        c.measure.startswith("fatalities_")), None)
        if earlier is not None:
            return replace(figure, measure=earlier)
    return figure


def _starts_with(text: str, phrases: frozenset[str], within: int) -> bool:
    """One of `phrases` within the first `within` characters of `text`, at a word start."""
    return any((at := text.find(p)) >= 0 and at <= within + 1 and (
        at == 0 or not text[at - 1].isalnum()) for p in phrases)


def launched_wholes(figures: list[Figure]) -> list[Figure]:
    """'shot down 22 of the 27 drones': the part is destroyed, the whole was launched
    (README: munitions launched are strikes)."""
    found = list(figures)
    for i, part in enumerate(figures):
        for j in range(i + 1, len(figures)):
            whole = figures[j]
            if part.reading is None or whole.reading is None or part.reading.noun is None \
                    or whole.reading.noun != part.reading.noun:
                continue
            if whole.reading.noun_class == "munitions" and \
                    whole.measure == "targets_destroyed" == part.measure:
                found[j] = replace(whole, measure="strikes")
    return found
