"""Atoms of the numbers stage: the bare figures and counts a text holds, before context.

An atom is one of: digits ("29.307", "1,5 million"), number words ("vingt-sept",
"three hundred"), or a vague or approximate count ("des dizaines", "une quarantaine").
Qualifiers, ranges and the contexts that make a number not a figure are applied later
(``numbers.py``, ``numbers_context.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from text_to_num import text2num

from newsevents.stages.numbers_data import NumberVocabulary, VagueCount, normalize_phrase

DIGIT_SEPARATORS = re.compile(r"[^\d]")
WORD_TOKEN = re.compile(r"[^\W\d_]+")
YEAR_LIKE = range(1900, 2100)
# Unseparated digit strings this long are phone numbers or identifiers, not counts.
MAX_PLAIN_DIGITS = 8


@dataclass(frozen=True)
class Atom:
    """A figure or count found in the text, before its context is read."""

    start: int
    end: int
    kind: str  # "digits" | "words" | "vague"
    qualifier: str  # "exact" (digits, words), "about" (approximate nouns), vague qualifier
    value: int | float | None = None  # the figure; approximate nouns and about_ten: nominal
    low: int | None = None
    high: int | None = None
    scale: int = 1  # factor of a scale word after digits ("2,3 millions": 1000000)
    year_like: bool = False  # four digits 1900-2099 without separator or scale


def words_to_number(phrase: str, lang: str) -> int | None:
    """The value of a run of number words, or None: the one place text2num is called."""
    try:
        return int(text2num(phrase.lower(), lang))
    except (ValueError, TypeError):
        return None


def to_number(value: Decimal) -> int | float:
    """An int when the value is whole ("1,5 million" -> 1500000), else a float."""
    return int(value) if value == value.to_integral_value() else float(value)


def parse_digits(raw: str, scaled: bool, decimal_mark: str | None = None) -> int | float | None:
    """Digits with fr/en separators: "29.307", "29 307", "29,307" -> 29307; "1,5" -> 1.5.

    With the decimal mark of the segment's language ("," in French, "." in English) the
    other separators group thousands: French "2,500" is 2.5 and "2.500" 2500, English the
    reverse. A number that convention cannot read ("1,234,567" in French), or one with no
    language, is read without it: a separator before exactly three digits groups
    thousands; any other last "." or "," is the decimal mark. Before a scale word a single
    "." or "," is then always a decimal mark ("1,5 million", "2.500 millions"). Returns
    None for inconsistent grouping.
    """
    if decimal_mark is not None:
        by_language = _with_decimal_mark(raw, decimal_mark)
        if by_language is not None:
            return by_language
    groups = DIGIT_SEPARATORS.split(raw)
    separators = DIGIT_SEPARATORS.findall(raw)
    if not separators:
        return int(raw)
    last = separators[-1]
    mixed = len(set(separators)) > 1
    decimal_last = last in ".," and (
        len(groups[-1]) != 3
        or (scaled and len(separators) == 1)
        or (mixed and last not in separators[:-1])
    )
    return _grouped(groups, separators, decimal_last)


def _with_decimal_mark(raw: str, mark: str) -> int | float | None:
    """``raw`` read with ``mark`` as its decimal mark (at most once, after every other
    separator) and one kind of thousands separator before it; None if it cannot be."""
    groups = DIGIT_SEPARATORS.split(raw)
    separators = DIGIT_SEPARATORS.findall(raw)
    decimal = bool(separators) and separators[-1] == mark
    if mark in (separators[:-1] if decimal else separators):
        return None
    return _grouped(groups, separators, decimal)


def _grouped(groups: list[str], separators: list[str], decimal: bool) -> int | float | None:
    """The number of digit ``groups`` split by ``separators``, the last one the decimal
    mark when ``decimal``; None unless the others are one kind of thousands separator
    before groups of three."""
    whole_groups = groups[:-1] if decimal else groups
    whole_separators = separators[:-1] if decimal else separators
    if whole_separators and (
        len(set(whole_separators)) > 1
        or not 1 <= len(whole_groups[0]) <= 3
        or any(len(group) != 3 for group in whole_groups[1:])
    ):
        return None
    whole = "".join(whole_groups)
    if not decimal:
        return int(whole)
    try:
        return to_number(Decimal(f"{whole}.{groups[-1]}"))
    except InvalidOperation:
        return None


Languages = Callable[[int], str | None]
# Military communiqués pad counts with a zero ("02 PKM, 01 mortier, 05 motos"): two digits
# then a word, and no digit, colon or slash before them (a time, a phone number, a date).
_ZERO_PADDED_COUNT = re.compile(r"(?<![\d:/.,])0[1-9][ \u00a0](?=[^\W\d_])")


def digit_atoms(text: str, lo: int, hi: int, vocab: NumberVocabulary,
                language: Languages | None = None) -> Iterator[Atom]:
    """Figures written in digits; ``language`` gives the language at a position (its
    segment's), whose decimal mark reads the separators."""
    for match in vocab.digits.finditer(text, lo, hi):
        raw = match.group("num")
        plain = raw.isdigit()
        if plain and (len(raw) >= MAX_PLAIN_DIGITS or (len(raw) > 1 and raw[0] == "0" and not (
                _ZERO_PADDED_COUNT.match(text, match.start(), hi)))):
            continue  # phone number, identifier, "007"; not "02 PKM", "05 motos"
        scale_word = match.group("scale")
        scale = vocab.digit_scales[normalize_phrase(scale_word)] if scale_word else 1
        mark = vocab.decimal_mark.get(language(match.start()) or "") if language else None
        value = parse_digits(raw, scaled=scale_word is not None, decimal_mark=mark)
        if value is None:
            continue
        if scale != 1:
            value = to_number(Decimal(str(value)) * scale)
        year_like = plain and len(raw) == 4 and scale == 1 and int(raw) in YEAR_LIKE
        yield Atom(match.start(), match.end(), "digits", "exact", value,
                   scale=scale, year_like=year_like)


def parsable_runs(
    text: str, start: int, end: int, lang: str, vocab: NumberVocabulary
) -> Iterator[Atom]:
    """Split a run of number words into the longest pieces text2num accepts.

    "two and three" is two figures (a range's ends), "vingt et un" is one; an article
    ("a thousand") stands for "one". Lone articles and lone scale words are dropped.
    """
    found = WORD_TOKEN.finditer(text, start, end)
    tokens = [(m.start(), m.end(), m.group().lower()) for m in found]
    numeric = [t for t in tokens if t[2] in vocab.word_lang or t[2] in vocab.article_one]
    index = 0
    while index < len(numeric):
        for last in range(len(numeric) - 1, index - 1, -1):
            first_start, last_end = numeric[index][0], numeric[last][1]
            phrase = text[first_start:last_end]
            if numeric[index][2] in vocab.article_one:
                phrase = "one" + phrase[len(numeric[index][2]):]
            value = words_to_number(phrase, lang)
            if value is not None:
                if last > index or numeric[index][2] not in vocab.never_alone:
                    yield Atom(first_start, last_end, "words", "exact", value)
                index = last + 1
                break
        else:
            index += 1


def word_atoms(text: str, lo: int, hi: int, vocab: NumberVocabulary) -> Iterator[Atom]:
    for pattern, lang in ((vocab.words_fr, "fr"), (vocab.words_en, "en")):
        for match in pattern.finditer(text, lo, hi):
            yield from parsable_runs(text, match.start(), match.end(), lang, vocab)


def scaled_high(high: int | None, scale: int) -> int | None:
    """"des dizaines de milliers": 10-99 becomes 10000-99999, not 10000-99000."""
    if high is None:
        return None
    all_nines = set(str(high)) == {"9"}
    return (high + 1) * scale - 1 if all_nines else high * scale


def vague_atoms(text: str, lo: int, hi: int, vocab: NumberVocabulary) -> Iterator[Atom]:
    for match in vocab.vague.finditer(text, lo, hi):
        count: VagueCount = vocab.vague_meaning[normalize_phrase(match.group("head"))]
        scale_words = match.group("scale")
        scale = vocab.scales[normalize_phrase(scale_words)] if scale_words else 1
        yield Atom(
            match.start(), match.end(), "vague", count.qualifier,
            value=count.value * scale if count.value is not None else None,
            low=count.low * scale if count.low is not None else None,
            high=scaled_high(count.high, scale),
            scale=scale,
        )


def find_atoms(text: str, lo: int, hi: int, vocab: NumberVocabulary,
               language: Languages | None = None) -> list[Atom]:
    """All atoms of ``text[lo:hi]``, sorted, overlaps resolved (earliest, then longest)."""
    candidates = [
        *digit_atoms(text, lo, hi, vocab, language),
        *word_atoms(text, lo, hi, vocab),
        *vague_atoms(text, lo, hi, vocab),
    ]
    candidates.sort(key=lambda atom: (atom.start, -atom.end))
    kept: list[Atom] = []
    for atom in candidates:
        if not kept or atom.start >= kept[-1].end:
            kept.append(atom)
    return kept
