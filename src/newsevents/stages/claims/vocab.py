"""The claims stage's vocabulary (`data/triggers/claims.yaml`), loaded once and indexed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from newsevents.stages.actors import fold


def phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    """Whole-word alternation over folded phrases, longest first."""
    ordered = sorted({fold(str(p)) for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(p) for p in ordered) + r")(?![\w])")


@dataclass(frozen=True)
class ClaimVocabulary:
    counted: dict[str, str]  # folded noun phrase -> noun class
    counted_pattern: re.Pattern[str]
    person_verbs: tuple[tuple[str, re.Pattern[str]], ...]
    destroy: re.Pattern[str]
    fire: re.Pattern[str]
    military_context: re.Pattern[str]
    total: re.Pattern[str]
    event_types: tuple[tuple[str, re.Pattern[str]], ...]
    weak_event_types: tuple[tuple[str, re.Pattern[str]], ...]
    weak_by_language: dict[str, tuple[tuple[str, re.Pattern[str]], ...]]
    event_verbs: dict[str, str]  # French infinitive or English form -> event type
    event_verb_stems: tuple[tuple[str, str], ...]  # (stem, event type), longest first
    hedges: re.Pattern[str]
    negations: re.Pattern[str]
    zero_words: re.Pattern[str]
    military_nouns: re.Pattern[str]
    not_events: re.Pattern[str]  # "the joint area of operations": an event word naming none
    partners: re.Pattern[str]  # "in coordination with the Iraqi government": no actor of it

    def event_verb_type(self, folded_word: str) -> str | None:
        """The event type of a verb form ('deployees', 'reaffectes', 'withdrew'), if any."""
        exact = self.event_verbs.get(folded_word)
        if exact:
            return exact
        return next((etype for stem, etype in self.event_verb_stems
                     if folded_word.startswith(stem)
                     and _FRENCH_ENDING.fullmatch(folded_word, len(stem))), None)


def _typed_patterns(section: dict[str, list[str]]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((name, phrase_pattern(words)) for name, words in section.items())


# What may follow a French verb's stem in its conjugated forms (folded): "deploy|ees",
# "reaffect|ees", "desactiv|e", "deploi|era", "etabl|it"; "sign|ifie" is another verb.
_FRENCH_ENDING = re.compile(
    r"(?:e|es|ent|ons|ez|er|ai|as|a|ais|ait|aient|era|eras|erons|erez|eront|erai|erait|"
    r"eraient|ee|ees|ant|i|is|it|ie|ies|issent|issons|issait|ira|iront|t|te|tes|ts|u|ue|us|"
    r"ues)?")


def _stems(infinitive: str) -> tuple[str, ...]:
    """'deployer' -> ('deploy', 'deploi'), 'retirer' -> ('retir',): the parts the French
    forms of a verb start with; an English form stands as it is."""
    for ending in ("er", "ir", "re"):
        if infinitive.endswith(ending) and len(infinitive) > 5:
            stem = infinitive[:-len(ending)]
            return (stem, stem[:-1] + "i") if stem.endswith("y") else (stem,)
    return ()


@lru_cache(maxsize=1)
def claim_vocabulary() -> ClaimVocabulary:
    raw = resources.files("newsevents.data").joinpath("triggers/claims.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(raw)
    counted = {fold(str(w)): cls for cls, words in data["counted_nouns"].items() for w in words}
    event_verbs = {fold(str(w)): etype for etype, words in data["event_verbs"].items()
                   for w in words}
    return ClaimVocabulary(
        counted=counted,
        counted_pattern=phrase_pattern(list(counted)),
        person_verbs=_typed_patterns(data["person_verbs"]),
        destroy=phrase_pattern(data["destroy_verbs"]),
        fire=phrase_pattern(data["fire_verbs"]),
        military_context=phrase_pattern(data["military_context"]),
        total=phrase_pattern(data["total_verbs"]),
        event_types=_typed_patterns(data["event_types"]),
        weak_event_types=_typed_patterns(data["weak_event_types"]),
        weak_by_language={language: _typed_patterns(data[f"weak_event_types_{language}"])
                          for language in ("fr", "en")},
        event_verbs=event_verbs,
        event_verb_stems=tuple(sorted(((stem, t) for v, t in event_verbs.items()
                                       for stem in _stems(v)),
                                      key=lambda pair: -len(pair[0]))),
        hedges=phrase_pattern(data["hedges"]),
        negations=phrase_pattern(data["negations"]),
        zero_words=phrase_pattern(data["zero_words"]),
        military_nouns=phrase_pattern(data["military_action_nouns"]),
        not_events=phrase_pattern(data.get("not_events") or ["\x00"]),
        partners=re.compile("(?:" + phrase_pattern(data.get("partner_cues") or ["\x00"]).pattern
                            + r")[ \u00a0'’]{1,3}(?:(?:l|la|le|les|the|des|du)[ \u00a0'’]{1,2})?$"),
    )
