"""Contexts that make a number not a figure: dates, times, ages, durations, years,
designators, percentages, money, measures, phone numbers.

Each check reads a few characters around a span of the real text (not of the slice being
scanned): a number glued to "F-" is a designator whatever the slice boundaries say.
"""

from __future__ import annotations

from newsevents.stages.numbers_atoms import Atom
from newsevents.stages.numbers_data import LOOKBACK, NumberVocabulary

DASHES = "-‑"


def glued_before(text: str, start: int, vocab: NumberVocabulary) -> bool:
    """"F-16", "COVID-19", "+964", "$5", "US$ 5", "#1", "n°5", "10:30"."""
    if start == 0:
        return False
    previous = text[start - 1]
    if previous in vocab.symbols_before or previous.isalnum():
        return True
    if previous in DASHES and start >= 2 and text[start - 2].isalpha():
        return True
    return previous == " " and start >= 2 and text[start - 2] in "$€£"


def glued_after(text: str, end: int, vocab: NumberVocabulary) -> bool:
    """"30%", "17-year-old", "twenty-first", "10:30", "25/03", "3e"."""
    if end >= len(text):
        return False
    following = text[end]
    if following in vocab.symbols_after or following.isalnum():
        return True
    after = text[end + 1] if end + 1 < len(text) else ""
    if following in DASHES and after.isalpha():
        return True
    return following in "/:.," and after.isdigit()


def blocked_after(text: str, end: int, vocab: NumberVocabulary) -> bool:
    """A unit (duration, percentage, money, measure), a month, or a hotline's country."""
    return bool(
        vocab.unit_after.match(text, end)
        or vocab.month_after.match(text, end)
        or vocab.date_continuation.match(text, end)
        or vocab.hotline_after.match(text, end)
    )


def blocked_before(text: str, start: int, atom: Atom, vocab: NumberVocabulary) -> bool:
    """A designator ("résolution", "Boeing") or an age phrase; a month or weekday before
    a day or a year ("March 25", "août 2014"), not before a count ("En mars 150 frappes")."""
    if vocab.blocked_before.before(text, start):
        return True
    day = isinstance(atom.value, int) and 1 <= atom.value <= 31 and atom.kind == "digits"
    if day and vocab.day_before.before(text, start):
        return not counted_noun_follows(text, atom.end, vocab)
    return (day or atom.year_like) and vocab.calendar_before.before(text, start) is not None


def counted_noun_follows(text: str, end: int, vocab: NumberVocabulary) -> bool:
    """A lower-case content word right after the number: "2000 morts", "one soldier"."""
    match = vocab.next_word.match(text, end)
    if match is None:
        return False
    word = match.group("word")
    head = word.replace("’", "'").split("'")[0].lower()
    return word[0].islower() and head not in vocab.function_words


def is_year(text: str, atom: Atom, phrase_start: int, qualifier: str,
            vocab: NumberVocabulary) -> bool:
    """"en 2021", "in 2014", "2021." are years; "2000 morts", "plus de 2000" are figures."""
    if not atom.year_like or qualifier in ("more_than", "at_least", "less_than", "about"):
        return False
    if vocab.year_before.before(text, phrase_start):
        return True
    return not counted_noun_follows(text, atom.end, vocab)


def is_pronoun_one(text: str, atom: Atom, vocab: NumberVocabulary) -> bool:
    """English "one" as a pronoun ("one of the", "no one") rather than a count."""
    if text[atom.start:atom.end].lower() != vocab.one_word:
        return False
    previous = vocab.previous_word.search(text, max(0, atom.start - LOOKBACK), atom.start)
    if previous and previous.group("word").lower() in vocab.one_not_after:
        return True
    if vocab.one_of.match(text, atom.end):
        return False  # "one of its soldiers was injured", not "one of the largest"
    return not counted_noun_follows(text, atom.end, vocab) and not _name_follows(
        text, atom.end, vocab)


def _name_follows(text: str, end: int, vocab: NumberVocabulary) -> bool:
    """A capitalised word right after "one", as in "three Syrians, one Sudanese and one
    Lebanese": a nationality or a group counted."""
    match = vocab.next_word.match(text, end)
    return match is not None and match.group("word")[0].isupper()


def not_a_figure(text: str, atom: Atom, phrase_start: int, qualifier: str,
                 vocab: NumberVocabulary) -> bool:
    """Every check that makes a single atom not a figure."""
    if glued_after(text, atom.end, vocab) or blocked_after(text, atom.end, vocab):
        return True
    if atom.kind == "vague":
        return False
    if glued_before(text, atom.start, vocab) or blocked_before(text, phrase_start, atom, vocab):
        return True
    if atom.kind == "words":
        return is_pronoun_one(text, atom, vocab)
    return is_year(text, atom, phrase_start, qualifier, vocab)
