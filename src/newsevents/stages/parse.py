"""Dependency parses of French and English sentences, behind one module.

French comes from spaCy's `fr_core_news_md` (its tagger, parser and lemmatizer; the entity
recogniser stays off: places and actors come from our own gazetteer and registry). English
comes from the pipeline trained here on UD_English-EWT and shipped in
`newsevents/models/en_ud` (see `training/en_ud/` and `make model-en`): no English spaCy
model can be installed from the package index.

spaCy objects never leave this module: callers get `ParsedSentence` records whose tokens
carry offsets into the document text, lemma, part of speech, morphology, head and relation
(Universal Dependencies labels in both languages). A document's sentences are parsed in one
`nlp.pipe` batch per language, a few documents' together when the caller has several
(`parse_many`). The first `PERMANENT_WORDS` words a model meets stay in its vocabulary
(their lexemes and tokenizer entries are reused: 15-20% of the parse's time); after that
each batch runs inside a memory zone, so a worker's vocabulary stops growing.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

from newsevents import heap
from newsevents.limits import TRIM_AFTER_CHARS

FRENCH_MODEL = "fr_core_news_md"
ENGLISH_MODEL = "en_ud"  # a folder of newsevents/models
ENGLISH_MODEL_ENV = "NEWSEVENTS_EN_MODEL"
# Components no claims step reads: named entities (our own gazetteer and registry find
# places and actors), the French statistical sentence splitter (segments are ours) and the
# English tagger (its Penn Treebank tags: the morphologizer gives the UD part of speech
# and features, the parser and the lemmatizer read tok2vec, not the tags).
UNUSED_COMPONENTS = ("senter", "ner", "tagger")
# The first words a model meets become part of its vocabulary for good (the commonest
# ones, by then): their lexemes and the tokenizer's cache are reused by every later
# document. Past this many, a document's new words live in a memory zone that is freed
# after it, so a worker's memory stops growing (about 0.5 kB a word).
PERMANENT_WORDS = 30_000
# spaCy's French lemmatizer caches every (word, part of speech) it has met, memory zone or
# not: the cache is emptied past this many entries.
LEMMA_CACHE_ENTRIES = 30_000
LANGUAGES = ("fr", "en")
BATCH = 64  # sentences per nlp.pipe batch: most documents' in one
BATCH_CHARACTERS = 12_000  # and at most this many characters (64 news sentences or so)


@dataclass(frozen=True, slots=True)  # a 1 MB article holds ~200k of them
class ParsedToken:
    index: int  # position in the sentence's token list
    start: int  # offsets into the document text
    end: int
    text: str
    lemma: str
    pos: str  # Universal part of speech
    morph: str  # Universal features, "Number=Plur|VerbForm=Part"
    head: int  # index of the head token in the same sentence (itself for a root)
    dep: str  # Universal Dependencies relation, "nsubj:pass", "obl:agent"

    def feature(self, name: str) -> str | None:
        for part in self.morph.split("|"):
            key, _, value = part.partition("=")
            if key == name:
                return value
        return None

    @property
    def is_finite_verb(self) -> bool:
        return self.pos in ("VERB", "AUX") and self.feature("VerbForm") == "Fin"

    @property
    def relation(self) -> str:
        """The relation without its subtype: 'nsubj:pass' -> 'nsubj'."""
        return self.dep.partition(":")[0]


@dataclass(frozen=True)
class ParsedSentence:
    start: int
    end: int
    tokens: tuple[ParsedToken, ...]
    language: str = "fr"

    @cached_property
    def _children(self) -> tuple[tuple[int, ...], ...]:
        children: list[list[int]] = [[] for _ in self.tokens]
        for token in self.tokens:
            if token.head != token.index:
                children[token.head].append(token.index)
        return tuple(tuple(c) for c in children)

    def children(self, index: int) -> list[ParsedToken]:
        return [self.tokens[i] for i in self._children[index]]

    def head_of(self, index: int) -> ParsedToken | None:
        """The token's head, or None for a root."""
        token = self.tokens[index]
        return None if token.head == index else self.tokens[token.head]

    def ancestors(self, index: int) -> Iterator[ParsedToken]:
        seen = {index}
        head = self.head_of(index)
        while head is not None and head.index not in seen:
            seen.add(head.index)
            yield head
            head = self.head_of(head.index)

    def subtree(self, index: int) -> list[ParsedToken]:
        """The token and everything it governs, in text order."""
        found = [index]
        at = 0
        while at < len(found):
            found.extend(self._children[found[at]])
            at += 1
        return [self.tokens[i] for i in sorted(found)]

    def span(self, index: int) -> tuple[int, int]:
        """The document offsets the token and everything it governs cover."""
        tokens = self.subtree(index)
        return tokens[0].start, tokens[-1].end

    def token_at(self, offset: int) -> ParsedToken | None:
        """The token covering a document offset (or starting just after it)."""
        for token in self.tokens:
            if token.end > offset:
                return token if token.start <= offset or token.start - offset <= 1 else None
        return None

    def tokens_in(self, start: int, end: int) -> list[ParsedToken]:
        return [t for t in self.tokens if t.start < end and start < t.end]


@lru_cache(maxsize=2)
def _nlp(language: str) -> Any:
    import spacy

    with heap.large_blocks_apart():  # no holes of the load left under the weights
        if language == "en":
            # NEWSEVENTS_EN_MODEL: a retrained pipeline scored before it replaces the shipped
            # one (training/en_ud/package.py); unset, the pipeline shipped in the package.
            path = os.environ.get(ENGLISH_MODEL_ENV) or str(
                resources.files("newsevents.models").joinpath(ENGLISH_MODEL))
            return spacy.load(path, exclude=list(UNUSED_COMPONENTS))
        nlp = spacy.load(FRENCH_MODEL, exclude=list(UNUSED_COMPONENTS))
        _compact_lemma_tables(nlp)
        return nlp


def _compact_lemma_tables(nlp: Any) -> None:
    """spaCy's French lemmatizer, same lemmas, less time and memory. It asks whether a
    word is a known lemma of its part of speech with `in` on lists of up to 66,000 words
    (most of the French parse's time): sets instead. Its tables are ordered dicts of
    one-word lists, 330 bytes an entry, 110 MB for the form -> lemma and exception tables
    (a worker's largest single cost): plain dicts of one shared tuple per lemma instead."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    tables = getattr(lookups, "_tables", None)
    if not isinstance(tables, dict):
        return
    from spacy.strings import get_string_id

    shared: dict[str, tuple[str, ...]] = {}

    def lemmas(value: Any) -> Any:
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            key = "\x00".join(value)
            return shared.setdefault(key, tuple(sys.intern(v) for v in value))
        return value

    if "lemma_index" in tables:
        tables["lemma_index"] = _HashedTable(
            ((pos, frozenset(words) if isinstance(words, list) else words)
             for pos, words in tables["lemma_index"].items()), get_string_id)
    if "lemma_lookup" in tables:
        tables["lemma_lookup"] = _HashedTable(
            ((key, lemmas(value)) for key, value in tables["lemma_lookup"].items()),
            get_string_id)
    if "lemma_exc" in tables:
        tables["lemma_exc"] = _HashedTable(
            ((pos, {sys.intern(form): lemmas(value) for form, value in forms.items()}
              if isinstance(forms, dict) else forms)
             for pos, forms in tables["lemma_exc"].items()), get_string_id)


class _HashedTable(dict[Any, Any]):
    """A spaCy lookup table (string keys hashed the same way, by `key`) without the
    insertion order links its tables keep for every entry."""

    def __init__(self, items: Iterable[tuple[Any, Any]], key: Callable[[Any], Any]) -> None:
        super().__init__(items)
        self.key = key  # spaCy's get_string_id, bound once: it runs for every new word

    def get(self, key: Any, default: Any = None) -> Any:
        return dict.get(self, self.key(key), default)

    def __getitem__(self, key: Any) -> Any:
        return dict.__getitem__(self, self.key(key))

    def __contains__(self, key: Any) -> bool:
        return dict.__contains__(self, self.key(key))


def available(language: str) -> bool:
    """Whether a parser for `language` is installed (the English one ships in the package)."""
    if language == "en":
        override = os.environ.get(ENGLISH_MODEL_ENV)
        if override:
            return os.path.isfile(os.path.join(override, "meta.json"))
        return resources.files("newsevents.models").joinpath(ENGLISH_MODEL, "meta.json").is_file()
    return language in LANGUAGES


def english_model_meta() -> dict[str, Any]:
    """The shipped English pipeline's meta.json (data, licence, scores)."""
    return dict(_nlp("en").meta)


def parse_spans(text: str, spans: Sequence[tuple[int, int]],
                language: str = "fr") -> list[ParsedSentence]:
    """Parse each `text[start:end]` as one unit; offsets come back in document terms."""
    return parse_many([(text, spans)], language)[0]


def parse_many(items: Sequence[tuple[str, Sequence[tuple[int, int]]]],
               language: str = "fr") -> list[list[ParsedSentence]]:
    """`parse_spans` of several documents' (text, spans) in one batch: larger batches
    cost less per word (the pipeline parses a few documents together)."""
    if language not in LANGUAGES:
        raise ValueError(f"no parser for language {language!r}: use one of {LANGUAGES}")
    nlp = _nlp(language)
    owners = [(number, text, start, end) for number, (text, spans) in enumerate(items)
              for start, end in spans]
    pieces = [_for_the_tagger(text[start:end]) for _, text, start, end in owners]
    parsed: list[list[ParsedSentence]] = [[] for _ in items]
    # Once the vocabulary is full, the strings spaCy learns from each text are freed when
    # the zone closes: without it a worker's vocabulary, and its memory, would grow with
    # the corpus. (spaCy never lowers len(vocab): a zone's words count too.)
    zone = nlp.memory_zone() if len(nlp.vocab) >= PERMANENT_WORDS else nullcontext()
    with zone:
        docs = _parsed(nlp, pieces)
        for (number, text, start, end), doc in zip(owners, docs, strict=True):
            parsed[number].append(
                ParsedSentence(start, end, _tokens(text, start, doc), language))
    _bound_caches(nlp)
    return parsed


def _parsed(nlp: Any, pieces: Sequence[str]) -> Iterator[Any]:
    """The pieces' Docs, batch by batch. Between the batches of a large parse, the memory
    the last one's activations freed is given back (holes in the heap, under the parses
    kept, would otherwise stay resident)."""
    large = sum(map(len, pieces)) >= TRIM_AFTER_CHARS
    for group in _batches(pieces):
        yield from nlp.pipe(group, batch_size=len(group))
        if large:
            heap.release()


def _batches(pieces: Sequence[str]) -> Iterator[list[str]]:
    """Consecutive groups of at most BATCH sentences and BATCH_CHARACTERS characters (a
    longer sentence alone): a batch's activations grow with its words, and 64 of a 1 MB
    line's long sentences at once doubled a worker's memory."""
    group: list[str] = []
    size = 0
    for piece in pieces:
        if group and (len(group) >= BATCH or size + len(piece) > BATCH_CHARACTERS):
            yield group
            group, size = [], 0
        group.append(piece)
        size += len(piece)
    if group:
        yield group


def _bound_caches(nlp: Any) -> None:
    for _, component in nlp.pipeline:
        cache = getattr(component, "cache", None)
        if isinstance(cache, dict) and len(cache) > LEMMA_CACHE_ENTRIES:
            cache.clear()


def parse_words(words: Sequence[str], language: str) -> ParsedSentence:
    """Parse a sentence already split into words (the benchmark's gold tokenisation);
    offsets are into the words joined by single spaces."""
    from spacy.tokens import Doc

    nlp = _nlp(language)
    with nlp.memory_zone():
        doc = Doc(nlp.vocab, words=list(words))
        for _, component in nlp.pipeline:
            doc = component(doc)
        return ParsedSentence(0, len(" ".join(words)), _tokens(doc.text, 0, doc), language)


def _tokens(text: str, start: int, doc: Any) -> tuple[ParsedToken, ...]:
    tokens: list[ParsedToken] = []
    for tok in doc:
        begin = start + tok.idx
        tokens.append(ParsedToken(
            index=tok.i, start=begin, end=begin + len(tok.text),
            # tags and lemmas repeat: one string object each, not one per token
            text=text[begin:begin + len(tok.text)], lemma=sys.intern(tok.lemma_ or tok.text),
            pos=sys.intern(tok.pos_), morph=sys.intern(str(tok.morph)), head=tok.head.i,
            dep="root" if tok.dep_ == "ROOT" else sys.intern(tok.dep_),  # UD's label
        ))
    return tuple(tokens)


# A zero-padded count ("02 PKM, 01 mortier", military inventories): its padding only.
_PADDING = re.compile(r"(?<![\d.,:/])0{1,2}(?=[1-9]\d{0,2}(?![\d.,:/]))")


def _for_the_tagger(piece: str) -> str:
    """The curly apostrophe confuses the French models (LIBRARIES.md); a headline in Title
    Case ('Army Kills 10 Terrorists') reads to a tagger as a run of proper nouns; a
    zero-padded count ('02 PKM') reads as a noun, so its padding becomes a 1 ('12 PKM':
    the figure's value comes from the text, not the parse). Every swap keeps the length,
    so offsets stay the document's."""
    piece = _PADDING.sub(lambda m: "1" * len(m.group()), piece.replace("’", "'"))
    return _sentence_case(piece) if _title_case(piece) else piece


def _title_case(piece: str) -> bool:
    words = [w for w in piece.split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _sentence_case(piece: str) -> str:
    """Lower every word but the first; acronyms ('US', 'ISIS') keep their case."""
    words = piece.split(" ")
    cased = " ".join(w if i == 0 or (w.isupper() and len(w) > 1) else w.lower()
                     for i, w in enumerate(words))
    return cased if len(cased) == len(piece) else piece  # "İ" lowers to two characters


@lru_cache(maxsize=1)
def _full_nlp() -> Any:
    import spacy

    return spacy.load(FRENCH_MODEL)


def bare_pass(texts: Sequence[str]) -> int:
    """A full `fr_core_news_md` pass over `texts` (the benchmarks' baseline); returns tokens."""
    nlp = _full_nlp()
    with nlp.memory_zone():
        return sum(len(doc) for doc in nlp.pipe(texts, batch_size=16))
