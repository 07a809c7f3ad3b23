"""The article's event frame for roles: who the article says carries out its events.

A claim whose sentence and paragraph name no agent ("a couple were killed in a pre-dawn
strike") takes the article's: the actor most often the agent of an event or outcome word
across the article (subject of "launched", "killed"; "frappes russes", "an attack by the
RSF"), the headline and lead counting double. Counting agents, not mentions, keeps the
victims' side out ("Israeli strikes on Hamas" names Hamas as often as Israel).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from newsevents.records import Segment
from newsevents.stages.actors import fold
from newsevents.stages.claims.lexicon import lexicon
from newsevents.stages.claims.roles import role_spans
from newsevents.stages.claims.slots import DocumentMentions, within
from newsevents.stages.parse import ParsedSentence

# Outcomes someone inflicts: their agent is the one acting.
_INFLICTED = frozenset({"fatalities", "injured", "destroyed", "fired", "captured", "neutralized"})
_NOT_AGENTS = frozenset({"civilians", "unknown"})
_LEAD_PARAGRAPHS = 2  # the headline and the lead


def article_agents(doc: DocumentMentions, sentences: Sequence[Segment],
                   parsed: Mapping[int, ParsedSentence]) -> Counter[str]:
    """Actor id -> how often it is the agent of an event or outcome word in the article."""
    counts: Counter[str] = Counter()
    for sentence in sentences:
        tree = parsed.get(sentence.start)
        if tree is None:
            continue
        table = lexicon(sentence.language or "fr")
        mentions = [m for m in within(doc.actors, sentence.start, sentence.end, None)
                    if m.id not in _NOT_AGENTS]
        if not mentions:
            continue
        weight = 2 if sentence.paragraph < _LEAD_PARAGRAPHS else 1
        for token in tree.tokens:
            key = fold(token.lemma)
            if token.pos == "VERB" and table.outcome(key) not in _INFLICTED \
                    and key not in table.event_verbs:
                continue
            if token.pos == "NOUN" and key not in table.event_nouns and table.noun_class(
                    key) != "strikes":
                continue
            if token.pos not in ("VERB", "NOUN"):
                continue
            agents, _ = role_spans(tree, token, table)
            for actor in {m.id for m in mentions
                          if any(s <= m.start < e for s, e in agents)}:
                counts[actor] += weight
    return counts
