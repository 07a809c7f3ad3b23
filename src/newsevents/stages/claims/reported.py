"""The reported content is never part of the attribution clause.

The attribution stage marks a sentence's reporting clause by surface patterns; in "X a
indiqué à l'AFP que 23 personnes ont été tuées" that clause can run over the content. With
a parse, the clausal complement of the reporting verb ("que ...", "that ...", a quote) is
the content: the clause is cut where the content begins, so its figures, places and times
are the event's again.
"""

from __future__ import annotations

from dataclasses import replace

from newsevents.stages.actors import fold
from newsevents.stages.attribution import Attribution
from newsevents.stages.claims.lexicon import lexicon
from newsevents.stages.parse import ParsedSentence

_CONTENT = frozenset({"ccomp", "xcomp", "parataxis"})


def narrow_attribution(parsed: ParsedSentence | None,
                       attribution: Attribution | None) -> Attribution | None:
    if parsed is None or attribution is None:
        return attribution
    for token in parsed.tokens_in(attribution.start, attribution.end):
        if token.pos not in ("VERB", "AUX"):
            continue
        for child in parsed.children(token.index):
            # "said Israeli strikes killed six people" misparsed with "strikes" as the
            # object: an object that holds a finite verb is a clause, the content.
            clausal_object = child.relation == "obj" and token.pos == "VERB" and any(
                t.is_finite_verb and t.index != token.index
                for t in parsed.subtree(child.index))
            if not clausal_object and (child.dep not in _CONTENT
                                       or child.pos not in ("VERB", "NOUN", "ADJ", "AUX")):
                continue
            content = parsed.subtree(child.index)
            start = content[0].start
            if attribution.start < start < attribution.end and content[-1].end > start:
                if attribution.source_start >= start:  # the source is inside: keep as is
                    continue
                return replace(attribution, end=start)
    # "a précisé le porte-parole, qui a également fait état de 41.316 blessés", "said the
    # spokesman, who also reported 12 wounded": what the source's relative clause counts
    # is a claim of that source.
    # (the relative pronoun after a comma: the parse often misplaces the clause's verb)
    tokens = parsed.tokens_in(attribution.source_end, attribution.end)
    relatives = lexicon(parsed.language).relative_pronouns
    for number, token in enumerate(tokens[1:], start=1):
        if token.pos == "PRON" and token.relation == "nsubj" and tokens[number - 1].text == ","\
                and fold(token.text) in relatives and any(t.pos == "NUM" for t in tokens[number:]):
            return replace(attribution, end=token.start)
    return attribution
