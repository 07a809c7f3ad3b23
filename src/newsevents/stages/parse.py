"""The French parser (spaCy `fr_core_news_md`), behind one module.

spaCy's `Doc` never leaves this module: callers get `ParsedToken` records with offsets
into the document text. Only segments that can hold a claim are parsed (the caller
screens them), which is where most of the pipeline's speed comes from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

MODEL = "fr_core_news_md"


@dataclass(frozen=True)
class ParsedToken:
    index: int  # position in the sentence's token list
    start: int  # offsets into the document text
    end: int
    text: str
    lemma: str
    pos: str
    dep: str
    head: int  # index of the head token in the same list (itself for the root)
    morph: str
    ent: str  # PER, LOC, ORG, MISC or ""

    def feature(self, name: str) -> str | None:
        for part in self.morph.split("|"):
            key, _, value = part.partition("=")
            if key == name:
                return value
        return None

    @property
    def is_finite_verb(self) -> bool:
        return self.pos in ("VERB", "AUX") and self.feature("VerbForm") == "Fin"


@dataclass(frozen=True)
class ParsedSentence:
    start: int
    end: int
    tokens: tuple[ParsedToken, ...]
    persons: tuple[tuple[int, int], ...]  # PER entity ranges (document offsets)


@lru_cache(maxsize=1)
def _nlp() -> Any:
    import spacy

    # The lemmatizer is kept (trigger lookup uses lemmas); the attribute ruler is cheap.
    return spacy.load(MODEL, exclude=["senter"])


def parse_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[ParsedSentence]:
    """Parse each `text[start:end]` as one unit; offsets come back in document terms."""
    nlp = _nlp()
    pieces = [_normalise_apostrophes(text[start:end]) for start, end in spans]
    parsed: list[ParsedSentence] = []
    for (start, end), doc in zip(spans, nlp.pipe(pieces, batch_size=16), strict=True):
        tokens = tuple(
            ParsedToken(
                index=tok.i, start=start + tok.idx, end=start + tok.idx + len(tok.text),
                text=text[start + tok.idx:start + tok.idx + len(tok.text)],
                lemma=tok.lemma_.lower(), pos=tok.pos_, dep=tok.dep_, head=tok.head.i,
                morph=str(tok.morph), ent=tok.ent_type_,
            )
            for tok in doc
        )
        persons = tuple((start + e.start_char, start + e.end_char)
                        for e in doc.ents if e.label_ == "PER")
        parsed.append(ParsedSentence(start, end, tokens, persons))
    return parsed


def _normalise_apostrophes(piece: str) -> str:
    """The curly apostrophe confuses the French models (LIBRARIES.md); same length swap."""
    return piece.replace("’", "'")


def bare_pass(texts: Sequence[str]) -> int:
    """A full `fr_core_news_md` pass over `texts` (benchmarks' baseline); returns tokens."""
    return sum(len(doc) for doc in _nlp().pipe(texts, batch_size=16))
