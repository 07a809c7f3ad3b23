"""Figures composed around an atom: "un million et demi", "half a million", "trois
douzaines", "deux virgule trois", "05 motos", and "un bâtiment neuf" (an adjective, no
figure). Vocabulary in ``data/numbers/words.yaml``; every pattern is a bounded literal
alternation. (An article that counts one victim, "un soldat a été tué", is read by the
claims stage from the parse: ``claims.counted.single_victims``.)"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from newsevents.stages.numbers_atoms import Atom, to_number
from newsevents.stages.numbers_data import SPACE, alternation, load_yaml, normalize_phrase


@dataclass(frozen=True)
class ComposeVocabulary:
    half_after: re.Pattern[str]
    half_before: re.Pattern[str]
    fraction: re.Pattern[str]
    numerators: dict[str, int]
    denominators: dict[str, int]
    multiplier: re.Pattern[str]
    multipliers: dict[str, int]
    decimal: re.Pattern[str]
    scales: dict[str, int]
    homographs: frozenset[str]
    previous_word: re.Pattern[str]
    zero_led: re.Pattern[str]
    function_words: frozenset[str]


@lru_cache(maxsize=1)
def compose_vocabulary() -> ComposeVocabulary:
    words = load_yaml("words.yaml")
    scales = {normalize_phrase(k): int(v) for k, v in words["digit_scales"].items()}
    scale_words = alternation(list(scales))
    return ComposeVocabulary(
        half_after=re.compile(rf"{SPACE}{alternation(words['half_after_scale'])}(?!\w)",
                              re.IGNORECASE),
        half_before=re.compile(rf"(?<!\w){alternation(words['half_before_scale'])}\s{{0,3}}"
                               rf"(?P<scale>{scale_words})(?!\w)", re.IGNORECASE),
        fraction=re.compile(
            rf"(?<!\w)(?P<num>{alternation(list(words['fraction_numerators']))}){SPACE}"
            rf"(?P<den>{alternation(list(words['fraction_denominators']))}){SPACE}"
            rf"{alternation(words['fraction_of'])}{SPACE}(?P<scale>{scale_words})(?!\w)",
            re.IGNORECASE),
        numerators={normalize_phrase(k): int(v)
                    for k, v in words["fraction_numerators"].items()},
        denominators={normalize_phrase(k): int(v)
                      for k, v in words["fraction_denominators"].items()},
        multiplier=re.compile(rf"{SPACE}(?P<noun>{alternation(list(words['multiplier_nouns']))})"
                              r"(?!\w)", re.IGNORECASE),
        multipliers={normalize_phrase(k): int(v) for k, v in words["multiplier_nouns"].items()},
        decimal=re.compile(rf"{SPACE}{alternation(words['decimal_words'])}{SPACE}",
                           re.IGNORECASE),
        scales=scales,
        homographs=frozenset(words["adjective_homographs"]),
        previous_word=re.compile(r"(?P<word>[^\W\d_]{2,40})\s{1,3}$"),
        zero_led=re.compile(r"(?<![\w.,/:-])0[1-9](?![\w.,/:-])"),
        function_words=frozenset(normalize_phrase(str(w)) for w in
                                 load_yaml("not_figures.yaml")["function_words"]),
    )


def _scale_of(text: str, atom: Atom, vocab: ComposeVocabulary) -> int:
    """The scale word an atom ends with ("deux millions" -> 1000000), else 1."""
    last = text[atom.start:atom.end].split()[-1] if atom.end > atom.start else ""
    return vocab.scales.get(normalize_phrase(last), 1)


def _with_half(text: str, atom: Atom, vocab: ComposeVocabulary) -> Atom:
    scale = max(atom.scale, _scale_of(text, atom, vocab))
    match = vocab.half_after.match(text, atom.end)
    if match is None or scale == 1 or atom.value is None:
        return atom
    value = to_number(Decimal(str(atom.value)) + Decimal(scale) / 2)
    return replace(atom, end=match.end(), value=value)


def _with_multiplier(text: str, atom: Atom, vocab: ComposeVocabulary) -> Atom:
    match = vocab.multiplier.match(text, atom.end)
    if match is None or atom.value is None:
        return atom
    factor = vocab.multipliers[normalize_phrase(match.group("noun"))]
    return replace(atom, end=match.end(), value=atom.value * factor)


def _decimal_pair(text: str, first: Atom, second: Atom, vocab: ComposeVocabulary
                  ) -> Atom | None:
    """"deux virgule trois (millions)": 2.3 (times the scale after the second part)."""
    if first.kind != "words" or second.kind != "words" or first.value is None \
            or second.value is None or not vocab.decimal.fullmatch(text, first.end,
                                                                   second.start):
        return None
    scale = _scale_of(text, second, vocab)
    fraction = int(second.value // scale) if scale > 1 else int(second.value)
    value = Decimal(f"{int(first.value)}.{fraction}") * scale
    return replace(first, end=second.end, value=to_number(value), scale=scale)


def compose(text: str, atoms: list[Atom], lo: int, hi: int) -> list[Atom]:
    """The atoms with composed figures merged, new ones added, adjectives dropped."""
    vocab = compose_vocabulary()
    extra = [*_half_before(text, lo, hi, vocab), *_fraction_of_scale(text, lo, hi, vocab),
             *_zero_led(text, lo, hi, vocab)]
    taken = [(a.start, a.end) for a in extra]
    result: list[Atom] = list(extra)
    index = 0
    while index < len(atoms):
        atom = atoms[index]
        if any(s < atom.end and atom.start < e for s, e in taken):
            index += 1
            continue
        following = atoms[index + 1] if index + 1 < len(atoms) else None
        pair = _decimal_pair(text, atom, following, vocab) if following else None
        if pair is not None:
            result.append(pair)
            index += 2
            continue
        if atom.kind in ("words", "digits"):
            atom = _with_multiplier(text, _with_half(text, atom, vocab), vocab)
        if not _adjective(text, atom, vocab):
            result.append(atom)
        index += 1
    result.sort(key=lambda a: (a.start, -a.end))
    return result


def _half_before(text: str, lo: int, hi: int, vocab: ComposeVocabulary) -> list[Atom]:
    """"half a million" -> 500000."""
    return [Atom(m.start(), m.end(), "words", "exact",
                 vocab.scales[normalize_phrase(m.group("scale"))] // 2)
            for m in vocab.half_before.finditer(text, lo, hi)]


def _fraction_of_scale(text: str, lo: int, hi: int, vocab: ComposeVocabulary) -> list[Atom]:
    """"three quarters of a million" -> 750000, "deux tiers d'un million" -> 666667."""
    found = []
    for m in vocab.fraction.finditer(text, lo, hi):
        share = Decimal(vocab.numerators[normalize_phrase(m.group("num"))]) / Decimal(
            vocab.denominators[normalize_phrase(m.group("den"))])
        value = share * vocab.scales[normalize_phrase(m.group("scale"))]
        found.append(Atom(m.start(), m.end(), "words", "exact", int(value.to_integral_value())))
    return found


def _zero_led(text: str, lo: int, hi: int, vocab: ComposeVocabulary) -> list[Atom]:
    """"05 motos": a two-digit count written with a leading zero (a counted noun follows)."""
    found = []
    for match in vocab.zero_led.finditer(text, lo, hi):
        following = re.match(r"\s{1,3}([^\W\d_]+)", text[match.end():match.end() + 40])
        if following and following.group(1)[0].islower():
            found.append(Atom(match.start(), match.end(), "digits", "exact",
                              int(match.group())))
    return found


def _adjective(text: str, atom: Atom, vocab: ComposeVocabulary) -> bool:
    """"un bâtiment neuf": a homograph of a number right after a noun is an adjective."""
    if atom.kind != "words" or normalize_phrase(text[atom.start:atom.end]) not in \
            vocab.homographs:
        return False
    previous = vocab.previous_word.search(text, max(0, atom.start - 42), atom.start)
    if previous is None:
        return False
    word = previous.group("word")
    # "ont fait neuf morts": a number word that counts the noun after it is a figure (not
    # a verb or a function word: "le pont neuf ont été touchés").
    counted = re.match(r"\s{1,3}([^\W\d_]{3,})", text[atom.end:atom.end + 40])
    if counted and counted.group(1)[0].islower() \
            and normalize_phrase(counted.group(1)) not in vocab.function_words:
        return False
    return word[0].islower() and len(word) > 3  # a noun, not "les", "des", "à"
