"""The numbers stage: figures in French and English news text, with their offsets.

``find_numbers`` scans both languages at once and returns ``NumberMention`` records whose
span covers the whole phrase, qualifier words included ("plus de 150", "des dizaines",
"entre 10 et 15"), with CONTRACT.md's qualifiers. Numbers that are not claims (years,
dates, clock times, ages, durations, ordinals, designators, phone numbers, percentages,
money, measures) are never returned.

The work is split by concern: ``numbers_data`` (vocabulary and patterns),
``numbers_atoms`` (bare figures and counts), ``numbers_context`` (what makes a number
not a figure); this module reads qualifiers and ranges and assembles the mentions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from newsevents.records import Noise, NumberMention, Ranges, Segment, language_at
from newsevents.stages.numbers_atoms import Atom, find_atoms
from newsevents.stages.numbers_compose import compose
from newsevents.stages.numbers_context import (
    blocked_after,
    blocked_before,
    counted_noun_follows,
    glued_after,
    glued_before,
    not_a_figure,
)
from newsevents.stages.numbers_data import NumberVocabulary, normalize_phrase, number_vocabulary

__all__ = ["find_numbers", "parse_number_phrase"]

NUMERIC_KINDS = ("digits", "words")
DASH_JOINERS = frozenset({"-", "–", "—"})
BOUND_FIELDS = {
    "more_than": "low", "at_least": "low", "less_than": "high", "at_most": "high",
    "about": "value",
}


def mention(text: str, start: int, end: int, qualifier: str, value: int | float | None = None,
            low: int | float | None = None, high: int | float | None = None) -> NumberMention:
    return NumberMention(start, end, text[start:end], value, low, high, qualifier)


def bounded(text: str, start: int, end: int, qualifier: str, figure: int | float) -> NumberMention:
    """An exact figure or a figure under a bound: the bound says which field it fills."""
    field = BOUND_FIELDS.get(qualifier, "value")
    if field == "low":
        return mention(text, start, end, qualifier, low=figure)
    if field == "high":
        return mention(text, start, end, qualifier, high=figure)
    return mention(text, start, end, qualifier, value=figure)


def matched_group(match_groups: dict[str, str | None]) -> str:
    return next(name for name, matched in match_groups.items() if matched is not None)


def read_prefix(text: str, atom: Atom, lo: int, vocab: NumberVocabulary) -> tuple[int, str | None]:
    """Where a qualifier before the atom starts, and which qualifier it is."""
    found = vocab.prefix.before(text, atom.start, lo)
    if found is None:
        return atom.start, None
    start, match = found
    if vocab.not_prefix_after.search(text, max(lo, start - 12), start):
        return atom.start, None  # "en plus de six soldats": six more, not more than six
    return start, matched_group(match.groupdict())


def read_suffix(text: str, atom: Atom, hi: int, vocab: NumberVocabulary) -> tuple[int, str | None]:
    """"50 ou plus", "300 environ": where the phrase ends and the qualifier it gives."""
    match = vocab.suffix.match(text, atom.end, hi)
    if match is None:
        return atom.end, None
    return match.end(), matched_group(match.groupdict())


def single_mention(text: str, atom: Atom, lo: int, hi: int,
                   vocab: NumberVocabulary) -> NumberMention | None:
    """One atom with the qualifier before or after it, or None if it is not a figure."""
    if atom.kind == "vague" and atom.value is None:  # "des dizaines", "dozens", "plusieurs"
        if not_a_figure(text, atom, atom.start, atom.qualifier, vocab):
            return None
        return mention(text, atom.start, atom.end, atom.qualifier, low=atom.low, high=atom.high)
    start, qualifier = read_prefix(text, atom, lo, vocab)
    end = atom.end
    if qualifier is None and atom.kind in NUMERIC_KINDS:
        end, qualifier = read_suffix(text, atom, hi, vocab)
    if not_a_figure(text, atom, start, qualifier or atom.qualifier, vocab):
        return None
    assert atom.value is not None
    if atom.qualifier == "about_ten" and qualifier in (None, "about"):
        return mention(text, start, end, "about_ten", low=atom.low, high=atom.high)
    return bounded(text, start, end, qualifier or atom.qualifier, atom.value)


def range_ends(first: Atom, second: Atom) -> tuple[int | float, int | float]:
    """"entre 1 et 2 millions": the scale of the second figure also applies to the first."""
    assert first.value is not None and second.value is not None
    low = first.value
    if second.scale > 1 and first.scale == 1 and first.value * second.scale <= second.value:
        low = first.value * second.scale
    return low, second.value


def range_opener(text: str, first: Atom, joiner: str, lo: int,
                 vocab: NumberVocabulary) -> int | None:
    """Start of "entre"/"between"/"de"/"from" before the first figure, if it calls for
    this joiner."""
    found = vocab.range_opener.before(text, first.start, lo)
    if found is None:
        return None
    start, match = found
    opener = normalize_phrase(match.group("opener")[::-1])
    return start if joiner in vocab.range_openers.get(opener, ()) else None


def range_blocked(text: str, start: int, first: Atom, second: Atom,
                  vocab: NumberVocabulary) -> bool:
    """A range that is a span of years, ages, distances, or a designator ("737-800")."""
    if glued_before(text, first.start, vocab) or blocked_before(text, start, first, vocab):
        return True
    if glued_after(text, second.end, vocab) or blocked_after(text, second.end, vocab):
        return True
    if first.year_like and second.year_like:
        return True  # "2014-2018", "de 2014 à 2018": a period, whatever follows
    some_year = first.year_like or second.year_like
    return some_year and not counted_noun_follows(text, second.end, vocab)


def range_mention(text: str, first: Atom, second: Atom, lo: int,
                  vocab: NumberVocabulary) -> list[NumberMention] | None:
    """Two figures joined as a range; [] when the pair is a score or a blocked range;
    None when they are not a range at all (each is then read on its own)."""
    joined = vocab.range_joiner.fullmatch(text, first.end, second.start)
    if joined is None:
        return None
    joiner = normalize_phrase(joined.group("joiner"))
    low, high = range_ends(first, second)
    opener_start = range_opener(text, first, joiner, lo, vocab)
    if joiner in DASH_JOINERS or joiner == "‑":
        if low >= high:
            return []  # a score ("2-1") or a season ("2014-15")
    elif opener_start is None and (joiner in ("et", "and") or low >= high):
        return None  # "23 morts et 51": two figures
    start = first.start if opener_start is None else opener_start
    if range_blocked(text, start, first, second, vocab):
        return []
    return [mention(text, start, second.end, "range", low=low, high=high)]


def assemble(text: str, atoms: list[Atom], lo: int, hi: int,
             vocab: NumberVocabulary) -> list[NumberMention]:
    """Read each atom (or pair of atoms, for ranges) into a mention."""
    mentions: list[NumberMention] = []
    index = 0
    while index < len(atoms):
        atom = atoms[index]
        following = atoms[index + 1] if index + 1 < len(atoms) else None
        if following and atom.kind == "vague" and following.kind in NUMERIC_KINDS and (
            text[atom.end:following.start].isspace()
        ):
            index += 1  # "quelques 200": the vague word is the figure's prefix
            continue
        if following and atom.kind in NUMERIC_KINDS and following.kind in NUMERIC_KINDS:
            pair = range_mention(text, atom, following, lo, vocab)
            if pair is not None:
                mentions.extend(pair)
                index += 2
                continue
        single = single_mention(text, atom, lo, hi, vocab)
        if single is not None:
            mentions.append(single)
        index += 1
    return mentions


def without_overlaps(mentions: list[NumberMention]) -> list[NumberMention]:
    kept: list[NumberMention] = []
    for found in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if not kept or found.start >= kept[-1].end:
            kept.append(found)
    return kept


def find_numbers(text: str, noise: Sequence[Noise] = (), start: int = 0,
                 end: int | None = None, segments: Sequence[Segment] = ()
                 ) -> list[NumberMention]:
    """Figures of ``text[start:end]``, sorted by start, offsets into ``text``.

    Anything overlapping a ``noise`` range (URL, handle, hashtag, phone number, reading
    time) is dropped. The language of the segment holding a figure in digits says which
    of "," and "." is its decimal mark (French "2,5 millions", English "2,500"); outside
    any segment both are read as either.
    """
    vocab = number_vocabulary()
    lo = max(0, start)
    hi = len(text) if end is None else min(len(text), end)
    if lo >= hi:
        return []
    internal = [match.span() for match in vocab.internal_noise.finditer(text, lo, hi)]
    blocked = Ranges([(n.start, n.end) for n in noise] + internal)
    language = language_at(segments) if segments else None
    atoms = [a for a in compose(text, find_atoms(text, lo, hi, vocab, language), lo, hi)
             if not blocked.overlaps(a.start, a.end)]
    mentions = assemble(text, atoms, lo, hi, vocab)
    kept = without_overlaps([m for m in mentions if not blocked.overlaps(m.start, m.end)])
    return _without_restatements(text, kept, vocab)


# "three (3)", "un (01)": a figure in words restated in digits, as military releases write.
_RESTATED = re.compile(r"[ \t\u00a0]{0,2}\([ \t\u00a0]?\d{1,4}[ \t\u00a0]?\)")
_WORD_BEFORE = re.compile(r"([^\W\d_]{2,12})[ \t\u00a0]{0,2}$")


def _without_restatements(text: str, mentions: list[NumberMention],
                          vocab: NumberVocabulary) -> list[NumberMention]:
    """`mentions` less a bracketed digit restating the number word before it; a word
    "one" / "un" the article reading left out stands for the figure ("one (1) vehicle")."""
    kept: list[NumberMention] = []
    for mention in mentions:
        bracket = text[mention.start - 1:mention.end + 1] if mention.start > 0 else ""
        if mention.kind == "number" and bracket.startswith("(") and bracket.endswith(")"):
            opening = text.rfind("(", max(0, mention.start - 3), mention.start)
            if kept and kept[-1].value == mention.value and _RESTATED.fullmatch(
                    text, kept[-1].end, mention.end + 1):
                continue  # "three (3)": the words already counted
            word = _WORD_BEFORE.search(text, max(0, opening - 14), opening)
            if word is not None and mention.value == 1 and \
                    word.group(1).lower() in vocab.one_forms:
                start, end = word.span(1)
                kept.append(replace(mention, start=start, end=end, text=text[start:end]))
                continue  # "one (1) vehicle": the word is the figure
        kept.append(mention)
    return kept


def parse_number_phrase(phrase: str) -> NumberMention | None:
    """The figure a whole phrase gives ("plus de 150", "une quarantaine"), or None when the
    phrase is not exactly one figure (surrounding whitespace aside)."""
    mentions = find_numbers(phrase)
    stripped = phrase.strip()
    if len(mentions) != 1 or mentions[0].text != stripped:
        return None
    return mentions[0]
