"""Events without figures: a finite event verb, or an event noun, in a military context."""

from __future__ import annotations

import re

from newsevents.records import Segment
from newsevents.stages.actors import fold
from newsevents.stages.attribution import Attribution
from newsevents.stages.claims.slots import DocumentMentions, within
from newsevents.stages.claims.vocab import ClaimVocabulary
from newsevents.stages.parse import ParsedSentence

_WORD = re.compile(r"[\w'’-]{1,40}")


# -- figure-less events ---------------------------------------------------------------------
def military_context(doc: DocumentMentions, sentence: Segment,
                      attribution: Attribution | None, vocab: ClaimVocabulary) -> bool:
    """A figure-less event needs an actor or a military noun ('the match ended' is none)."""
    if within(doc.actors, sentence.start, sentence.end, attribution):
        return True
    return bool(vocab.military_context.search(fold(doc.text[sentence.start:sentence.end])))


def event_triggers(text: str, sentence: Segment, parsed: ParsedSentence | None,
                    attribution: Attribution | None,
                    vocab: ClaimVocabulary) -> list[tuple[int, int, str]]:
    """Finite event verbs outside the attribution clause: (start, end, event type)."""
    found: list[tuple[int, int, str]] = []
    if parsed is not None:
        for token in parsed.tokens:
            if attribution and attribution.start <= token.start < attribution.end:
                continue
            etype = vocab.event_verb_type(fold(token.text)) if token.pos == "VERB" else None
            if etype and _is_reported_act(parsed, token.index):
                found.append((token.start, token.end, etype))
        return found
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


def _is_reported_act(parsed: ParsedSentence, index: int) -> bool:
    """A finite verb, or a participle with its auxiliary ('a été désactivé')."""
    token = parsed.tokens[index]
    if token.is_finite_verb:
        return True
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

