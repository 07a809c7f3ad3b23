"""French part-of-speech and morphology (spaCy `fr_core_news_md`), behind one module.

spaCy's `Doc` never leaves this module: callers get `ParsedToken` records with offsets
into the document text. The claims stage needs only the part of speech and the verb form
(a finite verb, or a participle after its auxiliary, reports an act), so the pipeline runs
`tok2vec`, `morphologizer` and `attribute_ruler`: measured on news text, the parser, the
entity recogniser and the rule lemmatizer would cost five times as much for nothing we
read. Only the sentences that can hold a claim are tagged (the caller screens them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

MODEL = "fr_core_news_md"
UNUSED_COMPONENTS = ("senter", "parser", "ner", "lemmatizer")


@dataclass(frozen=True)
class ParsedToken:
    index: int  # position in the sentence's token list
    start: int  # offsets into the document text
    end: int
    text: str
    pos: str
    morph: str

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


@lru_cache(maxsize=1)
def _nlp() -> Any:
    import spacy

    return spacy.load(MODEL, exclude=list(UNUSED_COMPONENTS))


def parse_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[ParsedSentence]:
    """Tag each `text[start:end]` as one unit; offsets come back in document terms."""
    nlp = _nlp()
    pieces = [_normalise_apostrophes(text[start:end]) for start, end in spans]
    parsed: list[ParsedSentence] = []
    # The strings spaCy learns from each text are freed when the zone closes: without it
    # a worker's vocabulary, and its memory, grows with the corpus.
    with nlp.memory_zone():
        for (start, end), doc in zip(spans, nlp.pipe(pieces, batch_size=16), strict=True):
            tokens = tuple(
                ParsedToken(
                    index=tok.i, start=start + tok.idx, end=start + tok.idx + len(tok.text),
                    text=text[start + tok.idx:start + tok.idx + len(tok.text)],
                    pos=tok.pos_, morph=str(tok.morph),
                )
                for tok in doc
            )
            parsed.append(ParsedSentence(start, end, tokens))
    return parsed


def _normalise_apostrophes(piece: str) -> str:
    """The curly apostrophe confuses the French models (LIBRARIES.md); same length swap."""
    return piece.replace("’", "'")


@lru_cache(maxsize=1)
def _full_nlp() -> Any:
    import spacy

    return spacy.load(MODEL)


def bare_pass(texts: Sequence[str]) -> int:
    """A full `fr_core_news_md` pass over `texts` (the benchmarks' baseline); returns tokens."""
    nlp = _full_nlp()
    with nlp.memory_zone():
        return sum(len(doc) for doc in nlp.pipe(texts, batch_size=16))
